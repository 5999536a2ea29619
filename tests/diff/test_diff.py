"""`procaudit diff OLD NEW`: matching, the kinds of change, the three formats, the command."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import GOLDEN
from procaudit.cli import app
from procaudit.core.errors import UsageError
from procaudit.core.i18n import speaking
from procaudit.diff.changes import diff_files
from procaudit.diff.model import Change, DiffResult, Location, Version
from procaudit.report.diff.formats import (
    _RENDERERS,
    DiffFormat,
    RenderOptions,
    renderer_for,
    resolve_format,
)
from procaudit.report.diff.labels import notes, place

runner = CliRunner()

HEADERS = {
    "code": "ma_thu_tuc",
    "name": "ten_thu_tuc",
    "level": "cap_thuc_hien",
    "field": "linh_vuc",
    "agency": "co_quan_thuc_hien",
    "time": "thoi_han_giai_quyet",
    "fee": "phi_le_phi",
    "forms": "mau_don_to_khai",
    "decision": "so_quyet_dinh",
    "date": "ngay_cong_bo",
    "status": "tinh_trang",
}
BIRTH = {
    "code": "1.000001",
    "name": "Đăng ký khai sinh",
    "level": "Cấp xã",
    "field": "Hộ tịch",
    "agency": "Ủy ban nhân dân cấp xã",
    "time": "Trong ngày làm việc",
    "fee": "Không",
    "forms": "Tờ khai đăng ký khai sinh",
    "decision": "1890/QĐ-UBND",
    "date": "15/08/2025",
}


def but(**changed: str) -> dict[str, str]:
    """BIRTH with some cells changed ("" empties a cell)."""
    return {**BIRTH, **changed}


def write_csv(
    path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = tuple(HEADERS)
) -> str:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([HEADERS[column] for column in columns])
        writer.writerows([[row.get(column, "") for column in columns] for row in rows])
    return str(path)


def flat(change: Change) -> tuple:
    """A change as the tables below write it: kind, code, old row, new row, and for a pair
    the fields that differ with their old and new values."""
    old_row = change.old_at.row if change.old_at else None
    new_row = change.new_at.row if change.new_at else None
    if change.kind.value in ("added", "removed"):
        return (change.kind.value, change.code, old_row, new_row, {})
    values = {field: (change.old[field], change.new[field]) for field in change.fields}
    return (change.kind.value, change.code, old_row, new_row, values)


def diff_rows(tmp_path: Path, old: list[dict[str, str]], new: list[dict[str, str]]) -> DiffResult:
    return diff_files(write_csv(tmp_path / "old.csv", old), write_csv(tmp_path / "new.csv", new))


NFD_NAME = unicodedata.normalize("NFD", "Đăng ký khai sinh")  # not equal to BIRTH's name

# (old rows, new rows, the changes): one kind of change per case. Rows are numbered from 2,
# under the header.
CASES = {
    "nothing changed": ([BIRTH], [BIRTH], []),
    "added": ([], [BIRTH], [("added", "1.000001", None, 2, {})]),
    "removed": ([BIRTH], [], [("removed", "1.000001", 2, None, {})]),
    "renamed": (
        [BIRTH],
        [but(name="Đăng ký khai sinh có yếu tố nước ngoài")],
        [
            (
                "renamed",
                "1.000001",
                2,
                2,
                {"name": ("Đăng ký khai sinh", "Đăng ký khai sinh có yếu tố nước ngoài")},
            )
        ],
    ),
    "moved level": (
        [but(level="Cấp huyện")],
        [BIRTH],
        [("moved", "1.000001", 2, 2, {"level": ("Cấp huyện", "Cấp xã")})],
    ),
    "moved field": (
        [BIRTH],
        [but(field="Chứng thực")],
        [("moved", "1.000001", 2, 2, {"field": ("Hộ tịch", "Chứng thực")})],
    ),
    "decision number changed": (
        [BIRTH],
        [but(decision="2150/QĐ-UBND")],
        [("changed", "1.000001", 2, 2, {"decision_no": ("1890/QĐ-UBND", "2150/QĐ-UBND")})],
    ),
    "decision date changed": (
        [BIRTH],
        [but(date="01/10/2025")],
        [("changed", "1.000001", 2, 2, {"decision_date": ("15/08/2025", "01/10/2025")})],
    ),
    "forms changed": (
        [BIRTH],
        [but(forms="Tờ khai (Mẫu TP/HT-2020-KS.1)")],
        [
            (
                "changed",
                "1.000001",
                2,
                2,
                {"forms": ("Tờ khai đăng ký khai sinh", "Tờ khai (Mẫu TP/HT-2020-KS.1)")},
            )
        ],
    ),
    "forms emptied": (
        [BIRTH],
        [but(forms="")],
        [("changed", "1.000001", 2, 2, {"forms": ("Tờ khai đăng ký khai sinh", None)})],
    ),
    "time changed": (
        [BIRTH],
        [but(time="03 ngày làm việc")],
        [
            (
                "changed",
                "1.000001",
                2,
                2,
                {"processing_time": ("Trong ngày làm việc", "03 ngày làm việc")},
            )
        ],
    ),
    "agency and fee changed": (
        [BIRTH],
        [but(agency="UBND xã", fee="Lệ phí: 8.000 đồng")],
        [
            (
                "changed",
                "1.000001",
                2,
                2,
                {
                    "agency": ("Ủy ban nhân dân cấp xã", "UBND xã"),
                    "fee": ("Không", "Lệ phí: 8.000 đồng"),
                },
            )
        ],
    ),
    "renamed, moved and changed at once": (
        [BIRTH],
        [but(name="Đăng ký khai sinh lưu động", level="Cấp tỉnh", time="5 ngày")],
        [
            (
                "renamed",
                "1.000001",
                2,
                2,
                {"name": ("Đăng ký khai sinh", "Đăng ký khai sinh lưu động")},
            ),
            ("moved", "1.000001", 2, 2, {"level": ("Cấp xã", "Cấp tỉnh")}),
            ("changed", "1.000001", 2, 2, {"processing_time": ("Trong ngày làm việc", "5 ngày")}),
        ],
    ),
    "no code on either side: matched by name": (
        [but(code="")],
        [but(code="", name="ĐĂNG KÝ KHAI SINH.", time="5 ngày")],
        [("changed", None, 2, 2, {"processing_time": ("Trong ngày làm việc", "5 ngày")})],
    ),
    "a procedure that got its code": (
        [but(code="")],
        [BIRTH],
        [("changed", "1.000001", 2, 2, {"code": (None, "1.000001")})],
    ),
    "renamed without a code: removed and added": (
        [but(code="")],
        [but(code="", name="Đăng ký khai sinh lưu động")],
        [("added", None, None, 2, {}), ("removed", None, 2, None, {})],
    ),
    "a new code under the same name and level is a code change": (
        [BIRTH],
        [but(code="1.000002")],
        [("changed", "1.000002", 2, 2, {"code": ("1.000001", "1.000002")})],
    ),
    "a new code and a new time: one change with both": (
        [BIRTH],
        [but(code="1.000002", time="5 ngày")],
        [
            (
                "changed",
                "1.000002",
                2,
                2,
                {
                    "code": ("1.000001", "1.000002"),
                    "processing_time": ("Trong ngày làm việc", "5 ngày"),
                },
            )
        ],
    ),
    "a new code re-typed in the name is still a code change": (
        [BIRTH],
        [but(code="1.000002", name="ĐĂNG KÝ  KHAI SINH.")],
        [("changed", "1.000002", 2, 2, {"code": ("1.000001", "1.000002")})],
    ),
    "a new code and a new name is another procedure": (
        [BIRTH],
        [but(code="1.000002", name="Đăng ký khai sinh lưu động")],
        [("added", "1.000002", None, 2, {}), ("removed", "1.000001", 2, None, {})],
    ),
    "a new code at another level is another procedure": (
        [BIRTH],
        [but(code="1.000002", level="Cấp tỉnh")],
        [("added", "1.000002", None, 2, {}), ("removed", "1.000001", 2, None, {})],
    ),
    "a new code without a level on one side is another procedure": (
        [BIRTH],
        [but(code="1.000002", level="")],
        [("added", "1.000002", None, 2, {}), ("removed", "1.000001", 2, None, {})],
    ),
    "a code pairs by its code before a name can pair it": (
        [BIRTH, but(code="1.000002")],
        [but(code="1.000002"), but(code="1.000003")],
        [("changed", "1.000003", 2, 3, {"code": ("1.000001", "1.000003")})],
    ),
    "a local code matches its national code": (
        [BIRTH],
        [but(code="1.000001.000.00.00.H29")],
        [
            (
                "changed",
                "1.000001.000.00.00.H29",
                2,
                2,
                {"code": ("1.000001", "1.000001.000.00.00.H29")},
            )
        ],
    ),
    "a code's case and spacing": ([but(code="1.000001.h29")], [but(code=" 1.000001.H29 ")], []),
    "a duplicate code pairs once, the rest is removed": (
        [BIRTH, BIRTH],
        [BIRTH],
        [("removed", "1.000001", 3, None, {})],
    ),
    "a duplicate code keeps each name on its row": (
        [BIRTH, but(name="Đăng ký lại khai sinh")],
        [but(name="Đăng ký lại khai sinh"), BIRTH],
        [],
    ),
    "a duplicate code, one renamed": (
        [BIRTH, but(name="Đăng ký lại khai sinh")],
        [BIRTH, but(name="Đăng ký lại khai sinh có yếu tố nước ngoài")],
        [
            (
                "renamed",
                "1.000001",
                3,
                3,
                {"name": ("Đăng ký lại khai sinh", "Đăng ký lại khai sinh có yếu tố nước ngoài")},
            )
        ],
    ),
    "re-typed spacing, NFD, case and trailing dots are no change": (
        [BIRTH],
        [
            but(
                name=f"  {NFD_NAME.upper()}. ",
                level="cấp  Xã",
                field="hộ tịch ",
                agency="Ủy ban nhân dân\ncấp xã",
                time="trong ngày làm việc",
                fee="KHÔNG",
                forms="Tờ khai  đăng ký khai sinh",
                decision="1890/qđ-ubnd",
                date="15/8/2025",
            )
        ],
        [],
    ),
    "old and new tone placement are no change": (
        [but(name="Thủ tục hoà giải", agency="Uỷ ban nhân dân cấp xã")],
        [but(name="Thủ tục hòa giải", agency="Ủy ban nhân dân cấp xã")],
        [],
    ),
    "levels in another order are no change": (
        [but(level="Cấp tỉnh, Cấp xã")],
        [but(level="Cấp xã; cấp Tỉnh")],
        [],
    ),
    "a date written another way is no change": ([BIRTH], [but(date="2025-08-15")], []),
    "abolished in the new version: removed": (
        [BIRTH],
        [but(status="Bãi bỏ")],
        [("removed", "1.000001", 2, None, {})],
    ),
    "abolished in both versions: no change": (
        [but(status="Bãi bỏ")],
        [but(status="bị bãi bỏ")],
        [],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_change(tmp_path: Path, case: str) -> None:
    old, new, expected = CASES[case]
    result = diff_rows(tmp_path, old, new)
    assert [flat(change) for change in result.changes] == expected
    assert result.exit_code() == (1 if expected else 0)


def test_the_decomposed_name_is_really_another_string() -> None:
    assert len(NFD_NAME) > len(BIRTH["name"])


def test_how_pairs_were_matched(tmp_path: Path) -> None:
    old = [BIRTH, but(code="1.000002"), but(code="", name="Chứng thực bản sao")]
    new = [
        but(time="1 ngày"),
        but(code="1.000002.H19", time="1 ngày"),
        but(code="", name="Chứng thực bản sao", time="1 ngày"),
    ]
    result = diff_rows(tmp_path, old, new)
    assert [
        (c.code, c.matched_by.value)
        for c in result.changes
        if c.kind.value == "changed" and "processing_time" in c.fields
    ] == [("1.000001", "code"), ("1.000002.H19", "national_code"), (None, "name")]


def test_duplicates_are_counted_and_marked(tmp_path: Path) -> None:
    result = diff_rows(tmp_path, [BIRTH, BIRTH, but(code="1.000002")], [BIRTH])
    assert (result.old.duplicate_codes, result.new.duplicate_codes) == (1, 0)
    assert [(c.kind.value, c.code, c.duplicate_code) for c in result.changes] == [
        ("removed", "1.000001", True),
        ("removed", "1.000002", False),
    ]
    assert result.unchanged == 1


def test_a_column_only_one_version_has_is_not_compared(tmp_path: Path) -> None:
    without_forms = tuple(column for column in HEADERS if column != "forms")
    old = write_csv(tmp_path / "old.csv", [BIRTH], without_forms)
    new = write_csv(tmp_path / "new.csv", [but(time="5 ngày")])
    result = diff_files(old, new)
    assert "forms" not in result.compared and result.not_compared == ("forms",)
    assert [flat(c) for c in result.changes] == [
        ("changed", "1.000001", 2, 2, {"processing_time": ("Trong ngày làm việc", "5 ngày")})
    ]


def test_abolished_rows_are_counted_and_said(tmp_path: Path) -> None:
    result = diff_rows(tmp_path, [BIRTH], [but(status="Bãi bỏ"), but(code="1.000002")])
    assert (result.old.abolished, result.new.abolished) == (0, 1)
    assert result.new.procedures == 1
    assert any("1 row of an abolished procedure (bãi bỏ) is not" in line for line in notes(result))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            [BIRTH],
            [but(status="Bãi bỏ"), but(code="1.000002")],
            [
                "Comparing old.csv (1 procedure) with new.csv (1 procedure)",
                "new.csv: 1 row of an abolished procedure (bãi bỏ) is not part of the list and "
                "was left out of the comparison.",
            ],
        ),
        (
            [BIRTH, BIRTH, but(code="1.000002"), but(code="1.000002")],
            [but(status="Bãi bỏ"), but(status="Bãi bỏ"), BIRTH],
            [
                "Comparing old.csv (4 procedures) with new.csv (1 procedure)",
                "new.csv: 2 rows of abolished procedures (bãi bỏ) are not part of the list and "
                "were left out of the comparison.",
                "old.csv: 2 codes are written on more than one row (marked *); each row is "
                "paired at most once, and rows left over are listed as added or removed.",
            ],
        ),
        (
            [BIRTH, BIRTH],
            [BIRTH, BIRTH],
            [
                "old.csv → new.csv: no changes (2 procedures compared)",
                "old.csv: 1 code is written on more than one row (marked *); each row is "
                "paired at most once, and rows left over are listed as added or removed.",
            ],
        ),
        ([BIRTH], [BIRTH], ["old.csv → new.csv: no changes (1 procedure compared)"]),
    ],
)
def test_counts_are_said_in_good_english_and_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: list, new: list, expected: list[str]
) -> None:
    """No "1 row(s)": one thing is singular, more are plural; Vietnamese has no plural."""
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "old.csv", old)
    write_csv(tmp_path / "new.csv", new)
    result = invoke("old.csv", "new.csv")
    for line in expected:
        assert line in _unwrapped(result.stdout)  # the terminal may fold a long note
    assert "(s)" not in result.stdout
    vietnamese = invoke("old.csv", "new.csv", "--lang", "vi").stdout
    assert "(s)" not in vietnamese and "thủ tục)" in vietnamese


def _unwrapped(text: str) -> str:
    return " ".join(text.split())


def test_added_and_removed_keep_their_record(tmp_path: Path) -> None:
    result = diff_rows(tmp_path, [], [but(fee="")])
    [added] = result.changes
    assert added.old == {}
    assert added.new == {
        "name": "Đăng ký khai sinh",
        "level": "Cấp xã",
        "field": "Hộ tịch",
        "decision_no": "1890/QĐ-UBND",
        "decision_date": "15/08/2025",
        "forms": "Tờ khai đăng ký khai sinh",
        "processing_time": "Trong ngày làm việc",
        "agency": "Ủy ban nhân dân cấp xã",
    }
    assert added.fields == tuple(added.new)


# --- a pair of workbooks with every kind of change: the golden outputs -----------------------

OLD_BOOK = [
    BIRTH,
    but(code="1.000002", name="Đăng ký kết hôn"),
    but(code="1.000003", name="Cấp bản sao trích lục hộ tịch", level="Cấp huyện"),
    but(code="1.000004", name="Chứng thực chữ ký", field="Hộ tịch"),
    but(code="1.000005", name="Đăng ký giám hộ", decision="1890/QĐ-UBND"),
    but(code="1.000006", name="Đăng ký khai tử", forms="Tờ khai"),
    but(code="1.000007", name="Đăng ký nhận cha, mẹ, con", time="05 ngày làm việc"),
    but(code="", name="Liên thông khai sinh, thường trú", fee="Không"),
    but(code="1.000008", name="Đăng ký lại kết hôn"),
    but(code="1.000008", name="Đăng ký lại kết hôn"),
    but(code="1.000009", name="Cấp giấy xác nhận tình trạng hôn nhân"),
    but(code="1.000010", name="Thủ tục đã bãi bỏ"),
]
NEW_BOOK = [
    but(name=f"  {NFD_NAME}  "),  # re-typed only: no change
    but(code="1.000002", name="Đăng ký kết hôn có yếu tố nước ngoài"),
    but(code="1.000003", name="Cấp bản sao trích lục hộ tịch", level="Cấp xã"),
    but(code="1.000004", name="Chứng thực chữ ký", field="Chứng thực"),
    but(code="1.000005", name="Đăng ký giám hộ", decision="2150/QĐ-UBND", date="01/10/2025"),
    but(code="1.000006", name="Đăng ký khai tử", forms="Tờ khai (Mẫu TP/HT-2020-KT.1)"),
    but(code="1.000007", name="Đăng ký nhận cha, mẹ, con", time="03 ngày làm việc"),
    but(code="", name="Liên thông khai sinh, thường trú", fee="Miễn lệ phí"),
    but(code="1.000008", name="Đăng ký lại kết hôn"),
    but(code="1.000009.000.00.00.H29", name="Cấp giấy xác nhận tình trạng hôn nhân"),
    but(code="1.000011", name="Đăng ký thay đổi, cải chính hộ tịch"),
]


def write_book(path: Path, rows: list[dict[str, str]]) -> str:
    """A province's annex: a title row, then the header, on a sheet 'Danh mục'."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH"])
    sheet.append([HEADERS[column] for column in HEADERS])
    for row in rows:
        sheet.append([row.get(column) or None for column in HEADERS])
    book.save(path)
    return path.name


@pytest.fixture
def books(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The two workbooks, named relative to the working folder (the outputs name them)."""
    monkeypatch.chdir(tmp_path)
    return write_book(tmp_path / "old.xlsx", OLD_BOOK), write_book(tmp_path / "new.xlsx", NEW_BOOK)


def test_every_kind_in_one_pair_of_workbooks(books: tuple[str, str]) -> None:
    result = diff_files(*books)
    assert [(c.kind.value, c.code, c.fields) for c in result.changes] == [
        (
            "added",
            "1.000011",
            (
                "name",
                "level",
                "field",
                "decision_no",
                "decision_date",
                "forms",
                "processing_time",
                "agency",
                "fee",
            ),
        ),
        (
            "removed",
            "1.000008",
            (
                "name",
                "level",
                "field",
                "decision_no",
                "decision_date",
                "forms",
                "processing_time",
                "agency",
                "fee",
            ),
        ),
        (
            "removed",
            "1.000010",
            (
                "name",
                "level",
                "field",
                "decision_no",
                "decision_date",
                "forms",
                "processing_time",
                "agency",
                "fee",
            ),
        ),
        ("renamed", "1.000002", ("name",)),
        ("moved", "1.000003", ("level",)),
        ("moved", "1.000004", ("field",)),
        ("changed", "1.000005", ("decision_no", "decision_date")),
        ("changed", "1.000006", ("forms",)),
        ("changed", "1.000007", ("processing_time",)),
        ("changed", None, ("fee",)),
        ("changed", "1.000009.000.00.00.H29", ("code",)),
    ]
    assert result.unchanged == 2  # 1.000001 re-typed, and one of the two 1.000008
    assert result.changes[0].new_at.sheet == "Danh mục" and result.changes[0].new_at.row == 13


def render(result: DiffResult, fmt: DiffFormat, **options: object) -> str:
    out = io.StringIO()
    renderer_for(fmt, RenderOptions(**options)).render(result, out)  # type: ignore[arg-type]
    return out.getvalue()


def assert_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"regenerate {golden} if intended"


def test_json_golden_and_stable(books: tuple[str, str]) -> None:
    first = render(diff_files(*books), DiffFormat.JSON)
    assert first == render(diff_files(*books), DiffFormat.JSON)  # the same bytes twice
    assert_golden("diff.json", first)
    document = json.loads(first)
    assert list(document) == ["old", "new", "summary", "changes"]
    assert list(document["changes"][0]) == [
        "kind",
        "code",
        "name",
        "fields",
        "old",
        "new",
        "old_sheet",
        "old_row",
        "new_sheet",
        "new_row",
        "matched_by",
        "duplicate_code",
    ]


@pytest.mark.parametrize(("lang", "golden"), [("en", "diff.txt"), ("vi", "diff.vi.txt")])
def test_rich_golden(books: tuple[str, str], lang: str, golden: str) -> None:
    with speaking(lang):
        result = diff_files(*books)
        first = render(result, DiffFormat.RICH, width=120)
        assert first == render(result, DiffFormat.RICH, width=120)
    assert_golden(golden, first)


def test_rich_summary_has_the_counts(books: tuple[str, str]) -> None:
    text = render(diff_files(*books), DiffFormat.RICH, width=200)
    assert (
        "old.xlsx → new.xlsx: 1 added, 2 removed, 1 renamed, 2 moved, 5 changed, 2 unchanged"
    ) in text
    for heading in (
        "Procedures added (1)",
        "Procedures removed (2)",
        "Procedures renamed (1)",
        "Procedures moved to another level or field (2)",
        "Procedures whose details changed (5)",
    ):
        assert heading in text
    quiet = render(diff_files(*books), DiffFormat.RICH, width=200, summary_only=True)
    assert quiet.splitlines() == [
        "old.xlsx → new.xlsx: 1 added, 2 removed, 1 renamed, 2 moved, 5 changed, 2 unchanged"
    ]


def test_rich_prints_cells_as_written(tmp_path: Path) -> None:
    result = diff_rows(tmp_path, [BIRTH], [but(forms="[bold]Mẫu 01[/bold] :x:")])
    assert "[bold]Mẫu 01[/bold] :x:" in render(result, DiffFormat.RICH, width=200)


def test_rich_cuts_long_tables(tmp_path: Path) -> None:
    new = [but(code=f"1.00010{n}") for n in range(5)]
    text = render(diff_rows(tmp_path, [], new), DiffFormat.RICH, width=200, max_rows=2)
    assert "1.000101" in text and "1.000102" not in text
    assert "… and 3 more (--max-rows 0 shows them all)" in text


def test_xlsx_reads_back(books: tuple[str, str], tmp_path: Path) -> None:
    result = diff_files(*books)
    raw = io.BytesIO()
    renderer_for(DiffFormat.XLSX, RenderOptions()).render(result, raw)
    again = io.BytesIO()
    renderer_for(DiffFormat.XLSX, RenderOptions()).render(result, again)
    assert raw.getvalue() == again.getvalue()  # no timestamps
    book = openpyxl.load_workbook(raw)
    assert book.sheetnames == ["Changes", "Summary"]
    changes = book["Changes"]
    rows = list(changes.iter_rows(values_only=True))
    assert rows[0] == (
        "Change",
        "Code",
        "Name",
        "What",
        "Old value",
        "New value",
        "Old sheet",
        "Old row",
        "New sheet",
        "New row",
        "Matched by",
        "Code on several rows",
    )
    assert rows[1] == (
        "Added",
        "1.000011",
        "Đăng ký thay đổi, cải chính hộ tịch",
        None,
        None,
        None,
        None,
        None,
        "Danh mục",
        13,
        None,
        None,
    )
    assert rows[2] == (
        "Removed",
        "1.000008",
        "Đăng ký lại kết hôn",
        None,
        None,
        None,
        "Danh mục",
        12,
        None,
        None,
        None,
        "*",
    )
    # One row per changed field: the decision's number and its date.
    assert [row[3:6] for row in rows if row[1] == "1.000005"] == [
        ("Publishing decision", "1890/QĐ-UBND", "2150/QĐ-UBND"),
        ("Decision date", "15/08/2025", "01/10/2025"),
    ]
    assert rows[-1] == (
        "Changed",
        "1.000009.000.00.00.H29",
        "Cấp giấy xác nhận tình trạng hôn nhân",
        "Code",
        "1.000009",
        "1.000009.000.00.00.H29",
        "Danh mục",
        13,
        "Danh mục",
        12,
        "national code",
        None,
    )
    assert len(rows) == 1 + 12  # the heading, eleven changes, one of them over two rows
    assert changes.freeze_panes == "A2"
    assert changes.auto_filter.ref == "A1:L13"
    assert all(changes.column_dimensions[letter].width >= 8 for letter in "ABCDEFGHIJKL")
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert (summary["Old version"], summary["New version"]) == ("old.xlsx", "new.xlsx")
    assert [
        summary[kind] for kind in ("Added", "Removed", "Renamed", "Moved", "Changed", "Unchanged")
    ] == [1, 2, 1, 2, 5, 2]
    # Rows and counts are numbers, so that they sort as numbers; both sheets print landscape,
    # one page wide, with the heading on every page.
    rows_and_counts = [*changes["H"][1:], *changes["J"][1:], *book["Summary"]["B"][3:5]]
    filled = [cell for cell in rows_and_counts if cell.value is not None]
    assert len(filled) > 12 and {cell.data_type for cell in filled} == {"n"}
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.sheet_properties.pageSetUpPr.fitToPage) == (
            1,
            True,
        )
        assert sheet.print_title_rows == "$1:$1"


def test_xlsx_never_writes_a_formula(tmp_path: Path) -> None:
    result = diff_rows(tmp_path, [BIRTH], [but(fee='=HYPERLINK("http://x")')])
    raw = io.BytesIO()
    renderer_for(DiffFormat.XLSX, RenderOptions()).render(result, raw)
    cell = openpyxl.load_workbook(raw)["Changes"]["F2"]
    assert cell.data_type == "s" and cell.value.startswith("'=")


@pytest.mark.parametrize(
    ("lang", "sheet", "sheets", "expected"),
    [
        ("en", None, (), "line 7"),
        ("en", "Cấp xã", ("Cấp xã",), "row 7"),
        ("en", "Cấp xã", ("Cấp tỉnh", "Cấp xã"), "Cấp xã, row 7"),
        ("vi", None, (), "dòng 7"),
        ("vi", "Cấp xã", ("Cấp tỉnh", "Cấp xã"), "Cấp xã, dòng 7"),
    ],
)
def test_a_place_names_the_sheet_only_among_several(
    lang: str, sheet: str | None, sheets: tuple[str, ...], expected: str
) -> None:
    version = Version("v.xlsx", 10, frozenset({"name"}), sheets=sheets)
    with speaking(lang):
        assert place(Location(sheet, 7), version) == expected


def test_every_format_has_a_renderer() -> None:
    assert set(_RENDERERS) == set(DiffFormat)
    for fmt in DiffFormat:
        assert renderer_for(fmt, RenderOptions()).binary == (fmt is DiffFormat.XLSX)


@pytest.mark.parametrize(
    ("fmt", "output", "expected"),
    [
        (None, None, DiffFormat.RICH),
        (None, "d.xlsx", DiffFormat.XLSX),
        (None, "d.txt", DiffFormat.RICH),
        (DiffFormat.JSON, "d.json", DiffFormat.JSON),
        (DiffFormat.XLSX, "D.XLSX", DiffFormat.XLSX),
        (DiffFormat.XLSX, None, "--format xlsx writes a workbook: name it with --output FILE.xlsx"),
        (DiffFormat.XLSX, "d.json", "--output d.json: a workbook's name must end in .xlsx"),
        (
            DiffFormat.JSON,
            "d.xlsx",
            "--output d.xlsx: an .xlsx file must hold a workbook, not --format json",
        ),
    ],
)
def test_resolve_format(fmt: DiffFormat | None, output: str | None, expected: object) -> None:
    path = Path(output) if output else None
    if isinstance(expected, DiffFormat):
        assert resolve_format(fmt, path) is expected
    else:
        with pytest.raises(UsageError, match="^" + str(expected).replace(".", r"\.") + "$"):
            resolve_format(fmt, path)


# --- the command --------------------------------------------------------------------------


def invoke(*args: str):
    return runner.invoke(app, ["diff", *args])


def test_cli_exit_1_with_changes_and_0_without(books: tuple[str, str]) -> None:
    changed = invoke(*books)
    assert changed.exit_code == 1, changed.output
    assert "1 added, 2 removed, 1 renamed, 2 moved, 5 changed, 2 unchanged" in changed.stdout
    same = invoke(books[0], books[0])
    assert same.exit_code == 0, same.output
    assert "old.xlsx → old.xlsx: no changes (12 procedures compared)" in same.stdout
    assert same.stderr == ""


def test_cli_same_content_retyped_is_exit_0(tmp_path: Path) -> None:
    old = write_csv(tmp_path / "old.csv", [BIRTH])
    new = write_csv(tmp_path / "new.csv", [but(name=NFD_NAME + "  ", decision="1890/qđ-UBND")])
    result = invoke(old, new, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["changes"] == []


@pytest.mark.parametrize(
    ("lang", "summary", "matched"),
    [
        (
            "en",
            "0 added, 0 removed, 0 renamed, 0 moved, 1 changed",
            "name and level (code changed)",
        ),
        ("vi", "1 được sửa đổi, bổ sung nội dung", "tên và cấp thực hiện (mã đã thay đổi)"),
    ],
)
def test_cli_shows_a_changed_code_as_a_code_change(
    tmp_path: Path, lang: str, summary: str, matched: str
) -> None:
    old = write_csv(tmp_path / "old.csv", [BIRTH])
    new = write_csv(tmp_path / "new.csv", [but(code="1.000099")])
    text = invoke(old, new, "--lang", lang)
    assert text.exit_code == 1
    assert summary in text.stdout
    assert "1.000001" in text.stdout and "1.000099" in text.stdout
    data = json.loads(invoke(old, new, "-f", "json").stdout)
    [change] = data["changes"]
    assert (change["kind"], change["matched_by"]) == ("changed", "name_and_level")
    invoke(old, new, "--lang", lang, "-o", str(tmp_path / "d.xlsx"))
    rows = list(openpyxl.load_workbook(tmp_path / "d.xlsx").worksheets[0].values)
    assert len(rows) == 2 and rows[1][4:6] == ("1.000001", "1.000099")
    assert rows[1][10] == matched


def test_cli_missing_file_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    old = write_csv(tmp_path / "old.csv", [BIRTH])
    missing = str(tmp_path / "nowhere.csv")
    result = invoke(old, missing)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"procaudit: error: {missing}: no such file\n"


def test_cli_unreadable_file_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    old = write_csv(tmp_path / "old.csv", [BIRTH])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    result = invoke(str(broken), old)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"procaudit: error: {broken}: ")
    assert "Traceback" not in result.output


def test_cli_json_to_stdout_and_to_a_file_are_the_same(
    books: tuple[str, str], tmp_path: Path
) -> None:
    printed = invoke(*books, "--format", "json")
    written = invoke(*books, "-f", "json", "-o", "d.json")
    assert (printed.exit_code, written.exit_code) == (1, 1)
    assert written.stdout == ""
    assert (tmp_path / "d.json").read_text(encoding="utf-8") == printed.stdout
    assert printed.stdout == (GOLDEN / "diff.json").read_text(encoding="utf-8")


def test_cli_output_xlsx_picks_the_workbook(books: tuple[str, str], tmp_path: Path) -> None:
    result = invoke(*books, "--output", "d.xlsx")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert openpyxl.load_workbook(tmp_path / "d.xlsx").sheetnames == ["Changes", "Summary"]
    assert not list(tmp_path.glob(".d.xlsx.*"))  # no temporary file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xlsx"], "--format xlsx writes a workbook: name it with --output FILE.xlsx"),
        (
            ["-f", "json", "-o", "d.xlsx"],
            "--output d.xlsx: an .xlsx file must hold a workbook, not --format json",
        ),
        (["-o", "old.xlsx"], "--output old.xlsx: is one of the files to compare"),
        (["-o", "nowhere/d.json"], "--output nowhere/d.json: the folder nowhere does not exist"),
    ],
)
def test_cli_bad_output_is_exit_2(books: tuple[str, str], args: list[str], message: str) -> None:
    result = invoke(*books, *args)
    assert result.exit_code == 2
    assert result.stderr == f"procaudit: error: {message}\n"


def test_cli_quiet_prints_the_summary_line_only(books: tuple[str, str]) -> None:
    result = invoke(*books, "--quiet")
    assert result.exit_code == 1
    assert result.stdout == (
        "old.xlsx → new.xlsx: 1 added, 2 removed, 1 renamed, 2 moved, 5 changed, 2 unchanged\n"
    )


def test_cli_speaks_vietnamese(books: tuple[str, str]) -> None:
    result = invoke(*books, "--lang", "vi", "--quiet")
    assert result.stdout == (
        "old.xlsx → new.xlsx: 1 thủ tục được bổ sung, 2 bị bãi bỏ/loại khỏi danh mục, "
        "1 được đổi tên, 2 được chuyển cấp thực hiện hoặc lĩnh vực, 5 được sửa đổi, bổ sung "
        "nội dung, 2 giữ nguyên\n"
    )


def test_cli_reads_with_the_overrides(tmp_path: Path) -> None:
    """--map reads a column the guessing does not know, on both versions."""
    for name, time in (("old.csv", "1 ngày"), ("new.csv", "2 ngày")):
        (tmp_path / name).write_text(
            f"ma_thu_tuc,Tên gọi,thoi_han_giai_quyet\n1.000001,Đăng ký khai sinh,{time}\n",
            encoding="utf-8",
        )
    result = invoke(
        str(tmp_path / "old.csv"), str(tmp_path / "new.csv"), "--map", "Tên gọi=name", "-f", "json"
    )
    assert result.exit_code == 1, result.output
    [change] = json.loads(result.stdout)["changes"]
    assert (change["kind"], change["fields"]) == ("changed", ["processing_time"])


def test_diff_help_does_not_import_pandas() -> None:
    code = (
        "import sys\nfrom procaudit.cli import main\nsys.argv = ['procaudit', 'diff', "
        "'--help']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'pandas' not in sys.modules, 'pandas imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "OLD" in done.stdout and "--max-rows" in done.stdout


def test_real_exports_diff_against_themselves(real_data: Path) -> None:
    path = str(real_data / "national-portal-2026" / "danh-sach-tthc-BoTuPhap.xlsx")
    result = diff_files(path, path)
    assert result.changes == () and result.unchanged == result.old.procedures == 271
