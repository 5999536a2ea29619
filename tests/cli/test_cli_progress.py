"""The progress display: on stderr, on a terminal only, never with --quiet, after a delay.

CliRunner's stderr is no terminal; the tests that want one force `stderr_is_terminal`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.cli import app, common, progress

CATALOGUE = (
    "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,mau_don_to_khai,so_quyet_dinh\n"
    "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    "1.000003,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND\n"
)


@pytest.fixture
def catalogue(tmp_path: Path) -> str:
    path = tmp_path / "lao-cai.csv"
    path.write_text(CATALOGUE, encoding="utf-8")
    return str(path)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """stderr taken for a terminal, and the display shown at once."""
    monkeypatch.setattr(common, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(progress, "DELAY", 0)
    monkeypatch.setenv("TERM", "xterm")  # Rich draws nothing on a dumb terminal
    return monkeypatch


def check(*args: str):
    return CliRunner().invoke(app, ["check", *args, "--exit-zero"])


def test_a_terminal_sees_the_stages_on_stderr_and_stdout_stays_json(terminal, catalogue) -> None:
    result = check(catalogue, "-f", "json")
    assert result.exit_code == 0, result.output
    assert "lao-cai.csv: checking PA501 district-level" in result.stderr
    assert "checking" not in result.stdout
    assert json.loads(result.stdout)["summary"]["by_rule"] == {"PA501": 1}


def test_the_fix_list_is_a_stage_too(terminal, catalogue, tmp_path: Path) -> None:
    result = check(catalogue, "-f", "json", "--fix-list", str(tmp_path / "fix.csv"))
    assert "writing the fix-list fix.csv" in result.stderr


def test_no_display_with_quiet(terminal, catalogue) -> None:
    assert check(catalogue, "-f", "json", "-q").stderr == ""


def test_no_display_for_a_quick_run(terminal, catalogue) -> None:
    terminal.setattr(progress, "DELAY", 60)
    assert "checking" not in check(catalogue, "-f", "json").stderr


def test_no_display_when_stderr_is_no_terminal(catalogue, monkeypatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0)
    result = check(catalogue, "-f", "json")
    assert "checking" not in result.stderr
    assert result.stderr.startswith("procaudit: note: not checked")  # the notes, nothing else


def test_the_audit_tells_every_file_and_rule_it_checks(catalogue, tmp_path: Path) -> None:
    from procaudit.engine.audit import audit

    other = tmp_path / "ha-tinh.csv"
    other.write_text(CATALOGUE, encoding="utf-8")
    stages: list[str] = []
    audit([catalogue, str(other)], progress=stages.append)
    assert stages[0] == "[1/2] lao-cai.csv: reading"
    assert "[1/2] lao-cai.csv: checking PA501 district-level" in stages
    assert "[2/2] ha-tinh.csv: reading" in stages


def test_a_terminal_sees_the_files_done_and_the_rows(terminal, catalogue, tmp_path: Path) -> None:
    other = tmp_path / "ha-tinh.csv"
    other.write_text(CATALOGUE, encoding="utf-8")
    result = check(catalogue, str(other), "-f", "json")
    assert "[2/2] ha-tinh.csv: checking PA501 district-level" in result.stderr
    assert "2/2 files" in result.stderr
    assert "4 rows" in result.stderr  # two procedures in each file
    assert "2/2 files" not in result.stdout and "4 rows" not in result.stdout


def test_the_counts_speak_vietnamese(terminal, catalogue) -> None:
    result = check(catalogue, "-f", "json", "--lang", "vi")
    assert "1/1 tệp" in result.stderr
    assert "2 dòng" in result.stderr


def test_no_counts_off_a_terminal(catalogue, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0)
    result = check(catalogue, catalogue, "-f", "json")
    assert "files" not in result.stderr
    assert "rows" not in result.stderr
