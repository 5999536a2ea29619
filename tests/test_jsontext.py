"""The JSON layout of the reports and the baseline: json's own indent, long arrays one item
per line."""

from __future__ import annotations

import json

from procaudit.jsontext import OneItemPerLine, dumps

DOCUMENT = {
    "procaudit": "1.0",
    "files": [{"path": "lao-cai.xlsx", "sheets": ["Cấp tỉnh", "Cấp xã"], "rows": 120,
               "columns": {}, "notes": [], "ratio": 0.5, "ok": True, "sheet": None}],
    "summary": {"error": 1, "by_rule": {"PA101": 1}},
    "empty": {},
}
FINDINGS = [{"rule": "PA101", "value": "a\nb \"q\" \u0000 ,}{", "row": 4, "sheet": None},
            {"rule": "PA501", "value": "Cấp huyện", "row": None, "sheet": "Cấp xã"}]


def test_without_long_arrays_it_is_json_indented_by_2() -> None:
    assert dumps(DOCUMENT) == json.dumps(DOCUMENT, ensure_ascii=False, indent=2)


def test_a_long_array_has_one_compact_item_per_line() -> None:
    document = {**DOCUMENT, "findings": OneItemPerLine(FINDINGS)}
    text = dumps(document)
    assert json.loads(text) == {**DOCUMENT, "findings": FINDINGS}
    lines = text.splitlines()
    start = lines.index('  "findings": [')
    assert lines[start + 1:start + 4] == [
        "    " + json.dumps(FINDINGS[0], ensure_ascii=False) + ",",
        "    " + json.dumps(FINDINGS[1], ensure_ascii=False),
        "  ]",
    ]


def test_an_empty_long_array_and_a_top_level_one() -> None:
    assert dumps({"findings": OneItemPerLine()}) == '{\n  "findings": []\n}'
    assert dumps(OneItemPerLine([{"a": 1}, {"b": 2}])) == '[\n  {"a": 1},\n  {"b": 2}\n]'
