"""The findings of big generated catalogues stay the same, byte for byte, when procaudit is made
faster (issue 19).

Speed work on the rules (PA204 on distinct names, text kept in Arrow, work released early)
must not change a single finding. Each case writes a generated catalogue, runs the whole
default `procaudit check -f json` through the CLI and compares a digest of the report's
findings and summary with the one stored here, taken before the speed work began:

- the benchmark's 100k-row and 1M-row catalogues (`benchmarks/run.py`: about 3% of rows
  carry a defect of one of eight rules, one row in 400 copied), every name distinct;
- a stacked list, as a national list kept per commune is: the same few hundred names once per
  commune, with a slip of one letter in some communes' copies (PA203 and PA204 at work).

A change meant to change findings updates the digests: `PROCAUDIT_PRINT_DIGEST=1 pytest
tests/e2e/test_scale_findings.py -s` prints the new ones (read the reports' changes first).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from procaudit.cli import app

sys.path.insert(0, str(ROOT / "benchmarks"))
from catalogue_files import write_csv  # beside the benchmarks
from run import HEADERS, OBJECTS, VERBS, catalogue_rows

runner = CliRunner()

DIGESTS = {
    "benchmark 100k": "41c8a64beea8490b3dd1e8f20a6aa4f93ecf0116613f4854aea236f5029214c0",
    "stacked list": "a43b5b0149f7b930aa99fc03dcf90a73b3d3812fdc85ff66429a28b1cd55a06e",
    "benchmark 1M": "9b1a583cd234d259346168742c9ff138014fbb60027fe4366a3a9db6305970b8",
}

PLACES = ["An Bình", "Tân Lập", "Hòa Bình", "Phú Mỹ", "Đông Hưng", "Quang Trung", "Kim Sơn",
          "Thanh Hà", "Lộc Ninh", "Bình Minh", "Hưng Đạo", "Việt Hùng"]  # fmt: skip
SUBJECTS = ["hộ tịch", "đất đai", "xây dựng", "y tế", "giáo dục", "lao động", "chứng thực"]


def stacked_rows() -> list[list[str]]:
    """The same names once per commune, unit by unit; every fifth commune lists a few names
    twice, once with a slip of one letter ("giáy" for "giấy"), and every third a few without
    the filler word "về"."""
    rows = []
    for number, place in enumerate(PLACES * 4):
        agency = f"UBND xã {place} {number}"
        index = 0
        for verb in VERBS:
            for thing in OBJECTS:
                for subject in SUBJECTS:
                    index += 1
                    name = f"{verb} {thing} về {subject}"
                    names = [name]
                    if number % 5 == 0 and index % 11 == 0:
                        names.append(name.replace("giấy", "giáy"))
                    if number % 3 == 0 and index % 13 == 0:
                        names.append(name.replace(" về ", " "))
                    rows.extend(
                        [str(len(rows) + 1), f"1.{index:06d}", copy, "Cấp xã", subject.title(),
                         agency, f"Mẫu số {index % 9:02d}", "Toàn trình", "1890/QĐ-UBND",
                         "15/08/2025", "Còn hiệu lực"]
                        for copy in names
                    )  # fmt: skip
    return rows


def findings_digest(folder: Path, rows: list[list[str]]) -> str:
    """The digest of the findings and summary of the whole default check of `rows`."""
    write_csv(folder / "catalogue.csv", rows, headers=HEADERS)
    previous = Path.cwd()
    os.chdir(folder)  # the report names the file as given: relative, the same everywhere
    try:
        result = runner.invoke(
            app, ["check", "catalogue.csv", "-f", "json", "-q", "--exit-zero", "-o", "r.json"]
        )
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    report = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    kept = {"summary": report["summary"], "findings": report["findings"]}
    text = json.dumps(kept, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize(
    "case, rows",
    [
        ("benchmark 100k", lambda: catalogue_rows(100_000)),
        ("stacked list", stacked_rows),
        ("benchmark 1M", lambda: catalogue_rows(1_000_000)),
    ],
)
def test_findings_are_those_before_the_speed_work(case, rows, tmp_path):
    digest = findings_digest(tmp_path, rows())
    if os.environ.get("PROCAUDIT_PRINT_DIGEST"):
        print(f"\n{case}: {digest}")
    assert digest == DIGESTS[case]
