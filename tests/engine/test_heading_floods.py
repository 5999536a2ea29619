"""A value a section heading gives its rows fails once, at the heading: one finding on the
heading's row that names its rows, not a finding on each row whose cell is empty; a value
the title or the sheet's name gives, once for the sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.i18n import speaking
from procaudit.engine.audit import audit

HEADER = "STT,Mã TTHC,Tên thủ tục hành chính,Cấp thực hiện"
PROVINCE = "A,THỦ TỤC HÀNH CHÍNH CẤP TỈNH,,"
DISTRICT = "B,THỦ TỤC HÀNH CHÍNH CẤP HUYỆN,,"
DISTRICT_AGAIN = "C,THỦ TỤC HÀNH CHÍNH CẤP HUYỆN,,"


def _procedures(first: int, count: int, level: str = "") -> list[str]:
    return [f"{n},1.{n:06d},Thủ tục số {n},{level}" for n in range(first, first + count)]


def _pa501(tmp_path: Path, lines: list[str], every_row: bool = False) -> list[tuple]:
    path = tmp_path / "list.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", "utf-8")
    found = audit([str(path)], every_row=every_row).findings
    return [(f.row, f.column, f.rows) for f in found if f.rule == "PA501"]


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        pytest.param(
            [PROVINCE, *_procedures(1, 1), DISTRICT, *_procedures(2, 3)],
            [(4, "level", 3)],
            id="a district block of three rows: one finding on its heading",
        ),
        pytest.param(
            [DISTRICT, *_procedures(1, 1)],
            [(3, "level", None)],
            id="a heading over one row: the row's finding",
        ),
        pytest.param(
            [DISTRICT, *_procedures(1, 2), DISTRICT_AGAIN, *_procedures(3, 2)],
            [(2, "level", 2), (5, "level", 2)],
            id="two headings: one finding each",
        ),
        pytest.param(
            [DISTRICT, *_procedures(1, 2), *_procedures(3, 1, "Cấp huyện")],
            [(2, "level", 2), (5, "level", None)],
            id="a row's own level is its own finding",
        ),
        pytest.param(
            [PROVINCE, *_procedures(1, 3)],
            [],
            id="nothing to say",
        ),
    ],
)
def test_a_value_from_a_heading_fails_at_the_heading(
    tmp_path: Path, lines: list[str], found: list[tuple]
) -> None:
    assert sorted(_pa501(tmp_path, lines)) == found


def test_every_row_keeps_the_rows(tmp_path: Path) -> None:
    lines = [DISTRICT, *_procedures(1, 3)]
    assert _pa501(tmp_path, lines, every_row=True) == [
        (3, "level", None),
        (4, "level", None),
        (5, "level", None),
    ]


def test_the_finding_names_the_heading_and_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("\n".join([HEADER, DISTRICT, *_procedures(1, 3)]) + "\n", "utf-8")
    (finding,) = [f for f in audit([str(path)]).findings if f.rule == "PA501"]
    assert finding.message == (
        "'Cấp huyện', which the heading on line 2 gives 3 rows (lines 3-5), fails this check: "
        "The district level (Cấp huyện) ended on 1 July 2025."
    )
    assert "Change it once, in the heading on line 2." in finding.fix


def test_a_district_units_heading_is_one_finding(tmp_path: Path) -> None:
    rows: list[list[object]] = [["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực"]]
    for unit in ("UBND xã Tân Lập", "UBND huyện Phù Ninh"):
        rows.append([unit])
        rows.append(["1", "1.001193", "Đăng ký khai sinh", "Hộ tịch"])
        rows.append(["2", "1.000656", "Đăng ký khai tử", "Hộ tịch"])
    path = write_workbook(tmp_path / "units.xlsx", {"Sheet": rows})
    found = [(f.rule, f.sheet, f.row, f.column, f.rows) for f in audit([str(path)]).findings]
    assert found == [("PA501", "Sheet", 5, "agency", 2)]


def test_a_level_the_title_gives_fails_once_for_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    lines = ["DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP HUYỆN,,,", HEADER.removesuffix(",Cấp thực hiện")]
    lines += [f"{n},1.{n:06d},Thủ tục số {n}" for n in range(1, 4)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    (finding,) = [f for f in audit([str(path)]).findings if f.rule == "PA501"]
    assert (finding.row, finding.column, finding.rows) == (None, "level", 3)
    assert finding.message.startswith(
        "'Cấp huyện', which the title or the sheet's name gives 3 rows (lines 3-5), fails"
    )


def test_a_column_only_headings_give_is_named_as_lists_head_it(tmp_path: Path) -> None:
    """No header names the level a heading gave: the Vietnamese report names the column by
    its usual header, not by the English id `level`."""
    path = tmp_path / "list.csv"
    lines = ["STT,Mã TTHC,Tên thủ tục hành chính", "B,THỦ TỤC HÀNH CHÍNH CẤP HUYỆN,"]
    lines += [f"{n},1.{n:06d},Thủ tục số {n}" for n in range(1, 4)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    (finding,) = [f for f in audit([str(path)]).findings if f.rule == "PA501"]
    assert (finding.row, finding.column, finding.header) == (2, "level", "Cấp thực hiện")
    with speaking("vi"):
        assert finding.column_name == "Cấp thực hiện"
