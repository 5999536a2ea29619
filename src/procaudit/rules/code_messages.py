"""The words of PA101's and PA102's messages about a code (rules/codes.py), in English and
Vietnamese, and the code as they quote it (`shown_codes`: a line break, a tab, a
non-breaking or zero-width space written as its escape)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import map_texts, matches, re2_class
from procaudit.core.i18n import t
from procaudit.core.text_safety import UNSEEN, shown

# The words of PA101's messages, (English, Vietnamese): `code_problems.code_finding` fills
# them for one code, `code_problems.invalid_codes` for a column of them.
MESSAGES = {
    "where": (
        "the national procedure database (CSDL quốc gia về TTHC)",
        "Cơ sở dữ liệu quốc gia về thủ tục hành chính",
    ),
    "lost dot": (
        "looks like a code stored as a number, which lost its dot",
        "có vẻ là mã bị lưu dưới dạng số nên mất dấu chấm",
    ),
    "comma": ("the comma", "dấu phẩy"),
    "dot": ("the dot", "dấu chấm"),
    "lost zero": (
        "has {count} digits after {after} where a national code has 6: it looks "
        "like a code stored as a number, which lost its trailing zero",
        "có {count} chữ số sau {after}, trong khi mã quốc gia có 6 chữ số: có vẻ "
        "là mã bị lưu dưới dạng số nên mất chữ số 0 ở cuối",
    ),
    "lost zeros": (
        "has {count} digits after {after} where a national code has 6: it looks like "
        "a code stored as a number, which lost its {lost} trailing zeros",
        "có {count} chữ số sau {after}, trong khi mã quốc gia có 6 chữ số: có vẻ là "
        "mã bị lưu dưới dạng số nên mất {lost} chữ số 0 ở cuối",
    ),
    "spaces": ("has spaces around it", "có dấu cách ở đầu hoặc cuối"),
    # "1.004921⏎", "1.002359" and a non-breaking space: what it is, and on which side.
    "edge": ("has {what} {side} it", "có {what} ở {side}"),
    "before": ("before", "đầu"),
    "after": ("after", "cuối"),
    "around": ("around", "đầu và cuối"),
    "line break": ("a line break", "dấu xuống dòng"),
    "tab": ("a tab", "ký tự tab"),
    "non-breaking space": ("a non-breaking space", "dấu cách không ngắt dòng"),
    "other space": ("an unusual space character", "ký tự khoảng trắng bất thường"),
    "space inside": ("has a space inside it", "có dấu cách ở giữa"),
    # "1.00⏎0656": a code wrapped in its cell, as a copy from a PDF's narrow column brings it.
    "break inside": ("has a line break inside it", "có dấu xuống dòng ở giữa"),
    # Exports write it to keep a code text in Excel; typed, Excel hides it, stored, it stays.
    "apostrophe": (
        "starts with an apostrophe, stored in the cell (a mark some exports write to keep a "
        "code as text)",
        "bắt đầu bằng dấu nháy đơn được lưu trong ô (dấu mà một số phần mềm xuất dữ liệu "
        "thêm vào để giữ mã ở dạng văn bản)",
    ),
    # A code broken behind the mark: its own defect, then the mark.
    "and apostrophe": (
        "{problem}, and starts with an apostrophe, stored in the cell (a mark some exports "
        "write to keep a code as text)",
        "{problem}, và bắt đầu bằng dấu nháy đơn được lưu trong ô (dấu mà một số phần mềm xuất "
        "dữ liệu thêm vào để giữ mã ở dạng văn bản)",
    ),
    "scientific": (
        "is in scientific notation: a spreadsheet read the code as a number and wrote it "
        "back rounded, so its digits are lost",
        "ở dạng số khoa học (E+): bảng tính đã đọc mã thành số rồi ghi lại đã làm tròn, "
        "nên các chữ số của mã bị mất",
    ),
    "comma for dot": ("uses a comma where the dot belongs", "dùng dấu phẩy thay cho dấu chấm"),
    "trailing dot": ("ends with a stray dot", "có dấu chấm thừa ở cuối"),
    "letter": ("has a letter where a digit belongs", "có chữ cái ở vị trí của chữ số"),
    "own code": (
        "is an agency's or a one-stop system's own code, not a national code (D.DDDDDD, "
        "e.g. 1.000178)",
        "là mã riêng của cơ quan hoặc của hệ thống một cửa, không phải mã quốc gia "
        "(D.DDDDDD, ví dụ 1.000178)",
    ),
    "link": (
        "is a web address (a link to a page), not a code",
        "là địa chỉ trang web (đường dẫn), không phải mã thủ tục",
    ),
    "code in link": (
        "The link names {code}: check it in {where}, then write the code itself in the cell.",
        "Đường dẫn có mã {code}: kiểm tra lại trong {where}, rồi ghi chính mã vào ô.",
    ),
    "leading zero": ("has a leading zero", "có chữ số 0 thừa ở đầu"),
    "agency id": (
        "is an agency's electronic id (000.00.15.H44), not a procedure's code",
        "là mã định danh điện tử của cơ quan (000.00.15.H44), không phải mã thủ tục",
    ),
    "digits": (
        "has {count} digits after the dot where a national code has 6",
        "có {count} chữ số sau dấu chấm, trong khi mã quốc gia có 6 chữ số",
    ),
    # "1.000178; 1.000179": two well-formed codes in one cell.
    "several": (
        "holds {count} codes, where a row is one procedure with one code",
        "chứa {count} mã, trong khi mỗi dòng là một thủ tục với một mã",
    ),
    "one row each": (
        "Keep the code of this row's procedure, and list each other code's procedure on a row "
        "of its own.",
        "Chỉ giữ mã của thủ tục ở dòng này, và ghi thủ tục của mỗi mã còn lại thành một dòng "
        "riêng.",
    ),
    # A national code written with a label, a look-alike character or a stray mark
    # (`code_writing`): "has a label before it and ends with a stray ';': the code is …".
    "label": ("has a label before it", "có nhãn ghi trước mã"),
    "invisible": (
        "holds an invisible character (a zero-width space or the like)",
        "chứa ký tự không nhìn thấy (khoảng trắng độ rộng bằng 0 hoặc tương tự)",
    ),
    "lookalike": ("writes {what}", "viết {what}"),
    "stray mark": ("ends with a stray '{mark}'", "có dấu '{mark}' thừa ở cuối"),
    "and": (" and ", " và "),
    "the code is": ("{what}: the code is '{code}'", "{what}: mã thủ tục là '{code}'"),
    "not national": (
        "is not a national code (D.DDDDDD, optionally with a local suffix like .000.00.00.H29)",
        "không đúng định dạng mã quốc gia (D.DDDDDD, có thể kèm hậu tố địa phương như "
        ".000.00.00.H29)",
    ),
    "message": ("The code '{code}' {problem}.", "Mã thủ tục '{code}' {problem}."),
    "probably": (
        "Probably {code}: check it in {where}, then write it in a cell formatted as "
        "Text, which keeps it as typed.",
        "Có lẽ là {code}: kiểm tra lại trong {where}, rồi ghi mã vào ô định dạng "
        "Text (văn bản) để giữ nguyên như khi nhập.",
    ),
    "write": ("Write the code as {code}.", "Sửa mã thành {code}."),
    # A code cell that holds a number (io.number_codes): what it lost, or only its type.
    "number lost zeros": (
        "The code is stored as the number {number}: Excel shows it so unless the cell's "
        "format pads it, and an export, a look-up or an upload reads {number}.",
        "Mã thủ tục được lưu dưới dạng số {number}: Excel hiển thị đúng như vậy trừ khi định "
        "dạng của ô thêm chữ số 0, và khi xuất dữ liệu, tra cứu (VLOOKUP) hay tải lên đều đọc "
        "thành {number}.",
    ),
    # Marked only where nearly every code of the column is a number (io.number_codes).
    "number": (
        "The code {number} is stored as a number, as nearly every code of its column is: "
        "Excel shows such a number with as many decimals as the cell's format gives and "
        "keeps no trailing zero (1.00415 for 1.004150), and a look-up of a code typed as "
        "text does not find it.",
        "Mã thủ tục {number} được lưu dưới dạng số, như gần hết các mã trong cột: Excel hiển "
        "thị số với số chữ số thập phân theo định dạng của ô và không giữ chữ số 0 ở cuối "
        "(1.00415 thay cho 1.004150), và tra cứu mã được nhập dạng văn bản sẽ không tìm thấy.",
    ),
    # A number with all of its code's digits that the cell's format shows with fewer.
    "number shown": (
        "The code {number} is stored as a number, which the cell's format shows as {shown}: "
        "the official reads another code, and a look-up of the code typed as text does not "
        "find it.",
        "Mã thủ tục {number} được lưu dưới dạng số, và định dạng của ô hiển thị thành {shown}: "
        "người xem đọc ra một mã khác, và tra cứu mã được nhập dạng văn bản sẽ không tìm thấy.",
    ),
    "cell as text": (
        "Format the cell as Text and type the code {code} again: procaudit fix writes it as text.",
        "Định dạng ô kiểu Text (văn bản) rồi nhập lại mã {code}: procaudit fix ghi lại mã dưới "
        "dạng văn bản.",
    ),
    "as text": (
        "Format the column as Text and type its codes again ({code} here): procaudit fix "
        "--unsafe-fixes writes them as text.",
        "Định dạng cột kiểu Text (văn bản) rồi nhập lại các mã ({code} ở dòng này): procaudit "
        "fix --unsafe-fixes ghi lại các mã dưới dạng văn bản.",
    ),
    "copy": ("Copy the procedure's code from {where}.", "Sao chép mã thủ tục từ {where}."),
    # PA102's, also said of a code cell that says there is no code yet (`code_hits`).
    "no code": ("The procedure has no code.", "Thủ tục chưa có mã."),
    "fill in": ("Fill in the procedure's code from {where}.", "Điền mã thủ tục theo {where}."),
}


def said(key: str, **values: object) -> str:
    return t(*MESSAGES[key], **values)


_UNSEEN_RE2 = f"[{re2_class(UNSEEN)}]"


def shown_codes(codes: pa.Array) -> pa.Array:
    """`shown` of each code, as PA101's messages quote it: the few holding a character it
    shows are written in Python, once each."""
    unseen = matches(codes, _UNSEEN_RE2)
    if not pc.any(unseen).as_py():
        return codes
    return pc.coalesce(map_texts(pc.if_else(unseen, codes, None), shown), codes)
