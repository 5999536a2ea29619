"""Application forms (mẫu đơn, tờ khai)."""

from __future__ import annotations

import re

import pandas as pd

from procaudit.model import Severity
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits
from procaudit.rules.registry import frame_rule
from procaudit.text import map_distinct

# Cells that only hold a placeholder mean nobody filled them in.
_PLACEHOLDERS = re.compile(r"[\s\-–—_.…/]*")


@frame_rule("PA301", "missing-form", Severity.ERROR, columns=("forms",))
def missing_form(ctx: RuleContext) -> pd.DataFrame:
    """A procedure whose forms cell is empty.

    Citizens cannot apply without the form, and the reform targets an electronic form for
    every procedure. An empty cell (or only a dash) means nobody said which form applies. An
    explicit "Không" or "Không có" says no form is needed and is fine.

    **Bad**
    ```
    Tên thủ tục        | Mẫu đơn, tờ khai
    Đăng ký khai sinh  |
    ```

    **Good**
    ```
    Tên thủ tục        | Mẫu đơn, tờ khai
    Đăng ký khai sinh  | Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1)
    Cấp bản sao        | Không
    ```

    **Fix**: name the form the applicant fills in, or write "Không" if none is required.
    """
    frame = ctx.frame
    forms = frame["forms"]
    placeholder = map_distinct(forms, _PLACEHOLDERS.fullmatch, dtype="object").notna()
    empty = forms.isna() | (placeholder & forms.notna())
    return hits(
        frame,
        empty,
        "forms",
        "The procedure lists no application form.",
        "Name the form (tờ khai, mẫu đơn) the applicant fills in, or write 'Không' if none is "
        "required.",
    )
