"""`procaudit diff`: what changed between two versions of a catalogue; exit codes like
diff(1). The flags become a `DiffRequest`; `procaudit.app.diff.run_diff` reads, compares and
renders.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from procaudit.app.diff import MAX_ROWS, DiffRequest, run_diff
from procaudit.app.hooks import Hooks
from procaudit.cli import common
from procaudit.cli.help import Command
from procaudit.cli.inputs import stdin_refused
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
    SheetOption,
)
from procaudit.core.i18n import t
from procaudit.report.diff.formats import DiffFormat

OldArgument = Annotated[
    str,
    typer.Argument(
        metavar="OLD",
        show_default=False,
        help=t(
            "The earlier version (any file check reads).",
            "Phiên bản trước (mọi tệp lệnh check đọc được).",
        ),
    ),
]
NewArgument = Annotated[
    str,
    typer.Argument(
        metavar="NEW", show_default=False, help=t("The later version.", "Phiên bản sau.")
    ),
]
FormatOption = Annotated[
    DiffFormat | None,
    typer.Option(
        "--format",
        "-f",
        show_default=False,
        case_sensitive=False,
        help=t(
            "rich (default), json, or xlsx (with --output FILE.xlsx, which alone also picks it).",
            "rich (mặc định), json, hoặc xlsx (kèm --output FILE.xlsx; chỉ "
            "cần --output FILE.xlsx cũng chọn định dạng này).",
        ),
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        show_default=False,
        help=t(
            "Write the result to FILE (atomically) instead of stdout.",
            "Ghi kết quả vào tệp FILE (ghi trọn vẹn một lần) thay vì in ra màn hình.",
        ),
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=t(
            "Print the summary line only; no notes on stderr.",
            "Chỉ in dòng tổng hợp; không in ghi chú ra stderr.",
        ),
    ),
]
MaxRowsOption = Annotated[
    int,
    typer.Option(
        "--max-rows",
        metavar="N",
        min=0,
        help=t(
            "Rows shown per kind of change in the terminal report (0: all).",
            "Số dòng hiển thị cho mỗi loại thay đổi trên màn hình (0: tất cả).",
        ),
    ),
]


def diff(
    old: OldArgument,
    new: NewArgument,
    output_format: FormatOption = None,
    output: OutputOption = None,
    quiet: QuietOption = False,
    max_rows: MaxRowsOption = MAX_ROWS,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = MAX_FILE_SIZE_MB,
    max_cells: MaxCellsOption = MAX_CELLS,
    max_cell_length: MaxCellLengthOption = MAX_CELL_LENGTH,
    lang: LangOption = None,
) -> None:
    common.speak_early(lang)
    line = common.command_line(mapping=mapping, sheet=sheet, header_row=header_row)
    settings = common.settings(config, line, lang)
    for version in (old, new):
        if (refused := stdin_refused(version)) is not None:
            raise common.fail(refused)
    limits = common.limits(max_file_size, max_cells, max_cell_length)
    options = common.per_file_options(settings, [old, new], limits)
    request = DiffRequest(
        old,
        new,
        options[old],
        options[new],
        output_format,
        output,
        quiet,
        max_rows,
        terminal=common.stdout_is_terminal(),
    )
    outcome = common.attempt(lambda: run_diff(request, Hooks(note=common.note)))
    raise typer.Exit(outcome.exit_code)


def register(app: typer.Typer) -> None:
    app.command(
        cls=Command,
        help=t(
            "Show what changed between two versions of a catalogue: procedures "
            "added, removed, renamed, moved to another level or field, and changed. "
            "Exit codes like diff(1): 0 no change, 1 changes, 2 bad input.",
            "Cho biết những thay đổi giữa hai phiên bản của một danh mục: thủ tục được "
            "bổ sung, bị bãi bỏ/loại khỏi danh mục, đổi tên, chuyển cấp thực hiện hoặc "
            "lĩnh vực, sửa đổi nội dung. Mã thoát như diff(1): 0 không thay đổi, 1 có "
            "thay đổi, 2 dữ liệu đầu vào không hợp lệ.",
        ),
    )(diff)
