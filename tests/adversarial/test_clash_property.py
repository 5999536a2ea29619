"""A property test of issue 20's promise that a run never overwrites what it reads: random
combinations of outputs (-o, --write-baseline, --fix-list, --history, --log) and state files
(--baseline, --reference, --config) over one folder of files and links to them, the same path
given twice, a symlink or hard link to an input or a state file. Whatever the combination, no
input and no state file the run reads changes (the new baseline over the old one is the one
rewrite allowed), the history is never replaced by a report, and a combination where two
paths are one file is refused with exit 2 before anything is written."""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from make_run_files import HARDLINKS, SYMLINKS, make_run_files
from typer.testing import CliRunner

from procaudit.cli import app

pytestmark = pytest.mark.slow  # an audit per example

# The file each name is, by construction: links name their target.
REAL = {**SYMLINKS, **HARDLINKS}
FILES = ("c.csv", "d.csv", "b.json", "h.db", "ref.csv", "cfg.toml", "schema.yaml")
NEW = ("out.json", "out.csv", "new.json")
ANY_NAME = st.sampled_from((*FILES, *NEW, *REAL))
OUTPUTS = ("-o", "--write-baseline", "--fix-list", "--history", "--log")
SQLITE = b"SQLite format 3\x00"  # a database's first bytes


def real(name: str) -> str:
    return REAL.get(name, name)


def digests(folder: Path) -> dict[str, str]:
    return {
        path.name: (
            f"-> {path.readlink()}"
            if path.is_symlink()
            else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        for path in sorted(folder.iterdir())
    }


runs = st.fixed_dictionaries(
    {
        "inputs": st.sampled_from((("c.csv",), ("c.csv", "d.csv"), ("link-c.csv",))),
        "--baseline": st.none() | st.sampled_from(("b.json", "hard-b.json")),
        "--reference": st.none() | st.sampled_from(("ref.csv", "hard-ref.csv")),
        "--config": st.none() | st.sampled_from(("cfg.toml", "link-cfg.toml")),
        **{option: st.none() | ANY_NAME for option in OUTPUTS},
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(run=runs)
def test_no_combination_overwrites_what_the_run_reads(run: dict) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        make_run_files(folder)
        before = digests(folder)
        args = ["check", *run["inputs"], "-q", "-f", "json"]
        for option in ("--baseline", "--reference", "--config", *OUTPUTS):
            if run[option] is not None:
                args += [option, run[option]]
        with contextlib.chdir(folder):
            result = CliRunner().invoke(app, args)
        after = digests(folder)
        history = folder / "h.db"
        history_head = history.read_bytes()[: len(SQLITE)]

    assert "internal error" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)

    read = {real(name) for name in run["inputs"]}
    read |= {real(run[option]) for option in ("--reference", "--config") if run[option]}
    baseline = real(run["--baseline"]) if run["--baseline"] else None
    written = [(option, real(run[option])) for option in OUTPUTS if run[option]]
    rewrites_baseline = baseline is not None and ("--write-baseline", baseline) in written
    clash = len({name for _, name in written}) < len(written) or any(
        name in read or (name == baseline and option != "--write-baseline")
        for option, name in written
    )

    if clash:
        assert result.exit_code == 2, (args, result.stderr)
        assert after == before, args  # refused before anything was written
        return
    kept = read | ({baseline} if baseline is not None and not rewrites_baseline else set())
    for name in kept:
        assert after[name] == before[name], (args, name)
    # The history (or a link to it) given as --history is appended to, never replaced.
    assert history_head == SQLITE or run["--history"] not in ("h.db", "link-h.db"), args
