"""Bounds that bound (issue 20): a CSV of nothing but commas, however wide, ends in seconds
and bounded memory with one sentence, and --max-cells applies to CSV before the reader
allocates the grid. Each runs procaudit in its own process, timed and measured."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

SECONDS = 60  # generous on a shared machine; before the fix 200 KB of commas took 70 s
MEMORY_MB = 1024  # before the fix 200 KB of commas took 3 GB, 1 MB of them over 10 GB


def _procaudit(tmp_path: Path, *args: str) -> tuple[int, str, float, float]:
    """Exit code, stderr, seconds and peak memory (MB) of one `procaudit` run, killed after
    SECONDS. Waited for with wait4, which gives this one process's peak."""
    errors = tmp_path / "stderr.txt"
    start = time.monotonic()
    with errors.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "procaudit", *args],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**os.environ, "PROCAUDIT_LANG": "en"},
        )
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > SECONDS:
            process.kill()
            process.wait()
            pytest.fail(f"procaudit {' '.join(args)} ran over {SECONDS} s")
        time.sleep(0.05)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    return code, errors.read_text(), seconds, usage.ru_maxrss / 1024


COMMAS = {
    "200 KB of commas on one line": "," * 200_000 + "\n",
    "1 MB of commas on one line": "," * 1_000_000 + "\n",
    "200 KB of commas on 200 lines": ("," * 1_000 + "\n") * 200,
    "1 MB of commas, ragged": "," * 1_000_000 + "\n,\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("text", COMMAS.values(), ids=COMMAS.keys())
def test_a_file_of_commas_is_empty_in_seconds(tmp_path: Path, text: str) -> None:
    path = tmp_path / "commas.csv"
    path.write_text(text)
    code, stderr, seconds, peak = _procaudit(tmp_path, "check", str(path))
    assert code == 2
    assert stderr.strip().splitlines() == [
        f"procaudit: error: {path}: is empty (it holds only blank lines and delimiters)"
    ]
    assert seconds < SECONDS and peak < MEMORY_MB
    assert path.read_text() == text  # the input is never changed


@pytest.mark.slow
@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted, careful reader"])
def test_a_cell_before_200_000_commas_costs_one_column(tmp_path: Path, quoted: bool) -> None:
    path = tmp_path / "wide.csv"
    cell = '"Tên, thủ tục"' if quoted else "Tên thủ tục"
    path.write_text(cell + "," * 200_000 + "\nCấp phép\n")
    code, stderr, seconds, peak = _procaudit(tmp_path, "inspect", str(path))
    assert code in (0, 1), stderr
    assert "Traceback" not in stderr
    assert seconds < SECONDS and peak < MEMORY_MB


@pytest.mark.slow
@pytest.mark.parametrize("regular", [True, False], ids=["pyarrow reader", "careful reader"])
def test_max_cells_applies_to_csv_before_reading(tmp_path: Path, regular: bool) -> None:
    path = tmp_path / "list.csv"
    rows = "".join(f"{n},1.00000{n},Cấp phép\n" for n in range(10))
    path.write_text("STT,Mã thủ tục,Tên thủ tục\n" + rows + ("" if regular else "short\n"))
    code, stderr, _, _ = _procaudit(tmp_path, "check", "--max-cells", "20", str(path))
    lines = 11 if regular else 12
    assert code == 2
    assert stderr.strip().splitlines() == [
        f"procaudit: error: {path}: has {lines} lines and 3 columns: {lines * 3} cells, over "
        "the limit of 20 (raise it with --max-cells)"
    ]
