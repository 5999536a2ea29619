"""A file's first bytes are read once when the reader choosing by them and the reader chosen
both ask, and read again once the file has changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from procaudit.io.grid import file_head


def test_the_head_is_read_once_and_again_after_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"STT,Ten thu tuc\n1,A\n")
    opened = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    assert file_head(path) == file_head(path) == b"STT,Ten thu tuc\n1,A\n"
    assert len(opened) == 1
    path.write_bytes(b"STT,Ten thu tuc\n1,A\n2,B\n")
    opened.clear()
    assert file_head(path) == b"STT,Ten thu tuc\n1,A\n2,B\n"
    assert len(opened) == 1
