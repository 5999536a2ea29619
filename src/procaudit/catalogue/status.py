"""What a row's status says: whether its procedure is out of force ("bãi bỏ", "hết hiệu
lực", "đã được thay thế bởi …"), suspended or closed ("tạm dừng", "ngừng áp dụng", a one-stop
system's "Đóng"), newly published ("ban hành mới", "thay thế TTHC số …"), or none of these
(in force, amended, "thay thế" alone ...).

A status is read as a whole, by what it begins with, not by a word found somewhere in it:
"Không bãi bỏ" (not abolished), "Đề nghị bãi bỏ" / "Dự kiến bãi bỏ" (only proposed) and
"Sửa đổi (bãi bỏ thành phần hồ sơ)" (amended: one document dropped) leave the procedure in
force, and so does "Bãi bỏ một phần" (partly abolished: the procedure stays). Fillers before
the status word ("TTHC", "thủ tục này", "đã", "bị") and words after it ("Bãi bỏ theo Quyết
định số 12/QĐ-UBND", "Hết hiệu lực từ 01/7/2025") do not change it.

A replacement is read by what its words say of the row's own procedure: "thay thế bởi /
bằng …" (replaced by another) puts it out of force, "Thay thế TTHC số …" (replacing the one
it names, a new procedure: DOMAIN.md, "newly published procedures may have no code yet")
newly published. "Thay thế", "TTHC thay thế" or "Được thay thế" alone names the part of a
decision's annex that replaces procedures (DOMAIN.md: a status is the annex's section),
whose rows may be either side of it: nothing settles which, and the procedure is judged as
in force, as an amended one is.

Out of force and suspended differ on purpose. An abolished procedure no longer exists: the
list in force should not hold it (PA404), and no rule judges it. A suspended or closed one
still exists and may be opened again (a one-stop system's configuration holds its closed
procedures by design): it is no error to list it, and the rules that ask a procedure in
force for its form, decision and code leave it alone, while what its cells say (its agency,
its level, its name) is still checked.

Statuses are read by their comparison keys (spacing, case, Unicode form and tone placement
do not matter), once per distinct status. The rules (`RuleContext.abolished`,
`RuleContext.not_in_force`, `RuleContext.newly_published`) and the diff (a procedure the new
version abolishes is removed) all ask here.
"""

from __future__ import annotations

import re

import pandas as pd

from procaudit.catalogue.text_columns import comparison_keys, elementwise, transform_factorized
from procaudit.vn.text import fold

# What a status says (`status_kinds`); None: none of these (in force, amended, replaced).
ABOLISHED = "abolished"  # out of force: abolished, annulled, expired
SUSPENDED = "suspended"  # suspended, no longer applied, closed: still exists
NEW = "new"  # newly published

# Words before the status word that do not change it: "TTHC bãi bỏ", "Thủ tục này đã bị
# bãi bỏ", "Đã hết hiệu lực", "Được ban hành mới".
_LEAD = r"^(?:(?:tthc|thủ tục(?: hành chính)?)(?: này)?\s+)?(?:(?:đã|bị|được)\s+)*"
# A status word followed by these abolishes or stops only part of the procedure.
_PARTLY = (
    r"(?![\s(,:;–-]*(?:một phần|1 phần|một số|một vài|phần|thành phần|partly|partially"
    r"|in part)\b)"
)
# A short status word ("Hủy", "Mới") is the status only alone, or before a reference ("Mới
# (QĐ 12/QĐ-UBND)", "Hủy theo ..."): "Hủy đăng ký", "Mới sửa đổi" say something else.
_ALONE = r"(?:$|\s*[(,;:.–-]|\s+(?:theo|tại|từ|kể từ)\b)"
# What a replacing procedure's status names: the one it replaces ("Thay thế TTHC số …",
# "Thay thế cho thủ tục …", "Thay thế mã 1.001234"); not a document ("thành phần hồ sơ").
_NAMED = r"(?:(?:tthc|thủ tục)\b|(?:mã|số)(?: (?:tthc|hồ sơ))?:? ?\d|\d)"
_KINDS = (
    (
        ABOLISHED,
        re.compile(
            rf"{_LEAD}(?:(?:bãi bỏ|hủy bỏ|hết hiệu lực|không còn hiệu lực|abolished|repealed"
            rf"|revoked)\b{_PARTLY}|hủy{_ALONE}|(?:thay thế|replaced) (?:bởi|bằng|by)\b)"
        ),
    ),
    (
        SUSPENDED,
        re.compile(
            rf"{_LEAD}(?:(?:(?:tạm )?(?:dừng|ngừng|ngưng|đình chỉ)"
            rf"|không (?:còn )?(?:áp dụng|sử dụng|hoạt động|thực hiện))\b{_PARTLY}"
            r"|(?:đóng|khóa|suspended|closed|inactive|disabled)$)"
        ),
    ),
    (
        NEW,
        re.compile(
            rf"{_LEAD}(?:(?:ban hành mới|mới ban hành|công bố mới|mới công bố|bổ sung mới"
            rf"|thêm mới|mới|new){_ALONE}|thay thế (?:cho )?{_NAMED})"
        ),
    ),
)


def status_kind(key: str) -> str | None:
    """What one status says (its comparison key): `ABOLISHED`, `SUSPENDED`, `NEW` or None."""
    return next((kind for kind, pattern in _KINDS if pattern.match(key)), None)


# A cell that is a status and nothing else ("Bãi bỏ", "Sửa đổi, bổ sung", "TTHC mới", "Còn
# hiệu lực", "Giữ nguyên", "Bãi bỏ theo Quyết định số 12/QĐ-UBND"): what tells a notes
# column of statuses.
_STATUS_CELL = re.compile(
    r"^(?:(?:tthc|thủ tục(?: hành chính)?)\s+)?(?:(?:bị|đã|được)\s+)?"
    r"(?:bãi bỏ|hủy bỏ|huỷ bỏ|sửa đổi(?:,?\s*bổ sung)?|bổ sung|thay thế|ban hành mới|mới ban hành"
    r"|công bố mới|mới|còn hiệu lực|hết hiệu lực|không còn hiệu lực|đang (?:có hiệu lực|áp dụng)"
    r"|giữ nguyên|không thay đổi)"  # an annex's "kept as it is" beside amended, new, abolished
    r"(?:\s+(?:theo|tại)\b.*)?\.?$"
)


def is_status(text: str) -> bool:
    """Whether a cell says a procedure's status and nothing else."""
    return _STATUS_CELL.match(fold(text)) is not None


@elementwise
def status_kinds(statuses: pd.Series) -> pd.Series:
    """`status_kind` of each status, missing where it says none of them (or is missing)."""
    keys = comparison_keys(statuses)
    kinds = [None if key is None or pd.isna(key) else status_kind(key) for key in keys]
    return pd.Series(kinds, index=statuses.index, dtype="object")


def row_status_kinds(frame: pd.DataFrame) -> pd.Series:
    """`status_kinds` of the rows of a canonical table (their own status, or their section's,
    which the reader passes down), read once per distinct status; all missing where the
    table has no status."""
    if "status" not in frame:
        return pd.Series(None, index=frame.index, dtype="object")
    return transform_factorized(pd.factorize(frame["status"]), status_kinds, frame.index)


def abolished_rows(frame: pd.DataFrame) -> pd.Series:
    """Rows of a canonical table whose status says they are out of force (abolished,
    expired); none where the table has no status."""
    return row_status_kinds(frame).eq(ABOLISHED).astype(bool)
