"""Stand-ins for the planner (`procaudit.engine.repairs`) and the writer (`procaudit.io.patch`)
of `procaudit fix`, for the tests of its use case and command (issue 18): they hold the
wiring (destinations, backups, exit codes, output) to account without depending on which
rules repair what. Installed with `install(monkeypatch)`; they handle a UTF-8 CSV whose
header is line 1 and whose records are one line each.

The round-trip tests run against the real planner and writer instead.
"""

from __future__ import annotations

import csv
import importlib.util
import inspect
import sys
import types
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from procaudit.core.changes import CellChange
from procaudit.core.errors import InputError

# Whether the real planner and writer have landed: the round-trip tests wait for them.
REAL_FIX = all(
    importlib.util.find_spec(name) is not None
    for name in ("procaudit.engine.repairs", "procaudit.io.patch")
)
needs_real_fix = pytest.mark.skipif(
    not REAL_FIX, reason="procaudit.engine.repairs and procaudit.io.patch have not landed"
)


@dataclass(frozen=True)
class FakePlan:
    changes: tuple[CellChange, ...]
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class FakePatch:
    written: tuple[CellChange, ...]
    skipped: tuple[tuple[CellChange, str], ...]
    converted_from: str | None = None
    notes: tuple[str, ...] = ()
    losses: tuple[str, ...] = ()


def _records(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return list(csv.reader(stream))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({exc.__class__.__name__})") from None


def plan_repairs(path: str, *, read_options=None, selection=None, unsafe=False) -> FakePlan:
    """Stray whitespace (PA603, safe) and "QD" for "QĐ" (PA402, taken as unsafe here, so
    that --unsafe-fixes has something to add)."""
    changes = []
    for line, record in enumerate(_records(Path(path))[1:], start=2):
        for column, before in enumerate(record):
            after, rules = " ".join(before.split()), []
            if after != before and (selection is None or selection.allows("PA603")):
                rules.append("PA603")
            if unsafe and "QD-" in after and (selection is None or selection.allows("PA402")):
                after, rules = after.replace("QD-", "QĐ-"), [*rules, "PA402"]
            if rules:
                changes.append(
                    CellChange(
                        path,
                        None,
                        line,
                        column,
                        None,
                        before,
                        after,
                        tuple(rules),
                        "PA402" not in rules,
                    )
                )
    return FakePlan(tuple(changes))


def write_repaired(
    source: Path, changes: Sequence[CellChange], target: Path, read_options=None
) -> FakePatch:
    """The CSV with each change applied where the cell still holds its `before`; a cell
    holding "=" first stands for a formula and is skipped."""
    records = _records(Path(source))
    written, skipped = [], []
    for change in changes:
        cell = records[change.row - 1][change.column]
        if cell.startswith("="):
            skipped.append((change, "a formula"))
        elif cell == change.before:
            records[change.row - 1][change.column] = change.after
            written.append(change)
    with Path(target).open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(records)
    return FakePatch(tuple(written), tuple(skipped))


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put the fakes where `procaudit.app.fix` imports the planner and the writer from,
    once they are known to take what the real planner and writer take."""
    if REAL_FIX:  # a fake that drifted from the real interface would test nothing real
        from procaudit.engine.repairs import plan_repairs as real_plan
        from procaudit.io.patch import write_repaired as real_write

        for fake, real in ((plan_repairs, real_plan), (write_repaired, real_write)):
            fake_names = list(inspect.signature(fake).parameters)
            assert fake_names == list(inspect.signature(real).parameters), fake.__name__
    planner = types.ModuleType("procaudit.engine.repairs")
    planner.plan_repairs = plan_repairs  # type: ignore[attr-defined]
    writer = types.ModuleType("procaudit.io.patch")
    writer.write_repaired = write_repaired  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "procaudit.engine.repairs", planner)
    monkeypatch.setitem(sys.modules, "procaudit.io.patch", writer)
