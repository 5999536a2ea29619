"""What a file holds, from its first bytes, whatever its name says.

A file's extension often lies. Web systems' "Xuất Excel" button writes an HTML table, or
Excel 2003's XML, and names it .xls (Vietnamese one-stop systems do); a workbook is renamed
by hand from .xlsx to .xls or back; Excel's "Unicode Text" is tab-separated UTF-16 text that
keeps the .xls name. Each is read by the reader its content needs: a zip ('PK', xlsx, xlsm,
ods) or an OLE2 container (xls) by the workbook reader, markup by the HTML or SpreadsheetML
reader, text by the CSV reader. The name decides only among what the bytes leave open.

Free of pandas: it decides the reader before any is imported.
"""

from __future__ import annotations

import codecs
from typing import Final, Literal

ZIP: Final = b"PK"  # xlsx, xlsm, xlsb, ods
OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # xls (or an xlsx encrypted by Excel)
_ODS_MIMETYPE: Final = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
SPREADSHEETML: Final = "urn:schemas-microsoft-com:office:spreadsheet"
_HTML_MARKS: Final = ("<table", "<html", "<!doctype html", "<meta", "<body", "<head", "<tr")
_CONTROL_BYTES: Final = bytes(sorted(frozenset(range(32)) - {9, 10, 12, 13}))
_BINARY_SHARE: Final = 0.05  # text files hold next to no control bytes; binary files ~10 %

# What the first bytes say: a workbook (zip or OLE2), a web page, Excel 2003 XML, text (a
# delimited table), nothing, or something else.
Content = Literal["zip", "ole2", "html", "xml", "text", "empty", "binary"]

# The readers `reader_for` names.
Reader = Literal["workbook", "html", "spreadsheetml", "csv"]

MARKUP_SUFFIXES: Final = frozenset({".htm", ".html", ".xml"})


def content_of(head: bytes) -> Content:
    """What the first bytes of a file (a few kilobytes) show it holds."""
    if not head:
        return "empty"
    if head.startswith(ZIP):
        return "zip"
    if head.startswith(OLE2):
        return "ole2"
    text = _head_text(head)
    if text is None:
        return "binary"
    start = text.lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<"):
        if start.startswith("<?xml") and not start.startswith("<?xml-stylesheet"):
            return "html" if "<html" in start else "xml"  # XHTML is a web page
        if any(mark in start for mark in _HTML_MARKS):
            return "html"
    return "text"


def _head_text(head: bytes) -> str | None:
    """The first bytes as text, to look at: UTF-16 or UTF-8 by their byte-order mark, else
    UTF-8 with what does not decode replaced (a Windows-1258 file); None for binary bytes."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    # Counted by deleting them (in C), as the CSV reader counts them.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if b"\0" in head or controls > _BINARY_SHARE * len(head):
        return None
    return head.decode("utf-8", errors="replace")


def workbook_kind(head: bytes, suffix: str) -> str:
    """The kind of workbook a zip or OLE2 file is, for the report ("xlsx", "ods", "xls"):
    its name's when that fits its content, else the content's."""
    if head.startswith(OLE2):
        return "xls"
    if _ODS_MIMETYPE in head[:100]:  # an ods starts with its uncompressed mimetype
        return "ods"
    return suffix.lstrip(".") if suffix in (".xlsx", ".xlsm", ".xlsb") else "xlsx"


def misnamed(head: bytes, suffix: str) -> bool:
    """Whether a workbook's bytes are not what its name says (an xlsx named .xls): a
    reader that goes by the name must be given the file's content instead."""
    if head.startswith(OLE2):
        return suffix != ".xls"
    return suffix not in (".xlsx", ".xlsm", ".xlsb", ".ods") or workbook_kind(
        head, suffix
    ) != suffix.lstrip(".")


def reader_for(content: Content, suffix: str, csv_suffixes: frozenset[str]) -> Reader | None:
    """The reader a file needs: a workbook or markup by its bytes, whatever its name (a web
    page saved as .csv starts with a tag no CSV line does); text by the CSV reader; a file
    named as CSV stays CSV otherwise (its reader refuses binary bytes). None: left to the
    name (empty, or binary garbage named as a workbook, which the workbook reader refuses
    with its message)."""
    if content in ("zip", "ole2"):
        return "workbook"
    if content == "html":
        return "html"
    if content == "xml":  # its reader tells Excel 2003's XML from any other
        return "spreadsheetml"
    if suffix in csv_suffixes or content == "text":
        return "csv"
    return None
