"""procaudit as a CI gate: every machine format names the files it could not read, names
each file the same way however it was given, and a list with a header and nothing under it
does not pass the gate."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest
from typer.testing import CliRunner

from procaudit.cli import app

HEADER = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
ROWS = "1.00123,Đăng ký khai sinh,Cấp xã\n1.000656,Đăng ký khai tử,Cấp huyện\n"  # PA101, PA501


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


# --- files that could not be read ------------------------------------------------------------


def _unread(fmt: str, out: str) -> dict[str, str]:
    """The files a report says it could not read -> the sentence it gives for each."""
    if fmt == "json":
        return {u["path"]: u["message"] for u in json.loads(out)["unread"]}
    if fmt == "jsonl":
        lines = [json.loads(line) for line in out.splitlines()]
        return {line["file"]: line["message"] for line in lines if line.get("kind") == "unread"}
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        return {row["file"]: row["message"] for row in rows if not row["rule"]}
    if fmt == "github":
        lines = [line for line in out.splitlines() if ",title=file not read::" in line]
        return {line.split("file=")[1].split(",")[0]: line.split("::")[2] for line in lines}
    assert fmt == "gitlab"
    issues = json.loads(out)
    return {
        issue["location"]["path"]: issue["description"]
        for issue in issues
        if issue["check_name"] == "unread-file"
    }


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "github", "gitlab"])
def test_every_machine_format_names_the_files_it_could_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "good.csv").write_text(HEADER + ROWS, encoding="utf-8")
    (tmp_path / "ci" / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "ci" / "header-only.csv").write_text(HEADER, encoding="utf-8")
    code, out, stderr = _check("ci", "-f", fmt)
    assert code == 2
    assert _unread(fmt, out) == {
        "ci/empty.csv": "ci/empty.csv: is empty",
        "ci/header-only.csv": "ci/header-only.csv: has a header but no procedure rows",
    }
    assert "procaudit: error: ci/empty.csv: is empty" in stderr


def test_gitlab_unread_issues_follow_the_code_quality_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("", encoding="utf-8")
    (tmp_path / "b.csv").write_text("", encoding="utf-8")
    code, out, _ = _check("a.csv", "b.csv", "-f", "gitlab")
    issues = json.loads(out)
    assert code == 2 and len(issues) == 2
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["lines"] == {"begin": 1}
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


# --- one name for a file in every format -----------------------------------------------------

FORMATS = ["json", "jsonl", "csv", "github", "gitlab", "sarif", "junit", "markdown", "html"]


def _paths(fmt: str, out: str) -> set[str]:
    """The file paths a report names its findings by."""
    if fmt == "json":
        return {f["file"] for f in json.loads(out)["findings"]}
    if fmt == "jsonl":
        return {json.loads(line)["file"] for line in out.splitlines()}
    if fmt == "csv":
        return {row["file"] for row in csv.DictReader(io.StringIO(out, newline=""))}
    if fmt == "github":
        return {line.split("file=")[1].split(",")[0] for line in out.splitlines()}
    if fmt == "gitlab":
        return {issue["location"]["path"] for issue in json.loads(out)}
    if fmt == "sarif":
        run = json.loads(out)["runs"][0]
        locations = [
            r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]
        ]
        assert all(location.get("uriBaseId") == "%SRCROOT%" for location in locations)
        return {unquote(location["uri"]) for location in locations}
    if fmt == "junit":
        return {suite.get("name") for suite in ET.fromstring(out).iter("testsuite")}
    if fmt == "markdown":
        return {line.split(" | ")[0][2:] for line in out.splitlines() if line.startswith("| ci/")}
    assert fmt == "html"
    return {word for word in ("ci/a.csv", "ci/b.csv") if word in out}


@pytest.mark.parametrize("fmt", FORMATS)
def test_paths_under_the_current_folder_are_relative_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ci").mkdir()
    for name in ("a.csv", "b.csv"):
        (tmp_path / "ci" / name).write_text(HEADER + ROWS, encoding="utf-8")
    code, out, _ = _check(str(tmp_path / "ci" / "a.csv"), "ci/../ci//b.csv", "-f", fmt)
    assert code == 1
    assert _paths(fmt, out) == {"ci/a.csv", "ci/b.csv"}
    assert str(tmp_path) not in out and "ci/../" not in out and "ci//" not in out


def test_a_file_outside_the_current_folder_is_named_by_its_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "run").mkdir()
    (tmp_path / "data" / "a.csv").write_text(HEADER + ROWS, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "run")
    _, out, _ = _check("../data/a.csv", "-f", "json")
    assert {f["file"] for f in json.loads(out)["findings"]} == {str(tmp_path / "data" / "a.csv")}
    _, out, _ = _check("../data/a.csv", "-f", "sarif")
    location = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": (tmp_path / "data" / "a.csv").as_uri()}


# --- a list with a header and no procedure ---------------------------------------------------


def _workbook(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


HEADER_CELLS = ["Mã TTHC", "Tên thủ tục", "Cấp thực hiện"]


def test_a_list_with_a_header_and_no_procedure_is_unreadable_input(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text(HEADER, encoding="utf-8")
    _workbook(tmp_path / "h.xlsx", {"Danh mục": [["DANH MỤC THỦ TỤC HÀNH CHÍNH"], HEADER_CELLS]})
    for name in ("h.csv", "h.xlsx"):
        sentence = f"{tmp_path / name}: has a header but no procedure rows"
        code, out, stderr = _check(str(tmp_path / name), "-f", "json")
        assert code == 2, name
        assert stderr.strip() == f"procaudit: error: {sentence}"
        report = json.loads(out)
        assert report["files"] == [] and report["findings"] == []
        assert report["unread"] == [{"path": str(tmp_path / name), "message": sentence}]


def test_a_workbook_with_an_empty_list_beside_a_full_one_is_read(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "two.xlsx",
        {
            "Cấp tỉnh": [HEADER_CELLS],  # nothing at this level yet
            "Cấp xã": [HEADER_CELLS, ["1.00123", "Đăng ký khai sinh", "Cấp xã"]],  # PA101
        },
    )
    code, out, _ = _check(str(path), "-f", "json")
    report = json.loads(out)
    assert code == 1 and report["unread"] == []
    assert [(f["rule"], f["sheet"]) for f in report["findings"]] == [("PA101", "Cấp xã")]
