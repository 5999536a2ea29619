"""Application forms (mẫu đơn, tờ khai): named in the list, and present as files."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, SupportsInt, cast
from urllib.parse import parse_qsl, unquote, urlsplit

import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from procaudit.catalogue.columns import ROW
from procaudit.catalogue.text_columns import comparison_keys, map_distinct
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.core.paths import unreachable
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits, hits
from procaudit.rules.registry import file_rule, frame_rule
from procaudit.vn.text import fold

if TYPE_CHECKING:
    from procaudit.io.read import Table

# Cells that only hold a placeholder mean nobody filled them in.
FORM_PLACEHOLDERS = re.compile(r"[\s\-–—_.…/]*")
# Words that say nobody knows the form yet, matched on the whole folded cell (its dots and
# dashes trimmed): "Đang cập nhật", "Chưa có (mẫu)", "Không có thông tin" (the portal's
# placeholder), "N/A", and "0", what a formula shows of an empty cell. "Không", "Không có"
# and "Không quy định" say no form is required: they are no placeholder. Nor is "x", which
# may tick a column of forms as present.
_FORM_UNKNOWN = re.compile(
    r"(?:đang (?:cập nhật|xây dựng)|chưa (?:có|cập nhật|ban hành)(?: thông tin| mẫu(?: đơn)?"
    r"(?:,? tờ khai)?)?|(?:không|chưa) có thông tin|n/?a|0+|\?+)"
)
# A cell longer than this is no placeholder of `_FORM_UNKNOWN`'s.
LONGEST_FORM_PLACEHOLDER = 40


def no_form_named(cell: str) -> bool:
    """Whether a forms cell names no form: it holds only a placeholder (dashes, dots) or
    words that say the form is not known yet."""
    if FORM_PLACEHOLDERS.fullmatch(cell):
        return True
    if len(cell) > LONGEST_FORM_PLACEHOLDER:
        return False
    return _FORM_UNKNOWN.fullmatch(fold(cell).strip(" .…-–—_:;")) is not None


@frame_rule(
    "PA301",
    "missing-form",
    Severity.ERROR,
    columns=("forms",),
    finds=(
        'an empty forms cell, or one holding a placeholder ("-", "Đang cập nhật", "Chưa có", '
        '"Không có thông tin", "N/A", "0"); "Không", "Không có", "Không quy định" mean none is '
        "needed and are fine"
    ),
    row_local=True,
)
def missing_form(ctx: RuleContext) -> pd.DataFrame:
    """A procedure whose forms cell is empty.

    Citizens cannot apply without the form, and the reform targets an electronic form for
    every procedure. An empty cell, only a dash, or words that say nothing is known yet
    ("Đang cập nhật", "Chưa có", "Không có thông tin", "N/A", "0") mean nobody said which
    form applies. An explicit "Không", "Không có" or "Không quy định" says no form is needed
    and is fine; so is "x", which may tick the form as present. A procedure whose status says
    it is out of force, suspended or closed ("Bãi bỏ", "Hết hiệu lực", "Tạm dừng", "Đóng") is
    not asked for its form.

    **Bad**
    ```
    Tên thủ tục        | Mẫu đơn, tờ khai
    Đăng ký khai sinh  |
    Đăng ký kết hôn    | Đang cập nhật
    ```

    **Good**
    ```
    Tên thủ tục        | Mẫu đơn, tờ khai
    Đăng ký khai sinh  | Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1)
    Cấp bản sao        | Không
    ```

    **Fix**: name the form the applicant fills in, or write "Không" if none is required.

    [vi]
    Thủ tục có ô mẫu đơn, tờ khai để trống.

    Người dân không thể nộp hồ sơ nếu không có mẫu đơn, tờ khai, và mục tiêu cải cách là mọi thủ
    tục đều có biểu mẫu điện tử. Ô để trống, chỉ có dấu gạch, hoặc ghi chưa có thông tin ("Đang
    cập nhật", "Chưa có", "Không có thông tin", "N/A", "0") nghĩa là chưa ai ghi mẫu nào được áp
    dụng. Ghi rõ "Không", "Không có" hoặc "Không quy định" nghĩa là thủ tục không yêu cầu mẫu, và
    như vậy là hợp lệ; "x" cũng vậy, vì có thể là dấu đánh dấu có mẫu. Thủ tục có tình trạng hết
    hiệu lực, tạm dừng hoặc đã đóng ("Bãi bỏ", "Hết hiệu lực", "Tạm dừng", "Đóng") không bị yêu
    cầu mẫu đơn.

    **Sai**
    ```
    Tên thủ tục        | Mẫu đơn, tờ khai
    Đăng ký khai sinh  |
    Đăng ký kết hôn    | Đang cập nhật
    ```

    **Đúng**
    ```
    Tên thủ tục        | Mẫu đơn, tờ khai
    Đăng ký khai sinh  | Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1)
    Cấp bản sao        | Không
    ```

    **Cách sửa**: ghi rõ mẫu đơn, tờ khai mà người nộp hồ sơ phải kê khai, hoặc ghi "Không" nếu
    không yêu cầu.
    """
    frame = ctx.frame
    forms = frame["forms"]
    placeholder = ctx.map_distinct("forms", no_form_named, dtype="boolean").fillna(False)
    # A procedure out of force, suspended or closed is not asked for its form.
    empty = (forms.isna() | placeholder.astype(bool)) & ~ctx.not_in_force
    return hits(
        frame,
        empty,
        "forms",
        t("The procedure lists no application form.", "Thủ tục chưa ghi mẫu đơn, tờ khai."),
        t(
            "Name the form (tờ khai, mẫu đơn) the applicant fills in, or write 'Không' if none is "
            "required.",
            "Ghi rõ mẫu đơn, tờ khai mà người nộp hồ sơ phải kê khai, hoặc ghi 'Không' nếu không "
            "yêu cầu.",
        ),
    )


# --- PA302: form files named in the catalogue, and form components with no file -----------

_FORM_EXTENSIONS = ("doc", "docx", "pdf", "xls", "xlsx", "odt", "ods", "rtf")
_URL = re.compile(r"https?://[^\s<>\"'“”]+", re.IGNORECASE)
# Several names in one cell are put on their own lines or separated by ";", "," or "|".
_NAME_SEPARATORS = re.compile(r"[\n\r;,|]")
# A file name is the word ending in a form extension; the words before it, back to a
# bracket, colon, quote or slash, may be part of it ("Mẫu 01.doc").
_FILE_WORD = re.compile(
    r"[^\s()\[\]{}<>\"'“”:/\\]+\.(?:" + "|".join(_FORM_EXTENSIONS) + r")(?!\w)", re.IGNORECASE
)
_NAME_BOUNDARY = re.compile(r"[()\[\]{}<>\"'“”:/\\]")
_BULLET = re.compile(r"[-+*•–—]+|\(?\d+[.)]|\(?[a-zđ][.)]", re.IGNORECASE)
_FILE_URL_END = re.compile(r"\.(?:" + "|".join(_FORM_EXTENSIONS) + r")$", re.IGNORECASE)
_CLOSE_EDITS = 3  # a file on disk this many edits from a missing name is suggested
_SHOWN_COMPONENT = 80  # characters of a component's name quoted in a message

# A component is a form when its first words (after a bullet, a number or a count such as
# "02 (hai)") are "Tờ khai", "Mẫu" or "Đơn"; "Đơn vị" (unit), "Đơn giá", "Mẫu vật"
# (specimen) and "Mẫu thử" are not. Matched on `comparison_key`s: lower case, NFC.
_FORM_COMPONENT = re.compile(
    r"^(?:(?:[-+*•–—]+|\(?\d+(?:\.\d+)*[.)]|\(?[a-zđ][.)])\s*)*"
    r"(?:\d+\s*(?:\([^)]*\)\s*)?)?"
    r"(?:tờ khai|mẫu(?!\s+(?:vật|thử)\b)|đơn(?!\s+(?:vị|giá)\b))\b"
)


def named_files(cell: str) -> tuple[tuple[str, ...], ...]:
    """The form files a cell names, each as the ways to read it, longest first: "Tờ khai
    mau01.docx" may name the file "Tờ khai mau01.docx" or "mau01.docx". A URL names the
    file its path ends with; a portal link to a download script names none."""
    names: list[tuple[str, ...]] = []
    for url in _URL.findall(cell):
        path = urlsplit(url.rstrip(".,;:)]}")).path  # the sentence's stop is not the URL's
        last = unquote(path.rstrip("/").rsplit("/", 1)[-1])
        if _FILE_URL_END.search(last):
            names.append((last,))
    for piece in _NAME_SEPARATORS.split(_URL.sub(" ", cell)):
        start = 0
        for match in _FILE_WORD.finditer(piece):
            names.append(_readings(piece[start : match.start()], match.group(0)))
            start = match.end()
    return tuple(names)


def _readings(before: str, word: str) -> tuple[str, ...]:
    """`word` alone and with each run of the words before it (back to a boundary)."""
    bounds = list(_NAME_BOUNDARY.finditer(before))
    words = before[bounds[-1].end() :].split() if bounds else before.split()
    while words and _BULLET.fullmatch(words[0]):
        words.pop(0)
    return tuple(" ".join([*words[i:], word]) for i in range(len(words) + 1))


def _file_key(name: str) -> str:
    # Files copied between Windows and Linux (or from a Mac, which stores NFD) change case
    # and Unicode form; neither makes a different file.
    return unicodedata.normalize("NFC", name).casefold()


def _files_in(directory: Path) -> dict[str, str]:
    """Every file under `directory`, by its key, with its name as stored."""
    # A link into a folder the user may not enter is no file to them (is_file() would raise).
    return {
        _file_key(path.name): path.name
        for path in directory.rglob("*")
        if not unreachable(path) and path.is_file()
    }


def _closest(readings: tuple[str, ...], files: dict[str, str]) -> str | None:
    best: tuple[int, str] | None = None
    for reading in readings:
        found = process.extractOne(
            _file_key(reading), list(files), scorer=Levenshtein.distance, score_cutoff=_CLOSE_EDITS
        )
        if found is not None and (best is None or found[1] < best[0]):
            best = (found[1], files[found[0]])
    return None if best is None else best[1]


def _missing_files(frame: pd.DataFrame, column: str, files: dict[str, str]) -> pd.DataFrame:
    """One row per file named in `column` that is not among `files`: the frame's index,
    the readings of the name."""
    cells = frame[column].dropna()
    if cells.empty:
        return pd.DataFrame(columns=["readings"])
    named = map_distinct(cells, named_files, dtype="object").explode().dropna()
    present = map_distinct(
        named, lambda readings: any(_file_key(r) in files for r in readings), dtype="bool"
    )
    return named[~present].to_frame("readings")


def _file_records(
    table: Table, column: str, files: dict[str, str], where: Path, keep: pd.Series
) -> list[dict[str, object]]:
    frame = table.frame[keep]
    missing = _missing_files(frame, column, files)
    codes = frame["code"] if "code" in frame else pd.Series(None, index=frame.index)
    records: list[dict[str, object]] = []
    said = t(
        "The form file '{name}' is not in the forms folder {where}.",
        "Không có tệp biểu mẫu '{name}' trong thư mục biểu mẫu {where}.",
    )
    fix = t(
        "Put '{name}' in {where}, or correct the file name in the cell{hint}.",
        "Đưa tệp '{name}' vào {where}, hoặc sửa tên tệp trong ô{hint}.",
    )
    closest_is = t(
        " (the closest file there is '{closest}')",
        " (tệp có tên gần giống nhất trong thư mục là '{closest}')",
    )
    for index, readings in missing["readings"].items():
        name = readings[0]
        closest = _closest(readings, files)
        hint = closest_is.format(closest=closest) if closest else ""
        records.append(
            {
                "sheet": table.sheet,
                "row": int(cast(SupportsInt, frame.at[index, ROW])),
                "code": _code(codes.at[index]),
                "column": column,
                "value": frame.at[index, column],
                "message": said.format(name=name, where=where),
                "fix": fix.format(name=name, where=where, hint=hint),
            }
        )
    return records


def _code(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def no_form_file(link: str) -> bool:
    """A form link that gives no file: a placeholder, or a link whose query is empty (the
    2021 portal's `download_file.jsp?ma=` where no form was uploaded)."""
    text = link.strip()
    if FORM_PLACEHOLDERS.fullmatch(text):
        return True
    if not _URL.fullmatch(text):
        return False
    parts = urlsplit(text)
    values = [value for _, value in parse_qsl(parts.query, keep_blank_values=True)]
    return bool(parts.query) and not any(values) and not _FILE_URL_END.search(parts.path)


def _unattached_forms(table: Table) -> list[dict[str, object]]:
    """Components named as forms whose form link is empty or gives no file."""
    frame = table.frame
    if "form_link" not in frame:
        return []  # the sheet has no link column: nothing says whether a file is attached
    is_form = comparison_keys(frame["component"]).str.match(_FORM_COMPONENT).fillna(False)
    links = frame["form_link"]
    no_file = links.isna() | map_distinct(links, no_form_file, dtype="boolean").fillna(False)
    found = frame[is_form.astype(bool) & no_file.astype(bool)]
    codes = found["code"] if "code" in found else pd.Series(None, index=found.index)
    said = t(
        "The dossier component '{name}' is a form, but no form file is attached to it.",
        "Thành phần hồ sơ '{name}' là mẫu đơn, tờ khai nhưng chưa đính kèm tệp biểu mẫu.",
    )
    fix = t(
        "Attach the form file (or a link that downloads it) to the component.",
        "Đính kèm tệp biểu mẫu (hoặc đường dẫn tải tệp) cho thành phần hồ sơ này.",
    )
    return [
        {
            "sheet": table.sheet,
            "row": int(row),
            "code": _code(code),
            "column": "form_link",
            "value": None if pd.isna(link) else link,
            "message": said.format(name=_shortened(name)),
            "fix": fix,
        }
        for row, code, name, link in zip(
            found[ROW], codes, found["component"], found["form_link"], strict=True
        )
    ]


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _SHOWN_COMPONENT:
        return text
    return text[: _SHOWN_COMPONENT - 1].rstrip() + "…"


@file_rule(
    "PA302",
    "form-file-missing",
    Severity.ERROR,
    columns=("name",),
    finds=(
        "with `--forms-dir`, a form file named in the list that is not in the folder; always, "
        'a dossier component that is a form ("Tờ khai", "Mẫu", "Đơn") with no file'
    ),
)
def form_file_missing(ctx: FileContext) -> pd.DataFrame:
    """A form the catalogue names has no file.

    Two things are checked. With `--forms-dir DIR`, every form file a forms cell names (a
    name ending in .doc, .docx, .pdf, .xls, .xlsx, .odt, .ods or .rtf, or a link whose path
    ends in one) must be a file somewhere under DIR; names are compared ignoring case and
    Unicode form, since the files travel between Windows, Linux and Mac. Procedures out of
    force are not checked. The form links of a dossier-components sheet (Thành phần hồ sơ)
    are checked the same way. A forms cell that names no file ("Tờ khai theo mẫu
    TP/HT-2020-KS.1") is left alone; an empty one is PA301's.

    Always, on a dossier-components sheet: a component that is a form (its name begins with
    "Tờ khai", "Mẫu" or "Đơn", but not "Đơn vị") must have a form file. An empty link, a dash,
    or a link that downloads nothing (the portal's `download_file.jsp?ma=` with no `ma`)
    means the applicant cannot get the form: the reform asks for an electronic form for
    every procedure.

    **Bad**
    ```
    Mã thủ tục | Tên giấy tờ               | Mẫu đơn, tờ khai
    1.000178   | Tờ khai đăng ký khai sinh | …/download_file.jsp?ma=
    ```
    and, with `--forms-dir forms/`, a forms cell "mau-ks.docx" while forms/ holds no such file.

    **Good**
    ```
    Mã thủ tục | Tên giấy tờ               | Mẫu đơn, tờ khai
    1.000178   | Tờ khai đăng ký khai sinh | …/download_file.jsp?ma=3fd96e2f
    1.000178   | Bản sao giấy chứng sinh   |
    ```
    and forms/ (or a folder in it) holds mau-ks.docx, or MAU-KS.DOCX.

    **Fix**: put the missing file in the forms folder or correct its name in the cell (the
    closest file name there is suggested); attach the form file to the component.

    [vi]
    Mẫu đơn, tờ khai được nêu trong danh mục nhưng không có tệp.

    Quy tắc kiểm tra hai điều. Khi có `--forms-dir DIR`, mọi tệp biểu mẫu mà ô mẫu đơn, tờ khai
    nêu (tên tệp có đuôi .doc, .docx, .pdf, .xls, .xlsx, .odt, .ods hoặc .rtf, hoặc đường dẫn kết
    thúc bằng các đuôi đó) phải có trong DIR hoặc thư mục con của DIR; tên tệp được so sánh không
    phân biệt chữ hoa chữ thường và dạng Unicode, vì tệp được chép qua lại giữa Windows, Linux và
    Mac. Thủ tục đã hết hiệu lực không được kiểm tra. Đường dẫn biểu mẫu trong trang tính thành
    phần hồ sơ cũng được kiểm tra như vậy. Ô mẫu đơn, tờ khai không nêu tệp nào ("Tờ khai theo
    mẫu TP/HT-2020-KS.1") thì bỏ qua; ô để trống thuộc quy tắc PA301.

    Luôn kiểm tra trong trang tính thành phần hồ sơ: thành phần là mẫu đơn, tờ khai (tên bắt đầu
    bằng "Tờ khai", "Mẫu" hoặc "Đơn", nhưng không phải "Đơn vị") phải có tệp biểu mẫu. Đường dẫn
    để trống, chỉ có dấu gạch, hoặc đường dẫn không tải được gì (`download_file.jsp?ma=` của Cổng
    dịch vụ công khi thiếu `ma`) nghĩa là người dân không lấy được mẫu: cải cách yêu cầu mọi thủ
    tục đều có biểu mẫu điện tử.

    **Sai**
    ```
    Mã thủ tục | Tên giấy tờ               | Mẫu đơn, tờ khai
    1.000178   | Tờ khai đăng ký khai sinh | …/download_file.jsp?ma=
    ```
    và, khi chạy với `--forms-dir forms/`, ô mẫu đơn ghi "mau-ks.docx" trong khi thư mục forms/
    không có tệp này.

    **Đúng**
    ```
    Mã thủ tục | Tên giấy tờ               | Mẫu đơn, tờ khai
    1.000178   | Tờ khai đăng ký khai sinh | …/download_file.jsp?ma=3fd96e2f
    1.000178   | Bản sao giấy chứng sinh   |
    ```
    và thư mục forms/ (hoặc thư mục con) có tệp mau-ks.docx, hoặc MAU-KS.DOCX.

    **Cách sửa**: đưa tệp còn thiếu vào thư mục biểu mẫu hoặc sửa tên tệp trong ô (procaudit gợi
    ý tên tệp gần giống nhất); đính kèm tệp biểu mẫu cho thành phần hồ sơ.
    """
    records: list[dict[str, object]] = []
    where = ctx.options.forms_dir
    if where is not None:
        files = _files_in(where)
        for table, context in ctx.with_columns("forms"):
            records += _file_records(table, "forms", files, where, ~context.abolished)
        for table in ctx.components:
            if "form_link" in table.frame:
                keep = pd.Series(True, index=table.frame.index)
                records += _file_records(table, "form_link", files, where, keep)
    for table in ctx.components:
        records += _unattached_forms(table)
    return file_hits(records)
