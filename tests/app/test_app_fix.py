"""`procaudit fix` as a use case (issue 18): where copies go, what each refusal says before any
work, the exit codes, the input never modified, --in-place with its backup, and (once the
planner and the writer have landed) the round trip through the real ones."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from fix_fakes import install, needs_real_fix

from conftest import SAMPLES
from procaudit.app.audit import audit_files
from procaudit.app.fix import FixRequest, run_fix
from procaudit.app.fix_targets import Destinations, check_destinations, plan_targets
from procaudit.core.errors import UsageError

HEADER = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,mau_don_to_khai,so_quyet_dinh\n"
# PA603 (info) on line 2's name, "QD" (PA402) on line 3's decision: both repairable.
REPAIRABLE = (
    HEADER
    + "1.000001,Đăng ký  khai sinh ,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    + "1.000002,Đăng ký kết hôn,Cấp xã,Không,1890/QD-UBND\n"
)
CLEAN = HEADER + "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
NEEDS_A_PERSON = CLEAN + "1.000003,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND\n"  # PA501 error


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch)


def _file(folder: Path, text: str, name: str = "c.csv") -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _sha(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- refusals before any work -------------------------------------------------------------

REFUSALS = [
    # (inputs, destinations, diff_only, words of the sentence)
    (["a.csv"], Destinations(), False, "say where the repaired copy goes"),
    (["a.csv"], Destinations(Path("o.csv"), Path(".")), False, "-o and --output-dir"),
    (["a.csv"], Destinations(Path("o.csv"), in_place=True, backup=".b"), False, "-o and --in"),
    (["a.csv"], Destinations(in_place=True), False, "--in-place needs --backup"),
    (["a.csv"], Destinations(in_place=True, backup=""), False, "--in-place needs --backup"),
    (["a.csv"], Destinations(Path("o.csv"), backup=".b"), False, "--backup goes only with"),
    (["a.csv", "b.csv"], Destinations(Path("o.csv")), False, "-o names one file but 2"),
    (["a.csv"], Destinations(output_dir=Path("no-such-dir")), False, "no such folder"),
]


@pytest.mark.parametrize(("paths", "where", "diff_only", "words"), REFUSALS)
def test_destinations_that_cannot_work_are_refused(
    paths: list[str], where: Destinations, diff_only: bool, words: str
) -> None:
    with pytest.raises(UsageError, match=re.escape(words)):
        check_destinations(paths, where, diff_only)


def test_diff_alone_needs_no_destination() -> None:
    check_destinations(["a.csv"], Destinations(), diff_only=True)


TARGET_REFUSALS = [
    # (input name, -o name, words)
    ("c.csv", "c.xlsx", "must be a .csv file"),
    ("c.xlsx", "c.csv", "must be a .xlsx file"),
    ("c.xls", "c.xls", "must be a .xlsx file"),
    ("c.ods", "c.ods", "must be a .xlsx file"),
    ("c.pdf", "c.pdf", "cannot repair a '.pdf' file"),
    ("c.csv", "c.csv", "is one of the files"),
    ("c.csv", "missing/c2.csv", "does not exist"),
]


@pytest.mark.parametrize(("name", "output", "words"), TARGET_REFUSALS)
def test_an_output_procaudit_cannot_write_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, output: str, words: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=re.escape(words)):
        plan_targets([name], Destinations(Path(output)))


def test_output_dir_names_each_copy_after_its_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    targets = plan_targets(["a/x.csv", "b/y.xls", "z.ODS", "w.xlsm"], Destinations(output_dir=out))
    assert targets == {
        "a/x.csv": out / "x.csv",
        "b/y.xls": out / "y.xlsx",  # written as xlsx
        "z.ODS": out / "z.xlsx",
        "w.xlsm": out / "w.xlsm",
    }


def test_output_dir_refuses_two_inputs_landing_on_one_copy(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="would both be written"):
        plan_targets(["a/x.xls", "b/x.xlsx"], Destinations(output_dir=tmp_path))


def test_output_dir_refuses_the_inputs_own_folder(tmp_path: Path) -> None:
    path = _file(tmp_path, CLEAN)
    with pytest.raises(UsageError, match="its copy would be written over it"):
        plan_targets([path], Destinations(output_dir=tmp_path))


def test_in_place_refuses_an_existing_backup_and_a_format_it_cannot_write_back(
    tmp_path: Path,
) -> None:
    path = _file(tmp_path, CLEAN)
    Path(path + ".bak").write_text("older backup", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists"):
        plan_targets([path], Destinations(in_place=True, backup=".bak"))
    with pytest.raises(UsageError, match=re.escape("would be written as .xlsx")):
        plan_targets(["c.xls"], Destinations(in_place=True, backup=".bak"))


def test_a_refusal_comes_before_any_file_is_read(tmp_path: Path, fakes: None) -> None:
    request = FixRequest(("no-such-file.csv",), destinations=Destinations(Path("x.xlsx")))
    with pytest.raises(UsageError, match=re.escape("must be a .csv")):
        run_fix(request)  # not an InputError for the missing file: nothing was read


# --- runs, through the fake planner and writer ------------------------------------------


def test_the_copy_is_repaired_and_the_input_never_modified(tmp_path: Path, fakes: None) -> None:
    path = _file(tmp_path, REPAIRABLE)
    before = _sha(path)
    target = tmp_path / "fixed.csv"
    outcome = run_fix(FixRequest((path,), destinations=Destinations(target)))
    assert _sha(path) == before
    (fixed,) = outcome.files
    assert fixed.target == target
    assert [(c.row, c.after) for c in fixed.changes] == [(2, "Đăng ký khai sinh")]
    assert "Đăng ký khai sinh," in target.read_text(encoding="utf-8")
    assert fixed.held_back == 1  # the QD of line 3, with --unsafe-fixes
    assert fixed.by_rule() == {"PA603": (1, 0)}
    assert outcome.exit_code == 1  # a repair is left for --unsafe-fixes
    assert outcome.rule_names["PA603"]


def test_exit_0_when_nothing_is_left_to_fix(tmp_path: Path, fakes: None) -> None:
    path = _file(tmp_path, REPAIRABLE)
    target = tmp_path / "fixed.csv"
    request = FixRequest((path,), destinations=Destinations(target), unsafe=True)
    outcome = run_fix(request)
    assert outcome.exit_code == 0
    (fixed,) = outcome.files
    assert fixed.by_rule() == {"PA402": (0, 1), "PA603": (1, 0)}
    assert not [f for f in fixed.remaining if f.rule in ("PA402", "PA603")]
    assert target.read_text(encoding="utf-8").count("QĐ-UBND") == 2


def test_exit_1_when_findings_remain_for_a_person(tmp_path: Path, fakes: None) -> None:
    path = _file(tmp_path, NEEDS_A_PERSON)
    outcome = run_fix(FixRequest((path,), destinations=Destinations(tmp_path / "f.csv")))
    assert outcome.exit_code == 1
    assert any(f.rule == "PA501" for f in outcome.files[0].remaining)


def test_a_change_the_writer_skipped_is_left_for_a_person(tmp_path: Path, fakes: None) -> None:
    path = _file(tmp_path, CLEAN + "1.000002,= SUM(A1) ,Cấp xã,Không,1890/QĐ-UBND\n")
    outcome = run_fix(FixRequest((path,), destinations=Destinations(tmp_path / "f.csv")))
    (fixed,) = outcome.files
    assert [why for _, why in fixed.skipped] == ["a formula"]
    assert outcome.exit_code == 1


def test_diff_writes_nothing(tmp_path: Path, fakes: None) -> None:
    path = _file(tmp_path, REPAIRABLE)
    outcome = run_fix(FixRequest((path,), diff_only=True))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]
    assert outcome.files[0].target is None
    assert len(outcome.files[0].changes) == 1
    assert outcome.exit_code == 1  # changes to make, as ruff --diff


def test_diff_of_a_clean_file_exits_0(tmp_path: Path, fakes: None) -> None:
    outcome = run_fix(FixRequest((_file(tmp_path, CLEAN),), diff_only=True))
    assert outcome.exit_code == 0


def test_in_place_keeps_the_original_as_the_backup(tmp_path: Path, fakes: None) -> None:
    path = _file(tmp_path, REPAIRABLE)
    where = Destinations(in_place=True, backup=".orig")
    outcome = run_fix(FixRequest((path,), destinations=where, unsafe=True))
    assert Path(path + ".orig").read_text(encoding="utf-8") == REPAIRABLE
    assert "Đăng ký khai sinh," in Path(path).read_text(encoding="utf-8")
    assert outcome.files[0].backup == Path(path + ".orig")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "c.csv.orig"]  # no temp left


def test_an_unreadable_file_fails_and_the_others_go_on(tmp_path: Path, fakes: None) -> None:
    good = _file(tmp_path, CLEAN, "good.csv")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    out = tmp_path / "out"
    out.mkdir()
    heard: list[str] = []
    from procaudit.app.hooks import Hooks

    request = FixRequest((str(bad), good), destinations=Destinations(output_dir=out))
    outcome = run_fix(request, Hooks(error=heard.append))
    assert outcome.exit_code == 2
    assert [f.path for f in outcome.failures] == [str(bad)]
    assert [fixed.path for fixed in outcome.files] == [good]
    assert (out / "good.csv").is_file() and not (out / "bad.csv").exists()
    assert len(heard) == 1


def test_selection_limits_the_repairs(tmp_path: Path, fakes: None) -> None:
    from procaudit.app.settings import CommandLine, load_settings

    path = _file(tmp_path, REPAIRABLE)
    settings = load_settings(line=CommandLine(ignore=("PA603",)), start=tmp_path)
    outcome = run_fix(FixRequest((path,), settings, diff_only=True, unsafe=True))
    assert [c.rules for c in outcome.files[0].changes] == [("PA402",)]


# --- the real planner and writer ---------------------------------------------------------


@needs_real_fix
def test_round_trip_on_the_sample(tmp_path: Path) -> None:
    """check on the fixed copy finds none of the repaired defects; the rows and every cell
    not repaired are unchanged; fixing the copy again changes nothing."""
    sample = SAMPLES / "catalogue-lao-cai.csv"
    before = _sha(sample)
    target = tmp_path / "fixed.csv"
    outcome = run_fix(FixRequest((str(sample),), destinations=Destinations(target)))
    assert _sha(sample) == before
    (fixed,) = outcome.files
    assert fixed.changes, "the sample has planted defects that fix repairs"
    repaired = {(c.row, c.column) for c in fixed.changes}
    rules = {rule for c in fixed.changes for rule in c.rules}
    still = [
        f
        for f in audit_files([target]).findings
        if f.rule in rules and any(f.row == row for row, _ in repaired)
    ]
    assert not [f for f in still if f.value in {c.before for c in fixed.changes}]
    import csv

    with (
        sample.open(encoding="utf-8-sig", newline="") as a,
        target.open(encoding="utf-8-sig", newline="") as b,
    ):
        old, new = list(csv.reader(a)), list(csv.reader(b))
    assert len(old) == len(new)
    after = {(c.row, c.column): c.after for c in fixed.changes}
    for line, (old_row, new_row) in enumerate(zip(old, new, strict=True), start=1):
        for column, (x, y) in enumerate(zip(old_row, new_row, strict=True)):
            assert y == after.get((line, column), x)
    again = run_fix(FixRequest((str(target),), diff_only=True))
    assert again.files[0].changes == ()


@needs_real_fix
def test_diff_promises_only_what_fix_writes_and_names_a_formulas_source(
    tmp_path: Path,
) -> None:
    """A decision written once in O1 and repeated by =$O$1 down its column: the diff listed
    its repair in every row, and fix then refused each (a formula is never rewritten)."""
    import io
    import zipfile

    import openpyxl

    source = tmp_path / "f.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    sheet.append(["Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Số quyết định"])
    sheet["O1"] = "1890/QD-UBND"
    names = ["Đăng ký  khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục"]
    for number, name in enumerate(names, start=1):
        sheet.append([f"1.00000{number}", name, "Cấp xã", "=$O$1"])
    book.save(source)
    with zipfile.ZipFile(source) as archive:  # the saved values Excel writes, openpyxl not
        parts = {info: archive.read(info) for info in archive.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, data in parts.items():
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<c r="(D\d)"([^>]*)><f>\$O\$1</f><v\s*/?>(?:</v>)?</c>',
                    rb'<c r="\1" t="str"><f>$O$1</f><v>1890/QD-UBND</v></c>',
                    data,
                )
            archive.writestr(info, data)
    source.write_bytes(out.getvalue())

    diff = run_fix(FixRequest((str(source),), diff_only=True)).files[0]
    assert [change.cell for change in diff.changes] == ["B2"]
    assert [change.cell for change, _ in diff.skipped] == ["D2", "D3", "D4"]
    assert all("repair O1" in why for _, why in diff.skipped)
    written = run_fix(FixRequest((str(source),), destinations=Destinations(tmp_path / "o.xlsx")))
    assert written.files[0].changes == diff.changes
    assert written.files[0].skipped == diff.skipped
