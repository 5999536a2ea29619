"""The JSON layout of the reports and the baseline: orjson's, byte for byte the standard
library's `indent=2` layout, on the values reports hold; but for the control characters the
encoders leave raw (DEL, C1, bidirectional overrides), written as escapes (issue 20)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from procaudit.core.jsontext import compact, dump, dumps

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


# Each character an encoder leaves raw and a viewer acts on, at the edges of its range, and
# characters whose UTF-8 begins the same way but which are shown as they are.
RAW = ["\x7f", "\x80", "\x9b", "\x9f", "\u202a", "\u202e", "\u2066", "\u2069"]
SHOWN = ["\xa0", "\xa7", "\u2013", "\u201c", "\u2029", "\u202f", "\u2065", "\u206a", "…"]


@pytest.mark.parametrize("character", RAW)
def test_each_raw_control_character_is_escaped_wherever_it_stands(character: str) -> None:
    escape = f"\\u{ord(character):04x}"
    document = {"v": f"Cấp{character}xã", "w": ["–" * 3, character]}
    assert dumps(document) == standard(document).replace(character, escape)


def test_characters_a_viewer_shows_are_left_as_they_are() -> None:
    document = {"v": "".join(SHOWN), "w": SHOWN}
    assert dumps(document) == standard(document)


@pytest.mark.parametrize("newline", ["", None])
def test_a_document_dumped_into_a_utf8_file_is_the_text_dumps_gives(
    tmp_path: Path, newline: str | None
) -> None:
    document = {**DOCUMENT, "raw": RAW, "shown": SHOWN}
    with open(tmp_path / "report.json", "w", encoding="utf-8", newline=newline) as out:
        out.write("before ")
        dump(document, out)
        out.write("after")
    expected = "before " + dumps(document) + "\nafter"
    assert (tmp_path / "report.json").read_bytes() == expected.encode()


def test_a_document_dumped_into_any_text_stream_is_the_text_dumps_gives() -> None:
    document = {**DOCUMENT, "surrogate": "\ud800"}  # orjson refuses it: the standard library
    for out in (io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding="utf-16")):
        dump(document, out)
        dump([1], out)
        out.seek(0)
        assert out.read() == dumps(document) + "\n" + dumps([1]) + "\n"
