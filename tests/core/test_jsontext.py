"""The JSON layout of the reports and the baseline: orjson's, byte for byte the standard
library's `indent=2` layout, on the values reports hold; but for the control characters the
encoders leave raw (DEL, C1, bidirectional overrides), written as escapes (issue 20)."""

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


def standard(document: object) -> str:
    """The standard library's layout, with the one raw control character of the awkward
    texts (DEL) escaped."""
    return json.dumps(document, ensure_ascii=False, indent=2).replace("\x7f", "\\u007f")


def test_a_report_document_is_laid_out_as_the_standard_library_lays_it_out() -> None:
    assert dumps(DOCUMENT) == standard(DOCUMENT)


@pytest.mark.parametrize("value", [*AWKWARD_TEXT, 0, -3, 2**40, True, False, None, [], {}])
def test_each_kind_of_value_is_written_as_the_standard_library_writes_it(value: object) -> None:
    assert dumps({"v": value}) == standard({"v": value})


def test_control_characters_are_escaped_and_read_back() -> None:
    text = "\x1b[2J\x7f\x9b\u202etxt\u2066\ud800"
    assert dumps([text]) == '[\n  "\\u001b[2J\\u007f\\u009b\\u202etxt\\u2066\\ud800"\n]'
    assert compact([text]) == '["\\u001b[2J\\u007f\\u009b\\u202etxt\\u2066\\ud800"]'
    assert json.loads(dumps([text])) == json.loads(compact([text])) == [text]


def test_numpy_counts_are_numbers() -> None:
    assert json.loads(dumps({"rows": np.int64(7)})) == {"rows": 7}


def test_compact_is_one_line_with_the_standard_separators() -> None:
    assert compact({"a": "Cấp\nxã", "b": None}) == '{"a": "Cấp\\nxã", "b": null}'
