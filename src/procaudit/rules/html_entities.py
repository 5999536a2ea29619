"""HTML character references left in text cells by a web system's export ("&#40;" for "(")."""

from __future__ import annotations

import html
import re
from functools import partial

import pandas as pd

from procaudit.catalogue.cell_patterns import HTML_REFERENCE, INVISIBLE_CLASS, ZERO_WIDTH
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import RuleContext
from procaudit.rules.registry import frame_rule
from procaudit.rules.repairs import HTML_ENTITY, repairs
from procaudit.rules.text_cells import (
    SurveyedColumn,
    one_text,
    prefetch_survey,
    survey_hits,
)

# A bare "&" between words ("Sở TT&TT") is text, and so is an unknown name: only a reference
# that `html.unescape` turns into something is reported.
_REFERENCE = re.compile(HTML_REFERENCE)


def _decoded(value: str) -> str | None:
    """The text with its references turned into characters as the repair writes them
    (`_written`), None where none is one; a reference standing for no character is left
    out of the text suggested."""
    found = [ref for ref in _REFERENCE.findall(value) if html.unescape(ref) != ref]
    if not found:
        return None
    return _REFERENCE.sub(_suggested, value)


def _suggested(match: re.Match[str]) -> str:
    """A reference in the text a finding suggests: its character as the repair writes it,
    nothing for a control character, the reference itself for an unknown name."""
    char = html.unescape(match.group())
    if char == match.group():
        return char
    return "" if _UNWRITABLE.search(char) else _written(char)


# A reference to an invisible character ("&#8203;", "&shy;", "&#xFEFF;") is written as
# nothing, and one to a space other than the plain one ("&nbsp;", "&thinsp;", "&#9;") as a
# plain space: decoded as it stands, the cell would trade codes a reader sees for characters
# no one sees (PA603, which removes them elsewhere, does not read prose), and "\u200bKhông"
# no longer equals "Không".
_INVISIBLE = re.compile(f"[{ZERO_WIDTH}]")
_OTHER_SPACE = re.compile(f"[{INVISIBLE_CLASS.replace(ZERO_WIDTH, '')}]")


def _written(char: str) -> str:
    """What the repair writes for the character a reference stands for."""
    return _OTHER_SPACE.sub(" ", _INVISIBLE.sub("", char))


# A reference to a control character or to nothing ("&#0;") is no text to write.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
# Decoding "&amp;#40;" gives "&#40;": decoded again, up to a bound.
_DECODING_ROUNDS = 5


@repairs("PA604", safe=True, stage=HTML_ENTITY)
def repair_html_entities(text: str) -> str | None:
    """The cell with the references PA604 reports made characters (a non-breaking space a
    plain one, an invisible character nothing: `_written`), and nothing else: "Sở TT&TT"
    keeps its ampersand. None when there is none, when one stands for a control character,
    or when nothing but whitespace would be left (an empty cell is a person's to read)."""
    decoded = text
    for _ in range(_DECODING_ROUNDS):
        found = {ref: html.unescape(ref) for ref in _REFERENCE.findall(decoded)}
        found = {ref: char for ref, char in found.items() if char != ref}
        if not found:
            break
        if any(_UNWRITABLE.search(char) for char in found.values()):
            return None
        decoded = _REFERENCE.sub(partial(_character, found=found), decoded)
    return decoded if decoded != text and decoded.strip() else None


def _character(match: re.Match[str], found: dict[str, str]) -> str:
    """The character a reference stands for as written (`_written`), or the reference
    itself when it stands for none."""
    char = found.get(match.group())
    return match.group() if char is None else _written(char)


def _explain(value: str) -> tuple[str, str]:
    """The message and fix of a value `_decoded` decodes."""
    decoded = _decoded(value)
    references = ", ".join(
        dict.fromkeys(ref for ref in _REFERENCE.findall(value) if html.unescape(ref) != ref)
    )
    return (
        t(
            "The cell holds HTML character references ({references}) instead of the characters: "
            "citizens see the codes, and searches miss the text.",
            "Ô chứa mã ký tự HTML ({references}) thay cho chính các ký tự: người dân nhìn thấy mã, "
            "và tìm kiếm không thấy nội dung.",
            references=references,
        ),
        t("Write it as '{text}'.", "Sửa thành '{text}'.", text=decoded),
    )


def _references(survey: SurveyedColumn) -> list[int]:
    return [n for n in survey.where(HTML_REFERENCE) if _decoded(survey.value(n)) is not None]


def _explained(survey: SurveyedColumn, number: int) -> tuple[str, str]:
    return _explain(survey.value(number))


@frame_rule(
    "PA604",
    "html-entity",
    Severity.WARNING,
    columns=("name",),
    prefetch=prefetch_survey,
    finds=(
        "HTML character references a web system exported for characters (`&#40;`, `&amp;`); "
        '"Sở TT&TT" is text'
    ),
    row_local=True,
    describe_text=one_text(_references, _explained),
)
def html_entity(ctx: RuleContext) -> pd.DataFrame:
    """A text cell holding HTML character references (`&#40;`, `&amp;`) instead of characters.

    Web-based one-stop systems store text escaped for HTML and export it as it is stored: a
    name reads `thẻ bảo hiểm y tế &#40;Thực hiện …&#41;` where the decision says "(Thực hiện
    …)". Citizens see the codes on the portal, and a search for the name misses it. Every
    text column is read; an ampersand in an abbreviation ("Sở TT&TT") is text, not a
    reference.

    **Bad**
    ```
    Cấp lại thẻ bảo hiểm y tế &#40;do mất, hỏng&#41;
    Sở Tài nguyên &amp; Môi trường
    ```

    **Good**
    ```
    Cấp lại thẻ bảo hiểm y tế (do mất, hỏng)
    ```

    **Fix**: write the characters the references stand for; procaudit gives the text.

    [vi]
    Ô văn bản chứa mã ký tự HTML (`&#40;`, `&amp;`) thay cho chính các ký tự.

    Các hệ thống một cửa chạy trên web lưu văn bản ở dạng mã hóa HTML và xuất ra nguyên dạng đó:
    tên thủ tục thành `thẻ bảo hiểm y tế &#40;Thực hiện …&#41;` trong khi quyết định ghi "(Thực
    hiện …)". Người dân nhìn thấy mã trên cổng dịch vụ công, và tìm theo tên thì không thấy. Mọi
    cột văn bản đều được đọc; dấu "&" trong chữ viết tắt ("Sở TT&TT") là văn bản, không phải mã.

    **Sai**
    ```
    Cấp lại thẻ bảo hiểm y tế &#40;do mất, hỏng&#41;
    Sở Tài nguyên &amp; Môi trường
    ```

    **Đúng**
    ```
    Cấp lại thẻ bảo hiểm y tế (do mất, hỏng)
    ```

    **Cách sửa**: ghi các ký tự mà mã đại diện; procaudit đưa ra văn bản đúng.
    """
    # The text cells' survey finds the values with a reference in its one scan of each
    # column; Python decodes only those.
    return survey_hits(ctx, _references, _explained)
