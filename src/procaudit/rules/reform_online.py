"""Online public services under the reform: the two levels of Decree 42/2022, "Toàn trình" and
"Một phần", in place of the old scale of four (PA503), and the target share of procedures
fully online (PA505, 80% unless configured otherwise).

Each cell is read by `vn.online`: the new levels however written ("DVC trực tuyến toàn
trình"), the old scale ("Mức độ 4", a bare "4" under "Mức độ DVC"), and what is no online
service ("DVC cung cấp thông tin", "Trực tiếp", "Không"), which is read too: as not online.
A bare number is an old level only in a column whose numbers are all 1 to 4: a column holding
a count or a share ("12", "40,88") is no column of levels, and its numbers are not read (on a
stack of small tables, each table's column is looked at alone: `RuleContext.table_ids`). So
are the two levels' initials: "TT" and "MP" are read only from a column that holds both.

`fully_online_rows` and the key it keeps its flags under (`FULLY_ONLINE`) are public: the
scorecard (`engine.row_flags`) counts with them too, and gives a table its part of a stack's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from procaudit.catalogue.text_columns import elementwise, transform_distinct
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.io import Table
from procaudit.io.read import FROM_TITLE
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits, hits
from procaudit.rules.registry import file_rule, frame_rule
from procaudit.vn.online import (
    FULL,
    NOT_ONLINE,
    PARTLY,
    abbreviated_level,
    level_number,
    old_degree,
    online_level,
    other_number,
)

_NEW_LEVEL_FOR = {"4": "Toàn trình", "3": "Một phần"}

# What a cell says, as a small number: its level (0 where it says none), plus `_NUMBERED`
# where the level is read from a bare number, `_ABBREVIATED` where from "TT" or "MP";
# `_COUNT` for a number that is no level.
_UNREAD = 0
_LEVEL_CODES = {FULL: 1, PARTLY: 2, NOT_ONLINE: 3}
_FULL_CODE = _LEVEL_CODES[FULL]
_LEVEL_BITS = 3
_NUMBERED = 4
_COUNT = 8
_ABBREVIATED = 16
_TT, _MP = _LEVEL_CODES[FULL] | _ABBREVIATED, _LEVEL_CODES[PARTLY] | _ABBREVIATED


def _reading(value: object) -> int:
    if not isinstance(value, str):
        return _UNREAD
    if other_number(value):
        return _COUNT
    level = _LEVEL_CODES.get(online_level(value) or "", _UNREAD)
    if not level and (initials := abbreviated_level(value)):
        return _LEVEL_CODES[initials] | _ABBREVIATED
    return level | _NUMBERED if level and level_number(value) else level


@elementwise
def online_readings(levels: pd.Series) -> pd.Series:
    """What each online-level value says (the codes above), from that value alone."""
    return pd.Series([_reading(value) for value in levels], index=levels.index, dtype="int8")


def _old_degree(value: str) -> str | None:
    return old_degree(value) or level_number(value)


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


def _said(value: str, degree: str) -> str:
    if level_number(value):
        return t(
            "'{value}' is Mức độ {degree}, a level of the scale Decree 42/2022 replaced; an "
            "online service is now 'Toàn trình' or 'Một phần'.",
            "'{value}' là Mức độ {degree} theo thang cũ đã được Nghị định 42/2022/NĐ-CP thay "
            "thế; dịch vụ công trực tuyến nay chỉ có 'Toàn trình' hoặc 'Một phần'.",
            value=value.strip(),
            degree=degree,
        )
    return t(
        "'{value}' is a level of the scale Decree 42/2022 replaced; an online service is "
        "now 'Toàn trình' or 'Một phần'.",
        "'{value}' là mức độ theo thang cũ đã được Nghị định 42/2022/NĐ-CP thay thế; dịch "
        "vụ công trực tuyến nay chỉ có 'Toàn trình' hoặc 'Một phần'.",
        value=value.strip(),
    )


@frame_rule(
    "PA503",
    "obsolete-online-level",
    Severity.WARNING,
    columns=("online_level",),
    finds=(
        '"Mức độ 3", "Mức độ 4", a bare "4": the scale Decree 42/2022 replaced with "Toàn trình" '
        '/ "Một phần"'
    ),
    table_local=True,
)
def obsolete_online_level(ctx: RuleContext) -> pd.DataFrame:
    """An online-service level on the old scale ("Mức độ 3", "Mức độ 4", a bare "4").

    Decree 43/2011 graded online public services from level 1 to 4. Decree 42/2022 replaced
    the scale with two values: "Toàn trình" (fully online) and "Một phần" (partly online).
    A list still written on the old scale cannot be counted against the reform's targets. A
    bare number under an online-level header ("Mức độ DVC": 2, 3, 4) is the old level too,
    unless the column also holds counts or shares. A cell that writes the new value and
    glosses it with the old one ("Toàn trình (mức độ 4)") already says what is asked.

    **Bad**
    ```
    Mức độ 4
    DVC mức độ 3
    4
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
    theo thang cũ thì không thể tính vào các chỉ tiêu cải cách. Một số đứng một mình dưới tiêu
    đề mức độ dịch vụ công ("Mức độ DVC": 2, 3, 4) cũng là mức độ theo thang cũ, trừ khi cột
    còn chứa số lượng hoặc tỷ lệ. Ô đã ghi giá trị mới kèm chú thích mức cũ ("Toàn trình (mức
    độ 4)") đã ghi đúng như yêu cầu.

    **Sai**
    ```
    Mức độ 4
    DVC mức độ 3
    4
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
    degrees = ctx.map_distinct("online_level", _old_degree, dtype="object")
    # A bare number in a column of counts is no level (`online_level_rows`).
    mask = degrees.notna() & ~online_level_rows(ctx)[1]
    old = frame.loc[mask, "online_level"]
    said = {value: _said(value, _old_degree(value) or "") for value in old.unique()}
    fixes = {degree: _online_fix(degree) for degree in degrees[mask].unique()}
    return hits(frame, mask, "online_level", old.map(said), degrees[mask].map(fixes))


# PA505 counts a column whose filled values are mostly online levels: "Có" / "x" under
# "Dịch vụ công trực tuyến" say whether there is a service, not whether it is full.
_READ_SHARE = 0.8


def online_level_rows(ctx: RuleContext) -> tuple[np.ndarray, np.ndarray]:
    """Each row's online level as `online_readings` codes it, without `_NUMBERED` (0 where the
    cell says none or is empty, or is "TT" or "MP" in a table whose column lacks the other),
    and where a bare number 1-4 is left unread because its table's column also holds a
    count or a share; once per table."""
    found: tuple[np.ndarray, np.ndarray] = ctx.shared(
        "online levels", lambda: _online_level_rows(ctx)
    )
    return found


def _online_level_rows(ctx: RuleContext) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = ctx.distinct("online_level")
    readings = transform_distinct(uniques, online_readings).to_numpy(dtype=np.int8)
    rows = readings[codes]  # the code of a missing value is -1: the last, unread
    numbered = (rows & _NUMBERED) != 0
    counts = rows == _COUNT
    dropped = np.zeros(len(rows), dtype=bool)
    if numbered.any() and counts.any():
        dropped = numbered & _in_tables_with(ctx, counts)
    unread = dropped
    abbreviated = (rows & _ABBREVIATED) != 0
    if abbreviated.any():
        both = _in_tables_with(ctx, rows == _TT) & _in_tables_with(ctx, rows == _MP)
        unread = dropped | (abbreviated & ~both)
    levels = np.where(unread, _UNREAD, rows & _LEVEL_BITS)
    return levels, dropped


def _in_tables_with(ctx: RuleContext, rows: np.ndarray) -> np.ndarray:
    """For each row, whether its table (the whole frame, or each table of a stack) has one
    of `rows`."""
    tables = ctx.table_ids()
    if tables is None:
        return np.full(len(rows), bool(rows.any()))
    having = np.bincount(tables, weights=rows, minlength=tables.max() + 1) > 0
    found: np.ndarray = having[tables]
    return found


FULLY_ONLINE = "fully_online"  # the key of `fully_online_rows` in a table's shared work


def fully_online_rows(ctx: RuleContext) -> np.ndarray:
    """Which rows of a table with an online-level column are fully online ("Toàn trình",
    "Mức độ 4", a "4" in a column of levels; an empty cell is not), once per table: PA505
    and the scorecard both count them. In numpy: on a small list a Series spread back to
    the rows cost more than the match."""
    rows: np.ndarray = ctx.shared(FULLY_ONLINE, lambda: online_level_rows(ctx)[0] == _FULL_CODE)
    return rows


# What online levels read before said: a folder of communes' lists repeats the same few in
# every file.
_READ: dict[str, int] = {}
_READ_KEPT = 256  # distinct values kept at most


def online_levels_read(ctx: RuleContext) -> tuple[int, int]:
    """How many cells of a table's online-level column are filled, and how many of them read
    as an online level (not online included), once per table (public: the scorecard counts
    a column it can read)."""
    read: tuple[int, int] = ctx.shared(
        ONLINE_READ, lambda: _read_levels(*ctx.distinct("online_level"))
    )
    return read


ONLINE_READ = "online levels read"  # the key of `online_levels_read` in a table's shared work


def online_levels_read_parts(ctx: RuleContext, bounds: np.ndarray) -> list[tuple[int, int]]:
    """`online_levels_read` of each table stacked in the context's frame (table i holds the
    rows bounds[i] to bounds[i + 1]), counted on the stack's distinct values at once, for the
    tables' `seed`: PA505 and the scorecard ask it of every file, a factorize each (~70 us).
    The column must be text: a distinct value of the stack is then one of each table."""
    codes, uniques = ctx.distinct("online_level")
    width, tables = max(len(uniques), 1), len(bounds) - 1
    named = codes >= 0
    table_ids = np.repeat(np.arange(tables, dtype=np.int64), np.diff(bounds))[named]
    pairs, counts = np.unique(table_ids * width + codes[named], return_counts=True)
    owners = pairs // width  # each (table, value) pair's table, and the value's reading
    read = _readings([str(value) for value in uniques.tolist()])
    readings = np.array(list(read.values()), dtype=np.int64)[pairs % width]

    def any_of(flags: np.ndarray) -> np.ndarray:  # per table: a pair of it flagged
        found: np.ndarray = np.bincount(owners, weights=flags, minlength=tables) > 0
        return found

    with_counts = any_of(readings == _COUNT)[owners]
    both = (any_of(readings == _TT) & any_of(readings == _MP))[owners]
    level = (readings & _LEVEL_BITS) != 0  # as `_read_as_level`, a pair at a time
    numbered, abbreviated = (readings & _NUMBERED) != 0, (readings & _ABBREVIATED) != 0
    known = level & ~(with_counts & numbered) & (both | ~abbreviated)
    filled = np.bincount(owners, weights=counts, minlength=tables).astype(np.int64).tolist()
    known_of = np.bincount(owners, weights=counts * known, minlength=tables)
    return list(zip(filled, known_of.astype(np.int64).tolist(), strict=True))


def _readings(values: list[str]) -> dict[str, int]:
    """Each distinct value's reading (`_reading`), those seen before taken from `_READ`."""
    read = {value: _READ[value] for value in values if value in _READ}
    unseen = [value for value in values if value not in read]
    if unseen:
        found = dict(zip(unseen, map(_reading, unseen), strict=True))
        read.update(found)
        if len(_READ) + len(found) <= _READ_KEPT:
            _READ.update(found)
    return {value: read[value] for value in values}


def readable_online_levels(ctx: RuleContext) -> bool:
    """Whether most filled cells of a table's online-level column read as online levels."""
    filled, known = online_levels_read(ctx)
    return known >= _READ_SHARE * filled


def _read_levels(codes: np.ndarray, uniques: pd.Index) -> tuple[int, int]:
    """How many cells of an online-level column are filled, and how many of them read as an
    online level (`online_readings`; a bare number only where none is a count), counted on
    its distinct values (`RuleContext.distinct`, which PA505's count of the fully online
    rows made already)."""
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()
    values = [str(value) for value in uniques.tolist()]
    read = _readings(values)
    readings = set(read.values())
    with_counts, both = _COUNT in readings, _TT in readings and _MP in readings
    known = sum(
        n
        for value, n in zip(values, counts, strict=True)
        if _read_as_level(read[value], with_counts, both)
    )
    return sum(counts), known


def _read_as_level(reading: int, with_counts: bool, both: bool) -> bool:
    """Whether a value reads as a level: a bare number does not in a column holding a count,
    nor "TT" or "MP" in one lacking the other (`both`)."""
    if not reading & _LEVEL_BITS:
        return False
    if with_counts and reading & _NUMBERED:
        return False
    return both or not reading & _ABBREVIATED


_SHOWN_VALUES = 3  # values named in the note on a column PA505 cannot read


def _one_titled_level(tables: list[tuple[Table, RuleContext]]) -> bool:
    """Whether every row of the file's tables takes its online level from a title or a
    sheet's name (`io.read.FROM_TITLE`), and all the same level: a list of one level."""
    levels: set[str] = set()
    for table, _ in tables:
        given = table.given_by.get("online_level")
        if given is None or not len(given) or not bool((given == FROM_TITLE).all()):
            return False
        levels.update(table.frame["online_level"].dropna().unique().tolist())
    return len(levels) == 1


def _titled_note() -> str:
    return t(
        "every procedure's online level comes from its list's title or sheet name: a list of "
        "one level says nothing of the share fully online",
        "mức độ dịch vụ công trực tuyến của mọi thủ tục lấy từ tiêu đề danh mục hoặc tên trang "
        "tính: danh mục chỉ gồm một mức độ không cho biết tỷ lệ thủ tục toàn trình",
    )


def _unread_note(ctx: FileContext, unread: int, filled: int) -> str:
    """Why the file's share fully online is not given: most of its online-level cells name
    no level, the commonest of them shown."""
    seen: dict[str, int] = {}
    for _, rule_ctx in ctx.with_columns("online_level"):
        codes, uniques = rule_ctx.distinct("online_level")
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()
        values = [str(value) for value in uniques.tolist()]
        read = {value: _READ.get(value, _reading(value)) for value in values}
        readings = set(read.values())
        with_counts, both = _COUNT in readings, _TT in readings and _MP in readings
        for value, n in zip(values, counts, strict=True):
            if not _read_as_level(read[value], with_counts, both):
                seen[value] = seen.get(value, 0) + n
    shown = sorted(seen, key=lambda value: -seen[value])[:_SHOWN_VALUES]
    return t(
        "{unread} of its {filled} online-level cells name no level procaudit reads "
        "({values}), so its share fully online is not counted",
        "{unread}/{filled} ô mức độ dịch vụ công trực tuyến không ghi mức độ mà procaudit "
        "đọc được ({values}), nên không tính được tỷ lệ thủ tục toàn trình",
        unread=unread,
        filled=filled,
        values=", ".join(f"'{value}'" for value in shown),
    )


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
    every table that has an online-level column (an empty cell counts as not fully online,
    and so does what is no online service: "DVC cung cấp thông tin", "Trực tiếp"), against
    the target (80% unless configured otherwise). The two levels' initials "TT" and "MP" are
    read where the column holds both. A column whose values mostly name no level ("Có", "x")
    gives no share, nor does a list whose title alone gives its one level ("DANH MỤC DỊCH VỤ
    CÔNG TRỰC TUYẾN MỘT PHẦN"), and the report says so among the rules not checked. A share
    that reads "Mức độ 4" of the old scale as "Toàn trình" says so, with how many.

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
    là chưa toàn trình, thủ tục không phải dịch vụ công trực tuyến như "DVC cung cấp thông tin",
    "Trực tiếp" cũng vậy), so với chỉ tiêu (80%, trừ khi cấu hình khác). Chữ viết tắt "TT" và
    "MP" của hai mức độ được đọc khi cột có cả hai. Cột mà phần lớn giá trị không nêu mức độ
    ("Có", "x") thì không được tính tỷ lệ, danh mục mà chỉ tiêu đề cho biết một mức độ duy nhất
    ("DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN MỘT PHẦN") cũng vậy, và báo cáo nêu điều đó trong các
    quy tắc chưa kiểm tra. Tỷ lệ tính cả "Mức độ 4" theo thang cũ là toàn trình thì nêu rõ
    điều đó, kèm số thủ tục.

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
    tables = ctx.with_columns("online_level")
    # A list whose title alone gives its level ("DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN MỘT PHẦN")
    # was chosen by that level: its share says nothing of the province's (a workbook of a
    # sheet per level, both levels, is the whole list).
    if tables and _one_titled_level(tables):
        ctx.notes.append(("PA505", _titled_note()))
        return file_hits([])
    for _, rule_ctx in tables:
        live = ~rule_ctx.abolished.to_numpy(dtype=bool)
        total += int(live.sum())
        online += int((fully_online_rows(rule_ctx) & live).sum())
        table_filled, table_known = online_levels_read(rule_ctx)
        filled, known = filled + table_filled, known + table_known
    target = ctx.options.online_target
    if known < _READ_SHARE * filled:
        ctx.notes.append(("PA505", _unread_note(ctx, filled - known, filled)))
        return file_hits([])
    if total == 0 or online / total >= target:
        return file_hits([])
    needed = -(-round(target * total * 1000) // 1000) - online  # ceil without float dust
    old = sum(_old_scale_online(rule_ctx) for _, rule_ctx in tables)
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
                    "trình){counted}; the target is {target:.0%}.",
                    "{online}/{total} thủ tục ({share:.0%}) được cung cấp dịch vụ công trực "
                    "tuyến toàn trình{counted}; chỉ tiêu là {target:.0%}.",
                    counted=_counted_old(old),
                    online=online,
                    total=total,
                    share=online / total,
                    target=target,
                ),
                "fix": t(
                    "Bring at least 1 more procedure fully online (Toàn trình), or record why "
                    "it cannot be."
                    if needed == 1
                    else "Bring at least {needed} more procedures fully online (Toàn trình), or "
                    "record why they cannot be.",
                    "Đưa thêm ít nhất {needed} thủ tục lên dịch vụ công trực tuyến toàn trình, "
                    "hoặc ghi rõ lý do chưa thể thực hiện.",
                    needed=needed,
                ),
            }
        ]
    )


def _old_scale_online(ctx: RuleContext) -> int:
    """How many rows in force of a table are fully online by a level of the old scale
    ("Mức độ 4", a bare "4"): the share PA505 gives is then an estimate (PA503 asks for
    the new words), and its message says so. On the column's distinct values."""
    codes, uniques = ctx.distinct("online_level")
    old = np.array([_old_degree(str(value)) is not None for value in uniques.tolist()] + [False])
    live = ~ctx.abolished.to_numpy(dtype=bool)
    return int((old[codes] & fully_online_rows(ctx) & live).sum())


def _counted_old(old: int) -> str:
    if not old:
        return ""
    return t(
        " if Mức độ 4 of the old scale ({old} of them) is read as Toàn trình",
        ", nếu coi Mức độ 4 theo thang cũ ({old} thủ tục) là toàn trình",
        old=old,
    )
