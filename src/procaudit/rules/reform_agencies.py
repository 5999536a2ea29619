"""The ministries and departments the reorganisation of 1 March 2025 merged into others,
and the provinces Resolution 202/2025/QH15 merged into others on 1 July 2025 (PA504), named
with their successors (`vn.defunct_agencies.defunct_in`)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits
from procaudit.rules.registry import frame_rule
from procaudit.vn.agency_words import agency_words
from procaudit.vn.defunct_agencies import (
    AGENCY_BREAK,
    PROVINCE_MERGED,
    Defunct,
    defunct_in,
)
from procaudit.vn.former_holders import without_former


def _defunct_message(cell: str, name: object = None) -> tuple[str, str] | None:
    """The message and fix for an agency cell; the fix names who took over the procedure
    `name` where that is not the usual successor (`Defunct.successor_for`)."""
    found = defunct_in(cell)
    if not found:
        return None
    became = t(
        "'{old}' became {successor} on {since}{note}",
        "'{old}' nay là {successor} (từ {since}{note})",
    )
    merged = t(
        "'{old}' is part of {successor} since {since} ({note})",
        "'{old}' nay thuộc {successor} (từ {since}; {note})",
    )
    # Reorganised under a new name: the agency is there, its name is not ("Ngân hàng Nhà
    # nước Chi nhánh Khu vực 5" is "Ngân hàng Nhà nước Khu vực 5").
    renamed = t(
        "'{old}' has been called {successor} since {since}{note}",
        "'{old}' nay có tên là {successor} (từ {since}{note})",
    )
    names = "; ".join(
        (merged if a.kind == PROVINCE_MERGED else renamed if a.renamed else became).format(
            old=a.old_name,
            successor=a.successor,
            since=_since(a.since),
            note=_act(a.note) if a.kind == PROVINCE_MERGED else _defunct_note(a.note),
        )
        for a in found
    )
    write = t("write {successor} for {old}", "ghi {successor} thay cho {old}")
    # The successor already on another line of the cell ("Cục Đường thủy nội địa Việt
    # Nam\nCục Hàng hải và Đường thủy Việt Nam"): the old name is only to be deleted.
    delete = t(
        "delete {old}: {successor}, which took it over, is already listed",
        "xóa {old}: {successor}, cơ quan tiếp nhận, đã có trong danh sách",
    )
    office = t(
        "name the office of {successor} that took over from that of {old}",
        "ghi cơ quan của {successor} đã tiếp nhận nhiệm vụ của cơ quan thuộc {old}",
    )
    fixes = []
    for a in found:
        moved = a.successor_for(name)  # a subject's successor: not the one listed beside
        how = office if a.kind == PROVINCE_MERGED else write
        if a.kind != PROVINCE_MERGED and moved is None and _listed_beside(cell, a):
            how = delete
        fixes.append(how.format(successor=moved or a.successor, old=a.old_name))
    fix = "; ".join(fixes)
    head = (
        t("The agency's name is out of date: {names}.", "Tên cơ quan thực hiện đã cũ: {names}.")
        if all(a.renamed for a in found)
        else t(
            "The agency no longer exists: {names}.", "Cơ quan thực hiện không còn tồn tại: {names}."
        )
    )
    return (
        head.format(names=names),
        fix[0].upper() + fix[1:] + ".",
    )


def _listed_beside(cell: str, agency: Defunct) -> bool:
    """Whether another agency of the cell (`AGENCY_BREAK`) is the successor of `agency`."""
    lines = [agency_words(line) for line in AGENCY_BREAK.split(without_former(cell))]
    return any(
        agency.successor_pattern.search(words) and not agency.pattern.search(words)
        for words in lines
    )


def _act(act: str) -> str:
    """The act that merged a province, as the language names it ("Resolution 202/2025/QH15",
    "Nghị quyết 202/2025/QH15")."""
    return t(act, act.replace("Resolution", "Nghị quyết"))


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
    "where a province set none up, Sở Nội vụ": "tỉnh không thành lập sở này thì là Sở Nội vụ",
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


@frame_rule(
    "PA504",
    "defunct-agency",
    Severity.WARNING,
    columns=("agency",),
    finds=(
        "a ministry or department merged on 2025-03-01 (kept in "
        "`src/procaudit/vn/data/defunct_agencies.csv`), also as officials abbreviate it "
        '("Sở TN&MT", "Sở Nông nghiệp và PTNT", "Bộ LĐTBXH"; `data/agency_abbreviations.csv`) '
        'and in English ("Department of Natural Resources and Environment", "DOLISA"), '
        "on a line of its own even beside its successor; an office of a province merged on "
        '2025-07-01 ("UBND tỉnh Kiên Giang", "Sở Tư pháp Vĩnh Phúc"; '
        "`data/merged_provinces.csv`), never a ward of that name"
    ),
    row_local=True,
)
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
    lịch, are not reported. Each agency of a cell is read alone (one a line, or after ";",
    or after a comma before another agency's name): an old name is history only with a note
    on its own line ("Bộ Khoa học và Công nghệ (Bộ TTTT cũ)"); on a line of its own it is
    stale, whatever the other lines name. The provinces that Resolution 202/2025/QH15 merged
    into others on 1 July 2025 (Kiên Giang into An Giang, Vĩnh Phúc into Phú Thọ, …) are no
    agencies' provinces any more: an office named with one ("UBND tỉnh Kiên Giang", "Sở Tư
    pháp tỉnh Vĩnh Phúc", "Sở Tư pháp Vĩnh Phúc") is reported with the province it is part
    of; a ward or commune that took the old province's name ("UBND phường Thái Bình") is
    not. Where an agency's tasks went to several successors, the fix follows the procedure's
    name: Sở Thông tin và Truyền thông's press and publishing ("Cấp giấy phép xuất bản bản
    tin") went to Sở Văn hóa, Thể thao và Du lịch, not to Sở Khoa học và Công nghệ; where the
    successor is already listed on another line of the cell, the fix deletes the old name.
    An agency reorganised under a new name ("Tổng cục Thuế" is "Cục Thuế", "Ngân hàng Nhà
    nước chi nhánh" is "Ngân hàng Nhà nước Khu vực") is not gone: its name is out of date,
    and the message says what it is called now. The list
    procaudit knows is kept in `data/defunct_agencies.csv` inside the package, the
    abbreviations in `data/agency_abbreviations.csv`, the provinces in
    `data/merged_provinces.csv`.

    **Bad**
    ```
    Sở Lao động - Thương binh và Xã hội
    Sở Lao động, Thương binh và XH
    Sở KH&ĐT
    Sở Nông nghiệp và PTNT
    Sở Tài chính; Sở Kế hoạch và Đầu tư
    UBND tỉnh Kiên Giang
    ```

    **Good**
    ```
    Sở Nội vụ
    Sở Tài chính
    Sở Nông nghiệp và Môi trường
    Sở Nông nghiệp và Môi trường (trước 01/3/2025: Sở Tài nguyên và Môi trường)
    UBND tỉnh An Giang
    UBND phường Thái Bình
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
    GTVT"). Các sở vẫn giữ nguyên, như Sở Văn hóa, Thể thao và Du lịch, không bị báo. Từng cơ
    quan trong một ô được xét riêng (mỗi dòng một cơ quan, hoặc sau dấu ";", hoặc sau dấu phẩy
    đứng trước tên một cơ quan khác): tên cũ chỉ là lịch sử khi có ghi chú ngay trên dòng của nó
    ("Bộ Khoa học và Công nghệ (Bộ TTTT cũ)"); đứng riêng một dòng thì vẫn là tên đã cũ, dù các
    dòng khác ghi gì. Các tỉnh được sắp xếp vào tỉnh khác từ ngày 01/7/2025 theo Nghị quyết
    202/2025/QH15 (Kiên Giang vào An Giang, Vĩnh Phúc vào Phú Thọ, …) không còn là tỉnh của cơ
    quan nào: cơ quan ghi kèm tên tỉnh đó ("UBND tỉnh Kiên Giang", "Sở Tư pháp tỉnh Vĩnh Phúc",
    "Sở Tư pháp Vĩnh Phúc") bị báo cùng tỉnh hiện nay; phường, xã mang tên tỉnh cũ ("UBND
    phường Thái Bình") thì không. Khi nhiệm vụ của một cơ quan được chuyển cho nhiều cơ quan,
    cách sửa theo tên thủ tục: báo chí, xuất bản của Sở Thông tin và Truyền thông ("Cấp giấy
    phép xuất bản bản tin") chuyển về Sở Văn hóa, Thể thao và Du lịch, không phải Sở Khoa học
    và Công nghệ; nếu cơ quan tiếp nhận đã có ở dòng khác của ô, cách sửa là xóa tên cũ. Cơ
    quan được tổ chức lại với tên mới ("Tổng cục Thuế" nay là "Cục Thuế", "Ngân hàng Nhà nước
    chi nhánh" nay là "Ngân hàng Nhà nước Khu vực") vẫn còn: chỉ tên đã cũ, và thông báo ghi
    tên hiện nay của cơ quan. Danh sách procaudit sử dụng được lưu trong tệp
    `data/defunct_agencies.csv` của gói phần mềm, các chữ viết tắt trong tệp
    `data/agency_abbreviations.csv`, các tỉnh trong tệp `data/merged_provinces.csv`.

    **Sai**
    ```
    Sở Lao động - Thương binh và Xã hội
    Sở Lao động, Thương binh và XH
    Sở KH&ĐT
    Sở Nông nghiệp và PTNT
    Sở Tài chính; Sở Kế hoạch và Đầu tư
    UBND tỉnh Kiên Giang
    ```

    **Đúng**
    ```
    Sở Nội vụ
    Sở Tài chính
    Sở Nông nghiệp và Môi trường
    Sở Nông nghiệp và Môi trường (trước 01/3/2025: Sở Tài nguyên và Môi trường)
    UBND tỉnh An Giang
    UBND phường Thái Bình
    ```

    **Cách sửa**: ghi tên cơ quan đã tiếp nhận nhiệm vụ.
    """
    frame = ctx.frame
    explained = ctx.map_distinct("agency", _defunct_message, dtype="object")
    mask = explained.notna() & ~ctx.abolished
    if "name" in frame and mask.any():
        # An agency whose tasks went to several successors (Sở Thông tin và Truyền thông's
        # press and publishing to Sở Văn hóa, Thể thao và Du lịch): its rows' fixes follow
        # their names. Looked at only on the few rows reported.
        cells = frame.loc[mask, "agency"]
        split = {c for c in cells.unique() if any(a.by_subject for a in defunct_in(c))}
        rows = cells.index[cells.isin(split)] if split else cells.index[:0]
        if len(rows):
            pairs = pd.Series(
                list(zip(frame.loc[rows, "agency"], frame.loc[rows, "name"], strict=True)),
                index=rows,
                dtype="object",
            )
            said = {pair: _defunct_message(str(pair[0]), pair[1]) for pair in set(pairs)}
            explained = explained.copy()
            explained.loc[rows] = pairs.map(said)
    return hits(
        frame,
        mask,
        "agency",
        explained[mask].map(lambda pair: pair[0]),
        explained[mask].map(lambda pair: pair[1]),
    )
