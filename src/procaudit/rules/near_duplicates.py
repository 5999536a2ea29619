"""Names that are almost the same at one level: a typo, a filler word, a word split in two,
punctuation or a level tag apart (PA204). Exact copies are PA203's: this rule never reports
two names that `text.comparison_key` makes equal. In a per-unit list (`units.find_units`)
a "level" is a level within one unit.

Vietnamese catalogues are full of families of different procedures whose names differ by one
meaningful word ("Cấp" / "Cấp lại" / "Cấp đổi"; "nhập khẩu" / "xuất khẩu"; "khai sinh" /
"khai tử"), so the rule does not look for "similar" names. It accepts only differences that
cannot name another procedure:

- the same words apart from punctuation, a leading "Thủ tục" or a level tag;
- the same letters with a word written together or apart ("đăng ký" / "đăngký");
- one word replaced by a typo of it: one letter or diacritic off, or two letters swapped
  (two slips for words of six or more letters); neither word a number, a Roman numeral or
  an acronym; not a known pair of real words; and one of the two rare in its place beside
  the other (a slip is in a name or two, a word of the catalogue in many);
- one filler word more or less ("của", "và", "việc" ...), or one word typed twice.

How pairs are found without comparing all names. Each distinct (level, name) becomes a
*near key*: its words, without punctuation, tag or "Thủ tục". Each word gets a random 64-bit
number and a key hashes as the polynomial sum of its words, so the hash of a key with the
word at position i taken out is one subtraction away: two keys of one length that differ
only at position i collide on it, and a longer key with one word taken out (the words after
it moved up one place, a multiplication) collides with the whole hash of the shorter key.
So the candidates are exactly the keys one word apart, found by sorting one array of hashes
per word of the table; only they reach Python, where the two words are judged (rapidfuzz's
OSA distance for the letters). This replaces blocking by halves of the key: a block is
compared pair by pair, and a family of thousands of names sharing half their words ("Cấp
giấy phép kinh doanh ...") makes one block quadratic; here nothing is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import OSA

from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import SHOWN_ROWS, RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule

# The only words whose absence from an otherwise identical name is reported. In real lists
# one word more almost always names another procedure: "Cấp" / "Cấp lại", "Đăng ký" /
# "Xóa đăng ký", "phải" / "không phải", "nghề" / "làng nghề", "cục" / "chi cục", "Việt Nam
# và Campuchia" / "Việt Nam, Lào và Campuchia" (all seen in the 2026 portal export), and the
# same goes for mới, đổi, hủy, tự, trừ, trong, ngoài, có, được, bị, đã, cho, tại, theo
# (they give a direction, a place or a party). So this is the list of the words that do
# not distinguish, not of those that do: only grammatical words whose absence changes
# nothing.
FILLER_WORDS = frozenset({"của", "và", "các", "những", "việc", "về", "với", "hoặc"})
# Where a filler syllable is half of a real word, it is not filler ("việc làm": employment).
_FILLER_COMPOUNDS = frozenset({
    ("làm", "việc"), ("việc", "làm"), ("công", "việc"), ("trở", "về"), ("về", "nước"),
    ("về", "hưu"), ("của", "cải"),
})  # fmt: skip

# Words one letter apart that are both real and both at home in procedure names, so that
# one is not taken for a typo of the other ("tiền thuê đất" / "thuế đất"; "lưu trú" /
# "lưu trữ"; "vùng biển" / "vùng biên").
_REAL_WORD_PAIRS = frozenset(
    frozenset(pair)
    for pair in (("thuê", "thuế"), ("trú", "trữ"), ("biển", "biên"), ("thuộc", "thuốc"),
                 ("nhập", "nhận"), ("cảnh", "cảng"))
)  # fmt: skip
# Numbers written as words: "hạng ba" / "hạng bà" is a typo, "năm" / "lăm" is not.
_NUMBER_WORDS = frozenset({
    "một", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "bẩy", "tám", "chín", "mười",
    "mươi", "mốt", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ",
})  # fmt: skip
_ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
# A Vietnamese syllable: onset, one to three vowels, coda. Short words that are not one
# ("gmp", "gsp", "bhxh", "bhyt") are acronyms, and acronyms one letter apart name different
# things (GMP and GSP are two certificates).
_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VOWELS}]{{1,3}}"
    r"(?:ng|nh|ch|[cmnpt])?"
)

# A trailing level tag: "(thực hiện tại cấp tỉnh)", "(cấp Bộ)", "(cấp TW)", "(cấp tỉnh và cấp
# xã)". Tags are typed by hand like the rest of the name ("cấp tinh" is in the portal's own
# export; "cáp xã", "cấp Bô" and a stray comma happen), so words one slip from "cấp" or from
# a level count; anything else in the parentheses ("(cấp lần đầu)", "(trừ ... cấp tỉnh)")
# makes it no level tag. The closing parenthesis is sometimes missing.
_TAG_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bvà\b|\bhoặc\b)\s*")
_TAG_WORDS = frozenset({"thực", "hiện", "tại", "ở"})
_TAG_LEVELS = {
    "bộ": "cấp bộ", "trung ương": "cấp bộ", "tw": "cấp bộ",
    "tỉnh": "cấp tỉnh",
    "huyện": "cấp huyện",
    "xã": "cấp xã",
}  # fmt: skip
_PREFIX = re.compile(r"(?:thủ\s?tục\b\W*)+")  # also "Thủ tục thủ tục", "Thủtục"
_WORD = re.compile(r"[^\W_]+")
# Punctuation becomes a space. ASCII punctuation goes in one pass over the UTF-8 bytes of
# all names (a regex over Vietnamese text is several times slower); the few non-ASCII marks
# seen in catalogues are replaced one by one.
_ASCII_PUNCTUATION = bytes(
    b if b >= 128 or b == ord("\n") or chr(b).isalnum() else ord(" ") for b in range(256)
)
_OTHER_PUNCTUATION = "“”‘’–—…•·«»"

# A typo is rare beside the word it garbles: in its place (between the same neighbours) it
# is in at most TYPO_SHARE of as many names, or in one or two. Two words one letter apart
# that are both common in that place are two words ("nhập khẩu sơn" and "nhập khẩu sắn",
# paint and cassava, each in hundreds of names of a large list), however close.
TYPO_SHARE = 0.1

_SEED = 204  # hashes are random but fixed, so that a run is reproducible


# --- what a name is made of ---------------------------------------------------------------


class NameParts(NamedTuple):
    tag: str  # the level the trailing tag names, as a level key ("cấp tỉnh"); "" without
    near: str  # the words: no punctuation, no tag, no leading "thủ tục"
    prefixed: int  # how many times it began with "Thủ tục" (once, or typed twice)
    bare: str  # the comparison key without tag and "Thủ tục", punctuation kept


def _tag_level(inside: str) -> str:
    """The level key a tag's text names ("cấp tỉnh và cấp xã" -> "cấp tỉnh, cấp xã");
    "" when it is not a level tag ("cấp lần đầu", "cấp mới")."""
    levels, has_cap = set(), False
    for part in _TAG_SPLIT.split(inside):
        words = [w for w in _WORD.findall(part) if w not in _TAG_WORDS]
        if words and _slip_of(words[0], "cấp"):
            words, has_cap = words[1:], True
        if not words:
            continue
        phrase = " ".join(words)
        level = next((_TAG_LEVELS[w] for w in _TAG_LEVELS if _slip_of(phrase, w)), None)
        if level is None:
            return ""
        levels.add(level)
    return ", ".join(sorted(levels)) if has_cap else ""


def _slip_of(word: str, target: str) -> bool:
    return word == target or (len(word) > 1 and OSA.distance(word, target, score_cutoff=1) <= 1)


def _untagged(key: str) -> tuple[str, str, int]:
    """(tag level, the key without tag and leading "Thủ tục", how many "Thủ tục" it had)."""
    tag = ""
    opening = key.rfind("(")
    inside = key[opening + 1 :].removesuffix(")")
    if opening >= 0 and ")" not in inside and len(inside) <= 60 and "c" in inside:
        tag = _tag_level(inside)
        if tag:
            key = key[:opening].rstrip()
    prefix = _PREFIX.match(key) if key.startswith("thủ") else None
    if prefix:
        key = key[prefix.end() :]
    return tag, key.strip(), prefix.group(0).count("tục") if prefix else 0


def _near_keys(bare: list[str]) -> list[str]:
    """Each text with its punctuation made spaces and its spaces single, all in one pass."""
    text = "\n".join(bare)
    for mark in _OTHER_PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    lines = text.encode().translate(_ASCII_PUNCTUATION).decode().split("\n")
    return [" ".join(line.split()) if "  " in line or line[:1] == " " or line[-1:] == " "
            else line for line in lines]  # fmt: skip


@dataclass
class Names:
    """The parts of each distinct name, as columns, and its words as one flat array of ids."""

    tag: np.ndarray
    near: np.ndarray
    prefixed: np.ndarray
    bare: np.ndarray
    token: np.ndarray  # word ids of all names, one after the other
    start: np.ndarray  # where each name's words begin in `token`
    length: np.ndarray  # how many words each name has
    vocabulary: np.ndarray  # the word of each id

    def parts(self, i: int) -> NameParts:
        return NameParts(self.tag[i], self.near[i], int(self.prefixed[i]), self.bare[i])


def _names(keys: list[str]) -> Names:
    tag = np.full(len(keys), "", dtype=object)
    prefixed = np.zeros(len(keys), dtype=np.int8)
    bare = list(keys)
    for i, key in enumerate(keys):
        if "(" in key or key.startswith("thủ"):  # the few names to look at one by one
            tag[i], bare[i], prefixed[i] = _untagged(key)
    near = _near_keys(bare)
    token, length, vocabulary = _word_ids(near)
    return Names(tag, np.array(near, dtype=object), prefixed, np.array(bare, dtype=object),
                 token, np.cumsum(length) - length, length, vocabulary)  # fmt: skip


def _word_ids(near: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The id of every word of `near` (single-spaced keys), in order; how many words each
    key has; and the word of each id, numbered as the words first appear. Split and
    numbered in pyarrow: a million names' words as Python strings would take gigabytes."""
    keys = pa.array(near, type=pa.large_string())
    empty = pc.equal(pc.binary_length(keys), 0).to_numpy(zero_copy_only=False)
    words = pc.split_pattern(keys, " ")  # an empty key gives one empty word, dropped below
    del keys
    length = np.where(empty, 0, pc.list_value_length(words).to_numpy()).astype(np.int64)
    flat = pc.list_flatten(words)
    del words
    if empty.any():
        flat = pc.filter(flat, pc.not_equal(pc.binary_length(flat), 0))
    coded = pc.dictionary_encode(flat)
    token = coded.indices.to_numpy().astype(np.int32)
    return token, length, coded.dictionary.to_numpy(zero_copy_only=False)


# --- which word differences are accepted ----------------------------------------------------


def _plain_word(word: str) -> bool:
    """A word a typo can be told in: not a number, a Roman numeral or a letter alone."""
    return len(word) > 1 and not any(map(str.isdigit, word)) and not _ROMAN.fullmatch(word)


def _acronym(word: str) -> bool:
    return len(word) <= 4 and not _SYLLABLE.fullmatch(word)


def typo_close(a: str, b: str) -> bool:
    """Whether `b` reads as a typo of `a` (or the reverse), not as another word."""
    if not (_plain_word(a) and _plain_word(b)):
        return False
    if (a in FILLER_WORDS and b in FILLER_WORDS) or (a in _NUMBER_WORDS and b in _NUMBER_WORDS):
        return False
    if frozenset((a, b)) in _REAL_WORD_PAIRS or (_acronym(a) and _acronym(b)):
        return False
    limit = 2 if min(len(a), len(b)) >= 6 else 1
    # OSA counts two letters swapped as one slip ("khia" for "khai").
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def _filler_at(words: list[str], i: int) -> bool:
    """Whether words[i] can be left out of `words` without naming something else."""
    if words[i] not in FILLER_WORDS:
        return False
    before = (words[i - 1], words[i]) if i > 0 else None
    after = (words[i], words[i + 1]) if i + 1 < len(words) else None
    return before not in _FILLER_COMPOUNDS and after not in _FILLER_COMPOUNDS


def _repeated_at(words: list[str], i: int) -> bool:
    """Whether words[i] repeats its neighbour ("khai khai sinh")."""
    return _plain_word(words[i]) and (
        (i > 0 and words[i - 1] == words[i]) or (i + 1 < len(words) and words[i + 1] == words[i])
    )


# --- a difference between two names, and how a message says it ------------------------------

SAME_WORDS, SPACING, WORD, EXTRA = "same words", "spacing", "word", "extra"


@dataclass(frozen=True)
class Difference:
    """How another name differs from this one. WORD: this name's word and the other's;
    EXTRA: the word one of them has more, whether this one has it, whether it is a repeat;
    SPACING: the stretches written together or apart; SAME_WORDS: what differs ("|"-joined:
    the level tag, a leading "Thủ tục", punctuation)."""

    kind: str
    mine: str = ""
    theirs: str = ""
    extra_is_mine: bool = False
    repeat: bool = False

    def reversed(self) -> Difference:
        """The same difference as seen from the other name."""
        if self.kind == SAME_WORDS:
            return self
        return Difference(self.kind, self.theirs, self.mine, not self.extra_is_mine, self.repeat)

    def text(self) -> str:
        """How the names differ, in words (once per pair of names, not per row)."""
        if self.kind == WORD:
            return t(
                "a different word: '{theirs}' / '{mine}'",
                "khác một từ: '{theirs}' / '{mine}'",
                theirs=self.theirs,
                mine=self.mine,
            )
        if self.kind == SPACING:
            return t(
                "a word written together or apart: '{theirs}' / '{mine}'",
                "một từ viết liền hoặc viết tách: '{theirs}' / '{mine}'",
                theirs=self.theirs,
                mine=self.mine,
            )
        if self.kind == EXTRA:
            who = t("this name", "tên này") if self.extra_is_mine else t("it", "tên kia")
            word = self.mine or self.theirs
            # Neutral on a repeat: "nội địa địa phương" is right and "nội địa phương" wrong.
            if self.repeat:
                return t(
                    "{who} has the word '{word}' twice in a row",
                    "{who} có từ '{word}' lặp lại hai lần liền nhau",
                    who=who,
                    word=word,
                )
            return t(
                "{who} has the extra word '{word}'", "{who} có thêm từ '{word}'", who=who, word=word
            )
        parts = self.mine.split("|")
        if len(parts) == 1:
            return t("only {part} differs", "chỉ khác {part}", part=_part(parts[0]))
        return t(
            "only {parts} differ",
            "chỉ khác {parts}",
            parts=t(" and ", " và ").join(map(_part, parts)),
        )


# What may set two names with the same words apart (Difference.mine of SAME_WORDS), in words.
_PARTS_VI = {
    "the level tag": "phần ghi cấp thực hiện",
    "a leading 'Thủ tục'": "chữ 'Thủ tục' ở đầu",
    "punctuation": "dấu câu",
}


def _part(part: str) -> str:
    return t(part, _PARTS_VI.get(part, part))


def _same_letters_difference(u: NameParts, v: NameParts) -> Difference:
    """Two names with the same letters in the same order: what sets them apart."""
    if u.near != v.near:
        mine, theirs = u.near.split(), v.near.split()
        shortest = min(len(mine), len(theirs))
        head = 0
        while head < shortest and mine[head] == theirs[head]:
            head += 1
        tail = 0
        while tail < shortest - head and mine[-1 - tail] == theirs[-1 - tail]:
            tail += 1
        mine, theirs = mine[head : len(mine) - tail], theirs[head : len(theirs) - tail]
        return Difference(SPACING, " ".join(mine), " ".join(theirs))
    parts = []
    if u.tag != v.tag:
        parts.append("the level tag")
    if u.prefixed != v.prefixed:
        parts.append("a leading 'Thủ tục'")
    if u.bare != v.bare or not parts:
        parts.append("punctuation")
    return Difference(SAME_WORDS, "|".join(parts))


# --- near keys one word apart ----------------------------------------------------------------


@dataclass
class Keys:
    """Distinct (level, near key) entries, their words one flat array of ids."""

    near: np.ndarray  # per entry
    near_id: np.ndarray  # per entry: entries at several levels share their near key
    level: np.ndarray  # level id per entry
    length: np.ndarray  # words per entry
    start: np.ndarray  # offset of each entry's first word in `token`
    token: np.ndarray  # word id, flat
    owner: np.ndarray  # entry of each flat word
    position: np.ndarray  # position of each flat word in its entry
    vocabulary: np.ndarray

    def words(self, entry: int) -> list[str]:
        return self.near[entry].split()


def _keys(names: Names, name: np.ndarray, near_id: np.ndarray, level: np.ndarray) -> Keys:
    """The entries whose words are those of `name`, at `level`: a gather from `names`."""
    length = names.length[name]
    start = np.cumsum(length) - length
    owner = np.repeat(np.arange(len(name), dtype=np.int32), length)
    position = (np.arange(int(length.sum())) - start[owner]).astype(np.int32)
    token = names.token[names.start[name][owner] + position]
    return Keys(names.near[name], near_id, level, length, start, token, owner, position,
                names.vocabulary)  # fmt: skip


@dataclass
class Hashes:
    word: np.ndarray  # per flat word: word(w) * r**p
    whole: np.ndarray  # per entry: the sum of its words
    full: np.ndarray  # per entry: whole, with its level and length
    salt: np.ndarray  # per entry: its level's term
    size: np.ndarray  # per length: its term
    inverse: np.uint64  # 1 / r modulo 2**64


def _random(size: int, seed: int) -> np.ndarray:
    return np.random.default_rng([_SEED, seed]).integers(
        0, np.iinfo(np.uint64).max, size=max(size, 1), dtype=np.uint64, endpoint=True
    )


def _hashes(keys: Keys) -> Hashes:
    """A key hashes as sum(word(w_p) * r**p) + level term + length term, modulo 2**64, with
    random word values and a random odd r. Leaving word p out keeping the others in place
    subtracts one term; leaving it out moving the rest up one place multiplies the words
    after it by 1/r (r is odd, so it has an inverse modulo 2**64)."""
    longest = int(keys.length.max())
    r = _random(1, 2)[0] | np.uint64(1)
    powers = np.cumprod(np.full(longest + 1, r, dtype=np.uint64)) * pow(int(r), -1, 2**64)
    word = _random(len(keys.vocabulary), 1)[keys.token] * powers[keys.position]
    whole = np.add.reduceat(word, keys.start)
    salt = _random(int(keys.level.max()) + 1, 3)[keys.level]
    size = _random(longest + 2, 4)
    full = whole + salt + size[keys.length]
    return Hashes(word, whole, full, salt, size, np.uint64(pow(int(r), -1, 2**64)))


def _repeated_values(values: np.ndarray) -> np.ndarray:
    """Where `values` holds a value that occurs more than once. Sorting and then looking up
    the few repeated values is several times faster than a hash table of all of them."""
    ordered = np.sort(values)
    same = ordered[1:] == ordered[:-1]
    return pd.Series(values).isin(np.unique(ordered[1:][same])).to_numpy()


def _substitutions(keys: Keys, hashes: Hashes) -> list[tuple[int, int, Difference]]:
    """Entry pairs whose keys differ in one word, the two words a typo apart."""
    gap = _random(int(keys.length.max()) + 1, 5)  # tells the positions left out apart
    without = hashes.full[keys.owner] - hashes.word + gap[keys.position]
    shared = _repeated_values(without)
    if not shared.any():
        return []
    slots = pd.DataFrame({
        "slot": without[shared], "token": keys.token[shared], "owner": keys.owner[shared],
        "position": keys.position[shared],
    })  # fmt: skip
    close = _typo_pairs(keys.vocabulary, np.unique(slots["token"].to_numpy()))
    if close.empty:
        return []
    # For every word in a shared slot, its typos; then the entries holding one there.
    probes = slots.merge(close, left_on="token", right_on="a")
    found = probes.merge(
        slots, left_on=["slot", "b"], right_on=["slot", "token"], suffixes=("", "_other")
    )
    found = found[found["owner"] < found["owner_other"]]
    found = found[_rare_beside(keys, found)]
    out = []
    for u, v, i in zip(found["owner"], found["owner_other"], found["position"], strict=True):
        mine, theirs = keys.words(u), keys.words(v)
        if len(mine) == len(theirs) and mine[:i] == theirs[:i] and mine[i + 1 :] == theirs[i + 1 :]:
            out.append((int(u), int(v), Difference(WORD, mine[i], theirs[i])))
    return out


def _rare_beside(keys: Keys, found: pd.DataFrame) -> np.ndarray:
    """For each pair of names differing in one word (a, b) between the same neighbours L and
    R: whether one of the two words, in that place, is rare beside the other. A word is
    counted with its neighbours, in the different near keys of the table, so that a slip
    that happens to spell another word ("Văn bán" for "Văn bản"; "bán" is common in "buôn
    bán") still reads as rare, while two words at home in the same place ("nhập khẩu sơn",
    "nhập khẩu sắn") do not."""
    once = np.zeros(len(keys.near), dtype=bool)  # a near key at several levels counts once
    once[np.unique(keys.near_id, return_index=True)[1]] = True
    width = np.int64(len(keys.vocabulary) + 1)
    token, owner = keys.token, keys.owner
    at = keys.start[found["owner"].to_numpy()] + found["position"].to_numpy()
    has_left = found["position"].to_numpy() > 0
    has_right = found["position"].to_numpy() + 1 < keys.length[found["owner"].to_numpy()]
    left = np.where(has_left, token[np.maximum(at - 1, 0)], -1)
    right = np.where(has_right, token[np.minimum(at + 1, len(token) - 1)], -1)
    # Only the word pairs that begin with a neighbour or one of the two words are counted.
    starts = np.zeros(len(keys.vocabulary) + 1, dtype=bool)
    starts[np.concatenate([left, found["token"], found["token_other"]])] = True
    inside = (owner[1:] == owner[:-1]) & once[owner[1:]] & starts[token[:-1]]
    pairs_in_keys = pd.Series(token[:-1][inside] * width + token[1:][inside])
    uses = np.bincount(token[once[owner]], minlength=len(keys.vocabulary))

    def in_place(word: np.ndarray) -> np.ndarray:
        before, after = left * width + word, word * width + right
        wanted = pairs_in_keys[pairs_in_keys.isin(np.concatenate([before, after]))]
        counts = wanted.value_counts()
        count_before = counts.reindex(before, fill_value=0).to_numpy()
        count_after = counts.reindex(after, fill_value=0).to_numpy()
        out = np.minimum(np.where(has_left, count_before, np.iinfo(np.int64).max),
                         np.where(has_right, count_after, np.iinfo(np.int64).max))  # fmt: skip
        return np.where(has_left | has_right, out, uses[word])

    mine, theirs = in_place(found["token"].to_numpy()), in_place(found["token_other"].to_numpy())
    return np.minimum(mine, theirs) <= np.maximum(2, TYPO_SHARE * np.maximum(mine, theirs))


def _typo_pairs(vocabulary: np.ndarray, tokens: np.ndarray) -> pd.DataFrame:
    """Pairs (a, b), both ways, of word ids among `tokens` that are `typo_close`.

    Words within k slips share a string left by deleting at most k letters from each, so
    words are grouped by those deletions and only words sharing one are compared."""
    rows: list[tuple[str, int]] = []
    # Words of ASCII digits alone (numbers in names) are no plain words: told apart in one
    # pass, the loop sees only the rest.
    numbers = pc.match_substring_regex(
        pa.array(vocabulary[tokens], type=pa.large_string()), "^[0-9]+$"
    )
    for token in tokens[~numbers.to_numpy(zero_copy_only=False)].tolist():
        word = vocabulary[token]
        if _plain_word(word):
            rows.extend((variant, token) for variant in _deletions(word, 1 + (len(word) >= 6)))
    variants = pd.DataFrame(rows, columns=["variant", "a"]).drop_duplicates()
    variants = variants[variants["variant"].duplicated(keep=False)]
    pairs = variants.merge(variants, on="variant", suffixes=("", "_b"))
    pairs = pairs.loc[pairs["a"] < pairs["a_b"], ["a", "a_b"]].drop_duplicates()
    keep = [
        typo_close(vocabulary[a], vocabulary[b])
        for a, b in zip(pairs["a"], pairs["a_b"], strict=True)
    ]
    pairs = pairs[np.array(keep, dtype=bool)].rename(columns={"a_b": "b"})
    return pd.concat([pairs, pairs.rename(columns={"a": "b", "b": "a"})], ignore_index=True)


def _deletions(word: str, depth: int) -> set[str]:
    found = frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found = found | frontier
    return found


def _extra_words(keys: Keys, hashes: Hashes) -> list[tuple[int, int, Difference]]:
    """Entry pairs where the longer key is the shorter plus one filler or repeated word."""
    token, owner, position = keys.token, keys.owner, keys.position
    filler = np.isin(token, np.flatnonzero(np.isin(keys.vocabulary, list(FILLER_WORDS))))
    repeated = np.zeros(len(token), dtype=bool)
    repeated[1:] = (token[1:] == token[:-1]) & (position[1:] > 0)
    # The shorter name has at least three words: in "Cấp phép" / "Cấp giấy phép" every
    # word counts.
    at = np.flatnonzero((filler | repeated) & (keys.length[owner] >= 4))
    if not len(at):
        return []
    entry = owner[at]
    ahead = np.cumsum(hashes.word) - hashes.word  # the words before, from the first key on
    before = ahead[at] - ahead[keys.start[entry]]
    after = hashes.whole[entry] - before - hashes.word[at]
    without = before + after * hashes.inverse + hashes.salt[entry]
    without += hashes.size[keys.length[entry] - 1]
    order = np.argsort(hashes.full, kind="stable")
    found = np.minimum(np.searchsorted(hashes.full[order], without), len(order) - 1)
    match = hashes.full[order][found] == without
    out = []
    for long, short, i in zip(entry[match], order[found][match], position[at][match], strict=True):
        words = keys.words(long)
        if words[:i] + words[i + 1 :] != keys.words(short):
            continue
        if _filler_at(words, i):
            out.append((int(long), int(short), Difference(EXTRA, words[i], "", True)))
        elif _repeated_at(words, i):
            out.append((int(long), int(short), Difference(EXTRA, words[i], "", True, True)))
    return out


# --- the rule -------------------------------------------------------------------------------


@dataclass
class Variants:
    """The distinct names (by comparison key) per level among the rows checked."""

    names: Names
    name: np.ndarray  # name of each variant
    level: np.ndarray  # level id of each variant
    of_row: np.ndarray  # variant of each checked row
    position: np.ndarray  # frame position of each checked row

    def parts(self, variant: int) -> NameParts:
        return self.names.parts(self.name[variant])


def _variants(ctx: RuleContext) -> Variants | None:
    keys = ctx.name_keys
    checked = (keys.notna() & ~ctx.abolished).to_numpy(dtype=bool)
    if checked.sum() < 2:
        return None
    name_codes, uniques = pd.factorize(keys[checked])
    names = _names(np.asarray(uniques, dtype=object).tolist())
    # A row's level is its level cell; without one, the level its name's tag names. In the
    # portal's exports (no level column) "X" and "X (thực hiện tại cấp tỉnh)" are always two
    # procedures at two levels, so a tagged and an untagged name are compared only when a
    # level cell says they are at one level.
    cells = ctx.level_keys[checked].to_numpy(dtype=object)
    level = np.where(cells == "", names.tag[name_codes], cells)
    # In a per-unit list each unit's names are compared among themselves only: a "level"
    # here is a level within one unit (one level, unit 0, in other lists).
    unit = ctx.unit_ids()[checked]
    level = pd.factorize(level)[0].astype(np.int64) * (int(unit.max(initial=0)) + 1) + unit
    combined = pd.factorize(level)[0].astype(np.int64) * len(uniques) + name_codes
    of_row, variant_keys = pd.factorize(combined)
    variant_keys = np.asarray(variant_keys)
    return Variants(names, variant_keys % len(uniques), variant_keys // len(uniques), of_row,
                    np.flatnonzero(checked))  # fmt: skip


def _compatible(variants: Variants, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Tags naming two different levels make two procedures, whatever the level cell says."""
    tag_u, tag_v = variants.names.tag[variants.name[u]], variants.names.tag[variants.name[v]]
    return (tag_u == tag_v) | (tag_u == "") | (tag_v == "")


def _same_letters(variants: Variants) -> list[tuple[int, int, Difference]]:
    """Variant pairs at one level with the same letters once spaces and punctuation go."""
    names = variants.names
    squashed = "\n".join(names.near.tolist()).replace(" ", "").split("\n")
    squashed_codes = pd.factorize(np.array(squashed, dtype=object))[0]
    valid = np.flatnonzero(names.length[variants.name] > 0)
    key = variants.level[valid].astype(np.int64) * len(squashed)
    key += squashed_codes[variants.name[valid]]
    repeated = _repeated_values(key)
    if not repeated.any():
        return []
    frame = pd.DataFrame({"variant": valid[repeated], "key": key[repeated]})
    pairs = frame.merge(frame, on="key")
    u, v = pairs["variant_x"].to_numpy(), pairs["variant_y"].to_numpy()
    keep = (u < v) & _compatible(variants, u, v)
    return [
        (a, b, _same_letters_difference(variants.parts(a), variants.parts(b)))
        for a, b in zip(u[keep].tolist(), v[keep].tolist(), strict=True)
    ]


def _one_word_apart(variants: Variants) -> list[tuple[int, int, Difference]]:
    """Variant pairs at one level whose near keys are one accepted word edit apart."""
    names = variants.names
    near_codes = pd.factorize(names.near)[0]
    kept = np.flatnonzero(names.length[variants.name] > 0)
    combined = variants.level[kept].astype(np.int64) * len(names.near)
    combined += near_codes[variants.name[kept]]
    entry_of, entries = pd.factorize(combined)
    if len(entries) < 2:
        return []
    # One variant stands for each entry: all of an entry's variants have its words.
    first = np.empty(len(entries), dtype=np.int64)
    first[entry_of] = kept
    keys = _keys(names, variants.name[first], entries % len(names.near), variants.level[first])
    hashes = _hashes(keys)
    pairs = _substitutions(keys, hashes) + _extra_words(keys, hashes)
    if not pairs:
        return []
    order = np.argsort(entry_of, kind="stable")
    bounds = np.searchsorted(entry_of[order], np.arange(len(entries) + 1))

    def members(entry: int) -> np.ndarray:
        return kept[order[bounds[entry] : bounds[entry + 1]]]

    out = []
    for a, b, difference in pairs:
        u, v = (grid.ravel() for grid in np.meshgrid(members(a), members(b)))
        keep = _compatible(variants, u, v)
        for x, y in zip(u[keep].tolist(), v[keep].tolist(), strict=True):
            if not difference.repeat or _typed_twice(variants.parts(x), difference.mine):
                out.append((x, y, difference))
    return out


def _typed_twice(longer: NameParts, word: str) -> bool:
    """A word doubled with punctuation between is two words ("Cấp, cấp lại"), not a slip."""
    word = re.escape(word)
    return re.search(rf"(?<!\w){word}\s+{word}(?!\w)", longer.bare) is not None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _other_names(number: int) -> str:
    return t("{count}", "{number} tên khác", count=_count(number, "other name"), number=number)


def _messages(
    ctx: RuleContext, variants: Variants, pairs: Iterable[tuple[int, int, Difference]]
) -> pd.Series:
    """Per flagged row: the first close name, where it is, how it differs, and the others."""
    partners: dict[int, dict[int, Difference]] = {}
    for u, v, difference in pairs:
        partners.setdefault(u, {})[v] = difference
        partners.setdefault(v, {})[u] = difference.reversed()
    flagged = np.isin(variants.of_row, list(partners))
    positions, of_row = variants.position[flagged], variants.of_row[flagged]
    rows_of: dict[int, list[int]] = {}  # variant -> frame positions, in order
    for variant, position in zip(of_row.tolist(), positions.tolist(), strict=True):
        rows_of.setdefault(variant, []).append(position)
    labels, names = ctx.frame.index.to_numpy(), ctx.frame["name"]

    def where(rows: list[int], total: int) -> str:
        return ctx.row_list(labels[rows[:SHOWN_ROWS]].tolist(), total)

    close = t(
        "The name is close to '{quoted}' on {rows} ({how})",
        "Tên này gần giống '{quoted}' tại {rows} ({how})",
    )
    close_under = t(
        "The name is close to '{quoted}' under {unit} on {rows} ({how})",
        "Tên này gần giống '{quoted}' trong danh mục của {unit} tại {rows} ({how})",
    )
    units = ctx.units  # a per-unit list: each pair is within one unit, which is named
    unit_labels = [""] if units is None else [*units.labels, ""]  # -1: no unit
    unit_ids = np.full(len(ctx.frame), -1) if units is None else units.ids
    also = t(", and to {others} on {rows}", ", và {others} tại {rows}")
    texts = {}
    for u, others in partners.items():
        ordered = sorted(others, key=lambda v: rows_of[v][0])
        first = rows_of[ordered[0]]
        quoted = " ".join(str(names.iat[first[0]]).split())
        how = others[ordered[0]].text()
        unit = unit_labels[unit_ids[first[0]]]
        text = (close_under if unit else close).format(
            quoted=quoted, unit=unit, rows=where(first, len(first)), how=how
        )
        if len(ordered) > 1:
            rest = sorted(row for v in ordered[1:] for row in rows_of[v][:SHOWN_ROWS])
            total = sum(len(rows_of[v]) for v in ordered[1:])
            text += also.format(others=_other_names(len(ordered) - 1), rows=where(rest, total))
        texts[u] = text + "."
    index = ctx.frame.index[positions]
    return pd.Series([texts[v] for v in of_row.tolist()], index=index, dtype=object)


def _found(ctx: RuleContext) -> tuple[Variants | None, list]:
    """The names' variants, and the pairs of rows whose names are near duplicates."""
    variants = _variants(ctx)
    if variants is None:
        return None, []
    return variants, _same_letters(variants) + _one_word_apart(variants)


def _prefetch_found(ctx: RuleContext) -> None:
    ctx.prefetch("near_duplicates", lambda: _found(ctx))


@frame_rule(
    "PA204", "near-duplicate-name", Severity.WARNING, columns=("name",), prefetch=_prefetch_found
)
def near_duplicate_name(ctx: RuleContext) -> pd.DataFrame:
    """Names at one level that differ only by a typo, a filler word or punctuation.

    Two rows whose names are almost the same are usually one procedure entered twice, once
    with a slip: a wrong letter or diacritic ("khia" for "khai", "Cáp" for "Cấp"), a word
    run together ("đăngký"), a missing "của" or "việc", a stray comma, a level tag or a
    leading "Thủ tục" on one of them. Or they are two procedures whose names do not say how
    they differ. Families of different procedures ("Cấp" / "Cấp lại" / "Cấp đổi", "nhập
    khẩu" / "xuất khẩu", "hạng I" / "hạng II", "mẫu 1" / "mẫu 2") are not reported: a word
    that differs must be a typo of the other (one letter or diacritic off or two letters
    swapped; not a number, a Roman numeral or an acronym; and rare in its place where the
    other word is common), and a word one name has more must be a filler word (của, và,
    các, những, việc, về, với, hoặc) or a word typed twice. Names are compared at one level
    only; where a row has no level cell, the level its name's tag names ("(thực hiện tại
    cấp tỉnh)") stands in for it, so that "X" and "X (thực hiện tại cấp tỉnh)" in a list
    without levels are two levels, not a near duplicate. In a list kept per unit (a one-stop
    system's export, each district's procedures one after another) names are compared within
    one unit only. Names that are the same after normalisation are PA203's, not this rule's.
    Every row of a pair is reported and names the other.

    **Bad**
    ```
    row 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    row 52 | 2.000986 | Đăng ký khia sinh               | Cấp xã
    row 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    row 71 |          | Đăng ký nuôi con nuôi           | Cấp xã
    ```

    **Good**
    ```
    row 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    row 52 | 1.000656 | Đăng ký khai tử                 | Cấp xã
    row 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    ```

    **Fix**: if the rows are the same procedure, keep one (with the right code and the name
    as published) and delete the others; if they are different procedures, correct the typo
    and make their names say how they differ.

    [vi]
    Các tên cùng cấp thực hiện chỉ khác nhau do lỗi gõ, một hư từ hoặc dấu câu.

    Hai dòng có tên gần như giống hệt nhau thường là một thủ tục bị nhập hai lần, trong đó một
    lần có sơ suất: sai một chữ cái hoặc dấu ("khia" thay cho "khai", "Cáp" thay cho "Cấp"), viết
    liền hai từ ("đăngký"), thiếu "của" hoặc "việc", thừa dấu phẩy, một bên có phần ghi cấp thực
    hiện hoặc chữ "Thủ tục" ở đầu. Hoặc đó là hai thủ tục mà tên không thể hiện điểm khác biệt.
    Các nhóm thủ tục khác nhau ("Cấp" / "Cấp lại" / "Cấp đổi", "nhập khẩu" / "xuất khẩu", "hạng I"
    / "hạng II", "mẫu 1" / "mẫu 2") không bị báo: từ khác nhau phải là lỗi gõ của từ kia (sai một
    chữ cái hoặc một dấu, hoặc đảo hai chữ cái; không phải số, số La Mã hay chữ viết tắt; và hiếm
    gặp ở vị trí đó trong khi từ kia phổ biến), còn từ mà một tên có thêm phải là hư từ (của, và,
    các, những, việc, về, với, hoặc) hoặc một từ bị gõ lặp. Tên chỉ được so sánh trong cùng một
    cấp; dòng không có ô cấp thực hiện thì lấy cấp ghi trong tên ("(thực hiện tại cấp tỉnh)"),
    để "X" và "X (thực hiện tại cấp tỉnh)" trong danh mục không có cột cấp được coi là hai cấp,
    không phải gần trùng. Trong danh mục lập theo đơn vị (dữ liệu xuất từ hệ thống một cửa, thủ
    tục của từng huyện nối tiếp nhau), tên chỉ được so sánh trong cùng một đơn vị. Các tên giống
    nhau sau khi chuẩn hóa thuộc quy tắc PA203, không thuộc quy tắc này. Cả hai dòng của một cặp
    đều được báo và nêu dòng kia.

    **Sai**
    ```
    dòng 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    dòng 52 | 2.000986 | Đăng ký khia sinh               | Cấp xã
    dòng 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    dòng 71 |          | Đăng ký nuôi con nuôi           | Cấp xã
    ```

    **Đúng**
    ```
    dòng 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    dòng 52 | 1.000656 | Đăng ký khai tử                 | Cấp xã
    dòng 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    ```

    **Cách sửa**: nếu các dòng là cùng một thủ tục, giữ lại một dòng (có mã đúng và tên như đã
    công bố) và xóa các dòng còn lại; nếu là các thủ tục khác nhau, sửa lỗi gõ và sửa tên để thể
    hiện rõ điểm khác nhau.
    """
    variants, pairs = ctx.shared("near_duplicates", lambda: _found(ctx))
    if variants is None or not pairs:
        return no_hits()
    messages = _messages(ctx, variants, pairs)
    mask = pd.Series(ctx.frame.index.isin(messages.index), index=ctx.frame.index)
    return hits(
        ctx.frame,
        mask,
        "name",
        messages,
        t(
            "If the rows are the same procedure, keep one and delete the others; if they are "
            "different procedures, correct any typo and make the names say how they differ.",
            "Nếu các dòng là cùng một thủ tục, giữ lại một dòng và xóa các dòng còn lại; nếu là "
            "các thủ tục khác nhau, sửa lỗi chính tả (nếu có) và sửa tên để thể hiện rõ điểm "
            "khác nhau.",
        ),
    )
