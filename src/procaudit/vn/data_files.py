"""The CSV lists kept in data/ (ministries, agencies, their abbreviations, the central
cities), read one way for every module of the domain: UTF-8, as rows keyed by the header.
"""

from __future__ import annotations

import csv
import io
from importlib import resources


def data_rows(file_name: str) -> list[dict[str, str]]:
    """The rows of data/`file_name`, each a dictionary from its header's names to its cells."""
    source = resources.files("procaudit.vn").joinpath(f"data/{file_name}")
    # Opened as bytes and decoded here: the resource's own text `open` takes no `newline`, and
    # the csv module wants newline="" so that a quoted cell keeps its line breaks as written.
    with io.TextIOWrapper(source.open("rb"), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
