"""The findings of PA405 and PA406 on a generated catalogue stay the same, byte for byte, when
the reference rules are made faster (issue 19).

The reference rules were made to work on distinct values in column kernels instead of
comparing each row's code with every reference code in Python. The case below is built to
walk every path of both rules: codes one character off (changed, swapped, added, dropped,
several reference codes equally close), names the reference has under another code (with a
level tag, in capitals, decomposed), names that are and are not similar to the closest
code's, local codes, rows without a code or a name, and reference procedures the catalogue
lacks at the levels it covers. The digest was taken before the speed work; a change meant to
change these findings prints the new one with `PROCAUDIT_PRINT_DIGEST=1 pytest ... -s`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from procaudit.cli import app
from procaudit.io.reference import NATIONAL_CODE, national_codes

DIGEST = "5137e367fb44e0584f5b141bd6f5c7252de9adc89091ad5b7aa8c8762f0e5c05"

VERBS = ["Cấp", "Cấp lại", "Gia hạn", "Đăng ký", "Thu hồi", "Công nhận", "Điều chỉnh"]
THINGS = ["giấy phép", "giấy chứng nhận", "chứng chỉ hành nghề", "thẻ", "quyết định"]
FIELDS = ["Hộ tịch", "Đất đai", "Xây dựng", "Y tế", "Chứng thực", "Tài nguyên nước"]
LEVELS = ["Cấp xã", "Cấp tỉnh", "Cấp tỉnh, Cấp xã", "Cấp bộ", ""]
TAGS = [" (thực hiện tại cấp xã)", " (cấp tỉnh)", " (Cấp Xã", " (thực hiện ở cấp huyện)."]


def reference_rows() -> list[list[str]]:
    """400 procedures: codes spread out, and a dense block where many codes are one
    character from several others."""
    rng = random.Random(3)
    rows = []
    for i in range(400):
        code = f"2.{i:06d}" if i < 120 else f"1.{100_000 + 37 * i:06d}"
        field = FIELDS[i % len(FIELDS)]
        name = f"{rng.choice(VERBS)} {rng.choice(THINGS)} {field.lower()} {i}"
        rows.append([code, name, LEVELS[i % len(LEVELS)], field])
    return rows


def _typo(code: str, rng: random.Random) -> str:
    digits = list(code)
    at = rng.randrange(2, len(digits))
    kind = rng.randrange(4)
    if kind == 0:  # one digit changed
        digits[at] = str((int(digits[at]) + rng.randrange(1, 10)) % 10)
    elif kind == 1 and at + 1 < len(digits):  # two digits swapped
        digits[at], digits[at + 1] = digits[at + 1], digits[at]
    elif kind == 2:  # one digit dropped: malformed, PA101's
        del digits[at]
    else:  # one digit added to a local code's national part
        return code + f".000.00.00.H{rng.randrange(10, 99)}"
    return "".join(digits)


def catalogue_rows(reference: list[list[str]]) -> list[list[str]]:
    """A catalogue drawn from the reference: most procedures as they are, some with a
    mistyped code, a renamed procedure or a name written differently, a few missing."""
    rng = random.Random(5)
    rows = []
    for code, name, level, field in reference:
        pick = rng.random()
        if pick < 0.08:
            continue  # not announced: PA405 where the level is covered
        if pick < 0.35:
            code = _typo(code, rng)
        if 0.35 <= pick < 0.45:
            code = f"{rng.randrange(1, 4)}.{rng.randrange(0, 1_000_000):06d}"  # same name
        if rng.random() < 0.3:
            name = f"{name} mới"  # similar to its own, not to another
        elif rng.random() < 0.15:
            name = f"Thủ tục khác hẳn {rng.randrange(1000)}"
        styled = rng.random()
        if styled < 0.1:
            name += rng.choice(TAGS)
        elif styled < 0.15:
            name = name.upper()
        elif styled < 0.2:
            name = unicodedata.normalize("NFD", name)
        elif styled < 0.23:
            name = ""
        if rng.random() < 0.03:
            code = ""
        rows.append([code, name, level, field])
    # Codes one character from several dense codes, named as the first or a later of them.
    rows.extend(
        [f"2.{i:06d}", f"{reference[i - 100 + i % 2 * 80][1]} mới", "Cấp xã", "Hộ tịch"]
        for i in range(120, 200)
    )
    return rows


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực"])
        writer.writerows(rows)
    return path


def test_reference_findings_are_those_before_the_speed_work(tmp_path: Path) -> None:
    reference = reference_rows()
    _write(tmp_path / "national.csv", reference)
    _write(tmp_path / "catalogue.csv", catalogue_rows(reference))
    previous = Path.cwd()
    os.chdir(tmp_path)  # the report names the files as given: the same everywhere
    try:
        result = CliRunner().invoke(
            app,
            ["check", "catalogue.csv", "--reference", "national.csv", "--select", "PA405,PA406",
             "--every-row", "-f", "json", "-q", "--exit-zero", "-o", "r.json"],
        )  # fmt: skip
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    findings = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]
    assert {f["rule"] for f in findings} == {"PA405", "PA406"}
    messages = " ".join(f["message"] for f in findings)
    assert "of this name under" in messages and "closest reference code" in messages
    text = json.dumps(findings, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(text.encode()).hexdigest()
    if os.environ.get("PROCAUDIT_PRINT_DIGEST"):
        print(f"\nreference findings: {digest} ({len(findings)} findings)")
    assert digest == DIGEST


def test_national_codes_in_kernels_are_pythons() -> None:
    digits = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdecimal()]
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    values = [f"{d}.00000{d}" for d in digits] + [f"{s}1.000001{s}" for s in spaces]
    values += ["1.000001.000.00.00.H29", "1.0000011", "1.000001x", "x1.000001", "1.000001\n",
               "1.000001 .", "1.000001\nx", "1.00000", "", "².000001", "1,000001",
               "-1.000001", "1.000001-", "1.000001\xa0", "\u30001.000001"]  # fmt: skip
    column = pd.Series([*values, None], dtype="str")
    expected = [None if v is None else _python_national(v) for v in [*values, None]]
    found = national_codes(column)
    assert found.dtype == "str"
    assert [None if pd.isna(code) else code for code in found] == expected


def _python_national(code: str) -> str | None:
    match = re.match(NATIONAL_CODE, code)
    return match.group(1) if match else None
