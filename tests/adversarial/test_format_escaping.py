"""A hostile cell in every machine and CI format (issue 20), through the real console entry
point: a NUL, a terminal escape sequence (`ESC ] 0 ; title BEL`), a bidirectional override
(U+202E), a DEL and a C1 CSI (U+009B), a line break followed by a GitHub workflow command, and
`]]>`. Each format stays valid, and no such character reaches the file raw: the JSON formats
write them as `\\uXXXX` escapes (a parser reads back the cell's very text), the formats a
person reads (HTML, GitHub annotations, JUnit) show them as `\\x1b`, `\\u202e`.

A workbook carries such characters as Excel does, as `_x001B_` escapes in its XML, which the
readers decode; a CSV with a NUL is refused whole (tests/adversarial/test_more.py). A lone
surrogate cannot come from a cell (a workbook's `_xD800_` stays those seven characters, and
a CSV is decoded whole): the JSON writer's handling of one is tested on its own."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import Workbook
from runner import errors_of, run

from procaudit.core.jsontext import compact, dumps

pytestmark = pytest.mark.slow  # each runs procaudit in a subprocess

# As the workbook's XML holds it, and as the readers give it back.
CELL_XML = (
    "Đăng_x0000_ký_x001B_]0;pwned_x0007_ khai_x001B_[2J \u202eabc_x007F__x009B_ "
    "&lt;b&gt;x&lt;/b&gt; ]]&gt; &amp;_x000A_::error::pwned%0A"
)
CELL = "Đăng\x00ký\x1b]0;pwned\x07 khai\x1b[2J \u202eabc\x7f\x9b <b>x</b> ]]> &\n::error::pwned%0A"
RAW = ("\x00", "\x1b", "\x07", "\u202e", "\x7f", "\x9b")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """h.xlsx: two rows with one code (PA202 quotes each name in the other's message), the
    first name the hostile cell."""
    folder = tmp_path_factory.mktemp("hostile")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã TTHC", "Tên thủ tục", "Cấp thực hiện"])
    sheet.append(["1.000656", "PLACEHOLDER", "Cấp xã"])
    sheet.append(["1.000656", "Đăng ký kết hôn", "Cấp xã"])
    book.save(folder / "base.xlsx")
    with (
        zipfile.ZipFile(folder / "base.xlsx") as base,
        zipfile.ZipFile(folder / "h.xlsx", "w", zipfile.ZIP_DEFLATED) as made,
    ):
        for item in base.infolist():
            data = base.read(item.filename)
            made.writestr(item, data.replace(b"PLACEHOLDER", CELL_XML.encode()))
    return folder


def report(folder: Path, output_format: str) -> str:
    done = run(
        "check", "h.xlsx", "-q", "-f", output_format, "-o", f"out.{output_format}", cwd=folder
    )
    assert done.returncode == 1 and errors_of(done) == [], done.stderr
    text = (folder / f"out.{output_format}").read_text(encoding="utf-8")
    assert not [char for char in RAW if char in text], output_format
    return text


def messages(document: object) -> list[str]:
    """Every text in a parsed JSON document."""
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        return [text for value in document.values() for text in messages(value)]
    if isinstance(document, list):
        return [text for value in document for text in messages(value)]
    return []


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab"])
def test_json_formats_escape_the_cell_and_read_back_exactly(
    hostile: Path, output_format: str
) -> None:
    text = report(hostile, output_format)
    assert "\\u001b]0;pwned\\u0007" in text and "\\u202e" in text and "\\u009b" in text
    assert any(CELL in message for message in messages(json.loads(text)))


def test_json_lines_escape_the_cell_and_read_back_exactly(hostile: Path) -> None:
    lines = report(hostile, "jsonl").splitlines()
    assert any("\\u202e" in line for line in lines)
    assert any(CELL in text for line in lines for text in messages(json.loads(line)))


def test_github_annotations_show_the_cell_and_stay_one_line_each(hostile: Path) -> None:
    lines = report(hostile, "github").splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    quoted = [line for line in lines if "pwned" in line]
    assert quoted, lines
    for line in quoted:  # the line break and the % are escaped: no second command
        assert "\\x1b]0;pwned\\x07" in line and "\\u202eabc\\x7f\\x9b" in line
        assert "::error::pwned%250A" in line
    # The cell as it is, its line break escaped (PA603's fix joins the name's lines).
    assert any("%0A::error::pwned%250A" in line for line in quoted)


def test_junit_shows_the_cell_and_stays_well_formed(hostile: Path) -> None:
    text = report(hostile, "junit")
    assert "]]>" not in text
    root = ElementTree.fromstring(text.encode())
    failures = [
        (failure.get("message") or "") + (failure.text or "") for failure in root.iter("failure")
    ]
    assert any("\\x00ký\\x1b]0;pwned\\x07" in failure for failure in failures)
    assert any("\\u202eabc" in failure and "]]>" in failure for failure in failures)


def test_html_shows_the_cell_and_parses(hostile: Path) -> None:
    text = report(hostile, "html")
    assert "<b>x</b>" not in text  # the cell's markup is text
    assert "\\x1b]0;pwned\\x07" in text.replace("\\\\", "\\") and "\\u202e" in text

    class Strict(HTMLParser):
        def error(self, message: str) -> None:  # pragma: no cover - only on a parse error
            raise AssertionError(message)

    Strict().feed(text)


def test_the_json_writer_escapes_a_lone_surrogate() -> None:
    document = {"value": "a\ud800b\u202e"}
    assert dumps(document) == '{\n  "value": "a\\ud800b\\u202e"\n}'
    assert compact(document) == '{"value": "a\\ud800b\\u202e"}'
    assert json.loads(dumps(document)) == document
    dumps(document).encode("utf-8")  # what the report's file holds
