"""The messages and fixes of the hits of rules that explain them late (`Rule.explain`).

With `--reference`, PA406 flags ~986,000 codes of a million rows, which become one column
finding; working out the closest national code and writing a message for each took longer
than finding them. Such a rule's check leaves its messages and fixes empty, and they are
filled in here for the hits that are shown: every hit with `--every-row`, else those that
stay row findings, the value floods' candidates and each column flood's first
(`engine.hit_findings`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from procaudit.rules import Rule, get_rule
from procaudit.rules.context import RuleContext


def explaining(found: pd.DataFrame) -> bool:
    """Whether some of the hits are of a rule that explains them late."""
    return bool(_late(found))


def explained(found: pd.DataFrame, context: RuleContext | None) -> pd.DataFrame:
    """`found` (a table's hits, or some of them) with the message and fix of each hit of a
    rule that explains them late filled in."""
    late = _late(found)
    if not late:
        return found
    if context is None:
        raise ValueError("hits of rules that explain them late need the table's RuleContext")
    messages = found["message"].to_numpy(dtype=object, copy=True)
    fixes = found["fix"].to_numpy(dtype=object, copy=True)
    rule_ids = found["rule"].to_numpy(dtype=object)
    for rule in late:
        assert rule.explain is not None
        # Its check's hits, which it left empty (a user's schema may reuse a rule's id).
        at = np.flatnonzero((rule_ids == rule.id) & (messages == ""))
        if not len(at):
            continue
        hits = found.iloc[at].set_index("index").rename_axis(None)
        hits.index = hits.index.astype("int64")  # float where other hits have no row
        said, fixed = rule.explain(context, hits)
        messages[at] = np.asarray(said, dtype=object)
        fixes[at] = np.asarray(fixed, dtype=object)
    return found.assign(message=messages, fix=fixes)


def _late(found: pd.DataFrame) -> list[Rule]:
    rules = (get_rule(rule_id) for rule_id in found["rule"].unique().tolist())
    return [rule for rule in rules if rule is not None and rule.explain is not None]
