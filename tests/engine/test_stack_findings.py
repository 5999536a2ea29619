"""A stack's plain tables take their findings from the stack's hits at once
(`engine.stack_findings`); a table where a flood may be goes the usual way. Either way each
file's audit is what auditing it alone gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, write_workbook
from procaudit.core.findings import FileFailure
from procaudit.engine import audit as engine
from procaudit.engine.audit import AuditPlan, active_rules, audit_batches, audit_source
from procaudit.engine.schema import load_schema

sys.path.insert(0, str(ROOT / "benchmarks"))
from catalogue_files import write_csv
from many_files import HEADERS, small_rows

LEVEL = HEADERS.index("Cấp thực hiện")


def _files(folder: Path, count: int, district: set[int] = frozenset()) -> list[str]:
    """`count` small CSV catalogues; in those of `district`, every procedure at the district
    level (PA501 on every row: a column flood)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        rows = small_rows(number)
        if number in district:
            rows = [[*row[:LEVEL], "Cấp huyện", *row[LEVEL + 1 :]] for row in rows]
        path = folder / f"xa-{number:02d}.csv"
        write_csv(path, rows, headers=HEADERS)
        paths.append(str(path))
    return paths


def _counted_conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose tables are made findings one at a time (`table_findings`), as the
    audits go on."""
    converted: list[str] = []
    real = engine.table_findings

    def counted(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        converted.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(engine, "table_findings", counted)
    return converted


def _batched_and_alone(
    paths: list[str], monkeypatch: pytest.MonkeyPatch, plan: AuditPlan | None = None
) -> tuple[list[object], list[str]]:
    """The batched audits (checked to be the audits alone), and the files whose tables
    were made findings one at a time in the batch."""
    plan = plan or AuditPlan()
    schema, rules = load_schema(), active_rules(plan.options, plan.selection)
    converted = _counted_conversions(monkeypatch)
    batched = list(audit_batches(paths, plan, schema, rules))
    in_batch = list(converted)
    alone = [audit_source(path, plan, schema, rules) for path in paths]
    assert batched == alone
    assert repr(batched) == repr(alone)
    return batched, in_batch


def test_plain_tables_take_their_findings_from_the_stack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batched, converted = _batched_and_alone(_files(tmp_path, 8), monkeypatch)
    assert converted == []
    assert all(not isinstance(one, FileFailure) and one[0] for one in batched)


def test_a_table_that_may_flood_goes_the_usual_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _files(tmp_path, 6, district={2, 4})
    batched, converted = _batched_and_alone(paths, monkeypatch)
    assert converted == [paths[2], paths[4]]
    for at in (2, 4):
        audited = batched[at]
        assert not isinstance(audited, FileFailure)
        [flood] = [f for f in audited[0] if f.rule == "PA501"]
        assert flood.row is None and flood.rows == len(small_rows(at))


def test_every_row_takes_the_flooded_tables_from_the_stack_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _files(tmp_path, 4, district={1})
    batched, converted = _batched_and_alone(paths, monkeypatch, AuditPlan(every_row=True))
    assert converted == []
    audited = batched[1]
    assert not isinstance(audited, FileFailure)
    district = [f for f in audited[0] if f.rule == "PA501"]
    assert len(district) == len(small_rows(1)) and all(f.row for f in district)


def test_a_progress_display_hears_the_stages_told_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _files(tmp_path, 5, district={3})
    plan = AuditPlan()
    schema, rules = load_schema(), active_rules(plan.options, plan.selection)
    converted = _counted_conversions(monkeypatch)
    told: list[str] = []
    list(audit_batches(paths, plan, schema, rules, told.append))
    assert converted == [paths[3]]
    alone: list[str] = []
    for number, path in enumerate(paths, start=1):
        where = f"[{number}/5] {Path(path).name}: "
        audit_source(path, plan, schema, rules, lambda stage, at=where: alone.append(at + stage))
    assert sorted(told) == sorted(alone)
    assert sum("PA501" in stage for stage in told) == len(paths)


def test_a_workbook_with_formulas_saved_without_values_goes_the_usual_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its forms cells left to formulas are no missing forms (`engine.unread_hits`), which
    the stack's hits as they are would say; the workbooks stacked with it stay plain."""
    form = HEADERS.index("Mẫu đơn, tờ khai")
    paths = []
    for number in range(3):
        rows = small_rows(number)
        for row_number, row in enumerate(rows, start=2):
            if number == 1 and not row[form]:
                row[form] = f"=VLOOKUP(C{row_number},DM!A:B,2,0)"
        paths.append(str(write_workbook(tmp_path / f"xa-{number}.xlsx", {"DS": [HEADERS, *rows]})))
    batched, converted = _batched_and_alone(paths, monkeypatch)
    assert converted == [paths[1]]
    found = [
        [f.row for f in one[0] if f.rule == "PA301"] for one in batched if isinstance(one, tuple)
    ]
    assert [len(rows) for rows in found] == [len(found[0]), 0, len(found[2])]
    assert found[0] and found[2]  # their empty forms cells, as ever
