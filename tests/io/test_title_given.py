"""A list of one level, or of one status, says so in its title or its sheet's name, and a
workbook kept as a sheet per unit names each sheet after its unit: where no column and no
section gives a level (a status, a unit), its rows take that one."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import write_workbook
from procaudit.cli import app
from procaudit.io.grid import text_grid
from procaudit.io.read import read_grid

HEADER = ["STT", "Mã TTHC", "Tên thủ tục"]
ROWS = [["1", "1.001193", "Đăng ký khai sinh"], ["2", "1.000894", "Đăng ký kết hôn"]]
COMMUNE_LIST = "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ"
QUOTING = "(Kèm theo Quyết định số 1890/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh)"


def _levels(rows: list[list[str]], sheet: str | None = None) -> tuple[list[str | None], str | None]:
    (table,) = read_grid("annex.xlsx", text_grid(sheet, rows)).tables
    levels = (
        table.frame["level"] if "level" in table.frame else pd.Series([None] * len(table.frame))
    )
    return [None if pd.isna(level) else level for level in levels], table.account.given.get("level")


@pytest.mark.parametrize(
    ("rows", "sheet", "levels", "given"),
    [
        ([[COMMUNE_LIST, "", ""], HEADER, *ROWS], None, ["Cấp xã"] * 2, "Cấp xã"),
        ([HEADER, *ROWS], "TTHC cấp tỉnh", ["Cấp tỉnh"] * 2, "Cấp tỉnh"),
        # The title says more than one level: none is taken.
        ([["DANH MỤC TTHC CẤP TỈNH VÀ CẤP XÃ", "", ""], HEADER, *ROWS], None, [None] * 2, None),
        # "ỦY BAN NHÂN DÂN TỈNH" names the province, not a level.
        ([["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "", ""], HEADER, *ROWS], "Sheet1", [None] * 2, None),
        # A letterhead without the name ("ỦY BAN NHÂN DÂN TỈNH", a template's) names the
        # issuer of a list of commune procedures as well: no level.
        (
            [
                ["ỦY BAN NHÂN DÂN TỈNH", "", ""],
                ["DANH MỤC THỦ TỤC HÀNH CHÍNH", "", ""],
                HEADER,
                *ROWS,
            ],
            "Sheet1",
            [None] * 2,
            None,
        ),
        ([["UBND TỈNH\nDANH MỤC TTHC", "", ""], HEADER, *ROWS], "Sheet1", [None] * 2, None),
        (
            [["ỦY BAN NHÂN DÂN TỈNH", "", ""], [COMMUNE_LIST, "", ""], HEADER, *ROWS],
            None,
            ["Cấp xã"] * 2,
            "Cấp xã",
        ),
        # A row's own level, or a level section, wins.
        (
            [[COMMUNE_LIST, "", "", ""], [*HEADER, "Cấp thực hiện"], [*ROWS[0], "Cấp tỉnh"]],
            None,
            ["Cấp tỉnh"],
            None,
        ),
        (
            [[COMMUNE_LIST, "", ""], HEADER, ["A", "THỦ TỤC CẤP TỈNH", ""], *ROWS],
            None,
            ["Cấp tỉnh"] * 2,
            None,
        ),
        # Rows above the first level section take the title's level; those under it, its.
        (
            [
                ["B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN", "", ""],
                HEADER,
                ROWS[0],
                ["C", "THỦ TỤC CẤP XÃ", ""],
                ROWS[1],
            ],
            None,
            ["Cấp huyện", "Cấp xã"],
            "Cấp huyện",
        ),
        (
            [[COMMUNE_LIST, "", ""], HEADER, ["I", "Lĩnh vực Hộ tịch", ""], *ROWS],
            None,
            ["Cấp xã"] * 2,
            "Cấp xã",
        ),
        # The line quoting the decision names who issued it, not the level of its list.
        ([[QUOTING, "", ""], HEADER, *ROWS], "Sheet1", [None] * 2, None),
        (
            [["DANH MỤC THỦ TỤC HÀNH CHÍNH", "", ""], [QUOTING.strip("()"), "", ""], HEADER, *ROWS],
            "Sheet1",
            [None] * 2,
            None,
        ),
        (
            [[COMMUNE_LIST, "", ""], [QUOTING, "", ""], HEADER, *ROWS],
            None,
            ["Cấp xã"] * 2,
            "Cấp xã",
        ),
        (
            [[f"DANH MỤC TTHC CẤP XÃ {QUOTING}", "", ""], HEADER, *ROWS],
            None,
            ["Cấp xã"] * 2,
            "Cấp xã",
        ),
    ],
    ids=[
        "title",
        "sheet's name",
        "two levels",
        "a province's name",
        "a letterhead",
        "a letterhead's line",
        "a letterhead over a commune title",
        "own level",
        "a section",
        "rows above a level section",
        "a field's section",
        "the issuer of the decision",
        "the issuer, unbracketed",
        "the issuer under a commune title",
        "the issuer after a commune title",
    ],
)
def test_the_level_a_title_gives(
    rows: list[list[str]], sheet: str | None, levels: list[str | None], given: str | None
) -> None:
    assert _levels(rows, sheet) == (levels, given)


def test_a_district_list_by_its_title_is_one_finding(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP HUYỆN"])
    sheet.append(HEADER)
    for n in range(25):
        sheet.append([n + 1, f"1.{n:06d}", f"Thủ tục số {n}"])
    path = tmp_path / "huyen.xlsx"
    workbook.save(path)
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--select", "PA501"])
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["column"], finding["rows"]) == ("level", 25)
    shown = CliRunner().invoke(app, ["inspect", str(path)]).stdout
    assert "level: 'Cấp huyện' where a row gives none, as the title or the sheet's name" in shown


def _online(rows: list[list[str]]) -> tuple[list[str | None], str | None]:
    (table,) = read_grid("dvctt.xlsx", text_grid(None, rows)).tables
    frame = table.frame
    levels = frame["online_level"] if "online_level" in frame else pd.Series([None] * len(frame))
    return [None if pd.isna(s) else s for s in levels], table.account.given.get("online_level")


FULLY_ONLINE_LIST = "DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH"


@pytest.mark.parametrize(
    ("rows", "levels", "given"),
    [
        ([["Phụ lục I", "", ""], [FULLY_ONLINE_LIST, "", ""], HEADER, *ROWS], ["Toàn trình"] * 2,
         "Toàn trình"),
        # A list of both levels gives none; of the procedures not yet fully online, that.
        ([["DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH, MỘT PHẦN", "", ""], HEADER, *ROWS],
         [None] * 2, None),
        ([["DANH MỤC TTHC CHƯA ĐỦ ĐIỀU KIỆN CUNG CẤP DVC TRỰC TUYẾN TOÀN TRÌNH", "", ""], HEADER,
          *ROWS], ["Chưa toàn trình"] * 2, "Chưa toàn trình"),
        # A row's own level wins; the next list's title, a part of the sheet, gives its own.
        ([[FULLY_ONLINE_LIST, "", "", ""], [*HEADER, "Mức độ DVC"], [*ROWS[0], "Một phần"]],
         ["Một phần"], None),
        # A line counting a part of the list says nothing of each row.
        ([["DANH MỤC TTHC CẤP XÃ", "", ""], ["Tổng số 120 TTHC, trong đó 40 DVC trực tuyến một "
          "phần", "", ""], HEADER, *ROWS], [None] * 2, None),
        ([[FULLY_ONLINE_LIST, "", ""], HEADER, ROWS[0], ["", "", ""],
          ["DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN MỘT PHẦN", "", ""], HEADER, ROWS[1]],
         ["Toàn trình", "Một phần"], "Toàn trình"),
    ],
    ids=["title", "both levels", "not yet", "own level", "a count", "two lists on a sheet"],
)  # fmt: skip
def test_the_online_level_a_title_gives(
    rows: list[list[str]], levels: list[str | None], given: str | None
) -> None:
    assert _online(rows) == (levels, given)


@pytest.mark.parametrize(
    ("sheets", "share"),
    [
        # A list chosen by its level says nothing of the share fully online: PA505 says so
        # among the rules not checked, and gives no finding.
        ({"Một phần": [HEADER, *ROWS]}, None),
        ({"Toàn trình": [HEADER, *ROWS]}, None),
        # A sheet per level is the whole list: its share is counted.
        ({"Toàn trình": [HEADER, ROWS[0]], "Một phần": [HEADER, ROWS[1]]}, "1 of 2"),
    ],
    ids=["partly online only", "fully online only", "a sheet per level"],
)
def test_a_list_of_one_level_by_its_title_gives_no_share(
    tmp_path: Path, sheets: dict[str, list[list[str]]], share: str | None
) -> None:
    path = write_workbook(tmp_path / "dvctt.xlsx", sheets)
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--select", "PA505"])
    found = json.loads(result.stdout)["findings"]
    assert [f["message"].split(" procedures")[0] for f in found] == ([share] if share else [])
    said = "a list of one level says nothing of the share fully online" in result.stderr
    assert said == (share is None)


@pytest.mark.parametrize(
    ("sheet", "given"),
    [("DVC toàn trình", "Toàn trình"), ("Một phần", "Một phần"), (" Toàn trình ", "Toàn trình"),
     ("Toàn trình 2025", None), ("Sheet1", None)],
)  # fmt: skip
def test_the_online_level_a_sheet_s_name_gives(sheet: str, given: str | None) -> None:
    (table,) = read_grid("dvctt.xlsx", text_grid(sheet, [HEADER, *ROWS])).tables
    assert table.account.given.get("online_level") == given


def _statuses(
    rows: list[list[str]], sheet: str | None = None
) -> tuple[list[str | None], str | None]:
    (table,) = read_grid("annex.xlsx", text_grid(sheet, rows)).tables
    statuses = (
        table.frame["status"] if "status" in table.frame else pd.Series([None] * len(table.frame))
    )
    return [None if pd.isna(s) else s for s in statuses], table.account.given.get("status")


ABOLISHED_LIST = (
    "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP HUYỆN"
)


@pytest.mark.parametrize(
    ("rows", "sheet", "statuses", "given"),
    [
        (
            [["PHỤ LỤC II", "", ""], [ABOLISHED_LIST, "", ""], HEADER, *ROWS],
            None,
            ["Bãi bỏ"] * 2,
            "Bãi bỏ",
        ),
        ([HEADER, *ROWS], "TTHC sửa đổi, bổ sung", ["Sửa đổi, bổ sung"] * 2, "Sửa đổi, bổ sung"),
        # The title names several statuses: none is taken.
        (
            [["DANH MỤC TTHC MỚI BAN HÀNH, SỬA ĐỔI, BỔ SUNG VÀ BỊ BÃI BỎ", "", ""], HEADER, *ROWS],
            None,
            [None] * 2,
            None,
        ),
        ([[COMMUNE_LIST, "", ""], HEADER, *ROWS], None, [None] * 2, None),
        # A row's own status, the name's header or a status section wins.
        (
            [[ABOLISHED_LIST, "", "", ""], [*HEADER, "Tình trạng"], [*ROWS[0], "Còn hiệu lực"]],
            None,
            ["Còn hiệu lực"],
            None,
        ),
        (
            [[ABOLISHED_LIST, "", ""], ["STT", "Mã TTHC", "Tên TTHC được sửa đổi"], *ROWS],
            None,
            ["Sửa đổi, bổ sung"] * 2,
            None,
        ),
        (
            [[ABOLISHED_LIST, "", ""], HEADER, ["A", "THỦ TỤC MỚI BAN HÀNH", ""], *ROWS],
            None,
            ["Ban hành mới"] * 2,
            None,
        ),
        # The title's line nearest the list says it; the decision's line does not.
        (
            [
                ["DANH MỤC TTHC MỚI BAN HÀNH, SỬA ĐỔI, BỔ SUNG VÀ BỊ BÃI BỎ", "", ""],
                ["3. Danh mục thủ tục hành chính bị bãi bỏ", "", ""],
                HEADER,
                *ROWS,
            ],
            None,
            ["Bãi bỏ"] * 2,
            "Bãi bỏ",
        ),
        (
            [
                [ABOLISHED_LIST, "", ""],
                ["(Kèm theo Quyết định số 12/QĐ-UBND công bố thủ tục mới ban hành)", "", ""],
                HEADER,
                *ROWS,
            ],
            None,
            ["Bãi bỏ"] * 2,
            "Bãi bỏ",
        ),
        # The title's status holds until a part of another status begins.
        (
            [
                ["2. Danh mục thủ tục hành chính được sửa đổi, bổ sung", "", ""],
                HEADER,
                ROWS[0],
                ["3. Danh mục thủ tục hành chính bị bãi bỏ", "", ""],
                ROWS[1],
            ],
            None,
            ["Sửa đổi, bổ sung", "Bãi bỏ"],
            "Sửa đổi, bổ sung",
        ),
    ],
    ids=[
        "title",
        "sheet's name",
        "several",
        "none",
        "own status",
        "name's header",
        "a section",
        "nearest line",
        "decision's line",
        "until a section",
    ],
)
def test_the_status_a_title_gives(
    rows: list[list[str]], sheet: str | None, statuses: list[str | None], given: str | None
) -> None:
    assert _statuses(rows, sheet) == (statuses, given)


def test_an_annex_of_abolished_district_procedures_is_no_district_finding(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([ABOLISHED_LIST])
    sheet.append([*HEADER, "Cơ quan thực hiện"])
    for n in range(5):
        sheet.append(
            [n + 1, f"1.{n:06d}", f"Thủ tục số {n} (thực hiện tại cấp huyện)", "UBND cấp huyện"]
        )
    path = tmp_path / "bai-bo.xlsx"
    workbook.save(path)
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    assert json.loads(result.stdout)["findings"] == []
    shown = CliRunner().invoke(app, ["inspect", str(path)], env={"COLUMNS": "200"}).stdout
    assert "status: 'Bãi bỏ' where a row gives none, as the title or the sheet's name says" in shown


UNIT_ROWS = [["STT", "Mã TTHC", "Tên thủ tục"], *ROWS]


@pytest.mark.parametrize(
    ("rows", "sheet", "units"),
    [
        (UNIT_ROWS, "UBND xã Tân Lập", ["UBND xã Tân Lập"] * 2),
        (UNIT_ROWS, "Sở Tư pháp", ["Sở Tư pháp"] * 2),
        # A sheet named after a level, a part or nothing in particular names no unit.
        (UNIT_ROWS, "TTHC cấp tỉnh", [None] * 2),
        (UNIT_ROWS, "Phụ lục I", [None] * 2),
        (UNIT_ROWS, "Sheet1", [None] * 2),
        # An agency column, or units heading their blocks, win.
        ([[*UNIT_ROWS[0], "Cơ quan thực hiện"], [*ROWS[0], "Sở Y tế"]], "Sở Tư pháp", ["Sở Y tế"]),
        ([UNIT_ROWS[0], ["Sở Y tế", "", ""], *ROWS], "Sở Tư pháp", ["Sở Y tế"] * 2),
    ],
    ids=["a commune", "a department", "a level", "a part", "none", "agency column", "headings"],
)
def test_the_unit_a_sheets_name_gives(
    rows: list[list[str]], sheet: str, units: list[str | None]
) -> None:
    (table,) = read_grid("units.xlsx", text_grid(sheet, rows)).tables
    agencies = table.frame["agency"] if "agency" in table.frame else [None] * len(table.frame)
    assert [None if pd.isna(a) else a for a in agencies] == units


def test_a_sheet_per_unit_checks_each_sheets_unit(tmp_path: Path) -> None:
    rows: list[list[object]] = [list(row) for row in UNIT_ROWS]
    path = write_workbook(
        tmp_path / "units.xlsx", {"UBND xã Tân Lập": rows, "UBND huyện Phù Ninh": rows}
    )
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--select", "PA501"])
    found = [(f["sheet"], f["row"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("UBND huyện Phù Ninh", None, "agency")]  # once, for the sheet
    shown = CliRunner().invoke(app, ["inspect", str(path)], env={"COLUMNS": "200"}).stdout
    assert "unit: 'UBND xã Tân Lập' where a row gives none, as the sheet's name says" in shown


def _decisions(rows: list[list[str]]) -> tuple[list[str | None], str | None]:
    (table,) = read_grid("annex.xlsx", text_grid(None, rows)).tables
    frame = table.frame
    numbers = frame["decision_no"] if "decision_no" in frame else pd.Series([None] * len(frame))
    return [None if pd.isna(n) else n for n in numbers], table.account.given.get("decision_no")


ATTACHED = "(Kèm theo Quyết định số 2210/QĐ-UBND ngày 20/8/2025 của Chủ tịch UBND tỉnh)"
WITH_DECISIONS = [*HEADER, "Quyết định công bố"]


@pytest.mark.parametrize(
    ("rows", "numbers", "given"),
    [
        # A decision column empty in every row: the list's procedures were announced by the
        # decision its title says it is attached to.
        ([[COMMUNE_LIST, "", "", ""], [ATTACHED, "", "", ""], WITH_DECISIONS,
          [*ROWS[0], ""], [*ROWS[1], ""]], ["2210/QĐ-UBND"] * 2, "2210/QĐ-UBND"),
        ([["BAN HÀNH KÈM THEO QĐ SỐ 12/QĐ-BTP", "", "", ""], WITH_DECISIONS, [*ROWS[0], ""]],
         ["12/QĐ-BTP"], "12/QĐ-BTP"),
        # No decision column: the title's decision is the list's, as a title's level is.
        ([[ATTACHED, "", ""], HEADER, ROWS[0], ROWS[1]], ["2210/QĐ-UBND"] * 2, "2210/QĐ-UBND"),
        ([[COMMUNE_LIST, "", ""], HEADER, ROWS[0]], [None], None),
        # A column some row fills: an empty cell is that row's gap, not the title's.
        ([[ATTACHED, "", "", ""], WITH_DECISIONS, [*ROWS[0], "1890/QĐ-UBND"], [*ROWS[1], ""]],
         ["1890/QĐ-UBND", None], None),
        # A draft's blank number, two decisions, a replaced list's decision: none given.
        ([["(Kèm theo Quyết định số     /QĐ-UBND ngày   tháng   năm 2025)", "", "", ""],
          WITH_DECISIONS, [*ROWS[0], ""]], [None], None),
        ([["(Kèm theo Quyết định số 12/QĐ-UBND và Quyết định số 15/QĐ-UBND)", "", "", ""],
          WITH_DECISIONS, [*ROWS[0], ""]], [None], None),
        ([["THAY THẾ DANH MỤC ĐÃ CÔNG BỐ TẠI QUYẾT ĐỊNH SỐ 3344/QĐ-UBND", "", "", ""],
          WITH_DECISIONS, [*ROWS[0], ""]], [None], None),
    ],
    ids=[
        "attached", "upper case, QĐ", "no column", "no column, no decision", "a column filled",
        "draft", "two", "replaced",
    ],
)  # fmt: skip
def test_the_decision_a_title_gives_an_empty_or_missing_column(
    rows: list[list[str]], numbers: list[str | None], given: str | None
) -> None:
    assert _decisions(rows) == (numbers, given)


def test_check_and_inspect_take_the_decision_a_title_gives(tmp_path: Path) -> None:
    """No decision column, the title attached to one: no 'Not checked PA401' note, and
    inspect says where the decision came from."""
    rows: list[list[object]] = [[ATTACHED, "", ""], HEADER, *ROWS]
    path = write_workbook(tmp_path / "annex.xlsx", {"Phụ lục": rows})
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    [row] = json.loads(result.stdout)["scorecard"]["rows"]
    assert (row["published"], row["published_share"]) == (2, 1.0)
    shown = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"}).stdout
    assert "Not checked" in shown and "PA401" not in shown  # PA403 has no date to read
    shown = CliRunner().invoke(app, ["inspect", str(path)], env={"COLUMNS": "200"}).stdout
    assert "decision_no: '2210/QĐ-UBND' where a row gives none, as the title's" in shown


# A second part under a header of its own (no code column): "B. … MỚI BAN HÀNH".
PART_B = [["B. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH", "", ""], ["STT", "Tên thủ tục", ""],
          ["1", "Đăng ký giám hộ", ""]]  # fmt: skip
OTHER = "(Kèm theo Quyết định số 15/QĐ-UBND ngày 01/9/2025)"
PARTS_CASES = {
    # The annex's title names the decision of every part under it.
    "title over part A, part B has none": (
        [[ATTACHED, "", ""], ["A. SỬA ĐỔI", "", ""], HEADER, *ROWS, *PART_B],
        ([["2210/QĐ-UBND"] * 2, ["2210/QĐ-UBND"]], ["2210/QĐ-UBND", "2210/QĐ-UBND"]),
    ),
    # A part whose own title quotes a decision keeps it.
    "part B quotes its own": (
        [[ATTACHED, "", ""], HEADER, *ROWS, PART_B[0], [OTHER, "", ""], *PART_B[1:]],
        ([["2210/QĐ-UBND"] * 2, ["15/QĐ-UBND"]], ["2210/QĐ-UBND", "15/QĐ-UBND"]),
    ),
    # Nor a title quoting two (none given) is replaced by the sheet's.
    "part B quotes two": (
        [[ATTACHED, "", ""], HEADER, *ROWS, PART_B[0],
         ["(Kèm theo Quyết định số 12/QĐ-UBND và Quyết định số 15/QĐ-UBND)", "", ""],
         *PART_B[1:]],
        ([["2210/QĐ-UBND"] * 2, [None]], ["2210/QĐ-UBND", None]),
    ),
    "no title decision": (
        [[COMMUNE_LIST, "", ""], HEADER, *ROWS, *PART_B],
        ([[None, None], [None]], [None, None]),
    ),
}  # fmt: skip


@pytest.mark.parametrize(("rows", "expected"), PARTS_CASES.values(), ids=PARTS_CASES.keys())
def test_the_title_gives_its_decision_to_every_part_of_the_sheet(
    rows: list[list[str]], expected: tuple[list[list[str | None]], list[str | None]]
) -> None:
    tables = read_grid("annex.xlsx", text_grid(None, rows)).tables
    numbers = [
        [
            None if pd.isna(n) else n
            for n in table.frame.get("decision_no", [None] * len(table.frame))
        ]
        for table in tables
    ]
    assert (numbers, [table.account.given.get("decision_no") for table in tables]) == expected


def test_check_notes_no_unchecked_decision_in_a_later_part(tmp_path: Path) -> None:
    """Part B under the title of part A: no 'Not checked PA401' note for its header."""
    rows: list[list[object]] = [[ATTACHED, "", ""], HEADER, *ROWS, *PART_B]
    path = write_workbook(tmp_path / "annex.xlsx", {"Phụ lục": rows})
    shown = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"}).stdout
    assert "PA101, PA102" in shown and "PA401" not in shown  # part B has no code column
