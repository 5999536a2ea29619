"""A finding on a value made of other rows' cells points at the cell that holds the defect.

A procedure laid out over several rows gives its value from cells of the rows under it
(`io.continuations`): a name broken over C30 "Bổ nhiệm lại" and C31 "Thừa  phát lại" is read
as one, and a forms cell left blank takes the forms listed under it. A finding on such a
value said "row 30 › name … Write it as 'Bổ nhiệm lại Thừa phát lại'": the joined text as
the repair of C30, which holds no defect, while C31's doubled space stayed. So before a
table's hits become findings:

- a value taken whole from one cell under its procedure's row points at that cell;
- a value joined from several cells is asked of each, by a rule that reads a text cell's
  own text (`Rule.describe_text`): each cell holding the defect gets its own finding, with
  the repair of its own text; a defect no cell holds (none here: a join adds one plain
  space) is no finding;
- a value joined from several cells, found at fault by a rule that judges the whole value (a
  district office among a procedure's agencies, one a sub-row: 'Sở Tư pháp' over 'UBND cấp
  huyện'), points at the one cell whose text its message quotes, if one does.

The finding keeps its procedure (code, name) and the hit its row, which the scorecard counts.
Rules comparing rows (`Rule.table_local`) keep their hits on the procedure's row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from procaudit.io import Table
from procaudit.rules import get_rule
from procaudit.rules.registry import DescribeText

CELL_ROW = "cell_row"  # a hit's column: the row of the cell it is about, where not its row's


def on_their_cells(table: Table, found: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """The hits with those on values of other rows' cells pointed at those cells;
    `positions`: each hit's position in the table's frame, -1 for a hit without a row."""
    if not table.parts or found.empty:
        return found
    columns = found["column"].to_numpy(dtype=object)
    rules = found["rule"].to_numpy(dtype=object)
    messages = found["message"].to_numpy(dtype=object)
    cell_row = np.full(len(found), np.nan)
    replaced: dict[int, list[dict[str, object]]] = {}  # hit -> the hits of its cells
    for column, parts in table.parts.items():
        chosen = np.flatnonzero((columns == column) & (positions >= 0))
        if not len(chosen):
            continue
        owners, first, count = np.unique(parts.at, return_index=True, return_counts=True)
        where = np.searchsorted(owners, positions[chosen])
        inside = where < len(owners)
        inside[inside] = owners[where[inside]] == positions[chosen[inside]]
        for hit, place in zip(chosen[inside].tolist(), where[inside].tolist(), strict=True):
            rule = get_rule(str(rules[hit]))
            if rule is not None and rule.table_local:
                continue
            start, size = int(first[place]), int(count[place])
            if size == 1:  # the value is that cell's
                cell_row[hit] = parts.row[start]
            elif rule is not None and rule.describe_text is not None:
                replaced[hit] = _cells_hits(
                    found.iloc[hit], rule.describe_text, parts.row, parts.text, start, size
                )
            else:
                quoted = _quoted_cell(str(messages[hit]), parts.text[start : start + size])
                if quoted is not None:
                    cell_row[hit] = parts.row[start + quoted]
    if not replaced and np.isnan(cell_row).all():
        return found
    pointed = found.assign(**{CELL_ROW: cell_row})
    if not replaced:
        return pointed
    kept = np.ones(len(found), dtype=bool)
    kept[list(replaced)] = False
    new = [hit for hits in replaced.values() for hit in hits]
    if not new:
        return pointed[kept].reset_index(drop=True)
    return pd.concat([pointed[kept], pd.DataFrame(new, columns=pointed.columns)], ignore_index=True)


def _quoted_cell(message: str, texts: np.ndarray) -> int | None:
    """Which of a value's cells the message quotes ('UBND cấp huyện'), where exactly one
    does; None where none or several do (or the message is left to be explained late)."""
    quoted = [
        place
        for place, text in enumerate(texts.tolist())
        if str(text).strip() and f"'{str(text).strip()}'" in message
    ]
    return quoted[0] if len(quoted) == 1 else None


def _cells_hits(
    hit: pd.Series,
    describe: DescribeText,
    rows: np.ndarray,
    texts: np.ndarray,
    start: int,
    size: int,
) -> list[dict[str, object]]:
    """The hit made one per cell of its value whose own text the rule finds fault with."""
    made: list[dict[str, object]] = []
    fields = {str(name): value for name, value in hit.items()}
    for row, text in zip(rows[start : start + size], texts[start : start + size], strict=True):
        said = describe(str(text))
        if said is not None:
            message, fix = said
            made.append({**fields, "value": text, "message": message, "fix": fix, CELL_ROW: row})
    return made
