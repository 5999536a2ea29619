"""Whose catalogue a file is: the province or ministry named in its title block or file name.

The names are read by `vn.provinces` and `vn.ministries`, which know nothing of catalogues;
here they are applied to a catalogue as read, its title lines first.
"""

from __future__ import annotations

from procaudit.io import Catalogue
from procaudit.vn.ministries import owner_of
from procaudit.vn.provinces import province_of


def catalogue_province(catalogue: Catalogue) -> str | None:
    """`province_of` a catalogue as read: the title blocks of its tables, then its name."""
    title = (
        line
        for table in catalogue.tables
        if table.account is not None
        for line in table.account.title
    )
    return province_of(catalogue.path, title)


def catalogue_owner(catalogue: Catalogue) -> tuple[str | None, str | None]:
    """`owner_of` a catalogue as read: the title blocks of its tables, then its name."""
    title = (
        line
        for table in catalogue.tables
        if table.account is not None
        for line in table.account.title
    )
    return owner_of(catalogue.path, title)
