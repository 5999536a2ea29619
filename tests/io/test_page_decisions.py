"""A list converted from a PDF a sheet per page: the decision its title quotes ("(Kèm theo
Quyết định số 2211/QĐ-UBND …)", on page 1 only) is that of the pages going on with it, with
no header of their own or repeating the header with no title of their own; a second list
with its own title or another header keeps its own (`continued_sheets.list_decision`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import write_workbook
from procaudit.io import workbook_read
from procaudit.io.read import read_catalogue
from procaudit.io.table_read import tables_of

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Cơ quan thực hiện"]
TITLE = [
    ["DANH MỤC THỦ TỤC HÀNH CHÍNH"],
    ["(Kèm theo Quyết định số 2211/QĐ-UBND ngày 02/10/2025)"],
]


def rows(first: int, count: int = 3) -> list[list[object]]:
    return [
        [str(n), f"1.00{1000 + n}", f"Cấp giấy phép hoạt động số {n}", "Sở Công Thương"]
        for n in range(first, first + count)
    ]


PAGE_1 = [*TITLE, HEADER, *rows(1)]
BY_2211 = "2211/QĐ-UBND"

# sheets -> the decision each sheet's rows take (None: none)
CASES = {
    "page 2 repeats the header": (
        {"Page 1": PAGE_1, "Page 2": [HEADER, *rows(4)]},
        [BY_2211, BY_2211],
    ),
    "page 2 has no header": (
        {"Page 1": PAGE_1, "Page 2": rows(4)},
        [BY_2211, BY_2211],
    ),
    "three pages, the header on each": (
        {"Page 1": PAGE_1, "Page 2": [HEADER, *rows(4)], "Page 3": [HEADER, *rows(7)]},
        [BY_2211, BY_2211, BY_2211],
    ),
    "a page number above the header": (
        {"Page 1": PAGE_1, "Page 2": [["Trang 2"], HEADER, *rows(4)]},
        [BY_2211, BY_2211],
    ),
    # Not the list going on: its own title, another header, the same procedures again.
    "a list with a title of its own": (
        {"Page 1": PAGE_1, "Cấp xã": [["DANH MỤC TTHC CẤP XÃ"], HEADER, *rows(4)]},
        [BY_2211, None],
    ),
    "a list with another header": (
        {
            "Page 1": PAGE_1,
            "Page 2": [["STT", "Tên thủ tục hành chính", "Lĩnh vực"]]
            + [[str(n), f"Đăng ký hoạt động số {n}", "Thương mại"] for n in range(4, 7)],
        },
        [BY_2211, None],
    ),
    "a sheet per unit, the same procedures": (
        {"Page 1": PAGE_1, "Page 2": [HEADER, *rows(1)]},
        [BY_2211, None],
    ),
    "no decision on page 1": (
        {"Page 1": [TITLE[0], HEADER, *rows(1)], "Page 2": [HEADER, *rows(4)]},
        [None, None],
    ),
}


@pytest.mark.parametrize(("sheets", "decisions"), CASES.values(), ids=CASES.keys())
def test_the_title_decision_reaches_the_pages_of_its_list(
    tmp_path: Path, sheets: dict[str, list[list[object]]], decisions: list[str | None]
) -> None:
    tables = read_catalogue(str(write_workbook(tmp_path / "pages.xlsx", sheets))).tables
    taken = []
    for table in tables:
        values = table.frame.get("decision_no", pd.Series([None] * len(table.frame)))
        taken.append(None if values.isna().all() else values.iloc[0])
        assert values.nunique() <= 1  # every row of a sheet the same
    assert taken == decisions


def test_a_pages_own_decisions_win(tmp_path: Path) -> None:
    header = [*HEADER, "Số quyết định"]
    sheets = {
        "Page 1": [*TITLE, header, *([*row, ""] for row in rows(1))],
        "Page 2": [header, *([*row, "15/QĐ-UBND"] for row in rows(4))],
    }
    tables = read_catalogue(str(write_workbook(tmp_path / "own.xlsx", sheets))).tables
    assert [table.frame["decision_no"].iloc[0] for table in tables] == [BY_2211, "15/QĐ-UBND"]


# A page is read once: the decision is offered before the reading, which takes it or not;
# only a sheet that took it and turns out the same list again (a sheet per unit) is read again.
READS = {name: len(case[0]) for name, case in CASES.items()}
READS["a sheet per unit, the same procedures"] = 3


@pytest.mark.parametrize(
    ("sheets", "reads"),
    [(CASES[name][0], count) for name, count in READS.items()],
    ids=READS.keys(),
)
def test_each_page_is_read_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sheets: dict[str, list[list[object]]],
    reads: int,
) -> None:
    read = []

    def counted(*args: object, **kwargs: object) -> object:
        read.append(args[1])
        return tables_of(*args, **kwargs)

    monkeypatch.setattr(workbook_read, "tables_of", counted)
    read_catalogue(str(write_workbook(tmp_path / "pages.xlsx", sheets)))
    assert len(read) == reads
