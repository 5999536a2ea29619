"""The layout steps skipped on a list with no cell under its header read as a header's
(`io.header_cells`) read every table as they would have looked: the tables read with the
proof and without it are the same, a plain list and a list of each layout that must be
looked at alike, from a CSV file (Arrow columns) and from a sheet's cells (objects)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from procaudit.io import header_cells, layout
from procaudit.io.grid import text_grid
from procaudit.io.header_cells import NAME_HEADERS, STT_FORMS, none_of
from procaudit.io.read import Table, read_catalogue, read_grid

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cấp thực hiện", "Lĩnh vực"]


def _row(number: int) -> list[str]:
    return [str(number), f"1.00{number:04d}", f"Đăng ký việc số {number}", "Cấp xã", "Hộ tịch"]


TITLE = [["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "", "", "", ""], ["", "", "", "", ""]]
PLAIN = [HEADER, *(_row(n) for n in range(1, 6))]
# name -> (rows, the reason some rows are skipped for; None: no cell under the header reads
# as a header's, the look is spared; LOOKED: one does, the steps look)
LOOKED = "looked"
CASES: dict[str, tuple[list[list[str]], str | None]] = {
    "a plain list": (PLAIN, None),
    "a plain list under its title": ([*TITLE, *PLAIN], None),
    "a section heading": (
        [HEADER, ["", "", "I. Lĩnh vực Hộ tịch", "", ""], *(_row(n) for n in range(1, 4))],
        None,  # a heading is read, not skipped
    ),
    "the header repeated over a part": (
        [HEADER, _row(1), _row(2), HEADER, _row(3), _row(4)],
        layout.REPEATED_HEADER,
    ),
    "the header repeated in capitals": (
        [HEADER, _row(1), _row(2), [h.upper() for h in HEADER], _row(3), _row(4)],
        layout.REPEATED_HEADER,
    ),
    "a page number over the header repeated": (
        [HEADER, _row(1), _row(2), ["", "", "- 2 -", "", ""], HEADER, _row(3)],
        layout.PAGE_NUMBER,
    ),
    "a total row": (
        [HEADER, _row(1), _row(2), ["", "", "Tổng cộng: 2 thủ tục", "", ""]],
        layout.TOTAL,
    ),
    "a row going on with the name above": (
        [HEADER, _row(1), ["", "", "và cấp bản sao trích lục", "", ""], _row(2), _row(3)],
        layout.CONTINUATION,
    ),
    "a summary per level laid under the list": (
        [
            HEADER,
            _row(1),
            _row(2),
            ["", "TỔNG HỢP THEO CẤP", "", "", ""],
            ["STT", "Cấp thực hiện", "Số lượng", "", ""],
            ["1", "Cấp xã", "2", "", ""],
        ],
        layout.OTHER_TABLE,
    ),
    "a table of changes under the list": (
        [
            HEADER,
            _row(1),
            _row(2),
            ["STT", "Nội dung sửa đổi, bổ sung", "Lý do", "", ""],
            ["1", "Rút ngắn thời hạn giải quyết", "Cắt giảm thời gian", "", ""],
        ],
        layout.OTHER_TABLE,
    ),
    "a name's header in another column, no header": (
        [HEADER, _row(1), ["2", "1.000002", "Đăng ký kết hôn", "Cấp xã", "Tên thủ tục"]],
        LOOKED,
    ),
}


def _tables(rows: list[list[str]], folder: Path, kind: str) -> tuple[Table, ...]:
    if kind == "sheet":
        return read_grid("list.xlsx", text_grid("S", rows)).tables
    path = folder / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    return read_catalogue(str(path)).tables


def _read(
    rows: list[list[str]], folder: Path, kind: str, proven: bool, monkeypatch: pytest.MonkeyPatch
) -> tuple[tuple[Table, ...], int]:
    """The tables read, and how many times the step looking for a table under the list
    looked (`layout.table_after`)."""
    looked = []
    table_after = layout.table_after

    def counted(*args: object, **kwargs: object) -> pd.Index:
        looked.append(1)
        return table_after(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(header_cells, "PROVEN", proven)
        patch.setattr(layout, "table_after", counted)
        return _tables(rows, folder, kind), len(looked)


@pytest.mark.parametrize("kind", ["csv", "sheet"])
@pytest.mark.parametrize("name", list(CASES))
def test_the_tables_are_the_same_with_the_proof_and_without(
    name: str, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows, skipped = CASES[name]
    full, full_looked = _read(rows, tmp_path, kind, False, monkeypatch)
    fast, fast_looked = _read(rows, tmp_path, kind, True, monkeypatch)
    assert len(fast) == len(full)
    for quick, slow in zip(fast, full, strict=True):
        pd.testing.assert_frame_equal(quick.frame, slow.frame)
        assert quick.account == slow.account
        assert quick.header_map == slow.header_map
    account = full[0].account
    assert account is not None
    if skipped is None:  # a plain list: the proof spared the look
        assert fast_looked == 0 < full_looked
    elif skipped == LOOKED:
        assert fast_looked == full_looked > 0
    else:  # the layout is there, so the case shows a step that must not be skipped
        assert skipped in account.skipped or any(
            skipped in (t.account.skipped if t.account else {}) for t in full
        )


def test_none_of_answers_only_for_texts_the_pass_looks_for() -> None:
    grid = text_grid(None, PLAIN)
    assert none_of(grid, 1, 0, 0, STT_FORMS)  # the STT column: "STT" and the name's headers
    assert none_of(grid, 1, 0, 2, NAME_HEADERS)
    assert not none_of(grid, 1, 0, 2, STT_FORMS)  # "STT" is looked for in the STT column only
    assert not none_of(grid, 1, 0, 2, {"Tên gọi khác"})  # not looked for: no answer
    assert not none_of(grid, 0, 0, 0, STT_FORMS)  # the header's own row holds "STT"
