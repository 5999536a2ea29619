"""The causes of a column failing PA101 on (nearly) every value, told by its values: local
codes, a system's ids, codes kept as numbers, the form used before 2017, codes written with
a label or an apostrophe, links (`floods.column_cause`, `small_floods`); and the question
any rule about a value's form asks of such a column: is it the right one?"""

from __future__ import annotations

import re
from collections.abc import Sequence

from procaudit.core.findings import Finding
from procaudit.core.i18n import t
from procaudit.rules.code_repairs import CODE_PATTERN, LINK
from procaudit.rules.code_writing import written_code

# A value shaped like a code but not a national one: letters, digits and separators with no
# spaces inside ("2018.HT.14", "BHXH.TBHXH.02.", "2020STTTT_PTTT06").
_LOCAL_CODE = re.compile(r"^(?=.*\d)[0-9A-Za-z]+(?:[._\-/ ][0-9A-Za-z]+)*[._]?$")
_WHOLE_NUMBER = re.compile(r"^\d+$")
# A national code as a number cell holds it: all its decimals, fewer (its trailing zeros
# lost) or none (its dot lost: 1013803); the decimal a comma where Excel's locale is
# Vietnamese ("1,004601" in its CSV).
NUMBER_CODE = re.compile(r"^\d(?:[.,]\d{1,6}|[01]\d{5})$")
# The national code before the 2017 recoding: "T-PTO-250000-TT" (a province's), "B-BTP-…".
_OLD_NATIONAL_CODE = re.compile(r"^[A-Z]-[A-Z]{2,6}-\d{5,6}-[A-Z]{2}$")
_NATIONAL_CODE = re.compile(CODE_PATTERN)
_LINK = re.compile(LINK)
# A national code with the apostrophe Excel takes for "this is text" stored before it, as an
# export to CSV writes it out ("'1.000178").
_MARKED_CODE = re.compile(r"'\d\.\d{6}")


def right_column(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """A rule about a value's form (a code, a decision number, a date): a column that fails
    everywhere may be the wrong column."""
    return t(
        "Is this the right column? If another column holds the {column}, choose it with "
        '--map "HEADER={column}"; otherwise the fix is the same on every row: {fix}',
        "Cột này có đúng không? Nếu cột khác chứa {column}, hãy chọn cột đó bằng "
        '--map "TÊN_CỘT={column}"; nếu không, cách sửa giống nhau ở mọi dòng: {fix}',
        column=first.column,
        fix=first.fix,
    )


def code_column_kind(values: Sequence[str]) -> str | None:
    """What a column of codes that are not national codes holds, told by its values
    (stripped): "numbers" (national codes kept as numbers), "whole numbers" (a system's
    ids?), "old codes" (the form used before 2017), "local codes", "written" (national codes
    written with a label, a look-alike or a stray mark: `code_writing`), "apostrophes"
    (national codes with Excel's text mark stored before them), "links" (web addresses);
    None if they say nothing of one kind."""
    if not values:
        return None
    # A decimal in one at least: a column of seven-digit numbers alone may be a system's ids.
    decimal = any("." in value or "," in value for value in values)
    if decimal and all(NUMBER_CODE.match(value) for value in values):
        return "numbers"
    if all(_WHOLE_NUMBER.match(value) for value in values):
        return "whole numbers"
    if all(_OLD_NATIONAL_CODE.match(value) for value in values):
        return "old codes"
    if all(_LOCAL_CODE.match(value) for value in values):
        return "local codes"
    if all(written_code(value) is not None for value in values):
        return "written"
    if all(_MARKED_CODE.fullmatch(value) for value in values):
        return "apostrophes"
    if all(_LINK.match(value) for value in values):
        return "links"
    return None


def code_column_cause(first: Finding, examples: tuple[str, ...], header: str) -> str:
    """PA101 on a whole column: the column holds something else than national codes, or
    national codes padded (the examples are stripped: the first row's value says it)."""
    value = str(first.value or "")
    if value != value.strip() and all(_NATIONAL_CODE.fullmatch(code) for code in examples):
        return t(
            "Column '{header}' holds national codes with spaces or line breaks around them (a "
            "database export pads its text; a Word table pasted into Excel ends each cell "
            "with a line break): an exact look-up misses them. procaudit fix --unsafe-fixes "
            "writes them bare.",
            "Cột '{header}' chứa mã quốc gia có dấu cách hoặc dấu xuống dòng ở đầu hoặc cuối "
            "(phần mềm xuất dữ liệu thêm dấu cách; bảng Word dán vào Excel có dấu xuống dòng "
            "ở cuối mỗi ô): tra cứu chính xác sẽ bỏ sót. procaudit fix --unsafe-fixes ghi lại "
            "các mã cho đúng.",
            header=header,
        )
    kind = code_column_kind(examples)
    if kind == "numbers":
        return t(
            "Column '{header}' holds the codes as numbers, not as text: a number keeps no "
            "trailing zero (1.00415 for 1.004150) and shows with as many decimals as the "
            "cell's format gives. Format the column as Text and type its codes again; "
            "procaudit fix --unsafe-fixes writes them as text, with their zeros back.",
            "Cột '{header}' lưu mã thủ tục dưới dạng số, không phải văn bản: số không giữ chữ "
            "số 0 ở cuối (1.00415 thay cho 1.004150) và hiển thị số chữ số thập phân theo định "
            "dạng của ô. Hãy định dạng cột kiểu Text (văn bản) rồi nhập lại các mã; procaudit "
            "fix --unsafe-fixes ghi lại các mã dưới dạng văn bản, trả lại các chữ số 0.",
            header=header,
        )
    if kind == "whole numbers":
        return t(
            "Column '{header}' holds whole numbers, not procedure codes (a system's internal "
            'id?): if another column holds the codes, choose it with --map "HEADER=code".',
            "Cột '{header}' chứa số nguyên, không phải mã thủ tục (mã nội bộ của hệ thống?): "
            'nếu cột khác chứa mã thủ tục, hãy chọn cột đó bằng --map "TÊN_CỘT=code".',
            header=header,
        )
    if kind == "old codes":
        return t(
            "Column '{header}' holds national codes in the form used before 2017 "
            "(T-PTO-250000-TT): replace each with the procedure's current code (D.DDDDDD) "
            "from the national procedure database.",
            "Cột '{header}' chứa mã quốc gia theo dạng dùng trước năm 2017 (T-PTO-250000-TT): "
            "thay từng mã bằng mã hiện hành của thủ tục (D.DDDDDD) theo Cơ sở dữ liệu quốc gia "
            "về TTHC.",
            header=header,
        )
    if kind == "local codes":
        return t(
            "Column '{header}' holds local codes, not national codes (D.DDDDDD): add each "
            "procedure's national code from the national procedure database, or, if another "
            'column holds them, choose it with --map "HEADER=code".',
            "Cột '{header}' chứa mã địa phương, không phải mã quốc gia (D.DDDDDD): bổ sung "
            "mã quốc gia của từng thủ tục theo Cơ sở dữ liệu quốc gia về TTHC, hoặc nếu cột "
            'khác chứa mã quốc gia, hãy chọn cột đó bằng --map "TÊN_CỘT=code".',
            header=header,
        )
    if kind == "apostrophes":
        return t(
            "Column '{header}' holds national codes with an apostrophe stored before each "
            "('1.000178), the mark Excel hides to keep a code as text and an export writes "
            "out: delete the apostrophe from every code. procaudit fix --unsafe-fixes writes "
            "them bare.",
            "Cột '{header}' chứa mã quốc gia có dấu nháy đơn được lưu trước mỗi mã ('1.000178), "
            "dấu mà Excel ẩn đi để giữ mã ở dạng văn bản và phần mềm xuất dữ liệu ghi ra: hãy xóa "
            "dấu nháy đơn ở mọi mã. procaudit fix --unsafe-fixes ghi lại các mã cho đúng.",
            header=header,
        )
    if kind == "links":
        return t(
            "Column '{header}' holds web addresses (links to the procedures' pages), not "
            "codes: write each procedure's national code (D.DDDDDD) in it, from the national "
            "procedure database; if another column holds the codes, choose it with --map "
            '"HEADER=code".',
            "Cột '{header}' chứa địa chỉ trang web (đường dẫn đến trang của thủ tục), không "
            "phải mã thủ tục: hãy ghi mã quốc gia (D.DDDDDD) của từng thủ tục vào cột, theo Cơ "
            "sở dữ liệu quốc gia về TTHC; nếu cột khác chứa mã thủ tục, hãy chọn cột đó bằng "
            '--map "TÊN_CỘT=code".',
            header=header,
        )
    if kind == "written":
        return t(
            "Column '{header}' holds national codes written with more than the code (a label, "
            "a look-alike character or a stray mark): write each one bare, as the first: {fix} "
            "procaudit fix --unsafe-fixes writes them bare.",
            "Cột '{header}' chứa mã quốc gia được ghi kèm nội dung khác (nhãn, ký tự trông "
            "giống hoặc dấu thừa): ghi lại từng mã cho đúng, như mã đầu tiên: {fix} procaudit "
            "fix --unsafe-fixes ghi lại các mã cho đúng.",
            header=header,
            fix=first.fix,
        )
    return right_column(first, examples, header)
