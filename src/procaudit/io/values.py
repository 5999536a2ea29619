"""Check the columns a header chose against the values under it.

A one-stop system's `MA_THU_TUC` ("procedure code") holds its internal numeric id (23604,
41432) while the local code sits in `TEN_TAT` ("short name": `2018.HT.14`, `BHXH.TBHXH.02.`).
Each column is profiled (io/value_profile.py) on a sample of its cells. A header's candidate
whose values say otherwise is refused (the next header naming the column is tried): a code
column of whole numbers, of a database's ids (GUIDs) or of agencies' electronic ids
(000.00.15.H44), or of codes that do not tell procedures apart (one field's code "G17-LV10"
given to procedures of several names); a name column of codes, of agencies' names or of
names cut short ("Cấp Giấy phép khảo…"). Where several columns hold codes, the one holding
national codes is the code (a ministry's own "NHNN-QLNH-01" beside "1.000125"), and where no
header names the code, a column whose values are codes is read as it. Where every name
column is refused, a column headed as some name ("Tên đầy đủ") whose values are procedures'
names is read as it (and where no header names the name at all, the header search reads
it so: io/name_values.py). Columns the user named with `--map` are never second-guessed.
Precision first: only a clear majority of the cells decides, and a code column is never
picked among row numbers, decision numbers ("1890/QĐ-UBND"), dates or names, whose values
are not code-shaped. Likewise, where no header names the status, a notes column ("Ghi chú")
whose values are statuses ("Bãi bỏ", "Sửa đổi, bổ sung", "Mới") is read as it, and where
none names the level, a column whose values are levels ("Cấp tỉnh", "Tỉnh/Xã", "Provincial")
under a header the vocabulary does not know ("Cấp thẩm quyền", "Government level"); so too
the online level ("Toàn trình", "Một phần" under "Hình thức DVCTT"), and the publishing
decision ("1890/QĐ-UBND" under "Văn bản" or "Số hiệu"; a legal document's "22/2018/QĐ-TTg"
is no publishing decision). A status, level or online level column a header chose whose
values say nothing of it (flags 1/0, a level's ids) or the online level only on the old
scale gives way to a column whose values say it (io/said_columns.py).

A column the sheet hides (an old agency column kept beside the new one) gives way to a
visible column its header names too; read because no visible one does, it is said to be
hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import SMALL_COLUMN
from procaudit.io.codes_told import CodesTold
from procaudit.io.headers import HeaderMap, with_columns
from procaudit.io.name_values import name_by_values
from procaudit.io.said_columns import said_instead
from procaudit.io.unheaded_columns import ONLINE_LEVELS, UNHEADED, column_saying, sampled_rows
from procaudit.io.value_profile import (
    CLEAR,
    MIN_CELLS,
    SHOWN,
    ValueProfile,
    examples,
    filled_texts,
    learn,
    profile_texts,
    sample,
)
from procaudit.vn.online import online_level
from procaudit.vn.text import comparison_key, header_key

# A header naming another thing's code: a unit's, an agency's, a field's, a dossier's, or
# the procedure's a decision replaces ("Mã số TTHC được thay thế", `headers` reads the
# replacing one's name).
_OTHER_CODES = re.compile(
    r"\b(?:don vi|co quan|linh vuc|ho so|dia ban|nguoi|(?:duoc|bi) thay the|cu)\b"
)
# A dossier's ("hồ sơ") alone of those: "Số hồ sơ" and "Mã hồ sơ" number applications in a
# one-stop system's dossier list (000.00.23.H44-250901-0001, shaped like a local code), but
# Circular 02/2017's annexes head the national code "Mã số hồ sơ" ("Mã hồ sơ TTHC"). Such a
# column is the code only where its values are national codes.
_DOSSIER = re.compile(r"\bho so\b")
# A header naming some name ("Tên đầy đủ", "TEN_DAY_DU", "Full name"): where every column
# named as the procedure's name holds something else, such a column may hold it.
_SOME_NAME = re.compile(r"^(?:ten|name|full name)\b")

_FIRST = 20  # rows whose cells settle most columns at a glance (`_Values.first`)
# The columns whose values are checked besides the code: they must be text.
_TEXT_COLUMNS = ("name", "agency", "field")

# Why a column was refused or chosen (keys of ValueChoice.reason).
WHOLE_NUMBERS = "whole numbers"
CODES = "procedure codes"
NATIONAL_CODES = "national codes"  # chosen over a column of other codes
OTHER_CODES = "codes that are not national"  # passed over for a column of national codes
INTERNAL_IDS = "internal ids"  # GUIDs, hex keys
AGENCY_IDS = "agency ids"  # agencies' electronic ids
SHARED_CODES = "codes shared by procedures of different names"
CUT_NAMES = "names cut short"
AGENCY_NAMES = "agencies' names"
NAMES = "procedures' names"  # chosen where every name column was refused
UNHEADED_NAMES = "procedures' names, no header naming them"  # chosen by the header search
NO_ONLINE_LEVELS = "no online levels"  # "Có", "x": passed over for a column of levels
HIDDEN = "hidden"  # a hidden column: passed over for a visible one, or read for want of one

# Where the values of a code column that holds no national codes are shared by procedures of
# different names on at least this share of its rows, it holds another thing's codes (a
# field's, a unit's): a one-stop system's local codes, stacked per unit, share a code on
# about 12% of the rows, with a name written otherwise in another unit.
_SHARED = 0.5


@dataclass(frozen=True)
class ValueChoice:
    """A column the values decided about: read as `column` (chosen) or refused as it."""

    position: int
    column: str
    chosen: bool
    reason: str  # one of the reasons above: what its values are
    examples: tuple[str, ...]
    # Chosen for want of another column, though its values are what `reason` says (the
    # only name column, holding agencies' names).
    regardless: bool = False


class _Values:
    """The filled texts and profiles of a body's columns, each made once when first asked."""

    def __init__(self, body: pd.DataFrame) -> None:
        self.body = body
        self._texts: dict[int, tuple[pa.Array, list[str] | None]] = {}
        self._profiles: dict[int, ValueProfile] = {}

    def texts(self, position: int) -> pa.Array:
        return self._filled(position)[0]

    def _filled(self, position: int) -> tuple[pa.Array, list[str] | None]:
        if position not in self._texts:
            texts = filled_texts(self.body[position])
            listed = texts.to_pylist() if len(texts) <= SMALL_COLUMN else None
            self._texts[position] = (texts, listed)
        return self._texts[position]

    def learn(self, positions: list[int]) -> None:
        """The new cells of these columns classified together (`value_profile.learn`)."""
        learn([listed for p in positions if (listed := self._filled(p)[1]) is not None])

    def of(self, position: int) -> ValueProfile:
        if position not in self._profiles:
            self._profiles[position] = profile_texts(*self._filled(position))
        return self._profiles[position]

    def first(self, position: int) -> list[str]:
        """The column's first filled cells (of `_FIRST` rows), trimmed."""
        cells = self.body[position].array[:_FIRST].tolist()  # a list: pandas' steps cost more
        return [text for cell in cells if isinstance(cell, str) and (text := cell.strip())]

    def examples(self, position: int, shape: str) -> tuple[str, ...]:
        return examples(self.texts(position), shape)


def check_values(
    header_map: HeaderMap,
    labels: list[str] | tuple[str, ...],
    body: pd.DataFrame,
    hidden: Collection[int] = (),
    told: CodesTold | None = None,
) -> tuple[HeaderMap, tuple[ValueChoice, ...]]:
    """The header map with the columns the values refuse replaced (by the next header naming
    the column, else by nothing; the name column a catalogue needs is kept when nothing can
    replace it), the code taken from the column of national codes where another holds other
    codes, and where no header names the code, from a column of codes; and every choice the
    values made, for `inspect` and the file's notes. `hidden`: the positions of the columns
    the sheet hides; `told`: what the workbook's other sheets decided of the code, for a
    sheet of too few rows to decide (`io.codes_over_sheets`)."""
    if body.empty:
        return header_map, ()
    values = _Values(body)
    candidates, choices = _visible_first(header_map, hidden)
    given = header_map.given
    columns = dict(header_map.columns)
    columns.update((column, found[0]) for column, found in candidates.items() if column in columns)
    values.learn([columns[c] for c in (*_TEXT_COLUMNS, "code") if c in columns and c not in given])
    refused: set[int] = set()
    for column in _TEXT_COLUMNS:
        if column not in columns or column in given:
            continue
        kept, passed = _first_kept(column, candidates.get(column, (columns[column],)), values)
        if kept is None and column == "name":
            kept = _name_by_values(header_map, labels, columns, hidden, values)
            if kept is None:  # nothing better to read the procedures' names from: said
                choices.append(replace(passed[0], chosen=True, regardless=True))
                continue
            passed.append(ValueChoice(kept, "name", True, NAMES, _first(values, kept)))
        elif kept is not None and column in header_map.by_values:  # no header names it
            passed.append(ValueChoice(kept, column, True, UNHEADED_NAMES, _first(values, kept)))
        choices.extend(passed)
        refused.update(choice.position for choice in passed if not choice.chosen)
        if kept is None:
            del columns[column]
        else:
            columns[column] = kept
    if "code" not in given:
        name = columns.get("name")
        shared = (
            (lambda position: _shared_codes(body, position, name)) if name is not None else None
        )
        code, found = _choose_code(
            candidates.get("code", (columns["code"],) if "code" in columns else ()),
            _unread(header_map, labels, set(columns.values()) | refused, hidden),
            labels,
            values,
            shared,
            told,
        )
        choices.extend(found)
        if columns.get("code") != code:  # a column the values chose comes after the others
            columns.pop("code", None)
            if code is not None:
                columns["code"] = code
    if "online_level" in columns and "online_level" not in given:
        online = candidates.get("online_level", (columns["online_level"],))
        found = _online_by_values(online, values)
        if found:
            columns["online_level"] = found[-1].position
            choices.extend(found)
    rows = sampled_rows(len(body))
    unread = _unread(header_map, labels, set(columns.values()) | refused, hidden)
    instead_of = said_instead(
        columns, candidates, given, unread, labels, values.texts, rows, values.first
    )
    for instead in instead_of:
        columns[instead.column] = instead.chosen
        choices.append(
            ValueChoice(
                instead.passed, instead.column, False, instead.reason, instead.passed_examples
            )
        )
        choices.append(
            ValueChoice(
                instead.chosen, instead.column, True, instead.chosen_reason, instead.chosen_examples
            )
        )
    for kind in UNHEADED:  # "Cấp thẩm quyền", "Văn bản": no header names the column
        if kind.column in columns:
            continue
        unread = _unread(header_map, labels, set(columns.values()), hidden)
        chosen = column_saying(kind, unread, labels, values.texts, rows)
        if chosen is not None:
            columns[kind.column] = chosen[0]
            choices.append(ValueChoice(chosen[0], kind.column, True, kind.reason, chosen[1]))
    said = {choice.position for choice in choices}
    choices.extend(
        ValueChoice(position, column, True, HIDDEN, ())
        for column, position in columns.items()
        if position in hidden and position not in said and column not in given
    )
    if not choices:
        return header_map, ()
    changed = with_columns(list(labels), columns, header_map.stt, candidates, given)
    return changed, tuple(sorted(choices, key=lambda choice: choice.position))


def _online_by_values(candidates: tuple[int, ...], values: _Values) -> list[ValueChoice]:
    """Where the first column headed as the online level holds no levels (an export's
    "DVC trực tuyến" of "Có" beside its "Mức độ" of "Toàn trình", "Một phần") and a later
    one does, the columns passed over and the one chosen; nothing otherwise."""
    if len(candidates) < 2 or _says_levels(values.texts(candidates[0])):
        return []
    kept = next((p for p in candidates[1:] if _says_levels(values.texts(p))), None)
    if kept is None:
        return []
    passed = candidates[: candidates.index(kept)]
    return [
        *(ValueChoice(p, "online_level", False, NO_ONLINE_LEVELS, _few(values, p)) for p in passed),
        ValueChoice(kept, "online_level", True, ONLINE_LEVELS, _few(values, kept)),
    ]


def _says_levels(texts: pa.Array) -> bool:
    """Whether a clear majority of a column's (sampled, filled) cells name an online level."""
    if len(texts) < MIN_CELLS:
        return False
    counts = pc.value_counts(texts).to_pylist()
    said = sum(item["counts"] for item in counts if online_level(str(item["values"])))
    return said >= CLEAR * len(texts)


def _first(values: _Values, position: int) -> tuple[str, ...]:
    """The first values of a column, to quote."""
    return tuple(values.texts(position).slice(0, SHOWN).to_pylist())


def _few(values: _Values, position: int) -> tuple[str, ...]:
    """The first distinct values of a column, to quote."""
    return tuple(str(v) for v in pc.unique(values.texts(position)).slice(0, SHOWN).to_pylist())


def _visible_first(
    header_map: HeaderMap, hidden: Collection[int]
) -> tuple[dict[str, tuple[int, ...]], list[ValueChoice]]:
    """Each column's candidates with the visible ones first (the user's `--map` as given),
    and the hidden columns a header preferred so passed over."""
    candidates = dict(header_map.candidates)
    if not hidden:
        return candidates, []
    passed: list[ValueChoice] = []
    for column, found in list(candidates.items()):
        if column in header_map.given or not any(p not in hidden for p in found):
            continue
        ordered = (*(p for p in found if p not in hidden), *(p for p in found if p in hidden))
        candidates[column] = ordered
        passed.extend(
            ValueChoice(p, column, False, HIDDEN, ())
            for p in found[: found.index(ordered[0])]
            if p in hidden
        )
    return candidates, passed


def _first_kept(
    column: str, candidates: tuple[int, ...], values: _Values
) -> tuple[int | None, list[ValueChoice]]:
    """The first candidate the values do not refuse, and the refusals before it."""
    refused: list[ValueChoice] = []
    for position in candidates:
        reason = _text_refusal(column, values.of(position))
        if reason is None:
            return position, refused
        refused.append(
            ValueChoice(position, column, False, reason, _shown(values, position, reason))
        )
    return None, refused


def _text_refusal(column: str, values: ValueProfile) -> str | None:
    """Why the values refuse a header's candidate for a text column, if they do."""
    if values.mostly(values.code):
        return CODES
    if values.mostly(values.whole + values.dotless):
        return WHOLE_NUMBERS
    if values.mostly(values.ids):
        return INTERNAL_IDS
    if column == "name":
        if values.mostly(values.agencies):
            return AGENCY_NAMES
        if values.mostly(values.cut):
            return CUT_NAMES
    return None


def code_refusal(values: ValueProfile) -> str | None:
    """Why the values refuse a column as the code by their shape, if they do."""
    if values.mostly(values.whole):
        return WHOLE_NUMBERS
    if values.mostly(values.ids):
        return INTERNAL_IDS
    if values.mostly(values.agency_ids):
        return AGENCY_IDS
    return None


# The shape whose examples a reason quotes.
_SHOWN_SHAPE = {
    CODES: "code",
    INTERNAL_IDS: "ids",
    AGENCY_IDS: "agency_ids",
    AGENCY_NAMES: "agencies",
    CUT_NAMES: "cut",
}


def _shown(values: _Values, position: int, reason: str) -> tuple[str, ...]:
    """A few of a column's values that are what `reason` says."""
    if reason == WHOLE_NUMBERS:
        return values.of(position).numbers
    if reason in (CODES, OTHER_CODES):
        return values.of(position).codes
    shape = _SHOWN_SHAPE.get(reason)
    return values.examples(position, shape) if shape else ()


def _choose_code(
    candidates: tuple[int, ...],
    unread: list[int],
    labels: list[str] | tuple[str, ...],
    values: _Values,
    shared: Callable[[int], tuple[str, ...]] | None,
    told: CodesTold | None = None,
) -> tuple[int | None, list[ValueChoice]]:
    """The code column and the choices made: the first of the header's candidates the
    values do not refuse, a later one holding national codes before it; where it holds no
    national codes, or no header names the code, the column not read whose values are codes
    most clearly, national ones first (among those whose header names no other thing's
    code: "Mã đơn vị", `MA_LINH_VUC`; `_may_hold_codes`)."""
    choices: list[ValueChoice] = []
    refused = dict(told.refused) if told is not None else {}

    def refusal(position: int) -> str | None:
        reason = refused.get(header_key(str(labels[position]))) if refused else None
        reason = reason or code_refusal(values.of(position))
        if reason is None and shared is not None and _may_be_shared(values.of(position)):
            found = shared(position)
            if found:
                choices.append(ValueChoice(position, "code", False, SHARED_CODES, found))
                return SHARED_CODES
        return reason

    kept: list[int] = []
    for position in candidates:
        reason = refusal(position)
        if reason is None:
            kept.append(position)
            if _national(values.of(position)):
                choices.extend(_others(kept[:-1], values))
                return position, choices
        elif reason != SHARED_CODES:
            choices.append(
                ValueChoice(position, "code", False, reason, _shown(values, position, reason))
            )
    code = kept[0] if kept else None
    if code is None and told is not None and told.chosen is not None:
        # The other sheets' code column, under the same header: read here too.
        at = next((p for p in unread if header_key(str(labels[p])) == told.chosen), None)
        if at is not None:
            choices.append(ValueChoice(at, "code", True, CODES, values.of(at).codes))
            return at, choices
    by_values = [
        position
        for position in unread
        if _may_hold_codes(header_key(str(labels[position])), values.of(position))
        and values.of(position).mostly(values.of(position).code)
    ]
    # Beside a header's column of codes, only a column of national codes is worth reading.
    considered = [p for p in by_values if code is None or _national(values.of(p))]
    ranked = sorted(considered, key=lambda p: (-_national(values.of(p)), -values.of(p).code))
    found = next((position for position in ranked if refusal(position) is None), None)
    if found is None:
        return code, choices
    if not _national(values.of(found)):  # codes alone, none national: read as before
        choices.append(ValueChoice(found, "code", True, CODES, values.of(found).codes))
        return found, choices
    others = [p for p in (*([code] if code is not None else ()), *by_values) if p != found]
    choices.extend(_others(others, values))
    reason = NATIONAL_CODES if others else CODES
    choices.append(ValueChoice(found, "code", True, reason, values.examples(found, "national")))
    return found, choices


def _may_hold_codes(key: str, values: ValueProfile) -> bool:
    """Whether a column headed `key` may hold the procedures' codes: not where its header
    names another thing's code, but a dossier's holding national codes (`_DOSSIER`)."""
    if not _OTHER_CODES.search(key):
        return True
    return _OTHER_CODES.search(_DOSSIER.sub(" ", key)) is None and _national(values)


def _national(values: ValueProfile) -> bool:
    return values.mostly(values.national)


def _may_be_shared(values: ValueProfile) -> bool:
    """Whether a code column holds codes but nearly no national ones: PA101 would fail on
    nearly every row, and its codes may be another thing's."""
    return values.mostly(values.code) and values.mostly(1 - values.national)


def _others(positions: list[int], values: _Values) -> list[ValueChoice]:
    """The columns of codes passed over for a column of national codes."""
    return [
        ValueChoice(p, "code", False, OTHER_CODES, values.of(p).codes)
        for p in positions
        if values.of(p).mostly(values.of(p).code)
    ]


def _shared_codes(body: pd.DataFrame, code: int, name: int) -> tuple[str, ...]:
    """The codes of a column shared by procedures of different names, where they are on at
    least `_SHARED` of its sampled rows with a code and a name: the most shared first. Empty
    where the codes tell procedures apart."""
    pairs = pd.DataFrame({"code": _stripped(sample(body[code])), "name": sample(body[name])})
    pairs = pairs.dropna()
    if len(pairs) < MIN_CELLS:
        return ()
    pairs["name"] = pairs["name"].astype("str").map(comparison_key)
    names = pairs.groupby("code")["name"].nunique()
    several = pairs["code"].map(names).gt(1)
    if several.mean() < _SHARED:
        return ()
    return tuple(names[names > 1].sort_values(ascending=False, kind="stable").index[:SHOWN])


def _stripped(column: pd.Series) -> pd.Series:
    """A column's cells as trimmed text, missing where empty."""
    text = column.astype("string").str.strip()
    return text.mask(text.eq(""))


def _name_by_values(
    header_map: HeaderMap,
    labels: list[str] | tuple[str, ...],
    columns: dict[str, int],
    hidden: Collection[int],
    values: _Values,
) -> int | None:
    """The first column not read whose header names some name ("Tên đầy đủ") and whose
    values the name's check does not refuse, else the one column not read whose values
    read as procedures' names whatever its header ("Thủ tục": io/name_values.py): where
    every column headed as the procedure's name holds codes, agencies or names cut short."""
    unread = _unread(header_map, labels, set(columns.values()), hidden)
    for position in unread:
        if not _SOME_NAME.match(header_key(str(labels[position]))):
            continue
        found = values.of(position)
        if found.cells >= MIN_CELLS and _text_refusal("name", found) is None:
            return position
    others = [position for column, position in columns.items() if column != "name"]
    # The agency column tells the units of a list stacked per unit, whose names repeat.
    named = name_by_values(labels, others, unread, values.body, columns.get("agency"))
    return None if named is None else named[0]


def _unread(
    header_map: HeaderMap,
    labels: list[str] | tuple[str, ...],
    taken: set[int],
    hidden: Collection[int],
) -> list[int]:
    """The columns not read, whose header names no column nor the row number; the visible
    ones first."""
    named = {position for positions in header_map.candidates.values() for position in positions}
    found = [
        position
        for position in range(len(labels))
        if position not in taken and position not in named and position != header_map.stt
    ]
    return sorted(found, key=lambda position: position in hidden)
