"""What `procaudit fix` shows: a summary per file and rule for a person, one line per cell
with `--diff` (as `ruff --diff` has it), or every change as JSON for a program.

The JSON keys are stable and the same in both languages: each change has path, sheet, row,
cell, column, header, before, after, rules and safe; the summary counts them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from procaudit import __version__
from procaudit.core.i18n import t
from procaudit.core.text_safety import visible

if TYPE_CHECKING:
    from procaudit.app.fix import FileFix, FixOutcome
    from procaudit.core.changes import CellChange
    from procaudit.core.findings import Finding

SEVERITIES = ("error", "warning", "info")


def change_json(change: CellChange) -> dict[str, Any]:
    return {
        "path": change.path,
        "sheet": change.sheet,
        "row": change.row,
        "cell": change.cell,
        "column": change.column,
        "header": change.header,
        "before": change.before,
        "after": change.after,
        "rules": list(change.rules),
        "safe": change.safe,
    }


def outcome_json(outcome: FixOutcome) -> dict[str, Any]:
    """Every change of the run (planned with --diff, else written), each file's summary and
    the run's."""
    files = [_file_json(fixed) for fixed in outcome.files]
    changes = [change for fixed in outcome.files for change in fixed.changes]
    return {
        "procaudit": __version__,
        "diff": outcome.diff_only,
        "changes": [change_json(change) for change in changes],
        "files": files,
        "failures": [{"path": f.path, "message": f.message} for f in outcome.failures],
        "summary": {
            "files": len(outcome.files),
            "changes": len(changes),
            "safe": sum(change.safe for change in changes),
            "unsafe": sum(not change.safe for change in changes),
            "by_rule": dict(sorted(Counter(r for c in changes for r in c.rules).items())),
            "held_back": sum(fixed.held_back for fixed in outcome.files),
            "skipped": sum(len(fixed.skipped) for fixed in outcome.files),
            "remaining": _severities([f for fixed in outcome.files for f in fixed.remaining]),
            "exit_code": outcome.exit_code,
        },
    }


def _file_json(fixed: FileFix) -> dict[str, Any]:
    return {
        "path": fixed.path,
        "target": str(fixed.target) if fixed.target is not None else None,
        "backup": str(fixed.backup) if fixed.backup is not None else None,
        "converted_from": fixed.converted_from,
        "changes": len(fixed.changes),
        "by_rule": {rule: sum(counts) for rule, counts in fixed.by_rule().items()},
        "held_back": fixed.held_back,
        "skipped": [{**change_json(change), "reason": why} for change, why in fixed.skipped],
        "notes": list(fixed.notes),
        "losses": list(fixed.losses),  # those of the notes that say what the copy lost
        "remaining": _severities(fixed.remaining),
    }


def write_json(outcome: FixOutcome, out: TextIO) -> None:
    out.write(json.dumps(outcome_json(outcome), ensure_ascii=False, indent=2) + "\n")


# A combining mark (a tone stored apart from its letter, PA602's) looks the same as the
# composed letter: shown as its escape, a line of --diff tells the texts apart.
_COMBINING = re.compile("[\u0300-\u036f]")


def diff_line(change: CellChange) -> str:
    """`path:sheet!H12 PA603 'before' -> 'after'`: the texts as Python literals, so that a
    stray or non-breaking space shows, and a combining mark as its escape ('ky\\u0301')."""
    where = f"{change.sheet}!{change.cell}" if change.sheet is not None else change.cell
    before, after = (_marks_shown(repr(text)) for text in (change.before, change.after))
    return f"{change.path}:{where} {','.join(change.rules)} {before} -> {after}"


def _marks_shown(text: str) -> str:
    return _COMBINING.sub(lambda mark: f"\\u{ord(mark.group()):04x}", text)


def write_diff(outcome: FixOutcome, out: TextIO) -> None:
    for fixed in outcome.files:
        for change in fixed.changes:
            out.write(visible(diff_line(change)) + "\n")  # escape sequences shown, never run


def summary_lines(fixed: FileFix, names: dict[str, str], quiet: bool = False) -> list[str]:
    """The file's headline, then (unless quiet) a line per rule and what is left."""
    lines = [_headline(fixed)]
    if quiet:
        return lines
    for rule, (safe, unsafe) in fixed.by_rule().items():
        cells = _cells(safe + unsafe)
        if unsafe:
            cells += t(" ({unsafe} unsafe)", " ({unsafe} cần xem lại)", unsafe=unsafe)
        lines.append(f"  {rule} {names.get(rule, '')}: {cells}")
    lines.extend(held_back_lines(fixed))
    lines.extend(skipped_lines(fixed))
    if fixed.remaining:
        lines.append("  " + _remaining(fixed.remaining))
    return lines


def held_back_lines(fixed: FileFix) -> list[str]:
    """The line saying how many repairs only --unsafe-fixes makes; none when there are none."""
    if not fixed.held_back:
        return []
    return [
        "  "
        + t(
            "{count} more repair{s} with --unsafe-fixes",
            "thêm {count} sửa đổi nếu dùng --unsafe-fixes",
            count=fixed.held_back,
            s="" if fixed.held_back == 1 else "s",
        )
    ]


SHOWN_CELLS = 5  # cells named in a line of cells not changed for one reason


def skipped_lines(fixed: FileFix) -> list[str]:
    """A line per reason a planned change was not made, naming its cells: twenty cells that
    take their value from one formula's source are one line, not twenty."""
    by_reason: dict[str, list[CellChange]] = {}
    for change, why in fixed.skipped:
        by_reason.setdefault(why, []).append(change)
    lines = []
    for why, changes in by_reason.items():
        first = changes[0]
        places = [
            f"{first.sheet}!{first.cell}" if first.sheet is not None else first.cell,
            *(change.cell for change in changes[1:SHOWN_CELLS]),
        ]
        where = ", ".join(places)
        if len(changes) > SHOWN_CELLS:
            where += t(
                " and {more} more ({count} cells)",
                " và {more} ô khác ({count} ô)",
                more=len(changes) - SHOWN_CELLS,
                count=len(changes),
            )
        lines.append("  " + t("not changed", "không sửa") + f" {where}: {why}")
    return lines


def _headline(fixed: FileFix) -> str:
    safe = sum(change.safe for change in fixed.changes)
    unsafe = len(fixed.changes) - safe
    counts = _cells(len(fixed.changes))
    if unsafe:  # said only where a person has guesses to review
        counts += t(
            " ({safe} safe, {unsafe} unsafe)",
            " ({safe} an toàn, {unsafe} cần xem lại)",
            safe=safe,
            unsafe=unsafe,
        )
    if fixed.target is None:
        return t(
            "{path}: {counts} would be repaired (nothing written)",
            "{path}: {counts} sẽ được sửa (chưa ghi gì)",
            path=fixed.path,
            counts=counts,
        )
    if fixed.backup is not None:
        return t(
            "{path}: {counts} repaired in place (the original kept as {backup})",
            "{path}: đã sửa {counts} ngay trên tệp (tệp gốc được giữ tại {backup})",
            path=fixed.path,
            counts=counts,
            backup=fixed.backup,
        )
    return t(
        "{path} -> {target}: {counts} repaired",
        "{path} -> {target}: đã sửa {counts}",
        path=fixed.path,
        target=fixed.target,
        counts=counts,
    )


def _cells(count: int) -> str:
    return t("1 cell", "1 ô") if count == 1 else t("{n} cells", "{n} ô", n=count)


def _remaining(findings: tuple[Finding, ...]) -> str:
    counts = _severities(findings)
    words = {  # (one, several): Vietnamese has no plural
        "error": (t("error", "lỗi"), t("errors", "lỗi")),
        "warning": (t("warning", "cảnh báo"), t("warnings", "cảnh báo")),
        "info": (t("info", "thông tin"), t("info", "thông tin")),
    }
    parts = ", ".join(f"{counts[s]} {words[s][counts[s] != 1]}" for s in SEVERITIES if counts[s])
    if len(findings) == 1:
        return t(
            "1 finding remains for a person ({parts}): see procaudit check",
            "còn 1 phát hiện cần người xử lý ({parts}): xem procaudit check",
            parts=parts,
        )
    return t(
        "{count} findings remain for a person ({parts}): see procaudit check",
        "còn {count} phát hiện cần người xử lý ({parts}): xem procaudit check",
        count=len(findings),
        parts=parts,
    )


def _severities(findings: list[Finding] | tuple[Finding, ...]) -> dict[str, int]:
    counts = Counter(finding.severity.value for finding in findings)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}
