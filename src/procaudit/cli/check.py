"""`procaudit check`: audit catalogue files and report their defects.

The flags become a `CheckRequest`; `procaudit.app.check.run_check` does the run (audit,
baseline, history, report, fix-list); its outcome is the exit code. What the run says along
the way goes to stderr, and its stages to a display on a terminal.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from procaudit.app.check import (
    MAX_PER_RULE,
    CheckOutcome,
    CheckRequest,
    log_interrupted,
    reading_ahead,
    run_check,
)
from procaudit.app.hooks import Hooks, Progress
from procaudit.app.settings import Settings
from procaudit.cli import common
from procaudit.cli.help import Command
from procaudit.cli.inputs import expand_inputs
from procaudit.cli.options import (
    MAX_CELL_LENGTH,
    MAX_CELLS,
    MAX_FILE_SIZE_MB,
    ConfigOption,
    ExcludeOption,
    HeaderRowOption,
    JobsOption,
    LangOption,
    LogOption,
    MapOption,
    MaxCellLengthOption,
    MaxCellsOption,
    MaxFileSizeOption,
    SheetOption,
)
from procaudit.core import interrupts
from procaudit.core.findings import FailOn
from procaudit.core.i18n import t
from procaudit.core.limits import MB
from procaudit.report import Format

PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help=t(
            "Catalogue files to audit (.csv, .xlsx, .xlsm, .xls, .ods), "
            "folders (searched recursively) or glob patterns "
            "('data/**/*.xlsx').",
            "Các tệp danh mục cần kiểm tra (.csv, .xlsx, .xlsm, .xls, .ods), "
            "thư mục (tìm cả trong các thư mục con) hoặc mẫu đường dẫn "
            "('data/**/*.xlsx').",
        ),
        metavar="PATH...",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format", "-f", case_sensitive=False, help=t("Report format.", "Định dạng báo cáo.")
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
            "Write the report to FILE (atomically) instead of stdout.",
            "Ghi báo cáo vào tệp FILE (ghi trọn vẹn một lần) thay vì in ra màn hình.",
        ),
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        show_default=False,
        case_sensitive=False,
        help=t(
            "Exit 1 when a finding is at least this severe ('never': always 0). Default: error.",
            "Trả về mã thoát 1 khi có phát hiện từ mức độ này trở lên "
            "('never': luôn trả về 0). Mặc định: error.",
        ),
    ),
]
SchemaOption = Annotated[
    Path | None,
    typer.Option(
        show_default=False,
        help=t(
            "A Pandera YAML schema to use instead of procaudit's own.",
            "Lược đồ Pandera (tệp YAML) dùng thay cho lược đồ sẵn có của procaudit.",
        ),
    ),
]
MaxPerRuleOption = Annotated[
    int,
    typer.Option(
        min=0,
        help=t(
            "Findings shown per rule in the terminal report (0: all).",
            "Số phát hiện hiển thị cho mỗi quy tắc trong báo cáo trên màn hình (0: tất cả).",
        ),
    ),
]
CsvSafeOption = Annotated[
    bool,
    typer.Option(
        "--csv-safe",
        help=t(
            "With --format csv: a cell a spreadsheet would run as a formula (starting with "
            "=, +, - or @) starts with ' instead, for opening the report in Excel. By "
            "default cells are written exactly, for programs.",
            "Với --format csv: ô mà bảng tính sẽ chạy như công thức (bắt đầu bằng =, +, - "
            "hoặc @) được thêm ' ở đầu, để mở báo cáo bằng Excel. Mặc định các ô được ghi "
            "nguyên văn, dành cho chương trình.",
        ),
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=t(
            "The terminal report shrinks to its summary line; no notes "
            "on stderr, only errors. Machine formats are unchanged.",
            "Báo cáo trên màn hình chỉ còn dòng tổng hợp; không in ghi "
            "chú ra stderr, chỉ in lỗi. Các định dạng dành cho máy "
            "không thay đổi.",
        ),
    ),
]
ExitZeroOption = Annotated[
    bool,
    typer.Option(
        "--exit-zero",
        help=t(
            "Exit 0 even with findings (2 still means a file could not "
            "be read): report without failing the job.",
            "Trả về mã thoát 0 kể cả khi có phát hiện (mã 2 vẫn có nghĩa "
            "là không đọc được tệp): chỉ báo cáo, không làm tác vụ tự "
            "động bị ghi nhận là thất bại.",
        ),
    ),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="IDS",
        show_default=False,
        help=t(
            "Run only these rules: ids or prefixes, comma-separated "
            "(--select PA2,PA301). Repeatable.",
            "Chỉ chạy các quy tắc này: mã hoặc tiền tố mã, phân cách bằng dấu "
            "phẩy (--select PA2,PA301). Có thể lặp lại.",
        ),
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="IDS",
        show_default=False,
        help=t(
            "Do not run these rules: ids or prefixes (--ignore PA603). Repeatable.",
            "Không chạy các quy tắc này: mã hoặc tiền tố mã (--ignore PA603). Có thể lặp lại.",
        ),
    ),
]
ReferenceOption = Annotated[
    Path | None,
    typer.Option(
        "--reference",
        metavar="FILE",
        show_default=False,
        help=t(
            "The national list to compare with (any file procaudit reads): "
            "adds PA405 not-announced and PA406 unknown-code.",
            "Danh sách thủ tục hành chính quốc gia dùng để đối chiếu (mọi tệp "
            "procaudit đọc được): bổ sung quy tắc PA405 (thủ tục chưa được "
            "công bố) và PA406 (mã thủ tục không có trong danh sách quốc "
            "gia).",
        ),
    ),
]
FormsDirOption = Annotated[
    Path | None,
    typer.Option(
        "--forms-dir",
        metavar="DIR",
        show_default=False,
        help=t(
            "The folder of form files: PA302 reports forms named in the "
            "catalogue that are not in it.",
            "Thư mục chứa các tệp mẫu đơn, tờ khai: quy tắc PA302 báo các mẫu "
            "đơn, tờ khai có tên trong danh mục nhưng không có trong thư mục "
            "này.",
        ),
    ),
]
OnlineTargetOption = Annotated[
    float | None,
    typer.Option(
        "--online-target",
        metavar="PERCENT",
        min=0,
        max=100,
        show_default=False,
        help=t(
            "PA505 warns when fewer procedures than this are fully online (default 80).",
            "Quy tắc PA505 cảnh báo khi tỷ lệ phần trăm thủ tục cung cấp dịch "
            'vụ công trực tuyến "Toàn trình" thấp hơn mức này (mặc định '
            "80).",
        ),
    ),
]
BaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        metavar="FILE",
        show_default=False,
        help=t(
            "Compare with a recorded baseline: the report says what is new, "
            "still present and fixed, and --fail-on counts new findings only.",
            "Đối chiếu với tệp mốc đã ghi: báo cáo nêu rõ phát hiện mới, phát "
            "hiện vẫn còn và phát hiện đã được khắc phục; --fail-on chỉ tính "
            "các phát hiện mới.",
        ),
    ),
]
WriteBaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--write-baseline",
        metavar="FILE",
        show_default=False,
        help=t(
            "Record this run's findings as the baseline for later runs.",
            "Ghi các phát hiện của lượt kiểm tra này vào tệp mốc để đối chiếu ở các lượt sau.",
        ),
    ),
]
FixListOption = Annotated[
    Path | None,
    typer.Option(
        "--fix-list",
        metavar="FILE.xlsx|FILE.csv",
        show_default=False,
        help=t(
            "Also write the worklist officials correct the files from: one "
            "row per finding, with its cell, and the offending rows "
            "highlighted.",
            "Ghi thêm danh sách cần sửa để cán bộ căn cứ chỉnh sửa tệp: mỗi "
            "phát hiện một dòng, kèm ô dữ liệu liên quan; các dòng có lỗi "
            "được tô màu đánh dấu.",
        ),
    ),
]
HistoryOption = Annotated[
    Path | None,
    typer.Option(
        "--history",
        metavar="FILE",
        show_default=False,
        help=t(
            "Append this run's counts to an SQLite history (created on first "
            "use); 'procaudit history FILE' shows the trend.",
            "Ghi bổ sung số liệu của lượt kiểm tra này vào tệp lịch sử SQLite "
            "(tạo mới ở lần dùng đầu tiên); lệnh 'procaudit history FILE' "
            "hiển thị xu hướng.",
        ),
    ),
]
EveryRowOption = Annotated[
    bool,
    typer.Option(
        "--every-row",
        help=t(
            "List every row of a rule that fails on nearly every value of a "
            "column, instead of one finding for the column.",
            "Liệt kê từng dòng khi một quy tắc không đạt ở gần như mọi giá "
            "trị của một cột, thay vì một phát hiện cho cả cột.",
        ),
    ),
]
GroupByOption = Annotated[
    str | None,
    typer.Option(
        "--group-by",
        metavar="catalogue|agency",
        show_default=False,
        help=t(
            "What a scorecard row stands for: a catalogue (its province or "
            "ministry, else its file; the default), or a unit of the agency "
            "column (a one-stop export stacked per department and district).",
            "Mỗi dòng của bảng tổng hợp ứng với: một danh mục (theo tỉnh hoặc "
            "bộ, ngành; nếu không xác định được thì theo tệp; mặc định), hoặc "
            "một đơn vị trong cột cơ quan thực hiện (agency: tệp xuất từ hệ "
            "thống một cửa gồm danh mục của từng sở, từng huyện nối tiếp "
            "nhau).",
        ),
    ),
]


def check(
    paths: PathsArgument,
    output_format: FormatOption = Format.RICH,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    schema: SchemaOption = None,
    max_per_rule: MaxPerRuleOption = MAX_PER_RULE,
    quiet: QuietOption = False,
    csv_safe: CsvSafeOption = False,
    exit_zero: ExitZeroOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    reference: ReferenceOption = None,
    forms_dir: FormsDirOption = None,
    online_target: OnlineTargetOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = MAX_FILE_SIZE_MB,
    max_cells: MaxCellsOption = MAX_CELLS,
    max_cell_length: MaxCellLengthOption = MAX_CELL_LENGTH,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    fix_list: FixListOption = None,
    history: HistoryOption = None,
    every_row: EveryRowOption = False,
    group_by: GroupByOption = None,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    exclude: ExcludeOption = None,
    jobs: JobsOption = None,
    log: LogOption = None,
    lang: LangOption = None,
) -> None:
    """Audit catalogue files and report their defects."""
    common.speak_early(lang)
    if jobs is not None and jobs < 1:
        raise common.fail(
            t(
                "--jobs {jobs}: give at least 1 process (1: audit in this process)",
                "--jobs {jobs}: cần ít nhất 1 tiến trình (1: rà soát trong tiến trình này)",
                jobs=jobs,
            )
        )
    line = common.command_line(
        select,
        ignore,
        fail_on,
        mapping,
        sheet,
        header_row,
        reference,
        forms_dir,
        online_target,
        group_by,
    )
    line = replace(line, every_row=every_row or None, exclude=tuple(exclude or ()), log=log)
    settings = common.settings(config, line, lang)
    try:
        outcome = _run(
            settings,
            paths,
            quiet,
            jobs,
            (max_file_size, max_cells, max_cell_length),
            CheckRequest(
                (),
                settings,
                schema=schema,
                output_format=output_format,
                output=output,
                max_per_rule=max_per_rule,
                quiet=quiet,
                exit_zero=exit_zero,
                baseline=baseline,
                write_baseline=write_baseline,
                fix_list=fix_list,
                history=history,
                csv_safe=csv_safe,
                jobs=jobs,
                terminal=common.stdout_is_terminal(),
            ),
        )
    except KeyboardInterrupt:  # Ctrl-C: the night's line says the run was stopped
        log_interrupted(settings)
        raise
    except Exception:  # Ctrl-C in an import, wrapped by the code it stopped: stopped all the same
        if interrupts.interrupted():
            log_interrupted(settings)
        raise
    raise typer.Exit(outcome.exit_code)


def _run(
    settings: Settings,
    paths: list[str],
    quiet: bool,
    jobs: int | None,
    sizes: tuple[int, int, int],
    asked: CheckRequest,
) -> CheckOutcome:
    """The run `asked` (its outputs and formats) of the files `paths` give."""
    # Arguments that give no file are the run's failures (exit 2), said and logged by it.
    inputs = expand_inputs(paths, settings.exclude.value)
    if not quiet:
        for note in inputs.notes():
            common.note(note)
    # The first file is parsed on other threads while the run imports pandas and the rules.
    with reading_ahead(inputs.paths, sizes[0] * MB, jobs):
        limits = common.limits(*sizes)
        request = replace(
            asked,
            paths=inputs.paths,
            settings=settings,
            read_options=common.per_file_options(settings, inputs.paths, limits),
            input_failures=inputs.failures,
            scanned=inputs.scanned,
        )
        hooks = Hooks(error=common.error, note=common.note, stages=lambda: _stage_display(quiet))
        return common.attempt(lambda: run_check(request, hooks))


def _stage_display(quiet: bool) -> AbstractContextManager[Progress | None]:
    """A progress display on stderr, or none: only on a terminal and without --quiet, so that
    it never mixes with a piped report or a log."""
    if quiet or not common.stderr_is_terminal():
        return nullcontext()
    from procaudit.cli.progress import DELAY, StageDisplay

    return StageDisplay(DELAY)


def register(app: typer.Typer) -> None:
    app.command(
        cls=Command,
        help=t(
            "Audit catalogue files and report their defects.",
            "Rà soát các tệp danh mục và báo cáo các sai sót phát hiện được.",
        ),
    )(check)
