"""The diff's output formats: one renderer module each, mapped exhaustively from `DiffFormat`.

Each is a `DiffRenderer`, the `report.renderer.Renderer` of a `DiffResult`. Imported by the
command line before anything heavy: no pandas, rich or openpyxl here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, TypeVar

from procaudit.core.errors import UsageError
from procaudit.core.i18n import t
from procaudit.diff.model import DiffResult
from procaudit.report.renderer import Renderer, renderer_class


class DiffFormat(StrEnum):
    RICH = "rich"
    JSON = "json"
    XLSX = "xlsx"


MAX_ROWS = 50  # rows shown per kind of change in the terminal report (--max-rows)


@dataclass(frozen=True)
class RenderOptions:
    max_rows: int = MAX_ROWS  # 0 shows all
    summary_only: bool = False  # --quiet: the summary line alone
    width: int | None = None  # None: the terminal's width
    terminal: bool = True  # False (a file, a pipe): no colour, whatever FORCE_COLOR says


Out = TypeVar("Out", bound=IO[Any])  # TextIO, or BinaryIO for the workbook


class DiffRenderer(Renderer[DiffResult, Out]):
    """Writes a diff to `out`: text, or bytes where `binary`."""

    def __init__(self, options: RenderOptions) -> None:
        self.options = options


_RENDERERS: dict[DiffFormat, tuple[str, str]] = {
    DiffFormat.RICH: ("render_rich", "RichRenderer"),
    DiffFormat.JSON: ("render_json", "JsonRenderer"),
    DiffFormat.XLSX: ("render_xlsx", "XlsxRenderer"),
}
WORKBOOK_SUFFIX = ".xlsx"


def renderer_for(fmt: DiffFormat, options: RenderOptions) -> DiffRenderer[Any]:
    module, name = _RENDERERS[fmt]  # a test holds the mapping exhaustive
    renderer: type[DiffRenderer[Any]] = renderer_class(f"procaudit.report.diff.{module}", name)
    return renderer(options)


def resolve_format(fmt: DiffFormat | None, output: Path | None) -> DiffFormat:
    """The format asked for; without --format, a workbook for `-o FILE.xlsx`, else rich."""
    to_workbook = output is not None and output.suffix.lower() == WORKBOOK_SUFFIX
    if fmt is None:
        return DiffFormat.XLSX if to_workbook else DiffFormat.RICH
    if fmt is DiffFormat.XLSX and output is None:
        raise UsageError(
            t(
                "--format xlsx writes a workbook: name it with --output FILE.xlsx",
                "--format xlsx ghi ra một tệp Excel: đặt tên tệp bằng --output FILE.xlsx",
            )
        )
    if fmt is DiffFormat.XLSX and not to_workbook:
        raise UsageError(
            t(
                "--output {output}: a workbook's name must end in .xlsx",
                "--output {output}: tên tệp Excel phải có đuôi .xlsx",
                output=output,
            )
        )
    if to_workbook and fmt is not DiffFormat.XLSX:
        raise UsageError(
            t(
                "--output {output}: an .xlsx file must hold a workbook, not --format {format}",
                "--output {output}: tệp .xlsx phải là tệp Excel, không dùng được "
                "với --format {format}",
                output=output,
                format=fmt.value,
            )
        )
    return fmt
