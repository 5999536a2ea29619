"""Load the Pandera schema of the canonical frame and turn its failures into hits.

The schema is a YAML file (procaudit's own `schemas/catalogue.yaml`, or the user's through
`--schema`). A check's `error` option names the rule it stands for; see
`rules/schema_generic.py` for checks that name none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa
import yaml

from procaudit.core.errors import SchemaError
from procaudit.core.i18n import t
from procaudit.core.paths import not_a_state_file, shown_path
from procaudit.engine import schema_checks  # noqa: F401  (registers the custom checks)
from procaudit.rules.catalog import get_rule
from procaudit.rules.code_hits import (
    group_code_hits,
    line_break_code_hits,
    number_code_hits,
    padded_code_hits,
    settle_code_hits,
    without_internal,
)
from procaudit.rules.code_repairs import CODE_PATTERN
from procaudit.rules.schema_generic import SCHEMA_VIOLATION

MAX_SCHEMA_SIZE: Final = 16 * 1024 * 1024  # bytes: a schema is a page of YAML
# A user's schema may name rules of its own in `error` ("FEE01"); anything else is a message.
_RULE_ID = re.compile(r"^[A-Z][A-Z0-9_-]*\d$")


@dataclass(frozen=True)
class LoadedSchema:
    source: str
    schema: pa.DataFrameSchema
    rule_columns: dict[str, str]  # rule id -> the column whose check stands for it
    # The schema without the dtype of its text columns, for frames whose columns are all
    # pandas text already (the readers' are): pandera checks a text dtype value by value
    # and builds its report even when all pass, ~10 ms a column, which is most of the
    # schema's cost on a commune's small file. None: the schema has no text dtype.
    untyped_text: pa.DataFrameSchema | None = None
    # Whether every check of the schema looks at one row at a time (`checks_rows_alone`):
    # the schema may then validate many small tables stacked (`engine.stacked`).
    per_row: bool = False
    # The pattern of the check standing for PA101 on the code column, if any.
    code_pattern: str | None = None

    def for_frame(self, frame: pd.DataFrame) -> pa.DataFrameSchema:
        """The schema to validate `frame` with: the same failures either way."""
        if self.untyped_text is None:
            return self.schema
        text = [name for name, column in self.schema.columns.items() if _is_text(column.dtype)]
        if all(isinstance(frame[name].dtype, pd.StringDtype) for name in text if name in frame):
            return self.untyped_text
        return self.schema


def default_schema_path() -> Path:
    return Path(str(resources.files("procaudit.schemas") / "catalogue.yaml"))


def load_schema(path: str | None = None) -> LoadedSchema:
    source = Path(path) if path else default_schema_path()
    # Asked before it is opened (issue 20): a FIFO would wait forever, /dev/zero never ends,
    # and a folder one may not enter is the system's reason, never a raw "[Errno 13]".
    problem: object = not_a_state_file(source, MAX_SCHEMA_SIZE, raise_with=None)
    try:
        text = "" if problem else source.read_text(encoding="utf-8")
    except OSError as exc:
        problem = exc.strerror or exc
    except UnicodeDecodeError as exc:
        problem = exc
    if problem:
        raise SchemaError(
            t(
                "cannot read the schema {source}: {problem}",
                "không đọc được lược đồ {source}: {problem}",
                source=shown_path(source),
                problem=problem,
            )
        )
    try:
        schema = pa.DataFrameSchema.from_yaml(text)
    except yaml.YAMLError as exc:
        raise SchemaError(
            t(
                "the schema {source} is not valid YAML ({problem})",
                "lược đồ {source} không phải YAML hợp lệ ({problem})",
                source=source,
                problem=_yaml_problem(exc),
            )
        ) from exc
    except AttributeError as exc:
        raise SchemaError(
            t(
                "the schema {source} uses an unknown check: {problem}",
                "lược đồ {source} dùng một kiểm tra không xác định: {problem}",
                source=source,
                problem=exc,
            )
        ) from exc
    except (
        TypeError,
        ValueError,
        KeyError,
        pandera.errors.SchemaInitError,
        pandera.errors.SchemaDefinitionError,  # not a mapping: a list, a sentence, TOML
    ) as exc:
        raise SchemaError(
            t(
                "the schema {source} is not a Pandera DataFrame schema: {problem}",
                "lược đồ {source} không phải lược đồ DataFrame của Pandera: {problem}",
                source=source,
                problem=exc,
            )
        ) from exc
    if not isinstance(schema, pa.DataFrameSchema):
        raise SchemaError(
            t(
                "the schema {source} is not a Pandera DataFrame schema",
                "lược đồ {source} không phải lược đồ DataFrame của Pandera",
                source=source,
            )
        )
    rule_columns = {
        str(check.error): str(column)
        for column, spec in schema.columns.items()
        for check in spec.checks
        if check.error
    }
    texts = [name for name, column in schema.columns.items() if _is_text(column.dtype)]
    untyped = schema.update_columns({name: {"dtype": None} for name in texts}) if texts else None
    return LoadedSchema(
        str(source),
        schema,
        rule_columns,
        untyped,
        checks_rows_alone(schema),
        _code_pattern(schema),
    )


def _code_pattern(schema: pa.DataFrameSchema) -> str | None:
    """The pattern of the schema's `str_matches` check for PA101 on the code column."""
    column = schema.columns.get("code")
    for check in column.checks if column is not None else ():
        if check.name == "str_matches" and str(check.error) == "PA101":
            pattern = check.statistics.get("pattern")
            return pattern.pattern if isinstance(pattern, re.Pattern) else str(pattern)
    return None


# Pandera's checks of a column that judge each value alone (and procaudit's `present`).
_ROW_CHECKS = frozenset(
    {
        "present", "str_matches", "str_contains", "str_startswith", "str_endswith",
        "str_length", "isin", "notin", "in_range", "equal_to", "not_equal_to",
        "greater_than", "greater_than_or_equal_to", "less_than", "less_than_or_equal_to",
    }
)  # fmt: skip


def checks_rows_alone(schema: pa.DataFrameSchema) -> bool:
    """Whether each failure the schema finds on a row depends on that row alone: no check of
    the whole frame, no uniqueness, no index, no grouped check nor a cap on the failures
    reported, only the column checks known to judge one value at a time. A column the
    schema requires, or a dtype, fails for the whole table: the same for tables alike."""
    if schema.checks or schema.unique or schema.index is not None:
        return False
    return all(
        not column.unique
        and all(
            check.name in _ROW_CHECKS and check.groupby is None and check.n_failure_cases is None
            for check in column.checks
        )
        for column in schema.columns.values()
    )


def _is_text(dtype: object) -> bool:
    """Whether a schema column's dtype is pandas text (`str`, `string`)."""
    return dtype is not None and str(dtype) in ("str", "string", "string[pyarrow]")


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's several-line message as one phrase: what went wrong, and where."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return problem
    return t(
        "{problem} at line {line}", "{problem} tại dòng {line}", problem=problem, line=mark.line + 1
    )


def schema_hits(loaded: LoadedSchema, frame: pd.DataFrame) -> pd.DataFrame:
    """One hit per failure case: rule, row index (None for the whole table), column, message
    (PA101 and PA102 as the rows' code words and statuses say: `code_hits.settle_code_hits`;
    none on a list of internal procedures: `code_hits.without_internal`)."""
    try:
        loaded.for_frame(frame).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        # A code the cell says is not given yet, and the statuses that ask for none.
        # Several codes in one cell are a group's where its name says so.
        hits = settle_code_hits(_hits_from_failures(exc.failure_cases), frame)
        hits = group_code_hits(hits, frame)
    else:
        hits = pd.DataFrame(columns=["rule", "index", "column", "value", "message", "fix"])
    # Code cells holding numbers pass the pattern; a list of internal procedures has no
    # national code to ask for.
    # A national code before a line break passes the pattern's "$": procaudit's own pattern
    # says so (`code_hits.line_break_code_hits`).
    if loaded.code_pattern == CODE_PATTERN:
        hits = line_break_code_hits(hits, frame)
    # A national code with spaces around it is a warning (`code_hits.padded_code_hits`).
    return without_internal(number_code_hits(padded_code_hits(hits), frame), frame)


def _hits_from_failures(failures: pd.DataFrame) -> pd.DataFrame:
    failures = failures.reset_index(drop=True)
    rules = np.empty(len(failures), dtype=object)
    messages, fixes = rules.copy(), rules.copy()
    values = rules.copy()
    check_codes, checks = pd.factorize(failures["check"], use_na_sentinel=False)
    for number, check in enumerate(checks):
        at = np.flatnonzero(check_codes == number)
        part = failures if len(checks) == 1 else failures.iloc[at]
        explained = _explained(str(check), part["column"], part["failure_case"])
        for whole, given in zip((rules, messages, fixes, values), explained, strict=True):
            whole[at] = given
    # The texts kept as Python objects, as the rules' hits hold them: pandas would copy a
    # million messages (a column of empty cells) into Arrow, 0.6 s, for the concatenation
    # with the rules' hits to make them objects again.
    return pd.DataFrame(
        {
            "rule": rules,
            "index": failures["index"],
            "column": failures["column"],
            "value": pd.Series(values, dtype=object),
            "message": pd.Series(messages, dtype=object),
            "fix": pd.Series(fixes, dtype=object),
        }
    )


_Texts = Sequence[object] | np.ndarray  # one per failure


def _explained(
    check: str, columns: pd.Series, cases: pd.Series
) -> tuple[object, _Texts, _Texts, _Texts]:
    """The rule, message, fix and value as text of each failure of one check: explained once
    per distinct value (a million empty cells cost one call), and a rule's failing values in
    its column kernels (`describe_many`) where it has them."""
    rule = get_rule(check) if _RULE_ID.match(check) else None
    if rule is None or rule.describe is None or rule.id == SCHEMA_VIOLATION:
        return _one_by_one(check, columns.tolist(), cases.tolist())
    try:
        texts = _texts(cases)
    except TypeError:  # a value that cannot be hashed: one by one
        return _one_by_one(check, columns.tolist(), cases.tolist())
    # A rule's message is made from the value's text alone.
    numbers, distinct = pd.factorize(texts)  # None: -1, explained last
    if rule.describe_many is not None:
        said, fixed = rule.describe_many(distinct.tolist())
    else:
        explained = [rule.describe(text) for text in distinct]
        said, fixed = [message for message, _ in explained], [fix for _, fix in explained]
    message, fix = rule.describe(None)
    return (
        rule.id,
        np.asarray([*said, message], dtype=object)[numbers],
        np.asarray([*fixed, fix], dtype=object)[numbers],
        texts,
    )


def _texts(cases: pd.Series) -> np.ndarray:
    """`_text` of each value, worked out once per distinct value (a missing value's text
    depends on its type alone: None and NaN have none, pandas' NA is "<NA>")."""
    numbers, distinct = pd.factorize(cases)  # missing values: -1
    texts = np.asarray([*map(_text, distinct), None], dtype=object)[numbers]
    missing = np.flatnonzero(numbers == -1)
    if len(missing):
        kinds, _ = pd.factorize(_type_of(cases.to_numpy(dtype=object)[missing]))
        firsts = pd.Series(kinds).drop_duplicates().index
        said = [_text(cases.iloc[missing[first]]) for first in firsts]
        texts[missing] = np.asarray(said, dtype=object)[kinds]
    return texts


_type_of = np.frompyfunc(type, 1, 1)


def _one_by_one(
    check: str, columns: list[object], values: list[object]
) -> tuple[list[str], list[str], list[str], list[str | None]]:
    rules, messages, fixes = [], [], []
    explained: dict[tuple[object, object], tuple[str, str, str]] = {}
    # Explained once per column and distinct value: the message of a check that is no rule
    # names the column.
    for column, value in zip(columns, values, strict=True):
        key = (column, value if _hashable(value) else repr(value))
        if key not in explained:
            explained[key] = _explain(check, column, value)
        rule_id, message, fix = explained[key]
        rules.append(rule_id)
        messages.append(message)
        fixes.append(fix)
    return rules, messages, fixes, [_text(value) for value in values]


def _explain(check: str, column: object, value: object) -> tuple[str, str, str]:
    rule = get_rule(check) if _RULE_ID.match(check) else None
    if rule is not None and rule.describe is not None and rule.id != SCHEMA_VIOLATION:
        message, fix = rule.describe(_text(value))
        return rule.id, message, fix
    if _RULE_ID.match(check):
        return (
            check,
            t(
                "The value fails the schema check {check}.",
                "Giá trị không đạt kiểm tra {check} của lược đồ.",
                check=check,
            ),
            t("Correct the value.", "Sửa lại giá trị."),
        )
    if check == "column_in_dataframe":
        return (
            SCHEMA_VIOLATION,
            t(
                "The schema requires a column '{column}' and the table has none.",
                "Lược đồ yêu cầu cột '{column}' nhưng bảng không có cột này.",
                column=value,
            ),
            t(
                "Add the column, or mark it `required: false` in the schema.",
                "Bổ sung cột này, hoặc đánh dấu `required: false` cho cột trong lược đồ.",
            ),
        )
    where = (
        t(" in column '{column}'", " ở cột '{column}'", column=column)
        if isinstance(column, str)
        else ""
    )
    return (
        SCHEMA_VIOLATION,
        t(
            "The value fails the schema check {check}{where}.",
            "Giá trị{where} không đạt kiểm tra {check} của lược đồ.",
            check=check,
            where=where,
        ),
        t(
            "Correct the value so that it passes {check}, or change the schema.",
            "Sửa giá trị để đạt kiểm tra {check}, hoặc sửa lược đồ.",
            check=check,
        ),
    )


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return str(value)
