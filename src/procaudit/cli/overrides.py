"""Parse the reading overrides given on the command line: --sheet, --header-row, --map.

Kept free of pandas, so that a bad flag is reported before anything heavy is imported.
"""

from __future__ import annotations

import re

from procaudit.catalogue.columns import CANONICAL
from procaudit.core.errors import UsageError
from procaudit.core.i18n import t

MOST_HEADER_ROWS = 3  # the rows a header spans at most (io/header_search.py reads as many)
_HEADER_ROWS = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")


def parse_header_rows(text: str | None) -> tuple[int, ...] | None:
    """'4' is a header on row 4; '4-5' a header split over rows 4 and 5, '4-6' over three."""
    if text is None:
        return None
    match = _HEADER_ROWS.fullmatch(text)
    if not match:
        raise UsageError(
            t(
                "--header-row '{text}' is not a row number (like 4) or rows (like 4-5)",
                "--header-row '{text}' không phải số dòng (như 4) hoặc các dòng (như 4-5)",
                text=text,
            )
        )
    first = int(match[1])
    last = int(match[2]) if match[2] else first
    if first < 1:
        raise UsageError(
            t(
                "--header-row '{text}': rows are numbered from 1",
                "--header-row '{text}': số dòng bắt đầu từ 1",
                text=text,
            )
        )
    if last == first:
        return (first,)
    if not first < last <= first + MOST_HEADER_ROWS - 1:
        raise UsageError(
            t(
                "--header-row '{text}': a header spans one row, or two or three adjacent rows",
                "--header-row '{text}': dòng tiêu đề chỉ gồm một dòng, hoặc hai hay ba dòng "
                "liền nhau",
                text=text,
            )
        )
    return tuple(range(first, last + 1))


def parse_mapping(entries: list[str] | None) -> dict[str, str]:
    """'Tên gọi khác=name' entries as source header -> canonical column."""
    mapping: dict[str, str] = {}
    for entry in entries or []:
        header, sep, column = entry.rpartition("=")
        header, column = header.strip(), column.strip()
        if not sep or not header or not column:
            raise UsageError(
                t(
                    "--map '{entry}' is not of the form 'Source header=column'",
                    "--map '{entry}' không có dạng 'Tiêu đề trong tệp=cột'",
                    entry=entry,
                )
            )
        if column not in CANONICAL:
            raise UsageError(
                t(
                    "--map '{entry}': '{column}' is not a column procaudit knows "
                    "(one of {columns})",
                    "--map '{entry}': '{column}' không phải cột procaudit biết "
                    "(một trong các cột {columns})",
                    entry=entry,
                    column=column,
                    columns=", ".join(CANONICAL),
                )
            )
        mapping[header] = column
    return mapping
