"""Many small catalogues and one workbook of many sheets, for issue 19's per-file target: a
folder of 2,000 small files audited in at most twice the sum of their bare reads.

    python benchmarks/many_files.py DIR [--files 2000] [--sheets 200]

writes DIR/many/ (20-50 rows per file; one file in 20 an xlsx, the rest CSV) and
DIR/sheets.xlsx (one small catalogue per sheet). `bare_reads` is the yardstick: every file
read in one process as a user's script would, `pandas.read_csv(dtype=str)` or
`pandas.read_excel(engine="calamine", dtype=str)`. `--reads` times procaudit's reader on
DIR/many/ (read_catalogue, once per file, in one process) beside them.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from catalogue_files import write_csv, write_xlsx  # beside this script

HEADERS = [
    "STT", "Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện",
    "Mẫu đơn, tờ khai", "Mức độ DVC", "Số quyết định", "Ngày công bố",
]  # fmt: skip
FIELDS = ["Hộ tịch", "Đất đai", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Chứng thực"]
VERBS = ["Cấp", "Cấp lại", "Gia hạn", "Điều chỉnh", "Đăng ký", "Thu hồi"]
OBJECTS = ["giấy phép", "giấy chứng nhận", "chứng chỉ hành nghề", "thẻ"]
XLSX_EVERY = 20  # one file in 20 is a workbook


def small_rows(seed: int) -> list[list[str]]:
    """20 to 50 rows of a commune's list, a defect here and there."""
    rng = random.Random(seed)
    rows = []
    for i in range(rng.randint(20, 50)):
        field = rng.choice(FIELDS)
        rows.append(
            [
                str(i + 1),
                f"{1 + i % 3}.{rng.randrange(1_000_000):06d}",
                f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {field.lower()} số {i}",
                "Cấp xã" if i % 4 else "Cấp huyện",  # PA501 on a quarter of the rows
                field,
                "Ủy ban nhân dân cấp xã",
                "" if i % 7 == 0 else f"Mẫu số {i % 40:02d}",
                rng.choice(["Toàn trình", "Một phần", "Mức độ 4"]),
                "1890/QĐ-UBND",
                "15/08/2025" if i % 9 else "31/02/2025",
            ]
        )
    return rows


def write_many(folder: Path, count: int) -> list[Path]:
    """`count` small catalogues in `folder`, in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        rows = small_rows(number)
        if number % XLSX_EVERY == XLSX_EVERY - 1:
            path = folder / f"xa-{number:04d}.xlsx"
            write_xlsx(path, rows, headers=HEADERS)
        else:
            path = folder / f"xa-{number:04d}.csv"
            write_csv(path, rows, headers=HEADERS)
        paths.append(path)
    return paths


def write_sheets(path: Path, count: int) -> None:
    """One workbook of `count` sheets, each a small catalogue (a district's communes)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for number in range(count):
        sheet = workbook.create_sheet(f"Xã {number:03d}")
        sheet.append(HEADERS)
        for row in small_rows(10_000 + number):
            sheet.append(row)
    workbook.save(path)


def bare_reads(paths: list[Path]) -> float:
    """Seconds to read every file in this process (pandas imported beforehand), as a user's
    script would: the yardstick of the per-file target."""
    import pandas

    started = time.perf_counter()
    for path in paths:
        if path.suffix == ".csv":
            pandas.read_csv(path, dtype=str)
        else:
            pandas.read_excel(path, engine="calamine", dtype=str)
    return time.perf_counter() - started


def catalogue_reads(paths: list[Path]) -> float:
    """Seconds to read every file with procaudit's reader in this process, once: its memos
    (headers, cells' shapes) start empty, as in a check run. What the reader adds to the
    bare reads, apart from the rules."""
    from procaudit.io.read import read_catalogue

    started = time.perf_counter()
    for path in paths:
        read_catalogue(str(path))
    return time.perf_counter() - started


def measure_many(
    folder: Path,
    count: int,
    sheets: int,
    line: Callable[[str, list[str]], tuple[float, ...]],  # time and peak first
    procaudit: Callable[..., list[str]],
) -> list[tuple[str, float, float | None]]:
    """Issue 19's per-file target beside its yardstick, and what `--jobs` does (for
    benchmarks/run.py --many): `count` small files, then a workbook of `sheets` sheets."""
    subprocess.run(
        [sys.executable, __file__, str(folder), "--files", str(count), "--sheets", str(sheets)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    many, book = folder / "many", folder / "sheets.xlsx"
    bare = float(
        subprocess.run(
            [sys.executable, __file__, str(folder), "--bare"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    print(f"{f'sum of the bare reads of {count} small files (in one process)':<52} {bare:8.2f} s")
    base = ["check", "-f", "json", "-q", "--exit-zero", "-o", str(folder / "many.json")]
    label = f"procaudit check {count} small files"
    one = line(f"{label} --jobs 1", procaudit(*base, str(many), "-j1"))
    cores = line(f"{label} (--jobs: cores)", procaudit(*base, str(many)))
    sheets_bare = line(
        f"pandas.read_excel(calamine) every sheet, {sheets} sheets",
        [sys.executable, "-c", f"import pandas; {_read_sheets(book)}"],
    )
    sheets_check = line(f"procaudit check {sheets}-sheet workbook", procaudit(*base, str(book)))
    return [
        (f"check / sum of bare reads, {count} files, --jobs 1", one[0] / bare, None),
        (f"check / sum of bare reads, {count} files, --jobs cores", cores[0] / bare, 2),
        ("--jobs 1 / --jobs cores", one[0] / cores[0], None),
        (f"check / bare read, {sheets}-sheet workbook", sheets_check[0] / sheets_bare[0], None),
    ]


def _read_sheets(path: Path) -> str:
    return f"pandas.read_excel({str(path)!r}, sheet_name=None, engine='calamine', dtype=str)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--sheets", type=int, default=200)
    parser.add_argument("--bare", action="store_true", help="time the bare reads of many/")
    parser.add_argument(
        "--reads", action="store_true", help="time procaudit's reader on many/, per file"
    )
    args = parser.parse_args()
    if args.bare:
        print(f"{bare_reads(sorted((args.folder / 'many').iterdir())):.3f}")
        return
    if args.reads:
        paths = sorted((args.folder / "many").iterdir())
        bare, read = bare_reads(paths), catalogue_reads(paths)
        print(f"bare read {1000 * bare / len(paths):.2f} ms a file, ", end="")
        print(f"read_catalogue {1000 * read / len(paths):.2f} ms a file ({len(paths)} files)")
        return
    write_many(args.folder / "many", args.files)
    write_sheets(args.folder / "sheets.xlsx", args.sheets)
    print(f"wrote {args.files} files and a {args.sheets}-sheet workbook in {args.folder}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
