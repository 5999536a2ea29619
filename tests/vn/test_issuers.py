"""vn.issuers and vn.lookalikes: an issuer's official spelling, and the characters that
only look like the ones a decision number is written with."""

from __future__ import annotations

import pytest

from procaudit.vn.issuers import issuer_spelling, known_issuers, official_case
from procaudit.vn.lookalikes import (
    CODE_LOOKALIKES,
    lookalikes_in,
    replace_code_lookalikes,
    replace_lookalikes,
)


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("TTg", "TTg"),  # the Prime Minister's own mixed case
        ("ttg", "TTg"),
        ("Ttg", "TTg"),
        ("TTG", "TTG"),  # capitals are never changed
        ("UBND", "UBND"),
        ("ubnd", "UBND"),
        ("Ubnd", "UBND"),  # a known issuer
        ("bgdđt", "BGDĐT"),
        ("c06", "C06"),  # small letters only: capitals
        ("SXy", "SXy"),  # an unknown mixed case may be official: as written
    ],
)
def test_official_case(written: str, official: str) -> None:
    assert official_case(written) == official


def test_known_issuers() -> None:
    assert issuer_spelling("ctubnd") == "CTUBND"
    assert issuer_spelling("QĐCB") is None
    names = known_issuers()
    assert "TTg" in names and names.index("CTUBND") < names.index("UBND")


@pytest.mark.parametrize(
    ("text", "chars", "replaced"),
    [
        ("1890/Q\u00d0-UBND", "\u00d0", "1890/QĐ-UBND"),
        ("1890/QĐ\u2013UBND", "\u2013", "1890/QĐ-UBND"),
        ("1890/QĐ\u2014UBND", "\u2014", "1890/QĐ-UBND"),
        ("1890/QĐ\u2212UBND", "\u2212", "1890/QĐ-UBND"),
        ("1890/QĐ\u2011UBND", "\u2011", "1890/QĐ-UBND"),
        ("1890\u2044QĐ-UBND", "\u2044", "1890/QĐ-UBND"),
        ("1890/Q\u00d0\u2013UBND\u2013C06", "\u00d0\u2013", "1890/QĐ-UBND-C06"),
        ("1890/QĐ-UBND", "", "1890/QĐ-UBND"),
    ],
)
def test_lookalikes(text: str, chars: str, replaced: str) -> None:
    assert "".join(found.char for found in lookalikes_in(text)) == chars
    assert replace_lookalikes(text) == replaced


@pytest.mark.parametrize(
    ("text", "chars", "replaced"),
    [
        ("1\u2024008572", "\u2024", "1.008572"),
        ("1\u00b7008572", "\u00b7", "1.008572"),
        ("1\u3002008572", "\u3002", "1.008572"),
        (
            "\uff11\uff0e\uff10\uff10\uff18\uff15\uff17\uff12",
            "\uff11\uff0e\uff10\uff18\uff15\uff17\uff12",
            "1.008572",
        ),
        ("1.008572", "", "1.008572"),
        ("1890/QĐ\u2013UBND", "", "1890/QĐ\u2013UBND"),  # a decision number's are apart
    ],
)
def test_code_lookalikes(text: str, chars: str, replaced: str) -> None:
    assert "".join(found.char for found in lookalikes_in(text, CODE_LOOKALIKES)) == chars
    assert replace_code_lookalikes(text) == replaced
