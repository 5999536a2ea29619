"""What machine formats say about a rule: its summary and default severity from the registry.

A finding whose rule is not registered (a custom schema's check) falls back on the finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from procaudit.core.findings import Finding, Severity
from procaudit.core.i18n import t


@dataclass(frozen=True)
class RuleMeta:
    id: str
    name: str
    summary: str
    severity: Severity


def rule_meta(finding: Finding) -> RuleMeta:
    from procaudit.rules import get_rule

    rule = get_rule(finding.rule)
    if rule is None:
        return RuleMeta(finding.rule, finding.name, finding.name, finding.severity)
    return RuleMeta(rule.id, rule.name, rule.summary, rule.severity)


def message_with_fix(finding: Finding) -> str:
    if not finding.fix:
        return finding.message
    return finding.message + t(" Fix: ", " Cách sửa: ") + finding.fix
