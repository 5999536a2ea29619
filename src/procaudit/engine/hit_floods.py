"""Find a table's floods (`procaudit.engine.floods`) on its hits, before any becomes a Finding.

On a million rows checked against the national list, PA406 flags ~986,000 codes, which
collapse into one column finding: building a Finding for each hit and then grouping them
in Python took 30 s. Here the groups are counted with numpy over integer keys (one code per
distinct rule, column, severity, value and message), so only the hits that survive, and
the first hit of each flood, are converted; and only they, with the value floods'
candidates, need a message from a rule that explains its hits late (`engine.hit_explain`).
The result is the one `collapse_floods` gives on the row findings, in the same order: the
hits kept, then the value floods, then the column floods.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from procaudit.engine.flood_shapes import off_shape
from procaudit.engine.floods import EMPTY, ERROR, EXAMPLES, MIN_ROWS, SHARE, FloodRows
from procaudit.io.grid import EXCEL_ERRORS


@dataclass(frozen=True)
class Hits:
    """A table's hits as arrays, one entry per hit: its row number (NaN for a hit without a
    row), its rule, column (None without one), severity as a number, value (a str or None)
    and message."""

    row: np.ndarray
    rule: np.ndarray
    column: np.ndarray
    severity: np.ndarray
    value: np.ndarray
    message: np.ndarray


@dataclass(frozen=True)
class Flood:
    """One flood: the position of its first row's hit, its rows, and for a column flood the
    column's values (`whole`) and the first examples."""

    first: int
    rows: FloodRows
    column: str | None = None
    whole: int = 0
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Floods:
    """The hits that stay row findings (positions, in order), and the floods."""

    kept: np.ndarray
    values: list[Flood]
    columns: list[Flood]


def find_floods(
    hits: Hits,
    frame: pd.DataFrame,
    explain: Callable[[np.ndarray], np.ndarray] | None = None,
    merged: Mapping[str, int] | None = None,
) -> Floods:
    """The floods of a table's hits, as `collapse_floods` finds them on its findings;
    `frame` is the table's canonical frame. A column flood is told by rule, column and
    severity alone, so the messages are read only after: `explain`, if given, returns them
    for the hits (positions, in order) not in a column flood and each column flood's first
    (`engine.hit_explain`), before the value floods, which read them. `merged`: per column,
    the rows that took their value from a cell merged down over them, whose hits stood for
    by the cell's (`engine.merged_hits`): a column's values are counted by its cells."""
    size = len(hits.row)
    located = ~np.isnan(hits.row)
    # A value is "empty" as `floods._empty` says (None, or only what `str.strip` strips),
    # "given" where truthy; an Excel error shown is told apart (`floods.cell_state`).
    # `map` of builtins: a million hits of PA406 without a Python-level test each.
    given = np.fromiter(map(bool, hits.value), dtype=bool, count=size)
    empty = ~given
    texts = np.flatnonzero(given)
    shown = np.asarray(hits.value, dtype=object)[texts]
    empty[texts] = np.fromiter(map(str.isspace, shown), dtype=bool, count=len(texts))
    state = empty.astype(np.int64) * EMPTY
    state[texts] += ERROR * np.fromiter(
        map(EXCEL_ERRORS.__contains__, shown), dtype=bool, count=len(texts)
    )
    rule_code, _ = pd.factorize(hits.rule)
    column_code, column_uniques = pd.factorize(hits.column)  # -1: no column
    flooded = np.zeros(size, dtype=bool)
    columns = _column_floods(
        hits, frame, located, state, rule_code, column_code, list(column_uniques), flooded, merged
    )
    if explain is not None:
        shown = np.union1d(
            np.flatnonzero(~flooded), np.array([flood.first for flood in columns], dtype=np.int64)
        )
        message = hits.message.copy()  # pandas may hand out a read-only view
        message[shown] = explain(shown)
        hits = replace(hits, message=message)
    values = _value_floods(hits, located & ~flooded & given, empty, rule_code, column_code, flooded)
    return Floods(np.flatnonzero(~flooded), values, columns)


def _column_floods(
    hits: Hits,
    frame: pd.DataFrame,
    located: np.ndarray,
    state: np.ndarray,
    rule_code: np.ndarray,
    column_code: np.ndarray,
    column_names: list[str],
    flooded: np.ndarray,
    merged: Mapping[str, int] | None = None,
) -> list[Flood]:
    """One rule, at one severity, on (nearly) every value of a column, or every empty cell
    (or every cell showing an Excel error: `state`, as `floods.cell_state` gives it); marks
    their hits in `flooded`."""
    in_frame = np.append(np.isin(np.array(column_names, dtype=object), list(frame.columns)), False)
    chosen = np.flatnonzero(located & in_frame[column_code])
    if len(chosen) < MIN_ROWS:
        return []
    key = (
        (rule_code[chosen] * (len(column_names) + 1) + column_code[chosen]) * 4
        + hits.severity[chosen]
    ) * 3 + state[chosen]
    group, _ = pd.factorize(key)  # numbered in order of first appearance
    sizes = np.bincount(group)
    floods = []
    for number in np.flatnonzero(sizes >= MIN_ROWS).tolist():
        members = chosen[group == number]
        first = int(members[0])
        column = column_names[column_code[first]]
        # Cells read as empty (an error shown is one) are counted over all rows.
        whole = len(frame) if state[first] else int(frame[column].count())
        whole -= (merged or {}).get(column, 0)  # its cells, not its rows
        if len(members) < SHARE * whole:
            continue
        # Values off the shape of the flood's cause keep their row findings (`flood_shapes`).
        off = off_shape(str(hits.rule[first]), hits.value[members], max(SHARE * whole, MIN_ROWS))
        if off is not None:
            members = members[~off]
        flooded[members] = True
        examples = () if state[first] == EMPTY else _examples(hits.value, members)
        floods.append(Flood(_first(hits, members), _rows(hits, members), column, whole, examples))
    return floods


def _value_floods(
    hits: Hits,
    candidates: np.ndarray,
    empty: np.ndarray,
    rule_code: np.ndarray,
    column_code: np.ndarray,
    flooded: np.ndarray,
) -> list[Flood]:
    """One value failing one rule, at one severity and with one message, on `MIN_ROWS` rows
    or more; marks their hits in `flooded`."""
    chosen = np.flatnonzero(candidates)
    if len(chosen) < MIN_ROWS:
        return []
    # The values are coded only here, after the column floods left few hits.
    value_code, _ = pd.factorize(np.asarray(hits.value, dtype=object)[chosen])
    columns = int(column_code.max()) + 2
    key = (rule_code[chosen] * columns + column_code[chosen] + 1) * (
        int(value_code.max()) + 1
    ) + value_code
    group, _ = pd.factorize(key)
    large = np.bincount(group)[group] >= MIN_ROWS
    chosen, group = chosen[large], group[large]
    if not len(chosen):
        return []
    # Only the hits of large groups are split by severity and message.
    message_code, _ = pd.factorize(hits.message[chosen], use_na_sentinel=False)
    part, _ = pd.factorize(
        (group * 4 + hits.severity[chosen]) * (int(message_code.max()) + 1) + message_code
    )
    sizes = np.bincount(part)
    # `collapse_floods` lists the parts group by group, each group's in order of appearance.
    part_group = np.zeros(len(sizes), dtype=np.int64)
    part_group[part] = group
    floods = []
    for number in np.lexsort((np.arange(len(sizes)), part_group)).tolist():
        if sizes[number] < MIN_ROWS:
            continue
        members = chosen[part == number]
        if empty[members[0]]:
            continue
        flooded[members] = True
        floods.append(Flood(_first(hits, members), _rows(hits, members)))
    return floods


def _first(hits: Hits, members: np.ndarray) -> int:
    """The hit on the group's first row (the first listed, should rows repeat)."""
    return int(members[np.argmin(hits.row[members])])


def _rows(hits: Hits, members: np.ndarray) -> FloodRows:
    return FloodRows.of(hits.row[members].astype(np.int64).tolist())


def _examples(values: np.ndarray, members: np.ndarray) -> tuple[str, ...]:
    """The first `EXAMPLES` distinct values of the group, stripped: read in order until
    found, not over a million hits of one value."""
    found: dict[str, None] = {}
    for position in members.tolist():
        value = values[position]
        if value and (stripped := value.strip()):
            found[stripped] = None
            if len(found) == EXAMPLES:
                break
    return tuple(found)
