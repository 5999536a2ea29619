"""Online public services under the reform: the two levels of Decree 42/2022, "Toàn trình" and
"Một phần", in place of the old scale of four (PA503), and the target share of procedures
fully online (PA505, 80% unless configured otherwise).

`fully_online_rows` and the key it keeps its flags under (`FULLY_ONLINE`) are public: the
scorecard (`engine.row_flags`) counts with them too, and gives a table its part of a stack's.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import (
    arrow_text,
    comparison_keys,
    elementwise,
    transform_distinct,
)
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits, hits
from procaudit.rules.registry import file_rule, frame_rule
from procaudit.vn.text import comparison_key

# "Mức độ 3", "mức 4", "DVC mức độ 2", "Mức độ 4 (toàn trình)"
_OLD_ONLINE_LEVEL = re.compile(r"(?<!\w)mức(?:\s+độ)?\s*([1-4])(?!\d)")
_NEW_LEVEL_FOR = {"4": "Toàn trình", "3": "Một phần"}


def _old_online_level(value: str) -> str | None:
    match = _OLD_ONLINE_LEVEL.search(comparison_key(value))
    return match.group(1) if match else None


def _online_fix(degree: str) -> str:
    if degree in _NEW_LEVEL_FOR:
        return t(
            "Write '{new}' (Mức độ {degree} of the old scale), after checking that the "
            "service still works that way.",
            "Ghi '{new}' (tương ứng Mức độ {degree} theo thang cũ), sau khi kiểm tra dịch "
            "vụ vẫn được cung cấp như vậy.",
            new=_NEW_LEVEL_FOR[degree],
            degree=degree,
        )
    return t(
        "Mức độ {degree} was not an online service in the sense of Decree 42/2022: write "
        "'Một phần' if part of the procedure is done online, or leave the procedure out "
        "of the online services.",
        "Mức độ {degree} không phải là dịch vụ công trực tuyến theo Nghị định "
        "42/2022/NĐ-CP: ghi 'Một phần' nếu một phần thủ tục được thực hiện trực tuyến, "
        "hoặc không đưa thủ tục vào danh sách dịch vụ công trực tuyến.",
        degree=degree,
    )


@frame_rule(
    "PA503",
    "obsolete-online-level",
    Severity.WARNING,
    columns=("online_level",),
    finds=(
        '"Mức độ 3", "Mức độ 4": the scale Decree 42/2022 replaced with "Toàn trình" / "Một phần"'
    ),
    row_local=True,
)
def obsolete_online_level(ctx: RuleContext) -> pd.DataFrame:
    """An online-service level on the old scale ("Mức độ 3", "Mức độ 4").

    Decree 43/2011 graded online public services from level 1 to 4. Decree 42/2022 replaced
    the scale with two values: "Toàn trình" (fully online) and "Một phần" (partly online).
    A list still written on the old scale cannot be counted against the reform's targets.

    **Bad**
    ```
    Mức độ 4
    DVC mức độ 3
    ```

    **Good**
    ```
    Toàn trình
    Một phần
    ```

    **Fix**: write "Toàn trình" for what was level 4 and "Một phần" for level 3, after
    checking that the service still works that way.

    [vi]
    Mức độ dịch vụ công trực tuyến ghi theo thang cũ ("Mức độ 3", "Mức độ 4").

    Nghị định 43/2011/NĐ-CP chia dịch vụ công trực tuyến thành các mức độ từ 1 đến 4. Nghị định
    42/2022/NĐ-CP thay thang này bằng hai giá trị: "Toàn trình" và "Một phần". Danh mục còn ghi
    theo thang cũ thì không thể tính vào các chỉ tiêu cải cách.

    **Sai**
    ```
    Mức độ 4
    DVC mức độ 3
    ```

    **Đúng**
    ```
    Toàn trình
    Một phần
    ```

    **Cách sửa**: ghi "Toàn trình" cho thủ tục trước đây ở mức độ 4 và "Một phần" cho mức độ 3,
    sau khi kiểm tra dịch vụ vẫn được cung cấp như vậy.
    """
    frame = ctx.frame
    degrees = ctx.map_distinct("online_level", _old_online_level, dtype="object")
    mask = degrees.notna()
    old = frame.loc[mask, "online_level"]
    said = t(
        "'{value}' is a level of the scale Decree 42/2022 replaced; an online service is "
        "now 'Toàn trình' or 'Một phần'.",
        "'{value}' là mức độ theo thang cũ đã được Nghị định 42/2022/NĐ-CP thay thế; dịch "
        "vụ công trực tuyến nay chỉ có 'Toàn trình' hoặc 'Một phần'.",
    )
    fixes = {degree: _online_fix(degree) for degree in degrees[mask].unique()}
    return hits(
        frame,
        mask,
        "online_level",
        old.map(lambda v: said.format(value=v.strip())),
        degrees[mask].map(fixes),
    )


_FULLY_ONLINE = re.compile(
    r"toàn trình|(?<!\w)(?:fully|full)(?!\w)|end.to.end|(?<!\w)mức(?:\s+độ)?\s*4(?!\d)"
)
# The other values an online-level column holds: partly online, the old scale, none.
_OTHER_ONLINE = re.compile(
    r"một phần|(?<!\w)(?:partly|partial|partially|part)(?!\w)|(?<!\w)mức(?:\s+độ)?\s*[1-3](?!\d)"
    r"|^(?:không|chưa|no|none|-)$"
)
# PA505 counts a column whose filled values are mostly online levels: "Có" / "x" under
# "Dịch vụ công trực tuyến" say whether there is a service, not whether it is full.
_READ_SHARE = 0.8


@elementwise
def fully_online(levels: pd.Series) -> pd.Series:
    """Where an online level says "Toàn trình" (public: the scorecard counts with it)."""
    return comparison_keys(levels).str.contains(_FULLY_ONLINE).fillna(False).astype(bool)


def known_online_level(levels: pd.Series) -> pd.Series:
    """Where a value reads as an online level: fully or partly online, the old scale, none."""
    keys = comparison_keys(levels)
    known = keys.str.contains(_FULLY_ONLINE) | keys.str.contains(_OTHER_ONLINE)
    return known.fillna(False).astype(bool)


FULLY_ONLINE = "fully_online"  # the key of `fully_online_rows` in a table's shared work


def fully_online_rows(ctx: RuleContext) -> np.ndarray:
    """Which rows of a table with an online-level column are fully online (`fully_online`;
    an empty cell is not), once per table: PA505 and the scorecard both count them. In
    numpy: on a small list a Series spread back to the rows cost more than the match."""
    rows: np.ndarray = ctx.shared(FULLY_ONLINE, lambda: _fully_online_rows(ctx))
    return rows


def _fully_online_rows(ctx: RuleContext) -> np.ndarray:
    codes, uniques = ctx.distinct("online_level")
    flags: np.ndarray = transform_distinct(uniques, fully_online).to_numpy(dtype=bool)
    rows: np.ndarray = flags[codes]  # the code of a missing value is -1: the last, False
    return rows


# Online levels read before: a folder of communes' lists repeats the same few in every file.
_READ: dict[str, bool] = {}
_READ_KEPT = 256  # distinct values kept at most


def online_levels_read(ctx: RuleContext) -> tuple[int, int]:
    """How many cells of a table's online-level column are filled, and how many of them read
    as an online level, once per table (public: the scorecard counts a column it can read)."""
    read: tuple[int, int] = ctx.shared(
        "online levels read", lambda: _read_levels(ctx.frame["online_level"])
    )
    return read


def readable_online_levels(ctx: RuleContext) -> bool:
    """Whether most filled cells of a table's online-level column read as online levels."""
    filled, known = online_levels_read(ctx)
    return known >= _READ_SHARE * filled


def _read_levels(levels: pd.Series) -> tuple[int, int]:
    """How many cells of an online-level column are filled, and how many of them read as an
    online level (`known_online_level`), counted on its distinct values by Arrow."""
    counted = pc.value_counts(arrow_text(levels).drop_null())
    values = counted.field("values").to_pylist()
    counts = counted.field("counts").to_pylist()
    read = {value: _READ[value] for value in values if value in _READ}
    unseen = [value for value in values if value not in read]
    if unseen:
        found = dict(zip(unseen, known_online_level(pd.Series(unseen, dtype="str")), strict=True))
        read.update(found)
        if len(_READ) + len(found) <= _READ_KEPT:
            _READ.update(found)
    return sum(counts), sum(n for value, n in zip(values, counts, strict=True) if read[value])


@file_rule(
    "PA505",
    "online-coverage",
    Severity.WARNING,
    columns=("online_level",),
    finds='for the whole file, a share of "Toàn trình" procedures below the target (80%)',
)
def online_coverage(ctx: FileContext) -> pd.DataFrame:
    """Too few procedures of the catalogue are fully online ("Toàn trình").

    The reform asks for 80% of procedures to be fully online; in 2025 about 40% were. This
    file-level finding gives the catalogue's share, counted over the procedures in force of
    every table that has an online-level column (an empty cell counts as not fully online),
    against the target (80% unless configured otherwise).

    **Bad**
    ```
    12 of 40 procedures (30%) fully online, target 80%
    ```

    **Good**
    ```
    34 of 40 procedures (85%) fully online
    ```

    **Fix**: bring more procedures fully online, starting with the most requested.

    [vi]
    Tỷ lệ thủ tục được cung cấp dịch vụ công trực tuyến toàn trình ("Toàn trình") quá thấp.

    Mục tiêu cải cách là 80% thủ tục được cung cấp dịch vụ công trực tuyến toàn trình; năm 2025
    mới đạt khoảng 40%. Phát hiện này gắn với cả tệp, nêu tỷ lệ của danh mục, tính trên các thủ
    tục đang có hiệu lực của mọi bảng có cột mức độ dịch vụ công trực tuyến (ô để trống được tính
    là chưa toàn trình), so với chỉ tiêu (80%, trừ khi cấu hình khác).

    **Sai**
    ```
    12/40 thủ tục (30%) toàn trình, chỉ tiêu 80%
    ```

    **Đúng**
    ```
    34/40 thủ tục (85%) toàn trình
    ```

    **Cách sửa**: đưa thêm thủ tục lên dịch vụ công trực tuyến toàn trình, ưu tiên các thủ tục có
    nhiều hồ sơ nhất.
    """
    total = online = filled = known = 0
    for _, rule_ctx in ctx.with_columns("online_level"):
        live = ~rule_ctx.abolished.to_numpy(dtype=bool)
        total += int(live.sum())
        online += int((fully_online_rows(rule_ctx) & live).sum())
        table_filled, table_known = online_levels_read(rule_ctx)
        filled, known = filled + table_filled, known + table_known
    target = ctx.options.online_target
    if total == 0 or online / total >= target or known < _READ_SHARE * filled:
        return file_hits([])
    needed = -(-round(target * total * 1000) // 1000) - online  # ceil without float dust
    return file_hits(
        [
            {
                "sheet": None,
                "row": None,
                "code": None,
                "column": "online_level",
                "value": None,
                "message": t(
                    "{online} of {total} procedures ({share:.0%}) are fully online (Toàn "
                    "trình); the target is {target:.0%}.",
                    "{online}/{total} thủ tục ({share:.0%}) được cung cấp dịch vụ công trực "
                    "tuyến toàn trình; chỉ tiêu là {target:.0%}.",
                    online=online,
                    total=total,
                    share=online / total,
                    target=target,
                ),
                "fix": t(
                    "Bring at least {needed} more procedures fully online (Toàn trình), or record "
                    "why they cannot be.",
                    "Đưa thêm ít nhất {needed} thủ tục lên dịch vụ công trực tuyến toàn trình, "
                    "hoặc ghi rõ lý do chưa thể thực hiện.",
                    needed=needed,
                ),
            }
        ]
    )
