"""Procedures listed more than once: the same entry twice, one code for two names, one name
under two codes. Names and levels are compared with `text.comparison_key` (names without
the marks of what changed, `name_marks`: "(sửa đổi)", "(mới)", "*"), codes after
their mechanical repair and with a national code's local form as one (`compared_codes`). In a
per-unit list (`units.find_units`: every district's or department's list one after
another) rows are compared within their unit only: a procedure every district offers is
no duplicate."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import SERVICE
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.compared_codes import national_codes
from procaudit.rules.context import RuleContext
from procaudit.rules.duplicate_keys import (
    Others,
    build_keys,
    duplicate_keys,
    lookup,
    others_in_groups,
    pair_numbers,
    prefetch_keys,
    repeated,
    told_by_agency,
    units_of,
    variety,
)
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule
from procaudit.rules.written_alike import written_alike


def _others_said(noun: str, vietnamese: str) -> Callable[[int], str]:
    """ " and 1 other name", " and 3 other names" ("và 3 tên khác"), its words picked once."""
    one = t(f" and 1 {noun}", f" và 1 {vietnamese}")
    several = t(f" and {{count}} {noun}s", f" và {{count}} {vietnamese}")
    return lambda count: one if count == 1 else several.format(count=count)


@frame_rule(
    "PA201",
    "duplicate-entry",
    Severity.ERROR,
    columns=("code", "name"),
    prefetch=prefetch_keys,
    name_keys=True,
    table_local=True,
    finds=(
        "the same code and name at the same level, twice (codes compared after their "
        'mechanical repair: "1,003980" is "1.003980")'
    ),
)
def duplicate_entry(ctx: RuleContext) -> pd.DataFrame:
    """The same procedure listed twice: same code, same name, same level.

    A procedure listed twice is counted twice in every statistic built on the list, and the
    two copies drift apart as one is amended and the other is not. Names are compared after
    normalisation (Unicode form, case, spacing, trailing punctuation, old and new tone
    placement) and without the marks of what changed at their end ("(sửa đổi)", "(mới)", a
    star), so copies that differ only in typing or a mark are found too, and codes after their
    mechanical repair: "1,001193" and "01.001193" are the code 1.001193, so a row carrying
    it is a copy, not a second procedure of that name (PA203); so is a row giving the code
    with a unit's electronic id appended ("1.001193.000.00.00.H12") beside one without,
    where the name's rows give that one local form of it. In a list kept per unit (a
    one-stop system's export: each district's, commune's or department's procedures one
    after another) the same procedure once per unit is no copy: rows are compared within
    their unit, and the message says which. Likewise a procedure listed under each of its
    agencies row by row (an export sorted by procedure): rows naming no agency in common
    are no copies. Every row of the group is reported and names the others.

    **Bad**
    ```
    row 12 | 1.001193 | Đăng ký khai sinh   | Cấp xã
    row 87 | 1.001193 | ĐĂNG KÝ KHAI SINH.  | Cấp xã
    ```

    **Good**
    ```
    row 12 | 1.001193 | Đăng ký khai sinh   | Cấp xã
    ```

    **Fix**: keep one row (the one that matches the publishing decision) and delete the others.

    [vi]
    Một thủ tục được liệt kê hai lần: cùng mã, cùng tên, cùng cấp thực hiện.

    Thủ tục bị liệt kê hai lần sẽ bị đếm hai lần trong mọi số liệu thống kê dựa trên danh mục, và
    hai bản sẽ khác dần nhau khi một bản được sửa đổi còn bản kia thì không. Tên được so sánh sau
    khi chuẩn hóa (dạng Unicode, chữ hoa chữ thường, dấu cách, dấu câu ở cuối, cách bỏ dấu thanh
    kiểu cũ và kiểu mới) và bỏ các ký hiệu ghi nội dung thay đổi ở cuối tên ("(sửa đổi)", "(mới)",
    dấu sao), nên các bản chỉ khác nhau do cách gõ hoặc ký hiệu cũng bị phát hiện; mã được so sánh
    sau khi sửa lỗi gõ máy móc: "1,001193" và "01.001193" là mã 1.001193, nên dòng mang mã đó là
    một bản sao, không phải một thủ tục thứ hai cùng tên (PA203); dòng ghi mã kèm mã định danh
    của đơn vị ("1.001193.000.00.00.H12") bên cạnh dòng ghi mã không kèm cũng vậy, khi các dòng
    cùng tên chỉ ghi một dạng mã địa phương đó. Trong danh mục lập theo đơn vị
    (dữ liệu xuất từ hệ thống một cửa: thủ tục của từng huyện, xã hoặc sở nối tiếp nhau), một thủ
    tục xuất hiện một lần ở mỗi đơn vị không phải là bản sao: các dòng chỉ được so sánh trong cùng
    một đơn vị, và thông báo nêu tên đơn vị đó. Tương tự, một thủ tục được liệt kê lần lượt theo
    từng cơ quan thực hiện (dữ liệu xuất sắp theo thủ tục): các dòng không có cơ quan nào chung
    không phải là bản sao. Mọi dòng trong nhóm đều được báo và nêu các dòng còn lại.

    **Sai**
    ```
    dòng 12 | 1.001193 | Đăng ký khai sinh   | Cấp xã
    dòng 87 | 1.001193 | ĐĂNG KÝ KHAI SINH.  | Cấp xã
    ```

    **Đúng**
    ```
    dòng 12 | 1.001193 | Đăng ký khai sinh   | Cấp xã
    ```

    **Cách sửa**: giữ lại một dòng (dòng khớp với quyết định công bố) và xóa các dòng còn lại.
    """
    keys = duplicate_keys(ctx)
    rows = np.flatnonzero((keys.code >= 0) & (keys.name >= 0) & repeated(keys.code))
    entry = pair_numbers(
        pair_numbers(pair_numbers(keys.code[rows], keys.name[rows]), keys.entry_level[rows]),
        keys.unit[rows],
    )
    if SERVICE in ctx.frame:  # one procedure offered as two services: two entries
        services = pd.factorize(ctx.frame[SERVICE].to_numpy()[rows])[0]
        entry = pair_numbers(entry, services)
    again = repeated(entry)
    if again.any() and "agency" in ctx.frame:
        rows, entry = rows[again], told_by_agency(ctx, rows[again], entry[again])
        again = repeated(entry)
    duplicated = np.zeros(len(ctx.frame), dtype=bool)
    duplicated[rows[again]] = True
    if not duplicated.any():
        return no_hits()
    units = units_of(ctx, duplicated)

    said = t(
        "The same procedure is also listed on {rows}.", "Thủ tục này cũng được liệt kê tại {rows}."
    )
    said_under = t(
        "The same procedure is also listed under {unit} on {rows}.",
        "Thủ tục này cũng được liệt kê trong danh mục của {unit} tại {rows}.",
    )

    def describe(i: object, others: Others) -> str:
        rows = ctx.row_list(others.first, others.rows, at=i)
        unit = units.get(i)
        return said_under.format(unit=unit, rows=rows) if unit else said.format(rows=rows)

    return hits(
        ctx.frame,
        pd.Series(duplicated, index=ctx.frame.index),
        "name",
        others_in_groups(ctx.frame.index[duplicated], entry[again], rows[again], describe),
        t(
            "Keep one of the rows (the one that matches the publishing decision) and delete the "
            "others.",
            "Giữ lại một dòng (dòng khớp với quyết định công bố) và xóa các dòng còn lại.",
        ),
    )


@frame_rule(
    "PA202",
    "code-conflict",
    Severity.ERROR,
    columns=("code", "name"),
    prefetch=prefetch_keys,
    name_keys=True,
    table_local=True,
    finds="one code (its national part) on rows with different names",
)
def code_conflict(ctx: RuleContext) -> pd.DataFrame:
    """One code given to procedures with different names.

    A code identifies one procedure. When two differently named rows share it, at least one
    of them carries the wrong code, and every lookup by code finds the wrong procedure. Codes
    are compared as written (two broken spellings of one code are PA101's findings), a valid
    one by its national part ("1.004227.000.00.00.H12", a unit's copy, is 1.004227); names
    that differ only in punctuation, spacing, a level tag, a leading "Thủ tục" or one slip
    ("Đăng kí" for "Đăng ký", a filler word: PA204 reports those) are one name. In a list kept
    per unit, rows are compared within their unit.

    **Bad**
    ```
    row 20 | 1.004227 | Cấp giấy phép xây dựng mới
    row 64 | 1.004227 | Cấp giấy phép di dời công trình
    ```

    **Good**
    ```
    row 20 | 1.004227 | Cấp giấy phép xây dựng mới
    row 64 | 1.009991 | Cấp giấy phép di dời công trình
    ```

    **Fix**: look the code up in the national procedure database and correct the code of the
    row it does not belong to.

    [vi]
    Một mã được dùng cho các thủ tục có tên khác nhau.

    Mỗi mã xác định một thủ tục. Khi hai dòng có tên khác nhau dùng chung một mã, ít nhất một
    dòng mang mã sai, và mọi lần tra cứu theo mã đều ra nhầm thủ tục. Mã được so sánh đúng như
    đã ghi (hai cách ghi sai của cùng một mã thuộc quy tắc PA101), mã hợp lệ theo phần mã quốc
    gia ("1.004227.000.00.00.H12", bản của một đơn vị, là 1.004227); các tên chỉ khác nhau ở dấu
    câu, khoảng trắng, phần ghi cấp thực hiện, chữ "Thủ tục" ở đầu hoặc một lỗi gõ ("Đăng kí"
    thay cho "Đăng ký", một hư từ: quy tắc PA204 báo các trường hợp này) được coi là một tên.
    Trong danh mục lập theo đơn vị, các dòng chỉ được so sánh trong cùng một đơn vị.

    **Sai**
    ```
    dòng 20 | 1.004227 | Cấp giấy phép xây dựng mới
    dòng 64 | 1.004227 | Cấp giấy phép di dời công trình
    ```

    **Đúng**
    ```
    dòng 20 | 1.004227 | Cấp giấy phép xây dựng mới
    dòng 64 | 1.009991 | Cấp giấy phép di dời công trình
    ```

    **Cách sửa**: tra cứu mã trong Cơ sở dữ liệu quốc gia về TTHC và sửa mã của dòng không đúng
    thủ tục.
    """
    frame, keys = ctx.frame, duplicate_keys(ctx)
    # Codes as written: two invalid codes that repair to one ("1,001234", "01.001234") are
    # PA101's findings, each on its row, and no conflict between the rows. A valid code's
    # national part is the procedure: "1.001234.000.00.00.H12" is "1.001234".
    code = national_codes(ctx.code_keys, keys.written_code)
    named = np.flatnonzero((code >= 0) & (keys.name >= 0) & repeated(code))
    groups = pair_numbers(code[named], keys.unit[named])
    several = variety(groups, keys.name[named]) > 1
    if not several.any():
        return no_hits()
    # Names that differ only in punctuation, spacing, a level tag, a leading "Thủ tục" or
    # one slip are one procedure's, written two ways ("Đăng ký khai sinh" and "Đăng ký khai
    # sinh (thực hiện tại cấp xã)" at two levels; "Đăng kí khai sinh", PA204's): no conflict.
    # Only the few rows left are looked at.
    named, groups = named[several], pd.factorize(groups[several])[0]
    loose = written_alike(frame["name"].iloc[named], groups)
    several = variety(groups, loose) > 1
    named, groups, loose = named[several], groups[several], loose[several]
    if not len(named):
        return no_hits()
    conflicted = np.zeros(len(frame), dtype=bool)
    conflicted[named] = True
    names, codes = lookup(frame["name"], conflicted), lookup(frame["code"], conflicted)
    units = units_of(ctx, conflicted)

    said = t(
        "The code {code} is also used for '{first}'{also} on {rows}.",
        "Mã {code} cũng được dùng cho '{first}'{also} tại {rows}.",
    )
    said_under = t(
        "The code {code} is also used under {unit} for '{first}'{also} on {rows}.",
        "Mã {code} cũng được dùng trong danh mục của {unit} cho '{first}'{also} tại {rows}.",
    )
    other_names = _others_said("other name", "tên khác")

    def describe(i: object, others: Others) -> str:
        first = names[others.first[0]]
        also = other_names(others.variants - 1) if others.variants > 1 else ""
        unit = units.get(i)
        return (said_under if unit else said).format(
            code=cast(str, codes[i]).strip(),  # a conflicted row has a code written
            unit=unit,
            first=first,
            also=also,
            rows=ctx.row_list(others.first, others.rows, at=i),
        )

    return hits(
        frame,
        pd.Series(conflicted, index=frame.index),
        "code",
        others_in_groups(frame.index[conflicted], groups, loose, describe),
        t(
            "Look the code up in the national procedure database and correct the row it does "
            "not belong to.",
            "Tra cứu mã này trong Cơ sở dữ liệu quốc gia về thủ tục hành chính và sửa mã ở dòng "
            "không đúng thủ tục.",
        ),
    )


@frame_rule(
    "PA203",
    "duplicate-name",
    Severity.WARNING,
    columns=("name",),
    prefetch=prefetch_keys,
    name_keys=True,
    table_local=True,
    finds=(
        "the same name at the same level under different codes (PA201-PA204 compare rows "
        "within one unit of a list stacked per unit)"
    ),
)
def duplicate_name(ctx: RuleContext) -> pd.DataFrame:
    """The same name at the same level under different codes (or without a code).

    Two procedures at one level should not share a name: either the list holds one procedure
    twice under two codes, or two different procedures whose names do not say how they
    differ. Names are compared after normalisation, so "Hoà giải" and "Hòa giải" are the
    same name, while "Cấp" and "Cáp" stay different words. Codes are compared after their
    mechanical repair: a row whose code repairs to the other's is a copy (PA201). In a list
    kept per unit (each district's procedures one after another), a name every unit lists
    is no duplicate: rows are compared within their unit. Where a list has no level column
    (the national portal's), a row's level is the one its agencies work at where their names
    say it: the national database gives a procedure carried out at several levels one name
    and a code per level, so "Sở Tư pháp" and "UBND cấp xã" under one name are two levels;
    where the agencies name no level either, two codes of one name are taken for the codes
    of its levels and not reported, while a row without a code beside them still is. A
    local code's level mark outranks the agencies: a district's one-stop list holds its
    communes' procedures too, "2018.BTXH.CX.06" (CX: cấp xã) beside the district's own
    "2018.BTXH.02" of the same name, two levels.

    **Bad**
    ```
    row 30 | 1.000775 | Công nhận hoà giải viên | Cấp xã
    row 91 | 2.001263 | Công nhận hòa giải viên | Cấp xã
    ```

    **Good**
    ```
    row 30 | 1.000775 | Công nhận hòa giải viên | Cấp xã
    ```

    **Fix**: if the rows are one procedure, keep one with the right code; if they are
    different procedures, make their names say how they differ.

    [vi]
    Cùng một tên, cùng cấp thực hiện nhưng khác mã (hoặc không có mã).

    Hai thủ tục cùng cấp không nên trùng tên: hoặc danh mục liệt kê một thủ tục hai lần với hai
    mã, hoặc đó là hai thủ tục khác nhau mà tên không thể hiện điểm khác biệt. Tên được so sánh
    sau khi chuẩn hóa, nên "Hoà giải" và "Hòa giải" được coi là cùng một tên, còn "Cấp" và "Cáp"
    vẫn là hai từ khác nhau. Mã được so sánh sau khi sửa lỗi gõ máy móc: dòng có mã sau khi sửa
    trùng với mã của dòng kia là một bản sao (PA201). Trong danh mục lập theo đơn vị (thủ tục của
    từng huyện nối tiếp nhau), một tên mà đơn vị nào cũng có không phải là trùng: các dòng chỉ
    được so sánh trong cùng một đơn vị. Khi danh mục không có cột cấp thực hiện (như danh sách của
    Cổng Dịch vụ công quốc gia), cấp của một dòng là cấp mà cơ quan thực hiện của dòng đó hoạt
    động, nếu tên cơ quan thể hiện điều này: Cơ sở dữ liệu quốc gia đặt cho thủ tục thực hiện ở
    nhiều cấp một tên và mỗi cấp một mã, nên "Sở Tư pháp" và "UBND cấp xã" cùng một tên là hai cấp;
    nếu tên cơ quan cũng không cho biết cấp, hai mã của cùng một tên được coi là mã của các cấp
    và không bị báo, còn dòng không có mã bên cạnh chúng vẫn bị báo. Ký hiệu cấp trong mã
    riêng của địa phương được ưu tiên hơn cơ quan: danh mục một cửa của huyện có cả thủ tục
    của các xã, "2018.BTXH.CX.06" (CX: cấp xã) bên cạnh "2018.BTXH.02" của huyện cùng tên là
    hai cấp.

    **Sai**
    ```
    dòng 30 | 1.000775 | Công nhận hoà giải viên | Cấp xã
    dòng 91 | 2.001263 | Công nhận hòa giải viên | Cấp xã
    ```

    **Đúng**
    ```
    dòng 30 | 1.000775 | Công nhận hòa giải viên | Cấp xã
    ```

    **Cách sửa**: nếu các dòng là cùng một thủ tục, giữ lại một dòng có mã đúng; nếu là các thủ
    tục khác nhau, sửa tên để thể hiện rõ điểm khác nhau.
    """
    # PA203 is the last of the three rules to run (rules run by id): the keys (40 MB at a
    # million rows) are let go as it takes them, before PA204 builds its own.
    frame, keys = ctx.frame, ctx.taken("duplicates", lambda: build_keys(ctx))
    named = np.flatnonzero((keys.name >= 0) & repeated(keys.name))
    # A row without a code differs from every other row's code: numbered past them all (a
    # repaired code is numbered past the written ones, so past the rows' count too).
    lone = int(keys.code.max(initial=-1)) + 1
    code = np.where(keys.code[named] >= 0, keys.code[named], lone + named)
    if "level" not in frame or frame["level"].isna().all():
        # A list with no level (a ministry's export): the national database gives a name
        # carried out at several levels a code per level, so two codes of one name whose
        # agencies say no level are most likely its levels', not a copy; a row without a
        # code beside them still is reported.
        placed_nowhere = (keys.level[named] == keys.unknown_level) & (keys.code[named] >= 0)
        code = np.where(placed_nowhere, -1, code)
    groups = pair_numbers(pair_numbers(keys.name[named], keys.level[named]), keys.unit[named])
    several = variety(groups, code) > 1
    shared = np.zeros(len(frame), dtype=bool)
    shared[named[several]] = True
    if not shared.any():
        return no_hits()
    codes = lookup(ctx.code_keys, shared)
    units = units_of(ctx, shared)

    said = t(
        "The same name is also listed on {rows} ({under}).", "Tên này cũng có tại {rows} ({under})."
    )
    said_under = t(
        "The same name is also listed under {unit} on {rows} ({under}).",
        "Tên này cũng có trong danh mục của {unit} tại {rows} ({under}).",
    )
    under_code, no_code = t("under code {code}", "mã {code}"), t("without a code", "không có mã")
    or_no_code = t(", or without a code", ", hoặc không có mã")
    other_codes = _others_said("other code", "mã khác")
    if "code" not in frame:  # a list without codes (internal procedures'): no code to name
        said, said_under = (text.replace(" ({under})", "") for text in (said, said_under))

    def describe(i: object, others: Others) -> str:
        # The other rows' codes, then whether some have none: each row without a code is a
        # sub-key of its own, but all of them are one "without a code".
        if others.valued is None:
            under = no_code
        else:
            under = under_code.format(code=codes[others.valued])
            if others.variants > 1:
                under += other_codes(others.variants - 1)
            if others.lone:
                under += or_no_code
        unit = units.get(i)
        return (said_under if unit else said).format(
            rows=ctx.row_list(others.first, others.rows, at=i), unit=unit, under=under
        )

    return hits(
        frame,
        pd.Series(shared, index=frame.index),
        "name",
        others_in_groups(frame.index[shared], groups[several], code[several], describe, lone),
        t(
            "If the rows are one procedure, keep one with the right code; if they are different "
            "procedures, make their names say how they differ.",
            "Nếu các dòng là cùng một thủ tục, giữ lại một dòng có mã đúng; nếu là các thủ tục "
            "khác nhau, sửa tên để thể hiện rõ điểm khác nhau.",
        )
        if "code" in frame
        else t(
            "If the rows are one procedure, keep one; if they are different procedures, make "
            "their names say how they differ.",
            "Nếu các dòng là cùng một thủ tục, giữ lại một dòng; nếu là các thủ tục khác nhau, "
            "sửa tên để thể hiện rõ điểm khác nhau.",
        ),
    )
