"""A cell formatted in parts (the amended words of a name in bold red) keeps its parts when
`fix` repairs it; where a repair spans two parts the copy holds the text plain, and says so."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from procaudit.core.changes import CellChange
from procaudit.io.patch import write_repaired
from procaudit.io.patch_rich import repaired_runs

BOLD = InlineFont(b=True, color="FFFF0000")
NFD = unicodedata.normalize("NFD", "Cấp lại")


def _runs(value: CellRichText | None) -> list[tuple[str, bool]] | None:
    """(text, bold) of each run."""
    if value is None:
        return None
    return [
        (run.text, bool(run.font.b)) if isinstance(run, TextBlock) else (str(run), False)
        for run in value
    ]


CASES = [
    # (runs as (text, bold), repaired text, runs after or None)
    (
        [("Hủy  ", False), ("đăng ký dự án", True)],
        "Hủy đăng ký dự án",
        [("Hủy ", False), ("đăng ký dự án", True)],
    ),
    (  # a space at the end of one run and the start of the next: one is taken out
        [("Hủy ", False), (" đăng ký", True)],
        "Hủy đăng ký",
        [("Hủy", False), (" đăng ký", True)],
    ),
    (
        [(NFD, True), (" thẻ", False)],
        "Cấp lại thẻ",
        [("Cấp lại", True), (" thẻ", False)],
    ),
    (
        [("Quyết định ", False), ("1890/QD-UBND", True)],
        "Quyết định 1890/QĐ-UBND",
        [("Quyết định ", False), ("1890/QĐ-UBND", True)],
    ),
    (  # a run of spaces alone goes
        [("Hủy", False), (" ", True), (" đăng ký", False)],
        "Hủy đăng ký",
        [("Hủy", False), (" đăng ký", False)],
    ),
    ([("ab", False), ("cd", True)], "aXd", None),  # "bc" becomes "X": in neither run
]


@pytest.mark.parametrize(("runs", "after", "expected"), CASES)
def test_a_repair_is_made_inside_the_runs(
    runs: list[tuple[str, bool]], after: str, expected: list[tuple[str, bool]] | None
) -> None:
    value = CellRichText([TextBlock(BOLD, text) if bold else text for text, bold in runs])
    repaired = repaired_runs(value, after)
    assert _runs(repaired) == expected
    if repaired is not None:
        assert str(repaired) == after


def test_the_copy_keeps_the_runs_or_says_they_were_replaced(tmp_path: Path) -> None:
    source, target = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "DM"
    sheet["A1"] = CellRichText(["Hủy  ", TextBlock(BOLD, "đăng ký")])
    sheet["A2"] = CellRichText(["ab", TextBlock(BOLD, "cd")])
    book.save(source)
    changes = [
        CellChange("f", "DM", 1, 0, None, "Hủy  đăng ký", "Hủy đăng ký", ("PA603",), True),
        CellChange("f", "DM", 2, 0, None, "abcd", "aXd", ("R",), True),
    ]
    result = write_repaired(source, changes, target)

    assert len(result.written) == 2
    copy = openpyxl.load_workbook(target, rich_text=True)["DM"]
    assert _runs(copy["A1"].value) == [("Hủy ", False), ("đăng ký", True)]
    assert copy["A2"].value == "aXd"
    assert [note for note in result.notes if "DM!A2" in note and "plain" in note]
    assert not [note for note in result.notes if "DM!A1" in note]
