"""A list of online public services read as procedures: one procedure may be offered as
several services ("Tên dịch vụ công": the procedure, and the procedure "trường hợp nộp hồ sơ
trực tuyến"), each on its own row under the procedure's code and name. Those rows are no
copies of one entry (PA201): the service's name, kept on the frame (`SERVICE`), tells them
apart. Only where the names are read from a column of the procedure's and another column
that would name a row (a candidate for the name) calls itself a service's; a list of
services alone reads its names from the services' column, and has nothing to keep."""

from __future__ import annotations

import re

import pandas as pd

from procaudit.catalogue.columns import REQUIRED, SERVICE
from procaudit.io.layout import Understood
from procaudit.vn.text import header_key

# A header naming a service, folded ("Tên dịch vụ công", "Tên DVC", "Public service name").
_SERVICE = re.compile(r"\b(?:dich vu|dvc|service)\b")


def mark_services(frame: pd.DataFrame, understood: Understood) -> None:
    """Add `SERVICE` to `frame` (the table's canonical rows, in the order of
    `understood.body`): the service's name on each row, where the table has such a column
    beside the procedure's name."""
    header_map, labels = understood.account.header_map, understood.account.labels
    chosen = header_map.columns.get(REQUIRED[0])
    if chosen is None or _SERVICE.search(header_key(labels[chosen])):
        return
    services = [
        at
        for at in header_map.candidates.get(REQUIRED[0], ())
        if at != chosen
        and at < understood.body.shape[1]
        and _SERVICE.search(header_key(labels[at]))
    ]
    if services:
        texts = understood.body.iloc[:, services[0]].astype("string").str.strip()
        frame[SERVICE] = texts.where(texts != "").to_numpy()
