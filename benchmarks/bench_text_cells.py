"""Time the text-cell rules (PA601 legacy-encoding, PA602 not-nfc, PA603 stray-whitespace).

    python benchmarks/bench_text_cells.py [--rows 100000 1000000] [--repeat 5]

Builds synthetic canonical tables of 13 text columns as the reader gives them (names and
legal bases distinct per row, the other columns repeated, about 1% of cells with a defect:
TCVN3 and VNI text, decomposed tones, doubled, trailing and non-breaking spaces), then
times the three rules together on a fresh context (they share one survey per column), and
each rule alone. A benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import statistics
import time
import unicodedata
from collections.abc import Callable

import pandas as pd

from procaudit.catalogue.columns import CANONICAL, ROW, SHEET
from procaudit.rules import get_rule
from procaudit.rules.context import RuleContext

FIELDS = ["Hộ tịch", "Đất đai", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Lao động"]
RULES = ("PA601", "PA602", "PA603")


def cell(column: str, i: int) -> str:
    """A plain cell of `column` on row `i`: distinct where real catalogues are distinct."""
    field = FIELDS[i % len(FIELDS)]
    plain = {
        "code": f"{1 + i % 3}.{i % 1_000_000:06d}",
        "name": f"Thủ tục số {i} về cấp giấy phép {field.lower()} (thực hiện tại cấp tỉnh)",
        "level": "Cấp xã" if i % 3 else "Cấp tỉnh, Cấp xã",
        "field": field,
        "agency": "Ủy ban nhân dân cấp xã" if i % 3 else "Sở Tư pháp\nỦy ban nhân dân cấp xã",
        "processing_time": f"{5 + i % 20} ngày làm việc",
        "fee": "Không" if i % 4 else "Lệ phí: 400.000 Đồng",
        "forms": f"Mẫu số {i % 40:02d}/TK",
        "legal_basis": f"Nghị định số {i}/2025/NĐ-CP ngày 15/8/2025 của Chính phủ",
        "online_level": "Toàn trình" if i % 2 else "Một phần",
        "decision_no": f"{1000 + i % 50}/QĐ-UBND",
        "decision_date": "15/08/2025",
        "status": "Ban hành mới",
    }
    return plain[column]


def defective(column: str, i: int, text: str) -> str:
    """About 1% of cells carry one defect each, of a kind that depends on the row."""
    if i % 97:
        return text
    kind = (i // 97) % 6
    if kind == 0:
        return "Thñ tôc hµnh chÝnh cÊp tØnh"  # TCVN3
    if kind == 1:
        return "Thuû tuïc haønh chính caáp tænh"  # VNI
    if kind == 2:
        return unicodedata.normalize("NFD", text)
    if kind == 3:
        return text.replace(" ", "  ", 1)
    if kind == 4:
        return text + " "
    return text.replace(" ", "\xa0", 1)


def frame(rows: int) -> pd.DataFrame:
    data = {
        column: pd.Series([defective(column, i, cell(column, i)) for i in range(rows)], dtype="str")
        for column in CANONICAL
    }
    out = pd.DataFrame(data)
    out[ROW] = range(2, rows + 2)
    out[SHEET] = "Danh mục"
    return out


def timed(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    checks = {rule_id: get_rule(rule_id).check for rule_id in RULES}  # type: ignore[union-attr]

    def line(label: str, seconds: float) -> None:
        print(f"{label:<52} {seconds:>9.3f}")

    def all_three(table: pd.DataFrame) -> int:
        context = RuleContext(table)
        return sum(len(check(context)) for check in checks.values())  # type: ignore[misc]

    print(f"{'what':<52} {'median s':>9}")
    for rows in args.rows:
        table = frame(rows)
        found = all_three(table)
        columns = len(CANONICAL)
        line(
            f"PA601-603 on {rows:,} rows x {columns} columns ({found:,} hits)",
            timed(lambda table=table: all_three(table), args.repeat),
        )
        for rule_id, check in checks.items():
            seconds = timed(lambda table=table, check=check: check(RuleContext(table)), args.repeat)
            line(f"  {rule_id} alone", seconds)


if __name__ == "__main__":
    main()
