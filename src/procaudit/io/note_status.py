"""A status written in a notes column where the list has no status column: "Ghi chú" saying
"Đã bãi bỏ theo Quyết định số 123/QĐ-UBND ngày 1/3/2025", "Bãi bỏ", "Hết hiệu lực", "Đã
được thay thế bởi TTHC 1.000011" on the rows it concerns, and other notes on the rest ("Thực
hiện tại Bộ phận một cửa").

A column of statuses nearly throughout is read as the status column by its values already
(`unheaded_columns`); here a notes column that says a status on some rows only. A note is
read as its row's status only where it is a status statement and nothing else (`note_status`):
the status, as a status cell is read (`catalogue.status.status_kind`: "Bãi bỏ một phần" is
not abolished), with at most a reference after it (its decision, its date, what replaced
it). A note saying more ("Bãi bỏ một phần thành phần hồ sơ", "Sửa đổi tên thủ tục", "Hủy
bỏ yêu cầu nộp bản sao", "Tạm dừng tiếp nhận hồ sơ trực tuyến") is a note, and so is one
that only says the procedure is kept or amended: it changes nothing a rule asks.

The notes column is then the table's status column (`read_note_statuses`), holding the
statements only, so that every rule reads them as status cells and PA404 reports one in
the notes' own cell. A status column, where there is one, wins; a row whose note says no
status takes its section's, as a row whose status cell is empty does, and so does one whose
note says what its section says, or whose section is out of force. Each distinct note is
read once (20 us a small list's notes column stating none); a list with no notes column
costs a look at its unread headers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.columns import ROW
from procaudit.catalogue.status import ABOLISHED, NEW, SUSPENDED, row_status_kinds, status_kind
from procaudit.catalogue.text_columns import arrow_chunks, matches
from procaudit.io.grid import Grid
from procaudit.io.layout import Understood
from procaudit.io.merged import fill_merged
from procaudit.vn.text import comparison_key, header_key

# A notes column's header (`header_key`): "Ghi chú", "GHI CHÚ", "Ghi chú (nếu có)", "Notes".
_NOTES = re.compile(r"(?:ghi chu|chu thich|luu y|notes?|remarks?)(?: \w+){0,3}")
# A note that is a status statement, on its comparison key: words before the status ("đã",
# "TTHC này đã bị"), the status, and at most a reference after it (a decision, a date, what
# replaced it). Not a one-stop system's one-word "Đóng", nor "Không áp dụng" (in a note, as
# often "not applicable" as "not applied").
_STATEMENT = re.compile(
    r"(?:(?:tthc|thủ tục(?: hành chính)?)(?: này)?\s+)?(?:(?:đã|bị|được)\s+)*"
    r"(?:bãi bỏ|hủy bỏ|hủy|hết hiệu lực|không còn hiệu lực|abolished|repealed|revoked"
    r"|(?:tạm )?(?:dừng|ngừng|ngưng|đình chỉ)(?: (?:thực hiện|áp dụng|tiếp nhận|giải quyết))?"
    r"|ban hành mới|mới ban hành|công bố mới|mới công bố|mới|thay thế(?: (?:bởi|bằng)\b.*)?)"
    r"(?:\s*[,:;.–-]?\s*(?:(?:theo|tại|(?:kể )?từ (?=ngày\b|\d)|do|bởi|ngày|năm|qđ|quyết định"
    r"|nghị quyết|nghị định|thông tư|số|tthc|thủ tục)\b.*|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b.*"
    r"|\d+(?:/\d{4})?/[a-zđ].*|\(.*))?\.?"
)
_KINDS = (ABOLISHED, SUSPENDED, NEW)


def note_status(note: str) -> str | None:
    """What a note says of its row's status where it is a status statement and nothing else
    ("Đã bãi bỏ theo Quyết định số 123/QĐ-UBND", "Hết hiệu lực từ 01/7/2025", "Thay thế"),
    one that changes what the rules ask of its row (`status.status_kind`: out of force,
    suspended or newly published); None for any other note."""
    key = comparison_key(note)
    if _STATEMENT.fullmatch(key) is None:
        return None
    kind = status_kind(key)
    return kind if kind in _KINDS else None


# A status word a statement holds, on its NFC lower case text: many distinct notes are read
# by one column kernel, and only those holding one each by `note_status` (6 us a note).
_STATUS_WORD = "bãi|hủy|huỷ|hiệu|dừng|ngừng|ngưng|đình|mới|thay|abolish|repeal|revok"
_FEW = 256  # distinct notes read one by one without a look first


def _stated(notes: pd.Series) -> dict[str, str]:
    """The distinct notes of a column that state a status, with what they state: each read
    once, and past a few hundred only those a column kernel finds holding a status word."""
    distinct = pc.drop_null(pc.unique(arrow_chunks(notes)))
    if len(distinct) > _FEW:
        lower = pc.utf8_lower(pc.utf8_normalize(distinct, "NFC"))
        distinct = distinct.filter(matches(lower, _STATUS_WORD))
    said = {note: note_status(note) for note in distinct.to_pylist()}
    return {note: kind for note, kind in said.items() if kind is not None}


@lru_cache(maxsize=1024)  # a folder of communes' lists repeats its headers
def _is_notes_header(label: str) -> bool:
    return _NOTES.fullmatch(header_key(label)) is not None


def read_note_statuses(
    frame: pd.DataFrame, grid: Grid, understood: Understood
) -> tuple[Understood, np.ndarray | None] | None:
    """Give the rows of a canonical table without a status column the status their notes
    state (`note_status`), in place, as a status column read from the notes column; return
    the layout with the notes column mapped as the status column, and the rows whose note
    was taken from a cell merged down over them (`fill_merged`'s, or None); None where the
    table has a status column, no notes column or no note stating a status."""
    account = understood.account
    header_map = account.header_map
    if "status" in header_map.columns or frame.empty:
        return None
    used = set(header_map.columns.values())
    for position, label in enumerate(account.labels):
        if position in used or position == header_map.stt or not _is_notes_header(label):
            continue
        notes = understood.body[position]
        stated = _stated(notes)  # most notes columns state none: nothing more is done
        if not stated:
            continue
        said = pd.DataFrame({"status": notes.astype("str").array, ROW: frame[ROW].to_numpy()})
        merged = fill_merged(said, grid.merged, {"status": position}).get("status")
        codes, uniques = pd.factorize(said["status"])
        kinds = np.array([stated.get(note) for note in uniques] + [None], dtype=object)
        taken = pd.notna(kinds[codes])  # code -1 (empty): the last, None
        # A note saying what the row's section or title says already ("Thủ tục mới" in the
        # part "Ban hành mới") leaves the row its part's status, and so does any note in a
        # part out of force, which says as much of its rows ("Thay thế TTHC số …" in the
        # part "Bãi bỏ" names what replaced them).
        given = understood.inherited.get("status")
        if given is not None and taken.any():
            parts = row_status_kinds(pd.DataFrame({"status": given})).to_numpy()
            taken &= (kinds[codes] != parts) & ~np.isin(parts, (ABOLISHED, SUSPENDED))
        if not taken.any():
            continue
        frame["status"] = said["status"].where(taken).to_numpy()
        frame["status"] = frame["status"].astype("str")
        mapped = replace(
            header_map,
            columns={**header_map.columns, "status": position},
            sources={**header_map.sources, label: "status"},
            unmapped=tuple(other for other in header_map.unmapped if other != label),
        )
        understood = replace(understood, account=replace(account, header_map=mapped))
        return understood, None if merged is None else np.where(taken, merged, 0)
    return None
