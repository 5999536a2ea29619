"""Write generated catalogues for the benchmarks: CSV (UTF-8) and xlsx (openpyxl's
write-only mode, the fastest it has)."""

from __future__ import annotations

import csv
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
