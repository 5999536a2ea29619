"""The default limits that keep a run bounded, each said once: the readers' `Limits`
(`procaudit.io.limits`) starts from them, and so do the command line's --max-file-size,
--max-cells and --max-cell-length and the Python API's requests.

Kept here, free of pandas, because `procaudit --help` shows them and must not import the
readers.
"""

from __future__ import annotations

from typing import Final

MB: Final = 1024 * 1024

# An input file's size on disk, in megabytes (a national 1M-row CSV is about 360 MB).
MAX_FILE_SIZE_MB: Final = 2048
# Rows x columns of one sheet, as the reader allocates them.
MAX_CELLS: Final = 50_000_000
# Characters; Excel stops at 32,767 but CSV does not: the portal's details CSV has a scraped
# cell of 51,526.
MAX_CELL_LENGTH: Final = 100_000
