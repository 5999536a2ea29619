"""The issuers' abbreviations in decision numbers (1890/QĐ-UBND, 1890/QĐ-TTg), spelled as the
issuers themselves spell them (data/decision_issuers.csv).

Abbreviations are written in capitals, with one kind of exception: an official form that mixes
cases, as the Prime Minister's "TTg". Knowing the official spellings lets a repair put a
decision's issuer right ("ttg" is "TTg", "Ubnd" is "UBND") without ever turning a correct
mixed-case form into capitals, and lets it tell an issuer glued to "QĐ" ("1890/QĐUBND") from
other letters ("01/QĐCB"). The list holds the ministries and national bodies, their names
before the merges of 1 March 2025, provinces' people's committees and their chairs, and the
provinces' departments. Pure Python, like the other lists.
"""

from __future__ import annotations

from functools import cache

from procaudit.vn.data_files import data_rows


@cache
def _spellings() -> dict[str, str]:
    """Each abbreviation in capitals -> its official spelling."""
    return {
        row["abbreviation"].upper(): row["abbreviation"]
        for row in data_rows("decision_issuers.csv")
    }


def issuer_spelling(abbreviation: str) -> str | None:
    """The official spelling of a known issuer's abbreviation, in whatever case it is written
    ("ttg" -> "TTg", "ubnd" -> "UBND"); None for an abbreviation not in the list."""
    return _spellings().get(abbreviation.upper())


def known_issuers() -> tuple[str, ...]:
    """The known abbreviations in their official spelling, the longest first (so that a
    pattern made of them prefers "CTUBND" to a shorter one)."""
    return tuple(sorted(_spellings().values(), key=lambda name: (-len(name), name)))


def official_case(abbreviation: str) -> str:
    """One part of an issuer ("UBND", "C06", "TTg") in the case an official would accept: a
    known abbreviation in its official spelling; one in small letters only in capitals; any
    other as it is written: capitals are the rule, and a mixed case that is not in the list
    may be an official form the list does not know."""
    if abbreviation == abbreviation.upper():
        return abbreviation
    known = issuer_spelling(abbreviation)
    if known is not None:
        return known
    return abbreviation.upper() if abbreviation == abbreviation.lower() else abbreviation
