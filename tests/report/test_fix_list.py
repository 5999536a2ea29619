"""The fix-list: one row per finding, cell references, colours, offending rows, no formulas."""

from __future__ import annotations

import csv
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from procaudit.core.errors import UsageError
from procaudit.core.findings import AuditResult, Severity
from procaudit.engine.audit import audit
from procaudit.report import fixlist, fixlist_sources
from procaudit.report.fixlist import (
    FINDINGS_SHEET,
    HEADINGS,
    ROWS_SHEET,
    SEVERITY_FILLS,
    neutralise,
    write_fix_list,
)

HYPERLINK = '=HYPERLINK("http://x","y")'
HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực", "Cơ quan thực hiện"]
CELL = HEADINGS.index("Ô / Cell")
ROW = HEADINGS.index("Dòng / Row")
RULE = HEADINGS.index("Quy tắc / Rule")
SEVERITY = HEADINGS.index("Mức độ / Severity")
NAME = HEADINGS.index("Tên thủ tục / Procedure")
VALUE = HEADINGS.index("Giá trị hiện tại / Current value")


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """Rows 2-5 of sheet DS: a shared code (B2, B3), a bad code (B4), no name (C4), district
    level and agency (D4, F4), and a district agency (F5) on the row named by a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "DS"
    sheet.append(HEADER)
    sheet.append([1, "1.001234", "Cấp giấy phép xây dựng", "Tỉnh", "Xây dựng", "Sở Xây dựng"])
    sheet.append([2, "1.001234", "Đăng ký kết hôn", "Xã", "Hộ tịch", "UBND xã"])
    sheet.append([3, "XYZ", None, "Huyện", "Đất đai", "UBND huyện"])
    sheet.append([4, "2.000001", "placeholder", "Tỉnh", "Y tế", "UBND huyện"])
    cell = sheet.cell(5, 3)
    cell.value = HYPERLINK
    cell.data_type = "s"  # a string in the source, which must stay one in the fix-list
    path = tmp_path / "cat.xlsx"
    workbook.save(path)
    return path


@pytest.fixture
def result(catalogue: Path) -> AuditResult:
    found = audit([str(catalogue)])
    assert not found.failures
    return found


def _rows(path: Path, title: str) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path)[title]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _where(rows: list[list[object]]) -> set[tuple[object, object]]:
    return {(row[RULE], row[CELL]) for row in rows[1:]}


def test_one_row_per_finding_with_cell_references(result: AuditResult, tmp_path: Path) -> None:
    out = tmp_path / "fix.xlsx"
    write_fix_list(result, out)
    rows = _rows(out, FINDINGS_SHEET)
    assert rows[0] == list(HEADINGS)
    assert len(rows) == len(result.findings) + 1
    assert {
        ("PA202", "B2"),
        ("PA202", "B3"),
        ("PA101", "B4"),
        ("PA103", "C4"),
        ("PA501", "D4"),
        ("PA501", "F4"),
        ("PA501", "F5"),
    } <= _where(rows)
    by_cell = {row[CELL]: row for row in rows[1:]}
    assert by_cell["B3"][NAME] == "Đăng ký kết hôn"  # looked up from the catalogue row
    assert by_cell["F4"][VALUE] == "UBND huyện"
    assert rows[1][-2:] == [None, None]  # assignee and status left for the official


def test_the_status_column_offers_the_worklist_states(result: AuditResult, tmp_path: Path) -> None:
    """The official picks a state from a drop-down (and may still type another): the
    worklist is filtered on it."""
    out = tmp_path / "fix.xlsx"
    write_fix_list(result, out)
    sheet = openpyxl.load_workbook(out)[FINDINGS_SHEET]
    [drop_down] = sheet.data_validations.dataValidation
    rows = len(result.findings) + 1
    assert str(drop_down.sqref) == f"M2:M{rows}"  # the Status column, every finding's row
    assert sheet.cell(1, 13).value == "Trạng thái / Status"
    assert drop_down.type == "list" and not drop_down.showErrorMessage
    assert drop_down.formula1.strip('"').split(",") == [
        "Chưa sửa / To do",
        "Đang sửa / In progress",
        "Đã sửa / Fixed",
        "Không sửa / Won't fix",
    ]


def test_formula_text_stays_text(result: AuditResult, tmp_path: Path) -> None:
    out = tmp_path / "fix.xlsx"
    write_fix_list(result, out)
    workbook = openpyxl.load_workbook(out)
    names = [
        c
        for row in workbook[FINDINGS_SHEET].iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    copied = [
        c
        for row in workbook[ROWS_SHEET].iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert names and copied
    for cell in names + copied:
        assert cell.value == "'" + HYPERLINK
        assert cell.data_type == "s"


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+84 912", "'+84 912"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =cmd", "'  =cmd"),
        ("\t=cmd", "'\t=cmd"),
        ("\rtext", "'\rtext"),
        ("Sở Y tế", "Sở Y tế"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(text: str, safe: str) -> None:
    assert neutralise(text) == safe


def test_layout_and_severity_fills(result: AuditResult, tmp_path: Path) -> None:
    first = result.findings[0]
    extra = (
        first._replace(severity=Severity.WARNING, rule="PA900", row=3),
        first._replace(severity=Severity.INFO, rule="PA901", row=None, column=None, sheet=None),
    )
    out = tmp_path / "fix.xlsx"
    write_fix_list(replace(result, findings=result.findings + extra), out)
    sheet = openpyxl.load_workbook(out)[FINDINGS_SHEET]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{len(result.findings) + 3}"
    assert sheet.column_dimensions["H"].width > sheet.column_dimensions["C"].width
    colours = {}
    for row in sheet.iter_rows(min_row=2):
        colours[row[SEVERITY].value] = row[SEVERITY].fill.fgColor.rgb
        if row[RULE].value == "PA901":
            assert row[CELL].value is None  # a file-level finding has no cell
    for severity in Severity:
        assert colours[severity.value].endswith(SEVERITY_FILLS[severity].fgColor.rgb[-6:])
    assert len(set(colours.values())) == 3


def test_offending_rows_sheet(result: AuditResult, tmp_path: Path) -> None:
    out = tmp_path / "fix.xlsx"
    write_fix_list(result, out)
    sheet = openpyxl.load_workbook(out)[ROWS_SHEET]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Tệp / File", "Trang tính / Sheet", "Dòng / Row", *HEADER[1:]]
    assert [row[2] for row in rows[1:]] == [2, 3, 4, 5]
    assert rows[1][3:] == ["1.001234", "Cấp giấy phép xây dựng", "Tỉnh", "Xây dựng", "Sở Xây dựng"]
    # File, sheet and row come first, so source columns B-F (STT is not copied) are D-H:
    # row 4's code (D), name (E), level (F) and agency (H) are the offending cells.
    marked = {
        cell.coordinate: cell.comment.text
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if cell.comment
    }
    assert set(marked) == {"D2", "D3", "D4", "E4", "F4", "H4", "H5"}
    assert marked["E4"].startswith("PA103: ")
    assert "PA501" in marked["H5"]
    assert sheet["D4"].fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet["G4"].fill.fgColor.rgb != sheet["D4"].fill.fgColor.rgb


def test_csv_fix_list(result: AuditResult, tmp_path: Path) -> None:
    out = tmp_path / "fix.csv"
    write_fix_list(result, out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == list(HEADINGS)
    assert len(rows) == len(result.findings) + 1
    assert ("PA103", "C4") in _where(rows)
    assert ("PA501", "F5") in _where(rows)
    assert "'" + HYPERLINK in [row[NAME] for row in rows]
    assert {row[ROW] for row in rows[1:] if row[CELL] == "C4"} == {"4"}


def test_csv_source_gives_column_letters(tmp_path: Path) -> None:
    source = tmp_path / "cat.csv"
    source.write_text(
        "STT,Mã TTHC,Tên thủ tục\n1,1.000001,Cấp phép\n2,ABC,Đăng ký\n", encoding="utf-8"
    )
    out = tmp_path / "fix.csv"
    write_fix_list(audit([str(source)]), out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert ("PA101", "B3") in _where(rows)


def test_a_date_written_beside_its_decision_points_at_the_decisions_cell(tmp_path: Path) -> None:
    """The date split from "1890/QĐ-UBND ngày 32/13/2025" has no column of its own: its
    finding points at the cell that holds it."""
    source = tmp_path / "cat.csv"
    source.write_text(
        "Mã TTHC,Tên thủ tục,Số quyết định\n"
        "1.000001,Cấp phép,1890/QĐ-UBND ngày 15/8/2025\n"
        "1.000002,Đăng ký,1890/QĐ-UBND ngày 32/13/2025\n",
        encoding="utf-8",
    )
    out = tmp_path / "fix.csv"
    write_fix_list(audit([str(source)]), out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert ("PA403", "C3") in _where(rows)


MESSAGE = HEADINGS.index("Nội dung / Message")
UNHIDE = "The row is hidden in the workbook: unhide it to see it."


def test_a_finding_on_a_hidden_row_says_so(catalogue: Path, tmp_path: Path) -> None:
    """An official sent to row 4, hidden (or grouped and collapsed, or filtered out), saw rows
    3 and 5 side by side and took the finding for a mistake."""
    workbook = openpyxl.load_workbook(catalogue)
    workbook["DS"].row_dimensions[4].hidden = True
    workbook.save(catalogue)
    out = tmp_path / "fix.xlsx"
    write_fix_list(audit([str(catalogue)]), out)
    rows = _rows(out, FINDINGS_SHEET)[1:]
    said = {row[ROW]: row[MESSAGE].endswith(UNHIDE) for row in rows}
    assert said[4] and not said[5] and not said[2]
    assert all(row[MESSAGE].count(UNHIDE) <= 1 for row in rows)


def test_unknown_suffix(result: AuditResult, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.xlsx or \.csv"):
        write_fix_list(result, tmp_path / "fix.json")
    assert list(tmp_path.iterdir()) == [tmp_path / "cat.xlsx"]


def test_no_temporary_file_left(result: AuditResult, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    write_fix_list(result, out_dir / "fix.xlsx")
    write_fix_list(result, out_dir / "fix.csv")
    assert sorted(p.name for p in out_dir.iterdir()) == ["fix.csv", "fix.xlsx"]


def test_failed_write_leaves_nothing(
    result: AuditResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "fix.csv").write_text("yesterday's list", encoding="utf-8")

    def half_written(stream, findings, sources, statuses) -> None:  # type: ignore[no-untyped-def]
        stream.write(b"Tep,")
        raise OSError("disk full")

    monkeypatch.setattr(fixlist, "_write_csv", half_written)
    with pytest.raises(OSError, match="disk full"):
        write_fix_list(result, out_dir / "fix.csv")
    assert [p.name for p in out_dir.iterdir()] == ["fix.csv"]
    assert (out_dir / "fix.csv").read_text(encoding="utf-8") == "yesterday's list"


def test_output_is_deterministic(result: AuditResult, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_fix_list(result, first)
    write_fix_list(result, second)
    assert first.read_bytes() == second.read_bytes()
    # Two writes in one second match anyway: check that no clock time went in at all.
    properties = openpyxl.load_workbook(first).properties
    assert properties.created.year == properties.modified.year == 2000
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_cli_writes_the_fix_list_beside_the_report(tmp_path: Path) -> None:
    import json

    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from procaudit.cli import app

    source = tmp_path / "c.csv"
    source.write_text(
        "Mã TTHC,Tên thủ tục,Cấp thực hiện\n1.00123,Đăng ký khai sinh,Cấp huyện\n", encoding="utf-8"
    )
    out = tmp_path / "sua.xlsx"
    result = CliRunner().invoke(app, ["check", str(source), "-f", "json", "--fix-list", str(out)])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    sheet = load_workbook(out).worksheets[0]
    assert sheet.max_row == 1 + len(findings)
    assert {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"A2", "C2"}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_clean_catalogue_gets_a_fix_list_of_headings_alone(tmp_path: Path, suffix: str) -> None:
    from typer.testing import CliRunner

    from procaudit.cli import app

    source = tmp_path / "c.csv"  # one procedure, as it should be: nothing to find
    source.write_text(
        "Mã TTHC,Tên thủ tục,Cấp thực hiện\n1.001193,Đăng ký khai sinh,Cấp xã\n", encoding="utf-8"
    )
    out = tmp_path / f"sua{suffix}"
    result = CliRunner().invoke(app, ["check", str(source), "-q", "--fix-list", str(out)])
    assert (result.exit_code, result.stderr) == (0, "")
    if suffix == ".csv":
        assert len(list(csv.reader(out.open(encoding="utf-8-sig")))) == 1
    else:
        assert openpyxl.load_workbook(out).worksheets[0].max_row == 1


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("sua.txt", "must end in .xlsx or .csv"),
        ("missing/sua.xlsx", "does not exist"),
        ("c.csv", "is one of the files to audit"),
    ],
)
def test_cli_refuses_a_fix_list_it_cannot_write(tmp_path: Path, name: str, words: str) -> None:
    from typer.testing import CliRunner

    from procaudit.cli import app

    source = tmp_path / "c.csv"
    source.write_text("Tên thủ tục\nĐăng ký khai sinh\n", encoding="utf-8")
    before = source.read_bytes()
    result = CliRunner().invoke(app, ["check", str(source), "--fix-list", str(tmp_path / name)])
    assert result.exit_code == 2
    assert words in result.stderr
    assert source.read_bytes() == before


def test_the_workbook_prints_and_sorts(result: AuditResult, tmp_path: Path) -> None:
    """Row numbers are numbers (B10 sorts after B9), every sheet prints landscape, one page
    wide, with its heading on each page, and both sheets keep a frozen, filtered header."""
    out = tmp_path / "fix.xlsx"
    write_fix_list(result, out)
    workbook = openpyxl.load_workbook(out)
    findings, offending = workbook[FINDINGS_SHEET], workbook[ROWS_SHEET]
    (rows,) = findings.iter_cols(min_col=ROW + 1, max_col=ROW + 1, min_row=2)
    located = [cell for cell in rows if cell.value is not None]
    assert located and all(cell.data_type == "n" for cell in located)
    assert {cell.value for cell in located} == {2, 3, 4, 5}
    assert {cell.data_type for cell in offending["C"][1:]} == {"n"}
    for sheet in (findings, offending):
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
    assert offending.freeze_panes == "D2"
    assert offending.auto_filter.ref == "A1:H5"  # file, sheet, row and source columns B-F


def _audit_with_baseline(catalogue: Path, tmp_path: Path, out: str, *more: str) -> list[list]:
    """Record a baseline of the catalogue, add a bad row, and write the fix-list `out`
    of a run against the baseline through the command line."""
    from typer.testing import CliRunner

    from procaudit.cli import app

    runner = CliRunner()
    baseline = tmp_path / "mốc.json"
    recorded = runner.invoke(app, ["check", str(catalogue), "--write-baseline", str(baseline)])
    assert recorded.exit_code == 1, recorded.output
    workbook = openpyxl.load_workbook(catalogue)
    workbook["DS"].append([5, "ABC", "Cấp phép khai thác", "Tỉnh", "Y tế", "Sở Y tế"])
    workbook.save(catalogue)
    args = ["check", str(catalogue), "--baseline", str(baseline), "--fix-list", str(out), *more]
    run = runner.invoke(app, args)
    assert run.exit_code == 1, run.output
    if out.endswith(".csv"):
        with open(out, encoding="utf-8-sig", newline="") as stream:
            return list(csv.reader(stream))
    sheet = openpyxl.load_workbook(out).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("name", "more", "heading", "new", "still"),
    [
        ("fix.xlsx", (), "So với mốc / Baseline", "new", "still present"),
        ("fix.csv", (), "So với mốc / Baseline", "new", "still present"),
        ("sua.xlsx", ("--lang", "vi"), "So với mốc", "mới", "vẫn còn"),
    ],
)
def test_with_a_baseline_each_finding_is_marked_new_or_still_present(
    catalogue: Path,
    tmp_path: Path,
    name: str,
    more: tuple[str, ...],
    heading: str,
    new: str,
    still: str,
) -> None:
    rows = _audit_with_baseline(catalogue, tmp_path, str(tmp_path / name), *more)
    assert rows[0][SEVERITY + 1] == heading  # right after the severity
    assert rows[0][RULE] in ("Quy tắc / Rule", "Quy tắc")
    status = {(row[RULE], row[CELL]): row[SEVERITY + 1] for row in rows[1:]}
    assert status[("PA101", "B6")] == new  # the code of the added row is not a code
    assert status[("PA101", "B4")] == still
    assert set(status.values()) == {new, still}


def test_no_baseline_no_baseline_column(result: AuditResult, tmp_path: Path) -> None:
    out = tmp_path / "fix.csv"
    write_fix_list(result, out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        assert "So với mốc / Baseline" not in next(csv.reader(stream))


def test_rows_come_from_the_catalogues_the_audit_read(
    catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given the catalogues the audit read, the fix-list copies the flagged rows from them and
    reads no file again (at a million rows the second read was most of its cost)."""
    from procaudit.io.read import Catalogue

    read: dict[str, Catalogue] = {}
    found = audit([str(catalogue)], on_read=lambda c: read.__setitem__(c.path, c))
    assert list(read) == [str(catalogue)]

    def no_second_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the fix-list read a file again")

    monkeypatch.setattr(fixlist_sources, "read_catalogue", no_second_read)
    out = tmp_path / "fix.xlsx"
    write_fix_list(found, out, read=read)
    rows = _rows(out, ROWS_SHEET)
    assert [row[2] for row in rows[1:]] == [2, 3, 4, 5]
    assert rows[1][3:] == ["1.001234", "Cấp giấy phép xây dựng", "Tỉnh", "Xây dựng", "Sở Xây dựng"]


def test_check_fix_list_reads_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the CLI: the fix-list's offending rows are there, and no file was read twice."""
    from typer.testing import CliRunner

    from procaudit.cli import app

    source = tmp_path / "c.csv"
    source.write_text(
        "Mã TTHC,Tên thủ tục,Cấp thực hiện\n1.00123,Đăng ký khai sinh,Cấp huyện\n", encoding="utf-8"
    )
    monkeypatch.setattr(fixlist_sources, "read_catalogue", None)  # a second read would fail loudly
    out = tmp_path / "sua.xlsx"
    result = CliRunner().invoke(
        app, ["check", str(source), "-q", "--jobs", "1", "--fix-list", str(out)]
    )
    assert result.exit_code == 1, result.output
    rows = _rows(out, ROWS_SHEET)
    assert [row[2] for row in rows[1:]] == [2]
    assert rows[1][3:5] == ["1.00123", "Đăng ký khai sinh"]
