"""What a read gives: the catalogue one input file held, and how it was read."""

from __future__ import annotations

from dataclasses import dataclass, field

from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.io.csv_dialect import CsvDialect
from procaudit.io.table import Table


@dataclass(frozen=True)
class Catalogue:
    """What one input file held, and how it was read."""

    path: str
    format: str
    tables: tuple[Table, ...]
    skipped_sheets: dict[str, str] = field(default_factory=dict)  # sheet -> why
    dialect: CsvDialect | None = None
    components: tuple[Table, ...] = ()  # dossier-components sheets (see components.py)
    notes: tuple[str, ...] = ()  # what the user should know about how the file was read


def with_procedures(catalogue: Catalogue) -> Catalogue:
    """The catalogue, for an audit, unless no table of it holds a procedure: a list with its
    header and nothing under it (an export of a search that found nothing) is no catalogue
    to pass a check on, as an empty file is none (`diff` compares it: the list began empty).
    A workbook with such a sheet beside a list is read."""
    if any(len(table.frame) for table in catalogue.tables):
        return catalogue
    raise InputError(
        catalogue.path,
        t("has a header but no procedure rows", "có dòng tiêu đề nhưng không có dòng thủ tục nào"),
    )
