"""A status written in a notes column ("Ghi chú": "Đã bãi bỏ theo Quyết định số
123/QĐ-UBND ngày 1/3/2025") where the list has no status column: read as the row's status
only where the note is a status statement and nothing else. Notes in, statuses out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import sheet_table, write_workbook
from procaudit.engine.audit import audit
from procaudit.io.grid import text_grid
from procaudit.io.note_status import note_status
from procaudit.io.read import read_grid

NOTE_CASES = [
    # (note, read as the row's status)
    ("Đã bãi bỏ theo Quyết định số 123/QĐ-UBND ngày 1/3/2025", True),
    ("Bãi bỏ", True),
    ("BÃI BỎ.", True),
    ("Hết hiệu lực", True),
    ("Hết hiệu lực từ ngày 01/7/2025", True),
    ("Thủ tục này đã bị bãi bỏ tại QĐ 12/QĐ-UBND", True),
    ("Bãi bỏ, 12/QĐ-UBND", True),
    ("Đã được thay thế bởi TTHC 1.000011", True),
    ("Thay thế TTHC số 1.001234", True),
    ("Tạm dừng thực hiện từ 01/7/2025", True),
    ("Ban hành mới", True),
    ("Mới (QĐ 12/QĐ-UBND)", True),
    # Notes that say more, or nothing a rule asks
    ("Bãi bỏ một phần thành phần hồ sơ", False),
    ("Bãi bỏ 2 thành phần hồ sơ", False),
    ("Bãi bỏ thành phần hồ sơ bản sao", False),
    ("Sửa đổi tên thủ tục", False),
    ("Sửa đổi, bổ sung", False),
    ("Hủy bỏ yêu cầu nộp bản sao", False),
    ("Hủy đăng ký", False),
    ("Tạm dừng tiếp nhận hồ sơ trực tuyến", False),
    ("Không áp dụng", False),  # in a note as often "not applicable" as "not applied"
    ("Đóng", False),
    ("Thực hiện tại Bộ phận một cửa", False),
    ("Đề nghị bãi bỏ", False),
    ("Thay thế", False),  # either side of a replacement: nothing a rule asks changes
    ("Không bãi bỏ", False),
    ("Thay thế thành phần hồ sơ", False),
    ("Liên thông với Sở Tư pháp; bãi bỏ từ 2026", False),
    ("", False),
]


@pytest.mark.parametrize(("note", "read"), NOTE_CASES, ids=[c[0] or "empty" for c in NOTE_CASES])
def test_a_note_is_a_status_only_where_it_states_one(note: str, read: bool) -> None:
    assert (note_status(note) is not None) is read


HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Ghi chú"]


def _statuses(rows: list[list[str]], header: list[str] = HEADER) -> list[object]:
    frame = sheet_table([header, *rows]).frame
    if "status" not in frame:
        return [None] * len(frame)
    return [None if pd.isna(status) else status for status in frame["status"]]


def test_the_notes_stating_a_status_are_the_rows_statuses() -> None:
    rows = [
        ["1", "1.000001", "Cấp giấy phép A", "Cấp tỉnh", ""],
        ["2", "", "Cấp giấy phép B", "Cấp tỉnh", "Đã bãi bỏ theo QĐ số 123/QĐ-UBND"],
        ["3", "1.000003", "Cấp giấy phép C", "Cấp tỉnh", "Thực hiện tại Bộ phận một cửa"],
        ["4", "", "Cấp giấy phép D", "Cấp tỉnh", "Bãi bỏ một phần thành phần hồ sơ"],
    ]
    assert _statuses(rows) == [None, "Đã bãi bỏ theo QĐ số 123/QĐ-UBND", None, None]


def test_a_status_column_wins_over_the_notes() -> None:
    header = ["STT", "Mã TTHC", "Tên thủ tục", "Tình trạng", "Ghi chú"]
    rows = [
        ["1", "1.000001", "Cấp giấy phép A", "Còn hiệu lực", "Bãi bỏ"],
        ["2", "1.000002", "Cấp giấy phép B", "Còn hiệu lực", ""],
    ]
    assert _statuses(rows, header) == ["Còn hiệu lực", "Còn hiệu lực"]


def test_a_note_saying_what_its_part_says_leaves_the_row_its_parts_status() -> None:
    rows = [
        ["PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH", "", "", "", ""],
        ["1", "", "Cấp giấy phép A", "Cấp tỉnh", "Thủ tục mới"],
        ["2", "", "Cấp giấy phép B", "Cấp tỉnh", "Bãi bỏ theo QĐ 12/QĐ-UBND"],
    ]
    frame = sheet_table([HEADER, *rows]).frame
    assert frame["status"].tolist() == ["Ban hành mới", "Bãi bỏ theo QĐ 12/QĐ-UBND"]


def test_a_note_in_a_part_out_of_force_leaves_the_row_out_of_force() -> None:
    """In the part of abolished procedures a note names what replaced them: the part's
    status stands (the district procedures there are no PA501)."""
    rows = [
        ["III. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ", "", "", "", ""],
        ["1", "1.000001", "Cấp giấy phép A (cấp huyện)", "Cấp huyện", "Thay thế TTHC số 1.000123"],
        ["2", "1.000002", "Cấp giấy phép B", "Cấp huyện", "Bãi bỏ theo QĐ 12/QĐ-UBND"],
    ]
    frame = sheet_table([HEADER, *rows]).frame
    assert frame["status"].tolist() == ["Bãi bỏ", "Bãi bỏ"]


def test_a_column_not_headed_as_notes_is_not_read() -> None:
    header = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Căn cứ pháp lý"]
    rows = [
        ["1", "1.000001", "Cấp giấy phép A", "Cấp tỉnh", "Luật X"],
        ["2", "1.000002", "Cấp giấy phép B", "Cấp tỉnh", "Bãi bỏ"],
    ]
    assert _statuses(rows, header) == [None, None]


def _rules(path: Path) -> list[tuple[str, int | None, str | None]]:
    found = audit([str(path)]).findings
    return sorted((f.rule, f.row, f.column) for f in found if f.rule in ("PA102", "PA404"))


def test_an_abolished_note_is_no_code_asked_and_an_abolished_listed(tmp_path: Path) -> None:
    """Rows in, findings out: the abolished rows are no PA102; PA404 names them, in their
    note's cell; a note merged down over two rows states both rows' status."""
    rows = [
        HEADER,
        ["1", "1.000001", "Cấp giấy phép A", "Cấp tỉnh", ""],
        ["2", "", "Cấp giấy phép B", "Cấp tỉnh", "Đã bãi bỏ theo Quyết định số 123/QĐ-UBND"],
        ["3", "", "Cấp giấy phép C", "Cấp tỉnh", "Hết hiệu lực"],
        ["4", "", "Cấp giấy phép D", "Cấp tỉnh", None],
        ["5", "", "Cấp giấy phép E", "Cấp tỉnh", "Sửa đổi tên thủ tục"],
        ["6", "1.000006", "Cấp giấy phép F", "Cấp tỉnh", "Thực hiện tại Bộ phận một cửa"],
    ]
    path = write_workbook(tmp_path / "notes.xlsx", {"DM": rows}, merged={"DM": ["E4:E5"]})
    assert _rules(path) == [
        ("PA102", 6, "code"),
        ("PA404", 3, "status"),
        ("PA404", 4, "status"),
        ("PA404", 5, "status"),
    ]


def test_many_distinct_notes_are_read_as_a_few() -> None:
    """Past a few hundred distinct notes a column kernel picks those holding a status word
    (NFD text too) for `note_status`: the same statuses as one by one."""
    rows = [
        [str(i), f"1.{i:06d}", f"Cấp giấy phép {i}", "Cấp tỉnh", f"Tiếp nhận tại quầy số {i}"]
        for i in range(1, 301)
    ]
    rows[10][4] = "Đã bãi bỏ theo QĐ 12/QĐ-UBND"
    rows[20][4] = "Ba\u0303i bo\u0309"  # decomposed (NFD)
    rows[30][4] = "Bãi bỏ một phần thành phần hồ sơ"
    said = _statuses(rows)
    assert [(at, status) for at, status in enumerate(said) if status] == [
        (10, "Đã bãi bỏ theo QĐ 12/QĐ-UBND"),
        (20, "Ba\u0303i bo\u0309"),
    ]


@pytest.mark.parametrize(
    ("notes", "said"),
    [
        (["Đã bãi bỏ theo QĐ số 123/QĐ-UBND", "", "Hết hiệu lực"], "of the 2 rows whose note"),
        (["Thực hiện tại Bộ phận một cửa", "", ""], None),  # no note states a status
    ],
)
def test_the_file_notes_say_how_many_rows_took_their_status_from_a_note(
    notes: list[str], said: str | None
) -> None:
    """The findings name a status column the sheet does not have: the file's notes say it
    is the notes column, read so on some rows only."""
    rows = [
        [str(i), f"1.00000{i}", f"Cấp giấy phép {i}", "Cấp tỉnh", note]
        for i, note in enumerate(notes, start=1)
    ]
    notes_said = [
        note
        for note in read_grid("list.csv", text_grid(None, [HEADER, *rows])).notes
        if "'Ghi chú' are read as the status" in note
    ]
    assert len(notes_said) == (0 if said is None else 1)
    assert said is None or said in notes_said[0]
