"""Row-local rules run once on a stack of small tables (`engine.stacked`): every file's audit
is exactly what auditing it alone gives, findings, skipped rules, report and failures alike."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import LAYOUTS, ROOT, SAMPLES, table_of
from procaudit.core.findings import FileFailure
from procaudit.engine import audit as engine
from procaudit.engine.audit import AuditPlan, active_rules, audit_batches, audit_source
from procaudit.engine.schema import LoadedSchema, load_schema, schema_hits
from procaudit.engine.stacked import (
    SCHEMA,
    STACK_ROWS,
    StackedHits,
    split_hits,
    stack_key,
    stack_labels,
    stacked_hits,
)
from procaudit.io import Table, read_catalogue
from procaudit.rules import all_rules
from procaudit.rules.context import RuleContext
from procaudit.rules.options import RuleOptions
from procaudit.rules.reform_online import fully_online_rows

sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(LAYOUTS))
sys.path.insert(0, str(SAMPLES))
from many_files import write_many, write_sheets


def _assert_same(
    sources: list[str], plan: AuditPlan | None = None, schema: LoadedSchema | None = None
) -> list[object]:
    """Today's audit (file by file, every rule on every table) and the batched one agree."""
    plan = plan or AuditPlan()
    schema = schema or load_schema()
    rules = active_rules(plan.options, plan.selection)
    alone = [audit_source(source, plan, schema, rules) for source in sources]
    batched = list(audit_batches(sources, plan, schema, rules))
    assert batched == alone
    # repr too: a numpy number where a Python one was would compare equal, not print so.
    assert repr(batched) == repr(alone)
    return batched


def _many(folder: Path, count: int) -> list[str]:
    return [str(path) for path in write_many(folder, count)]


@pytest.mark.slow
def test_small_files_batched_as_alone(tmp_path: Path) -> None:
    audited = _assert_same(_many(tmp_path / "many", 60))
    assert all(not isinstance(one, FileFailure) and one[0] for one in audited)


def test_the_stacks_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch of like files runs its row-local rules and the schema on one stack; the
    stages told are the same as alone."""
    paths = _many(tmp_path / "many", 21)  # CSV and one xlsx: two kinds of frames
    stacks: list[list[StackedHits]] = []
    real = engine.stacked_hits

    def kept(*args):  # type: ignore[no-untyped-def]
        stacks.append(real(*args))
        return stacks[-1]

    monkeypatch.setattr(engine, "stacked_hits", kept)
    plan = AuditPlan()
    schema, rules = load_schema(), active_rules(plan.options, plan.selection)
    told: list[str] = []
    list(audit_batches(paths, plan, schema, rules, told.append))
    [found] = stacks
    csv = [of_table for path, of_table in zip(paths, found, strict=True) if path.endswith("csv")]
    assert len(csv) == 20 and not found[[p.endswith("xlsx") for p in paths].index(True)].ran
    row_local, table_local = {SCHEMA, "PA401", "PA501", "PA601"}, {"PA201", "PA204", "PA502"}
    assert all(row_local | table_local <= of_table.ran for of_table in csv)
    alone: list[str] = []
    for number, path in enumerate(paths, start=1):
        where = f"[{number}/21] {Path(path).name}: "
        audit_source(path, plan, schema, rules, lambda stage, at=where: alone.append(at + stage))
    assert sorted(told) == sorted(alone)


@pytest.mark.parametrize(("files", "rows"), [(1, 10**9), (5, 10**9), (64, 100), (64, 10**9)])
def test_any_batch_size_gives_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int, rows: int
) -> None:
    monkeypatch.setattr(engine, "BATCH_FILES", files)
    monkeypatch.setattr(engine, "BATCH_ROWS", rows)
    _assert_same(_many(tmp_path / "many", 23))


@pytest.mark.slow
def test_odd_layouts_samples_and_failures_mixed(tmp_path: Path) -> None:
    """Several tables per sheet, sections, several sheets, encodings, CSV and workbooks mixed,
    every hostile file (unreadable, empty, odd bytes) in the middle, and the samples: each as
    alone."""
    from make_hostile import make_all as make_hostile
    from make_layouts import make_all

    layouts = sorted(str(path) for path in make_all(tmp_path / "layouts").values())
    many = _many(tmp_path / "many", 10)
    samples = [str(SAMPLES / "catalogue-lao-cai.csv"), str(SAMPLES / "catalogue-lao-cai.xlsx")]
    bad = sorted(str(path) for path in make_hostile(tmp_path / "hostile").values())
    write_sheets(tmp_path / "sheets.xlsx", 30)  # one small catalogue a sheet
    sheets = str(tmp_path / "sheets.xlsx")
    sources = [*many[:4], *bad[::2], *layouts, *samples, many[4], *bad[1::2], sheets, *many[5:]]
    audited = _assert_same(sources)
    assert sum(isinstance(one, FileFailure) for one in audited) >= 1


def test_components_sheets_and_form_files_as_alone(tmp_path: Path) -> None:
    """Workbooks with a dossier-components sheet beside their list, the file rule PA302
    looking for their forms in a folder, among small files."""
    sys.path.insert(0, str(ROOT / "tests" / "rules"))
    from test_rules_form_files import COMPONENT_SHEET, FORM_FILES, LIST_SHEET, write_workbook

    forms = tmp_path / "forms"
    for name in FORM_FILES:
        (forms / name).parent.mkdir(parents=True, exist_ok=True)
        (forms / name).write_bytes(b"")
    books = [
        str(write_workbook(tmp_path / f"tthc-{n}.xlsx", {"Danh mục": LIST_SHEET, **extra}))
        for n, extra in enumerate([{"Thành phần hồ sơ": COMPONENT_SHEET}, {}] * 2)
    ]
    many = _many(tmp_path / "many", 6)
    plan = AuditPlan(options=RuleOptions(forms_dir=forms))
    audited = _assert_same([many[0], *books[:2], *many[1:4], *books[2:], *many[4:]], plan)
    assert any(f.rule == "PA302" for one in audited if not isinstance(one, FileFailure)
               for f in one[0])  # fmt: skip


def test_a_reference_list_as_alone(tmp_path: Path) -> None:
    """PA406 (row-local, with `--reference`) found on the stack, explained on each table."""
    from catalogue_files import write_csv
    from many_files import HEADERS, small_rows

    from procaudit.io.reference import load_reference

    reference = tmp_path / "reference.csv"
    write_csv(reference, [*small_rows(0), *small_rows(3)], headers=HEADERS)
    plan = AuditPlan(options=RuleOptions(reference=load_reference(str(reference))))
    audited = _assert_same(_many(tmp_path / "many", 10), plan)
    assert any(f.rule == "PA406" for one in audited if not isinstance(one, FileFailure)
               for f in one[0])  # fmt: skip


def test_options_and_selection_as_alone(tmp_path: Path) -> None:
    from procaudit.rules.selection import RuleSelection

    plan = AuditPlan(
        options=RuleOptions(online_target=0.5),
        selection=RuleSelection(ignore=("PA501", "PA102")),
        every_row=True,
        by_agency=True,
    )
    _assert_same(_many(tmp_path / "many", 15), plan)


@pytest.mark.slow
def test_real_one_stop_export_per_unit(tmp_path: Path, real_data: Path) -> None:
    """Phú Thọ's one-stop export cut into one CSV per unit (32 units, 5 to 93 rows), with the
    portal's ministry lists: real text (HTML entities, stray spaces, district offices)."""
    export = pd.read_excel(
        real_data / "phutho-motcua-2022" / "PTO.xls", dtype=str, engine="calamine"
    )
    folder = tmp_path / "units"
    folder.mkdir()
    sources = []
    for number, (_, unit) in enumerate(export.groupby("TEN_CO_QUAN", sort=False)):
        path = folder / f"unit-{number:02d}.csv"
        unit.to_csv(path, index=False)
        sources.append(str(path))
    portal = sorted(str(path) for path in (real_data / "national-portal-2026").glob("*.xlsx"))
    assert len(sources) == 32
    _assert_same([*sources[:16], *portal, *sources[16:]])


# --- each row-local rule: its hits on a stack are its hits on each table alone -------------

_ROWS = [
    {"code": "1.000001", "name": "Cấp giấy phép", "decision_no": None, "decision_date": None},
    {"code": "1.000002", "name": "Đăng ký (thực hiện tại cấp huyện)", "decision_no": "QĐ/0001-BCA"},
    {"code": "1.000003", "name": "Cấp  lại thẻ ", "decision_no": "Quyết định số 6225/QĐ-BQP"},
    {"code": "1.000004", "name": "Gia hạn &#40;x&#41;<br/>", "decision_no": "1890/QĐ-UBND"},
    {"code": "1.000005", "name": "Thu hồi", "decision_no": "1890/QĐ-UBND", "decision_date": "x"},
    {
        "code": "1.000006",
        "name": "Xác nhận (thực hiện tại cấp tỉnh)",
        "decision_date": "31/02/2025",
    },
    {"code": "1.000007", "name": "Cáp giấy", "decision_no": "1890/QD-UBND"},
    {"code": "1.000008", "name": "§¨ng ký kÕt h«n", "decision_date": "15/08/2099"},
    {"code": "1.000009", "name": "Đa\u0306ng ky\u0301 (NFD)", "decision_no": "205/TTr-SNNMT"},
    {"code": "1.000010", "name": "Cấp giấy phép \u0445ây dựng"},  # a Cyrillic х
]
_COLUMNS = {
    "level": ["Cấp huyện", "Cấp xã", "Cấp tỉnh, Cấp huyện", None, "Cấp xã", "Cấp xã"],
    "agency": ["UBND huyện Bảo Thắng", "Sở Lao động - Thương binh và Xã hội", "UBND xã A", None],
    "forms": [None, "Không", "-", "Tờ khai", "…", "Mẫu 01"],
    "online_level": ["Mức độ 4", "Toàn trình", "Mức độ 3", None, "Mức độ 2", "Toàn trình/Một phần"],
    "status": ["Bãi bỏ", "Còn hiệu lực", None, "Hết hiệu lực"],
}


def _table(seed: int, size: int) -> Table:
    """A small table of rows that trip the row-local rules, in an order of its own."""
    rng = random.Random(seed)
    rows = []
    for i in range(size):
        row: dict[str, str | None] = {
            "code": None, "name": None, "decision_no": None, "decision_date": None,
        }  # fmt: skip
        row.update(rng.choice(_ROWS))
        for column, values in _COLUMNS.items():
            row[column] = rng.choice(values)
        row["name"] = f"{row['name']} {i % 3}" if rng.random() < 0.3 else row["name"]
        rows.append(row)
    table = table_of(rows, sheet="S")
    table.frame.index = table.frame.index + 7 * seed  # labels of its own, not positions
    return table


ROW_LOCAL = [rule for rule in all_rules() if rule.row_local]


def test_the_flagged_rules() -> None:
    """The rules flagged row-local; those that read other rows or the whole table are not
    (duplicates, near duplicates, a table of abolished rows only, a list stacked per unit)."""
    assert [rule.id for rule in ROW_LOCAL] == [
        "PA301", "PA401", "PA402", "PA403", "PA406", "PA501", "PA504", "PA506",
        "PA601", "PA602", "PA603", "PA604", "PA605", "PA606",
    ]  # fmt: skip
    assert all(rule.check is not None for rule in ROW_LOCAL)


STACKED = [rule for rule in all_rules() if rule.row_local or rule.table_local]


@pytest.mark.parametrize("rule", [r for r in STACKED if r.needs is None], ids=lambda r: r.id)
@pytest.mark.parametrize("sizes", [(3, 30, 1, 50), (20, 20, 20), (1, 1, 60)])
def test_a_rule_on_a_stack_is_the_rule_on_each_table(rule, sizes) -> None:  # type: ignore[no-untyped-def]
    tables = [_table(seed, size) for seed, size in enumerate(sizes)]
    options = RuleOptions()
    found = stacked_hits(tables, [rule], options)
    some = 0
    for table, of_stack in zip(tables, found, strict=True):
        assert rule.check is not None
        alone = rule.check(RuleContext(table.frame, options, frozenset(table.header_map.columns)))
        alone = alone.assign(rule=rule.id).rename_axis("index").reset_index()  # as table_hits
        stacked = of_stack.of(rule.id).reset_index(drop=True)
        some += len(alone)
        if alone.empty:
            assert stacked.empty
            continue
        # The dtypes may differ (a concatenation of parts that were text on one table and
        # objects on another): the values, their order and labels may not.
        pd.testing.assert_frame_equal(stacked, alone, check_dtype=False)
        assert stacked["index"].tolist() == alone["index"].tolist() != []
    # The rows trip every row-local rule (the table-local ones: see their own tables below).
    assert some or rule.table_local


def test_tables_unlike_or_large_are_not_stacked() -> None:
    small, other = _table(1, 5), _table(2, 6)
    assert stack_key(small) == stack_key(other)
    sheets = [read_catalogue(str(SAMPLES / "catalogue-lao-cai.xlsx")).tables[0]] * 2
    renamed = sheets[1].frame.assign(_sheet=sheets[1].frame["_sheet"].cat.rename_categories(["B"]))
    assert stack_key(sheets[0]) == stack_key(Table("B", renamed, sheets[1].header_map))
    fewer = Table("S", small.frame.drop(columns="forms"), small.header_map)
    assert stack_key(fewer) != stack_key(small)
    large = _table(3, STACK_ROWS)
    assert stack_key(large) is None
    found = stacked_hits([small, fewer, large], all_rules(), RuleOptions())
    assert [of_table.ran for of_table in found] == [frozenset()] * 3  # no two alike


def test_a_stack_has_a_most_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from procaudit.engine import stacked

    monkeypatch.setattr(stacked, "MOST_STACKED", 12)
    tables = [_table(seed, size) for seed, size in enumerate([5, 5, 5, 13, 2, 7])]
    tables[1] = Table("S", tables[1].frame.drop(columns="forms"), tables[1].header_map)
    # 0 and 2 make 10 rows; 3 (13) starts a stack, 4 another, which 5 joins (9 rows)
    assert stacked._stacks(tables) == [[0, 2], [1], [3], [4, 5]]


@pytest.mark.parametrize(
    ("positions", "first_labels", "second_labels"),
    [
        ([4, 1, 3, 0], [11, 10], [6, 5]),  # out of row order: each frame's cut out
        ([0, 2, 3, 4], [10, 12], [5, 6]),  # in row order: cut in slices
        ([3, 4, 4, 3], [], [5, 6, 6, 5]),  # one frame has none
    ],
)
@pytest.mark.parametrize("labelled", [False, True])
def test_split_hits_keeps_order_and_labels(
    positions: list[int], first_labels: list[int], second_labels: list[int], labelled: bool
) -> None:
    frames = [pd.DataFrame(index=pd.Index([10, 11, 12])), pd.DataFrame(index=pd.Index([5, 6]))]
    starts = np.array([0, 3, 5])
    labels = stack_labels(frames) if labelled else None
    hits = pd.DataFrame({"index": positions, "column": list("abcd")})
    first, second = split_hits(hits, frames, starts, labels)
    assert [*first.get("index", [])] == first_labels
    assert [*second["index"]] == second_labels
    cells = list(zip(positions, "abcd", strict=True))
    assert [*first.get("column", [])] == [c for at, c in cells if at < 3]
    assert [*second["column"]] == [c for at, c in cells if at >= 3]
    assert second["index"].dtype == np.int64
    assert split_hits(hits.iloc[:0], frames, starts, labels)[0].empty


def test_stack_labels_only_of_one_dtype() -> None:
    numbered = pd.DataFrame(index=pd.RangeIndex(3))
    assert stack_labels([numbered, pd.DataFrame(index=pd.Index([7]))]).tolist() == [0, 1, 2, 7]
    assert stack_labels([numbered, pd.DataFrame(index=pd.Index(["a"]))]) is None


def test_a_read_failure_keeps_its_place(tmp_path: Path) -> None:
    paths = _many(tmp_path / "many", 3)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    audited = _assert_same([paths[0], str(broken), paths[1], paths[2]])
    assert isinstance(audited[1], FileFailure)
    assert read_catalogue(paths[0]).path == paths[0]
    shutil.rmtree(tmp_path / "many")


# --- the schema: validated on a stack when each of its checks looks at one row ------------

UNIQUE_CODES = """
schema_type: dataframe
api: pandas
columns:
  code: {dtype: str, nullable: true, required: false, unique: true}
  name:
    dtype: str
    nullable: true
    required: true
    checks:
      present: {ignore_na: false, error: PA103}
"""


def test_which_schemas_are_checked_on_a_stack(tmp_path: Path) -> None:
    assert load_schema().per_row
    path = tmp_path / "unique.yaml"
    path.write_text(UNIQUE_CODES, encoding="utf-8")
    assert not load_schema(str(path)).per_row  # a code seen in another table is no failure


@pytest.mark.parametrize("sizes", [(3, 30, 1, 50), (1, 1, 60)])
def test_the_schema_on_a_stack_is_the_schema_on_each_table(sizes: tuple[int, ...]) -> None:
    tables = [_table(seed, size) for seed, size in enumerate(sizes)]
    for table in tables[::2]:  # codes and names missing or malformed here and there
        table.frame.loc[table.frame.index[::3], "code"] = "x1"
        table.frame.loc[table.frame.index[1::4], "name"] = None
    schema = load_schema()
    found = stacked_hits(tables, [], RuleOptions(), schema)
    for table, of_stack in zip(tables, found, strict=True):
        alone = schema_hits(schema, table.frame)
        stacked = of_stack.of(SCHEMA)
        if alone.empty:
            assert stacked.empty
            continue
        pd.testing.assert_frame_equal(stacked.reset_index(drop=True), alone, check_dtype=False)


def test_a_failure_of_the_whole_table_is_checked_on_each(tmp_path: Path) -> None:
    """A column the schema requires, missing from the tables: a failure without a row, left
    to each table's own validation."""
    tables = [_table(seed, 5) for seed in range(3)]
    tables = [Table("S", t.frame.drop(columns="name"), t.header_map) for t in tables]
    path = tmp_path / "needs.yaml"
    path.write_text(UNIQUE_CODES.replace("unique: true", "unique: false"), encoding="utf-8")
    schema = load_schema(str(path))
    assert schema.per_row
    assert [of_table.ran for of_table in stacked_hits(tables, [], RuleOptions(), schema)] == [
        frozenset()
    ] * 3


def test_a_user_schema_gives_the_same_batched(tmp_path: Path) -> None:
    path = tmp_path / "unique.yaml"
    path.write_text(UNIQUE_CODES, encoding="utf-8")
    paths = _many(tmp_path / "many", 8)
    _assert_same(paths, AuditPlan(schema_path=str(path)), load_schema(str(path)))


# --- the rules comparing rows of one table: on a stack, each table's own rows and units ----

TABLE_LOCAL = [rule for rule in all_rules() if rule.table_local]
_XA = "Cấp xã"
_CHECKED = ("Đăng ký khai sinh", "Đăng ký khia sinh")  # a typo pair, rare or not
_PROVINCE = "Cấp phép khai thác (thực hiện tại cấp tỉnh)"


def _rows(names: list[str], agency: str | list[str], first: int = 1) -> list[dict[str, str | None]]:
    agencies = [agency] * len(names) if isinstance(agency, str) else agency
    return [
        {
            "code": f"1.{first + at:06d}",
            "name": name,
            # No level where the name has a tag: only the agency, which says another level
            # (a level cell saying the tag's level would leave the agency uncompared).
            "level": None if name == _PROVINCE else _XA,
            "agency": of,
        }
        for at, (name, of) in enumerate(zip(names, agencies, strict=True))
    ]


_OFTEN = [f"{name}{more}" for more in ("", " lại", " mới", " đúng hạn") for name in _CHECKED]
CROSS_TABLES = {
    # Two communes' lists one after another: a per-unit list, a copy within one unit.
    "per unit": _rows(
        [*_CHECKED, "Đăng ký kết hôn", *_CHECKED, "Đăng ký kết hôn", "Đăng ký kết hôn", _PROVINCE],
        ["UBND xã An Bình"] * 3 + ["UBND xã Tân Phú"] * 5,
    ),
    # One commune's list: its typo pair is rare in it, its tag contradicts its agency.
    "rare typo": _rows([*_CHECKED, "Đăng ký kết hôn", _PROVINCE], "UBND xã Phú Lộc"),
    # The same typo in every place of its names: two words, not a slip.
    "common words": _rows(_OFTEN, "UBND xã Hòa Bình", first=100),
    # Names and codes of the other tables again, once each: no copy of theirs.
    "the others' names": _rows(["Đăng ký kết hôn", _CHECKED[0], "Cấp giấy phép"], "UBND xã Mỹ An"),
    "a code twice": [
        {"code": "1.000001", "name": "Cấp giấy phép", "level": _XA, "agency": None},
        {"code": "1,000001", "name": "Cấp giấy phép.", "level": _XA, "agency": None},
        {"code": "1.000001", "name": "Thu hồi giấy phép", "level": None, "agency": None},
    ],
}


def _cross_tables(order: list[str]) -> list[Table]:
    tables = [table_of(CROSS_TABLES[case], sheet="S") for case in order]
    tables[-1].frame.index = tables[-1].frame.index + 50  # labels of its own, not positions
    return tables


@pytest.mark.parametrize(
    "rule", [r for r in TABLE_LOCAL if r.id not in ("PA404", "PA503")], ids=lambda r: r.id
)
@pytest.mark.parametrize(
    "order",
    [list(CROSS_TABLES), list(CROSS_TABLES)[::-1], ["common words", "rare typo", "per unit"]],
)
def test_a_table_local_rule_on_a_stack_is_the_rule_on_each_table(rule, order) -> None:  # type: ignore[no-untyped-def]
    tables = _cross_tables(order)
    options = RuleOptions()
    found = stacked_hits(tables, [rule], options)
    hit = set()
    for case, table, of_stack in zip(order, tables, found, strict=True):
        assert rule.check is not None
        alone = rule.check(RuleContext(table.frame, options, frozenset(table.header_map.columns)))
        alone = alone.assign(rule=rule.id).rename_axis("index").reset_index()  # as table_hits
        stacked = of_stack.of(rule.id).reset_index(drop=True)
        if alone.empty:
            assert stacked.empty, case
            continue
        hit.add(case)
        pd.testing.assert_frame_equal(stacked, alone, check_dtype=False)
    # What the tables are for: a rule comparing rows across tables, or counting words over
    # them all, would find more or less here.
    expected = {
        "PA201": {"a code twice"},
        "PA202": {"a code twice"},
        "PA203": {"per unit"},
        "PA204": {"per unit", "rare typo"},
        "PA502": {"rare typo"},
    }[rule.id]
    assert hit == expected & set(order)


def test_the_table_local_rules() -> None:
    assert [rule.id for rule in TABLE_LOCAL] == [
        "PA201", "PA202", "PA203", "PA204", "PA404", "PA502", "PA503",
    ]  # fmt: skip
    assert not any(rule.row_local for rule in TABLE_LOCAL)


def test_an_annex_of_abolitions_stacked_with_a_list_in_force() -> None:
    """PA404: a table whose every row is abolished is an annex, each table judged alone."""
    statuses = {"annex": ["Bãi bỏ", "bãi bỏ"], "in force": ["Còn hiệu lực", "Bãi bỏ", None]}
    tables = [
        table_of([{"name": f"Thủ tục {at}", "status": status} for at, status in enumerate(rows)])
        for rows in (statuses["annex"], statuses["in force"], statuses["annex"])
    ]
    [rule] = [rule for rule in TABLE_LOCAL if rule.id == "PA404"]
    found = stacked_hits(tables, [rule], RuleOptions())
    assert [list(of_stack.of("PA404").get("index", [])) for of_stack in found] == [[], [1], []]


ONLINE_TABLES = {
    "levels": ["2", "3", "4", "Toàn trình"],  # the old scale as bare numbers
    "counts": ["0", "4", "12", "3"],  # dossiers counted: its 4 and 3 are no levels
    "words": ["Mức độ 4", "Một phần"],
}


@pytest.mark.parametrize("order", [list(ONLINE_TABLES), list(ONLINE_TABLES)[::-1]])
def test_online_numbers_on_a_stack_are_read_per_table(order: list[str]) -> None:
    """PA503 and the fully online flag: a bare number is an old level only where its own
    table's column holds no count; stacked, each table is read as alone."""
    tables = [
        table_of([{"name": f"Thủ tục {at}", "online_level": v} for at, v in enumerate(values)])
        for values in (ONLINE_TABLES[case] for case in order)
    ]
    [rule] = [rule for rule in TABLE_LOCAL if rule.id == "PA503"]
    found = stacked_hits(tables, [rule], RuleOptions())
    rows = {
        case: list(of.of("PA503").get("index", [])) for case, of in zip(order, found, strict=True)
    }
    assert rows == {"levels": [0, 1, 2], "counts": [], "words": [0]}
    stack = pd.concat([table.frame for table in tables], ignore_index=True)
    context = RuleContext(stack, RuleOptions(), tables=[table.frame for table in tables])
    flags = iter(
        np.split(fully_online_rows(context), np.cumsum([len(t.frame) for t in tables])[:-1])
    )
    fully = {case: list(np.flatnonzero(next(flags))) for case in order}
    assert fully == {"levels": [2, 3], "counts": [], "words": [0]}


def test_a_stack_keeps_each_tables_units() -> None:
    """The per-unit list's messages name its units; each table's context is given its own
    units and distinct agencies, as it would find them."""
    order = list(CROSS_TABLES)
    tables = _cross_tables(order)
    found = stacked_hits(tables, TABLE_LOCAL, RuleOptions())
    per_unit = found[order.index("per unit")]
    assert any("under UBND xã Tân Phú" in message for message in per_unit.of("PA203")["message"])
    for table, of_stack in zip(tables, found, strict=True):
        alone = RuleContext(table.frame)
        assert repr(of_stack.seeds["units"]) == repr(alone.units)
        codes, uniques = of_stack.seeds["distinct agency"]
        made_codes, made_uniques = alone.distinct("agency")
        assert codes.dtype == made_codes.dtype and codes.tolist() == made_codes.tolist()
        pd.testing.assert_index_equal(uniques, made_uniques)
    assert [of_stack.seeds["units"] is not None for of_stack in found] == [
        case == "per unit" for case in order
    ]


def test_sheets_and_csv_lines_are_not_stacked_together() -> None:
    """A message names other rows as "rows" of a sheet or "lines" of a CSV: one word a stack."""
    sheet, lines = table_of(CROSS_TABLES["rare typo"], "S"), table_of(CROSS_TABLES["rare typo"])
    assert stack_key(sheet) != stack_key(lines)
    assert stack_key(sheet) == stack_key(table_of(CROSS_TABLES["per unit"], "Other"))


@pytest.mark.parametrize("stacked_rules", ["all", "some", "none"])
def test_a_tables_hits_as_alone_whichever_rules_ran_on_its_stack(stacked_rules: str) -> None:
    """`table_hits` puts the stack's hits and its own in rule order, the schema's first."""
    from procaudit.engine.table_hits import table_hits

    tables = [_table(seed, size) for seed, size in enumerate((30, 12, 40))]
    schema, rules = load_schema(), tuple(all_rules())
    runnable = [rule for rule in STACKED if rule.needs is None]
    given = {"all": runnable, "some": runnable[::2], "none": []}[stacked_rules]
    found = stacked_hits(tables, given, RuleOptions(), schema if given else None)
    for table, of_stack in zip(tables, found, strict=True):
        alone = table_hits(table, schema, rules)
        assert alone is not None
        context = RuleContext(table.frame, RuleOptions(), frozenset(table.header_map.columns))
        with_stack = table_hits(table, schema, rules, context=context, stacked=of_stack)
        assert with_stack is not None
        assert of_stack.ran == ({SCHEMA} | {rule.id for rule in given} if given else set())
        pd.testing.assert_frame_equal(
            with_stack[alone.columns], alone, check_dtype=False, check_index_type=False
        )
        assert with_stack["rule"].tolist() == alone["rule"].tolist()
