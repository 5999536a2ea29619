"""What a CSV file is before a parser reads it: the names it goes by, the delimiter its first
lines use (outside their quoted cells), the line ends it may have.

Free of pandas: the read-ahead (read_ahead.py) sniffs the first file while pandas is still
being imported.
"""

from __future__ import annotations

import re
from collections import Counter

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
_DELIMITERS = (",", ";", "\t", "|")
SNIFFED_LINES = 20
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # Windows, Unix and old Mac line ends alike


# A quoted cell, from a field's start (the quote first, for the engine's fast search; the
# character before it a delimiter or a line's end) to a field's end, possessive: a quote that
# closes no cell costs one scan. Its text says nothing of the delimiter: a legal basis's
# "Luật …;⏎- Nghị định …;" would otherwise make ';' the delimiter of a file of commas.
_QUOTED = re.compile(r'"(?<![^,;\t|\n]")[^"]*+(?:""[^"]*+)*+"(?=[,;\t|\n]|$)')


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into several cells, read
    outside their quoted cells."""
    head = "\n".join(LINE_BREAK.split(text, SNIFFED_LINES)[:SNIFFED_LINES])
    if '"' in head:
        head = _QUOTED.sub("", head)
    lines = [line for line in head.split("\n") if line.strip()]

    def score(delimiter: str) -> int:
        counts = Counter(line.count(delimiter) for line in lines)
        counts.pop(0, None)
        if not counts:
            return 0
        fields, lines_agreeing = counts.most_common(1)[0]
        return fields * lines_agreeing

    return max(_DELIMITERS, key=score)
