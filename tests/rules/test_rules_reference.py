"""PA405 not-announced and PA406 unknown-code, against a reference list (`--reference`)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run_rules
from procaudit.cli import app
from procaudit.engine.audit import audit
from procaudit.io.reference import load_reference
from procaudit.rules.options import RuleOptions

REFERENCE = [
    # code, name, level, field
    ("1.001193", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch"),
    ("1.000656", "Công nhận hòa giải viên", "Cấp xã", "Hòa giải"),
    ("1.004253", "Cấp giấy phép thăm dò nước dưới đất", "Cấp tỉnh", "Tài nguyên nước"),
    ("2.000815", "Chứng thực bản sao từ bản chính", "Cấp tỉnh, Cấp xã", "Chứng thực"),
    ("1.000178", "Cấp giấy phép hoạt động ngân hàng", "Cấp bộ", "Ngân hàng"),
]


def _write(
    path: Path,
    rows: list[tuple],
    header: tuple = ("Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực"),
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def reference(tmp_path: Path) -> RuleOptions:
    path = _write(tmp_path / "national.csv", REFERENCE)
    return RuleOptions(reference=load_reference(str(path)))


def _codes(rule: str, rows: list[dict], options: RuleOptions) -> list[tuple]:
    return [(f.row, f.code) for f in run_rules(rows, options) if f.rule == rule]


NOT_ANNOUNCED_CASES = [
    # (case, catalogue rows, reference codes reported missing)
    (
        "a commune list lacking one commune procedure",
        [
            {"code": "1.001193", "name": "Đăng ký khai sinh", "level": "Cấp xã"},
            {"code": "2.000815", "name": "Chứng thực bản sao từ bản chính", "level": "Cấp xã"},
        ],
        ["1.000656"],
    ),
    (
        "found by name where the code is missing, tag and tone aside",
        [
            {"code": None, "name": "Đăng ký khai sinh (thực hiện tại cấp xã)", "level": "Cấp xã"},
            {"code": None, "name": "CÔNG NHẬN HOÀ GIẢI VIÊN", "level": "Cấp xã"},
            {"code": "2.000815.000.00.00.H29", "name": "Chứng thực", "level": "Cấp xã"},
        ],
        [],
    ),
    (
        "a province list: province procedures only",
        [{"code": "2.000815", "name": "Chứng thực bản sao từ bản chính", "level": "Cấp tỉnh"}],
        ["1.004253"],
    ),
    (
        "levels from the sections of an annex",
        [
            {
                "code": "1.004253",
                "name": "Cấp giấy phép thăm dò nước dưới đất",
                "level": "Cấp tỉnh",
            },
            {"code": "1.001193", "name": "Đăng ký khai sinh", "level": "Cấp xã"},
        ],
        ["1.000656", "2.000815"],
    ),
]


@pytest.mark.parametrize(
    ("case", "rows", "missing"), NOT_ANNOUNCED_CASES, ids=[c[0] for c in NOT_ANNOUNCED_CASES]
)
def test_pa405_not_announced(
    case: str, rows: list[dict], missing: list[str], reference: RuleOptions
) -> None:
    assert _codes("PA405", rows, reference) == [(None, code) for code in missing]


def test_pa405_message_names_the_procedure_and_its_level(reference: RuleOptions) -> None:
    rows = [
        {"code": "1.001193", "name": "Đăng ký khai sinh", "level": "Cấp xã"},
        {"code": "2.000815", "name": "Chứng thực bản sao từ bản chính", "level": "Cấp xã"},
    ]
    [finding] = [f for f in run_rules(rows, reference) if f.rule == "PA405"]
    assert finding.message == (
        "The reference national.csv lists 1.000656 'Công nhận hòa giải "
        "viên' (Cấp xã), and the catalogue does not announce it."
    )
    assert (finding.sheet, finding.row, finding.column) == (None, None, "code")


def test_pa405_falls_back_on_fields_without_levels(reference: RuleOptions) -> None:
    rows = [
        {"code": "1.001193", "name": "Đăng ký khai sinh", "field": "Hộ tịch"},
        {"code": "1.000178", "name": "Cấp giấy phép hoạt động ngân hàng", "field": "Hòa giải"},
    ]
    assert _codes("PA405", rows, reference) == [(None, "1.000656")]


def test_pa405_without_levels_or_fields_is_not_checked(
    tmp_path: Path, reference: RuleOptions
) -> None:
    catalogue = _write(
        tmp_path / "c.csv", [("1.001193", "Đăng ký khai sinh")], header=("Mã TTHC", "Tên thủ tục")
    )
    result = CliRunner().invoke(
        app, ["check", str(catalogue), "-f", "json", "--reference", str(tmp_path / "national.csv")]
    )
    assert "PA405 in" in result.stderr and "cannot tell which reference procedures" in (
        result.stderr
    )
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == []


UNKNOWN_CASES = [
    # (case, code, name, reported, words of the message)
    ("known", "1.001193", "Đăng ký khai sinh", False, None),
    ("known local code", "1.001193.000.00.00.H29", "Đăng ký khai sinh", False, None),
    (
        "same name under another code",
        "1.009999",
        "Đăng ký khai sinh",
        True,
        "The reference lists the procedure of this name under 1.001193.",
    ),
    (
        "two digits swapped",
        "1.001139",
        "Đăng ký khai sinh cho trẻ",
        True,
        "The closest reference code is 1.001193 ('Đăng ký khai sinh'), one character away.",
    ),
    (
        "one digit off",
        "1.000657",
        "Công nhận hoà giải viên ở cơ sở",
        True,
        "The closest reference code is 1.000656",
    ),
    (
        "one digit off, another procedure",
        "1.000657",
        "Thủ tục lạ",
        True,
        "The code 1.000657 is not in the reference list national.csv.",
    ),
    ("nothing close", "3.999999", "Thủ tục lạ", True, None),
    ("malformed is PA101's", "1.00123", "Thủ tục lạ", False, None),
]


@pytest.mark.parametrize(
    ("case", "code", "name", "reported", "words"), UNKNOWN_CASES, ids=[c[0] for c in UNKNOWN_CASES]
)
def test_pa406_unknown_code(
    case: str, code: str, name: str, reported: bool, words: str | None, reference: RuleOptions
) -> None:
    found = [f for f in run_rules([{"code": code, "name": name}], reference) if f.rule == "PA406"]
    assert [(f.row, f.column) for f in found] == ([(2, "code")] if reported else [])
    if words:
        assert words in found[0].message
    if reported and "closest" not in (words or ""):
        assert "closest" not in found[0].message


def test_reference_rules_are_off_without_a_reference() -> None:
    rows = [{"code": "3.999999", "name": "Thủ tục lạ", "level": "Cấp xã"}]
    assert {f.rule for f in run_rules(rows, RuleOptions())} & {"PA405", "PA406"} == set()


def test_cli_reference(tmp_path: Path) -> None:
    national = _write(tmp_path / "national.csv", REFERENCE)
    catalogue = _write(tmp_path / "c.csv", [("1.001139", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch")])
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(catalogue),
            "-f",
            "json",
            "--reference",
            str(national),
            "--select",
            "PA405,PA406",
        ],
    )
    assert result.exit_code == 1
    found = [(f["rule"], f["code"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("PA405", "1.000656"), ("PA405", "2.000815"), ("PA406", "1.001139")]


def test_cli_unreadable_reference_is_exit_2(tmp_path: Path) -> None:
    catalogue = _write(tmp_path / "c.csv", [("1.001193", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch")])
    result = CliRunner().invoke(
        app, ["check", str(catalogue), "--reference", str(tmp_path / "missing.csv")]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"procaudit: error: {tmp_path / 'missing.csv'}: cannot be used as the reference: "
        "no such file"
    )


def _pa406(path: Path, options: RuleOptions, every_row: bool) -> list:
    result = audit([str(path)], rule_options=options, every_row=every_row)
    return [f for f in result.findings if f.rule == "PA406"]


def test_pa406_flood_is_explained_as_its_rows(tmp_path: Path, reference: RuleOptions) -> None:
    """PA406 explains only the hits shown (`Rule.explain`): a column flood still tells its
    first row's suggestion, and a value flood its value's."""
    typos = [(f"1.00{1100 + i}", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch") for i in range(30)]
    flood = _pa406(_write(tmp_path / "all.csv", typos), reference, every_row=False)
    rows = _pa406(_write(tmp_path / "all.csv", typos), reference, every_row=True)
    assert len(flood) == 1 and flood[0].row is None and len(rows) == 30
    assert flood[0].message.endswith(f"Line 2: {rows[0].message}")  # a CSV file's line
    assert "1.001193" in rows[0].message and rows[0].fix in flood[0].fix
    half = [("1.001139", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch")] * 25
    half += [("1.001193", "Đăng ký khai sinh", "Cấp xã", "Hộ tịch")] * 25
    (value,) = _pa406(_write(tmp_path / "half.csv", half), reference, every_row=False)
    (first, *_) = _pa406(_write(tmp_path / "half.csv", half), reference, every_row=True)
    assert value.rows == 25 and value.message.endswith(f": {first.message}")
    assert "under 1.001193" in value.message
