"""A file's name as readers written in another language (pyarrow, calamine) take it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def native_source(path: Path) -> Iterator[str | BinaryIO]:
    """The path for a reader written in another language (pyarrow, calamine), which takes a
    name as UTF-8: the name itself, or the open file when the name is not valid UTF-8
    (Python holds its undecodable bytes as surrogates, which such a reader refuses)."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        with path.open("rb") as stream:
            yield stream
        return
    yield name
