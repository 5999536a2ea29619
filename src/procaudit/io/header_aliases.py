"""What one header names: the canonical column its words are an alias of (`read_header`).

A header names a column when its words, folded by `text.header_key`, are an alias of it, or
an alias with filler words around it: a leading "tên" (the name of: `TEN_CO_QUAN` is the
agency, `TEN_LINH_VUC` the field) and trailing words that only say "of the procedure"
(`TRANG_THAI_TT`, "Lĩnh vực thủ tục hành chính") or what a decision does to it ("Tên TTHC
bị bãi bỏ", whose status `qualified_status` reads). Where several aliases
fit, the longest one wins ("Tên thủ tục" names the name, though "Tên" alone is one too). Any
other word blocks the match: "Cơ quan ban hành" (the issuing body) is not "Cơ quan", and
`MA_LINH_VUC` (the field's code) is neither the field nor the procedure's code. Where a key
names nothing as written, the abbreviations officials use are spelled out ("Ngày QĐ" is
"Ngày quyết định"), then an alias's very words are looked for in another order ("Quyết định
số" is "Số quyết định"), then words run together are split (`TENTHUTUC` is "Tên thủ tục":
io/vocabulary.py knows every run of an alias's words).

An annotation after the header, a footnote "(3)" or a database name "(MA_TTHC)", is read
apart: the words outside the brackets first, then, where those name nothing, the bracketed
name. A header in two languages ("Tên thủ tục⏎Procedure name") is read part by part
(io/bilingual.py), and a column that says it holds a translation ("Procedure name (EN)")
gives way to the one it translates.

A transition table of the 2025 reform names a column twice, as it was and as it is: the
header dated after the reform ("Cơ quan thực hiện sau sắp xếp") comes before a plain one
naming the same, and one dated before it ("… trước sắp xếp", "… hiện hành", "… trước khi
phân cấp") after every other (io/vocabulary.py's `period`); so does a note dating the column
the words outside it name ("Cơ quan thực hiện (Tỉnh Hà Giang cũ)").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from procaudit.catalogue.columns import ALIASES, REQUIRED
from procaudit.io.bilingual import is_translation_mark, language_parts
from procaudit.io.header_alternatives import either
from procaudit.io.vocabulary import (
    ABBREVIATIONS,
    AFTER,
    BEFORE,
    CENTRAL,
    CENTRAL_ISSUER,
    FILLER_WORDS,
    FORMER,
    LEADING,
    LONGEST_LEADING,
    LONGEST_TRAILING,
    OUTGOING,
    QUALIFIERS,
    STT_KEYS,
    TRAILING,
    TRANSLATED,
    Vocabulary,
    dated_alone,
    glued,
    in_any_order,
    period,
    says_past,
    vocabulary,
)
from procaudit.vn.text import header_key

# The procedure list; other tables (dossier components) build their own (io/components.py).
CATALOGUE = vocabulary(ALIASES, REQUIRED)
# An annotation: a bracketed part, "(3)", "[1]", "(MA_TTHC)".
_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
# A footnote's mark ending a header the way legal texts write it: "Cơ quan thực hiện 1/",
# "Lĩnh vực²".
_FOOTNOTE = re.compile(r"(?:\s*(?:\d{1,2}/|[¹²³⁴⁵⁶⁷⁸⁹⁰]+))+\s*$")


def _is_leading(words: tuple[str, ...]) -> bool:
    return not words or words in LEADING


def _is_trailing(words: tuple[str, ...]) -> bool:
    """Whether `words` are fillers only: "tt", "thu tuc hanh chinh", "tt name"."""
    if not words or words == ("ten",):  # `LINHVUC_TEN`: last only (vocabulary.LAST_NAME)
        return True
    return any(
        words[:size] in TRAILING and _is_trailing(words[size:])
        for size in range(1, min(LONGEST_TRAILING, len(words)) + 1)
    )


@lru_cache(maxsize=4096)
def _match(key: str, words: Vocabulary) -> tuple[str, int] | None:
    """The alias `key` (a header key) reads as (`_match_words`); where it names nothing, the
    key with its abbreviations spelled out; then an alias's very words in another order, or
    with its last words as their initials; then, where words of an alias are run together
    (`TENTHUTUC`, `TEN_THUTUC`), the key with them apart."""
    hit = _match_words(key, words)
    if hit is not None:
        return hit
    split = key.split()
    if not ABBREVIATIONS.keys().isdisjoint(split):
        split = " ".join(ABBREVIATIONS.get(word, word) for word in split).split()
        hit = _match_words(" ".join(split), words)
    hit = hit or words.unordered.get(in_any_order(split)) or words.initials.get(" ".join(split))
    if hit is None and (together := glued(words)).keys() & set(split):
        return _match(" ".join(together.get(word, word) for word in key.split()), words)
    return hit


def _match_words(key: str, words: Vocabulary) -> tuple[str, int] | None:
    """The longest alias the words of `key` hold between fillers, the preferred one of
    equal length."""
    exact = words.index.get(key)
    if exact is not None:
        return exact
    split = tuple(key.split())
    # A transition table's "trước sắp xếp" / "sau sắp xếp" ends the header: the alias is
    # looked for before it, and an old column is read only where no other names the same.
    dated, when = period(split)
    former = FORMER if when == BEFORE else 0
    split = split[:dated]
    # An alias may start after a leading filler only, and end before trailing fillers only:
    # a data cell of many words is looked up a few times, not once per run of its words.
    starts = [s for s in range(min(LONGEST_LEADING, len(split) - 1) + 1) if _is_leading(split[:s])]
    last = next((at for at in range(len(split) - 1, -1, -1) if split[at] not in FILLER_WORDS), -1)
    ends = [end for end in range(len(split), max(last, 0), -1) if _is_trailing(split[end:])]
    best: tuple[int, int, str] | None = None  # (-length, preference, column)
    for start in starts:
        for end in ends:
            if end <= start:
                break
            hit = words.index.get(" ".join(split[start:end]))
            if hit is None:
                continue
            preference = hit[1] + (OUTGOING if _replaced(split[end:]) else 0) + former
            preference += CENTRAL if _central(split[end:]) else 0
            found = (start - end, preference, hit[0])
            if best is None or found < best:
                best = found
    return (best[2], best[1]) if best else None


def _central(words: tuple[str, ...]) -> bool:
    """Whether trailing fillers end by naming a central issuer ("… của Bộ, ngành")."""
    return any(words[start:] in CENTRAL_ISSUER for start in range(len(words)))


def _qualifier(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The qualifier `words` (trailing fillers) end with, the longest, if any."""
    for size in range(min(len(words), 5), 0, -1):
        if words[-size:] in QUALIFIERS:
            return words[-size:]
    return None


def _replaced(words: tuple[str, ...]) -> bool:
    """Whether trailing fillers qualify the procedure a decision replaces."""
    found = _qualifier(words)
    return found is not None and QUALIFIERS[found] is None


@lru_cache(maxsize=4096)
def dated_after(header: str, words: Vocabulary) -> bool:
    """Whether a header ends with words dating its column after the reform ("Cơ quan thực
    hiện sau sắp xếp", "… (từ ngày 01/7/2025)"), or a note does (`_note_period`)."""
    whole = period(tuple(readings(header)[0].split()))[1] == AFTER
    return whole or _note_period(header, words) == AFTER


@lru_cache(maxsize=4096)
def _note_period(header: str, words: Vocabulary) -> str | None:
    """BEFORE or AFTER where the header names a column by the words outside its brackets
    only, and a bracketed note dates it (`vocabulary.dated_alone`): "Cơ quan thực hiện (Tỉnh
    Hà Giang cũ)", the label of a heading over a sub-heading that dates it (io/
    header_search.py). Where the whole header names the column, its own words say the period."""
    parts = _BRACKETED.findall(header)
    if not parts or _match(readings(header)[0], words) is not None:
        return None
    return next((when for a, b in parts if (when := dated_alone(header_key(a or b)))), None)


@lru_cache(maxsize=4096)
def dated_past(header: str, words: Vocabulary) -> bool:
    """Whether a header dates its column before a change in so many words ("… trước sắp
    xếp", "… trước khi phân cấp", "… (Tỉnh Hà Giang cũ)"): the column shows what was, not
    what is in force, as "… hiện hành" does."""
    if _past(readings(header)[0]):
        return True
    return _note_period(header, words) == BEFORE and any(
        _past(header_key(a or b)) for a, b in _BRACKETED.findall(header)
    )


_past = says_past


def _noted(header: str, hit: tuple[str, int] | None, words: Vocabulary) -> tuple[str, int] | None:
    """`hit` read only where no other header names the same, where a note dates its column
    before the reform (`_note_period`)."""
    if hit is None or hit[1] < 0 or _note_period(header, words) != BEFORE:
        return hit
    return hit[0], hit[1] + FORMER


def qualified_status(header: str) -> str | None:
    """The status a qualifier ending the header gives its table's rows ("Tên TTHC bị bãi
    bỏ": "Bãi bỏ"), if it has one."""
    found = _qualifier(tuple(readings(header)[0].split()))
    return (QUALIFIERS[found] or None) if found is not None else None


# A column saying why, when or by what a procedure was abolished ("Lý do bãi bỏ", "Ngày bãi
# bỏ", "Tên VBQPPL quy định việc bãi bỏ TTHC"), as a header key folds it: a row filling it is
# an abolished procedure's (`abolition_column`). Not one proposing it (a review plan's "Lý do
# đề xuất bãi bỏ", "Kiến nghị bãi bỏ"): the procedure is in force until a decision abolishes it.
_ABOLITION = re.compile(
    r"(?:ly do|can cu|ngay|thoi diem|thoi gian|van ban|ten van ban|ten vbqppl|vbqppl)"
    r"(?! .*\b(?:de xuat|kien nghi|du kien|phuong an)\b)"
    r"(?: [a-z0-9]+){0,5}? (?:bai bo|huy bo)(?: thu tuc(?: hanh chinh)?| tthc)?"
)


def abolition_column(labels: list[str] | tuple[str, ...]) -> int | None:
    """The position of the first column whose header says why, when or by what document a
    procedure was abolished (`_ABOLITION`), with or without a note after it, if any."""
    for position, label in enumerate(labels):
        if label.strip() and any(_ABOLITION.fullmatch(key) for key in readings(label)[:2]):
            return position
    return None


@lru_cache(maxsize=16384)  # the same cells are read in each row pair, and in every file
def readings(header: str) -> tuple[str, ...]:
    """The keys a header is read under, in order: the whole header folded, the words outside
    its brackets and before a footnote's mark, then each bracketed part ("Mã thủ tục
    (MA_TTHC)": "ma thu tuc ma tthc", "ma thu tuc", "ma tthc"). Never none: a header of a
    footnote's mark alone ("²") is read under its whole key, which names nothing."""
    whole = header_key(header)
    parts = _BRACKETED.findall(header)
    noted = _FOOTNOTE.search(header)
    if not parts and noted is None:
        return (whole,)
    if noted is not None:
        header = header[: noted.start()]
    outside = header_key(_BRACKETED.sub(" ", header))
    inside = [header_key(a or b) for a, b in parts]
    return tuple(dict.fromkeys(key for key in (whole, outside, *inside) if key)) or (whole,)


def read_header(
    header: str, extra: Mapping[str, str] | None = None, words: Vocabulary = CATALOGUE
) -> tuple[str, int] | None:
    """(canonical column, preference) a header names, if any. `extra` (header key -> column,
    from `--map`) is the user's word: it wins with preference -1, under the header as typed
    or without its annotation."""
    if not extra:
        return _read_plain(header, words)
    keys = readings(header)
    for key in keys[:2]:
        if key in extra:
            return extra[key], -1
    hit = _noted(header, _first_match(keys, words), words)
    return _translated(header, hit or _by_parts(header, extra, words))


@lru_cache(maxsize=8192)  # the header search reads the same cells in sheet after sheet
def _read_plain(header: str, words: Vocabulary) -> tuple[str, int] | None:
    hit = _noted(header, _first_match(readings(header), words), words)
    return _translated(header, hit or _by_parts(header, None, words)) or either(
        header, lambda part: _read_plain(part, words)
    )


def _first_match(keys: tuple[str, ...], words: Vocabulary) -> tuple[str, int] | None:
    # The words outside brackets first; a bracketed name only where they name nothing (a
    # footnote "(3)" names nothing either).
    for key in keys:
        hit = _match(key, words)
        if hit is not None:
            return hit
    return None


_LISTED_UNDER_NAMES = "level"  # what a name column may list under each name (`_by_parts`)


def _by_parts(
    header: str, extra: Mapping[str, str] | None, words: Vocabulary
) -> tuple[str, int] | None:
    """What a header in two languages names (`bilingual.language_parts`): the column each
    of its parts names, read from the Vietnamese part; nothing where a part names nothing or
    another column ("Cơ quan⏎ban hành" is one header wrapped, not two). A part saying the
    column is a translation ("English") is left out. Parts naming the name and another
    level ("Tên thủ tục hành chính / Cấp thực hiện") head the names with their levels listed
    under each (io/continuations.py's `level_items`): the name, read where no other column
    names it, as a translation is. (Agencies listed so would be read as lines of the name.)"""
    parts = [part for part in language_parts(header) if not is_translation_mark(part)]
    hits = [read_header(part, extra, words) for part in parts]
    if not hits or None in hits:
        return None
    named = {hit[0] for hit in hits if hit}
    if len(named) > 1:
        name = next((hit for hit in hits if hit and hit[0] in words.required), None)
        if name is None or named != {name[0], _LISTED_UNDER_NAMES}:
            return None
        return name[0], name[1] + TRANSLATED
    return hits[0]


def _translated(header: str, hit: tuple[str, int] | None) -> tuple[str, int] | None:
    """`hit` less preferred where the header says its column is a translation ("Procedure
    name (EN)"): the column it translates wins."""
    if hit is None or not _says_translation(header):
        return hit
    return hit[0], hit[1] + TRANSLATED


@lru_cache(maxsize=8192)
def _says_translation(header: str) -> bool:
    notes = [a or b for a, b in _BRACKETED.findall(header)] + list(language_parts(header))
    return any(is_translation_mark(note) for note in notes)


def is_row_number(header: str) -> bool:
    """Whether a header heads the row-number column (STT), with or without annotation, in
    one language or two ("STT⏎No.")."""
    if any(key in STT_KEYS for key in readings(header)[:2]):
        return True
    parts = language_parts(header)
    return bool(parts) and all(is_row_number(part) for part in parts)


def alias_of(
    header: str, extra: dict[str, str] | None = None, words: Vocabulary = CATALOGUE
) -> str | None:
    """The canonical column a header names, if any (`extra`: header key -> column)."""
    hit = read_header(header, extra, words)
    return hit[0] if hit else None
