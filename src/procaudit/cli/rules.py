"""`procaudit rules`: every rule in a table, or one rule's documentation
(`procaudit.cli.rules_view`), in the run's language.
"""

from __future__ import annotations

from typing import Annotated

import typer

from procaudit.cli import common
from procaudit.cli.help import Command
from procaudit.cli.options import LangOption
from procaudit.core.i18n import t

RuleArgument = Annotated[
    str | None,
    typer.Argument(
        show_default=False,
        help=t(
            "A rule id (e.g. PA201) to show in full.",
            "Mã quy tắc (ví dụ PA201) cần hiển thị đầy đủ.",
        ),
    ),
]


def rules(rule_id: RuleArgument = None, lang: LangOption = None) -> None:
    """List every rule, or show one rule's documentation."""

    from procaudit.app.settings import CommandLine
    from procaudit.cli.rules_view import rule_doc, rules_table
    from procaudit.rules import all_rules, get_rule

    common.speak_early(lang)
    if not common.asked_for_a_language(lang):
        common.settings(None, CommandLine())  # the configuration file's lang, if it has one
    console = common.stdout_console()
    if rule_id is None:
        console.print(rules_table(all_rules()))
        return
    rule = get_rule(rule_id)
    if rule is None:
        raise common.fail(
            t(
                "there is no rule {rule}; 'procaudit rules' lists them all",
                "không có quy tắc {rule}; lệnh 'procaudit rules' liệt kê mọi quy tắc",
                rule=rule_id,
            )
        )
    console.print(rule_doc(rule))


def register(app: typer.Typer) -> None:
    app.command(
        cls=Command,
        help=t(
            "List every rule, or show one rule's documentation.",
            "Liệt kê mọi quy tắc kiểm tra, hoặc hiển thị tài liệu hướng dẫn của một quy tắc.",
        ),
    )(rules)
