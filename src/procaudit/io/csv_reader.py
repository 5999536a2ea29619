"""Read a CSV catalogue into a grid: detected encoding and delimiter, start line of each record."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from procaudit.errors import InputError
from procaudit.io.encoding import decode
from procaudit.io.grid import Grid

_DELIMITERS = (",", ";", "\t", "|")
_SNIFFED_LINES = 20


@dataclass(frozen=True)
class CsvDialect:
    encoding: str
    delimiter: str


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into several cells."""
    lines = [line for line in text.split("\n", _SNIFFED_LINES)[:_SNIFFED_LINES] if line.strip()]

    def score(delimiter: str) -> int:
        counts = Counter(line.count(delimiter) for line in lines)
        counts.pop(0, None)
        if not counts:
            return 0
        fields, lines_agreeing = counts.most_common(1)[0]
        return fields * lines_agreeing

    return max(_DELIMITERS, key=score)


def read_csv_grid(path: Path) -> tuple[Grid, CsvDialect]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise InputError(str(path), "is empty")
    delimiter = sniff_delimiter(text)
    try:
        records = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_values=[""],  # empty cells are missing, marked by the parser itself
            skip_blank_lines=False,  # blank lines still take a line number
            # Title lines above the header are narrower than the table, and the parser would
            # take the width from the first line; naming the columns pads the short lines.
            names=range(_widest(text, delimiter)),
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputError(str(path), f"is not a well-formed CSV file ({exc})") from exc
    cells = records.astype(object)
    if _has_space_only_cells(text, delimiter):  # rare: the per-cell pass is paid only then
        cells = cells.where(~records.apply(lambda column: column.str.strip().eq("")), None)
    return Grid(None, cells, _start_lines(records, text)), CsvDialect(encoding, delimiter)


def _has_space_only_cells(text: str, delimiter: str) -> bool:
    """Whether some cell holds only spaces: one regular-expression pass over the text."""
    d = re.escape(delimiter)
    return re.search(rf'(?:^|{d})"?[^\S\n]+"?(?={d}|\r?$)', text, re.MULTILINE) is not None


def _widest(text: str, delimiter: str) -> int:
    # Counts delimiters inside quoted cells too: at worst a few empty columns more.
    return 1 + max(line.count(delimiter) for line in text.split("\n"))


def _start_lines(records: pd.DataFrame, text: str) -> pd.Series:
    """The line on which each record starts (the first record starts on line 1)."""
    physical_lines = text.count("\n") + (not text.endswith("\n"))
    if physical_lines == len(records):  # no cell holds a line break: one line per record
        return pd.Series(range(1, len(records) + 1), index=records.index)
    # A record spans one line plus one per line break inside its quoted cells.
    breaks = sum(records[column].str.count("\n").fillna(0) for column in records.columns)
    lines = 1 + breaks
    return (lines.cumsum().shift(1, fill_value=0) + 1).astype("int64")
