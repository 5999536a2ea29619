"""The mark procaudit leaves in the document properties of each workbook it writes (creator
and keywords), apart from the writer: a folder scan reads it to leave its own outputs out
(`app.own_outputs`), and importing the writer for it (openpyxl, pandas, the workbook parts)
cost a folder holding a workbook 0.4 s before its first file."""

from __future__ import annotations

OWN_MARK = "procaudit"
