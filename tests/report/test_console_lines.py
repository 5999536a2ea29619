"""Folding the terminal report's lines (report.console_lines) and the order and paths the
human reports share (report.human_order)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from procaudit.core.findings import AuditResult, Finding, Severity
from procaudit.report.console_lines import Folder
from procaudit.report.human_order import ShownPaths, rules_by_severity, severity_first


def _folder(width: int | None) -> Folder:
    console = Console(file=io.StringIO(), width=width or 80, soft_wrap=True)
    return Folder(console, fold=width is not None)


def _plain(lines: list[Text]) -> list[str]:
    return [line.plain for line in lines]


def test_a_fix_with_line_breaks_keeps_its_column() -> None:
    fix = "Sửa hai chỗ:\n- mã thủ tục\n- số quyết định"
    expected = ["    fix: Sửa hai chỗ:", "         - mã thủ tục", "         - số quyết định"]
    assert _plain(_folder(80).lines(fix, "    fix: ")) == expected
    assert _plain(_folder(None).lines(fix, "    fix: ")) == expected  # a file, too


def test_a_long_line_folds_at_spaces_under_its_hanging_indent() -> None:
    text = "Điền mã thủ tục hành chính theo Cơ sở dữ liệu quốc gia về thủ tục hành chính."
    lines = _plain(_folder(40).lines(Text(text, style="green"), "    cách sửa: "))
    assert lines == [
        "    cách sửa: Điền mã thủ tục hành chính",
        "              theo Cơ sở dữ liệu quốc",
        "              gia về thủ tục hành chính.",
    ]
    assert all(cell_len(line) <= 40 for line in lines)
    assert _plain(_folder(None).lines(text, "  ")) == ["  " + text]  # a file: whole


def test_the_wider_continuation_indent_is_kept_in_the_width() -> None:
    text = "PA301 in a.xlsx, b.xlsx and 5 more files: the sheet has no forms column"
    lines = _plain(_folder(30).lines(text, "  ", "    "))
    assert lines[0].startswith("  PA301") and all(line.startswith("    ") for line in lines[1:])
    assert all(cell_len(line) <= 30 for line in lines)


def test_only_a_word_longer_than_the_line_is_cut() -> None:
    path = "/srv/" + "thu-muc-rat-dai-" * 6 + "a.xlsx"
    lines = _plain(_folder(40).lines(f"Read {path} (CSV)", rest="  "))
    assert all(cell_len(line) <= 40 for line in lines)
    assert "".join(lines).replace(" ", "") == f"Read{path}(CSV)"  # nothing lost


def _finding(rule: str, severity: Severity, file: str, row: int | None) -> Finding:
    return Finding(rule, "x", severity, file, None, row, None, None, None, "m", "f")


def test_the_most_severe_first_then_file_and_row() -> None:
    findings = [
        _finding("PA603", Severity.INFO, "a.csv", 2),
        _finding("PA402", Severity.WARNING, "a.csv", 3),
        _finding("PA402", Severity.ERROR, "b.csv", 9),
        _finding("PA101", Severity.ERROR, "b.csv", 4),
        _finding("PA102", Severity.WARNING, "a.csv", 1),
    ]
    ordered = sorted(findings, key=severity_first)
    assert [(f.rule, f.row) for f in ordered] == [
        ("PA101", 4),
        ("PA402", 9),
        ("PA102", 1),
        ("PA402", 3),
        ("PA603", 2),
    ]
    rules = rules_by_severity(AuditResult((), tuple(findings)))
    assert [rule for rule, _ in rules] == ["PA101", "PA402", "PA102", "PA603"]
    assert rules[1][1] == {Severity.ERROR: 1, Severity.WARNING: 1}


def test_paths_are_shown_relative_to_the_current_folder_when_under_it(tmp_path: Path) -> None:
    shown = ShownPaths(tmp_path)
    assert shown(str(tmp_path / "danh-muc" / "a.xlsx")) == str(Path("danh-muc", "a.xlsx"))
    assert shown("/elsewhere/a.xlsx") == "/elsewhere/a.xlsx"
    assert shown("danh-muc/a.xlsx") == "danh-muc/a.xlsx"  # as the user typed it
