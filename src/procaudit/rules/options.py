"""What the user set for one run that rules depend on, beyond the catalogue itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from procaudit.io.reference import Reference

REFORM_DATE = date(2025, 7, 1)  # two-tier local government: no district level from this day
ONLINE_TARGET = 0.8  # share of procedures fully online ("Toàn trình") the reform asks for

# The command-line option that gives each RuleOptions field a rule can `need`.
NEEDED_OPTION = {"reference": "--reference", "forms_dir": "--forms-dir"}


@dataclass(frozen=True)
class RuleOptions:
    today: date = field(default_factory=date.today)  # decision dates after it are in the future
    forms_dir: Path | None = None  # where the form files named in the catalogue should be
    reference: Reference | None = None  # the national list to compare codes and coverage with
    online_target: float = ONLINE_TARGET
    reform_date: date = REFORM_DATE

    def has(self, need: str) -> bool:
        """Whether the option a rule needs (`Rule.needs`) was given."""
        return getattr(self, need) is not None
