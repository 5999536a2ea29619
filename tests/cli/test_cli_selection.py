"""`--select` and `--ignore`: which rules run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.cli import app

ROWS = "Mã TTHC,Tên thủ tục,Cấp thực hiện,Mẫu đơn, tờ khai\n1.00123,Đăng ký khai sinh,Cấp huyện,\n"


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "c.csv"
    path.write_text(ROWS.replace("Mẫu đơn, tờ khai", '"Mẫu đơn, tờ khai"'), encoding="utf-8")
    return path


def _rules(catalogue: Path, *options: str) -> list[str]:
    result = CliRunner().invoke(app, ["check", str(catalogue), "-f", "json", *options])
    assert result.exit_code in (0, 1), result.stderr
    return sorted({f["rule"] for f in json.loads(result.stdout)["findings"]})


SELECTIONS = [
    ((), ["PA101", "PA301", "PA501"]),
    (("--select", "PA1"), ["PA101"]),
    (("--select", "PA3,PA501"), ["PA301", "PA501"]),
    (("--select", "pa3", "--select", "PA5"), ["PA301", "PA501"]),
    (("--ignore", "PA301"), ["PA101", "PA501"]),
    (("--select", "PA", "--ignore", "PA1,PA3"), ["PA501"]),
]


@pytest.mark.parametrize(
    ("options", "rules"), SELECTIONS, ids=[" ".join(s[0]) or "all" for s in SELECTIONS]
)
def test_select_and_ignore(catalogue: Path, options: tuple[str, ...], rules: list[str]) -> None:
    assert _rules(catalogue, *options) == rules


def test_a_prefix_that_matches_no_rule_is_a_usage_error(catalogue: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(catalogue), "--select", "PA9"])
    assert result.exit_code == 2
    assert "--select PA9 matches no rule" in result.stderr


def test_ignored_rules_are_not_noted_as_skipped(catalogue: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(catalogue), "-f", "json", "--select", "PA1"])
    assert "PA401" not in result.stderr


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--select", "PA201", "--ignore", "PA201"), "every rule selected (PA201) is also ignored"),
        (("--select", "PA2", "--ignore", "PA"), "every rule selected (PA2) is also ignored (PA)"),
        (("--ignore", "PA"), "every rule selected (all) is also ignored (PA)"),
    ],
)
def test_a_selection_that_leaves_no_rule_is_a_usage_error(
    catalogue: Path, options: tuple[str, ...], said: str
) -> None:
    # It ran nothing and exited 0: a gate that checks nothing must not pass silently.
    result = CliRunner().invoke(app, ["check", str(catalogue), *options])
    assert result.exit_code == 2
    assert result.stderr.startswith("procaudit: error: no rule is left to run: ")
    assert said in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


@pytest.mark.parametrize("empty", ["", " ", ",", " , "])
def test_an_empty_select_is_a_usage_error_not_every_rule(catalogue: Path, empty: str) -> None:
    # --select "$RULES" with RULES unset ran every rule.
    result = CliRunner().invoke(app, ["check", str(catalogue), "--select", empty])
    assert result.exit_code == 2
    assert result.stderr.startswith("procaudit: error: --select names no rule (an empty value)")
    assert result.stderr.count("\n") == 1


def test_an_empty_ignore_ignores_nothing(catalogue: Path) -> None:
    assert _rules(catalogue, "--ignore", "") == ["PA101", "PA301", "PA501"]


@pytest.mark.parametrize(
    ("options", "start"),
    [
        (("--fail-on", "bogus"), "Invalid value for '--fail-on': 'bogus' is not one of"),
        (("--format", "yaml"), "Invalid value for '--format' / '-f': 'yaml' is not one of"),
        (("--bogus",), "No such option: --bogus"),
        (("--max-cells", "many"), "Invalid value for '--max-cells'"),
    ],
)
def test_an_option_error_is_one_sentence_and_exit_2(
    catalogue: Path, options: tuple[str, ...], start: str
) -> None:
    result = CliRunner().invoke(app, ["check", str(catalogue), *options])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"procaudit: error: {start}"), result.stderr
    assert result.stderr.endswith(" (see 'procaudit check --help')\n")
    assert result.stderr.count("\n") == 1  # no usage block
    assert "Value error" not in result.stderr


def test_a_missing_argument_and_an_unknown_command_are_one_sentence() -> None:
    missing = CliRunner().invoke(app, ["check"])
    assert (missing.exit_code, missing.stderr) == (
        2,
        "procaudit: error: Missing argument 'PATH...' (see 'procaudit check --help')\n",
    )
    unknown = CliRunner().invoke(app, ["chek", "x.csv"])
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("procaudit: error: No such command 'chek'.")
    assert unknown.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (["check"], "Thiếu tham số 'PATH...' (xem 'procaudit check --help')"),
        (["check", "x.csv", "--bogus"], "Không có tùy chọn --bogus"),
        (["chek", "x.csv"], "Không có lệnh 'chek'. Có phải là 'check'?"),
        (["check", "x.csv", "--fail-on", "bogus"], "Giá trị không hợp lệ cho '--fail-on': 'bogus'"),
        (["check", "x.csv", "--max-cells", "many"], "Giá trị không hợp lệ cho '--max-cells': cần"),
    ],
)
@pytest.mark.parametrize("how", ["flag", "environment"])
def test_a_usage_error_speaks_the_command_lines_language(
    arguments: list[str], sentence: str, how: str
) -> None:
    # Parsing fails before the command sets the language: the error still speaks it.
    if how == "flag":
        result = CliRunner().invoke(app, [*arguments, "--lang", "vi"])
    else:
        result = CliRunner().invoke(app, arguments, env={"PROCAUDIT_LANG": "vi"})
    assert result.exit_code == 2
    assert result.stderr.startswith(f"procaudit: error: {sentence}"), result.stderr
    assert result.stderr.count("\n") == 1
    for english in ("Missing", "No such", "Invalid value", "is not one of", "Input should"):
        assert english not in result.stderr


def test_no_command_still_shows_the_help() -> None:
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 2
    assert "Commands:" in result.output


@pytest.mark.parametrize(
    "options", [("--fail-on", "ERROR"), ("--fail-on", "Warning"), ("-f", "JSON")]
)
def test_choices_are_taken_in_any_case(catalogue: Path, options: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, ["check", str(catalogue), "-f", "json", *options])
    assert result.exit_code in (0, 1), result.stderr
    json.loads(result.stdout)
