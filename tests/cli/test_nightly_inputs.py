"""A nightly run never trips on its own surroundings (issue 17): the lock file an open workbook
leaves, the reports and fix-lists procaudit wrote under the folder it audits, what
`--exclude` and the configuration's `exclude` leave out, and the one line `--log` keeps."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from procaudit.cli import app
from procaudit.cli.inputs import Inputs, expand_inputs, is_excluded, is_lock_file

SAMPLE = SAMPLES / "catalogue-lao-cai.xlsx"
EXCEL_LOCK = b"\x0bNguyen Van A" + b"\x00" * 150  # what Excel writes: the owner, padded
LOG_LINE = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2} files=(\d+) errors=(\d+) "
    r"warnings=(\d+) infos=(\d+)( new=\d+)? unread=(\d+) exit=([012])\n"
)

runner = CliRunner()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "danh-muc").mkdir()
    shutil.copy(SAMPLE, tmp_path / "danh-muc" / "lao-cai.xlsx")
    return tmp_path


def check(*args: str):
    return runner.invoke(app, ["check", "-f", "json", *args])


def audited(result) -> list[str]:
    return [file["path"] for file in json.loads(result.stdout)["files"]]


def counts(result) -> tuple[int, int, int, int]:
    report = json.loads(result.stdout)
    summary = report["summary"]
    return len(report["files"]), summary["error"], summary["warning"], summary["info"]


# --- lock files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "lock"),
    [
        ("~$lao-cai.xlsx", True),
        ("~$lao-cai.xls", True),
        ("~$lao-cai.ods", True),
        (".~lock.lao-cai.xlsx#", True),
        (".~lock.lao-cai.ods#", True),
        ("lao-cai.xlsx", False),
        ("lao~$cai.xlsx", False),
        (".~lock.lao-cai.xlsx", False),
    ],
)
def test_which_names_are_lock_files(name: str, lock: bool) -> None:
    assert is_lock_file(name) is lock


@pytest.mark.parametrize("lock", ["~$lao-cai.xlsx", "~$cu.xls", "~$lao-cai.ods", ".~lock.x.xlsx#"])
def test_a_lock_file_the_shell_glob_named_is_skipped_with_a_note(here: Path, lock: str) -> None:
    (here / "danh-muc" / lock).write_bytes(EXCEL_LOCK)
    named = os.path.join("danh-muc", lock)
    result = check(os.path.join("danh-muc", "lao-cai.xlsx"), named)
    assert result.exit_code == 1, result.output  # the sample's findings; never 2
    assert audited(result) == [os.path.join("danh-muc", "lao-cai.xlsx")]
    assert f"procaudit: note: {named}: skipped: a lock file" in result.stderr
    assert "error" not in result.stderr


def test_quiet_keeps_the_lock_file_note_off_stderr(here: Path) -> None:
    (here / "danh-muc" / "~$lao-cai.xlsx").write_bytes(EXCEL_LOCK)
    result = check("-q", "danh-muc/lao-cai.xlsx", "danh-muc/~$lao-cai.xlsx")
    assert result.exit_code == 1
    assert result.stderr == ""


def test_a_lock_file_is_silently_left_out_of_a_folder_scan(here: Path) -> None:
    (here / "danh-muc" / "~$lao-cai.xlsx").write_bytes(EXCEL_LOCK)
    (here / "danh-muc" / ".~lock.lao-cai.xlsx#").write_bytes(EXCEL_LOCK)
    result = check("danh-muc")
    assert result.exit_code == 1
    assert audited(result) == [os.path.join("danh-muc", "lao-cai.xlsx")]
    assert "lock" not in result.stderr


def test_nothing_but_lock_files_is_nothing_to_audit(here: Path) -> None:
    (here / "~$lao-cai.xlsx").write_bytes(EXCEL_LOCK)
    result = check("~$lao-cai.xlsx")
    assert result.exit_code == 2
    assert "procaudit: error: nothing to audit: the only files named are lock files" in (
        result.stderr
    )
    assert "Traceback" not in result.output


def test_the_lock_file_note_speaks_vietnamese(here: Path) -> None:
    (here / "danh-muc" / "~$lao-cai.xlsx").write_bytes(EXCEL_LOCK)
    result = check("--lang", "vi", "danh-muc/lao-cai.xlsx", "danh-muc/~$lao-cai.xlsx")
    assert "bỏ qua: tệp khóa" in result.stderr


# --- procaudit's own outputs ------------------------------------------------------------------


def write_reports(folder: str, *extra: str) -> None:
    """Last night's outputs, kept under the folder: a fix-list of each kind, a CSV report."""
    reports = os.path.join(folder, "reports")
    os.makedirs(reports, exist_ok=True)
    for fix_list in ("sua-loi.xlsx", "sua-loi.csv"):
        result = check("-q", folder, "--fix-list", os.path.join(reports, fix_list), *extra)
        assert result.exit_code == 1, result.output
    result = runner.invoke(
        app, ["check", "-q", folder, "-f", "csv", "-o", os.path.join(reports, "bao-cao.csv")]
    )
    assert result.exit_code == 1, result.output


def test_a_folder_scan_leaves_out_the_reports_procaudit_wrote(here: Path) -> None:
    first = check("danh-muc")
    write_reports("danh-muc")
    again = check("danh-muc")
    assert again.exit_code == 1, again.output
    assert counts(again) == counts(first)  # the fix-list is not audited as a catalogue
    assert audited(again) == [os.path.join("danh-muc", "lao-cai.xlsx")]
    notes = [line for line in again.stderr.splitlines() if "procaudit wrote itself" in line]
    assert notes == [
        "procaudit: note: left out 3 files procaudit wrote itself (reports, fix-lists) "
        "found in the folders scanned; name a file to audit it anyway"
    ]


def test_a_vietnamese_fix_list_is_recognised_too(here: Path) -> None:
    first = check("danh-muc")
    write_reports("danh-muc", "--lang", "vi")
    again = check("danh-muc", "--lang", "vi")
    assert counts(again) == counts(first)
    assert "đã bỏ qua 3 tệp do chính procaudit ghi ra" in again.stderr


def test_a_pattern_procaudit_expands_leaves_them_out_too(here: Path) -> None:
    write_reports("danh-muc")
    result = check("danh-muc/**/*.xlsx")
    assert audited(result) == [os.path.join("danh-muc", "lao-cai.xlsx")]


def test_a_report_named_on_the_command_line_is_audited(here: Path) -> None:
    # The user asked for it: only a scan leaves procaudit's outputs out.
    write_reports("danh-muc")
    named = os.path.join("danh-muc", "reports", "sua-loi.xlsx")
    result = check("danh-muc/lao-cai.xlsx", named)
    report = json.loads(result.stdout) if result.stdout else {"files": []}
    seen = [file["path"] for file in report["files"]]
    assert named in seen or named in result.stderr  # audited, or said why it could not be
    assert "procaudit wrote itself" not in result.stderr


def test_a_folder_of_nothing_but_reports_has_no_catalogue(here: Path) -> None:
    write_reports("danh-muc")
    result = check("danh-muc/reports")
    assert result.exit_code == 2
    assert "is a folder with no catalogue file in it" in result.stderr


# --- what is not a regular file, and one file by two names -----------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_scanned_folder_is_skipped_before_anything_opens_it(
    here: Path,
) -> None:
    # Opening a FIFO waits for a writer: the scan for procaudit's own outputs hung on it.
    os.mkfifo(here / "danh-muc" / "fifo.xlsx")
    os.mkfifo(here / "danh-muc" / "fifo.csv")
    result = subprocess.run(
        [sys.executable, "-m", "procaudit", "check", "danh-muc", "-f", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr  # the sample's findings
    assert audited(result) == [os.path.join("danh-muc", "lao-cai.xlsx")]
    for name in ("fifo.csv", "fifo.xlsx"):
        shown = os.path.join("danh-muc", name)
        assert f"note: {shown}: skipped: a named pipe, not a file to audit" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_folder_of_nothing_but_a_pipe_has_no_catalogue(here: Path) -> None:
    os.mkfifo(here / "danh-muc" / "only.csv")
    (here / "danh-muc" / "lao-cai.xlsx").unlink()
    found: list[Inputs] = []  # in a thread: a scan that opened the pipe would never return
    scan = threading.Thread(target=lambda: found.append(expand_inputs(["danh-muc"])), daemon=True)
    scan.start()
    scan.join(timeout=30)
    assert found, "the scan opened the named pipe"
    inputs = found[0]
    assert inputs.paths == ()
    assert [failure.path for failure in inputs.failures] == ["danh-muc"]
    assert inputs.not_files == ((os.path.join("danh-muc", "only.csv"), "a named pipe"),)


def test_a_hard_link_is_audited_once_and_named_in_a_note(here: Path) -> None:
    os.link(here / "danh-muc" / "lao-cai.xlsx", here / "danh-muc" / "ban-sao.xlsx")
    result = check("danh-muc")
    assert result.exit_code == 1, result.output
    first, second = (os.path.join("danh-muc", name) for name in ("ban-sao.xlsx", "lao-cai.xlsx"))
    assert audited(result) == [first]  # the first in sorted order; findings not doubled
    assert f"note: {second}: skipped: the same file as {first}" in result.stderr
    once = counts(check(os.path.join("danh-muc", "lao-cai.xlsx")))
    assert counts(result) == once


def test_a_file_named_twice_by_a_link_and_its_name_is_audited_once(here: Path) -> None:
    (here / "link.xlsx").symlink_to(here / "danh-muc" / "lao-cai.xlsx")
    result = check("link.xlsx", "danh-muc/lao-cai.xlsx", "./link.xlsx")
    assert audited(result) == ["link.xlsx"]
    notes = [line for line in result.stderr.splitlines() if "the same file as" in line]
    assert notes == [  # a respelling of one path is no second name
        "procaudit: note: danh-muc/lao-cai.xlsx: skipped: the same file as link.xlsx "
        "(another name of it), audited once"
    ]


def test_a_workbook_that_is_no_catalogue_found_by_a_scan_says_how_to_leave_it_out(
    here: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "HƯỚNG DẪN SỬ DỤNG"
    book.active["A2"] = "Mở tệp danh mục và điền vào các cột."
    book.save(here / "danh-muc" / "README.xlsx")
    result = check("danh-muc", "--exit-zero")
    assert result.exit_code == 2
    shown = os.path.join("danh-muc", "README.xlsx")
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1
    assert errors[0].startswith(f"procaudit: error: {shown}: sheet ")
    assert errors[0].endswith(
        "; if it is no catalogue, leave it out of the folder scan with --exclude README.xlsx"
    )
    # ... which works; named on the command line, it is the user's to ask for: no hint.
    assert check("danh-muc", "--exclude", "README.xlsx").exit_code == 1
    named = check(shown)
    assert named.exit_code == 2
    assert "--exclude" not in named.stderr
    # A --header-row given is no file without a catalogue, but a wrong row: no hint either.
    wrong_row = check("danh-muc", "--header-row", "1")
    assert "--exclude" not in wrong_row.stderr


# --- --exclude and the configuration's exclude -----------------------------------------------


@pytest.mark.parametrize(
    ("relative", "patterns", "excluded"),
    [
        ("reports/a.xlsx", ["reports"], True),  # a folder by its name
        ("x/reports/a.xlsx", ["reports"], True),  # ... at any depth
        ("x/reports/a.xlsx", ["x/reports"], True),  # ... or by its path
        ("x/reports/a.xlsx", ["x/rep*"], True),
        ("cu/lao-cai-old.xlsx", ["*-old.xlsx"], True),  # a file by its name
        ("cu/lao-cai.xlsx", ["cu/*.xlsx"], True),  # ... or by its path
        ("lao-cai.xlsx", ["reports", "*-old.xlsx"], False),
        ("reportsx/a.xlsx", ["reports"], False),
        ("a/b.xlsx", [], False),
    ],
)
def test_what_an_exclude_pattern_matches(
    relative: str, patterns: list[str], excluded: bool
) -> None:
    assert is_excluded(relative, patterns) is excluded


def test_exclude_prunes_a_scan_not_a_file_named(here: Path) -> None:
    for name in ("archive/cu.csv", "lao-cai-old.csv", "ha-noi.csv", "archive.csv"):
        path = here / "d" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("ma_thu_tuc,ten_thu_tuc\n1.000001,Đăng ký khai sinh\n", encoding="utf-8")
    inputs = expand_inputs(["d", "d/archive/cu.csv"], ["archive", "*-old.csv"])
    assert list(inputs.paths) == [
        os.path.join("d", "archive.csv"),
        os.path.join("d", "ha-noi.csv"),
        os.path.join("d", "archive", "cu.csv"),  # named: the user asked for it
    ]


def test_exclude_from_the_command_line_and_the_configuration_add_up(here: Path) -> None:
    shutil.copy(SAMPLE, here / "danh-muc" / "cu-old.xlsx")
    (here / "danh-muc" / "nhap").mkdir()
    shutil.copy(SAMPLE, here / "danh-muc" / "nhap" / "ban-nhap.xlsx")
    assert len(audited(check("danh-muc"))) == 3
    (here / "procaudit.toml").write_text('exclude = ["nhap"]\n', encoding="utf-8")
    assert len(audited(check("danh-muc"))) == 2
    result = check("danh-muc", "--exclude", "*-old.xlsx")
    assert audited(result) == [os.path.join("danh-muc", "lao-cai.xlsx")]
    assert "nhap" in runner.invoke(app, ["config"]).stdout


def test_excluding_everything_leaves_no_catalogue(here: Path) -> None:
    result = check("danh-muc", "--exclude", "*.xlsx")
    assert result.exit_code == 2
    assert "danh-muc: is a folder with no catalogue file in it" in result.stderr


def test_a_bad_exclude_in_the_configuration_is_one_sentence(here: Path) -> None:
    (here / "procaudit.toml").write_text("exclude = [3]\n", encoding="utf-8")
    result = check("danh-muc")
    assert result.exit_code == 2
    assert "'exclude' must be a list of glob patterns" in result.stderr
    assert "Traceback" not in result.output


# --- the run log ------------------------------------------------------------------------------


def log_lines(path: Path) -> list[tuple[str, ...]]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    matches = [LOG_LINE.fullmatch(line) for line in lines]
    assert all(matches), text
    return [match.groups() for match in matches if match]


def test_log_appends_one_line_per_run(here: Path) -> None:
    first = check("danh-muc", "--log", "nightly.log")
    assert first.exit_code == 1
    files, errors, warnings, infos = counts(first)
    expected = (str(files), str(errors), str(warnings), str(infos), None, "0", "1")
    assert log_lines(here / "nightly.log") == [expected]
    check("danh-muc", "--log", "nightly.log", "--exit-zero")
    assert log_lines(here / "nightly.log") == [expected, (*expected[:-1], "0")]
    assert first.stderr == ""  # the log is written, not said


def test_log_counts_new_findings_against_a_baseline(here: Path) -> None:
    assert check("danh-muc", "--write-baseline", "mốc.json").exit_code == 1
    result = check("danh-muc", "--baseline", "mốc.json", "--log", "nightly.log")
    assert result.exit_code == 0  # nothing new
    ((*_, new, unread, code),) = log_lines(here / "nightly.log")
    assert (new, unread, code) == (" new=0", "0", "0")


def test_a_run_that_cannot_read_a_file_logs_exit_2(here: Path) -> None:
    (here / "danh-muc" / "hong.xlsx").write_text("not a workbook", encoding="utf-8")
    result = check("danh-muc", "--log", "nightly.log")
    assert result.exit_code == 2
    ((files, *_, unread, code),) = log_lines(here / "nightly.log")
    assert (files, unread, code) == ("1", "1", "2")


def test_a_run_stopped_by_an_error_logs_exit_2(here: Path) -> None:
    result = check("danh-muc", "--log", "nightly.log", "--output", "no-such-folder/r.json")
    assert result.exit_code == 2
    text = (here / "nightly.log").read_text(encoding="utf-8")
    assert re.fullmatch(r"\S+ exit=2\n", text), text


def test_a_log_in_a_missing_folder_fails_before_the_audit(here: Path) -> None:
    result = check("danh-muc", "--log", "no-such-folder/nightly.log")
    assert result.exit_code == 2
    assert "--log no-such-folder" in result.stderr
    assert result.stdout == ""


def test_the_configuration_names_the_log_from_its_folder(here: Path) -> None:
    (here / "logs").mkdir()
    (here / "procaudit.toml").write_text('log = "logs/nightly.log"\n', encoding="utf-8")
    (here / "danh-muc" / "sub").mkdir()
    os.chdir(here / "danh-muc" / "sub")
    assert check("..").exit_code == 1
    assert len(log_lines(here / "logs" / "nightly.log")) == 1


def test_the_log_time_is_procaudit_now_in_local_time(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROCAUDIT_NOW", "2025-08-15T02:15:00+07:00")
    check("danh-muc", "--log", "nightly.log")
    stamp = (here / "nightly.log").read_text(encoding="utf-8").split(" ", 1)[0]
    moment = datetime.fromisoformat(stamp)
    assert moment == datetime(2025, 8, 15, 2, 15, tzinfo=timezone(timedelta(hours=7)))
    assert moment.utcoffset() == datetime.now().astimezone().utcoffset()  # the local zone
