"""Text from a catalogue cell made safe for where procaudit writes it.

A cell may hold anything a file can: characters XML 1.0 cannot hold at all (which make a
workbook unreadable) and terminal escape sequences (`ESC ] 0 ; title BEL` retitles the
window, `ESC [ 2 J` clears the screen). Each output takes what it needs from here, once:
`xml_safe` for XML (workbooks, JUnit), `visible` for everything a person reads (the terminal,
Markdown, HTML, GitHub annotations, JUnit, the fix text, diff, inspect), `escaped_in_json` for
JSON (the reports, SARIF, GitLab, JSON Lines), `neutralise` for what a spreadsheet opens.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any, Final

from procaudit.core.findings import AuditResult, FileFailure, Finding

# Everything outside XML 1.0's Char production: C0 controls but tab and line ends, lone
# surrogates, and the two non-characters U+FFFE and U+FFFF.
NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a terminal acts on rather than shows: C0 controls but tab and line feed, DEL, the C1
# controls (U+009B is a one-character CSI on some terminals), and the bidirectional
# overrides and isolates that make text read other than it is stored.
CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# What a JSON encoder leaves raw that a viewer of the file would act on (C0 controls are
# escaped by every encoder already), and lone surrogates, which UTF-8 cannot hold.
_RAW_IN_JSON: Final = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Where UTF-8 may hold one of them (a lone surrogate it cannot): DEL, the C1 controls
# (C2 80-9F), the overrides and isolates (E2 80 AA-AE, E2 81 A6-A9), and a few more. Each
# pattern starts with one byte, which the regex engine looks for as fast as a plain search:
# a report of 35,000 findings is screened in 15 ms, where the class above takes 160 ms.
_MAYBE_RAW_IN_UTF8: Final = (
    re.compile(b"\xc2[\x80-\x9f]"),
    re.compile(b"\xe2[\x80\x81][\xa6-\xae]"),
)


def escaped_in_json(text: str) -> str:
    """JSON text with each control character still raw in it written as a `\\uXXXX` escape:
    a viewer (`cat`, `less`, a browser) shows the escape, and a parser reads back the very
    text of the cell. Valid wherever it is applied, since JSON's own syntax is ASCII: such a
    character can only be inside a string."""
    if not _RAW_IN_JSON.search(text):
        return text  # the usual case: one scan, no copy
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def escaped_in_json_utf8(data: bytes) -> bytes:
    """`escaped_in_json` of JSON text as UTF-8 (an encoder's bytes): the bytes are screened
    first, and most documents need no more than the screen."""
    if b"\x7f" not in data and not any(raw.search(data) for raw in _MAYBE_RAW_IN_UTF8):
        return data
    return escaped_in_json(data.decode()).encode()


def xml_safe(text: str, replacement: str = "\ufffd") -> str:
    """`text` with every character XML 1.0 forbids replaced (by default with U+FFFD, the
    replacement character; "" drops them)."""
    return NOT_XML.sub(replacement, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with each control character shown as its escape (`\\x1b`, `\\u202e`), so that a
    terminal or a viewer shows it instead of acting on it."""
    return CONTROL.sub(_escape, text)


# What a quoted cell would hide: whitespace but the plain space (a line break, a tab, a
# non-breaking or an unusual space), zero-width characters, the soft hyphen, the byte-order
# mark. A message quoting a cell shows each as Python writes it ('1.004921\n', '1.002359\xa0',
# as `procaudit fix --diff` does), so that the official sees what to remove.
UNSEEN: Final = (
    "\t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\xad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff"
)
_NAMED: Final = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


@cache
def _unseen() -> re.Pattern[str]:
    return re.compile(f"[{UNSEEN}]")  # when a message first quotes a cell: not at import


def shown(text: str) -> str:
    """`text` as a message quotes it: each character of `UNSEEN` written as its escape."""
    if text.isprintable():  # no line break, tab, NBSP, zero-width character: most cells
        return text
    return _unseen().sub(lambda match: _NAMED.get(match.group()) or _escape(match), text)


def visible_or_none(text: str | None) -> str | None:
    return None if text is None else visible(text)


def visible_finding(finding: Finding) -> Finding:
    """The finding with the text that came from the file (value, message, fix, places)
    shown visibly."""
    return finding._replace(
        file=visible(finding.file),
        sheet=visible_or_none(finding.sheet),
        column=visible_or_none(finding.column),
        code=visible_or_none(finding.code),
        value=visible_or_none(finding.value),
        message=visible(finding.message),
        fix=visible(finding.fix),
        procedure=visible_or_none(finding.procedure),
        examples=tuple(map(visible, finding.examples)),
        header=visible_or_none(finding.header),
    )


def visible_result(result: AuditResult) -> AuditResult:
    """The result as a person should read it: the text of every finding (and of the baseline's
    new ones, so that they still tell themselves apart) and every failure shown visibly."""
    texts = [str(part) for finding in result.findings for part in finding]
    texts += [text for failure in result.failures for text in (failure.path, failure.message)]
    if not CONTROL.search("".join(texts)):
        return result  # the usual case: nothing to show differently
    baseline = result.baseline
    if baseline is not None:
        baseline = replace(baseline, new=frozenset(map(visible_finding, baseline.new)))
    return replace(
        result,
        findings=tuple(map(visible_finding, result.findings)),
        failures=tuple(
            FileFailure(visible(failure.path), visible(failure.message))
            for failure in result.failures
        ),
        baseline=baseline,
    )


def visible_data(data: object) -> Any:
    """JSON-like data (dicts, lists, text) with every text in it shown visibly, keys too:
    what a view prints from an inspection."""
    if isinstance(data, str):
        return visible(data)
    if isinstance(data, dict):
        return {visible_data(key): visible_data(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return type(data)(map(visible_data, data))
    return data


FORMULA_STARTS: Final = ("=", "+", "-", "@")


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, prefixed with ' so that it stays text."""
    if text[:1] in ("\t", "\r") or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text
