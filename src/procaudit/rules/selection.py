"""`--select` and `--ignore`: which rules run. A prefix selects a family ("PA2", "PA30")."""

from __future__ import annotations

from dataclasses import dataclass

from procaudit.core.errors import UsageError
from procaudit.core.i18n import t


@dataclass(frozen=True)
class RuleSelection:
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()

    def allows(self, rule_id: str) -> bool:
        selected = not self.select or rule_id.startswith(self.select)
        return selected and not rule_id.startswith(self.ignore)

    @classmethod
    def parse(cls, select: list[str], ignore: list[str], known: list[str]) -> RuleSelection:
        """Prefixes from repeatable, comma-separated options; one that matches no rule id is
        a usage error, because a typo would otherwise silently select nothing."""
        return cls(
            matched_prefixes("--select", select, known), matched_prefixes("--ignore", ignore, known)
        )


def matched_prefixes(option: str, values: list[str], known: list[str]) -> tuple[str, ...]:
    """The rule-id prefixes of `option`'s values (repeatable, comma-separated); a usage error
    names the first that matches none of the `known` rule ids."""
    prefixes = tuple(p.strip().upper() for v in values for p in v.split(",") if p.strip())
    for prefix in prefixes:
        if not any(rule_id.startswith(prefix) for rule_id in known):
            raise UsageError(
                t(
                    "{option} {prefix} matches no rule (rule ids run from {first} to {last}; "
                    "`procaudit rules` lists them)",
                    "{option} {prefix} không khớp với quy tắc nào (mã quy tắc từ {first} đến "
                    "{last}; lệnh `procaudit rules` liệt kê tất cả)",
                    option=option,
                    prefix=prefix,
                    first=min(known),
                    last=max(known),
                )
            )
    return prefixes
