"""Legacy Vietnamese fonts (TCVN3/ABC, VNI): the code tables, conversion, and detection that
flags legacy text and nothing else."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

import pytest

from procaudit.vn.legacy_fonts import (
    LETTERS,
    LOWER_LETTERS,
    TCVN3,
    TCVN3_OF,
    VNI,
    VNI_OF,
    convert,
    detect_legacy,
    encode,
    is_syllable,
)

# TCVN 5712:1993 VN3, byte by byte, as in the X11 TCVN-to-UCS2 table (XFree86 X-TrueType) and
# the VBKey converter. Capitals with a tone have no byte of their own (see the .VnTimeH tests).
TCVN3_BYTES = {
    "à": 0xB5, "á": 0xB8, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ắ": 0xBE, "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ấ": 0xCA, "ẩ": 0xC8, "ẫ": 0xC9, "ậ": 0xCB,
    "è": 0xCC, "é": 0xD0, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ế": 0xD5, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6,
    "ì": 0xD7, "í": 0xDD, "ỉ": 0xD8, "ĩ": 0xDC, "ị": 0xDE,
    "ò": 0xDF, "ó": 0xE3, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ố": 0xE8, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ớ": 0xED, "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE,
    "ù": 0xEF, "ú": 0xF3, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ứ": 0xF8, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9,
    "ỳ": 0xFA, "ý": 0xFD, "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE,
    "đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
}  # fmt: skip

# VNI-Windows, as in the VBKey and vietnamese-conversion (npm) converters; capitals are the
# capital base with the capital marks ("AØ").
VNI_CODES = """
    à=aø á=aù ả=aû ã=aõ ạ=aï
    ă=aê ằ=aè ắ=aé ẳ=aú ẵ=aü ặ=aë
    â=aâ ầ=aà ấ=aá ẩ=aå ẫ=aã ậ=aä
    è=eø é=eù ẻ=eû ẽ=eõ ẹ=eï
    ê=eâ ề=eà ế=eá ể=eå ễ=eã ệ=eä
    ì=ì í=í ỉ=æ ĩ=ó ị=ò
    ò=oø ó=où ỏ=oû õ=oõ ọ=oï
    ô=oâ ồ=oà ố=oá ổ=oå ỗ=oã ộ=oä
    ơ=ô ờ=ôø ớ=ôù ở=ôû ỡ=ôõ ợ=ôï
    ù=uø ú=uù ủ=uû ũ=uõ ụ=uï
    ư=ö ừ=öø ứ=öù ử=öû ữ=öõ ự=öï
    ỳ=yø ý=yù ỷ=yû ỹ=yõ ỵ=î
    đ=ñ
"""


def test_there_are_134_letters() -> None:
    assert len(LOWER_LETTERS) == 67
    assert len(set(LETTERS)) == 134
    assert all(unicodedata.is_normalized("NFC", letter) for letter in LETTERS)
    assert not any(letter.isascii() for letter in LETTERS)


def test_tcvn3_table_matches_the_standard() -> None:
    pinned = {letter: bytes([code]).decode("cp1252") for letter, code in TCVN3_BYTES.items()}
    assert {letter: TCVN3_OF[letter] for letter in pinned} == pinned
    assert set(TCVN3_OF) == set(LETTERS)


def test_vni_table_matches_the_font() -> None:
    pinned = dict(pair.split("=") for pair in VNI_CODES.split())
    pinned.update({letter.upper(): code.upper() for letter, code in pinned.items()})
    assert pinned == VNI_OF
    assert set(VNI_OF) == set(LETTERS)


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("letter", LOWER_LETTERS)
def test_every_lower_case_letter_round_trips(encoding: str, letter: str) -> None:
    word = f"t{letter}n"
    assert convert(encode(word, encoding), encoding) == word


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("letter", [letter.upper() for letter in LOWER_LETTERS])
def test_every_capital_round_trips(encoding: str, letter: str) -> None:
    # In TCVN3 a capital with a tone is the lower-case code drawn by the capitals font
    # (.VnTimeH): the capitals around it tell its case.
    word = f"T{letter}N"
    assert convert(encode(word, encoding), encoding) == word


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_all_letters_in_one_cell_round_trip(encoding: str) -> None:
    for letters in (LOWER_LETTERS, tuple(letter.upper() for letter in LOWER_LETTERS)):
        text = " ".join(letters)
        assert convert(encode(text, encoding), encoding) == text


CONVERSIONS = [
    (TCVN3, "B¶o Th¾ng", "Bảo Thắng"),
    (TCVN3, "Thñ tôc hµnh chÝnh", "Thủ tục hành chính"),
    (TCVN3, "B¸t X¸t", "Bát Xát"),
    (TCVN3, "M\xadêng Kh\xad¬ng", "Mường Khương"),  # ư is the soft hyphen's code
    (TCVN3, "§¨ng ký khai sinh", "Đăng ký khai sinh"),
    (TCVN3, "UBND tØnh Lµo Cai", "UBND tỉnh Lào Cai"),
    (TCVN3, "§µ N½ng", "Đà Nẵng"),  # one capital in a lower-case cell: "Đà", not "ĐÀ"
    (TCVN3, "TØNH B¾C GIANG", "TỈNH BẮC GIANG"),  # typed in .VnTimeH
    (TCVN3, "Bé T¦ PH¸P", "BỘ TƯ PHÁP"),
    # An abbreviation in ASCII capitals shows no font: "Mã TTHC", "Sở TN&MT", not "MÃ", "SỞ".
    (TCVN3, "M· TTHC", "Mã TTHC"),
    (TCVN3, "Së TN&MT", "Sở TN&MT"),
    (TCVN3, "Hé TÞCH", "HỘ TỊCH"),
    (VNI, "Xin chaøo", "Xin chào"),
    (VNI, "Thuû tuïc haønh chính", "Thủ tục hành chính"),
    (VNI, "Caáp xaõ", "Cấp xã"),
    (VNI, "Sôû Tö phaùp", "Sở Tư pháp"),
    (VNI, "ÑAÊNG KYÙ KHAI SINH", "ĐĂNG KÝ KHAI SINH"),
    (VNI, "Ngöôøi", "Người"),
    (VNI, "aâø", "ầ"),  # a shape mark and a tone typed as two characters
]


@pytest.mark.parametrize(("encoding", "legacy", "unicode"), CONVERSIONS)
def test_conversion(encoding: str, legacy: str, unicode: str) -> None:
    assert convert(legacy, encoding) == unicode


@pytest.mark.parametrize(("encoding", "legacy", "unicode"), CONVERSIONS[:-1])
def test_detection_of_legacy_text(encoding: str, legacy: str, unicode: str) -> None:
    assert detect_legacy(legacy) == encoding


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="VISCII"):
        convert("abc", "VISCII")


NOT_LEGACY = [
    # Unicode Vietnamese, which has à á â ã è é ê ì í ò ó ô õ ù ú ý like legacy text does
    "Đăng ký khai sinh",
    "ĐĂNG KÝ KHAI SINH",
    "Thủ tục hành chính",
    "Tài chính",
    "Hoà Bình",  # old tone placement: "oà" is also a VNI pair
    "Toà án nhân dân",
    "hoá chất",
    "Tòa án nhân dân cấp huyện",
    "Mẫu số 01/TK",
    "Cấp tỉnh, Cấp xã",
    "Sở Tư pháp\nỦy ban nhân dân cấp xã",
    unicodedata.normalize("NFD", "Đăng ký khai sinh"),
    "Lệ phí: 400.000 Đồng",
    "1890/QĐ-UBND ngày 15/8/2025",
    # English, codes, numbers, URLs
    "Register a birth",
    "1.000178",
    "1.000494.000.00.00.H29",
    "68/2013/TT-BCA",
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000178",
    "15/08/2025",
    # Latin-1 characters that legacy text is made of, in their own right
    "Copyright © 2020",
    "© 2020 Bộ Tư pháp",
    "Kích thước 10 × 20 cm",
    "10 × 20",
    "µg/l",
    "Müller",
    "Straße",
    "España",
    "Peña Nieto",
    "Ñandú",
    "Noël",
    "Zoë",
    "naïve café crème",
    "smörgåsbord",
    "Søren Kierkegaard",
    "« Tên thủ tục »",
    "Điều 5 § 2",
    "soft\xadhyphen",
    "± 5%",
    "°C",
]


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_no_false_positives(text: str) -> None:
    assert detect_legacy(text) is None


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("nghiêng", True),
        ("quyết", True),
        ("Bảo", True),
        ("ĐĂNG", True),
        ("gì", True),
        ("phỏp", False),  # hỏi on a syllable ending in p
        ("chớnh", False),  # ơ does not take "nh"
        ("B¶o", False),
        ("Müller", False),
        ("ảá", False),
    ],
)
def test_syllables(word: str, valid: bool) -> None:
    assert is_syllable(word) is valid


def _cells(folder: Path) -> set[str]:
    """Every text cell of the real exports, the 2021 sample's strings too."""
    import openpyxl

    cells: set[str] = set()
    portal = folder / "national-portal-2026"
    with (portal / "procedure-details.csv").open(encoding="utf-8-sig", newline="") as handle:
        for record in csv.reader(handle):
            cells.update(record)
    for path in sorted(portal.glob("*.xlsx")):
        workbook = openpyxl.load_workbook(path, read_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells.update(value for value in row if isinstance(value, str))

    def strings(node: object) -> None:
        if isinstance(node, str):
            cells.add(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                strings(key)
                strings(value)
        elif isinstance(node, list):
            for value in node:
                strings(value)

    sample = folder / "dichvucong-2021" / "procedures-2021.json"
    strings(json.loads(sample.read_text(encoding="utf-8")))
    return cells


def test_no_cell_of_the_real_data_is_taken_for_legacy_text(real_data: Path) -> None:
    cells = _cells(real_data)
    assert len(cells) > 15_000
    assert [cell[:80] for cell in cells if detect_legacy(cell)] == []
