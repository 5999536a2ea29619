"""HTML character references left in text cells by a web system's export ("&#40;" for "(")."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from procaudit.columns import CANONICAL
from procaudit.i18n import t
from procaudit.model import Severity
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule
from procaudit.text_columns import matches

# Numeric references ("&#40;", "&#x28;") and the named ones an export writes for text
# ("&amp;", "&quot;", "&nbsp;" …). A bare "&" between words ("Sở TT&TT") is text, and so is
# an unknown name: only a reference that `html.unescape` turns into something is reported.
_REFERENCE_RE2 = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});"
_REFERENCE = re.compile(_REFERENCE_RE2)


def _decoded(value: str) -> str | None:
    """The text with its references turned into characters, None where none is one."""
    found = [ref for ref in _REFERENCE.findall(value) if html.unescape(ref) != ref]
    if not found:
        return None
    return html.unescape(value).replace("\xa0", " ")


def _explain(value: str) -> tuple[str, str] | None:
    decoded = _decoded(value)
    if decoded is None:
        return None
    references = ", ".join(dict.fromkeys(
        ref for ref in _REFERENCE.findall(value) if html.unescape(ref) != ref
    ))
    return (
        t("The cell holds HTML character references ({references}) instead of the characters: "
          "citizens see the codes, and searches miss the text.",
          "Ô chứa mã ký tự HTML ({references}) thay cho chính các ký tự: người dân nhìn thấy mã, "
          "và tìm kiếm không thấy nội dung.", references=references),
        t("Write it as '{text}'.", "Sửa thành '{text}'.", text=decoded),
    )


@frame_rule("PA604", "html-entity", Severity.WARNING, columns=("name",))
def html_entity(ctx: RuleContext) -> pd.DataFrame:
    """A text cell holding HTML character references ("&#40;", "&amp;") instead of characters.

    Web-based one-stop systems store text escaped for HTML and export it as it is stored: a
    name reads "thẻ bảo hiểm y tế &#40;Thực hiện …&#41;" where the decision says "(Thực hiện
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
    Ô văn bản chứa mã ký tự HTML ("&#40;", "&amp;") thay cho chính các ký tự.

    Các hệ thống một cửa chạy trên web lưu văn bản ở dạng mã hóa HTML và xuất ra nguyên dạng đó:
    tên thủ tục thành "thẻ bảo hiểm y tế &#40;Thực hiện …&#41;" trong khi quyết định ghi "(Thực
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
    frame = ctx.frame
    parts = []
    for column in CANONICAL:
        if column not in frame or not pd.api.types.is_string_dtype(frame[column]):
            continue
        # One RE2 pass over the column; Python explains only the few values it flags.
        flagged = matches(ctx.texts(column), _REFERENCE_RE2).to_numpy(zero_copy_only=False)
        if flagged.any():
            parts.append(_column_hits(frame, column, flagged))
    return pd.concat(parts) if parts else no_hits()


def _column_hits(frame: pd.DataFrame, column: str, flagged: np.ndarray) -> pd.DataFrame:
    """Hits for the flagged cells of one column whose references decode, explained once per
    distinct value."""
    values = frame[column][flagged]
    explained = {value: _explain(value) for value in values.unique()}
    explained = {value: why for value, why in explained.items() if why is not None}
    values = values[values.isin(list(explained))]
    mask = pd.Series(frame.index.isin(values.index), index=frame.index)
    messages = values.map({value: why[0] for value, why in explained.items()})
    fixes = values.map({value: why[1] for value, why in explained.items()})
    return hits(frame, mask, column, messages, fixes)
