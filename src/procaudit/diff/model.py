"""The values a diff produces: kinds of change, one change, and the whole result.

Free of pandas, so that the renderers and the command line can use them cheaply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Kind(StrEnum):
    """What happened to a procedure between the two versions; the order is the report's."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MOVED = "moved"  # to another level or another field
    CHANGED = "changed"  # code, publishing decision, forms, time, agency, fee, online level


# The fields compared on a matched pair, and the kind a difference in each one makes.
MOVED_FIELDS: Final = ("level", "field")
CHANGED_FIELDS: Final = (
    "code",
    "decision_no",
    "decision_date",
    "forms",
    "processing_time",
    "agency",
    "fee",
    "online_level",
)
FIELDS_OF: Final[dict[Kind, tuple[str, ...]]] = {
    Kind.RENAMED: ("name",),
    Kind.MOVED: MOVED_FIELDS,
    Kind.CHANGED: CHANGED_FIELDS,
}
# Every field a version is read with, in the order reports list them. "code" can differ only
# on a pair matched by its national code, by its name, or by its name and level.
FIELDS: Final = ("code", "name", *MOVED_FIELDS, *CHANGED_FIELDS[1:])


class MatchedBy(StrEnum):
    """How a procedure of the old version was paired with one of the new version."""

    CODE = "code"
    NATIONAL_CODE = "national_code"  # 1.000494.000.00.00.H29 with 1.000494
    NAME = "name"  # a code is missing on one side: the normalised names are equal
    NAME_AND_LEVEL = "name_and_level"  # codes differ; the name and the level are the same


@dataclass(frozen=True)
class Location:
    """Where a row is in its file: the sheet (None for CSV) and the row (CSV: the line)."""

    sheet: str | None
    row: int


@dataclass(frozen=True)
class Change:
    """One kind of change to one procedure. A pair that was renamed and moved makes two."""

    kind: Kind
    code: str | None  # the new version's code where there is one, else the old one's
    name: str | None  # the new version's name, for a removed procedure the old one's
    fields: tuple[str, ...]  # the fields that differ (added/removed: those with a value)
    old: Mapping[str, str | None]  # field -> value as written in the old version
    new: Mapping[str, str | None]
    old_at: Location | None
    new_at: Location | None
    matched_by: MatchedBy | None = None
    duplicate_code: bool = False  # its code is on more than one row of a version


@dataclass(frozen=True)
class Version:
    """One side of the diff: the file and how it was read."""

    path: str
    procedures: int
    columns: frozenset[str]  # the canonical columns the file has (in any of its tables)
    duplicate_codes: int = 0  # codes written on more than one row
    sheets: tuple[str, ...] = ()  # the sheets its procedures come from (none for CSV)
    abolished: int = 0  # rows out of force ("bãi bỏ"), left out of the comparison
    notes: tuple[str, ...] = ()  # the reader's notes (formulas without saved values, ...)


@dataclass(frozen=True)
class DiffResult:
    old: Version
    new: Version
    compared: tuple[str, ...]  # fields both versions have, in FIELDS order
    changes: tuple[Change, ...]  # by kind, then in the order of the rows in the file
    unchanged: int  # procedures matched with nothing different

    @property
    def not_compared(self) -> tuple[str, ...]:
        """Fields that only one version has: a difference there means nothing."""
        either = self.old.columns | self.new.columns
        return tuple(f for f in FIELDS if f in either and f not in self.compared)

    def counts(self) -> dict[Kind, int]:
        counts = dict.fromkeys(Kind, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    def of_kind(self, kind: Kind) -> list[Change]:
        return [change for change in self.changes if change.kind is kind]

    def exit_code(self) -> int:
        """Like diff(1): 0 when nothing changed, 1 when something did."""
        return 1 if self.changes else 0
