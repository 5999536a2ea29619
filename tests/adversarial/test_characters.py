"""Odd characters in cells (issue 20), through the command line: terminal escape sequences
are shown, never run, in every human format; characters XML forbids never make a workbook
unreadable; HTML in a cell is text in the Markdown; SARIF locations are valid URIs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from procaudit.cli import app
from procaudit.core.text_safety import visible, xml_safe

ESCAPES = "\x1b]0;pwned\x07 \x1b[2J"  # retitles the window, clears the screen
HTML = "<img src=x onerror=alert(1)>"
HEADER = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
# Two rows with one code: PA202 quotes each name in the other's message; PA501 flags the level.
EVIL = HEADER + f'1.000001,"{ESCAPES}{HTML} \ufffe\uffff",Cấp huyện\n1.000001,=1+1,Cấp huyện\n'


@pytest.fixture
def evil(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.csv"
    path.write_text(EVIL, encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"PROCAUDIT_LANG": "en", "COLUMNS": "200"})
    return result.exit_code, result.stdout


def _no_escape(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b]0;pwned\\x07" in text


@pytest.mark.parametrize("fmt", ["rich", "markdown"])
def test_the_report_shows_escape_sequences_and_never_sends_them(evil: Path, fmt: str) -> None:
    code, out = _run("check", str(evil), "--format", fmt)
    assert code == 1
    _no_escape(out)
    assert evil.read_text(encoding="utf-8") == EVIL  # the input is never changed


def test_the_markdown_escapes_html_from_a_cell(evil: Path) -> None:
    _, out = _run("check", str(evil), "--format", "markdown")
    assert "<img" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_diff_and_inspect_show_escape_sequences(evil: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text(HEADER + "1.000001,Cấp phép,Cấp xã\n", encoding="utf-8")
    code, out = _run("diff", str(old), str(evil))
    assert code in (0, 1)
    _no_escape(out)
    # inspect shows the headers: one of them holds the escapes.
    extra = tmp_path / "extra.csv"
    extra.write_text(HEADER.replace("\n", f',"{ESCAPES}"\n') + "1.000001,a,Cấp xã,b\n")
    code, out = _run("inspect", str(extra))
    assert code == 0
    _no_escape(out)


def test_fix_list_and_diff_workbooks_open_whatever_the_cells_hold(
    evil: Path, tmp_path: Path
) -> None:
    fix_list, changes = tmp_path / "fix.xlsx", tmp_path / "diff.xlsx"
    _run("check", str(evil), "--fix-list", str(fix_list))
    old = tmp_path / "old.csv"
    old.write_text(HEADER + "1.000001,Cấp phép,Cấp xã\n", encoding="utf-8")
    _run("diff", str(old), str(evil), "-o", str(changes))
    for path in (fix_list, changes):
        texts = [
            str(cell.value)
            for sheet in load_workbook(path).worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]
        assert any("pwned" in text for text in texts)
        assert not any("\ufffe" in text or "\uffff" in text for text in texts)


def test_junit_stays_well_formed(evil: Path) -> None:
    import xml.etree.ElementTree as ElementTree

    _, out = _run("check", str(evil), "--format", "junit")
    assert ElementTree.fromstring(out.encode()).tag == "testsuites"


def test_sarif_locations_are_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "a 100% list\nof Hà Tĩnh.csv"
    Path(name).write_text(EVIL, encoding="utf-8")
    _, out = _run("check", name, "--format", "sarif")
    locations = [
        location["physicalLocation"]["artifactLocation"]
        for result in json.loads(out)["runs"][0]["results"]
        for location in result["locations"]
    ]
    assert locations
    for location in locations:
        assert location == {
            "uri": "a%20100%25%20list%0Aof%20H%C3%A0%20T%C4%A9nh.csv",
            "uriBaseId": "%SRCROOT%",
        }
    # Given by its absolute path, a file under the current folder is named relative to it
    # as well; outside it, by a file:// URI.
    _, out = _run("check", str(tmp_path / name), "--format", "sarif")
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"] == locations[0]
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    _, out = _run("check", str(tmp_path / name), "--format", "sarif")
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert re.fullmatch(r"file:///\S+", uri["artifactLocation"]["uri"])


def test_the_helpers() -> None:
    assert visible("a\x1b[2Jb\tc\nd\x9b\u202e") == "a\\x1b[2Jb\tc\nd\\x9b\\u202e"
    assert xml_safe("a\x00b\ufffe\uffff\ud800c\td") == "a\ufffdb\ufffd\ufffd\ufffdc\td"
    assert xml_safe("a\x01", "") == "a"


def test_the_csv_report_is_exact_by_default_and_safe_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f.csv").write_text(HEADER + "=1+1,Cấp phép,Cấp xã\n", encoding="utf-8")
    _, exact = _run("check", "f.csv", "--format", "csv")
    _, safe = _run("check", "f.csv", "--format", "csv", "--csv-safe")
    assert exact.endswith(",=1+1\n")  # the code and value cells, as the file holds them
    assert safe == exact.replace(",=1+1,", ",'=1+1,").replace(",=1+1\n", ",'=1+1\n")
    assert ",=1+1" not in safe
