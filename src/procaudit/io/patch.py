"""Write a repaired copy of a catalogue file, keeping the file as the official made it.

`write_repaired` takes the changes `procaudit fix` planned (core/changes.py) and writes
them into a copy: a workbook keeps its styles, merged cells, widths, comments, validation,
other sheets and formulas (patch_workbook.py); xls, xlsb and ods, and an xlsx saved as
Strict Open XML (which openpyxl cannot read), become xlsx with the same sheets and values
(patch_convert.py); a CSV keeps its encoding, delimiter, quoting and line
ends (patch_csv.py). A change is applied only to a cell that still holds the text it was
planned from, and never to a formula; the others come back in `PatchResult.skipped` with
their reason. The source is never modified, and the copy is written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from procaudit.core.changes import CellChange
from procaudit.core.errors import UsageError
from procaudit.core.i18n import t
from procaudit.io.by_content import reader_of
from procaudit.io.csv_sniff import CSV_SUFFIXES
from procaudit.io.file_kind import misnamed, workbook_kind
from procaudit.io.patch_cells import PatchResult
from procaudit.io.patch_convert import write_converted_copy
from procaudit.io.patch_csv import write_csv_copy
from procaudit.io.patch_workbook import write_workbook_copy
from procaudit.io.read import ReadOptions
from procaudit.io.xlsx_parts import strict_open_xml

__all__ = ["PatchResult", "write_repaired"]

_KEPT_FORMATS = frozenset({".xlsx", ".xlsm"})  # written back in their own format
_CONVERTED = frozenset({".xls", ".xlsb", ".ods"})  # written as xlsx
STRICT = "Strict Open XML"  # an xlsx saved so, named in the notes as its copy is written


def write_repaired(
    source: Path,
    changes: Sequence[CellChange],
    target: Path,
    read_options: ReadOptions | None = None,
) -> PatchResult:
    """Write `source` with `changes` applied to `target`; `source` is never touched.
    `read_options`: how the file was read (--sheet, --map), for the codes a converted copy
    writes as the check read them."""
    source, target = Path(source), Path(target)
    suffix, wanted = source.suffix.lower(), target.suffix.lower()
    _check_target(source, target, suffix, wanted)
    _check_named_as_it_is(source, suffix)
    if suffix in CSV_SUFFIXES:
        return write_csv_copy(source, changes, target)
    if suffix in _KEPT_FORMATS and strict_open_xml(source):
        # openpyxl reads no sheet of it: the copy is written as an xls file's is
        return write_converted_copy(source, changes, target, read_options, STRICT)
    if suffix in _KEPT_FORMATS:
        return write_workbook_copy(source, changes, target)
    return write_converted_copy(source, changes, target, read_options)


def _check_named_as_it_is(source: Path, suffix: str) -> None:
    """Refuse a file whose name does not say what it holds (read by its bytes, see
    `io.file_kind`): its copy would be written in the format its name says."""
    reader, head = reader_of(source)
    if reader in ("html", "spreadsheetml"):
        what = t("a web page (HTML)", "trang web (HTML)") if reader == "html" else "Excel 2003 XML"
        raise UsageError(
            t(
                "{source} is {what} named {suffix}: procaudit reads it but cannot write its "
                "repaired copy; open it in Excel, save it as .xlsx and repair that file",
                "{source} là {what} mang đuôi {suffix}: procaudit đọc được nhưng không ghi được "
                "bản sửa; hãy mở bằng Excel, lưu dưới dạng .xlsx rồi sửa tệp đó",
                source=source,
                what=what,
                suffix=suffix,
            )
        )
    if reader == "csv" and suffix not in CSV_SUFFIXES:
        real = ".csv"
    elif reader == "workbook" and misnamed(head, suffix):
        real = "." + workbook_kind(head, suffix)
    else:
        return
    raise UsageError(
        t(
            "{source} is a {real} file named {suffix}: give it the {real} name and repair it",
            "{source} là tệp {real} mang đuôi {suffix}: hãy đổi đuôi tệp thành {real} rồi sửa",
            source=source,
            real=real,
            suffix=suffix,
        )
    )


def _check_target(source: Path, target: Path, suffix: str, wanted: str) -> None:
    if target.resolve() == source.resolve():
        raise UsageError(
            t(
                "the repaired copy of {source} cannot be written over it: name another file",
                "không thể ghi bản sửa của {source} đè lên chính tệp đó: hãy chọn tệp khác",
                source=source,
            )
        )
    if suffix in CSV_SUFFIXES:
        fits = wanted in CSV_SUFFIXES
        expected = suffix
    elif suffix in _KEPT_FORMATS:
        fits = wanted == suffix
        expected = suffix
    elif suffix in _CONVERTED:
        fits = wanted == ".xlsx"
        expected = ".xlsx"
    else:
        raise UsageError(
            t(
                "procaudit cannot write a repaired copy of a {suffix} file",
                "procaudit không ghi được bản sửa của tệp {suffix}",
                suffix=suffix or source.name,
            )
        )
    if not fits:
        raise UsageError(
            t(
                "the repaired copy of {source} must be a {expected} file, not {target}",
                "bản sửa của {source} phải là tệp {expected}, không phải {target}",
                source=source,
                expected=expected,
                target=target,
            )
        )
