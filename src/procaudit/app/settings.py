"""The effective settings of a run: defaults, then the configuration file, then the command
line, each value remembering where it came from (for `procaudit config`).

Lists merge the way ruff's do: `--select` replaces the file's `select`, while `ignore` and
`extend-select` from both places add up; so do `exclude` and `--exclude`.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procaudit.app.config import Config
from procaudit.rules.options import ONLINE_TARGET, REFORM_DATE

DEFAULT, COMMAND_LINE = "default", "command line"


@dataclass(frozen=True)
class CommandLine:
    """What the user typed; None or empty where they said nothing."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    header_row: str | None = None
    reference: Path | None = None
    forms_dir: Path | None = None
    online_target: float | None = None
    lang: str | None = None
    every_row: bool | None = None
    group_by: str | None = None
    exclude: tuple[str, ...] = ()
    log: Path | None = None


@dataclass(frozen=True)
class Setting:
    key: str
    value: Any
    source: str


@dataclass(frozen=True)
class Settings:
    config: Config
    line: CommandLine

    def _pick(self, key: str, line_value: Any, file_value: Any, default: Any) -> Setting:
        if line_value is not None and line_value != ():
            return Setting(key, line_value, COMMAND_LINE)
        if file_value is not None and file_value != ():
            return Setting(key, file_value, self.config.source or DEFAULT)
        return Setting(key, default, DEFAULT)

    @property
    def select(self) -> Setting:
        return self._pick("select", self.line.select, self.config.select, ())

    @property
    def extend_select(self) -> Setting:
        return self._pick("extend-select", (), self.config.extend_select, ())

    @property
    def ignore(self) -> Setting:
        merged = tuple(dict.fromkeys((*self.config.ignore, *self.line.ignore)))
        source = (
            COMMAND_LINE
            if self.line.ignore
            else (self.config.source if self.config.ignore else DEFAULT)
        )
        return Setting("ignore", merged, source or DEFAULT)

    @property
    def exclude(self) -> Setting:
        """The globs a folder scan leaves out: the file's and --exclude's together."""
        merged = tuple(dict.fromkeys((*self.config.exclude, *self.line.exclude)))
        source = (
            COMMAND_LINE
            if self.line.exclude
            else (self.config.source if self.config.exclude else DEFAULT)
        )
        return Setting("exclude", merged, source or DEFAULT)

    @property
    def log(self) -> Setting:
        """The file each run appends its one line to, or None."""
        return self._pick("log", self.line.log, self.config.log, None)

    def rule_prefixes(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(select, ignore) as `RuleSelection.parse` takes them; an empty select is all."""
        select = self.select.value
        if select and self.extend_select.value:
            select = (*select, *self.extend_select.value)
        return select, self.ignore.value

    @property
    def fail_on(self) -> Setting:
        return self._pick("fail-on", self.line.fail_on, self.config.fail_on, "error")

    @property
    def severity(self) -> Setting:
        return self._pick("severity", None, self.config.severity or None, {})

    @property
    def mapping(self) -> Setting:
        """Header -> column: the file's aliases and map, then --map on top."""
        from_file = {h: c for c, headers in self.config.aliases.items() for h in headers}
        from_file.update(self.config.mapping)
        if self.line.mapping:
            return Setting("map", {**from_file, **self.line.mapping}, COMMAND_LINE)
        return self._pick("map", None, from_file or None, {})

    @property
    def reference(self) -> Setting:
        return self._pick("reference", self.line.reference, self.config.reference, None)

    @property
    def forms_dir(self) -> Setting:
        return self._pick("forms-dir", self.line.forms_dir, self.config.forms_dir, None)

    @property
    def online_target(self) -> Setting:
        return self._pick(
            "online-target", self.line.online_target, self.config.online_target, ONLINE_TARGET * 100
        )

    @property
    def online_share(self) -> float:
        """The online target as the share PA505 and the scorecard compare with (80 -> 0.8):
        the one place a percentage becomes a fraction."""
        return float(self.online_target.value) / 100

    @property
    def reform_date(self) -> Setting:
        return self._pick("reform-date", None, self.config.reform_date, REFORM_DATE)

    @property
    def lang(self) -> Setting:
        """--lang, else PROCAUDIT_LANG, else the file's lang, else English."""
        from procaudit.core.i18n import ENVIRONMENT, language_from_environment

        environment = language_from_environment()
        if self.line.lang is None and environment is not None:
            return Setting("lang", environment, ENVIRONMENT)
        return self._pick("lang", self.line.lang, self.config.lang, "en")

    @property
    def every_row(self) -> Setting:
        """Row findings kept where a rule fails a whole column (procaudit.engine.floods)."""
        return self._pick("every-row", self.line.every_row, self.config.every_row, False)

    @property
    def group_by(self) -> Setting:
        """What a scorecard row stands for: a catalogue (province, ministry or file), or a
        unit of the agency column."""
        return self._pick("group-by", self.line.group_by, self.config.group_by, "catalogue")

    @property
    def provinces(self) -> Setting:
        return self._pick("provinces", None, self.config.provinces or None, {})

    def province_for(self, path: str) -> str | None:
        """The province the first `provinces` entry matching the file gives: a glob on its
        name or path, or a folder it is in ("data/lao-cai" = "Lào Cai")."""
        name, path = Path(path).name, os.path.normpath(path)
        for pattern, province in self.config.provinces.items():
            folder = os.path.normpath(pattern) + os.sep + "*"
            if any(
                fnmatch.fnmatch(text, glob)
                for text, glob in ((name, pattern), (path, pattern), (path, folder))
            ):
                return province
        return None

    def file_overrides(self, path: str) -> tuple[str | None, str | None]:
        """(sheet, header row) for one input: the command line, else the first [[files]]
        entry whose pattern matches the file's name or path."""
        sheet, header_row = self.line.sheet, self.line.header_row
        for entry in self.config.files:
            if fnmatch.fnmatch(Path(path).name, entry.pattern) or fnmatch.fnmatch(
                path, entry.pattern
            ):
                sheet = sheet if sheet is not None else entry.sheet
                header_row = header_row if header_row is not None else entry.header_row
                break
        return sheet, header_row

    def shown(self) -> list[Setting]:
        """Every setting, for `procaudit config`."""
        settings = [
            self.select,
            self.extend_select,
            self.ignore,
            self.fail_on,
            self.severity,
            self.mapping,
            self.reference,
            self.forms_dir,
            self.online_target,
            self.reform_date,
            self.lang,
            self.provinces,
            self.group_by,
            self.every_row,
            self.exclude,
            self.log,
        ]
        for entry in self.config.files:
            value = {"sheet": entry.sheet, "header-row": entry.header_row}
            settings.append(
                Setting(
                    f"files '{entry.pattern}'",
                    {k: v for k, v in value.items() if v is not None},
                    self.config.source or DEFAULT,
                )
            )
        return settings


def load_settings(
    config_path: Path | None = None, line: CommandLine | None = None, start: Path | None = None
) -> Settings:
    """The settings of a run: `line` (what was typed; nothing by default) over the
    configuration file `config_path`, else over the nearest one from `start` (the current
    folder) upward, else over the defaults. A file that cannot be used is a ProcauditError
    (ConfigError, or UsageError for a --config naming no file)."""
    from procaudit.app.config import MAX_CONFIG_SIZE, find_config, load_config
    from procaudit.core.errors import UsageError
    from procaudit.core.i18n import t
    from procaudit.core.paths import not_a_state_file

    if config_path is not None and (
        reason := not_a_state_file(config_path, MAX_CONFIG_SIZE, raise_with=None)
    ):
        raise UsageError(
            t(
                "--config {path}: cannot be read: {reason}",
                "--config {path}: không đọc được: {reason}",
                path=config_path,
                reason=reason,
            )
        )
    path = config_path or find_config(start or Path.cwd())
    if config_path is not None and not config_path.is_file():
        raise UsageError(
            t(
                "--config {path}: no such file",
                "--config {path}: không có tệp này",
                path=config_path,
            )
        )
    return Settings(load_config(path) if path else Config(), line or CommandLine())


def show_value(value: Any) -> str:
    """A setting's value as `procaudit config` prints it."""
    from procaudit.core.i18n import t

    none = t("(none)", "(không có)")
    if isinstance(value, tuple):
        return ", ".join(value) or none
    if isinstance(value, dict):
        return ", ".join(f"{k} = {v}" for k, v in value.items()) or none
    return none if value is None else str(value)
