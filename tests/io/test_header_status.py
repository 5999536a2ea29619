"""The annexes of a publishing decision say what the decision does to their procedures in
the name's header ("Tên TTHC bị bãi bỏ"): the rows take that status where they give none."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from procaudit.catalogue.columns import NAME_STATUS, SECTION_STATUS
from procaudit.engine.audit import audit
from procaudit.io.grid import text_grid
from procaudit.io.read import read_grid

ROWS = [
    ["1", "1.001193", "Đăng ký khai sinh", "Nghị định 07/2025/NĐ-CP", "UBND cấp huyện"],
    ["2", "1.000894", "Đăng ký kết hôn", "Nghị định 07/2025/NĐ-CP", "UBND cấp huyện"],
]


def _header(name: str, status: str | None = None) -> list[str]:
    return ["STT", "Mã TTHC", name, "Tên VBQPPL quy định", "Cơ quan thực hiện"] + (
        [status] if status else []
    )


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("Tên TTHC bị bãi bỏ", "Bãi bỏ"),
        ("Tên thủ tục hành chính được sửa đổi, bổ sung", "Sửa đổi, bổ sung"),
        ("Tên thủ tục hành chính", None),
    ],
)
def test_the_rows_take_the_status_the_names_header_gives(name: str, status: str | None) -> None:
    (table,) = read_grid("annex.csv", text_grid(None, [_header(name), *ROWS])).tables
    assert table.account is not None
    assert table.account.header_status == status
    if status is None:
        assert "status" not in table.frame
        return
    assert table.frame["status"].tolist() == [status] * len(ROWS)
    assert table.frame[SECTION_STATUS].tolist() == [True] * len(ROWS)  # not the rows' own


def test_a_status_column_of_its_own_wins() -> None:
    rows = [[*ROWS[0], "Còn hiệu lực"], [*ROWS[1], ""]]
    header = _header("Tên TTHC bị bãi bỏ", "Tình trạng")
    (table,) = read_grid("annex.csv", text_grid(None, [header, *rows])).tables
    assert table.account is not None and table.account.header_status is None
    assert [None if pd.isna(value) else value for value in table.frame["status"]] == [
        "Còn hiệu lực",
        None,
    ]


def test_an_annex_of_abolished_procedures_is_not_judged_as_a_list_in_force(
    tmp_path: Path,
) -> None:
    # District agencies on procedures the decision abolishes: no PA501, and no PA404 for a
    # list "in force" holding abolished procedures.
    lines = [_header("Tên TTHC bị bãi bỏ"), *ROWS]
    path = tmp_path / "annex.csv"
    path.write_text("\n".join(",".join(line) for line in lines) + "\n", encoding="utf-8")
    assert {finding.rule for finding in audit([str(path)]).findings} == set()
    kept = path.read_text(encoding="utf-8").replace("bị bãi bỏ", "")
    path.write_text(kept, encoding="utf-8")
    assert "PA501" in {finding.rule for finding in audit([str(path)]).findings}


# A column saying why, when or by what a procedure was abolished: the rows filling it are
# abolished ones (where nothing else gives a status); a proposal to abolish says nothing.
REASONS = [
    ("Lý do bãi bỏ", ["Bãi bỏ", "Bãi bỏ", None]),
    ("Ngày bãi bỏ", ["Bãi bỏ", "Bãi bỏ", None]),
    ("Lý do bãi bỏ (1)", ["Bãi bỏ", "Bãi bỏ", None]),
    ("Văn bản quy định việc bãi bỏ thủ tục hành chính", ["Bãi bỏ", "Bãi bỏ", None]),
    ("Lý do đề xuất bãi bỏ", None),
    ("Kiến nghị bãi bỏ", None),
    ("Lý do sửa đổi", None),
    ("Ghi chú", None),
]


@pytest.mark.parametrize(("header", "statuses"), REASONS)
def test_the_rows_that_say_why_they_were_abolished_are_abolished(
    header: str, statuses: list[str | None] | None
) -> None:
    rows = [[*ROWS[0], "Do kết thúc cấp huyện"], [*ROWS[1], "01/7/2025"]]
    rows.append(["3", "1.000656", "Đăng ký khai tử", "Nghị định 07/2025/NĐ-CP", "UBND cấp xã", ""])
    grid = text_grid(None, [_header("Tên thủ tục hành chính", header), *rows])
    (table,) = read_grid("annex.csv", grid).tables
    assert table.account is not None
    assert table.account.abolished_by == (header if statuses else None)
    if statuses is None:
        assert "status" not in table.frame
        return
    assert [None if pd.isna(value) else value for value in table.frame["status"]] == statuses


def test_a_list_of_procedures_with_the_reason_for_abolishing_them_is_not_judged_as_in_force(
    tmp_path: Path,
) -> None:
    lines = [_header("Tên thủ tục hành chính", "Lý do bãi bỏ")]
    lines += [[*row, "Do kết thúc hoạt động của chính quyền cấp huyện"] for row in ROWS]
    path = tmp_path / "annex.csv"
    path.write_text("\n".join(",".join(line) for line in lines) + "\n", encoding="utf-8")
    assert {finding.rule for finding in audit([str(path)]).findings} == set()


# A name that marks its procedure abolished or suspended gives the row that status where its
# own cell and its section give none (`catalogue.name_status`); the status column it makes
# is no cell of the file, and a row says it came from the name.
NAME_STATUSES = [
    ("no status column", None, ["đã bãi bỏ", None, "tạm dừng"], [True, False, True]),
    ("empty status cells", "", ["đã bãi bỏ", None, "tạm dừng"], [True, False, True]),
    ("a status cell of its own wins", "Còn hiệu lực", ["Còn hiệu lực"] * 3, [False] * 3),
]


@pytest.mark.parametrize(
    ("case", "cell", "statuses", "from_name"), NAME_STATUSES, ids=[c[0] for c in NAME_STATUSES]
)
def test_a_name_marking_its_status_gives_the_row_that_status(
    case: str, cell: str | None, statuses: list[str | None], from_name: list[bool]
) -> None:
    names = ["Cấp giấy phép X (Đã bãi bỏ)", "Cấp giấy phép bãi bỏ Y", "Cấp Z - tạm dừng"]
    header = ["STT", "Mã TTHC", "Tên thủ tục hành chính"] + ([] if cell is None else ["Tình trạng"])
    rows = [[str(i), "", name] + ([] if cell is None else [cell]) for i, name in enumerate(names)]
    (table,) = read_grid("list.csv", text_grid(None, [header, *rows])).tables
    frame = table.frame
    assert [None if pd.isna(value) else value for value in frame["status"]] == statuses
    assert frame[NAME_STATUS].tolist() == from_name
    assert "status" not in table.header_map.columns or cell is not None


def test_names_without_a_status_mark_add_no_status() -> None:
    header = ["STT", "Mã TTHC", "Tên thủ tục hành chính"]
    rows = [["1", "", "Cấp giấy phép X (sửa đổi)"], ["2", "", "Thủ tục hủy bỏ quyết định Y"]]
    (table,) = read_grid("list.csv", text_grid(None, [header, *rows])).tables
    assert "status" not in table.frame and NAME_STATUS not in table.frame
