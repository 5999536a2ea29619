"""stdout as cron and CI leave it (`procaudit.cli.streams`, `procaudit.app.stdout`): closed,
full, or in an encoding without Vietnamese. Never a traceback: a report that cannot be
delivered is one sentence and exit 2 (and the log's line), one written to a file is not
concerned, and the machine formats are UTF-8 whatever the console's encoding.

Through the console's entry point in a subprocess: what a closed descriptor or /dev/full
does is the process's own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SAMPLES

pytestmark = pytest.mark.slow  # every case is a subprocess

SAMPLE = SAMPLES / "catalogue-lao-cai.xlsx"
FULL = Path("/dev/full")  # every write fails with ENOSPC


def _close_stdout() -> None:
    os.close(1)


def run(
    cwd: Path,
    *args: str,
    stdout: int | None = subprocess.PIPE,
    before: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
    target: object = None,
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **(env or {})}
    environment.pop("PROCAUDIT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "procaudit", *args],
        cwd=cwd,
        stdout=target if target is not None else stdout,
        stderr=subprocess.PIPE,
        preexec_fn=before,
        env=environment,
        timeout=120,
    )


def one_error(result: subprocess.CompletedProcess[bytes]) -> str:
    errors = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in errors, errors
    assert "internal error" not in errors, errors
    lines = [line for line in errors.splitlines() if line.startswith("procaudit: error:")]
    assert len(lines) == 1, errors
    return lines[0]


@pytest.fixture
def here(tmp_path: Path) -> Path:
    shutil.copy(SAMPLE, tmp_path / "in.xlsx")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("check", "in.xlsx", "-q"), "could not write the report: stdout is closed"),
        (("check", "in.xlsx", "-f", "json"), "could not write the report: stdout is closed"),
        (("rules",), "could not write to stdout: stdout is closed"),
        (("rules", "PA201"), "could not write to stdout: stdout is closed"),
    ],
)
def test_a_report_for_a_closed_stdout_is_one_sentence_and_exit_2(
    here: Path, args: tuple[str, ...], said: str
) -> None:
    result = run(here, *args, stdout=None, before=_close_stdout)
    assert result.returncode == 2
    assert one_error(result) == f"procaudit: error: {said}"


def test_a_report_to_a_file_does_not_need_stdout(here: Path) -> None:
    result = run(
        here, "check", "in.xlsx", "-f", "sarif", "-o", "s.sarif", stdout=None, before=_close_stdout
    )
    assert result.returncode == 1, result.stderr  # the sample's findings
    assert "Traceback" not in result.stderr.decode()
    assert json.loads((here / "s.sarif").read_text(encoding="utf-8"))["runs"]


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_a_full_disk_is_one_sentence_exit_2_and_the_log_line(here: Path) -> None:
    with FULL.open("wb") as full:
        result = run(here, "check", "in.xlsx", "-f", "json", "--log", "run.log", target=full)
    assert result.returncode == 2
    said = one_error(result)
    assert said == "procaudit: error: could not write the report: no space left on device"
    lines = (here / "run.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and lines[0].endswith(" exit=2")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_a_run_whose_report_failed_keeps_the_old_baseline(here: Path) -> None:
    """The baseline is the last output: a run that stops before it (a report that could not
    be delivered, a cancelled job) leaves the old one, so its new findings fail the next
    gate rather than being taken into the baseline unreported."""
    made = run(here, "check", "in.xlsx", "-q", "--select", "PA1", "--write-baseline", "b.json")
    assert made.returncode == 1, made.stderr
    before = (here / "b.json").read_bytes()
    with FULL.open("wb") as full:
        result = run(
            here, "check", "in.xlsx", "-f", "json", "--baseline", "b.json",
            "--write-baseline", "b.json", target=full,
        )  # fmt: skip
    assert result.returncode == 2
    assert one_error(result).startswith("procaudit: error: could not write the report")
    assert (here / "b.json").read_bytes() == before


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [("rules",), ("history", "h.sqlite", "-f", "json")])
def test_other_commands_on_a_full_disk_are_one_sentence(here: Path, args: tuple[str, ...]) -> None:
    if "history" in args:
        made = run(here, "check", "in.xlsx", "-q", "--history", "h.sqlite")
        assert made.returncode == 1, made.stderr
    with FULL.open("wb") as full:
        result = run(here, *args, target=full)
    assert result.returncode == 2
    assert one_error(result).endswith(": no space left on device")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
@pytest.mark.parametrize("fmt", ["rich", "json"])
def test_a_diff_on_a_full_disk_says_the_report_not_none(here: Path, fmt: str) -> None:
    shutil.copy(here / "in.xlsx", here / "new.xlsx")
    with FULL.open("wb") as full:
        result = run(here, "diff", "in.xlsx", "new.xlsx", "-f", fmt, target=full)
    assert result.returncode == 2
    said = one_error(result)
    assert said == "procaudit: error: could not write the report: no space left on device"


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_a_log_on_a_full_device_says_the_disk_is_full(here: Path) -> None:
    # The line is taken back by cutting the log; a device cannot be cut, and that
    # "Invalid argument" must not hide why the line was not written.
    result = run(here, "check", "in.xlsx", "-q", "--log", str(FULL))
    assert result.returncode == 2
    assert one_error(result) == f"procaudit: error: cannot write {FULL}: No space left on device"


FORMATS = ["json", "jsonl", "csv", "markdown", "sarif", "junit", "github", "gitlab", "html"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_machine_format_is_utf8_whatever_the_console_encoding(here: Path, fmt: str) -> None:
    # The time of the run is the HTML report's only difference from one run to the next.
    now = {"PROCAUDIT_NOW": "2026-01-02T03:04:05+07:00"}
    utf8 = run(here, "check", "in.xlsx", "-f", fmt, env={**now, "PYTHONIOENCODING": "utf-8"})
    cp1252 = run(here, "check", "in.xlsx", "-f", fmt, env={**now, "PYTHONIOENCODING": "cp1252"})
    assert cp1252.returncode == utf8.returncode == 1, cp1252.stderr
    assert "internal error" not in cp1252.stderr.decode("utf-8", "replace")
    if fmt == "html":
        html = [line for line in utf8.stdout.splitlines() if b'class="meta"' not in line]
        assert [line for line in cp1252.stdout.splitlines() if b'class="meta"' not in line] == html
    else:
        assert cp1252.stdout == utf8.stdout  # the same bytes: Vietnamese kept, in UTF-8
    assert "ộ".encode() in utf8.stdout  # "hộ kinh doanh", "Bộ", "thuộc": the sample's words


def test_the_terminal_report_replaces_what_the_console_cannot_show(here: Path) -> None:
    result = run(here, "check", "in.xlsx", env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 1
    assert "internal error" not in result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("cp1252")
    assert "procaudit" in text and "?" in text  # ủ, ị … have no cp1252 character


def test_inspect_json_is_utf8_whatever_the_console_encoding(here: Path) -> None:
    result = run(here, "inspect", "in.xlsx", "-f", "json", env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.decode("utf-8"))
    assert "Tên thủ tục" in json.dumps(report, ensure_ascii=False)


def test_diff_json_is_utf8_whatever_the_console_encoding(here: Path) -> None:
    # A second version with one procedure renamed: the change's names are Vietnamese text.
    from openpyxl import load_workbook

    book = load_workbook(here / "in.xlsx")
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("Đăng ký"):
                cell.value += " (sửa đổi)"
                break
        else:
            continue
        break
    book.save(here / "new.xlsx")
    args = ("diff", "in.xlsx", "new.xlsx", "-f", "json")
    utf8 = run(here, *args, env={"PYTHONIOENCODING": "utf-8"})
    cp1252 = run(here, *args, env={"PYTHONIOENCODING": "cp1252"})
    assert utf8.returncode == cp1252.returncode == 1, cp1252.stderr
    assert cp1252.stdout == utf8.stdout  # the same bytes: Vietnamese kept, in UTF-8
    assert "(sửa đổi)" in json.dumps(json.loads(utf8.stdout.decode("utf-8")), ensure_ascii=False)
