"""One procedure listed in two tables of one file (PA205): a workbook kept as a sheet per
field or per level, two tables side by side on one sheet. A list going on over sheets under
one header (`Table.continues`) is one table: its copies are PA201's, found on its sheets
together (`engine.lists_over_sheets`).

PA201 compares the rows of one table, so a procedure copied to a second field's sheet is
counted twice and never reported. Here the tables of a file are compared with each other on
what PA201 compares within one: the code (after its mechanical repair), the name's
comparison key and the level the row's cell writes; rows whose status kinds differ (a table
of new procedures beside one of abolished ones) are different entries, and so are rows
naming different agencies (a sheet per unit: every district offers the procedure), as in
PA201. Two tables sharing most of their procedures are two views of one list (the list,
and each procedure's details on the next sheet), not copies; two tables whose titles or
sheets' names give different levels (a sheet per level) list each level's procedures, so a
procedure of both levels is on both. Only codes found in two tables
are looked at: a file of one table costs nothing.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pandas as pd

from procaudit.catalogue.columns import ROW
from procaudit.catalogue.status import status_kinds
from procaudit.catalogue.text_columns import map_distinct
from procaudit.catalogue.units import agency_key
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.io import Table
from procaudit.io.continued_sheets import continued_lists
from procaudit.io.sections import title_level
from procaudit.rules.compared_codes import repaired_code_keys
from procaudit.rules.compared_levels import BY_AGENCY
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits
from procaudit.rules.registry import file_rule

_SHOWN = 3  # other rows named in a message
# Two tables sharing at least this share of the smaller one's procedures, and this many, are
# two views of one list: copies are a few rows.
_VIEW_SHARE, _VIEW_ROWS = 0.5, 3
_KEY = ["code", "name_key", "level", "status"]


def _entries(number: int, table: Table, ctx: RuleContext, codes: set[str]) -> pd.DataFrame:
    """The rows of one table whose code is in `codes`, with the keys they are compared on."""
    code = repaired_code_keys(ctx.code_keys)
    keep = code.isin(codes).to_numpy() & ctx.name_keys.notna().to_numpy()
    frame = table.frame[keep]
    levels = ctx.level_keys[keep].astype("str")
    # The rows looked at are the few whose code another table has: read row by row.
    status = status_kinds(frame["status"]) if "status" in frame else pd.Series("", frame.index)
    agency = (
        map_distinct(frame["agency"], agency_key)
        if "agency" in frame
        else pd.Series("", index=frame.index)
    )
    return pd.DataFrame(
        {
            "table": number,
            "code": code[keep],
            "name_key": ctx.name_keys[keep],
            # An entry is compared at the level its cell writes, not its agencies' (PA201).
            "level": levels.where(~levels.str.startswith(BY_AGENCY), ""),
            "status": status.fillna(""),
            "agency": agency.fillna(""),
            "sheet": table.sheet,
            "row": frame[ROW],
            "name": frame["name"],
        },
        index=frame.index,
    )


def _codes_in_two_tables(tables: list[tuple[Table, RuleContext]]) -> set[str]:
    seen: set[str] = set()
    again: set[str] = set()
    for _, ctx in tables:
        codes = set(repaired_code_keys(ctx.code_keys).dropna().tolist())
        again |= seen & codes
        seen |= codes
    return again


def _told_apart(group: pd.DataFrame) -> list[pd.DataFrame]:
    """A group's entries: one, or one per agency where its rows name several (a row naming
    none is compared with the rest where they name one, else with the rows naming none)."""
    named = group["agency"][group["agency"] != ""].unique()
    if len(named) <= 1:
        return [group]
    return [part for _, part in group.groupby("agency", sort=False)]


def _where(other: pd.Series, sheet: str | None) -> str:
    if other["sheet"] is None:
        return t("row {row} of another table", "dòng {row} của bảng khác", row=other["row"])
    if other["sheet"] == sheet:
        return t(
            "row {row} of another table on this sheet",
            "dòng {row} của bảng khác trên trang tính này",
            row=other["row"],
        )
    return t(
        "sheet '{sheet}', row {row}",
        "trang tính '{sheet}', dòng {row}",
        sheet=other["sheet"],
        row=other["row"],
    )


def _views(entries: list[pd.DataFrame], sizes: list[int]) -> set[tuple[int, int]]:
    """The pairs of tables (numbers, the smaller first) that share most of their procedures."""
    shared: Counter[tuple[int, int]] = Counter()
    for entry in entries:
        shared.update(combinations(sorted(set(entry["table"].tolist())), 2))
    return {
        (a, b)
        for (a, b), count in shared.items()
        if count >= _VIEW_ROWS and count >= _VIEW_SHARE * min(sizes[a], sizes[b])
    }


def _listed_level(table: Table) -> str | None:
    """The one level a table's title, or else its sheet's name, says it lists."""
    title = table.account.title if table.account is not None else ()
    return title_level(title) or title_level([table.sheet or ""])


def _other_levels(tables: list[tuple[Table, RuleContext]]) -> set[tuple[int, int]]:
    """The pairs of tables (numbers, the smaller first) whose titles or sheets' names give
    different levels ("TTHC cấp tỉnh", "TTHC cấp xã")."""
    given = [_listed_level(table) for table, _ in tables]
    return {
        (a, b)
        for a, b in combinations(range(len(tables)), 2)
        if given[a] and given[b] and given[a] != given[b]
    }


def _one_list(tables: list[tuple[Table, RuleContext]]) -> set[tuple[int, int]]:
    """The pairs of tables (numbers, the smaller first) of one list going on over sheets
    (`continued_lists`): PA201 compares their rows together."""
    runs = continued_lists([table for table, _ in tables])
    return {pair for run in runs for pair in combinations(run, 2)}


def _message(row: pd.Series, others: pd.DataFrame) -> str:
    places = [_where(other, row["sheet"]) for _, other in others.head(_SHOWN).iterrows()]
    more = len(others) - len(places)
    listed = "; ".join(places)
    if more:
        listed += t(" and {count} more", " và {count} dòng khác", count=more)
    return t(
        "The same procedure is also listed in another table of this file: {places}.",
        "Thủ tục này cũng được liệt kê ở bảng khác của tệp: {places}.",
        places=listed,
    )


@file_rule(
    "PA205",
    "duplicate-across-tables",
    Severity.ERROR,
    columns=("code", "name"),
    finds=(
        "the same code and name at the same level in two tables of one file (a sheet per "
        "field or per level, tables side by side); not under different agencies or statuses"
    ),
)
def duplicate_across_tables(ctx: FileContext) -> pd.DataFrame:
    """The same procedure listed in two tables of one file.

    A province's or ministry's workbook is often kept as a sheet per field or per level, or
    as two tables side by side on one sheet. A procedure copied into a second sheet is
    counted twice in every statistic built on the workbook, and the copies drift apart as
    one is amended and the other is not. Rows of different tables are compared as PA201
    compares rows of one: the same code (after its mechanical repair), the same name (after
    normalisation) and the same level. Rows naming different agencies are no copies (a sheet
    per unit lists what each unit does), nor are rows of different status (a table of new
    procedures beside one of abolished procedures), nor rows of tables whose titles or
    sheets' names give different levels (a procedure of the province and the communes is on
    both their sheets), nor two tables sharing most of their procedures (the list, and each
    procedure's details). Copies within one table are PA201's, and so are those within a
    list going on over sheets under one header.

    **Bad**
    ```
    sheet 'Hộ tịch' row 5 | 1.001193 | Đăng ký khai sinh | Cấp xã
    sheet 'Chứng thực' row 9 | 1.001193 | Đăng ký khai sinh | Cấp xã
    ```

    **Good**
    ```
    sheet 'Hộ tịch' row 5 | 1.001193 | Đăng ký khai sinh | Cấp xã
    ```

    **Fix**: keep the procedure in the table where it belongs and delete the other copy.

    [vi]
    Một thủ tục được liệt kê ở hai bảng của cùng một tệp.

    Sổ tính của tỉnh hoặc bộ thường được lập mỗi lĩnh vực hoặc mỗi cấp một trang tính, hoặc
    hai bảng đặt cạnh nhau trên một trang tính. Thủ tục bị chép sang trang tính thứ hai sẽ bị
    đếm hai lần trong mọi số liệu thống kê dựa trên sổ tính, và các bản sẽ khác dần nhau khi
    một bản được sửa đổi còn bản kia thì không. Các dòng ở hai bảng được so sánh như PA201 so
    sánh các dòng trong một bảng: cùng mã (sau khi sửa lỗi gõ máy móc), cùng tên (sau khi chuẩn
    hóa) và cùng cấp thực hiện. Các dòng ghi cơ quan khác nhau không phải là bản sao (mỗi đơn
    vị một trang tính liệt kê thủ tục của từng đơn vị), các dòng khác tình trạng cũng vậy (bảng
    thủ tục mới ban hành bên cạnh bảng thủ tục bị bãi bỏ), các dòng ở hai bảng có tiêu đề hoặc
    tên trang tính ghi hai cấp khác nhau (thủ tục của cả cấp tỉnh và cấp xã có mặt ở cả hai
    trang tính), và hai bảng có chung phần lớn thủ tục (danh mục và nội dung chi tiết của từng
    thủ tục). Bản sao trong cùng một bảng thuộc quy tắc PA201, bản sao trong một danh mục trải
    qua nhiều trang tính dưới cùng một dòng tiêu đề cũng vậy.

    **Sai**
    ```
    trang tính 'Hộ tịch' dòng 5 | 1.001193 | Đăng ký khai sinh | Cấp xã
    trang tính 'Chứng thực' dòng 9 | 1.001193 | Đăng ký khai sinh | Cấp xã
    ```

    **Đúng**
    ```
    trang tính 'Hộ tịch' dòng 5 | 1.001193 | Đăng ký khai sinh | Cấp xã
    ```

    **Cách sửa**: giữ thủ tục ở bảng phù hợp và xóa bản sao ở bảng còn lại.
    """
    tables = ctx.with_columns("code", "name")
    if len(tables) < 2:
        return file_hits([])
    codes = _codes_in_two_tables(tables)
    if not codes:
        return file_hits([])
    rows = pd.concat(
        [_entries(number, *pair, codes) for number, pair in enumerate(tables)],
        ignore_index=True,
    )
    spread = rows.groupby(_KEY, sort=False)["table"].transform("nunique")
    rows = rows[spread.to_numpy() > 1]
    fix = t(
        "Keep the procedure in the table where it belongs and delete the other copy.",
        "Giữ thủ tục ở bảng phù hợp và xóa bản sao ở bảng còn lại.",
    )
    entries = [
        entry
        for _, group in rows.groupby(_KEY, sort=False)
        for entry in _told_apart(group)
        if entry["table"].nunique() > 1
    ]
    sizes = [int((c.code_keys.notna() & c.name_keys.notna()).sum()) for _, c in tables]
    views = _views(entries, sizes) | _other_levels(tables) | _one_list(tables)
    found: list[tuple[int, int, dict[str, object]]] = []  # by table and row: the file's order
    for entry in entries:
        for _, row in entry.iterrows():
            table = int(row["table"])
            others = entry[
                [
                    other != table and (min(table, other), max(table, other)) not in views
                    for other in entry["table"].tolist()
                ]
            ]
            if not others.empty:
                record: dict[str, object] = {
                    "sheet": row["sheet"],
                    "row": int(row["row"]),
                    "code": row["code"],
                    "column": "name",
                    "value": row["name"],
                    "message": _message(row, others),
                    "fix": fix,
                }
                found.append((int(row["table"]), int(row["row"]), record))
    return file_hits([record for *_, record in sorted(found, key=lambda item: item[:2])])
