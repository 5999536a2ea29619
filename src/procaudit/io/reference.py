"""The national reference list (`--reference FILE`): the procedures a catalogue is compared
with. Any file procaudit reads will do, such as the portal's own export."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow.compute as pc

from procaudit.catalogue.name_tags import untagged_keys
from procaudit.catalogue.text_columns import (
    SPACES,
    arrow_text,
    comparison_keys,
    map_distinct,
    re2_class,
    text_series,
)
from procaudit.core.errors import InputError
from procaudit.core.i18n import t
from procaudit.io import ReadOptions, read_catalogue
from procaudit.io.limits import Limits
from procaudit.vn.levels import level_ids

# The national part of a code: local codes append the agency's ID ("1.000494.000.00.00.H29").
NATIONAL_CODE = r"^\s*(\d\.\d{6})(?:\.|\s*$)"
# The same in RE2, for pyarrow's kernels: Python's \d is any decimal digit (\p{Nd}), its \s
# any character str.isspace() holds for. Unicode classes cost RE2 ten times ASCII ones, so
# ASCII text (nearly every code) is read with the ASCII form.
_NATIONAL_CODE_RE2 = "^{space}*(?P<code>{digit}\\.{digit}{{6}})(?:\\.|{space}*$)"
_UNICODE_FORM = _NATIONAL_CODE_RE2.format(space=f"[{re2_class(SPACES)}]", digit="\\p{Nd}")
_ASCII_FORM = _NATIONAL_CODE_RE2.format(
    space=f"[{re2_class(''.join(chr(c) for c in range(128) if chr(c).isspace()))}]",
    digit="[0-9]",
)


def national_codes(codes: pd.Series) -> pd.Series:
    """The national part of each code (`NATIONAL_CODE`'s group); missing where the code has
    none. In kernels over the column: a million codes, most of them distinct."""
    texts = arrow_text(codes)
    found = pc.struct_field(pc.extract_regex(texts, _ASCII_FORM), [0])
    other = pc.invert(pc.fill_null(pc.string_is_ascii(texts), True))
    if pc.any(other).as_py():
        unicode = pc.struct_field(pc.extract_regex(texts.filter(other), _UNICODE_FORM), [0])
        found = pc.replace_with_mask(found, other, unicode)
    return text_series(found, codes.index)


@dataclass(frozen=True)
class Reference:
    """One row per reference procedure (the first row of each code): code, name, the name's
    matching key, its levels (an empty set where the reference gives none) and its field's
    comparison key."""

    path: str
    procedures: pd.DataFrame  # columns: code, name, name_key, levels, field_key

    @property
    def codes(self) -> pd.Index:
        return pd.Index(self.procedures["code"].dropna().unique())


def _column(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column] if column in frame else pd.Series(pd.NA, index=frame.index, dtype="str")


def load_reference(path: str, limits: Limits | None = None) -> Reference:
    """Read the reference list, within the run's `limits` (--max-file-size...); a file that
    cannot be read is a usage error of the run."""
    try:
        catalogue = read_catalogue(path, ReadOptions(limits=limits or Limits()))
    except InputError as exc:
        raise InputError(
            path,
            t(
                "cannot be used as the reference: {problem}",
                "không dùng được làm danh mục tham chiếu: {problem}",
                problem=exc.problem,
            ),
        ) from None
    frames = []
    for table in catalogue.tables:
        frame = table.frame
        if "code" not in frame:
            continue
        frames.append(
            pd.DataFrame(
                {
                    "code": national_codes(frame["code"]),
                    "name": frame["name"],
                    "level": _column(frame, "level"),
                    "field": _column(frame, "field"),
                }
            )
        )
    if not frames:
        raise InputError(
            path,
            t(
                "cannot be used as the reference: it has no code column",
                "không dùng được làm danh mục tham chiếu: tệp không có cột mã thủ tục",
            ),
        )
    rows = pd.concat(frames, ignore_index=True).dropna(subset=["code"])
    rows = rows.drop_duplicates("code").reset_index(drop=True)
    empty: frozenset[str] = frozenset()
    levels = map_distinct(rows["level"].astype("str"), level_ids, dtype="object")
    procedures = pd.DataFrame(
        {
            "code": rows["code"].astype("str"),
            "name": rows["name"].astype("str"),
            "name_key": untagged_keys(rows["name"].astype("str")),
            "levels": levels.map(lambda ids: ids if isinstance(ids, frozenset) else empty),
            "field_key": comparison_keys(rows["field"].astype("str")),
        }
    )
    return Reference(path, procedures)
