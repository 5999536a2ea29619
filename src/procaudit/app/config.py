"""The configuration file: `procaudit.toml`, or `[tool.procaudit]` in `pyproject.toml`, found
from the current directory upward, or named with `--config FILE`.

Values are checked here, before any file is read: an unknown key or a bad value is one
sentence naming the key (exit 2). Command-line flags win over the file; `Setting.source`
says where each effective value came from, for `procaudit config`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from procaudit.core.errors import ProcauditError
from procaudit.core.i18n import LANGUAGES, t
from procaudit.core.paths import not_a_state_file, shown_path, unreachable

CONFIG_NAME = "procaudit.toml"
PYPROJECT = "pyproject.toml"
MAX_CONFIG_SIZE = 16 * 1024 * 1024  # bytes: a configuration is a page; a pyproject.toml a few
_SEVERITIES = ("error", "warning", "info")
_FAIL_ON = ("error", "warning", "info", "never")
_RULE_PREFIX = re.compile(r"PA\d{0,3}", re.IGNORECASE)
# What a scorecard row may stand for (`scorecard.GROUP_BY`, kept here free of imports).
GROUP_BY = ("catalogue", "agency")
# Keys also accepted as spelled with an underscore, as the documentation once gave them.
_OTHER_SPELLINGS = {"group_by": "group-by"}


class ConfigError(ProcauditError):
    """A configuration file that cannot be used."""


@dataclass(frozen=True)
class FileSettings:
    """Overrides for the files whose name matches `pattern` (a glob, e.g. "*-xa.xlsx")."""

    pattern: str
    sheet: str | None = None
    header_row: str | None = None


@dataclass(frozen=True)
class Config:
    """What a configuration file says; None or empty where it says nothing."""

    source: str | None = None  # the file it came from
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> severity
    fail_on: str | None = None
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column -> headers
    mapping: dict[str, str] = field(default_factory=dict)  # source header -> column
    files: tuple[FileSettings, ...] = ()
    reference: Path | None = None
    forms_dir: Path | None = None
    online_target: float | None = None  # a percentage, 0-100
    reform_date: date | None = None
    lang: str | None = None  # "vi" or "en": the language of reports and messages
    provinces: dict[str, str] = field(default_factory=dict)  # path or glob -> province
    every_row: bool | None = None  # keep the row findings of a rule failing a whole column
    group_by: str | None = None  # "catalogue" or "agency": what a scorecard row stands for
    exclude: tuple[str, ...] = ()  # globs a folder scan leaves out
    log: Path | None = None  # each run appends one line to it


def find_config(start: Path) -> Path | None:
    """The nearest procaudit.toml, or pyproject.toml with a [tool.procaudit] table, from
    `start` upward."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if unreachable(own):  # a folder the user may not enter holds no configuration of theirs
            continue
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "procaudit" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path) -> Config:
    """Read and check one configuration file."""
    data = _read(path)
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("procaudit", {})
        where = f"{path} [tool.procaudit]"
    else:
        where = str(path)
    return _parse(data, where, path.parent)


def _read(path: Path) -> dict[str, Any]:
    if problem := not_a_state_file(path, MAX_CONFIG_SIZE, raise_with=None):
        raise ConfigError(
            t(
                "{path}: cannot be read ({reason})",
                "{path}: không đọc được ({reason})",
                path=shown_path(path),
                reason=problem,
            )
        )
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(
            t(
                "{path}: cannot be read ({reason})",
                "{path}: không đọc được ({reason})",
                path=path,
                reason=exc.strerror,
            )
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            t(
                "{path}: is not valid TOML ({problem})",
                "{path}: không phải TOML hợp lệ ({problem})",
                path=shown_path(path),
                problem=exc,
            )
        ) from None
    except UnicodeDecodeError as exc:  # TOML is UTF-8; a file saved as Windows-1258 is not
        raise ConfigError(
            t(
                "{path}: is not UTF-8 text (byte {offset}): save it again as UTF-8",
                "{path}: không phải văn bản UTF-8 (byte {offset}): hãy lưu lại dạng UTF-8",
                path=shown_path(path),
                offset=exc.start,
            )
        ) from None
    except RecursionError:  # 'a = [[[[…' thousands deep: no configuration is
        raise ConfigError(
            t(
                "{path}: is not a procaudit configuration: it is nested too deeply",
                "{path}: không phải tệp cấu hình procaudit: cấu trúc lồng nhau quá sâu",
                path=shown_path(path),
            )
        ) from None


def _parse(data: dict[str, Any], where: str, base: Path) -> Config:
    parsers = {
        "select": lambda v, k: ("select", _rule_list(v, k)),
        "ignore": lambda v, k: ("ignore", _rule_list(v, k)),
        "extend-select": lambda v, k: ("extend_select", _rule_list(v, k)),
        "severity": lambda v, k: ("severity", _severities(v, k)),
        "fail-on": lambda v, k: ("fail_on", _choice(v, k, _FAIL_ON)),
        "aliases": lambda v, k: ("aliases", _aliases(v, k)),
        "map": lambda v, k: ("mapping", _mapping(v, k)),
        "files": lambda v, k: ("files", _files(v, k)),
        "reference": lambda v, k: ("reference", base / _text(v, k)),
        "forms-dir": lambda v, k: ("forms_dir", base / _text(v, k)),
        "online-target": lambda v, k: ("online_target", _percent(v, k)),
        "reform-date": lambda v, k: ("reform_date", _date(v, k)),
        "lang": lambda v, k: ("lang", _choice(v, k, LANGUAGES)),
        "provinces": lambda v, k: ("provinces", _provinces(v, k)),
        "every-row": lambda v, k: ("every_row", _flag(v, k)),
        "group-by": lambda v, k: ("group_by", _choice(v, k, GROUP_BY)),
        "exclude": lambda v, k: ("exclude", _globs(v, k)),
        "log": lambda v, k: ("log", base / _text(v, k)),
    }
    values: dict[str, Any] = {}
    for key, value in data.items():
        parse = parsers.get(_OTHER_SPELLINGS.get(key, key))
        if parse is None:
            known = ", ".join(sorted(parsers))
            raise ConfigError(
                t(
                    "{where}: unknown key '{key}' (known keys: {known})",
                    "{where}: khóa '{key}' không hợp lệ (các khóa hợp lệ: {known})",
                    where=where,
                    key=key,
                    known=known,
                )
            )
        try:
            name, parsed = parse(value, key)
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        values[name] = parsed
    return Config(source=where, **values)


def _text(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(
            t("'{key}' must be a non-empty string", "'{key}' phải là một chuỗi không rỗng", key=key)
        )
    return value


def _flag(value: object, key: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(
            t("'{key}' must be true or false", "'{key}' phải là true hoặc false", key=key)
        )
    return value


def _globs(value: object, key: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise ValueError(
            t(
                '\'{key}\' must be a list of glob patterns, e.g. ["reports", "*-old.xlsx"]',
                '\'{key}\' phải là danh sách mẫu đường dẫn, ví dụ ["reports", "*-old.xlsx"]',
                key=key,
            )
        )
    return tuple(item.strip() for item in items)


def _rule_list(value: object, key: str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise ValueError(
            t(
                "'{key}' must be a list of rule ids or prefixes, e.g. [\"PA2\"]",
                "'{key}' phải là danh sách mã quy tắc hoặc tiền tố mã, ví dụ [\"PA2\"]",
                key=key,
            )
        )
    rules = tuple(item.strip().upper() for item in items if item.strip())
    for rule in rules:
        if not _RULE_PREFIX.fullmatch(rule):
            raise ValueError(
                t(
                    "'{key}' has '{rule}', which is not a rule id or prefix",
                    "'{key}' có '{rule}', không phải mã quy tắc hay tiền tố mã",
                    key=key,
                    rule=rule,
                )
            )
    return rules


def _choice(value: object, key: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.lower() not in choices:
        raise ValueError(
            t(
                "'{key}' must be one of {choices}, not {value}",
                "'{key}' phải là một trong các giá trị {choices}, không phải {value}",
                key=key,
                choices=", ".join(choices),
                value=repr(value),
            )
        )
    return value.lower()


def _severities(value: object, key: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(
            t(
                "'{key}' must be a table of rule id = severity",
                "'{key}' phải là bảng dạng mã quy tắc = mức độ",
                key=key,
            )
        )
    out = {}
    for rule, severity in value.items():
        if not re.fullmatch(r"PA\d{3}", rule.upper()):
            raise ValueError(
                t(
                    "'{key}.{rule}' is not a rule id (like PA603)",
                    "'{key}.{rule}' không phải mã quy tắc (như PA603)",
                    key=key,
                    rule=rule,
                )
            )
        out[rule.upper()] = _choice(severity, f"{key}.{rule}", _SEVERITIES)
    return out


def _aliases(value: object, key: str) -> dict[str, tuple[str, ...]]:
    from procaudit.catalogue.columns import CANONICAL

    if not isinstance(value, dict):
        raise ValueError(
            t(
                "'{key}' must be a table of column = [headers]",
                "'{key}' phải là bảng dạng cột = [các tiêu đề]",
                key=key,
            )
        )
    out = {}
    for column, headers in value.items():
        if column not in CANONICAL:
            raise ValueError(
                t(
                    "'{key}.{column}' is not a canonical column ({columns})",
                    "'{key}.{column}' không phải cột chuẩn ({columns})",
                    key=key,
                    column=column,
                    columns=", ".join(CANONICAL),
                )
            )
        if isinstance(headers, str):
            headers = [headers]
        if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
            raise ValueError(
                t(
                    "'{key}.{column}' must be a list of headers",
                    "'{key}.{column}' phải là danh sách tiêu đề",
                    key=key,
                    column=column,
                )
            )
        out[column] = tuple(headers)
    return out


def _mapping(value: object, key: str) -> dict[str, str]:
    from procaudit.catalogue.columns import CANONICAL

    if not isinstance(value, dict):
        raise ValueError(
            t(
                '\'{key}\' must be a table of "HEADER" = "column"',
                '\'{key}\' phải là bảng dạng "TIÊU ĐỀ" = "cột"',
                key=key,
            )
        )
    for header, column in value.items():
        if column not in CANONICAL:
            raise ValueError(
                t(
                    "'{key}.\"{header}\"' names '{column}', which is not a "
                    "canonical column ({columns})",
                    "'{key}.\"{header}\"' ghi '{column}', không phải cột chuẩn ({columns})",
                    key=key,
                    header=header,
                    column=column,
                    columns=", ".join(CANONICAL),
                )
            )
    return dict(value)


def _files(value: object, key: str) -> tuple[FileSettings, ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(
            t(
                "'{key}' must be an array of tables ([[files]])",
                "'{key}' phải là mảng các bảng ([[files]])",
                key=key,
            )
        )
    out = []
    for number, entry in enumerate(value, start=1):
        where = f"{key}[{number}]"
        unknown = set(entry) - {"pattern", "sheet", "header-row"}
        if unknown:
            raise ValueError(
                t(
                    "'{where}' has an unknown key '{key}' (known: pattern, sheet, header-row)",
                    "'{where}' có khóa '{key}' không hợp lệ (các khóa hợp lệ: "
                    "pattern, sheet, header-row)",
                    where=where,
                    key=sorted(unknown)[0],
                )
            )
        pattern = _text(entry.get("pattern"), f"{where}.pattern")
        sheet = entry.get("sheet")
        header_row = entry.get("header-row")
        if sheet is not None and not isinstance(sheet, str | int):
            raise ValueError(
                t(
                    "'{where}.sheet' must be a sheet name or number",
                    "'{where}.sheet' phải là tên hoặc số thứ tự của trang tính",
                    where=where,
                )
            )
        if header_row is not None and not isinstance(header_row, str | int):
            raise ValueError(
                t(
                    "'{where}.header-row' must be N or \"N-M\"",
                    "'{where}.header-row' phải có dạng N hoặc \"N-M\"",
                    where=where,
                )
            )
        out.append(
            FileSettings(
                pattern,
                None if sheet is None else str(sheet),
                None if header_row is None else str(header_row),
            )
        )
    return tuple(out)


def _percent(value: object, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise ValueError(
            t(
                "'{key}' must be a percentage from 0 to 100, not {value}",
                "'{key}' phải là tỷ lệ phần trăm từ 0 đến 100, không phải {value}",
                key=key,
                value=repr(value),
            )
        )
    return float(value)


def _date(value: object, key: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(
        t(
            "'{key}' must be a date like 2025-07-01, not {value}",
            "'{key}' phải là ngày tháng như 2025-07-01, không phải {value}",
            key=key,
            value=repr(value),
        )
    )


def _provinces(value: object, key: str) -> dict[str, str]:
    """Path or glob -> one of the 34 provinces, its name as procaudit writes it."""
    from procaudit.core.i18n import t
    from procaudit.vn.provinces import province_named

    if not isinstance(value, dict):
        raise ValueError(
            t(
                '\'{key}\' must be a table of "path or glob" = "province"',
                '\'{key}\' phải là một bảng dạng "đường dẫn hoặc mẫu" = "tỉnh"',
                key=key,
            )
        )
    out = {}
    for pattern, name in value.items():
        province = province_named(name) if isinstance(name, str) else None
        if province is None:
            raise ValueError(
                t(
                    "'{key}.\"{pattern}\"' names {name!r}, which is not one of the 34 provinces "
                    "and "
                    'cities (e.g. "Lào Cai", "TP. Hồ Chí Minh")',
                    "'{key}.\"{pattern}\"' ghi {name!r}, không phải tên một trong 34 tỉnh, thành "
                    'phố (ví dụ "Lào Cai", "TP. Hồ Chí Minh")',
                    key=key,
                    pattern=pattern,
                    name=name,
                )
            )
        out[pattern] = province
    return out
