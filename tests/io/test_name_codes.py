"""A list that writes each procedure's code in its name's cell ("1.004629 - Điều chỉnh …"): where
most names carry one, the codes are read as the code column and the names as the rest."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from procaudit.cli import app
from procaudit.io.code_notes import drop_code_notes
from procaudit.io.name_codes import split_name_codes

BIRTH, MARRIAGE, DEATH = "Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử"


def _split(names: list[str | None], **columns: list[str]) -> tuple[list, list, int]:
    frame = pd.DataFrame({"name": pd.Series(names, dtype="str"), **columns})
    count = split_name_codes(frame)
    codes = frame["code"].tolist() if "code" in frame else None
    return codes, frame["name"].tolist(), count


def _missing(values: list | None) -> list | None:
    return None if values is None else [None if pd.isna(v) else v for v in values]


CASES = {
    "before, a dash": (
        [f"1.001193 - {BIRTH}", f"1.000894 - {MARRIAGE}"],
        ["1.001193", "1.000894"],
        [BIRTH, MARRIAGE],
        2,
    ),
    "before, in brackets or with a dot": (
        [f"[1.001193] {BIRTH}", f"1.000894. {MARRIAGE}", f"(1.000656) {DEATH}"],
        ["1.001193", "1.000894", "1.000656"],
        [BIRTH, MARRIAGE, DEATH],
        3,
    ),
    "after, in brackets": (
        [f"{BIRTH} (1.001193)", f"{MARRIAGE} (Mã: 1.000894)"],
        ["1.001193", "1.000894"],
        [BIRTH, MARRIAGE],
        2,
    ),
    "local codes": (
        [f"1.000494.000.00.00.H29 - {BIRTH}", f"1.012753.H19 {MARRIAGE}"],
        ["1.000494.000.00.00.H29", "1.012753.H19"],
        [BIRTH, MARRIAGE],
        2,
    ),
    # Once the table writes its codes so, a malformed one is read for the code rules.
    "a malformed code among them": (
        [f"1.001193 - {BIRTH}", f"1.000894 - {MARRIAGE}", f"2000648 - {DEATH}"],
        ["1.001193", "1.000894", "2000648"],
        [BIRTH, MARRIAGE, DEATH],
        3,
    ),
    # A name without one has no code; a number that is no code stays in the name.
    "a name without a code": (
        [f"1.001193 - {BIRTH}", f"1.000894 - {MARRIAGE}", "2 bản sao giấy tờ", None],
        ["1.001193", "1.000894", None, None],
        [BIRTH, MARRIAGE, "2 bản sao giấy tờ", None],
        2,
    ),
    # Fewer than half the names carry one: they are names.
    "a few names": (
        [f"1.001193 - {BIRTH}", MARRIAGE, DEATH],
        None,
        [f"1.001193 - {BIRTH}", MARRIAGE, DEATH],
        0,
    ),
    "half before, half after": (
        [f"1.001193 - {BIRTH}", f"{MARRIAGE} (1.000894)", DEATH, DEATH],
        None,
        [f"1.001193 - {BIRTH}", f"{MARRIAGE} (1.000894)", DEATH, DEATH],
        0,
    ),
    # Half of them before the name: the table writes its codes there, and the rest after
    # it, a list typed by several hands; each is read where it is.
    "half before, the rest after": (
        [f"1.001193 - {BIRTH}", f"{MARRIAGE} (Mã: 1.000894)", f"2.000001 {DEATH}", DEATH],
        ["1.001193", "1.000894", "2.000001", None],
        [BIRTH, MARRIAGE, DEATH, DEATH],
        3,
    ),
    "half after, the rest before": (
        [f"{BIRTH} (1.001193)", f"1.000894 - {MARRIAGE}", f"{DEATH} (2.000001)", DEATH],
        ["1.001193", "1.000894", "2.000001", None],
        [BIRTH, MARRIAGE, DEATH, DEATH],
        3,
    ),
}


@pytest.mark.parametrize(("names", "codes", "read", "count"), CASES.values(), ids=CASES)
def test_codes_in_the_names_cells(
    names: list[str | None], codes: list | None, read: list, count: int
) -> None:
    found_codes, found_names, found = _split(names)
    assert (_missing(found_codes), _missing(found_names), found) == (codes, read, count)


def test_a_table_with_a_code_column_keeps_its_names() -> None:
    codes, names, count = _split([f"1.001193 - {BIRTH}"], code=["1.001193"])
    assert (codes, names, count) == (["1.001193"], [f"1.001193 - {BIRTH}"], 0)


def test_the_rules_see_the_codes_and_names(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    path.write_text(
        "STT,Tên thủ tục hành chính,Cấp thực hiện\n"
        f"1,1.001193 - {BIRTH},Cấp xã\n"
        f"2,1.001194 - {BIRTH},Cấp xã\n"
        f'3,"1,000894 - {MARRIAGE}",Cấp xã\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    found = {(f["rule"], f["row"], f["column"]) for f in json.loads(result.stdout)["findings"]}
    assert found == {("PA203", 2, "name"), ("PA203", 3, "name"), ("PA101", 4, "code")}
    assert "the codes are read from the names' cells (3 of 3 names carry one)" in " ".join(
        result.stderr.split()
    )
    shown = CliRunner().invoke(app, ["inspect", str(path)]).stdout
    assert "code: 3 rows took it from their name's cell" in shown


def test_the_fix_list_points_at_the_names_cell(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    path.write_text(
        f'STT,Tên thủ tục hành chính\n1,1.001193 - {BIRTH}\n2,"1,000894 - {MARRIAGE}"\n',
        encoding="utf-8",
    )
    fix_list = tmp_path / "fix.csv"
    CliRunner().invoke(app, ["check", str(path), "--fix-list", str(fix_list)])
    [row] = list(csv.DictReader(fix_list.open(encoding="utf-8-sig")))
    assert (row["Ô / Cell"], row["Quy tắc / Rule"]) == ("B3", "PA101")


# A second code, a date or a name beside the code is no note: the cell stays as written.
NO_NOTES = [
    "1.000178; 1.000179",
    "1.000178 (1.000179)",
    "1.000178 (QĐ 12/2025)",
    f"1.001193\n{BIRTH} cho trẻ em dưới sáu tuổi",
    "Chưa có mã (mới)",
    "2018.HT.14 (mới)",
    None,
]
# A code cell with a note after the code ("(mới)": the procedure is new): the code is read.
NOTE_CASES = {
    "a note in brackets": (["1.000660 (mới)", "2.002034 [sửa đổi]"], ["1.000660", "2.002034"], 2),
    "a note on its own line": (["1.000660\n(mới)", "1.000660\nMới"], ["1.000660", "1.000660"], 2),
    "a local code, a dot after the note": (
        ["1.000178.000.00.00.H29 (TTHC mới).", "1.012753.H19"],
        ["1.000178.000.00.00.H29", "1.012753.H19"],
        1,
    ),
    # Malformed under its note: the code rules say what is wrong with the code itself.
    "a malformed code": (["1.0513980\n(mới)"], ["1.0513980"], 1),
    # A label before it stays, for PA101 to name.
    "a label before the code": (
        ["Mã: 1.000660 (mới)", "Mã TTHC 1.000660\n(sửa đổi)"],
        ["Mã: 1.000660", "Mã TTHC 1.000660"],
        2,
    ),
    "no note": (NO_NOTES, NO_NOTES, 0),
}


@pytest.mark.parametrize(("cells", "codes", "count"), NOTE_CASES.values(), ids=NOTE_CASES)
def test_notes_after_the_code(cells: list[str | None], codes: list, count: int) -> None:
    frame = pd.DataFrame({"code": pd.Series(cells, dtype="str"), "name": BIRTH})
    found = drop_code_notes(frame)
    assert (_missing(frame["code"].tolist()), found) == (codes, count)


def test_a_code_with_a_note_is_no_malformed_code(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    path.write_text(
        "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
        f'"1.001193\n(mới)",{BIRTH},Cấp xã\n'
        f"1.000894 (mới),{MARRIAGE},Cấp xã\n"
        f"1.000894,{MARRIAGE},Cấp xã\n"
        f"1.00065612 (mới),{DEATH},Cấp xã\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    found = {(f["rule"], f["row"]) for f in json.loads(result.stdout)["findings"]}
    # The two rows of 1.000894 are one procedure listed twice; the eight digits are reported.
    assert found == {("PA201", 4), ("PA201", 5), ("PA101", 6)}
