"""The worker processes of `check --jobs` (`engine.parallel.in_pool`) end with the run: when
cron, systemd or CI stop it with SIGTERM, and when the parent is killed outright (SIGKILL
leaves it no time to end them, so each worker watches for it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from procaudit.core.atomic import TERMINATED_EXIT

pytestmark = pytest.mark.slow

# A run whose two workers each take a file and stay on it: they say their process ids first.
SLOW_POOL = textwrap.dedent(
    """
    import os, time
    from procaudit.engine.parallel import in_pool

    def start():
        pass

    def call(path):
        # One write of the whole line: print's pieces from two workers could interleave.
        os.write(1, f"worker {os.getpid()}\\n".encode())
        time.sleep(120)
        return path

    if __name__ == "__main__":
        in_pool(["a.csv", "b.csv"], 2, start, (), call)
    """
)
TIMEOUT = 30  # seconds


def _ended(pid: int) -> bool:
    """Whether process `pid` has ended (gone, or a zombie its new parent has not reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def _all_ended(pids: list[int]) -> bool:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if all(_ended(pid) for pid in pids):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def pool(tmp_path: Path):
    """The slow run, started, with its workers' process ids once both are at work."""
    script = tmp_path / "slow_pool.py"
    script.write_text(SLOW_POOL, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=tmp_path
    )
    assert process.stdout is not None
    pids: list[int] = []
    try:
        lines = [process.stdout.readline() for _ in range(2)]
        assert all(line.startswith("worker ") for line in lines), lines
        pids = [int(line.split()[1]) for line in lines]
        assert all(not _ended(pid) for pid in pids)
        yield process, pids
    finally:
        process.kill()
        for pid in pids:  # whatever the test found, leave no worker behind
            if not _ended(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(TIMEOUT)
        process.stdout.close()  # not read to its end: a leftover process may hold it open


def test_sigterm_ends_the_run_at_once_with_its_workers(pool) -> None:
    process, workers = pool
    process.send_signal(signal.SIGTERM)
    assert process.wait(TIMEOUT) == TERMINATED_EXIT  # not after the workers' two minutes
    assert _all_ended(workers)


def test_a_killed_parent_leaves_no_worker_behind(pool) -> None:
    process, workers = pool
    process.kill()
    process.wait(TIMEOUT)
    assert _all_ended(workers)


@pytest.mark.parametrize(
    ("count", "workers", "most", "sizes"),
    [
        (400, 2, 64, [25] * 16),
        (10, 2, 64, [1] * 10),
        (3000, 2, 64, [64] * 46 + [56]),
        (17, 3, 4, [1] * 17),
        (50, 2, 4, [4] * 12 + [2]),
    ],
)
def test_batches_cut_the_files_into_runs_in_order(
    count: int, workers: int, most: int, sizes: list[int]
) -> None:
    from procaudit.engine.parallel import batches

    runs = batches(count, workers, most)
    assert [len(run) for run in runs] == sizes
    assert [at for run in runs for at in run] == list(range(count))
