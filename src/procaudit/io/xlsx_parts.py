"""Where an xlsx workbook keeps its sheets: the parts of its zip, by sheet name, read from the
workbook and its relationships (for the readers that look at a sheet's XML itself)."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# The same in a workbook saved as Strict Open XML (ISO namespaces)
_STRICT_MAIN = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"
_STRICT_REL_ID = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part in the zip, from the workbook and its relationships (in either
    the usual namespaces or Strict Open XML's)."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}  # not an xlsx (an ods, say)
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels")).iter(
            f"{_RELS}Relationship"
        )
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    parts = {}
    for main, rel_id in ((MAIN, _REL_ID), (_STRICT_MAIN, _STRICT_REL_ID)):
        for sheet in workbook.iter(f"{main}sheet"):
            target = targets.get(sheet.get(rel_id), "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            if part in names:
                parts[sheet.get("name", "")] = posixpath.normpath(part)
    return parts


# The package relationship to the workbook in a Strict Open XML file (Excel's "Strict Open
# XML Spreadsheet"): its parts use ISO namespaces that openpyxl does not know.
_STRICT_DOCUMENT = b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


def strict_open_xml(path: str | Path) -> bool:
    """Whether an xlsx file is saved as Strict Open XML, read from its package's
    relationships; False for anything that is not such a zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _STRICT_DOCUMENT in archive.read("_rels/.rels")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
