"""A table's hits become Findings: converted column by column, each flood made one finding
before any of its rows becomes a Finding (`procaudit.engine.hit_floods`).

At a million rows a run has ~85,000 findings (and `--reference` a million hits that flood), so
nothing here works per hit in pandas: each field is one list, and the Finding constructor is the
only call made per finding.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from itertools import repeat

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import ROW
from procaudit.core.findings import Finding, Severity
from procaudit.engine.catalogue_stats import SEVERITIES, HitPart
from procaudit.engine.cell_parts import CELL_ROW, on_their_cells
from procaudit.engine.column_names import column_names
from procaudit.engine.floods import column_finding, value_finding
from procaudit.engine.hit_explain import explained, explaining
from procaudit.engine.hit_floods import Hits, find_floods
from procaudit.engine.merged_hits import kept_hits, merged_cells, said_merged
from procaudit.engine.unread_hits import unread_hits
from procaudit.io import Table
from procaudit.io.grid import take_rows
from procaudit.rules import get_rule
from procaudit.rules.context import RuleContext

# Up to this many rows a column is read whole, in one step, rather than taken at the hits.
SMALL_TABLE = 10_000


def table_findings(
    path: str,
    table: Table,
    found: pd.DataFrame,
    collapse: bool,
    context: RuleContext | None = None,
    floods: bool = True,
) -> tuple[list[Finding], HitPart]:
    """A table's findings from its hits, if `collapse` a cell merged down over rows failing
    once, at the cell, and (unless not `floods`: a list over sheets finds its own) each flood
    made one finding (`procaudit.engine.floods`, found on the hits: a flood's rows never
    become Findings), and its hits as the scorecard counts them (every hit on a row, flooded
    or not). The hits of rules that explain them late are explained (with `context`) only
    where shown. A hit on an empty cell Excel shows a value in is put right first
    (`engine.unread_hits`)."""
    if table.unread:
        found = unread_hits(table, found, _frame_positions(table, found))
    hits = hit_arrays(table, found)
    part = (table.sheet, hits.row, hits.rule, hits.severity)
    positions = _frame_positions(table, found)
    pointed = on_their_cells(table, found, positions)  # the cells under a procedure's row
    if pointed is not found:
        found, positions = pointed, _frame_positions(table, pointed)
        hits = hit_arrays(table, found)
    if not collapse:
        return to_findings(path, table, explained(found, context)), part
    merged = merged_cells(table, hits, positions)
    if merged is not None:  # a merged cell's value fails once, at the cell
        found = found.iloc[merged.kept].reset_index(drop=True)
        hits = kept_hits(hits, merged.kept)
    if floods:
        made = _collapsed(path, table, found, hits, context)
    else:
        made = to_findings(path, table, explained(found, context))
    return (made if merged is None else said_merged(made, merged, table)), part


def _frame_positions(table: Table, found: pd.DataFrame) -> np.ndarray:
    """Each hit's position in the table's frame, -1 for a hit without a row."""
    located, positions = hit_positions(table.frame, found)
    if located.all():
        return positions
    every = np.full(len(found), -1, dtype=np.int64)
    every[located] = positions
    return every


def _collapsed(
    path: str, table: Table, found: pd.DataFrame, hits: Hits, context: RuleContext | None
) -> list[Finding]:
    """The findings of the hits, each flood one finding; a column's cells merged down over
    rows count once (`engine.merged_hits`)."""
    # The hits shown, explained, and their positions among `found` (all of them if none is
    # explained late).
    shown, at = found, None

    def explain(positions: np.ndarray) -> np.ndarray:
        nonlocal shown, at
        shown, at = explained(found.iloc[positions], context), positions
        return shown["message"].to_numpy(dtype=object)

    floods = find_floods(
        hits, table.frame, explain if explaining(found) else None, table.from_merged
    )

    def of(positions: list[int] | np.ndarray) -> list[Finding]:
        if not len(positions):  # no flood of the kind: to_findings' fixed cost saved
            return []
        chosen = np.asarray(positions, dtype=np.int64)
        rows = shown.iloc[chosen if at is None else np.searchsorted(at, chosen)]
        return to_findings(path, table, rows)

    if len(floods.kept) == len(found):
        if at is None:  # no flood and nothing explained late: every hit as it is, in order
            return to_findings(path, table, found)
        return of(floods.kept)
    findings = of(floods.kept)
    firsts = of([f.first for f in floods.values])
    findings.extend(
        value_finding(first, flood.rows) for first, flood in zip(firsts, floods.values, strict=True)
    )
    firsts = of([f.first for f in floods.columns])
    # As the file names the column: every header of a column read from marks ("Mức độ 3 /
    # Mức độ 4"), not its first alone.
    headers = column_names(table)
    findings.extend(
        column_finding(
            first,
            flood.rows,
            flood.whole,
            headers.get(flood.column, flood.column),
            flood.examples,
            cells=flood.column in table.from_merged,
        )
        for first, flood in zip(firsts, floods.columns, strict=True)
        if flood.column is not None
    )
    return findings


def hit_arrays(table: Table, found: pd.DataFrame) -> Hits:
    """A table's hits as `find_floods` and the scorecard read them: what `to_findings`
    makes of each, one array per field, without a Finding."""
    frame = table.frame
    located, positions = hit_positions(frame, found)
    row = np.full(len(found), np.nan)
    # The whole column (numbers, 8 MB at a million rows) at the hits' positions.
    row[located] = _row_numbers(frame[ROW])[positions]
    if CELL_ROW in found:  # a hit on a cell of a row under its procedure's (`cell_parts`)
        cell_row = found[CELL_ROW].to_numpy(dtype=np.float64, na_value=np.nan)
        row = np.where(np.isnan(cell_row), row, cell_row)
    rule = found["rule"].to_numpy(dtype=object)
    rule_code, rule_ids = pd.factorize(rule)  # of the array: a third of the Series' cost
    own = [SEVERITIES.index(_default_severity(rule_id)) for rule_id in rule_ids]
    severity = np.asarray(own, dtype=np.int64)[rule_code]
    if "severity" in found:  # a rule's milder severity for some hits (see hits.hits)
        given_code, given = pd.factorize(found["severity"])
        places = [SEVERITIES.index(Severity(s)) if isinstance(s, str) else -1 for s in given]
        given_place = np.append(np.asarray(places, dtype=np.int64), -1)[given_code]
        severity = np.where(given_place >= 0, given_place, severity)
    return Hits(
        row,
        rule,
        _text_array(found["column"]),
        severity,
        _text_array(found["value"]),
        found["message"].to_numpy(dtype=object),
    )


def _row_numbers(column: pd.Series) -> np.ndarray:
    """The row numbers as floats. The reader's are whole numbers, never missing: converted
    as they are (pandas' `na_value` path cost 30 us, a tenth of a small table's hits)."""
    if column.dtype == np.int64:
        return column.to_numpy().astype(np.float64)
    return column.to_numpy(dtype=np.float64, na_value=np.nan)


def hit_positions(frame: pd.DataFrame, found: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Which hits are on a row (`found`'s column `index`, the frame's row labels; missing
    for a hit about the whole table), and the frame positions of those."""
    labels = found["index"]
    if labels.dtype == np.int64:  # every hit on a row: most tables
        located, taken = np.ones(len(labels), dtype=bool), labels.to_numpy()
    else:
        located = labels.notna().to_numpy()
        taken = labels[located].to_numpy(dtype=np.int64)
    index = frame.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return located, taken  # the labels are the positions (the reader's frames)
    return located, index.get_indexer(pd.Index(taken))


def _default_severity(rule_id: str) -> Severity:
    """A rule's own severity; a schema of the user's may name rule ids procaudit does not
    know: severity error."""
    rule = get_rule(rule_id)
    return rule.severity if rule else Severity.ERROR


def to_findings(path: str, table: Table, found: pd.DataFrame) -> list[Finding]:
    """The findings of a table's hits, converted column by column: at a million rows a run
    has ~85,000 findings, and pandas work per hit cost seconds."""
    frame = table.frame
    # Each hit's position in the frame, found once for the three columns read at them.
    located, positions = hit_positions(frame, found)
    rule_ids = found["rule"].tolist()
    # A schema of the user's may name rule ids procaudit does not know: severity error.
    known = {rule_id: get_rule(rule_id) for rule_id in set(rule_ids)}
    names = {rule_id: rule.name if rule else "schema-check" for rule_id, rule in known.items()}
    defaults = {
        rule_id: rule.severity if rule else Severity.ERROR for rule_id, rule in known.items()
    }
    # A rule may give some of its hits a milder severity than its own (see hits.hits).
    nothing = [None] * len(found)
    given = found["severity"].tolist() if "severity" in found else nothing
    codes = at_positions(frame["code"], located, positions) if "code" in frame else nothing
    columns = texts(found["column"].tolist())
    headers = column_names(table)
    return findings_of(
        {
            "rule": rule_ids,
            "name": [names[rule_id] for rule_id in rule_ids],
            "severity": [
                Severity(severity) if isinstance(severity, str) else defaults[rule_id]
                for rule_id, severity in zip(rule_ids, given, strict=True)
            ],
            "file": repeat(path),
            "sheet": repeat(table.sheet),
            "row": _rows_at(frame, found, located, positions),
            "column": columns,
            "code": [code.strip() if isinstance(code, str) else None for code in codes],
            "value": texts(found["value"].tolist()),
            "message": found["message"].tolist(),
            "fix": found["fix"].tolist(),
            "procedure": texts(at_positions(frame["name"], located, positions)),
            "header": [headers.get(column) if column else None for column in columns],
        }
    )


def _rows_at(
    frame: pd.DataFrame, found: pd.DataFrame, located: np.ndarray, positions: np.ndarray
) -> list:
    """Each hit's row: its procedure's, or the row of the cell it is about (`cell_parts`)."""
    rows = at_positions(frame[ROW], located, positions)
    if CELL_ROW not in found:
        return rows
    cell_row = found[CELL_ROW].to_numpy(dtype=np.float64, na_value=np.nan)
    other = np.flatnonzero(~np.isnan(cell_row))
    shown = np.asarray(rows, dtype=object)
    shown[other] = cell_row[other].astype(np.int64).tolist()
    return shown.tolist()


def at_positions(column: pd.Series, located: np.ndarray, positions: np.ndarray) -> list:
    """The column's values at `positions` (of the located hits), one per hit: None for a
    hit without a row (where `located` is false) and for a missing value."""
    if column.dtype == np.int64:  # whole numbers, none missing (the row numbers)
        values = column.to_numpy()[positions]  # `tolist` gives Python ints, as objects would
    elif len(column) <= SMALL_TABLE:  # the whole column at once: one pandas call, not six
        # pandas-stubs 3.1 types `na_value` as a scalar that leaves out None, which pandas
        # takes.
        every = column.to_numpy(dtype=object, na_value=None)  # type: ignore[call-overload]
        values = every[positions]
    else:
        # Taken in row order, block by block (`take_rows`): `loc` has pyarrow join a text
        # column's blocks first, a fresh copy of the column (0.14 s for the names at 1M).
        order = np.argsort(positions, kind="stable")
        taken = take_rows(column, positions[order])
        values = np.empty(len(positions), dtype=object)
        values[order] = taken.to_numpy(dtype=object, na_value=None)  # type: ignore[call-overload]
    if located.all():
        return values.tolist()
    spread = np.full(len(located), None, dtype=object)
    spread[located] = values
    return spread.tolist()


def _text_array(column: pd.Series) -> np.ndarray:
    """`texts` of a column of hits, as an array: a million hits of one rule are all text or
    missing, told by one scan in C rather than a Python test each."""
    values = column.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        return np.asarray(texts(values.tolist()), dtype=object)
    missing = pd.isna(values)
    if missing.any():
        values = values.copy()  # pandas may hand out its own, read-only
        values[missing] = None
    return values


def texts(values: list) -> list[str | None]:
    """Text as it is; anything else (NaN, NA, a number pandera reported) as None."""
    return [value if isinstance(value, str) else None for value in values]


def findings_of(columns: dict[str, Iterable]) -> list[Finding]:
    """One Finding per hit from one list per field (`repeat` for a field shared by all):
    the constructor call is the only work done per finding."""
    columns = {"rows": repeat(None), "examples": repeat(()), "header": repeat(None), **columns}
    # Each finding made from a tuple of its fields by `tuple.__new__`, in C: the named
    # tuple's own constructor is a Python function (35,000 findings: 28 ms, here 17 ms).
    return list(map(_finding, zip(*(columns[name] for name in Finding._fields), strict=False)))


_finding = partial(tuple.__new__, Finding)
