"""Outputs aimed at the run's own files, through the command line (issue 20): every path a run
reads or writes is compared (through symlinks, and hard links by inode) before the audit; a
clash is one sentence and exit 2, and no file in the folder changes or appears."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from make_run_files import make_run_files
from typer.testing import CliRunner

from procaudit.cli import app


def contents(folder: Path) -> dict[str, str]:
    """Each entry of `folder`: a file's sha256, a link's target."""
    return {
        path.name: (
            f"-> {path.readlink()}"
            if path.is_symlink()
            else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        for path in sorted(folder.iterdir())
    }


@pytest.fixture
def run_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run"
    make_run_files(folder)
    monkeypatch.chdir(folder)  # the sentences name the paths as given, relative here
    return folder


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr


INPUT = "is one of the files to audit"
ALSO = "is also where {other} goes: each output needs a file of its own"
READS = "is the {other} file {path}, which the run reads: procaudit would overwrite it"

CLASHES = {
    "report over the history": (
        ["check", "c.csv", "--history", "h.db", "-f", "json", "-o", "h.db"],
        "--history h.db: " + ALSO.format(other="--output h.db"),
    ),
    "report over the baseline": (
        ["check", "c.csv", "--baseline", "b.json", "-f", "json", "-o", "b.json"],
        "--output b.json: " + READS.format(other="--baseline", path="b.json"),
    ),
    "fix-list over the reference": (
        ["check", "c.csv", "--reference", "ref.csv", "--fix-list", "ref.csv"],
        "--fix-list ref.csv: " + READS.format(other="--reference", path="ref.csv"),
    ),
    "new baseline over the schema": (
        ["check", "c.csv", "--schema", "schema.yaml", "--write-baseline", "schema.yaml"],
        "--write-baseline schema.yaml: " + READS.format(other="--schema", path="schema.yaml"),
    ),
    "report over the config": (
        ["check", "c.csv", "--config", "cfg.toml", "-o", "cfg.toml"],
        "--output cfg.toml: " + READS.format(other="--config", path="cfg.toml"),
    ),
    "report and fix-list to one new file": (
        ["check", "c.csv", "-f", "csv", "-o", "out.csv", "--fix-list", "out.csv"],
        "--fix-list out.csv: " + ALSO.format(other="--output out.csv"),
    ),
    "log onto an input": (["check", "c.csv", "--log", "c.csv"], "--log c.csv: " + INPUT),
    "log onto the history": (
        ["check", "c.csv", "--history", "h.db", "--log", "h.db"],
        "--log h.db: " + ALSO.format(other="--history h.db"),
    ),
    "history onto the baseline": (
        ["check", "c.csv", "--baseline", "b.json", "--history", "b.json"],
        "--history b.json: " + READS.format(other="--baseline", path="b.json"),
    ),
    "report through a symlink to the history": (
        ["check", "c.csv", "--history", "h.db", "-f", "json", "-o", "link-h.db"],
        "--history h.db: " + ALSO.format(other="--output link-h.db"),
    ),
    "report over a hard link to the baseline": (
        ["check", "c.csv", "--baseline", "b.json", "-f", "json", "-o", "hard-b.json"],
        "--output hard-b.json: " + READS.format(other="--baseline", path="b.json"),
    ),
    "report over a hard link to an input": (
        ["check", "c.csv", "-o", "hard-c.csv"],
        "--output hard-c.csv: " + INPUT,
    ),
    "fix-list through a symlink to the config": (
        ["check", "c.csv", "--config", "cfg.toml", "--fix-list", "link-cfg.toml"],
        "--fix-list link-cfg.toml: " + READS.format(other="--config", path="cfg.toml"),
    ),
    "two new outputs through a dangling link and its target": (
        ["check", "c.csv", "-f", "json", "-o", "link-new.json", "--write-baseline", "new.json"],
        "--write-baseline new.json: " + ALSO.format(other="--output link-new.json"),
    ),
    "fix's copy over a hard link to its input": (
        ["fix", "c.csv", "-o", "hard-c.csv"],
        "-o hard-c.csv: is one of the files to repair",
    ),
    "diff's report over a symlink to the new version": (
        ["diff", "d.csv", "c.csv", "-o", "link-c.csv"],
        "--output link-c.csv: is one of the files to compare",
    ),
}


@pytest.mark.parametrize(("args", "sentence"), CLASHES.values(), ids=CLASHES.keys())
def test_a_clash_is_one_sentence_before_the_audit(
    run_folder: Path, args: list[str], sentence: str
) -> None:
    before = contents(run_folder)
    code, stderr = invoke(*args)
    assert (code, stderr) == (2, f"procaudit: error: {sentence}\n")
    assert contents(run_folder) == before


def test_the_config_found_by_the_upward_search_is_protected_too(run_folder: Path) -> None:
    (run_folder / "procaudit.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    before = contents(run_folder)
    code, stderr = invoke("check", "c.csv", "--fix-list", "procaudit.toml")
    assert code == 2
    assert "--fix-list procaudit.toml: is the --config file" in stderr
    assert contents(run_folder) == before


def test_fix_never_writes_over_the_reference_its_config_names(run_folder: Path) -> None:
    (run_folder / "fix.toml").write_text('reference = "ref.csv"\n', encoding="utf-8")
    before = contents(run_folder)
    code, stderr = invoke("fix", "c.csv", "--config", "fix.toml", "-o", "hard-ref.csv")
    assert code == 2
    assert stderr.startswith("procaudit: error: -o hard-ref.csv: is the --reference file ")
    assert stderr.count("\n") == 1
    assert contents(run_folder) == before


def test_the_new_baseline_may_replace_the_one_it_is_compared_with(run_folder: Path) -> None:
    """The nightly ratchet: the old baseline is read before the new one replaces it."""
    old = (run_folder / "b.json").read_bytes()
    (run_folder / "c.csv").write_text(
        (run_folder / "c.csv").read_text(encoding="utf-8") + "2.00001,Cấp bản sao,Cấp xã\n",
        encoding="utf-8",
    )
    code, stderr = invoke("check", "c.csv", "--baseline", "b.json", "--write-baseline", "b.json")
    assert code == 1 and stderr == ""
    assert (run_folder / "b.json").read_bytes() != old
    assert (run_folder / "hard-b.json").read_bytes() == old  # replaced, never written into


def test_two_outputs_to_the_null_device_are_no_clash(run_folder: Path) -> None:
    code, stderr = invoke("check", "c.csv", "-o", "/dev/null", "--write-baseline", "/dev/null")
    assert code == 1 and stderr == ""
