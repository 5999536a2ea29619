"""The command line through its exit codes and its output streams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit import __version__
from procaudit.cli import app, common

runner = CliRunner()

CLEAN = (
    "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,mau_don_to_khai,so_quyet_dinh\n"
    "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    "1.000002,Đăng ký kết hôn,Cấp xã,Không,1890/QĐ-UBND\n"
)
WARNING_ONLY = CLEAN + "\n,Đăng ký khai tử,Cấp xã,Tờ khai,1890/QĐ-UBND\n"  # PA102 on line 5
WITH_ERROR = CLEAN + "1.000003,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND\n"  # PA501 line 4


@pytest.fixture
def csv_file(tmp_path: Path):
    def write(text: str, name: str = "c.csv") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(
    ("content", "fail_on", "code"),
    [
        (CLEAN, "error", 0),
        (WARNING_ONLY, "error", 0),
        (WARNING_ONLY, "warning", 1),
        (WITH_ERROR, "error", 1),
        (WITH_ERROR, "never", 0),
        (WARNING_ONLY, "info", 1),
        (CLEAN, "info", 0),
    ],
)
def test_exit_code_follows_fail_on(csv_file, content: str, fail_on: str, code: int) -> None:
    result = invoke("check", csv_file(content), "--fail-on", fail_on)
    assert result.exit_code == code, result.output


def test_json_report_shape_and_stdout_holds_only_json(csv_file) -> None:
    path = csv_file(WITH_ERROR)
    result = invoke("check", path, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert list(report) == ["procaudit", "files", "summary", "scorecard", "findings", "unread"]
    assert report["unread"] == []
    assert report["procaudit"] == __version__
    assert report["files"] == [
        {
            "path": path,
            "sheets": None,
            "rows": 3,
            "columns": {
                "ma_thu_tuc": "code",
                "ten_thu_tuc": "name",
                "cap_thuc_hien": "level",
                "mau_don_to_khai": "forms",
                "so_quyet_dinh": "decision_no",
            },
            "skipped_sheets": [],
            "component_sheets": [],
        }
    ]
    assert report["summary"] == {
        "error": 1,
        "warning": 0,
        "info": 0,
        "by_rule": {"PA501": 1},
        "by_rule_severity": {"PA501": {"error": 1}},
    }
    [finding] = report["findings"]
    assert list(finding) == [
        "rule",
        "name",
        "severity",
        "file",
        "sheet",
        "row",
        "column",
        "code",
        "value",
        "message",
        "fix",
    ]
    assert (
        finding["rule"],
        finding["name"],
        finding["severity"],
        finding["sheet"],
        finding["row"],
        finding["column"],
        finding["code"],
        finding["value"],
    ) == ("PA501", "district-level", "error", None, 4, "level", "1.000003", "Cấp huyện")


def test_json_is_byte_stable(csv_file) -> None:
    path = csv_file(WITH_ERROR + WARNING_ONLY.splitlines()[-1] + "\n")
    first = invoke("check", path, "-f", "json").stdout
    assert first == invoke("check", path, "-f", "json").stdout


def test_json_notes_rules_not_checked_on_stderr(csv_file) -> None:
    path = csv_file("ten_thu_tuc\nĐăng ký khai sinh\n")
    result = invoke("check", path, "-f", "json")
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert f"procaudit: note: not checked: PA301 in {path}: the file has no forms" in result.stderr
    assert invoke("check", path, "-f", "json", "--quiet").stderr == ""


def test_rich_report_lists_findings_and_rules_not_checked(csv_file, monkeypatch) -> None:
    path = csv_file("ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,A,Cấp huyện\n")
    monkeypatch.chdir(Path(path).parent)  # the path, given whole, is shown relative to it
    result = invoke("check", path)
    assert result.exit_code == 1
    out = result.stdout
    assert "Read c.csv (CSV): 1 procedure" in out
    # One file: its path heads the report, and a line not checked names none.
    assert "  PA301: the file has no forms ('Mẫu đơn, tờ khai') column" in out.splitlines()
    assert "PA501 district-level · error · 1 finding" in out
    assert "line 2 › level" in out
    assert "1 error, 0 warnings, 0 info in 1 file (1 procedure)" in out
    assert "\x1b[" not in out  # no colour when not a terminal


@pytest.mark.parametrize(
    ("lang", "heading", "first_rule", "totals"),
    [
        ("en", "Not checked", "PA501 district-level", "1 error,"),
        ("vi", "Chưa kiểm tra", "PA501 ", "1 lỗi,"),
    ],
)
def test_rules_not_checked_come_after_the_findings_just_above_the_totals(
    csv_file, lang: str, heading: str, first_rule: str, totals: str
) -> None:
    # An official's first page is what was found; what was not checked closes the report.
    path = csv_file("ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,A,Cấp huyện\n")
    lines = invoke("check", path, "--lang", lang).stdout.splitlines()
    at = lines.index(heading)
    assert any(line.startswith(first_rule) for line in lines[:at])
    block = lines[at + 1 : -2]
    assert block and all(line.startswith("  PA") for line in block)
    assert lines[-2] == "" and lines[-1].startswith(totals)


@pytest.mark.parametrize(("lang", "heading"), [("en", "Not checked"), ("vi", "Chưa kiểm tra")])
def test_a_report_with_no_findings_still_says_what_was_not_checked_above_its_totals(
    csv_file, lang: str, heading: str
) -> None:
    path = csv_file("ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,A,Cấp xã\n")
    result = invoke("check", path, "--lang", lang)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    at = lines.index(heading)
    assert lines[at - 1] == "" and lines[at - 2].startswith(("Read ", "Đã đọc "))
    assert all(line.startswith("  PA") for line in lines[at + 1 : -2])
    assert lines[-2] == "" and lines[-1].startswith(("0 errors", "0 lỗi"))


def test_no_color_drops_colour_but_keeps_the_report(csv_file, monkeypatch) -> None:
    path = csv_file(WITH_ERROR)
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1;31m" in invoke("check", path).stdout  # errors in red on a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    out = invoke("check", path).stdout
    assert "31m" not in out and "33m" not in out
    assert "PA501 district-level" in out


def test_rich_report_cuts_long_groups(csv_file) -> None:
    # Seven district offices, each its own finding (one office on many rows would be one).
    rows = "".join(f"1.00000{i},Thủ tục {i},UBND huyện Số {i}\n" for i in range(1, 8))
    path = csv_file("ma_thu_tuc,ten_thu_tuc,co_quan_thuc_hien\n" + rows)
    out = invoke("check", path, "--max-per-rule", "3").stdout
    assert out.count("is a district-level office") == 3
    assert "… and 4 more" in out
    assert invoke("check", path, "--max-per-rule", "0").stdout.count("ended on") == 7


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "no-such-file.csv"], "procaudit: error: no-such-file.csv: no such file\n"),
        (["check", "c.pdf"], "procaudit: error: c.pdf: no such file\n"),
        (
            ["rules", "PA999"],
            "procaudit: error: there is no rule PA999; 'procaudit rules' lists them all\n",
        ),
    ],
)
def test_errors_are_one_sentence_and_exit_2(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == message
    assert "Traceback" not in result.output


def test_bad_schema_exits_2(csv_file, tmp_path: Path) -> None:
    schema = tmp_path / "bad.yaml"
    schema.write_text("columns: [", encoding="utf-8")
    result = invoke("check", csv_file(CLEAN), "--schema", str(schema))
    assert result.exit_code == 2
    assert result.stderr.startswith("procaudit: error: the schema ")
    assert result.stderr.count("\n") == 1


def test_unknown_option_value_is_a_usage_error(csv_file) -> None:
    result = invoke("check", csv_file(CLEAN), "--fail-on", "sometimes")
    assert result.exit_code == 2


def test_one_broken_file_does_not_stop_the_others(csv_file) -> None:
    good = csv_file(WITH_ERROR, "good.csv")
    broken = csv_file("STT,Mã\n1,1.000001\n", "broken.csv")
    result = invoke("check", broken, good, "-f", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [good]
    assert [f["rule"] for f in report["findings"]] == ["PA501"]
    assert result.stderr.startswith(
        f"procaudit: error: {broken}: has no column for the procedure name"
    )


# A catalogue whose name column is headed by a word no alias names, the others known.
UNHEADED_NAMES = "STT,Mã số,Thủ tục,Lĩnh vực,Cơ quan thực hiện\n" + "".join(
    f"{n},1.00{n:04d},Cấp giấy phép kinh doanh loại {n},Công thương,Sở Công Thương\n"
    for n in range(1, 25)
)


def test_a_list_whose_name_header_is_unknown_is_checked_by_its_values(csv_file) -> None:
    district = "25,1.000025,Cấp giấy phép loại cuối,Xây dựng,UBND cấp huyện\n"
    path = csv_file(UNHEADED_NAMES + district)
    result = invoke("check", path, "-f", "json")
    assert result.exit_code == 1
    found = [(f["rule"], f["row"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("PA501", 26, "agency")]  # a district's agency, on the file's line
    said = " ".join(result.stderr.split())
    assert (
        "column 'Thủ tục' is read as the name because no header names it and its values are "
        "procedures' names (Cấp giấy phép kinh doanh loại 1," in said
    )


def test_names_are_read_by_their_values_under_the_users_header_row(csv_file) -> None:
    path = csv_file("DANH MỤC THỦ TỤC HÀNH CHÍNH,,,,\n" + UNHEADED_NAMES)
    result = invoke("check", path, "--header-row", "2", "-f", "json")
    assert result.exit_code == 0
    [read] = json.loads(result.stdout)["files"]
    assert (read["rows"], read["columns"]["Thủ tục"]) == (24, "name")


def test_a_list_of_dossiers_is_refused_in_one_sentence(csv_file) -> None:
    dossiers = csv_file(
        "Mã hồ sơ,Tên thủ tục,Người nộp,Ngày tiếp nhận\n"
        "H44-1,Đăng ký khai sinh,Nguyễn Văn An,06/10/2025\n"
        "H44-2,Đăng ký khai sinh,Trần Thị Bình,07/10/2025\n",
        "ho-so.csv",
    )
    result = invoke("check", dossiers)
    assert result.exit_code == 2
    assert result.stderr == (
        f"procaudit: error: {dossiers}: looks like a list of dossiers (hồ sơ), not a catalogue "
        "of procedures: it has columns 'Mã hồ sơ', 'Người nộp', 'Ngày tiếp nhận'\n"
    )


def test_version() -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"procaudit {__version__}\n")


def test_rules_lists_every_rule() -> None:
    from procaudit.rules import all_rules

    result = invoke("rules")
    assert result.exit_code == 0
    for rule in all_rules():
        assert rule.id in result.stdout


def test_rules_says_which_option_a_rule_needs() -> None:
    result = invoke("rules", "PA405")
    assert result.exit_code == 0
    first = " ".join(result.stdout.split("Too few")[0].split("\n")[:2])
    assert "and --reference" in first and "checked on the whole file" in first


def test_rules_shows_one_rule_in_full() -> None:
    result = invoke("rules", "pa201")
    assert result.exit_code == 0
    assert result.stdout.startswith("PA201 duplicate-entry · default severity error")
    assert "Bad" in result.stdout and "Good" in result.stdout and "Fix" in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["check", "--help"]])
def test_help_and_version_do_not_import_pandas(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from procaudit.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'pandera', 'openpyxl', 'numpy', 'pyarrow',\n"
        "                      'orjson', 'rich.progress') if m in sys.modules]\n"
        "print('heavy:', ','.join(heavy), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip()  # the help or version was printed
    assert out.stderr.strip().splitlines()[-1] == "heavy:"


def _said_after_a_check(path: str, variable: str, chosen: str | None, then: str) -> str:
    """The last line a process printed on stderr after a check of `path` and then `then`,
    started with the environment `variable` set to `chosen` (None: unset)."""
    code = (
        "import sys\n"
        "from procaudit.cli.main import main\n"
        f"sys.argv = ['procaudit', 'check', {path!r}, '-q']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n" + then
    )
    env = {k: v for k, v in os.environ.items() if k != variable}
    if chosen is not None:
        env[variable] = chosen
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return out.stderr.strip().splitlines()[-1]


@pytest.mark.slow
@pytest.mark.parametrize(("chosen", "pool"), [(None, "system"), ("mimalloc", "mimalloc")])
def test_arrow_memory_comes_from_the_c_allocator_unless_the_user_chose(
    csv_file, chosen: str | None, pool: str
) -> None:
    then = "import pyarrow\nprint(pyarrow.default_memory_pool().backend_name, file=sys.stderr)\n"
    said = _said_after_a_check(csv_file(CLEAN), "ARROW_DEFAULT_MEMORY_POOL", chosen, then)
    assert said == pool


# After a run: the threads numpy's OpenBLAS was started with, read from the library itself
# ("unknown" where numpy has no OpenBLAS, or the system no /proc/self/maps).
_BLAS_THREADS = """
import ctypes, sys
try:
    maps = open("/proc/self/maps").read().split("\\n")
except OSError:
    maps = []
found = sorted({line.split()[-1] for line in maps if "openblas" in line})
counts = []
for path in found:
    library = ctypes.CDLL(path)
    for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                 "openblas_get_num_threads"):
        if hasattr(library, name):
            counts.append(getattr(library, name)())
print(counts[0] if counts else "unknown", file=sys.stderr)
"""


@pytest.mark.slow
@pytest.mark.parametrize(("chosen", "threads"), [(None, "1"), ("2", "2")])
def test_numpys_blas_starts_no_threads_unless_the_user_chose(
    csv_file, chosen: str | None, threads: str
) -> None:
    # They spun ~0.1 s each as numpy loaded, on cores the first file's parse wanted.
    found = _said_after_a_check(csv_file(CLEAN), "OPENBLAS_NUM_THREADS", chosen, _BLAS_THREADS)
    if found == "unknown":
        pytest.skip("numpy here has no OpenBLAS this test can ask")
    assert found == threads


@pytest.mark.slow
def test_console_script_runs_as_a_module(csv_file) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "procaudit", "check", csv_file(WITH_ERROR), "-f", "json"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert json.loads(out.stdout)["summary"]["by_rule"] == {"PA501": 1}


@pytest.mark.slow
def test_the_console_script_sends_a_long_report_whole_through_a_pipe(csv_file) -> None:
    # The script ends without the interpreter's teardown (cli.main.run): the streams must
    # be flushed first, a report far longer than a pipe's buffer included.
    rows = "".join(
        f"1.{n:06d},Cấp bản sao {n},Cấp huyện,Tờ khai,1890/QĐ-UBND\n" for n in range(3000)
    )
    path = csv_file(CLEAN + rows)
    out = subprocess.run(
        [sys.executable, "-m", "procaudit", "check", path, "-f", "json", "--every-row"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1, out.stderr
    assert len(out.stdout) > 1_000_000
    assert json.loads(out.stdout)["summary"]["by_rule"]["PA501"] == 3000


@pytest.mark.parametrize("fmt", ["json", "sarif", "csv"])
def test_output_writes_the_report_to_a_file_and_nothing_to_stdout(
    csv_file, tmp_path: Path, fmt: str
) -> None:
    path = csv_file(WITH_ERROR)
    target = tmp_path / f"report.{fmt}"
    result = invoke("check", path, "-f", fmt, "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == invoke("check", path, "-f", fmt).stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_output_replaces_an_old_report_whole(csv_file, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old " * 10_000, encoding="utf-8")
    assert invoke("check", csv_file(CLEAN), "-f", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["findings"] == []


def test_output_failing_midway_leaves_no_partial_file(
    csv_file, tmp_path: Path, monkeypatch
) -> None:
    from procaudit.report.json_report import JsonReporter

    def explode(self, result, out) -> None:
        out.write('{"half": ')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(JsonReporter, "render", explode)
    target = tmp_path / "report.json"
    result = invoke("check", csv_file(CLEAN), "-f", "json", "-q", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"procaudit: error: cannot write {target}: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]


def test_output_in_a_missing_folder_is_a_usage_error(csv_file, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "report.json"
    result = invoke("check", csv_file(CLEAN), "-f", "json", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("procaudit: error: --output ")
    assert result.stderr.count("\n") == 1
    assert not target.parent.exists()
    assert result.stdout == ""


def test_output_refuses_to_overwrite_an_input(csv_file) -> None:
    path = csv_file(CLEAN)
    result = invoke("check", path, "-f", "csv", "--output", path)
    assert result.exit_code == 2
    assert "is one of the files to audit" in result.stderr
    assert Path(path).read_text(encoding="utf-8") == CLEAN


def test_quiet_prints_one_summary_line(csv_file) -> None:
    path = csv_file("ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,A,Cấp huyện\n")
    result = invoke("check", path, "--quiet")
    assert result.exit_code == 1
    assert result.stdout == "1 error, 0 warnings, 0 info in 1 file (1 procedure)\n"
    assert result.stderr == ""


def test_exit_zero_reports_without_failing(csv_file) -> None:
    path = csv_file("ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,A,Cấp huyện\n")
    result = invoke("check", path, "-f", "json", "--exit-zero")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"]
    assert invoke("check", path, "missing.csv", "--exit-zero").exit_code == 2
