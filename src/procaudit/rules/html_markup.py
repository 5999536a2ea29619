"""HTML markup left in text cells by a web system's export ("Đăng ký khai sinh<br/>")."""

from __future__ import annotations

import re

import pandas as pd

from procaudit.catalogue.cell_patterns import HTML_MARKUP
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

_TAG = re.compile(HTML_MARKUP)
_NAME = re.compile(r"<\s*/?\s*([A-Za-z0-9]+)")
# Tags that part lines or blocks: the text on either side of them is two words, not one.
_PARTING = frozenset(
    {"br", "p", "div", "li", "ul", "ol", "table", "tbody", "thead", "tr", "td", "th", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "center"}
)
_SPACES = re.compile(r"[ \t]{2,}")
_SHOWN_TAGS = 3  # tags named in a message


def _tag_name(tag: str) -> str:
    found = _NAME.match(tag)
    return found.group(1).lower() if found else ""


def without_markup(text: str) -> str | None:
    """The text with its HTML tags taken out (a tag parting lines or blocks made a space),
    None where it holds none."""
    if _TAG.search(text) is None:
        return None
    bare = _TAG.sub(lambda tag: " " if _tag_name(tag.group()) in _PARTING else "", text)
    return _SPACES.sub(" ", bare).strip()


# Taking the tags out loses what they carried (a link's address, a superscript's place, an
# image): a person reviews the text (`--unsafe-fixes`).
@repairs("PA605", safe=False, stage=HTML_ENTITY)
def repair_html_markup(text: str) -> str | None:
    """The cell without its HTML tags; None when it holds none, or nothing but tags."""
    bare = without_markup(text)
    return bare or None


def _explain(value: str) -> tuple[str, str]:
    tags = list(dict.fromkeys(tag.group() for tag in _TAG.finditer(value)))
    shown = ", ".join(tags[:_SHOWN_TAGS]) + (", …" if len(tags) > _SHOWN_TAGS else "")
    message = t(
        "The cell holds HTML markup ({tags}) that a web system exported with the text: "
        "citizens see the tags, and searches miss the text.",
        "Ô chứa thẻ định dạng HTML ({tags}) mà hệ thống trên web xuất kèm nội dung: người dân "
        "nhìn thấy các thẻ, và tìm kiếm không thấy nội dung.",
        tags=shown,
    )
    bare = without_markup(value)
    if not bare:
        return message, t(
            "Remove the markup: the cell holds no text.", "Xóa các thẻ: ô không có nội dung."
        )
    return message, t("Write it as '{text}'.", "Sửa thành '{text}'.", text=bare)


def _tagged(survey: SurveyedColumn) -> list[int]:
    return survey.where(HTML_MARKUP)


def _explained(survey: SurveyedColumn, number: int) -> tuple[str, str]:
    return _explain(survey.value(number))


@frame_rule(
    "PA605",
    "html-markup",
    Severity.WARNING,
    columns=("name",),
    prefetch=prefetch_survey,
    finds=(
        "HTML tags a web system exported with the text (`<br/>`, `<p>`, `<a href=…>`); "
        '"<tên cơ quan>" is text'
    ),
    row_local=True,
    describe_text=one_text(_tagged, _explained),
)
def html_markup(ctx: RuleContext) -> pd.DataFrame:
    """A text cell holding HTML markup (`<br/>`, `<p>`, `<strong>`, `<a href=…>`).

    Web-based one-stop systems keep a procedure's texts as their editor wrote them, tags and
    all, and some exports write the tags out: a name reads `Đăng ký khai sinh<br/>`, a forms
    cell `<a href="…">Mẫu số 01</a>`. Citizens see the tags on the portal, and a search for
    the text misses it. Every text column is read. Only the tags of text formatting count,
    by their names: a placeholder in angle brackets ("<tên cơ quan>", "<18 tuổi>") is text.

    **Bad**
    ```
    Đăng ký khai sinh<br/>
    <p>Đăng ký kết hôn</p>
    <a href="https://…/mau-01.docx">Mẫu số 01</a>
    ```

    **Good**
    ```
    Đăng ký khai sinh
    Mẫu số 01
    ```

    **Fix**: write the text without its tags; procaudit gives it. `fix --unsafe-fixes` takes
    the tags out: what a tag carried (a link's address, a superscript) is lost, so a person
    reviews it.

    [vi]
    Ô văn bản chứa thẻ định dạng HTML (`<br/>`, `<p>`, `<strong>`, `<a href=…>`).

    Các hệ thống một cửa chạy trên web lưu nội dung thủ tục đúng như trình soạn thảo đã viết,
    kèm các thẻ, và có tệp xuất ghi cả các thẻ đó: tên thủ tục thành `Đăng ký khai sinh<br/>`,
    ô mẫu đơn thành `<a href="…">Mẫu số 01</a>`. Người dân nhìn thấy các thẻ trên cổng dịch vụ
    công, và tìm theo nội dung thì không thấy. Mọi cột văn bản đều được đọc. Chỉ các thẻ định
    dạng văn bản, theo tên thẻ, bị báo: chỗ giữ chỗ trong ngoặc nhọn ("<tên cơ quan>", "<18
    tuổi>") là văn bản.

    **Sai**
    ```
    Đăng ký khai sinh<br/>
    <p>Đăng ký kết hôn</p>
    <a href="https://…/mau-01.docx">Mẫu số 01</a>
    ```

    **Đúng**
    ```
    Đăng ký khai sinh
    Mẫu số 01
    ```

    **Cách sửa**: ghi nội dung không kèm thẻ; procaudit đưa ra nội dung đó. `fix
    --unsafe-fixes` bỏ các thẻ: điều thẻ mang theo (địa chỉ liên kết, chỉ số trên) bị mất,
    nên cần người kiểm tra lại.
    """
    # The text cells' survey finds the values with a tag in its one scan of each column;
    # Python reads only those.
    return survey_hits(ctx, _tagged, _explained)
