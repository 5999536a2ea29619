"""Ctrl-C (SIGINT) at any moment of a real run (`procaudit.core.interrupts`): exit 130 and at
most one line, never a traceback; the run's outputs all written or none, and the log's line
written either way.

The moments are found by watching the process, not by the clock (a loaded machine starts
Python slower): from its import of pyarrow (the handler is in place by then: the console
script installs it before anything else of procaudit's) while it imports the rest, and from
its import of pandas (the settings read: the log is known) while it reads, audits and
writes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES

pytestmark = [
    pytest.mark.slow,  # subprocesses
    pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="watches /proc"),
]

OUTPUTS = ("b.json", "fl.xlsx", "h.sqlite", "rep.html")


def _started(process: subprocess.Popen[bytes], library: str, timeout: float = 60) -> None:
    """Wait until the process has loaded `library` (a shared object: its imports are under
    way)."""
    deadline = time.monotonic() + timeout
    maps = Path(f"/proc/{process.pid}/maps")
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if library in maps.read_text():
                return
        except OSError:
            pass
        time.sleep(0.002)
    raise AssertionError(f"{library} never loaded")


def _interrupted(
    cwd: Path, args: list[str], library: str, after: float
) -> subprocess.CompletedProcess[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "procaudit", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # The child's SIGINT as a terminal's Ctrl-C finds it, whatever pytest's is.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    _started(process, library)
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _ended_as_interrupted(result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode != 130:  # it finished before the signal came: nothing to judge
        assert result.returncode in (0, 1), result.stderr
        return
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1:] == ["procaudit: interrupted"], result.stderr
    assert not any("error" in line for line in lines), result.stderr


@pytest.mark.parametrize("after", [0.0, 0.01, 0.03, 0.06, 0.1, 0.2])
def test_an_interrupt_while_the_run_starts_is_exit_130_and_one_line(
    tmp_path: Path, after: float
) -> None:
    shutil.copy(SAMPLES / "catalogue-lao-cai.xlsx", tmp_path / "in.xlsx")
    result = _interrupted(tmp_path, ["check", "in.xlsx", "-q"], "libarrow", after)
    assert result.returncode == 130, result.stderr  # never -2, nor 2 for a wrapped interrupt
    _ended_as_interrupted(result)
    assert result.stderr == "procaudit: interrupted\n"  # -q: nothing else


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Enough catalogues that the audit and the fix-list take a while."""
    catalogues = tmp_path / "danh-muc"
    catalogues.mkdir()
    for number in range(12):
        shutil.copy(SAMPLES / "catalogue-lao-cai.xlsx", catalogues / f"c{number:02}.xlsx")
        shutil.copy(SAMPLES / "catalogue-lao-cai.csv", catalogues / f"c{number:02}.csv")
    return tmp_path


@pytest.mark.parametrize("after", [0.3, 0.8, 1.5, 2.5, 4.0])
def test_an_interrupted_run_writes_every_output_or_none_and_its_log_line(
    folder: Path, after: float
) -> None:
    args = [
        *("check", "danh-muc", "-f", "html", "-o", "rep.html", "--fix-list", "fl.xlsx"),
        *("--write-baseline", "b.json", "--history", "h.sqlite", "--log", "run.log"),
    ]
    # pandas is imported once the settings are read: the log is known from then on.
    result = _interrupted(folder, args, "pandas/_libs", after)
    _ended_as_interrupted(result)
    written = [name for name in OUTPUTS if (folder / name).exists()]
    assert written in ([], list(OUTPUTS)), (written, result.stderr)
    leftovers = [name for name in os.listdir(folder) if name.startswith(".procaudit-")]
    assert leftovers == []
    log = (folder / "run.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == 1
    assert log[0].endswith(f" exit={result.returncode}")
