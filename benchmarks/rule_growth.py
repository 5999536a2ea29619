"""Time each default rule alone on the 100k-row and the 1M-row CSV, and the growth between.

    python benchmarks/rule_growth.py [--repeat 3] [--folder DIR]

Issue 19 asks for linear growth from 100k to 1M rows for every default rule; `run.py`
measures the whole check's, in which the start and the read hide a rule that grows faster
than its rows. Here each file is read once (`procaudit.io.read_catalogue`), then each rule
runs alone on a fresh `RuleContext` of its table, so that what it shares with other rules
in a run (the names' keys, the text survey) is made inside its own time, as when it is the
only rule selected. The schema's checks (pandera) are timed as one more line. Each line is
the median of `--repeat` runs of each size, taken in turn; the growth is 1M over 100k, and
at most 10 is linear (or better: a rule's fixed cost weighs more at 100k). The files are
those `run.py --million` writes, made here when missing. A benchmark, not a test: nothing
here asserts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from procaudit.engine.schema import load_schema, schema_hits
from procaudit.engine.skipped_rules import applicable
from procaudit.io.read import read_catalogue
from procaudit.rules import all_rules
from procaudit.rules.context import RuleContext
from procaudit.rules.options import RuleOptions

SIZES = {"100k": "100k.csv", "1M": "1m.csv"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="where run.py's files are, or go")
    args = parser.parse_args()
    if args.folder is None:
        with tempfile.TemporaryDirectory() as folder:
            measure(Path(folder), args.repeat)
    else:
        measure(args.folder, args.repeat)


def measure(folder: Path, repeat: int) -> None:
    if not all((folder / name).exists() for name in SIZES.values()):
        run = Path(__file__).with_name("run.py")
        subprocess.run([sys.executable, run, "--generate", folder, "--million"], check=True)
    frames = {size: _frame(folder / name) for size, name in SIZES.items()}
    schema = load_schema()
    works: list[tuple[str, Callable[[RuleContext], object]]] = [
        ("schema (pandera)", lambda context: schema_hits(schema, context.frame))
    ]
    options = RuleOptions()  # a run's defaults: no --reference, no forms folder
    for rule in all_rules():
        check = rule.check
        if check is not None and all(applicable(rule, f, options) for f in frames.values()):
            works.append((f"{rule.id} {rule.name}", check))
    print("| rule | 100k | 1M | growth |\n|---|---|---|---|")
    for label, work in works:
        times: dict[str, list[float]] = {size: [] for size in frames}
        for _ in range(repeat):
            for size, frame in frames.items():
                times[size].append(_timed(work, frame))
        small, large = (statistics.median(times[size]) for size in SIZES)
        print(f"| {label} | {small * 1e3:.0f} ms | {large * 1e3:.0f} ms | {large / small:.1f} |")


def _frame(path: Path) -> pd.DataFrame:
    catalogue = read_catalogue(str(path))
    (table,) = catalogue.tables
    return table.frame


def _timed(work: Callable[[RuleContext], object], frame: pd.DataFrame) -> float:
    context = RuleContext(frame)
    start = time.perf_counter()
    work(context)
    elapsed = time.perf_counter() - start
    context.release()
    return elapsed


if __name__ == "__main__":
    main()
