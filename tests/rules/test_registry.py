"""Meta-tests: every rule is documented and addressable, every format has a reporter."""

from __future__ import annotations

import re

import pytest

from procaudit.core.findings import Severity
from procaudit.report import Format, Reporter, ReportOptions, reporter_for
from procaudit.rules import all_rules
from procaudit.rules.registry import Rule, register

RULES = all_rules()


def test_the_first_rule_set_is_registered_with_its_public_ids() -> None:
    assert {(r.id, r.name, r.severity.value) for r in RULES} >= {
        ("PA101", "invalid-code", "error"), ("PA102", "missing-code", "warning"),
        ("PA103", "missing-name", "error"), ("PA201", "duplicate-entry", "error"),
        ("PA202", "code-conflict", "error"), ("PA203", "duplicate-name", "warning"),
        ("PA301", "missing-form", "error"), ("PA401", "unpublished", "error"),
        ("PA402", "invalid-decision", "error"), ("PA501", "district-level", "error"),
    }  # fmt: skip


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_is_documented(rule: Rule) -> None:
    assert re.fullmatch(r"PA\d{3}", rule.id)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".")
    for section in ("**Bad**", "**Good**", "**Fix**"):
        assert section in rule.doc, f"{rule.id} lacks {section}"
    # Checked in exactly one way: on a table, on a file, or by the schema.
    assert [rule.check, rule.file_check, rule.describe].count(None) == 2


def test_registry_refuses_a_second_rule_with_a_taken_id() -> None:
    with pytest.raises(ValueError, match="PA101 is registered twice"):
        register(Rule("PA101", "another-name", Severity.ERROR, ("code",), "Doc.", describe=str))


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_has_a_reporter(fmt: Format) -> None:
    assert isinstance(reporter_for(fmt, ReportOptions()), Reporter)
