"""The canonical catalogue model: its columns and the headers that name them in the wild."""

from __future__ import annotations

from typing import Final

from procaudit.core.i18n import t

CANONICAL: Final = (
    "code",
    "name",
    "level",
    "field",
    "agency",
    "processing_time",
    "fee",
    "forms",
    "legal_basis",
    "online_level",
    "decision_no",
    "decision_date",
    "status",
)
REQUIRED: Final = ("name",)

# Where each canonical row came from; kept beside the data columns in every frame.
SHEET: Final = "_sheet"
ROW: Final = "_row"
# True where a row's status came from the section above it ("PHẦN III … BÃI BỎ"), not from
# its own cell; present only in tables with status sections.
SECTION_STATUS: Final = "_status_from_section"
# True where a row's status came from a mark in its name ("Cấp giấy phép X (đã bãi bỏ)",
# `name_status`), its own cell and its section giving none; present only in such tables.
NAME_STATUS: Final = "_status_from_name"
# The unit each row's section names in a list kept per unit whose units head their blocks
# ("UBND xã Tân Lập" over its rows) and no agency column names them; missing elsewhere, and
# present only in tables with such sections.
SECTION_UNIT: Final = "_unit_from_section"
# The number a code cell held, as its text ("1.00415"), on the rows whose code was read from
# a number cell and is reported so (`io.number_codes`); missing elsewhere, and present only in
# tables with such cells.
CODE_NUMBER: Final = "_code_number"
# The text Excel shows of such a cell where its format shows fewer decimals ("1.01" for
# 1.013807), on those rows only; present only in tables with such cells.
CODE_SHOWN: Final = "_code_shown"
# True on every row of a table from a workbook that counts its days from 1904 (Excel for
# Mac's date system), so that a day number is read from there; present only in such tables.
DATE_1904: Final = "_date1904"
# True on every row of a table of internal procedures, those between state bodies (Decision
# 1085/QĐ-TTg: "Danh mục thủ tục hành chính nội bộ"), which have no national code; present
# only in such tables.
INTERNAL: Final = "_internal"
# True on the rows of an annex of replaced procedures that name the procedure they replace
# (its code or name in a column headed "… được thay thế" / "… bị thay thế") beside the
# replacing one read: a new procedure, which may have no code yet (`io.replaced_codes`);
# present only in such tables.
REPLACING: Final = "_replacing"
# The public service each row names beside its procedure, where a list of online services
# reads the procedure's name from one column and the service's from another ("Tên dịch vụ
# công": one procedure offered as two services, each on its row): rows of one procedure and
# two services are no copies (`io.service_names`, PA201); present only in such tables.
SERVICE: Final = "_service"
# Who issued each row's decision, where a cell holding the decision and its date names it
# after the date ("125/QĐ-UBND ngày 20/9/2025 của UBND huyện Lâm Thao"): splitting the cell
# keeps it here; present only in tables with such cells.
DECISION_ISSUER: Final = "_decision_issuer"

# Aliases in order of preference: when two headers of one table name the same column, the
# one whose alias comes first wins (the portal has both "co_quan_thuc_hien" and
# "co_quan_co_tham_quyen"; the first is the agency that does the work). Headers are compared
# by `text.header_key`, so case, diacritics and punctuation do not matter here.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "code": (
        # The national code, where a one-stop export keeps it beside its own local code
        # ("Mã TTHC" 2021.TP.00 | "Mã TTHC quốc gia" 1.002520): the national one is checked.
        "Mã TTHC quốc gia",
        "Mã thủ tục quốc gia",
        "Mã thủ tục hành chính quốc gia",
        "Mã quốc gia",
        "Mã TTHC QG",
        "Mã QG",
        "Mã thủ tục",
        "Mã TTHC",
        "Mã số TTHC",
        "Mã số",
        "Mã số hồ sơ TTHC",
        "Số hồ sơ TTHC",  # the annex templates' (Thông tư 02/2017/TT-VPCP)
        "Số hồ sơ thủ tục hành chính",
        "Mã thủ tục hành chính",
        "Mã dịch vụ công",
        "Mã DVC",
        "Mã",
        "Code",
        "Procedure code",
        "Procedure ID",
        "Public service code",  # "Mã dịch vụ công"
        "Service code",
    ),
    "name": (
        "Tên thủ tục",
        "Tên thủ tục hành chính",
        "Tên TTHC",
        "Tên",
        "Thủ tục hành chính",
        "Tên dịch vụ công",  # a public-service portal's list
        "Tên DVC",
        # Before the online level's "Dịch vụ công trực tuyến", which it would read after "tên".
        "Tên dịch vụ công trực tuyến",
        # "Tên thủ tục/dịch vụ" joins "Tên thủ tục" and "Tên dịch vụ" (io/header_alternatives).
        "Tên dịch vụ",
        "Name",
        "Procedure name",
        "Procedure",
        "Administrative procedure",
        "Administrative procedure name",
        "Procedure title",  # "Title of the procedure" too, read in any order
        "Title",
        "Public service name",  # "Tên dịch vụ công"
        "Service name",
    ),
    "level": (
        "Cấp thực hiện",
        "Cấp giải quyết",
        "Cấp có thẩm quyền giải quyết",  # the level competent to decide: the level
        "Cấp có thẩm quyền",
        "Cấp",
        "Level",
        "Administrative level",
        "Implementation level",
    ),
    "field": ("Lĩnh vực", "Ngành, lĩnh vực", "Field", "Sector", "Domain"),
    "agency": (
        "Cơ quan thực hiện",
        "Cơ quan giải quyết",
        "Cơ quan có thẩm quyền",
        "Cơ quan có thẩm quyền giải quyết",
        "Cơ quan thẩm quyền",  # "có" left out
        "Đơn vị giải quyết",
        # The body leading the procedure (Circular 02/2017's annexes); not one that only
        # receives dossiers ("Cơ quan tiếp nhận hồ sơ": a provincial centre receives for
        # every level), nor one that coordinates or reviews ("chủ trì rà soát").
        "Cơ quan chủ trì",
        "Cơ quan chủ trì giải quyết",
        "Đơn vị chủ trì",
        "Đơn vị chủ trì giải quyết",
        # The body a competence was decentralised to (the 2025 decrees' annexes): it holds
        # the competence, where no header above names the agency. Not one only authorised
        # to act for another (the portal's "co_quan_duoc_uy_quyen", often empty).
        "Cơ quan được phân cấp",
        "Cơ quan nhận phân cấp",
        "Agency",
        "Implementing agency",
        "Implementing body",
        "Implementing authority",
        "Competent authority",
        "Competent agency",
        "Responsible agency",
        "Performing agency",
        "Executing agency",
        "Handling agency",
        "Settling agency",
        "Agency in charge",
        "Authority",
        # Last: a one-stop export's unit (`TEN_CO_QUAN`, `TEN_DON_VI`) names the agency only
        # where no header above does.
        "Đơn vị thực hiện",
        # A one-stop system's units a procedure is configured for ("Đơn vị áp dụng"): the
        # offices that take and settle it there.
        "Đơn vị áp dụng",
        "Cơ quan áp dụng",
        "Cơ quan",
        "Đơn vị",
    ),
    "processing_time": (
        "Thời hạn giải quyết",
        "Thời gian giải quyết",
        # The time to settle a dossier under other words ("xử lý", "số ngày"), with a unit in
        # brackets too ("Thời gian xử lý (ngày)"). Not "Thời gian thực hiện": a review plan's
        # deadline ("Quý II/2026").
        "Thời hạn giải quyết theo quy định",
        "Thời gian giải quyết theo quy định",
        "Thời hạn giải quyết hồ sơ",
        "Thời gian giải quyết hồ sơ",
        "Thời gian xử lý",
        "Thời hạn xử lý",
        "Thời gian xử lý hồ sơ",
        "Thời hạn xử lý hồ sơ",
        "Số ngày giải quyết",
        "Số ngày xử lý",
        "Thời hạn",
        "Processing time",
        "Settlement time",  # "Time for settlement" too: English is read in any order
        "Time limit",
        "Deadline",
    ),
    "fee": (
        "Phí, lệ phí",
        "Phí lệ phí",
        "Lệ phí",
        "Phí",
        "Fee",
        "Fees",
        "Charges",
        "Fees and charges",
    ),
    "forms": (
        "Mẫu đơn, tờ khai",
        "Mẫu đơn tờ khai",
        "Mẫu đơn",
        "Tờ khai",
        "Biểu mẫu",
        "Mẫu đơn, tờ khai hành chính",
        "Biểu mẫu điện tử",  # the e-forms of an online service
        "Forms",
        "Form",
        "Application form",
        "Application forms",
        "Forms and declarations",  # "Mẫu đơn, tờ khai"
        "Application forms and declarations",
        "Form template",
        "Form templates",
    ),
    "legal_basis": (
        "Căn cứ pháp lý",
        "Cơ sở pháp lý",
        "Căn cứ",
        # The annexes' "Tên VBQPPL quy định nội dung sửa đổi, bổ sung" (… việc bãi bỏ TTHC).
        "Văn bản quy phạm pháp luật quy định nội dung",
        "Văn bản quy phạm pháp luật quy định việc",
        "Văn bản quy phạm pháp luật quy định",
        "Legal basis",
        "Legal grounds",
    ),
    "online_level": (
        "Mức độ DVC",
        "Mức độ dịch vụ công trực tuyến",
        "Dịch vụ công trực tuyến",
        "Mức độ DVCTT",
        # Decree 42/2022's own words: "mức độ cung cấp dịch vụ công trực tuyến".
        "Mức độ cung cấp dịch vụ công trực tuyến",
        "Mức độ cung cấp dịch vụ công",
        "Mức độ",
        "Online level",
        "Online service level",
        "Online public service level",  # "Mức độ dịch vụ công trực tuyến"
        "Public service level",  # "Mức độ DVC"
    ),
    "decision_no": (
        "Số quyết định",
        "Quyết định công bố",
        "Số QĐ",
        "Số quyết định công bố",
        "Số hiệu quyết định",
        "Số, ký hiệu quyết định",
        "Số, ký hiệu quyết định công bố",
        "Số, ngày quyết định công bố",  # "1890/QĐ-UBND ngày 15/8/2025", split by io/decisions
        "Số, ngày quyết định",
        "Số và ngày quyết định",
        "Quyết định",
        "Văn bản công bố",  # the publishing document: the decision
        "Số văn bản công bố",
        "Số hiệu văn bản công bố",
        "Số, ký hiệu văn bản công bố",
        "Decision no",
        "Decision number",
        "Publishing decision",  # "Quyết định công bố" in English
        "Decision on publication",
        "Decision",
    ),
    "decision_date": (
        "Ngày công bố",
        "Ngày quyết định",
        "Ngày ban hành",
        "Ngày quyết định công bố",
        "Ngày ban hành quyết định",
        "Ngày, tháng, năm ban hành",
        "Ngày, tháng, năm công bố",
        "Thời điểm công bố",
        "Decision date",
        "Announcement date",
        "Publication date",
        "Issue date",
        "Issued date",
        "Decision issue date",
        "Date",
    ),
    "status": (
        "Tình trạng",
        "Trạng thái",
        "Hiệu lực",
        "Tình trạng hiệu lực",
        "Trạng thái hiệu lực",
        "Status",
        "Validity",
        "Effective status",
        "Validity status",
    ),
}
# How messages name a column ("the file has no code ('Mã thủ tục') column"): its first alias,
# but the code's plainest, not the national code's that wins over a local one.
SHOWN_HEADERS: Final[dict[str, str]] = {
    **{column: aliases[0] for column, aliases in ALIASES.items()},
    "code": "Mã thủ tục",
}


def named_column(column: str, with_header: bool = False) -> str:
    """A canonical column as a sentence names it: in English its id, what --map takes, with
    its usual header after it if asked ("decision_no ('Số quyết định')"); in Vietnamese its
    header alone ("'Số quyết định'"), which an English id would break the sentence of."""
    shown = SHOWN_HEADERS.get(column)
    if shown is None:
        return f"'{column}'" if with_header else column
    english = "{column} ('{shown}')" if with_header else "{column}"
    return t(english, "'{shown}'", column=column, shown=shown)


# Headers that name one value of a column, not the column: "Cấp tỉnh | Cấp xã" or "DVC toàn
# trình | DVC một phần" side by side, the rows marking the one that applies (io/marks.py);
# "Mức độ 3 | Mức độ 4" too, a list still on the scale Decree 42/2022 replaced (PA503 says so).
# Patterns that a whole header key (`text.header_key`) matches.
VALUE_HEADERS: Final[dict[str, str]] = {
    "level": r"(cap )?(trung uong|tw|bo|tinh|huyen|xa|phuong)|co quan khac",
    "online_level": r"((dvc|dvctt|dich vu cong)( truc tuyen)? |truc tuyen )?(toan trinh|mot phan)"
    r"|((dvc|dvctt|dich vu cong)( truc tuyen)? )?muc do [1-4]",
    "status": r"(thu tuc )?(ban hanh moi|moi ban hanh|sua doi( bo sung)?|bo sung|bai bo|thay the)",
}

# A dossier-components sheet (Thành phần hồ sơ) beside the list: one row per document the
# applicant hands in, with its procedure's code and the link to (or file of) its form. Its
# headers are matched like the catalogue's, against these aliases only ("Mẫu đơn, tờ khai"
# is the catalogue's forms column but a component's form link).
COMPONENT_REQUIRED: Final = ("component",)
COMPONENT_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "code": ALIASES["code"],
    "component": (
        "Tên giấy tờ",
        "Tên thành phần hồ sơ",
        "Thành phần hồ sơ",
        "Tên thành phần",
        "Tên hồ sơ",
        "Giấy tờ",
        "Thành phần",
        "Component",
        "Document",
        "Document name",
    ),
    "form_link": (
        "Mẫu đơn, tờ khai",
        "Mẫu đơn tờ khai",
        "Biểu mẫu",
        "File mẫu",
        "Tệp mẫu",
        "Mẫu đơn",
        "Tờ khai",
        "Đường dẫn",
        "Link",
        "Tệp đính kèm",
        "File",
        "Form",
        "Form link",
        "URL",
    ),
    "quantity": ("Số lượng", "Số lượng - bản chính", "Số bản", "Quantity"),
}
