"""Decode a text file the way Vietnamese offices save them: UTF-8 (with or without BOM),
UTF-16 with a BOM, or Windows-1258 (tones stored as combining marks, brought to NFC)."""

from __future__ import annotations

import codecs
import unicodedata

from procaudit.core.errors import InputError
from procaudit.core.i18n import t

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
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
                return data.decode(encoding), encoding
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
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
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


def _looks_vietnamese(text: str) -> bool:
    """Most characters beyond ASCII are ones Vietnamese text in Windows-1258 would hold."""
    high = [ch for ch in text if ord(ch) > 0x7F]
    if not high:
        return True
    foreign = sum(ch not in _VIETNAMESE_1258 for ch in high)
    return foreign <= 0.05 * len(high)
