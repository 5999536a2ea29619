"""What a row's status says: whether its procedure is out of force ("bãi bỏ", "hết hiệu lực",
"abolished").

Statuses are read by their comparison keys (spacing, case and Unicode form do not matter),
once per distinct status. The rules (`RuleContext.abolished`) and the diff (a procedure the
new version abolishes is removed) both ask here.
"""

from __future__ import annotations

import re

import pandas as pd

from procaudit.catalogue.text_columns import comparison_keys, elementwise, transform_factorized
from procaudit.vn.text import fold

# Status words that take a procedure out of force ("bãi bỏ", "hết hiệu lực", "abolished").
OUT_OF_FORCE = r"bãi bỏ|bị bãi bỏ|hết hiệu lực|không còn hiệu lực|abolished|repealed"


# A cell that is a status and nothing else ("Bãi bỏ", "Sửa đổi, bổ sung", "TTHC mới", "Còn
# hiệu lực", "Bãi bỏ theo Quyết định số 12/QĐ-UBND"): what tells a notes column of statuses.
_STATUS_CELL = re.compile(
    r"^(?:(?:tthc|thủ tục(?: hành chính)?)\s+)?(?:(?:bị|đã|được)\s+)?"
    r"(?:bãi bỏ|hủy bỏ|huỷ bỏ|sửa đổi(?:,?\s*bổ sung)?|bổ sung|thay thế|ban hành mới|mới ban hành"
    r"|công bố mới|mới|còn hiệu lực|hết hiệu lực|không còn hiệu lực|đang (?:có hiệu lực|áp dụng))"
    r"(?:\s+(?:theo|tại)\b.*)?\.?$"
)


def is_status(text: str) -> bool:
    """Whether a cell says a procedure's status and nothing else."""
    return _STATUS_CELL.match(fold(text)) is not None


@elementwise
def out_of_force(statuses: pd.Series) -> pd.Series:
    """Whether each status takes its procedure out of force; False where it is missing."""
    keys = comparison_keys(statuses)
    return keys.str.contains(OUT_OF_FORCE, regex=True).fillna(False).astype(bool)


def abolished_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows of a canonical table whose status (their own, or their section's, which the
    reader passes down) says they are out of force; none where the table has no status."""
    if "status" not in frame:
        return pd.Series(False, index=frame.index)
    return transform_factorized(pd.factorize(frame["status"]), out_of_force, frame.index)
