"""More of issue 20's kind, through the real console entry point: an output folder that
disappears while the audit runs, a full disk and a read-only file system under an output,
an input that changes while it is read, empty files of every format, a file name that is a
folder, a BOM with NUL bytes, and a history another program keeps locked. Each is exit 2 and
one sentence naming the path (or a run that goes on, where the input is still a catalogue),
no half-written file and no temporary file left behind."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from make_run_files import CATALOGUE
from runner import GOOD_CSV, TIMEOUT, errors_of, run, small_tmpfs

pytestmark = pytest.mark.slow  # each runs procaudit in a subprocess


def entry_point_with(
    patch: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """procaudit ARGS through its console entry point, after the Python in `patch` ran."""
    script = textwrap.dedent(patch) + textwrap.dedent(
        """
        import sys
        from procaudit.cli.main import main
        sys.argv = ["procaudit", *sys.argv[1:]]
        main()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, "PROCAUDIT_DEBUG": "", "NO_COLOR": "1", **(env or {})},
    )


def everything_under(folder: Path) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(root, name), folder)
        for root, folders, files in os.walk(folder)
        for name in folders + files
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "c.csv").write_text(CATALOGUE, encoding="utf-8")
    return tmp_path


# --- outputs ------------------------------------------------------------------------------


def cannot_write(option: str, name: str, reason: str) -> str:
    if option == "--write-baseline":  # the baseline's own sentence
        return f"procaudit: error: Cannot write the baseline {name}: {reason}."
    return f"procaudit: error: cannot write {name}: {reason}"


# The audit removes the report's folder before it returns, as a clean-up job might.
FOLDER_GOES = """
    import shutil
    import procaudit.app.check as check
    audit = check.audit_sources
    def audit_then_remove(*args, **kwargs):
        result = audit(*args, **kwargs)
        shutil.rmtree("reports")
        return result
    check.audit_sources = audit_then_remove
"""


@pytest.mark.parametrize("option", ["-o", "--fix-list", "--write-baseline"])
def test_an_output_folder_that_disappears_mid_run_is_one_sentence(
    folder: Path, option: str
) -> None:
    (folder / "reports").mkdir()
    name = "reports/out.xlsx" if option == "--fix-list" else "reports/out.json"
    done = entry_point_with(FOLDER_GOES, "check", "c.csv", "-q", option, name, cwd=folder)
    assert done.returncode == 2
    assert errors_of(done) == [cannot_write(option, name, "No such file or directory")]
    assert everything_under(folder) == ["c.csv"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 KB tmpfs holding c.csv (only root may mount one; skipped elsewhere)."""
    for mount in small_tmpfs(tmp_path, "16k"):
        (mount / "c.csv").write_text(CATALOGUE, encoding="utf-8")
        yield mount


@pytest.mark.parametrize(
    ("option", "name"),
    [("-o", "out.html"), ("--fix-list", "fix.xlsx"), ("--write-baseline", "b.json")],
)
def test_a_full_disk_leaves_no_half_file(small_disk: Path, option: str, name: str) -> None:
    (small_disk / "filler").write_bytes(b"x" * 12 * 1024)  # what is left: a page or so
    done = run("check", "c.csv", "-q", "-f", "html", option, name, cwd=small_disk)
    assert done.returncode == 2
    assert errors_of(done) == [cannot_write(option, name, "No space left on device")]
    assert everything_under(small_disk) == ["c.csv", "filler"]


def test_a_read_only_file_system_is_said_before_the_audit(small_disk: Path) -> None:
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if remounted.returncode != 0:
        pytest.skip("cannot remount the tmpfs read-only here")
    done = run("check", "c.csv", "-q", "-o", "out.json", cwd=small_disk)
    assert done.returncode == 2
    assert errors_of(done) == [
        "procaudit: error: --output out.json: procaudit may not write in the folder ."
    ]
    assert everything_under(small_disk) == ["c.csv"]


# --- inputs -------------------------------------------------------------------------------

# Between the fast reader's look at the file's head and its parse, another program appends
# records (one with a line break in a quoted cell) or empties it: the audit takes what it
# read, never a traceback.
CHANGED_WHILE_READ = """
    import os
    from pathlib import Path
    import procaudit.io.read_ahead as ahead
    parse = ahead.parse_csv
    def changed_then_parsed(path, *args):
        with Path(path).open("ab" if os.environ["CHANGE"] == "append" else "r+b") as stream:
            if os.environ["CHANGE"] == "append":
                stream.write('1.009999,"Thủ tục\\nmới",Cấp xã\\n'.encode() * 50)
            else:
                stream.truncate(0)
        return parse(path, *args)
    ahead.parse_csv = changed_then_parsed
"""


def test_an_input_that_grows_while_read_is_audited_as_read(folder: Path) -> None:
    shutil.copy(GOOD_CSV, folder / "big.csv")
    done = entry_point_with(
        CHANGED_WHILE_READ, "check", "big.csv", "-q", cwd=folder, env={"CHANGE": "append"}
    )
    assert done.returncode == 1 and errors_of(done) == [], done.stderr
    assert " in 1 file " in done.stdout


def test_an_input_emptied_while_read_is_one_sentence(folder: Path) -> None:
    shutil.copy(GOOD_CSV, folder / "big.csv")
    done = entry_point_with(
        CHANGED_WHILE_READ, "check", "big.csv", "-q", cwd=folder, env={"CHANGE": "truncate"}
    )
    assert done.returncode in (1, 2)  # what was read before it emptied, or nothing
    errors = errors_of(done)
    assert errors in ([], ["procaudit: error: big.csv: is empty"]), done.stderr


SUFFIXES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "xlsb", "ods"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_an_empty_file_of_each_format_is_one_sentence(folder: Path, suffix: str) -> None:
    (folder / f"e.{suffix}").write_bytes(b"")
    for args in (
        ["check", f"e.{suffix}", "c.csv", "-q"],
        ["inspect", f"e.{suffix}"],
        ["diff", f"e.{suffix}", "c.csv"],
        ["fix", f"e.{suffix}", "--diff"],
    ):
        done = run(*args, cwd=folder)
        assert done.returncode == 2, (args, done.stderr)
        assert errors_of(done) == [f"procaudit: error: e.{suffix}: is empty"], args
    assert everything_under(folder) == ["c.csv", f"e.{suffix}"]


def test_an_empty_workbook_and_a_header_alone(folder: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(folder / "blank.xlsx")
    done = run("check", "blank.xlsx", "-q", cwd=folder)
    assert done.returncode == 2
    assert errors_of(done) == [
        "procaudit: error: blank.xlsx: is empty (none of its sheets holds a value)"
    ]
    (folder / "header.csv").write_text(CATALOGUE.splitlines()[0] + "\n", encoding="utf-8")
    done = run("check", "header.csv", "-q", cwd=folder)
    assert done.returncode == 2  # no catalogue to pass a gate on
    assert errors_of(done) == ["procaudit: error: header.csv: has a header but no procedure rows"]


def test_a_folder_named_as_a_catalogue_is_one_sentence(folder: Path) -> None:
    (folder / "d.csv").mkdir()
    folder_sentence = (
        "procaudit: error: d.csv: is a folder with no catalogue file in it "
        "(.csv, .xlsx, .xlsm, .xls, .ods)"
    )
    for args, sentence in (
        (["check", "d.csv", "-q"], folder_sentence),
        (["inspect", "d.csv"], folder_sentence),
        (["fix", "d.csv", "--diff"], folder_sentence),
        (
            ["diff", "d.csv", "c.csv"],
            "procaudit: error: d.csv: is a directory, not a catalogue file",
        ),
    ):
        done = run(*args, cwd=folder)
        assert done.returncode == 2 and errors_of(done) == [sentence], args


def test_a_bom_with_nul_bytes_and_a_utf16_file(folder: Path) -> None:
    (folder / "nul.csv").write_bytes(b"\xef\xbb\xbfM\x00a\x00,b\n1,2\n")
    done = run("check", "nul.csv", "c.csv", "-q", cwd=folder)
    assert done.returncode == 2
    assert errors_of(done) == [
        "procaudit: error: nul.csv: is not a CSV text file (it may be damaged or another kind "
        "of file)"
    ]
    assert " in 1 file " in done.stdout  # c.csv is audited all the same
    # UTF-16 is NUL bytes for every ASCII letter, behind its own BOM: a catalogue like another.
    (folder / "u16.csv").write_bytes(CATALOGUE.encode("utf-16"))
    done = run("check", "u16.csv", "-q", cwd=folder)
    assert done.returncode == 1 and errors_of(done) == []
    assert "in 1 file (3 procedures)" in done.stdout


# --- a history another program keeps locked ------------------------------------------------

SHORT_WAIT = """
    import procaudit.history.store as store
    store.BUSY_TIMEOUT = 0.5
"""


def test_a_history_locked_by_another_program_stops_the_run_before_the_report(
    folder: Path,
) -> None:
    made = run("check", "c.csv", "-q", "--history", "h.db", cwd=folder)
    assert made.returncode == 1
    holder = sqlite3.connect(folder / "h.db", isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        done = entry_point_with(
            SHORT_WAIT,
            "check",
            "c.csv",
            "--history",
            "h.db",
            "-f",
            "json",
            "-o",
            "r.json",
            cwd=folder,
        )
    finally:
        holder.close()
    assert done.returncode == 2
    assert errors_of(done) == [
        "procaudit: error: h.db is busy: another run kept it locked for more than 0.5 s"
    ]
    assert not (folder / "r.json").exists()  # as the README says: no report at all


def fill(disk: Path) -> None:
    """Fill the disk to its last byte."""
    with (disk / "filler").open("wb", buffering=0) as stream:
        try:
            while stream.write(b"x" * 512):
                pass
        except OSError:
            pass


def test_a_full_disk_takes_the_log_line_back(small_disk: Path) -> None:
    old = "2026-12-01T02:00:00+07:00 a line of an earlier run".ljust(4095) + "\n"  # one page
    (small_disk / "old.log").write_text(old, encoding="utf-8")
    fill(small_disk)
    for name in ("old.log", "new.log"):
        done = run("check", "c.csv", "-q", "--log", name, cwd=small_disk)
        assert done.returncode == 2
        assert errors_of(done) == [
            f"procaudit: error: cannot write {name}: No space left on device"
        ]
    assert (small_disk / "old.log").read_text(encoding="utf-8") == old  # no half line
    assert everything_under(small_disk) == ["c.csv", "filler", "old.log"]


def test_a_full_disk_leaves_no_empty_history(small_disk: Path) -> None:
    fill(small_disk)
    done = run("check", "c.csv", "-q", "--history", "h.db", cwd=small_disk)
    assert done.returncode == 2
    assert len(errors_of(done)) == 1 and "h.db" in errors_of(done)[0], done.stderr
    assert everything_under(small_disk) == ["c.csv", "filler"]  # no h.db: a later run starts it
