"""`procaudit fix` on the command line (issue 18): each refusal one sentence and exit 2,
the exit codes 0 and 1, --diff, --format json, --in-place with --backup, --output-dir, the
help in both languages; the idempotence and the round trip once the planner and the writer
have landed."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fix_fakes import install, needs_real_fix
from typer.testing import CliRunner

from conftest import SAMPLES
from procaudit.cli import app

HEADER = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,mau_don_to_khai,so_quyet_dinh\n"
REPAIRABLE = (
    HEADER
    + "1.000001,Đăng ký  khai sinh ,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    + "1.000002,Đăng ký kết hôn,Cấp xã,Không,1890/QD-UBND\n"
)
CLEAN = HEADER + "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
NEEDS_A_PERSON = CLEAN + "1.000003,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND\n"  # PA501 error

CHANGE_KEYS = {
    "path",
    "sheet",
    "row",
    "cell",
    "column",
    "header",
    "before",
    "after",
    "rules",
    "safe",
}


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.csv").write_text(REPAIRABLE, encoding="utf-8")
    (tmp_path / "d.csv").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "out").mkdir()
    return tmp_path


def fix(*args: str):
    return CliRunner().invoke(app, ["fix", *args])


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


REFUSALS = [
    # (arguments after `fix`, words of the one sentence)
    (["c.csv"], "say where the repaired copy goes"),
    (["c.csv", "-o", "c.csv"], "is one of the files"),
    (["c.csv", "-o", "./sub/../c.csv"], "does not exist"),  # the folder sub is missing
    (["c.csv", "-o", "out/../c.csv"], "is one of the files"),  # resolved
    (["c.csv", "-o", "fixed.xlsx"], "must be a .csv file"),
    (["c.csv", "d.csv", "-o", "fixed.csv"], "-o names one file but 2 inputs"),
    (["c.csv", "-o", "fixed.csv", "--output-dir", "out"], "cannot be given together"),
    (["c.csv", "--output-dir", "nowhere"], "--output-dir nowhere: no such folder"),
    (["c.csv", "-o", "out"], "-o out is a folder: -o names the copy's file; --output-dir out"),
    # said about the folder typed, not a file name the user never typed
    (["c.csv", "--output-dir", "."], "--output-dir .: holds c.csv, and its copy would be"),
    (["c.csv", "--in-place"], "--in-place needs --backup"),
    (["c.csv", "-o", "fixed.csv", "--backup", ".bak"], "--backup goes only with --in-place"),
    (["c.csv", "-o", "fixed.csv", "--select", "PA9"], "--select PA9 matches no rule"),
    (["c.csv", "-o", "fixed.csv", "--lang", "fr"], "not a language procaudit speaks"),
    (["notes.pdf", "-o", "fixed.pdf"], "cannot repair a '.pdf' file"),
]


@pytest.mark.parametrize(("args", "words"), REFUSALS, ids=[" ".join(a) for a, _ in REFUSALS])
def test_each_refusal_is_one_sentence_and_exit_2(
    folder: Path, fakes: None, args: list[str], words: str
) -> None:
    before = {p.name: _sha(p) for p in folder.iterdir() if p.is_file()}
    result = fix(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("procaudit: error: ")
    assert words in result.stderr
    assert result.stdout == ""
    assert {p.name: _sha(p) for p in folder.iterdir() if p.is_file()} == before  # nothing written


def test_in_place_refuses_to_overwrite_a_backup(folder: Path, fakes: None) -> None:
    (folder / "c.csv.bak").write_text("yesterday", encoding="utf-8")
    result = fix("c.csv", "--in-place", "--backup", ".bak")
    assert result.exit_code == 2
    assert "c.csv.bak already exists" in result.stderr
    assert (folder / "c.csv").read_text(encoding="utf-8") == REPAIRABLE


def test_exit_0_when_nothing_is_left(folder: Path, fakes: None) -> None:
    result = fix("c.csv", "-o", "fixed.csv", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert "c.csv -> fixed.csv: 2 cells (1 safe, 1 unsafe) repaired" in result.stdout
    assert "PA603 stray-whitespace: 1 cell" in result.stdout  # the rule's name from the registry


def test_exit_1_with_repairs_held_back_for_unsafe_fixes(folder: Path, fakes: None) -> None:
    result = fix("c.csv", "-o", "fixed.csv")
    assert result.exit_code == 1
    assert "  1 more repair with --unsafe-fixes" in result.stdout
    # --diff says so too: "0 cells would be repaired" alone hid the repair it would not make
    diff = fix("c.csv", "--diff")
    assert diff.exit_code == 1
    assert "c.csv: 1 more repair with --unsafe-fixes" in diff.stderr


def test_exit_1_when_findings_remain_for_a_person(folder: Path, fakes: None) -> None:
    (folder / "e.csv").write_text(NEEDS_A_PERSON, encoding="utf-8")
    result = fix("e.csv", "-o", "fixed.csv")
    assert result.exit_code == 1
    assert "  1 finding remains for a person (1 error)" in result.stdout


def test_the_input_is_never_modified(folder: Path, fakes: None) -> None:
    before = _sha(folder / "c.csv")
    fix("c.csv", "-o", "fixed.csv", "--unsafe-fixes")
    fix("c.csv", "--output-dir", "out")
    fix("c.csv", "--diff")
    assert _sha(folder / "c.csv") == before


def test_diff_prints_one_line_per_cell_and_writes_nothing(folder: Path, fakes: None) -> None:
    names = sorted(p.name for p in folder.iterdir())
    result = fix("c.csv", "--diff", "--unsafe-fixes")
    assert result.exit_code == 1  # changes to make
    assert result.stdout.splitlines() == [
        "c.csv:B2 PA603 'Đăng ký  khai sinh ' -> 'Đăng ký khai sinh'",
        "c.csv:E3 PA402 '1890/QD-UBND' -> '1890/QĐ-UBND'",
    ]
    assert "would be repaired (nothing written)" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == names


def test_cells_not_changed_for_one_reason_are_one_line(folder: Path, fakes: None) -> None:
    """Twenty cells repeating one formula were twenty lines of the same reason."""
    rows = "".join(f"1.00000{n},=TRIM(X{n})  ,Cấp xã,Tờ khai,1890/QĐ-UBND\n" for n in range(7))
    (folder / "f.csv").write_text(HEADER + rows, encoding="utf-8")
    result = fix("f.csv", "-o", "fixed.csv")
    lines = [line for line in result.stdout.splitlines() if "not changed" in line]
    assert lines == ["  not changed B2, B3, B4, B5, B6 and 2 more (7 cells): a formula"]


def test_json_lists_every_change_with_stable_keys(folder: Path, fakes: None) -> None:
    result = fix("c.csv", "-o", "fixed.csv", "--format", "json", "--unsafe-fixes")
    report = json.loads(result.stdout)
    assert [set(change) for change in report["changes"]] == [CHANGE_KEYS, CHANGE_KEYS]
    first = report["changes"][0]
    assert (first["cell"], first["row"], first["column"], first["rules"], first["safe"]) == (
        "B2",
        2,
        1,
        ["PA603"],
        True,
    )
    summary = report["summary"]
    assert (summary["changes"], summary["safe"], summary["unsafe"]) == (2, 1, 1)
    assert summary["by_rule"] == {"PA402": 1, "PA603": 1}
    assert summary["exit_code"] == result.exit_code == 0
    assert report["files"][0]["target"] == "fixed.csv"
    assert report["diff"] is False


def test_in_place_with_a_backup(folder: Path, fakes: None) -> None:
    result = fix("c.csv", "--in-place", "--backup", ".orig", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert (folder / "c.csv.orig").read_text(encoding="utf-8") == REPAIRABLE
    assert "Đăng ký khai sinh," in (folder / "c.csv").read_text(encoding="utf-8")
    assert "original kept as c.csv.orig" in result.stdout


def test_output_dir_writes_each_copy_under_its_name(folder: Path, fakes: None) -> None:
    result = fix("c.csv", "d.csv", "--output-dir", "out", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (folder / "out").iterdir()) == ["c.csv", "d.csv"]
    assert (folder / "out" / "d.csv").read_text(encoding="utf-8") == CLEAN


def test_quiet_is_one_line_per_file(folder: Path, fakes: None) -> None:
    result = fix("c.csv", "d.csv", "--output-dir", "out", "-q")
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == ""


def test_vietnamese(folder: Path, fakes: None) -> None:
    result = fix("c.csv", "-o", "fixed.csv", "--lang", "vi")
    assert "đã sửa 1 ô\n" in result.stdout
    assert "thêm 1 sửa đổi nếu dùng --unsafe-fixes" in result.stdout
    refused = fix("c.csv", "--lang", "vi")
    assert "hãy cho biết nơi ghi bản đã sửa" in refused.stderr


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_help_in_both_languages_without_pandas(lang: str) -> None:
    code = (
        f"import sys; sys.argv = ['procaudit', 'fix', '--help', '--lang', '{lang}']\n"
        "from procaudit.cli.main import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('PANDAS' if 'pandas' in sys.modules else 'NO-PANDAS')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PROCAUDIT_LANG": ""},
    )
    assert result.stdout.rstrip().endswith("NO-PANDAS")
    words = {"en": "--unsafe-fixes", "vi": "Ghi bản đã sửa"}[lang]
    assert words in result.stdout
    if lang == "vi":
        assert "cần người xem lại" in result.stdout


# --- the real planner and writer ---------------------------------------------------------


@needs_real_fix
@pytest.mark.parametrize("name", ["catalogue-lao-cai.csv", "catalogue-lao-cai.xlsx"])
def test_fixing_the_fixed_copy_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    sample = SAMPLES / name
    before = _sha(sample)
    first = fix(str(sample), "-o", f"fixed{sample.suffix}", "--format", "json")
    assert first.exit_code in (0, 1), first.output
    assert json.loads(first.stdout)["summary"]["changes"] > 0
    assert _sha(sample) == before
    again = fix(f"fixed{sample.suffix}", "--diff", "--format", "json")
    assert json.loads(again.stdout)["changes"] == []


@needs_real_fix
def test_check_on_the_fixed_copy_finds_none_of_the_repaired_defects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sample = SAMPLES / "catalogue-lao-cai.xlsx"
    fixed = json.loads(fix(str(sample), "-o", "fixed.xlsx", "--format", "json").stdout)
    repaired = {(c["sheet"], c["row"], r) for c in fixed["changes"] for r in c["rules"]}
    assert repaired
    before = json.loads(CliRunner().invoke(app, ["check", str(sample), "-f", "json"]).stdout)
    after = json.loads(CliRunner().invoke(app, ["check", "fixed.xlsx", "-f", "json"]).stdout)
    found_after = {(f["sheet"], f["row"], f["rule"]) for f in after["findings"]}
    assert not repaired & found_after
    # Every finding not about a repaired cell is still there, on the same row.
    kept = {
        (f["sheet"], f["row"], f["rule"], f["column"])
        for f in before["findings"]
        if (f["sheet"], f["row"], f["rule"]) not in repaired
    }
    assert kept <= {(f["sheet"], f["row"], f["rule"], f["column"]) for f in after["findings"]}
    assert before["files"][0]["rows"] == after["files"][0]["rows"]


@needs_real_fix
def test_quiet_still_says_what_the_copy_could_not_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-q hid the note that a document embedded in the workbook was not in the copy: a
    quiet run hides progress and summaries, never the loss of the user's content."""
    import zipfile

    import openpyxl

    monkeypatch.chdir(tmp_path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in REPAIRABLE.splitlines():
        sheet.append(line.split(","))
    workbook.save("plain.xlsx")
    with zipfile.ZipFile("plain.xlsx") as plain, zipfile.ZipFile("in.xlsx", "w") as source:
        for item in plain.infolist():
            source.writestr(item, plain.read(item))
        source.writestr("xl/embeddings/Microsoft_Word_Document.docx", b"PK mau don")
    quiet = fix("in.xlsx", "-o", "out.xlsx", "-q")
    assert len(quiet.stdout.splitlines()) == 1, quiet.output
    assert quiet.stderr.startswith("procaudit: warning: in.xlsx: the copy could not keep 1 ")
    assert "embedded objects" in quiet.stderr and "note:" not in quiet.stderr
    result = json.loads(fix("in.xlsx", "-o", "out.xlsx", "--format", "json", "-q").stdout)
    assert len(result["files"][0]["losses"]) == 1
    assert result["files"][0]["losses"][0] in result["files"][0]["notes"]
    # a copy that keeps everything says nothing under -q
    assert fix("plain.xlsx", "-o", "plain-out.xlsx", "-q").stderr == ""


@needs_real_fix
def test_a_csv_cell_keeping_its_line_breaks_is_repaired_line_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The doubled space in a wrapped name was left with the line break that kept the cell
    from being repaired; --diff did not say why."""
    monkeypatch.chdir(tmp_path)
    wrapped = '1.000002,"Đăng ký biến động\r\nquyền sử dụng  đất",Cấp xã,Không,1890/QĐ-UBND\r\n'
    text = HEADER.replace("\n", "\r\n") + wrapped + CLEAN.splitlines()[1] + "\r\n"
    Path("w.csv").write_bytes(text.encode("utf-8"))
    diff = fix("w.csv", "--diff")
    assert diff.stdout.splitlines() == [
        "w.csv:B2 PA603 'Đăng ký biến động\\r\\nquyền sử dụng  đất' -> "
        "'Đăng ký biến động\\r\\nquyền sử dụng đất'"
    ]
    assert "1 cell keeps its line breaks (the rest is repaired line by line)" in diff.stderr
    fix("w.csv", "-o", "fixed.csv")
    assert Path("fixed.csv").read_bytes() == text.replace("dụng  đất", "dụng đất").encode()


@needs_real_fix
def test_diff_shows_a_tone_stored_apart_as_its_escape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decomposed name and its NFC repair printed the same: 'Đăng ký' -> 'Đăng ký'."""
    monkeypatch.chdir(tmp_path)
    decomposed = "1.000001,Đăng ky\u0301 khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    Path("n.csv").write_text(HEADER + decomposed, encoding="utf-8")
    assert fix("n.csv", "--diff").stdout.splitlines() == [
        "n.csv:B2 PA602 'Đăng ky\\u0301 khai sinh' -> 'Đăng ký khai sinh'"
    ]


@needs_real_fix
def test_codes_written_with_a_label_or_a_lookalike_are_written_bare_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PA101 said such a code was not national and that it be copied from the database."""
    monkeypatch.chdir(tmp_path)
    rows = ["Mã: 1.014686", "1\u2024008572", "Mã TTHC 2.000123", "1.001234;", "ID: 1.000005"]
    lines = [f"{code},Thủ tục số {n},Cấp xã,Tờ khai,1890/QĐ-UBND" for n, code in enumerate(rows)]
    Path("c.csv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    diff = fix("c.csv", "--unsafe-fixes", "--diff")
    assert diff.stdout.splitlines() == [
        "c.csv:A2 PA101 'Mã: 1.014686' -> '1.014686'",
        "c.csv:A3 PA101 '1\u2024008572' -> '1.008572'",
        "c.csv:A4 PA101 'Mã TTHC 2.000123' -> '2.000123'",
        "c.csv:A5 PA101 '1.001234;' -> '1.001234'",
    ]
    fix("c.csv", "--unsafe-fixes", "-o", "fixed.csv")
    codes = [line.split(",")[0] for line in Path("fixed.csv").read_text("utf-8").splitlines()]
    assert codes[1:] == ["1.014686", "1.008572", "2.000123", "1.001234", "ID: 1.000005"]
    again = fix("fixed.csv", "--unsafe-fixes", "--diff", "--format", "json")
    assert json.loads(again.stdout)["changes"] == []
