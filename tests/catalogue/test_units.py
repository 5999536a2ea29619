"""Per-unit (stacked) lists: which agency cells name a unit, and when a table is per unit."""

from __future__ import annotations

from unicodedata import normalize

import numpy as np
import pandas as pd
import pytest

from conftest import SAMPLES, table_of
from procaudit.catalogue.units import find_units, heading_unit, section_units, unit_key, unit_name
from procaudit.io import read_catalogue
from procaudit.io.read import ReadOptions
from procaudit.rules.context import RuleContext

UNIT_NAMES = [
    # cell, kind ("" for a role or a cell naming several agencies), named with its place
    ("UBND Huyện Phù Ninh", "ubnd district", True),
    ("UBND Thị xã Phú Thọ", "ubnd district", True),
    ("UBND Thành phố Việt Trì", "ubnd district", True),
    ("Ủy ban nhân dân quận 3", "ubnd district", True),
    ("UBND HUYỆN PHÙ NINH", "ubnd district", True),
    ("UBND xã Tiên Kiên", "ubnd commune", True),
    ("UBND Phường Nông Trang", "ubnd commune", True),
    ("UBND Thị trấn Hùng Sơn", "ubnd commune", True),
    ("Công an xã Tiên Kiên", "công an commune", True),
    ("UBND Thành phố Hà Nội", "ubnd province", False),  # a centrally-run city: a province
    ("Sở Tài chính tỉnh Sơn La", "sở tài chính province", False),
    ("Phòng Tư pháp huyện Tam Nông", "phòng tư pháp district", True),
    ("Sở Xây dựng", "sở", False),
    ("Sở Lao động, Thương binh và XH", "sở", False),  # a comma inside one name
    ("Ban Quản lý các KCN", "ban quản lý", False),
    ("Công an tỉnh", "công an", False),
    ("Văn phòng UBND tỉnh", "văn phòng", False),
    ("Bảo hiểm xã hội huyện", "", False),  # no place after "huyện": every district's
    ("Bảo hiểm xã hội", "bảo hiểm xã hội", False),
    ("Cục Cảnh sát quản lý hành chính về trật tự xã hội", "cục", False),  # "xã hội": society
    # roles: whoever holds the office, everywhere
    ("Ủy ban nhân dân cấp xã", "", False),
    ("UBND cấp huyện", "", False),
    ("UBND huyện", "", False),
    ("Công an xã", "", False),
    ("Sở Tài chính các tỉnh, thành phố", "", False),
    ("Tòa án nhân dân cấp huyện, quận, thị xã, thành phố thuộc tỉnh và tương đương", "", False),
    ("Cơ quan có thẩm quyền cấp Giấy chứng nhận", "", False),
    # several agencies in one cell
    ("Sở Tư pháp\nỦy ban nhân dân cấp xã", "", False),
    ("Sở Nội vụ; UBND Huyện Phù Ninh", "", False),
]


@pytest.mark.parametrize(("cell", "kind", "place"), UNIT_NAMES, ids=[c[0] for c in UNIT_NAMES])
def test_unit_name(cell: str, kind: str, place: bool) -> None:
    name = unit_name(cell)
    assert (name.kind, name.place) == (kind, place)


HEADINGS = [
    # a section heading's text, the unit it names (None: a level, a field, a part, a role)
    ("UBND xã Tân Lập", "UBND xã Tân Lập"),
    ("II. Đơn vị: UBND phường Nông Trang", "UBND phường Nông Trang"),
    ("A) Sở Tư pháp", "Sở Tư pháp"),
    ("3. Cục Quản lý xuất nhập cảnh", "Cục Quản lý xuất nhập cảnh"),
    ("Đơn vị: Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),  # said to be a unit
    ("Văn phòng UBND tỉnh", None),  # "Văn phòng", "Phòng" also begin fields ...
    ("I. Phòng cháy, chữa cháy", None),  # ... as here
    ("A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", None),
    ("I. Lĩnh vực Đất đai", None),
    ("PHẦN III. DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ", None),
    ("UBND cấp xã", None),  # a role
    ("Đơn vị thực hiện: UBND cấp xã", None),
    ("Sở Nội vụ; UBND Huyện Phù Ninh", None),  # several
    # The count of the procedures it heads is no part of the unit's name.
    ("Đơn vị: Sở Tư pháp (15 thủ tục)", "Sở Tư pháp"),
    ("II. UBND xã Tân Lập (12 TTHC)", "UBND xã Tân Lập"),
]


@pytest.mark.parametrize(("text", "unit"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_heading_unit(text: str, unit: str | None) -> None:
    assert heading_unit(text) == unit


def test_section_units_fold_spellings_and_need_two() -> None:
    labels = pd.Series(["UBND xã Tân Lập", "Ủy ban nhân dân xã Tân Lập", None, "UBND xã Hùng Sơn"])
    units = section_units(labels)
    assert units is not None
    assert (units.ids.tolist(), units.labels) == ([0, 0, -1, 1], labels[[0, 3]].tolist())
    assert section_units(pd.Series(["UBND xã Tân Lập", "Ủy ban nhân dân xã Tân Lập"])) is None


def test_several_agencies_in_a_cell() -> None:
    assert unit_name("Sở Tư pháp\nỦy ban nhân dân cấp xã").several
    assert not unit_name("Sở Lao động, Thương binh và XH").several
    assert not unit_name("Sở Y tế;").several  # a trailing ";" separates nothing


@pytest.mark.parametrize(("a", "b"), [
    ("UBND Huyện Phù Ninh", "Ủy ban nhân dân huyện Phù Ninh"),
    ("UBND Huyện Phù Ninh", "  ubnd  huyện phù ninh."),
    ("UBND Thị xã Phú Thọ", "UBND TX Phú Thọ"),
    ("UBND Thành phố Việt Trì", "UBND TP. Việt Trì"),
    ("UBND Huyện Thanh Thủy", "UBND Huyện Thanh Thuỷ"),
    ("UBND Huyện Hạ Hòa", normalize("NFD", "UBND Huyện Hạ Hòa")),
])  # fmt: skip
def test_one_unit_spelled_two_ways(a: str, b: str) -> None:
    assert unit_key(a) == unit_key(b)


DISTRICTS = ["UBND Huyện Phù Ninh", "UBND Thị xã Phú Thọ", "UBND Thành phố Việt Trì"]
DEPARTMENTS = ["Sở Xây dựng", "Sở Y tế", "Sở Tư pháp"]

STACKED = [
    # name, agency cells row by row, stacked?
    ("three districts", [*DISTRICTS, *DISTRICTS], True),
    ("two communes", ["UBND xã Tiên Kiên", "UBND Phường Nông Trang"], True),
    ("districts and departments", ["Sở Y tế", *DISTRICTS], True),
    ("departments unit by unit", ["Sở Xây dựng"] * 3 + ["Sở Y tế"] * 2 + ["Sở Tư pháp"] * 2,
     True),
    ("departments interleaved", DEPARTMENTS * 3, False),  # a province's list, by field
    ("one district", ["UBND Huyện Phù Ninh"] * 4, False),
    ("roles, unit by unit", ["Ủy ban nhân dân cấp xã"] * 3 + ["UBND cấp huyện"] * 3, False),
    ("role and a department", ["Ủy ban nhân dân cấp xã"] * 3 + ["Sở Y tế"] * 3, False),
    ("one district with a role", ["UBND cấp huyện", "UBND Huyện Phù Ninh"], False),
    ("district and commune roles", ["Sở Xây dựng", "UBND xã", "UBND huyện", "UBND huyện"],
     False),
    ("departments a row each", ["Sở Xây dựng", "Sở Y tế", "Sở Tư pháp"], False),
    ("district of one kind each", ["UBND Huyện Phù Ninh", "Công an huyện Tam Nông"], False),
    ("several agencies per cell", [*DISTRICTS, "Sở Tư pháp\nSở Y tế"] * 3, False),
    ("province-level cities", ["UBND Thành phố Hà Nội", "UBND Thành phố Hải Phòng"] * 2, False),
    ("departments of two provinces", ["Sở Tài chính tỉnh Sơn La", "Sở Xây dựng - tỉnh Quảng Ninh",
                                      "Sở Tài chính tỉnh Sơn La"], False),
]  # fmt: skip


@pytest.mark.parametrize(("case", "cells", "stacked"), STACKED, ids=[c[0] for c in STACKED])
def test_find_units(case: str, cells: list[str], stacked: bool) -> None:
    assert (find_units(pd.Series(cells, dtype="str")) is not None) == stacked


def test_units_of_rows_and_labels() -> None:
    cells = ["UBND Huyện Phù Ninh", None, "Ủy ban nhân dân huyện Phù Ninh", "UBND Thị xã Phú Thọ"]
    units = find_units(pd.Series(cells, dtype="str"))
    assert units is not None
    assert units.ids.tolist() == [0, -1, 0, 1]
    assert units.labels == ["UBND Huyện Phù Ninh", "UBND Thị xã Phú Thọ"]
    assert units.kinds == ["ubnd district", "ubnd district"]


def test_rule_context_exposes_the_units() -> None:
    rows = [{"name": "A", "agency": cell} for cell in DISTRICTS]
    context = RuleContext(table_of(rows).frame)
    assert context.units is not None and context.units.labels == DISTRICTS
    assert context.unit_ids().tolist() == [1, 2, 3]
    plain = RuleContext(table_of([{"name": "A", "agency": "Sở Y tế"}]).frame)
    assert plain.units is None and plain.unit_ids().tolist() == [0]
    assert RuleContext(table_of([{"name": "A"}]).frame).units is None


def test_real_exports_are_not_stacked(real_data) -> None:
    folder = real_data / "national-portal-2026"
    paths = [*sorted(folder.glob("*.xlsx")), folder / "procedure-details.csv",
             *sorted(SAMPLES.glob("catalogue-*"))]  # fmt: skip
    for path in paths:
        for table in read_catalogue(str(path)).tables:
            assert find_units(table.frame["agency"]) is None, path.name


def test_phu_tho_export_is_stacked(real_data) -> None:
    mapping = {"TEN_CO_QUAN": "agency", "TEN_TAT": "code"}
    path = real_data / "phutho-motcua-2022" / "PTO.xls"
    [table] = read_catalogue(str(path), ReadOptions(mapping=mapping)).tables
    units = find_units(table.frame["agency"])
    assert units is not None and len(units) == 32
    assert (units.ids >= 0).all()
    districts = [
        label
        for label, kind in zip(units.labels, units.kinds, strict=True)
        if kind == "ubnd district"
    ]
    # 13 district-level units (the data's README says 14, but counts their 852 rows right)
    assert len(districts) == 13
    rows = np.bincount(units.ids)
    assert sum(rows[units.labels.index(label)] for label in districts) == 852
    assert rows[units.labels.index("UBND Huyện Phù Ninh")] == 93
