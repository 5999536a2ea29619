"""A procedure laid out over several rows: the rows under it that name no procedure (no row
number, no code, no name) are part of it, not procedures "with no name"; so are the rows that
repeat it, one per document of its dossier or per way of applying."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from conftest import column_read, sheet_table
from procaudit.cli import app
from procaudit.engine.audit import audit
from procaudit.io.continuations import repeated_rows
from procaudit.io.grid import text_column
from procaudit.io.layout import CONTINUATION, REPEATED
from procaudit.io.read import Table, read_catalogue

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Căn cứ pháp lý", "Mẫu đơn, tờ khai"]
BIRTH = ["1", "1.001193", "Đăng ký khai sinh", "Luật Hộ tịch 2014", "Tờ khai"]
MARRIAGE = ["2", "1.000894", "Đăng ký kết hôn", "Luật Hộ tịch 2014", ""]
UNDER = ["", "", "", "Nghị định 123/2015/NĐ-CP", ""]
FORM_UNDER = ["", "", "", "", "Mẫu số 02"]
BLANK = [""] * 5


def _table(rows: list[list[str]], header: list[str] = HEADER) -> Table:
    return sheet_table([header, *rows])


CASES = {
    "rows under a procedure": (
        [BIRTH, UNDER, UNDER, MARRIAGE, UNDER],
        "legal_basis",
        [(2, "Luật Hộ tịch 2014"), (5, "Luật Hộ tịch 2014")],
        (3, 4, 6),
    ),
    # A cell the procedure's row leaves empty is taken from the first row that fills it.
    "a form listed under the name": (
        [MARRIAGE, UNDER, FORM_UNDER, ["", "", "", "", "Mẫu số 03"]],
        "forms",
        [(2, "Mẫu số 02")],
        (3, 4, 5),
    ),
    # Text that reads like a heading but begins right of the name is a procedure's.
    "legal bases enumerated like headings": (
        [
            BIRTH,
            ["", "", "", "b) Nghị định 123", ""],
            ["", "", "", "Lĩnh vực áp dụng: cả nước", ""],
        ],
        "legal_basis",
        [(2, "Luật Hộ tịch 2014")],
        (3, 4),
    ),
    # A row reading like a signature ends the table only after its last procedure.
    "a row reading like a signature between procedures": (
        [BIRTH, ["", "", "", "Chủ tịch UBND cấp xã", ""], MARRIAGE],
        "name",
        [(2, BIRTH[2]), (4, MARRIAGE[2])],
        (3,),
    ),
    "the first row under the header": ([UNDER, BIRTH], "name", [(2, None), (3, BIRTH[2])], ()),
    # A blank row ends a procedure: what follows is no part of it.
    "after a blank row": (
        [BIRTH, BLANK, UNDER],
        "legal_basis",
        [(2, "Luật Hộ tịch 2014"), (4, UNDER[3])],
        (),
    ),
    "after a section heading": (
        [BIRTH, ["II", "Lĩnh vực Đất đai", "", "", ""], UNDER],
        "legal_basis",
        [(2, "Luật Hộ tịch 2014"), (4, UNDER[3])],
        (),
    ),
    # A row with a code or a row number is a procedure, its name missing or not.
    "a code without a name": (
        [BIRTH, ["", "2.000547", "", "Luật", ""]],
        "code",
        [(2, "1.001193"), (3, "2.000547")],
        (),
    ),
    "a row number without a name": (
        [BIRTH, ["2", "", "", "Luật", ""]],
        "name",
        [(2, BIRTH[2]), (3, None)],
        (),
    ),
}


@pytest.mark.parametrize(("rows", "column", "read", "continuing"), CASES.values(), ids=CASES.keys())
def test_rows_continuing_a_procedure_are_part_of_it(
    rows: list[list[str]], column: str, read: list[tuple[int, str | None]], continuing: tuple
) -> None:
    table = _table(rows)
    assert column_read(table, column) == read
    assert table.account is not None
    assert table.account.skipped.get(CONTINUATION, ()) == continuing
    assert [section.row for section in table.account.sections] == [
        number for number, row in enumerate(rows, start=2) if row[0] == "II"
    ]


def test_the_cells_a_value_came_from_are_kept() -> None:
    """A legal basis joined over two rows, a form taken from the row under a procedure: each
    cell is kept with its procedure and its own row, for findings and repairs to point at."""
    going_on = ["", "", "", "và Nghị định 123/2015/NĐ-CP", ""]
    table = _table([BIRTH, going_on, MARRIAGE, FORM_UNDER])
    assert column_read(table, "legal_basis")[0] == (2, f"{BIRTH[3]} {going_on[3]}")
    read = {
        column: list(zip(parts.at.tolist(), parts.row.tolist(), parts.text.tolist(), strict=True))
        for column, parts in table.parts.items()
    }
    assert read == {
        "legal_basis": [(0, 2, BIRTH[3]), (0, 3, going_on[3])],
        "forms": [(1, 5, "Mẫu số 02")],
    }


LEVELS = ["STT", "Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Cơ quan thực hiện", "Thời hạn"]
BY_LEVEL = {
    # A procedure done at several levels given a sub-row per level: each level and its
    # agency are the procedure's, a line each; a column of one value keeps the first.
    "a sub-row per level under the procedure's": (
        [
            ["1", "1.001193", "Đăng ký khai sinh", "", "", ""],
            ["", "", "", "Cấp tỉnh", "Sở Tư pháp", "5 ngày"],
            ["", "", "", "Cấp xã", "UBND cấp xã", "3 ngày"],
        ],
        ("Cấp tỉnh\nCấp xã", "Sở Tư pháp\nUBND cấp xã", "5 ngày"),
    ),
    "the first level on the procedure's row": (
        [
            ["1", "1.001193", "Đăng ký khai sinh", "Cấp tỉnh", "Sở Tư pháp", "5 ngày"],
            ["", "", "", "Cấp huyện", "UBND cấp huyện", "3 ngày"],
        ],
        ("Cấp tỉnh\nCấp huyện", "Sở Tư pháp\nUBND cấp huyện", "5 ngày"),
    ),
    "a value the rows repeat is listed once": (
        [
            ["1", "1.001193", "Đăng ký khai sinh", "Cấp xã", "UBND cấp xã", "5 ngày"],
            ["", "", "", "Cấp xã", "UBND cấp xã ", "3 ngày"],
        ],
        ("Cấp xã", "UBND cấp xã", "5 ngày"),
    ),
    "an agency's name going on under it is joined as text": (
        [
            ["1", "1.001193", "Đăng ký khai sinh", "Cấp tỉnh", "Sở Tư pháp", "5 ngày"],
            ["", "", "", "", "tỉnh Phú Thọ", ""],
        ],
        ("Cấp tỉnh", "Sở Tư pháp tỉnh Phú Thọ", "5 ngày"),
    ),
}


@pytest.mark.parametrize(("rows", "read"), BY_LEVEL.values(), ids=BY_LEVEL.keys())
def test_each_level_of_a_procedure_on_its_own_row_is_read(
    rows: list[list[str]], read: tuple[str, str, str]
) -> None:
    table = _table(rows, LEVELS)
    columns = ("level", "agency", "processing_time")
    assert tuple(column_read(table, column)[0][1] for column in columns) == read
    assert len(table.frame) == 1


def test_a_district_level_on_a_later_sub_row_is_reported(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    rows = [
        LEVELS,
        ["1", "1.001193", "Đăng ký khai sinh", "", "", ""],
        ["", "", "", "Cấp tỉnh", "Sở Tư pháp", "5 ngày"],
        ["", "", "", "Cấp huyện", "UBND cấp huyện", "3 ngày"],
        ["2", "1.000894", "Đăng ký kết hôn", "Cấp xã", "UBND cấp xã", "5 ngày"],
    ]
    for row in rows:
        sheet.append([cell or None for cell in row])
    path = tmp_path / "levels.xlsx"
    workbook.save(path)
    found = {(f.rule, f.row, f.column) for f in audit([str(path)]).findings}
    # The agency's finding names the sub-row holding 'UBND cấp huyện' (engine.cell_parts).
    assert {("PA501", 2, "level"), ("PA501", 4, "agency")} <= found


def test_a_table_named_by_its_names_alone_joins_nothing() -> None:
    # Without a row number or a code, a row without a name may be a procedure missing it.
    table = _table([BIRTH[2:], UNDER[2:]], HEADER[2:])
    assert column_read(table, "legal_basis") == [(2, BIRTH[3]), (3, UNDER[3])]


def test_merged_cells_over_a_procedures_rows_give_no_false_errors(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [HEADER, BIRTH, UNDER, UNDER, MARRIAGE, FORM_UNDER]:
        sheet.append([cell or None for cell in row])
    for column in "ABC":
        sheet.merge_cells(f"{column}2:{column}4")
        sheet.merge_cells(f"{column}5:{column}6")
    path = tmp_path / "annex.xlsx"
    workbook.save(path)
    (table,) = read_catalogue(str(path)).tables
    assert column_read(table, "forms") == [(2, "Tờ khai"), (5, "Mẫu số 02")]
    rules = {finding.rule for finding in audit([str(path)]).findings}
    assert not rules & {"PA102", "PA103", "PA301"}
    for lang, said in (("en", CONTINUATION), ("vi", "phần tiếp theo của thủ tục ở dòng trên")):
        result = CliRunner().invoke(app, ["inspect", str(path), "--lang", lang])
        assert result.exit_code == 0
        assert f"{said}  3 " in " ".join(result.stdout.split("\n")), result.stdout


STEPS = ["Tiếp nhận hồ sơ", "Thẩm định", "Trả kết quả"]


@pytest.mark.parametrize(
    ("codes", "procedures", "rules"),
    [
        # An internal process: STT and name merged down over the steps, the code on each.
        (["1.001193"] * 3 + ["1.000894"] * 3, 2, set()),
        # Other codes under the merged name: procedures of their own, as the list has them.
        (["1.001193", "1.001194", "1.001195"] + ["1.000894"] * 3, 4, set()),
    ],
)
def test_a_name_merged_over_rows_each_with_its_code_is_one_procedure(
    tmp_path: Path, codes: list[str], procedures: int, rules: set[str]
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Tên thủ tục", "Mã TTHC", "Nội dung công việc", "Thời gian"])
    names = ["Đăng ký khai sinh", "Đăng ký kết hôn"]
    for at, code in enumerate(codes):
        first = at % 3 == 0
        step = STEPS[at % 3]
        sheet.append(
            [
                at // 3 + 1 if first else None,
                names[at // 3] if first else None,
                code,
                step,
                "1 ngày",
            ]
        )
    for column in "AB":
        sheet.merge_cells(f"{column}2:{column}4")
        sheet.merge_cells(f"{column}5:{column}7")
    path = tmp_path / "process.xlsx"
    workbook.save(path)
    (table,) = read_catalogue(str(path)).tables
    assert len(table.frame) == procedures
    found = {finding.rule for finding in audit([str(path)]).findings}
    assert found & {"PA103", "PA201", "PA203"} == rules


# A procedure repeated on the rows under it, one row per document of its dossier.
COMPONENTS = ["STT", "Mã TTHC", "Tên thủ tục", "Cơ quan thực hiện", "Mẫu đơn, tờ khai"]
WARD = "UBND phường Ba Đình"


def _documents(number: str, code: str, name: str, forms: list[str], agency: str = WARD) -> list:
    return [[number, code, name, agency, form] for form in forms]


REPEATS = {
    "one row per document": (
        COMPONENTS,
        [
            *_documents("1", "1.001193", "Đăng ký khai sinh", ["", "Tờ khai khai sinh", "Mẫu 2"]),
            *_documents("2", "1.000894", "Đăng ký kết hôn", ["Tờ khai kết hôn", ""]),
        ],
        [(2, "Tờ khai khai sinh"), (5, "Tờ khai kết hôn")],
        (3, 4, 6),
    ),
    # One row per way of applying, each with its time and fee (as the portal gives them).
    "one row per way of applying": (
        ["STT", "Tên thủ tục", "Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mẫu đơn"],
        [
            ["1", "Đăng ký khai sinh", "Trực tiếp", "Trong ngày", "Không", "Tờ khai"],
            ["1", "Đăng ký khai sinh", "Trực tuyến", "Trong ngày", "Không", ""],
            ["1", "Đăng ký khai sinh", "Bưu chính", "3 ngày", "Phí gửi", ""],
        ],
        [(2, "Tờ khai")],
        (3, 4),
    ),
    # Another unit's row of the same procedure is its own (a list stacked per unit).
    "the same procedure at another unit": (
        COMPONENTS,
        [
            *_documents("1", "1.001193", "Đăng ký khai sinh", ["Tờ khai"]),
            *_documents("1", "1.001193", "Đăng ký khai sinh", ["Tờ khai"], "UBND xã Tân Lập"),
        ],
        [(2, "Tờ khai"), (3, "Tờ khai")],
        (),
    ),
    # Numbered apart, or under another code: two procedures, a duplicate for the rules.
    "numbered apart": (
        COMPONENTS,
        [
            *_documents("1", "1.001193", "Đăng ký khai sinh", ["Tờ khai"]),
            *_documents("2", "1.001193", "Đăng ký khai sinh", ["Tờ khai"]),
        ],
        [(2, "Tờ khai"), (3, "Tờ khai")],
        (),
    ),
    "under another code": (
        COMPONENTS,
        [
            *_documents("1", "1.001193", "Đăng ký khai sinh", ["Tờ khai"]),
            *_documents("1", "1.001194", "Đăng ký khai sinh", ["Mẫu 2"]),
        ],
        [(2, "Tờ khai"), (3, "Mẫu 2")],
        (),
    ),
    # Unnumbered: repeats are read so only where they are common (a quarter of the rows).
    "unnumbered, common": (
        COMPONENTS[1:],
        [
            row[1:]
            for row in [
                *_documents("", "1.001193", "Đăng ký khai sinh", ["", "Tờ khai"]),
                *_documents("", "1.000894", "Đăng ký kết hôn", ["Tờ khai", "Giấy tờ"]),
                *_documents("", "1.000656", "Đăng ký khai tử", ["Tờ khai", "Giấy báo tử"]),
            ]
        ],
        [(2, "Tờ khai"), (4, "Tờ khai"), (6, "Tờ khai")],
        (3, 5, 7),
    ),
    "unnumbered, once among many": (
        COMPONENTS[1:],
        [[f"1.00{n:04d}", f"Thủ tục {n}", WARD, "Tờ khai"] for n in (1, 2, 3, 3, 4, 5, 6, 7, 8)],
        [(row, "Tờ khai") for row in range(2, 11)],
        (),
    ),
    # A table of names alone: the same.
    "names alone, common": (
        ["Tên thủ tục", "Mẫu đơn, tờ khai"],
        [[name, form] for name in ("Khai sinh", "Kết hôn", "Khai tử") for form in ("", "Tờ khai")],
        [(2, "Tờ khai"), (4, "Tờ khai"), (6, "Tờ khai")],
        (3, 5, 7),
    ),
    # Two rows of one procedure, unnumbered, with two forms: maybe listed twice.
    "names alone, once": (
        ["Tên thủ tục", "Mẫu đơn, tờ khai"],
        [["Khai sinh", "TK1"], ["Khai sinh", "TK2"]],
        [(2, "TK1"), (3, "TK2")],
        (),
    ),
    # An internal process numbering each procedure's steps: the STT counts the steps anew.
    "steps numbered per procedure": (
        COMPONENTS,
        [
            [str(step), code, name, WARD, form]
            for code, name, forms in (
                ("1.001193", "Đăng ký khai sinh", ["Tờ khai", "Thẩm định", "Trả kết quả"]),
                ("1.000894", "Đăng ký kết hôn", ["Tờ khai", "Trả kết quả"]),
            )
            for step, form in enumerate(forms, 1)
        ],
        [(2, "Tờ khai"), (5, "Tờ khai")],
        (3, 4, 6),
    ),
    # A list numbering its procedures with one typed twice (STT 2, 3): a duplicate; so are
    # rows numbered from 1 once only, or counting on from another number than 1.
    "numbered on, one typed twice": (
        COMPONENTS,
        [
            *_documents("1", "1.001193", "Đăng ký khai sinh", ["Tờ khai"]),
            *_documents("2", "1.000894", "Đăng ký kết hôn", ["TK1"]),
            *_documents("3", "1.000894", "Đăng ký kết hôn", ["TK2"]),
            *_documents("4", "1.000656", "Đăng ký khai tử", ["Tờ khai"]),
        ],
        [(2, "Tờ khai"), (3, "TK1"), (4, "TK2"), (5, "Tờ khai")],
        (),
    ),
    "counted from 1 once": (
        COMPONENTS,
        [[str(n), "1.001193", "Đăng ký khai sinh", WARD, f"TK{n}"] for n in (1, 2, 3, 4)],
        [(row, f"TK{row - 1}") for row in (2, 3, 4, 5)],
        (),
    ),
    "counted from another number": (
        COMPONENTS,
        [
            [str(step), code, name, WARD, f"TK{step}"]
            for code, name in (("1.001193", "Khai sinh"), ("1.000894", "Kết hôn"))
            for step in (2, 3, 4)
        ],
        [(row, f"TK{(row - 2) % 3 + 2}") for row in range(2, 8)],
        (),
    ),
    # The same throughout: the procedure typed twice, numbered alike or not.
    "a row typed twice": (
        COMPONENTS,
        _documents("1", "1.001193", "Đăng ký khai sinh", ["Tờ khai", "Tờ khai"]),
        [(2, "Tờ khai"), (3, "Tờ khai")],
        (),
    ),
    # Another status (or level, field, decision …): another entry of the list.
    "another status": (
        [*COMPONENTS, "Tình trạng"],
        [
            [*row, status]
            for row, status in zip(
                _documents("1", "1.001193", "Đăng ký khai sinh", ["Tờ khai", "Mẫu 2"]),
                ("Bãi bỏ", "Còn hiệu lực"),
                strict=True,
            )
        ],
        [(2, "Tờ khai"), (3, "Mẫu 2")],
        (),
    ),
}


@pytest.mark.parametrize(("header", "rows", "forms", "repeating"), REPEATS.values(), ids=REPEATS)
def test_a_procedure_repeated_per_document_is_one(
    header: list[str], rows: list[list[str]], forms: list[tuple[int, str]], repeating: tuple
) -> None:
    table = _table(rows, header)
    assert column_read(table, "forms") == forms
    assert table.account is not None
    assert table.account.skipped.get(REPEATED, ()) == repeating
    assert CONTINUATION not in table.account.skipped


def test_repeats_are_found_across_the_edges_of_the_readers_blocks() -> None:
    # A large file's columns come in blocks whose edges fall anywhere, apart in each column.
    def blocks(values: list[str | None], sizes: list[int]) -> pd.Series:
        starts = np.cumsum([0, *sizes]).tolist()
        cut = [values[a:b] for a, b in zip(starts, [*starts[1:], len(values)], strict=True)]
        return text_column(pa.chunked_array(cut, type=pa.large_string()))

    live = pd.DataFrame(
        {
            0: blocks(["Khai sinh", "Khai sinh", "Kết hôn", "Kết hôn", None, None], [1, 2]),
            1: blocks(["1", "1", "2", "2", "3", "3"], [4]),
            2: blocks(["Tờ khai", "Giấy chứng sinh", "Tờ khai", "Tờ khai", "x", "y"], [3, 2]),
        }
    )
    # A new document under the same procedure is a repeat; the same row twice is no
    # repeat, nor are rows with no name.
    found = repeated_rows(live, [0, 1], [], np.arange(6), stt=1)
    assert found.tolist() == [False, True, False, False, False, False]


def test_a_list_of_documents_counts_its_procedures_once(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(COMPONENTS)
    for number in range(1, 4):
        name = f"Cấp giấy phép loại {number}"
        for row in _documents(str(number), f"1.00000{number}", name, ["Đơn", "Bản vẽ", ""]):
            sheet.append(row)
    path = tmp_path / "documents.xlsx"
    workbook.save(path)
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--exit-zero"])
    report = json.loads(result.stdout)
    assert [file["rows"] for file in report["files"]] == [3]
    assert not {f["rule"] for f in report["findings"]} & {"PA201", "PA203", "PA204"}
    for lang, said in (("en", REPEATED), ("vi", "lặp lại thủ tục ở dòng trên")):
        shown = CliRunner().invoke(app, ["inspect", str(path), "--lang", lang]).stdout
        assert said in " ".join(shown.split())


AGENCIES = ["STT", "Mã TTHC", "Tên thủ tục", "Cơ quan thực hiện", "Cấp thực hiện"]
LISTED = {
    # (rows under the header, each procedure's (row, name, level)): the levels listed under
    # a procedure, each with its agency, are its levels, not lines of its name.
    "levels listed under each procedure": (
        [
            ["1", "1.001193", "Đăng ký khai sinh", "", ""],
            ["", "", "- Cấp tỉnh", "Sở Tư pháp", ""],
            ["", "", "- Cấp xã", "UBND cấp xã", ""],
            ["2", "1.000894", "Đăng ký kết hôn", "", ""],
            ["", "", "+ cấp huyện:", "UBND cấp huyện", ""],
        ],
        [
            (2, "Đăng ký khai sinh", "Cấp tỉnh, Cấp xã"),
            (5, "Đăng ký kết hôn", "Cấp huyện"),
        ],
    ),
    "a level cell of its own wins": (
        [["1", "1.001193", "Đăng ký khai sinh", "", "Cấp xã"], ["", "", "- Cấp tỉnh", "", ""]],
        [(2, "Đăng ký khai sinh", "Cấp xã")],
    ),
    # A name's lines wrapped under it stay its name, though one names a level.
    "a line of the name naming a level": (
        [
            ["1", "1.001193", "Đăng ký khai sinh thực hiện tại", "", ""],
            ["", "", "cấp xã có yếu tố nước ngoài", "", ""],
        ],
        [(2, "Đăng ký khai sinh thực hiện tại cấp xã có yếu tố nước ngoài", None)],
    ),
    "a line of the name that is a level alone": (
        [
            ["1", "1.001193", "Đăng ký khai sinh có yếu tố nước ngoài thực hiện tại", "", ""],
            ["", "", "cấp xã", "", ""],
        ],
        [(2, "Đăng ký khai sinh có yếu tố nước ngoài thực hiện tại cấp xã", None)],
    ),
}


@pytest.mark.parametrize(("rows", "read"), LISTED.values(), ids=LISTED.keys())
def test_levels_listed_under_a_procedure_are_its_levels(
    rows: list[list[str]], read: list[tuple[int, str, str | None]]
) -> None:
    table = _table(rows, AGENCIES)
    levels = [level if isinstance(level, str) else None for _, level in column_read(table, "level")]
    assert [
        (row, name, level)
        for (row, name), level in zip(column_read(table, "name"), levels, strict=True)
    ] == read


def test_a_name_header_saying_the_levels_are_listed_under_the_names() -> None:
    header = ["STT", "Mã TTHC", "Tên thủ tục hành chính / Cấp thực hiện", "Cơ quan thực hiện"]
    table = _table(
        [["1", "1.001193", "Đăng ký khai sinh", ""], ["", "", "- Cấp tỉnh", "Sở Tư pháp"],
         ["", "", "- Cấp huyện", "UBND cấp huyện"], ["2", "1.000894", "Đăng ký kết hôn", ""],
         ["", "", "- Cấp xã", "UBND cấp xã"]],
        header,
    )  # fmt: skip
    assert column_read(table, "name") == [(2, "Đăng ký khai sinh"), (5, "Đăng ký kết hôn")]
    assert column_read(table, "level") == [(2, "Cấp tỉnh, Cấp huyện"), (5, "Cấp xã")]
