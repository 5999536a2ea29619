"""`procaudit check` as a use case: a `CheckRequest` in, the run's steps in order, a
`CheckOutcome` out.

The steps: every output path is checked before the audit (a report, baseline, fix-list or
history that cannot be written should not cost a run, and none may be a file the run reads
or another output's file); the audit (`procaudit.app.audit`);
the findings compared with the baseline; the run recorded in the history, before the report,
so that a report showing the trend includes it; the report, to `stdout` or a file; the
fix-list; the new baseline (last of the outputs: a run killed among them keeps the old);
last, the run's one line in the log (`procaudit.app.run_log`), also for a run
that stopped on an error, on Ctrl-C (`log_interrupted`) or on SIGTERM (a cron job's `timeout`:
`exit=143`). The outputs are written all or
none: Ctrl-C during the audit writes none, and one while they are written waits for the
last (`procaudit.core.interrupts`). A step that cannot go on raises a ProcauditError, one sentence
for the user (exit 2). What the run says along the way (a file that could not be read, how
one was read) goes to its `Hooks` (`procaudit.app.hooks`) as it happens, so that the
command line prints it around the report as it always has.

Free of pandas at import: the command line imports this module to build its request.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from procaudit.app.audit import audit_sources, default_settings, settings_read_options
from procaudit.app.history import open_history, record, severity_trend
from procaudit.app.hooks import Hooks, StageDisplay
from procaudit.app.outputs import (
    CannotWrite,
    check_output,
    check_paths_apart,
    state_reads,
    write_text,
)
from procaudit.app.run_log import append_line, run_line
from procaudit.app.settings import Settings
from procaudit.app.stdout import deliver
from procaudit.core.atomic import TERMINATED_EXIT, terminated_as_exit
from procaudit.core.errors import ProcauditError, UsageError
from procaudit.core.findings import FailOn
from procaudit.core.i18n import t
from procaudit.core.interrupts import INTERRUPTED_EXIT, ending, writing_outputs
from procaudit.core.paths import shown_path, unreachable
from procaudit.report import MAX_PER_RULE, Format, ReportOptions, reporter_for

if TYPE_CHECKING:
    from procaudit.core.findings import AuditResult, FileFailure
    from procaudit.engine.baseline import Baseline
    from procaudit.io import Catalogue, PerFile


@dataclass(frozen=True)
class CheckRequest:
    """One `procaudit check` run: the files, the settings, and where the results go."""

    paths: tuple[str, ...]
    settings: Settings = field(default_factory=default_settings)
    read_options: PerFile = None  # None: the settings' aliases and --map, default limits
    input_failures: tuple[FileFailure, ...] = ()  # arguments that named no file
    schema: Path | None = None  # a Pandera YAML schema instead of procaudit's own
    output_format: Format = Format.RICH
    output: Path | None = None  # None: the report goes to `stdout`
    max_per_rule: int = MAX_PER_RULE
    quiet: bool = False  # the terminal report's summary line alone, and no notes
    exit_zero: bool = False  # findings never fail the run
    baseline: Path | None = None
    write_baseline: Path | None = None
    fix_list: Path | None = None  # .xlsx or .csv
    history: Path | None = None  # an SQLite history the run is appended to
    csv_safe: bool = False  # --csv-safe: the CSV report's formula-like cells neutralised
    jobs: int | None = 1  # worker processes at most (--jobs); None: one per core
    # The paths a folder scan or a pattern gave: a file there that holds no catalogue is
    # refused with the --exclude that leaves it out of the next night's scan.
    scanned: frozenset[str] = frozenset()
    # stdout is a terminal (the command line's to say): the terminal report fits its width
    # and has colour; to a file or a pipe, whole lines and no colour.
    terminal: bool = False

    @property
    def fail_on(self) -> FailOn:
        return FailOn.NEVER if self.exit_zero else FailOn(self.settings.fail_on.value)


@dataclass(frozen=True)
class CheckOutcome:
    """What a run found, and the exit code the command line ends with: 0 clean, 1 findings
    at or above fail-on, 2 an input that could not be audited or a history not written."""

    result: AuditResult
    exit_code: int
    history_failed: bool = False


def run_check(
    request: CheckRequest, hooks: Hooks | None = None, stdout: TextIO | None = None
) -> CheckOutcome:
    """Run `request`'s steps in order (see the module's docstring); the report goes to
    `request.output`, else to `stdout` (sys.stdout when None), unless no file was audited."""
    hooks = hooks or Hooks()
    log = request.settings.log.value
    check_run_paths(request)  # before the log is written: the log may be what clashes
    if log is None:
        return _run(request, hooks, stdout)
    check_output(log, request.paths, "--log")
    try:
        # SIGTERM's default would end the process without the night's line: with a log, it
        # raises SystemExit(143), whose line is written here (the outputs' temporary files
        # and the worker processes are cleaned up on the way, as without a log).
        with terminated_as_exit():
            outcome = _run(request, hooks, stdout)
    except ProcauditError:  # one sentence on stderr, exit 2: the night's line says so too
        _logged(log, run_line(None, 2), hooks)
        raise
    except SystemExit as stop:
        if stop.code == TERMINATED_EXIT:
            _logged(log, run_line(None, TERMINATED_EXIT), hooks)
        raise
    if not _logged(log, run_line(outcome.result, outcome.exit_code), hooks):
        outcome = replace(outcome, exit_code=2)
    return outcome


def log_interrupted(settings: Settings) -> None:
    """The log's line for a run Ctrl-C stopped (exit 130), when the settings name a log;
    a log that cannot be written is not said: the run is ending."""
    log = settings.log.value
    if log is not None:
        with contextlib.suppress(ProcauditError):
            append_line(log, run_line(None, INTERRUPTED_EXIT))


def _run(request: CheckRequest, hooks: Hooks, stdout: TextIO | None) -> CheckOutcome:
    started = _check_outputs(request)
    if request.read_options is None:  # the fix-list reads the files again: as the audit did
        request = replace(request, read_options=settings_read_options(request.settings))
    # The fix-list copies the flagged rows: it takes them from the catalogues the audit read
    # here rather than read each file again (at a million rows, ~4 s of a ~6 s fix-list).
    read: dict[str, Catalogue] = {}
    result = audit_sources(
        request.paths,
        request.settings,
        request.read_options,
        request.schema,
        hooks.stages,
        _jobs(request.jobs),
        on_read=None if request.fix_list is None else _keep(read),
    )
    failures = _excludable(result.failures, request.scanned)
    result = replace(result, failures=(*request.input_failures, *failures))
    # The outputs are written all or none: Ctrl-C during the audit stops the run before the
    # first, one while they are written waits for the last (`core.interrupts`).
    with writing_outputs():
        return _outputs(result, request, hooks, stdout, started, read)


def _outputs(
    result: AuditResult,
    request: CheckRequest,
    hooks: Hooks,
    stdout: TextIO | None,
    started: str | None,
    read: dict[str, Catalogue],
) -> CheckOutcome:
    """The history, the report, the fix-list and the baseline of the audit's `result`."""
    result, previous = _split(result, request)
    # Recorded before the report, so that a report showing the trend includes tonight's run;
    # a history that fails this late is said at once and the report still comes (exit 2).
    history_failed = request.history is not None and not _recorded(
        request.history, result, started, hooks
    )
    _tell(result, request, hooks)
    outcome = CheckOutcome(
        result,
        2 if history_failed else result.exit_code(request.fail_on),
        history_failed,
    )
    # Every input failed (stderr said so) and the terminal report has nothing to show; a
    # machine format is written all the same: a gate reads which files were not read from
    # it, and a report file left from an earlier run must not stand for this one.
    if result.files or request.output_format is not Format.RICH:
        _report(result, request, stdout or sys.stdout)
        if request.fix_list is not None and result.files:
            _fix_list(result, request, request.fix_list, hooks.stages, read)
    # The baseline last: a run killed between its outputs (a cancelled CI job's SIGTERM,
    # which no handler defers) leaves the old one, so tonight's new findings still fail the
    # next gate instead of being taken into the baseline unreported.
    if request.write_baseline is not None:
        _record_baseline(result, request.write_baseline, previous, request.quiet, hooks)
    return outcome


# The module of the audit the workers run (its `_start_worker` is their start): imported by
# workers spawned ahead while they wait for the run's plan.
_AUDIT = "procaudit.engine.audit"


@contextmanager
def reading_ahead(paths: Sequence[str], max_file_size: int, jobs: int | None) -> Iterator[None]:
    """While the block runs (the settings, the imports of pandas and the rules), the first
    file, when it is CSV, parsed on pyarrow's threads for the reader to take
    (`procaudit.io.read_ahead`), and its names' keys begun as soon as it is, while the block
    imports the rules (`io.name_keys_ahead`). When a pool will audit the files, its workers
    are spawned instead, to import pandas and the rules meanwhile
    (`engine.parallel.workers_ahead`). `max_file_size`: the run's limit, in bytes (a larger
    file is refused unread)."""
    from procaudit.engine.parallel import pool_size, workers_ahead

    if not paths:
        yield
        return
    workers = pool_size(paths, _jobs(jobs))
    if workers > 1:
        with workers_ahead(workers, _AUDIT):
            yield
        return
    from procaudit.io.read_ahead import reading_ahead as first_read_ahead
    from procaudit.io.read_ahead import when_parsed

    with first_read_ahead(paths[0], max_file_size) as parsing:
        if parsing:  # the reader's modules (pandas) imported here, before the rules'
            from procaudit.io.name_keys_ahead import start_keys_of_parse

            when_parsed(start_keys_of_parse)
        yield


def _excludable(
    failures: Sequence[FileFailure], scanned: frozenset[str]
) -> tuple[FileFailure, ...]:
    """The failures, each file a scan found that holds no catalogue (a README.xlsx, a pivot)
    told how to leave it out: otherwise it fails every night's run, even with --exit-zero."""
    if not scanned:
        return tuple(failures)
    found = {shown_path(path) for path in scanned}
    return tuple(
        replace(failure, message=failure.message + _exclude_hint(failure.path))
        if failure.no_catalogue and failure.path in found
        else failure
        for failure in failures
    )


def _exclude_hint(path: str) -> str:
    return t(
        "; if it is no catalogue, leave it out of the folder scan with --exclude {pattern}",
        "; nếu đây không phải danh mục, hãy loại tệp khỏi lần quét thư mục bằng "
        "--exclude {pattern}",
        pattern=shlex.quote(os.path.basename(path)),
    )


def _keep(read: dict[str, Catalogue]) -> Callable[[Catalogue], None]:
    """A hook that keeps each catalogue read, by the path its findings name."""

    def keep(catalogue: Catalogue) -> None:
        read[catalogue.path] = catalogue

    return keep


def _jobs(jobs: int | None) -> int:
    """The worker processes a run may use: as asked, else one per core."""
    if jobs is not None:
        return jobs
    from procaudit.engine.parallel import default_jobs

    return default_jobs()


def check_run_paths(request: CheckRequest) -> None:
    """A UsageError when a file the run writes is one it reads or another output writes
    (`procaudit.app.outputs.check_paths_apart`): -o h.db beside --history h.db would wipe
    every recorded run, --fix-list onto the --config file would overwrite it."""
    check_paths_apart(
        request.paths,
        reads=[
            ("--baseline", request.baseline),
            ("--schema", request.schema),
            *state_reads(request.settings),
        ],
        writes=[
            ("--output", request.output),
            ("--write-baseline", request.write_baseline),
            ("--fix-list", request.fix_list),
            ("--history", request.history),
            ("--log", request.settings.log.value),
        ],
    )


def _logged(log: Path, line: str, hooks: Hooks) -> bool:
    """Whether the run's line was appended to the log; why not goes to `hooks.error`. The
    line is the run's last act: a Ctrl-C from then on is too late to change how it ended
    (`core.interrupts.ending`)."""
    try:
        with ending():
            append_line(log, line)
    except ProcauditError as exc:
        hooks.error(str(exc))
        return False
    return True


def _check_outputs(request: CheckRequest) -> str | None:
    """Every path the run will write, checked before the audit; the run's time when it is
    recorded in a history."""
    paths = request.paths
    if request.output is not None:
        check_output(request.output, paths)
    if request.write_baseline is not None:
        check_output(request.write_baseline, paths, "--write-baseline")
    if request.fix_list is not None:
        check_output(request.fix_list, paths, "--fix-list")
        from procaudit.report.fixlist import check_fix_list_path

        check_fix_list_path(request.fix_list)
    started = open_history(request.history, paths) if request.history is not None else None
    forms_dir = request.settings.forms_dir.value
    if forms_dir is not None and (reason := unreachable(forms_dir)):
        raise UsageError(
            t(
                "--forms-dir {folder}: cannot be read ({reason})",
                "--forms-dir {folder}: không đọc được ({reason})",
                folder=forms_dir,
                reason=reason,
            )
        )
    if forms_dir is not None and not forms_dir.is_dir():
        raise UsageError(
            t(
                "--forms-dir {folder}: no such folder",
                "--forms-dir {folder}: không có thư mục này",
                folder=forms_dir,
            )
        )
    return started


def _split(result: AuditResult, request: CheckRequest) -> tuple[AuditResult, Baseline | None]:
    """The result split against the baseline (new, still present, fixed), and the baseline."""
    from procaudit.engine.baseline import read_baseline
    from procaudit.io.read import run_limits

    limits = run_limits(request.read_options)
    return read_baseline(result, request.baseline, limits.max_file_size)


def _record_baseline(
    result: AuditResult, path: Path, previous: Baseline | None, quiet: bool, hooks: Hooks
) -> None:
    """The run recorded as the next baseline; what it keeps of the old is said in a note."""
    from procaudit.engine.baseline import record_baseline

    for note in record_baseline(result, path, previous):
        if not quiet:
            hooks.note(note)


def _recorded(history: Path, result: AuditResult, started: str | None, hooks: Hooks) -> bool:
    """Whether the run was appended to the history; why not goes to `hooks.error`."""
    failed = record(history, result, started)
    if failed is not None:
        hooks.error(failed)
    return failed is None


def _tell(result: AuditResult, request: CheckRequest, hooks: Hooks) -> None:
    """The files that could not be audited; for a machine format, also how each file was
    read and the rules not checked (the terminal report shows them itself)."""
    for failure in result.failures:
        hooks.error(failure.message)
    if request.output_format is Format.RICH or request.quiet:
        return
    for report in result.files:
        for note in report.notes:
            hooks.note(f"{report.path}: {note}")
    not_checked = t("not checked", "chưa kiểm tra")
    for group in result.skipped_groups():
        hooks.note(f"{not_checked}: {group.describe()}")


def _report(result: AuditResult, request: CheckRequest, stdout: TextIO) -> None:
    rich = request.output_format is Format.RICH
    options = ReportOptions(
        fail_on=request.fail_on,
        max_per_rule=request.max_per_rule,
        summary_only=request.quiet and rich,
        fold=request.output is None and request.terminal,  # a file or pipe: whole lines
        csv_safe=request.csv_safe,
        online_target=request.settings.online_share,
        history=(
            severity_trend(request.history, result) if request.output_format is Format.HTML else ()
        ),
    )
    reporter = reporter_for(request.output_format, options)
    if request.output is None:  # a machine format in UTF-8 whatever the console's encoding
        deliver(lambda out: reporter.render(result, out), stdout, utf8=not rich)
    else:
        write_text(request.output, lambda text: reporter.render(result, text))


def _fix_list(
    result: AuditResult,
    request: CheckRequest,
    path: Path,
    stages: StageDisplay,
    read: dict[str, Catalogue],
) -> None:
    """The worklist officials correct the files from, with the offending rows highlighted."""
    from procaudit.report.fixlist import write_fix_list

    try:
        with stages() as progress:
            if progress is not None:
                progress(
                    t(
                        "writing the fix-list {name}",
                        "đang ghi danh sách cần sửa {name}",
                        name=path.name,
                    )
                )
            write_fix_list(result, path, request.read_options, read)
    except OSError as exc:
        raise CannotWrite(path, exc) from None
