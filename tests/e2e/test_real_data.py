"""procaudit on the portal's real export (../shared/data/real; skipped where it is absent)."""

from __future__ import annotations

from collections import Counter

import pytest

from procaudit.engine.audit import audit
from procaudit.io import read_catalogue
from procaudit.io.layout import TITLE


@pytest.mark.slow
def test_portal_procedure_details(real_data) -> None:
    path = real_data / "national-portal-2026" / "procedure-details.csv"
    result = audit([str(path)])
    assert not result.failures
    [report] = result.files
    assert report.rows == 2642
    by_rule = Counter(f.rule for f in result.findings)
    # The data's README: every code is a national code, so no PA101 and no PA102.
    assert by_rule["PA101"] == 0 and by_rule["PA102"] == 0
    # The placeholder decision number the portal carries is reported for each of its rows:
    # 29 rows of one value are one finding that counts them (procaudit.engine.floods).
    placeholders = [f for f in result.findings if f.value in ("QĐ/0001-BCA", "QĐ/0001-BTP")]
    assert sum(f.rows or 1 for f in placeholders) == 31
    assert {f.rule for f in placeholders} == {"PA402"}
    assert [f.rows for f in placeholders if f.value == "QĐ/0001-BCA"] == [29]
    # The export has no forms column: PA301 is reported as not checked, not silently passed.
    assert "PA301" in {s.rule for s in result.skipped}
    # Line numbers account for the line breaks inside quoted cells.
    assert max(f.row for f in result.findings if f.row is not None) > report.rows + 1


@pytest.mark.slow
def test_portal_workbooks_read_every_procedure(real_data) -> None:
    # Seven exports, each a merged title on row 1 over the header on row 2.
    paths = sorted((real_data / "national-portal-2026").glob("*.xlsx"))
    assert len(paths) == 7
    total = 0
    for path in paths:
        catalogue = read_catalogue(str(path))
        [table] = catalogue.tables
        assert table.sheet == "Danh sách TTHC"
        assert table.account.header_rows == (2,)
        assert table.account.skipped == {TITLE: (1,)}
        assert table.frame["_row"].iloc[0] == 3
        assert table.frame["code"].str.fullmatch(r"\d\.\d{6}").all()
        total += len(table.frame)
    assert total == 2642


@pytest.mark.slow
def test_inspect_explains_each_portal_export(real_data) -> None:
    from typer.testing import CliRunner

    from procaudit.cli import app

    folder = real_data / "national-portal-2026"
    paths = [*map(str, sorted(folder.glob("*.xlsx"))), str(folder / "procedure-details.csv")]
    result = CliRunner().invoke(app, ["inspect", *paths])
    assert result.exit_code == 0, result.output
    assert result.output.count("Sheet 'Danh sách TTHC': header on row 2") == 7
    assert result.output.count("title block above the header") == 7
    assert "CSV text, utf-8, comma-separated" in result.output
    words = " ".join(result.output.split())
    assert (
        "co_quan_co_tham_quyen not used (also names agency; column 17 is read as agency)" in words
    )
