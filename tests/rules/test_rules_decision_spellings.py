"""PA402 on how a correct decision number is spelled: the issuer's official case ("TTg"),
characters that only look right (Ð for Đ, dashes for the hyphen) and an issuer glued to
"QĐ"; rows in, findings out, and what `procaudit fix` writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import findings_of
from procaudit.cli import app
from procaudit.core.findings import Severity
from procaudit.core.i18n import speaking
from procaudit.rules import get_repair

WRITE = "Write it as {}."
ETH = "\u00d0"  # Ð, the Latin letter Eth
EN_DASH, EM_DASH, MINUS, NB_HYPHEN = "\u2013", "\u2014", "\u2212", "\u2011"

SPELLINGS = [
    # (case, cell, severity (None: no finding), message fragment, what `fix` writes (None:
    # nothing))
    # An issuer's official spelling, capitals or a mixed case, is right as written.
    ("the Prime Minister", "1890/QĐ-TTg", None, "", None),
    ("a ministry", "1890/QĐ-BTTTT", None, "", None),
    ("a province", "1890/QĐ-UBND", None, "", None),
    ("a province's chair", "1890/QĐ-CTUBND", None, "", None),
    ("a merged ministry", "1890/QĐ-BNNMT", None, "", None),
    ("the Prime Minister, with the year", "12/2025/QĐ-TTg", None, "", None),
    ("the Prime Minister, with the date", "1890/QĐ-TTg ngày 15/8/2025", None, "", None),
    ("the Prime Minister and a ministry", "1890/QĐ-TTg; 12/QĐ-BTC", None, "", None),
    ("issuer parts joined by a dot", "1890/QĐ-CT.UBND", None, "", None),
    # A mixed case procaudit does not know may be an official form: taken as written.
    ("an unknown mixed case", "1890/QĐ-SXy", None, "", None),
    # Capitals are the rule: "TTG" is left alone rather than guessed at.
    ("the Prime Minister in capitals", "1890/QĐ-TTG", None, "", None),
    # A case an official would always correct: a warning, repaired.
    (
        "the Prime Minister in small letters",
        "1890/QĐ-ttg",
        Severity.WARNING,
        "writes the issuer in the wrong letter case",
        "1890/QĐ-TTg",
    ),
    (
        "the Prime Minister, one capital",
        "1890/QĐ-Ttg",
        Severity.WARNING,
        "wrong letter case",
        "1890/QĐ-TTg",
    ),
    ("all in small letters", "1890/qđ-ttg", Severity.WARNING, "standard form", "1890/QĐ-TTg"),
    ("a known issuer, mixed case", "1890/QĐ-Ubnd", Severity.WARNING, "case", "1890/QĐ-UBND"),
    ("a unit in small letters", "885/QĐ-BCA-c06", Severity.WARNING, "case", "885/QĐ-BCA-C06"),
    # Look-alike characters: a warning that names the character, repaired.
    (
        "the letter Eth for Đ",
        f"1890/Q{ETH}-UBND",
        Severity.WARNING,
        "is written with the letter Ð (U+00D0), which looks like Đ.",
        "1890/QĐ-UBND",
    ),
    (
        "Eth, the Prime Minister",
        f"1890/Q{ETH}-TTg",
        Severity.WARNING,
        "the letter Ð (U+00D0)",
        "1890/QĐ-TTg",
    ),
    (
        "an en dash",
        f"1890/QĐ{EN_DASH}UBND",
        Severity.WARNING,
        "is written with an en dash (–, U+2013), which looks like a hyphen (-).",
        "1890/QĐ-UBND",
    ),
    ("an em dash", f"1890/QĐ{EM_DASH}UBND", Severity.WARNING, "an em dash", "1890/QĐ-UBND"),
    ("a minus sign", f"1890/QĐ{MINUS}UBND", Severity.WARNING, "a minus sign", "1890/QĐ-UBND"),
    (
        "a non-breaking hyphen",
        f"1890/QĐ{NB_HYPHEN}UBND",
        Severity.WARNING,
        "a non-breaking hyphen",
        "1890/QĐ-UBND",
    ),
    (
        "an en dash in the issuer",
        f"885/QĐ-BCA{EN_DASH}C06",
        Severity.WARNING,
        "an en dash",
        "885/QĐ-BCA-C06",
    ),
    (
        "Eth and an en dash",
        f"1890/Q{ETH}{EN_DASH}UBND",
        Severity.WARNING,
        "the letter Ð (U+00D0), which looks like Đ, and an en dash",
        "1890/QĐ-UBND",
    ),
    (
        "Eth, then the date",
        f"1890/Q{ETH}-UBND ngày 15/8/2025",
        Severity.WARNING,
        "the letter Ð",
        "1890/QĐ-UBND ngày 15/8/2025",
    ),
    (
        "Eth in the second of two",
        f"1890/QĐ-UBND; 2150/Q{ETH}-UBND",
        Severity.WARNING,
        "the letter Ð",
        "1890/QĐ-UBND; 2150/QĐ-UBND",
    ),
    (
        "Eth among words",
        f"Quyết định số 1890/Q{ETH}-UBND",
        Severity.WARNING,
        "the number itself is 1890/QĐ-UBND. It is also written with the letter Ð",
        "1890/QĐ-UBND",
    ),
    # A dash after the date is the date's business, not the number's.
    ("a dash after the date", f"1890/QĐ-UBND ngày 15/8/2025 {EN_DASH} Chủ tịch", None, "", None),
    # A known issuer glued to "QĐ", or parted by a space: the hyphen is missing.
    (
        "no hyphen",
        "1890/QĐUBND",
        Severity.WARNING,
        "has no hyphen (-) between 'QĐ' and the issuer",
        "1890/QĐ-UBND",
    ),
    ("a space for the hyphen", "1890/QĐ UBND", Severity.WARNING, "no hyphen", "1890/QĐ-UBND"),
    ("no hyphen, the Prime Minister", "1890/QĐTTg", Severity.WARNING, "no hyphen", "1890/QĐ-TTg"),
    ("no hyphen, a chair", "1890/QĐCTUBND", Severity.WARNING, "no hyphen", "1890/QĐ-CTUBND"),
    ("no hyphen, QD", "1890/QDUBND", Severity.WARNING, "no hyphen", "1890/QĐ-UBND"),
    # A slash typed for the hyphen before a known issuer: the issuer is there.
    ("a slash for the hyphen", "1890/QĐ/UBND", Severity.WARNING, "no hyphen", "1890/QĐ-UBND"),
    ("a slash, QD", "1890/QD/UBND", Severity.WARNING, "no hyphen", "1890/QĐ-UBND"),
    ("a slash, with a year", "12/2025/QĐ/UBND", Severity.WARNING, "no hyphen", "12/2025/QĐ-UBND"),
    ("a slash, spaced", "1890/QĐ / UBND", Severity.WARNING, "no hyphen", "1890/QĐ-UBND"),
    (
        "a slash, then the date",
        "1890/QĐ/UBND ngày 15/8/2025",
        Severity.WARNING,
        "no hyphen",
        "1890/QĐ-UBND ngày 15/8/2025",
    ),
    ("a slash before no known issuer", "1890/QĐ/CT", Severity.ERROR, "has no issuer", None),
    # Letters that are no known issuer stay an error: "QĐCB" is no issuer.
    ("QĐCB (the portal)", "01/QĐCB", Severity.ERROR, "has no issuer", None),
    ("QĐ and two letters", "1890/QĐCT", Severity.ERROR, "has no issuer", None),
    # A look-alike does not hide what the cell is.
    (
        "a placeholder with Eth",
        f"Q{ETH}/0001-BCA",
        Severity.ERROR,
        f"'Q{ETH}/0001-BCA' is a placeholder",
        None,
    ),
    ("a decree with Eth", f"45/2025/N{ETH}-CP", Severity.ERROR, "is a decree", None),
    ("a decree", "45/2025/NĐ-CP", Severity.ERROR, "'45/2025/NĐ-CP' is a decree", None),
]


@pytest.mark.parametrize(
    ("case", "cell", "severity", "message", "fixed"), SPELLINGS, ids=[c[0] for c in SPELLINGS]
)
def test_pa402_reads_the_spelling(
    case: str, cell: str, severity: Severity | None, message: str, fixed: str | None
) -> None:
    found = [f for f in findings_of([{"name": "A", "decision_no": cell}]) if f.rule == "PA402"]
    assert [f.severity for f in found] == ([severity] if severity else [])
    if severity is not None:
        assert message in found[0].message
        if fixed is not None:
            assert found[0].fix == WRITE.format(fixed)
    repair = get_repair("PA402")
    assert repair is not None
    assert repair.function(cell) == fixed


def test_the_look_alike_is_named_in_vietnamese() -> None:
    with speaking("vi"):
        [finding] = [
            f
            for f in findings_of([{"name": "A", "decision_no": f"1890/Q{ETH}-UBND"}])
            if f.rule == "PA402"
        ]
    assert finding.message == (
        f"Số quyết định '1890/Q{ETH}-UBND' được viết bằng chữ Ð (U+00D0), trông giống chữ Đ "
        "nhưng là ký tự khác."
    )
    assert finding.fix == "Sửa thành 1890/QĐ-UBND."


def test_fix_repairs_look_alikes_and_leaves_the_prime_minister_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`procaudit fix --diff`, end to end: the real planner over a CSV."""
    monkeypatch.chdir(tmp_path)
    cells = [
        "1890/QĐ-TTg",
        f"1890/Q{ETH}-UBND",
        f"1890/QĐ{EN_DASH}UBND",
        f"1890/QĐ{EM_DASH}UBND",
        f"1890/QĐ{MINUS}UBND",
        f"1890/QĐ{NB_HYPHEN}UBND",
        "1890/QĐUBND",
        "1890/QĐ-ttg",
        "01/QĐCB",
    ]
    lines = ["Mã thủ tục,Tên thủ tục,Số quyết định"]
    lines += [f"1.00000{n},Thủ tục {n},{cell}" for n, cell in enumerate(cells, start=1)]
    (tmp_path / "c.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", "c.csv", "--diff", "--select", "PA402"])
    assert result.stdout.splitlines() == [
        f"c.csv:C3 PA402 '1890/Q{ETH}-UBND' -> '1890/QĐ-UBND'",
        f"c.csv:C4 PA402 '1890/QĐ{EN_DASH}UBND' -> '1890/QĐ-UBND'",
        f"c.csv:C5 PA402 '1890/QĐ{EM_DASH}UBND' -> '1890/QĐ-UBND'",
        f"c.csv:C6 PA402 '1890/QĐ{MINUS}UBND' -> '1890/QĐ-UBND'",
        f"c.csv:C7 PA402 '1890/QĐ{NB_HYPHEN}UBND' -> '1890/QĐ-UBND'",
        "c.csv:C8 PA402 '1890/QĐUBND' -> '1890/QĐ-UBND'",
        "c.csv:C9 PA402 '1890/QĐ-ttg' -> '1890/QĐ-TTg'",
    ]
