"""The command line: parse options, run the audit, pick a reporter, exit with the right code.

Heavy modules (pandas, pandera, openpyxl) are imported inside the commands, so that
`procaudit --help` and `procaudit --version` stay fast.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from enum import StrEnum
from inspect import get_annotations
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from procaudit import __version__
from procaudit.cli.overrides import parse_header_rows, parse_mapping
from procaudit.core.atomic import write_atomically
from procaudit.core.errors import ProcauditError
from procaudit.core.findings import FailOn
from procaudit.core.i18n import help_language, language, set_language, t
from procaudit.report import Format, Reporter, ReportOptions, reporter_for
from procaudit.report.diff.formats import DiffFormat

if TYPE_CHECKING:
    from procaudit.app.settings import CommandLine, Settings
    from procaudit.cli.inputs import Inputs
    from procaudit.core.findings import AuditResult
    from procaudit.io import ReadOptions
    from procaudit.io.limits import Limits
    from procaudit.rules.options import RuleOptions
    from procaudit.rules.selection import RuleSelection

# The help is built now, at import, before typer parses anything: it speaks the --lang, else
# the PROCAUDIT_LANG, of the command line being run. The configuration file's lang is not
# read for the help: reading TOML here would slow every start. The end of the module goes
# back to the language it found.
_language_before_help = language()
set_language(help_language(sys.argv[1:], os.environ))

# Click's own words around the help texts, in the help's language: fixed now too, since
# `procaudit check --help` prints after the root callback has gone back to English.
_USAGE = t("Usage: ", "Cách dùng: ")
_HEADINGS = {
    "Arguments": t("Arguments", "Tham số"),
    "Options": t("Options", "Tùy chọn"),
    "Commands": t("Commands", "Các lệnh"),
}
_NOTES = {  # in a parameter's help: the --help option's, and the [default: …; required] after it
    "Show this message and exit.": t(
        "Show this message and exit.", "Hiển thị trợ giúp này rồi thoát."
    ),
    "  [default: ": t("  [default: ", "  [mặc định: "),
    "[required]": t("[required]", "[bắt buộc]"),
    "; required]": t("; required]", "; bắt buộc]"),
}


def _noted(text: str) -> str:
    for english, translated in _NOTES.items():
        text = text.replace(english, translated)
    return text


class _HelpFormatter(typer.Context.formatter_class):  # type: ignore[misc]
    """Click's help formatter saying its usage line, headings and notes in the help's
    language; the notes are translated before wrapping, so the columns still line up."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _USAGE if prefix is None else prefix)

    def section(self, name: str) -> AbstractContextManager[None]:
        return super().section(_HEADINGS.get(name, name))

    def write_dl(
        self, rows: list[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(term, _noted(text)) for term, text in rows], col_max, col_spacing)


class _Context(typer.Context):
    formatter_class = _HelpFormatter


class _Command(typer.core.TyperCommand):
    context_class = _Context


class _Group(typer.core.TyperGroup):
    context_class = _Context


app = typer.Typer(
    name="procaudit",
    cls=_Group,
    help=t(
        "Audit administrative-procedure catalogues (thủ tục hành chính) for data-quality defects.",
        "Rà soát danh mục thủ tục hành chính để phát hiện sai sót về chất lượng dữ liệu.",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: typer's rich help imports rich.markdown and markdown-it (0.13 s),
    # and --help must stay well under the cost of importing pandas.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"procaudit {__version__}")
        raise typer.Exit()


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="vi|en",
        show_default=False,
        help=t(
            "The language of reports and messages: vi (Vietnamese) or en "
            "(English). Default: PROCAUDIT_LANG, else the configuration's lang, "
            "else en. --help follows --lang or PROCAUDIT_LANG only.",
            "Ngôn ngữ của báo cáo và thông báo: vi (tiếng Việt) hoặc en (tiếng "
            "Anh). Mặc định: theo biến môi trường PROCAUDIT_LANG; nếu không có, "
            "theo khóa lang của tệp cấu hình; nếu vẫn không có, dùng en. Phần trợ "
            "giúp (--help) chỉ theo --lang hoặc PROCAUDIT_LANG.",
        ),
    ),
]
_root_language: str | None = None  # the --lang given before the command (procaudit --lang vi …)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=t("Print the version and exit.", "Hiển thị phiên bản rồi thoát."),
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error."""
    from procaudit.core.i18n import language, set_language

    global _root_language
    _root_language = lang
    # A run leaves the process speaking as it found it: tests invoke the app many times.
    before = language()
    ctx.call_on_close(lambda: set_language(before))
    set_language("en")  # until the command has read its --lang, PROCAUDIT_LANG or config


def _fail(message: str) -> typer.Exit:
    typer.echo(f"procaudit: error: {message}", err=True)
    return typer.Exit(2)


def _speak_early(lang: str | None) -> None:
    """Speak the --lang given (to the command, or before it), else PROCAUDIT_LANG's, from the
    start: reader notes and errors too. The configuration's lang comes with the settings."""
    from procaudit.core.i18n import ENVIRONMENT, language_from_environment

    flag = lang if lang is not None else _root_language
    if flag is not None:
        _speak(flag, "--lang")
    elif (environment := language_from_environment()) is not None:
        _speak(environment, ENVIRONMENT)


def _speak(lang: str, source: str) -> None:
    from procaudit.core.i18n import set_language, t

    try:
        set_language(lang)
    except ValueError:
        raise _fail(
            t(
                "{source} '{lang}' is not a language procaudit speaks: use vi "
                "(Vietnamese) or en (English)",
                "{source} '{lang}' không phải ngôn ngữ procaudit hỗ trợ: dùng vi "
                "(tiếng Việt) hoặc en (tiếng Anh)",
                source=source,
                lang=lang,
            )
        ) from None


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        show_default=False,
        help=t(
            "The configuration file (default: procaudit.toml, or "
            "[tool.procaudit] in pyproject.toml, from this folder upward).",
            "Tệp cấu hình (mặc định: tệp procaudit.toml, hoặc mục [tool.procaudit] "
            "trong tệp pyproject.toml, tìm từ thư mục hiện hành lên các thư mục "
            "cấp trên).",
        ),
    ),
]

# Limits that keep a run bounded on hostile or broken files; raise them for huge catalogues.
MaxFileSizeOption = Annotated[
    int,
    typer.Option(
        "--max-file-size",
        metavar="MB",
        min=1,
        help=t(
            "Refuse input files larger than this many megabytes.",
            "Từ chối tệp đầu vào có dung lượng lớn hơn số megabyte (MB) này.",
        ),
    ),
]
MaxCellsOption = Annotated[
    int,
    typer.Option(
        "--max-cells",
        metavar="N",
        min=1,
        help=t(
            "Refuse a sheet reaching further than N cells (rows x columns).",
            "Từ chối trang tính vượt quá N ô (số dòng x số cột).",
        ),
    ),
]
MaxCellLengthOption = Annotated[
    int,
    typer.Option(
        "--max-cell-length",
        metavar="N",
        min=1,
        help=t(
            "Refuse a file with a cell longer than N characters.",
            "Từ chối tệp có ô dài hơn N ký tự.",
        ),
    ),
]

# The overrides for files that guessing reads wrong; `check` and `inspect` take the same ones.
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        show_default=False,
        help=t(
            "Read only this sheet (its name, or its number from 1).",
            "Chỉ đọc trang tính này (theo tên, hoặc theo số thứ tự bắt đầu từ 1).",
        ),
    ),
]
HeaderRowOption = Annotated[
    str | None,
    typer.Option(
        "--header-row",
        metavar="N[-M]",
        show_default=False,
        help=t(
            "The header is on row N (or split over rows N and N+1): no guessing.",
            "Dòng tiêu đề của bảng là dòng N (hoặc trải trên hai dòng N và N+1): không tự dò tìm.",
        ),
    ),
]
MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="'HEADER=column'",
        show_default=False,
        help=t(
            "Read the column headed HEADER as a canonical column, e.g. "
            "--map 'Tên gọi khác=name'. Repeatable.",
            "Đọc cột có tiêu đề HEADER như một cột chuẩn, ví dụ "
            "--map 'Tên gọi khác=name'. Có thể lặp lại.",
        ),
    ),
]


@app.command(
    cls=_Command,
    help=t(
        "Audit catalogue files and report their defects.",
        "Rà soát các tệp danh mục và báo cáo các sai sót phát hiện được.",
    ),
)
def check(
    paths: Annotated[
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
    ],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=t("Report format.", "Định dạng báo cáo."))
    ] = Format.RICH,
    output: Annotated[
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
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            show_default=False,
            help=t(
                "Exit 1 when a finding is at least this severe ('never': always "
                "0). Default: error.",
                "Trả về mã thoát 1 khi có phát hiện từ mức độ này trở lên "
                "('never': luôn trả về 0). Mặc định: error.",
            ),
        ),
    ] = None,
    schema: Annotated[
        Path | None,
        typer.Option(
            show_default=False,
            help=t(
                "A Pandera YAML schema to use instead of procaudit's own.",
                "Lược đồ Pandera (tệp YAML) dùng thay cho lược đồ sẵn có của procaudit.",
            ),
        ),
    ] = None,
    max_per_rule: Annotated[
        int,
        typer.Option(
            min=0,
            help=t(
                "Findings shown per rule in the terminal report (0: all).",
                "Số phát hiện hiển thị cho mỗi quy tắc trong báo cáo trên màn hình (0: tất cả).",
            ),
        ),
    ] = 10,
    quiet: Annotated[
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
    ] = False,
    exit_zero: Annotated[
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
    ] = False,
    select: Annotated[
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
    ] = None,
    ignore: Annotated[
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
    ] = None,
    reference: Annotated[
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
    ] = None,
    forms_dir: Annotated[
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
    ] = None,
    online_target: Annotated[
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
    ] = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = 2048,
    max_cells: MaxCellsOption = 50_000_000,
    max_cell_length: MaxCellLengthOption = 100_000,
    baseline: Annotated[
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
    ] = None,
    write_baseline: Annotated[
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
    ] = None,
    fix_list: Annotated[
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
    ] = None,
    history: Annotated[
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
    ] = None,
    every_row: Annotated[
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
    ] = False,
    group_by: Annotated[
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
    ] = None,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    lang: LangOption = None,
) -> None:
    """Audit catalogue files and report their defects."""
    _speak_early(lang)
    line = replace(
        _command_line(
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
        ),
        every_row=every_row or None,
    )
    settings = _settings(config, line, lang)
    inputs = _inputs(paths)
    paths = list(inputs.paths)
    read_options = _per_file_options(
        settings, paths, _limits(max_file_size, max_cells, max_cell_length)
    )
    fail_on = FailOn.NEVER if exit_zero else FailOn(settings.fail_on.value)
    forms_dir = settings.forms_dir.value
    if output is not None:
        _check_output(output, paths)
    if write_baseline is not None:
        _check_output(write_baseline, paths, "--write-baseline")
    if fix_list is not None:
        _check_output(fix_list, paths, "--fix-list")
        from procaudit.report.fixlist import check_fix_list_path

        try:
            check_fix_list_path(fix_list)
        except ProcauditError as exc:
            raise _fail(str(exc)) from None
    started = _check_history(history, paths) if history is not None else None
    if forms_dir is not None and not forms_dir.is_dir():
        raise _fail(
            t(
                "--forms-dir {folder}: no such folder",
                "--forms-dir {folder}: không có thư mục này",
                folder=forms_dir,
            )
        )
    from procaudit.engine.audit import audit

    try:
        selection = _selection(*settings.rule_prefixes())
        rule_options = _rule_options(settings)
        with _stage_display(quiet) as progress:
            result = audit(
                paths,
                str(schema) if schema else None,
                read_options,
                rule_options,
                selection,
                progress,
                every_row=settings.every_row.value,
                by_agency=settings.group_by.value == "agency",
            )
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    result = inputs.with_failures(result.with_severities(settings.severity.value))
    if baseline is not None or write_baseline is not None:
        result = _baselines(result, baseline, write_baseline, paths)
    result = _with_scorecard(result, settings)
    # Recorded before the report, so that a report showing the trend includes tonight's run;
    # a history that fails this late is said at once and the report still comes (exit 2).
    history_failed = history is not None and not _record_history(history, result, started)
    for failure in result.failures:
        typer.echo(f"procaudit: error: {failure.message}", err=True)
    if output_format is not Format.RICH and not quiet:
        for report in result.files:
            for note in report.notes:
                typer.echo(f"procaudit: note: {report.path}: {note}", err=True)
        not_checked = t("not checked", "chưa kiểm tra")
        for group in result.skipped_groups():
            typer.echo(f"procaudit: note: {not_checked}: {group.describe()}", err=True)
    options = ReportOptions(
        fail_on=fail_on,
        max_per_rule=max_per_rule,
        summary_only=quiet and output_format is Format.RICH,
        online_target=settings.online_target.value / 100,
        history=_trend(history, result) if output_format is Format.HTML else (),
    )
    reporter = reporter_for(output_format, options)
    if not result.files:  # every input failed: there is nothing to report or to fix
        raise typer.Exit(2 if history_failed else result.exit_code(fail_on))
    if output is None:
        reporter.render(result, sys.stdout)
    else:
        try:
            write_atomically(output, lambda stream: _render_text(reporter, result, stream))
        except OSError as exc:
            raise _fail(_cannot_write(output, exc)) from None
    if fix_list is not None:
        from procaudit.report.fixlist import write_fix_list

        try:
            with _stage_display(quiet) as progress:
                if progress is not None:
                    progress(
                        t(
                            "writing the fix-list {name}",
                            "đang ghi danh sách cần sửa {name}",
                            name=fix_list.name,
                        )
                    )
                write_fix_list(result, fix_list, read_options)
        except OSError as exc:
            raise _fail(_cannot_write(fix_list, exc)) from None
    raise typer.Exit(2 if history_failed else result.exit_code(fail_on))


def _inputs(arguments: list[str]) -> Inputs:
    """The files the arguments name, folders and patterns expanded; when none names a file,
    why, and exit 2."""
    from procaudit.cli.inputs import expand_inputs

    inputs = expand_inputs(arguments)
    if not inputs.paths:
        for failure in inputs.failures:
            typer.echo(f"procaudit: error: {failure.message}", err=True)
        raise typer.Exit(2)
    return inputs


def _with_scorecard(result: AuditResult, settings: Settings) -> AuditResult:
    """The result with each file's province (the configuration's where neither the file's
    title nor its name gives one) and the run's scorecard."""
    from procaudit.engine.scorecard import build_scorecard, with_provinces

    result = with_provinces(result, settings.province_for)
    target = settings.online_target.value / 100
    return replace(
        result,
        scorecard=build_scorecard(result, target, settings.group_by.value, settings.severity.value),
    )


def _cannot_write(path: Path, exc: OSError) -> str:
    return t(
        "cannot write {path}: {reason}",
        "không ghi được {path}: {reason}",
        path=path,
        reason=exc.strerror or exc,
    )


def _stderr_is_terminal() -> bool:
    """Whether a person watches stderr (the seam the tests force): a dumb terminal cannot
    redraw a line."""
    return sys.stderr.isatty() and os.environ.get("TERM", "") not in ("dumb", "unknown")


def _stage_display(quiet: bool) -> AbstractContextManager[Callable[[str], None] | None]:
    """A progress display on stderr, or none: only on a terminal and without --quiet, so that
    it never mixes with a piped report or a log."""
    if quiet or not _stderr_is_terminal():
        return nullcontext()
    from procaudit.cli.progress import DELAY, StageDisplay

    return StageDisplay(DELAY)


def _check_output(output: Path, paths: list[str], option: str = "--output") -> None:
    """Before the audit: a report that cannot be written should not cost a run."""
    if output.is_dir():
        raise _fail(
            t(
                "{option} {output}: is a folder",
                "{option} {output}: là một thư mục",
                option=option,
                output=output,
            )
        )
    if not output.parent.is_dir():
        raise _fail(
            t(
                "{option} {output}: the folder {folder} does not exist",
                "{option} {output}: thư mục {folder} không tồn tại",
                option=option,
                output=output,
                folder=output.parent,
            )
        )
    target = output.resolve()
    for path in paths:
        if Path(path).resolve() == target:
            raise _fail(
                t(
                    "{option} {output}: is one of the files to audit",
                    "{option} {output}: là một trong các tệp cần kiểm tra",
                    option=option,
                    output=output,
                )
            )


def _check_history(history: Path, paths: list[str]) -> str:
    """Before the audit: a history that cannot be written (a folder, another program's or a
    newer procaudit's database) should not cost a run. The run's time: PROCAUDIT_NOW's, else
    the clock's when the run starts."""
    _check_output(history, paths, "--history")
    from procaudit.history.store import check_history, run_time

    try:
        check_history(history)
        return run_time()
    except ProcauditError as exc:
        raise _fail(str(exc)) from None


def _trend(history: Path | None, result: AuditResult) -> tuple[tuple[str, dict[str, int]], ...]:
    """The findings by severity of the runs recorded for this run's files, for the HTML
    report's trend chart; none without --history, or where the history cannot be read."""
    if history is None or not history.is_file():
        return ()
    from procaudit.history.store import severity_trend

    try:
        return severity_trend(history, [report.path for report in result.files])
    except ProcauditError:
        return ()  # said already when the run was recorded


def _record_history(history: Path, result: AuditResult, started: str | None) -> bool:
    """Append the run to the history; a failure is one sentence on stderr, and False."""
    from procaudit.history.store import record_run

    try:
        record_run(history, result, started)
    except ProcauditError as exc:
        typer.echo(f"procaudit: error: {exc}", err=True)
        return False
    return True


def _baselines(
    result: AuditResult, baseline: Path | None, write_baseline: Path | None, paths: list[str]
) -> AuditResult:
    from procaudit.engine.baseline import load_baseline, split
    from procaudit.engine.baseline import write_baseline as record

    try:
        if baseline is not None:
            result = split(result, load_baseline(baseline))
        if write_baseline is not None:
            record(result, write_baseline)
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    return result


def _render_text(reporter: Reporter, result: AuditResult, stream: BinaryIO) -> None:
    # newline="": the bytes are the reporter's own (the CSV's CRLF stays CRLF).
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    reporter.render(result, text)
    text.flush()
    text.detach()  # the stream is the atomic writer's to close


def _command_line(
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: FailOn | None,
    mapping: list[str] | None,
    sheet: str | None,
    header_row: str | None,
    reference: Path | None,
    forms_dir: Path | None,
    online_target: float | None,
    group_by: str | None = None,
) -> CommandLine:
    """What was typed, checked before pandas is imported: a bad value is a usage error."""
    from procaudit.app.config import GROUP_BY
    from procaudit.app.settings import CommandLine

    try:
        parse_header_rows(header_row)
        columns = parse_mapping(mapping)
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    if group_by is not None and group_by.lower() not in GROUP_BY:
        raise _fail(
            t(
                "--group-by '{value}' is not a grouping procaudit knows: use catalogue "
                "(the default) or agency",
                "--group-by '{value}' không phải cách nhóm procaudit hỗ trợ: dùng "
                "catalogue (mặc định) hoặc agency",
                value=group_by,
            )
        )
    return CommandLine(
        select=tuple(select or ()),
        ignore=tuple(ignore or ()),
        fail_on=fail_on.value if fail_on else None,
        mapping=columns,
        sheet=sheet,
        header_row=header_row,
        reference=reference,
        forms_dir=forms_dir,
        online_target=online_target,
        group_by=group_by.lower() if group_by else None,
    )


def _settings(config_path: Path | None, line: CommandLine, lang: str | None = None) -> Settings:
    """The command line over the configuration file (--config, or the nearest one); from
    here on procaudit speaks the language they settle on (`lang`: the command's --lang)."""
    from procaudit.app.config import Config, find_config, load_config
    from procaudit.app.settings import Settings
    from procaudit.core.i18n import set_language, t

    try:
        path = config_path or find_config(Path.cwd())
        if config_path is not None and not config_path.is_file():
            raise _fail(
                t(
                    "--config {path}: no such file",
                    "--config {path}: không có tệp này",
                    path=config_path,
                )
            )
        config = load_config(path) if path else Config()
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    settings = Settings(config, replace(line, lang=lang if lang is not None else _root_language))
    set_language(settings.lang.value)
    return settings


def _limits(max_file_size: int, max_cells: int, max_cell_length: int) -> Limits:
    from procaudit.io.limits import MB, Limits

    return Limits(
        max_file_size=max_file_size * MB, max_cells=max_cells, max_cell_length=max_cell_length
    )


def _per_file_options(
    settings: Settings, paths: list[str], limits: Limits
) -> dict[str, ReadOptions]:
    from procaudit.io import ReadOptions

    options = {}
    for path in paths:
        sheet, header_row = settings.file_overrides(path)
        try:
            header_rows = parse_header_rows(header_row)
        except ProcauditError as exc:
            raise _fail(str(exc)) from None
        options[path] = ReadOptions(
            sheet=sheet, header_rows=header_rows, mapping=settings.mapping.value, limits=limits
        )
    return options


def _selection(select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSelection:
    from procaudit.rules import all_rules
    from procaudit.rules.selection import RuleSelection

    return RuleSelection.parse(list(select), list(ignore), [rule.id for rule in all_rules()])


def _rule_options(settings: Settings) -> RuleOptions:
    from procaudit.io.reference import load_reference
    from procaudit.rules.options import RuleOptions

    reference = settings.reference.value
    return RuleOptions(
        forms_dir=settings.forms_dir.value,
        reference=load_reference(str(reference)) if reference else None,
        online_target=settings.online_target.value / 100,
        reform_date=settings.reform_date.value,
    )


class InspectFormat(StrEnum):
    RICH = "rich"
    JSON = "json"


@app.command(
    cls=_Command,
    help=t(
        "Show how each file was understood: header, columns, sections, rows read and skipped.",
        "Cho biết procaudit đã hiểu từng tệp như thế nào: dòng tiêu đề, các cột, "
        "các mục, số dòng đã đọc và đã bỏ qua.",
    ),
)
def inspect(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            show_default=False,
            help=t(
                "Catalogue files, folders or glob patterns to inspect.",
                "Các tệp danh mục, thư mục hoặc mẫu đường dẫn cần xem xét.",
            ),
        ),
    ],
    output_format: Annotated[
        InspectFormat,
        typer.Option("--format", "-f", help=t("Output format.", "Định dạng kết quả.")),
    ] = InspectFormat.RICH,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = 2048,
    max_cells: MaxCellsOption = 50_000_000,
    max_cell_length: MaxCellLengthOption = 100_000,
    lang: LangOption = None,
) -> None:
    """Show how each file was understood: header, columns, sections, rows read and skipped."""
    _speak_early(lang)
    line = _command_line(None, None, None, mapping, sheet, header_row, None, None, None)
    settings = _settings(config, line, lang)
    from procaudit.cli.inputs import expand_inputs

    inputs = expand_inputs(paths)
    paths = list(inputs.paths)
    options = _per_file_options(settings, paths, _limits(max_file_size, max_cells, max_cell_length))
    from rich.console import Console

    from procaudit.cli.inspect_view import render_inspection
    from procaudit.core.errors import InputError
    from procaudit.engine.inspection import inspect_catalogue
    from procaudit.io import read_catalogue

    inspections, failures = [], []
    for failure in inputs.failures:
        failures.append({"path": failure.path, "message": failure.message})
        typer.echo(f"procaudit: error: {failure.message}", err=True)
    for path in paths:
        try:
            inspections.append(inspect_catalogue(read_catalogue(path, options[path])))
        except InputError as exc:
            failures.append({"path": path, "message": str(exc)})
            typer.echo(f"procaudit: error: {exc}", err=True)
    if output_format is InspectFormat.JSON:
        report = {"procaudit": __version__, "files": inspections, "failures": failures}
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console(highlight=False)
        for inspection in inspections:
            render_inspection(inspection, console)
    raise typer.Exit(2 if failures else 0)


@app.command(
    cls=_Command,
    help=t(
        "Show the trend of the runs recorded with check --history: per file, "
        "its procedures, findings by severity and by rule, run after run.",
        "Hiển thị xu hướng của các lượt kiểm tra đã ghi bằng check --history: "
        "theo từng tệp, số thủ tục, số lỗi theo mức độ và theo quy tắc qua "
        "từng lượt.",
    ),
)
def history(
    database: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            show_default=False,
            help=t(
                "The history written by check --history.",
                "Tệp lịch sử do lệnh check --history ghi.",
            ),
        ),
    ],
    last: Annotated[
        int,
        typer.Option(
            "--last",
            metavar="N",
            min=1,
            help=t("Show the last N runs.", "Hiển thị N lượt kiểm tra gần nhất."),
        ),
    ] = 30,
    files: Annotated[
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
    ] = None,
    rules: Annotated[
        list[str] | None,
        typer.Option(
            "--rule",
            metavar="IDS",
            show_default=False,
            help=t(
                "Only these rules: ids or prefixes, comma-separated (--rule "
                "PA2,PA501). Repeatable.",
                "Chỉ các quy tắc này: mã hoặc tiền tố mã, phân cách bằng dấu phẩy "
                "(--rule PA2,PA501). Có thể lặp lại.",
            ),
        ),
    ] = None,
    output_format: Annotated[
        InspectFormat,
        typer.Option("--format", "-f", help=t("Output format.", "Định dạng kết quả.")),
    ] = InspectFormat.RICH,
    lang: LangOption = None,
) -> None:
    _speak_early(lang)
    from procaudit.history.store import load_runs
    from procaudit.history.trend import build_trend, parse_rule_prefixes

    try:
        prefixes = parse_rule_prefixes(rules or [])
        trend = build_trend(load_runs(database, last), files or [], prefixes)
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    if output_format is InspectFormat.JSON:
        from procaudit.report.history.view import render_json

        sys.stdout.write(render_json(trend, str(database), last))
        return
    from rich.console import Console

    from procaudit.report.history.view import render_rich

    render_rich(trend, Console(highlight=False), str(database))


@app.command(
    cls=_Command,
    help=t(
        "Show what changed between two versions of a catalogue: procedures "
        "added, removed, renamed, moved to another level or field, and changed. "
        "Exit codes like diff(1): 0 no change, 1 changes, 2 bad input.",
        "Cho biết những thay đổi giữa hai phiên bản của một danh mục: thủ tục được "
        "bổ sung, bị bãi bỏ/loại khỏi danh mục, đổi tên, chuyển cấp thực hiện hoặc "
        "lĩnh vực, sửa đổi nội dung. Mã thoát như diff(1): 0 không thay đổi, 1 có "
        "thay đổi, 2 dữ liệu đầu vào không hợp lệ.",
    ),
)
def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            show_default=False,
            help=t(
                "The earlier version (any file check reads).",
                "Phiên bản trước (mọi tệp lệnh check đọc được).",
            ),
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            metavar="NEW", show_default=False, help=t("The later version.", "Phiên bản sau.")
        ),
    ],
    output_format: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
            help=t(
                "rich (default), json, or xlsx (with --output FILE.xlsx, which "
                "alone also picks it).",
                "rich (mặc định), json, hoặc xlsx (kèm --output FILE.xlsx; chỉ "
                "cần --output FILE.xlsx cũng chọn định dạng này).",
            ),
        ),
    ] = None,
    output: Annotated[
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
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help=t(
                "Print the summary line only; no notes on stderr.",
                "Chỉ in dòng tổng hợp; không in ghi chú ra stderr.",
            ),
        ),
    ] = False,
    max_rows: Annotated[
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
    ] = 50,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = 2048,
    max_cells: MaxCellsOption = 50_000_000,
    max_cell_length: MaxCellLengthOption = 100_000,
    lang: LangOption = None,
) -> None:
    _speak_early(lang)
    line = _command_line(None, None, None, mapping, sheet, header_row, None, None, None)
    options = _per_file_options(
        _settings(config, line, lang),
        [old, new],
        _limits(max_file_size, max_cells, max_cell_length),
    )
    if output is not None:
        _check_output(output, [old, new])
    from procaudit.diff.changes import diff_files
    from procaudit.report.diff.formats import RenderOptions, renderer_for, resolve_format
    from procaudit.report.diff.output import write_diff

    try:
        chosen = resolve_format(output_format, output)
        result = diff_files(old, new, options[old], options[new])
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        for version in (result.old, result.new):
            for note in version.notes:
                typer.echo(f"procaudit: note: {version.path}: {note}", err=True)
    # A file has no terminal to fit: wide enough that the tables do not wrap every cell.
    width = None if output is None else 160
    renderer = renderer_for(chosen, RenderOptions(max_rows, quiet, width))
    try:
        write_diff(result, renderer, output)
    except OSError as exc:
        raise _fail(_cannot_write(output, exc)) from None
    raise typer.Exit(result.exit_code())


@app.command(
    cls=_Command,
    help=t(
        "Show the effective configuration and where each value comes from.",
        "Hiển thị cấu hình đang áp dụng và nguồn của từng giá trị.",
    ),
)
def config(config_file: ConfigOption = None, lang: LangOption = None) -> None:
    """Show the effective configuration and where each value comes from."""
    from rich.console import Console
    from rich.table import Table

    from procaudit.app.settings import COMMAND_LINE, DEFAULT, CommandLine, show_value
    from procaudit.core.i18n import ENVIRONMENT

    _speak_early(lang)
    settings = _settings(config_file, CommandLine(), lang)
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
    console = Console(highlight=False)
    where = settings.config.source or t("(none found)", "(không tìm thấy)")
    typer.echo(t("configuration file: {where}", "tệp cấu hình: {where}", where=where))
    console.print(table)


@app.command(
    cls=_Command,
    help=t(
        "List every rule, or show one rule's documentation.",
        "Liệt kê mọi quy tắc kiểm tra, hoặc hiển thị tài liệu hướng dẫn của một quy tắc.",
    ),
)
def rules(
    rule_id: Annotated[
        str | None,
        typer.Argument(
            show_default=False,
            help=t(
                "A rule id (e.g. PA201) to show in full.",
                "Mã quy tắc (ví dụ PA201) cần hiển thị đầy đủ.",
            ),
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """List every rule, or show one rule's documentation."""
    from rich.console import Console

    from procaudit.app.settings import CommandLine
    from procaudit.cli.rules_view import rule_doc, rules_table
    from procaudit.core.i18n import language_from_environment
    from procaudit.rules import all_rules, get_rule

    _speak_early(lang)
    if lang is None and _root_language is None and language_from_environment() is None:
        _settings(None, CommandLine())  # the configuration file's lang, if it has one
    console = Console(highlight=False)
    if rule_id is None:
        console.print(rules_table(all_rules()))
        return
    rule = get_rule(rule_id)
    if rule is None:
        raise _fail(
            t(
                "there is no rule {rule}; 'procaudit rules' lists them all",
                "không có quy tắc {rule}; lệnh 'procaudit rules' liệt kê mọi quy tắc",
                rule=rule_id,
            )
        )
    console.print(rule_doc(rule))


# Typer reads the commands' annotations only when the app runs (`from __future__ import
# annotations` keeps them as text): read them now, so that their help texts speak the help's
# language too. Then speak again as before the import.
for _command in (app.registered_callback, *app.registered_commands):
    if _command is not None and _command.callback is not None:
        _command.callback.__annotations__ = get_annotations(_command.callback, eval_str=True)
set_language(_language_before_help)


def main() -> None:
    """Console entry point: the tool's own failures end in one sentence and exit 2."""
    try:
        app()
    except Exception as exc:  # a bug in procaudit: say so briefly unless asked for details
        if os.environ.get("PROCAUDIT_DEBUG"):
            raise
        typer.echo(
            f"procaudit: internal error: {exc.__class__.__name__}: {exc} "
            + t(
                "(set PROCAUDIT_DEBUG=1 for details and please report it)",
                "(đặt PROCAUDIT_DEBUG=1 để xem chi tiết và vui lòng báo lỗi này)",
            ),
            err=True,
        )
        sys.exit(2)
