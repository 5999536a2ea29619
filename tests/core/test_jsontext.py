"""The JSON layout of the reports and the baseline: orjson's, byte for byte the standard
library's `indent=2` layout, on the values reports hold."""

from __future__ import annotations

import json

import numpy as np
import pytest

from procaudit.core.jsontext import compact, dumps

AWKWARD_TEXT = [
    "Cấp giấy phép xây dựng",
    "a\nb\r\tc",
    'say "no" \\ here',
    "\u0000\u0001\u001f\u007f",
    "\u2028\u2029 line separators",
    "emoji 😀 and NFD Cấp",
    "",
    " ",
    "</script>",
    "\ufeffbom",
]
DOCUMENT = {
    "procaudit": "1.0",
    "files": [
        {
            "path": "lao-cai.xlsx",
            "sheets": ["Cấp tỉnh", "Cấp xã"],
            "rows": 120,
            "columns": {},
            "notes": [],
            "ok": True,
            "sheet": None,
        }
    ],
    "summary": {"error": 1, "warning": 0, "by_rule": {"PA101": 1}},
    "empty": {},
    "nothing": [],
    "findings": [
        {"rule": "PA101", "value": text, "row": row, "sheet": None}
        for row, text in enumerate(AWKWARD_TEXT)
    ],
    "nested": [[1, [2, {}]], {"a": [{"b": []}]}],
}


def test_a_report_document_is_laid_out_as_the_standard_library_lays_it_out() -> None:
    assert dumps(DOCUMENT) == json.dumps(DOCUMENT, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [*AWKWARD_TEXT, 0, -3, 2**40, True, False, None, [], {}])
def test_each_kind_of_value_is_written_as_the_standard_library_writes_it(value: object) -> None:
    assert dumps({"v": value}) == json.dumps({"v": value}, ensure_ascii=False, indent=2)


def test_numpy_counts_are_numbers() -> None:
    assert json.loads(dumps({"rows": np.int64(7)})) == {"rows": 7}


def test_compact_is_one_line_with_the_standard_separators() -> None:
    assert compact({"a": "Cấp\nxã", "b": None}) == '{"a": "Cấp\\nxã", "b": null}'
