"""A digest of a workbook's content as openpyxl reads it back, for comparing the workbooks
procaudit writes before and after a change in how it writes them (issue 19).

The content is what an official sees and uses: every cell's value, type, bold, fill,
wrapping and comment, the columns' widths, the frozen panes, the filter, the print settings
and the document's marks; not the XML's bytes, which may change. `names`: each source file's
path, as the cells name it, is counted as its name here, so that a catalogue written in
another folder gives the same digest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl


def content(path: Path, names: dict[str, str] | None = None) -> dict[str, object]:
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames, f"{path} holds no sheet"
    properties = workbook.properties
    found: dict[str, object] = {
        "sheets": workbook.sheetnames,
        "marks": [properties.creator, properties.keywords, str(properties.created)],
    }
    for sheet in workbook.worksheets:
        cells = []
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style and cell.comment is None:
                    continue
                value = cell.value
                if isinstance(value, str):
                    for source, name in (names or {}).items():
                        value = value.replace(source, name)
                note = cell.comment
                cells.append(
                    [
                        cell.coordinate,
                        value,
                        cell.data_type,
                        cell.font.b,
                        cell.fill.fill_type,
                        cell.fill.fgColor.rgb,
                        cell.alignment.wrap_text,
                        cell.alignment.vertical,
                        None if note is None else [note.text, note.author],
                    ]
                )
        # Every workbook procaudit writes heads each sheet with a row of headings.
        assert cells, f"{path}: sheet {sheet.title!r} is empty"
        setup = sheet.page_setup
        fit = sheet.sheet_properties.pageSetUpPr
        found[sheet.title] = {
            "cells": cells,
            "size": [sheet.max_row, sheet.max_column],
            "panes": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "print": [sheet.print_title_rows, setup.orientation, setup.fitToWidth],
            "fit": [setup.fitToHeight, None if fit is None else fit.fitToPage],
            "widths": {key: dim.width for key, dim in sheet.column_dimensions.items()},
            "validations": [str(rule.sqref) for rule in sheet.data_validations.dataValidation],
        }
    return found


def content_digest(path: Path, names: dict[str, str] | None = None) -> str:
    text = json.dumps(content(path, names), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
