"""The diff as JSON: the same bytes for the same two files (keys and changes in fixed order)."""

from __future__ import annotations

from typing import Any, TextIO

from procaudit.core.jsontext import dump
from procaudit.diff.model import Change, DiffResult
from procaudit.report.diff.formats import DiffRenderer


def document(result: DiffResult) -> dict[str, Any]:
    counts = {kind.value: count for kind, count in result.counts().items()}
    summary = {
        **counts,
        "unchanged": result.unchanged,
        "old_procedures": result.old.procedures,
        "new_procedures": result.new.procedures,
        "compared": list(result.compared),
        "not_compared": list(result.not_compared),
        "duplicate_codes": {"old": result.old.duplicate_codes, "new": result.new.duplicate_codes},
        "abolished_rows": {"old": result.old.abolished, "new": result.new.abolished},
    }
    return {
        "old": result.old.path,
        "new": result.new.path,
        "summary": summary,
        "changes": [_change(change) for change in result.changes],
    }


def _change(change: Change) -> dict[str, Any]:
    old, new = change.old_at, change.new_at
    return {
        "kind": change.kind.value,
        "code": change.code,
        "name": change.name,
        "fields": list(change.fields),
        "old": dict(change.old),
        "new": dict(change.new),
        "old_sheet": old.sheet if old else None,
        "old_row": old.row if old else None,
        "new_sheet": new.sheet if new else None,
        "new_row": new.row if new else None,
        "matched_by": change.matched_by.value if change.matched_by else None,
        "duplicate_code": change.duplicate_code,
    }


class JsonRenderer(DiffRenderer[TextIO]):
    def render(self, result: DiffResult, out: TextIO) -> None:
        dump(document(result), out)
