"""`procaudit inspect`: show how each file was understood (header, columns, sections, rows
read and skipped), for a person (`procaudit.cli.inspect_view`) or as JSON.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from procaudit import __version__
from procaudit.app.hooks import Hooks
from procaudit.app.inspect import InspectOutcome, InspectRequest, run_inspect
from procaudit.app.stdout import deliver
from procaudit.cli import common
from procaudit.cli.help import Command
from procaudit.cli.options import (
    MAX_CELL_LENGTH,
    MAX_CELLS,
    MAX_FILE_SIZE_MB,
    ConfigOption,
    HeaderRowOption,
    LangOption,
    MapOption,
    MaxCellLengthOption,
    MaxCellsOption,
    MaxFileSizeOption,
    OutputFormat,
    OutputFormatOption,
    SheetOption,
)
from procaudit.core.i18n import t

PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH...",
        show_default=False,
        help=t(
            "Catalogue files, folders or glob patterns to inspect.",
            "Các tệp danh mục, thư mục hoặc mẫu đường dẫn cần xem xét.",
        ),
    ),
]


def inspect(
    paths: PathsArgument,
    output_format: OutputFormatOption = OutputFormat.RICH,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = MAX_FILE_SIZE_MB,
    max_cells: MaxCellsOption = MAX_CELLS,
    max_cell_length: MaxCellLengthOption = MAX_CELL_LENGTH,
    lang: LangOption = None,
) -> None:
    """Show how each file was understood: header, columns, sections, rows read and skipped."""
    common.speak_early(lang)
    line = common.command_line(mapping=mapping, sheet=sheet, header_row=header_row)
    settings = common.settings(config, line, lang)
    from procaudit.cli.inputs import expand_inputs

    inputs = expand_inputs(paths)
    limits = common.limits(max_file_size, max_cells, max_cell_length)
    request = InspectRequest(
        inputs.paths,
        common.per_file_options(settings, inputs.paths, limits),
        inputs.failures,
    )
    outcome = run_inspect(request, Hooks(error=common.error))
    _show(outcome, output_format)
    raise typer.Exit(outcome.exit_code)


def _show(outcome: InspectOutcome, output_format: OutputFormat) -> None:
    if output_format is OutputFormat.JSON:
        failures = [{"path": f.path, "message": f.message} for f in outcome.failures]
        report = {
            "procaudit": __version__,
            "files": list(outcome.inspections),
            "failures": failures,
        }
        text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
        common.attempt(lambda: deliver(lambda out: out.write(text), sys.stdout, utf8=True))
        return

    from procaudit.cli.inspect_view import render_inspection

    console = common.stdout_console()
    for inspection in outcome.inspections:
        render_inspection(inspection, console)


def register(app: typer.Typer) -> None:
    app.command(
        cls=Command,
        help=t(
            "Show how each file was understood: header, columns, sections, rows read and skipped.",
            "Cho biết procaudit đã hiểu từng tệp như thế nào: dòng tiêu đề, các cột, "
            "các mục, số dòng đã đọc và đã bỏ qua.",
        ),
    )(inspect)
