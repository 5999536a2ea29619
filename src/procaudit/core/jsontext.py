"""JSON text for the reports and the baseline.

`dumps` lays a document out byte for byte as `json.dumps(..., ensure_ascii=False, indent=2)`
does, but through orjson: the standard library indents in pure Python, and a report of
85,000 findings took 2.3 s of CPU where orjson takes 0.05 s. `compact` keeps the standard
one-line layout (", " and ": ") for JSON Lines, whose users may grep it. `dump` writes a
report's document to its stream, as bytes where the stream allows.

All write the control characters a cell may hold as escapes (`core.text_safety`): the
encoders escape C0 controls already, but leave DEL, the C1 controls and the bidirectional
overrides raw, which a terminal or a browser showing the file would act on (issue 20).
"""

from __future__ import annotations

import codecs
import io
import json
import os
from typing import Any, TextIO

import orjson

from procaudit.core.text_safety import escaped_in_json, escaped_in_json_utf8

# Numbers from numpy (a count taken with pandas) are written as numbers, not refused.
_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY

# One encoder for all lines: json.dumps would build one per call. No check for circular
# references: the documents are built here, from plain values.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def compact(document: Any) -> str:
    """The document as one line of text."""
    return escaped_in_json(_encode(document))


def dumps(document: Any) -> str:
    """The document as text, indented by 2; keys must be text."""
    try:
        data = orjson.dumps(document, option=_INDENTED)
    except orjson.JSONEncodeError:  # a lone surrogate, which orjson refuses: escaped below
        return escaped_in_json(json.dumps(document, ensure_ascii=False, indent=2))
    return escaped_in_json_utf8(data).decode()


def dump(document: Any, out: TextIO) -> None:
    """`dumps(document)` and a line end, written to `out`. Into a UTF-8 file (a report's)
    the encoder's bytes go as they are: the text of 85,000 findings is not decoded only to
    be encoded again (0.1 s)."""
    try:
        data = escaped_in_json_utf8(orjson.dumps(document, option=_INDENTED))
    except orjson.JSONEncodeError:
        out.write(dumps(document) + "\n")
        return
    buffer = getattr(out, "buffer", None)
    # Where no line end is translated: a text stream over a binary one, UTF-8, on POSIX.
    if (
        isinstance(out, io.TextIOWrapper)
        and isinstance(buffer, io.BufferedIOBase | io.RawIOBase)
        and codecs.lookup(out.encoding).name == "utf-8"
        and os.linesep == "\n"
    ):
        out.flush()
        buffer.write(data + b"\n")
    else:
        out.write(data.decode() + "\n")
