"""Why a grid holds no catalogue table: the message for a sheet whose header names no
procedure column, or that holds another kind of table (a dossier list, a fee schedule)."""

from __future__ import annotations

from procaudit.catalogue.columns import ALIASES, REQUIRED
from procaudit.core.i18n import t
from procaudit.io.grid import Grid
from procaudit.io.header_search import HEADER_SCAN_ROWS, NoHeader
from procaudit.io.lost_bytes import unreadable_text
from procaudit.io.other_tables import OtherTable, without_name
from procaudit.io.value_notes import quoted

_SHOWN_HEADERS = 6  # headers quoted in the message about a missing name column


def no_header(missing: NoHeader, grid: Grid) -> str:
    if not missing.given and (other := _other_without_name(missing, grid)):
        return other.problem()
    wanted = t(" or ", " hoặc ").join(f"'{alias}'" for alias in ALIASES[REQUIRED[0]][:3])
    shown = [quoted(label) for label in missing.closest if label.strip()]
    seen = ", ".join(shown[:_SHOWN_HEADERS]) + (", …" if len(shown) > _SHOWN_HEADERS else "")
    seen = seen or t("nothing", "không có gì")
    return _header_not_found(missing, wanted, seen) + unreadable_text(missing.closest, grid)


def _header_not_found(missing: NoHeader, wanted: str, seen: str) -> str:
    # In Vietnamese, "tên thủ tục" says it: the id `name` only where --map is to be typed.
    if missing.given:
        return t(
            "has no column for the procedure {column} on the header row {row} (it has {seen}); "
            "name the column with --map 'HEADER={column}'",
            "không có cột tên thủ tục ở dòng tiêu đề {row} (dòng này có {seen}); hãy "
            "chỉ định cột bằng --map 'TIÊU ĐỀ={column}'",
            column=REQUIRED[0],
            row=missing.given,
            seen=seen,
        )
    return t(
        "has no column for the procedure {column} (looked for {wanted} in the first {rows} "
        "rows; the most header-like row has {seen}; name it with --map or point at it with "
        "--header-row)",
        "không có cột tên thủ tục (đã tìm {wanted} trong {rows} dòng đầu; dòng giống "
        "dòng tiêu đề nhất có {seen}; hãy chỉ định cột bằng --map hoặc chỉ ra dòng tiêu đề bằng "
        "--header-row)",
        column=REQUIRED[0],
        wanted=wanted,
        rows=HEADER_SCAN_ROWS,
        seen=seen,
    )


def _other_without_name(missing: NoHeader, grid: Grid) -> OtherTable | None:
    """What a sheet with no name column looks like instead of a catalogue, if anything: read
    from the row most like a header and the rows under it."""
    texts, _ = grid.head(HEADER_SCAN_ROWS)
    row = next((p for p, labels in enumerate(texts) if labels == missing.closest), None)
    return None if row is None else without_name(grid.cells, missing.closest, row, texts[:row])
