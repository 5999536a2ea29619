"""`procaudit fix`: write a repaired copy of catalogue files, the input never modified.

The flags become a `FixRequest`; `procaudit.app.fix.run_fix` checks where the copies go,
plans, writes and audits the copies; `procaudit.cli.fix_view` shows what changed. The use
case is imported inside the command, so that `procaudit --help` stays free of pandas.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from procaudit.app.stdout import deliver
from procaudit.cli import common
from procaudit.cli.help import Command
from procaudit.cli.options import (
    MAX_CELL_LENGTH,
    MAX_CELLS,
    MAX_FILE_SIZE_MB,
    BackupOption,
    ConfigOption,
    DiffOption,
    FixIgnoreOption,
    FixOutputOption,
    FixSelectOption,
    HeaderRowOption,
    InPlaceOption,
    LangOption,
    MapOption,
    MaxCellLengthOption,
    MaxCellsOption,
    MaxFileSizeOption,
    OutputDirOption,
    OutputFormat,
    OutputFormatOption,
    SheetOption,
    UnsafeFixesOption,
)
from procaudit.core.i18n import t

if TYPE_CHECKING:
    from procaudit.app.fix import FixOutcome

PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="FILE...",
        show_default=False,
        help=t(
            "Catalogue files to repair (.csv, .xlsx, .xlsm, .xls, .ods), folders or glob patterns.",
            "Các tệp danh mục cần sửa (.csv, .xlsx, .xlsm, .xls, .ods), thư mục hoặc mẫu "
            "đường dẫn.",
        ),
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=t(
            "One line per file; no notes on stderr, only errors and what a copy could not "
            "keep of the original (pictures, formatting). JSON is unchanged.",
            "Mỗi tệp một dòng; không in ghi chú ra stderr, chỉ in lỗi và những gì bản sao "
            "không giữ được của tệp gốc (hình ảnh, định dạng). JSON không thay đổi.",
        ),
    ),
]


def fix(
    paths: PathsArgument,
    output: FixOutputOption = None,
    output_dir: OutputDirOption = None,
    in_place: InPlaceOption = False,
    backup: BackupOption = None,
    unsafe_fixes: UnsafeFixesOption = False,
    diff: DiffOption = False,
    select: FixSelectOption = None,
    ignore: FixIgnoreOption = None,
    output_format: OutputFormatOption = OutputFormat.RICH,
    quiet: QuietOption = False,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = MAX_FILE_SIZE_MB,
    max_cells: MaxCellsOption = MAX_CELLS,
    max_cell_length: MaxCellLengthOption = MAX_CELL_LENGTH,
    lang: LangOption = None,
) -> None:
    """Write a repaired copy of catalogue files; the input is never modified."""
    common.speak_early(lang)
    line = common.command_line(
        select=select, ignore=ignore, mapping=mapping, sheet=sheet, header_row=header_row
    )
    settings = common.settings(config, line, lang)
    from procaudit.app.fix import FixRequest, run_fix
    from procaudit.app.fix_targets import Destinations
    from procaudit.app.hooks import Hooks
    from procaudit.cli.inputs import expand_inputs

    inputs = expand_inputs(paths, settings.exclude.value)
    request = FixRequest(
        inputs.paths,
        settings,
        common.per_file_options(
            settings, inputs.paths, common.limits(max_file_size, max_cells, max_cell_length)
        ),
        inputs.failures,
        Destinations(output, output_dir, in_place, backup),
        unsafe_fixes,
        diff,
        output_format.value,
    )
    hooks = Hooks(
        error=common.error,
        note=(lambda _: None) if quiet else common.note,
        warning=common.warning,  # what the copy lost is no progress note: -q says it too
    )
    outcome = common.attempt(lambda: run_fix(request, hooks))
    _show(outcome, output_format, quiet)
    raise typer.Exit(outcome.exit_code)


def _show(outcome: FixOutcome, output_format: OutputFormat, quiet: bool) -> None:
    from procaudit.cli import fix_view

    if output_format is OutputFormat.JSON:
        common.attempt(
            lambda: deliver(lambda out: fix_view.write_json(outcome, out), sys.stdout, utf8=True)
        )
        return
    if outcome.diff_only:  # the changes on stdout, for a pager or grep; the summary aside
        fix_view.write_diff(outcome, sys.stdout)
        if not quiet:
            for fixed in outcome.files:
                common.note(fix_view.summary_lines(fixed, outcome.rule_names, quiet=True)[0])
                # what --unsafe-fixes would add, and what fix will not do either
                for line in (*fix_view.held_back_lines(fixed), *fix_view.skipped_lines(fixed)):
                    common.note(f"{fixed.path}: {line.strip()}")
        return
    for fixed in outcome.files:
        for text in fix_view.summary_lines(fixed, outcome.rule_names, quiet):
            typer.echo(text)


def register(app: typer.Typer) -> None:
    app.command(
        cls=Command,
        help=t(
            "Write a repaired copy of catalogue files: the mechanical repairs (Unicode, "
            "whitespace, QD for QĐ, legacy fonts...), the layout kept, the input never "
            "modified. Exit 0 when nothing at --fail-on or above is left, 1 when such findings "
            "(errors, by default) remain for a person, 2 for bad input.",
            "Ghi bản đã sửa của các tệp danh mục: các sửa đổi máy làm được (Unicode, khoảng "
            "trắng, QD thành QĐ, phông chữ cũ...), giữ nguyên bố cục, không bao giờ sửa tệp "
            "gốc. Mã thoát 0 khi không còn phát hiện nào từ mức --fail-on trở lên, 1 khi còn "
            "phát hiện như vậy (mặc định: lỗi) cần người xử lý, 2 khi đầu vào không hợp lệ.",
        ),
    )(fix)
