"""Checks that Pandera's YAML cannot express, registered so that schema files can name them."""

from __future__ import annotations

import pandas as pd
from pandera import extensions


@extensions.register_check_method(supported_types=pd.Series)
def present(series: pd.Series) -> pd.Series:
    """True where the cell holds something other than blanks (use with `ignore_na: false`)."""
    return series.notna() & series.astype("str").str.strip().ne("")
