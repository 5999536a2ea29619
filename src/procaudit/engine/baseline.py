"""Baselines for nightly runs: record today's findings, then split a later run into new,
still present and fixed findings, so that --fail-on can apply to new findings only.

A finding is recognised by its fingerprint, never by its row: the rule, the file's name
(not its folder), the sheet, the procedure's code (or, without one, its normalised name,
or, without either, the offending value) and the column. Rows inserted, deleted or moved
above a finding leave its fingerprint unchanged. The GitLab Code Quality report uses the
same fingerprints.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from procaudit.core import jsontext
from procaudit.core.atomic import write_atomically
from procaudit.core.errors import UsageError
from procaudit.core.findings import (
    AuditResult,
    BaselineEntry,
    BaselineSplit,
    FailOn,
    FileFailure,
    Finding,
)
from procaudit.core.i18n import t
from procaudit.core.limits import MAX_FILE_SIZE_MB, MB
from procaudit.core.paths import not_a_state_file, shown_path
from procaudit.vn.text import comparison_key

FORMAT_VERSION = 1
MARKER = "procaudit_baseline"
_SEPARATOR = "\x1f"
_FOLDERS = re.compile(r"^.*[\\/]")  # a baseline written on Windows still matches on Linux


# --- fingerprints ---------------------------------------------------------------------------


@cache  # a run has a few files and tens of thousands of findings
def file_name(path: str) -> str:
    """The file's name without its folders: "data/2025/lao-cai.xlsx" -> "lao-cai.xlsx"."""
    return _FOLDERS.sub("", path)


def fingerprint_key(finding: Finding) -> str:
    """Rule, file name, sheet, who (code, else normalised name, else value) and column."""
    code = (finding.code or "").strip()
    name = finding.procedure
    if not name and finding.column == "name":
        name = finding.value
    if code:
        who = code
    elif name and name.strip():
        who = comparison_key(name)
    else:
        who = comparison_key(finding.value or "")
    parts = (finding.rule, file_name(finding.file), finding.sheet or "", who, finding.column or "")
    return _SEPARATOR.join(parts)


def fingerprint(finding: Finding) -> str:
    """The finding's fingerprint on its own (sha256, hex); see `fingerprints` for a run's."""
    return _digest(fingerprint_key(finding))


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """The fingerprint of each finding, in order, unique within the run.

    Findings that share a key (the two rows of a duplicate share code, name and column)
    get their occurrence number in it from the second on, so that a run and its baseline
    match them one to one: a third copy of a duplicated row is new, not already known.
    """
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        key = fingerprint_key(finding)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f"{_SEPARATOR}{seen[key]}"
        result.append(_digest(key))
    return result


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


# --- the baseline file ----------------------------------------------------------------------


ENTRY_KEYS = BaselineEntry._fields
_REQUIRED_TEXT = ("fingerprint", "rule", "file", "message")  # the rest may be null
_required = itemgetter(*(ENTRY_KEYS.index(key) for key in _REQUIRED_TEXT))
_TEXT_OR_NULL = {str, type(None)}


@dataclass(frozen=True)
class Baseline:
    """The findings recorded by `write_baseline`, as read back by `load_baseline`."""

    path: str
    entries: tuple[BaselineEntry, ...]


def entries_of(result: AuditResult) -> list[BaselineEntry]:
    """The run's findings as baseline entries, sorted."""
    entries = [
        BaselineEntry(fp, f.rule, f.file, f.sheet, f.code, f.procedure, f.column, f.message)
        for f, fp in zip(result.findings, fingerprints(result.findings), strict=True)
    ]
    return sorted(entries, key=BaselineEntry.sort_key)


def dumps(result: AuditResult) -> str:
    """The baseline's text: the same result gives the same bytes (no timestamps)."""
    entries = [e._asdict() for e in entries_of(result)]
    return jsontext.dumps({MARKER: FORMAT_VERSION, "findings": entries}) + "\n"


def write_baseline(result: AuditResult, path: str | os.PathLike[str]) -> None:
    """Record the run's findings in `path`, atomically: a reader sees the old baseline or
    the new one, never half of one, and nothing is left behind on failure."""
    target = Path(path)
    text = dumps(result).encode("utf-8")
    try:
        write_atomically(target, lambda stream: stream.write(text))
    except OSError as exc:
        raise UsageError(
            t(
                "Cannot write the baseline {path}: {reason}.",
                "Không ghi được tệp mốc {path}: {reason}.",
                path=target,
                reason=_reason(exc),
            )
        ) from exc


def load_baseline(path: str | os.PathLike[str], max_size: int = MAX_FILE_SIZE_MB * MB) -> Baseline:
    """Read a baseline written by `write_baseline`; UsageError when it cannot be used (a
    FIFO, a device or a file over `max_size` bytes too: none is read)."""
    where = shown_path(path)
    if problem := not_a_state_file(path, max_size):
        raise UsageError(
            t(
                "Cannot read the baseline {path}: {reason}.",
                "Không đọc được tệp mốc {path}: {reason}.",
                path=where,
                reason=problem,
            )
        )
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UsageError(
            t("The baseline {path} does not exist.", "Tệp mốc {path} không tồn tại.", path=where)
        ) from exc
    except UnicodeDecodeError as exc:
        raise UsageError(
            t(
                "The baseline {path} is not UTF-8 JSON text.",
                "Tệp mốc {path} không phải văn bản JSON mã hóa UTF-8.",
                path=where,
            )
        ) from exc
    except OSError as exc:
        raise UsageError(
            t(
                "Cannot read the baseline {path}: {reason}.",
                "Không đọc được tệp mốc {path}: {reason}.",
                path=where,
                reason=_reason(exc),
            )
        ) from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            t(
                "The baseline {path} is not JSON (line {line}: {problem}).",
                "Tệp mốc {path} không phải JSON (dòng {line}: {problem}).",
                path=where,
                line=exc.lineno,
                problem=exc.msg,
            )
        ) from exc
    except RecursionError:  # '[[[[…' thousands deep: no baseline is
        raise UsageError(
            t(
                "The baseline {path} is not a procaudit baseline: it is nested too deeply.",
                "Tệp mốc {path} không phải tệp mốc của procaudit: cấu trúc lồng nhau quá sâu.",
                path=where,
            )
        ) from None
    if _has_lone_surrogate(document):
        raise UsageError(
            t(
                "The baseline {path} is not a procaudit baseline: it holds an escaped "
                "half of a character (\\ud800 to \\udfff), which is no text.",
                "Tệp mốc {path} không phải tệp mốc của procaudit: tệp chứa một nửa ký tự "
                "được thoát (\\ud800 đến \\udfff), không phải văn bản.",
                path=where,
            )
        )
    return Baseline(where, _entries(document, where))


def _has_lone_surrogate(document: Any) -> bool:
    """Whether a JSON value holds a string no UTF-8 output could hold ("\\ud800" alone)."""
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _entries(document: Any, where: str) -> tuple[BaselineEntry, ...]:
    def bad(problem: str) -> UsageError:
        return UsageError(
            t(
                "The file {path} is not a procaudit baseline: {problem}.",
                "Tệp {path} không phải tệp mốc của procaudit: {problem}.",
                path=where,
                problem=problem,
            )
        )

    if not isinstance(document, dict) or MARKER not in document:
        raise bad(t('it has no "{key}" key', 'tệp không có khóa "{key}"', key=MARKER))
    version = document[MARKER]
    if version != FORMAT_VERSION:
        raise bad(
            t(
                "its format {version} is not {expected}",
                "định dạng {version} của tệp không phải {expected}",
                version=repr(version),
                expected=FORMAT_VERSION,
            )
        )
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise bad(t('"findings" is not a list', '"findings" không phải là danh sách'))
    return tuple(_entry(item, number, bad) for number, item in enumerate(findings, start=1))


def _entry(item: Any, number: int, bad: Callable[[str], UsageError]) -> BaselineEntry:
    if not isinstance(item, dict):
        raise bad(
            t(
                "finding {number} is not an object",
                "phát hiện thứ {number} không phải là đối tượng JSON",
                number=number,
            )
        )
    values = tuple(map(item.get, ENTRY_KEYS))
    # One quick test per entry, so that 85,000 load fast; key by key only to say what is wrong.
    if not (set(map(type, values)) <= _TEXT_OR_NULL and all(_required(values))):
        raise bad(_problem(values, number))
    return BaselineEntry._make(values)


def _problem(values: tuple[Any, ...], number: int) -> str:
    """What is wrong with an entry the quick test refused: its first key without text."""
    for key, value in zip(ENTRY_KEYS, values, strict=True):
        if key in _REQUIRED_TEXT and not (isinstance(value, str) and value):
            return t(
                'finding {number} has no "{key}"',
                'phát hiện thứ {number} không có "{key}"',
                number=number,
                key=key,
            )
        if value is not None and not isinstance(value, str):
            break
    return t(
        'the "{key}" of finding {number} is not text',
        '"{key}" của phát hiện thứ {number} không phải là văn bản',
        number=number,
        key=key,
    )


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


# --- comparing a run with its baseline ------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """A run split against a baseline.

    `unchecked` holds baseline entries of files this run did not audit (or could not
    read): they are neither fixed nor still present, just not looked at.
    """

    new: tuple[Finding, ...]
    still: tuple[Finding, ...]
    fixed: tuple[BaselineEntry, ...]
    unchecked: tuple[BaselineEntry, ...] = ()

    def exit_code(self, fail_on: FailOn, failures: Sequence[FileFailure] = ()) -> int:
        """0 clean, 1 NEW findings at or above `fail_on`, 2 an input could not be audited.
        Findings already in the baseline never fail the run."""
        return AuditResult((), self.new, failures=tuple(failures)).exit_code(fail_on)


def compare(result: AuditResult, baseline: Baseline) -> Comparison:
    """Match the run's findings with the baseline's by fingerprint, one to one."""
    known = {entry.fingerprint for entry in baseline.entries}
    new: list[Finding] = []
    still: list[Finding] = []
    present: set[str] = set()
    for finding, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        (still if fp in known else new).append(finding)
        present.add(fp)
    audited = {file_name(report.path) for report in result.files}
    fixed: list[BaselineEntry] = []
    unchecked: list[BaselineEntry] = []
    for entry in baseline.entries:
        if entry.fingerprint in present:
            continue
        (fixed if file_name(entry.file) in audited else unchecked).append(entry)
    return Comparison(tuple(new), tuple(still), tuple(fixed), tuple(unchecked))


def split(result: AuditResult, baseline: Baseline) -> AuditResult:
    """The result with its baseline split attached (new, still present, fixed)."""
    comparison = compare(result, baseline)
    return replace(
        result,
        baseline=BaselineSplit(
            str(baseline.path),
            frozenset(comparison.new),
            len(comparison.still),
            comparison.fixed,
            len(comparison.unchecked),
        ),
    )
