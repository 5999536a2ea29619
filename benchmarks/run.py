"""Time procaudit against the bare reads it builds on, as whole processes, and print ratios.

    python benchmarks/run.py [--repeat 5] [--million] [--many [N]] [--keep DIR]

Writes realistic catalogues (CSV 100k rows, xlsx 100k rows, the same with its rows numbered by
formula, and with --million a 1M-row CSV;
a few percent of rows carry a defect of some rule), then times, in one run and as whole
processes (median of --repeat runs, with each process's peak memory, its CPU, user and
system, and its minor page faults: the first touch of fresh memory, most of the system time;
a file's bare reads and checks are run in turn, one of each at a time, so that the machine's
drift reaches them alike):
- `procaudit check FILE --format json --output …`, every default rule (PA204 included);
  on the 1M CSV also with `--fix-list` and with `--reference` (6,000 procedures), whose
  added cost is the ratio shown;
- the bare read of the same file: `pandas.read_csv(dtype=str)` into Python strings (the
  yardstick; also shown into Arrow strings and with engine="pyarrow"),
  `pandas.read_excel(engine="calamine", dtype=str)`;
- `procaudit --help` and `--version` against `python -c "import pandas"`;
- the growth of the whole check from the 100k to the 1M CSV, and with --million of each
  default rule alone (`rule_growth.py`, in a process of its own);
- with --many, a folder of N (2,000) small catalogues against the sum of their bare reads,
  with `--jobs 1` and the default one job per core, and a 200-sheet workbook
  (`many_files.py`).
procaudit's modules are byte-compiled first (`compile_procaudit`), as its wheel's install does.
A benchmark, not a test: nothing here asserts. The figures of the day go in
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from catalogue_files import write_csv, write_xlsx, write_xlsx_numbered_by_formula  # beside
from many_files import measure_many

HEADERS = [
    "STT", "Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện",
    "Mẫu đơn, tờ khai", "Mức độ DVC", "Số quyết định", "Ngày công bố", "Tình trạng",
]  # fmt: skip
FIELDS = [
    "Hộ tịch",
    "Đất đai",
    "Xây dựng",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Lao động",
    "Chứng thực",
    "Tài nguyên nước",
    "Du lịch",
    "Người có công",
]
VERBS = ["Cấp", "Cấp lại", "Gia hạn", "Điều chỉnh", "Đăng ký", "Thu hồi", "Công nhận"]
OBJECTS = ["giấy phép", "giấy chứng nhận", "chứng chỉ hành nghề", "thẻ", "quyết định"]
AGENCIES = ["Ủy ban nhân dân cấp xã", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Tài chính"]


# Row i % 100 -> (column, change): a defect of one rule on about 1% of rows each.
DEFECTS = {
    1: (1, lambda code: code[:-1]),  # PA101
    2: (6, lambda form: ""),  # PA301
    3: (3, lambda level: "Cấp huyện"),  # PA501
    4: (8, lambda number: "QĐ/0001-UBND"),  # PA402
    5: (9, lambda day: "31/02/2025"),  # PA403
    6: (7, lambda online: "Mức độ 4"),  # PA503
    7: (5, lambda agency: "Sở Kế hoạch và Đầu tư"),  # PA504
    8: (2, lambda name: name.replace(" ", "  ", 1)),  # PA603
}


def catalogue_rows(count: int, seed: int = 7) -> list[list[str]]:
    """Rows like a province's list, with defects of many rules (about 3% of rows)."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        field = FIELDS[i % len(FIELDS)]
        name = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {field.lower()} số {i}"
        level = "Cấp xã" if i % 3 else "Cấp tỉnh"
        row = [
            str(i + 1),
            f"{1 + i % 3}.{i % 1_000_000:06d}",
            name,
            level,
            field,
            AGENCIES[i % len(AGENCIES)],
            f"Mẫu số {i % 40:02d}",
            "Toàn trình" if i % 2 else "Một phần",
            "1890/QĐ-UBND",
            "15/08/2025",
            "Còn hiệu lực",
        ]
        plant = DEFECTS.get(i % 100)
        if plant is not None:
            column, change = plant
            row[column] = change(row[column])
        rows.append(row)
    for i in range(0, count, 400):  # PA201: a copy of every 400th row
        rows.append(list(rows[i]))
    return rows


class Measured(NamedTuple):
    """Medians of a command's whole-process runs. The CPU and the faults are its own process's
    (a pool's workers are left out): the kernel's share of a run is mostly the first touch of
    fresh memory, which the minor faults count."""

    seconds: float
    peak: float  # MB
    user: float  # CPU seconds
    system: float
    faults: float  # minor page faults


def measure_in_turn(commands: list[list[str]], repeat: int) -> list[Measured]:
    """Median wall time (s), peak memory (MB), CPU and page faults of each command as a
    whole process, their runs taken in turn (one of each, `repeat` times): a drift of the
    machine's speed (a VM's neighbours) then reaches every command alike, so the ratios
    between them hold, where all of one command's runs, then all of the next one's, moved a
    ratio by 30%."""
    runs: list[list[tuple[float, ...]]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, of_command in zip(commands, runs, strict=True):
            of_command.append(_run_once(command))
    return [
        Measured(*(statistics.median(values) for values in zip(*of_command, strict=True)))
        for of_command in runs
    ]


def _run_once(command: list[str]) -> tuple[float, ...]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)  # this process's own peak, not the children's
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime, usage.ru_stime, usage.ru_minflt


# The bare read the targets are set against: pandas' own parser into Python strings, as
# pandas reads without pyarrow (procaudit depends on pyarrow, which turns pandas' default to
# Arrow strings: slower to read with the C parser, so a laxer yardstick). The other two
# bare reads are printed beside it.
PYTHON_STRINGS = "import pandas; pandas.set_option('mode.string_storage', 'python'); "


def rule_growth(folder: Path, repeat: int) -> tuple[str, float, float]:
    """Each default rule alone on the 100k and the 1M CSV (`rule_growth.py`), printed; the
    ratio of the one that grows most."""
    script = Path(__file__).with_name("rule_growth.py")
    command = [sys.executable, str(script), "--folder", str(folder), "--repeat", str(repeat)]
    command.append("--json")
    found = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
    print(
        f"\n{'each rule alone (median of ' + str(repeat) + ')':<52} {'100k':>10} {'1M':>11}"
        f" {'growth':>7} {'user':>6} {'system at 1M':>13}"
    )
    growths = []
    for label, small, large in found:
        (wall, user, _), (wall_1m, user_1m, system_1m) = small, large
        growths.append((wall_1m / wall, label))
        print(
            f"{label:<52} {wall * 1e3:7.0f} ms {wall_1m * 1e3:8.0f} ms {wall_1m / wall:6.1f}x"
            f" {user_1m / max(user, 1e-3):5.1f}x {system_1m * 1e3:10.0f} ms"
        )
    growth, label = max(growths)
    return (f"{label.split()[0]} alone, 1M / 100k (the most of any rule)", growth, 10)


def _read_csv(path: Path, *options: str) -> str:
    return f"pandas.read_csv({', '.join([repr(str(path)), 'dtype=str', *options])})"


def procaudit(*args: str) -> list[str]:
    return [sys.executable, "-m", "procaudit", *args]


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--million", action="store_true", help="also the 1M-row CSV")
    parser.add_argument("--keep", type=Path, help="write the catalogues here and keep them")
    parser.add_argument(
        "--many", type=int, nargs="?", const=2000, default=0, metavar="N",
        help="also N small files (default 2000) and a 200-sheet workbook",
    )  # fmt: skip
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.million)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="procaudit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(folder, args.repeat, args.million, args.many)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def generate(folder: Path, million: bool) -> None:
    rows = catalogue_rows(100_000)
    write_csv(folder / "100k.csv", rows, headers=HEADERS)
    write_xlsx(folder / "100k.xlsx", rows, headers=HEADERS)
    write_xlsx_numbered_by_formula(folder / "100k-formulas.xlsx", rows, headers=HEADERS)
    if million:
        write_csv(folder / "1m.csv", catalogue_rows(1_000_000), headers=HEADERS)
        # A national list: 6,000 procedures, their codes among the catalogue's.
        write_csv(folder / "reference.csv", catalogue_rows(6_000, seed=11), headers=HEADERS)


def compile_procaudit() -> None:
    """Byte-compile procaudit's modules, as installing its wheel does: an editable install
    run with PYTHONDONTWRITEBYTECODE set (as CI and sandboxes set it) compiles its 250
    modules from source in every process, ~0.4 s of CPU a run that no installed copy
    spends, and that `import pandas`, compiled at its install, is spared."""
    code = (
        "import compileall, os, procaudit; "
        "compileall.compile_dir(os.path.dirname(procaudit.__file__), quiet=1)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def added_commands(path: Path, base: list[str]) -> list[tuple[str, list[str]]]:
    """The whole check of `path` with `--fix-list`, and with `--reference` (a national list
    of 6,000 procedures): issue 19 sets what each may add (at most half)."""
    return [
        (
            "  same, with --fix-list (xlsx)",
            procaudit("check", *base, "--fix-list", str(path.with_name("fixes.xlsx"))),
        ),
        (
            "  same, with --reference (6,000 procedures)",
            procaudit("check", *base, "--reference", str(path.with_name("reference.csv"))),
        ),
    ]


def run(folder: Path, repeat: int, million: bool, many: int = 0) -> None:
    # Generated in another process: a child forked from a big parent would report the
    # parent's memory as its own peak.
    subprocess.run(
        [sys.executable, __file__, "--generate", str(folder)] + (["--million"] if million else []),
        check=True,
    )
    compile_procaudit()
    files = {
        "csv 100k": folder / "100k.csv",
        "xlsx 100k": folder / "100k.xlsx",
        # Rows numbered by formula, as lists made in Excel are: formula cells are read from
        # the sheet's XML beside calamine's values (no target; shown beside the xlsx).
        "xlsx 100k, STT by formula": folder / "100k-formulas.xlsx",
    }
    if million:
        files["csv 1M"] = folder / "1m.csv"
    report = str(folder / "report.json")
    results: dict[str, Measured] = {}

    def lines(group: list[tuple[str, list[str]]]) -> list[Measured]:
        """The group's commands measured in turn (`measure_in_turn`), each printed."""
        measured = measure_in_turn([command for _, command in group], repeat)
        for (label, _), found in zip(group, measured, strict=True):
            results[label] = found
            print(
                f"{label:<52} {found.seconds:8.2f} s {found.peak:8.0f} MB"
                f" {found.user:7.2f} s {found.system:6.2f} s {found.faults / 1000:7.0f}k",
                flush=True,
            )
        return measured

    def line(label: str, command: list[str]) -> Measured:
        return lines([(label, command)])[0]

    print(
        f"{'what (whole process, median of ' + str(repeat) + ')':<52} {'time':>10} {'peak':>11}"
        f" {'CPU user':>9} {'system':>8} {'faults':>8}"
    )
    help_, version, pandas = lines(
        [
            ("procaudit --help", procaudit("--help")),
            ("procaudit --version", procaudit("--version")),
            ('python -c "import pandas"', python("import pandas")),
        ]
    )
    ratios: list[tuple[str, float, float | None]] = [  # label, value, target (None: none)
        ("--help / import pandas", help_[0] / pandas[0], 0.5),
        ("--version / import pandas", version[0] / pandas[0], 0.5),
    ]
    for label, path in files.items():
        # The bare reads and the checks of a file, measured in turn: their ratios are the
        # targets.
        if label.startswith("csv"):
            group = [
                (f"pandas.read_csv {label}", python(PYTHON_STRINGS + _read_csv(path))),
                (
                    f"  same, Arrow strings (pandas' default here) {label}",
                    python("import pandas; " + _read_csv(path)),
                ),
                (
                    f"  same, engine='pyarrow' {label}",
                    python("import pandas; " + _read_csv(path, "engine='pyarrow'")),
                ),
            ]
        else:
            read_excel = f"pandas.read_excel({str(path)!r}, engine='calamine', dtype=str)"
            group = [
                (f"pandas.read_excel(calamine) {label}", python("import pandas; " + read_excel))
            ]
        base = [str(path), "-f", "json", "-q", "--exit-zero", "-o", report]
        group.append((f"procaudit check {label}", procaudit("check", *base)))
        if label == "csv 1M":
            group.extend(added_commands(path, base))
        measured = lines(group)
        bare, fastest = measured[0], measured[2 if label.startswith("csv") else 0]
        check = results[f"procaudit check {label}"]
        # Issue 7 sets targets for the 1M CSV and the 100k xlsx; the 100k CSV, where
        # importing pandera and the rules weighs most, is shown for comparison.
        target = {"xlsx 100k": 1.5}.get(label)
        ratios.append((f"check / bare read, {label}", check[0] / bare[0], target))
        if label.startswith("csv"):
            # Issue 19: the whole default check (PA204 included) against the fastest read.
            big = label == "csv 1M"
            ratios.append(
                (f"check / read_csv(engine='pyarrow'), {label}", check[0] / fastest[0],
                 5 if big else None)
            )  # fmt: skip
            ratios.append(
                (f"check / read_csv(engine='pyarrow') memory, {label}", check[1] / fastest[1],
                 2 if big else None)
            )  # fmt: skip
        if label == "csv 1M":
            fix_list, reference = measured[-2:]
            ratios.append(("--fix-list added / check, csv 1M", fix_list[0] / check[0] - 1, 0.5))
            ratios.append(("--reference added / check, csv 1M", reference[0] / check[0] - 1, 0.5))
    if many:
        ratios.extend(measure_many(folder, many, 200, line, procaudit))
    if "csv 1M" in files:
        growth = results["procaudit check csv 1M"][0] / results["procaudit check csv 100k"][0]
        ratios.append(("check csv 1M / check csv 100k (10x the rows)", growth, 10))
        ratios.append(rule_growth(folder, repeat))
    print()
    print(f"{'ratio':<52} {'value':>10} {'target':>11}")
    for label, value, target in ratios:
        if target is None:  # shown for comparison, with no target of its own
            print(f"{label:<52} {value:10.2f}")
            continue
        verdict = "ok" if value <= target else "over"
        print(f"{label:<52} {value:10.2f} {'<= ' + str(target):>8}  {verdict}")


if __name__ == "__main__":
    main()
