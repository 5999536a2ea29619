"""Names that are almost the same at one level: a typo, a filler word, a word split in two,
punctuation or a level tag apart (PA204). Exact copies are PA203's: this rule never reports
two names that `text.comparison_key` makes equal. In a per-unit list (`units.find_units`)
a "level" is a level within one unit.

Vietnamese catalogues are full of families of different procedures whose names differ by one
meaningful word ("Cấp" / "Cấp lại" / "Cấp đổi"; "nhập khẩu" / "xuất khẩu"; "khai sinh" /
"khai tử"), so the rule does not look for "similar" names. It accepts only differences that
cannot name another procedure:

- the same words apart from punctuation, a leading "Thủ tục" or a level tag;
- the same letters with a word written together or apart ("đăng ký" / "đăngký");
- one word replaced by a typo of it: one letter or diacritic off, or two letters swapped
  (two slips for words of six or more letters); neither word a number, a Roman numeral or
  an acronym; not a known pair of real words; and one of the two rare in its place beside
  the other (a slip is in a name or two, a word of the catalogue in many);
- one filler word more or less ("của", "và", "việc" ...), or one word typed twice.

The rule's parts, one module each: what a name is made of (`near_duplicates_names`), which
word differences are slips (`near_duplicates_words`), how two names differ and how a message
says it (`near_duplicates_difference`), and how the pairs one word apart are found without
comparing all names (`near_duplicates_pairs`). This module groups the rows into distinct
names per level, pairs them and writes the findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from procaudit.catalogue.arrow_memory import release_memory
from procaudit.catalogue.text_columns import (
    arrow_text,
    comparison_key_array,
    first_appearances,
    repeated_numbers,
    taken_in_order,
)
from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.compared_levels import BY_AGENCY
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits, no_hits
from procaudit.rules.near_duplicates_difference import (
    EXTRA,
    WORD,
    Difference,
    same_letters_difference,
)
from procaudit.rules.near_duplicates_names import NameParts, Names, names_of
from procaudit.rules.near_duplicates_pairs import (
    NameSums,
    extra_words,
    gather_keys,
    hash_keys,
    name_sums,
    substitutions,
    vocabulary_typos,
)
from procaudit.rules.registry import frame_rule
from procaudit.rules.row_names import SHOWN_ROWS
from procaudit.vn.text import comparison_key


@dataclass
class Variants:
    """The distinct names (by comparison key) per level among the rows checked."""

    names: Names
    name: np.ndarray  # name of each variant
    level: np.ndarray  # level id of each variant
    of_row: np.ndarray  # variant of each checked row
    position: np.ndarray  # frame position of each checked row
    sums: Callable[[], NameSums]  # the names' word hashes, made beside the levels
    typos: Callable[[], pd.DataFrame]  # the vocabulary's typo pairs (`vocabulary_typos`)
    # The table of each level, on a stack of tables (`RuleContext.table_ids`): a word's
    # rarity is counted among its own table's names. None for a table alone.
    table_of_level: np.ndarray | None = None

    def parts(self, variant: int) -> NameParts:
        return self.names.parts(self.name[variant])


def _variants(ctx: RuleContext) -> Variants | None:
    keys = ctx.name_keys
    checked = (keys.notna() & ~ctx.abolished).to_numpy(dtype=bool)
    del keys
    if checked.sum() < 2:
        return None
    # The distinct names, numbered as they first appear, in Arrow (a million names as
    # Python strings took seconds and a gigabyte); the codes are the duplicate keys'.
    rows = np.flatnonzero(checked)
    name_codes, first = first_appearances(ctx.name_codes[checked], len(ctx.frame))
    first_rows = rows[first].astype(np.int32)  # the first row of each distinct name
    del rows, first
    column = ctx.frame["name"]

    def keys_of(numbers: np.ndarray) -> pa.Array:
        # The names a finding is about, made again from their first rows.
        return comparison_key_array(arrow_text(column.iloc[first_rows[numbers]]))

    cells, unit = ctx.level_keys[checked], ctx.unit_ids()[checked].astype(np.int32)
    made: list[Callable[[], tuple[np.ndarray, np.ndarray, np.ndarray]]] = []

    def offer_variants(tag: np.ndarray) -> None:
        # The variants need the names' tags alone: offered to the rules' thread, if it
        # waits, which makes them while this one joins the words' pieces.
        made.append(ctx.beside(lambda: _numbered(cells, tag, name_codes, unit, len(first_rows))))

    # Given, not held here: the distinct keys go once their near keys are made.
    names = names_of(_distinct_keys(ctx, first_rows), keys_of, ctx.beside, offer_variants)
    release_memory(len(first_rows))
    # Of the names' words alone: offered to the rules' thread, if it waits, while this one
    # makes the variants, if that thread has not.
    sums = ctx.beside(lambda: name_sums(names, ctx.beside))
    # Of the vocabulary alone, needed last: offered too, for this thread's chain is the
    # rules' thread's wait.
    typos = ctx.beside(lambda: vocabulary_typos(names.vocabulary))
    of_row, name, level = made.pop()()
    tables, table_of_level = ctx.table_ids(), None
    if tables is not None:  # levels are within units, units within tables
        table_of_level = np.zeros(int(level.max(initial=-1)) + 1, dtype=np.int64)
        table_of_level[level[of_row]] = tables[checked]
    positions = np.flatnonzero(checked).astype(np.int32)
    return Variants(names, name, level, of_row, positions, sums, typos, table_of_level)


def _numbered(
    cells: pd.Series, tag: np.ndarray, name_codes: np.ndarray, unit: np.ndarray, names: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The variant of each checked row, and the name and level of each variant (`Variants`),
    of the rows' level keys (`cells`), their names' tags and numbers and their units."""
    level = _levels(cells, tag, name_codes, unit)
    level_of = np.zeros(names, dtype=level.dtype)
    level_of[name_codes] = level
    if np.array_equal(level_of[name_codes], level):
        # Each name at one level (as in a list of distinct names): the variants are the
        # names, numbered alike, with no hash table of a million variants beside the join.
        return (
            name_codes.astype(np.int32),
            np.arange(names, dtype=np.int32),
            level_of.astype(np.int32),
        )
    combined = level * names + name_codes
    del level, level_of
    of_row, variant_keys = pd.factorize(combined)
    del combined
    variant_keys = np.asarray(variant_keys)
    # Numbers of rows and names in 32 bits: the arrays are held to the end of the build.
    return (of_row.astype(np.int32), (variant_keys % names).astype(np.int32),
            (variant_keys // names).astype(np.int32))  # fmt: skip


def _levels(
    cells: pd.Series, tag: np.ndarray, name_codes: np.ndarray, unit: np.ndarray
) -> np.ndarray:
    """A number per checked row for its level (`cells`, its level key) within its unit.

    A row's level is its level cell; without one, the level its name's tag names, else the
    one its agencies work at (`compared_levels`). In the portal's exports (no level column)
    "X" and "X (thực hiện tại cấp tỉnh)" are always two procedures at two levels, so a
    tagged and an untagged name are compared only when a level cell says they are at one
    level (a level read from the agencies is kept apart from the tags'). Levels and tags are
    few: they are numbered as strings once each, and the rows get numbers."""
    cell_codes, cell_keys = pd.factorize(cells)
    tag_codes, tags = pd.factorize(tag)
    number = {key: i for i, key in enumerate(dict.fromkeys([*cell_keys, *tags]))}
    cell_level = np.array([number[cell] for cell in cell_keys], dtype=np.int64)
    tag_level = np.array([number[key] for key in tags], dtype=np.int64)
    no_cell = np.array([cell == "" or cell.startswith(BY_AGENCY) for cell in cell_keys])
    tagged = np.array([key != "" for key in tags], dtype=bool)[tag_codes[name_codes]]
    taken = np.where(tagged, tag_level[tag_codes[name_codes]], cell_level[cell_codes])
    level = np.where(no_cell[cell_codes], taken, cell_level[cell_codes])
    # In a per-unit list each unit's names are compared among themselves only: a "level"
    # here is a level within one unit (one level, unit 0, in other lists).
    level = pd.factorize(level)[0].astype(np.int64) * (int(unit.max(initial=0)) + 1) + unit
    numbers: np.ndarray = pd.factorize(level)[0].astype(np.int64)
    return numbers


def _distinct_keys(ctx: RuleContext, first_rows: np.ndarray) -> pa.Array:
    """The name keys of the rows `first_rows`; the keys themselves are forgotten: the duplicate
    keys, the only other work made of them, have their codes by now (70 MB at a million
    rows; one that had not would make them again)."""
    keys = arrow_text(ctx.name_keys)
    # Every row a name of its own, in order (a list of distinct procedures): the keys as
    # they are, where a take copied them all (0.09 s at a million names).
    distinct = keys if len(first_rows) == len(keys) else taken_in_order(keys, first_rows)
    del keys
    ctx.forget("name_keys")
    release_memory(len(ctx.frame))
    return distinct


def _compatible(variants: Variants, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Tags naming two different levels make two procedures, whatever the level cell says."""
    tag_u, tag_v = variants.names.tag[variants.name[u]], variants.names.tag[variants.name[v]]
    compatible: np.ndarray = (tag_u == tag_v) | (tag_u == "") | (tag_v == "")
    return compatible


def _same_letters(variants: Variants) -> list[tuple[int, int, Difference]]:
    """Variant pairs at one level with the same letters once spaces and punctuation go."""
    names = variants.names
    letters = names.letter_codes[variants.name]
    # A name is one variant at a level: letters no other name has (coded from the count of
    # names on) pair with none, and most of a million distinct names' are such.
    valid = np.flatnonzero((names.length[variants.name] > 0) & (letters < len(names)))
    del letters
    # Codes are below twice the number of names (`text_array_codes`).
    key = variants.level[valid].astype(np.int64) * (2 * len(names))
    key += names.letter_codes[variants.name[valid]]
    repeated = repeated_numbers(key)
    if not repeated.any():
        return []
    frame = pd.DataFrame({"variant": valid[repeated], "key": key[repeated]})
    pairs = frame.merge(frame, on="key")
    u, v = pairs["variant_x"].to_numpy(), pairs["variant_y"].to_numpy()
    keep = (u < v) & _compatible(variants, u, v)
    names.load(variants.name[np.concatenate([u[keep], v[keep]])])
    return [
        (a, b, same_letters_difference(variants.parts(a), variants.parts(b)))
        for a, b in zip(u[keep].tolist(), v[keep].tolist(), strict=True)
    ]


def _one_word_apart(ctx: RuleContext, variants: Variants) -> list[tuple[int, int, Difference]]:
    """Variant pairs at one level whose near keys are one accepted word edit apart."""
    names = variants.names
    kept = np.flatnonzero(names.length[variants.name] > 0)
    near = names.near_codes[variants.name[kept]]
    entry_of = _entries(variants.level[kept], near, len(names))
    del near
    count = int(entry_of.max(initial=-1)) + 1
    if count < 2:
        return []
    # One variant stands for each entry: all of an entry's variants have its words.
    first = np.empty(count, dtype=np.int64)
    first[entry_of] = kept
    name = variants.name[first]
    near_id = names.near_codes[name].astype(np.int32)
    level = variants.level[first]
    tables = variants.table_of_level
    keys = gather_keys(names, name, near_id, level, None if tables is None else tables[level])
    del first, name, near_id, level
    hashes = hash_keys(keys, variants.sums())
    # The two searches are independent: the rules' thread, if it is waiting for this build
    # by now, makes one of them.
    extras = ctx.beside(lambda: extra_words(keys, hashes))
    pairs = substitutions(keys, hashes, variants.typos()) + extras()
    if not pairs:
        return []
    order = np.argsort(entry_of, kind="stable")
    bounds = np.searchsorted(entry_of[order], np.arange(len(keys.length) + 1))

    def members(entry: int) -> np.ndarray:
        return kept[order[bounds[entry] : bounds[entry + 1]]]

    out = []
    for a, b, difference in pairs:
        u, v = (grid.ravel() for grid in np.meshgrid(members(a), members(b)))
        keep = _compatible(variants, u, v)
        for x, y in zip(u[keep].tolist(), v[keep].tolist(), strict=True):
            if not difference.repeat or _typed_twice(variants.parts(x), difference.mine):
                out.append((x, y, difference))
    return out


def _entries(level: np.ndarray, near: np.ndarray, names: int) -> np.ndarray:
    """The entry of each variant (its level and the code of its near key, `near`), numbered
    as the entries first appear. A near key no other name has (its code from `names` on,
    `text_array_codes`) is an entry of its own whatever its level: only the others are
    hashed, not a million distinct names' entries."""
    own = near >= names
    key = np.arange(len(near), dtype=np.int64) + len(near)  # an entry of its own
    shared = np.flatnonzero(~own)
    if len(shared):
        combined = level[shared].astype(np.int64) * names + near[shared]
        key[shared] = pd.factorize(combined)[0]
    entry_of: np.ndarray = first_appearances(key, len(near))[0]
    return entry_of


def _typed_twice(longer: NameParts, word: str) -> bool:
    """A word doubled with punctuation between is two words ("Cấp, cấp lại"), not a slip."""
    word = re.escape(word)
    return re.search(rf"(?<!\w){word}\s+{word}(?!\w)", longer.bare) is not None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _other_names(number: int) -> str:
    return t("{count}", "{number} tên khác", count=_count(number, "other name"), number=number)


def _messages(
    ctx: RuleContext, variants: Variants, pairs: Iterable[tuple[int, int, Difference]]
) -> pd.Series:
    """Per flagged row: the first close name, where it is, how it differs, and the others."""
    partners: dict[int, dict[int, Difference]] = {}
    for u, v, difference in pairs:
        partners.setdefault(u, {})[v] = difference
        partners.setdefault(v, {})[u] = difference.reversed()
    flagged = np.isin(variants.of_row, list(partners))
    positions, of_row = variants.position[flagged], variants.of_row[flagged]
    rows_of: dict[int, list[int]] = {}  # variant -> frame positions, in order
    for variant, position in zip(of_row.tolist(), positions.tolist(), strict=True):
        rows_of.setdefault(variant, []).append(position)
    labels, names = ctx.frame.index.to_numpy(), ctx.frame["name"]

    def where(rows: list[int], total: int, at: int) -> str:
        # `at`: the flagged name's first row; a row on another sheet is named with it.
        return ctx.row_list(labels[rows[:SHOWN_ROWS]].tolist(), total, at=labels[at])

    close = t(
        "The name is close to '{quoted}' on {rows} ({how})",
        "Tên này gần giống '{quoted}' tại {rows} ({how})",
    )
    close_under = t(
        "The name is close to '{quoted}' under {unit} on {rows} ({how})",
        "Tên này gần giống '{quoted}' trong danh mục của {unit} tại {rows} ({how})",
    )
    units = ctx.units  # a per-unit list: each pair is within one unit, which is named
    unit_labels = [""] if units is None else [*units.labels, ""]  # -1: no unit
    unit_ids = np.full(len(ctx.frame), -1) if units is None else units.ids
    also = t(", and to {others} on {rows}", ", và {others} tại {rows}")
    texts = {}
    for u, others in partners.items():
        ordered = sorted(others, key=lambda v: rows_of[v][0])
        first = rows_of[ordered[0]]
        quoted = " ".join(str(names.iat[first[0]]).split())
        how = others[ordered[0]].text()
        unit = unit_labels[unit_ids[first[0]]]
        text = (close_under if unit else close).format(
            quoted=quoted, unit=unit, rows=where(first, len(first), rows_of[u][0]), how=how
        )
        if len(ordered) > 1:
            rest = sorted(row for v in ordered[1:] for row in rows_of[v][:SHOWN_ROWS])
            total = sum(len(rows_of[v]) for v in ordered[1:])
            rows = where(rest, total, rows_of[u][0])
            text += also.format(others=_other_names(len(ordered) - 1), rows=rows)
        texts[u] = text + "."
    index = ctx.frame.index[positions]
    return pd.Series([texts[v] for v in of_row.tolist()], index=index, dtype=object)


def _not_told_apart(
    ctx: RuleContext, variants: Variants, pairs: list[tuple[int, int, Difference]]
) -> list[tuple[int, int, Difference]]:
    """The pairs whose rows nothing else tells apart as two procedures, looked at on the
    few pairs found (each name by its first row). Names that differ by a slip are kept: the
    typo is to be corrected whatever the rows. Names that differ otherwise (punctuation,
    spacing, a leading "Thủ tục", a filler word) are dropped in two fields ("Nộp dần tiền
    thuế nợ", Thuế, and "Thủ tục nộp dần tiền thuế nợ", Hải quan: a procedure has one
    field), and, in a list without levels, under two codes of rows no agency places: as
    PA203 takes two codes of one name, the codes of its levels."""
    frame = ctx.frame
    fields = frame.get("field")
    codes = levels = None
    if "code" in frame and ("level" not in frame or frame["level"].isna().all()):
        codes, levels = ctx.code_keys, ctx.level_keys
    if fields is None and codes is None:
        return pairs
    seen, first = np.unique(variants.of_row, return_index=True)
    row_of = dict(zip(seen.tolist(), variants.position[first].tolist(), strict=True))
    kept = []
    for u, v, difference in pairs:
        a, b = row_of[u], row_of[v]
        # A slip (a wrong letter, a word typed twice) is a typo to correct, whatever the rows.
        slip = difference.kind == WORD or (difference.kind == EXTRA and difference.repeat)
        if not slip and (
            (fields is not None and _two_fields(fields.iat[a], fields.iat[b]))
            or (
                codes is not None
                and levels is not None
                and _two_codes(codes.iat[a], codes.iat[b])
                and _unplaced(levels.iat[a])
                and _unplaced(levels.iat[b])
            )
        ):
            continue
        kept.append((u, v, difference))
    return kept


def _unplaced(level: object) -> bool:
    """Whether a level key says no level: neither the row's cell nor its agencies name one."""
    return level == ""


def _two_codes(one: object, other: object) -> bool:
    """Whether two code keys are two codes (a missing one is none)."""
    return isinstance(one, str) and isinstance(other, str) and one != other


def _two_fields(one: object, other: object) -> bool:
    """Whether two field cells name two fields (an empty one names none)."""
    keys = [comparison_key(cell) if isinstance(cell, str) else "" for cell in (one, other)]
    return all(keys) and keys[0] != keys[1]


def _found(ctx: RuleContext) -> tuple[Variants | None, list[tuple[int, int, Difference]]]:
    """The names' variants, and the pairs of rows whose names are near duplicates."""
    variants = _variants(ctx)
    if variants is None:
        return None, []
    return variants, _same_letters(variants) + _one_word_apart(ctx, variants)


def _prefetch_found(ctx: RuleContext) -> None:
    # The longest build of a large table (seconds at a million rows): started first, the
    # other rules and builds run beside it.
    ctx.prefetch("near_duplicates", lambda: _found(ctx), first=True)


@frame_rule(
    "PA204",
    "near-duplicate-name",
    Severity.WARNING,
    columns=("name",),
    prefetch=_prefetch_found,
    name_keys=True,
    table_local=True,
    finds=(
        "names at the same level that differ by a typo or a filler word (not by a word that "
        'makes another procedure: "cấp lại", "hạng II")'
    ),
)
def near_duplicate_name(ctx: RuleContext) -> pd.DataFrame:
    """Names at one level that differ only by a typo, a filler word or punctuation.

    Two rows whose names are almost the same are usually one procedure entered twice, once
    with a slip: a wrong letter or diacritic ("khia" for "khai", "Cáp" for "Cấp"), a word
    run together ("đăngký"), a missing "của" or "việc", a stray comma, a level tag or a
    leading "Thủ tục" on one of them. Or they are two procedures whose names do not say how
    they differ. Families of different procedures ("Cấp" / "Cấp lại" / "Cấp đổi", "nhập
    khẩu" / "xuất khẩu", "hạng I" / "hạng II", "mẫu 1" / "mẫu 2") are not reported: a word
    that differs must be a typo of the other (one letter or diacritic off or two letters
    swapped; not a number, a Roman numeral or an acronym; and rare in its place where the
    other word is common), and a word one name has more must be a filler word (của, và,
    các, những, việc, về, với, hoặc) or a word typed twice. Names are compared at one level
    only; where a row has no level cell, the level its name's tag names ("(thực hiện tại
    cấp tỉnh)") stands in for it, so that "X" and "X (thực hiện tại cấp tỉnh)" in a list
    without levels are two levels, not a near duplicate. In a list kept per unit (a one-stop
    system's export, each district's procedures one after another) names are compared within
    one unit only. Names that differ by more than a slip (punctuation, spacing, a leading
    "Thủ tục", a filler word) are not reported where the rows say they are two procedures:
    two fields ("Nộp dần tiền thuế nợ" under Thuế, "Thủ tục nộp dần tiền thuế nợ" under Hải
    quan), or, in a list without levels, two codes of rows no agency places (as PA203, the
    codes of one procedure's levels). Names that are the same after normalisation are
    PA203's, not this rule's. Every row of a pair is reported and names the other.

    **Bad**
    ```
    row 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    row 52 | 2.000986 | Đăng ký khia sinh               | Cấp xã
    row 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    row 71 |          | Đăng ký nuôi con nuôi           | Cấp xã
    ```

    **Good**
    ```
    row 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    row 52 | 1.000656 | Đăng ký khai tử                 | Cấp xã
    row 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    ```

    **Fix**: if the rows are the same procedure, keep one (with the right code and the name
    as published) and delete the others; if they are different procedures, correct the typo
    and make their names say how they differ.

    [vi]
    Các tên cùng cấp thực hiện chỉ khác nhau do lỗi gõ, một hư từ hoặc dấu câu.

    Hai dòng có tên gần như giống hệt nhau thường là một thủ tục bị nhập hai lần, trong đó một
    lần có sơ suất: sai một chữ cái hoặc dấu ("khia" thay cho "khai", "Cáp" thay cho "Cấp"), viết
    liền hai từ ("đăngký"), thiếu "của" hoặc "việc", thừa dấu phẩy, một bên có phần ghi cấp thực
    hiện hoặc chữ "Thủ tục" ở đầu. Hoặc đó là hai thủ tục mà tên không thể hiện điểm khác biệt.
    Các nhóm thủ tục khác nhau ("Cấp" / "Cấp lại" / "Cấp đổi", "nhập khẩu" / "xuất khẩu", "hạng I"
    / "hạng II", "mẫu 1" / "mẫu 2") không bị báo: từ khác nhau phải là lỗi gõ của từ kia (sai một
    chữ cái hoặc một dấu, hoặc đảo hai chữ cái; không phải số, số La Mã hay chữ viết tắt; và hiếm
    gặp ở vị trí đó trong khi từ kia phổ biến), còn từ mà một tên có thêm phải là hư từ (của, và,
    các, những, việc, về, với, hoặc) hoặc một từ bị gõ lặp. Tên chỉ được so sánh trong cùng một
    cấp; dòng không có ô cấp thực hiện thì lấy cấp ghi trong tên ("(thực hiện tại cấp tỉnh)"),
    để "X" và "X (thực hiện tại cấp tỉnh)" trong danh mục không có cột cấp được coi là hai cấp,
    không phải gần trùng. Trong danh mục lập theo đơn vị (dữ liệu xuất từ hệ thống một cửa, thủ
    tục của từng huyện nối tiếp nhau), tên chỉ được so sánh trong cùng một đơn vị. Các tên khác
    nhau nhiều hơn một lỗi gõ (dấu câu, khoảng trắng, chữ "Thủ tục" ở đầu, một hư từ) không bị
    báo khi các dòng cho thấy đó là hai thủ tục: hai lĩnh vực ("Nộp dần tiền thuế nợ" thuộc
    Thuế, "Thủ tục nộp dần tiền thuế nợ" thuộc Hải quan), hoặc, trong danh mục không có cột
    cấp, hai mã của các dòng mà cơ quan thực hiện không cho biết cấp (như PA203: mã của các
    cấp của một thủ tục). Các tên giống nhau sau khi chuẩn hóa thuộc quy tắc PA203, không thuộc
    quy tắc này. Cả hai dòng của một cặp đều được báo và nêu dòng kia.

    **Sai**
    ```
    dòng 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    dòng 52 | 2.000986 | Đăng ký khia sinh               | Cấp xã
    dòng 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    dòng 71 |          | Đăng ký nuôi con nuôi           | Cấp xã
    ```

    **Đúng**
    ```
    dòng 14 | 1.001193 | Đăng ký khai sinh               | Cấp xã
    dòng 52 | 1.000656 | Đăng ký khai tử                 | Cấp xã
    dòng 60 | 1.000894 | Đăng ký việc nuôi con nuôi      | Cấp xã
    ```

    **Cách sửa**: nếu các dòng là cùng một thủ tục, giữ lại một dòng (có mã đúng và tên như đã
    công bố) và xóa các dòng còn lại; nếu là các thủ tục khác nhau, sửa lỗi gõ và sửa tên để thể
    hiện rõ điểm khác nhau.
    """
    variants, pairs = ctx.taken("near_duplicates", lambda: _found(ctx))
    if variants is not None and pairs:
        pairs = _not_told_apart(ctx, variants, pairs)
    if variants is None or not pairs:
        return no_hits()
    messages = _messages(ctx, variants, pairs)
    mask = pd.Series(ctx.frame.index.isin(messages.index), index=ctx.frame.index)
    return hits(
        ctx.frame,
        mask,
        "name",
        messages,
        t(
            "If the rows are the same procedure, keep one and delete the others; if they are "
            "different procedures, correct any typo and make the names say how they differ.",
            "Nếu các dòng là cùng một thủ tục, giữ lại một dòng và xóa các dòng còn lại; nếu là "
            "các thủ tục khác nhau, sửa lỗi chính tả (nếu có) và sửa tên để thể hiện rõ điểm "
            "khác nhau.",
        ),
    )
