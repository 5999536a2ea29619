"""Dispatch a path to its reader and build canonical tables from what it returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from procaudit.columns import ALIASES, REQUIRED
from procaudit.errors import InputError
from procaudit.io.canonical import canonical_frame
from procaudit.io.csv_reader import read_csv_records
from procaudit.io.excel_reader import cell_text, read_sheets
from procaudit.io.headers import HeaderMap, map_headers

_SHOWN_HEADERS = 8  # headers quoted in the message of a file without a name column
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})


@dataclass(frozen=True)
class Table:
    """One source table in canonical form."""

    sheet: str | None  # None for CSV
    frame: pd.DataFrame  # canonical columns present in the source, plus _sheet and _row
    header_map: HeaderMap


@dataclass(frozen=True)
class Catalogue:
    """What one input file held."""

    path: str
    tables: tuple[Table, ...]
    skipped_sheets: tuple[str, ...] = ()


def read_catalogue(path_text: str) -> Catalogue:
    path = Path(path_text)
    if not path.exists():
        raise InputError(path_text, "no such file")
    if path.is_dir():
        raise InputError(path_text, "is a directory, not a catalogue file")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return Catalogue(path_text, (_csv_table(path),))
    if suffix in EXCEL_SUFFIXES:
        return _excel_catalogue(path)
    raise InputError(
        path_text, f"has an unsupported type '{suffix or 'none'}' (use .csv, .xlsx or .xlsm)"
    )


def _csv_table(path: Path) -> Table:
    records, start_lines = read_csv_records(path)
    headers = [str(value) for value in records.iloc[0]]
    header_map = _require_columns(str(path), map_headers(headers), headers)
    body = records.iloc[1:]
    return Table(None, canonical_frame(body, header_map, start_lines.iloc[1:], None), header_map)


def _excel_catalogue(path: Path) -> Catalogue:
    tables: list[Table] = []
    skipped: list[str] = []
    first_headers: list[str] = []
    for sheet, raw in read_sheets(path):
        if raw.empty:
            skipped.append(sheet)
            continue
        headers = [cell_text(value) or "" for value in raw.iloc[0]]
        header_map = map_headers(headers)
        if not all(column in header_map.columns for column in REQUIRED):
            skipped.append(sheet)
            first_headers = first_headers or headers
            continue
        body = raw.iloc[1:].copy()
        mapped = list(header_map.columns.values())
        body[mapped] = body[mapped].map(cell_text)  # only the cells procaudit reads
        excel_rows = pd.Series(body.index + 1, index=body.index)  # frame row 0 is Excel row 1
        tables.append(Table(sheet, canonical_frame(body, header_map, excel_rows, sheet),
                            header_map))
    if not tables:
        if not first_headers:
            raise InputError(str(path), "has no sheet with data")
        _require_columns(str(path), map_headers(first_headers), first_headers)
    return Catalogue(str(path), tuple(tables), tuple(skipped))


def _require_columns(path: str, header_map: HeaderMap, headers: list[str]) -> HeaderMap:
    missing = [column for column in REQUIRED if column not in header_map.columns]
    if missing:
        seen = ", ".join(_quoted(h) for h in headers[:_SHOWN_HEADERS] if h.strip()) or "nothing"
        if len(headers) > _SHOWN_HEADERS:
            seen += ", …"
        wanted = " or ".join(f"'{alias}'" for alias in ALIASES[missing[0]][:3])
        raise InputError(
            path,
            f"has no column for the procedure {missing[0]} (looked for {wanted} in the first "
            f"row, which has {seen})",
        )
    return header_map


def _quoted(header: str, limit: int = 40) -> str:
    """A header cell as one short line: title cells hold line breaks and whole paragraphs."""
    text = " ".join(header.split())
    return f"'{text[: limit - 1].rstrip()}…'" if len(text) > limit else f"'{text}'"
