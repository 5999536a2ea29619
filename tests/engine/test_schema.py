"""The Pandera YAML schema: loading, round trip, rule ids, user schemas."""

from __future__ import annotations

from pathlib import Path

import pandera.pandas as pa
import pytest
import yaml

from conftest import ROOT, table_of
from procaudit.core.errors import SchemaError
from procaudit.engine.schema import default_schema_path, load_schema
from procaudit.engine.table_hits import audit_table
from procaudit.rules import all_rules
from procaudit.rules.code_repairs import CODE_PATTERN

SCHEMA_FILE = ROOT / "schemas" / "catalogue.yaml"


def test_the_installed_schema_is_the_repository_schema() -> None:
    assert default_schema_path().read_text(encoding="utf-8") == SCHEMA_FILE.read_text(
        encoding="utf-8"
    )


def test_yaml_round_trip_keeps_the_schema_and_its_custom_check() -> None:
    schema = load_schema().schema
    again = pa.DataFrameSchema.from_yaml(schema.to_yaml())
    assert again == schema
    assert [c.name for c in again.columns["code"].checks] == ["present", "str_matches"]
    assert [c.error for c in again.columns["code"].checks] == ["PA102", "PA101"]


def test_schema_code_pattern_is_the_rules_pattern() -> None:
    spec = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert spec["columns"]["code"]["checks"]["str_matches"]["pattern"] == CODE_PATTERN


def test_every_schema_rule_is_checked_by_the_default_schema() -> None:
    schema_rules = {r.id for r in all_rules() if r.from_schema and r.id != "PA001"}
    assert set(load_schema().rule_columns) == schema_rules


def _findings(schema_file: Path, rows: list[dict]) -> list[tuple]:
    found = audit_table("t.csv", table_of(rows), load_schema(str(schema_file)), all_rules())
    return sorted((f.row, f.column, f.rule, f.name, f.message) for f in found)


def test_user_schema_checks_become_findings(tmp_path: Path) -> None:
    schema_file = tmp_path / "mine.yaml"
    schema_file.write_text(
        "schema_type: dataframe\n"
        "columns:\n"
        "  name: {dtype: str, nullable: true}\n"
        "  fee:\n"
        "    dtype: str\n"
        "    nullable: true\n"
        "    required: true\n"
        "    checks:\n"
        "      str_length: {max_value: 10, error: FEE01}\n"
        "      isin: {allowed_values: [Không, '10.000 đồng']}\n",
        encoding="utf-8",
    )
    rows = [{"name": "A", "fee": "Không"}, {"name": "B", "fee": "Lệ phí: 400.000 Đồng"}]
    assert _findings(schema_file, rows) == [
        (3, "fee", "FEE01", "schema-check", "The value fails the schema check FEE01."),
        (
            3,
            "fee",
            "PA001",
            "schema-violation",
            "The value fails the schema check isin(['Không', '10.000 đồng']) in column 'fee'.",
        ),
    ]


def test_the_same_value_failing_one_check_in_two_columns_names_each(tmp_path: Path) -> None:
    schema_file = tmp_path / "mine.yaml"
    schema_file.write_text(
        "schema_type: dataframe\n"
        "columns:\n"
        "  name: {dtype: str, nullable: true, checks: {isin: {allowed_values: [Không]}}}\n"
        "  fee: {dtype: str, nullable: true, checks: {isin: {allowed_values: [Không]}}}\n",
        encoding="utf-8",
    )
    found = _findings(schema_file, [{"name": "Có", "fee": "Có"}])
    assert [(column, message.split(" in column ")[1]) for _, column, *_, message in found] == [
        ("fee", "'fee'."),
        ("name", "'name'."),
    ]


def test_user_schema_requiring_a_missing_column(tmp_path: Path) -> None:
    schema_file = tmp_path / "mine.yaml"
    schema_file.write_text(
        "schema_type: dataframe\ncolumns:\n  name: {dtype: str}\n  forms: {dtype: str}\n",
        encoding="utf-8",
    )
    [finding] = _findings(schema_file, [{"name": "A"}])
    assert finding[:3] == (None, None, "PA001")
    assert "requires a column 'forms'" in finding[4]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("columns: [unclosed", "is not valid YAML"),
        (
            "schema_type: dataframe\ncolumns:\n  name:\n    checks:\n      no_such_check: {}\n",
            "uses an unknown check",
        ),
        ("- name\n- code\n", "is not a Pandera DataFrame schema"),  # a list, not a mapping
        ("[rules.PA505]\nonline_target = 120\n", "is not valid YAML"),  # a TOML file
        ("just a sentence\n", "is not a Pandera DataFrame schema"),
    ],
)
def test_bad_schema_is_a_schema_error(tmp_path: Path, text: str, problem: str) -> None:
    schema_file = tmp_path / "bad.yaml"
    schema_file.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError, match=problem):
        load_schema(str(schema_file))


def test_missing_schema_file_is_a_schema_error(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="cannot read the schema"):
        load_schema(str(tmp_path / "none.yaml"))
