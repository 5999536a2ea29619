"""`procaudit fix` as a use case (issue 18): a `FixRequest` in, per file the repairs planned,
written into a copy and the findings that remain, a `FixOutcome` out.

The steps per file: plan the repairs (`procaudit.engine.repairs`, the rules' own repairs of
the cells they find); unless only the diff is wanted, write the repaired copy
(`procaudit.io.patch`, which keeps the file as the official made it and never touches the
input); then audit the copy as `check` would (`procaudit.app.audit`), so that the outcome
says what still needs a person. Every destination is checked before the first file is read
(`procaudit.app.fix_targets`); with `--in-place` the original is copied to its backup first
and the repaired copy then replaces it in one rename.

What the copy could not keep of the original (pictures openpyxl cannot write, an xls file's
formatting) is told to `hooks.warning`, which the command line says even under -q; the
other notes go to `hooks.note`.

The exit code, for scripts: 0 when nothing fixable is left and no finding at or above
fail-on remains, 1 when something remains for a person (a finding, a repair held back for
--unsafe-fixes, a change the writer could not make), 2 for bad input.

Free of pandas at import: the command line imports this module only inside the command, and
the planning, writing and audit modules are imported when first used.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from procaudit.app.audit import audit_sources, default_settings, rule_selection
from procaudit.app.fix_targets import Destinations, backup_path, check_destinations, plan_targets
from procaudit.app.hooks import Hooks
from procaudit.app.outputs import CannotWrite, state_reads
from procaudit.app.settings import Settings
from procaudit.core.atomic import replaced_by_name, terminated_as_exit, write_new
from procaudit.core.errors import InputError, ProcauditError
from procaudit.core.findings import FailOn, FileFailure, Finding, Severity
from procaudit.core.i18n import t

if TYPE_CHECKING:
    from procaudit.core.changes import CellChange
    from procaudit.engine.repairs import RepairPlan
    from procaudit.io import PerFile, ReadOptions
    from procaudit.io.patch import PatchResult
    from procaudit.rules.selection import RuleSelection


@dataclass(frozen=True)
class FixRequest:
    """One `procaudit fix` run: the files, where their copies go, and which repairs."""

    paths: tuple[str, ...]
    settings: Settings = field(default_factory=default_settings)  # rules, fail-on, --map
    read_options: PerFile = None  # None: the settings' aliases and --map, default limits
    input_failures: tuple[FileFailure, ...] = ()  # arguments that named no file
    destinations: Destinations = field(
        default_factory=Destinations
    )  # -o, --output-dir or --in-place + --backup
    unsafe: bool = False  # --unsafe-fixes: also the repairs a person should review
    diff_only: bool = False  # --diff: plan and show, write nothing
    output_format: str = "rich"  # "rich" or "json": what the command line renders

    @property
    def fail_on(self) -> FailOn:
        return FailOn(self.settings.fail_on.value)


@dataclass(frozen=True)
class FileFix:
    """What fixing one file did."""

    path: str
    target: Path | None  # the copy written; None with --diff
    changes: tuple[CellChange, ...]  # written (or, with --diff, planned)
    skipped: tuple[tuple[CellChange, str], ...] = ()  # planned, not written, and why
    held_back: int = 0  # cells only --unsafe-fixes would change (or change further)
    notes: tuple[str, ...] = ()  # the plan's and the writer's notes
    losses: tuple[str, ...] = ()  # those notes that say what the copy could not keep
    converted_from: str | None = None  # "xls", "ods" when the copy became xlsx
    remaining: tuple[Finding, ...] = ()  # the copy's findings (with --diff: the input's)
    backup: Path | None = None  # --in-place: where the original was kept

    def by_rule(self) -> dict[str, tuple[int, int]]:
        """(safe, unsafe) cells per rule, by rule id: a cell repaired by two rules counts
        under each."""
        safe, unsafe = Counter[str](), Counter[str]()
        for change in self.changes:
            (safe if change.safe else unsafe).update(change.rules)
        return {rule: (safe[rule], unsafe[rule]) for rule in sorted({*safe, *unsafe})}

    def left_for_a_person(self, fail_on: FailOn) -> bool:
        """Whether anything remains that `fix` did not settle (the exit code's 1)."""
        if self.skipped or self.held_back:
            return True
        if fail_on is not FailOn.NEVER:
            threshold = Severity(fail_on.value).rank
            if any(finding.severity.rank >= threshold for finding in self.remaining):
                return True
        return False


@dataclass(frozen=True)
class FixOutcome:
    files: tuple[FileFix, ...]
    failures: tuple[FileFailure, ...]  # the inputs that could not be fixed, and why
    rule_names: dict[str, str]  # rule id -> name, for the reports
    diff_only: bool
    exit_code: int


def run_fix(request: FixRequest, hooks: Hooks | None = None) -> FixOutcome:
    """Fix every file of `request` (see the module's docstring). A ProcauditError, before
    any file is read, for destinations or a rule selection that cannot be used; a file
    that cannot be read is a failure told to `hooks.error`, and the others go on."""
    hooks = hooks or Hooks()
    targets = check_request(request)
    selection = rule_selection(request.settings)  # a --select typo is refused before work
    files: list[FileFix] = []
    failures = list(request.input_failures)
    for failure in request.input_failures:
        hooks.error(failure.message)
    for path in request.paths:
        try:
            files.append(_fix_file(request, path, targets.get(path), selection, hooks))
        except InputError as exc:
            failures.append(FileFailure(path, str(exc)))
            hooks.error(str(exc))
    exit_code = 2 if failures else int(any(_left(request, fixed) for fixed in files))
    return FixOutcome(tuple(files), tuple(failures), _rule_names(), request.diff_only, exit_code)


def _left(request: FixRequest, fixed: FileFix) -> bool:
    """Whether `fixed` ends the run with 1: with --diff, any change still to make too (as
    ruff's --diff)."""
    return (request.diff_only and bool(fixed.changes)) or fixed.left_for_a_person(request.fail_on)


def check_request(request: FixRequest) -> dict[str, Path]:
    """Each input's copy, every refusal (a UsageError) said before any work."""
    check_destinations(request.paths, request.destinations, request.diff_only)
    return plan_targets(request.paths, request.destinations, state_reads(request.settings))


def _fix_file(
    request: FixRequest, path: str, target: Path | None, selection: RuleSelection, hooks: Hooks
) -> FileFix:
    from procaudit.engine.repairs import plan_repairs
    from procaudit.io import options_for
    from procaudit.io.formula_cells import held_by_formulas

    options = options_for(_read_options(request), path)
    plan = plan_repairs(path, read_options=options, selection=selection, unsafe=request.unsafe)
    held_back = 0
    if not request.unsafe:  # what --unsafe-fixes would change beyond the safe repairs
        wider = plan_repairs(path, read_options=options, selection=selection, unsafe=True)
        held_back = _held_back(plan, wider)
    # Formulas are never rewritten: their repairs are said not done, with --diff too.
    changes, formulas = held_by_formulas(Path(path), plan.changes)
    fixed = FileFix(path, None, changes, formulas, held_back=held_back, notes=tuple(plan.skipped))
    if request.diff_only or target is None:
        for note in fixed.notes:  # what the copy would leave as it is, said with --diff too
            hooks.note(f"{path}: {note}")
        return replace(fixed, remaining=_findings(request, path, options))
    patched, backup = _write(request, path, target, changes, hooks, options)
    notes = (*fixed.notes, *patched.notes)
    for note in notes:  # a loss of the user's content is said even to a quiet run
        (hooks.warning if note in patched.losses else hooks.note)(f"{path}: {note}")
    if patched.converted_from:
        hooks.note(
            t(
                "{path}: the {kind} file is written as xlsx: {target}",
                "{path}: tệp {kind} được ghi thành tệp xlsx: {target}",
                path=path,
                kind=patched.converted_from,
                target=target,
            )
        )
    return replace(
        fixed,
        target=target,
        changes=tuple(patched.written),
        skipped=_in_plan_order(plan.changes, (*formulas, *patched.skipped)),
        notes=notes,
        losses=patched.losses,
        converted_from=patched.converted_from,
        remaining=_findings(request, str(target), options),
        backup=backup,
    )


def _in_plan_order(
    planned: tuple[CellChange, ...], skipped: tuple[tuple[CellChange, str], ...]
) -> tuple[tuple[CellChange, str], ...]:
    position = {id(change): index for index, change in enumerate(planned)}
    return tuple(sorted(skipped, key=lambda pair: position.get(id(pair[0]), len(planned))))


def _read_options(request: FixRequest) -> PerFile:
    if request.read_options is not None:
        return request.read_options
    from procaudit.app.audit import settings_read_options

    return settings_read_options(request.settings)


def _held_back(plan: RepairPlan, wider: RepairPlan) -> int:
    """The cells the unsafe plan changes otherwise than the safe one."""
    safe = {(c.sheet, c.row, c.column): c.after for c in plan.changes}
    return sum(safe.get((c.sheet, c.row, c.column)) != c.after for c in wider.changes)


def _write(
    request: FixRequest,
    path: str,
    target: Path,
    changes: tuple[CellChange, ...],
    hooks: Hooks,
    options: ReadOptions | None = None,
) -> tuple[PatchResult, Path | None]:
    """The copy written (atomically, by io.patch); with --in-place, the backup first, then
    the copy written in a temporary folder beside the input and renamed over it. SIGTERM or
    a failure anywhere in between leaves the input as it was and neither a temporary file
    nor the backup (which a second run would refuse to overwrite)."""
    from procaudit.io.patch import write_repaired

    if not request.destinations.in_place:
        return _written(lambda: write_repaired(Path(path), changes, target, options), target), None
    backup = backup_path(path, request.destinations.backup or "")
    _say_other_names(path, hooks)
    with terminated_as_exit():
        _keep_original(Path(path), backup)
        try:
            patched = _written(lambda: _replace_in_place(path, changes, target, options), target)
        except BaseException:
            backup.unlink(missing_ok=True)
            raise
    return patched, backup


def _replace_in_place(
    path: str, changes: tuple[CellChange, ...], target: Path, options: ReadOptions | None
) -> PatchResult:
    from procaudit.io.patch import write_repaired

    with replaced_by_name(target) as temporary:
        return write_repaired(Path(path), changes, temporary, options)


def _say_other_names(path: str, hooks: Hooks) -> None:
    """A file with hard links is replaced under this name only: its other names keep the
    original (as with sed -i and every editor that saves by renaming), which the user should
    hear rather than discover."""
    try:
        others = os.stat(path).st_nlink - 1
    except OSError:
        return
    if others > 0:
        hooks.note(
            t(
                "{path}: has {count} other hard link(s); the repaired file replaces this name "
                "only, and the other names keep the original",
                "{path}: còn {count} liên kết cứng khác; tệp đã sửa chỉ thay thế tên này, các "
                "tên kia vẫn giữ bản gốc",
                path=path,
                count=others,
            )
        )


def _written(write: Callable[[], PatchResult], target: Path) -> PatchResult:
    try:
        return write()
    except ProcauditError:
        raise
    except OSError as exc:
        raise CannotWrite(target, exc) from None


def _keep_original(source: Path, backup: Path) -> None:
    """Copy the original to its backup, whole or not at all, refusing to overwrite one
    (checked before the run too; core.atomic.write_new closes the gap between that check
    and now)."""
    try:
        with source.open("rb") as original:
            write_new(backup, lambda kept: shutil.copyfileobj(original, kept))
        shutil.copystat(source, backup)
    except FileExistsError:
        raise CannotWrite(backup, FileExistsError(17, "the backup already exists")) from None
    except OSError as exc:
        raise CannotWrite(backup, exc) from None


def _findings(request: FixRequest, path: str, options: ReadOptions | None) -> tuple[Finding, ...]:
    """The findings of `path` (the copy, or with --diff the input) as `check` finds them with
    the same settings; the copy is read with the input's overrides (--sheet, --map)."""
    result = audit_sources([path], request.settings, options)
    if result.failures:  # the copy could not be read back: a bug of the writer, said plainly
        raise InputError(
            path,
            t(
                "cannot be audited after the fix: {message}",
                "không kiểm tra được sau khi sửa: {message}",
                message=result.failures[0].message,
            ),
        )
    return result.findings


def _rule_names() -> dict[str, str]:
    from procaudit.rules import all_rules

    return {rule.id: rule.name for rule in all_rules()}
