"""Time each default rule alone on the 100k-row and the 1M-row CSV, and the growth between.

    python benchmarks/rule_growth.py [--repeat 3] [--folder DIR] [--json]

Issue 19 asks for linear growth from 100k to 1M rows for every default rule; `run.py`
measures the whole check's, in which the start and the read hide a rule that grows faster
than its rows. Here each file is read once (`procaudit.io.read_catalogue`), then each rule
runs alone on a fresh `RuleContext` of its table, so that what it shares with other rules
in a run (the names' keys, the text survey) is made inside its own time, as when it is the
only rule selected. The schema's checks (pandera) are timed as one more line. The process
runs with the allocator and threads procaudit's console script sets (`cli.early_input`).

Each line is the median of `--repeat` runs of each size, taken in turn: the time, and the
CPU spent in the process (user) and by the kernel for it (system: mostly the first touch of
fresh pages, which grows faster than the rows once arrays outgrow what the C allocator keeps
for reuse). The growth is 1M over 100k; at most 10 is linear (or better: a rule's fixed cost
weighs more at 100k). The files are those `run.py --million` writes, made here when missing;
`run.py --million` runs this script too (`--json`: the lines as JSON, for it). A benchmark,
not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from procaudit.cli.early_input import ARROW_POOL, BLAS_THREADS  # free of pyarrow and numpy

if TYPE_CHECKING:
    import pandas as pd

    from procaudit.rules.context import RuleContext

SIZES = {"100k": "100k.csv", "1M": "1m.csv"}


class Spent(NamedTuple):
    """Seconds: wall time, CPU in the process, CPU in the kernel for it."""

    wall: float
    user: float
    system: float


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="where run.py's files are, or go")
    parser.add_argument("--json", action="store_true", help="the lines as one JSON list")
    args = parser.parse_args()
    # As the console script sets them (`cli.early_input`), before pyarrow and numpy load.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", BLAS_THREADS)
    with tempfile.TemporaryDirectory() as scratch:
        lines = measure(args.folder or Path(scratch), args.repeat, not args.json)
    if args.json:
        print(json.dumps(lines))


def measure(folder: Path, repeat: int, show: bool = True) -> list[tuple[str, Spent, Spent]]:
    """Each line's label and median spending on the 100k and on the 1M CSV; with `show`,
    each printed as a row of a Markdown table as it is measured."""
    from procaudit.engine.schema import load_schema, schema_hits
    from procaudit.engine.skipped_rules import applicable
    from procaudit.rules import all_rules
    from procaudit.rules.options import RuleOptions

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
    if show:
        print("| rule | 100k | 1M | growth | user CPU growth | system CPU at 1M |")
        print("|---|---|---|---|---|---|")
    lines = []
    for label, work in works:
        spent: dict[str, list[Spent]] = {size: [] for size in frames}
        for _ in range(repeat):
            for size, frame in frames.items():
                spent[size].append(_spent(work, frame))
        small, large = (_median(spent[size]) for size in SIZES)
        lines.append((label, small, large))
        if show:
            print(
                f"| {label} | {small.wall * 1e3:.0f} ms | {large.wall * 1e3:.0f} ms"
                f" | {large.wall / small.wall:.1f} | {large.user / max(small.user, 1e-3):.1f}"
                f" | {large.system * 1e3:.0f} ms |"
            )
    return lines


def _median(runs: list[Spent]) -> Spent:
    return Spent(*(statistics.median(column) for column in zip(*runs, strict=True)))


def _frame(path: Path) -> pd.DataFrame:
    from procaudit.io.read import read_catalogue

    catalogue = read_catalogue(str(path))
    (table,) = catalogue.tables
    return table.frame


def _spent(work: Callable[[RuleContext], object], frame: pd.DataFrame) -> Spent:
    from procaudit.rules.context import RuleContext

    context = RuleContext(frame)
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    work(context)
    elapsed, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF)
    context.release()
    return Spent(elapsed, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)


if __name__ == "__main__":
    main()
