"""The rules not checked: a column missing from every sheet of a workbook is said once for
the file, as for a CSV file, and from several sheets once for them, not once per sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.core.i18n import speaking
from procaudit.engine.audit import audit

WITH_FORMS = [
    ["Mã TTHC", "Tên thủ tục hành chính", "Mẫu đơn, tờ khai"],
    ["1.000001", "Đăng ký khai sinh", "Tờ khai"],
]
WITHOUT_FORMS = [["Mã TTHC", "Tên thủ tục hành chính"], ["1.000002", "Đăng ký kết hôn"]]
FORMS = "forms ('Mẫu đơn, tờ khai') column"


def _not_checked(path: Path, rule: str) -> list[str]:
    result = audit([str(path)])
    return [group.reason for group in result.skipped_groups() if rule in group.rules]


@pytest.mark.parametrize(
    ("sheets", "reasons"),
    [
        pytest.param(["A"], [f"the file has no {FORMS}"], id="the one sheet"),
        pytest.param(["A", "B"], [f"the file has no {FORMS}"], id="every sheet of two"),
        pytest.param(
            ["A", "B", "+C"], [f"2 sheets have no {FORMS} ('A', 'B')"], id="two sheets of three"
        ),
        pytest.param(["+A", "B", "+C"], [f"sheet 'B' has no {FORMS}"], id="one sheet of three"),
        pytest.param(
            ["A", "B", "C", "D", "E", "+F"],
            [f"5 sheets have no {FORMS} ('A', 'B', 'C' and 2 more)"],
            id="five sheets of six",
        ),
        pytest.param(
            [f"S{n}" for n in range(25)], [f"the file has no {FORMS}"], id="every sheet of 25"
        ),
        pytest.param(["+A", "+B"], [], id="no sheet lacks it"),
    ],
)
def test_a_missing_column_is_said_once_for_its_sheets(
    tmp_path: Path, sheets: list[str], reasons: list[str]
) -> None:
    """A sheet named "+X" has the forms column; the others lack it."""
    content = {
        name.lstrip("+"): WITH_FORMS if name.startswith("+") else WITHOUT_FORMS for name in sheets
    }
    path = write_workbook(tmp_path / "list.xlsx", content)
    assert _not_checked(path, "PA301") == reasons


def test_the_file_rule_and_the_table_rule_missing_one_column_make_one_line(
    tmp_path: Path,
) -> None:
    path = write_workbook(tmp_path / "list.xlsx", {"A": WITHOUT_FORMS, "B": WITHOUT_FORMS})
    groups = [group for group in audit([str(path)]).skipped_groups() if "PA503" in group.rules]
    assert [(group.rules, group.reason) for group in groups] == [
        (("PA503", "PA505", "PA506"), "the file has no online_level ('Mức độ DVC') column")
    ]


def test_a_csv_file_has_no_sheet_to_name(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Mã TTHC,Tên thủ tục hành chính\n1.000001,Đăng ký khai sinh\n", "utf-8")
    assert _not_checked(path, "PA301") == [f"the file has no {FORMS}"]


def test_files_lacking_one_column_make_one_line(tmp_path: Path) -> None:
    workbook = write_workbook(tmp_path / "list.xlsx", {"Danh mục": WITHOUT_FORMS})
    csv = tmp_path / "list.csv"
    csv.write_text("Mã TTHC,Tên thủ tục hành chính\n1.000001,Đăng ký khai sinh\n", "utf-8")
    groups = [g for g in audit([str(workbook), str(csv)]).skipped_groups() if "PA301" in g.rules]
    assert [(g.files, g.reason) for g in groups] == [
        ((str(workbook), str(csv)), f"the file has no {FORMS}")
    ]


def test_tables_of_one_sheet_are_named_by_their_headers_row(tmp_path: Path) -> None:
    """An annex's parts on one sheet: the note names the tables lacking the column."""
    rows = [
        ["PHẦN I. THỦ TỤC MỚI BAN HÀNH"],
        ["STT", "Tên thủ tục hành chính", "Lĩnh vực"],
        [1, "Cấp phép khai thác nước", "Tài nguyên nước"],
        [None],
        ["PHẦN II. THỦ TỤC SỬA ĐỔI"],
        ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực"],
        [1, "1.000178", "Đăng ký đất đai", "Đất đai"],
        [None],
        ["PHẦN III. THỦ TỤC BÃI BỎ"],
        ["STT", "Tên thủ tục hành chính bị bãi bỏ", "Lĩnh vực"],
        [1, "Cấp phép khai thác khoáng sản", "Khoáng sản"],
    ]
    path = write_workbook(tmp_path / "annex.xlsx", {"Phụ lục": rows})
    assert _not_checked(path, "PA101") == [
        "2 tables have no code ('Mã thủ tục') column "
        "('Phụ lục' (header on row 2), 'Phụ lục' (header on row 10))"
    ]


def test_vietnamese_names_the_column_by_its_header_alone(tmp_path: Path) -> None:
    # "tệp không có cột forms (…)" set an English id inside a Vietnamese sentence.
    path = write_workbook(tmp_path / "list.xlsx", {"A": WITHOUT_FORMS, "B": WITH_FORMS})
    with speaking("vi"):
        assert _not_checked(path, "PA301") == ["trang tính 'A' không có cột 'Mẫu đơn, tờ khai'"]
        assert _not_checked(path, "PA503") == ["tệp không có cột 'Mức độ DVC'"]


@pytest.mark.parametrize(
    ("levels", "reasons"),
    [
        pytest.param(
            ["Có", "Có", "TT", "Có", "Toàn trình"],
            [
                "the file: 4 of its 5 online-level cells name no level procaudit reads ('Có', "
                "'TT'), so its share fully online is not counted"
            ],
            id="marks and one abbreviation",
        ),
        pytest.param(["TT", "MP", "TT", "Một phần", "Toàn trình"], [], id="both abbreviations"),
        pytest.param(["Toàn trình"] * 2 + ["Một phần"] * 2 + ["Có"], [], id="mostly read"),
    ],
)
def test_an_online_level_column_pa505_cannot_read_is_said(
    tmp_path: Path, levels: list[str | None], reasons: list[str]
) -> None:
    path = tmp_path / "list.csv"
    lines = [f"1.00000{n},Thủ tục {n},{level or ''}" for n, level in enumerate(levels)]
    path.write_text("Mã TTHC,Tên thủ tục hành chính,Mức độ DVC\n" + "\n".join(lines), "utf-8")
    assert _not_checked(path, "PA505") == reasons
