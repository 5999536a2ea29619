"""Map a table's source headers onto the canonical columns.

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
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

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
    header_words,
    in_any_order,
    period,
    vocabulary,
)
from procaudit.vn.legacy_fonts import LEGACY_CHARACTERS
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
def _dated_after(header: str, words: Vocabulary) -> bool:
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
def _dated_past(header: str, words: Vocabulary) -> bool:
    """Whether a header dates its column before a change in so many words ("… trước sắp
    xếp", "… trước khi phân cấp", "… (Tỉnh Hà Giang cũ)"): the column shows what was, not
    what is in force, as "… hiện hành" does."""
    if _past(readings(header)[0]):
        return True
    return _note_period(header, words) == BEFORE and any(
        _past(header_key(a or b)) for a, b in _BRACKETED.findall(header)
    )


def _past(key: str) -> bool:
    words = tuple(key.split())
    start, when = period(words)
    return (when == BEFORE and words[start] == "truoc") or words[-1:] == ("cu",)


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


# The columns the reform's rules judge as the list in force (PA501, PA502, PA504).
_JUDGED_AS_IN_FORCE = ("agency", "level")


@dataclass(frozen=True)
class HeaderMap:
    """Which source column feeds each canonical column, and which headers were left over."""

    columns: dict[str, int]  # canonical column -> position in the source table
    sources: dict[str, str]  # source header -> canonical column
    unmapped: tuple[str, ...]
    stt: int | None = None  # position of the STT column
    # Every position whose header names each column, preferred first (the chosen one too):
    # where the values refuse the preferred header, the next is tried (see io/values.py).
    candidates: dict[str, tuple[int, ...]] = field(default_factory=dict)
    given: frozenset[str] = frozenset()  # columns the user named with --map
    # Columns the header search read by their values, no header naming them (the name:
    # io/name_values.py); io/values.py says so.
    by_values: frozenset[str] = frozenset()

    @property
    def score(self) -> int:
        """How much a row looks like this table's header: columns it names."""
        return len(self.columns) + (self.stt is not None)

    @property
    def headers(self) -> dict[str, str]:
        """Canonical column -> the source header it is read from (`sources` turned round)."""
        return {column: header for header, column in self.sources.items()}


def alias_of(
    header: str, extra: dict[str, str] | None = None, words: Vocabulary = CATALOGUE
) -> str | None:
    """The canonical column a header names, if any (`extra`: header key -> column)."""
    hit = read_header(header, extra, words)
    return hit[0] if hit else None


def map_headers(
    headers: list[str], extra: dict[str, str] | None = None, words: Vocabulary = CATALOGUE
) -> HeaderMap:
    """Map header labels; `extra` (header key -> column, from `--map`) wins over the aliases."""
    return HeaderReader(extra, words).map(headers)


# What a header says: the (column, preference) it names, and, where it names none, whether
# it heads the row-number column.
Reading = tuple[tuple[str, int] | None, bool]
# Readings without --map, shared by every reader of a vocabulary: a folder of communes' lists
# repeats its headers, titles, levels and fields in every file. Bounded: past the limit a new
# memo is started (a reader holding the old one keeps it, which is still right).
_PLAIN: dict[Vocabulary, dict[str, Reading]] = {}
_PLAIN_LIMIT = 50_000
# The kinds of texts (`HeaderReader._kind`) without --map, shared alike: the cells of the
# first rows that the header search reads are data, and a folder of communes' lists holds the
# same procedures, levels and agencies in every file (400 such files: 36 new texts a file,
# not 123).
_PLAIN_KINDS: dict[Vocabulary, dict[str, int]] = {}


_Known = TypeVar("_Known")


def _shared_memo(
    memos: dict[Vocabulary, dict[str, _Known]], words: Vocabulary
) -> dict[str, _Known]:
    """The memo of `words` in `memos`, a new one once it holds `_PLAIN_LIMIT` texts."""
    memo = memos.setdefault(words, {})
    if len(memo) > _PLAIN_LIMIT:
        memo = memos[words] = {}
    return memo


# What a text is, for `HeaderReader.may_name`: bracketed or in a legacy font (read otherwise
# than by its own key's words), or its key's words all header words, or not.
_BRACKETS, _HEADER_WORDS, _OTHER_WORDS = range(3)
_BRACKET_CHARACTERS = frozenset("()[]")
# A legacy font's characters: the text, or a text joining it, may be folded as its conversion
# (`text.header_key`), whose words are not the parts' words.
_LEGACY = re.compile(LEGACY_CHARACTERS)


class HeaderReader:
    """`map_headers` for many rows of one table, each distinct text read once. The header
    search maps thirty rows and pairs of them, whose cells repeat (blank ones, a level or a
    field on every row, a row's cells again in a pair's labels). A reading depends on the
    text, `extra` and `words` alone (the folding and the matching are pure), so a memo per
    reader (per `extra` and `words`) gives what reading the text again would."""

    def __init__(
        self, extra: Mapping[str, str] | None = None, words: Vocabulary = CATALOGUE
    ) -> None:
        self.extra = extra
        self.words = words
        self._header_words: frozenset[str] | None = None  # when first asked
        # The memos: text -> its reading; text -> _BRACKETS, _HEADER_WORDS or _OTHER_WORDS.
        if extra:
            self._seen: dict[str, Reading] = {}
            self._kinds: dict[str, int] = {}
        else:
            self._seen = _shared_memo(_PLAIN, words)
            self._kinds = _shared_memo(_PLAIN_KINDS, words)

    def reading(self, header: str) -> Reading:
        """What `header` says; a blank header says nothing."""
        known = self._seen.get(header)
        if known is None:
            hit = read_header(header, self.extra, self.words) if header.strip() else None
            known = (hit, hit is None and bool(header.strip()) and is_row_number(header))
            self._seen[header] = known
        return known

    def names(self, header: str) -> str | None:
        """`alias_of` a header that is not blank (a blank one names nothing here)."""
        hit = self.reading(header)[0]
        return hit[0] if hit else None

    def names_joined(self, first: str, second: str) -> str | None:
        """`names(f"{first} {second}")` (both not blank), known to be None without reading
        the joined text where a part holds a word no header holds: two data cells read
        as a heading and its sub-heading, a text seen once."""
        if not self.may_name(first, second):
            return None
        return self.names(f"{first} {second}")

    def names_with_tail(self, sub: str, heading: str) -> str | None:
        """`sub` (a sub-heading) with the last words of `heading` after it, the most of them
        that name a column: "Ngày" under "Thông tin công bố" is "Ngày công bố", "Số" under
        "Thông tin ban hành" "Số ban hành"; None where none does. Only a sub-heading of
        header words is read so, with the heading's last words that are header words."""
        if self._kind(sub) != _HEADER_WORDS:
            return None
        words = heading.split()
        tails: list[str] = []
        for start in range(len(words) - 1, 0, -1):  # the shortest first
            tail = " ".join(words[start:])
            if self._kind(tail) != _HEADER_WORDS:
                break
            tails.append(tail)
        for tail in reversed(tails):
            if self.names(f"{sub} {tail}"):
                return f"{sub} {tail}"
        return None

    def may_name(self, first: str, second: str) -> bool:
        """Whether `f"{first} {second}"` may name a column or the row number; where it
        cannot, its reading is known and kept. Without brackets a text is read under its
        whole key only, and the key of a joined text is its parts' keys joined: no
        character of one folds with the other's across the space (tests/io/
        test_header_reading.py), nor is either typed in a legacy font. So a part's word no
        header holds is in the one key read."""
        kinds = (self._kind(first), self._kind(second))
        if _BRACKETS in kinds or kinds == (_HEADER_WORDS, _HEADER_WORDS):
            return True
        self._seen.setdefault(f"{first} {second}", (None, False))
        return False

    def says_nothing(self, labels: list[str]) -> bool:
        """Whether no label of a row can name anything or the row number, even joined with
        another row's such labels: each is blank or, without brackets or a legacy font's
        characters, holds a word no header holds (a row of data, mostly)."""
        kinds = self._kinds  # read here first: a call per cell cost more than its reading
        for label in labels:
            kind = kinds.get(label)
            if kind == _OTHER_WORDS or not label.strip():
                continue
            if (kind if kind is not None else self._kind(label)) != _OTHER_WORDS:
                return False
        return True

    def _words(self) -> frozenset[str]:
        if self._header_words is None:
            self._header_words = header_words(self.words, self.extra)
        return self._header_words

    def _kind(self, text: str) -> int:
        kind = self._kinds.get(text)
        if kind is None:
            if not _BRACKET_CHARACTERS.isdisjoint(text):
                kind = _BRACKETS  # read under its parts' keys too (see `readings`)
            elif not text.isascii() and _LEGACY.search(text):
                kind = _BRACKETS
            elif self._words().issuperset(header_key(text).split()):
                kind = _HEADER_WORDS
            else:
                kind = _OTHER_WORDS
            self._kinds[text] = kind
        return kind

    def map(self, headers: list[str]) -> HeaderMap:
        """`map_headers` of these labels."""
        found: dict[str, list[tuple[int, int]]] = {}  # canonical -> [(preference, position)]
        after: set[int] = set()  # the positions of headers dated after the reform
        stt: int | None = None
        for position, header in enumerate(headers):
            hit, row_number = self.reading(header)
            if hit is None:
                if stt is None and row_number:
                    stt = position
                continue
            column, rank = hit
            found.setdefault(column, []).append((rank, position))
            if rank >= 0 and _dated_after(header, self.words):
                after.add(position)
        for column in _JUDGED_AS_IN_FORCE:
            # Only the agencies or levels as they were before a change (a decentralisation
            # annex's "Cơ quan có thẩm quyền trước khi phân cấp"): the reform replaced them,
            # and the rules would judge the past as the list in force. Not read.
            hits = found.get(column, [])
            if hits and all(
                rank >= 0 and _dated_past(headers[at], self.words) for rank, at in hits
            ):
                del found[column]
        name = self.words.required[0]
        if name in found and min(found[name])[0] < OUTGOING:
            # The code or field of the procedure a decision replaces ("Mã số TTHC được thay
            # thế") beside the name of the one replacing it: another procedure's, not read.
            found = {column: hits for column, hits in found.items() if min(hits)[0] < OUTGOING}
        # A column dated after the reform ("… sau sắp xếp") before the others naming the same,
        # the user's --map (rank -1) before all.
        candidates = {
            column: tuple(
                position
                for _, position in sorted(
                    hits, key=lambda hit: (hit[0] >= 0, hit[1] not in after, *hit)
                )
            )
            for column, hits in found.items()
        }
        given = frozenset(column for column, hits in found.items() if min(hits)[0] < 0)
        return with_columns(
            headers,
            {column: hits[0] for column, hits in candidates.items()},
            stt,
            candidates,
            given,
        )


def with_columns(
    headers: list[str] | tuple[str, ...],
    columns: dict[str, int],
    stt: int | None,
    candidates: dict[str, tuple[int, ...]] | None = None,
    given: frozenset[str] = frozenset(),
    marked: Collection[int] = (),
) -> HeaderMap:
    """The header map that reads `columns` (canonical -> position) from these headers;
    `marked`: the sub-columns of columns read from marks (io/marks.py), used too."""
    taken = set(columns.values()) | {stt} | set(marked)
    sources = {headers[position]: column for column, position in columns.items()}
    unmapped = tuple(
        header for position, header in enumerate(headers) if position not in taken and header
    )
    return HeaderMap(
        columns=columns,
        sources=sources,
        unmapped=unmapped,
        stt=stt,
        candidates=candidates or {},
        given=given,
    )
