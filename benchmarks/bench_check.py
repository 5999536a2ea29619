"""Time `procaudit check` as a user runs it: the whole process, median of several runs.

    python benchmarks/bench_check.py [--rows 10000 100000] [--repeat 5]

Writes synthetic catalogues (CSV and xlsx, about 1% of rows with a defect) to a temporary
folder, then times `procaudit check FILE --format json --quiet` on each, and `procaudit --help`
against a bare `python -c "import pandas"`. A benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import catalogue_files  # beside this script

HEADERS = ["Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện",
           "Mẫu đơn, tờ khai", "Số quyết định", "Ngày công bố"]  # fmt: skip
FIELDS = ["Hộ tịch", "Đất đai", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Lao động"]


def rows(count: int, one_name: bool = False) -> list[list[str]]:
    """Synthetic rows; `one_name` gives every row the same name (the worst case for PA203)."""
    out = []
    for i in range(count):
        level = "Cấp xã" if i % 3 else "Cấp tỉnh"
        code = f"{1 + i % 3}.{i % 1_000_000:06d}"
        out.append([
            code if i % 97 else "",                               # PA102
            "Thủ tục chung" if one_name else f"Thủ tục số {i} về {FIELDS[i % len(FIELDS)].lower()}",
            "Cấp huyện" if i % 211 == 0 else level,               # PA501
            FIELDS[i % len(FIELDS)],
            "Ủy ban nhân dân cấp xã" if i % 3 else "Sở Tư pháp",
            "" if i % 101 == 0 else f"Mẫu số {i % 40:02d}",       # PA301
            "QĐ/0001-UBND" if i % 103 == 0 else "1890/QĐ-UBND",  # PA402
            "15/08/2025",
        ])  # fmt: skip
    for i in range(0, count, 500):  # PA201: a copy of every 500th row
        out.append(list(out[i]))
    return out


write_csv = partial(catalogue_files.write_csv, headers=HEADERS)
write_xlsx = partial(catalogue_files.write_xlsx, headers=HEADERS)


def timed(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--xlsx-rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    procaudit = [sys.executable, "-m", "procaudit"]

    def line(label: str, seconds: float) -> None:
        print(f"{label:<44} {seconds:>9.3f}")

    print(f"{'what':<44} {'median s':>9}")
    line("python -c 'import pandas'", timed([sys.executable, "-c", "import pandas"], args.repeat))
    line("procaudit --help", timed([*procaudit, "--help"], args.repeat))
    line("procaudit --version", timed([*procaudit, "--version"], args.repeat))
    with tempfile.TemporaryDirectory() as folder:
        for count, suffix, writer in (
            *((n, "csv", write_csv) for n in args.rows),
            *((n, "xlsx", write_xlsx) for n in args.xlsx_rows),
        ):
            path = Path(folder) / f"catalogue-{count}.{suffix}"
            writer(path, rows(count))
            seconds = timed([*procaudit, "check", str(path), "-f", "json", "-q"], args.repeat)
            line(f"check {count:,} rows {suffix}", seconds)
        worst = Path(folder) / "one-name.csv"
        write_csv(worst, rows(args.rows[-1], one_name=True))
        seconds = timed([*procaudit, "check", str(worst), "-f", "json", "-q"], args.repeat)
        line(f"check {args.rows[-1]:,} rows csv, one name on all", seconds)
    real = Path(__file__).resolve().parents[2] / "shared" / "data" / "real" / "national-portal-2026"
    if real.is_dir():  # the seven portal workbooks (2,642 procedures) in one run
        workbooks = [str(path) for path in sorted(real.glob("*.xlsx"))]
        seconds = timed([*procaudit, "check", *workbooks, "-f", "json", "-q"], args.repeat)
        line("check the 7 portal workbooks (2,642 rows)", seconds)
        seconds = timed([*procaudit, "inspect", *workbooks, "-f", "json"], args.repeat)
        line("inspect the 7 portal workbooks", seconds)


if __name__ == "__main__":
    main()
