"""PA501's findings for the district tier's courts, procuracies and police, whose successors
are known: regional courts and procuracies (Tòa án / Viện kiểm sát nhân dân khu vực) since 1
July 2025, the province's and the communes' police since 1 March 2025.

The portal lists every agency of a procedure in one cell, one a line; a cell that still names
the district court often names the regional court on another line too ("Tòa án nhân dân cấp
huyện, …\\nTòa án nhân dân khu vực"). There the fix is to delete the old line, not to name a
court the cell already names.
"""

from __future__ import annotations

import re

import pandas as pd

from procaudit.catalogue.text_columns import map_distinct
from procaudit.core.i18n import t
from procaudit.rules.hits import hits
from procaudit.vn.agencies import (
    DISTRICT_COURT,
    DISTRICT_POLICE,
    DISTRICT_PROCURACY,
    agency_lines,
    district_agency,
    plain_words,
)

# The successors, as `plain_words` writes a line of the cell (no diacritics, no punctuation).
_REGIONAL_COURT = re.compile(r"(?:^| )(?:toa an nhan dan|tand) khu vuc(?: |$)")
_REGIONAL_PROCURACY = re.compile(
    r"(?:^| )(?:vien kiem sat nhan dan|vien ksnd|vksnd) khu vuc(?: |$)"
)
_PROVINCE_POLICE = re.compile(r"^cong an (?:cap )?tinh(?: |$)")
_COMMUNE_POLICE = re.compile(r"^cong an (?:cap )?(?:xa|phuong|dac khu)(?: |$)")


def _listed(cell: str, pattern: re.Pattern[str]) -> bool:
    """Whether a line (an agency) of the cell names the successor `pattern` matches."""
    return any(pattern.search(plain_words(line)) for line in agency_lines(cell))


def _whole_line(cell: str, old: str, successor: re.Pattern[str]) -> str:
    """The line of the cell that `old` begins, to be deleted whole ("Tòa án nhân dân cấp
    huyện, quận, thị xã, thành phố thuộc tỉnh và tương đương"); `old` alone where its line
    goes on with other agencies, the successor among them."""
    for line in re.split(r"[\n;]+", cell):
        line = " ".join(line.split())
        if line.startswith(old) and not successor.search(plain_words(line)):
            return line
    return old


def successor_fix(cell: object, kind: str) -> str | None:
    """The fix for a cell naming a district court, procuracy or police (`kind`) beside the
    agency that took its tasks over; None where the cell names no successor."""
    if not isinstance(cell, str):
        return None
    found = district_agency(cell)
    old = found[1] if found is not None else ""
    if kind in (DISTRICT_COURT, DISTRICT_PROCURACY):
        regional = _REGIONAL_COURT if kind == DISTRICT_COURT else _REGIONAL_PROCURACY
        if not _listed(cell, regional):
            return None
        old = _whole_line(cell, old, regional)
        successor = (
            "Tòa án nhân dân khu vực"
            if kind == DISTRICT_COURT
            else "Viện kiểm sát nhân dân khu vực"
        )
        return t(
            "Delete '{old}': {successor}, which took it over, is already listed.",
            "Xóa '{old}': {successor}, cơ quan tiếp nhận, đã có trong danh sách.",
            old=old,
            successor=successor,
        )
    province, commune = _listed(cell, _PROVINCE_POLICE), _listed(cell, _COMMUNE_POLICE)
    if province and commune:
        return t(
            "Delete '{old}': Công an cấp tỉnh and Công an cấp xã, which took its tasks over, "
            "are already listed.",
            "Xóa '{old}': Công an cấp tỉnh và Công an cấp xã, cơ quan tiếp nhận, đã có trong "
            "danh sách.",
            old=old,
        )
    if province or commune:
        listed, other = (
            ("Công an cấp tỉnh", "Công an cấp xã")
            if province
            else ("Công an cấp xã", "Công an cấp tỉnh")
        )
        return t(
            "Delete '{old}' ({listed}, which took over part of its tasks, is already listed), "
            "or write {other} in its place if that is who does the procedure now.",
            "Xóa '{old}' ({listed}, cơ quan tiếp nhận một phần nhiệm vụ, đã có trong danh "
            "sách), hoặc ghi {other} thay thế nếu nay {other} thực hiện thủ tục.",
            old=old,
            listed=listed,
            other=other,
        )
    return None


def _fixes(frame: pd.DataFrame, mask: pd.Series, kind: str, usual: str) -> pd.Series | str:
    """Each reported row's fix: `usual`, or the deletion where the successor is listed."""
    if not mask.any():
        return usual
    fixes = map_distinct(
        frame.loc[mask, "agency"], lambda c: successor_fix(c, kind), dtype="object"
    )
    return fixes.fillna(usual) if fixes.notna().any() else usual


def district_tier_hits(
    frame: pd.DataFrame, courts: pd.Series, procuracies: pd.Series, police: pd.Series
) -> list[pd.DataFrame]:
    """PA501's findings for the district courts, procuracies and police of `frame`."""
    return [
        hits(
            frame,
            courts,
            "agency",
            t(
                "District courts (Tòa án nhân dân cấp huyện) were replaced by regional courts "
                "(Tòa án nhân dân khu vực) on 1 July 2025.",
                "Tòa án nhân dân cấp huyện đã được thay thế bằng Tòa án nhân dân khu vực từ "
                "ngày 01/7/2025.",
            ),
            _fixes(
                frame,
                courts,
                DISTRICT_COURT,
                t(
                    "Name the regional court (Tòa án nhân dân khu vực) that took the case over.",
                    "Ghi Tòa án nhân dân khu vực đã tiếp nhận thẩm quyền giải quyết.",
                ),
            ),
        ),
        hits(
            frame,
            procuracies,
            "agency",
            t(
                "District procuracies (Viện kiểm sát nhân dân cấp huyện) were replaced by "
                "regional procuracies (Viện kiểm sát nhân dân khu vực) on 1 July 2025.",
                "Viện kiểm sát nhân dân cấp huyện đã được thay thế bằng Viện kiểm sát nhân "
                "dân khu vực từ ngày 01/7/2025.",
            ),
            _fixes(
                frame,
                procuracies,
                DISTRICT_PROCURACY,
                t(
                    "Name the regional procuracy (Viện kiểm sát nhân dân khu vực) that took the "
                    "task over.",
                    "Ghi Viện kiểm sát nhân dân khu vực đã tiếp nhận nhiệm vụ.",
                ),
            ),
        ),
        hits(
            frame,
            police,
            "agency",
            # Not "the commune's People's Committee": the police's tasks stayed with the
            # police, at the province and in the communes.
            t(
                "District police (Công an cấp huyện) were dissolved on 1 March 2025: their "
                "tasks went to the province's police (Công an cấp tỉnh) and the communes' "
                "police (Công an cấp xã).",
                "Công an cấp huyện đã kết thúc hoạt động từ ngày 01/3/2025: nhiệm vụ chuyển "
                "về Công an cấp tỉnh và Công an cấp xã.",
            ),
            _fixes(
                frame,
                police,
                DISTRICT_POLICE,
                t(
                    "Name the police that does it now: Công an cấp tỉnh or Công an cấp xã.",
                    "Ghi cơ quan công an thực hiện hiện nay: Công an cấp tỉnh hoặc Công an cấp xã.",
                ),
            ),
        ),
    ]
