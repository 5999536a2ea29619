"""The 2025 reform: two-tier local government (no district level since 1 July 2025), merged
ministries, the two online levels of Decree 42/2022 and the target of 80% fully online."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from procaudit.catalogue.text_columns import comparison_keys, map_distinct
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits, hits, no_hits
from procaudit.rules.registry import file_rule, frame_rule
from procaudit.vn.agencies import DISTRICT_COURT, agency_levels, defunct_in, district_kind
from procaudit.vn.levels import DISTRICT, describe, level_ids
from procaudit.vn.text import comparison_key


def _day(ctx: RuleContext) -> str:
    """The reform date as messages write it: "1 July 2025" ("ngày 01/7/2025")."""
    day = ctx.options.reform_date
    return t(f"{day.day} {day:%B %Y}", f"ngày {day.day:02d}/{day.month}/{day.year}")


def _level_fix(level: str) -> str:
    remaining = [p.strip() for p in re.split(r"[,;\n]", level) if p.strip()]
    remaining = [p for p in remaining if DISTRICT not in level_ids(p)]
    if remaining:
        return t(
            "Remove 'Cấp huyện' (leaving '{remaining}'), after checking which level took "
            "over the district's part of the procedure.",
            "Bỏ 'Cấp huyện' (còn lại '{remaining}'), sau khi xác định cấp nào đã tiếp nhận "
            "phần việc của cấp huyện trong thủ tục này.",
            remaining=", ".join(remaining),
        )
    return t(
        "Set the level that took the procedure over (most district tasks passed to Cấp "
        "xã, some to Cấp tỉnh), or remove the procedure from the list in force.",
        "Ghi cấp đã tiếp nhận thủ tục (phần lớn nhiệm vụ của cấp huyện chuyển về Cấp xã, "
        "một số chuyển lên Cấp tỉnh), hoặc đưa thủ tục ra khỏi danh mục đang có hiệu lực.",
    )


def _district_levels(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    district = ctx.map_distinct(
        "level", lambda level: DISTRICT in level_ids(level), dtype="boolean"
    )
    mask = district.fillna(False).astype(bool) & ~ctx.abolished
    return hits(
        frame,
        mask,
        "level",
        t(
            "The district level (Cấp huyện) ended on {day}.",
            "Cấp huyện đã kết thúc hoạt động từ {day}.",
            day=_day(ctx),
        ),
        map_distinct(frame.loc[mask, "level"], _level_fix, dtype="object"),
    )


def _district_agencies(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    kinds = ctx.map_distinct("agency", district_kind, dtype="object")
    live = ~ctx.abolished
    courts = kinds.eq(DISTRICT_COURT).fillna(False).astype(bool) & live
    offices = kinds.eq(DISTRICT).fillna(False).astype(bool) & live
    return pd.concat(
        [
            hits(
                frame,
                offices,
                "agency",
                t(
                    "The agency is a district-level office; the district level ended on {day}.",
                    "Cơ quan thực hiện là cơ quan cấp huyện; cấp huyện đã kết thúc hoạt động từ "
                    "{day}.",
                    day=_day(ctx),
                ),
                t(
                    "Name the office that took the task over (the commune's People's Committee or "
                    "its departments, or the province's department).",
                    "Ghi cơ quan đã tiếp nhận nhiệm vụ (Ủy ban nhân dân cấp xã hoặc các cơ quan "
                    "chuyên môn của xã, hoặc sở thuộc tỉnh).",
                ),
            ),
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
                t(
                    "Name the regional court (Tòa án nhân dân khu vực) that took the case over.",
                    "Ghi Tòa án nhân dân khu vực đã tiếp nhận thẩm quyền giải quyết.",
                ),
            ),
        ]
    )


def _district_tags(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    tags = ctx.name_tags.dropna()  # most names have no tag
    district = frame.index.isin(tags.index[[DISTRICT in levels for _, levels in tags]])
    mask = pd.Series(district, index=frame.index) & ~ctx.abolished
    return hits(
        frame,
        mask,
        "name",
        t(
            "The name says the procedure is done at the district level, which ended on {day}.",
            "Tên thủ tục ghi thực hiện tại cấp huyện, trong khi cấp huyện đã kết thúc hoạt động "
            "từ {day}.",
            day=_day(ctx),
        ),
        t(
            "Retag the name with the level that took the procedure over (e.g. '(thực hiện tại "
            "cấp xã)'), or remove the procedure from the list in force.",
            "Sửa phần ghi cấp trong tên theo cấp đã tiếp nhận thủ tục (ví dụ '(thực hiện tại cấp "
            "xã)'), hoặc đưa thủ tục ra khỏi danh mục đang có hiệu lực.",
        ),
    )


@frame_rule(
    "PA501",
    "district-level",
    Severity.ERROR,
    columns=("name",),
    prefetch=RuleContext.prefetch_name_tags,
)
def district_level(ctx: RuleContext) -> pd.DataFrame:
    """A procedure at the district level (cấp huyện), which no longer exists.

    Since 1 July 2025 local government has two tiers, province and commune: the district
    level ended, and its procedures passed to the communes or the province. A list in force
    that still puts a procedure at the district level sends citizens to an office that is
    gone. The rule reads the level cell, the agency cell and the level tag of the name
    ("(thực hiện tại cấp huyện)"). An agency is of the district tier when it is an office
    (UBND, Phòng …, Công an, Chi cục …) of a huyện, quận, thị xã or of a city under a
    province ("UBND Thành phố Việt Trì", "UBND TP. Thái Nguyên"), or anything "cấp huyện";
    names typed without diacritics ("UBND huyen X") count too. The centrally-run cities (Hà
    Nội, TP Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Huế) are provinces; communes, wards and
    townships (xã, phường, thị trấn) are communes; "huyện nghèo" (a poverty category) is not a
    level. District courts are reported with their own message: they became regional courts.
    Rows of an annex part that abolishes procedures are not reported.

    **Bad**
    ```
    Cấp huyện
    Cấp tỉnh, Cấp huyện
    Phòng Tư pháp huyện
    UBND Thị xã Phú Thọ
    UBND Thành phố Việt Trì
    Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)
    ```

    **Good**
    ```
    Cấp xã
    Ủy ban nhân dân cấp xã
    UBND thành phố Hà Nội
    Hỗ trợ học sinh ở xã thuộc huyện nghèo
    ```

    **Fix**: set the level or office that took the procedure over, or remove the procedure
    from the list in force.

    [vi]
    Thủ tục ở cấp huyện, cấp không còn tồn tại.

    Từ ngày 01/7/2025, chính quyền địa phương tổ chức theo hai cấp là tỉnh và xã: cấp huyện kết
    thúc hoạt động, các thủ tục của cấp huyện được chuyển về cấp xã hoặc lên cấp tỉnh. Danh mục
    đang có hiệu lực mà vẫn ghi thủ tục thực hiện tại cấp huyện sẽ hướng dẫn người dân đến một cơ
    quan không còn tồn tại. Quy tắc xét ô cấp thực hiện, ô cơ quan thực hiện và phần ghi cấp
    trong tên ("(thực hiện tại cấp huyện)"). Cơ quan thuộc cấp huyện là cơ quan (UBND, Phòng …,
    Công an, Chi cục …) của huyện, quận, thị xã hoặc thành phố thuộc tỉnh ("UBND Thành phố Việt
    Trì", "UBND TP. Thái Nguyên"), hoặc mọi cơ quan "cấp huyện"; tên gõ không dấu ("UBND huyen
    X") cũng được nhận biết. Các thành phố trực thuộc trung ương (Hà Nội, TP Hồ Chí Minh, Hải
    Phòng, Đà Nẵng, Cần Thơ, Huế) thuộc cấp tỉnh; xã, phường, thị trấn thuộc cấp xã; "huyện
    nghèo" (một diện chính sách) không phải là cấp hành chính. Tòa án nhân dân cấp huyện được báo
    với nội dung riêng: các tòa này đã chuyển thành Tòa án nhân dân khu vực. Các dòng thuộc phần
    phụ lục bãi bỏ thủ tục không bị báo.

    **Sai**
    ```
    Cấp huyện
    Cấp tỉnh, Cấp huyện
    Phòng Tư pháp huyện
    UBND Thị xã Phú Thọ
    UBND Thành phố Việt Trì
    Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)
    ```

    **Đúng**
    ```
    Cấp xã
    Ủy ban nhân dân cấp xã
    UBND thành phố Hà Nội
    Hỗ trợ học sinh ở xã thuộc huyện nghèo
    ```

    **Cách sửa**: ghi cấp hoặc cơ quan đã tiếp nhận thủ tục, hoặc đưa thủ tục ra khỏi danh mục
    đang có hiệu lực.
    """
    parts = [_district_tags(ctx)]
    if "level" in ctx.frame:
        parts.append(_district_levels(ctx))
    if "agency" in ctx.frame:
        parts.append(_district_agencies(ctx))
    return pd.concat(parts)


def _mismatch_words(what: str) -> tuple[str, str]:
    """PA502's message template and fix where the level cell or the agency ("level",
    "agency") says another level than the name's tag."""
    if what == "level":
        said_vi = "Phần ghi cấp trong tên '{tag}' là {named}, nhưng ô cấp thực hiện ghi {levels}."
        fix_vi = (
            "Sửa phần ghi cấp trong tên hoặc ô cấp thực hiện để cả hai cùng ghi đúng cấp "
            "thực hiện thủ tục."
        )
    else:
        said_vi = (
            "Phần ghi cấp trong tên '{tag}' là {named}, nhưng cơ quan thực hiện thuộc {levels}."
        )
        fix_vi = (
            "Sửa phần ghi cấp trong tên hoặc cơ quan thực hiện để cả hai cùng thể hiện "
            "đúng cấp thực hiện thủ tục."
        )
    said = t(f"The name's tag '{{tag}}' says {{named}}, but the {what} says {{levels}}.", said_vi)
    fix = t(
        f"Correct the name's tag or the {what}, so that both name the level that does "
        "the procedure.",
        fix_vi,
    )
    return said, fix


def _tag_mismatch(tag: object, levels: object) -> bool:
    """A tag naming levels none of which the other cell names (unknown levels never clash)."""
    if not isinstance(tag, tuple) or not isinstance(levels, frozenset) or not levels:
        return False
    return DISTRICT not in tag[1] and not tag[1] & levels


@frame_rule(
    "PA502",
    "level-mismatch",
    Severity.WARNING,
    columns=("name",),
    prefetch=RuleContext.prefetch_name_tags,
)
def level_mismatch(ctx: RuleContext) -> pd.DataFrame:
    """A name's level tag that contradicts the procedure's level or agency.

    Many names end with the level that does the procedure ("(thực hiện tại cấp tỉnh)").
    When the level column or the agency says another level, one of them is wrong, and
    citizens are sent to the wrong office. Tags at the district level are PA501's. In a
    list stacked per unit (a one-stop export), the agency column names the unit whose list it
    is, so only the level column is compared there.

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

    [vi]
    Phần ghi cấp trong tên thủ tục mâu thuẫn với cấp thực hiện hoặc cơ quan thực hiện.

    Nhiều tên thủ tục kết thúc bằng cấp thực hiện ("(thực hiện tại cấp tỉnh)"). Khi cột cấp thực
    hiện hoặc cơ quan thực hiện ghi một cấp khác, một trong hai nơi bị sai, và người dân bị hướng
    dẫn đến nhầm cơ quan. Phần ghi cấp huyện trong tên thuộc quy tắc PA501. Trong danh mục xuất
    theo từng đơn vị (hệ thống một cửa), cột cơ quan ghi đơn vị sở hữu danh mục, nên ở đó chỉ
    so sánh với cột cấp thực hiện.

    **Sai**
    ```
    Tên thủ tục                                      | Cấp thực hiện | Cơ quan thực hiện
    Cấp giấy phép kinh doanh (thực hiện tại cấp tỉnh) | Cấp xã        | UBND cấp xã
    ```

    **Đúng**
    ```
    Cấp giấy phép kinh doanh (thực hiện tại cấp tỉnh) | Cấp tỉnh      | Sở Công Thương
    ```

    **Cách sửa**: sửa phần ghi cấp trong tên, hoặc sửa cấp thực hiện và cơ quan thực hiện, để
    cùng ghi một cấp.
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
        if column == "agency" and ctx.units is not None:
            # A list stacked per unit names the unit whose list it is, not the office that
            # does the procedure: a district's list carries its communes' procedures.
            continue
        levels = map_distinct(frame.loc[tagged, column], levels_of, dtype="object")
        clash = pd.Series(
            [_tag_mismatch(t, v) for t, v in zip(tags[tagged], levels, strict=True)],
            index=levels.index,
            dtype=bool,
        ).reindex(frame.index, fill_value=False)
        said, fix = _mismatch_words(what)
        messages = pd.Series(
            [
                said.format(tag=tags[i][0], named=describe(tags[i][1]), levels=describe(levels[i]))
                for i in clash[clash].index
            ],
            index=clash[clash].index,
            dtype="object",
        )
        parts.append(hits(frame, clash, column, messages, fix))
    return pd.concat(parts) if parts else no_hits()


# "Mức độ 3", "mức 4", "DVC mức độ 2", "Mức độ 4 (toàn trình)"
_OLD_ONLINE_LEVEL = re.compile(r"(?<!\w)mức(?:\s+độ)?\s*([1-4])(?!\d)")
_NEW_LEVEL_FOR = {"4": "Toàn trình", "3": "Một phần"}


def _old_online_level(value: str) -> str | None:
    match = _OLD_ONLINE_LEVEL.search(comparison_key(value))
    return match.group(1) if match else None


def _online_fix(degree: str) -> str:
    if degree in _NEW_LEVEL_FOR:
        return t(
            "Write '{new}' (Mức độ {degree} of the old scale), after checking that the "
            "service still works that way.",
            "Ghi '{new}' (tương ứng Mức độ {degree} theo thang cũ), sau khi kiểm tra dịch "
            "vụ vẫn được cung cấp như vậy.",
            new=_NEW_LEVEL_FOR[degree],
            degree=degree,
        )
    return t(
        "Mức độ {degree} was not an online service in the sense of Decree 42/2022: write "
        "'Một phần' if part of the procedure is done online, or leave the procedure out "
        "of the online services.",
        "Mức độ {degree} không phải là dịch vụ công trực tuyến theo Nghị định "
        "42/2022/NĐ-CP: ghi 'Một phần' nếu một phần thủ tục được thực hiện trực tuyến, "
        "hoặc không đưa thủ tục vào danh sách dịch vụ công trực tuyến.",
        degree=degree,
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

    [vi]
    Mức độ dịch vụ công trực tuyến ghi theo thang cũ ("Mức độ 3", "Mức độ 4").

    Nghị định 43/2011/NĐ-CP chia dịch vụ công trực tuyến thành các mức độ từ 1 đến 4. Nghị định
    42/2022/NĐ-CP thay thang này bằng hai giá trị: "Toàn trình" và "Một phần". Danh mục còn ghi
    theo thang cũ thì không thể tính vào các chỉ tiêu cải cách.

    **Sai**
    ```
    Mức độ 4
    DVC mức độ 3
    ```

    **Đúng**
    ```
    Toàn trình
    Một phần
    ```

    **Cách sửa**: ghi "Toàn trình" cho thủ tục trước đây ở mức độ 4 và "Một phần" cho mức độ 3,
    sau khi kiểm tra dịch vụ vẫn được cung cấp như vậy.
    """
    frame = ctx.frame
    degrees = ctx.map_distinct("online_level", _old_online_level, dtype="object")
    mask = degrees.notna()
    old = frame.loc[mask, "online_level"]
    said = t(
        "'{value}' is a level of the scale Decree 42/2022 replaced; an online service is "
        "now 'Toàn trình' or 'Một phần'.",
        "'{value}' là mức độ theo thang cũ đã được Nghị định 42/2022/NĐ-CP thay thế; dịch "
        "vụ công trực tuyến nay chỉ có 'Toàn trình' hoặc 'Một phần'.",
    )
    fixes = {degree: _online_fix(degree) for degree in degrees[mask].unique()}
    return hits(
        frame,
        mask,
        "online_level",
        old.map(lambda v: said.format(value=v.strip())),
        degrees[mask].map(fixes),
    )


def _defunct_message(cell: str) -> tuple[str, str] | None:
    found = defunct_in(cell)
    if not found:
        return None
    became = t(
        "'{old}' became {successor} on {since}{note}",
        "'{old}' nay là {successor} (từ {since}{note})",
    )
    names = "; ".join(
        became.format(
            old=a.old_name, successor=a.successor, since=_since(a.since), note=_defunct_note(a.note)
        )
        for a in found
    )
    write = t("write {successor} for {old}", "ghi {successor} thay cho {old}")
    fix = "; ".join(write.format(successor=a.successor, old=a.old_name) for a in found)
    return (
        t(
            "The agency no longer exists: {names}.",
            "Cơ quan thực hiện không còn tồn tại: {names}.",
            names=names,
        ),
        fix[0].upper() + fix[1:] + ".",
    )


# The notes of data/defunct_agencies.csv in Vietnamese; a note not here is shown as written.
_NOTES_VI = {
    (
        "social protection, children and social evils went to Bộ Y tế, vocational education "
        "to Bộ Giáo dục và Đào tạo"
    ): (
        "các lĩnh vực bảo trợ xã hội, trẻ em, phòng, chống tệ nạn xã hội chuyển về Bộ Y tế; "
        "giáo dục nghề nghiệp chuyển về Bộ Giáo dục và Đào tạo"
    ),
    "press and publishing went to Bộ Văn hóa, Thể thao và Du lịch": (
        "lĩnh vực báo chí, xuất bản chuyển về Bộ Văn hóa, Thể thao và Du lịch"
    ),
    "some tasks went to Sở Y tế and Sở Giáo dục và Đào tạo": (
        "một số nhiệm vụ chuyển về Sở Y tế và Sở Giáo dục và Đào tạo"
    ),
    "press and publishing went to Sở Văn hóa, Thể thao và Du lịch": (
        "lĩnh vực báo chí, xuất bản chuyển về Sở Văn hóa, Thể thao và Du lịch"
    ),
}


def _defunct_note(note: str) -> str:
    if not note:
        return ""
    return t(" ({note})", "; {note}", note=t(note, _NOTES_VI.get(note, note)))


def _since(since: str) -> str:
    """The date an agency was merged, as the language writes dates (2025-03-01, "ngày
    01/3/2025")."""
    try:
        day = date.fromisoformat(since)
    except ValueError:
        return since
    return t(since, f"ngày {day.day:02d}/{day.month}/{day.year}")


@frame_rule("PA504", "defunct-agency", Severity.WARNING, columns=("agency",))
def defunct_agency(ctx: RuleContext) -> pd.DataFrame:
    """An agency that the 2025 reorganisation merged into another.

    On 1 March 2025 several ministries and their provincial departments were merged: Lao
    động - Thương binh và Xã hội into Nội vụ, Kế hoạch và Đầu tư into Tài chính, Giao thông
    vận tải into Xây dựng, Thông tin và Truyền thông into Khoa học và Công nghệ, Tài nguyên
    và Môi trường with Nông nghiệp và Phát triển nông thôn into Nông nghiệp và Môi trường.
    Their old names in a list in force send citizens to offices that no longer exist. Names
    are compared whatever their case, punctuation and "và"/"&", after the abbreviations
    officials use are written out ("Sở TN&MT", "Sở Nông nghiệp và PTNT", "Sở Lao động, Thương
    binh và XH", "Bộ GTVT"). The departments that stay, such as Sở Văn hóa, Thể thao và Du
    lịch, are not reported. The list procaudit knows is kept in `data/defunct_agencies.csv`
    inside the package, the abbreviations in `data/agency_abbreviations.csv`.

    **Bad**
    ```
    Sở Lao động - Thương binh và Xã hội
    Sở Lao động, Thương binh và XH
    Sở KH&ĐT
    Sở Nông nghiệp và PTNT
    ```

    **Good**
    ```
    Sở Nội vụ
    Sở Tài chính
    Sở Nông nghiệp và Môi trường
    ```

    **Fix**: write the name of the agency that took the task over.

    [vi]
    Cơ quan đã được hợp nhất vào cơ quan khác trong đợt sắp xếp tổ chức bộ máy năm 2025.

    Từ ngày 01/3/2025, một số bộ và các sở tương ứng ở địa phương được hợp nhất: Lao động -
    Thương binh và Xã hội vào Nội vụ, Kế hoạch và Đầu tư vào Tài chính, Giao thông vận tải vào Xây
    dựng, Thông tin và Truyền thông vào Khoa học và Công nghệ, Tài nguyên và Môi trường cùng Nông
    nghiệp và Phát triển nông thôn thành Nông nghiệp và Môi trường. Tên cũ trong danh mục đang có
    hiệu lực sẽ hướng dẫn người dân đến cơ quan không còn tồn tại. Tên cơ quan được so sánh không
    phân biệt chữ hoa, chữ thường, dấu câu và cách viết "và"/"&", sau khi khai triển các chữ viết
    tắt thường dùng ("Sở TN&MT", "Sở Nông nghiệp và PTNT", "Sở Lao động, Thương binh và XH", "Bộ
    GTVT"). Các sở vẫn giữ nguyên, như Sở Văn hóa, Thể thao và Du lịch, không bị báo. Danh sách
    procaudit sử dụng được lưu trong tệp `data/defunct_agencies.csv` của gói phần mềm, các chữ viết
    tắt trong tệp `data/agency_abbreviations.csv`.

    **Sai**
    ```
    Sở Lao động - Thương binh và Xã hội
    Sở Lao động, Thương binh và XH
    Sở KH&ĐT
    Sở Nông nghiệp và PTNT
    ```

    **Đúng**
    ```
    Sở Nội vụ
    Sở Tài chính
    Sở Nông nghiệp và Môi trường
    ```

    **Cách sửa**: ghi tên cơ quan đã tiếp nhận nhiệm vụ.
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


def fully_online(levels: pd.Series) -> pd.Series:
    """Where an online level says "Toàn trình" (public: the scorecard counts with it)."""
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

    [vi]
    Tỷ lệ thủ tục được cung cấp dịch vụ công trực tuyến toàn trình ("Toàn trình") quá thấp.

    Mục tiêu cải cách là 80% thủ tục được cung cấp dịch vụ công trực tuyến toàn trình; năm 2025
    mới đạt khoảng 40%. Phát hiện này gắn với cả tệp, nêu tỷ lệ của danh mục, tính trên các thủ
    tục đang có hiệu lực của mọi bảng có cột mức độ dịch vụ công trực tuyến (ô để trống được tính
    là chưa toàn trình), so với chỉ tiêu (80%, trừ khi cấu hình khác).

    **Sai**
    ```
    12/40 thủ tục (30%) toàn trình, chỉ tiêu 80%
    ```

    **Đúng**
    ```
    34/40 thủ tục (85%) toàn trình
    ```

    **Cách sửa**: đưa thêm thủ tục lên dịch vụ công trực tuyến toàn trình, ưu tiên các thủ tục có
    nhiều hồ sơ nhất.
    """
    total = online = 0
    for _, rule_ctx in ctx.with_columns("online_level"):
        live = ~rule_ctx.abolished
        fully = rule_ctx.per_distinct("online_level", fully_online)
        total += int(live.sum())
        online += int((fully & live).sum())
    target = ctx.options.online_target
    if total == 0 or online / total >= target:
        return file_hits([])
    needed = -(-round(target * total * 1000) // 1000) - online  # ceil without float dust
    return file_hits(
        [
            {
                "sheet": None,
                "row": None,
                "code": None,
                "column": "online_level",
                "value": None,
                "message": t(
                    "{online} of {total} procedures ({share:.0%}) are fully online (Toàn "
                    "trình); the target is {target:.0%}.",
                    "{online}/{total} thủ tục ({share:.0%}) được cung cấp dịch vụ công trực "
                    "tuyến toàn trình; chỉ tiêu là {target:.0%}.",
                    online=online,
                    total=total,
                    share=online / total,
                    target=target,
                ),
                "fix": t(
                    "Bring at least {needed} more procedures fully online (Toàn trình), or record "
                    "why they cannot be.",
                    "Đưa thêm ít nhất {needed} thủ tục lên dịch vụ công trực tuyến toàn trình, "
                    "hoặc ghi rõ lý do chưa thể thực hiện.",
                    needed=needed,
                ),
            }
        ]
    )
