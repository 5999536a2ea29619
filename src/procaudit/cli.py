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
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from procaudit import __version__
from procaudit.atomic import write_atomically
from procaudit.errors import ProcauditError
from procaudit.model import FailOn
from procaudit.overrides import parse_header_rows, parse_mapping
from procaudit.reporters import Format, Reporter, ReportOptions, reporter_for

if TYPE_CHECKING:
    from procaudit.io import ReadOptions
    from procaudit.io.limits import Limits
    from procaudit.model import AuditResult
    from procaudit.rules.options import RuleOptions
    from procaudit.rules.selection import RuleSelection
    from procaudit.settings import CommandLine, Settings

app = typer.Typer(
    name="procaudit",
    help="Audit administrative-procedure catalogues (thủ tục hành chính) for data-quality defects.",
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


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"procaudit: error: {message}", err=True)
    return typer.Exit(2)


ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", metavar="FILE", show_default=False,
                 help="The configuration file (default: procaudit.toml, or [tool.procaudit] "
                      "in pyproject.toml, from this folder upward)."),
]

# Limits that keep a run bounded on hostile or broken files; raise them for huge catalogues.
MaxFileSizeOption = Annotated[
    int, typer.Option("--max-file-size", metavar="MB", min=1,
                      help="Refuse input files larger than this many megabytes.")
]
MaxCellsOption = Annotated[
    int, typer.Option("--max-cells", metavar="N", min=1,
                      help="Refuse a sheet reaching further than N cells (rows x columns).")
]
MaxCellLengthOption = Annotated[
    int, typer.Option("--max-cell-length", metavar="N", min=1,
                      help="Refuse a file with a cell longer than N characters.")
]

# The overrides for files that guessing reads wrong; `check` and `inspect` take the same ones.
SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", help="Read only this sheet (its name, or its number from 1).",
                 show_default=False),
]
HeaderRowOption = Annotated[
    str | None,
    typer.Option("--header-row", metavar="N[-M]", show_default=False,
                 help="The header is on row N (or split over rows N and N+1): no guessing."),
]
MapOption = Annotated[
    list[str] | None,
    typer.Option("--map", metavar="'HEADER=column'", show_default=False,
                 help="Read the column headed HEADER as a canonical column, e.g. "
                      "--map 'Tên gọi khác=name'. Repeatable."),
]


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(help="Catalogue files to audit (.csv, .xlsx, .xlsm, .xls, .ods).",
                       metavar="FILE...",
                       show_default=False),
    ],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Report format.")
    ] = Format.RICH,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", show_default=False,
                     help="Write the report to FILE (atomically) instead of stdout."),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(help="Exit 1 when a finding is at least this severe ('never': always 0). "
                          "Default: error.", show_default=False),
    ] = None,
    schema: Annotated[
        Path | None,
        typer.Option(help="A Pandera YAML schema to use instead of procaudit's own.",
                     show_default=False),
    ] = None,
    max_per_rule: Annotated[
        int, typer.Option(help="Findings shown per rule in the terminal report (0: all).", min=0)
    ] = 10,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q",
                           help="The terminal report shrinks to its summary line; no notes on "
                                "stderr, only errors. Machine formats are unchanged.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero",
                           help="Exit 0 even with findings (2 still means a file could not be "
                                "read): report without failing the job.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="IDS", show_default=False,
                     help="Run only these rules: ids or prefixes, comma-separated "
                          "(--select PA2,PA301). Repeatable."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="IDS", show_default=False,
                     help="Do not run these rules: ids or prefixes (--ignore PA603). "
                          "Repeatable."),
    ] = None,
    reference: Annotated[
        Path | None,
        typer.Option("--reference", metavar="FILE", show_default=False,
                     help="The national list to compare with (any file procaudit reads): "
                          "adds PA405 not-announced and PA406 unknown-code."),
    ] = None,
    forms_dir: Annotated[
        Path | None,
        typer.Option("--forms-dir", metavar="DIR", show_default=False,
                     help="The folder of form files: PA302 reports forms named in the "
                          "catalogue that are not in it."),
    ] = None,
    online_target: Annotated[
        float | None,
        typer.Option("--online-target", metavar="PERCENT", min=0, max=100, show_default=False,
                     help="PA505 warns when fewer procedures than this are fully online "
                          "(default 80)."),
    ] = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = 2048,
    max_cells: MaxCellsOption = 50_000_000,
    max_cell_length: MaxCellLengthOption = 100_000,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", metavar="FILE", show_default=False,
                     help="Compare with a recorded baseline: the report says what is new, "
                          "still present and fixed, and --fail-on counts new findings only."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", metavar="FILE", show_default=False,
                     help="Record this run's findings as the baseline for later runs."),
    ] = None,
    fix_list: Annotated[
        Path | None,
        typer.Option("--fix-list", metavar="FILE.xlsx|FILE.csv", show_default=False,
                     help="Also write the worklist officials correct the files from: one row "
                          "per finding, with its cell, and the offending rows highlighted."),
    ] = None,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
) -> None:
    """Audit catalogue files and report their defects."""
    line = _command_line(select, ignore, fail_on, mapping, sheet, header_row, reference,
                         forms_dir, online_target)
    settings = _settings(config, line)
    read_options = _per_file_options(settings, paths,
                                     _limits(max_file_size, max_cells, max_cell_length))
    fail_on = FailOn.NEVER if exit_zero else FailOn(settings.fail_on.value)
    forms_dir = settings.forms_dir.value
    if output is not None:
        _check_output(output, paths)
    if write_baseline is not None:
        _check_output(write_baseline, paths, "--write-baseline")
    if fix_list is not None:
        _check_output(fix_list, paths, "--fix-list")
        from procaudit.fixlist import check_fix_list_path

        try:
            check_fix_list_path(fix_list)
        except ProcauditError as exc:
            raise _fail(str(exc)) from None
    if forms_dir is not None and not forms_dir.is_dir():
        raise _fail(f"--forms-dir {forms_dir}: no such folder")
    from procaudit.audit import audit

    try:
        selection = _selection(*settings.rule_prefixes())
        rule_options = _rule_options(settings)
        with _stage_display(quiet) as progress:
            result = audit(paths, str(schema) if schema else None, read_options, rule_options,
                           selection, progress)
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    result = result.with_severities(settings.severity.value)
    if baseline is not None or write_baseline is not None:
        result = _baselines(result, baseline, write_baseline, paths)
    for failure in result.failures:
        typer.echo(f"procaudit: error: {failure.message}", err=True)
    if output_format is not Format.RICH and not quiet:
        for report in result.files:
            for note in report.notes:
                typer.echo(f"procaudit: note: {report.path}: {note}", err=True)
        for group in result.skipped_groups():
            typer.echo(f"procaudit: note: not checked: {group.describe()}", err=True)
    options = ReportOptions(fail_on=fail_on, max_per_rule=max_per_rule,
                            summary_only=quiet and output_format is Format.RICH)
    reporter = reporter_for(output_format, options)
    if not result.files:  # every input failed: there is nothing to report or to fix
        raise typer.Exit(result.exit_code(fail_on))
    if output is None:
        reporter.render(result, sys.stdout)
    else:
        try:
            write_atomically(output, lambda stream: _render_text(reporter, result, stream))
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}") from None
    if fix_list is not None:
        from procaudit.fixlist import write_fix_list

        try:
            with _stage_display(quiet) as progress:
                if progress is not None:
                    progress(f"writing the fix-list {fix_list.name}")
                write_fix_list(result, fix_list, read_options)
        except OSError as exc:
            raise _fail(f"cannot write {fix_list}: {exc.strerror or exc}") from None
    raise typer.Exit(result.exit_code(fail_on))


def _stderr_is_terminal() -> bool:
    """Whether a person watches stderr (the seam the tests force): a dumb terminal cannot
    redraw a line."""
    return sys.stderr.isatty() and os.environ.get("TERM", "") not in ("dumb", "unknown")


def _stage_display(quiet: bool) -> AbstractContextManager[Callable[[str], None] | None]:
    """A progress display on stderr, or none: only on a terminal and without --quiet, so that
    it never mixes with a piped report or a log."""
    if quiet or not _stderr_is_terminal():
        return nullcontext()
    from procaudit.progress import DELAY, StageDisplay

    return StageDisplay(DELAY)


def _check_output(output: Path, paths: list[str], option: str = "--output") -> None:
    """Before the audit: a report that cannot be written should not cost a run."""
    if output.is_dir():
        raise _fail(f"{option} {output}: is a folder")
    if not output.parent.is_dir():
        raise _fail(f"{option} {output}: the folder {output.parent} does not exist")
    target = output.resolve()
    for path in paths:
        if Path(path).resolve() == target:
            raise _fail(f"{option} {output}: is one of the files to audit")


def _baselines(result: AuditResult, baseline: Path | None, write_baseline: Path | None,
               paths: list[str]) -> AuditResult:
    from procaudit.baseline import load_baseline, split
    from procaudit.baseline import write_baseline as record

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


def _command_line(select: list[str] | None, ignore: list[str] | None, fail_on: FailOn | None,
                  mapping: list[str] | None, sheet: str | None, header_row: str | None,
                  reference: Path | None, forms_dir: Path | None,
                  online_target: float | None) -> CommandLine:
    """What was typed, checked before pandas is imported: a bad value is a usage error."""
    from procaudit.settings import CommandLine

    try:
        parse_header_rows(header_row)
        columns = parse_mapping(mapping)
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    return CommandLine(
        select=tuple(select or ()), ignore=tuple(ignore or ()),
        fail_on=fail_on.value if fail_on else None, mapping=columns, sheet=sheet,
        header_row=header_row, reference=reference, forms_dir=forms_dir,
        online_target=online_target,
    )


def _settings(config_path: Path | None, line: CommandLine) -> Settings:
    """The command line over the configuration file (--config, or the nearest one)."""
    from procaudit.config import Config, find_config, load_config
    from procaudit.settings import Settings

    try:
        path = config_path or find_config(Path.cwd())
        if config_path is not None and not config_path.is_file():
            raise _fail(f"--config {config_path}: no such file")
        config = load_config(path) if path else Config()
    except ProcauditError as exc:
        raise _fail(str(exc)) from None
    return Settings(config, line)


def _limits(max_file_size: int, max_cells: int, max_cell_length: int) -> Limits:
    from procaudit.io.limits import MB, Limits

    return Limits(max_file_size=max_file_size * MB, max_cells=max_cells,
                  max_cell_length=max_cell_length)


def _per_file_options(settings: Settings, paths: list[str], limits: Limits
                      ) -> dict[str, ReadOptions]:
    from procaudit.io import ReadOptions

    options = {}
    for path in paths:
        sheet, header_row = settings.file_overrides(path)
        try:
            header_rows = parse_header_rows(header_row)
        except ProcauditError as exc:
            raise _fail(str(exc)) from None
        options[path] = ReadOptions(sheet=sheet, header_rows=header_rows,
                                    mapping=settings.mapping.value, limits=limits)
    return options


def _selection(select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSelection:
    from procaudit.rules import all_rules
    from procaudit.rules.selection import RuleSelection

    return RuleSelection.parse(list(select), list(ignore), [rule.id for rule in all_rules()])


def _rule_options(settings: Settings) -> RuleOptions:
    from procaudit.reference import load_reference
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


@app.command()
def inspect(
    paths: Annotated[
        list[str],
        typer.Argument(help="Catalogue files to inspect.", metavar="FILE...", show_default=False),
    ],
    output_format: Annotated[
        InspectFormat, typer.Option("--format", "-f", help="Output format.")
    ] = InspectFormat.RICH,
    sheet: SheetOption = None,
    header_row: HeaderRowOption = None,
    mapping: MapOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = 2048,
    max_cells: MaxCellsOption = 50_000_000,
    max_cell_length: MaxCellLengthOption = 100_000,
) -> None:
    """Show how each file was understood: header, columns, sections, rows read and skipped."""
    line = _command_line(None, None, None, mapping, sheet, header_row, None, None, None)
    options = _per_file_options(_settings(config, line), paths,
                                _limits(max_file_size, max_cells, max_cell_length))
    from rich.console import Console

    from procaudit.errors import InputError
    from procaudit.inspect_view import render_inspection
    from procaudit.inspection import inspect_catalogue
    from procaudit.io import read_catalogue

    inspections, failures = [], []
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


@app.command()
def config(config_file: ConfigOption = None) -> None:
    """Show the effective configuration and where each value comes from."""
    from rich.console import Console
    from rich.table import Table

    from procaudit.settings import CommandLine, show_value

    settings = _settings(config_file, CommandLine())
    table = Table(show_edge=False, pad_edge=False, box=None)
    for heading in ("key", "value", "from"):
        table.add_column(heading, header_style="bold")
    for setting in settings.shown():
        value = show_value(setting.value)
        if setting.key == "select" and not setting.value:
            value = "(every rule)"
        source = "the file" if setting.source == settings.config.source else setting.source
        table.add_row(setting.key, value, source)
    console = Console(highlight=False)
    typer.echo(f"configuration file: {settings.config.source or '(none found)'}")
    console.print(table)


@app.command()
def rules(
    rule_id: Annotated[
        str | None, typer.Argument(help="A rule id (e.g. PA201) to show in full.",
                                   show_default=False)
    ] = None,
) -> None:
    """List every rule, or show one rule's documentation."""
    from rich.console import Console

    from procaudit.rules import all_rules, get_rule
    from procaudit.rules_view import rule_doc, rules_table

    console = Console(highlight=False)
    if rule_id is None:
        console.print(rules_table(all_rules()))
        return
    rule = get_rule(rule_id)
    if rule is None:
        raise _fail(f"there is no rule {rule_id}; 'procaudit rules' lists them all")
    console.print(rule_doc(rule))


def main() -> None:
    """Console entry point: the tool's own failures end in one sentence and exit 2."""
    try:
        app()
    except Exception as exc:  # a bug in procaudit: say so briefly unless asked for details
        if os.environ.get("PROCAUDIT_DEBUG"):
            raise
        typer.echo(
            f"procaudit: internal error: {exc.__class__.__name__}: {exc} "
            "(set PROCAUDIT_DEBUG=1 for details and please report it)",
            err=True,
        )
        sys.exit(2)
