"""The 2025 reform of local government: two tiers, province and commune, with no district level
since 1 July 2025 (PA501), and the level tags of names that contradict the level or agency
(PA502).

The district courts, procuracies and police, whose successors are known, are reported by
`district_successors`. The other rules of the 2025 reform: merged ministries and departments
(`reform_agencies`), and the online levels of Decree 42/2022 with the target of procedures
fully online (`reform_online`).
"""

from __future__ import annotations

import re

import pandas as pd

from procaudit.catalogue.text_columns import map_distinct
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import RuleContext
from procaudit.rules.district_successors import district_tier_hits
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.registry import frame_rule
from procaudit.vn.agencies import (
    DISTRICT_BRANCH,
    DISTRICT_COURT,
    DISTRICT_POLICE,
    DISTRICT_PROCURACY,
    agency_levels,
    district_agency,
    district_kind,
)
from procaudit.vn.levels import DISTRICT, describe, level_ids


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


def _office_said(found: object, day: str) -> str | None:
    """PA501's message for an agency cell naming a district office or a unit named after a
    district (`district_agency`)."""
    if not isinstance(found, tuple):
        return None
    if found[0] == DISTRICT_BRANCH:
        return t(
            "The agency '{office}' is a unit organised by district; the district level ended "
            "on {day}, and such units have since been renamed or reorganised.",
            "Cơ quan thực hiện '{office}' là đơn vị tổ chức theo huyện; cấp huyện đã kết thúc "
            "hoạt động từ {day}, các đơn vị này đã được đổi tên hoặc sắp xếp lại.",
            office=found[1],
            day=day,
        )
    if found[0] != DISTRICT:
        return None
    return t(
        "The agency '{office}' is a district-level office; the district level ended on {day}.",
        "Cơ quan thực hiện '{office}' là cơ quan cấp huyện; cấp huyện đã kết thúc hoạt động từ "
        "{day}.",
        office=found[1],
        day=day,
    )


def _district_agencies(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    kinds = ctx.map_distinct("agency", district_kind, dtype="object")
    live = ~ctx.abolished
    courts = kinds.eq(DISTRICT_COURT).fillna(False).astype(bool) & live
    procuracies = kinds.eq(DISTRICT_PROCURACY).fillna(False).astype(bool) & live
    police = kinds.eq(DISTRICT_POLICE).fillna(False).astype(bool) & live
    offices = kinds.eq(DISTRICT).fillna(False).astype(bool) & live
    branches = kinds.eq(DISTRICT_BRANCH).fillna(False).astype(bool) & live
    if not (courts.any() or procuracies.any() or police.any() or offices.any() or branches.any()):
        return no_hits()  # a commune's list: no frame to build or join
    day = _day(ctx)
    said = map_distinct(
        frame.loc[offices | branches, "agency"],
        lambda cell: _office_said(district_agency(cell), day),
        dtype="object",
    )
    return pd.concat(
        [
            hits(
                frame,
                offices,
                "agency",
                said,
                t(
                    "Name the office that took the task over (the commune's People's Committee or "
                    "its departments, or the province's department).",
                    "Ghi cơ quan đã tiếp nhận nhiệm vụ (Ủy ban nhân dân cấp xã hoặc các cơ quan "
                    "chuyên môn của xã, hoặc sở thuộc tỉnh).",
                ),
            ),
            hits(
                frame,
                branches,
                "agency",
                said,
                t(
                    "Write the unit's current name (most now serve an area: '… khu vực …'), or "
                    "the office that took the task over.",
                    "Ghi tên hiện nay của đơn vị (phần lớn nay phụ trách theo khu vực: '… khu vực "
                    "…'), hoặc cơ quan đã tiếp nhận nhiệm vụ.",
                ),
                # The unit may still serve the citizen under its old name: milder than an
                # office that is gone.
                severity=Severity.WARNING,
            ),
            *district_tier_hits(frame, courts, procuracies, police),
        ]
    )


def _district_tags(ctx: RuleContext) -> pd.DataFrame:
    frame = ctx.frame
    tags = ctx.name_tags  # most names have no tag
    if tags.empty:
        return no_hits()
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
    finds=(
        '"Cấp huyện", a district office ("UBND huyện", "UBND Thị xã …", "UBND Quận …", '
        '"UBND Thành phố X" of a city under a province, "Phòng … huyện", "Công an huyện", '
        'a unit named bare: "Huyện Thanh Ba", "H. Lâm Thao"; in English: "District People\'s '
        'Committee", "Division of Justice of X District") or a district tag ("(thực hiện '
        'tại cấp huyện)", "- cấp huyện", "[cấp huyện]", "thuộc thẩm quyền của UBND cấp '
        'huyện", an English list\'s "(district level)"); the six centrally-run cities are '
        "province level; a commune's office with "
        'its district as address and a note on the former holder ("trước 01/7/2025 là cấp '
        'huyện", "chuyển giao từ cấp huyện") are not; district courts, procuracies and police '
        'as their own cases; never "huyện nghèo"'
    ),
    row_local=True,
)
def district_level(ctx: RuleContext) -> pd.DataFrame:
    """A procedure at the district level (cấp huyện), which no longer exists.

    Since 1 July 2025 local government has two tiers, province and commune: the district
    level ended, and its procedures passed to the communes or the province. A list in force
    that still puts a procedure at the district level sends citizens to an office that is
    gone. The rule reads the level cell, the agency cell and the level tag of the name
    ("(thực hiện tại cấp huyện)", "(TTHC cấp huyện)", "[cấp huyện]", "- cấp huyện", "…
    thuộc thẩm quyền của UBND cấp huyện"; an English list's "(implemented at district
    level)", "(district level)", "… at district level"). An agency is of the district tier
    when it is an office (UBND, Phòng …, Công an, Chi cục …) of a huyện, quận, thị xã or of
    a city under a province ("UBND Thành phố Việt Trì", "UBND TP. Thái Nguyên"), a district named
    bare, as a unit column or a unit's heading names it ("Huyện Thanh Ba", "Thị xã Phú Thọ", "H. Lâm
    Thao"), anything "cấp huyện", or an office only the district tier had ("Phòng Lao động - Thương
    binh và Xã hội", "Phòng Tài nguyên và Môi trường"); names typed without diacritics ("UBND huyen
    X", "Cap huyen") count too; the message quotes the office. The centrally-run cities (Hà Nội, TP
    Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Huế) are
    provinces; communes, wards and townships (xã, phường, thị trấn) are communes, and a
    district written after a commune's office is its address ("UBND xã Hương Nộn - huyện Tam
    Nông"); "huyện nghèo" (a poverty category) is not a level. A note on who held the task
    before ("Cấp xã (trước đây cấp huyện)", "Cấp xã (trước 01/7/2025 là cấp huyện)", "Cấp xã
    (nhận bàn giao từ cấp huyện)", "Sở Nội vụ (thay thế Phòng Nội vụ cấp huyện)") is history,
    not the level, and a cell or a section heading that says the task moved from one level to
    another gives the level it moved to ("B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN CHUYỂN GIAO VỀ CẤP
    XÃ"). District courts and procuracies are reported with their own messages: they became
    regional courts and procuracies; so is the district police ("Công an huyện"), whose tasks
    went to the province's and the communes' police on 1 March 2025; where the cell already
    names the successor on another line, the fix deletes the old one. A unit of a department or
    of a national system named after the district it served ("Chi nhánh Văn phòng đăng ký đất
    đai huyện X", "Trung tâm Y tế huyện X", "Chi cục Thuế huyện X") is no office of the district
    tier: its name is stale, a warning, and most such units now serve an area ("khu vực").
    Rows of an annex part that abolishes procedures are not reported.

    **Bad**
    ```
    Cấp huyện
    Cấp tỉnh, Cấp huyện
    Phòng Tư pháp huyện
    UBND Thị xã Phú Thọ
    UBND Thành phố Việt Trì
    Huyện Thanh Ba
    Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)
    Đăng ký khai tử - cấp huyện
    ```

    **Good**
    ```
    Cấp xã
    Cấp xã (trước 01/7/2025 là cấp huyện)
    Ủy ban nhân dân cấp xã
    UBND xã Hương Nộn - huyện Tam Nông
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
    trong tên ("(thực hiện tại cấp huyện)", "(TTHC cấp huyện)", "[cấp huyện]", "- cấp huyện",
    "… thuộc thẩm quyền của UBND cấp huyện"; danh mục tiếng Anh: "(implemented at district
    level)", "(district level)", "… at district level"). Cơ quan thuộc cấp huyện là cơ quan
    (UBND, Phòng …, Công an, Chi cục …) của huyện, quận, thị xã hoặc thành phố thuộc tỉnh ("UBND
    Thành phố Việt Trì", "UBND TP. Thái Nguyên"), huyện được ghi trơn tên như ở cột đơn vị hoặc tiêu
    đề của đơn vị ("Huyện Thanh Ba", "Thị xã Phú Thọ", "H. Lâm Thao"), mọi cơ quan "cấp huyện", hoặc
    cơ quan chỉ cấp huyện mới có ("Phòng Lao động - Thương binh và Xã hội", "Phòng Tài nguyên và Môi
    trường"); tên gõ không dấu ("UBND huyen X", "Cap huyen") cũng được nhận
    biết. Nội dung báo nêu rõ tên cơ quan. Các thành phố trực thuộc trung ương
    (Hà Nội, TP Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Huế) thuộc cấp tỉnh; xã, phường, thị
    trấn thuộc cấp xã, và huyện ghi sau tên cơ quan của xã là địa chỉ của xã ("UBND xã Hương
    Nộn - huyện Tam Nông"); "huyện nghèo" (một diện chính sách) không phải là cấp hành chính.
    Phần ghi chú về cơ quan trước đây đảm nhận ("Cấp xã (trước đây cấp huyện)", "Cấp xã (trước
    01/7/2025 là cấp huyện)", "Cấp xã (nhận bàn giao từ cấp huyện)", "Sở Nội vụ (thay thế
    Phòng Nội vụ cấp huyện)") là lịch sử, không phải cấp thực hiện; ô hoặc tiêu đề phần ghi
    thủ tục chuyển từ cấp này sang cấp khác cho biết cấp tiếp nhận ("B. THỦ TỤC HÀNH CHÍNH CẤP
    HUYỆN CHUYỂN GIAO VỀ CẤP XÃ"). Tòa án nhân dân
    và Viện kiểm sát nhân dân cấp huyện được báo với nội dung riêng: các cơ quan này đã chuyển
    thành Tòa án nhân dân khu vực và Viện kiểm sát nhân dân khu vực; Công an cấp huyện cũng vậy
    ("Công an huyện"): nhiệm vụ đã chuyển về Công an cấp tỉnh và Công an cấp xã từ ngày
    01/3/2025; nếu ô đã ghi cơ quan tiếp nhận ở dòng khác, cách sửa là xóa tên cũ. Đơn vị của
    sở hoặc của
    ngành dọc mang tên huyện mình phụ trách ("Chi nhánh Văn phòng đăng ký đất đai huyện X",
    "Trung tâm Y tế huyện X", "Chi cục Thuế huyện X") không phải cơ quan cấp huyện: tên đơn vị
    đã cũ, được báo ở mức cảnh báo, và phần lớn các đơn vị này nay phụ trách theo khu vực. Các
    dòng thuộc phần phụ lục bãi bỏ thủ tục không bị báo.

    **Sai**
    ```
    Cấp huyện
    Cấp tỉnh, Cấp huyện
    Phòng Tư pháp huyện
    UBND Thị xã Phú Thọ
    UBND Thành phố Việt Trì
    Huyện Thanh Ba
    Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)
    Đăng ký khai tử - cấp huyện
    ```

    **Đúng**
    ```
    Cấp xã
    Cấp xã (trước 01/7/2025 là cấp huyện)
    Ủy ban nhân dân cấp xã
    UBND xã Hương Nộn - huyện Tam Nông
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
    # Joining empty frames is pandas' fixed cost for nothing on a small list.
    found = [part for part in parts if not part.empty]
    if not found:
        return no_hits()
    return found[0] if len(found) == 1 else pd.concat(found)


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


def _both_mismatch_words() -> tuple[str, str, str]:
    """PA502's message templates (the level cell and the agency saying one level, or two)
    and fix where both say another level than the name's tag."""
    alike = t(
        "The name's tag '{tag}' says {named}, but the level and the agency say {levels}.",
        "Phần ghi cấp trong tên '{tag}' là {named}, nhưng ô cấp thực hiện ghi {levels} và "
        "cơ quan thực hiện cũng thuộc {levels}.",
    )
    apart = t(
        "The name's tag '{tag}' says {named}, but the level says {levels} and the agency {agency}.",
        "Phần ghi cấp trong tên '{tag}' là {named}, nhưng ô cấp thực hiện ghi {levels} và cơ "
        "quan thực hiện thuộc {agency}.",
    )
    fix = t(
        "Correct the name's tag, or the level and the agency, so that they name the level "
        "that does the procedure.",
        "Sửa phần ghi cấp trong tên, hoặc sửa cấp thực hiện và cơ quan thực hiện, để cùng ghi "
        "đúng cấp thực hiện thủ tục.",
    )
    return alike, apart, fix


def _texts(messages: list[str], where: pd.Series) -> pd.Series:
    """The messages of the rows `where` is true, by their index."""
    return pd.Series(messages, index=where[where].index, dtype="object")


def _tag_mismatch(tag: object, levels: object) -> bool:
    """A tag naming levels none of which the other cell names (unknown levels never clash).
    A district level on either side is PA501's, which reports it: one stale level is one
    finding, not a second one for the tag it no longer matches."""
    if not isinstance(tag, tuple) or not isinstance(levels, frozenset) or not levels:
        return False
    return DISTRICT not in tag[1] and DISTRICT not in levels and not tag[1] & levels


def _tag_agrees(tag: object, levels: object) -> bool:
    """A tag naming one of the levels the other cell names."""
    return isinstance(tag, tuple) and isinstance(levels, frozenset) and bool(tag[1] & levels)


@frame_rule(
    "PA502",
    "level-mismatch",
    Severity.WARNING,
    columns=("name",),
    prefetch=RuleContext.prefetch_name_tags,
    table_local=True,
    finds=(
        "a name's tag "
        '"(thực hiện tại cấp tỉnh)" that contradicts the level, or the agency where the level '
        "does not say the tag's level (the level only, in a list stacked per unit)"
    ),
)
def level_mismatch(ctx: RuleContext) -> pd.DataFrame:
    """A name's level tag that contradicts the procedure's level or agency.

    Many names end with the level that does the procedure ("(thực hiện tại cấp tỉnh)").
    When the level column or the agency says another level, one of them is wrong, and
    citizens are sent to the wrong office. A district level, in the tag, the level cell or
    the agency, is PA501's, and is not compared here as well. A tag is read in brackets
    ("(cấp tỉnh)", "[cấp tỉnh]"), after a dash ("- cấp tỉnh") or as the competence a name
    ends with ("… thuộc thẩm quyền của UBND cấp tỉnh"), in an English list as "(provincial
    level)", "(implemented at provincial level)". The
    agency is compared only where the level column does not already say the tag's level:
    an agency's level is read from its name, and a system with units at every level named
    with its ministry ("Kho bạc Nhà nước - Bộ tài chính", "Cục Thuế") says no level. In a
    list stacked per unit (a one-stop export), the agency column names the unit whose list it
    is, so only the level column is compared there. A tag that both the level and the agency
    contradict is one finding, on the level.

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
    dẫn đến nhầm cơ quan. Cấp huyện, dù ở phần ghi cấp trong tên, ở ô cấp thực hiện hay ở cơ
    quan thực hiện, thuộc quy tắc PA501 và không bị so sánh thêm ở đây. Phần ghi cấp được đọc
    trong ngoặc ("(cấp tỉnh)", "[cấp tỉnh]"), sau dấu gạch ("- cấp tỉnh") hoặc là thẩm quyền
    ở cuối tên ("… thuộc thẩm quyền của UBND cấp tỉnh"), trong danh mục tiếng Anh là
    "(provincial level)", "(implemented at provincial level)". Cơ quan thực hiện
    chỉ được so sánh khi cột cấp thực hiện chưa ghi đúng cấp trong tên: cấp của cơ quan được
    suy ra từ tên cơ quan, và hệ thống có đơn vị ở mọi cấp ghi kèm tên bộ ("Kho bạc Nhà nước -
    Bộ tài chính", "Cục Thuế") không cho biết cấp thực hiện. Trong danh mục xuất theo từng đơn
    vị (hệ thống một cửa), cột cơ quan ghi đơn vị sở hữu danh mục, nên ở đó chỉ so sánh với cột
    cấp thực hiện. Phần ghi cấp mâu thuẫn với cả cấp thực hiện và cơ quan thực hiện được báo
    một lần, ở ô cấp thực hiện.

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
    tags = ctx.name_tags.reindex(frame.index)  # missing where a name has no tag
    tagged = tags.notna() & ~ctx.abolished
    if not tagged.any():
        return no_hits()
    agreed = pd.Series(False, index=frame.index)  # rows whose level cell names the tag's level
    said_by: dict[str, tuple[pd.Series, pd.Series]] = {}  # column -> (clash, its levels)
    for column, levels_of in (("level", level_ids), ("agency", agency_levels)):
        if column not in frame:
            continue
        checked = tagged
        if column == "agency":
            # A list stacked per unit names the unit whose list it is, not the office that
            # does the procedure: a district's list carries its communes' procedures. Where
            # the level cell says the tag's level, the two explicit statements agree.
            checked = tagged & ~ctx.in_unit_lists() & ~agreed
            if not checked.any():
                continue
        levels = map_distinct(frame.loc[checked, column], levels_of, dtype="object")
        pairs = list(zip(tags[checked], levels, strict=True))
        if column == "level":
            agreed = pd.Series(
                [_tag_agrees(t, v) for t, v in pairs], index=levels.index, dtype=bool
            ).reindex(frame.index, fill_value=False)
        clash = pd.Series(
            [_tag_mismatch(t, v) for t, v in pairs], index=levels.index, dtype=bool
        ).reindex(frame.index, fill_value=False)
        said_by[column] = clash, levels
    # A tag that both the level and the agency contradict is one finding, on the level.
    both = (
        said_by["level"][0] & said_by["agency"][0]
        if len(said_by) == 2
        else pd.Series(False, index=frame.index)
    )
    parts = []
    for column, (clash, levels) in said_by.items():
        alone = clash & ~both
        if alone.any():
            said, fix = _mismatch_words(column)
            messages = [
                said.format(tag=tags[i][0], named=describe(tags[i][1]), levels=describe(levels[i]))
                for i in alone[alone].index
            ]
            parts.append(hits(frame, alone, column, _texts(messages, alone), fix))
    if both.any():
        alike, apart, fix = _both_mismatch_words()
        messages = []
        for i in both[both].index:
            level, agency = describe(said_by["level"][1][i]), describe(said_by["agency"][1][i])
            said = alike if level == agency else apart
            messages.append(
                said.format(tag=tags[i][0], named=describe(tags[i][1]), levels=level, agency=agency)
            )
        parts.append(hits(frame, both, "level", _texts(messages, both), fix))
    return pd.concat(parts) if parts else no_hits()
