"""What a frame rule returns: the offending rows of the frame, with a message and a fix each."""

from __future__ import annotations

import pandas as pd

HIT_COLUMNS = ("column", "value", "message", "fix")


def hits(
    frame: pd.DataFrame,
    mask: pd.Series,
    column: str,
    message: str | pd.Series,
    fix: str | pd.Series,
    severity: str | None = None,
) -> pd.DataFrame:
    """Hits for the rows where `mask` holds; `message` and `fix` may vary per row.

    `severity` overrides the rule's own for these hits (a milder case of the same defect)."""
    index = frame.index[mask.fillna(False).astype(bool)]
    out = pd.DataFrame(index=index)
    out["column"] = column
    out["value"] = frame.loc[index, column] if column in frame else None
    out["message"] = message if isinstance(message, str) else message.loc[index]
    out["fix"] = fix if isinstance(fix, str) else fix.loc[index]
    if severity is not None:
        out["severity"] = severity
    return out


def no_hits() -> pd.DataFrame:
    return pd.DataFrame(columns=list(HIT_COLUMNS))


FILE_HIT_COLUMNS = ("sheet", "row", "code", "column", "value", "message", "fix")


def file_hits(records: list[dict[str, object]]) -> pd.DataFrame:
    """Hits of a file rule: each record names its own sheet, row and code (None where the
    finding is about the whole file or about a procedure the file lacks)."""
    frame = pd.DataFrame.from_records(records, columns=list(FILE_HIT_COLUMNS))
    return frame.astype("object").where(frame.notna(), None)
