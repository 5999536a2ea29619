"""The fix-list's second sheet: the offending source rows, their bad cells highlighted and
the findings on them as the cells' comments, grouped under each source table's own header.

Built a column at a time (issue 19): the flagged rows' cells come from `Flagged`, the marks
from the findings grouped by row and column, and each table's block of rows is written as
XML by `sheet_columns`.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from openpyxl.styles import PatternFill

from procaudit.core.i18n import language
from procaudit.io.read import Table
from procaudit.report.fixlist_sources import FindingColumns, Flagged
from procaudit.report.sheet_columns import Cells, not_xml_free, numbered_rows_xml, text_array
from procaudit.report.sheet_xml import NoteColumns
from procaudit.report.workbook import Sheet, filtered_table, heading_row, set_widths

ROWS_LEAD = ("Tệp / File", "Trang tính / Sheet", "Dòng / Row")
ROWS_LEAD_VI = ("Tệp", "Trang tính", "Dòng")
OFFENDING_FILL = PatternFill("solid", fgColor="FFC7CE")
NOTE_AUTHOR, NOTE_WIDTH = "procaudit", 320


def rows_lead() -> tuple[str, ...]:
    return ROWS_LEAD_VI if language() == "vi" else ROWS_LEAD


def source_columns(table: Table) -> list[tuple[str, str]]:
    """(canonical column, source header) of the table's columns, in source order."""
    labels = table.account.labels if table.account is not None else ()
    by_canonical = table.header_map.headers
    ordered = sorted(table.header_map.columns.items(), key=lambda item: item[1])
    return [
        (
            column,
            (labels[position] if position < len(labels) else "")
            or by_canonical.get(column, column),
        )
        for column, position in ordered
    ]


def rows_sheet(sheet: Sheet, columns: FindingColumns, flagged: Flagged) -> None:
    """The offending rows, a block under each source table's header (a blank row between);
    a run of rows from one table is one block, in the findings' order."""
    located = np.flatnonzero(flagged.table >= 0)
    if not len(located):
        return
    tables, positions = flagged.table[located], flagged.position[located]
    # A row's findings are together (sorted by file, sheet, row): a new row where that changes.
    new = np.r_[True, (tables[1:] != tables[:-1]) | (positions[1:] != positions[:-1])]
    starts = np.flatnonzero(new)  # each flagged row's first finding, among the located
    row_of = np.cumsum(new) - 1  # each located finding's flagged row
    first = located[starts]
    segment_new = np.r_[True, tables[starts][1:] != tables[starts][:-1]]
    bounds = [*np.flatnonzero(segment_new), len(starts)]
    layouts = {number: source_columns(table) for number, table in enumerate(flagged.tables)}
    width = max((3 + len(layouts[int(tables[s])]) for s in starts), default=0)
    longest = _longest(columns, flagged, first, tables[starts], layouts, width)
    set_widths(sheet, longest)
    lines = len(starts) + 2 * (len(bounds) - 1) - 1 if len(starts) else 0
    if len(starts):
        # The first table's header stays in view and filters every row below it (a later
        # table's header is then a row like the others); file, sheet and row stay in view.
        filtered_table(sheet, width, lines - 1)
        sheet.freeze("D2")
    style = sheet.book.style(None, OFFENDING_FILL, None) if len(starts) else 0
    blocks: list[Block] = []
    number = sheet.rows.count + 1
    for part, (start, end) in enumerate(itertools.pairwise(bounds)):
        table = int(tables[starts[start]])
        names = [column for column, _ in layouts[table]]
        mine = slice(starts[start], starts[end] if end < len(starts) else len(located))
        number += 2 if part else 1  # the blank row before a block but the first, its header
        block = _block(columns, flagged, located[mine], row_of[mine] - start, names, style, number)
        blocks.append(block)
        number += block.rows
    for part, (block, xml) in enumerate(zip(blocks, _blocks_xml(blocks), strict=True)):
        if part:
            sheet.append([])
        table = int(flagged.table[block.first_finding])
        heading_row(sheet, [*rows_lead(), *(label for _, label in layouts[table])])
        sheet.rows.extend(xml, block.rows, block.notes)


def _longest(
    columns: FindingColumns,
    flagged: Flagged,
    first: np.ndarray,
    tables: np.ndarray,
    layouts: dict[int, list[tuple[str, str]]],
    width: int,
) -> dict[int, int]:
    """Characters of each column's longest text (numbered from 1) over the flagged rows."""
    if not len(first):
        return {}
    longest = {
        1: max(len(columns.file[i]) for i in first[np.r_[True, tables[1:] != tables[:-1]]]),
        2: max(len(flagged.tables[t].sheet or "") for t in np.unique(tables)),
        3: len(str(int(columns.rows[first].max()))),
    }
    for column in range(4, width + 1):
        lengths = [0]
        for table in np.unique(tables):
            layout = layouts[int(table)]
            if column - 4 < len(layout):
                texts = flagged.cell_texts(layout[column - 4][0], first[tables == table], table)
                lengths.append(int(np.fromiter(map(len, texts), np.int64, len(texts)).max()))
        longest[column] = max(lengths)
    return longest


class Block(NamedTuple):
    """One table's flagged rows, before they are written: the values of each of its columns
    (texts, and the row numbers as integers), each cell's style, and the notes."""

    first_finding: int  # the position of its first finding
    number: int  # its first row's number in the sheet
    rows: int
    values: list[list[str] | np.ndarray]
    styles: list[np.ndarray]
    notes: NoteColumns


_NUMBERS = 2  # the position of the row numbers among a block's columns: integers, not text


def _block(
    columns: FindingColumns,
    flagged: Flagged,
    found: np.ndarray,
    row_of: np.ndarray,
    names: list[str],
    style: int,
    number: int,
) -> Block:
    """The flagged rows of one table, from its findings `found` (`row_of`: each one's row
    in the block, from 0), each marked cell filled and commented; its first row is the
    sheet's row `number`."""
    starts = np.flatnonzero(np.r_[True, row_of[1:] != row_of[:-1]])
    first = found[starts]
    table = int(flagged.table[first[0]])
    count = len(first)
    # Where each finding goes: its column's cell, or the row number when no column is its.
    place = {name: 3 + at for at, name in enumerate(names)}
    at = np.array([place.get(columns.column[i], _NUMBERS) for i in found], np.int64)
    lines = pa.array([f"{columns.rule[i]}: {columns.message[i]}" for i in found], pa.string())
    order = np.lexsort((at, row_of))  # stable: findings keep their order within a cell
    keys = row_of[order] * (len(names) + 3) + at[order]
    cuts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    texts = pc.binary_join(
        pa.ListArray.from_arrays(pa.array(np.r_[cuts, len(keys)], pa.int32()), lines.take(order)),
        "\n",
    )
    counts = np.diff(np.r_[cuts, len(keys)])
    marked_row, marked_at = row_of[order][cuts], at[order][cuts]
    values: list[list[str] | np.ndarray] = [
        [columns.file[first[0]]] * count,
        [flagged.tables[table].sheet or ""] * count,
        columns.rows[first],
    ]
    values += [flagged.cell_texts(name, first, table) for name in names]
    styles = []
    for position in range(len(values)):
        marks = np.zeros(count, np.int64)
        marks[marked_row[marked_at == position]] = style
        styles.append(marks)
    notes = NoteColumns(
        pa.array(marked_row + number),
        pa.array(marked_at + 1),
        not_xml_free(texts),
        pa.array(np.full(len(cuts), 0, np.int64)),
        [NOTE_AUTHOR],
        pa.array(np.full(len(cuts), NOTE_WIDTH)),
        pa.array(40 + 20 * counts),
    )
    return Block(int(first[0]), number, count, values, styles, notes)


def _blocks_xml(blocks: list[Block]) -> list[bytes]:
    """The XML of each block's rows, the blocks' columns joined and written at once: a
    column a block lacks (a narrower table) holds no cell on its rows."""
    width = max((len(block.values) for block in blocks), default=0)
    cells = []
    for position in range(width):
        styles = np.concatenate(
            [
                block.styles[position] if position < len(block.values) else np.zeros(block.rows)
                for block in blocks
            ]
        ).astype(np.int64)
        if position == _NUMBERS:
            values = pa.array(np.concatenate([block.values[position] for block in blocks]))
        else:
            values = text_array(
                np.concatenate(
                    [
                        np.asarray(block.values[position], dtype=object)
                        if position < len(block.values)
                        else np.full(block.rows, None, dtype=object)
                        for block in blocks
                    ]
                )
            )
        cells.append(Cells(values, pa.array(styles) if styles.any() else None))
    numbers = np.concatenate(
        [np.arange(block.number, block.number + block.rows) for block in blocks]
    )
    return numbered_rows_xml(numbers, cells, [block.rows for block in blocks])
