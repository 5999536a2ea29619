"""Write a repaired copy of a CSV file: the same encoding, delimiter, quoting and line ends,
every record without a change copied as it was, character for character.

The text is decoded without normalising it (the reader brings Windows-1258 text to NFC; the
copy must keep the bytes the official saved), split into records the way the readers split
them (a quote opens a field only at its start, a line break inside quotes belongs to the
field), and only the fields that change are written anew. UTF-8, UTF-16 and Windows-1258
each decode and encode one to one, so what is not rewritten comes back byte for byte.
UTF-8 text encoded twice (`io.encoding.TWICE_ENCODED`) is the exception: its copy is the
whole text as the readers saw it, in UTF-8.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from procaudit.core.atomic import write_atomically
from procaudit.core.changes import CellChange
from procaudit.core.i18n import t
from procaudit.io.csv_sniff import LINE_BREAK, sniff_delimiter
from procaudit.io.encoding import TWICE_ENCODED, decode
from procaudit.io.excel_text import as_formula_text, excel_shows, is_formula_text
from procaudit.io.patch_cells import (
    Outcome,
    PatchResult,
    changed_since,
    no_such_cell,
    not_encodable,
)

# Windows-1258 keeps a circumflex, breve or horn inside the letter and a tone as a mark after
# it: "ặ" is "ă" then a dot below. These are the marks the letters keep.
_IN_LETTER = frozenset("\u0302\u0306\u031b")
_QUOTED = re.compile(r'"(?:[^"]|"")*"')


@dataclass(frozen=True)
class _Codec:
    bom: bytes  # written before the text, as the original had it
    name: str  # Python's codec for the rest
    shown: str  # the encoding's name for the user


@dataclass(frozen=True)
class _Field:
    start: int  # offsets of the raw field in the text, quotes included
    end: int
    quoted: bool
    value: str  # the text the readers see
    formula: bool = False  # Excel's text formula (="1.000178"): its value is what Excel shows


def write_csv_copy(source: Path, changes: Sequence[CellChange], target: Path) -> PatchResult:
    data = source.read_bytes()
    once, encoding = decode(data, str(source))  # the readers' choice, so that rows agree
    codec = _codec(data, encoding)
    twice = encoding == TWICE_ENCODED
    # Text twice encoded is written as the letters the readers see: the copy is mended whole.
    text = once if twice else data[len(codec.bom) :].decode(codec.name)
    delimiter = sniff_delimiter(text)
    outcome = Outcome()
    wanted: dict[int, list[CellChange]] = {}
    for change in changes:
        if outcome.claim(change):
            wanted.setdefault(change.row, []).append(change)
    pieces: list[str] = []
    copied = 0  # text before this offset is in `pieces` already
    for line, start, end in _records(text, delimiter, frozenset(wanted)):
        fields = _fields(text, start, end, delimiter)
        replaced = _replace(fields, wanted.pop(line), codec, encoding, outcome)
        if not replaced:
            continue
        pieces.append(text[copied:start])
        pieces.append(_record(text, start, end, fields, replaced, delimiter))
        copied = end
    for missing in wanted.values():  # lines past the end, or inside another record
        for change in missing:
            outcome.skip(change, no_such_cell())
    if outcome.written or twice:
        pieces.append(text[copied:])
        body = codec.bom + "".join(pieces).encode(codec.name)
    else:
        body = data  # nothing to change: the very bytes
    write_atomically(target, lambda stream: stream.write(body))
    return outcome.result(changes, notes=[twice_mended()] if twice else ())


def twice_mended() -> str:
    return t(
        "the text was UTF-8 encoded twice: the copy holds it once encoded, every cell mended",
        "văn bản bị mã hóa UTF-8 hai lần: bản sao ghi lại văn bản mã hóa một lần, mọi ô đều "
        "được sửa",
    )


def _codec(data: bytes, encoding: str) -> _Codec:
    if encoding == "utf-8-sig" or data.startswith(codecs.BOM_UTF8):
        return _Codec(codecs.BOM_UTF8, "utf-8", "UTF-8")
    if encoding == "utf-16":
        if data.startswith(codecs.BOM_UTF16_LE):
            return _Codec(codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16")
        return _Codec(codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16")
    if encoding == "windows-1258":
        return _Codec(b"", "cp1258", "Windows-1258")
    return _Codec(b"", "utf-8", "UTF-8")


def _field_pattern(delimiter: str) -> str:
    d = re.escape(delimiter)
    # A quoted field (a doubled quote inside is one quote; what follows the closing quote up
    # to the delimiter is kept, as the parsers keep it), or any run of other characters.
    return rf'"(?:[^"]|"")*"[^{d}\r\n]*|[^{d}\r\n]*'


def _records(text: str, delimiter: str, lines: frozenset[int]) -> list[tuple[int, int, int]]:
    """(line it starts on, start, end) of each record starting on one of `lines`: the end
    excludes the line break. Stops after the last line wanted."""
    field = _field_pattern(delimiter)
    record = re.compile(rf"(?:{field})(?:{re.escape(delimiter)}(?:{field}))*")
    found: list[tuple[int, int, int]] = []
    last = max(lines, default=0)
    line, position = 1, 0
    while position < len(text) and line <= last:
        match = record.match(text, position)
        end = match.end() if match else position
        if line in lines:
            found.append((line, position, end))
        if match and '"' in match.group():  # line breaks inside quoted fields
            line += len(LINE_BREAK.findall(match.group()))
        brk = LINE_BREAK.match(text, end)
        if brk is None:  # the last record, without a final line break
            break
        line += 1
        position = brk.end()
    return found


def _fields(text: str, start: int, end: int, delimiter: str) -> list[_Field]:
    field = re.compile(_field_pattern(delimiter))
    fields: list[_Field] = []
    position = start
    while True:
        match = field.match(text, position, end)
        assert match is not None  # the pattern matches the empty field too
        raw = match.group()
        quoted = _QUOTED.match(raw) is not None
        if quoted:
            closing = _closing_quote(raw)
            value = raw[1:closing].replace('""', '"') + raw[closing + 1 :]
            formula = False
        else:
            formula = is_formula_text(raw)
            value = (excel_shows(raw) or "") if formula else raw
        fields.append(_Field(position, match.end(), quoted, value, formula))
        if match.end() >= end:
            return fields
        position = match.end() + len(delimiter)


def _closing_quote(raw: str) -> int:
    index = 1
    while True:
        index = raw.index('"', index)
        if raw.startswith('""', index):
            index += 2
            continue
        return index


def _replace(
    fields: list[_Field],
    changes: list[CellChange],
    codec: _Codec,
    encoding: str,
    outcome: Outcome,
) -> dict[int, str]:
    """Field position -> its new text, for the changes that apply."""
    replaced: dict[int, str] = {}
    for change in changes:
        if change.column >= len(fields):
            outcome.skip(change, no_such_cell())
            continue
        current = fields[change.column].value
        if encoding == "windows-1258":  # the readers see it in NFC
            current = unicodedata.normalize("NFC", current)
        if current != change.before:
            outcome.skip(change, changed_since(current))
            continue
        stored = _storable(change.after, codec)
        if stored is None:
            outcome.skip(change, not_encodable(codec.shown))
            continue
        replaced[change.column] = stored
        outcome.written.append(change)
    return replaced


def _storable(text: str, codec: _Codec) -> str | None:
    """`text` as the file's encoding stores it, or None when it cannot."""
    if codec.name == "cp1258":
        text = _windows_1258(text)
    try:
        text.encode(codec.name)
    except UnicodeEncodeError:
        return None
    return text


def _windows_1258(text: str) -> str:
    """Text in the form Windows-1258 holds: a letter it has whole stays whole, another is
    the letter with its circumflex, breve or horn, then its tone as a combining mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base, marks = decomposed[0], decomposed[1:]
            kept = "".join(mark for mark in marks if mark in _IN_LETTER)
            tones = "".join(mark for mark in marks if mark not in _IN_LETTER)
            char = unicodedata.normalize("NFC", base + kept) + tones
        out.append(char)
    return "".join(out)


def _record(
    text: str,
    start: int,
    end: int,
    fields: list[_Field],
    replaced: dict[int, str],
    delimiter: str,
) -> str:
    """The record with its replaced fields written anew and the rest copied as they were."""
    out = []
    position = start
    for index, field in enumerate(fields):
        if index not in replaced:
            continue
        out.append(text[position : field.start])
        new = replaced[index]
        out.append(as_formula_text(new) if field.formula else _quoted(new, delimiter, field.quoted))
        position = field.end
    out.append(text[position:end])
    return "".join(out)


def _quoted(value: str, delimiter: str, was_quoted: bool) -> str:
    needs = was_quoted or value.startswith('"') or any(c in value for c in (delimiter, "\r", "\n"))
    return '"' + value.replace('"', '""') + '"' if needs else value
