"""A catalogue against the national reference list (`--reference FILE`): procedures it
should announce and does not, and codes the reference does not know."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from procaudit.catalogue.text_columns import map_distinct, untagged_keys
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.io.reference import Reference, national_codes
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits, hits, no_hits
from procaudit.rules.registry import file_rule, frame_rule
from procaudit.vn.levels import describe, level_ids
from procaudit.vn.text import comparison_key


def _covered(ctx: FileContext, column: str, keys_of: Callable[[str], object]) -> frozenset[object]:
    """The levels (or fields) the catalogue lists procedures at; empty where it says none."""
    covered: set[object] = set()
    for table, rule_ctx in ctx.with_columns(column):
        values = table.frame.loc[~rule_ctx.abolished, column]
        for keys in map_distinct(values, keys_of, dtype="object").dropna().unique():
            covered |= keys if isinstance(keys, frozenset) else {keys}
    return frozenset(covered)


def reference_scope(ctx: FileContext, reference: Reference) -> pd.Series | None:
    """Which reference procedures the catalogue should list: those at the levels it covers;
    where either side names no level, those in the fields it covers; None when neither
    tells (then nothing can be said without flooding the report)."""
    procedures = reference.procedures
    levels = _covered(ctx, "level", level_ids)
    if levels and procedures["levels"].map(bool).any():
        return procedures["levels"].map(lambda ids: bool(ids & levels)).astype(bool)
    fields = _covered(ctx, "field", comparison_key)
    if fields and procedures["field_key"].notna().any():
        return procedures["field_key"].isin(fields)
    ctx.notes.append(
        (
            NOT_ANNOUNCED,
            t(
                "neither its levels nor its fields can be matched with the "
                "reference's, so procaudit cannot tell which reference procedures it "
                "should list",
                "cả cấp thực hiện lẫn lĩnh vực của danh mục đều không đối chiếu được "
                "với danh mục tham chiếu, nên procaudit không xác định được danh mục "
                "phải có những thủ tục tham chiếu nào",
            ),
        )
    )
    return None


def _listed(ctx: FileContext) -> tuple[set[str], set[str]]:
    """The national codes and the untagged name keys the catalogue lists."""
    codes: set[str] = set()
    names: set[str] = set()
    for table, _ in ctx.tables:
        frame = table.frame
        if "code" in frame:
            codes.update(national_codes(frame["code"]).dropna())
        names.update(untagged_keys(frame["name"]).dropna())
    return codes, names


NOT_ANNOUNCED = "PA405"


@file_rule(
    NOT_ANNOUNCED,
    "not-announced",
    Severity.ERROR,
    columns=("name",),
    needs="reference",
    finds=(
        "with `--reference`, a reference procedure at a level the catalogue covers that it lacks"
    ),
)
def not_announced(ctx: FileContext) -> pd.DataFrame:
    """A procedure of the national reference list that the catalogue does not announce.

    Every procedure within a province's competence must be announced in its catalogue; in
    one 2025 report only 5 of 34 provinces had announced all of theirs. With `--reference
    FILE` (the national list, e.g. the portal's export) procaudit lists the reference
    procedures at the levels the catalogue covers (its level cells and sections) that the
    catalogue lacks, matched by national code or, failing that, by name. Each finding names
    the missing procedure's code and name; it has no row, because the row is what is missing.
    Where the reference or the catalogue names no level (the portal's per-ministry exports
    have no level column), the fields (Lĩnh vực) the catalogue covers stand in for its
    levels; where neither can be matched, the rule is reported as not checked.

    **Bad**
    ```
    reference: 1.001193 Đăng ký khai sinh (Cấp xã)
    catalogue: (Cấp xã procedures, without 1.001193)
    ```

    **Good**
    ```
    catalogue: 1.001193 | Đăng ký khai sinh | Cấp xã
    ```

    **Fix**: announce the procedure (add it with its publishing decision), or record why it
    does not apply.

    [vi]
    Thủ tục trong danh mục tham chiếu quốc gia mà danh mục này chưa công bố.

    Mọi thủ tục thuộc thẩm quyền giải quyết của tỉnh đều phải được công bố trong danh mục của
    tỉnh; theo một báo cáo năm 2025, chỉ 5 trên 34 tỉnh đã công bố đủ. Khi chạy với `--reference
    FILE` (danh mục quốc gia, ví dụ tệp xuất từ Cổng dịch vụ công quốc gia), procaudit liệt kê các
    thủ tục tham chiếu thuộc các cấp mà danh mục bao quát (theo ô cấp thực hiện và các mục) nhưng
    danh mục còn thiếu, đối chiếu theo mã quốc gia hoặc, nếu không có mã, theo tên. Mỗi phát hiện
    nêu mã và tên của thủ tục còn thiếu; phát hiện không gắn với dòng nào, vì chính dòng đó bị
    thiếu. Khi danh mục tham chiếu hoặc danh mục được kiểm tra không ghi cấp thực hiện (tệp xuất
    theo từng bộ của Cổng dịch vụ công không có cột cấp), các lĩnh vực mà danh mục bao quát được
    dùng thay cho cấp; khi không đối chiếu được cả hai, quy tắc được báo là chưa kiểm tra.

    **Sai**
    ```
    tham chiếu: 1.001193 Đăng ký khai sinh (Cấp xã)
    danh mục:   (các thủ tục cấp xã, không có 1.001193)
    ```

    **Đúng**
    ```
    danh mục: 1.001193 | Đăng ký khai sinh | Cấp xã
    ```

    **Cách sửa**: công bố thủ tục (bổ sung thủ tục kèm quyết định công bố), hoặc ghi rõ lý do thủ
    tục không áp dụng.
    """
    reference: Reference = ctx.options.reference  # type: ignore[assignment]
    procedures = reference.procedures
    expected = reference_scope(ctx, reference)
    if expected is None:
        return file_hits([])
    codes, names = _listed(ctx)
    missing = (
        expected.astype(bool)
        & ~procedures["code"].isin(codes)
        & ~procedures["name_key"].isin(names)
    )
    source = Path(reference.path).name
    records = []
    said = t(
        "The reference {source} lists {code} '{name}'{at}, and the catalogue does not announce it.",
        "Danh mục tham chiếu {source} có thủ tục {code} '{name}'{at} nhưng danh mục này "
        "chưa công bố thủ tục đó.",
    )
    fix = t(
        "Announce the procedure (add it with its publishing decision), or record why it "
        "does not apply here.",
        "Công bố thủ tục (bổ sung thủ tục kèm quyết định công bố), hoặc ghi rõ lý do thủ "
        "tục không áp dụng tại địa phương.",
    )
    for code, name, levels in procedures.loc[missing, ["code", "name", "levels"]].itertuples(
        index=False
    ):
        at = f" ({describe(levels)})" if levels else ""
        records.append(
            {
                "sheet": None,
                "row": None,
                "code": code,
                "column": "code",
                "value": None,
                "message": said.format(source=source, code=code, name=name, at=at),
                "fix": fix,
            }
        )
    return file_hits(records)


# A code one edit from the row's is a likely typo only when its procedure has a similar
# name: codes are dense, and most codes have a neighbour one digit away.
_SIMILAR_NAMES = 80


def _suggestion(
    code: str, name_key: object, same_name_code: object, reference: Reference, choices: list[str]
) -> tuple[str, str]:
    if isinstance(same_name_code, str):
        return (
            t(
                " The reference lists the procedure of this name under {code}.",
                " Danh mục tham chiếu ghi thủ tục có tên này với mã {code}.",
                code=same_name_code,
            ),
            t(
                "Write {code}, the reference's code for this procedure, after checking it in the "
                "national procedure database.",
                "Ghi mã {code} theo danh mục tham chiếu, sau khi đối chiếu với Cơ sở dữ liệu quốc "
                "gia về thủ tục hành chính.",
                code=same_name_code,
            ),
        )
    close = process.extractOne(code, choices, scorer=OSA.distance, score_cutoff=1)
    similar = close is not None and (
        not isinstance(name_key, str)
        or fuzz.token_set_ratio(name_key, cast(str, reference.procedures.at[close[2], "name_key"]))
        >= _SIMILAR_NAMES
    )
    if close is not None and similar:
        other = close[0]
        name = reference.procedures.at[close[2], "name"]
        return (
            t(
                " The closest reference code is {code} ('{name}'), one character away.",
                " Mã gần nhất trong danh mục tham chiếu là {code} ('{name}'), chỉ khác một ký tự.",
                code=other,
                name=name,
            ),
            t(
                "If the procedure is '{name}', write {code}; otherwise check the code in the "
                "national procedure database.",
                "Nếu thủ tục là '{name}' thì ghi mã {code}; nếu không, kiểm tra lại mã trong Cơ "
                "sở dữ liệu quốc gia về thủ tục hành chính.",
                code=other,
                name=name,
            ),
        )
    return (
        "",
        t(
            "Check the code in the national procedure database; if the procedure is new there, "
            "use a newer reference list.",
            "Kiểm tra lại mã trong Cơ sở dữ liệu quốc gia về thủ tục hành chính; nếu đó là thủ "
            "tục mới, hãy dùng danh mục tham chiếu mới hơn.",
        ),
    )


@frame_rule(
    "PA406",
    "unknown-code",
    Severity.WARNING,
    columns=("code",),
    needs="reference",
    finds="with `--reference`, a code the reference lacks, with the likely intended code",
)
def unknown_code(ctx: RuleContext) -> pd.DataFrame:
    """A procedure code that the national reference list does not have.

    A well-formed code that the national list does not know is either mistyped (one digit
    off, two digits swapped) or the code of a procedure withdrawn from the national
    database. procaudit names the reference code of the same name, or the reference code
    one digit off (or two digits swapped) when its procedure has a similar name. Local
    codes are compared by their national part (`1.000494` of `1.000494.000.00.00.H29`);
    malformed codes are PA101's.

    **Bad**
    ```
    1.001139 | Đăng ký khai sinh      (the reference has 1.001193)
    ```

    **Good**
    ```
    1.001193 | Đăng ký khai sinh
    ```

    **Fix**: correct the code from the national procedure database.

    [vi]
    Mã thủ tục không có trong danh mục tham chiếu quốc gia.

    Mã đúng thể thức nhưng danh mục quốc gia không có thì hoặc bị gõ nhầm (sai một chữ số, đảo
    hai chữ số), hoặc là mã của thủ tục đã bị rút khỏi Cơ sở dữ liệu quốc gia về TTHC. procaudit
    gợi ý mã tham chiếu của thủ tục cùng tên, hoặc mã tham chiếu chỉ khác một chữ số (hay đảo hai
    chữ số) nếu thủ tục đó có tên gần giống. Mã địa phương được so sánh theo phần mã quốc gia
    (`1.000494` của `1.000494.000.00.00.H29`); mã sai thể thức thuộc quy tắc PA101.

    **Sai**
    ```
    1.001139 | Đăng ký khai sinh      (danh mục tham chiếu có mã 1.001193)
    ```

    **Đúng**
    ```
    1.001193 | Đăng ký khai sinh
    ```

    **Cách sửa**: sửa mã theo Cơ sở dữ liệu quốc gia về TTHC.
    """
    frame = ctx.frame
    reference: Reference = ctx.options.reference  # type: ignore[assignment]
    national = national_codes(ctx.code_keys.fillna(""))
    unknown = national.notna() & ~national.isin(reference.codes)
    if not unknown.any():
        return no_hits()
    procedures = reference.procedures
    code_of_name = dict(zip(procedures["name_key"], procedures["code"], strict=True))
    name_keys = untagged_keys(frame.loc[unknown, "name"]) if "name" in frame else None
    choices = procedures["code"].tolist()
    source = Path(reference.path).name
    messages, fixes = {}, {}
    said = t(
        "The code {code} is not in the reference list {source}.{extra}",
        "Mã {code} không có trong danh mục tham chiếu {source}.{extra}",
    )
    explained: dict[tuple[str, object], tuple[str, str]] = {}
    for i in unknown[unknown].index:
        name_key = name_keys[i] if name_keys is not None else None
        same_name = code_of_name.get(name_key) if isinstance(name_key, str) else None
        key = (national[i], name_key)
        if key not in explained:
            explained[key] = _suggestion(national[i], name_key, same_name, reference, choices)
        extra, fixes[i] = explained[key]
        messages[i] = said.format(code=national[i], source=source, extra=extra)
    return hits(frame, unknown, "code", pd.Series(messages), pd.Series(fixes))
