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
