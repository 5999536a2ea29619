"""A decision-date column a database exported as timestamps (milliseconds or seconds since
1970, .NET's "/Date(…)/") is read as the dates they name, where every value is one."""

from __future__ import annotations

from datetime import date

import pytest

from procaudit.io.grid import text_grid
from procaudit.io.read import read_grid
from procaudit.vn.dates import epoch_date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1755216000000", date(2025, 8, 15)),  # UTC midnight
        ("1755190800000", date(2025, 8, 15)),  # Vietnam's midnight, 17:00 UTC the day before
        ("1755216000", date(2025, 8, 15)),  # seconds
        ("/Date(1755216000000)/", date(2025, 8, 15)),
        ("/Date(1755216000000+0700)/", date(2025, 8, 15)),
        (" 1755216000000 ", date(2025, 8, 15)),
        # Not timestamps of 1990-2100.
        ("45884", None),
        ("20250815", None),
        ("123456789", None),  # 1973
        ("9999999999999", None),  # 2286
        ("15/08/2025", None),
    ],
)
def test_epoch_date(text: str, day: date | None) -> None:
    assert epoch_date(text) == day


def _read(dates: list[str]) -> tuple[list[str], tuple[str, ...]]:
    rows = [["MA_TTHC", "TEN_THU_TUC", "SO_QD", "NGAY_QD"]]
    rows += [
        [f"1.00{n:04d}", f"Thủ tục số {n}", f"{n}/QĐ-UBND", value]
        for n, value in enumerate(dates, 1)
    ]
    catalogue = read_grid("list.csv", text_grid(None, rows))
    (table,) = catalogue.tables
    return table.frame["decision_date"].tolist(), catalogue.notes


def test_a_column_of_timestamps_is_read_as_dates() -> None:
    dates, notes = _read(["1755216000000", "/Date(1755302400000)/", "1755216000000"])
    assert dates == ["15/08/2025", "16/08/2025", "15/08/2025"]
    assert notes == (
        "column 'NGAY_QD' holds dates as timestamps (seconds or milliseconds since 1970), "
        "read as the dates they name (1755216000000 = 15/08/2025)",
    )


@pytest.mark.parametrize(
    "dates",
    [
        ["1755216000000", "15/08/2025", "1755216000000"],  # a date among them
        ["1755216000000", "1755216000000"],  # too few to tell
        ["15/08/2025", "1755216000000", "1755216000000", "1755216000000"],
    ],
)
def test_a_timestamp_among_other_values_is_left_as_written(dates: list[str]) -> None:
    assert _read(dates) == (dates, ())
