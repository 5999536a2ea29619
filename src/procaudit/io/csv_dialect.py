"""What both CSV readers share: the dialect a file is in and the line each record starts on
(the delimiter is sniffed by csv_sniff.py, which needs no pandas)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from procaudit.core.i18n import t
from procaudit.io.csv_sniff import LINE_BREAK


@dataclass(frozen=True)
class CsvDialect:
    encoding: str
    delimiter: str


def only_delimiters() -> str:
    """What is wrong with a file whose every cell is empty, as both readers say it."""
    return t(
        "is empty (it holds only blank lines and delimiters)",
        "là tệp trống (chỉ có dòng trống và dấu phân cách)",
    )


def physical_lines(pieces: Iterable[str] | Iterable[bytes]) -> int:
    """How many lines a text has, given whole or in consecutive pieces: every kind of line
    end counts once, a CR LF cut between two pieces too."""
    ends = 0
    last: str | bytes = ""
    for piece in pieces:
        newline = "\n" if isinstance(piece, str) else b"\n"
        ends += _line_ends(piece)
        if last in ("\r", b"\r") and piece[:1] == newline:
            ends -= 1
        last = piece[-1:] or last
    return ends + (last not in ("\n", "\r", b"\n", b"\r"))


def _line_ends(piece: str | bytes) -> int:
    if isinstance(piece, str):
        return piece.count("\n") + piece.count("\r") - piece.count("\r\n")
    # Bytes: each CR LF is found by looking after each CR, twice as fast as count(b"\r\n").
    codes = np.frombuffer(piece, dtype=np.uint8)
    returns = codes[:-1] == 13
    pairs = int(np.count_nonzero(codes[1:][returns] == 10))
    return piece.count(b"\n") + piece.count(b"\r") - pairs


def start_lines(records: pd.DataFrame, lines: int | None) -> pd.Series:
    """The line on which each record starts (the first record starts on line 1), in a text
    of `lines` physical lines (None: more than one per record)."""
    if lines == len(records):  # no cell holds a line break: one line per record
        return pd.Series(range(1, len(records) + 1), index=records.index)
    # A record spans one line plus one per line break inside its quoted cells.
    # A sum of columns: a frame of records has at least one, so never the start value 0.
    breaks = cast(
        "pd.Series[int]",
        sum(records[column].str.count(LINE_BREAK.pattern).fillna(0) for column in records.columns),
    )
    return ((1 + breaks).cumsum().shift(1, fill_value=0) + 1).astype("int64")
