"""An annex of replaced procedures: the code left of the replaced procedure's name is that
procedure's, not the replacing one's the reader takes the name from."""

from __future__ import annotations

import pytest

from conftest import column_read, sheet_table
from procaudit.engine.schema import load_schema
from procaudit.engine.table_hits import audit_table
from procaudit.rules import all_rules

OLD, NEW = "Cấp giấy phép hoạt động in", "Cấp giấy phép hoạt động in xuất bản phẩm"

CASES = {
    # Circular 02/2017's annex: the one code is the replaced procedure's.
    "Số hồ sơ | replaced name | replacing name": (
        ["STT", "Số hồ sơ TTHC", "Tên TTHC được thay thế", "Tên TTHC thay thế"],
        ["1", "1.003622", OLD, NEW],
        None,
    ),
    "Mã TTHC | name replaced ('bị thay thế') | replacing name": (
        ["STT", "Mã TTHC", "Tên thủ tục hành chính bị thay thế", "Tên thủ tục hành chính thay thế"],
        ["1", "1.003622", OLD, NEW],
        None,
    ),
    # Codes that say whose they are, or stand by the replacing name, are read.
    "each name with its code": (
        ["STT", "Mã số TTHC được thay thế", "Tên TTHC được thay thế", "Mã số TTHC thay thế",
         "Tên TTHC thay thế"],
        ["1", "1.003622", OLD, "1.013001", NEW],
        "1.013001",
    ),
    "the code right of the replaced name": (
        ["STT", "Tên TTHC được thay thế", "Mã TTHC", "Tên TTHC thay thế"],
        ["1", OLD, "1.013001", NEW],
        "1.013001",
    ),
    "no replaced name: an annex of amended procedures": (
        ["STT", "Số hồ sơ TTHC", "Tên TTHC được sửa đổi, bổ sung", "Lĩnh vực"],
        ["1", "1.003622", OLD, "Xuất bản"],
        "1.003622",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("header", "row", "code"), CASES.values(), ids=CASES.keys())
def test_the_replaced_procedures_code_is_not_the_replacing_ones(
    header: list[str], row: list[str], code: str | None
) -> None:
    table = sheet_table([header, row])
    assert column_read(table, "name") == [(2, NEW if "thay thế" in " ".join(header) else OLD)]
    if code is None:
        assert "code" not in table.frame
    else:
        assert column_read(table, "code") == [(2, code)]


def test_an_empty_plain_code_is_not_filled_from_the_replaced_ones() -> None:
    """The replacing procedure's code column is empty (a new procedure has none yet): the
    replaced one's codes beside it are not read in its place."""
    table = sheet_table(
        [
            ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Mã TTHC bị thay thế"],
            ["1", "", NEW, "1.003622"],
        ]
    )
    assert column_read(table, "code") == [(2, None)]


def _pa102_rows(header: list[str], rows: list[list[str]]) -> list[int]:
    table = sheet_table([header, *rows])
    found = audit_table("list.csv", table, load_schema(), all_rules())
    return [finding.row for finding in found if finding.rule == "PA102"]


# (header, rows, the rows PA102 reports): an empty code is asked of a procedure in force,
# not of a new one replacing the procedure its row names.
NO_CODE_CASES = {
    "replaced code and name beside the replacing one": (
        ["STT", "Mã TTHC", "Tên TTHC thay thế", "Mã TTHC được thay thế", "Tên TTHC được thay thế"],
        [["1", "", NEW, "1.003622", OLD], ["2", "", NEW + " lại", "", ""]],
        [3],
    ),
    "'TTHC bị thay thế' naming the old procedure": (
        ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "TTHC bị thay thế"],
        [["1", "", NEW, OLD], ["2", "", NEW + " lại", "Không"]],
        [3],
    ),
    "the replaced procedure's code beside a plain name": (
        ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Mã TTHC bị thay thế", "Ghi chú"],
        [["1", "", NEW, "1.003622", "Thay thế"]],
        [],
    ),
    # The list of the replaced procedures themselves: they had codes.
    "the name read is the replaced one's": (
        ["STT", "Mã TTHC", "Tên TTHC được thay thế", "Mã TTHC bị thay thế"],
        [["1", "", OLD, "1.003622"]],
        [2],
    ),
    # "Thay thế" alone may mean either side: the code is asked.
    "a status 'Thay thế' alone": (
        ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Tình trạng"],
        [["1", "", NEW, "Thay thế"]],
        [2],
    ),
    # A decision replaced is not a procedure replaced.
    "a replaced decision": (
        ["STT", "Mã thủ tục", "Tên thủ tục hành chính", "Quyết định bị thay thế"],
        [["1", "", NEW, "12/QĐ-UBND"]],
        [2],
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("header", "rows", "reported"), NO_CODE_CASES.values(), ids=NO_CODE_CASES.keys()
)
def test_a_procedure_replacing_the_one_its_row_names_is_asked_no_code(
    header: list[str], rows: list[list[str]], reported: list[int]
) -> None:
    assert _pa102_rows(header, rows) == reported
