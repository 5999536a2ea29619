"""The 2025 reform: two-tier local government, no district level since 1 July 2025."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from procaudit.model import Severity
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits
from procaudit.rules.registry import frame_rule
from procaudit.text import map_distinct

# "Cấp huyện" alone or as one of several levels ("Cấp tỉnh, Cấp huyện").
_DISTRICT_LEVEL_RE = re.compile(r"(?:^|[,;\n])\s*(?:cấp\s+)?huyện\s*(?:$|[,;\n])")


def _is_district_level(level: str) -> bool:
    # Not `comparison_key`: it folds the line breaks that separate levels into spaces.
    return _DISTRICT_LEVEL_RE.search(unicodedata.normalize("NFC", level).lower()) is not None


def _fix(level: str) -> str:
    parts = [p.strip() for p in level.replace(";", ",").replace("\n", ",").split(",")]
    remaining = [p for p in parts if p and "huyện" not in p.lower()]
    if remaining:
        return (
            f"Remove 'Cấp huyện' (leaving '{', '.join(remaining)}'), after checking which "
            "level took over the district's part of the procedure."
        )
    return (
        "Set the level that took the procedure over (most district tasks passed to Cấp xã, "
        "some to Cấp tỉnh), or remove the procedure from the list in force."
    )


@frame_rule("PA501", "district-level", Severity.ERROR, columns=("level",))
def district_level(ctx: RuleContext) -> pd.DataFrame:
    """A procedure at "Cấp huyện", a level that no longer exists.

    Since 1 July 2025 local government has two tiers, province and commune: the district
    level ended, and its procedures passed to the communes or the province. A list in force
    that still puts a procedure at the district level sends citizens to an office that is
    gone.

    **Bad**
    ```
    Cấp huyện
    Cấp tỉnh, Cấp huyện
    ```

    **Good**
    ```
    Cấp xã
    Cấp tỉnh
    ```

    **Fix**: set the level that took the procedure over, or remove the procedure from the
    list in force.
    """
    frame = ctx.frame
    levels = frame["level"]
    district = map_distinct(levels, _is_district_level, dtype="boolean").fillna(False).astype(bool)
    fixes = levels[district].map(_fix)
    return hits(
        frame,
        district,
        "level",
        "The district level (Cấp huyện) ended on 1 July 2025.",
        fixes,
    )
