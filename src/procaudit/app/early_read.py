"""A check's one CSV file parsed from the moment the command line names it, before the
command line (typer, the commands, this package's use cases) is even imported.

Apart from `procaudit.app.check` because importing that module takes ~60 ms on one core
(the settings, the rules' options and catalogue), which the parse would wait for: this one
imports only the reader's read-ahead, when called.
"""

from __future__ import annotations


def start_reading_early(path: str, max_file_size: int) -> None:
    """Start parsing `path` now (`cli.early_input`): the check's `reading_ahead`, given the
    same file unchanged, goes on with this parse. The parse is dropped untaken if the run
    does not come to read it (`reading_ahead`'s end)."""
    from procaudit.io.read_ahead import start_reading

    start_reading(path, max_file_size)
