"""`procaudit config`: the effective configuration, and where each value comes from (the
file, the command line, the environment, or procaudit's default).
"""

from __future__ import annotations

import typer

from procaudit.cli import common
from procaudit.cli.help import Command
from procaudit.cli.options import ConfigOption, LangOption
from procaudit.core.i18n import t


def config(config_file: ConfigOption = None, lang: LangOption = None) -> None:
    """Show the effective configuration and where each value comes from."""
    from rich.table import Table

    from procaudit.app.settings import COMMAND_LINE, DEFAULT, CommandLine, show_value
    from procaudit.core.i18n import ENVIRONMENT

    common.speak_early(lang)
    settings = common.settings(config_file, CommandLine(), lang)
    sources = {
        settings.config.source: t("the file", "tệp cấu hình"),
        DEFAULT: t("default", "mặc định"),
        COMMAND_LINE: t("command line", "dòng lệnh"),
        ENVIRONMENT: t(ENVIRONMENT, "biến môi trường " + ENVIRONMENT),
    }
    table = Table(show_edge=False, pad_edge=False, box=None)
    for heading in (t("key", "khóa"), t("value", "giá trị"), t("from", "nguồn")):
        table.add_column(heading, header_style="bold")
    for setting in settings.shown():
        value = show_value(setting.value)
        if setting.key == "select" and not setting.value:
            value = t("(every rule)", "(mọi quy tắc)")
        table.add_row(setting.key, value, sources.get(setting.source, setting.source))
    where = settings.config.source or t("(none found)", "(không tìm thấy)")
    typer.echo(t("configuration file: {where}", "tệp cấu hình: {where}", where=where))
    common.stdout_console().print(table)


def register(app: typer.Typer) -> None:
    app.command(
        cls=Command,
        help=t(
            "Show the effective configuration and where each value comes from.",
            "Hiển thị cấu hình đang áp dụng và nguồn của từng giá trị.",
        ),
    )(config)
