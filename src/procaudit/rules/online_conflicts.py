"""A procedure given both online levels of Decree 42/2022 (PA506): "Toàn trình, Một phần" in
one cell, or marks under both sub-columns "Toàn trình | Một phần" (io/marks.py joins the
headings a row marks). A service is provided fully online or partly, not both: the list
cannot say which, and the share of procedures fully online (PA505) counts it as fully online.
A level glossed in brackets ("Một phần (toàn trình với trường hợp cấp lại)") is one level;
a cell giving each administrative level its own ("Cấp tỉnh: Toàn trình; Cấp xã: Một phần")
gives no procedure both.
"""

from __future__ import annotations

import pandas as pd

from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits
from procaudit.rules.registry import frame_rule
from procaudit.vn.online import both_levels


@frame_rule(
    "PA506",
    "conflicting-online-level",
    Severity.WARNING,
    columns=("online_level",),
    finds='a procedure given both "Toàn trình" and "Một phần"',
    row_local=True,
)
def conflicting_online_level(ctx: RuleContext) -> pd.DataFrame:
    """A procedure given both online levels ("Toàn trình" and "Một phần").

    Decree 42/2022 provides an online public service at one of two levels: fully online
    ("Toàn trình") or partly online ("Một phần"). A row that gives both, in one cell or by
    marking both sub-columns of a "Toàn trình | Một phần" heading, does not say which: the
    reform's count of procedures fully online (PA505) takes it as fully online. A level with
    a note in brackets ("Một phần (toàn trình với trường hợp cấp lại)") is not reported, nor
    a cell giving each administrative level its own ("Cấp tỉnh: Toàn trình; Cấp xã: Một
    phần").

    **Bad**
    ```
    Toàn trình, Một phần
    x | x   (under "Toàn trình | Một phần")
    ```

    **Good**
    ```
    Toàn trình
    ```

    **Fix**: keep the level at which the service is provided now.

    [vi]
    Thủ tục được ghi cả hai mức độ dịch vụ công trực tuyến ("Toàn trình" và "Một phần").

    Theo Nghị định 42/2022/NĐ-CP, dịch vụ công trực tuyến được cung cấp ở một trong hai mức:
    toàn trình hoặc một phần. Dòng ghi cả hai, trong một ô hoặc đánh dấu cả hai cột con
    "Toàn trình | Một phần", không cho biết mức nào: khi tính tỷ lệ thủ tục toàn trình
    (PA505) thủ tục được tính là toàn trình. Ô ghi một mức kèm chú thích trong ngoặc ("Một
    phần (toàn trình với trường hợp cấp lại)") không bị báo, ô ghi mức độ riêng cho từng cấp
    ("Cấp tỉnh: Toàn trình; Cấp xã: Một phần") cũng vậy.

    **Sai**
    ```
    Toàn trình, Một phần
    x | x   (dưới "Toàn trình | Một phần")
    ```

    **Đúng**
    ```
    Toàn trình
    ```

    **Cách sửa**: chỉ giữ mức độ mà dịch vụ đang được cung cấp.
    """
    frame = ctx.frame
    mask = ctx.map_distinct("online_level", both_levels, dtype="boolean").fillna(False)
    given = frame.loc[mask, "online_level"]
    said = {
        value: t(
            "'{value}' gives the procedure both online levels; a service is provided fully "
            "online (Toàn trình) or partly (Một phần), not both.",
            "'{value}' ghi cả hai mức độ cho thủ tục; dịch vụ công trực tuyến được cung cấp "
            "toàn trình hoặc một phần, không thể cả hai.",
            value=" ".join(value.split()),
        )
        for value in given.unique()
    }
    return hits(
        frame,
        mask,
        "online_level",
        given.map(said),
        t(
            "Keep the level at which the service is provided now.",
            "Chỉ giữ mức độ mà dịch vụ đang được cung cấp.",
        ),
    )
