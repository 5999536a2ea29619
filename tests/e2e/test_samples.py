"""The shipped samples: exactly their planted defects (see samples/README.md), in both formats."""

from __future__ import annotations

import importlib.util
import os
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLES
from procaudit.engine.audit import audit

# (row, column, rule); the row is the Excel row and, in the CSV, the line.
EXPECTED = [
    (5, "name", "PA201"), (14, "name", "PA601"), (18, "decision_no", "PA402"),
    (20, "agency", "PA501"), (23, "name", "PA203"), (26, "level", "PA502"),
    (29, "decision_no", "PA402"), (34, "name", "PA203"),
    (37, "code", "PA101"), (42, "decision_no", "PA401"), (45, "online_level", "PA503"),
    (49, "code", "PA202"), (53, "name", "PA103"), (60, "forms", "PA301"),
    (62, "decision_date", "PA403"), (65, "code", "PA102"), (68, "name", "PA201"),
    (68, "name", "PA603"), (73, "level", "PA501"), (77, "decision_no", "PA401"),
    (81, "decision_no", "PA402"), (83, "level", "PA501"), (86, "code", "PA101"),
    (88, "status", "PA404"), (90, "forms", "PA301"), (96, "code", "PA102"),
    (97, "code", "PA202"), (99, "forms", "PA301"), (108, "code", "PA101"),
    (109, "name", "PA201"), (112, "agency", "PA504"), (114, "decision_no", "PA401"),
    (117, "code", "PA101"), (122, "level", "PA501"), (125, "forms", "PA301"),
    (126, "name", "PA203"), (129, "name", "PA103"), (131, "code", "PA102"),
    (134, "name", "PA203"), (137, "decision_no", "PA401"), (143, "name", "PA602"),
    (148, "name", "PA201"),
]  # fmt: skip
# Findings about the whole file: 58 of the 149 procedures in force are fully online.
FILE_LEVEL = [(None, "online_level", "PA505")]


@pytest.mark.parametrize(
    ("name", "sheet"),
    [("catalogue-lao-cai.xlsx", "Danh mục TTHC"), ("catalogue-lao-cai.csv", None)],
)
def test_sample_findings_are_exactly_the_planted_defects(name: str, sheet: str | None) -> None:
    result = audit([str(SAMPLES / name)])
    assert not result.failures and not result.skipped
    # Named relative to the current folder, where the sample is under it, as every report does.
    assert [(f.path, f.rows) for f in result.files] == [(os.path.relpath(SAMPLES / name), 150)]
    found = [(f.row, f.column, f.rule) for f in result.findings]
    assert found == FILE_LEVEL + EXPECTED
    assert {f.sheet for f in result.findings if f.row is not None} == {sheet}


def _zip_entries(path: Path) -> dict[str, bytes]:
    # Compared entry by entry: compressed bytes may differ between zlib builds.
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_sample_files_are_the_generator_output(tmp_path: Path, monkeypatch) -> None:
    """The committed samples are what make_samples.py writes (no hand edits that drift)."""
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_samples", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "XLSX_PATH", tmp_path / "s.xlsx")
    monkeypatch.setattr(module, "CSV_PATH", tmp_path / "s.csv")
    module.main()
    assert (tmp_path / "s.csv").read_bytes() == (SAMPLES / "catalogue-lao-cai.csv").read_bytes()
    assert _zip_entries(tmp_path / "s.xlsx") == _zip_entries(SAMPLES / "catalogue-lao-cai.xlsx")
