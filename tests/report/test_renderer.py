"""The one renderer interface (`report.renderer`): every format of every family is a
`Renderer`, and `write_output` writes any renderer's output to stdout or a file."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pytest
from rich.console import Console

from procaudit.history.trend import Trend
from procaudit.report import Format, ReportOptions, reporter_for
from procaudit.report.diff.formats import DiffFormat, RenderOptions
from procaudit.report.diff.formats import renderer_for as diff_renderer_for
from procaudit.report.history.formats import HistoryFormat, HistoryOptions
from procaudit.report.history.formats import renderer_for as history_renderer_for
from procaudit.report.history.view import render_json, render_rich
from procaudit.report.renderer import Renderer, write_output

BINARY = {DiffFormat.XLSX}  # the only formats that write bytes


def every_renderer() -> list[tuple[object, Renderer[Any, Any]]]:
    return [
        *((fmt, reporter_for(fmt, ReportOptions())) for fmt in Format),
        *((fmt, diff_renderer_for(fmt, RenderOptions())) for fmt in DiffFormat),
        *((fmt, history_renderer_for(fmt, HistoryOptions("h.db", 30))) for fmt in HistoryFormat),
    ]


# Ids without an object's address, the same in every process (pytest -n collects in each).
@pytest.mark.parametrize(
    ("fmt", "renderer"),
    every_renderer(),
    ids=lambda value: repr(value) if hasattr(value, "value") else type(value).__name__,
)
def test_every_format_is_a_renderer(fmt: object, renderer: Renderer[Any, Any]) -> None:
    assert isinstance(renderer, Renderer)
    assert renderer.binary is (fmt in BINARY)


EMPTY = Trend(runs=(), files=())


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (HistoryFormat.JSON, lambda: render_json(EMPTY, "h.db", 7)),
        (HistoryFormat.RICH, lambda: _drawn(EMPTY, "h.db")),
    ],
)
def test_history_renderers_write_what_the_views_draw(
    fmt: HistoryFormat, expected: Callable[[], str]
) -> None:
    out = io.StringIO()
    history_renderer_for(fmt, HistoryOptions("h.db", 7, width=80)).render(EMPTY, out)
    assert out.getvalue() == expected()


def _drawn(trend: Trend, database: str) -> str:
    out = io.StringIO()
    render_rich(trend, Console(file=out, width=80, highlight=False), database)
    return out.getvalue()


class Lines(Renderer[list[str], TextIO]):
    def render(self, subject: list[str], out: TextIO) -> None:
        out.write("\r\n".join(subject) + "\r\n")


class Packed(Renderer[list[str], BinaryIO]):
    binary = True

    def render(self, subject: list[str], out: BinaryIO) -> None:
        out.write(b"\x00".join(line.encode("utf-8") for line in subject))


LINES = ["Mã TTHC", "1.000001"]


@pytest.mark.parametrize(
    ("renderer", "expected"),
    [
        (Lines(), "Mã TTHC\r\n1.000001\r\n".encode()),  # the renderer's own line ends
        (Packed(), "Mã TTHC\x001.000001".encode()),
    ],
    ids=["text", "binary"],
)
def test_write_output_writes_a_file_whole(
    renderer: Renderer[list[str], Any], expected: bytes, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    write_output(renderer, LINES, target)
    assert target.read_bytes() == expected
    assert [path.name for path in tmp_path.iterdir()] == ["out"]  # no temporary file left


def test_write_output_without_a_file_prints(capsys: pytest.CaptureFixture[str]) -> None:
    write_output(Lines(), LINES, None)
    assert capsys.readouterr().out == "Mã TTHC\r\n1.000001\r\n"


def test_a_failed_render_leaves_no_file(tmp_path: Path) -> None:
    class Broken(Lines):
        def render(self, subject: list[str], out: TextIO) -> None:
            out.write("half")
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_output(Broken(), LINES, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []
