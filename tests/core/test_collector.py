"""The garbage collector through a run: nearly idle while the modules load, their objects then
frozen, and a caller of the Python API left alone."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from procaudit.core import collector


@pytest.fixture
def own_collector() -> Iterator[None]:
    """The test process's collector as it was, whatever the test did to it."""
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert frozen == 0, "a test process with frozen objects: the counts below would mislead"
    yield
    collector.loaded()  # a `loading` the test left open: closed
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_a_caller_that_never_said_loading_keeps_its_collector(own_collector: None) -> None:
    gc.set_threshold(700, 10, 10)
    collector.loaded()
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_loading_then_loaded_freezes_once_and_runs_every_ten_thousand(own_collector: None) -> None:
    gc.set_threshold(700, 10, 10)
    collector.loading()
    assert gc.get_threshold() == (collector.LOADING_OBJECTS_PER_COLLECTION, 10, 10)
    collector.loaded()
    assert gc.get_threshold() == (collector.NEW_OBJECTS_PER_COLLECTION, 10, 10)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    made = [[n] for n in range(1000)]  # new objects a second `loaded` must not freeze
    collector.loaded()
    # None of them frozen (a frozen object the test process frees leaves the count, so it
    # may have fallen since).
    assert gc.get_freeze_count() <= frozen
    del made


# What a process's collector is at its end, printed by the process.
_STATE = "import gc, sys\nprint(gc.get_freeze_count(), gc.get_threshold()[0], file=sys.stderr)\n"


def _state_after(code: str) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", code + _STATE], capture_output=True, text=True)
    frozen, threshold = out.stderr.strip().splitlines()[-1].split()
    return int(frozen), int(threshold)


@pytest.mark.parametrize(
    "command", [["check", "NEW", "-q"], ["inspect", "NEW"], ["diff", "OLD", "NEW", "-q"]]
)
def test_a_command_freezes_what_it_loaded(tmp_path: Path, command: list[str]) -> None:
    files = {"OLD": tmp_path / "old.csv", "NEW": tmp_path / "new.csv"}
    files["OLD"].write_text("STT,Tên thủ tục\n1,Đăng ký kết hôn\n", encoding="utf-8")
    files["NEW"].write_text("STT,Tên thủ tục\n1,Đăng ký khai sinh\n", encoding="utf-8")
    argv = ["procaudit", *(str(files[word]) if word in files else word for word in command)]
    frozen, threshold = _state_after(
        "import sys\nfrom procaudit.cli.main import main\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    # pandas, pyarrow, pandera and the rules: well over a hundred thousand objects.
    assert frozen > 100_000
    assert threshold == collector.NEW_OBJECTS_PER_COLLECTION


def test_a_worker_freezes_what_its_start_loaded() -> None:
    frozen, threshold = _state_after(
        "from procaudit.engine.parallel import _start_worker\n"
        "import procaudit.engine.audit\n"
        "_start_worker(lambda: None, (), 'en')\n"
    )
    assert frozen > 100_000
    assert threshold == collector.NEW_OBJECTS_PER_COLLECTION


def test_the_python_api_leaves_the_callers_collector(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.csv"
    catalogue.write_text("STT,Tên thủ tục\n1,Đăng ký khai sinh\n", encoding="utf-8")
    frozen, threshold = _state_after(
        "import gc\ngc.set_threshold(700, 10, 10)\n"
        "from procaudit.app import audit_files\n"
        f"audit_files([{str(catalogue)!r}])\n"
    )
    assert (frozen, threshold) == (0, 700)
