"""The words column headers are made of, and the vocabulary of one kind of table built from
them: its aliases' keys, and the other ways the same aliases are written (their words in
another order, their last words as initials, the words run together).

A header key (`text.header_key`) names a column when it is an alias of it with filler words
around it (io/header_aliases.py matches them): a leading "tên", trailing words saying "of the
procedure" or what a decision does to it. Officials abbreviate a few phrases ("QĐ", "CQ",
"DVC"); database exports write initials ("CQTH") or run the words together ("TENTHUTUC").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from procaudit.io.bilingual import TRANSLATION_KEYS
from procaudit.vn.text import header_key


@dataclass(frozen=True)
class Vocabulary:
    """The columns one kind of table has: the alias keys that name them, and the columns a
    header row must name to head such a table (a catalogue's name column)."""

    index: dict[str, tuple[str, int]]  # alias key -> (canonical column, preference)
    required: tuple[str, ...]
    # An alias's words in any order -> what the alias names; words two aliases of different
    # columns share are left out ("Quyết định số" is "Số quyết định").
    unordered: dict[tuple[str, ...], tuple[str, int]] = field(default_factory=dict)
    # An alias with its last words written as their initials ("CQTH", "CAP_TH", "SO_QD") ->
    # what the alias names; initials two columns' aliases share are left out.
    initials: dict[str, tuple[str, int]] = field(default_factory=dict)
    # The required column's aliases in every way people type them (`typed_forms`): its header
    # repeated over a table's pages or parts is looked up by them.
    required_forms: frozenset[str] = frozenset()

    def __hash__(self) -> int:  # one vocabulary per kind of table: identity is enough
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


# English joins words the other way round with these ("Date of announcement", "Name of the
# procedure"): an alias's words in another order are read without them. "the" goes only
# beside one of them: folded, it is also Vietnamese ("thẻ", "thể", "thế": "Mã thẻ").
_CONNECTIVES = frozenset({"of", "for", "by"})


def in_any_order(words: list[str]) -> tuple[str, ...]:
    """Words as an alias is looked up in any order (`Vocabulary.unordered`)."""
    english = not _CONNECTIVES.isdisjoint(words)
    dropped = _CONNECTIVES | {"the"} if english else _CONNECTIVES
    return tuple(sorted(word for word in words if word not in dropped))


def typed_forms(header: str) -> frozenset[str]:
    """The ways people type a header's words in its cell: as they are, in capitals, in lower
    case, with a capital first; composed or not; on one line, or broken over two at any
    space, or with a space doubled. Looked up exactly (a hash look-up, so scanning a million
    cells costs little), then confirmed by reading the cell."""
    words = unicodedata.normalize("NFC", header).split()
    spaced = [" ".join(words)] + [
        " ".join(words[:at]) + gap + " ".join(words[at:])
        for at in range(1, len(words))
        for gap in ("\n", "  ")
    ]
    return frozenset(
        form
        for text in spaced
        for case in (text, text.upper(), text.lower(), text.capitalize())
        for form in (case, unicodedata.normalize("NFD", case))
    )


def vocabulary(aliases: Mapping[str, tuple[str, ...]], required: tuple[str, ...]) -> Vocabulary:
    index: dict[str, tuple[str, int]] = {}
    for column, names in aliases.items():
        for rank, alias in enumerate(names):
            index.setdefault(header_key(alias), (column, rank))
    unordered: dict[tuple[str, ...], tuple[str, int]] = {}
    shared: set[tuple[str, ...]] = set()
    for key, hit in index.items():
        words = in_any_order(key.split())
        if unordered.setdefault(words, hit)[0] != hit[0]:
            shared.add(words)
    unique = {w: hit for w, hit in unordered.items() if w not in shared}
    forms = frozenset().union(*map(typed_forms, aliases[required[0]]))
    return Vocabulary(index, required, unique, _initials(index), forms)


_FEWEST_INITIALS = 3  # letters of an alias written as initials throughout ("cth", not "lv")
# "MST" is a tax number (mã số thuế) everywhere; "TTHC" is the word for a procedure in many
# headers, and a header's second line where it wraps ("Mã" over "TTHC").
_NOT_INITIALS = frozenset({"mst", "tthc"})


def _initials(index: dict[str, tuple[str, int]]) -> dict[str, tuple[str, int]]:
    """Each alias key with its last two words or more written as their initials: "co quan
    thuc hien" as "co quan th", "co qth" and "cqth". Not where the initials spell an alias,
    and not where two columns' aliases give the same initials."""
    found: dict[str, tuple[str, int]] = {}
    shared: set[str] = set()
    for key, hit in index.items():
        words = key.split()
        for kept in range(len(words) - 1):
            short = "".join(word[0] for word in words[kept:])
            if kept == 0 and len(short) < _FEWEST_INITIALS:
                continue
            variant = " ".join([*words[:kept], short])
            if variant in index or variant in _NOT_INITIALS:
                continue
            if found.setdefault(variant, hit)[0] != hit[0]:
                shared.add(variant)
    return {variant: hit for variant, hit in found.items() if variant not in shared}


# The row-number column of Vietnamese tables ("Số thứ tự"), and of database exports
# ("RNUM", Oracle's ROWNUM): recognised, never data.
STT_KEYS = frozenset(
    {
        "stt",
        "tt",
        "so tt",
        "so thu tu",
        "no",
        "so",
        "rnum",
        "rownum",
        "row num",
        "row number",
        "row no",
    }
)

# Words that may stand before an alias: "tên" (the name of) in database names, and in
# English "procedure" ("Procedure title", "Administrative procedure code"), where Vietnamese
# says "of the procedure" after the alias ("Lĩnh vực thủ tục": TRAILING).
LEADING = frozenset({("ten",), ("procedure",), ("administrative", "procedure")})
LONGEST_LEADING = max(len(words) for words in LEADING)
# The annexes of a publishing decision qualify the name by what the decision does to the
# procedure ("Tên TTHC bị bãi bỏ", "Tên thủ tục hành chính được sửa đổi, bổ sung", "Tên TTHC
# được thay thế | Tên TTHC thay thế"): the qualifier is a filler, and says the rows' status
# (`qualified_status`). None: the procedure the decision replaces, a column read only where
# no other names the same (`OUTGOING`); "": no status.
QUALIFIERS: dict[tuple[str, ...], str | None] = {
    **dict.fromkeys(
        [("bi", "bai", "bo"), ("bai", "bo"), ("bi", "huy", "bo"), ("huy", "bo")], "Bãi bỏ"
    ),
    **dict.fromkeys(
        [
            ("duoc", "sua", "doi", "bo", "sung"),
            ("sua", "doi", "bo", "sung"),
            ("duoc", "sua", "doi"),
        ],
        "Sửa đổi, bổ sung",
    ),
    ("thay", "the"): "Thay thế",
    ("duoc", "thay", "the"): None,
    ("bi", "thay", "the"): None,
    ("cu",): None,  # "Tên TTHC cũ | Tên TTHC mới": the old procedure's, and the new one's
    ("moi",): "",
    **dict.fromkeys(
        [("moi", "ban", "hanh"), ("ban", "hanh", "moi"), ("duoc", "ban", "hanh")], "Ban hành mới"
    ),
}
# The 2025 reform's transition tables give a column twice, as it was and as it is: "Cơ quan
# thực hiện trước sắp xếp | … sau sắp xếp", "Cấp thực hiện hiện hành | … sau sắp xếp",
# "… trước ngày 01/7/2025 | … từ ngày 01/7/2025". The words that may end such a header after
# an alias and its fillers, as a header key folds them: the old column is read only where no
# other names the same (FORMER), the new one before a plain header naming the same (the
# plain one is then the list's old column, kept beside the new). The reform's decentralising
# decrees (125-151/2025) date them the same way: "… trước khi phân cấp | … sau khi phân cấp".
_CHANGE = (
    r"(?:sap xep|sap nhap|hop nhat|dieu chinh|chuyen giao|thay doi|phan cap|phan quyen"
    r"|phan dinh|uy quyen)(?: [a-z]+){0,5}"
)
_DAY = r"(?:ngay )?[0-9]{1,2} [0-9]{1,2}(?: [0-9]{4})?"
# "… trước đây", "… trước kia" (formerly) date a column before a change too.
BEFORE_PERIOD = re.compile(
    rf"(?:truoc (?:khi )?(?:{_CHANGE}|{_DAY})|truoc (?:day|kia)|hien hanh|hien nay)"
)
AFTER_PERIOD = re.compile(rf"(?:sau (?:khi )?(?:{_CHANGE}|{_DAY})|(?:ke )?tu {_DAY})")
_PERIOD_STARTS = frozenset({"truoc", "sau", "hien", "ke", "tu"})
PERIOD_WORDS = frozenset({
    "truoc", "sau", "khi", "sap", "xep", "nhap", "hop", "nhat", "dieu", "chinh", "chuyen",
    "giao", "thay", "doi", "hien", "hanh", "nay", "ke", "tu", "ngay", "phan", "cap", "quyen",
    "dinh", "uy", "day", "kia",
})  # fmt: skip
BEFORE, AFTER = "before", "after"
FORMER = 300  # added to the preference of an alias a BEFORE_PERIOD follows


def period(words: tuple[str, ...]) -> tuple[int, str | None]:
    """Where the words that date a transition table's column (`BEFORE_PERIOD`,
    `AFTER_PERIOD`) start at the end of a header's words, the longest, and which they say;
    (len(words), None) where none ends them."""
    for start, word in enumerate(words):
        if word not in _PERIOD_STARTS:
            continue
        tail = " ".join(words[start:])
        if BEFORE_PERIOD.fullmatch(tail):
            return start, BEFORE
        if AFTER_PERIOD.fullmatch(tail):
            return start, AFTER
    return len(words), None


def says_past(key: str) -> bool:
    """Whether a header's key (`text.header_key`) dates its column before a change in so many
    words ("… trước sắp xếp", "… trước đây", "… cũ"): the column shows what was. Not "… hiện
    hành", which alone is the list in force."""
    words = tuple(key.split())
    start, when = period(words)
    return (when == BEFORE and words[start] == "truoc") or words[-1:] == ("cu",)


# A note or a sub-heading that dates a column by itself, ending with "cũ" (former) or "mới"
# (new): "(cũ)", "Tỉnh Hà Giang (cũ)" | "Tỉnh Tuyên Quang (mới)" under "Cơ quan thực hiện".
_ENDS_DATED = {"cu": BEFORE, "moi": AFTER}


@lru_cache(maxsize=1024)
def dated_alone(key: str) -> str | None:
    """BEFORE or AFTER where a note's or sub-heading's key (`text.header_key`) dates the
    column it qualifies, ending with a period ("Trước sắp xếp", "Dự kiến sau khi phân cấp")
    or with "cũ" or "mới"; None where it does not."""
    words = tuple(key.split())
    when = period(words)[1]
    if when is not None:
        return when
    return _ENDS_DATED.get(words[-1]) if words else None


OUTGOING = 1000  # added to the preference of an alias the procedure replaced qualifies
# A province's list gives the publishing decisions of the ministry and of the province side
# by side: "Quyết định công bố của Bộ, ngành | Quyết định công bố của UBND tỉnh". The
# province's chairman announces the procedures its bodies carry out (Decree 63/2010 as
# amended by Decree 92/2017), and that announcement is the one the reform meetings count:
# the column of the list's own body is read, a central body's only where no other names the
# same (CENTRAL). The words "của <issuer>" that may end a header, as a header key folds them.
_CENTRAL_ISSUERS = (
    "bo", "bo nganh", "nganh", "bo co quan ngang bo", "bo nganh trung uong", "bo nganh tw",
    "trung uong", "tw", "co quan trung uong", "thu tuong", "thu tuong chinh phu",
    "chinh phu",
)  # fmt: skip
_LOCAL_ISSUERS = (
    "tinh", "ubnd", "ubnd tinh", "ubnd cap tinh", "uy ban nhan dan", "uy ban nhan dan tinh",
    "uy ban nhan dan cap tinh", "chu tich ubnd", "chu tich ubnd tinh",
    "chu tich uy ban nhan dan", "chu tich uy ban nhan dan tinh", "thanh pho",
    "ubnd thanh pho", "dia phuong",
)  # fmt: skip
CENTRAL_ISSUER = frozenset(("cua", *issuer.split()) for issuer in _CENTRAL_ISSUERS)
_ISSUERS = CENTRAL_ISSUER | {("cua", *issuer.split()) for issuer in _LOCAL_ISSUERS}
CENTRAL = 200  # added to the preference of an alias a central issuer follows
# The columns a body issues, which a sub-heading naming the issuer qualifies ("Quyết định
# công bố" over "Bộ, ngành | UBND tỉnh": io/header_search.py reads them "… của Bộ, ngành").
ISSUED = frozenset({"decision_no", "decision_date"})
# Added to the preference of a column whose header says it is a translation (io/bilingual.py):
# read where no other names the same column, and never dropped, as OUTGOING's are.
TRANSLATED = 500
# Words that may follow an alias: "of the procedure", in full or abbreviated, the English
# "name" of `AGENCY_NAME`, and the qualifiers above. A bare number is no filler: "Mức độ 3"
# and "Mức độ 4" head two columns of marks, not the online level; a footnote is bracketed
# ("Lĩnh vực (1)").
# "Of the internal procedure" too: a list of procedures between state bodies (Decision
# 1085/QĐ-TTg) heads its name "Tên thủ tục hành chính nội bộ"; "nội bộ" alone ("Mã nội bộ", a
# system's own id) says nothing of the procedure and is no filler.
_PROCEDURE = (("tt",), ("tthc",), ("thu", "tuc"), ("thu", "tuc", "hanh", "chinh"))
TRAILING = frozenset(
    {*_PROCEDURE, ("name",)}
    | {("cua", *words) for words in _PROCEDURE[1:]}
    | {(*words, "noi", "bo") for words in _PROCEDURE[1:]}
    | set(QUALIFIERS)
    | _ISSUERS
)
LONGEST_TRAILING = max(len(words) for words in TRAILING)
# A database that names the entity first writes its name's column with "TEN" last
# (`LINHVUC_TEN`, `COQUAN_TEN`, as `AGENCY_NAME`): the header's last word only ("Mã/Tên
# TTHC" joins two alternatives).
LAST_NAME = ("ten",)
FILLER_WORDS = frozenset(word for words in (*TRAILING, LAST_NAME) for word in words)
# The abbreviations officials write in headers, spelled out where the key as written names
# nothing: "Ngày QĐ" is "Ngày quyết định", "CQ thực hiện" "Cơ quan thực hiện", "Mức độ
# DVCTT" "Mức độ dịch vụ công trực tuyến". Only those that stand for one phrase in a header:
# "TT" may be "thủ tục", "thứ tự" or "thông tư" (a filler, and the row number's).
ABBREVIATIONS = {
    "qd": "quyet dinh",
    "qdcb": "quyet dinh cong bo",
    "cq": "co quan",
    "dvc": "dich vu cong",
    "dvctt": "dich vu cong truc tuyen",
    "tg": "thoi gian",  # TG_GIAI_QUYET
    "lv": "linh vuc",  # TEN_LV
    "dv": "don vi",  # DV_THUC_HIEN, TEN_DV: a one-stop system's unit ("DVC" is its own word)
    "vbqppl": "van ban quy pham phap luat",
    "qppl": "quy pham phap luat",
}


# The fillers a header run together may hold besides its alias: the leading "tên", and the
# trailing words saying "of the procedure" (not the qualifiers, nor "của", which database
# names do not write).
_GLUED_LEADING = [" ".join(words) for words in LEADING]
_GLUED_TRAILING = [
    " ".join(words) for words in TRAILING if words not in QUALIFIERS and words[0] != "cua"
]


@lru_cache(maxsize=8)  # one per kind of table, built when a header is first read
def glued(words: Vocabulary) -> dict[str, str]:
    """Two words or more of an alias run together, as database columns write them
    ("tenthutuc", `TEN_THUTUC`'s "thutuc", "coquanthuchien") -> those words ("ten thu tuc",
    "thu tuc", "co quan thuc hien"): any run of an alias's words (or of the alias with its
    abbreviations written short, "so qd"), a leading filler with its first words, its last
    words with a trailing filler, all of them. So a header written as one word is read by
    the vocabulary's words, not by a list of database names. A run that another run of
    other words gives too, or that is a header word already ("dvctt"), is left out."""
    keys = list(words.index)
    short = {long: abbreviation for abbreviation, long in ABBREVIATIONS.items()}
    phrases = set(keys)
    for key in keys:
        for long, abbreviation in short.items():
            if f" {long} " in f" {key} ":
                phrases.add(f" {key} ".replace(f" {long} ", f" {abbreviation} ").strip())
    runs: list[list[str]] = []
    for phrase in phrases:
        split = phrase.split()
        runs.extend(
            split[start:end]
            for start in range(len(split) - 1)
            for end in range(start + 2, len(split) + 1)
        )
        for lead in _GLUED_LEADING:
            runs.extend([lead, *split[:end]] for end in range(1, len(split) + 1))
        for trail in _GLUED_TRAILING:
            runs.extend([*split[start:], trail] for start in range(len(split)))
            runs.extend([lead, *split, trail] for lead in _GLUED_LEADING)
    known = _vocabulary_words(words)
    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    for run in runs:
        spaced = " ".join(run)
        together = spaced.replace(" ", "")
        if found.setdefault(together, spaced) != spaced:
            ambiguous.add(together)
    return {
        together: spaced
        for together, spaced in found.items()
        if together not in ambiguous and together not in known
    }


def header_words(words: Vocabulary, extra: Mapping[str, str] | None = None) -> frozenset[str]:
    """Every word a key that names something, or the row number, is made of: an alias's,
    a filler's, the row number's, a `--map` header's, and an alias's words run together
    (`glued`). io/header_aliases.py finds an alias between a leading and trailing fillers only, so
    a key holding any other word names nothing."""
    extra_words = {word for key in extra or () for word in key.split()}
    return _all_words(words).union(extra_words) if extra_words else _all_words(words)


@lru_cache(maxsize=8)  # one per kind of table
def _all_words(words: Vocabulary) -> frozenset[str]:
    return _vocabulary_words(words).union(glued(words))


@lru_cache(maxsize=8)  # one per kind of table
def _vocabulary_words(words: Vocabulary) -> frozenset[str]:
    keys = (*words.index, *STT_KEYS, *TRANSLATION_KEYS)
    fillers = (*LEADING, *TRAILING)
    known = (
        frozenset(word for key in keys for word in key.split())
        | frozenset(word for words_ in fillers for word in words_)
        | PERIOD_WORDS
    )
    # An abbreviation is a header word where what it stands for is made of them.
    return known | {
        short for short, long in ABBREVIATIONS.items() if known.issuperset(long.split())
    }
