"""The code and name rules PA101-PA103, checked by the schema (`schemas/catalogue.yaml`), and
PA101's repair.

A malformed code's message and fix are worked out in `code_problems`, its repairs in
`code_repairs`; `code_hits` reads the hits with what the rows say (a cell that held a number,
a status that asks for no code)."""

from __future__ import annotations

from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.code_messages import said
from procaudit.rules.code_problems import code_finding, invalid_codes
from procaudit.rules.code_repairs import repaired_code
from procaudit.rules.registry import schema_rule
from procaudit.rules.repairs import COLUMN, repairs


# A guess to review: even a comma for the dot may be another code mistyped.
@repairs("PA101", safe=False, stage=COLUMN, columns=("code",))
def repair_code(code: str) -> str | None:
    """The code `repaired_code` recovers (typing slips, a number cell's lost dot or trailing
    zeros), None when it recovers none or the code is valid already."""
    repaired = repaired_code(code)
    return repaired if repaired is not None and repaired != code else None


@schema_rule(
    "PA101",
    "invalid-code",
    Severity.ERROR,
    column="code",
    many=invalid_codes,
    finds=(
        "a code that is not a national code (`1,001234`, `01.001234`, `1.0O1234`); a code "
        'Excel stored as a number gets its probable repair ("2000648" → "2.000648", "1.00398" '
        '→ "1.003980"), and so does a code cell that holds the number 1.00398; a column of '
        "numbers is one finding; a warning for a number its format shows as another code "
        '("1.01" for 1.013807), and for a code with spaces around it ("1.001234  "), a line '
        'break inside it ("1.004⏎697", a PDF\'s wrap) or an apostrophe stored before it '
        '("\'1.001234"); a code '
        'written with a label ("Mã: 1.014686"), a look-alike of its dot or digits ("1․008572") '
        'or a stray mark ("1.001234;") is named with its code'
    ),
)
def invalid_code(value: str | None) -> tuple[str, str]:
    """A procedure code that is not a national code.

    National procedure codes have one digit, a dot and six digits (`1.000178`). A local code
    appends the agency's electronic ID, in full (`1.000494.000.00.00.H29`) or short
    (`1.012753.H19`). Anything else cannot be matched against the national database, so the
    procedure is invisible to every cross-check that relies on its code.

    **Bad**
    ```
    1.00120      five digits after the dot
    1.00398      a number that lost its trailing zero (probably 1.003980)
    2000648      a number that lost its dot (probably 2.000648)
    1,001234     a comma for the dot
    01.001234    a leading zero
    1.0O1234     the letter O for a zero
    1. 001234    a space inside
    1.000178; 1.000179   two codes in one row
    Mã: 1.014686 a label before the code
    1․008572     a one dot leader (U+2024) for the dot
    ```

    **Good**
    ```
    1.001234
    1.000494.000.00.00.H29
    ```

    **Fix**: copy the code from the national procedure database; where the cell was typed
    by hand, correct the typing (procaudit suggests the repair when one is evident). A code
    that Excel kept as a number lost its dot or its trailing zeros: procaudit names the code
    it probably was, to be checked, and the cell is best formatted as Text. A code cell
    that still holds such a number is reported with the number it holds, though procaudit
    reads the code with its zeros back: an export, a look-up or an upload reads the number.
    A column whose codes are nearly all numbers is one finding, the numbers that kept every
    digit included: `procaudit fix` writes those as text. A number that kept every digit but
    whose cell's format shows fewer decimals (1.01 for 1.013807, in an xlsx) is a warning:
    the code is certain, the official sees another. So is a national code with spaces around
    it ("1.001234  ", as a database export pads its text), a line break inside it
    ("1.004⏎697", where a PDF's column wrapped it), or the apostrophe Excel hides stored
    before it ("'1.001234", as an export to CSV writes it out): an exact look-up misses it,
    but the code is right (a space inside, "1.004 697", typed by hand, stays an error); a
    broken code with spaces around it or behind the mark is reported as the broken code it
    is ("1.0O1234  ", "'1.0O1234"). A code
    written with a label before it ("Mã TTHC: 1.014686"), a look-alike of its dot or digits
    (a one dot leader, a middle dot, full-width digits, a Cyrillic or Greek letter for a
    digit or for a local suffix's letter), an invisible character copied with it (a
    zero-width space) or a stray mark after it ("1.001234;") is reported with the code it
    holds, which `procaudit fix --unsafe-fixes` writes bare. A row whose name says it is a
    group of procedures done together ("Liên thông các thủ tục hành chính về đăng ký khai
    sinh, đăng ký thường trú, …") lists the code of each: well-formed codes there are no
    finding.

    [vi]
    Mã thủ tục không phải là mã quốc gia.

    Mã thủ tục hành chính quốc gia gồm một chữ số, một dấu chấm và sáu chữ số (`1.000178`). Mã
    địa phương gắn thêm mã định danh điện tử của cơ quan, đầy đủ (`1.000494.000.00.00.H29`) hoặc
    rút gọn (`1.012753.H19`). Mọi cách ghi khác đều không đối chiếu được với Cơ sở dữ liệu quốc
    gia về TTHC, nên thủ tục bị bỏ sót trong mọi phép đối chiếu dựa vào mã.

    **Sai**
    ```
    1.00120      năm chữ số sau dấu chấm
    1.00398      số đã mất chữ số không ở cuối (có lẽ là 1.003980)
    2000648      số đã mất dấu chấm (có lẽ là 2.000648)
    1,001234     dấu phẩy thay cho dấu chấm
    01.001234    thừa chữ số không ở đầu
    1.0O1234     chữ O thay cho chữ số không
    1. 001234    dấu cách ở giữa
    1.000178; 1.000179   hai mã trong một dòng
    Mã: 1.014686 có nhãn ghi trước mã
    1․008572     dấu chấm dẫn (U+2024) thay cho dấu chấm
    ```

    **Đúng**
    ```
    1.001234
    1.000494.000.00.00.H29
    ```

    **Cách sửa**: sao chép mã từ Cơ sở dữ liệu quốc gia về TTHC; nếu ô được nhập tay, sửa lỗi
    nhập (procaudit gợi ý mã đúng khi suy ra được). Mã bị Excel lưu dưới dạng số thì mất dấu
    chấm hoặc các chữ số 0 ở cuối: procaudit nêu mã có lẽ đúng để kiểm tra lại, và nên định
    dạng ô kiểu Text (văn bản). Ô mã vẫn chứa số như vậy được báo kèm số mà ô đang chứa, dù
    procaudit đọc mã đã trả lại các chữ số 0: khi xuất dữ liệu, tra cứu hay tải lên đều đọc ra
    số đó. Cột có gần hết các mã là số được báo thành một phát hiện, kể cả các số còn đủ chữ số:
    `procaudit fix` ghi các số đó lại dưới dạng văn bản. Số còn đủ chữ số nhưng định dạng của ô
    hiển thị ít chữ số thập phân hơn (1.01 thay cho 1.013807, trong tệp xlsx) là cảnh báo: mã
    đã chắc chắn, nhưng người xem thấy một mã khác. Mã quốc gia có dấu cách ở đầu hoặc cuối
    ("1.001234  ", như phần mềm xuất dữ liệu thêm vào), có dấu xuống dòng ở giữa ("1.004⏎697",
    khi cột của bản PDF bị ngắt dòng), hoặc có dấu nháy đơn mà Excel ẩn đi được lưu trước mã
    ("'1.001234", như khi xuất ra CSV) cũng là cảnh báo: tra cứu chính xác sẽ bỏ sót, nhưng mã
    đúng (dấu cách ở giữa, "1.004 697", do nhập tay, vẫn là lỗi); mã sai có dấu cách ở đầu
    hoặc cuối hoặc có dấu nháy đơn phía trước được báo theo lỗi của chính mã đó ("1.0O1234  ",
    "'1.0O1234"). Mã có nhãn ghi trước
    ("Mã TTHC: 1.014686"), có ký tự trông giống dấu chấm hoặc chữ số (dấu chấm dẫn, dấu chấm
    giữa, chữ số toàn khổ, chữ Kirin hoặc Hy Lạp thay cho chữ số hoặc cho chữ cái của hậu tố
    địa phương), có ký tự không nhìn thấy được sao chép kèm (khoảng trắng độ rộng bằng 0) hoặc
    có dấu thừa ở cuối ("1.001234;") được báo kèm mã mà ô chứa, và `procaudit fix
    --unsafe-fixes` ghi lại đúng mã đó. Dòng có tên cho biết đó là nhóm thủ tục liên thông
    ("Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, …") ghi mã
    của từng thủ tục: các mã đúng định dạng ở đó không bị báo.
    """
    return code_finding(value)


@schema_rule(
    "PA102",
    "missing-code",
    Severity.WARNING,
    column="code",
    finds=(
        'no code, or a cell that says there is none yet ("Chưa có mã", "Đang cập nhật", "Mới", '
        '"-"); not '
        'for a newly published procedure ("Ban hành mới", "Mới"), one replacing the procedure '
        'its row names ("Mã TTHC được thay thế", "Thay thế TTHC số …") nor one out of force'
    ),
)
def missing_code(value: str | None) -> tuple[str, str]:
    """A procedure with no code.

    Without its code a procedure cannot be matched with the national database, with other
    provinces' lists or with the previous version of this list. A newly published procedure
    may have no code yet; that is why this is a warning and not an error, and a procedure
    whose status says it is newly published ("Ban hành mới", "Mới", "Công bố mới", or its
    annex part "MỚI BAN HÀNH") is not reported at all, nor one out of force, suspended or
    closed ("Đã được thay thế bởi …"), nor a new procedure that replaces the one its row
    names (an annex of replaced procedures: "Mã TTHC được thay thế", "Tên TTHC bị thay thế"
    filled beside it; a status "Thay thế TTHC số …"). A code
    cell that says there is no code yet ("Chưa có mã", "Đang cập nhật", "Mới", "TTHC mới") or
    holds a dash alone ("-") is no code, reported here, not as a malformed code (PA101).

    **Bad**
    ```
    Mã thủ tục | Tên thủ tục
               | Đăng ký khai sinh
    ```

    **Good**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Fix**: fill in the code from the national procedure database once the procedure is
    entered there.

    [vi]
    Thủ tục chưa có mã.

    Thiếu mã, thủ tục không đối chiếu được với Cơ sở dữ liệu quốc gia về TTHC, với danh mục của
    các tỉnh khác hay với phiên bản trước của chính danh mục này. Thủ tục mới công bố có thể chưa
    được cấp mã; vì vậy đây là cảnh báo, không phải lỗi, và thủ tục có tình trạng mới ban hành
    ("Ban hành mới", "Mới", "Công bố mới", hoặc thuộc phần "MỚI BAN HÀNH" của phụ lục) không bị
    báo, thủ tục hết hiệu lực, tạm dừng hoặc đã đóng cũng vậy, và thủ tục mới thay thế thủ
    tục mà dòng của nó nêu cũng vậy (phụ lục thủ tục được thay thế: ô "Mã TTHC được thay thế",
    "Tên TTHC bị thay thế" có nội dung; tình trạng "Thay thế TTHC số …"). Ô mã ghi chưa có mã
    ("Chưa có mã", "Đang cập nhật", "Mới", "TTHC mới") hoặc chỉ có dấu gạch ("-") được coi là
    chưa có mã, báo ở đây chứ không báo là mã sai định dạng (PA101).

    **Sai**
    ```
    Mã thủ tục | Tên thủ tục
               | Đăng ký khai sinh
    ```

    **Đúng**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Cách sửa**: điền mã theo Cơ sở dữ liệu quốc gia về TTHC khi thủ tục đã được cập nhật vào
    đó.
    """
    return said("no code"), said("fill in", where=said("where"))


@schema_rule("PA103", "missing-name", Severity.ERROR, column="name", finds="no name")
def missing_name(value: str | None) -> tuple[str, str]:
    """A row with no procedure name.

    The name is the one thing every procedure row must have: it is what citizens search for
    and what the publishing decision lists. A row without one is either a procedure whose
    name was lost or a leftover row that is not a procedure at all.

    **Bad**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   |
    ```

    **Good**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Fix**: write the name as the publishing decision gives it, or delete the row if it is
    not a procedure.

    [vi]
    Dòng không có tên thủ tục.

    Tên là thông tin mà mọi dòng thủ tục đều phải có: người dân tra cứu theo tên và quyết định
    công bố liệt kê theo tên. Dòng không có tên hoặc là thủ tục bị mất tên, hoặc là dòng thừa
    không phải thủ tục.

    **Sai**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   |
    ```

    **Đúng**
    ```
    Mã thủ tục | Tên thủ tục
    1.001193   | Đăng ký khai sinh
    ```

    **Cách sửa**: ghi tên đúng như quyết định công bố, hoặc xóa dòng nếu đây không phải là thủ
    tục.
    """
    return (
        t("The row has no procedure name.", "Dòng này không có tên thủ tục."),
        t(
            "Write the name as the publishing decision gives it, or delete the row if it is not "
            "a procedure.",
            "Ghi tên thủ tục đúng như quyết định công bố, hoặc xóa dòng nếu đây không phải là "
            "thủ tục.",
        ),
    )
