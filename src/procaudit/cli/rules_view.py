"""Render the rule registry for `procaudit rules`."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from procaudit.core.i18n import t
from procaudit.rules import Rule, get_repair
from procaudit.rules.options import NEEDED_OPTION


def rules_table(rules: Iterable[Rule]) -> Table:
    table = Table(show_edge=False, pad_edge=False, box=None)
    for heading in (
        t("id", "mã"),
        t("name", "tên"),
        t("severity", "mức độ"),
        t("checked by", "kiểm tra bằng"),
        t("fix", "sửa"),
        t("finds", "phát hiện"),
    ):
        table.add_column(heading, header_style="bold")
    for rule in rules:
        table.add_row(
            rule.id,
            rule.name,
            rule.severity.label,
            _checked_by(rule),
            _repaired_by(rule),
            Text(rule.summary),
        )
    return table


def _checked_by(rule: Rule) -> str:
    if rule.from_schema:
        return t("schema", "lược đồ (schema)")
    if rule.file_check is not None:
        kind = t("file rule", "quy tắc theo tệp")
    else:
        kind = t("rule", "quy tắc")
    if rule.needs:
        return t(
            "{kind}, with {option}",
            "{kind}, cần {option}",
            kind=kind,
            option=NEEDED_OPTION[rule.needs],
        )
    return kind


def _repaired_by(rule: Rule) -> str:
    """Whether `procaudit fix` repairs what the rule finds: "safe", "unsafe" (with
    --unsafe-fixes) or nothing."""
    repair = get_repair(rule.id)
    if repair is None:
        return ""
    return t("safe", "an toàn") if repair.safe else t("unsafe", "cần kiểm tra")


def _repair_note(rule: Rule) -> str:
    repair = get_repair(rule.id)
    if repair is None:
        return ""
    if repair.safe:
        return t(" · procaudit fix repairs it", " · procaudit fix tự sửa được")
    return t(
        " · procaudit fix --unsafe-fixes repairs it (to review)",
        " · procaudit fix --unsafe-fixes sửa được (cần kiểm tra lại)",
    )


def rule_doc(rule: Rule) -> Group:
    columns = ", ".join(rule.columns)
    heading = Text.assemble(
        (f"{rule.id} {rule.name}", "bold"),
        t(
            " · default severity {severity} · needs column {columns}",
            " · mức độ mặc định: {severity} · cần cột {columns}",
            severity=rule.severity.label,
            columns=columns,
        ),
        t(" and {option}", " và {option}", option=NEEDED_OPTION[rule.needs]) if rule.needs else "",
        t(" · checked on the whole file", " · kiểm tra trên toàn tệp")
        if rule.file_check is not None
        else "",
        _repair_note(rule),
    )
    return Group(heading, Text(), Markdown(rule.documentation))
