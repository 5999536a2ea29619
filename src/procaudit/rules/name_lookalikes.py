"""PA606: letters of another alphabet inside a procedure's name ("Cấp giấy phép хây dựng"
with a Cyrillic х), and their repair."""

from __future__ import annotations

import pandas as pd

from procaudit.catalogue.cell_patterns import LOOKALIKE_LETTER
from procaudit.catalogue.columns import CANONICAL
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import RuleContext
from procaudit.rules.registry import frame_rule
from procaudit.rules.repairs import COLUMN, repairs
from procaudit.rules.text_cells import (
    SurveyedColumn,
    one_text,
    prefetch_survey,
    survey_hits,
)
from procaudit.vn.legacy_fonts import detect_legacy
from procaudit.vn.lookalikes import NAME_LOOKALIKES, mixed_words, repair_mixed_words

_NOT_NAMES = tuple(column for column in CANONICAL if column != "name")


def _mixed(survey: SurveyedColumn) -> list[int]:
    """The values with a word mixing a look-alike letter with Latin ones; not a legacy
    font's text (PA601's, whose conversion rewrites its letters: TCVN3 writes "ð")."""
    return [
        n
        for n in survey.where(LOOKALIKE_LETTER)
        if n not in survey.legacy and mixed_words(survey.value(n))
    ]


def _explained(survey: SurveyedColumn, number: int) -> tuple[str, str]:
    value = survey.value(number)
    words = mixed_words(value)
    chars = dict.fromkeys("".join(word for word, _ in words))
    letters = [NAME_LOOKALIKES[char] for char in chars if char in NAME_LOOKALIKES]
    return (
        t(
            "The name writes {words} with {letters}: a word that looks right but is not the "
            "same text, so searches and duplicate checks miss the procedure.",
            "Tên thủ tục ghi {words} bằng {letters_vi}: chữ trông đúng nhưng không phải cùng "
            "một văn bản, nên việc tìm kiếm và kiểm tra trùng lặp bỏ sót thủ tục.",
            words=", ".join(f"'{word}'" for word, _ in words),
            letters=", ".join(letter.name for letter in letters),
            letters_vi=", ".join(letter.name_vi for letter in letters),
        ),
        t(
            "Retype it in Latin letters: '{text}' (procaudit fix does it).",
            "Gõ lại bằng chữ Latinh: '{text}' (lệnh procaudit fix làm việc này).",
            text=repair_mixed_words(value) or value,
        ),
    )


@frame_rule(
    "PA606",
    "lookalike-letters",
    Severity.WARNING,
    columns=("name",),
    prefetch=prefetch_survey,
    finds=(
        'a Cyrillic or Greek letter inside a name\'s word ("Cấp giấy phép хây dựng", a '
        "Cyrillic х), or the letter Eth for Đ; the fix gives the name in Latin letters; not a "
        'word wholly in another alphabet ("tia α")'
    ),
    row_local=True,
    describe_text=one_text(_mixed, _explained),
)
def lookalike_letters(ctx: RuleContext) -> pd.DataFrame:
    """A procedure's name with a letter of another alphabet inside a word.

    A name copied from a document typed with a Russian or Greek keyboard layout on, or from
    a PDF, may write a letter in Cyrillic or Greek where Vietnamese has the Latin one that
    looks the same: "хây" with the Cyrillic х, "Сấp" with the Cyrillic С, "Ðăng" with the
    letter Eth. The eye cannot tell, but the name is another text: a search for "xây dựng"
    misses it, and so do the duplicate checks (PA201-PA204). A word mixing the alphabets is
    reported; a word wholly in another alphabet (a foreign name, "tia α") is left alone.

    **Bad**
    ```
    Cấp giấy phép хây dựng       (Cyrillic х)
    Сấp phép lái xe              (Cyrillic С)
    ```

    **Good**
    ```
    Cấp giấy phép xây dựng
    ```

    **Fix**: retype the word in Latin letters; procaudit gives the name, and `procaudit fix`
    writes it.

    [vi]
    Tên thủ tục có chữ cái của bảng chữ cái khác nằm trong một từ.

    Tên được sao chép từ văn bản gõ bằng bàn phím tiếng Nga hoặc Hy Lạp, hoặc từ tệp PDF, có
    thể ghi một chữ bằng chữ Kirin hoặc Hy Lạp thay cho chữ Latinh trông giống hệt: "хây" với
    chữ х Kirin, "Сấp" với chữ С Kirin, "Ðăng" với chữ Eth. Mắt không phân biệt được, nhưng tên
    là một văn bản khác: tìm "xây dựng" không thấy, và các kiểm tra trùng lặp (PA201-PA204)
    cũng bỏ sót. Từ trộn lẫn hai bảng chữ cái bị báo; từ viết hoàn toàn bằng bảng chữ cái khác
    (tên nước ngoài, "tia α") thì không.

    **Sai**
    ```
    Cấp giấy phép хây dựng       (chữ х Kirin)
    Сấp phép lái xe              (chữ С Kirin)
    ```

    **Đúng**
    ```
    Cấp giấy phép xây dựng
    ```

    **Cách sửa**: gõ lại từ đó bằng chữ Latinh; procaudit đưa ra tên đúng, và lệnh
    `procaudit fix` ghi tên đó.
    """
    return survey_hits(ctx, _mixed, _explained, skip=_NOT_NAMES)


@repairs("PA606", safe=True, stage=COLUMN, columns=("name",))
def repair_lookalike_letters(text: str) -> str | None:
    """The name with each word mixing alphabets written in Latin letters ("хây" -> "xây"),
    NFC; None where none does. Safe: the letters replaced look the same, and a word wholly
    in another alphabet is kept. Not a legacy font's text, which PA601's repair converts
    (or leaves to a person)."""
    return None if detect_legacy(text) is not None else repair_mixed_words(text)
