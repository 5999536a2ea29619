"""A procedure's name that marks it abolished or suspended ("Cấp giấy phép X (đã bãi bỏ)",
"[BÃI BỎ] …") where no status cell says so: read as its status would be, through the
reader. Rows in, findings out."""

from __future__ import annotations

from pathlib import Path

import pytest

from procaudit.engine.audit import audit

HEADER = ["STT", "Mã thủ tục", "Tên thủ tục", "Mẫu đơn, tờ khai", "Số quyết định"]
IN_FORCE = ["1", "1.000178", "Đăng ký khai sinh", "Tờ khai (Mẫu 01)", "1890/QĐ-UBND"]
IN_FORCE_RULES = ("PA102", "PA301", "PA401", "PA404")


def _audit(tmp_path: Path, header: list[str], rows: list[list[str]]):  # type: ignore[no-untyped-def]
    path = tmp_path / "list.csv"
    lines = [header, *rows]
    path.write_text("\n".join(",".join(f'"{cell}"' for cell in line) for line in lines) + "\n")
    return audit([str(path)])


NAME_CASES = [
    # (case, the name of a row lacking its code, form and decision, the rules reporting it)
    ("no mark", "Cấp giấy phép X", ["PA102", "PA301", "PA401"]),
    ("abolished in brackets", "Cấp giấy phép X (đã bãi bỏ)", ["PA404"]),
    ("abolished, capitalised", "Cấp giấy phép X (Bãi bỏ)", ["PA404"]),
    ("expired", "Cấp giấy phép X (hết hiệu lực)", ["PA404"]),
    ("old tone placement", "Cấp giấy phép X (huỷ bỏ)", ["PA404"]),
    (
        "after a dash, with its decision",
        "Cấp giấy phép X - Đã bãi bỏ theo QĐ 123/QĐ-UBND",
        ["PA404"],
    ),
    ("bracketed at the head", "[BÃI BỎ] Cấp giấy phép X", ["PA404"]),
    ("suspended: left alone, not reported", "Cấp giấy phép X (tạm dừng)", []),
    ("a word of the name", "Cấp giấy phép bãi bỏ hoạt động X", ["PA102", "PA301", "PA401"]),
    ("annulling is the procedure", "Thủ tục hủy bỏ quyết định X", ["PA102", "PA301", "PA401"]),
    (
        "one document dropped: amended",
        "Cấp giấy phép X (bãi bỏ thành phần hồ sơ)",
        ["PA102", "PA301", "PA401"],
    ),
    ("after abolishing", "Cấp giấy phép X sau khi bãi bỏ Y", ["PA102", "PA301", "PA401"]),
    ("partly abolished", "Cấp giấy phép X (Bãi bỏ một phần)", ["PA102", "PA301", "PA401"]),
    ("only proposed", "Cấp giấy phép X (đề nghị bãi bỏ)", ["PA102", "PA301", "PA401"]),
    ("amended", "Cấp giấy phép X (sửa đổi)", ["PA102", "PA301", "PA401"]),
]


@pytest.mark.parametrize(("case", "name", "rules"), NAME_CASES, ids=[c[0] for c in NAME_CASES])
def test_a_name_marking_its_status_is_read_as_that_status(
    tmp_path: Path, case: str, name: str, rules: list[str]
) -> None:
    result = _audit(tmp_path, HEADER, [IN_FORCE, ["2", "", name, "", ""]])
    found = sorted(f.rule for f in result.findings if f.rule in IN_FORCE_RULES and f.row == 3)
    assert found == rules


def test_pa404_reports_a_name_marked_abolished_on_the_name(tmp_path: Path) -> None:
    rows = [IN_FORCE, ["2", "1.000179", "Cấp giấy phép X (đã bãi bỏ)", "Mẫu 02", "1/QĐ-UBND"]]
    rows.append(["3", "1.000180", "[BÃI BỎ] Cấp giấy phép Y", "Mẫu 03", "1/QĐ-UBND"])
    (first, second) = [f for f in _audit(tmp_path, HEADER, rows).findings if f.rule == "PA404"]
    assert (first.row, first.column, second.row, second.column) == (3, "name", 4, "name")
    assert "('… (đã bãi bỏ)')" in first.message and "('[BÃI BỎ] …')" in second.message
    assert "out of the list in force" in first.fix


def test_a_status_cell_wins_over_the_name(tmp_path: Path) -> None:
    header = [*HEADER, "Tình trạng"]
    rows = [
        [*IN_FORCE, "Còn hiệu lực"],
        ["2", "", "Cấp giấy phép X (đã bãi bỏ)", "", "", "Còn hiệu lực"],
    ]
    rows.append(["3", "", "Cấp giấy phép Y (đã bãi bỏ)", "", "", ""])
    found = [(f.rule, f.row, f.column) for f in _audit(tmp_path, header, rows).findings]
    assert ("PA404", 4, "name") in found and ("PA401", 3, "decision_no") in found
    assert not any(rule == "PA404" and row == 3 for rule, row, _ in found)


def test_pa404_is_not_checked_only_where_no_status_column_nor_marked_name(tmp_path: Path) -> None:
    plain = _audit(tmp_path, HEADER, [IN_FORCE])
    assert [skip.rule for skip in plain.skipped if skip.rule == "PA404"] == ["PA404"]
    marked = _audit(
        tmp_path, HEADER, [IN_FORCE, ["2", "1.000179", "Cấp X (bãi bỏ)", "M", "1/QĐ-UBND"]]
    )
    assert not [skip for skip in marked.skipped if skip.rule == "PA404"]
    assert [f.rule for f in marked.findings] == ["PA404"]


def test_a_list_of_abolished_names_only_is_an_annex(tmp_path: Path) -> None:
    rows = [
        ["1", "", "Cấp giấy phép X (bãi bỏ)", "", ""],
        ["2", "", "Cấp giấy phép Y (bãi bỏ)", "", ""],
    ]
    assert _audit(tmp_path, HEADER, rows).findings == ()


def test_a_part_abolishing_under_its_heading_is_not_reported(tmp_path: Path) -> None:
    rows = [
        ["A", "THỦ TỤC HÀNH CHÍNH CÒN HIỆU LỰC", "", "", ""],
        IN_FORCE,
        ["B", "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ", "", "", ""],
        ["1", "", "Cấp giấy phép X (đã bãi bỏ)", "", ""],
    ]
    found = [(f.rule, f.row) for f in _audit(tmp_path, HEADER, rows).findings]
    assert not [hit for hit in found if hit[1] == 5], found


def test_the_status_a_name_gives_holds_none_of_its_stray_characters(tmp_path: Path) -> None:
    # The file has no status cell to report them in, nor to repair: only the name is.
    rows = [IN_FORCE, ["2", "1.000179", "Cấp giấy phép X (đã\u200b  bãi bỏ)", "M", "1/QĐ-UBND"]]
    found = {(f.rule, f.column) for f in _audit(tmp_path, HEADER, rows).findings}
    assert found == {("PA404", "name"), ("PA603", "name")}


def test_a_procedure_listed_again_marked_abolished_is_listed_twice(tmp_path: Path) -> None:
    # As with the status in its own column: the same procedure twice (PA201), one abolished
    # (PA404); not one code for two procedures (PA202).
    rows = [IN_FORCE, ["2", "1.000178", "Đăng ký khai sinh (đã bãi bỏ)", "Mẫu 01", "1/QĐ-UBND"]]
    found = sorted((f.rule, f.row) for f in _audit(tmp_path, HEADER, rows).findings)
    assert found == [("PA201", 2), ("PA201", 3), ("PA404", 3)]


SECTION_CASES = [
    # (case, the heading above the rows, the rules reporting the marked row)
    ("a part of amended procedures", "II. DANH MỤC TTHC ĐƯỢC SỬA ĐỔI, BỔ SUNG", ["PA404"]),
    ("a part of new procedures", "I. Danh mục thủ tục hành chính mới ban hành", ["PA404"]),
    ("a part abolishing: what it announces", "III. DANH MỤC TTHC BỊ BÃI BỎ", []),
]


@pytest.mark.parametrize(
    ("case", "heading", "rules"), SECTION_CASES, ids=[c[0] for c in SECTION_CASES]
)
def test_a_name_marked_abolished_wins_over_its_part_in_force(
    tmp_path: Path, case: str, heading: str, rules: list[str]
) -> None:
    # A row's own word wins over its part's: listed as amended, yet its name says abolished.
    rows = [
        [heading, "", "", "", ""],
        IN_FORCE,
        ["2", "1.000179", "Cấp giấy phép X (đã bãi bỏ)", "Mẫu 02", "1/QĐ-UBND"],
        ["3", "1.000180", "Cấp giấy phép Y", "Mẫu 03", "1/QĐ-UBND"],
    ]
    found = [f.rule for f in _audit(tmp_path, HEADER, rows).findings if f.row == 4]
    assert found == rules


def test_a_name_marked_abolished_wins_over_the_status_its_title_gives(tmp_path: Path) -> None:
    path = tmp_path / "annex.csv"
    rows = [
        ["DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI, BỔ SUNG", "", "", "", ""],
        HEADER,
        IN_FORCE,
        ["2", "1.000179", "Cấp giấy phép X (đã bãi bỏ)", "Mẫu 02", "1/QĐ-UBND"],
    ]
    path.write_text("\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n")
    found = [(f.rule, f.row, f.column) for f in audit([str(path)]).findings]
    assert found == [("PA404", 4, "name")]
