"""Section headings: the rows that head a group of procedures instead of naming one, and
what the rows under them take from them.

Annexes head their parts by status ("PHẦN III. … BỊ BÃI BỎ"), their blocks by level ("A.
THỦ TỤC HÀNH CHÍNH CẤP TỈNH") and their groups by field ("I. Lĩnh vực Đất đai", or just
"I. HỘ TỊCH": a heading of a few words saying nothing else names a field); a list kept
per unit heads each unit's block with the unit ("UBND xã Tân Lập"), where no agency column
names it; a consolidated list heads each decision's procedures with it ("I. Danh mục TTHC
công bố tại Quyết định số 1890/QĐ-UBND ngày 15/8/2025": its number and date). A heading is
told by its words or by a Roman numeral or capital letter in the STT
column; `io/layout.py` says which rows may be headings (few cells, no code) and where they
may begin. A list of one level or one status may say so once, in its title or its sheet's
name, and a workbook kept as a sheet per unit names each sheet after its unit
(`given_by_title`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from procaudit.catalogue.units import heading_unit, without_count
from procaudit.io.decisions import heading_decision
from procaudit.io.headers import HeaderMap
from procaudit.vn.former_holders import without_former
from procaudit.vn.text import fold

_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
# A list of procedures by its heading ("Danh mục thủ tục hành chính bị bãi bỏ", "Danh mục
# TTHC được sửa đổi, bổ sung"), which no procedure is named.
_LIST_OF_PROCEDURES = r"danh mục\s+(?:các\s+)?(?:thủ tục hành chính|tthc)\b"
# Procedures of a level ("Thủ tục hành chính cấp tỉnh", "TTHC thuộc thẩm quyền của UBND
# cấp xã"), which no procedure is named either.
_PROCEDURES_OF_A_LEVEL = r"(?:danh mục\s+)?(?:thủ tục hành chính|tthc)\b.*\b(?:cấp|ubnd|ủy ban)\b"
# Internal procedures ("thủ tục hành chính nội bộ", "TTHC nội bộ"; Decision 1085/QĐ-TTg).
_INTERNAL_WORDS = r"(?:thủ tục(?: hành chính)?|tthc)\s+nội bộ\b"
# Procedures of a status, a decision's part headed without "Danh mục" ("1. Thủ tục hành
# chính mới ban hành", "3. TTHC bị bãi bỏ"): no procedure is named so either.
_PROCEDURES_OF_A_STATUS = (
    r"(?:các\s+)?(?:thủ tục hành chính|tthc)\s+(?:(?:được|bị|đã)\s+)?"
    r"(?:mới ban hành|ban hành mới|công bố mới|sửa đổi|bổ sung|bãi bỏ|thay thế)\b"
)
_HEADING = re.compile(
    r"^(?:phần\s+[ivxlc\d]+|[a-z]\s*[.)\-–]\s|[ivxlc]+\s*[.)]?\s|\d+\s*[.):]?\s*lĩnh vực|lĩnh vực\b"
    rf"|(?:\d+\s*[.)]\s*)?{_PROCEDURES_OF_A_LEVEL}|cấp\s+(?:tỉnh|xã|huyện|bộ|trung ương)$"
    rf"|(?:danh mục\s+)?(?:các\s+)?{_INTERNAL_WORDS}"
    rf"|danh mục\b|nhóm\b|(?:\d+\.)*\d+\s*[.)]?\s*{_LIST_OF_PROCEDURES}"
    rf"|(?:(?:\d+\.)*\d+\s*[.)]?\s*)?{_PROCEDURES_OF_A_STATUS})",
)
# What a heading numbered like a procedure ("1 | Lĩnh vực Hộ tịch", merged from the column
# after STT) says, plainly enough that no procedure's name reads so.
_NUMBERED_HEADING = re.compile(
    rf"^(?:lĩnh vực\b|{_PROCEDURES_OF_A_LEVEL}"
    rf"|cấp\s+(?:tỉnh|xã|huyện|bộ|trung ương)$|{_LIST_OF_PROCEDURES}|{_PROCEDURES_OF_A_STATUS})"
)
# The first words of a heading that may name a unit (`units.heading_unit` decides).
_UNIT_LEAD = re.compile(
    r"^(?:(?:[ivxlc]+|[a-z]|\d{1,3})\s*[.):-]?\s+)?(?:(?:tên\s+)?(?:đơn vị|cơ quan)\s*:"
    r"|(?:ubnd|ủy ban|uỷ ban|sở|ban quản lý|công an|bảo hiểm|văn phòng|chi cục|cục|phòng"
    r"|trung tâm)\b)"
)
# A level a heading names: "cấp tỉnh", "cấp cơ sở" (the commune's), or the people's committee
# whose competence it is, with no place after it ("thuộc thẩm quyền của UBND tỉnh", "của
# UBND xã, phường"; "UBND xã Tân Lập" is a unit).
_LEVEL_IN_HEADING = re.compile(
    r"cấp\s+(tỉnh|xã|huyện|bộ|trung ương|cơ sở)"
    r"|(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?:các\s+)?(tỉnh|xã|huyện|phường|quận|thị trấn)"
    r"(?=\s*(?:$|[,;:/()]|và\b|hoặc\b))"
)
# A group's heading is a few words: "Hộ tịch", "Tài nguyên nước", "Quản lý xuất nhập cảnh";
# set in capitals as headings are, a field's longer name too: "3. THÀNH LẬP VÀ HOẠT ĐỘNG CỦA
# HỘ KINH DOANH".
_GROUP_WORDS = 8
_SET_GROUP_WORDS = 12
_NUMBERING = re.compile(r"^(?:phần\s+)?(?:[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*)\s*[.):\-–]?\s+")
_NOT_A_GROUP = re.compile(
    r"\b(?:thủ tục|tthc|danh mục|phần|phụ lục|tiếp|kèm theo|cấp|ubnd|ủy ban|tổng|cộng)\b|\d"
)
_LEVEL_WORD = {"cơ sở": "xã", "phường": "xã", "thị trấn": "xã", "quận": "huyện"}
_FIELD_IN_HEADING = re.compile(r"lĩnh vực\s*:?\s*(.+)$", re.IGNORECASE)
# The online level a list of online public services heads its parts by ("I. DỊCH VỤ CÔNG
# TRỰC TUYẾN TOÀN TRÌNH", "II. DVC trực tuyến một phần"): the level, not a field named so.
_ONLINE_IN_HEADING = re.compile(
    r"\b(?:dịch vụ công|dvc)(?:\s+trực tuyến)?(?:\s+mức độ)?\s+(toàn trình|một phần)\b"
)
_ONLINE_LEVEL = {"toàn trình": "Toàn trình", "một phần": "Một phần"}
# "TTHC chưa đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình": the procedures not
# at that level. Not fully online is all a part or a title so headed says of them (partly
# online, or no online service): "Chưa toàn trình", which `vn.online` reads as not fully
# online, ends the part above it; not at "một phần" says nothing.
_NOT_AT_LEVEL = re.compile(r"\b(?:chưa|không)\b")
_NOT_FULLY_ONLINE = "Chưa toàn trình"
_STATUS_IN_HEADING = (
    (re.compile(r"bãi bỏ"), "Bãi bỏ"),
    (re.compile(r"thay thế"), "Thay thế"),
    (re.compile(r"sửa đổi|bổ sung"), "Sửa đổi, bổ sung"),
    (re.compile(r"ban hành mới|mới ban hành|công bố mới"), "Ban hành mới"),
)


@dataclass(frozen=True)
class Section:
    """A heading row and what it says about the rows under it."""

    row: int
    text: str
    level: str | None = None
    field: str | None = None
    status: str | None = None
    unit: str | None = None  # the unit of a list kept per unit (`units.heading_unit`)
    online_level: str | None = None  # a part of a list of online services
    internal: bool = False  # a part of internal procedures ("PHẦN II. TTHC NỘI BỘ")
    # A heading that names nothing known ("Kho bạc Nhà nước các cấp" over a block of rows):
    # it gives nothing, but the block of the unit above it has ended.
    ends_unit: bool = False
    # The decision a heading names its procedures by ("I. Danh mục TTHC công bố tại Quyết
    # định số 1890/QĐ-UBND ngày 15/8/2025"; `decisions.heading_decision`), and its date.
    decision_no: str | None = None
    decision_date: str | None = None


def folded_texts(column: pd.Series) -> pd.Series:
    """`vn.text.fold` as column operations."""
    text = column.astype("str").str.normalize("NFC").str.lower()
    return text.str.replace(r"\s+", " ", regex=True).str.strip()


def is_heading(rows: pd.DataFrame, stt: int | None) -> pd.Series:
    """Which rows are section headings: their text reads like one, or their STT is a Roman
    numeral or a capital letter ("I", "II", "A", "B")."""
    joined = pd.Series("", index=rows.index, dtype="str")
    for position in rows.columns:
        joined = joined + " " + rows[position].fillna("").astype("str")
    heading = folded_texts(joined).str.match(_HEADING)
    if stt is not None:
        heading |= rows[stt].str.strip().str.match(_ROMAN_OR_LETTER).fillna(False).astype(bool)
    return heading.fillna(False).astype(bool)


def is_numbered_heading(rows: pd.DataFrame, stt: int) -> pd.Series:
    """Which rows numbered in the STT column are headings all the same: the rest of the row
    reads as a field's or a level's heading ("1 | Lĩnh vực Hộ tịch")."""
    joined = pd.Series("", index=rows.index, dtype="str")
    for position in rows.columns.drop([stt]):
        joined = joined + " " + rows[position].fillna("").astype("str")
    heading = folded_texts(joined).str.match(_NUMBERED_HEADING)
    return heading.fillna(False).astype(bool)


def _levels_named(folded: str) -> list[str]:
    """The levels a folded heading names, as the word after "cấp" ("tỉnh", "xã"): where a
    task moved from one level to another, the level it moved to ("… cấp huyện chuyển giao
    về cấp xã", "cấp xã (tiếp nhận từ cấp huyện)": `vn.former_holders`, as level cells)."""
    named = (
        next(word for word in match.groups() if word)
        for match in _LEVEL_IN_HEADING.finditer(without_former(folded))
    )
    return [_LEVEL_WORD.get(word, word) for word in named]


def heading_text(row: pd.Series) -> str:
    """A heading row's text: its cells' texts, once each."""
    texts = [str(value) for value in row.dropna() if str(value).strip()]
    return " ".join(dict.fromkeys(texts))  # a merged cell may repeat its text


def section_of(row: int, text: str) -> Section:
    """The section a heading row begins: what its text says of the rows under it."""
    folded = fold(text)
    levels = [f"Cấp {level}" for level in dict.fromkeys(_levels_named(folded))]
    field_match = _FIELD_IN_HEADING.search(" ".join(text.split()))
    field_name = None
    if field_match:
        field_name = without_count(field_match.group(1)).strip(" .:;-")
        if field_name.isupper():
            field_name = field_name[0] + field_name[1:].lower()
    status = next((name for pattern, name in _STATUS_IN_HEADING if pattern.search(folded)), None)
    level = ", ".join(levels) or None
    online_level = _online_named(folded)
    says = level or field_name or status or online_level
    unit = heading_unit(text) if says is None else None
    if says is None and unit is None:
        field_name = group_name(text)
    internal = _INTERNAL.search(folded) is not None
    decision_no, decision_date = heading_decision(text) or (None, None)
    return Section(
        row,
        " ".join(text.split()),
        level,
        field_name,
        status,
        unit,
        online_level,
        internal,
        decision_no=decision_no,
        decision_date=decision_date,
    )


def _online_named(folded: str) -> str | None:
    """The one online level a heading or a title names its procedures by ("I. DỊCH VỤ CÔNG
    TRỰC TUYẾN TOÀN TRÌNH"), or `_NOT_FULLY_ONLINE` ("… chưa đủ điều kiện cung cấp DVC trực
    tuyến toàn trình"); None where it names none, or both ("… TOÀN TRÌNH, MỘT PHẦN")."""
    online = _ONLINE_IN_HEADING.search(folded)
    named = {level for level in _ONLINE_LEVEL if level in folded}
    if online is None or len(named) != 1:
        return None
    if _NOT_AT_LEVEL.search(folded):
        return _NOT_FULLY_ONLINE if "toàn trình" in named else None
    return _ONLINE_LEVEL[online.group(1)]


def group_name(text: str) -> str | None:
    """The field a heading saying nothing else names ("I. HỘ TỊCH", "1. Chứng thực"): its
    words after the numbering, when they are few (a few more in capitals) and name no
    procedures, list, part or level; None otherwise."""
    words = without_count(_NUMBERING.sub("", " ".join(text.split()))).strip(" .:;-")
    most = _SET_GROUP_WORDS if words.isupper() else _GROUP_WORDS
    if not words or len(words.split()) > most or _NOT_A_GROUP.search(fold(words)):
        return None
    return words[0] + words[1:].lower() if words.isupper() else words


# What sections give, in this order: a decision's number and date come from one heading.
_GIVEN = ("level", "field", "status", "unit", "online_level", "decision_no", "decision_date")


def _in_force(sections: list[Section]) -> list[tuple[Section | None, ...]]:
    """For each section, the sections whose level, field, status and unit hold under it.

    Sections nest: a status part holds level blocks, which hold units' blocks and field
    groups; a new part resets level, unit and field, a new level block resets the unit and
    the field, a new unit the field. An annex that heads its fields first ("I. Lĩnh vực
    Chứng thực" over "a) Thủ tục hành chính cấp tỉnh", "b) … cấp xã") nests the other way:
    there a new field resets the level, and a new level keeps the field. Parts by online
    level ("I. DVC trực tuyến toàn trình") nest with fields the same way: the one headed
    first holds the other, a new one of it resetting the other. A decision holds as
    `_decisions_in_force` says.
    """
    first_field = next((i for i, s in enumerate(sections) if s.field), len(sections))
    first_level = next((i for i, s in enumerate(sections) if s.level), len(sections))
    fields_outside = first_field < first_level < len(sections)
    first_online = next((i for i, s in enumerate(sections) if s.online_level), len(sections))
    online_outside = first_online < first_field
    states: list[tuple[Section | None, ...]] = []
    level = field_of = status = unit = online = None
    for section in sections:
        if section.status:
            status, level, unit, field_of, online = section, None, None, None, None
        if section.level:
            level, unit = section, None
            field_of = field_of if fields_outside else None
        if section.unit:
            unit, field_of = section, None
        if section.ends_unit:
            unit = None
        if section.field:
            field_of = section
            level = None if fields_outside else level
            online = online if online_outside else None
        if section.online_level:
            online = section
            field_of = None if online_outside else field_of
        states.append((level, field_of, status, unit, online))
    decisions = _decisions_in_force(sections)
    return [(*state, held, held) for state, held in zip(states, decisions, strict=True)]


def _decisions_in_force(sections: list[Section]) -> list[Section | None]:
    """For each section, the one whose decision holds under it: a heading naming a decision
    gives it down to the next heading of its rank or an outer one ("II." after "I.", "B."
    over "I."; ranks are outer as they come first), or, for a heading not numbered, to the
    next naming procedures. A heading naming none there gives none: its rows were not
    published by the decision above it (`_rank`). An unnumbered heading naming procedures
    ends it too: whose part it is, is not sure."""
    if not any(section.decision_no for section in sections):
        return [None] * len(sections)
    order: dict[str | None, int] = {}
    held: Section | None = None
    states: list[Section | None] = []
    for section in sections:
        rank = _rank(section.text)
        order.setdefault(rank, len(order))
        if section.decision_no:
            held = section
        elif held is not None:
            outer = rank is not None and order[rank] <= order.get(_rank(held.text), len(order))
            if outer or (rank is None and _PROCEDURES.search(fold(section.text))):
                held = None
        states.append(held)
    return states


def standing(sections: list[Section]) -> list[Section]:
    """The headings the rows after the last of `sections` stand under, outermost first."""
    if not sections:
        return []
    held = [given for given in _in_force(sections)[-1] if given is not None]
    return sorted(set(held), key=sections.index)


def inherit(sections: list[tuple[int, Section]], positions: pd.Index) -> pd.DataFrame:
    """Level, field, status and unit for each procedure row from the sections above it
    (nested as `_in_force` says)."""
    if not sections:  # nothing to inherit: no column of a million missing values
        return pd.DataFrame(index=positions)
    states = [
        tuple(
            getattr(given, column) if given else None
            for column, given in zip(_GIVEN, held, strict=True)
        )
        for held in _in_force([section for _, section in sections])
    ]
    # Each row takes the state of the last section above it (a state may hold None on
    # purpose, so the states are carried down by their number, not by their values).
    numbered = pd.Series(range(len(states)), index=[position for position, _ in sections])
    number = numbered.reindex(numbered.index.union(positions)).ffill().reindex(positions)
    table = pd.DataFrame([*states, (None,) * len(_GIVEN)], columns=list(_GIVEN), dtype="object")
    taken = table.iloc[number.fillna(len(states)).astype("int64").to_numpy()]
    return taken.set_axis(positions)


def before_levels(sections: list[tuple[int, Section]], positions: pd.Index) -> np.ndarray:
    """Which rows (`positions`) stand above the first section giving a level: all of them
    where none does. A title's level is theirs alone."""
    first = next((position for position, section in sections if section.level), None)
    if first is None:
        return np.ones(len(positions), dtype=bool)
    return np.asarray(positions < first, dtype=bool)


def heading_rows(sections: Iterable[Section], rows: np.ndarray) -> dict[str, np.ndarray]:
    """For each column a section gives (level, field, status, unit, online level), the row
    of the heading each of `rows` (the user's row numbers, in order) would take it from, 0
    where none; the sections nest as in `inherit`."""
    listed = list(sections)
    if not listed:
        return {}
    states = [(0,) * len(_GIVEN)] + [  # before the first heading, then under each
        tuple(given.row if given else 0 for given in held) for held in _in_force(listed)
    ]
    starts = [section.row for section in listed]
    taken = np.array(states, dtype=np.int64)[np.searchsorted(starts, rows, side="right")]
    return {column: taken[:, i] for i, column in enumerate(_GIVEN)}


def taken_from_sections(
    inherited: pd.DataFrame, live: pd.DataFrame, header_map: HeaderMap
) -> dict[str, int]:
    """Per column, the rows that took their value from a section. A row's own level or field
    wins over its section's (see read.py): it took nothing."""
    took = inherited.notna()
    for column in took.columns.intersection(list(header_map.columns)):
        took[column] &= live[header_map.columns[column]].isna()
    return {column: int(took[column].sum()) for column in took.columns if took[column].any()}


def unit_headings(
    rows: pd.DataFrame, leads: pd.Series, candidates: np.ndarray, name: int, agency: int | None
) -> np.ndarray:
    """Which of the `candidates` among `rows` head a unit's block in a list kept per unit
    ("UBND xã Tân Lập" over its rows): a row of one text (merged or not) outside the agency
    column, whose first words (`leads`, folded) may name a unit and which `heading_unit`
    reads as one, set apart from the names when it begins left of the `name` column. Only
    the rows those words match are looked at in Python."""
    found = np.zeros(len(rows), dtype=bool)
    maybe = candidates & leads.str.match(_UNIT_LEAD).fillna(False).to_numpy(dtype=bool)
    for at in np.flatnonzero(maybe).tolist():
        cells = rows.iloc[at].dropna()
        texts = {text.strip() for text in cells.astype("str")} - {""}
        if len(texts) == 1 and agency not in cells.index:
            apart = bool(cells.index[0] < name)
            found[at] = heading_unit(texts.pop(), apart) is not None
    return found


def title_level(texts: Iterable[str]) -> str | None:
    """The one level a list's title names ("DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ", a sheet
    "TTHC cấp tỉnh"), written as a section writes it; None where it names none, or several
    ("… cấp tỉnh và cấp xã"). A letterhead line ("ỦY BAN NHÂN DÂN TỈNH") and the words
    quoting the decision the list comes with name its issuer, not a level: "(Kèm theo Quyết
    định số 1890/QĐ-UBND … của Chủ tịch UBND tỉnh)" heads commune lists as well, and is not
    read."""
    levels = {
        level
        for text in texts
        for line in fold(text).splitlines()
        if not _LETTERHEAD.fullmatch(line.strip())
        for level in _levels_named(_before_quoting(line))
    }
    return f"Cấp {levels.pop()}" if len(levels) == 1 else None


# A title's letterhead names the body that issues the list, not a level: "ỦY BAN NHÂN DÂN
# TỈNH" alone on its line heads a province's lists of commune procedures too.
_LETTERHEAD = re.compile(
    r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|quận|xã|phường"
    r"|thị trấn)\W*"
)


# The words of a title line that quote the decision a list comes with, to the line's end.
_QUOTING = re.compile(r"\b(?:ban hành )?kèm theo\b.*")


def _before_quoting(folded: str) -> str:
    """A folded title line less the words quoting its decision (`title_level`)."""
    return _QUOTING.sub("", folded) if "kèm theo" in folded else folded


_COUNTING = re.compile(r"\b(?:trong đó|tổng số|tổng cộng)\b")


def title_online(texts: Iterable[str]) -> str | None:
    """The one online level a list of online services names in its title ("DANH MỤC DỊCH VỤ
    CÔNG TRỰC TUYẾN TOÀN TRÌNH"), as a section writes it; None where it names none, or
    several. The line quoting the decision ("(Kèm theo Quyết định …)") does not say it, nor
    one counting a part of the list ("Tổng số 120 TTHC, trong đó 40 DVC trực tuyến một
    phần"); a sheet named by the level alone ("Toàn trình", "Một phần") does."""
    levels = {
        level
        for text in texts
        if not (folded := fold(text)).startswith(("(", "kèm theo"))
        and _COUNTING.search(folded) is None
        and (level := _online_named(folded) or _ONLINE_LEVEL.get(folded.strip())) is not None
    }
    return levels.pop() if len(levels) == 1 else None


# Procedures between state bodies ("thủ tục hành chính nội bộ", "TTHC nội bộ"), not a
# ministry's own code ("Mã TTHC nội bộ"): read in a title, a sheet's name or the name's header.
_INTERNAL = re.compile(_INTERNAL_WORDS)


def title_internal(texts: Iterable[str]) -> bool:
    """Whether a list's title, its sheet's name or its name's header says it lists internal
    procedures ("DANH MỤC THỦ TỤC HÀNH CHÍNH NỘI BỘ …", "Tên TTHC nội bộ")."""
    return any(_INTERNAL.search(fold(text)) for text in texts)


# How a heading is numbered, as far as it tells parts of one rank apart: "PHẦN II", a Roman
# numeral ("II.", "I."), a capital letter ("B.", "C.": the third letter, not a hundred), a
# number ("2.", "2.1"), a small letter ("b)"). "B. TTHC NỘI BỘ" holds its "I. Lĩnh vực …".
_RANKS = (
    ("part", re.compile(r"phần\b")),
    ("roman", re.compile(r"(?:[IVXLC]{2,}|[IVX])\s*[.):\-–]?(?:\s|$)")),
    ("letter", re.compile(r"[A-Z]\s*[.):\-–]?(?:\s|$)")),
    ("number", re.compile(r"\d+(?:\.\d+)*\s*[.):\-–]?(?:\s|$)")),
    ("small", re.compile(r"[a-zđ]\s*[.):\-–](?:\s|$)")),
)
_PROCEDURES = re.compile(r"\b(?:thủ tục|tthc)\b")


def _rank(text: str) -> str | None:
    lead = text.lstrip()
    lowered = fold(lead)
    for rank, pattern in _RANKS:
        if pattern.match(lowered if rank == "part" else lead):
            return rank
    return None


def internal_rows(sections: Iterable[Section], rows: np.ndarray) -> np.ndarray:
    """Which of `rows` (the user's row numbers, in order) stand in a part of internal
    procedures that a heading begins ("PHẦN II. THỦ TỤC HÀNH CHÍNH NỘI BỘ" under a part of
    the procedures the public applies for): from that heading to the next numbered as it is
    ("PHẦN III", or "III." under "II."), or, for a heading not numbered, to the next naming
    other procedures. The fields and levels headed inside the part stay in it."""
    listed = list(sections)
    if not any(section.internal for section in listed):
        return np.zeros(len(rows), dtype=bool)
    states, internal, rank = [False], False, None
    for section in listed:
        if section.internal:
            internal, rank = True, _rank(section.text)
        elif internal and (
            _rank(section.text) == rank
            if rank is not None
            else _PROCEDURES.search(fold(section.text)) is not None
        ):
            internal = False
        states.append(internal)
    starts = [section.row for section in listed]
    return np.array(states, dtype=bool)[np.searchsorted(starts, rows, side="right")]


def title_status(texts: Iterable[str]) -> str | None:
    """The one status a list's title gives its procedures ("DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ
    BÃI BỎ", a sheet "TTHC bãi bỏ"), as a section writes it; None where it names none, or
    several ("… mới ban hành, sửa đổi, bổ sung và bị bãi bỏ"). The title's line nearest the
    list says it ("1. Danh mục thủ tục hành chính mới ban hành" under a decision's title
    that names all three); the line quoting the decision ("(Kèm theo Quyết định …)") does
    not."""
    for text in reversed(tuple(texts)):
        folded = fold(text)
        if folded.startswith(("(", "kèm theo")):
            continue
        statuses = {name for pattern, name in _STATUS_IN_HEADING if pattern.search(folded)}
        if statuses:
            return statuses.pop() if len(statuses) == 1 else None
    return None


def given_by_title(
    texts: tuple[str, ...], sheet: str | None, sections: Iterable[Section], columns: Iterable[str]
) -> dict[str, str]:
    """The level and the status a list of one level or of one status gives in its title, or
    else in its sheet's name ("DANH MỤC … CỦA UBND CẤP XÃ", "Phụ lục II - TTHC bãi bỏ"), and
    the unit a workbook kept as a sheet per unit names its sheet after ("UBND xã Tân Lập"),
    for its rows where no column and no section gives them. Where sections give levels, the
    title's is the level of the rows above the first of them only (a part titled "B. TTHC
    CẤP HUYỆN" whose rows go on under "C. TTHC CẤP XÃ": `before_levels`); its status holds
    until a part of another status begins ("3. Danh mục thủ tục hành chính bị bãi bỏ"
    halfway down a part titled "2. … sửa đổi")."""
    from_sections, named = list(sections), set(columns)
    given: dict[str, str] = {}
    for column, read in (
        ("level", title_level),
        ("status", title_status),
        ("online_level", title_online),
    ):
        if column in named:
            continue
        value = read(texts) or read([sheet or ""])
        if value is not None:
            given[column] = value
    if sheet and "agency" not in named and not any(s.unit for s in from_sections):
        unit = heading_unit(sheet)
        if unit is not None:
            given["unit"] = unit
    return given
