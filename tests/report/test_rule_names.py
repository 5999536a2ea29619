"""A rule's name in the reports for people: Vietnamese in a Vietnamese report, the stable
English slug in the machine formats."""

from __future__ import annotations

import io
import json

import pytest

from procaudit.core.findings import AuditResult, FileReport, Finding, Severity
from procaudit.core.i18n import speaking
from procaudit.report import Format, ReportOptions, reporter_for
from procaudit.report.rule_names import VIETNAMESE, shown_name
from procaudit.rules import all_rules


def test_every_rule_has_a_short_vietnamese_name_of_its_own() -> None:
    ids = [rule.id for rule in all_rules()]
    assert sorted(VIETNAMESE) == sorted(ids)  # none missing, none for a rule that is gone
    names = list(VIETNAMESE.values())
    assert len(set(names)) == len(names)  # two rules never read alike
    for rule in all_rules():
        name = VIETNAMESE[rule.id]
        assert name != rule.name and "-" not in name, rule.id  # not the English slug
        assert 0 < len(name) <= 30, rule.id  # a table column, not a sentence


@pytest.mark.parametrize(
    ("lang", "rule", "slug", "shown"),
    [
        ("vi", "PA501", "district-level", "cấp huyện cũ"),
        ("vi", "PA201", "duplicate-entry", "trùng thủ tục"),
        ("en", "PA501", "district-level", "district-level"),
        ("vi", "PA999", "my-schema-check", "my-schema-check"),  # a custom check keeps its slug
    ],
)
def test_shown_name(lang: str, rule: str, slug: str, shown: str) -> None:
    with speaking(lang):
        assert shown_name(rule, slug) == shown


RESULT = AuditResult(
    files=(FileReport("a.csv", None, 2),),
    findings=(
        Finding(
            "PA501",
            "district-level",
            Severity.ERROR,
            "a.csv",
            None,
            2,
            "level",
            "1.000001",
            "Cấp huyện",
            "Cấp huyện đã kết thúc.",
            "Ghi Cấp xã.",
        ),
    ),
)


def _render(fmt: Format) -> str:
    out = io.StringIO()
    with speaking("vi"):
        reporter_for(fmt, ReportOptions(width=100)).render(RESULT, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", [Format.RICH, Format.MARKDOWN, Format.HTML])
def test_a_vietnamese_report_for_people_names_the_rule_in_vietnamese(fmt: Format) -> None:
    text = _render(fmt)
    assert "cấp huyện cũ" in text and "district-level" not in text


@pytest.mark.parametrize("fmt", [Format.JSON, Format.CSV, Format.SARIF, Format.JSONL])
def test_machine_formats_keep_the_english_slug_in_vietnamese(fmt: Format) -> None:
    text = _render(fmt)
    assert "district-level" in text and "cấp huyện cũ" not in text


def test_the_json_report_names_the_rule_by_its_slug() -> None:
    [finding] = json.loads(_render(Format.JSON))["findings"]
    assert finding["name"] == "district-level"
