"""The 2025 reform: two-tier local government (no district level since 1 July 2025), merged
ministries, the two online levels of Decree 42/2022 and the target of 80% fully online."""

from __future__ import annotations

import re

import pandas as pd

from procaudit.agencies import DISTRICT_COURT, agency_levels, defunct_in, district_kind
from procaudit.levels import DISTRICT, describe, level_ids
from procaudit.model import Severity
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits, hits, no_hits
from procaudit.rules.registry import file_rule, frame_rule
from procaudit.text import comparison_key, comparison_keys, map_distinct


def _day(ctx: RuleContext) -> str:
    """The reform date as messages write it: "1 July 2025"."""
    day = ctx.options.reform_date
    return f"{day.day} {day:%B %Y}"


def _level_fix(level: str) -> str:
    remaining = [p.strip() for p in re.split(r"[,;\n]", level) if p.strip()]
    remaining = [p for p in remaining if DISTRICT not in level_ids(p)]
    if remaining:
        return (
            f"Remove 'Cấp huyện' (leaving '{', '.join(remaining)}'), after checking which "
            "level took over the district's part of the procedure."
        )
    return (
        "Set the level that took the procedure over (most district tasks passed to Cấp xã, "
        "some to Cấp tỉnh), or remove the procedure from the list in force."
    )


def _district_levels(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    district = ctx.map_distinct("level", lambda level: DISTRICT in level_ids(level),
                                dtype="boolean")
    mask = district.fillna(False).astype(bool) & ~ctx.abolished
    return hits(
        frame,
        mask,
        "level",
        f"The district level (Cấp huyện) ended on {_day(ctx)}.",
        map_distinct(frame.loc[mask, "level"], _level_fix, dtype="object"),
    )


def _district_agencies(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    kinds = ctx.map_distinct("agency", district_kind, dtype="object")
    live = ~ctx.abolished
    courts = kinds.eq(DISTRICT_COURT).fillna(False).astype(bool) & live
    offices = kinds.eq(DISTRICT).fillna(False).astype(bool) & live
    return pd.concat([
        hits(
            frame, offices, "agency",
            f"The agency is a district-level office; the district level ended on {_day(ctx)}.",
            "Name the office that took the task over (the commune's People's Committee or "
            "its departments, or the province's department).",
        ),
        hits(
            frame, courts, "agency",
            "District courts (Tòa án nhân dân cấp huyện) were replaced by regional courts "
            "(Tòa án nhân dân khu vực) on 1 July 2025.",
            "Name the regional court (Tòa án nhân dân khu vực) that took the case over.",
        ),
    ])


def _district_tags(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    tags = ctx.name_tags.dropna()  # most names have no tag
    district = frame.index.isin(tags.index[[DISTRICT in levels for _, levels in tags]])
    mask = pd.Series(district, index=frame.index) & ~ctx.abolished
    return hits(
        frame,
        mask,
        "name",
        f"The name says the procedure is done at the district level, which ended on "
        f"{_day(ctx)}.",
        "Retag the name with the level that took the procedure over (e.g. '(thực hiện tại cấp "
        "xã)'), or remove the procedure from the list in force.",
    )


@frame_rule("PA501", "district-level", Severity.ERROR, columns=("name",),
            prefetch=RuleContext.prefetch_name_tags)
def district_level(ctx: RuleContext) -> pd.DataFrame:
    """A procedure at the district level (cấp huyện), which no longer exists.

    Since 1 July 2025 local government has two tiers, province and commune: the district
    level ended, and its procedures passed to the communes or the province. A list in force
    that still puts a procedure at the district level sends citizens to an office that is
    gone. The rule reads the level cell, the agency cell (UBND huyện, UBND cấp huyện,
    Phòng … huyện, Công an huyện, anything "cấp huyện") and the level tag of the name
    ("(thực hiện tại cấp huyện)"). "Huyện nghèo" (a poverty category) is not a level. District
    courts are reported with their own message: they became regional courts. Rows of an
    annex part that abolishes procedures are not reported.

    **Bad**
    ```
    Cấp huyện
    Cấp tỉnh, Cấp huyện
    Phòng Tư pháp huyện
    Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)
    ```

    **Good**
    ```
    Cấp xã
    Ủy ban nhân dân cấp xã
    Hỗ trợ học sinh ở xã thuộc huyện nghèo
    ```

    **Fix**: set the level or office that took the procedure over, or remove the procedure
    from the list in force.
    """
    parts = [_district_tags(ctx)]
    if "level" in ctx.frame:
        parts.append(_district_levels(ctx))
    if "agency" in ctx.frame:
        parts.append(_district_agencies(ctx))
    return pd.concat(parts)


def _tag_mismatch(tag: object, levels: object) -> bool:
    """A tag naming levels none of which the other cell names (unknown levels never clash)."""
    if not isinstance(tag, tuple) or not isinstance(levels, frozenset) or not levels:
        return False
    return DISTRICT not in tag[1] and not tag[1] & levels


@frame_rule("PA502", "level-mismatch", Severity.WARNING, columns=("name",),
            prefetch=RuleContext.prefetch_name_tags)
def level_mismatch(ctx: RuleContext) -> pd.DataFrame:
    """A name's level tag that contradicts the procedure's level or agency.

    Many names end with the level that does the procedure ("(thực hiện tại cấp tỉnh)").
    When the level column or the agency says another level, one of them is wrong, and
    citizens are sent to the wrong office. Tags at the district level are PA501's.

    **Bad**
    ```
    Tên thủ tục                                      | Cấp thực hiện | Cơ quan thực hiện
    Cấp giấy phép kinh doanh (thực hiện tại cấp tỉnh) | Cấp xã        | UBND cấp xã
    ```

    **Good**
    ```
    Cấp giấy phép kinh doanh (thực hiện tại cấp tỉnh) | Cấp tỉnh      | Sở Công Thương
    ```

    **Fix**: correct the tag, or the level and agency, so that they name the same level.
    """
    frame = ctx.frame
    tags = ctx.name_tags
    tagged = tags.notna() & ~ctx.abolished
    if not tagged.any():
        return no_hits()
    parts = []
    for column, levels_of, what in (
        ("level", level_ids, "level"),
        ("agency", agency_levels, "agency"),
    ):
        if column not in frame:
            continue
        levels = map_distinct(frame.loc[tagged, column], levels_of, dtype="object")
        clash = pd.Series(
            [_tag_mismatch(t, v) for t, v in zip(tags[tagged], levels, strict=True)],
            index=levels.index,
            dtype=bool,
        ).reindex(frame.index, fill_value=False)
        messages = pd.Series(
            [
                f"The name's tag '{tags[i][0]}' says {describe(tags[i][1])}, but the {what} "
                f"says {describe(levels[i])}."
                for i in clash[clash].index
            ],
            index=clash[clash].index,
            dtype="object",
        )
        parts.append(hits(
            frame, clash, column, messages,
            f"Correct the name's tag or the {what}, so that both name the level that does "
            "the procedure.",
        ))
    return pd.concat(parts) if parts else no_hits()


# "Mức độ 3", "mức 4", "DVC mức độ 2", "Mức độ 4 (toàn trình)"
_OLD_ONLINE_LEVEL = re.compile(r"(?<!\w)mức(?:\s+độ)?\s*([1-4])(?!\d)")
_NEW_LEVEL_FOR = {"4": "Toàn trình", "3": "Một phần"}


def _old_online_level(value: str) -> str | None:
    match = _OLD_ONLINE_LEVEL.search(comparison_key(value))
    return match.group(1) if match else None


def _online_fix(degree: str) -> str:
    if degree in _NEW_LEVEL_FOR:
        return (
            f"Write '{_NEW_LEVEL_FOR[degree]}' (Mức độ {degree} of the old scale), after "
            "checking that the service still works that way."
        )
    return (
        f"Mức độ {degree} was not an online service in the sense of Decree 42/2022: write "
        "'Một phần' if part of the procedure is done online, or leave the procedure out of "
        "the online services."
    )


@frame_rule("PA503", "obsolete-online-level", Severity.WARNING, columns=("online_level",))
def obsolete_online_level(ctx: RuleContext) -> pd.DataFrame:
    """An online-service level on the old scale ("Mức độ 3", "Mức độ 4").

    Decree 43/2011 graded online public services from level 1 to 4. Decree 42/2022 replaced
    the scale with two values: "Toàn trình" (fully online) and "Một phần" (partly online).
    A list still written on the old scale cannot be counted against the reform's targets.

    **Bad**
    ```
    Mức độ 4
    DVC mức độ 3
    ```

    **Good**
    ```
    Toàn trình
    Một phần
    ```

    **Fix**: write "Toàn trình" for what was level 4 and "Một phần" for level 3, after
    checking that the service still works that way.
    """
    frame = ctx.frame
    degrees = ctx.map_distinct("online_level", _old_online_level, dtype="object")
    mask = degrees.notna()
    old = frame.loc[mask, "online_level"]
    return hits(
        frame,
        mask,
        "online_level",
        old.map(lambda v: f"'{v.strip()}' is a level of the scale Decree 42/2022 replaced; an "
                          "online service is now 'Toàn trình' or 'Một phần'."),
        degrees[mask].map(_online_fix),
    )


def _defunct_message(cell: str) -> tuple[str, str] | None:
    found = defunct_in(cell)
    if not found:
        return None
    names = "; ".join(
        f"'{a.old_name}' became {a.successor} on {a.since}" + (f" ({a.note})" if a.note else "")
        for a in found
    )
    fix = "; ".join(f"write {a.successor} for {a.old_name}" for a in found)
    return f"The agency no longer exists: {names}.", fix[0].upper() + fix[1:] + "."


@frame_rule("PA504", "defunct-agency", Severity.WARNING, columns=("agency",))
def defunct_agency(ctx: RuleContext) -> pd.DataFrame:
    """An agency that the 2025 reorganisation merged into another.

    On 1 March 2025 several ministries and their provincial departments were merged: Lao
    động - Thương binh và Xã hội into Nội vụ, Kế hoạch và Đầu tư into Tài chính, Giao thông
    vận tải into Xây dựng, Thông tin và Truyền thông into Khoa học và Công nghệ, Tài nguyên
    và Môi trường with Nông nghiệp và Phát triển nông thôn into Nông nghiệp và Môi trường.
    Their old names in a list in force send citizens to offices that no longer exist. The
    list procaudit knows is kept in `data/defunct_agencies.csv` inside the package.

    **Bad**
    ```
    Sở Lao động - Thương binh và Xã hội
    Sở KH&ĐT
    ```

    **Good**
    ```
    Sở Nội vụ
    Sở Tài chính
    ```

    **Fix**: write the name of the agency that took the task over.
    """
    frame = ctx.frame
    explained = ctx.map_distinct("agency", _defunct_message, dtype="object")
    mask = explained.notna() & ~ctx.abolished
    return hits(
        frame,
        mask,
        "agency",
        explained[mask].map(lambda pair: pair[0]),
        explained[mask].map(lambda pair: pair[1]),
    )


_FULLY_ONLINE = re.compile(r"toàn trình|fully online|(?<!\w)mức(?:\s+độ)?\s*4(?!\d)")


def _fully_online(levels: pd.Series) -> pd.Series:
    return comparison_keys(levels).str.contains(_FULLY_ONLINE).fillna(False).astype(bool)


@file_rule("PA505", "online-coverage", Severity.WARNING, columns=("online_level",))
def online_coverage(ctx: FileContext) -> pd.DataFrame:
    """Too few procedures of the catalogue are fully online ("Toàn trình").

    The reform asks for 80% of procedures to be fully online; in 2025 about 40% were. This
    file-level finding gives the catalogue's share, counted over the procedures in force of
    every table that has an online-level column (an empty cell counts as not fully online),
    against the target (80% unless configured otherwise).

    **Bad**
    ```
    12 of 40 procedures (30%) fully online, target 80%
    ```

    **Good**
    ```
    34 of 40 procedures (85%) fully online
    ```

    **Fix**: bring more procedures fully online, starting with the most requested.
    """
    total = online = 0
    for _, rule_ctx in ctx.with_columns("online_level"):
        live = ~rule_ctx.abolished
        fully = rule_ctx.per_distinct("online_level", _fully_online)
        total += int(live.sum())
        online += int((fully & live).sum())
    target = ctx.options.online_target
    if total == 0 or online / total >= target:
        return file_hits([])
    needed = -(-round(target * total * 1000) // 1000) - online  # ceil without float dust
    return file_hits([{
        "sheet": None, "row": None, "code": None, "column": "online_level", "value": None,
        "message": f"{online} of {total} procedures ({online / total:.0%}) are fully online "
                   f"(Toàn trình); the target is {target:.0%}.",
        "fix": f"Bring at least {needed} more procedures fully online (Toàn trình), or record "
               "why they cannot be.",
    }])
