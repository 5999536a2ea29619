"""The tool's own failures: each one ends a run with exit code 2.

Data defects are never exceptions: they are Findings (see model.py).
"""

from __future__ import annotations

from procaudit.core.paths import shown_path


class ProcauditError(Exception):
    """A failure of procaudit itself; its message is one sentence for the user."""


class InputError(ProcauditError):
    """An input file that cannot be read as a catalogue."""

    def __init__(self, path: str, problem: str) -> None:
        path = shown_path(path)  # a name that is not UTF-8, shown so that any output holds it
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NoCatalogueTable(InputError):
    """A file read whole that holds no catalogue: no column for the procedure's name (a
    README, a pivot, a users' export)."""


class SchemaError(ProcauditError):
    """A schema file that cannot be loaded."""


class UsageError(ProcauditError):
    """A command line that asks for something procaudit cannot do."""
