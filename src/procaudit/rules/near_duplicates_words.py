"""Which word differences PA204 (`near_duplicates`) accepts as a slip rather than as another
procedure's name.

A word replaced by another is a slip when the two are a typo apart (`typo_close`): one letter
or diacritic off, or two letters swapped (two slips for words of six or more letters); neither
a number, a Roman numeral or an acronym; and not a known pair of real words. A word one name
has more is a slip when it is a filler word that is not half of a compound (`filler_at`) or a
word typed twice (`repeated_at`). Whether the typo is rare in its place is the pairing's
question (`near_duplicates_pairs`), not this module's.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

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


def plain_word(word: str) -> bool:
    """A word a typo can be told in: not a number, a Roman numeral or a letter alone."""
    return len(word) > 1 and not any(map(str.isdigit, word)) and not _ROMAN.fullmatch(word)


def _acronym(word: str) -> bool:
    return len(word) <= 4 and not _SYLLABLE.fullmatch(word)


def typo_close(a: str, b: str) -> bool:
    """Whether `b` reads as a typo of `a` (or the reverse), not as another word."""
    if not (plain_word(a) and plain_word(b)):
        return False
    if (a in FILLER_WORDS and b in FILLER_WORDS) or (a in _NUMBER_WORDS and b in _NUMBER_WORDS):
        return False
    if frozenset((a, b)) in _REAL_WORD_PAIRS or (_acronym(a) and _acronym(b)):
        return False
    limit = 2 if min(len(a), len(b)) >= 6 else 1
    # OSA counts two letters swapped as one slip ("khia" for "khai").
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def filler_at(words: list[str], i: int) -> bool:
    """Whether words[i] can be left out of `words` without naming something else."""
    if words[i] not in FILLER_WORDS:
        return False
    before = (words[i - 1], words[i]) if i > 0 else None
    after = (words[i], words[i + 1]) if i + 1 < len(words) else None
    return before not in _FILLER_COMPOUNDS and after not in _FILLER_COMPOUNDS


def repeated_at(words: list[str], i: int) -> bool:
    """Whether words[i] repeats its neighbour ("khai khai sinh")."""
    return plain_word(words[i]) and (
        (i > 0 and words[i - 1] == words[i]) or (i + 1 < len(words) and words[i + 1] == words[i])
    )
