"""The canonical frame is the mapped columns as text, with provenance, built in one step as
it was built column by column; it shares no cell a later edit could change in the body."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.io.canonical import canonical_frame
from procaudit.io.grid import NumberText
from procaudit.io.headers import map_headers


def _column_by_column(body: pd.DataFrame, columns: dict[str, int], rows: pd.Series, sheet):  # type: ignore[no-untyped-def]
    """The frame as built before: each column selected and converted, then provenance."""
    frame = pd.DataFrame(
        {column: body.iloc[:, position].astype("str") for column, position in columns.items()},
        index=body.index,
    )
    frame[ROW] = pd.Series(rows.to_numpy(), index=body.index, dtype="int64")
    frame[SHEET] = pd.Series(sheet, index=body.index, dtype="category")
    return frame.reset_index(drop=True)


BODY = pd.DataFrame(
    {
        0: pd.Series(["1", None, "3"], dtype="str"),
        1: pd.Series([NumberText("1.00398"), None, 2.5], dtype=object),  # a workbook's
        2: pd.Series(["Cấp giấy phép", "Đăng ký", np.nan], dtype="str"),
        3: pd.Series([None, None, None], dtype=object),
    },
    index=[4, 7, 9],  # the rows kept, not positions
)
HEADERS = {
    "all": ["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực"],
    "reordered": ["Lĩnh vực", "Tên thủ tục", "Ghi chú", "Mã TTHC"],
    "none": ["a", "b", "c", "d"],
}


@pytest.mark.parametrize("labels", HEADERS.values(), ids=HEADERS.keys())
@pytest.mark.parametrize("sheet", [None, "Phụ lục"])
@pytest.mark.parametrize("body", [BODY, BODY.iloc[:0]], ids=["rows", "no row"])
def test_the_frame_is_the_one_built_column_by_column(
    labels: list[str], sheet: str | None, body: pd.DataFrame
) -> None:
    header_map = map_headers(labels)
    rows = pd.Series([3, 8, 11][: len(body)], index=body.index)
    frame = canonical_frame(body, header_map, rows, sheet)
    expected = _column_by_column(body, header_map.columns, rows, sheet)
    pd.testing.assert_frame_equal(frame, expected)
    assert list(frame.dtypes) == list(expected.dtypes)


def test_an_edit_of_the_frame_leaves_the_body_as_read() -> None:
    body = BODY.copy()
    frame = canonical_frame(body, map_headers(HEADERS["all"]), pd.Series([3, 8, 11]), None)
    frame.loc[0, "name"] = "Sửa"
    frame.iloc[2, frame.columns.get_loc("code")] = "1.000001"
    pd.testing.assert_frame_equal(body, BODY)
