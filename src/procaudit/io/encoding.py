"""Decode a text file the way Vietnamese offices save them: UTF-8 (with or without BOM),
UTF-16 with a BOM, or Windows-1258 (tones stored as combining marks, brought to NFC).

A UTF-8 file opened as the Windows code page (1252, or 1258 on Vietnamese Windows) and saved
again as UTF-8 holds every letter twice encoded ("Thá»§ tá»¥c" for "Thủ tục"): no header is
found in it, and the list was refused. Such text is read as the letters it was written with
when the whole of it goes back to UTF-8 bytes through the code page (`TWICE_ENCODED`)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable

from procaudit.core.errors import InputError
from procaudit.core.i18n import t

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# The encoding of a file that is UTF-8 read once as a Windows code page and saved as UTF-8.
TWICE_ENCODED = "utf-8 (encoded twice, through a Windows code page)"
# A Vietnamese letter with a tone (U+1EA0-U+1EFF) is E1 BA xx or E1 BB xx in UTF-8, which
# Windows-1252 and -1258 both show as "áº" or "á»": text twice encoded holds them, and
# natural text never.
_TWICE_MARKS = ("\u00e1\u00ba", "\u00e1\u00bb")
_CODE_PAGES = ("cp1252", "cp1258")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters of the upper half of Windows-1258 that Vietnamese text uses: letters, the five
# combining tone marks, and the typographic punctuation Word and Excel put in.
_VIETNAMESE_1258 = set(
    "ÀÁÂĂÈÉÊÌÍÒÓÔƠÙÚƯÝàáâăèéêìíòóôơùúưýĐđ\u0300\u0301\u0303\u0309\u0323–—‘’“”…•€°±×÷§©®«»·\u00a0"
)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text and the name of the encoding it was in."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    path,
                    t(
                        "starts with a {encoding} mark but is not {encoding} text (byte {byte})",
                        "bắt đầu bằng dấu nhận biết {encoding} nhưng không "
                        "phải văn bản {encoding} (byte {byte})",
                        encoding=encoding,
                        byte=exc.start,
                    ),
                ) from exc
            once = encoded_once(text) if encoding == "utf-8-sig" else None
            return (text, encoding) if once is None else (once, TWICE_ENCODED)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        once = encoded_once(text)
        return (text, "utf-8") if once is None else (once, TWICE_ENCODED)
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_vietnamese(text):
        return unicodedata.normalize("NFC", text), "windows-1258"
    raise InputError(
        path,
        t(
            "is in an encoding procaudit does not recognise (it reads UTF-8, UTF-16 and "
            "Windows-1258); save it as 'CSV UTF-8' and run procaudit again",
            "dùng bảng mã mà procaudit không nhận ra (procaudit đọc được UTF-8, UTF-16 và "
            "Windows-1258); hãy lưu tệp dưới dạng 'CSV UTF-8' rồi chạy lại procaudit",
        ),
    )


def twice_encoded_note() -> str:
    return t(
        "the file is UTF-8 encoded twice (opened as a Windows code page and saved again): "
        "it is read as the letters it was written with, and `procaudit fix` writes them in UTF-8",
        "tệp là văn bản UTF-8 bị mã hóa hai lần (mở theo bảng mã Windows rồi lưu lại): "
        "procaudit đọc các chữ như khi được viết ra, và `procaudit fix` ghi lại chúng bằng UTF-8",
    )


# A question mark inside a word ("Tên th? t?c"): the letter a code page without Vietnamese
# could not hold, replaced when the file was saved. The letters are lost for good.
_LOST_LETTER = re.compile(r"\w\?\w")


def lost_letters(labels: Iterable[str]) -> str:
    """A sentence to add to the message about a header not found, when its labels have lost
    their Vietnamese letters to question marks; "" otherwise."""
    if sum(bool(_LOST_LETTER.search(label)) for label in labels) < 2:
        return ""
    return t(
        "; its letters were replaced by '?' when it was saved in an encoding without "
        "Vietnamese (such as 'CSV (Comma delimited)' on a Windows set to another language): "
        "save the list again from its original as 'CSV UTF-8'",
        "; các chữ cái của tệp đã bị thay bằng '?' khi lưu theo bảng mã không có tiếng Việt "
        "(như 'CSV (Comma delimited)' trên Windows đặt ngôn ngữ khác): hãy lưu lại danh mục "
        "từ bản gốc dưới dạng 'CSV UTF-8'",
    )


def looks_twice_encoded(text: str) -> bool:
    """Whether `text` may be UTF-8 twice encoded (a cheap test, before `encoded_once`)."""
    return any(mark in text for mark in _TWICE_MARKS)


def encoded_once(text: str) -> str | None:
    """`text` as it was before it was read as a Windows code page and encoded as UTF-8 again,
    or None when it is no such text: every character of it must go back to a byte of the
    code page and the bytes must be UTF-8, so text with a letter the code page lacks ("ư",
    "ạ") is left as it is."""
    if not looks_twice_encoded(text):
        return None
    for code_page in _CODE_PAGES:
        try:
            return text.encode(code_page, errors=_C1_ERRORS).decode("utf-8")
        except UnicodeError:
            continue
    return None


def _c1_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """The bytes a code page leaves undefined (81, 8D, 8F, 90, 9D in Windows-1252), which
    Windows reads as the C1 controls U+0081..., back to those bytes."""
    if isinstance(error, UnicodeEncodeError):
        chunk = error.object[error.start : error.end]
        if all(0x80 <= ord(ch) <= 0x9F for ch in chunk):
            return bytes(map(ord, chunk)), error.end
    raise error


_C1_ERRORS = "procaudit.c1-bytes"
codecs.register_error(_C1_ERRORS, _c1_bytes)


def _looks_vietnamese(text: str) -> bool:
    """Most characters beyond ASCII are ones Vietnamese text in Windows-1258 would hold."""
    high = [ch for ch in text if ord(ch) > 0x7F]
    if not high:
        return True
    foreign = sum(ch not in _VIETNAMESE_1258 for ch in high)
    return foreign <= 0.05 * len(high)
