"""Every path option of check, fix, diff, history and inspect, given a file one may not read
or a path inside a folder one may not enter (issue 20): one sentence naming the path, exit 2,
never a raw "[Errno 13]" nor a traceback, and nothing changed. Run as an ordinary user
(nobody, when the tests run as root, who enters every folder and reads every file).

A file one may not read is refused by the command line itself for most options (click's
"Invalid value for '--config': path 'x' is not readable."): still one sentence naming the
path, in click's words."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from runner import GOOD_CSV, IS_ROOT, errors_of, run, shared_folder, snapshot

pytestmark = pytest.mark.slow  # every case is a subprocess

STATE = ("in.csv", "ref.csv", "s.yaml", "c.toml", "b.json", "h.db")


@pytest.fixture(scope="module")
def guarded() -> Iterator[Path]:
    """good.csv beside `locked/` (a folder nobody but root may enter) and `u-NAME` files
    nobody but root may read, each of a catalogue, reference, schema, configuration, baseline
    and history."""
    for folder in shared_folder():
        shutil.copy(GOOD_CSV, folder / "good.csv")
        (folder / "good.csv").chmod(0o644)
        locked = folder / "locked"
        locked.mkdir()
        shutil.copy(GOOD_CSV, locked / "in.csv")
        shutil.copy(GOOD_CSV, locked / "ref.csv")
        (locked / "s.yaml").write_text("columns: {}\n", encoding="utf-8")
        (locked / "c.toml").write_text('fail-on = "error"\n', encoding="utf-8")
        made = run(
            "check",
            "good.csv",
            "--write-baseline",
            "locked/b.json",
            "--history",
            "locked/h.db",
            "-q",
            cwd=folder,
        )
        assert made.returncode == 1, made.stderr
        for name in STATE:
            shutil.copy(locked / name, folder / f"u-{name}")
            (folder / f"u-{name}").chmod(0)
        locked.chmod(0)
        if not IS_ROOT and os.access(locked / "in.csv", os.R_OK):
            pytest.skip("this user enters every folder")
        yield folder


def the_sentence(result_stderr: str) -> str:
    """The one error line: procaudit's own, or click's for a path it refused to pass on."""
    lines = [
        line
        for line in result_stderr.splitlines()
        if line.startswith(("procaudit: error:", "Error: "))
    ]
    assert len(lines) == 1, result_stderr
    return lines[0]


DENIED = "Permission denied"
UNREADABLE = "is not readable"  # click's words
CASES = {
    # check
    "check, an input in a locked folder": (["check", "good.csv", "locked/in.csv"], DENIED),
    "check, an input one may not read": (["check", "good.csv", "u-in.csv"], DENIED),
    "check --config in a locked folder": (
        ["check", "good.csv", "--config", "locked/c.toml"],
        DENIED,
    ),
    "check --config one may not read": (["check", "good.csv", "--config", "u-c.toml"], UNREADABLE),
    "check --reference in a locked folder": (
        ["check", "good.csv", "--reference", "locked/ref.csv"],
        DENIED,
    ),
    "check --reference one may not read": (
        ["check", "good.csv", "--reference", "u-ref.csv"],
        UNREADABLE,
    ),
    "check --schema in a locked folder": (
        ["check", "good.csv", "--schema", "locked/s.yaml"],
        DENIED,
    ),
    "check --schema one may not read": (["check", "good.csv", "--schema", "u-s.yaml"], UNREADABLE),
    "check --baseline in a locked folder": (
        ["check", "good.csv", "--baseline", "locked/b.json"],
        DENIED,
    ),
    "check --baseline one may not read": (
        ["check", "good.csv", "--baseline", "u-b.json"],
        UNREADABLE,
    ),
    "check --history in a locked folder": (
        ["check", "good.csv", "--history", "locked/h.db"],
        DENIED,
    ),
    "check --history one may not read": (["check", "good.csv", "--history", "u-h.db"], UNREADABLE),
    "check --forms-dir, a locked folder": (
        ["check", "good.csv", "--forms-dir", "locked"],
        UNREADABLE,
    ),
    "check --log in a locked folder": (["check", "good.csv", "--log", "locked/l.log"], DENIED),
    "check --output in a locked folder": (["check", "good.csv", "-o", "locked/o.json"], DENIED),
    "check --fix-list in a locked folder": (
        ["check", "good.csv", "--fix-list", "locked/f.xlsx"],
        DENIED,
    ),
    "check --write-baseline in a locked folder": (
        ["check", "good.csv", "--write-baseline", "locked/n.json"],
        DENIED,
    ),
    # fix
    "fix, an input in a locked folder": (["fix", "locked/in.csv", "--diff"], DENIED),
    "fix, an input one may not read": (["fix", "u-in.csv", "--diff"], DENIED),
    "fix --config in a locked folder": (
        ["fix", "good.csv", "--diff", "--config", "locked/c.toml"],
        DENIED,
    ),
    "fix --config one may not read": (
        ["fix", "good.csv", "--diff", "--config", "u-c.toml"],
        UNREADABLE,
    ),
    "fix -o in a locked folder": (["fix", "good.csv", "-o", "locked/x.csv"], DENIED),
    "fix --output-dir, a locked folder": (
        ["fix", "good.csv", "--output-dir", "locked"],
        UNREADABLE,
    ),
    "fix --in-place, an input one may not read": (
        ["fix", "u-in.csv", "--in-place", "--backup", ".bak"],
        DENIED,
    ),
    # diff
    "diff, a version in a locked folder": (["diff", "good.csv", "locked/in.csv"], DENIED),
    "diff, a version one may not read": (["diff", "u-in.csv", "good.csv"], DENIED),
    "diff --config in a locked folder": (
        ["diff", "good.csv", "good.csv", "--config", "locked/c.toml"],
        DENIED,
    ),
    "diff --config one may not read": (
        ["diff", "good.csv", "good.csv", "--config", "u-c.toml"],
        UNREADABLE,
    ),
    "diff --output in a locked folder": (
        ["diff", "good.csv", "good.csv", "-o", "locked/d.json"],
        DENIED,
    ),
    # history
    "history, a database in a locked folder": (["history", "locked/h.db"], DENIED),
    "history, a database one may not read": (["history", "u-h.db"], UNREADABLE),
    # inspect
    "inspect, a file in a locked folder": (["inspect", "locked/in.csv"], DENIED),
    "inspect, a file one may not read": (["inspect", "u-in.csv"], DENIED),
    "inspect --config in a locked folder": (
        ["inspect", "good.csv", "--config", "locked/c.toml"],
        DENIED,
    ),
    "inspect --config one may not read": (
        ["inspect", "good.csv", "--config", "u-c.toml"],
        UNREADABLE,
    ),
}


@pytest.mark.parametrize(("args", "reason"), list(CASES.values()), ids=list(CASES))
def test_a_path_one_may_not_read_is_one_sentence_naming_it(
    guarded: Path, args: list[str], reason: str
) -> None:
    before = snapshot(guarded)
    listed = sorted(os.listdir(guarded))
    result = run(*args, cwd=guarded, as_user=True)
    assert result.returncode == 2, result.stderr
    errors_of(result)  # no traceback, no internal error
    sentence = the_sentence(result.stderr)
    named = next(arg for arg in args if "locked" in arg or arg.startswith("u-"))
    assert named in sentence and reason in sentence, sentence
    assert "Errno" not in result.stderr
    assert snapshot(guarded) == before and sorted(os.listdir(guarded)) == listed
