"""Baselines for nightly runs: record today's findings, then split a later run into new,
still present and fixed findings, so that --fail-on can apply to new findings only.

A finding is recognised by its file and its fingerprint, never by its row. The baseline
records each file by its path relative to the baseline's own folder, which a run finds
whatever folder it is made from and however it names the file; a file named otherwise is
taken for a recorded one only when their paths end alike and no other file is as like
(`procaudit.engine.baseline_files`). Within a file the fingerprint is the rule, the file's
name, the sheet, the procedure's code (or, without one, its normalised name, or, without
either, the offending value) and the column, numbered from the second finding of the file
that shares them. Rows inserted, deleted or moved above a finding leave it unchanged.

A recorded finding this run could not check (its file was not read, or its rule did not run
on the file: not selected, or a column it needs missing) is neither fixed nor new; a baseline
written by the run keeps those of the run's files, so that one bad night does not make them
new the next. The GitLab Code Quality report uses the same fingerprints, keyed by the file's
path rather than its name.
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
from procaudit.core.i18n import first_few, t
from procaudit.core.limits import MAX_FILE_SIZE_MB, MB
from procaudit.core.paths import not_a_state_file, shown_path
from procaudit.engine.baseline_files import pair_files, recorded_path
from procaudit.vn.text import comparison_key

# Still 1: the entries kept their keys and fingerprints, so that an older procaudit reads a
# newer baseline (matching by file name, as it did) and this one reads older baselines.
FORMAT_VERSION = 1
MARKER = "procaudit_baseline"
# Said by a baseline whose entries' files are relative to its folder; older ones recorded
# them as their run named them.
PATHS_KEY = "paths"
PATHS_RELATIVE = "relative to this file's folder"
_SEPARATOR = "\x1f"
_FOLDERS = re.compile(r"^.*[\\/]")  # a baseline written on Windows still matches on Linux


# --- fingerprints ---------------------------------------------------------------------------


@cache  # a run has a few files and tens of thousands of findings
def file_name(path: str) -> str:
    """The file's name without its folders: "data/2025/lao-cai.xlsx" -> "lao-cai.xlsx"."""
    return _FOLDERS.sub("", path)


def fingerprint_key(finding: Finding, file: Callable[[str], str] = file_name) -> str:
    """Rule, file name (or what `file` makes of the path), sheet, who (code, else
    normalised name, else value) and column."""
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
    parts = (finding.rule, file(finding.file), finding.sheet or "", who, finding.column or "")
    return _SEPARATOR.join(parts)


def fingerprint(finding: Finding) -> str:
    """The finding's fingerprint on its own (sha256, hex); see `fingerprints` for a run's."""
    return _digest(fingerprint_key(finding))


def fingerprints(findings: Iterable[Finding], by_path: bool = False) -> list[str]:
    """The fingerprint of each finding, in order, unique within its file.

    Findings of a file that share a key (the two rows of a duplicate share code, name and
    column) get their occurrence number in it from the second on, so that a run and its
    baseline match them one to one: a third copy of a duplicated row is new, not already
    known. `by_path`: the key holds the file's path, not its name, so that the fingerprint
    is unique within the run (GitLab's, which has no file of its own to pair).
    """
    seen: dict[tuple[str, str], int] = {}
    result = []
    file = _as_is if by_path else file_name
    for finding in findings:
        key = fingerprint_key(finding, file)
        count = seen[finding.file, key] = seen.get((finding.file, key), 0) + 1
        if count > 1:
            key += f"{_SEPARATOR}{count}"
        result.append(_digest(key))
    return result


def _as_is(path: str) -> str:
    return path


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


# --- the baseline file ----------------------------------------------------------------------


ENTRY_KEYS = BaselineEntry._fields
_REQUIRED_TEXT = ("fingerprint", "rule", "file", "message")  # the rest may be null
_required = itemgetter(*(ENTRY_KEYS.index(key) for key in _REQUIRED_TEXT))
_TEXT_OR_NULL = {str, type(None)}


@dataclass(frozen=True)
class Baseline:
    """The findings recorded by `write_baseline`, as read back by `load_baseline`.

    `folder`: the baseline's own folder (absolute); `relative`: its entries name their files
    relative to it (an older baseline named them as its run was given them)."""

    path: str
    entries: tuple[BaselineEntry, ...]
    folder: str = "."
    relative: bool = False


def entries_of(result: AuditResult, folder: str = ".") -> list[BaselineEntry]:
    """The run's findings as the entries of a baseline in `folder`, sorted."""
    where = {path: recorded_path(path, folder) for path in {f.file for f in result.findings}}
    entries = [
        BaselineEntry(fp, f.rule, where[f.file], f.sheet, f.code, f.procedure, f.column, f.message)
        for f, fp in zip(result.findings, fingerprints(result.findings), strict=True)
    ]
    return sorted(entries, key=BaselineEntry.sort_key)


def dumps(result: AuditResult, folder: str = ".", kept: Iterable[BaselineEntry] = ()) -> str:
    """The text of a baseline in `folder`: the run's findings, and the recorded entries
    `kept` (named by the run's paths). The same result gives the same bytes (no timestamps)."""
    entries = entries_of(result, folder)
    written = {(entry.file, entry.fingerprint) for entry in entries}
    for entry in kept:
        entry = entry._replace(file=recorded_path(entry.file, folder))
        if (entry.file, entry.fingerprint) not in written:
            written.add((entry.file, entry.fingerprint))
            entries.append(entry)
    entries.sort(key=BaselineEntry.sort_key)
    document = {
        MARKER: FORMAT_VERSION,
        PATHS_KEY: PATHS_RELATIVE,
        "findings": [entry._asdict() for entry in entries],
    }
    return jsontext.dumps(document) + "\n"


def write_baseline(
    result: AuditResult, path: str | os.PathLike[str], previous: Baseline | None = None
) -> tuple[BaselineEntry, ...]:
    """Record the run's findings in `path`, atomically: a reader sees the old baseline or
    the new one, never half of one, and nothing is left behind on failure. The entries of
    `previous` this run could not check on its own files (a file not read, a rule not run)
    are kept: they are returned, named by the run's paths."""
    target = Path(path)
    kept = compare(result, previous).kept if previous is not None else ()
    text = dumps(result, folder_of(target), kept).encode("utf-8")
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
    return kept


def folder_of(path: str | os.PathLike[str]) -> str:
    """The folder a baseline's entries are relative to: the baseline's own, absolute."""
    return os.path.dirname(os.path.abspath(path))


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
    relative = isinstance(document, dict) and document.get(PATHS_KEY) == PATHS_RELATIVE
    return Baseline(where, _entries(document, where), folder_of(path), relative)


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

    `unchecked` holds the baseline's entries this run could not check: of files it did not
    audit or could not read, of rules it did not run on their file. They are neither fixed
    nor still present, just not looked at. `kept`: those of them that belong to the run's
    own files, named by the run's paths, which a baseline the run writes keeps.
    """

    new: tuple[Finding, ...]
    still: tuple[Finding, ...]
    fixed: tuple[BaselineEntry, ...]
    unchecked: tuple[BaselineEntry, ...] = ()
    kept: tuple[BaselineEntry, ...] = ()

    def exit_code(self, fail_on: FailOn, failures: Sequence[FileFailure] = ()) -> int:
        """0 clean, 1 NEW findings at or above `fail_on`, 2 an input could not be audited.
        Findings already in the baseline never fail the run."""
        return AuditResult((), self.new, failures=tuple(failures)).exit_code(fail_on)


def compare(result: AuditResult, baseline: Baseline) -> Comparison:
    """Match the run's findings with the baseline's, file by file and fingerprint by
    fingerprint, one to one. A fixed entry is named by the run's path of its file."""
    audited = {report.path: None for report in result.files}
    run_files = [*audited, *(failure.path for failure in result.failures)]
    recorded = (entry.file for entry in baseline.entries)
    pairs = pair_files(run_files, recorded, baseline.folder, baseline.relative)
    known = {(entry.file, entry.fingerprint) for entry in baseline.entries}
    new: list[Finding] = []
    still: list[Finding] = []
    present: set[tuple[str | None, str]] = set()
    for finding, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        key = (pairs.get(finding.file), fp)
        if key in known:
            still.append(finding)
            present.add(key)
        else:
            new.append(finding)
    run_file = {recorded_file: path for path, recorded_file in pairs.items()}
    checked = _checked(result)
    fixed: list[BaselineEntry] = []
    unchecked: list[BaselineEntry] = []
    kept: list[BaselineEntry] = []
    for entry in baseline.entries:
        if (entry.file, entry.fingerprint) in present:
            continue
        path = run_file.get(entry.file)
        if path is None:  # a file this run was not given
            unchecked.append(entry)
            continue
        entry = entry._replace(file=path)
        if path in audited and checked(entry.rule, path):
            fixed.append(entry)
        else:
            unchecked.append(entry)
            kept.append(entry)
    return Comparison(tuple(new), tuple(still), tuple(fixed), tuple(unchecked), tuple(kept))


def _checked(result: AuditResult) -> Callable[[str, str], bool]:
    """Whether the run checked a rule on a file: the rule ran, and not skipped there."""
    ran = None if result.checked_rules is None else frozenset(result.checked_rules)
    skipped = {(skip.rule, skip.file) for skip in result.skipped}

    def checked(rule: str, path: str) -> bool:
        return (ran is None or rule in ran) and (rule, path) not in skipped

    return checked


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


def read_baseline(
    result: AuditResult, read: str | os.PathLike[str] | None, max_size: int = MAX_FILE_SIZE_MB * MB
) -> tuple[AuditResult, Baseline | None]:
    """The run's result split against the baseline `read` (new, still present, fixed), and
    that baseline (None without one). A UsageError for a baseline that cannot be read."""
    if read is None:
        return result, None
    previous = load_baseline(read, max_size)
    return split(result, previous), previous


def record_baseline(
    result: AuditResult, write: str | os.PathLike[str], previous: Baseline | None
) -> list[str]:
    """Record the run's findings in `write`, keeping what the run could not check of
    `previous`'s entries for its files; the notes that say what was kept. A UsageError for a
    baseline that cannot be written."""
    kept = write_baseline(result, write, previous)
    return [_kept_note(kept, write)] if kept else []


_SHOWN_FILES = 3  # files named in the note; the others counted


def _kept_note(kept: Sequence[BaselineEntry], path: str | os.PathLike[str]) -> str:
    files = sorted({entry.file for entry in kept})
    shown = first_few(files, _SHOWN_FILES, (" and {more} more files", " và {more} tệp khác"))
    return t(
        "the baseline {path} keeps {count} recorded findings this run could not check "
        "(the file was not read, or the rule did not run on it) in {files}",
        "tệp mốc {path} giữ lại {count} phát hiện đã ghi mà lần chạy này không kiểm tra "
        "được (tệp không đọc được, hoặc quy tắc không chạy trên tệp) trong {files}",
        path=shown_path(path),
        count=len(kept),
        files=shown,
    )
