"""The options several commands share, with their help texts and their defaults.

Imported only inside `speaking_the_help_language()` (see `procaudit.cli.help`): each help
text below is words in the help's language, fixed when this module is imported. The limit
defaults are `procaudit.core.limits`', the readers' own.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from procaudit.core.i18n import t
from procaudit.core.limits import MAX_CELL_LENGTH, MAX_CELLS, MAX_FILE_SIZE_MB

__all__ = [
    "MAX_CELLS",
    "MAX_CELL_LENGTH",
    "MAX_FILE_SIZE_MB",
    "BackupOption",
    "ConfigOption",
    "DiffOption",
    "ExcludeOption",
    "FixIgnoreOption",
    "FixOutputOption",
    "FixSelectOption",
    "HeaderRowOption",
    "InPlaceOption",
    "JobsOption",
    "LangOption",
    "LogOption",
    "MapOption",
    "MaxCellLengthOption",
    "MaxCellsOption",
    "MaxFileSizeOption",
    "OutputDirOption",
    "OutputFormat",
    "OutputFormatOption",
    "SheetOption",
    "UnsafeFixesOption",
]


class OutputFormat(StrEnum):
    """The formats of `inspect` and `history`: for a person, or for a program."""

    RICH = "rich"
    JSON = "json"


OutputFormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", case_sensitive=False, help=t("Output format.", "Định dạng kết quả.")
    ),
]

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="vi|en",
        show_default=False,
        help=t(
            "The language of reports and messages: vi (Vietnamese) or en "
            "(English). Default: PROCAUDIT_LANG, else the configuration's lang, "
            "else en. --help follows --lang or PROCAUDIT_LANG only.",
            "Ngôn ngữ của báo cáo và thông báo: vi (tiếng Việt) hoặc en (tiếng "
            "Anh). Mặc định: theo biến môi trường PROCAUDIT_LANG; nếu không có, "
            "theo khóa lang của tệp cấu hình; nếu vẫn không có, dùng en. Phần trợ "
            "giúp (--help) chỉ theo --lang hoặc PROCAUDIT_LANG.",
        ),
    ),
]

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        show_default=False,
        help=t(
            "The configuration file (default: procaudit.toml, or "
            "[tool.procaudit] in pyproject.toml, from this folder upward).",
            "Tệp cấu hình (mặc định: tệp procaudit.toml, hoặc mục [tool.procaudit] "
            "trong tệp pyproject.toml, tìm từ thư mục hiện hành lên các thư mục "
            "cấp trên).",
        ),
    ),
]

# Limits that keep a run bounded on hostile or broken files; raise them for huge catalogues.
MaxFileSizeOption = Annotated[
    int,
    typer.Option(
        "--max-file-size",
        metavar="MB",
        min=1,
        help=t(
            "Refuse input files larger than this many megabytes.",
            "Từ chối tệp đầu vào có dung lượng lớn hơn số megabyte (MB) này.",
        ),
    ),
]
MaxCellsOption = Annotated[
    int,
    typer.Option(
        "--max-cells",
        metavar="N",
        min=1,
        help=t(
            "Refuse a sheet reaching further than N cells (rows x columns).",
            "Từ chối trang tính vượt quá N ô (số dòng x số cột).",
        ),
    ),
]
# No `min=1`: click would answer 0 with its usage block; `check` says it in one sentence.
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        show_default=False,
        help=t(
            "Audit several files in up to N processes at once (default: one per core; 1: "
            "in this process). The report is the same; a run too small to gain from it "
            "stays in one process.",
            "Rà soát nhiều tệp cùng lúc trong tối đa N tiến trình (mặc định: mỗi nhân CPU "
            "một tiến trình; 1: chỉ trong tiến trình này). Báo cáo không đổi; lượt kiểm "
            "tra quá nhỏ để được lợi thì vẫn chạy trong một tiến trình.",
        ),
    ),
]
MaxCellLengthOption = Annotated[
    int,
    typer.Option(
        "--max-cell-length",
        metavar="N",
        min=1,
        help=t(
            "Refuse a file with a cell longer than N characters.",
            "Từ chối tệp có ô dài hơn N ký tự.",
        ),
    ),
]

# The overrides for files that guessing reads wrong; `check`, `inspect` and `diff` take them.
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        show_default=False,
        help=t(
            "Read only this sheet (its name, or its number from 1).",
            "Chỉ đọc trang tính này (theo tên, hoặc theo số thứ tự bắt đầu từ 1).",
        ),
    ),
]
HeaderRowOption = Annotated[
    str | None,
    typer.Option(
        "--header-row",
        metavar="N[-M]",
        show_default=False,
        help=t(
            "The header is on row N (or split over rows N to M, three at most): no guessing.",
            "Dòng tiêu đề của bảng là dòng N (hoặc trải trên các dòng N đến M, nhiều nhất ba "
            "dòng): không tự dò tìm.",
        ),
    ),
]
MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="'HEADER=column'",
        show_default=False,
        help=t(
            "Read the column headed HEADER as a canonical column, e.g. "
            "--map 'Tên gọi khác=name'. Repeatable.",
            "Đọc cột có tiêu đề HEADER như một cột chuẩn, ví dụ "
            "--map 'Tên gọi khác=name'. Có thể lặp lại.",
        ),
    ),
]

# The nightly run's: what a folder scan leaves out, and the one line each run leaves.
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="PATTERN",
        show_default=False,
        help=t(
            "Leave out of a folder or pattern scan what this glob matches: a path within "
            "the folder, a file's name or a folder's ('reports', '*-old.xlsx'). Repeatable; "
            "adds to the configuration's exclude.",
            "Bỏ qua khi quét thư mục hoặc mẫu đường dẫn những gì khớp với mẫu này: đường "
            "dẫn bên trong thư mục, tên tệp hoặc tên thư mục ('reports', '*-old.xlsx'). Có "
            "thể lặp lại; cộng thêm vào khóa exclude của tệp cấu hình.",
        ),
    ),
]
LogOption = Annotated[
    Path | None,
    typer.Option(
        "--log",
        metavar="FILE",
        show_default=False,
        help=t(
            "Append one line per run to FILE (created on first use): the time, the "
            "files, the findings by severity and the exit code.",
            "Ghi thêm vào tệp FILE một dòng cho mỗi lượt kiểm tra (tạo mới ở lần dùng đầu "
            "tiên): thời điểm, số tệp, số phát hiện theo mức độ và mã thoát.",
        ),
    ),
]


# procaudit fix's: where the repaired copies go, which repairs run, and what is shown.
FixOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="OUT",
        show_default=False,
        help=t(
            "Write the repaired copy of the one input to OUT (.xlsx for xlsx, xls and ods "
            "inputs, .csv for CSV), atomically. The input is never modified.",
            "Ghi bản đã sửa của tệp đầu vào (chỉ một tệp) vào OUT (.xlsx cho tệp xlsx, xls "
            "và ods; .csv cho tệp CSV), ghi trọn vẹn một lần. Tệp gốc không bao giờ bị sửa.",
        ),
    ),
]
OutputDirOption = Annotated[
    Path | None,
    typer.Option(
        "--output-dir",
        metavar="DIR",
        show_default=False,
        help=t(
            "Write each input's repaired copy into DIR under its own name (an xls or ods "
            "file becomes .xlsx). DIR must exist.",
            "Ghi bản đã sửa của từng tệp vào thư mục DIR với tên của chính tệp đó (tệp xls "
            "hoặc ods thành .xlsx). Thư mục DIR phải có sẵn.",
        ),
    ),
]
InPlaceOption = Annotated[
    bool,
    typer.Option(
        "--in-place",
        help=t(
            "Repair each input itself; only with --backup, which keeps the original first.",
            "Sửa trực tiếp từng tệp đầu vào; chỉ dùng cùng --backup để giữ lại tệp gốc trước.",
        ),
    ),
]
BackupOption = Annotated[
    str | None,
    typer.Option(
        "--backup",
        metavar="SUFFIX",
        show_default=False,
        help=t(
            "With --in-place: copy FILE to FILE+SUFFIX before repairing it (refused if that "
            "file exists), e.g. --backup .bak.",
            "Dùng cùng --in-place: sao chép FILE thành FILE+SUFFIX trước khi sửa (từ chối "
            "nếu tệp đó đã có), ví dụ --backup .bak.",
        ),
    ),
]
UnsafeFixesOption = Annotated[
    bool,
    typer.Option(
        "--unsafe-fixes",
        help=t(
            "Also make the repairs a person should review (a dot restored in a code, a "
            "padded code); by default only those that cannot change meaning.",
            "Thực hiện cả các sửa đổi cần người xem lại (thêm dấu chấm vào mã, bổ sung số "
            "0 cho mã); mặc định chỉ thực hiện các sửa đổi không thể làm đổi nghĩa.",
        ),
    ),
]
DiffOption = Annotated[
    bool,
    typer.Option(
        "--diff",
        help=t(
            "Print the changes (cell, before, after, rule) without writing anything.",
            "In ra các thay đổi (ô, trước, sau, quy tắc) mà không ghi gì.",
        ),
    ),
]
FixSelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="IDS",
        show_default=False,
        help=t(
            "Repair and check only with these rules: ids or prefixes, comma-separated "
            "(--select PA6,PA402). Repeatable.",
            "Chỉ sửa và kiểm tra theo các quy tắc này: mã hoặc tiền tố mã, phân cách bằng "
            "dấu phẩy (--select PA6,PA402). Có thể lặp lại.",
        ),
    ),
]
FixIgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="IDS",
        show_default=False,
        help=t(
            "Neither repair nor check with these rules: ids or prefixes (--ignore PA603). "
            "Repeatable.",
            "Không sửa và không kiểm tra theo các quy tắc này: mã hoặc tiền tố mã "
            "(--ignore PA603). Có thể lặp lại.",
        ),
    ),
]
