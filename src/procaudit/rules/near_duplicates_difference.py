"""How two near-duplicate names differ (PA204, `near_duplicates`), and how a finding says it.

A `Difference` is found once per pair of distinct names and seen from either side
(`Difference.reversed`); its `text` goes into the message of every row of either name.
"""

from __future__ import annotations

from dataclasses import dataclass

from procaudit.core.i18n import t
from procaudit.rules.near_duplicates_names import NameParts

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


def same_letters_difference(u: NameParts, v: NameParts) -> Difference:
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
