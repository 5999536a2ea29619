"""The terminal report through the command line: it fits the terminal (COLUMNS), leads with
the errors, counts a rule's two severities apart and marks each finding against a baseline
(and so does the Markdown)."""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import SAMPLES
from procaudit.cli import app, common

SAMPLE = SAMPLES / "catalogue-lao-cai.xlsx"
LONG_FOLDER = "thu-muc-danh-muc-thu-tuc-hanh-chinh-cac-tinh-thanh-pho-nam-2026"


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout taken for a terminal (CliRunner's is none): the report fits its width."""
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)


def _check(*args: str, columns: int = 80) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args], env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout


def _widest(text: str) -> int:
    return max(cell_len(line) for line in text.splitlines())


@pytest.fixture
def wide_case(tmp_path: Path) -> Path:
    """Two catalogues (a scorecard) deep in a folder with long names, given by its whole path
    from elsewhere, so that nothing is shortened for the report."""
    folder = tmp_path / LONG_FOLDER
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "danh-muc-thu-tuc-hanh-chinh-tinh-lao-cai-ban-cap-nhat.xlsx")
    shutil.copy(
        SAMPLES / "catalogue-lao-cai.csv",
        folder / "danh-muc-thu-tuc-hanh-chinh-thanh-pho-ha-noi-ban-cap-nhat.csv",
    )
    return folder


@pytest.mark.parametrize("columns", [80, 100, 120])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_line_is_wider_than_the_terminal(
    wide_case: Path, columns: int, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(wide_case.parent.parent)  # not above the files: their paths stay whole
    for args in ([str(SAMPLE)], [str(wide_case), "--max-per-rule", "0"]):
        code, out = _check(*args, "--lang", lang, columns=columns)
        assert code == 1
        assert _widest(out) <= columns, args
    assert ("Scorecard" if lang == "en" else "Bảng tổng hợp") in out
    # Without the folding, the report was far wider (a path alone is over 100 wide).
    assert _widest(_check(str(wide_case), "--lang", lang, columns=400)[1]) > 120


def test_long_lines_fold_at_words_under_their_indent(
    wide_case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(wide_case)  # short paths: only words are left to fold
    args = (str(wide_case), "--lang", "vi", "--max-per-rule", "0")
    out = _check(*args)[1]
    whole = _check(*args, columns=1000)[1]
    lines = out.splitlines()
    fix = "    cách sửa: "
    continued = [
        following
        for line, following in pairwise(lines)
        if line.startswith(fix) and following.startswith(" " * len(fix))
    ]
    assert continued  # some fixes are longer than a line...
    # ... and go on under the fix's text, not at the margin.
    assert all(following[len(fix)] != " " for following in continued)
    # No Vietnamese word is cut at the edge: every word of the folded report is a word of
    # the unfolded one.
    assert set(re.findall(r"\w+", out)) <= set(re.findall(r"\w+", whole))
    assert _widest(whole) > 200


def test_a_report_file_keeps_its_lines_whole(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    code, _ = _check(str(SAMPLE), "--output", str(report))
    assert code == 1
    text = report.read_text(encoding="utf-8")
    assert _widest(text) > 80
    assert (
        "    fix: Probably 1.001230: check it in the national procedure database (CSDL quốc gia "
        "về TTHC), then write it in a cell formatted as Text, which keeps it as typed."
    ) in text.splitlines()


def test_paths_under_the_current_folder_are_shown_relative(
    wide_case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(wide_case.parent)
    _, out = _check(str(wide_case), columns=200)
    assert f"Read {LONG_FOLDER}/danh-muc-thu-tuc-hanh-chinh-tinh-lao-cai-ban-cap-nhat.xlsx" in out
    assert str(wide_case.parent) not in out
    markdown = _check(str(wide_case), "-f", "markdown")[1]
    assert f"| {LONG_FOLDER}/danh-muc" in markdown and str(wide_case.parent) not in markdown


@pytest.mark.parametrize(
    ("columns", "left_out"),
    [(80, "Info"), (200, None)],
)
def test_the_scorecard_leaves_out_columns_that_do_not_fit(
    wide_case: Path, columns: int, left_out: str | None
) -> None:
    _, out = _check(str(wide_case), columns=columns)
    lines = out.splitlines()
    heading = next(line for line in lines if line.startswith("Catalogue"))
    if left_out is None:
        assert heading.split() == [
            *("Catalogue", "In", "force", "National", "code", "Forms", "Published", "Online"),
            *("District", "Errors", "Warnings", "Info"),
        ]
        assert "columns left out" not in out
    else:
        assert left_out not in heading.split() and "Errors" in heading.split()
        assert f"  columns left out at this width: {left_out} (the JSON" in out


# --- what matters first -----------------------------------------------------------------------

SEVERITY = re.compile(r"^(PA\d+) [\w-]+ · ([\w, ]+) · ")


def test_the_rules_with_errors_come_first_then_warnings_then_info() -> None:
    _, out = _check(str(SAMPLE), "--max-per-rule", "0", columns=200)
    groups = [match.groups() for line in out.splitlines() if (match := SEVERITY.match(line))]
    worst = [severities.split(", ")[0] for _, severities in groups]
    rank = {"error": 0, "warning": 1, "info": 2}
    assert [rank[s] for s in worst] == sorted(rank[s] for s in worst)
    assert worst[0] == "error" and worst[-1] == "info"
    # Within each severity, by rule id; PA402 (errors and a warning) stands with the errors.
    assert ("PA402", "error, warning") in groups
    assert groups.index(("PA402", "error, warning")) < groups.index(("PA102", "warning"))
    # Within PA402, its errors before its warning, whatever their rows.
    block = out.split("PA402 invalid-decision")[1].split("\n\n")[0]
    messages = [
        line for line in block.splitlines() if line.startswith("    ") and "fix" not in line
    ]
    assert "'QD'" in messages[-1]  # the warning (a "QD" for "QĐ") is last


def test_the_markdown_lists_errors_first_then_by_file_and_row() -> None:
    _, out = _check(str(SAMPLE), "-f", "markdown")
    findings = out.split("## Findings\n")[1]
    rows = [line.split(" | ") for line in findings.splitlines()[3:] if line.startswith("| ")]
    order = {"error": 0, "warning": 1, "info": 2}
    keys = [(order[row[6]], int(row[2]) if row[2] else 0) for row in rows]
    assert keys == sorted(keys)


def test_a_rule_with_two_severities_has_a_summary_line_for_each() -> None:
    _, out = _check(str(SAMPLE))
    lines = [line.split() for line in out.splitlines()]
    assert ["PA402", "invalid-decision", "error", "2"] in lines
    assert ["PA402", "invalid-decision", "warning", "1"] in lines
    _, vietnamese = _check(str(SAMPLE), "--lang", "vi")
    # The Vietnamese table names the rule in Vietnamese (report/rule_names.py).
    vi_lines = [" ".join(line.split()) for line in vietnamese.splitlines()]
    assert "PA402 số quyết định sai cảnh báo 1" in vi_lines


# --- baselines ----------------------------------------------------------------------------

HEADER = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
YESTERDAY = "1.00123,Đăng ký khai sinh,Cấp xã\n1.000894,Đăng ký kết hôn,Cấp xã\n"  # a PA101
TODAY = YESTERDAY + "2.00001,Cấp bản sao trích lục,Cấp xã\n"  # and a new PA101


@pytest.fixture
def against_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    Path("c.csv").write_text(HEADER + YESTERDAY, encoding="utf-8")
    _check("c.csv", "--write-baseline", "baseline.json")
    Path("c.csv").write_text(HEADER + TODAY, encoding="utf-8")
    return ["c.csv", "--baseline", "baseline.json"]


@pytest.mark.parametrize(
    ("lang", "column", "new", "still", "summary", "heading"),
    [
        ("en", "code", "new", "still present", "; 1 new since the baseline", "2 findings, 1 new"),
        # Vietnamese names the column by the file's header (issue 17), the rule in Vietnamese
        ("vi", "Mã TTHC", "mới", "vẫn còn", "; 1 phát hiện mới so với mốc", "2 phát hiện, 1 mới"),
    ],
)
def test_the_terminal_report_marks_each_finding_new_or_still_present(
    against_baseline: list[str],
    lang: str,
    column: str,
    new: str,
    still: str,
    summary: str,
    heading: str,
) -> None:
    code, out = _check(*against_baseline, "--lang", lang, columns=200)
    assert code == 1  # the new PA101 fails the run
    lines = out.splitlines()
    line = "line" if lang == "en" else "dòng"
    assert f"  c.csv › {line} 2 › {column} · {still}" in lines
    assert f"  c.csv › {line} 4 › {column} · {new}" in lines
    rule = "PA101 invalid-code" if lang == "en" else "PA101 mã không hợp lệ"
    assert any(text.startswith(rule) and text.endswith(heading) for text in lines)
    assert lines[-1].endswith(summary)
    quiet = _check(*against_baseline, "--lang", lang, "--quiet", columns=200)[1]
    assert quiet.strip().endswith(summary)


def test_the_markdown_marks_each_finding_new_or_still_present(
    against_baseline: list[str],
) -> None:
    _, out = _check(*against_baseline, "-f", "markdown")
    lines = out.splitlines()
    assert lines[2].endswith("; 1 new since the baseline")
    header = next(line for line in lines if line.startswith("| File |"))
    assert header.endswith("| Fix | Baseline |")
    marks = {
        line.split(" | ")[4]: line.split(" | ")[-1] for line in lines if line.startswith("| c.csv")
    }
    assert marks == {"1.00123": "still present |", "2.00001": "new |"}
    _, vietnamese = _check(*against_baseline, "-f", "markdown", "--lang", "vi")
    assert "| Cách sửa | So với mốc |" in vietnamese and "| mới |" in vietnamese
    # Without a baseline, no such column.
    assert "Baseline" not in _check("c.csv", "-f", "markdown")[1]


# --- not for a terminal: a pipe or a file ------------------------------------------------------


def _not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: False)


@pytest.mark.parametrize("environment", [{"COLUMNS": "40"}, {"FORCE_COLOR": "1", "COLUMNS": "40"}])
def test_a_piped_report_has_whole_lines_and_no_colour_whatever_the_environment(
    wide_case: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]
) -> None:
    _not_a_terminal(monkeypatch)
    result = CliRunner().invoke(app, ["check", str(wide_case)], env=environment)
    assert result.exit_code == 1
    assert "\x1b[" not in result.stdout
    assert "duplicate-entry" in result.stdout and "…" not in result.stdout  # nothing cut
    assert _widest(result.stdout) > 100  # paths and messages whole, not folded to 40
    summary = CliRunner().invoke(app, ["check", str(wide_case), "-q"], env=environment)
    # cron mail: the --quiet summary is one line, whatever its length.
    assert len(summary.stdout.splitlines()) == 1
    assert "in 2 files" in summary.stdout


def test_a_report_file_has_whole_lines_and_no_colour_under_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "r.txt"
    env = {"COLUMNS": "40", "FORCE_COLOR": "1"}
    result = CliRunner().invoke(app, ["check", str(SAMPLE), "-o", str(report)], env=env)
    assert result.exit_code == 1
    text = report.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "duplicate-entry" in text and "duplicate-en…" not in text
    assert _widest(text) > 40


def test_a_diff_written_to_a_file_or_a_pipe_has_no_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("Mã TTHC,Tên thủ tục\n1.000001,Đăng ký khai sinh\n", encoding="utf-8")
    new.write_text("Mã TTHC,Tên thủ tục\n1.000002,Đăng ký kết hôn\n", encoding="utf-8")
    env = {"FORCE_COLOR": "1"}
    to_file = CliRunner().invoke(
        app, ["diff", str(old), str(new), "-o", str(tmp_path / "d.txt")], env=env
    )
    assert to_file.exit_code == 1, to_file.stderr
    assert "\x1b[" not in (tmp_path / "d.txt").read_text(encoding="utf-8")
    _not_a_terminal(monkeypatch)
    piped = CliRunner().invoke(app, ["diff", str(old), str(new)], env=env)
    assert piped.exit_code == 1
    assert "\x1b[" not in piped.stdout and "1.000002" in piped.stdout
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
    shown = CliRunner().invoke(app, ["diff", str(old), str(new)], env=env)
    assert "\x1b[" in shown.stdout  # a terminal keeps its colours


@pytest.mark.parametrize("command", [["rules"], ["config"]])
def test_the_other_views_have_no_colour_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    _not_a_terminal(monkeypatch)
    result = CliRunner().invoke(app, command, env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout


def test_the_views_in_a_pipe_keep_their_lines_whole_whatever_columns_says(
    wide_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # cron mail and grep: a path or a rule's sentence folded at 80 (or COLUMNS) columns
    # mid-word cannot be found; and no line ends in the spaces rich pads cells with.
    _not_a_terminal(monkeypatch)
    history = tmp_path / "h.sqlite"
    made = CliRunner().invoke(app, ["check", str(wide_case), "-q", "--history", str(history)])
    assert made.exit_code == 1, made.stderr
    workbook = next(wide_case.glob("*.xlsx"))
    for command in (
        ["inspect", str(workbook)],
        ["rules"],
        ["rules", "PA201"],
        ["history", str(history)],
    ):
        shown = {
            columns: CliRunner().invoke(app, command, env={"COLUMNS": columns})
            for columns in ("40", "300")
        }
        assert {result.exit_code for result in shown.values()} == {0}, command
        narrow = shown["40"].stdout
        assert narrow == shown["300"].stdout, command
        assert not [line for line in narrow.splitlines() if line.endswith(" ")], command
        if command[0] in ("inspect", "history"):
            assert any(workbook.name in line for line in narrow.splitlines()), command
    sentence = "The same procedure listed twice: same code, same name, same level."
    rule = CliRunner().invoke(app, ["rules", "PA201"], env={"COLUMNS": "40"}).stdout
    assert sentence in rule.splitlines()
