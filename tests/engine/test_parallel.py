"""The worker processes of `check --jobs` (`engine.parallel.in_pool`): the parent shares the
runs of files with them and puts the results back in order; a short run does not wait for a
worker still starting; a worker's error fails the run. They end with the run: when cron,
systemd or CI stop it with SIGTERM, and when the parent is killed outright (SIGKILL leaves it
no time to end them, so each worker watches for it)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from procaudit.core.atomic import TERMINATED_EXIT
from procaudit.engine.parallel import Runs

pytestmark = pytest.mark.slow

# A run whose two workers each take a file and stay on it: they say their process ids first.
SLOW_POOL = textwrap.dedent(
    """
    import os, time
    from procaudit.engine.parallel import in_pool

    def start():
        pass

    def call(paths):
        # One write of the whole line: print's pieces from two workers could interleave.
        os.write(1, f"worker {os.getpid()}\\n".encode())
        time.sleep(120)
        return paths

    if __name__ == "__main__":
        in_pool(["a.csv", "b.csv"], 2, start, (), call)
    """
)
# The same with the parent as one of the two workers: it takes the last file.
SLOW_HERE = SLOW_POOL.replace(
    'in_pool(["a.csv", "b.csv"], 2, start, (), call)',
    'in_pool(["a.csv", "b.csv"], 2, start, (), call, here=call)',
)
# The same with the worker spawned ahead of the run (`workers_ahead`).
SLOW_AHEAD = SLOW_POOL.replace(
    'in_pool(["a.csv", "b.csv"], 2, start, (), call)',
    'with workers_ahead(2, "json"):\n'
    '        in_pool(["a.csv", "b.csv"], 2, start, (), call, here=call)',
).replace("import in_pool", "import in_pool, workers_ahead")
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


@pytest.fixture(
    params=[SLOW_POOL, SLOW_HERE, SLOW_AHEAD], ids=["workers", "parent-and-worker", "ahead"]
)
def pool(tmp_path: Path, request: pytest.FixtureRequest):
    """The slow run, started, with its workers' process ids once both are at work."""
    script = tmp_path / "slow_pool.py"
    script.write_text(request.param, encoding="utf-8")
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


def _script_output(tmp_path: Path, script: str) -> dict:
    """What a script running a pool prints as JSON on its last line; nothing on stderr (a
    worker left to fail on its own says so there)."""
    path = tmp_path / "script.py"
    path.write_text(textwrap.dedent(script), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return json.loads(done.stdout.splitlines()[-1])


# A run's start and call, 50 ms a file: the parent alone would take 10 s for 200 files, so
# that a worker, however slow to start on a loaded machine, gets runs too.
SLOW_RUNS = """
        def start():
            pass

        def call(paths):
            time.sleep(0.05 * len(paths))
            return [(path, os.getpid()) for path in paths]
"""


def test_the_parent_and_a_worker_share_the_runs_and_the_results_keep_their_order(
    tmp_path: Path,
) -> None:
    found = _script_output(
        tmp_path,
        """
        import json, os, time
        from procaudit.engine.parallel import in_pool
        """
        + SLOW_RUNS
        + """
        if __name__ == "__main__":
            heard = []
            out = in_pool(
                list(range(200)), 2, start, (), call,
                lambda count, index, result: heard.append((count, index)), call, 16,
            )
            print(json.dumps({"out": out, "parent": os.getpid(), "heard": heard}))
        """,
    )
    assert [path for path, _ in found["out"]] == list(range(200))
    by_worker = [path for path, pid in found["out"] if pid != found["parent"]]
    by_parent = [path for path, pid in found["out"] if pid == found["parent"]]
    assert by_worker and by_parent
    assert max(by_worker) < min(by_parent)  # the worker from the front, the parent the back
    assert [count for count, _ in found["heard"]] == list(range(1, 201))
    assert sorted(index for _, index in found["heard"]) == list(range(200))


def test_a_short_run_does_not_wait_for_a_worker_still_starting(tmp_path: Path) -> None:
    found = _script_output(
        tmp_path,
        """
        import json, multiprocessing, os, time
        from procaudit.engine.parallel import in_pool

        def start():
            time.sleep(120)  # a worker that never gets started in time

        def call(paths):
            return [(path, os.getpid()) for path in paths]

        if __name__ == "__main__":
            began = time.monotonic()
            out = in_pool(list(range(20)), 2, start, (), call, here=call)
            took = time.monotonic() - began
            time.sleep(1)
            left = [child.pid for child in multiprocessing.active_children()]
            print(json.dumps({"out": out, "parent": os.getpid(), "took": took, "left": left}))
        """,
    )
    assert found["out"] == [[path, found["parent"]] for path in range(20)]
    assert found["took"] < 30
    assert found["left"] == []


def test_a_worker_s_error_fails_the_run_and_ends_the_workers(tmp_path: Path) -> None:
    found = _script_output(
        tmp_path,
        """
        import json, multiprocessing, os, time
        from procaudit.engine.parallel import in_pool

        def start():
            pass

        def call(paths):
            raise ValueError(f"a worker's bug on {paths}")

        def here(paths):  # 30 s for the parent alone: the workers start long before
            time.sleep(0.3)
            return paths

        if __name__ == "__main__":
            try:
                in_pool(list(range(100)), 3, start, (), call, here=here)
                said = "no error"
            except ValueError as error:
                said = str(error)
            time.sleep(1)
            left = [child.pid for child in multiprocessing.active_children()]
            print(json.dumps({"said": said, "left": left}))
        """,
    )
    assert found["said"].startswith("a worker's bug on [")
    assert found["left"] == []


def test_workers_spawned_ahead_are_the_run_s_workers(tmp_path: Path) -> None:
    found = _script_output(
        tmp_path,
        """
        import json, multiprocessing, os, time
        from procaudit.engine.parallel import in_pool, workers_ahead
        """
        + SLOW_RUNS
        + """
        if __name__ == "__main__":
            with workers_ahead(3, "json"):
                ahead = [child.pid for child in multiprocessing.active_children()]
                out = in_pool(list(range(200)), 3, start, (), call, None, call, 16)
            time.sleep(1)
            left = [child.pid for child in multiprocessing.active_children()]
            print(json.dumps({"ahead": ahead, "out": out, "parent": os.getpid(), "left": left}))
        """,
    )
    assert [path for path, _ in found["out"]] == list(range(200))
    workers = {pid for _, pid in found["out"]} - {found["parent"]}
    assert len(found["ahead"]) == 2 and workers and workers <= set(found["ahead"])
    assert found["left"] == []


@pytest.mark.parametrize("ending", ["raise ValueError('the settings')", "pass"])
def test_workers_spawned_ahead_of_a_run_that_never_comes_are_ended(
    tmp_path: Path, ending: str
) -> None:
    found = _script_output(
        tmp_path,
        f"""
        import json, multiprocessing, time
        from procaudit.engine.parallel import workers_ahead

        if __name__ == "__main__":
            began = time.monotonic()
            try:
                with workers_ahead(3, "json"):
                    ahead = [child.pid for child in multiprocessing.active_children()]
                    {ending}
            except ValueError:
                pass
            took = time.monotonic() - began
            time.sleep(1)
            left = [child.pid for child in multiprocessing.active_children()]
            print(json.dumps({{"ahead": ahead, "took": took, "left": left}}))
        """,
    )
    assert len(found["ahead"]) == 2
    assert found["took"] < 30 and found["left"] == []


# Runs taken from the front (F) and the back (B) of so many files, for so many workers, at
# most so many files each: each a share of the files left, none once all are handed out.
@pytest.mark.parametrize(
    ("count", "workers", "most", "takes", "runs"),
    [
        (400, 2, 256, "FBFB", [(0, 100), (325, 400), (100, 157), (283, 325)]),
        (3000, 2, 256, "FBF", [(0, 256), (2744, 3000), (256, 512)]),
        (3, 2, 256, "FBFB", [(0, 1), (2, 3), (1, 2), None]),
        (10, 3, 2, "BBBBBBBF", [(8, 10), (6, 8), (5, 6), (4, 5), (3, 4), (2, 3), (1, 2), (0, 1)]),
        (0, 2, 256, "FB", [None, None]),
    ],
)
def test_runs_are_a_share_of_the_files_left(
    count: int, workers: int, most: int, takes: str, runs: list[tuple[int, int] | None]
) -> None:
    files = Runs(count, workers, most)
    taken = [files.front() if take == "F" else files.back() for take in takes]
    assert [(run.start, run.stop) if run else None for run in taken] == runs


@pytest.mark.parametrize(("count", "workers", "most"), [(2000, 2, 256), (37, 4, 5), (1, 2, 9)])
def test_runs_hand_out_every_file_once_and_count_those_from_the_front(
    count: int, workers: int, most: int
) -> None:
    files = Runs(count, workers, most)
    fronts: list[range] = []
    backs: list[range] = []
    while files.fronts_when_done() is None:
        if (run := files.front()) is not None:
            fronts.append(run)
        if (run := files.back()) is not None:
            backs.append(run)
    assert sorted(at for run in fronts + backs for at in run) == list(range(count))
    assert all(len(run) <= most for run in fronts + backs)
    assert files.fronts_when_done() == len(fronts)
    assert files.front() is None and files.back() is None
