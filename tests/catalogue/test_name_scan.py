"""The names' one shared scan (`name_scan`): its union flags a name exactly when one of its
parts does, and the keys, the survey's and the name tags' masks made from it are those each
makes alone."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from conftest import text_blocks
from procaudit.catalogue import name_scan
from procaudit.catalogue.cell_patterns import CELL_SUSPECT
from procaudit.catalogue.name_scan import NAME_SCAN, scanned_keys
from procaudit.catalogue.name_tags import DONE_AT, may_end_with_tag
from procaudit.catalogue.text_columns import (
    KEY_SUSPECT,
    arrow_chunks,
    comparison_key_array,
    matches,
)

# Each name, and which of the union's parts flags it: the keys', the survey's, the tags'.
CASES = [
    ("Đăng ký khai sinh", (False, False, False)),
    ("Cấp giấy phép xây dựng", (False, False, False)),
    ("1. Đăng ký kết hôn", (True, False, False)),  # a list number: the key drops it
    ("Cấp  đổi giấy phép", (True, True, False)),  # doubled space
    (" Gia hạn giấy phép", (True, True, False)),  # a leading space
    ("Thủ tục hoà giải", (True, False, False)),  # an old-style tone
    ("Cấp lại\ngiấy phép", (True, True, False)),  # a line break
    ("Thu\u0309 tục", (True, True, False)),  # a combining mark: not NFC
    ("Thñ tôc cÊp giÊy phÐp", (False, True, False)),  # TCVN3 (legacy font) text
    ("Cấp giấy phép &amp; gia hạn", (False, True, False)),  # an HTML reference
    ("Cấp giấy phép<br/>", (False, True, False)),  # HTML markup
    ("Đăng ký khаi sinh", (True, True, False)),  # a Cyrillic "а"
    ("Giải quyết khiếu nại tại cấp huyện", (False, False, True)),
    ("GIẢI QUYẾT KHIẾU NẠI TẠI CẤP HUYỆN", (False, False, True)),  # any case
    ("Thủ tục tại cấp xã.", (False, False, True)),
    ("Tại cấp huyện giải quyết khiếu nại", (False, False, False)),  # not at the end
    ("Đăng ký hộ kinh doanh tại UBND", (False, False, False)),
]


@pytest.mark.parametrize(("name", "parts"), CASES, ids=[name for name, _ in CASES])
def test_the_union_flags_a_name_when_one_part_does(
    name: str, parts: tuple[bool, bool, bool]
) -> None:
    texts = pa.array([name], pa.large_string())
    found = tuple(matches(texts, p)[0].as_py() for p in (KEY_SUSPECT, CELL_SUSPECT, DONE_AT))
    assert found == parts
    assert matches(texts, NAME_SCAN)[0].as_py() == any(parts)


NAMES = [*(name for name, _ in CASES), None, "Đăng ký khai sinh."]


@pytest.mark.parametrize("piece", [4, 1 << 17], ids=["in pieces", "one piece"])
def test_the_keys_are_those_made_alone_and_the_scan_the_unions(
    monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    monkeypatch.setattr(name_scan, "KEY_PIECE", piece)
    texts = arrow_chunks(text_blocks(NAMES, 3))
    keys, scan = scanned_keys(texts)
    assert keys.to_pylist() == comparison_key_array(texts).to_pylist()
    assert scan is not None
    assert scan.tolist() == [any(parts) for _, parts in CASES] + [False, False]


def test_names_that_repeat_get_no_scan() -> None:
    texts = arrow_chunks(pd.Series(["Đăng ký  khai sinh", "Cấp phép"] * 600, dtype="str"))
    keys, scan = scanned_keys(texts)
    assert scan is None
    assert keys.to_pylist() == comparison_key_array(texts).to_pylist()


@pytest.mark.parametrize("size", [2, len(NAMES)], ids=["blocks", "one block"])
def test_the_tags_found_from_the_scan_are_those_found_alone(size: int) -> None:
    names = [*NAMES, "Thủ tục (cấp tỉnh)", "Quyết định thuộc thẩm quyền cấp xã"]
    texts = arrow_chunks(text_blocks(names, size))
    scan = matches(texts, NAME_SCAN).to_numpy(zero_copy_only=False)
    alone = may_end_with_tag(texts)
    assert alone.sum() == 5  # three "tại … cấp", a bracket, a competence
    assert np.array_equal(may_end_with_tag(texts, scan), alone)
    assert np.array_equal(scan, matches(texts, NAME_SCAN).to_numpy(zero_copy_only=False))
