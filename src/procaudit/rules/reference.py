"""A catalogue against the national reference list (`--reference FILE`): procedures it
should announce and does not, and codes the reference does not know."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process

from procaudit.catalogue.name_tags import untagged_keys
from procaudit.catalogue.text_columns import arrow_text, map_distinct, text_series
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.io.reference import Reference, national_codes
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.hits import file_hits, formatted, hits
from procaudit.rules.reference_codes import closest_codes
from procaudit.rules.registry import file_rule, frame_rule
from procaudit.vn.levels import describe, level_ids
from procaudit.vn.text import comparison_key


def _covered(ctx: FileContext, column: str, keys_of: Callable[[str], object]) -> frozenset[object]:
    """The levels (or fields) the catalogue lists procedures at; empty where it says none."""
    covered: set[object] = set()
    for _, rule_ctx in ctx.with_columns(column):
        # Kept with the table: PA405 and the scorecard both ask (0.15 s at a million rows).
        covered |= rule_ctx.shared(
            f"{column} covered", partial(_table_covered, rule_ctx, column, keys_of)
        )
    return frozenset(covered)


def _table_covered(
    rule_ctx: RuleContext, column: str, keys_of: Callable[[str], object]
) -> frozenset[object]:
    covered: set[object] = set()
    values = rule_ctx.frame.loc[~rule_ctx.abolished, column]
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


def table_national_codes(ctx: RuleContext) -> pd.Series:
    """The national part of each row's code (missing where it has none), kept for both
    reference rules (the table's text work is released between them; this is small)."""
    return ctx.shared("national codes", lambda: national_codes(ctx.frame["code"]))


def _listed_codes(ctx: FileContext) -> pa.Array:
    """The national codes the catalogue lists (in Arrow: a million Python strings would
    cost more than finding them)."""
    return _all(
        [
            arrow_text(table_national_codes(rule_ctx))
            for table, rule_ctx in ctx.tables
            if "code" in table.frame
        ]
    )


def _listed_names(ctx: FileContext) -> pa.Array:
    """The untagged name keys the catalogue lists: 0.7 s for a million names, so made only
    for a reference procedure its code did not find."""
    return _all([arrow_text(untagged_keys(table.frame["name"])) for table, _ in ctx.tables])


def _all(parts: list[pa.Array]) -> pa.Array:
    return pa.concat_arrays(parts) if parts else pa.array([], pa.large_string())


def _lacking(values: pd.Series, listed: pa.Array) -> pd.Series:
    """Where `values` (a reference's few thousand) are not among `listed` (the catalogue's
    million); a missing value always is. The listed values are looked up among the few, not
    the other way round: hashing a million texts costs more than probing with them."""
    ours = arrow_text(values)
    present = listed.filter(pc.is_in(listed, value_set=ours, skip_nulls=True))
    found = pc.is_in(ours, value_set=present, skip_nulls=True)
    return pd.Series(~found.to_numpy(zero_copy_only=False), index=values.index)


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
    missing = expected.astype(bool) & _lacking(procedures["code"], _listed_codes(ctx))
    if missing.any():  # lacking by code: maybe listed by name
        missing &= _lacking(procedures["name_key"], _listed_names(ctx))
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


_NONE, _SAME_NAME, _CLOSEST = 0, 1, 2  # what PA406 suggests for an unknown code


def _same_name_texts(chosen: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The message's ending and the fix where the reference lists the row's name under
    another code, one each per `chosen` reference procedure (a few thousand at most)."""
    extras, fixes = [], []
    for code in chosen["code"]:
        extras.append(
            t(
                " The reference lists the procedure of this name under {code}.",
                " Danh mục tham chiếu ghi thủ tục có tên này với mã {code}.",
                code=code,
            )
        )
        fixes.append(
            t(
                "Write {code}, the reference's code for this procedure, after checking it in the "
                "national procedure database.",
                "Ghi mã {code} theo danh mục tham chiếu, sau khi đối chiếu với Cơ sở dữ liệu quốc "
                "gia về thủ tục hành chính.",
                code=code,
            )
        )
    return np.array(extras, dtype=object), np.array(fixes, dtype=object)


def _closest_texts(chosen: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The message's ending and the fix where the `chosen` reference procedure's code is
    one character from the row's, one each per procedure."""
    extras, fixes = [], []
    for code, name in zip(chosen["code"], chosen["name"], strict=True):
        extras.append(
            t(
                " The closest reference code is {code} ('{name}'), one character away.",
                " Mã gần nhất trong danh mục tham chiếu là {code} ('{name}'), chỉ khác một ký tự.",
                code=code,
                name=name,
            )
        )
        fixes.append(
            t(
                "If the procedure is '{name}', write {code}; otherwise check the code in the "
                "national procedure database.",
                "Nếu thủ tục là '{name}' thì ghi mã {code}; nếu không, kiểm tra lại mã trong Cơ "
                "sở dữ liệu quốc gia về thủ tục hành chính.",
                code=code,
                name=name,
            )
        )
    return np.array(extras, dtype=object), np.array(fixes, dtype=object)


def _check_the_code() -> str:
    return t(
        "Check the code in the national procedure database; if the procedure is new there, "
        "use a newer reference list.",
        "Kiểm tra lại mã trong Cơ sở dữ liệu quốc gia về thủ tục hành chính; nếu đó là thủ "
        "tục mới, hãy dùng danh mục tham chiếu mới hơn.",
    )


def _suggestions(
    codes: pd.Series, name_keys: pd.Series, procedures: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray]:
    """What to suggest for each unknown code (with its row's name key): `_SAME_NAME`, the
    reference procedure of the same name; else `_CLOSEST`, that of the closest code, if
    its name is similar; else `_NONE`. Also the procedure's position (0 for `_NONE`)."""
    same = _same_name(name_keys, procedures)
    encoded = pc.dictionary_encode(arrow_text(codes))  # the closest code once per code
    distinct = text_series(encoded.dictionary, pd.RangeIndex(len(encoded.dictionary)))
    nearest = closest_codes(distinct, procedures["code"].reset_index(drop=True)).to_numpy()
    closest = nearest[encoded.indices.to_numpy()]
    near = (same < 0) & (closest >= 0)
    similar = np.zeros(len(codes), dtype=bool)
    if near.any():
        similar[near] = _similar(name_keys[near], closest[near], procedures)
    kind = np.select([same >= 0, similar], [_SAME_NAME, _CLOSEST], _NONE)
    at = np.select([same >= 0, similar], [same, closest], 0)
    return kind, at


def _same_name(name_keys: pd.Series, procedures: pd.DataFrame) -> np.ndarray:
    """Each row's reference procedure (its position) of the same untagged name; -1 where
    none is. Of several procedures of one name, the last counts."""
    named = procedures["name_key"].reset_index(drop=True).dropna()
    by_key = pd.Series(named.index, index=named.to_numpy()).groupby(level=0).last()
    keys = pa.array(by_key.index.to_numpy(dtype=object), type=pa.large_string())
    found = pc.index_in(arrow_text(name_keys), value_set=keys)  # null where none is
    positions = np.append(by_key.to_numpy(dtype=np.int64), -1)  # the last: none
    at = pc.fill_null(found, len(by_key)).to_numpy(zero_copy_only=False)
    same: np.ndarray = positions[at]  # pyarrow is untyped
    return same


def _similar(name_keys: pd.Series, closest: np.ndarray, procedures: pd.DataFrame) -> np.ndarray:
    """Whether each name key is similar to the name of the reference procedure at `closest`
    (a row without a name is taken as similar), measured once per distinct pair."""
    pairs = pd.DataFrame({"key": name_keys.to_numpy(), "at": closest})
    distinct = pairs.dropna().drop_duplicates()
    # A reference procedure without a name is similar to none (token_set_ratio gives 0).
    theirs = procedures["name_key"].fillna("").to_numpy()[distinct["at"].to_numpy()]
    ratios = process.cpdist(
        distinct["key"].tolist(), theirs.tolist(), scorer=fuzz.token_set_ratio, dtype=np.float64
    )
    distinct = distinct.assign(similar=ratios >= _SIMILAR_NAMES)
    similar = pairs.merge(distinct, on=["key", "at"], how="left")["similar"]
    return similar.fillna(True).astype(bool).to_numpy()


def _explain_unknown(ctx: RuleContext, found: pd.DataFrame) -> tuple[list[str], list[str]]:
    """PA406's message and fix for each of its hits in `found`: the reference code of the
    row's name, or the closest reference code, when there is one to suggest."""
    frame = ctx.frame
    reference: Reference = ctx.options.reference  # type: ignore[assignment]
    procedures = reference.procedures
    codes = table_national_codes(ctx).loc[found.index]
    if "name" in frame:
        name_keys = untagged_keys(frame.loc[found.index, "name"])
    else:
        name_keys = pd.Series(np.nan, index=codes.index, dtype="str")
    kind, at = _suggestions(codes, name_keys, procedures)
    extras = pd.Series("", index=codes.index, dtype="str")
    fixes = pd.Series(_check_the_code(), index=codes.index, dtype="str")
    for which, texts_of in ((_SAME_NAME, _same_name_texts), (_CLOSEST, _closest_texts)):
        rows = kind == which
        if rows.any():
            # The texts once per suggested procedure, spread to the rows that suggest it.
            used, spread = np.unique(at[rows], return_inverse=True)
            extra, fix = texts_of(procedures.iloc[used])
            extras[rows] = extra[spread]
            fixes[rows] = fix[spread]
    said = t(
        "The code {code} is not in the reference list {source}.{extra}",
        "Mã {code} không có trong danh mục tham chiếu {source}.{extra}",
    )
    source = Path(reference.path).name
    messages = formatted(said, codes.index, code=codes, source=source, extra=extras)
    return messages.tolist(), fixes.tolist()


@frame_rule(
    "PA406",
    "unknown-code",
    Severity.WARNING,
    columns=("code",),
    needs="reference",
    finds="with `--reference`, a code the reference lacks, with the likely intended code",
    explain=_explain_unknown,
    row_local=True,
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
    reference: Reference = ctx.options.reference  # type: ignore[assignment]
    national = table_national_codes(ctx)
    unknown = national.notna() & ~national.isin(reference.codes)
    # Explained by `_explain_unknown`, for the hits shown only: a catalogue whose codes the
    # reference does not know has a million of them, which make one column finding.
    return hits(ctx.frame, unknown, "code", "", "")
