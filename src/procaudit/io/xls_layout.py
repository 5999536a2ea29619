"""What python-calamine does not tell of an xls sheet: its hidden rows and columns, its
column widths, frozen panes and autofilter, and the number formats of its number cells, read
from the file's BIFF8 records.

The repaired copy of an xls file is an xlsx (`patch_convert`): a code kept as a number
formatted "0.000000" (1.004150) came back General (1.00415), a hidden column of old notes
came back shown. An xls file is an OLE2 compound file whose "Workbook" stream holds records:
the number formats (FORMAT) and cell formats (XF) of the workbook, each sheet's place
(BOUNDSHEET8), the autofilters' ranges (a sheet's built-in NAME _FilterDatabase), and in
each sheet whether its autofilter is on (AUTOFILTERINFO), its rows (ROW, with a hidden
flag), column ranges (COLINFO, likewise, with their width), its window (WINDOW2, whether
its panes are frozen, and PANE, where) and number cells (NUMBER, RK, MULRK, FORMULA) with
their cell format. Only those records are read, with the standard library; a file that
cannot be read so (an encrypted one, a BIFF5 file of Excel 95, a damaged one) gives nothing,
and the copy says what it could not keep.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
_END_OF_CHAIN = 0xFFFFFFFE
_LAST_REAL_SECTOR = 0xFFFFFFFA
_STREAMS = ("Workbook", "WORKBOOK", "workbook")
_MAX_SECTORS = 1 << 22  # a chain longer than a 2 GB file's is a loop in a damaged file

# BIFF8 record types
_BOF, _EOF, _FILEPASS, _FORMAT, _XF, _SHEET = 0x0809, 0x000A, 0x002F, 0x041E, 0x00E0, 0x0085
_ROW, _COLINFO, _NUMBER, _RK, _MULRK, _FORMULA = 0x0208, 0x007D, 0x0203, 0x027E, 0x00BD, 0x0006
_WINDOW2, _PANE = 0x023E, 0x0041
_NAME, _AUTOFILTERINFO = 0x0018, 0x009D
_FILTER_DATABASE = 0x0D  # the built-in name _FilterDatabase: a sheet's autofilter range
_AREA_3D = (0x3B, 0x5B, 0x7B)  # PtgArea3d, in each of its token classes
_FROZEN = 0x0008  # WINDOW2's flag: the panes are frozen (else split, or none)
_BIFF8 = 0x0600


@dataclass
class XlsSheet:
    """Rows as the user numbers them (from 1), columns from 0."""

    hidden_rows: list[tuple[int, int]] = field(default_factory=list)  # (first, last)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)  # not General ones
    widths: list[tuple[int, int, float]] = field(default_factory=list)  # (first, last, chars)
    frozen: tuple[int, int] | None = None  # (rows, columns) frozen at the top and the left
    # The autofilter's range: (first row, first column, last row, last column), rows from 1
    filtered: tuple[int, int, int, int] | None = None


class _Unreadable(Exception):
    """The file is not one this module reads."""


def xls_layout(path: Path) -> dict[str, XlsSheet] | None:
    """Each sheet's hidden rows and columns and its number cells' formats; None where the
    file cannot be read so."""
    try:
        stream = _workbook_stream(path.read_bytes())
        return _sheets(stream)
    except (_Unreadable, struct.error, IndexError, ValueError, OSError, UnicodeDecodeError):
        return None


# --- the compound file ----------------------------------------------------------------------


def _workbook_stream(data: bytes) -> bytes:
    if data[:8] != _SIGNATURE:
        raise _Unreadable
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
    fat_count, directory_start = struct.unpack_from("<II", data, 0x2C)
    cutoff, mini_fat_start, _, difat_start, difat_count = struct.unpack_from("<IIIII", data, 0x38)
    difat = list(struct.unpack_from("<109I", data, 0x4C))
    per_sector = sector // 4
    next_difat = difat_start
    for _ in range(difat_count):
        if next_difat > _LAST_REAL_SECTOR:
            break
        more = struct.unpack_from(f"<{per_sector}I", data, (next_difat + 1) * sector)
        difat.extend(more[:-1])
        next_difat = more[-1]
    fat: list[int] = []
    for number in difat[:fat_count]:
        fat.extend(struct.unpack_from(f"<{per_sector}I", data, (number + 1) * sector))

    def chain(start: int, table: list[int]) -> list[int]:
        found = []
        while start <= _LAST_REAL_SECTOR:
            found.append(start)
            if len(found) > _MAX_SECTORS:
                raise _Unreadable
            start = table[start]
        return found

    def read(start: int, size: int) -> bytes:
        parts = [data[(n + 1) * sector : (n + 2) * sector] for n in chain(start, fat)]
        return b"".join(parts)[:size]

    directory = read(directory_start, len(data))
    entries: dict[str, tuple[int, int, int]] = {}  # name -> (kind, first sector, size)
    for offset in range(0, len(directory) - 127, 128):
        length, kind = struct.unpack_from("<HB", directory, offset + 64)
        name = directory[offset : offset + max(length - 2, 0)].decode("utf-16-le")
        first, length = struct.unpack_from("<II", directory, offset + 116)
        entries.setdefault(name, (kind, first, length))
    found = next((entries[name] for name in _STREAMS if name in entries), None)
    if found is None or found[0] != 2:  # no workbook stream: Excel 95's "Book" is BIFF5
        raise _Unreadable
    _, start, size = found
    if size >= cutoff:
        return read(start, size)
    root = next(entry for entry in entries.values() if entry[0] == 5)
    mini_stream = read(root[1], root[2])
    mini_fat: list[int] = []
    for number in chain(mini_fat_start, fat):
        mini_fat.extend(struct.unpack_from(f"<{per_sector}I", data, (number + 1) * sector))
    parts = [mini_stream[n * mini : (n + 1) * mini] for n in chain(start, mini_fat)]
    return b"".join(parts)[:size]


# --- the records ------------------------------------------------------------------------------


def _records(stream: bytes, offset: int) -> list[tuple[int, bytes]]:
    """The records of one substream, from its BOF to its EOF."""
    records = []
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        body = stream[offset + 4 : offset + 4 + length]
        offset += 4 + length
        records.append((kind, body))
        if kind == _EOF:
            break
    return records


def _sheets(stream: bytes) -> dict[str, XlsSheet]:
    globals_ = _records(stream, 0)
    if (
        not globals_
        or globals_[0][0] != _BOF
        or struct.unpack_from("<H", globals_[0][1])[0] != _BIFF8
    ):
        raise _Unreadable
    # imported here: openpyxl costs a check that reads no xls file 60 ms at start
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    cell_formats: list[int] = []
    places: list[tuple[str, int]] = []
    filters: dict[int, tuple[int, int, int, int]] = {}  # sheet's place in the list -> range
    for kind, body in globals_:
        if kind == _FILEPASS:  # encrypted: its records cannot be read
            raise _Unreadable
        if kind == _FORMAT:
            number, count, flags = struct.unpack_from("<HHB", body)
            formats[number] = _text(body, 5, count, flags)
        elif kind == _XF:
            cell_formats.append(struct.unpack_from("<H", body, 2)[0])
        elif kind == _SHEET:
            place, _, _, count, flags = struct.unpack_from("<IBBBB", body)
            places.append((_text(body, 8, count, flags), place))
        elif kind == _NAME:
            _filter_range(body, filters)
    shown = [formats.get(number, "General") for number in cell_formats]
    return {
        name: _sheet(stream, place, shown, filters.get(index))
        for index, (name, place) in enumerate(places)
    }


def _filter_range(body: bytes, filters: dict[int, tuple[int, int, int, int]]) -> None:
    """A NAME record's range where it is a sheet's _FilterDatabase (its autofilter), by the
    sheet's place (the record's itab, from 1)."""
    flags, _, length, size, _, sheet = struct.unpack_from("<HBBHHH", body)
    if not flags & 0x20 or length != 1 or sheet == 0:  # built-in, one character, a sheet's
        return
    wide = body[14] & 0x1
    if (body[15] if not wide else struct.unpack_from("<H", body, 15)[0]) != _FILTER_DATABASE:
        return
    formula = body[16 + wide : 16 + wide + size]
    if len(formula) >= 11 and formula[0] in _AREA_3D:
        first_row, last_row, first, last = struct.unpack_from("<HHHH", formula, 3)
        filters[sheet - 1] = (first_row + 1, first & 0x3FFF, last_row + 1, last & 0x3FFF)


def _sheet(
    stream: bytes, place: int, shown: list[str], filtered: tuple[int, int, int, int] | None
) -> XlsSheet:
    sheet = XlsSheet()

    def number_cell(row: int, column: int, xf: int) -> None:
        if xf < len(shown) and shown[xf] != "General":
            sheet.formats[row + 1, column] = shown[xf]

    frozen = False
    for kind, body in _records(stream, place):
        if kind == _AUTOFILTERINFO:  # the sheet's filter is on (a _FilterDatabase may stay)
            sheet.filtered = filtered
        elif kind == _WINDOW2:
            frozen = bool(struct.unpack_from("<H", body)[0] & _FROZEN)
        elif kind == _PANE and frozen:
            columns, rows = struct.unpack_from("<HH", body)
            sheet.frozen = (rows, columns) if rows or columns else None
        elif kind == _ROW:
            row, flags = struct.unpack_from("<H", body)[0], struct.unpack_from("<H", body, 12)[0]
            if flags & 0x20:
                sheet.hidden_rows.append((row + 1, row + 1))
        elif kind == _COLINFO:
            first, last, width, _, options = struct.unpack_from("<HHHHH", body)
            sheet.widths.append((first, last, width / 256))  # in 1/256 of a character
            if options & 0x1:
                sheet.hidden_columns.append((first, last))
        elif kind in (_NUMBER, _RK, _FORMULA):
            number_cell(*struct.unpack_from("<HHH", body))
        elif kind == _MULRK:
            row, first = struct.unpack_from("<HH", body)
            for index in range((len(body) - 6) // 6):
                number_cell(row, first + index, struct.unpack_from("<H", body, 4 + 6 * index)[0])
    return sheet


def _text(body: bytes, offset: int, count: int, flags: int) -> str:
    """A BIFF8 string of `count` characters at `offset`: one byte each, or two (flags bit 0)."""
    if flags & 0x1:
        return body[offset : offset + 2 * count].decode("utf-16-le")
    return body[offset : offset + count].decode("latin-1")
