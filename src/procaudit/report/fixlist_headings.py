"""The fix-list's column headings, apart from the writer: a folder scan recognises a fix-list
saved as CSV by its header line (`app.own_outputs`), and importing the writer for them
(openpyxl, the workbook parts) cost a folder run 0.3 s before its first file."""

from __future__ import annotations

HEADINGS = (
    "Tệp / File",
    "Trang tính / Sheet",
    "Ô / Cell",
    "Dòng / Row",
    "Mã TTHC / Code",
    "Tên thủ tục / Procedure",
    "Quy tắc / Rule",
    "Mức độ / Severity",
    "Nội dung / Message",
    "Giá trị hiện tại / Current value",
    "Cách sửa / Suggested fix",
    "Người xử lý / Assignee",
    "Trạng thái / Status",
)
# With --lang vi the fix-list speaks Vietnamese alone; the English one keeps the Vietnamese
# beside the English, for the officials it is passed on to.
HEADINGS_VI = (
    "Tệp",
    "Trang tính",
    "Ô",
    "Dòng",
    "Mã TTHC",
    "Tên thủ tục",
    "Quy tắc",
    "Mức độ",
    "Nội dung",
    "Giá trị hiện tại",
    "Cách sửa",
    "Người xử lý",
    "Trạng thái",
)
