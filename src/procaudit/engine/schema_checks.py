"""Checks that Pandera's YAML cannot express, registered so that schema files can name them."""

from __future__ import annotations

import pandas as pd
import pyarrow.compute as pc
from pandera import extensions

from procaudit.catalogue.text_columns import arrow_chunks


@extensions.register_check_method(supported_types=pd.Series)
def present(series: pd.Series) -> pd.Series:
    """True where the cell holds something other than blanks (use with `ignore_na: false`)."""
    texts = arrow_chunks(series.astype("str"))
    # Blank: empty, or only what `str.strip()` of a pyarrow column strips.
    blank = pc.or_(pc.equal(pc.binary_length(texts), 0), pc.utf8_is_space(texts))
    filled = pc.fill_null(pc.invert(blank), False)
    return pd.Series(filled.to_numpy(zero_copy_only=False), index=series.index)
