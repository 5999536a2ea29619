"""procaudit in Vietnamese (--lang vi): every finding's message and fix, every reader note and
error, every rule's documentation and the reports are written in both languages, and
--lang, PROCAUDIT_LANG and the configuration's lang choose between them.

Each text is produced twice, in English and in Vietnamese, from the same input; the
Vietnamese must differ from the English, hold Vietnamese letters and no English sentence
words outside the quoted values (names, codes, paths) it repeats.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conftest import GOLDEN, SAMPLES, run_rules, table_of, write_workbook
from procaudit import __version__
from procaudit.app.config import load_config
from procaudit.cli import app
from procaudit.cli.inspect_view import render_inspection
from procaudit.cli.rules_view import rule_doc, rules_table
from procaudit.core.errors import ProcauditError
from procaudit.core.findings import AuditResult, SkippedGroup
from procaudit.core.i18n import first_few, language, speaking
from procaudit.engine.audit import audit
from procaudit.engine.baseline import load_baseline
from procaudit.engine.inspection import inspect_catalogue
from procaudit.engine.schema import load_schema
from procaudit.engine.table_hits import audit_table
from procaudit.io import ReadOptions, read_catalogue
from procaudit.io.limits import Limits
from procaudit.io.reference import load_reference
from procaudit.report import Format, ReportOptions, reporter_for
from procaudit.report.fixlist import check_fix_list_path, write_fix_list
from procaudit.rules import all_rules
from procaudit.rules.context import FileContext, RuleContext
from procaudit.rules.options import RuleOptions
from procaudit.rules.reference import not_announced
from procaudit.rules.selection import RuleSelection

T = TypeVar("T")
RULES = all_rules()
runner = CliRunner()

# --- what Vietnamese text is ------------------------------------------------------------------

VIETNAMESE_LETTERS = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)
# What a message repeats from the catalogue or the machine: quoted values, code, paths.
_QUOTED = re.compile(r"```.*?```|`[^`]*`|'[^'\n]*'|\"[^\"\n]*\"|“[^”]*”", re.DOTALL)
_PATH = re.compile(r"\S*[/\\]\S*")
# Words English sentences are made of and Vietnamese never writes.
_ENGLISH = re.compile(
    r"\b(?:the|is|are|was|were|be|been|of|and|with|without|not|has|have|which|that|this|"
    r"from|should|must|for|its|into|only|there|cannot|does|could|would|more|than|when)\b",
    re.IGNORECASE,
)


def prose(text: str) -> str:
    """The text without what it quotes: the words it says itself."""
    return _PATH.sub(" ", _QUOTED.sub(" ", text))


def assert_vietnamese(vi: str, en: str, what: str) -> None:
    assert vi != en, f"{what} is not translated: {en!r}"
    said = prose(vi)
    assert VIETNAMESE_LETTERS & set(said.lower()), f"{what} holds no Vietnamese: {vi!r}"
    english = _ENGLISH.findall(said)
    assert not english, f"{what} holds English words {english}: {vi!r}"
    assert unicodedata.is_normalized("NFC", said), f"{what} is not NFC: {vi!r}"


def in_both(make: Callable[[], T]) -> tuple[T, T]:
    """What `make` gives in English and in Vietnamese."""
    with speaking("en"):
        english = make()
    with speaking("vi"):
        vietnamese = make()
    return english, vietnamese


def raised(make: Callable[[], object]) -> Callable[[], str]:
    """A producer of the message of the error `make` raises."""

    def message() -> str:
        with pytest.raises((ProcauditError, ValueError)) as error:
            make()
        return getattr(error.value, "problem", None) or str(error.value)

    return message


def assert_findings_speak_vietnamese(en: list, vi: list, case: str) -> None:
    assert [(f.rule, f.row, f.column) for f in vi] == [(f.rule, f.row, f.column) for f in en]
    for english, vietnamese in zip(en, vi, strict=True):
        where = f"{case}: {english.rule} row {english.row}"
        assert_vietnamese(vietnamese.message, english.message, f"{where} message")
        assert_vietnamese(vietnamese.fix, english.fix, f"{where} fix")


@pytest.fixture(autouse=True)
def _english_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROCAUDIT_LANG", raising=False)


# --- findings: the samples, then every branch of every message ---------------------------------

# The rules whose defects the samples hold (samples/README.md).
SAMPLE_RULES = {
    "PA101", "PA102", "PA103", "PA201", "PA202", "PA203", "PA301", "PA401", "PA402", "PA403",
    "PA404", "PA501", "PA502", "PA503", "PA504", "PA505", "PA601", "PA602", "PA603",
}  # fmt: skip


@pytest.mark.parametrize("sample", ["catalogue-lao-cai.xlsx", "catalogue-lao-cai.csv"])
def test_every_finding_of_the_samples_speaks_vietnamese(sample: str) -> None:
    en, vi = in_both(lambda: audit([str(SAMPLES / sample)]))
    assert {f.rule for f in en.findings} == SAMPLE_RULES
    assert_findings_speak_vietnamese(list(en.findings), list(vi.findings), sample)


Row = dict[str, str]
_CLEAN = {
    "level": "Cấp xã", "agency": "Ủy ban nhân dân cấp xã", "field": "Hộ tịch",
    "forms": "Tờ khai", "decision_no": "1890/QĐ-UBND", "decision_date": "15/08/2025",
    "status": "Còn hiệu lực", "online_level": "Toàn trình",
}  # fmt: skip


def rows(*changes: Row) -> list[Row]:
    """Clean procedures (unique codes and names) with the changes given, one per row."""
    return [
        {"code": f"1.{900000 + number:06d}", "name": f"Thủ tục mẫu số {number}", **_CLEAN, **change}
        for number, change in enumerate(changes)
    ]


def near(*names: str) -> list[Row]:
    return rows(*({"name": name} for name in names))


CASES: dict[str, list[Row]] = {
    "codes": rows(
        {"code": " 1.000001"},
        {"code": "1,000002"},
        {"code": "1.0O0003"},
        {"code": "01.000004"},
        {"code": "1.00005"},
        {"code": "ABC"},
        {"code": ""},
        {"name": ""},
    ),
    "duplicates": rows(
        *({"code": "1.000010", "name": "Đăng ký giám hộ"} for _ in range(7)),
        {"code": "1.000011", "name": "Cấp phép A"},
        {"code": "1.000011", "name": "Cấp phép B"},
        {"code": "1.000011", "name": "Cấp phép C"},
        {"code": "1.000012", "name": "Công nhận hòa giải viên"},
        {"code": "1.000013", "name": "Công nhận hoà giải viên"},
        {"code": "", "name": "Công nhận hòa giải viên"},
        {"code": "", "name": "Chứng thực bản sao"},
        {"code": "1.000014", "name": "Chứng thực bản sao"},
    ),
    "near: a typo, and other names": near(
        "Đăng ký khai sinh",
        "Đăng ký khia sinh",
        "Đăng ký khia sinh",
        "Đăngký khai sinh",
        "Đăng ký việc khai sinh",
    ),
    "near: a filler word": near("Đăng ký việc kết hôn", "Đăng ký kết hôn"),
    "near: a leading Thủ tục": near("Thủ tục gia hạn nộp thuế", "Gia hạn nộp thuế."),
    "near: tag and punctuation": near(
        "Sửa đổi, bổ sung giấy phép", "Sửa đổi bổ sung giấy phép (cấp xã)"
    ),
    "near: a word twice": near("Đăng ký khai khai sinh lưu động", "Đăng ký khai sinh lưu động"),
    "decisions": rows(
        {"decision_no": "1890/QD-UBND"},
        {"decision_no": "Số 1890/QĐ-UBND"},
        {"decision_no": "QĐ/0001-BCA"},
        {"decision_no": "chưa có"},
        {"decision_no": "1890"},
        {"decision_no": "0/QĐ-UBND"},
        {"decision_no": "1890/XYZ"},
        {"decision_no": ""},
        {"decision_date": "15/8/25"},
        {"decision_date": "45884"},
        {"decision_date": "31/02/2025"},
        {"decision_date": "chưa ban hành"},
        {"decision_date": "15/08/2099"},
        {"decision_date": "15/08/1900"},
        {"decision_date": ""},
        {"status": "Bãi bỏ"},
    ),
    "reform": rows(
        {"level": "Cấp huyện"},
        {"level": "Cấp tỉnh, Cấp huyện"},
        {"agency": "Phòng Tư pháp huyện"},
        {"agency": "Tòa án nhân dân huyện Bảo Thắng"},
        {"name": "Đăng ký hộ kinh doanh (thực hiện tại cấp huyện)"},
        {"name": "Cấp phép khai thác (thực hiện tại cấp tỉnh)"},
        {"online_level": "Mức độ 4"},
        {"online_level": "Mức độ 3"},
        {"online_level": "Mức độ 2"},
        {"online_level": "Một phần"},
        {"online_level": "Toàn trình, Một phần"},
        {"online_level": "Một phần"},
        {"agency": "Sở Lao động - Thương binh và Xã hội"},
        {"agency": "Bộ Thông tin và Truyền thông"},
        {"agency": "Sở Giao thông vận tải"},
        {"agency": "Bộ Lao động - Thương binh và Xã hội; Bộ Kế hoạch và Đầu tư"},
    ),
    "text cells": rows(
        {"field": "§¨ng ký chÊm døt gi¸m hé"},
        {"field": "Thuû tuïc haønh chính"},
        {"field": unicodedata.normalize("NFD", "Tư")},
        {"field": unicodedata.normalize("NFD", "Hộ tịch")},
        {"field": "Đơn vị \u212b"},
        {"field": " Hộ tịch"},
        {"field": "Hộ tịch\t"},
        {"field": "Hộ\u00a0tịch"},
        {"field": "Hộ  tịch"},
        {"field": "Hộ\u200btịch"},
        {"field": "Hộ\u2003tịch"},
        {"field": "Hộ tịch\n\nTư pháp"},
        {"field": "Hộ tịch \nTư pháp"},
        {"field": "Hộ tịch\rTư pháp"},
        {"field": "Hộ tịch\u200b"},
        {"field": "\u2003Hộ tịch"},
        {"field": "Hộ tịch\u00a0"},
        {"field": "\nHộ tịch"},
        {"forms": ""},
        {"forms": "-"},
        {"field": "Hộ tịch &#40;cấp xã&#41;"},
        {"field": "Hộ tịch<br/>"},
        {"forms": "<br/>"},
        {"name": "Cấp giấy phép \u0445ây dựng"},  # a Cyrillic х
    ),
    "reference and forms": rows(
        {"code": "1.001139", "name": "Đăng ký khai sinh"},
        {"code": "1.000895", "name": "Đăng ký kết hôn lưu động"},
        {"code": "1.999999", "name": "Thủ tục khác hẳn"},
        {"forms": "mau-01.docx"},
        {"forms": "Tờ khai (khac-hoan-toan-xyz.pdf)"},
    ),
}


@pytest.fixture(scope="module")
def options(tmp_path_factory: pytest.TempPathFactory) -> RuleOptions:
    """The options that turn every rule on: a reference list and a forms folder."""
    folder = tmp_path_factory.mktemp("options")
    reference = folder / "quoc-gia.csv"
    reference.write_text(
        "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
        "1.001193,Đăng ký khai sinh,Cấp xã\n"
        "1.000894,Đăng ký kết hôn,Cấp xã\n"
        "1.000656,Đăng ký khai tử,Cấp xã\n",
        encoding="utf-8",
    )
    forms = folder / "bieu-mau"
    forms.mkdir()
    (forms / "mau-02.docx").write_bytes(b"")
    return RuleOptions(
        today=date(2026, 1, 1), forms_dir=forms, reference=load_reference(str(reference))
    )


@pytest.mark.parametrize("case", CASES)
def test_every_message_and_fix_speaks_vietnamese(case: str, options: RuleOptions) -> None:
    en, vi = in_both(lambda: run_rules(CASES[case], options))
    assert en, "the case finds nothing"
    assert_findings_speak_vietnamese(en, vi, case)


def test_the_cases_reach_every_rule(options: RuleOptions) -> None:
    found = {f.rule for rows in CASES.values() for f in run_rules(rows, options)}
    found |= {"PA302"} if _dossier_findings() else set()  # see the tests below
    found |= {"PA205"} if _two_sheet_findings() else set()
    found |= {"PA001"}
    assert found == {rule.id for rule in RULES}


def _dossier_findings() -> list:
    components = table_of(
        [
            {"code": "1.000178", "component": "Tờ khai đăng ký khai sinh", "form_link": ""},
            {"code": "1.000178", "component": "Mẫu đơn đề nghị", "form_link": "-"},
        ],
        sheet="Thành phần hồ sơ",
    )
    table = table_of([{"code": "1.000178", "name": "Đăng ký khai sinh"}], sheet="DS")
    context = FileContext("t.xlsx", [(table, RuleContext(table.frame))], components=[components])
    rule = next(rule for rule in RULES if rule.id == "PA302")
    return rule.file_check(context).to_dict("records")  # type: ignore[misc]


def _two_sheet_findings() -> list:
    """PA205's, which needs two tables: one procedure on two sheets."""
    tables = [
        table_of([{"code": "1.001193", "name": "Đăng ký khai sinh"}], sheet=sheet)
        for sheet in ("Hộ tịch", "Chứng thực")
    ]
    context = FileContext("t.xlsx", [(t, RuleContext(t.frame)) for t in tables])
    rule = next(rule for rule in RULES if rule.id == "PA205")
    return rule.file_check(context).to_dict("records")  # type: ignore[misc]


def test_a_procedure_on_two_sheets_speaks_vietnamese() -> None:
    en, vi = in_both(_two_sheet_findings)
    assert len(en) == 2
    for english, vietnamese in zip(en, vi, strict=True):
        assert_vietnamese(vietnamese["message"], english["message"], "PA205 message")
        assert_vietnamese(vietnamese["fix"], english["fix"], "PA205 fix")


def test_dossier_components_without_a_form_file_speak_vietnamese() -> None:
    en, vi = in_both(_dossier_findings)
    assert len(en) == 2
    for english, vietnamese in zip(en, vi, strict=True):
        assert_vietnamese(vietnamese["message"], english["message"], "PA302 message")
        assert_vietnamese(vietnamese["fix"], english["fix"], "PA302 fix")


def test_a_catalogue_the_reference_cannot_scope_is_noted_in_vietnamese(
    options: RuleOptions,
) -> None:
    def note() -> str:
        table = table_of([{"code": "1.001193", "name": "Đăng ký khai sinh"}])
        context = FileContext("t.csv", [(table, RuleContext(table.frame, options))], options)
        not_announced(context)
        [(_, reason)] = context.notes
        return reason

    en, vi = in_both(note)
    assert_vietnamese(vi, en, "PA405 note")


def test_a_users_schema_speaks_vietnamese(tmp_path: Path) -> None:
    schema = tmp_path / "mine.yaml"
    schema.write_text(
        "schema_type: dataframe\n"
        "columns:\n"
        "  name: {dtype: str, nullable: true}\n"
        "  forms: {dtype: str, nullable: true, required: true}\n"
        "  fee:\n"
        "    dtype: str\n"
        "    nullable: true\n"
        "    checks:\n"
        "      str_length: {max_value: 5, error: FEE01}\n"
        "      isin: {allowed_values: [Không]}\n",
        encoding="utf-8",
    )
    for rows_ in (
        [{"name": "A", "fee": "Lệ phí: 400.000 Đồng"}],
        [{"name": "A", "forms": "Không", "fee": "Lệ phí: 400.000 Đồng"}],
    ):
        en, vi = in_both(
            lambda rows_=rows_: list(
                audit_table("t.csv", table_of(rows_), load_schema(str(schema)), ())
            )
        )
        assert {f.rule for f in en} <= {"PA001", "FEE01"} and en
        assert_findings_speak_vietnamese(en, vi, "schema")


# --- the readers: errors and notes ---------------------------------------------------------

_spec = importlib.util.spec_from_file_location("make_hostile", SAMPLES / "make_hostile.py")
_hostile = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(_hostile)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _hostile.make_all(tmp_path_factory.mktemp("hostile"))


def _what_reading_says(path: Path, options: ReadOptions | None = None) -> list[str]:
    """The error reading `path` gives, or its notes and the reasons its sheets were skipped."""
    try:
        catalogue = read_catalogue(str(path), options)
    except ProcauditError as exc:
        return [getattr(exc, "problem", str(exc))]
    return [*catalogue.notes, *catalogue.skipped_sheets.values()]


def test_every_reader_error_and_note_of_the_hostile_corpus_speaks_vietnamese(
    corpus: dict[str, Path],
) -> None:
    said = 0
    for case, path in corpus.items():
        en, vi = in_both(lambda path=path: _what_reading_says(path))
        assert len(en) == len(vi), case
        for english, vietnamese in zip(en, vi, strict=True):
            assert_vietnamese(vietnamese, english, case)
            said += 1
    assert said >= 15


READ_CASES: dict[str, tuple[str, dict[str, list[list[object]]] | str, ReadOptions | None]] = {
    "no such file": ("none.csv", "", None),
    "unsupported type": ("danh-muc.pdf", "%PDF-1.4", None),
    "pdf named csv": ("pdf.csv", "%PDF-1.4 ...", None),
    "no name column": ("c.csv", "Mã TTHC,Lĩnh vực\n1.000001,Hộ tịch\n", None),
    "no name column on the given row": (
        "c2.csv",
        "Mã TTHC,Lĩnh vực\n1.000001,Hộ tịch\n",
        ReadOptions(header_rows=(1,)),
    ),
    "no such header row": (
        "c3.csv",
        "Mã TTHC,Tên thủ tục\n1.000001,A\n",
        ReadOptions(header_rows=(9,)),
    ),
    "file over the size limit": (
        "c4.csv",
        "Mã TTHC,Tên thủ tục\n1.000001,A\n",
        ReadOptions(limits=Limits(max_file_size=10)),
    ),
    "cell over the length limit": (
        "c5.csv",
        "Mã TTHC,Tên thủ tục\n1.000001,Aaaaaaaaa\n",
        ReadOptions(limits=Limits(max_cell_length=5)),
    ),
    "sheet over the cell limit": (
        "w1.xlsx",
        {"DS": [["Mã TTHC", "Tên thủ tục"], ["1", "A"]]},
        ReadOptions(limits=Limits(max_cells=1)),
    ),
    "workbook inflating too far": (
        "w2.xlsx",
        {"DS": [["Mã TTHC", "Tên thủ tục"]]},
        ReadOptions(limits=Limits(max_unzipped=10)),
    ),
    "no such sheet": (
        "w3.xlsx",
        {"DS": [["Mã TTHC", "Tên thủ tục"], ["1", "A"]]},
        ReadOptions(sheet="Khác"),
    ),
    "one sheet without a list": ("w4.xlsx", {"DS": [["Mã TTHC", "Lĩnh vực"], ["1", "A"]]}, None),
    "no sheet with a list": (
        "w5.xlsx",
        {"A": [["Mã TTHC"], ["1"]], "B": [["Lĩnh vực"], ["x"]]},
        None,
    ),
    "sheets skipped": (
        "w6.xlsx",
        {
            "DS": [["Mã TTHC", "Tên thủ tục"], ["1.000001", "A"]],
            "Trống": [],
            "Ghi chú": [["Lĩnh vực"], ["x"]],
        },
        None,
    ),
    "sheets not asked for": (
        "w7.xlsx",
        {"DS": [["Mã TTHC", "Tên thủ tục"], ["1.000001", "A"]], "Khác": [["x"]]},
        ReadOptions(sheet="DS"),
    ),
}


@pytest.mark.parametrize("case", READ_CASES)
def test_every_reader_problem_speaks_vietnamese(case: str, tmp_path: Path) -> None:
    name, content, read_options = READ_CASES[case]
    path = tmp_path / name
    if isinstance(content, dict):
        write_workbook(path, content)
    elif content:
        path.write_text(content, encoding="utf-8")
    en, vi = in_both(lambda: _what_reading_says(path, read_options))
    assert en, "nothing was said"
    for english, vietnamese in zip(en, vi, strict=True):
        assert_vietnamese(vietnamese, english, case)


# --- the tool's other sentences: settings, baselines, schemas, selections ------------------------


def _toml(tmp_path: Path, text: str) -> Callable[[], object]:
    path = tmp_path / "procaudit.toml"
    path.write_text(text, encoding="utf-8")
    return lambda: load_config(path)


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PROBLEMS: dict[str, Callable[[Path], Callable[[], object]]] = {
    "unknown config key": lambda d: _toml(d, "colour = 1\n"),
    "config not TOML": lambda d: _toml(d, "select = [\n"),
    "config bad select": lambda d: _toml(d, "select = 3\n"),
    "config bad rule": lambda d: _toml(d, 'select = ["XX1"]\n'),
    "config bad fail-on": lambda d: _toml(d, 'fail-on = "sometimes"\n'),
    "config bad lang": lambda d: _toml(d, 'lang = "fr"\n'),
    "config bad severity table": lambda d: _toml(d, 'severity = "x"\n'),
    "config bad severity rule": lambda d: _toml(d, '[severity]\nXX = "info"\n'),
    "config bad aliases": lambda d: _toml(d, 'aliases = "x"\n'),
    "config bad alias column": lambda d: _toml(d, '[aliases]\nnope = ["A"]\n'),
    "config bad alias headers": lambda d: _toml(d, "[aliases]\nname = [1]\n"),
    "config bad map": lambda d: _toml(d, 'map = "x"\n'),
    "config bad map column": lambda d: _toml(d, '[map]\n"Tên" = "nope"\n'),
    "config bad files": lambda d: _toml(d, 'files = "x"\n'),
    "config files unknown key": lambda d: _toml(d, '[[files]]\npattern = "*"\ncolour = 1\n'),
    "config files no pattern": lambda d: _toml(d, '[[files]]\nsheet = "A"\n'),
    "config files bad sheet": lambda d: _toml(d, '[[files]]\npattern = "*"\nsheet = 1.5\n'),
    "config files bad header": lambda d: _toml(d, '[[files]]\npattern = "*"\nheader-row = 1.5\n'),
    "config bad target": lambda d: _toml(d, "online-target = 120\n"),
    "config bad date": lambda d: _toml(d, 'reform-date = "soon"\n'),
    "baseline missing": lambda d: lambda: load_baseline(d / "none.json"),
    "baseline not JSON": lambda d: lambda: load_baseline(_file(d, "b.json", "{")),
    "baseline not UTF-8": lambda d: lambda: load_baseline(_bytes(d, b"\xff\xfe\x00")),
    "baseline no marker": lambda d: lambda: load_baseline(_file(d, "b.json", "{}")),
    "baseline version": lambda d: (
        lambda: load_baseline(_file(d, "b.json", '{"procaudit_baseline": 9}'))
    ),
    "baseline findings": lambda d: (
        lambda: load_baseline(_file(d, "b.json", '{"procaudit_baseline": 1, "findings": 3}'))
    ),
    "baseline finding": lambda d: (
        lambda: load_baseline(_file(d, "b.json", '{"procaudit_baseline": 1, "findings": [3]}'))
    ),
    "baseline no rule": lambda d: (
        lambda: load_baseline(
            _file(d, "b.json", '{"procaudit_baseline": 1, "findings": [{"fingerprint": "x"}]}')
        )
    ),
    "baseline not text": lambda d: (
        lambda: load_baseline(
            _file(
                d,
                "b.json",
                '{"procaudit_baseline": 1, "findings": [{"fingerprint": "x", "rule": '
                '"PA101", "file": "a", "message": "m", "sheet": 3}]}',
            )
        )
    ),
    "schema missing": lambda d: lambda: load_schema(str(d / "none.yaml")),
    "schema not YAML": lambda d: lambda: load_schema(str(_file(d, "s.yaml", "a: [b"))),
    "schema unknown check": lambda d: (
        lambda: load_schema(
            str(
                _file(
                    d,
                    "s.yaml",
                    "schema_type: dataframe\ncolumns:\n  name:\n    checks:\n"
                    "      no_such_check: {}\n",
                )
            )
        )
    ),
    "selection matches no rule": lambda d: lambda: RuleSelection.parse(["PA9"], [], ["PA101"]),
    "fix-list suffix": lambda d: lambda: check_fix_list_path(d / "sua.txt"),
    "fix-list no suffix": lambda d: lambda: check_fix_list_path(d / "sua"),
}


def _bytes(folder: Path, data: bytes) -> Path:
    path = folder / "b.json"
    path.write_bytes(data)
    return path


# Problems that end by quoting a library's own (English) words: only procaudit's are checked.
_QUOTING_A_LIBRARY = {"config not TOML": " (", "schema unknown check": ": "}


@pytest.mark.parametrize("case", PROBLEMS)
def test_every_usage_problem_speaks_vietnamese(case: str, tmp_path: Path) -> None:
    make = PROBLEMS[case](tmp_path)
    en, vi = in_both(raised(make))
    if case in _QUOTING_A_LIBRARY:
        cut = _QUOTING_A_LIBRARY[case]
        en, vi = en.rsplit(cut, 1)[0], vi.rsplit(cut, 1)[0]
    assert_vietnamese(vi, en, case)


def test_rules_not_checked_are_grouped_in_vietnamese() -> None:
    group = SkippedGroup(("PA401", "PA402"), ("a.xlsx", "b.xlsx", "c.xlsx"), "lý do")
    en, vi = in_both(group.describe)
    assert en == "PA401, PA402 in a.xlsx, b.xlsx and 1 more files: lý do"
    assert vi == "PA401, PA402 trong a.xlsx, b.xlsx và 1 tệp khác: lý do"


# --- the rules' documentation -----------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_rule_is_documented_in_vietnamese(rule) -> None:
    assert rule.doc_vi, f"{rule.id} has no Vietnamese documentation"
    for section in ("**Sai**", "**Đúng**", "**Cách sửa**"):
        assert section in rule.doc_vi, f"{rule.id} lacks {section}"
    # The same examples: as many code blocks, the same codes and decision numbers in them.
    assert rule.doc_vi.count("```") == rule.doc.count("```")
    numbers = re.compile(r"\d+")
    assert numbers.findall("".join(re.findall(r"```.*?```", rule.doc, re.DOTALL))) == (
        numbers.findall("".join(re.findall(r"```.*?```", rule.doc_vi, re.DOTALL)))
    )
    en, vi = in_both(lambda: (rule.summary, rule.documentation))
    assert vi[0].endswith(".")
    assert_vietnamese(vi[0], en[0], f"{rule.id} summary")
    assert_vietnamese(vi[1], en[1], f"{rule.id} documentation")
    assert en[1] == rule.doc


def _rendered(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=200, highlight=False, color_system=None).print(renderable)
    return out.getvalue()


def test_procaudit_rules_speaks_vietnamese() -> None:
    with speaking("vi"):
        table = _rendered(rules_table(RULES))
        doc = _rendered(rule_doc(next(rule for rule in RULES if rule.id == "PA405")))
    assert table.split()[:5] == ["mã", "tên", "mức", "độ", "kiểm"]
    assert "PA201  duplicate-entry" in table  # ids and names stay
    assert "mức độ mặc định: lỗi · cần cột name và --reference · kiểm tra trên toàn tệp" in doc
    assert "Cách sửa" in doc


# --- reports ----------------------------------------------------------------------------------

GOLDEN_CATALOGUE = (
    "Mã TTHC,Tên thủ tục,Cấp thực hiện,Lĩnh vực,Cơ quan thực hiện,Mẫu đơn, tờ khai,"
    "Mức độ DVC,Số quyết định,Ngày công bố,Tình trạng\n"
    "1.001193,Đăng ký khai sinh,Cấp xã,Hộ tịch,UBND cấp xã,Tờ khai,Toàn trình,1890/QĐ-UBND,"
    "15/08/2025,Còn hiệu lực\n"
    "1.001193,Đăng ký khai sinh,Cấp xã,Hộ tịch,UBND cấp xã,Tờ khai,Toàn trình,1890/QĐ-UBND,"
    "15/08/2025,Còn hiệu lực\n"
    "1.00123,Cấp bản sao trích lục hộ tịch,Cấp huyện,Hộ tịch,Phòng Tư pháp huyện,,Mức độ 3,"
    "1890/QD-UBND,31/09/2025,Còn hiệu lực\n"
    ",Đăng ký kết hôn ,Cấp xã,Hộ tịch,Sở Lao động - Thương binh và Xã hội,Không,Toàn trình,,"
    ",Bãi bỏ\n"
).replace("Mẫu đơn, tờ khai", '"Mẫu đơn, tờ khai"')


@pytest.fixture
def vietnamese_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AuditResult:
    """A small catalogue audited in Vietnamese, named without a folder so that reports are
    the same on every machine."""
    (tmp_path / "lao-cai.csv").write_text(GOLDEN_CATALOGUE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with speaking("vi"):
        result = audit(["lao-cai.csv"], rule_options=RuleOptions(today=date(2026, 1, 1)))
    assert not result.skipped and not result.failures
    return result


def _golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("PROCAUDIT_UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes()


def _report(result: AuditResult, fmt: Format, **options: object) -> str:
    out = io.StringIO()
    with speaking("vi"):
        reporter_for(fmt, ReportOptions(width=100, **options)).render(result, out)
    return out.getvalue().replace(__version__, "VERSION")


def test_the_rich_report_matches_its_vietnamese_golden_file(
    vietnamese_result: AuditResult,
) -> None:
    text = _report(vietnamese_result, Format.RICH, max_per_rule=1)
    _golden("report.vi.txt", text.encode("utf-8"))
    assert _report(vietnamese_result, Format.RICH, max_per_rule=1) == text  # same bytes


def test_the_fix_list_csv_matches_its_vietnamese_golden_file(
    vietnamese_result: AuditResult,
    tmp_path: Path,
) -> None:
    written = []
    for name in ("sua-1.csv", "sua-2.csv"):
        with speaking("vi"):
            write_fix_list(vietnamese_result, tmp_path / name)
        written.append((tmp_path / name).read_bytes())
    assert written[0] == written[1]
    _golden("fix-list.vi.csv", written[0])


def test_the_fix_list_workbook_speaks_vietnamese(
    vietnamese_result: AuditResult,
    tmp_path: Path,
) -> None:
    import openpyxl

    with speaking("vi"):
        write_fix_list(vietnamese_result, tmp_path / "sua.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "sua.xlsx")
    assert workbook.sheetnames == ["Danh sách cần sửa", "Các dòng có lỗi"]
    findings, offending = workbook.worksheets
    assert [cell.value for cell in findings[1]][:8] == [
        "Tệp",
        "Trang tính",
        "Ô",
        "Dòng",
        "Mã TTHC",
        "Tên thủ tục",
        "Quy tắc",
        "Mức độ",
    ]
    assert {row[7] for row in findings.iter_rows(min_row=2, values_only=True)} == {
        "lỗi",
        "cảnh báo",
        "thông tin",
    }
    assert [cell.value for cell in offending[1]][:3] == ["Tệp", "Trang tính", "Dòng"]


def test_the_markdown_and_machine_reports_speak_vietnamese_in_their_prose(
    vietnamese_result: AuditResult,
) -> None:
    markdown = _report(vietnamese_result, Format.MARKDOWN)
    assert "## Phát hiện theo quy tắc" in markdown
    assert (
        "| Tệp | Trang tính | Dòng | Cột | Mã TTHC | Quy tắc | Mức độ | Nội dung | Cách sửa |"
        in markdown
    )
    assert markdown.splitlines()[2].startswith(
        "8 lỗi, 3 cảnh báo, 1 thông tin trong 1 tệp (4 thủ tục)"
    )
    sarif = json.loads(_report(vietnamese_result, Format.SARIF))
    assert all(" Cách sửa: " in r["message"]["text"] for r in sarif["runs"][0]["results"])
    assert all(
        VIETNAMESE_LETTERS & set(rule["shortDescription"]["text"])
        for rule in sarif["runs"][0]["tool"]["driver"]["rules"]
    )
    junit = _report(vietnamese_result, Format.JUNIT)
    assert "cách sửa: " in junit and "\nfix: " not in junit
    github = _report(vietnamese_result, Format.GITHUB)
    assert (
        "::error file=lao-cai.csv,line=4,title=PA101 invalid-code::cột 'Mã TTHC': Mã thủ tục"
        in github
    )
    report = json.loads(_report(vietnamese_result, Format.JSON))
    assert {finding["severity"] for finding in report["findings"]} == {
        "error",
        "warning",
        "info",
    }  # machine values stay


def test_inspect_speaks_vietnamese(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "danh-muc.xlsx",
        {
            "DS": [
                ["DANH MỤC THỦ TỤC HÀNH CHÍNH"],
                ["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực"],
                ["(1)", "(2)", "(3)", "(4)"],
                ["I", "Lĩnh vực Hộ tịch", None, None],
                [1, "1.001193", "Đăng ký khai sinh", None],
                [None, None, None, None],
                ["Ghi chú: danh mục gồm 1 thủ tục", None, None, None],
            ],
            "Trống": [],
        },
    )

    def shown() -> str:
        out = io.StringIO()
        render_inspection(
            inspect_catalogue(read_catalogue(str(path))),
            Console(file=out, width=120, color_system=None),
        )
        return out.getvalue()

    en, vi = in_both(shown)
    for english in (
        "header on row 2",
        "title block above the header",
        "blank row",
        "column numbers under the header",
        "notes and signatures after the table",
        "took it from their section",
        "row number (STT)",
        "Sheet 'Trống' skipped: empty",
    ):
        assert english in en, english
    for vietnamese in (
        "Tổng cộng đọc được 1 thủ tục",
        "tiêu đề ở dòng 2",
        "phần tiêu đề văn bản phía trên dòng tiêu đề bảng",
        "dòng trống",
        "dòng đánh số cột dưới dòng tiêu đề",
        "ghi chú và chữ ký sau bảng",
        "lấy giá trị từ mục chứa dòng đó",
        "số thứ tự (STT)",
        "Bỏ qua trang tính 'Trống': trống",
        "sổ tính Excel (.xlsx)",
    ):
        assert vietnamese in vi, vietnamese
    assert_vietnamese(prose(vi.replace(str(path), "")), en, "inspect")


# --- the command line: --lang, PROCAUDIT_LANG, the configuration's lang ------------------------

CATALOGUE = (
    "Mã TTHC,Tên thủ tục,Cấp thực hiện,Mẫu đơn tờ khai,Số quyết định\n"
    "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    "1.000002,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND\n"
)
ENGLISH_REPORT = "fix: Set the level that took the procedure over"
VIETNAMESE_REPORT = "cách sửa: Ghi cấp đã tiếp nhận thủ tục"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "c.csv").write_text(CATALOGUE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def _config(folder: Path, lang: str) -> None:
    (folder / "procaudit.toml").write_text(f'lang = "{lang}"\n', encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "env", "config", "vietnamese"),
    [
        (["check", "c.csv"], None, None, False),
        (["check", "c.csv", "--lang", "vi"], None, None, True),
        (["check", "c.csv", "--lang", "VI"], None, None, True),
        (["--lang", "vi", "check", "c.csv"], None, None, True),
        (["check", "c.csv"], {"PROCAUDIT_LANG": "vi"}, None, True),
        (["check", "c.csv"], None, "vi", True),
        # flag > environment > configuration file > English
        (["check", "c.csv", "--lang", "en"], {"PROCAUDIT_LANG": "vi"}, None, False),
        (["--lang", "en", "check", "c.csv"], {"PROCAUDIT_LANG": "vi"}, "vi", False),
        (["--lang", "vi", "check", "c.csv", "--lang", "en"], None, None, False),
        (["check", "c.csv"], {"PROCAUDIT_LANG": "en"}, "vi", False),
        (["check", "c.csv", "--lang", "vi"], None, "en", True),
        (["check", "c.csv"], {"PROCAUDIT_LANG": ""}, "vi", True),  # empty: not set
    ],
)
def test_lang_flag_environment_and_config_in_that_order(
    folder: Path,
    args: list[str],
    env: dict[str, str] | None,
    config: str | None,
    vietnamese: bool,
) -> None:
    if config:
        _config(folder, config)
    result = invoke(*args, env=env)
    assert result.exit_code == 1, result.output
    assert (VIETNAMESE_REPORT in result.stdout) is vietnamese, result.stdout
    assert (ENGLISH_REPORT in result.stdout) is not vietnamese
    assert language() == "en"  # the run leaves the process as it found it


@pytest.mark.parametrize(
    ("args", "env", "config", "error"),
    [
        (
            ["check", "c.csv", "--lang", "fr"],
            None,
            None,
            "procaudit: error: --lang 'fr' is not a language procaudit speaks: use vi "
            "(Vietnamese) or en (English)",
        ),
        (
            ["--lang", "vn", "rules"],
            None,
            None,
            "procaudit: error: --lang 'vn' is not a language procaudit speaks",
        ),
        (
            ["check", "c.csv"],
            {"PROCAUDIT_LANG": "fr"},
            None,
            "procaudit: error: PROCAUDIT_LANG 'fr' is not a language procaudit speaks",
        ),
        (["inspect", "c.csv"], None, "fr", "'lang' must be one of en, vi, not 'fr'"),
        (["config", "--lang", "vi"], {"PROCAUDIT_LANG": "fr"}, None, None),  # the flag wins
    ],
)
def test_an_unknown_language_is_one_sentence_and_exit_2(
    folder: Path,
    args: list[str],
    env: dict[str, str] | None,
    config: str | None,
    error: str | None,
) -> None:
    if config:
        _config(folder, config)
    result = invoke(*args, env=env)
    if error is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("procaudit: error: ") and error in line


def test_errors_keep_their_prefix_and_speak_vietnamese(folder: Path) -> None:
    result = invoke("check", "none.csv", "--lang", "vi")
    assert result.exit_code == 2
    assert result.stderr == "procaudit: error: none.csv: không có tệp này\n"
    result = invoke("rules", "PA999", "--lang", "vi")
    assert result.stderr.startswith("procaudit: error: không có quy tắc PA999")


def test_json_keeps_its_keys_and_rule_ids_in_vietnamese(folder: Path) -> None:
    en, vi = (
        json.loads(invoke("check", "c.csv", "-f", "json", "--lang", lang).stdout)
        for lang in ("en", "vi")
    )
    assert list(vi) == list(en)
    assert [list(f) for f in vi["findings"]] == [list(f) for f in en["findings"]]
    assert [(f["rule"], f["name"], f["severity"]) for f in vi["findings"]] == [
        (f["rule"], f["name"], f["severity"]) for f in en["findings"]
    ]
    assert vi["findings"][0]["message"] == "Cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025."


def test_notes_on_stderr_speak_vietnamese(folder: Path) -> None:
    result = invoke("check", "c.csv", "-f", "json", "--lang", "vi")
    notes = [line for line in result.stderr.splitlines() if line.startswith("procaudit: note:")]
    assert notes and all(line.startswith("procaudit: note: chưa kiểm tra: ") for line in notes)


def test_config_shows_lang_and_where_it_comes_from(folder: Path) -> None:
    def lang_line(result) -> list[str]:
        return next(line.split() for line in result.stdout.splitlines() if line.startswith("lang "))

    assert lang_line(invoke("config")) == ["lang", "en", "default"]
    assert lang_line(invoke("config", env={"PROCAUDIT_LANG": "en"})) == [
        "lang",
        "en",
        "PROCAUDIT_LANG",
    ]
    _config(folder, "vi")
    result = invoke("config")
    assert lang_line(result) == ["lang", "vi", "tệp", "cấu", "hình"]
    assert result.stdout.startswith(f"tệp cấu hình: {folder / 'procaudit.toml'}")
    assert lang_line(invoke("config", "--lang", "en")) == ["lang", "en", "command", "line"]


def test_rules_inspect_and_fix_list_follow_lang(folder: Path) -> None:
    assert invoke("rules", "--lang", "vi").stdout.split()[:2] == ["mã", "tên"]
    assert "**" not in invoke("rules", "PA201", "--lang", "vi").stdout
    assert "Cách sửa" in invoke("rules", "PA201", "--lang", "vi").stdout
    _config(folder, "vi")
    assert "Tổng cộng đọc được 2 thủ tục" in invoke("inspect", "c.csv").stdout
    assert invoke("rules").stdout.split()[:2] == ["mã", "tên"]
    result = invoke("check", "c.csv", "--fix-list", "sua.csv")
    assert result.exit_code == 1
    header = (folder / "sua.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Tệp,Trang tính,Ô,Dòng,Mã TTHC,Tên thủ tục,Quy tắc,Mức độ,")


@pytest.mark.parametrize(
    ("names", "lang", "said"),
    [
        (["a.xlsx"], "en", "a.xlsx"),
        (["a.xlsx", "b.xlsx"], "en", "a.xlsx, b.xlsx"),
        (["a.xlsx", "b.xlsx", "c.xlsx"], "en", "a.xlsx, b.xlsx and 1 more files"),
        (["a", "b", "c", "d", "e"], "vi", "a, b và 3 tệp khác"),
        ([], "en", ""),
    ],
)
def test_first_few_names_the_first_and_counts_the_rest(
    names: list[str], lang: str, said: str
) -> None:
    with speaking(lang):
        assert first_few(names, 2, (" and {more} more files", " và {more} tệp khác")) == said
