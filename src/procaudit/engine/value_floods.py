"""The last collapse of a file's findings: a value failing one rule the same way says so once.

A list stacked per unit names "Sở Giao thông vận tải" on the 8 rows of its department, and
each fails PA504 with the same sentence; a name repeated under ten districts fails PA602 ten
times. A table's floods (`engine.floods`) wait for `MIN_ROWS` rows: they come before a value
a section heading gives is told once at the heading (`engine.heading_floods`) and a column
failing over a workbook's sheets once for the file (`engine.sheet_floods`). What those
leave, and the causes of `engine.cause_floods` (many values failing a mechanical check the
same way), this pass groups over the whole file: one value failing one rule, at one severity
and with one message, on `value_min_rows` rows becomes one finding that names its rows (each
of them where they are few, `floods.LISTED_ROWS`), its sheets too where it spans several.
A rule that compares names keeps `MIN_ROWS`: its message tells each row from the others
("also listed on row 9"). `check --every-row` keeps the row findings.
"""

from __future__ import annotations

from procaudit.core.findings import Finding, Severity
from procaudit.engine.floods import MIN_ROWS, not_flooded
from procaudit.engine.sheet_floods import value_finding_over_sheets
from procaudit.rules import get_rule

# A value a rule judges alone says one thing however many rows repeat it: from a few rows
# on, one finding reads better than the same sentence row after row.
VALUE_MIN_ROWS = 3


def value_min_rows(rule_id: str) -> int:
    """The rows one value must fail a rule on to be one finding: `VALUE_MIN_ROWS`, but
    `MIN_ROWS` for a rule that compares the names of rows (PA201-PA204, which read their
    comparison keys), whose every finding names the rows it matched."""
    rule = get_rule(rule_id)
    return MIN_ROWS if rule is not None and rule.name_keys else VALUE_MIN_ROWS


def collapse_values(findings: list[Finding]) -> list[Finding]:
    """A file's findings with each value failing one rule the same way on its rule's
    `value_min_rows` rows made one finding, after the row findings it leaves."""
    counts: dict[tuple[str, str | None, str], int] = {}
    for finding in findings:
        if finding.row is not None and finding.value and not finding.value.isspace():
            key = (finding.rule, finding.column, finding.value)
            counts[key] = counts.get(key, 0) + 1
    least = {rule: value_min_rows(rule) for rule in {key[0] for key in counts}}
    large = {key for key, count in counts.items() if count >= least[key[0]]}
    if not large:
        return findings
    # Only the few large groups are split by severity and message.
    groups: dict[tuple[str, str | None, str, Severity, str], list[Finding]] = {}
    for finding in findings:
        if finding.row is not None and (finding.rule, finding.column, finding.value) in large:
            alike = (
                finding.rule,
                finding.column,
                str(finding.value),
                finding.severity,
                finding.message,
            )
            groups.setdefault(alike, []).append(finding)
    floods = [found for key, found in groups.items() if len(found) >= least[key[0]]]
    if not floods:
        return findings
    kept = not_flooded(findings, floods)
    kept.extend(value_finding_over_sheets(found) for found in floods)
    return kept
