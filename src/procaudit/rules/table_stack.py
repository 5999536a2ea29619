"""The tables a rule context's frame holds one after another, when the engine stacks small
tables (`engine.stacked`), for the rules that compare a row with the other rows of its own
table (PA201-PA204, PA404, PA502: `Rule.table_local`).

On a table alone those rules compare rows within one unit of a per-unit list (`units`),
PA204 counts how common a word is among the table's names, and PA404 passes over a table
whose every row is abolished. On a stack each table keeps its own units, found in its own
agency column (400 communes' lists stacked would look like one list per commune), and its
own counts: rows of two tables are never compared. So a stack's context numbers each row's
table (`table_ids`) and its unit within that table (`unit_ids`), and joins the tables' units
into one list for the messages (`joined_units`). The context's helpers for such work live
here too: a column's codes in the smallest integers (`small_factorized`), work made on a
stack cut into each table's part (`cut_per_row`), a table's units from its sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import numpy as np
import pandas as pd

from procaudit.catalogue.columns import SECTION_UNIT
from procaudit.catalogue.units import Units, section_units, units_of


@dataclass(frozen=True)
class TableStack:
    """Table i holds the rows bounds[i] to bounds[i + 1]; `units`: each table's own units
    (None for a table that is not a per-unit list, or has no agency column), found in its
    `agencies` (its agency column factorised, as `RuleContext.distinct` makes it; empty
    without one), which its own context is given too (`RuleContext.per_row_parts`)."""

    bounds: np.ndarray
    units: tuple[Units | None, ...]
    agencies: tuple[tuple[np.ndarray, pd.Index], ...] = ()

    @cached_property
    def table_ids(self) -> np.ndarray:
        """Each row's table, from 0."""
        ids: np.ndarray = np.repeat(
            np.arange(len(self.units), dtype=np.int64), np.diff(self.bounds)
        )
        return ids

    @cached_property
    def unit_ids(self) -> np.ndarray:
        """Each row's unit as a number from 0, one per table and unit: a table's rows number
        their units as `RuleContext.unit_ids` numbers them alone (0 for rows naming none,
        and for every row of a table that is not a per-unit list), counted on from the
        numbers of the tables before it."""
        parts, first = [], 0
        for (start, stop), units in zip(pairwise(self.bounds.tolist()), self.units, strict=True):
            if units is None:
                parts.append(np.full(stop - start, first, dtype=np.int64))
                first += 1
            else:
                parts.append(units.ids.astype(np.int64) + (first + 1))
                first += len(units) + 1
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    @cached_property
    def joined_units(self) -> Units | None:
        """The tables' units as one list: each row's unit among all the tables' (-1 where it
        names none, or its table is not a per-unit list), their labels and kinds one table's
        after another; None where no table is a per-unit list."""
        if all(units is None for units in self.units):
            return None
        ids: list[np.ndarray] = []
        labels: list[str] = []
        kinds: list[str] = []
        for (start, stop), units in zip(pairwise(self.bounds.tolist()), self.units, strict=True):
            if units is None:
                ids.append(np.full(stop - start, -1, dtype=np.int64))
                continue
            ids.append(np.where(units.ids >= 0, units.ids + len(labels), -1).astype(np.int64))
            labels += units.labels
            kinds += units.kinds
        return Units(np.concatenate(ids), labels, kinds)

    @cached_property
    def in_unit_lists(self) -> np.ndarray:
        """Whether each row's table is a per-unit list."""
        lists = np.array([units is not None for units in self.units], dtype=bool)
        in_lists: np.ndarray = lists[self.table_ids]
        return in_lists


def stack_of_tables(
    tables: list[pd.DataFrame], distinct: Callable[[str], tuple[np.ndarray, pd.Index]]
) -> TableStack:
    """The `TableStack` of `tables` stacked in a frame whose `distinct` (its columns
    factorised, `RuleContext.distinct`) is given."""
    bounds = np.cumsum([0, *(len(table) for table in tables)])
    if "agency" not in tables[0]:
        return TableStack(bounds, tuple(map(units_of_sections, tables)))
    # Each table's units found in its own column, as alone: 400 communes' lists stacked
    # would look like one list per commune.
    agencies = each_factorized(tables, "agency", bounds, lambda: distinct("agency"))
    units = tuple(
        units_of(agency) or units_of_sections(table)
        for agency, table in zip(agencies, tables, strict=True)
    )
    return TableStack(bounds, units, agencies)


def small_factorized(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """`pd.factorize`, its codes in the smallest integers that hold them and one more (a
    user may add 1 to make -1 a position): kept as long as the table's keys are, eight
    bytes a row each would be 46 MB for the six columns a million-row check reads so."""
    codes, uniques = pd.factorize(values)
    return _small_codes(codes, len(uniques)), uniques


def _small_codes(codes: np.ndarray, count: int) -> np.ndarray:
    """`codes` of `count` values in the smallest integers that hold them and one more."""
    for small in (np.int8, np.int16, np.int32):
        if count < np.iinfo(small).max:
            return codes.astype(small)
    return codes


def each_factorized(
    tables: list[pd.DataFrame],
    column: str,
    bounds: np.ndarray,
    stacked: Callable[[], tuple[np.ndarray, pd.Index]],
) -> tuple[tuple[np.ndarray, pd.Index], ...]:
    """`small_factorized` of each stacked table's `column` (table i holds the rows bounds[i]
    to bounds[i + 1] of the stack), cut from the stack's own (`stacked()`) by one pass of
    numpy where the column is text: a pandas factorize a table cost ~70 us each. Text is
    equal only to itself, so a table's distinct values, in the order they first come, are
    those of its rows in the stack's; other dtypes are factorised a table at a time (1 and
    1.0 would be one value of the stack, kept as the first table wrote it)."""
    if not isinstance(tables[0][column].dtype, pd.StringDtype):
        return tuple(small_factorized(table[column]) for table in tables)
    codes, uniques = stacked()
    width = len(uniques) + 1  # a table's codes and -1 (missing), as one number a row
    table_ids = np.repeat(np.arange(len(tables), dtype=np.int64), np.diff(bounds))
    keys = table_ids * width + codes.astype(np.int64) + 1
    pairs, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    values = pairs % width - 1  # each (table, value) pair's code in the stack
    named = np.flatnonzero(values >= 0)
    named = named[np.argsort(first[named], kind="stable")]  # by first row: table by table
    owners = pairs[named] // width
    starts = np.searchsorted(owners, np.arange(len(tables) + 1))
    ranks = np.full(len(pairs), -1, dtype=np.int64)  # a pair's code in its own table
    ranks[named] = np.arange(len(named)) - starts[owners]
    rows = ranks[inverse.reshape(-1)]
    return tuple(
        (
            _small_codes(rows[start:stop], end - begin),
            uniques.take(values[named[begin:end]]),
        )
        for start, stop, begin, end in zip(
            bounds[:-1].tolist(),
            bounds[1:].tolist(),
            starts[:-1].tolist(),
            starts[1:].tolist(),
            strict=True,
        )
    )


def cut_per_row(
    key: str, work: pd.Series, bounds: np.ndarray, tables: list[pd.DataFrame]
) -> list[pd.Series]:
    """Per-row work made on a stack, cut into each stacked table's (`per_row_parts`)."""
    ends = zip(tables, bounds, bounds[1:], strict=False)
    if key == "name_tags":  # the tagged rows alone, in row order, labelled by position
        positions = work.index.to_numpy()
        cuts = np.searchsorted(positions, bounds)
        values = work.to_numpy()
        return [
            pd.Series(
                values[cut:next_cut],
                index=table.index[positions[cut:next_cut] - start],
                dtype=object,
                name=work.name,
            )
            for (table, start, _), cut, next_cut in zip(ends, cuts, cuts[1:], strict=False)
        ]
    array = work.array
    return [
        pd.Series(array[start:stop], table.index, name=work.name, copy=False)
        for table, start, stop in ends
    ]


def units_of_sections(table: pd.DataFrame) -> Units | None:
    """The units a table's sections name (a list whose units head their blocks)."""
    return section_units(table[SECTION_UNIT]) if SECTION_UNIT in table else None
