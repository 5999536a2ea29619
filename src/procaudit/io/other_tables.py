"""Tables that are not procedure catalogues, told by their columns.

Officials and scheduled jobs hand procaudit whatever sits in the folder, and a one-stop
system exports more than its catalogue. Its list of dossiers (danh sách hồ sơ) names a
procedure on every row, each procedure many times; its statistics (báo cáo số liệu giải
quyết hồ sơ) count dossiers per procedure; a council's fee schedule (biểu mức thu phí, lệ
phí) gives a procedure a row per fee; a list of agencies (danh sách cơ quan, đơn vị) gives
their electronic ids (000.00.15.H44). Read as catalogues they make pages of false duplicates
and invalid codes, or a clean report of a file that holds no catalogue at all: such a table
is refused with one sentence that says what it looks like.

A kind is told by words of its headers that a catalogue's columns do not hold, folded as
`text.header_key` folds them (case, diacritics, punctuation and a database's underscores do
not matter) and read as runs of words, in the columns a catalogue does not read (`Signals`:
an applicant, a receipt date, a due date, a dossier's number ...). One such column decides
nothing ("Số hồ sơ" is the procedure's code in a decision's annex template): a kind needs
two of its signals, counts need their values too (most cells numbers), and an agency list
its agencies' ids. A table that reads four of what a catalogue says of each procedure
(level, field, agency, processing time …) is a catalogue that also gives a fee's amount or
last year's counts: not refused as a fee schedule or a report. The headers' words are read
once per distinct header text, and the decision once per header row: a folder of communes'
lists repeats them in every file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from procaudit.core.i18n import t
from procaudit.io.grid import Grid
from procaudit.io.layout import HEADER_SCAN_ROWS, SheetAccount
from procaudit.io.value_profile import sample
from procaudit.io.values import AGENCY_IDS
from procaudit.vn.agencies import AGENCY_ID
from procaudit.vn.text import header_key

DOSSIERS, STATISTICS, FEES, AGENCIES = "dossiers", "statistics", "fees", "agencies"
REVIEW_PLAN = "review plan"
CONTENT = "content"
DECISION = "decision"
PROCESS = "process"
PROCESS_TITLE = "process title"

# The signals a header's key (`text.header_key`) may carry, each a pattern of its words.
_SIGNALS: dict[str, str] = {
    # Who handed the dossier in: "Người nộp", "Chủ hồ sơ", "Tổ chức, cá nhân nộp hồ sơ".
    "applicant": (
        r"\b(?:nguoi|to chuc|ca nhan|cong dan)(?: ca nhan| to chuc)? "
        r"(?:nop|dang ky|de nghi|yeu cau)\b|\bchu (?:ho so|hs)\b"
    ),
    # When it was received: "Ngày tiếp nhận", "Ngày nhận hồ sơ", "Thời gian nộp".
    "received": r"\b(?:ngay|thoi gian|thoi diem) (?:tiep nhan|nhan|nop)\b",
    # When it is due: "Hạn xử lý", "Ngày hẹn trả", "Ngày trả kết quả"; not a catalogue's
    # "Thời hạn giải quyết", the time the procedure takes.
    "due": (
        r"(?<!thoi )\bhan (?:xu ly|giai quyet|tra)\b|\bhen tra\b"
        r"|\bngay (?:tra|hoan thanh|ket thuc)\b"
    ),
    # Its own number, the whole header: "Mã hồ sơ", "Số biên nhận" (not "Số hồ sơ tiếp nhận",
    # a count, nor "Mã hồ sơ TTHC", an annex's code of the procedure).
    "dossier_number": r"^(?:so|ma)(?: so)? (?:ho so|hs|bien nhan)$",
    # What a count of dossiers or procedures is headed by: "Tổng số hồ sơ tiếp nhận", "Đã
    # giải quyết", "Đúng hạn", "Quá hạn", "Tồn", "Tỷ lệ (%)", "Số TTHC".
    "count": (
        r"\b(?:so luong|tong|tong so|ho so|tiep nhan|giai quyet|xu ly|dung han|truoc han"
        r"|qua han|tre han|ton|ton dong|ky truoc|chuyen (?:qua|sang)|da tra|ty le"
        r"|so (?:tthc|thu tuc|dich vu cong|dvc)|truc tuyen|truc tiep|buu chinh)\b"
    ),
    # A fee's amount, its unit and what it is charged for: "Mức thu (đồng)", "Đơn vị tính",
    # "Nội dung thu", "Đối tượng nộp".
    "rate": r"\bmuc (?:thu|phi|le phi)\b|\bso tien\b|\bdon gia\b",
    "unit": r"^(?:don vi tinh|dvt)\b",
    "charged": (
        r"\bnoi dung (?:thu|phi)\b|\bdoi tuong (?:thu|nop|chiu phi)\b|\bkhoan (?:thu|phi)\b"
        r"|\bloai (?:phi|le phi)\b"
    ),
    # An agency's id, its name and how it is reached: "Mã định danh", "Tên cơ quan, đơn vị",
    # "Địa chỉ", "Điện thoại", "Thư điện tử".
    "agency_id": r"^ma (?:dinh danh|don vi|co quan)\b",
    "agency_name": r"^(?:ten )?(?:co quan|don vi)\b",
    "contact": r"\b(?:dia chi|dien thoai|e ?mail|thu dien tu|fax|website)\b",
}
_PATTERNS = {signal: re.compile(pattern) for signal, pattern in _SIGNALS.items()}
_DOSSIER_SIGNALS = ("dossier_number", "applicant", "received", "due")
_FEE_OTHERS = ("unit", "charged")
_ROW_NUMBER = frozenset({"stt", "tt", "so tt", "so thu tu", "no"})

# Values: a count or a share ("12", "1.234", "85,7", "90%"); an agency's electronic id.
_NUMBER = r"[0-9]+(?:[.,][0-9]+)*%?"
_AGENCY_ID = re.compile(AGENCY_ID)
_CLEAR = 0.8  # the share of a column's cells that says what it holds
_FEWEST = 3  # cells a column needs to say anything
_LEAST_COUNTS = 3  # count columns a catalogue's header row needs to be a report's
# What a catalogue says of each procedure and a fee schedule or a report does not (their
# fee and legal basis they may give): four of them read make the table a catalogue.
_DESCRIBING = (
    "level", "field", "agency", "processing_time", "forms", "decision_no", "online_level",
    "status",
)  # fmt: skip
_DESCRIBED = 4
_SHOWN = 4  # headers quoted
# A ministry's or province's plan to review procedures (Thông tư 02/2017/TT-VPCP) is titled
# so; it lists procedures, groups of them and other rules, with who reviews them and when.
_REVIEW_PLAN = re.compile(r"^ke hoach ra soat\b")
# An internal process's title: "QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH …".
_PROCESS_TITLE = re.compile(r"^quy trinh noi bo\b")
# Where a list of agencies names them: "Sở Tư pháp", "UBND xã Tân Lập", "Văn phòng …".
# The labels of a procedure's content in a decision's annex (Phần II), each followed by a
# colon: "a) Trình tự thực hiện:", "Thành phần, số lượng hồ sơ:", "h) Phí, lệ phí: Không".
_CONTENT_LABEL = re.compile(
    r"^(?:[a-z] |\d+ )?(?P<label>trinh tu thuc hien|cach thuc thuc hien"
    r"|thanh phan(?: so luong)? ho so|thoi han giai quyet|doi tuong thuc hien"
    r"|co quan thuc hien|ket qua thuc hien|phi le phi"
    r"|le phi|(?:ten )?mau don(?: mau)? to khai|yeu cau(?: dieu kien)?|can cu phap ly)\b"
)
_CONTENT_LABELS = 3  # distinct content labels that make a sheet a procedure's content
# A decision's text on its cover sheet: its articles ("Điều 1. Công bố kèm theo …"), folded.
_ARTICLE = re.compile(r"^dieu \d+\b")
_ARTICLES = 2  # articles that make a sheet a decision's text
# An internal process (quy trình nội bộ, quy trình điện tử): the steps of handling each
# procedure, a row a step labelled so in a cell of its own ("Bước 1", "Bước 2:"), under the
# procedure's heading. Not a step told inside a text ("Bước 1: Nộp hồ sơ …", a content's).
_STEP = re.compile(r"buoc \d{1,2}")
_STEPS = 2  # distinct steps that make a sheet a process
_AGENCY_NAME = re.compile(
    r"^(?:so|ubnd|uy ban nhan dan|van phong|ban|cuc|chi cuc|tong cuc|trung tam|phong|bo"
    r"|cong an|bao hiem xa hoi|kho bac|chi nhanh|toa an|vien kiem sat|thanh tra|hoi dong)\b"
)


@dataclass(frozen=True)
class OtherTable:
    """What a table looks like instead of a catalogue, and the headers (or values) that say
    so."""

    # DOSSIERS, STATISTICS, FEES, AGENCIES, REVIEW_PLAN, CONTENT, DECISION, PROCESS(_TITLE)
    kind: str
    headers: tuple[str, ...]  # the title's row, for a REVIEW_PLAN or a PROCESS_TITLE
    examples: tuple[str, ...] = ()  # agencies' ids, where the values said it
    header_rows: tuple[int, ...] = ()  # the user's rows of a STATISTICS table's header

    def problem(self) -> str:
        """The sentence refusing the table (after its file's or sheet's name)."""
        shown = ", ".join(_quoted(header) for header in self.headers[:_SHOWN])
        shown += ", …" if len(self.headers) > _SHOWN else ""
        said = _WORDS[self.kind](shown, ", ".join(self.examples))
        if not self.header_rows:
            return said
        # A one-stop system's export per unit counts its dossiers beside its procedures: a
        # user who knows it for a catalogue is told how to have it read all the same.
        rows = self.header_rows
        given = str(rows[0]) if len(rows) == 1 else f"{rows[0]}-{rows[-1]}"
        return said + t(
            " (if it is a catalogue all the same: --header-row {given})",
            " (nếu đây vẫn là danh mục thủ tục: --header-row {given})",
            given=given,
        )


def _dossiers(shown: str, _: str) -> str:
    return t(
        "looks like a list of dossiers (hồ sơ), not a catalogue of procedures: it has columns "
        "{shown}",
        "có vẻ là danh sách hồ sơ, không phải danh mục thủ tục hành chính: có các cột {shown}",
        shown=shown,
    )


def _statistics(shown: str, _: str) -> str:
    return t(
        "looks like a statistics report, not a catalogue of procedures: its columns {shown} "
        "hold counts",
        "có vẻ là báo cáo số liệu thống kê, không phải danh mục thủ tục hành chính: các cột "
        "{shown} chứa số liệu",
        shown=shown,
    )


def _fees(shown: str, _: str) -> str:
    return t(
        "looks like a fee schedule (phí, lệ phí), not a catalogue of procedures: it has "
        "columns {shown}",
        "có vẻ là biểu mức thu phí, lệ phí, không phải danh mục thủ tục hành chính: có các cột "
        "{shown}",
        shown=shown,
    )


def _agencies(shown: str, examples: str) -> str:
    if examples:
        return t(
            "looks like a list of agencies, not a catalogue of procedures: column {shown} "
            "holds agencies' electronic ids ({examples}, …)",
            "có vẻ là danh sách cơ quan, đơn vị, không phải danh mục thủ tục hành chính: cột "
            "{shown} chứa mã định danh của cơ quan ({examples}, …)",
            shown=shown,
            examples=examples,
        )
    return t(
        "looks like a list of agencies, not a catalogue of procedures: it has columns {shown}",
        "có vẻ là danh sách cơ quan, đơn vị, không phải danh mục thủ tục hành chính: có các "
        "cột {shown}",
        shown=shown,
    )


def _review_plan(shown: str, _: str) -> str:
    return t(
        "looks like a plan to review procedures (kế hoạch rà soát), not a catalogue of "
        "procedures: its title reads {shown}",
        "có vẻ là kế hoạch rà soát thủ tục hành chính, không phải danh mục thủ tục hành chính: "
        "tiêu đề là {shown}",
        shown=shown,
    )


def _decision(shown: str, _: str) -> str:
    return t(
        "holds a decision's text, not a list of procedures: it has {shown}",
        "chứa nội dung văn bản quyết định, không phải danh mục thủ tục hành chính: có {shown}",
        shown=shown,
    )


def _content(shown: str, _: str) -> str:
    return t(
        "holds each procedure's content (Phần II: steps, dossier, fees, legal basis), not a "
        "list of procedures: it has {shown}",
        "chứa nội dung cụ thể của từng thủ tục (Phần II: trình tự, hồ sơ, phí, căn cứ pháp "
        "lý), không phải danh mục thủ tục hành chính: có {shown}",
        shown=shown,
    )


def _process(shown: str, _: str) -> str:
    return t(
        "looks like an internal process (quy trình nội bộ: the steps of handling each "
        "procedure), not a list of procedures: it has steps {shown}",
        "có vẻ là quy trình nội bộ (các bước giải quyết từng thủ tục), không phải danh mục thủ "
        "tục hành chính: có các bước {shown}",
        shown=shown,
    )


def _process_title(shown: str, _: str) -> str:
    return t(
        "looks like an internal process (quy trình nội bộ: the steps of handling each "
        "procedure), not a list of procedures: its title reads {shown}",
        "có vẻ là quy trình nội bộ (các bước giải quyết từng thủ tục), không phải danh mục thủ "
        "tục hành chính: tiêu đề là {shown}",
        shown=shown,
    )


_WORDS: dict[str, Callable[[str, str], str]] = {
    REVIEW_PLAN: _review_plan,
    CONTENT: _content,
    DECISION: _decision,
    PROCESS: _process,
    PROCESS_TITLE: _process_title,
    DOSSIERS: _dossiers,
    STATISTICS: _statistics,
    FEES: _fees,
    AGENCIES: _agencies,
}


def _quoted(header: str, limit: int = 40) -> str:
    text = " ".join(header.split())
    return f"'{text[: limit - 1].rstrip()}…'" if len(text) > limit else f"'{text}'"


@lru_cache(maxsize=4096)  # a folder of lists repeats its headers in every file
def signals(header: str) -> frozenset[str]:
    """The signals (`_SIGNALS`) a header's words carry."""
    key = header_key(header)
    if not key:
        return frozenset()
    return frozenset(signal for signal, pattern in _PATTERNS.items() if pattern.search(key))


def other_table(account: SheetAccount, body: pd.DataFrame, grid: Grid) -> OtherTable | None:
    """What the table a catalogue's header row heads looks like instead, if anything, as
    `account` says the grid was read (`body`: its procedure rows): its title is a review
    plan's, its columns not read are a dossier list's, a fee schedule's or mostly counts,
    or its codes are agencies' ids beside agencies' names."""
    planned = _review_plan_title(account.title)
    if planned is not None:
        return planned
    labels, header_map = account.labels, account.header_map
    read = {*header_map.columns.values(), header_map.stt}
    unread = tuple(
        (position, label)
        for position, label in enumerate(labels)
        if position not in read and label.strip()
    )
    # A catalogue may give a fee's amount or last year's counts beside what it says of each
    # procedure: a table reading that much is one, whatever else it holds.
    described = sum(column in header_map.columns for column in _DESCRIBING) >= _DESCRIBED
    found = _by_headers(unread)
    if found is not None and not (described and found.kind == FEES):
        return found
    counted = _count_headers(unread)
    if len(counted) >= _LEAST_COUNTS and not described:
        valued = [p for p, _ in unread if body[p].notna().sum() >= _FEWEST]
        counts = [(p, label) for p, label in counted if _mostly(body[p], _numbers)]
        if len(counts) >= _LEAST_COUNTS and 2 * len(counts) >= len(valued):
            labels = tuple(label for _, label in counts)
            return OtherTable(STATISTICS, labels, header_rows=account.header_rows)
    code, name = _code_or_agency_ids(account), header_map.columns["name"]
    if code is not None and _agency_ids_above(grid, code):
        ids = _shares(body[code], _agency_ids)
        if ids[0] >= _CLEAR and _mostly(body[name], _agency_names):
            return OtherTable(AGENCIES, (labels[code],), ids[1])
    return None


def _code_or_agency_ids(account: SheetAccount) -> int | None:
    """The code column, or the column its header named so that the values refused as
    agencies' ids (io/values.py)."""
    code = account.header_map.columns.get("code")
    if code is not None:
        return code
    refused = (
        choice.position
        for choice in account.by_values
        if choice.column == "code" and not choice.chosen and choice.reason == AGENCY_IDS
    )
    return next(refused, None)


@lru_cache(maxsize=256)
def _review_plan_title(title: tuple[str, ...]) -> OtherTable | None:
    """A review plan, by a row of its title that begins "Kế hoạch rà soát", or "Kế hoạch"
    alone over a row that begins "Rà soát" (the document's kind, then its subject)."""
    keys = [header_key(text) for text in title]
    for at, key in enumerate(keys):
        if _REVIEW_PLAN.match(key):
            return OtherTable(REVIEW_PLAN, (title[at],))
        if key == "ke hoach" and at + 1 < len(keys) and _REVIEW_PLAN.match(f"{key} {keys[at + 1]}"):
            return OtherTable(REVIEW_PLAN, (f"{title[at]} {title[at + 1]}",))
    return None


@lru_cache(maxsize=1024)
def _by_headers(unread: tuple[tuple[int, str], ...]) -> OtherTable | None:
    """A dossier list or a fee schedule by the headers of the columns not read."""
    carried = [(label, signals(label)) for _, label in unread]
    dossier = [label for label, said in carried if not said.isdisjoint(_DOSSIER_SIGNALS)]
    kinds = set().union(*(said for _, said in carried)) if carried else set()
    if len(kinds.intersection(_DOSSIER_SIGNALS)) >= 2:
        return OtherTable(DOSSIERS, tuple(dossier))
    if "rate" in kinds and not kinds.isdisjoint(_FEE_OTHERS):
        fees = [label for label, said in carried if not said.isdisjoint(("rate", *_FEE_OTHERS))]
        return OtherTable(FEES, tuple(fees))
    return None


@lru_cache(maxsize=1024)
def _count_headers(unread: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    return tuple((position, label) for position, label in unread if "count" in signals(label))


def without_name(
    grid_cells: pd.DataFrame, labels: Sequence[str], row: int, above: Sequence[Sequence[str]]
) -> OtherTable | None:
    """What a sheet with no catalogue's header looks like, if anything, from the row most
    like a header (`labels`, at grid position `row`), the texts of the rows above it
    (`above`) and the cells under it: a review plan's title, a dossier list's or a fee
    schedule's headers, an agency list's ids and names, or columns of counts, most of
    those holding anything."""
    title = tuple(" ".join(text for text in row_texts if text.strip()) for row_texts in above)
    planned = _review_plan_title(title)
    if planned is not None:
        return planned
    # Its steps may be numbered under each procedure ("1.1", "1.2") rather than named
    # ("Bước 1"), which a catalogue's sub-procedures share: the title tells.
    process = next((text for text in title if _PROCESS_TITLE.match(header_key(text))), None)
    if process is not None:
        return OtherTable(PROCESS_TITLE, (process,))
    below = grid_cells.iloc[row + 1 :]
    content = _content_labels(below.iloc[:HEADER_SCAN_ROWS])
    if content:
        return OtherTable(CONTENT, content)
    articles = _articles(grid_cells.iloc[: 2 * HEADER_SCAN_ROWS])
    if articles:
        return OtherTable(DECISION, articles)
    steps = _steps(below.iloc[:HEADER_SCAN_ROWS])
    if steps:
        return OtherTable(PROCESS, steps)
    named = tuple((position, label) for position, label in enumerate(labels) if label.strip())
    found = _by_headers(named)
    if found is not None:
        return found
    carried = {label: signals(label) for _, label in named}
    ids = [
        (position, examples)
        for position in range(min(len(labels), len(below.columns)))
        for share, examples in [_shares(below.iloc[:, position], _agency_ids)]
        if share >= _CLEAR
    ]
    agencies = [label for label, said in carried.items() if "agency_name" in said]
    contacts = [label for label, said in carried.items() if "contact" in said]
    if ids and (agencies or contacts):
        headers = [labels[ids[0][0]], *agencies, *contacts]
        return OtherTable(AGENCIES, tuple(header for header in headers if header.strip()))
    columns = [
        position
        for position in range(min(len(labels), len(below.columns)))
        if header_key(labels[position]) not in _ROW_NUMBER
        and below.iloc[:, position].notna().sum() >= _FEWEST
    ]
    counts = [p for p in columns if _mostly(below.iloc[:, p], _numbers)]
    said = any("count" in carried.get(labels[p], ()) for p in counts)
    if said and len(counts) >= 2 and 2 * len(counts) > len(columns):
        return OtherTable(STATISTICS, tuple(labels[p] for p in counts if labels[p].strip()))
    return None


def _content_labels(cells: pd.DataFrame) -> tuple[str, ...]:
    """The content labels (`_CONTENT_LABEL`) among the cells, one per kind in the order met,
    where there are enough of them to say the sheet holds each procedure's content."""
    found: dict[str, str] = {}
    for text in pd.unique(cells.stack().astype("str").to_numpy()):
        kind = _content_kind(str(text))
        if kind is not None and kind not in found:
            found[kind] = str(text).split(":", 1)[0].strip() + ":"
    return tuple(found.values()) if len(found) >= _CONTENT_LABELS else ()


def _articles(cells: pd.DataFrame) -> tuple[str, ...]:
    """A decision's articles among the cells ("Điều 1. …", "Điều 2. …"), where there are
    enough of them to say the sheet holds the decision's text."""
    texts = [str(text) for text in pd.unique(cells.stack().astype("str").to_numpy())]
    found = tuple(text for text in texts if _ARTICLE.match(header_key(text[:12])))
    return found if len(found) >= _ARTICLES else ()


def _steps(cells: pd.DataFrame) -> tuple[str, ...]:
    """A process's steps among the cells ("Bước 1", "Bước 2"), each alone in its cell, where
    there are enough of them to say the sheet holds a process."""
    texts = [str(text).strip() for text in pd.unique(cells.stack().astype("str").to_numpy())]
    found = tuple(
        dict.fromkeys(
            text for text in texts if len(text) < 12 and _STEP.fullmatch(header_key(text))
        )
    )
    return found if len(found) >= _STEPS else ()


@lru_cache(maxsize=4096)
def _content_kind(text: str) -> str | None:
    """The content label a cell begins with, before a colon, folded; None for other text."""
    label, colon, _ = text.partition(":")
    if not colon:
        return None
    hit = _CONTENT_LABEL.match(header_key(label))
    return None if hit is None else hit.group("label")


def _texts(cells: pd.Series) -> pd.Series:
    """The filled cells of a sample of the column, as trimmed texts."""
    texts = sample(cells).dropna().astype("str").str.strip()
    return texts[texts != ""]


def _numbers(texts: pd.Series) -> pd.Series:
    return texts.str.fullmatch(_NUMBER).fillna(False).astype(bool)


def _agency_ids(texts: pd.Series) -> pd.Series:
    return texts.map(lambda text: _AGENCY_ID.fullmatch(text) is not None).astype(bool)


def _agency_names(texts: pd.Series) -> pd.Series:
    return texts.map(lambda text: _AGENCY_NAME.match(header_key(text)) is not None).astype(bool)


def _shares(
    cells: pd.Series, test: Callable[[pd.Series], pd.Series]
) -> tuple[float, tuple[str, ...]]:
    """The share of the column's filled cells passing `test` (0 with too few), and a few of
    them."""
    texts = _texts(cells)
    if len(texts) < _FEWEST:
        return 0.0, ()
    passed = test(texts)
    return float(passed.mean()), tuple(dict.fromkeys(texts[passed].head(50)))[:2]


def _mostly(cells: pd.Series, test: Callable[[pd.Series], pd.Series]) -> bool:
    return _shares(cells, test)[0] >= _CLEAR


def _agency_ids_above(grid: Grid, code: int) -> bool:
    """Whether a cell of the code column among the top rows (those the header search read,
    kept as texts) holds an agency's id: a look that costs nothing before the column's
    sample is read (most code columns hold none)."""
    texts, _ = grid.head(HEADER_SCAN_ROWS)
    return any(
        _AGENCY_ID.fullmatch(row[code].strip()) for row in texts if code < len(row) and row[code]
    )
