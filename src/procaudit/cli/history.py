"""`procaudit history`: the trend of the runs recorded with `check --history`, per file,
for a person or as JSON (`procaudit.report.history.view`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from procaudit.app.history import LAST_RUNS, HistoryRequest, load_trend
from procaudit.app.stdout import deliver
from procaudit.cli import common
from procaudit.cli.help import Command
from procaudit.cli.options import LangOption, OutputFormat, OutputFormatOption
from procaudit.core.i18n import t
from procaudit.core.paths import shown_path

DatabaseArgument = Annotated[
    Path,
    typer.Argument(
        metavar="FILE",
        show_default=False,
        help=t(
            "The history written by check --history.",
            "Tệp lịch sử do lệnh check --history ghi.",
        ),
    ),
]
LastOption = Annotated[
    int,
    typer.Option(
        "--last",
        metavar="N",
        min=1,
        help=t("Show the last N runs.", "Hiển thị N lượt kiểm tra gần nhất."),
    ),
]
FileOption = Annotated[
    list[str] | None,
    typer.Option(
        "--file",
        metavar="PATTERN",
        show_default=False,
        help=t(
            "Only files whose path or name matches PATTERN (a glob such as "
            "'*lao-cai*'). Repeatable.",
            "Chỉ các tệp có đường dẫn hoặc tên khớp với PATTERN (mẫu dạng "
            "'*lao-cai*'). Có thể lặp lại.",
        ),
    ),
]
RuleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--rule",
        metavar="IDS",
        show_default=False,
        help=t(
            "Only these rules: ids or prefixes, comma-separated (--rule PA2,PA501). Repeatable.",
            "Chỉ các quy tắc này: mã hoặc tiền tố mã, phân cách bằng dấu phẩy "
            "(--rule PA2,PA501). Có thể lặp lại.",
        ),
    ),
]


def history(
    database: DatabaseArgument,
    last: LastOption = LAST_RUNS,
    files: FileOption = None,
    rules: RuleOption = None,
    output_format: OutputFormatOption = OutputFormat.RICH,
    lang: LangOption = None,
) -> None:
    common.speak_early(lang)
    request = HistoryRequest(database, last, tuple(files or ()), tuple(rules or ()))
    trend = common.attempt(lambda: load_trend(request))
    if output_format is OutputFormat.JSON:
        from procaudit.report.history.view import render_json

        text = render_json(trend, shown_path(database), last)
        common.attempt(lambda: deliver(lambda out: out.write(text), sys.stdout, utf8=True))
        return

    from procaudit.report.history.view import render_rich

    render_rich(trend, common.stdout_console(), shown_path(database))


def register(app: typer.Typer) -> None:
    app.command(
        cls=Command,
        help=t(
            "Show the trend of the runs recorded with check --history: per file, "
            "its procedures, findings by severity and by rule, run after run.",
            "Hiển thị xu hướng của các lượt kiểm tra đã ghi bằng check --history: "
            "theo từng tệp, số thủ tục, số lỗi theo mức độ và theo quy tắc qua "
            "từng lượt.",
        ),
    )(history)
