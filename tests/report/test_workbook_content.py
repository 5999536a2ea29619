"""The workbooks procaudit writes hold what they held before they were written as XML text
(issue 19): the digests below were taken of workbooks written through openpyxl's cells,
before the change, and each case writes the same workbook now and compares.

The digest is of the content as openpyxl reads it back (`workbook_content`): every cell's
value, type, bold, fill, wrapping and comment, the widths, panes, filter and print settings.
The fix-list digests were taken again when its Status column got its drop-down (a data
validation, the one difference).
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from workbook_content import content_digest

from conftest import ROOT, SAMPLES
from procaudit.app.audit import audit_files
from procaudit.cli import app
from procaudit.report.fixlist import write_fix_list

sys.path.insert(0, str(ROOT / "benchmarks"))
from catalogue_files import write_csv  # beside the benchmarks
from run import HEADERS, catalogue_rows

runner = CliRunner()

FIX_LIST = "5742b5f75ec5da0387e56889939db14227f846587cb69d3af8c72e4125a2c4d8"
FIX_LIST_VI = "186e29e45f090511a24325eed1020e7ec59e79bba29309062ce2a46fd16c33b9"
DIFF = "5c30bdbe18817f6ef5184fa879e56c6a50ca04595a4942362610e9a9d0a920fb"
FIX_LIST_100K = "64700c6b9dae78ada3c658a24dbf258c7873b37c8ca76d89dfe4b5a5cac8622d"


@pytest.mark.parametrize(("more", "digest"), [((), FIX_LIST), (("--lang", "vi"), FIX_LIST_VI)])
def test_the_sample_fix_list_holds_what_it_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, more: tuple[str, ...], digest: str
) -> None:
    # Named as it was then: the file column's width follows the path's length.
    monkeypatch.chdir(SAMPLES.parent)
    out = tmp_path / "sua.xlsx"
    source = "samples/catalogue-lao-cai.xlsx"
    run = runner.invoke(app, ["check", source, "-q", "--fix-list", str(out), *more])
    assert run.exit_code == 1, run.output
    assert content_digest(out) == digest


def test_the_diff_workbook_holds_what_it_held(tmp_path: Path) -> None:
    """A diff of the sample with a changed copy: renamed procedures, names of two lines that
    look like formulas (wrapped cells), removed rows and an added one."""
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    shutil.copy(SAMPLES / "catalogue-lao-cai.csv", old)
    with old.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    for number in range(1, len(rows), 7):
        rows[number][2] += " mới"
    for number in range(3, len(rows), 11):
        rows[number][2] = "=1+1\nhai dòng"
    del rows[5:9]
    rows.append(["999", "9.999999", "Thủ tục mới\nthêm", *rows[1][3:]])
    with new.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    out = tmp_path / "diff.xlsx"
    run = runner.invoke(app, ["diff", str(old), str(new), "--format", "xlsx", "--output", str(out)])
    assert run.exit_code == 1, run.output
    assert content_digest(out, {str(old): "old.csv", str(new): "new.csv"}) == DIFF


@pytest.mark.slow
def test_the_fix_list_of_the_100k_benchmark_holds_what_it_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_csv(Path("catalogue.csv"), catalogue_rows(100_000), headers=HEADERS)
    out = tmp_path / "sua.xlsx"
    write_fix_list(audit_files(["catalogue.csv"]), out)
    assert content_digest(out) == FIX_LIST_100K
