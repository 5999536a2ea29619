"""Read a CSV catalogue (first cut: UTF-8 with or without BOM, sniffed delimiter)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from procaudit.errors import InputError

_DELIMITERS = (",", ";", "\t", "|")


def read_csv_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), "is not UTF-8 text; save it as 'CSV UTF-8' and run procaudit again"
        ) from exc


def sniff_delimiter(text: str) -> str:
    """The delimiter that occurs most often in the first line (the header)."""
    first_line = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=first_line.count)


def read_csv_records(path: Path) -> tuple[pd.DataFrame, pd.Series]:
    """All records as text (header included, positional columns) and the line each starts on."""
    text = read_csv_text(path)
    if not text.strip():
        raise InputError(str(path), "is empty")
    try:
        records = pd.read_csv(
            io.StringIO(text),
            sep=sniff_delimiter(text),
            header=None,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,  # blank lines still take a line number
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputError(str(path), f"is not a well-formed CSV file ({exc})") from exc
    return records, _start_lines(records, text)


def _start_lines(records: pd.DataFrame, text: str) -> pd.Series:
    """The line on which each record starts (the header record starts on line 1)."""
    physical_lines = text.count("\n") + (not text.endswith("\n"))
    if physical_lines == len(records):  # no cell holds a line break: one line per record
        return pd.Series(range(1, len(records) + 1), index=records.index)
    # A record spans one line plus one per line break inside its quoted cells.
    breaks = sum(records[column].str.count("\n") for column in records.columns)
    lines = 1 + breaks
    return lines.cumsum().shift(1, fill_value=0) + 1
