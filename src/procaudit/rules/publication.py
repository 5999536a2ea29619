"""The decision that published a procedure (quyết định công bố)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import DATE_1904, NAME_STATUS
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.io.decisions import combined_number
from procaudit.rules.abolished_said import (
    configured_fix,
    configured_said,
    name_fix,
    name_said,
    status_fix,
    status_said,
)
from procaudit.rules.context import RuleContext
from procaudit.rules.decision_dates import date_problem
from procaudit.rules.decision_issuers import issuers_gone
from procaudit.rules.decision_numbers import (
    ISSUER_SAMPLE,
    cell_issuer,
    explain,
    issuer_share,
    read_decision,
)
from procaudit.rules.decision_pending import (
    date_not_recorded,
    decision_statuses,
    not_recorded_hits,
    not_recorded_numbers,
    not_recorded_rows,
    number_not_recorded,
)
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule
from procaudit.rules.repairs import COLUMN, repairs

ONE_ISSUERS_SHARE = 0.5  # of a list's valid decisions naming one issuer: that issuer's list


@frame_rule(
    "PA401",
    "unpublished",
    Severity.ERROR,
    columns=("decision_no",),
    finds=(
        'no publishing decision number, or cells saying it is not recorded yet ("Đang cập '
        'nhật", "Chưa có", "Chờ công bố", "-"): one finding, not PA402 and PA403 beside it'
    ),
    row_local=True,
)
def unpublished(ctx: RuleContext) -> pd.DataFrame:
    """A procedure with no publishing decision number.

    A procedure is in force for citizens only once a decision has announced it
    (quyết định công bố). A row without the number of that decision is either not yet
    announced or its announcement was not recorded; either way nobody can check it. A
    number's cell saying so ("Đang cập nhật", "Chưa có", "Chờ công bố", "-", "x") is the
    same fact, reported once here: not as a malformed number (PA402), nor its date's cell
    saying the same as an unreadable date (PA403).

    **Bad**
    ```
    Tên thủ tục        | Số quyết định
    Đăng ký khai sinh  |
    Đăng ký kết hôn    | Đang cập nhật
    ```

    **Good**
    ```
    Tên thủ tục        | Số quyết định
    Đăng ký khai sinh  | 1890/QĐ-UBND
    ```

    A procedure whose status says it is out of force, suspended or closed ("Bãi bỏ", "Hết
    hiệu lực", "Tạm dừng", "Đóng") is not asked for its decision.

    **Fix**: fill in the number of the decision that announced the procedure; if none has,
    announce it.

    [vi]
    Thủ tục chưa có số quyết định công bố.

    Thủ tục chỉ có hiệu lực đối với người dân khi đã được công bố bằng quyết định (quyết định
    công bố). Dòng không có số quyết định đó hoặc là thủ tục chưa được công bố, hoặc là việc công
    bố chưa được ghi nhận; trường hợp nào cũng không thể kiểm chứng. Ô số quyết định ghi
    như vậy ("Đang cập nhật", "Chưa có", "Chờ công bố", "-", "x") là cùng một sự việc, được
    báo một lần ở đây: không báo là số sai thể thức (PA402), cũng không báo ô ngày bên cạnh
    ghi như vậy là ngày không đọc được (PA403).

    **Sai**
    ```
    Tên thủ tục        | Số quyết định
    Đăng ký khai sinh  |
    Đăng ký kết hôn    | Đang cập nhật
    ```

    **Đúng**
    ```
    Tên thủ tục        | Số quyết định
    Đăng ký khai sinh  | 1890/QĐ-UBND
    ```

    Thủ tục có tình trạng hết hiệu lực, tạm dừng hoặc đã đóng ("Bãi bỏ", "Hết hiệu lực", "Tạm
    dừng", "Đóng") không bị yêu cầu số quyết định.

    **Cách sửa**: điền số quyết định công bố thủ tục; nếu chưa có quyết định nào công bố thì phải
    công bố thủ tục.
    """
    frame = ctx.frame
    # A procedure out of force, suspended or closed is not asked for its decision.
    live = ~ctx.not_in_force
    empty = hits(
        frame,
        frame["decision_no"].isna() & live,
        "decision_no",
        t(
            "The procedure has no publishing decision number.",
            "Thủ tục chưa có số quyết định công bố.",
        ),
        t(
            "Fill in the number of the decision that announced the procedure (e.g. "
            "1890/QĐ-UBND); if none has, it must be announced.",
            "Điền số quyết định công bố thủ tục (ví dụ 1890/QĐ-UBND); nếu thủ tục chưa được "
            "công bố thì phải công bố.",
        ),
    )
    said = not_recorded_numbers(ctx) & live  # "Đang cập nhật": no number either
    if not said.any():
        return empty
    return pd.concat([empty, not_recorded_hits(frame, said, "decision_no", number_not_recorded)])


@frame_rule(
    "PA402",
    "invalid-decision",
    Severity.ERROR,
    columns=("decision_no",),
    finds=(
        "a placeholder, a number without its issuer or its number (`QĐ/0001-BCA`, "
        "`Quyết định số 4777`, `QĐ-UBND`), or another kind of document (`205/TTr-SNNMT`); a "
        "valid number inside extra words or typed loosely is a warning whose fix is the bare "
        'number ("Quyết định số 6225/QĐ-BQP", "3980 /QĐ-BQP", "QD" for "QĐ", the look-alike '
        'letter Ð for Đ, an en dash for the hyphen); an issuer\'s official case ("TTg") is kept; '
        "a decision dated after its issuer ceased to exist (a district's People's Committee "
        "after 2025-07-01, a merged province's)"
    ),
    row_local=True,
)
def invalid_decision(ctx: RuleContext) -> pd.DataFrame:
    """A publishing decision number that is a placeholder, malformed or not a decision's.

    Decision numbers have the form number/QĐ-issuer (`1890/QĐ-UBND`, `12/2025/QĐ-UBND`,
    `885/QĐ-BCA-C06`); an annex cell may add the date (`1890/QĐ-UBND ngày 15/8/2025`) or name
    several decisions. Placeholders (`QĐ/0001-BCA`, `xx/QĐ-UBND`) hide a procedure
    that was never properly announced, a number without its issuer (`Quyết định số 4777`)
    cannot be found, and the number of a proposal (`205/TTr-SNNMT`), letter, plan, circular
    or decree is not the decision that announced the procedure: these are errors. A correct
    number inside extra words or typed irregularly (`Quyết định số 6225/QĐ-BQP`, `Số:
    64/QĐ-NHNN`, `3980 /QĐ-BQP`, `1890/QD-UBND`) still names the decision: a warning, whose
    fix is the number alone. So does a number written with a character that only looks
    right: the letter Ð (Eth) for Đ, an en dash, em dash or minus sign for the hyphen, often
    brought in by a font or Word's autocorrect (`1890/QÐ-UBND`, `1890/QĐ–UBND`), or a known
    issuer glued to QĐ (`1890/QĐUBND`). An issuer keeps its official spelling: the Prime
    Minister's `TTg` is right as written. A decision whose cell names an issuer that no
    longer existed on its date cannot exist: a district's People's Committee after the
    district level ended (`125/QĐ-UBND ngày 20/9/2025 của UBND huyện Lâm Thao`), a merged
    province's after 1 July 2025; it is reported where both the date and the issuer are read
    with certainty.

    **Bad**
    ```
    QĐ/0001-BCA                  error: a placeholder
    xx/QĐ-UBND                   error: no number
    Quyết định số 4777           error: no issuer
    205/TTr-SNNMT                error: a proposal, not a decision
    Quyết định số 6225/QĐ-BQP    warning: write 6225/QĐ-BQP
    1890/QD-UBND                 warning: write 1890/QĐ-UBND
    1890/QÐ-UBND                 warning: the letter Ð (Eth), not Đ
    1890/QĐ–UBND                 warning: an en dash, not a hyphen
    ```

    **Good**
    ```
    1890/QĐ-UBND
    1890/QĐ-TTg
    1890/QĐ-UBND ngày 15/8/2025
    1890/QĐ-UBND; 2150/QĐ-UBND
    ```

    **Fix**: write the number alone where procaudit names it; otherwise replace the cell with
    the number of the decision that announced the procedure.

    [vi]
    Số quyết định công bố là giá trị giữ chỗ, sai thể thức hoặc không phải số của quyết định.

    Số quyết định có dạng số/QĐ-cơ quan ban hành (`1890/QĐ-UBND`, `12/2025/QĐ-UBND`,
    `885/QĐ-BCA-C06`); ô trong phụ lục có thể ghi kèm ngày (`1890/QĐ-UBND ngày 15/8/2025`) hoặc
    nêu nhiều quyết định. Giá trị giữ chỗ (`QĐ/0001-BCA`, `xx/QĐ-UBND`) che giấu một
    thủ tục chưa được công bố đúng quy định, số thiếu cơ quan ban hành (`Quyết định số 4777`)
    thì không tra cứu được, còn số của tờ trình (`205/TTr-SNNMT`), công văn, kế hoạch, thông tư
    hay nghị định không phải là quyết định đã công bố thủ tục: đây là lỗi. Số đúng nhưng kèm chữ
    thừa hoặc gõ sai thể thức (`Quyết định số 6225/QĐ-BQP`, `Số: 64/QĐ-NHNN`, `3980 /QĐ-BQP`,
    `1890/QD-UBND`) vẫn xác định được quyết định: đây là cảnh báo, cách sửa là chỉ ghi số hiệu.
    Số được viết bằng ký tự chỉ trông giống ký tự đúng cũng vậy: chữ Ð (Eth) thay cho Đ, dấu
    gạch ngang ngắn, dài hoặc dấu trừ thay cho dấu gạch nối, thường do phông chữ hoặc chức năng
    tự sửa của Word (`1890/QÐ-UBND`, `1890/QĐ–UBND`), hoặc cơ quan ban hành viết liền với QĐ
    (`1890/QĐUBND`). Ký hiệu cơ quan ban hành giữ đúng cách viết chính thức: `TTg` của Thủ
    tướng Chính phủ là đúng. Quyết định ghi cơ quan ban hành đã không còn tồn tại vào ngày
    của quyết định thì không thể có: UBND cấp huyện sau khi cấp huyện kết thúc hoạt động
    (`125/QĐ-UBND ngày 20/9/2025 của UBND huyện Lâm Thao`), UBND tỉnh đã sắp xếp sau ngày
    01/7/2025; quy tắc chỉ báo khi đọc chắc chắn được cả ngày và cơ quan ban hành.

    **Sai**
    ```
    QĐ/0001-BCA                  lỗi: giá trị giữ chỗ
    xx/QĐ-UBND                   lỗi: không có số
    Quyết định số 4777           lỗi: thiếu cơ quan ban hành
    205/TTr-SNNMT                lỗi: tờ trình, không phải quyết định
    Quyết định số 6225/QĐ-BQP    cảnh báo: ghi 6225/QĐ-BQP
    1890/QD-UBND                 cảnh báo: ghi 1890/QĐ-UBND
    1890/QÐ-UBND                 cảnh báo: chữ Ð (Eth), không phải Đ
    1890/QĐ–UBND                 cảnh báo: dấu gạch ngang, không phải dấu gạch nối
    ```

    **Đúng**
    ```
    1890/QĐ-UBND
    1890/QĐ-TTg
    1890/QĐ-UBND ngày 15/8/2025
    1890/QĐ-UBND; 2150/QĐ-UBND
    ```

    **Cách sửa**: chỉ ghi số hiệu khi procaudit nêu được số đó; nếu không, thay bằng số của quyết
    định đã công bố thủ tục.
    """
    frame = ctx.frame
    status = decision_statuses(ctx)
    wrong, repaired = status.eq("wrong") & ~not_recorded_numbers(ctx), status.eq("repaired")
    gone = issuers_gone(ctx)  # an issuer that no longer existed on the decision's date
    said = pd.Series(False, index=frame.index)
    if gone is not None:
        said = frame.index.to_series().isin(gone.index) & ~wrong
        repaired &= ~said  # the words around the number name the issuer that is gone
    values = frame.loc[wrong | repaired, "decision_no"]
    explained: dict[str, tuple[str, str]] = {}
    if len(values):  # the examples' issuer, from the first valid cells (not a column's copy)
        valid = np.flatnonzero(status.eq("valid").to_numpy())
        usual, share = issuer_share(frame["decision_no"].iloc[valid[:ISSUER_SAMPLE]])
        # Each distinct wrong value with the position of its first row (by position: the
        # labels of a stack of tables may repeat).
        first = ~values.duplicated().to_numpy()
        firsts = values[first]
        at = np.flatnonzero((wrong | repaired).to_numpy())[first]
        # Most valid cells naming one issuer make it that issuer's list; a list joining
        # several issuers' (a portal export of every ministry) shows each wrong cell the
        # issuer of its nearest neighbour's.
        mixed = share <= ONE_ISSUERS_SHARE
        explained = {
            value: explain(
                read_decision(value),
                value,
                _nearest_issuer(frame, valid, int(i), usual) if mixed else usual,
            )
            for value, i in zip(firsts, at, strict=True)
        }
    messages = values.map({value: pair[0] for value, pair in explained.items()})
    fixes = values.map({value: pair[1] for value, pair in explained.items()})
    # A number and an issuer that a mechanical repair recovers name the decision: a warning.
    found = [
        hits(frame, wrong, "decision_no", messages, fixes),
        hits(frame, repaired, "decision_no", messages, fixes, severity=Severity.WARNING),
    ]
    if gone is not None:
        found.append(hits(frame, said, "decision_no", gone["message"], gone["fix"]))
    return pd.concat(found)


@repairs("PA402", safe=True, stage=COLUMN, columns=("decision_no",))
def repair_decision(value: str) -> str | None:
    """The fix of PA402's warnings: "QD" made "QĐ", look-alike characters replaced ("QÐ" with
    the letter Eth, an en dash), the words around a valid number and its loose typing dropped
    ("Số: 64/QĐ-NHNN", "3980 /QĐ-BQP"), a date after it kept; an issuer's case changed only
    where the official spelling is certain ("ttg" -> "TTg", never "TTg" -> "TTG"). None for a
    valid or wrong number, and for a number among other words ("Thay thế Quyết định số
    123/QĐ-UBND"), which may not be the decision that announced the procedure."""
    reading = read_decision(value)
    if reading.status != "repaired" or reading.how == "among":
        return None
    # A number with its date, in words ("Quyết định số 1890/QĐ-UBND ngày 15/8/2025"), is
    # read as its number and date: where that number is valid, PA402 reports nothing, and
    # nothing is repaired.
    number = combined_number(value)
    if number is not None and read_decision(number).status == "valid":
        return None
    return reading.fixed if reading.fixed != value else None


def _nearest_issuer(frame: pd.DataFrame, valid: np.ndarray, at: int, usual: str) -> str:
    """The issuer of the valid decision cell nearest the row at position `at` (the one above
    on a tie; `valid`: the valid cells' positions, in order): "9303/QĐ-BCA" among the
    police's rows of a list of every ministry, not its most common "QĐ-BTC"; `usual` where
    that cell names none."""
    after = int(np.searchsorted(valid, at))
    near = [int(valid[i]) for i in (after - 1, after) if 0 <= i < len(valid)]
    if not near:
        return usual
    cell = frame["decision_no"].iat[min(near, key=lambda p: abs(p - at))]
    return cell_issuer(str(cell)) or usual


@frame_rule(
    "PA403",
    "invalid-decision-date",
    Severity.ERROR,
    columns=("decision_date",),
    finds=(
        "a decision date that is missing, unreadable, impossible (31/02), two-digit, an Excel "
        "day number, or in the future; a warning for a good date behind an apostrophe stored "
        'in the cell ("\'15/08/2025") or after a weekday it is not ("Thứ Hai, 15/08/2025")'
    ),
    row_local=True,
)
def invalid_decision_date(ctx: RuleContext) -> pd.DataFrame:
    """A publishing decision's date that is missing, unreadable, impossible or in the future.

    The date of the decision that announced a procedure says since when it is in force. A date
    that cannot be read, does not exist (31/02/2025), has a two-digit year, gives only its month
    (08/2025) or lies in the future cannot be trusted; a procedure with a decision number but no
    date cannot be traced. Missing dates are reported only where the source has a date column,
    and not for a procedure out of force, suspended or closed (as PA401). A cell may give one
    date per decision ("15/08/2025; 20/09/2025", one a line) or add a note in brackets after the
    date: each date is checked, and the one that is wrong reported. A date column a database
    exported as timestamps (milliseconds since 1970, "/Date(1755216000000)/") is read as the
    dates they name where every value is one; a lone number is not a date. A good date behind
    the apostrophe Excel hides to keep a value as text, stored in the cell ("'15/08/2025", as
    an export to CSV writes it out), is a warning: the date reads, the cell is what a date
    filter or a look-up misses.

    **Bad**
    ```
    31/02/2025
    15/8/25
    08/2025
    chưa ban hành
    15/08/2099
    ```

    **Good**
    ```
    15/08/2025
    Thứ Sáu, ngày 15 tháng 8 năm 2025
    15/08/2025; 20/09/2025
    15/8/2025 (hiệu lực 1/9/2025)
    ```

    **Fix**: copy the date from the decision itself, written dd/mm/yyyy.

    [vi]
    Ngày của quyết định công bố bị thiếu, không đọc được, không có thật hoặc ở tương lai.

    Ngày của quyết định công bố cho biết thủ tục có hiệu lực từ khi nào. Ngày không đọc được,
    không có thật (31/02/2025), ghi năm bằng hai chữ số, chỉ ghi tháng (08/2025) hoặc ở tương
    lai thì không thể tin cậy; thủ tục có số quyết định mà không có ngày thì không truy xuất
    được. Ngày bị thiếu chỉ được báo khi tệp nguồn có cột ngày, và không báo cho thủ tục hết
    hiệu lực, tạm dừng hoặc đã đóng (như PA401). Một ô có thể ghi mỗi quyết định một ngày
    ("15/08/2025; 20/09/2025", mỗi ngày một dòng) hoặc thêm ghi chú trong ngoặc sau ngày: từng
    ngày được kiểm tra, ngày sai được báo. Cột ngày do cơ sở dữ liệu xuất dưới dạng dấu thời
    gian (số mili giây tính từ năm 1970, "/Date(1755216000000)/") được đọc là ngày tương ứng khi
    mọi giá trị đều như vậy; một số đứng riêng lẻ không phải là ngày. Ngày đúng nhưng có dấu
    nháy đơn mà Excel ẩn đi để giữ giá trị ở dạng văn bản được lưu trong ô ("'15/08/2025", như
    khi xuất ra CSV) là cảnh báo: ngày vẫn đọc được, nhưng bộ lọc ngày hay tra cứu sẽ bỏ sót ô
    đó.

    **Sai**
    ```
    31/02/2025
    15/8/25
    08/2025
    chưa ban hành
    15/08/2099
    ```

    **Đúng**
    ```
    15/08/2025
    Thứ Sáu, ngày 15 tháng 8 năm 2025
    15/08/2025; 20/09/2025
    15/8/2025 (hiệu lực 1/9/2025)
    ```

    **Cách sửa**: ghi lại ngày theo đúng quyết định, theo định dạng dd/mm/yyyy.
    """
    frame = ctx.frame
    dates = frame["decision_date"]
    today = ctx.options.today
    date1904 = DATE_1904 in frame  # a workbook counting its days from 1904: every row
    explained = ctx.map_distinct(
        "decision_date", lambda text: date_problem(text, today, date1904), dtype="object"
    )
    wrong = explained.notna()
    parts: list[pd.DataFrame] = []
    if wrong.any() and (said := not_recorded_rows(dates.where(wrong))).any():
        # Words saying the decision is not recorded: beside no real number, PA401 or PA402
        # says it all; beside one, the date is not recorded.
        wrong &= ~said
        if "decision_no" in frame:
            said &= decision_statuses(ctx).isin(("valid", "repaired"))
        parts.append(not_recorded_hits(frame, said, "decision_date", date_not_recorded))
    if wrong.any():
        said = explained[wrong]
        messages, fixes = said.map(lambda found: found.message), said.map(lambda found: found.fix)
        # A good date behind the apostrophe Excel hides reads all the same: a warning.
        readable = wrong.copy()
        readable[wrong] = said.map(lambda found: found.readable).to_numpy(dtype=bool)
        parts.append(hits(frame, wrong & ~readable, "decision_date", messages, fixes))
        parts.append(
            hits(frame, readable, "decision_date", messages, fixes, severity=Severity.WARNING)
        )
    if "decision_date" in ctx.source_columns:
        missing = dates.isna() & ~ctx.not_in_force  # as PA401: only of procedures in force
        if "decision_no" in frame:
            # Without a real number, PA401 or PA402 says it all.
            missing &= decision_statuses(ctx).isin(("valid", "repaired"))
        parts.append(
            hits(
                frame,
                missing,
                "decision_date",
                t(
                    "The procedure's publishing decision has no date.",
                    "Quyết định công bố thủ tục chưa có ngày ban hành.",
                ),
                t(
                    "Fill in the date the decision was signed (dd/mm/yyyy).",
                    "Điền ngày ký quyết định (dd/mm/yyyy).",
                ),
            )
        )
    return pd.concat(parts) if parts else no_hits()


@frame_rule(
    "PA404",
    "abolished-listed",
    Severity.ERROR,
    columns=("status",),
    finds=(
        'a row whose own status says the procedure is abolished or out of force ("Bãi bỏ", '
        '"Hết hiệu lực", "Hủy bỏ", "Đã được thay thế bởi …"), or whose name marks it so where '
        'no status cell says otherwise ("Cấp giấy phép X (đã bãi bỏ)", "… (bãi bỏ) (cấp tỉnh)",'
        ' "[BÃI BỎ] …", full-width brackets too; reported on the name), in a '
        'list of procedures in force; not "Không bãi bỏ", "Đề nghị bãi bỏ", "Bãi bỏ một phần", '
        'nor a suspended or closed one ("Tạm dừng", "Đóng"); a warning in a one-stop '
        "system's configuration stacked per unit, whose fix is to delete or close it there"
    ),
    table_local=True,
)
def abolished_listed(ctx: RuleContext) -> pd.DataFrame:
    """An abolished procedure (status "bãi bỏ") in the list of procedures in force.

    A list in force that still holds abolished procedures tells citizens they can apply for
    something that no longer exists, and inflates every count built on the list. The rule
    looks at a row's own status cell, in a table that also lists procedures in force; an
    annex part that announces abolitions under its own heading ("PHẦN III. DANH MỤC THỦ TỤC
    HÀNH CHÍNH BỊ BÃI BỎ") is what a publishing decision should hold, and is not reported.
    A list going on over sheets under one header is one list: its abolished procedures alone
    on its last sheet are still in it.

    The status is read as a whole, by its first words: "Bãi bỏ", "Đã bị bãi bỏ", "Hết hiệu
    lực", "Hủy bỏ", "Đã hủy" are out of force; "Không bãi bỏ" (not abolished), "Đề nghị bãi
    bỏ" (proposed), "Bãi bỏ một phần" (partly: the procedure stays) and "Sửa đổi (bãi bỏ thành
    phần hồ sơ)" (amended) are not. A suspended or closed procedure ("Tạm dừng", "Ngừng áp
    dụng", "Không áp dụng", a one-stop system's "Đóng") still exists and may open again: it
    is not reported here. Neither kind is asked for its form, decision or code (PA102,
    PA301, PA401, PA403): those rules judge procedures in force. In a one-stop system's
    configuration, stacked per unit, the system marks the record out of force itself: a
    warning, to delete or close the record there.

    A list kept without a status column may say it in the name instead: a mark at its end,
    in brackets or after a dash ("Cấp giấy phép X (đã bãi bỏ)", "… - Đã bãi bỏ theo QĐ
    123/QĐ-UBND", "… (tạm dừng)"), or bracketed before it ("[BÃI BỎ] Cấp giấy phép X"). Where
    the row's status cell is empty or missing, the mark is its status, read as above (over
    the status its part or title passes down, unless that one is out of force too: "Cấp
    giấy phép X (đã bãi bỏ)" in an annex's part of amended procedures), and an abolished
    one is reported on the name. A status word inside the name is part of it ("Cấp
    giấy phép bãi bỏ …", "… sau khi bãi bỏ …"), and so is a bracket saying more ("(bãi bỏ
    thành phần hồ sơ)").

    **Bad**
    ```
    Tên thủ tục             | Tình trạng
    Đăng ký khai sinh       | Còn hiệu lực
    Cấp giấy xác nhận X     | Bãi bỏ
    ```

    **Good**
    ```
    Tên thủ tục             | Tình trạng
    Đăng ký khai sinh       | Còn hiệu lực
    ```

    **Fix**: take the abolished procedure out of the list in force (it belongs in the annex
    of the decision that abolished it).

    [vi]
    Thủ tục đã bãi bỏ (tình trạng "bãi bỏ") vẫn nằm trong danh mục thủ tục đang có hiệu lực.

    Danh mục đang có hiệu lực mà vẫn còn thủ tục đã bãi bỏ sẽ khiến người dân tưởng có thể nộp hồ
    sơ cho một thủ tục không còn tồn tại, và làm sai lệch mọi số liệu dựa trên danh mục. Quy tắc
    xét ô tình trạng của chính dòng đó, trong bảng có cả thủ tục đang có hiệu lực; phần phụ lục
    công bố việc bãi bỏ dưới tiêu đề riêng ("PHẦN III. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ") là
    nội dung đúng của quyết định công bố, nên không bị báo. Danh mục kéo dài qua nhiều trang
    tính dưới cùng một dòng tiêu đề là một danh mục: các thủ tục đã bãi bỏ nằm riêng ở trang
    tính cuối vẫn thuộc danh mục đó.

    Tình trạng được đọc theo toàn bộ nội dung, từ những chữ đầu tiên: "Bãi bỏ", "Đã bị bãi bỏ",
    "Hết hiệu lực", "Hủy bỏ", "Đã hủy" là hết hiệu lực; "Không bãi bỏ", "Đề nghị bãi bỏ", "Bãi bỏ
    một phần" (thủ tục vẫn còn) và "Sửa đổi (bãi bỏ thành phần hồ sơ)" thì không. Thủ tục tạm
    dừng hoặc đã đóng ("Tạm dừng", "Ngừng áp dụng", "Không áp dụng", "Đóng" của hệ thống một
    cửa) vẫn tồn tại và có thể mở lại: không bị báo ở đây. Cả hai loại đều không bị yêu cầu
    mẫu đơn, quyết định công bố hay mã (PA102, PA301, PA401, PA403): các quy tắc đó chỉ xét thủ
    tục đang có hiệu lực. Trong cấu hình của hệ thống một cửa, xếp nối theo từng đơn vị, chính
    hệ thống đã đánh dấu bản ghi hết hiệu lực: chỉ là cảnh báo, cần xóa hoặc đóng bản ghi ở đó.

    Danh mục không có cột tình trạng có thể ghi tình trạng ngay trong tên thủ tục: ghi chú ở
    cuối tên, trong ngoặc hoặc sau dấu gạch ("Cấp giấy phép X (đã bãi bỏ)", "… - Đã bãi bỏ theo
    QĐ 123/QĐ-UBND", "… (tạm dừng)"), hoặc trong ngoặc ở đầu tên ("[BÃI BỎ] Cấp giấy phép X").
    Khi ô tình trạng của dòng để trống hoặc không có, ghi chú đó là tình trạng của thủ tục, được
    đọc như trên (thay cho tình trạng mà phần hoặc tiêu đề chứa nó truyền xuống, trừ khi tình
    trạng đó cũng là hết hiệu lực: "Cấp giấy phép X (đã bãi bỏ)" trong phần thủ tục được sửa
    đổi, bổ sung của phụ lục), và thủ tục đã bãi bỏ được báo ở ô tên. Từ chỉ tình trạng nằm
    trong tên là một phần của tên ("Cấp giấy phép bãi bỏ …", "… sau khi bãi bỏ …"), ngoặc nói
    thêm điều khác cũng vậy ("(bãi bỏ thành phần hồ sơ)").

    **Sai**
    ```
    Tên thủ tục             | Tình trạng
    Đăng ký khai sinh       | Còn hiệu lực
    Cấp giấy xác nhận X     | Bãi bỏ
    ```

    **Đúng**
    ```
    Tên thủ tục             | Tình trạng
    Đăng ký khai sinh       | Còn hiệu lực
    ```

    **Cách sửa**: đưa thủ tục đã bãi bỏ ra khỏi danh mục đang có hiệu lực (thủ tục này thuộc phụ
    lục của quyết định bãi bỏ).
    """
    frame = ctx.frame
    listed = ctx.abolished & ctx.own_status
    # A table of abolished procedures only is an annex, not a list in force (on a stack of
    # tables, each table is looked at alone; a list over sheets, whole: engine.lists_over_sheets).
    tables = ctx.table_ids()
    if tables is None:
        if listed.all():
            return no_hits()
    else:
        in_force = np.bincount(tables, weights=~listed.to_numpy(), minlength=tables.max() + 1)
        listed &= in_force[tables] > 0
    named = listed & frame[NAME_STATUS] if NAME_STATUS in frame else None
    if named is not None:
        listed &= ~named
    # A one-stop system's configuration, stacked per unit: the system marks the record out
    # of force itself, and the record is to be deleted or closed there (a warning).
    configured = listed & ctx.in_unit_lists()
    listed &= ~configured
    found = [
        hits(frame, listed, "status", status_said(frame.loc[listed, "status"]), status_fix()),
        hits(
            frame,
            configured,
            "status",
            configured_said(frame.loc[configured, "status"]),
            configured_fix(),
            severity=Severity.WARNING,
        ),
    ]
    if named is not None and named.any():
        # The status the name marks ("Cấp giấy phép X (đã bãi bỏ)"): the cell the official sees.
        found.append(hits(frame, named, "name", name_said(frame.loc[named, "name"]), name_fix()))
    return pd.concat(found)
