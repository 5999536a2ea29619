"""Decisions whose issuer no longer existed on their date (for PA402): a district's People's
Committee after the district level ended (1 July 2025), or a province's after it was merged
into another (Resolution 202/2025/QH15).

A decision cell may name its issuer after the date ("125/QĐ-UBND ngày 20/9/2025 của UBND
huyện Lâm Thao", kept apart by `io.decisions` as `DECISION_ISSUER`) or after the number, the
date in its own column ("125/QĐ-UBND của UBND huyện Lâm Thao" | "20/9/2025"). Only where both
are read with certainty is the decision reported: a date that reads as one real day, and an
issuer that is a district-tier office (`vn.agencies.district_kind`) or an office of a merged
province (`vn.defunct_agencies.merged_province_in`). A decision dated before is history, and fine.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from procaudit.catalogue.columns import DECISION_ISSUER
from procaudit.core.i18n import t
from procaudit.rules.context import RuleContext
from procaudit.vn.agencies import DISTRICT_POLICE, district_kind
from procaudit.vn.dates import read_date
from procaudit.vn.defunct_agencies import merged_province_in
from procaudit.vn.levels import DISTRICT
from procaudit.vn.text import comparison_key

# "… của UBND huyện Lâm Thao" after the number, where the date has a column of its own.
_ISSUER_TAIL = re.compile(r"\s(?:của|cua)\s+(?P<issuer>\S.*?)\s*[.;]?\s*$", re.IGNORECASE)


def _issuer_in(number: object) -> str | None:
    found = _ISSUER_TAIL.search(number) if isinstance(number, str) else None
    return found.group("issuer") if found else None


def _gone(issuer: str, when: str, reform: date) -> tuple[str, str] | None:
    """Message and fix where `issuer` no longer existed on the date `when`; None otherwise."""
    day = read_date(when).value
    if day is None:
        return None
    shown = " ".join(issuer.split())
    fix = t(
        "Check the decision: write the number, date and issuer of the decision that announced "
        "the procedure.",
        "Kiểm tra lại quyết định: ghi đúng số, ngày và cơ quan ban hành của quyết định đã công "
        "bố thủ tục.",
    )
    if day >= reform and district_kind(issuer) in (DISTRICT, DISTRICT_POLICE):
        return (
            t(
                "The decision is dated {date}, but its issuer '{issuer}' is a district-level "
                "office, and the district level ended on {reform}: no such decision can exist.",
                "Quyết định ghi ngày {date}, nhưng cơ quan ban hành '{issuer}' là cơ quan cấp "
                "huyện, trong khi cấp huyện đã kết thúc hoạt động từ ngày {reform_vi}: không "
                "thể có quyết định này.",
                date=f"{day:%d/%m/%Y}",
                issuer=shown,
                reform=f"{reform.day} {reform:%B %Y}",
                reform_vi=f"{reform.day:02d}/{reform.month}/{reform.year}",
            ),
            fix,
        )
    province = merged_province_in(comparison_key(issuer))
    if province is not None and day >= date.fromisoformat(province.since):
        since = date.fromisoformat(province.since)
        return (
            t(
                "The decision is dated {date}, but its issuer '{issuer}' is an office of {old}, "
                "which has been part of {successor} since {since}: no such decision can exist.",
                "Quyết định ghi ngày {date}, nhưng cơ quan ban hành '{issuer}' là cơ quan của "
                "{old}, đã thuộc {successor} từ ngày {since_vi}: không thể có quyết định này.",
                date=f"{day:%d/%m/%Y}",
                issuer=shown,
                old=province.old_name,
                successor=province.successor,
                since=f"{since.day} {since:%B %Y}",
                since_vi=f"{since.day:02d}/{since.month}/{since.year}",
            ),
            fix,
        )
    return None


def issuers_gone(ctx: RuleContext) -> pd.DataFrame | None:
    """For the rows whose decision's issuer no longer existed on its date, their message and
    fix (columns "message", "fix", by row label); None where no row is so. Read once per
    distinct pair of issuer and date."""
    frame = ctx.frame
    if "decision_date" not in frame or "decision_no" not in frame:
        return None
    issuers = ctx.map_distinct("decision_no", _issuer_in, dtype="object")
    if DECISION_ISSUER in frame:
        issuers = frame[DECISION_ISSUER].astype("object").fillna(issuers)
    pairs = pd.DataFrame({"issuer": issuers, "date": frame["decision_date"]}).dropna()
    if pairs.empty:
        return None
    reform = ctx.options.reform_date
    known: dict[tuple[str, str], tuple[str, str]] = {}
    for pair in pairs.drop_duplicates().itertuples(index=False, name=None):
        found = _gone(pair[0], pair[1], reform)
        if found is not None:
            known[pair] = found
    if not known:
        return None
    gone = pairs[pd.MultiIndex.from_frame(pairs).isin(list(known))]  # the few rows reported
    said = [known[pair] for pair in gone.itertuples(index=False, name=None)]
    return pd.DataFrame(
        {"message": [m for m, _ in said], "fix": [f for _, f in said]}, index=gone.index
    )
