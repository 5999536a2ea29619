"""Write generated catalogues for the benchmarks: CSV (UTF-8) and xlsx (openpyxl's
write-only mode, the fastest it has), and an xlsx whose first column numbers its rows by
formula as Excel saves one (=ROW()-1 beside its value)."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path


def write_csv(path: Path, rows: list[list[str]], *, headers: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[str]], *, headers: list[str]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh mục")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def write_xlsx_numbered_by_formula(
    path: Path, rows: list[list[str]], *, headers: list[str]
) -> None:
    """`write_xlsx`, then each row's number in column A made the formula =ROW()-1 with its
    saved value, as Excel writes it: openpyxl saves a formula without its value."""
    plain = path.with_suffix(".plain.xlsx")
    write_xlsx(plain, rows, headers=headers)
    numbered = re.compile(rb'<c r="A(\d+)" t="inlineStr"><is><t>(\d+)</t></is></c>')
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = numbered.sub(rb'<c r="A\1"><f>ROW()-1</f><v>\2</v></c>', data)
            out.writestr(item, data)
    plain.unlink()
