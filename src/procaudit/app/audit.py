"""The audit as procaudit's use cases run it: the settings decide the rules, their options and
the severities, the engine audits, and the scorecard is built on what it found.

`audit_files` is the Python API's way in (a notebook, a scheduler); `run_check`
(`procaudit.app.check`) and `audit_frame` (`procaudit.app.frames`) go through `audit_sources`
too, so that all three find the same findings in the same catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from procaudit.app.config import Config
from procaudit.app.hooks import Progress, StageDisplay, no_stage_display
from procaudit.app.settings import CommandLine, Settings
from procaudit.core.errors import UsageError
from procaudit.core.i18n import t

if TYPE_CHECKING:
    from procaudit.core.findings import AuditResult
    from procaudit.io import Catalogue, PerFile
    from procaudit.io.limits import Limits
    from procaudit.rules.options import RuleOptions
    from procaudit.rules.selection import RuleSelection


def default_settings() -> Settings:
    """The settings of a run given no configuration file and no flag."""
    return Settings(Config(), CommandLine())


def audit_files(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    read_options: PerFile = None,
    schema: Path | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
) -> AuditResult:
    """Audit catalogue files as `procaudit check` does (a file that cannot be read is among
    the result's `failures`, the others go on), with the scorecard; the defaults are those of
    a check without flags or configuration file (see `load_settings` for them). `jobs`: as
    `check --jobs`, at most that many worker processes, the same result."""
    return audit_sources(
        [str(path) for path in paths],
        settings or default_settings(),
        read_options,
        schema,
        lambda: nullcontext(progress),
        jobs,
    )


def audit_sources(
    sources: Sequence[str | Catalogue],
    settings: Settings,
    read_options: PerFile = None,
    schema: Path | None = None,
    stages: StageDisplay = no_stage_display,
    jobs: int = 1,
    on_read: Callable[[Catalogue], None] | None = None,
) -> AuditResult:
    """Audit files by path, or catalogues already read: the settings' rules with their
    options, then the settings' severities, provinces and scorecard. A ProcauditError for a
    selection, reference list or schema that cannot be used. `jobs`: at most that many
    worker processes, when a pool pays (`procaudit.engine.parallel`); the same result.
    `on_read` hears each catalogue read in this process (see `procaudit.engine.audit`)."""
    from procaudit.engine.audit import audit
    from procaudit.io.read import run_limits

    selection = rule_selection(settings)
    if read_options is None:
        read_options = settings_read_options(settings)
    options = rule_options(settings, run_limits(read_options))
    with stages() as progress:
        result = audit(
            sources,
            str(schema) if schema else None,
            read_options,
            options,
            selection,
            progress,
            every_row=settings.every_row.value,
            by_agency=settings.group_by.value == "agency",
            jobs=jobs,
            on_read=on_read,
        )
    return with_scorecard(result.with_severities(settings.severity.value), settings)


def settings_read_options(settings: Settings) -> PerFile:
    """How to read every file when nobody said: the settings' aliases and --map, the
    default limits."""
    from procaudit.io import ReadOptions

    return ReadOptions(mapping=settings.mapping.value)


def rule_selection(settings: Settings) -> RuleSelection:
    """The rules the settings select; a UsageError for an id or prefix no rule has (in the
    selection or the configuration's [severity]), or for a selection that leaves no rule to
    run: a typo would otherwise run nothing, or run everything unchanged, and say nothing."""
    from procaudit.rules import all_rules
    from procaudit.rules.selection import RuleSelection

    known = [rule.id for rule in all_rules()]
    select, ignore = settings.rule_prefixes()
    selection = RuleSelection.parse(list(select), list(ignore), known)
    if not any(selection.allows(rule) for rule in known):
        raise UsageError(
            t(
                "no rule is left to run: every rule selected ({select}) is also ignored ({ignore})",
                "không còn quy tắc nào để chạy: mọi quy tắc được chọn ({select}) đều bị bỏ "
                "qua ({ignore})",
                select=",".join(selection.select) or t("all", "tất cả"),
                ignore=",".join(selection.ignore),
            )
        )
    unknown = sorted(set(settings.severity.value) - set(known))
    if unknown:
        raise UsageError(
            t(
                "{source}: [severity] names {rule}, which is no rule (rule ids run from "
                "{first} to {last}; `procaudit rules` lists them)",
                "{source}: [severity] có {rule}, không phải mã quy tắc nào (mã quy tắc từ "
                "{first} đến {last}; lệnh `procaudit rules` liệt kê tất cả)",
                source=settings.severity.source,
                rule=unknown[0],
                first=min(known),
                last=max(known),
            )
        )
    return selection


def rule_options(settings: Settings, limits: Limits | None = None) -> RuleOptions:
    """What the rules need beyond the catalogue, from the settings; the reference list is
    read here, within the run's `limits` (an InputError when it cannot be)."""
    from procaudit.io.reference import load_reference
    from procaudit.rules.options import RuleOptions

    reference = settings.reference.value
    return RuleOptions(
        forms_dir=settings.forms_dir.value,
        reference=load_reference(str(reference), limits) if reference else None,
        online_target=settings.online_share,
        reform_date=settings.reform_date.value,
    )


def with_scorecard(result: AuditResult, settings: Settings) -> AuditResult:
    """The result with each file's province (the configuration's where neither the file's
    title nor its name gives one) and the run's scorecard."""
    from procaudit.engine.scorecard import build_scorecard, with_provinces

    result = with_provinces(result, settings.province_for)
    scorecard = build_scorecard(
        result, settings.online_share, settings.group_by.value, settings.severity.value
    )
    return replace(result, scorecard=scorecard)
