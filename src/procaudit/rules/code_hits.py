"""PA101's and PA102's hits as the rows say: the schema's pattern checks each code cell's
text, and these read what the reader marked beside it (a cell that held a number, a list of
internal procedures) and what the row says (a cell saying there is no code yet, a status
that asks for none).
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from procaudit.catalogue.code_words import no_code_yet
from procaudit.catalogue.columns import CODE_NUMBER, CODE_SHOWN, INTERNAL, REPLACING
from procaudit.catalogue.status import ABOLISHED, NEW, SUSPENDED, row_status_kinds
from procaudit.core.findings import Severity
from procaudit.rules.code_messages import said
from procaudit.rules.code_problems import holds_several_codes, invalid_codes
from procaudit.rules.code_repairs import CODE_PATTERN

INVALID_CODE, MISSING_CODE = "PA101", "PA102"


def number_code_hits(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's hits and PA101's on the code cells that held numbers (`CODE_NUMBER`,
    marked by the reader): their codes pass the schema's pattern once given their zeros
    back, but the cells still hold the numbers. A number with every digit of its code that
    the cell's format shows otherwise (`CODE_SHOWN`) is a warning: its code is certain. Row
    by row, from each row's own marks."""
    if CODE_NUMBER not in frame or "code" not in frame:
        return hits
    numbers = frame[CODE_NUMBER]
    marked = numbers.notna().to_numpy(dtype=bool)
    if not marked.any():
        return hits
    number = numbers[marked].astype(object).tolist()
    code = frame["code"][marked].astype(object).tolist()
    shown = (
        frame[CODE_SHOWN][marked].astype(object).tolist()
        if CODE_SHOWN in frame
        else [None] * len(number)
    )
    told = [_number_said(*cell) for cell in zip(number, code, shown, strict=True)]
    found = pd.DataFrame(
        {
            "rule": INVALID_CODE,
            "index": frame.index[marked],
            "column": "code",
            "value": pd.Series(number, dtype=object),
            "message": pd.Series([message for message, _, _ in told], dtype=object),
            "fix": pd.Series([fix for _, fix, _ in told], dtype=object),
            "severity": pd.Series([severity for _, _, severity in told], dtype=object),
        }
    )
    return found if hits.empty else pd.concat([hits, found], ignore_index=True)


def line_break_code_hits(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's hits with PA101's on the national codes followed by one line break
    ("1.013224\n": every cell of a Word table pasted into Excel ends so), which the
    schema's pattern lets through: its "$" matches before a final line break, as Python's
    regular expressions do. They are padded codes (`padded_code_hits`), said in the rule's
    column kernels (`code_problems.invalid_codes`). Only where the schema's code pattern is
    procaudit's own (`CODE_PATTERN`: the caller's to know)."""
    if "code" not in frame:
        return hits
    texts = frame["code"].astype("string")
    ending = texts.str.endswith("\n").fillna(False).to_numpy(dtype=bool)
    if not ending.any():
        return hits
    at = np.flatnonzero(ending)
    body = texts.iloc[at].str.slice(0, -1)
    passed = body.str.fullmatch(CODE_PATTERN[1:-1]).fillna(False).to_numpy(dtype=bool)
    if not passed.any():
        return hits
    at = at[passed]
    values = texts.iloc[at].astype(object).tolist()
    messages, fixes = invalid_codes(values)
    found = pd.DataFrame(
        {
            "rule": INVALID_CODE,
            "index": frame.index[at],
            "column": "code",
            "value": pd.Series(values, dtype=object),
            "message": pd.Series(messages, dtype=object),
            "fix": pd.Series(fixes, dtype=object),
        }
    )
    return found if hits.empty else pd.concat([hits, found], ignore_index=True)


# A line break inside a code, with the spaces around it: the column it stood in wrapped.
_WRAPPED = r"[ \t]*[\r\n]+[ \t]*"


def padded_code_hits(hits: pd.DataFrame) -> pd.DataFrame:
    """The hits with PA101's on a national code with only spaces around it ("1.001193  ", a
    database export's padded text), an apostrophe stored before it ("'1.001193", the mark
    Excel hides and a CSV export writes out) or a line break inside it ("1.004\n697", where
    a PDF's column wrapped it) made warnings: the code is certain, the cell is what an exact
    look-up misses. A padded export pads every code: as errors they would make one column
    finding of the rule's severity, in which the few broken codes ("1.0O1234  ", an error)
    were lost. A space inside a code ("1.004 697") stays an error: typed by hand, it may
    hide another slip."""
    if hits.empty or "value" not in hits:
        return hits
    texts = hits["value"].astype("string").fillna("")
    stripped = texts.str.strip().str.removeprefix("'")
    stripped = stripped.str.replace(_WRAPPED, "", regex=True)
    padded = (
        hits["rule"].eq(INVALID_CODE)
        & stripped.ne(texts)
        & stripped.str.fullmatch(CODE_PATTERN[1:-1]).fillna(False).astype(bool)
    ).to_numpy(dtype=bool)
    if not padded.any():
        return hits
    hits = hits.copy()
    if "severity" not in hits:
        hits["severity"] = pd.Series([None] * len(hits), index=hits.index, dtype=object)
    hits.loc[padded, "severity"] = Severity.WARNING
    return hits


def _number_said(number: str, code: str, shown: object) -> tuple[str, str, str | None]:
    """The message, fix and severity (None: the rule's) of a code cell holding `number`,
    read as `code`; `shown`: the text its format shows, where that is another."""
    if isinstance(shown, str):
        return (
            said("number shown", number=number, shown=shown),
            said("cell as text", code=code),
            Severity.WARNING,
        )
    if number != code:
        return (
            said("number lost zeros", number=number),
            said("probably", code=code, where=said("where")),
            None,
        )
    return said("number", number=number), said("as text", code=code), None


def without_internal(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The hits less the code rules' on the rows of a list of internal procedures (`INTERNAL`:
    between state bodies, Decision 1085/QĐ-TTg), which the national database gives no code:
    "TTHCNB.01" or no code at all is what such a list holds (the report notes it once)."""
    if INTERNAL not in frame or hits.empty:
        return hits
    coded = hits["rule"].isin((INVALID_CODE, MISSING_CODE)).to_numpy(dtype=bool)
    if not coded.any():
        return hits
    internal = frame[INTERNAL].fillna(False).to_numpy(dtype=bool)  # stacked: others' NaN
    rows = frame.index.get_indexer(pd.Index(hits["index"].to_numpy()[coded]))
    dropped = np.zeros(len(hits), dtype=bool)
    dropped[np.flatnonzero(coded)] = (rows >= 0) & internal[np.maximum(rows, 0)]
    return hits[~dropped]


# The statuses whose procedures are not asked for a code: a newly published one may have
# none yet (DOMAIN: "Newly published procedures may have no code yet"), and one out of force
# or suspended is not judged as a procedure in force.
_NO_CODE_ASKED = (NEW, ABOLISHED, SUSPENDED)


def settle_code_hits(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's hits with the code rules read as the rows' statuses and words say: a
    PA101 on a cell that says there is no code yet ("Chưa có mã") is a PA102, and PA102 is
    left out on a row newly published, out of force or suspended, or replacing the
    procedure it names (`REPLACING`: a new procedure too). Row by row, from each
    row's own code and status: the same on a table alone or stacked with others."""
    if hits.empty or not hits["rule"].isin((INVALID_CODE, MISSING_CODE)).any():
        return hits
    invalid = hits["rule"].eq(INVALID_CODE).to_numpy(dtype=bool)
    if invalid.any():
        values = hits.loc[invalid, "value"]
        words = {value: no_code_yet(value) for value in values.dropna().unique()}
        none_yet = values.map(words).fillna(False).to_numpy(dtype=bool)
        if none_yet.any():
            at = hits.index[invalid][none_yet]
            message, fix = said("no code"), said("fill in", where=said("where"))
            hits = hits.copy()
            hits.loc[at, "rule"] = MISSING_CODE
            hits.loc[at, "message"] = message
            hits.loc[at, "fix"] = fix
    missing = hits["rule"].eq(MISSING_CODE).to_numpy(dtype=bool)
    if ("status" not in frame and REPLACING not in frame) or not missing.any():
        return hits
    exempt = row_status_kinds(frame).isin(_NO_CODE_ASKED).to_numpy(dtype=bool)
    if REPLACING in frame:  # a new procedure replacing the one the row names
        exempt = exempt | frame[REPLACING].astype("boolean").fillna(False).to_numpy(dtype=bool)
    if not exempt.any():
        return hits
    rows = frame.index.get_indexer(pd.Index(hits["index"].to_numpy()[missing]))
    skipped = np.zeros(len(hits), dtype=bool)
    skipped[np.flatnonzero(missing)] = (rows >= 0) & exempt[rows]
    return hits[~skipped]


# A name saying its row is a group of procedures done together, one dossier passed from
# agency to agency (thủ tục liên thông, Decree 63/2024): "Liên thông các thủ tục hành chính
# về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
# "Nhóm thủ tục hành chính liên thông …"; unaccented too.
_GROUP_NAME = re.compile(r"\bli[eê]n th[oô]ng\b|\bnh[oó]m (?:các )?(?:thủ tục|thu tuc|tthc)\b")


def _is_group(name: str) -> bool:
    return _GROUP_NAME.search(unicodedata.normalize("NFC", name).lower()) is not None


def group_code_hits(hits: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The hits less PA101's on a cell of several well-formed codes ("1.001612; 2.000286")
    in a row whose name says it is a group of procedures done together (`_GROUP_NAME`): such
    a row lists the code of each procedure of the group, and one row per code is not what
    it should be. Only the names of rows with such a cell are read."""
    if hits.empty or "name" not in frame:
        return hits
    invalid = hits["rule"].eq(INVALID_CODE).to_numpy(dtype=bool)
    if not invalid.any():
        return hits
    values = hits["value"].to_numpy(dtype=object)
    several = np.zeros(len(hits), dtype=bool)
    several[invalid] = [isinstance(v, str) and holds_several_codes(v) for v in values[invalid]]
    if not several.any():
        return hits
    rows = frame.index.get_indexer(pd.Index(hits["index"].to_numpy()[several]))
    names = frame["name"].to_numpy(dtype=object)
    grouped = [
        at >= 0 and isinstance(name := names[at], str) and _is_group(name) for at in rows.tolist()
    ]
    dropped = np.zeros(len(hits), dtype=bool)
    dropped[np.flatnonzero(several)] = grouped
    return hits[~dropped] if dropped.any() else hits
