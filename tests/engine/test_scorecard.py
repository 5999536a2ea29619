"""The scorecard: provinces told from titles, names and the configuration; rows, totals and
headlines built from the files' counts; the JSON, Markdown and terminal renderings (golden
files, PROCAUDIT_UPDATE_GOLDEN=1 rewrites them); and a folder of province catalogues audited
through the command line."""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import GOLDEN
from procaudit import __version__
from procaudit.app.config import ConfigError, load_config
from procaudit.app.settings import CommandLine, Settings
from procaudit.cli import app
from procaudit.core.findings import (
    AuditResult,
    CatalogueStats,
    FileReport,
    Finding,
    ScoreRow,
    Severity,
    UnitStats,
)
from procaudit.core.i18n import speaking
from procaudit.core.jsontext import dumps
from procaudit.engine.owner import catalogue_owner
from procaudit.engine.scorecard import (
    build_scorecard,
    combined,
    percent,
    shown_labels,
    with_provinces,
)
from procaudit.report import Format, ReportOptions, reporter_for
from procaudit.report.json_report import scorecard_dict
from procaudit.report.scorecard_table import print_scorecard
from procaudit.vn.ministries import ministries, ministry_in, owner_of
from procaudit.vn.provinces import PROVINCES, province_in, province_named, province_of

runner = CliRunner()

# --- provinces -----------------------------------------------------------------------------


def test_there_are_34_provinces_each_found_by_its_own_name() -> None:
    assert len(PROVINCES) == len(set(PROVINCES)) == 34
    assert [province_in(name) for name in PROVINCES] == list(PROVINCES)


PROVINCE_CASES = [
    # (text, the province it names)
    ("catalogue-lao-cai.xlsx", "Lào Cai"),
    ("DanhMuc_LaoCai.xlsx", "Lào Cai"),
    ("lao_cai.csv", "Lào Cai"),
    ("laocai", "Lào Cai"),
    ("LAO-CAI-2025", "Lào Cai"),
    ("ha-noi", "Hà Nội"),
    ("HaNoi_TTHC", "Hà Nội"),
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Lào Cai"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "TP. Hồ Chí Minh"),
    ("tphcm-cap-xa", "TP. Hồ Chí Minh"),
    ("(Kèm theo Quyết định số 1890/QĐ-UBND của Chủ tịch UBND tỉnh Đắk Lắk)", "Đắk Lắk"),
    ("dak-lak", "Đắk Lắk"),
    ("thanh hoá", "Thanh Hóa"),
    ("danh-muc-hue.xlsx", "Huế"),
    ("TTHC Khánh Hoà", "Khánh Hòa"),
    ("can_tho", "Cần Thơ"),
    # No province: only whole words count, and other words are not names.
    ("thue-phi.xlsx", None),  # thuế, not Huế
    ("hanoian", None),
    ("lao", None),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),
    ("DANH MỤC THỦ TỤC HÀNH CHÍNH", None),
    ("danh-muc-tinh.xlsx", None),
    ("Yên Bái", None),  # merged into Lào Cai in 2025: not a province any more
    ("", None),
]


@pytest.mark.parametrize(("text", "province"), PROVINCE_CASES)
def test_province_in(text: str, province: str | None) -> None:
    assert province_in(text) == province


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Lào Cai", "Lào Cai"),
        ("lao cai", "Lào Cai"),
        ("Tỉnh Lào Cai", "Lào Cai"),
        ("TP HCM", "TP. Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh"),
        ("thành phố Huế", "Huế"),
        ("Lào Cai mới", None),
        ("Lào", None),
        ("Bộ Tư pháp", None),
    ],
)
def test_province_named(name: str, province: str | None) -> None:
    assert province_named(name) == province


@pytest.mark.parametrize(
    ("path", "title", "province"),
    [
        # The title wins over the name; the first line naming a province is taken.
        (
            "ha-noi.xlsx",
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"],
            "Lào Cai",
        ),
        ("data/lao-cai/danh-muc.xlsx", [], None),  # the name, not the folder
        ("data/x/DanhMuc_CaMau.csv", ["DANH MỤC THỦ TỤC HÀNH CHÍNH"], "Cà Mau"),
        # Where a decision was signed is not whose catalogue it is: a ministry signs in Hà Nội.
        ("bo-tu-phap.xlsx", ["BỘ TƯ PHÁP", "Hà Nội, ngày 15 tháng 8 năm 2025"], None),
        ("tinh.xlsx", ["Hà Nội, ngày 15/8/2025", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"], "Lào Cai"),
        ("bo-y-te.xlsx", ["Hà Nội, ngày ... tháng ... năm 2025"], None),  # left blank
        ("danh-muc-ha-noi.xlsx", ["Hà Nội, ngày ... tháng ... năm 2025"], "Hà Nội"),
    ],
)
def test_province_of(path: str, title: list[str], province: str | None) -> None:
    assert province_of(path, title) == province


def _annex(path: Path, title: list[str], rows: list[list[str | None]], header: list[str]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in title:
        sheet.append([line])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_the_reader_keeps_the_title_block_for_the_province(tmp_path: Path) -> None:
    from procaudit.engine.owner import catalogue_province
    from procaudit.io import read_catalogue

    path = _annex(
        tmp_path / "danh-muc.xlsx",
        ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH", "DANH MỤC THỦ TỤC HÀNH CHÍNH"],
        [["1.000001", "Đăng ký khai sinh"]],
        ["Mã TTHC", "Tên thủ tục"],
    )
    catalogue = read_catalogue(str(path))
    assert catalogue.tables[0].account.title == (
        "ỦY BAN NHÂN DÂN",
        "TỈNH QUẢNG NINH",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH",
    )
    assert catalogue_province(catalogue) == "Quảng Ninh"


# --- ministries and national bodies -------------------------------------------------------


def test_the_ministries_after_the_march_2025_merges() -> None:
    names = [ministry.name for ministry in ministries()]
    assert len(names) == len(set(names))
    kinds = Counter(ministry.kind for ministry in ministries())
    assert kinds["ministry"] == 14 and kinds["ministry-level agency"] == 3
    for gone in (
        "Bộ Kế hoạch và Đầu tư",
        "Bộ Giao thông vận tải",
        "Bộ Tài nguyên và Môi trường",
        "Bộ Lao động - Thương binh và Xã hội",
        "Bộ Thông tin và Truyền thông",
    ):
        assert ministry_in(gone) is None
    assert [ministry_in(name) for name in names] == names


MINISTRY_TITLES = [
    # (title block, (province, ministry))
    (["BỘ TƯ PHÁP", "Hà Nội, ngày 15 tháng 8 năm 2025"], (None, "Bộ Tư pháp")),
    (["Bộ Công an"], (None, "Bộ Công an")),
    (
        ["BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "DANH MỤC THỦ TỤC HÀNH CHÍNH"],
        (None, "Bộ Nông nghiệp và Môi trường"),
    ),
    (["BỘ VĂN HOÁ, THỂ THAO VÀ DU LỊCH"], (None, "Bộ Văn hóa, Thể thao và Du lịch")),
    (["NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM"], (None, "Ngân hàng Nhà nước Việt Nam")),
    (["NGÂN HÀNG NHÀ NƯỚC"], (None, "Ngân hàng Nhà nước Việt Nam")),
    (["TÒA ÁN NHÂN DÂN TỐI CAO"], (None, "Tòa án nhân dân tối cao")),
    (["BẢO HIỂM XÃ HỘI VIỆT NAM"], (None, "Bảo hiểm xã hội Việt Nam")),
    (["THANH TRA CHÍNH PHỦ"], (None, "Thanh tra Chính phủ")),
    # The place and date line names where a decision was signed: the ministry decides.
    (["Hà Nội, ngày 15/8/2025", "BỘ Y TẾ"], (None, "Bộ Y tế")),
    # A province's catalogue, whatever ministry its title also names.
    (["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "BỘ TƯ PHÁP"], ("Lào Cai", None)),
    (
        ["DANH MỤC TTHC THUỘC PHẠM VI QUẢN LÝ CỦA BỘ TƯ PHÁP ÁP DỤNG TẠI TỈNH LÀO CAI"],
        ("Lào Cai", None),
    ),
    # A province's department is not the ministry of its field.
    (["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], (None, None)),
    (["SỞ TƯ PHÁP"], (None, None)),
    (["TÒA ÁN NHÂN DÂN CẤP CAO"], (None, None)),
    (["Bộ phận một cửa"], (None, None)),
    (
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc",
            "DANH SÁCH THỦ TỤC HÀNH CHÍNH",
        ],
        (None, None),
    ),
    # A ministry merged away in 2025 is not the current one.
    (["BỘ KẾ HOẠCH VÀ ĐẦU TƯ"], (None, None)),
]


@pytest.mark.parametrize(("title", "owner"), MINISTRY_TITLES)
def test_a_ministry_from_the_title_block(
    title: list[str], owner: tuple[str | None, str | None]
) -> None:
    assert owner_of("danh-muc.xlsx", title) == owner


MINISTRY_FILE_NAMES = [
    # The portal's exports (national-portal-2026), and other spellings.
    ("danh-sach-tthc-BoTuPhap.xlsx", "Bộ Tư pháp"),
    ("danh-sach-tthc-BoCongAn.xlsx", "Bộ Công an"),
    ("danh-sach-tthc-BoTaiChinh.xlsx", "Bộ Tài chính"),
    ("danh-sach-tthc-BoXayDung.xlsx", "Bộ Xây dựng"),
    ("danh-sach-tthc-NganhangNhanuocVietNam.xlsx", "Ngân hàng Nhà nước Việt Nam"),
    ("danh-sach-tthc-NongNghiepvaMoiTruong.xlsx", "Bộ Nông nghiệp và Môi trường"),
    ("toa-an-nhan-dan.xlsx", "Tòa án nhân dân tối cao"),
    ("bo_y_te_2026.csv", "Bộ Y tế"),
    ("DM_TTHC_BoGiaoDucvaDaoTao.xlsx", "Bộ Giáo dục và Đào tạo"),
    ("vien-kiem-sat-nhan-dan-toi-cao.xlsx", "Viện kiểm sát nhân dân tối cao"),
    # A short form counts only where the rest of the name is catalogue words.
    ("so-nong-nghiep-va-moi-truong.xlsx", None),  # a province's department
    ("linh-vuc-khoa-hoc-va-cong-nghe.xlsx", None),  # a field
    ("toa-an-nhan-dan-cap-cao.xlsx", None),
    ("giay-phep-xay-dung.xlsx", None),  # a building permit, not Bộ Xây dựng
    ("bao-cao-tai-chinh.xlsx", None),
    ("bo-phan-mot-cua.xlsx", None),  # the one-stop desk
    ("cong-an.xlsx", None),  # Công an of what? No "Bộ": not said
    ("PTO.xls", None),
]


@pytest.mark.parametrize(("path", "ministry"), MINISTRY_FILE_NAMES)
def test_a_ministry_from_the_file_name(path: str, ministry: str | None) -> None:
    assert owner_of(os.path.join("data", path)) == (None, ministry)


def test_a_province_in_the_file_name_wins_over_a_ministry_in_it() -> None:
    assert owner_of("toa-an-nhan-dan-tinh-lao-cai.xlsx") == ("Lào Cai", None)
    assert owner_of("bo-tu-phap.xlsx", ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"]) == ("Lào Cai", None)
    # The title wins over the name.
    assert owner_of("lao-cai.xlsx", ["BỘ TƯ PHÁP"]) == (None, "Bộ Tư pháp")


def test_the_reader_keeps_the_title_block_for_the_ministry(tmp_path: Path) -> None:
    from procaudit.io import read_catalogue

    path = _annex(
        tmp_path / "danh-muc.xlsx",
        ["BỘ CÔNG AN", "Hà Nội, ngày 15 tháng 8 năm 2025", "DANH MỤC THỦ TỤC HÀNH CHÍNH"],
        [["1.000001", "Cấp giấy phép"]],
        ["Mã TTHC", "Tên thủ tục"],
    )
    assert catalogue_owner(read_catalogue(str(path))) == (None, "Bộ Công an")


def test_ministries_have_rows_of_their_own_before_the_provinces() -> None:
    reports = (
        FileReport("lao-cai.csv", None, 2, stats=CatalogueStats(2), province="Lào Cai"),
        FileReport(
            "x/danh-sach-tthc-BoTuPhap.xlsx",
            None,
            3,
            stats=CatalogueStats(3),
            ministry="Bộ Tư pháp",
        ),
        FileReport("y/bo-tu-phap-2.xlsx", None, 4, stats=CatalogueStats(4), ministry="Bộ Tư pháp"),
        FileReport("khac.csv", None, 1, stats=CatalogueStats(1)),
        FileReport("bo-cong-an.xlsx", None, 5, stats=CatalogueStats(5), ministry="Bộ Công an"),
    )
    card = build_scorecard(AuditResult(reports, ()))
    assert [(row.label, row.stats.procedures) for row in card.rows] == [
        ("Bộ Công an", 5),
        ("Bộ Tư pháp", 7),
        ("Lào Cai", 2),
        ("khac.csv", 1),
    ]
    # The configuration's provinces are for files neither title nor name placed.
    placed = with_provinces(AuditResult(reports, ()), lambda path: "Huế")
    assert [(report.province, report.ministry) for report in placed.files] == [
        ("Lào Cai", None),
        (None, "Bộ Tư pháp"),
        (None, "Bộ Tư pháp"),
        ("Huế", None),
        (None, "Bộ Công an"),
    ]


# --- the provinces of the configuration --------------------------------------------------


def _config(tmp_path: Path, text: str):
    path = tmp_path / "procaudit.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_the_configuration_names_provinces_by_path_glob_or_folder(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        '[provinces]\n"khac.csv" = "da nang"\n'
        '"data/tinh-*.xlsx" = "Tỉnh Gia Lai"\n"xa" = "TP HCM"\n',
    )
    assert config.provinces == {
        "khac.csv": "Đà Nẵng",
        "data/tinh-*.xlsx": "Gia Lai",
        "xa": "TP. Hồ Chí Minh",
    }
    settings = Settings(config, CommandLine())
    assert [
        settings.province_for(path)
        for path in (
            "khac.csv",
            "sub/khac.csv",
            "data/tinh-1.xlsx",
            "other/tinh-1.xlsx",
            os.path.join("xa", "a", "b.csv"),
            "./xa/c.csv",
            "xa.csv",
        )
    ] == ["Đà Nẵng", "Đà Nẵng", "Gia Lai", None, "TP. Hồ Chí Minh", "TP. Hồ Chí Minh", None]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('provinces = "Lào Cai"', '\'provinces\' must be a table of "path or glob" = "province"'),
        (
            '[provinces]\n"a.csv" = "Lào Kai"',
            "'provinces.\"a.csv\"' names 'Lào Kai', which is not "
            "one of the 34 provinces and cities",
        ),
        ('[provinces]\n"a.csv" = 3', "'provinces.\"a.csv\"' names 3, which is not one"),
    ],
)
def test_a_bad_provinces_table_is_one_sentence(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        _config(tmp_path, text + "\n")
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_procaudit_config_shows_the_provinces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "procaudit.toml").write_text(
        '[provinces]\n"khac.csv" = "Đà Nẵng"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    [line] = [line for line in result.stdout.splitlines() if line.startswith("provinces")]
    assert "khac.csv = Đà Nẵng" in line and "the file" in line


# --- building the scorecard --------------------------------------------------------------


def _finding(file: str, severity: Severity, rule: str = "PA101") -> Finding:
    return Finding(rule, "x", severity, file, None, 2, None, None, None, "m", "f")


def _result(*files: tuple[str, str | None, CatalogueStats], findings=()) -> AuditResult:
    reports = tuple(
        FileReport(path, None, stats.procedures, stats=stats, province=province)
        for path, province, stats in files
    )
    return AuditResult(reports, tuple(findings))


def test_combined_adds_up_what_is_known() -> None:
    assert combined(
        [
            CatalogueStats(
                10,
                with_code=9,
                with_forms=None,
                published=10,
                fully_online=4,
                district_level=1,
                reference_total=12,
                reference_announced=11,
            ),
            CatalogueStats(
                5, with_code=5, with_forms=None, published=None, fully_online=1, district_level=0
            ),
        ]
    ) == CatalogueStats(
        15,
        with_code=14,
        with_forms=None,
        published=10,
        fully_online=5,
        district_level=1,
        reference_total=12,
        reference_announced=11,
        measured=(("published", 10),),
    )
    assert combined([]) == CatalogueStats(0)


def test_a_share_is_taken_of_the_procedures_that_could_be_counted() -> None:
    # The second catalogue has no decision column: the province's share published is the
    # first catalogue's, not 10 of 15 (a missing column is not a missing decision).
    stats = combined(
        [
            CatalogueStats(10, published=10, fully_online=4),
            CatalogueStats(5, published=None, fully_online=1),
        ]
    )
    row = ScoreRow("Huế", ("a.csv", "b.csv"), stats)
    assert row.share_of("published") == 1.0
    assert row.share_of("fully_online") == 5 / 15
    assert row.share_of("with_forms") is None
    # Counted together again (a total of provinces), the denominators add up.
    again = combined([stats, CatalogueStats(5, published=2, fully_online=0)])
    assert ScoreRow("Total", (), again).share_of("published") == 12 / 15


def test_rows_per_province_then_per_file_and_a_total() -> None:
    result = _result(
        ("z/lao-cai-xa.csv", "Lào Cai", CatalogueStats(20, district_level=1)),
        ("b.csv", None, CatalogueStats(3, district_level=0)),
        ("a/lao-cai-tinh.xlsx", "Lào Cai", CatalogueStats(10, district_level=0)),
        ("dak-lak.csv", "Đắk Lắk", CatalogueStats(4, district_level=0)),
        ("a.csv", None, CatalogueStats(1, district_level=2)),
        findings=[
            _finding("b.csv", Severity.ERROR),
            _finding("z/lao-cai-xa.csv", Severity.INFO),
            _finding("a/lao-cai-tinh.xlsx", Severity.WARNING),
            _finding("a/lao-cai-tinh.xlsx", Severity.ERROR),
            _finding("z/lao-cai-xa.csv", Severity.ERROR),
        ],
    )
    scorecard = build_scorecard(result)
    assert [
        (row.label, row.files, row.stats.procedures, row.errors, row.warnings, row.infos)
        for row in scorecard.rows
    ] == [
        ("Đắk Lắk", ("dak-lak.csv",), 4, 0, 0, 0),  # "dak lak" before "lao cai"
        ("Lào Cai", ("z/lao-cai-xa.csv", "a/lao-cai-tinh.xlsx"), 30, 2, 1, 1),
        ("b.csv", ("b.csv",), 3, 1, 0, 0),  # files without a province, in the run's order
        ("a.csv", ("a.csv",), 1, 0, 0, 0),
    ]
    total = scorecard.total
    assert (
        total.label,
        len(total.files),
        total.stats.procedures,
        total.errors,
        total.warnings,
        total.infos,
    ) == ("Total", 5, 38, 3, 1, 1)
    assert total.stats.district_level == 3


def test_the_configured_provinces_fill_only_the_gaps() -> None:
    result = _result(
        ("a.csv", "Huế", CatalogueStats(1)),
        ("b.csv", None, CatalogueStats(1)),
        ("c.csv", None, CatalogueStats(1)),
    )
    placed = with_provinces(result, {"a.csv": "Cà Mau", "b.csv": "Cà Mau"}.get)
    assert [f.province for f in placed.files] == ["Huế", "Cà Mau", None]


HEADLINE_CASES = [
    # (case, stats per catalogue, target, headlines)
    (
        "every catalogue complete",
        [CatalogueStats(4, 4, 4, 4, 4, 0, 5, 5), CatalogueStats(2, 2, 2, 2, 1, 0, 3, 3)],
        0.8,
        [
            "2/2 catalogues announce every reference procedure",
            "2/2 catalogues list no district-level procedure",
            "2/2 catalogues have a form for every procedure",
            "2/2 catalogues name a publishing decision for every procedure",
            "share fully online: 83% (target 80%)",
        ],
    ),
    (
        "some unknown, no reference",
        [CatalogueStats(4, 4, None, 3, None, 1), CatalogueStats(6, 6, 6, 6, 3, 0)],
        0.75,
        [
            "1/2 catalogues list no district-level procedure",
            "1/2 catalogues have a form for every procedure; 1 without a forms column",
            "1/2 catalogues name a publishing decision for every procedure",
            "share fully online: 50% (target 75%); 1 without an online-level column, not counted",
        ],
    ),
    (
        "a scope PA405 could not tell, a share just short of all",
        [CatalogueStats(400, 399, 400, 400, 399, 0, 7, 6), CatalogueStats(2, 2, 2, 2, 2, 0)],
        0.8,
        [
            "0/2 catalogues announce every reference procedure; 1 could not be compared with the "
            "reference",
            "2/2 catalogues list no district-level procedure",
            "2/2 catalogues have a form for every procedure",
            "2/2 catalogues name a publishing decision for every procedure",
            "share fully online: >99% (target 80%)",
        ],
    ),
    (
        "no online-level column anywhere: no online headline",
        [CatalogueStats(1, None, None, None, None, 0)],
        0.8,
        [
            "1/1 catalogues list no district-level procedure",
            "0/1 catalogues have a form for every procedure; 1 without a forms column",
            "0/1 catalogues name a publishing decision for every procedure; 1 without a decision "
            "column",
        ],
    ),
]


@pytest.mark.parametrize(
    ("case", "stats", "target", "headlines"),
    HEADLINE_CASES,
    ids=[case[0] for case in HEADLINE_CASES],
)
def test_headlines(
    case: str, stats: list[CatalogueStats], target: float, headlines: list[str]
) -> None:
    result = _result(*((f"{number}.csv", None, s) for number, s in enumerate(stats)))
    assert list(build_scorecard(result, target).headlines) == headlines


def test_headlines_in_vietnamese() -> None:
    result = _result(("a.csv", None, CatalogueStats(4, 4, None, 4, 1, 0, 2, 2)))
    with speaking("vi"):
        scorecard = build_scorecard(result)
    assert scorecard.total.label == "Tổng cộng"
    assert list(scorecard.headlines) == [
        "1/1 danh mục đã công bố đầy đủ các thủ tục hành chính trong danh sách đối chiếu",
        "1/1 danh mục không còn thủ tục hành chính cấp huyện",
        "0/1 danh mục có mẫu đơn, tờ khai cho tất cả thủ tục hành chính; 1 danh mục không có "
        "cột mẫu đơn, tờ khai",
        "1/1 danh mục ghi rõ quyết định công bố của tất cả thủ tục hành chính",
        "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình: 25% (chỉ tiêu 80%)",
    ]


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (None, "—"),
        (0.0, "0%"),
        (0.004, "<1%"),
        (0.005, "0%"),
        (0.41, "41%"),
        (0.994, "99%"),
        (0.995, ">99%"),
        (1.0, "100%"),
    ],
)
def test_percent(share: float | None, text: str) -> None:
    assert percent(share) == text


# --- renderings (golden files) -------------------------------------------------------------

RESULT = _result(
    # tinh.xlsx has a code that is not a national one.
    ("lao-cai/tinh.xlsx", "Lào Cai", CatalogueStats(10, 10, 9, 10, 5, 0, 12, 11, 9)),
    ("lao-cai/xa.csv", "Lào Cai", CatalogueStats(20, 18, None, 20, 8, 1, 30, 30, 18)),
    ("ha-noi.xlsx", "Hà Nội", CatalogueStats(5, 5, 5, 4, 5, 0, 6, 6, 5)),
    ("khac.csv", None, CatalogueStats(3, None, 3, None, None, 0)),
    findings=[
        _finding("lao-cai/xa.csv", Severity.ERROR),
        _finding("khac.csv", Severity.WARNING),
        _finding("khac.csv", Severity.INFO, "PA603"),
    ],
)
SCORED = AuditResult(RESULT.files, RESULT.findings, scorecard=build_scorecard(RESULT))


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == path.read_bytes()


def _terminal(result: AuditResult, width: int = 120) -> str:
    out = io.StringIO()
    print_scorecard(Console(file=out, width=width, highlight=False, soft_wrap=True), result)
    return out.getvalue()


def test_scorecard_json_matches_golden_file() -> None:
    text = dumps(scorecard_dict(SCORED.scorecard)) + "\n"  # as the JSON report writes it
    _golden("scorecard.json", text)
    document = json.loads(text)
    assert [row["label"] for row in document["rows"]] == ["Hà Nội", "Lào Cai", "khac.csv"]
    # Of the 38 procedures, the 20 of the file without a forms column are not counted.
    assert document["total"]["with_forms_share"] == round(17 / 18, 4)


def test_markdown_report_with_the_scorecard_matches_golden_file() -> None:
    def render() -> str:
        out = io.StringIO()
        reporter_for(Format.MARKDOWN, ReportOptions()).render(SCORED, out)
        return out.getvalue().replace(__version__, "VERSION")

    text = render()
    _golden("scorecard.md", text)
    assert render() == text  # same input, same bytes


def test_terminal_scorecard_matches_golden_file() -> None:
    text = _terminal(SCORED)
    _golden("scorecard.txt", text)
    assert _terminal(SCORED) == text


def test_terminal_scorecard_needs_two_catalogues_and_a_scorecard() -> None:
    one = AuditResult(SCORED.files[:1], (), scorecard=build_scorecard(RESULT))
    assert _terminal(one) == ""
    assert _terminal(RESULT) == ""  # a result not made by `check` has none to show
    narrow = _terminal(SCORED, width=60)
    assert "Lào Cai" in narrow and "khac.csv" in narrow  # labels are never cut


def test_markdown_scorecard_needs_two_catalogues() -> None:
    out = io.StringIO()
    one = AuditResult(SCORED.files[:1], ())
    reporter_for(Format.MARKDOWN, ReportOptions()).render(one, out)
    assert "Scorecard" not in out.getvalue()


# --- the command line: a folder of province catalogues ------------------------------------

HEADER = [
    "Mã TTHC",
    "Tên thủ tục",
    "Cấp thực hiện",
    "Cơ quan thực hiện",
    "Mẫu đơn, tờ khai",
    "Số quyết định",
    "Mức độ DVC",
    "Tình trạng",
]


def _csv(path: Path, header: list[str], rows: list[list[str | None]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([["" if cell is None else cell for cell in row] for row in rows])


@pytest.fixture
def provinces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Five catalogues of four provinces, a national reference beside them, a configuration
    naming the province of the one whose title and name do not."""
    folder = tmp_path / "danh-muc"
    folder.mkdir()
    xa = "UBND cấp xã"
    # Lào Cai, told by its title: 4 commune procedures, all complete but one not fully online.
    _annex(
        folder / "danh-muc-tinh.xlsx",
        ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "DANH MỤC THỦ TỤC HÀNH CHÍNH"],
        [
            [
                "1.000001",
                "Đăng ký khai sinh",
                "Cấp xã",
                xa,
                "Tờ khai",
                "1/QĐ-UBND",
                "Toàn trình",
                None,
            ],
            [
                "1.000002",
                "Đăng ký kết hôn",
                "Cấp xã",
                xa,
                "Tờ khai",
                "1/QĐ-UBND",
                "Toàn trình",
                None,
            ],
            ["1.000003", "Đăng ký khai tử", "Cấp xã", xa, "Tờ khai", "1/QĐ-UBND", "Một phần", None],
            [
                "1.000004",
                "Cấp bản sao trích lục",
                "Cấp xã",
                xa,
                "Không",
                "1/QĐ-UBND",
                "Toàn trình",
                None,
            ],
        ],
        HEADER,
    )
    # Lào Cai again, told by its name: 2 of the 3 province procedures of the reference.
    _csv(
        folder / "lao-cai-cap-tinh.csv",
        HEADER,
        [
            [
                "1.000010",
                "Cấp giấy phép A",
                "Cấp tỉnh",
                "Sở Tư pháp",
                "Tờ khai",
                "9/QĐ-UBND",
                "Toàn trình",
                None,
            ],
            [
                "1.000011",
                "Cấp giấy phép B",
                "Cấp tỉnh",
                "Sở Tư pháp",
                "Tờ khai",
                "9/QĐ-UBND",
                "Một phần",
                None,
            ],
        ],
    )
    # Hà Nội, told by its name: a missing code, form and decision, a placeholder form, a
    # district level, and an abolished procedure that is not counted.
    _annex(
        folder / "DanhMuc_HaNoi.xlsx",
        [],
        [
            [
                "1.000001",
                "Đăng ký khai sinh",
                "Cấp xã",
                xa,
                "Tờ khai",
                "2/QĐ-UBND",
                "Toàn trình",
                None,
            ],
            [None, "Đăng ký kết hôn", "Cấp xã", xa, None, "2/QĐ-UBND", "Một phần", None],
            ["1.000005", "Thủ tục X", "Cấp huyện", xa, "Tờ khai", None, "Toàn trình", None],
            ["1.000006", "Thủ tục Y", "Cấp xã", xa, "-", "2/QĐ-UBND", "Một phần", None],
            [
                "1.000007",
                "Thủ tục Z",
                "Cấp huyện",
                xa,
                "Tờ khai",
                "2/QĐ-UBND",
                "Toàn trình",
                "Bãi bỏ",
            ],
        ],
        HEADER,
    )
    # Cà Mau, told by its name, in a subfolder: no forms column at all.
    _csv(
        folder / "mien-nam" / "ca-mau.csv",
        ["Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Số quyết định", "Mức độ DVC"],
        [
            ["1.000001", "Đăng ký khai sinh", "Cấp xã", "5/QĐ-UBND", "Toàn trình"],
            ["1.000002", "Đăng ký kết hôn", "Cấp xã", "5/QĐ-UBND", "Toàn trình"],
            ["1.000003", "Đăng ký khai tử", "Cấp xã", "5/QĐ-UBND", "Một phần"],
        ],
    )
    # Đà Nẵng, told by the configuration: a district tag in a name, a district office.
    _csv(
        folder / "mien-trung" / "khac.csv",
        HEADER,
        [
            [
                "1.000001",
                "Đăng ký khai sinh",
                "Cấp xã",
                xa,
                "Tờ khai",
                "7/QĐ-UBND",
                "Toàn trình",
                None,
            ],
            [
                "1.000002",
                "Đăng ký kết hôn (thực hiện tại cấp huyện)",
                "Cấp xã",
                xa,
                "Tờ khai",
                "7/QĐ-UBND",
                "Một phần",
                None,
            ],
            [
                "1.000003",
                "Đăng ký khai tử",
                "Cấp xã",
                "Phòng Tư pháp huyện",
                "Tờ khai",
                "7/QĐ-UBND",
                "Một phần",
                None,
            ],
            [
                "1.000004",
                "Cấp bản sao trích lục",
                "Cấp xã",
                xa,
                "Tờ khai",
                "7/QĐ-UBND",
                "Toàn trình",
                None,
            ],
        ],
    )
    (folder / "~$DanhMuc_HaNoi.xlsx").write_bytes(b"lock")  # Excel's lock file: left alone
    _csv(
        tmp_path / "quoc-gia.csv",
        ["Mã TTHC", "Tên thủ tục", "Cấp thực hiện"],
        [
            ["1.000001", "Đăng ký khai sinh", "Cấp xã"],
            ["1.000002", "Đăng ký kết hôn", "Cấp xã"],
            ["1.000003", "Đăng ký khai tử", "Cấp xã"],
            ["1.000004", "Cấp bản sao trích lục", "Cấp xã"],
            ["1.000010", "Cấp giấy phép A", "Cấp tỉnh"],
            ["1.000011", "Cấp giấy phép B", "Cấp tỉnh"],
            ["1.000012", "Cấp giấy phép C", "Cấp tỉnh"],
        ],
    )
    (tmp_path / "procaudit.toml").write_text(
        '[provinces]\n"khac.csv" = "Đà Nẵng"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return folder


# (label, files, procedures, with code, with forms, published, fully online, district level,
#  reference in scope, announced)
EXPECTED_ROWS = [
    ("Cà Mau", 1, 3, 3, None, 3, 2, 0, 4, 3),
    ("Đà Nẵng", 1, 4, 4, 4, 4, 2, 2, 4, 4),
    ("Hà Nội", 1, 4, 3, 2, 3, 2, 1, 4, 2),  # kết hôn announced by its name
    ("Lào Cai", 2, 6, 6, 6, 6, 4, 0, 7, 6),
]
EXPECTED_TOTAL = ("Total", 5, 17, 16, 12, 16, 10, 3, 19, 15)
COUNTED = ("with_code", "with_forms", "published", "fully_online", "district_level")


def _numbers(row: dict) -> tuple:
    return (
        row["label"],
        len(row["files"]),
        row["procedures"],
        *(row[name] for name in COUNTED),
        row["reference_total"],
        row["reference_announced"],
    )


def test_a_folder_of_province_catalogues_gives_the_scorecard(provinces: Path) -> None:
    result = runner.invoke(
        app, ["check", "danh-muc", "--reference", "quoc-gia.csv", "-f", "json", "-q", "--exit-zero"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["files"]) == 5
    scorecard = report["scorecard"]
    assert [_numbers(row) for row in scorecard["rows"]] == EXPECTED_ROWS
    assert _numbers(scorecard["total"]) == EXPECTED_TOTAL
    # Every share is its count over the procedures of the catalogues that have its column
    # (the reference's over its scope).
    for row in scorecard["rows"]:
        for name in COUNTED:
            share = None if row[name] is None else round(row[name] / row["procedures"], 4)
            assert row[f"{name}_share"] == share
    total = scorecard["total"]
    assert total["with_forms_share"] == round(12 / (17 - 3), 4)  # Cà Mau has no forms column
    assert total["with_code_share"] == round(16 / 17, 4)
    for row in [*scorecard["rows"], total]:
        assert row["reference_announced_share"] == round(
            row["reference_announced"] / row["reference_total"], 4
        )
    assert scorecard["total"]["fully_online_share"] == 0.5882
    # The severities of a row are its files' findings.
    for row in [*scorecard["rows"], scorecard["total"]]:
        found = [f["severity"] for f in report["findings"] if f["file"] in row["files"]]
        assert (row["errors"], row["warnings"], row["infos"]) == (
            found.count("error"),
            found.count("warning"),
            found.count("info"),
        )
    assert scorecard["rows"][2]["errors"] > 0  # Hà Nội's district level, its missing decision
    assert scorecard["headlines"] == [
        "1/4 catalogues announce every reference procedure",
        "2/4 catalogues list no district-level procedure",
        "2/4 catalogues have a form for every procedure; 1 without a forms column",
        "3/4 catalogues name a publishing decision for every procedure",
        "share fully online: 59% (target 80%)",
    ]
    lao_cai = scorecard["rows"][3]["files"]
    assert lao_cai == [
        os.path.join("danh-muc", "danh-muc-tinh.xlsx"),
        os.path.join("danh-muc", "lao-cai-cap-tinh.csv"),
    ]


def test_without_a_reference_there_are_no_reference_numbers(provinces: Path) -> None:
    result = runner.invoke(app, ["check", "danh-muc", "-f", "json", "-q", "--online-target", "50"])
    scorecard = json.loads(result.stdout)["scorecard"]
    assert {row["reference_total"] for row in scorecard["rows"]} == {None}
    assert scorecard["headlines"][0] == "2/4 catalogues list no district-level procedure"
    assert scorecard["headlines"][-1] == "share fully online: 59% (target 50%)"


def test_the_terminal_report_shows_the_scorecard(
    provinces: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "150")
    result = runner.invoke(app, ["check", "danh-muc", "--reference", "quoc-gia.csv"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # The headings may wrap: the last of their lines starts with the first heading.
    start = next(number for number, line in enumerate(lines) if line.startswith("Catalogue"))
    table = [line.split() for line in lines[start : start + 6]]
    assert table[0][:4] == ["Catalogue", "Files", "In", "force"]  # short headings, whole
    assert table[1:] == [
        ["Cà", "Mau", "1", "3", "100%", "—", "100%", "67%", "0%", "75%", *table[1][-3:]],
        ["Đà", "Nẵng", "1", "4", "100%", "100%", "100%", "50%", "50%", "100%", *table[2][-3:]],
        ["Hà", "Nội", "1", "4", "75%", "50%", "75%", "50%", "25%", "50%", *table[3][-3:]],
        ["Lào", "Cai", "2", "6", "100%", "100%", "100%", "67%", "0%", "86%", *table[4][-3:]],
        ["Total", "5", "17", "94%", "86%", "94%", "59%", "18%", "79%", *table[5][-3:]],
    ]
    assert "  1/4 catalogues announce every reference procedure" in lines
    assert "  share fully online: 59% (target 80%)" in lines
    # The summary's procedures are the rows read; the scorecard's, those in force.
    assert (
        "  note: The scorecard counts procedures in force (17); the summary counts every "
        "procedure row read (18), abolished ones (1) included."
    ) in lines
    assert lines[-1].endswith("in 5 files (18 procedures)")
    quiet = runner.invoke(app, ["check", "danh-muc", "--quiet"])
    assert "Scorecard" not in quiet.stdout and len(quiet.stdout.splitlines()) == 1


def test_one_catalogue_has_no_terminal_scorecard_but_json_has_one(provinces: Path) -> None:
    path = os.path.join("danh-muc", "lao-cai-cap-tinh.csv")
    assert "Scorecard" not in runner.invoke(app, ["check", path]).stdout
    scorecard = json.loads(runner.invoke(app, ["check", path, "-f", "json"]).stdout)["scorecard"]
    assert [row["label"] for row in scorecard["rows"]] == ["Lào Cai"]


@pytest.mark.parametrize(
    ("rows", "shown"),
    [
        # A file's row by its name; a province by its name.
        (
            [
                ("/srv/tthc/2026/lao-cai.xlsx", ("/srv/tthc/2026/lao-cai.xlsx",)),
                ("Huế", ("a/hue-1.csv", "a/hue-2.csv")),
            ],
            ["lao-cai.xlsx", "Huế"],
        ),
        # Two files of one name keep their paths; a third, unique name is shortened.
        (
            [
                ("2025/danh-muc.xlsx", ("2025/danh-muc.xlsx",)),
                ("2026/danh-muc.xlsx", ("2026/danh-muc.xlsx",)),
                ("khac/bo-y-te.csv", ("khac/bo-y-te.csv",)),
            ],
            ["2025/danh-muc.xlsx", "2026/danh-muc.xlsx", "bo-y-te.csv"],
        ),
        # The total is no file's row.
        ([("Total", ("a.csv", "b.csv"))], ["Total"]),
    ],
)
def test_a_files_row_is_shown_by_the_files_name(rows: list, shown: list[str]) -> None:
    score_rows = [ScoreRow(label, files, CatalogueStats(1)) for label, files in rows]
    assert shown_labels(score_rows) == shown


# --- grouped by agency (--group-by agency) -----------------------------------------------


def _unit(name: str, procedures: int, national: int, findings: tuple = ()) -> UnitStats:
    return UnitStats(
        name,
        CatalogueStats(
            procedures, with_code=procedures, with_national_code=national, district_level=0
        ),
        findings,
    )


def test_a_row_per_unit_of_each_catalogue() -> None:
    one_stop = FileReport(
        "pto.xls",
        None,
        6,
        stats=CatalogueStats(6, with_code=6, with_national_code=2, district_level=0),
        province="Phú Thọ",
        units=(
            _unit("Sở Tư pháp", 1, 0, (("PA101", Severity.ERROR, 1),)),
            _unit(
                "UBND Huyện Phù Ninh",
                3,
                0,
                (("PA101", Severity.ERROR, 3), ("PA603", Severity.INFO, 2)),
            ),
            _unit("Sở Thông tin và Truyền thông", 2, 2),
        ),
    )
    portal = FileReport(
        "bo-tu-phap.xlsx", None, 4, stats=CatalogueStats(4), ministry="Bộ Tư pháp"
    )  # no agency column: its own row
    findings = (
        [_finding("pto.xls", Severity.ERROR)] * 4
        + [_finding("pto.xls", Severity.INFO)] * 2
        + [_finding("pto.xls", Severity.WARNING, "PA405")]  # about the whole file
        + [_finding("bo-tu-phap.xlsx", Severity.WARNING)]
    )
    result = AuditResult((one_stop, portal), tuple(findings))
    card = build_scorecard(result, group_by="agency")
    assert card.group_by == "agency"
    assert [
        (row.label, row.catalogue, row.stats.procedures, row.errors, row.warnings, row.infos)
        for row in card.rows
    ] == [
        ("Bộ Tư pháp", None, 4, 0, 1, 0),  # no agency column: the ministry's own row
        ("Sở Tư pháp", "Phú Thọ", 1, 1, 0, 0),
        ("UBND Huyện Phù Ninh", "Phú Thọ", 3, 3, 0, 2),
        ("Sở Thông tin và Truyền thông", "Phú Thọ", 2, 0, 0, 0),
    ]
    rows = {row.label: row for row in card.rows}
    assert rows["Bộ Tư pháp"].catalogue is None and rows["Bộ Tư pháp"].warnings == 1
    assert rows["Sở Thông tin và Truyền thông"].stats.with_national_code == 2
    assert (
        card.total.stats.procedures,
        card.total.errors,
        card.total.warnings,
        card.total.infos,
    ) == (10, 4, 2, 2)
    # Units' findings and procedures add up to the total, but for the finding about a whole
    # file, which the notes point out.
    assert sum(row.stats.procedures for row in card.rows) == card.total.stats.procedures
    assert sum(row.warnings for row in card.rows) == card.total.warnings - 1
    assert any(
        "Findings about a whole file, not one unit's rows: 1;" in note for note in card.notes
    )
    assert card.headlines[0] == (
        "3/4 units list no district-level procedure; 1 could not be checked"
    )
    # Labels: the units of one catalogue by their names; of several, with their catalogue's.
    assert shown_labels(card.rows) == [
        "Bộ Tư pháp",
        "Sở Tư pháp",
        "UBND Huyện Phù Ninh",
        "Sở Thông tin và Truyền thông",
    ]
    other = replace(one_stop, path="lao-cai.xls", province="Lào Cai")
    both = build_scorecard(AuditResult((one_stop, other), ()), group_by="agency")
    assert shown_labels(both.rows)[:2] == ["Sở Tư pháp (Lào Cai)", "UBND Huyện Phù Ninh (Lào Cai)"]
    assert shown_labels(both.rows)[-1] == "Sở Thông tin và Truyền thông (Phú Thọ)"


def test_a_units_findings_take_the_configured_severities() -> None:
    report = FileReport(
        "pto.xls",
        None,
        3,
        stats=CatalogueStats(3),
        units=(
            _unit("Sở Y tế", 3, 0, (("PA101", Severity.ERROR, 3), ("PA603", Severity.INFO, 1))),
        ),
    )
    result = AuditResult((report,), ())
    [row] = build_scorecard(result, group_by="agency", severities={"PA101": "warning"}).rows
    assert (row.label, row.errors, row.warnings, row.infos) == ("Sở Y tế", 0, 3, 1)
    assert shown_labels([row]) == ["Sở Y tế"]  # one catalogue: the unit alone


def test_the_same_unit_in_two_files_of_a_catalogue_is_one_row() -> None:
    reports = tuple(
        FileReport(
            path,
            None,
            2,
            stats=CatalogueStats(2),
            province="Lào Cai",
            units=(_unit(name, 1, 1), _unit("Sở Tư pháp", 1, 0)),
        )
        for path, name in (("a.csv", "Sở Y tế"), ("b.csv", "Sở  tư pháp"))
    )
    card = build_scorecard(AuditResult(reports, ()), group_by="agency")
    assert [(row.label, row.files, row.stats.procedures) for row in card.rows] == [
        ("Sở Y tế", ("a.csv",), 1),
        ("Sở Tư pháp", ("a.csv", "b.csv"), 3),
    ]


def test_grouped_by_agency_catalogues_without_the_column_keep_their_rows() -> None:
    card = build_scorecard(RESULT, group_by="agency")
    assert [row.label for row in card.rows] == ["Hà Nội", "Lào Cai", "khac.csv"]
    assert {row.catalogue for row in card.rows} == {None}
    assert card.headlines[1] == "2/3 catalogues list no district-level procedure"


def test_an_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValueError):
        build_scorecard(RESULT, group_by="district")


# A one-stop export stacked per unit, as phutho-motcua-2022/PTO.xls is: database headers.
ONE_STOP = ["TEN_CO_QUAN", "MA_THU_TUC", "TEN_TAT", "TRANG_THAI", "TEN_THU_TUC"]
ONE_STOP_ROWS = [
    ["Sở Tư pháp", "23604", "2018.HT.14", "Mở", "Đăng ký khai sinh"],
    ["Sở Tư pháp", "23605", "1.000178", "Mở", "Đăng ký kết hôn"],
    ["UBND Huyện Phù Ninh", "23606", "2018.HT.14", "Mở", "Đăng ký khai sinh"],
    ["UBND Huyện Phù Ninh", "23607", "2019.TP.CX.002", "Mở", "Chứng thực bản sao"],
    ["UBND Huyện Phù Ninh", "23608", "1.009386", "Mở", "Cấp phép X"],
    ["Văn phòng UBND tỉnh", "23609", "BHXH.TBHXH.02.", "Mở", "Thủ tục Y"],
]


@pytest.fixture
def one_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _csv(tmp_path / "mot-cua.csv", ONE_STOP, ONE_STOP_ROWS)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "mot-cua.csv"


MAP = ["--map", "TEN_CO_QUAN=agency", "--map", "TEN_TAT=code", "--map", "TEN_THU_TUC=name"]


@pytest.mark.parametrize(
    ("arguments", "config"),
    [
        (["--group-by", "agency"], None),
        (["--group-by", "AGENCY"], None),
        ([], 'group-by = "agency"\n'),
        ([], 'group_by = "agency"\n'),
        (["--group-by", "agency"], 'group-by = "catalogue"\n'),
    ],  # the command line wins
)
def test_group_by_agency_from_the_command_line_or_the_configuration(
    one_stop: Path, arguments: list[str], config: str | None
) -> None:
    if config is not None:
        (one_stop.parent / "procaudit.toml").write_text(config, encoding="utf-8")
    result = runner.invoke(app, ["check", "mot-cua.csv", *MAP, *arguments, "-f", "json"])
    assert result.exit_code == 1, result.stderr
    scorecard = json.loads(result.stdout)["scorecard"]
    assert scorecard["group_by"] == "agency"
    rows = [
        (row["label"], row["procedures"], row["with_code"], row["with_national_code"])
        for row in scorecard["rows"]
    ]
    assert rows == [
        ("Sở Tư pháp", 2, 2, 1),
        ("UBND Huyện Phù Ninh", 3, 3, 1),
        ("Văn phòng UBND tỉnh", 1, 1, 0),
    ]
    assert {row["catalogue"] for row in scorecard["rows"]} == {"mot-cua.csv"}
    assert scorecard["total"]["with_national_code"] == 2
    # Units count their rows' findings; the total counts the district unit's 3 rows as the
    # one finding the report shows, and a note says so.
    errors = sum(row["errors"] for row in scorecard["rows"])
    assert (errors, scorecard["total"]["errors"]) == (7, 5)
    assert any("(7 in all)" in note and "(5)" in note for note in scorecard["notes"])


def test_the_default_grouping_is_a_row_per_catalogue(one_stop: Path) -> None:
    result = runner.invoke(app, ["check", "mot-cua.csv", *MAP, "-f", "json"])
    scorecard = json.loads(result.stdout)["scorecard"]
    assert scorecard["group_by"] == "catalogue"
    assert [row["label"] for row in scorecard["rows"]] == ["mot-cua.csv"]


def test_one_file_grouped_by_agency_shows_its_scorecard(
    one_stop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "150")
    result = runner.invoke(app, ["check", "mot-cua.csv", *MAP, "--group-by", "agency"])
    lines = result.stdout.splitlines()
    start = next(number for number, line in enumerate(lines) if line.startswith("Unit "))
    assert [line.split()[0] for line in lines[start + 1 : start + 5]] == [
        "Sở",
        "UBND",
        "Văn",
        "Total",
    ]
    assert "  2/3 units list no district-level procedure" in lines  # Phù Ninh is not
    markdown = runner.invoke(
        app, ["check", "mot-cua.csv", *MAP, "--group-by", "agency", "-f", "markdown"]
    ).stdout
    assert "| Unit |" in markdown and "| Văn phòng UBND tỉnh |" in markdown


@pytest.mark.parametrize(
    ("arguments", "config", "message"),
    [
        (
            ["--group-by", "district"],
            None,
            "procaudit: error: --group-by 'district' is not a grouping procaudit knows: use "
            "catalogue (the default) or agency\n",
        ),
        ([], 'group-by = "unit"\n', "'group-by' must be one of catalogue, agency, not 'unit'"),
        ([], "group_by = 3\n", "'group_by' must be one of catalogue, agency, not 3"),
    ],
)
def test_an_unknown_grouping_is_one_sentence_and_exit_2(
    one_stop: Path, arguments: list[str], config: str | None, message: str
) -> None:
    if config is not None:
        (one_stop.parent / "procaudit.toml").write_text(config, encoding="utf-8")
    result = runner.invoke(app, ["check", "mot-cua.csv", *arguments])
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_procaudit_config_shows_the_grouping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "procaudit.toml").write_text('group-by = "agency"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["config"])
    [line] = [line for line in result.stdout.splitlines() if line.startswith("group-by")]
    assert "agency" in line


# --- the real exports (../shared/data/real) ----------------------------------------------


def test_the_portal_exports_are_labelled_by_ministry(real_data: Path) -> None:
    result = runner.invoke(app, ["check", str(real_data / "national-portal-2026"), "-f", "json"])
    scorecard = json.loads(result.stdout)["scorecard"]
    assert [row["label"] for row in scorecard["rows"]][:7] == [
        "Bộ Công an",
        "Bộ Nông nghiệp và Môi trường",
        "Bộ Tài chính",
        "Bộ Tư pháp",
        "Bộ Xây dựng",
        "Ngân hàng Nhà nước Việt Nam",
        "Tòa án nhân dân tối cao",
    ]
    details = scorecard["rows"][7]
    assert details["label"].endswith("procedure-details.csv")
    # Published: the 2,642 decision numbers but the rows of PA402's errors (its warnings are
    # published); a value failing on many rows is one finding that counts them.
    document = json.loads(result.stdout)
    errors = sum(
        f.get("rows") or 1
        for f in document["findings"]
        if f["rule"] == "PA402" and f["severity"] == "error"
    )
    assert details["published"] == 2642 - errors == 2602


def test_the_one_stop_export_per_unit(real_data: Path) -> None:
    path = str(real_data / "phutho-motcua-2022" / "PTO.xls")
    result = runner.invoke(
        app, ["check", path, "--map", "MA_THU_TUC=code", "--group-by", "agency", "-f", "json"]
    )
    scorecard = json.loads(result.stdout)["scorecard"]
    assert len(scorecard["rows"]) == 32
    assert sum(row["procedures"] for row in scorecard["rows"]) == 1037
    # MA_THU_TUC, mapped as the code, is the system's numeric id: no national code at all.
    assert (scorecard["total"]["with_code"], scorecard["total"]["with_national_code"]) == (1037, 0)
    # Its local codes (TEN_TAT) hold two national codes, both of Sở Thông tin và Truyền thông
    # (a third, "2.000033.", has a trailing dot PA101 flags).
    # The units count row findings; --every-row makes the total count them too.
    result = runner.invoke(
        app, ["check", path, "--group-by", "agency", "-f", "json", "--every-row"]
    )
    scorecard = json.loads(result.stdout)["scorecard"]
    assert scorecard["total"]["with_national_code"] == 2
    assert [row["label"] for row in scorecard["rows"] if row["with_national_code"]] == [
        "Sở Thông tin và Truyền thông"
    ]
    assert sum(row["errors"] for row in scorecard["rows"]) == scorecard["total"]["errors"]
