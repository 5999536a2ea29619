"""The configuration file on the command line: found, applied, overridden, shown."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from procaudit.cli import app

CATALOGUE = (
    "Mã TTHC,Tên gọi,Cấp thực hiện,Mức độ DVC\n1.00123,Đăng ký khai sinh,Cấp huyện,Một phần\n"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "c.csv").write_text(CATALOGUE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def _check(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(app, ["check", "../c.csv", "-f", "json", *args])
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, report, result.stderr


def _rules(report: dict) -> list[str]:
    return sorted({f["rule"] for f in report["findings"]})


def test_without_a_config_the_name_column_is_not_found(folder: Path) -> None:
    code, _, stderr = _check()
    assert code == 2 and "no column for the procedure name" in stderr


def test_a_config_above_the_folder_is_found_and_applied(folder: Path) -> None:
    (folder / "procaudit.toml").write_text(
        'select = ["PA1", "PA5"]\nignore = ["PA505"]\nfail-on = "never"\n'
        '[severity]\nPA501 = "warning"\n[aliases]\nname = ["Tên gọi"]\n',
        encoding="utf-8",
    )
    code, report, _ = _check()
    assert code == 0  # fail-on never
    assert _rules(report) == ["PA101", "PA501"]
    assert {f["severity"] for f in report["findings"] if f["rule"] == "PA501"} == {"warning"}


def test_the_command_line_wins(folder: Path) -> None:
    (folder / "procaudit.toml").write_text(
        'select = ["PA1"]\nfail-on = "never"\nonline-target = 10\n[aliases]\nname = ["Tên gọi"]\n',
        encoding="utf-8",
    )
    code, report, _ = _check("--select", "PA5", "--fail-on", "warning", "--online-target", "90")
    assert code == 1
    assert _rules(report) == ["PA501", "PA505"]
    [coverage] = [f for f in report["findings"] if f["rule"] == "PA505"]
    assert "the target is 90%" in coverage["message"]


def test_reform_date_reaches_the_messages(folder: Path) -> None:
    (folder / "procaudit.toml").write_text(
        'reform-date = 2025-06-30\nselect = ["PA501"]\n[aliases]\nname = ["Tên gọi"]\n',
        encoding="utf-8",
    )
    _, report, _ = _check()
    assert "ended on 30 June 2025" in report["findings"][0]["message"]


def test_files_entries_set_the_sheet_and_header_row(folder: Path) -> None:
    (folder / "c.csv").write_text("Danh mục\n" + CATALOGUE, encoding="utf-8")
    (folder / "procaudit.toml").write_text(
        '[[files]]\npattern = "c.csv"\nheader-row = 2\n[map]\n"Tên gọi" = "name"\n',
        encoding="utf-8",
    )
    code, report, stderr = _check("--select", "PA101")
    assert code == 1, stderr
    assert [f["row"] for f in report["findings"]] == [3]


def test_a_bad_config_is_exit_2_naming_the_key(folder: Path) -> None:
    (folder / "procaudit.toml").write_text('selct = ["PA1"]\n', encoding="utf-8")
    code, _, stderr = _check()
    assert code == 2
    assert stderr.strip().startswith("procaudit: error: ")
    assert "unknown key 'selct'" in stderr


def test_config_given_with_config_option(folder: Path) -> None:
    other = folder / "other.toml"
    other.write_text('select = ["PA501"]\n[aliases]\nname = ["Tên gọi"]\n', encoding="utf-8")
    _, report, _ = _check("--config", str(other))
    assert _rules(report) == ["PA501"]
    code, _, stderr = _check("--config", str(folder / "missing.toml"))
    assert code == 2 and "no such file" in stderr


def test_config_command_shows_values_and_their_sources(folder: Path) -> None:
    (folder / "procaudit.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert result.stdout.startswith(f"configuration file: {folder / 'procaudit.toml'}")
    assert lines["fail-on"].split()[1:] == ["warning", "the", "file"]
    assert "(every rule)" in lines["select"] and "default" in lines["select"]
    assert "80" in lines["online-target"] and "default" in lines["online-target"]


def test_inspect_reads_with_the_configuration(folder: Path) -> None:
    (folder / "procaudit.toml").write_text('[aliases]\nname = ["Tên gọi"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", "../c.csv", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    [table] = json.loads(result.stdout)["files"][0]["tables"]
    assert "name" in [column["maps_to"] for column in table["columns"]]


def test_a_severity_for_a_rule_that_does_not_exist_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PA999 looks like a rule id: it was accepted and silently changed nothing.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "procaudit.toml").write_text('[severity]\nPA999 = "info"\n', encoding="utf-8")
    shutil.copy(SAMPLES / "catalogue-lao-cai.csv", tmp_path / "c.csv")
    result = CliRunner().invoke(app, ["check", "c.csv"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"procaudit: error: {tmp_path / 'procaudit.toml'}: ")
    assert "[severity] names PA999, which is no rule" in result.stderr
    assert result.stderr.count("\n") == 1
