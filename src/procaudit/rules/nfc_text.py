"""How PA602 (`text_cells`) says a cell is not in Unicode NFC, and how to fix it."""

from __future__ import annotations

import re
import unicodedata

from procaudit.core.i18n import t


def not_nfc_said(value: str) -> tuple[str, str]:
    """PA602's message and fix for a cell `value` that is not in NFC."""
    # The same words whatever the cell: many cells failing for one cause say so once
    # (`engine.cause_floods`); the fix names a long cell's decomposed words.
    if any(unicodedata.combining(char) for char in value):
        why = t(
            "tone or vowel marks are stored as separate combining characters (decomposed)",
            "dấu thanh hoặc dấu nguyên âm được lưu thành ký tự tổ hợp riêng (dạng tách rời)",
        )
    else:
        why = t(
            "it holds characters that NFC replaces by their standard form",
            "ô chứa ký tự mà dạng NFC thay bằng dạng chuẩn",
        )
    return (
        t(
            "The cell is not in Unicode NFC: {why}, so it does not equal the same text typed "
            "normally, and searches and duplicate checks miss it.",
            "Ô không ở dạng Unicode NFC (dựng sẵn): {why}, nên không khớp với cùng nội dung được "
            "gõ bình thường, và việc tìm kiếm, kiểm tra trùng lặp sẽ bỏ sót.",
            why=why,
        ),
        _nfc_fix(value),
    )


QUOTED_FIX = 200  # a longer cell's fix names its decomposed words, not the whole text again
SHOWN_WORDS = 3


def _nfc_fix(value: str) -> str:
    """PA602's fix: the cell as NFC writes it; a long one's (a legal basis of a thousand
    characters, which NFC leaves looking the same) by the words that change."""
    fixed = unicodedata.normalize("NFC", value)
    if len(fixed) <= QUOTED_FIX:
        return t(
            "Convert it to NFC: '{text}'.",
            "Chuyển sang dạng NFC (Unicode dựng sẵn): '{text}'.",
            text=fixed,
        )
    words = dict.fromkeys(
        unicodedata.normalize("NFC", word)
        for word in _WORD.findall(value)
        if any(unicodedata.combining(char) for char in word)
    )
    shown = ", ".join(f"'{word}'" for word in list(words)[:SHOWN_WORDS])
    more = len(words) - SHOWN_WORDS
    return t(
        "Convert it to NFC (procaudit fix does it); the words stored decomposed: {shown}{more}.",
        "Chuyển sang dạng NFC (Unicode dựng sẵn; lệnh procaudit fix làm việc này); các từ lưu ở "
        "dạng tách rời: {shown}{more}.",
        shown=shown,
        more=t(" and {n} more", " và {n} từ khác", n=more) if more > 0 else "",
    )


# A word: letters and their combining marks, without the digits and punctuation a scraped
# cell runs into it ("điều.66/2021/NĐ-CP").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")
