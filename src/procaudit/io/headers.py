"""Map a table's source headers onto the canonical columns (`map_headers`, `HeaderMap`).

Each header is read alone by `header_aliases.read_header` (its words folded, matched against
the aliases). Here a row of them becomes a map: the preferred position of each column and the
others naming it (tried in turn where the values refuse the first, io/values.py), the STT
column, the headers left over. `HeaderReader` does it for the many rows and pairs of rows the
header search reads, each distinct text once.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from procaudit.io.header_aliases import (
    CATALOGUE,
    dated_after,
    dated_past,
    is_row_number,
    read_header,
)
from procaudit.io.vocabulary import OUTGOING, Vocabulary, header_words
from procaudit.vn.legacy_fonts import LEGACY_CHARACTERS
from procaudit.vn.text import header_key

# The columns the reform's rules judge as the list in force (PA501, PA502, PA504; the
# online level's PA503, PA505, PA506: a column of the levels before "Mức độ DVC (cũ)" holds
# the old scale by definition).
_JUDGED_AS_IN_FORCE = ("agency", "level", "online_level")


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
            if rank >= 0 and dated_after(header, self.words):
                after.add(position)
        for column in _JUDGED_AS_IN_FORCE:
            # Only the agencies or levels as they were before a change (a decentralisation
            # annex's "Cơ quan có thẩm quyền trước khi phân cấp"): the reform replaced them,
            # and the rules would judge the past as the list in force. Not read.
            hits = found.get(column, [])
            if hits and all(rank >= 0 and dated_past(headers[at], self.words) for rank, at in hits):
                del found[column]
        name = self.words.required[0]
        if name in found and min(found[name])[0] < OUTGOING:
            # The code or field of the procedure a decision replaces ("Mã số TTHC được thay
            # thế") beside the name of the one replacing it: another procedure's, not read,
            # nor kept as a candidate the values could choose where the replacing one's
            # column is empty (a new procedure has no code yet).
            found = {
                column: kept
                for column, hits in found.items()
                if (kept := [hit for hit in hits if hit[0] < OUTGOING])
            }
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
