"""The words of the diff reports, in the run's language (`i18n.t`).

Functions, not constants: the language is chosen after this module is imported.
"""

from __future__ import annotations

from procaudit.core.i18n import t
from procaudit.diff.model import DiffResult, Kind, Location, MatchedBy, Version

MISSING = "—"  # a value the version does not have


def kind_label(kind: Kind) -> str:
    """The kind in a word or two: the xlsx kind column."""
    return {
        Kind.ADDED: t("Added", "Bổ sung"),
        Kind.REMOVED: t("Removed", "Bãi bỏ/loại khỏi danh mục"),
        Kind.RENAMED: t("Renamed", "Đổi tên"),
        Kind.MOVED: t("Moved", "Chuyển cấp thực hiện, lĩnh vực"),
        Kind.CHANGED: t("Changed", "Sửa đổi, bổ sung"),
    }[kind]


def kind_heading(kind: Kind) -> str:
    """The title of a kind's table."""
    return {
        Kind.ADDED: t("Procedures added", "Thủ tục được bổ sung"),
        Kind.REMOVED: t("Procedures removed", "Thủ tục bị bãi bỏ/loại khỏi danh mục"),
        Kind.RENAMED: t("Procedures renamed", "Thủ tục được đổi tên"),
        Kind.MOVED: t(
            "Procedures moved to another level or field",
            "Thủ tục được chuyển cấp thực hiện hoặc lĩnh vực",
        ),
        Kind.CHANGED: t(
            "Procedures whose details changed", "Thủ tục được sửa đổi, bổ sung nội dung"
        ),
    }[kind]


def field_label(field: str) -> str:
    return {
        "code": t("Code", "Mã thủ tục"),
        "name": t("Name", "Tên thủ tục"),
        "level": t("Level", "Cấp thực hiện"),
        "field": t("Field", "Lĩnh vực"),
        "decision_no": t("Publishing decision", "Quyết định công bố"),
        "decision_date": t("Decision date", "Ngày công bố"),
        "forms": t("Forms", "Mẫu đơn, tờ khai"),
        "processing_time": t("Processing time", "Thời hạn giải quyết"),
        "agency": t("Agency", "Cơ quan thực hiện"),
        "fee": t("Fee", "Phí, lệ phí"),
        "online_level": t("Online service", "Mức độ dịch vụ công trực tuyến"),
    }[field]


def matched_label(matched_by: MatchedBy | None) -> str:
    if matched_by is None:
        return ""
    return {
        MatchedBy.CODE: t("code", "mã thủ tục"),
        MatchedBy.NATIONAL_CODE: t("national code", "mã thủ tục quốc gia"),
        MatchedBy.NAME: t("name (no code)", "tên thủ tục (thiếu mã)"),
        MatchedBy.NAME_AND_LEVEL: t(
            "name and level (code changed)", "tên và cấp thực hiện (mã đã thay đổi)"
        ),
    }[matched_by]


def place(location: Location | None, version: Version) -> str:
    """Where a row is, as the official finds it: "Sheet, row 12"; "row 12" in a workbook
    with one sheet of procedures; for a CSV, "line 12"."""
    if location is None:
        return ""
    if location.sheet is None:
        return t("line {row}", "dòng {row}", row=location.row)
    if len(version.sheets) <= 1:
        return t("row {row}", "dòng {row}", row=location.row)
    return t("{sheet}, row {row}", "{sheet}, dòng {row}", sheet=location.sheet, row=location.row)


def summary_line(result: DiffResult) -> str:
    """The counts per kind in one line (all that --quiet prints)."""
    old, new = result.old.path, result.new.path
    if not result.changes:
        return t(
            "{old} → {new}: no changes ({procedures} compared)",
            "{old} → {new}: không có thay đổi ({procedures} được đối chiếu)",
            old=old,
            new=new,
            procedures=procedures(result.unchanged),
        )
    counts = {kind.value: count for kind, count in result.counts().items()}
    return t(
        "{old} → {new}: {added} added, {removed} removed, {renamed} renamed, {moved} moved, "
        "{changed} changed, {unchanged} unchanged",
        "{old} → {new}: {added} thủ tục được bổ sung, {removed} bị bãi bỏ/loại khỏi danh mục, "
        "{renamed} được đổi tên, {moved} được chuyển cấp thực hiện hoặc lĩnh vực, "
        "{changed} được sửa đổi, bổ sung nội dung, {unchanged} giữ nguyên",
        old=old,
        new=new,
        unchanged=result.unchanged,
        **counts,
    )


def heading_line(result: DiffResult) -> str:
    return t(
        "Comparing {old} ({old_count}) with {new} ({new_count})",
        "Đối chiếu {old} ({old_count}) với {new} ({new_count})",
        old=result.old.path,
        old_count=procedures(result.old.procedures),
        new=result.new.path,
        new_count=procedures(result.new.procedures),
    )


def procedures(count: int) -> str:
    """ "1 procedure", "12 procedures"; "12 thủ tục" (Vietnamese nouns have no plural)."""
    return t("1 procedure" if count == 1 else f"{count} procedures", f"{count} thủ tục")


def notes(result: DiffResult) -> list[str]:
    """What the reader should know to trust the counts."""
    lines = []
    if result.not_compared:
        lines.append(
            t(
                "Not compared, because only one version has them: {fields}.",
                "Không đối chiếu các cột chỉ có ở một phiên bản: {fields}.",
                fields=", ".join(field_label(field) for field in result.not_compared),
            )
        )
    for version in (result.old, result.new):
        if version.abolished:
            lines.append(
                t(
                    "{path}: 1 row of an abolished procedure (bãi bỏ) is not part of the list "
                    "and was left out of the comparison."
                    if version.abolished == 1
                    else "{path}: {count} rows of abolished procedures (bãi bỏ) are not part of "
                    "the list and were left out of the comparison.",
                    "{path}: {count} dòng thủ tục đã bị bãi bỏ không thuộc danh mục đang có hiệu "
                    "lực nên không được đối chiếu.",
                    path=version.path,
                    count=version.abolished,
                )
            )
        if version.duplicate_codes:
            lines.append(
                t(
                    "{path}: 1 code is written on more than one row (marked *); each row is "
                    "paired at most once, and rows left over are listed as added or removed."
                    if version.duplicate_codes == 1
                    else "{path}: {count} codes are written on more than one row (marked *); "
                    "each row is paired at most once, and rows left over are listed as added "
                    "or removed.",
                    "{path}: {count} mã thủ tục xuất hiện ở nhiều dòng (đánh dấu *); mỗi dòng chỉ "
                    "được đối chiếu một lần, các dòng còn thừa được liệt kê là bổ sung hoặc bãi "
                    "bỏ/loại khỏi danh mục.",
                    path=version.path,
                    count=version.duplicate_codes,
                )
            )
    return lines
