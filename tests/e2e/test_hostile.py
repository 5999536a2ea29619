"""Broken and hostile inputs through the real console entry point: one clear sentence, exit 2
for a file that cannot be used, findings for one that can; no traceback, no hang, the input
untouched, no stray output."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES
from procaudit.io import read_catalogue

# The corpus generator ships beside the samples, for anyone to try procaudit on broken files.
GENERATOR = SAMPLES / "make_hostile.py"
_spec = importlib.util.spec_from_file_location("make_hostile", GENERATOR)
_generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_generator)
GOOD_CSV, make_all = _generator.GOOD_CSV, _generator.make_all

TIMEOUT = 60  # seconds: a run that takes longer is hanging
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOT_A_WORKBOOK = "is not an Excel workbook (it may be damaged or another kind of file)"

# Case -> the problem procaudit states, the whole sentence after "<path>: " where it is short.
UNUSABLE = {
    "empty_csv": "is empty",
    "empty_xlsx": "is empty",
    "blank_rows_csv": "is empty (it holds only blank lines and delimiters)",
    "blank_rows_xlsx": "is empty (none of its sheets holds a value)",
    "garbage_xlsx": NOT_A_WORKBOOK,
    "truncated_xlsx": NOT_A_WORKBOOK,
    "garbage_csv": "is not a CSV text file (it may be damaged or another kind of file)",
    "password_xlsx": "is password-protected: remove the password in Excel and save it again",
    "nul_csv": "contains NUL bytes (line 2), which CSV text never holds: the file may be "
    "damaged; save it again as 'CSV UTF-8'",
    "unterminated_quote_csv": "has a quote that is never closed (line 3): close it or remove "
    "it, and run procaudit again",
    "rows_in_one_cell_csv": "has a quote opened on line 2 that closes only on line 4, which "
    "makes a row of the list part of one cell: close the quote where its cell ends, or remove "
    "it, and run procaudit again",
    "unknown_encoding_csv": "is in an encoding procaudit does not recognise",
    "big_cell_csv": "has a cell of 1,000,000 characters (line 2)",  # the cell-length limit
    "directory": "is a folder with no catalogue file in it",  # an empty folder named folder.xlsx
    "fifo": "is not a regular file (it is a pipe, socket or device)",
    "unreadable": "cannot be read (Permission denied)",
    # A list with nothing under its header: no catalogue to pass a gate on.
    "header_only_csv": "has a header but no procedure rows",
    "header_only_xlsx": "has a header but no procedure rows",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_all(tmp_path_factory.mktemp("hostile"))


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_command("check", *args, cwd=cwd)


def run_command(
    command: str, *args: str | Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "procaudit", command, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, "PROCAUDIT_DEBUG": "", "NO_COLOR": "1"},
    )


def snapshot(path: Path) -> tuple[bytes, int] | None:
    """The bytes and modification time of a regular file (None for a folder or a FIFO)."""
    if not path.is_file() or not os.access(path, os.R_OK) or path.stat().st_mode & 0o444 == 0:
        return None
    return path.read_bytes(), path.stat().st_mtime_ns


def errors_of(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
    return [line for line in stderr.splitlines() if line.startswith("procaudit: error:")]


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(UNUSABLE))
def test_an_unusable_input_is_one_sentence_and_exit_2(
    corpus: dict[str, Path], tmp_path: Path, case: str
) -> None:
    path = _unusable(corpus, case)
    before = snapshot(path)
    output = tmp_path / "report.json"
    _said_in_one_sentence(run("-f", "json", "-o", output, path), path, case)
    assert snapshot(path) == before
    # Nothing half-written beside the report, which names the file it could not read.
    assert [p.name for p in tmp_path.iterdir() if p.name != "report.json"] == []
    assert [u["path"] for u in json.loads(output.read_text(encoding="utf-8"))["unread"]] == [
        str(path)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(UNUSABLE))
def test_fix_refuses_what_check_refuses_and_writes_no_copy(
    corpus: dict[str, Path], tmp_path: Path, case: str
) -> None:
    # A header with nothing under it was copied, then refused when the copy was audited.
    path = _unusable(corpus, case)
    before = snapshot(path)
    _said_in_one_sentence(
        run_command("fix", path, "-o", tmp_path / f"fixed{path.suffix}"), path, case
    )
    assert snapshot(path) == before
    assert list(tmp_path.iterdir()) == []


def _unusable(corpus: dict[str, Path], case: str) -> Path:
    if case == "unreadable" and IS_ROOT:
        pytest.skip("root reads a file whatever its mode")
    return corpus[case]


def _said_in_one_sentence(result: subprocess.CompletedProcess[str], path: Path, case: str) -> None:
    assert result.returncode == 2, result.stderr
    [error] = errors_of(result.stderr)
    assert error.startswith(f"procaudit: error: {path}: {UNUSABLE[case]}"), error
    assert "\n" not in error and error.count(f"{path}:") == 1


@pytest.mark.slow
def test_a_report_names_the_inputs_when_none_could_be_read(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    output = tmp_path / "report.json"
    output.write_text('{"findings": []}', encoding="utf-8")  # last night's, which passed
    assert run("-f", "json", "-o", output, corpus["garbage_xlsx"]).returncode == 2
    report = json.loads(output.read_text(encoding="utf-8"))  # tonight's, not last night's
    assert report["files"] == [] and report["findings"] == []
    assert [u["path"] for u in report["unread"]] == [str(corpus["garbage_xlsx"])]


@pytest.mark.slow
def test_a_fifo_named_like_a_workbook_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "procaudit", "check", str(fifo)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,  # a hang is the failure; a loaded machine's slow start is not
    )
    assert errors_of(result.stderr) == [
        f"procaudit: error: {fifo}: is not a regular file (it is a pipe, socket or device)"
    ]


# Usable cases: the file is read, its defects become findings, stderr holds no error.
USABLE = [
    "macros_xlsm",
    "formulas_cached_xlsx",
    "formulas_uncached_xlsx",
    "duplicate_headers_csv",
    "mixed_endings_csv",
    "old_mac_endings_csv",
    # Read by what the bytes hold, whatever the name says (io.file_kind).
    "xlsx_named_csv",
    "csv_named_xlsx",
]


@pytest.mark.slow
@pytest.mark.parametrize("case", USABLE)
def test_a_usable_input_is_audited(corpus: dict[str, Path], case: str) -> None:
    path = corpus[case]
    before = snapshot(path)
    result = run("-q", "-f", "json", path)
    assert result.returncode in (0, 1), result.stderr
    assert errors_of(result.stderr) == []
    report = json.loads(result.stdout)
    assert [file["path"] for file in report["files"]] == [str(path)]
    assert snapshot(path) == before


def names_by_row(path: Path) -> list[tuple[int, object]]:
    [table] = read_catalogue(str(path)).tables
    return [
        (row, None if name != name else name)  # NaN for an empty cell
        for row, name in zip(table.frame["_row"], table.frame["name"], strict=True)
    ]


def test_macros_are_not_run_and_values_are_read(corpus: dict[str, Path]) -> None:
    assert names_by_row(corpus["macros_xlsm"]) == [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn")]


@pytest.mark.slow
def test_formulas_are_read_as_their_saved_values(corpus: dict[str, Path]) -> None:
    path = corpus["formulas_cached_xlsx"]
    assert names_by_row(path) == [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn")]
    [table] = read_catalogue(str(path)).tables
    assert table.frame["field"].tolist() == ["Hộ tịch", "Hộ tịch"]  # C3 is =C2, saved
    assert "note" not in run("-q", "-f", "json", path).stderr


@pytest.mark.slow
def test_formulas_without_a_saved_value_are_noted_not_read_as_text(corpus: dict[str, Path]) -> None:
    path = corpus["formulas_uncached_xlsx"]
    assert names_by_row(path) == [(2, None), (3, "Đăng ký kết hôn")]  # never '="Đăng ký "…'
    assert "note" not in run("-q", "-f", "json", path).stderr  # --quiet: errors only
    result = run("-f", "json", path)
    assert [line for line in result.stderr.splitlines() if "saved value" in line] == [
        f"procaudit: note: {path}: sheet 'Danh mục' has 2 formulas with no saved value "
        "(B2, C3): their cells were not checked; open the file in Excel and save it to store "
        "their values"
    ]
    # Excel shows the name B2 computes: its cell read as empty is no missing name.
    assert result.returncode == 0
    assert json.loads(result.stdout)["findings"] == []


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            "mixed_endings_csv",
            [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn"), (4, "Đăng ký khai tử")],
        ),
        ("old_mac_endings_csv", [(2, "Đăng ký khai sinh"), (3, "Đăng ký kết hôn")]),
        ("duplicate_headers_csv", [(2, "Đăng ký khai sinh")]),  # the first of the two
    ],
)
def test_line_ends_and_repeated_headers_are_read_row_by_row(
    corpus: dict[str, Path], case: str, expected: list[tuple[int, str]]
) -> None:
    assert names_by_row(corpus[case]) == expected


@pytest.mark.slow
def test_a_big_cell_is_read_when_the_limit_is_raised(corpus: dict[str, Path]) -> None:
    path = corpus["big_cell_csv"]
    result = run("-q", "-f", "json", "--max-cell-length", "2000000", path)
    assert result.returncode in (0, 1), result.stderr
    assert errors_of(result.stderr) == []
    assert json.loads(result.stdout)["files"][0]["rows"] == 2


@pytest.mark.slow
def test_broken_files_do_not_stop_the_others(corpus: dict[str, Path], tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV.replace("1.000002", "1.0002"), encoding="utf-8")  # a bad code
    broken = [corpus["garbage_xlsx"], corpus["nul_csv"], corpus["fifo"]]
    output = tmp_path / "report.json"
    result = run("-f", "json", "-o", output, broken[0], good, *broken[1:])
    assert result.returncode == 2
    errors = errors_of(result.stderr)
    assert [error.split(": ")[2] for error in errors] == [str(path) for path in broken]
    report = json.loads(output.read_text(encoding="utf-8"))
    assert [file["path"] for file in report["files"]] == [str(good)]
    assert [
        (f["rule"], f["file"], f["row"]) for f in report["findings"] if f["rule"] == "PA101"
    ] == [("PA101", str(good), 3)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.csv", "report.json"]


def test_the_corpus_script_writes_every_case(tmp_path: Path) -> None:
    made = make_all(tmp_path / "corpus")
    assert set(UNUSABLE) | set(USABLE) == set(made)
    assert all(path.parent == tmp_path / "corpus" for path in made.values())


def test_the_corpus_holds_what_each_case_claims(corpus: dict[str, Path]) -> None:
    """The generator's own check: each file is the kind of damage its name says, so that a
    case cannot silently turn into a good file and pass the tests above for nothing."""
    import stat
    import zipfile

    def data(case: str) -> bytes:
        return corpus[case].read_bytes()

    assert data("empty_csv") == b"" and data("empty_xlsx") == b""
    assert not zipfile.is_zipfile(corpus["garbage_xlsx"])
    assert zipfile.is_zipfile(corpus["xlsx_named_csv"])
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(corpus["truncated_xlsx"]).testzip()
    assert data("password_xlsx").startswith(bytes.fromhex("d0cf11e0a1b11ae1"))  # OLE2
    assert "EncryptionInfo".encode("utf-16-le") in data("password_xlsx")
    with zipfile.ZipFile(corpus["macros_xlsm"]) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()
    with zipfile.ZipFile(corpus["formulas_uncached_xlsx"]) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
        assert b"<f>" in sheet and b"<v>" not in sheet.split(b"<f>", 1)[1].split(b"</c>", 1)[0]
    with zipfile.ZipFile(corpus["formulas_cached_xlsx"]) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
        assert b"<f>" in sheet and b"<v>" in sheet.split(b"<f>", 1)[1].split(b"</c>", 1)[0]
    assert b"\0" in data("nul_csv")
    mixed = data("mixed_endings_csv")
    assert b"\r\n" in mixed and b"\n" in mixed.replace(b"\r\n", b"")
    assert b"\n" not in data("old_mac_endings_csv") and b"\r" in data("old_mac_endings_csv")
    assert data("unterminated_quote_csv").count(b'"') % 2 == 1
    assert data("rows_in_one_cell_csv").count(b'"') == 2  # one opens, a stray one closes
    with pytest.raises(UnicodeDecodeError):
        data("unknown_encoding_csv").decode("utf-8")
    assert max(len(line) for line in data("big_cell_csv").splitlines()) >= 1_000_000
    assert corpus["directory"].is_dir()
    assert stat.S_ISFIFO(corpus["fifo"].stat().st_mode)
    assert stat.S_IMODE(corpus["unreadable"].stat().st_mode) == 0


def test_the_corpus_script_runs_as_a_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATOR), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    listed = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert set(listed) == set(UNUSABLE) | set(USABLE)
    assert all(Path(path).exists() or Path(path).is_fifo() for path in listed.values())
    usage = subprocess.run([sys.executable, str(GENERATOR)], capture_output=True, text=True)
    assert usage.returncode == 1 and "usage: make_hostile.py FOLDER" in usage.stderr
