"""Which rules can repair what they find, and how: the base of `procaudit fix` (issue 18).

A rule that can repair a cell declares, beside its check, a function from the cell's text to
the repaired text (`@repairs`), None when there is nothing to change or the repair is not
certain. A repair is safe when it cannot change what the cell means (Unicode NFC, stray
whitespace, "QD" for "QĐ"); an unsafe one (a dot restored in a code) is a guess a person
should review, and runs only with `--unsafe-fixes`, as ruff has it.

Repairs of every text cell come first, in a fixed order (a legacy font's text is converted
before it is normalised, references are decoded before whitespace is cleaned), then the
repairs of one column (decision numbers, codes); `repair_text` repeats them until nothing
changes, so the repaired text is what none of the rules finds any more.

Like the registry, this module is the rules' base: the families import it, never it them
(`catalog.all_repairs` loads the families).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

RepairFunction = Callable[[str], "str | None"]

# The order repairs run in, one stage after the other (see the module's docstring).
LEGACY_FONT, NFC, HTML_ENTITY, WHITESPACE, COLUMN = range(5)
# Passes of every repair before giving up on a fixed point (each repair is idempotent, so
# two passes settle any text in practice; the bound only stops a pathological loop).
_MAX_PASSES = 5


@dataclass(frozen=True)
class Repair:
    rule_id: str
    safe: bool  # False: a guess a person should review (--unsafe-fixes)
    function: RepairFunction  # the cell's text -> the repaired text, None if nothing certain
    stage: int  # LEGACY_FONT, NFC, HTML_ENTITY, WHITESPACE or COLUMN
    columns: tuple[str, ...] = ()  # the canonical columns repaired; empty: every text column
    skip: tuple[str, ...] = ()  # columns never repaired (by a repair of every text column)
    # Columns repaired otherwise than the others, and how (`repairs_in`): a name is one line.
    own: tuple[tuple[str, RepairFunction], ...] = ()

    def applies_to(self, column: str) -> bool:
        if column in self.skip:
            return False
        return not self.columns or column in self.columns

    def for_column(self, column: str) -> Repair:
        """The repair as it runs on `column`'s cells."""
        function = dict(self.own).get(column)
        return self if function is None else replace(self, function=function)


_REPAIRS: dict[str, Repair] = {}


def repairs(
    rule_id: str,
    *,
    safe: bool,
    stage: int,
    columns: tuple[str, ...] = (),
    skip: tuple[str, ...] = (),
) -> Callable[[RepairFunction], RepairFunction]:
    """Declare `function` as the repair of what rule `rule_id` finds."""

    def decorate(function: RepairFunction) -> RepairFunction:
        if rule_id in _REPAIRS:
            raise ValueError(f"rule {rule_id} has a repair already")
        _REPAIRS[rule_id] = Repair(rule_id, safe, function, stage, columns, skip)
        return function

    return decorate


def repairs_in(rule_id: str, column: str) -> Callable[[RepairFunction], RepairFunction]:
    """Declare `function` as the repair of what rule `rule_id` finds in `column`, where its
    finds differ there (declared after the rule's own repair, `repairs`)."""

    def decorate(function: RepairFunction) -> RepairFunction:
        repair = _REPAIRS[rule_id]
        _REPAIRS[rule_id] = replace(repair, own=(*repair.own, (column, function)))
        return function

    return decorate


def registered_repairs() -> tuple[Repair, ...]:
    """Every repair declared so far, in the order they run."""
    return tuple(sorted(_REPAIRS.values(), key=lambda repair: (repair.stage, repair.rule_id)))


def registered_repair(rule_id: str) -> Repair | None:
    return _REPAIRS.get(rule_id.upper())


def repair_text(text: str, chain: Iterable[Repair]) -> tuple[str, tuple[str, ...]]:
    """`text` after the repairs of `chain` (in the order given), repeated to a fixed point,
    and the rules whose repairs changed it, in the order they first did."""
    chain = tuple(chain)
    applied: dict[str, None] = {}
    for _ in range(_MAX_PASSES):
        changed = False
        for repair in chain:
            repaired = repair.function(text)
            if repaired is not None and repaired != text:
                text, changed = repaired, True
                applied[repair.rule_id] = None
        if not changed:
            break
    return text, tuple(applied)
