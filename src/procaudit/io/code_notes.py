"""Notes written in a code's cell after the code: "1.000660 (mới)", "1.000660\\n(mới)",
"2.002034 [sửa đổi]".

A decision's annex or a one-stop export marks what changed beside the code: the procedure is
new, amended, replaced. Read as the code, the cell is a malformed code (PA101, "a letter
where a digit belongs"), its row a procedure of no national code in the scorecard, and two
rows of one code are not compared as such. The code is what comes before the note: the
rules read it, and a code malformed under its note is reported for what is wrong with it
("1.0513980" has seven digits), and so is a label before it ("Mã: 1.000660 (mới)" is read
"Mã: 1.000660"). A note holds words only: a cell with a second code in it
("1.000178 (1.000179)", "1.000178; 1.000179") is left as written. `fix` still repairs the
cell as the file holds it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from procaudit.catalogue.text_columns import arrow_chunks, holding, map_distinct
from procaudit.io.name_codes import ANY_CODE

# A code, then a note in brackets or on the lines under it: words (letters, spaces, a few
# marks), no digit, so no second code, no date.
_NOTE = r"[^\W\d_](?:[^\d\n\[\]()]{0,38}[^\W\d_])?[.!]?"
# A label before the code ("Mã:", "Mã TTHC"): words, kept with the code for PA101 to name.
_LABEL = r"[^\W\d_][^\d\n]{0,24}?[:\s]\s*"
_WITH_NOTE = re.compile(
    rf"\s*(?P<code>(?:{_LABEL})?{ANY_CODE})\s*"
    rf"(?:[(\[]\s*{_NOTE}\s*[)\]]|\n\s*[(\[]?\s*{_NOTE}\s*[)\]]?)[.;,]?\s*"
)
# The characters a note's cell holds (its bracket or its line break): the cells to look at.
_NOTE_MARKS = "([\n"


def code_of(cell: str) -> str | None:
    """The code before a note in `cell` ("1.000660 (mới)" -> "1.000660"); None where the
    cell holds no code with a note."""
    found = _WITH_NOTE.fullmatch(cell)
    return found.group("code") if found else None


def drop_code_notes(frame: pd.DataFrame) -> int:
    """Read the codes of `frame`'s code column without the notes written after them (`frame`
    is changed in place); how many cells held one. Only the cells holding a bracket or a
    line break are looked at, each distinct one once."""
    if "code" not in frame:
        return 0
    codes = frame["code"]
    marked = holding(arrow_chunks(codes), _NOTE_MARKS)
    if not marked.any():
        return 0
    found = map_distinct(codes[marked], code_of)
    noted = found.notna()
    if not noted.any():
        return 0
    rows = found.index[noted.to_numpy(dtype=bool)]
    frame["code"] = codes.copy()
    frame.loc[rows, "code"] = found[rows]
    return int(np.count_nonzero(noted))
