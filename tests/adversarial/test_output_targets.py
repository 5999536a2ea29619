"""What an output is pointed at, through the real console entry point (issue 20): a device or
pipe is written through and stays what it was, a symlink keeps being a link while its target
gets the report, a socket is refused in one sentence, a name as long as the file system
allows works, and a run ended by SIGTERM leaves no half-written temporary file behind."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from make_run_files import CATALOGUE

TIMEOUT = 60  # seconds: a run that takes longer is hanging
pytestmark = pytest.mark.slow  # each runs procaudit in a subprocess


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "procaudit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, "PROCAUDIT_DEBUG": "", "NO_COLOR": "1"},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "c.csv").write_text(CATALOGUE, encoding="utf-8")
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_the_null_device_stays_a_device(folder: Path) -> None:
    done = run("check", "c.csv", "-q", "-f", "json", "-o", "/dev/null", cwd=folder)
    assert (done.returncode, done.stderr) == (1, "")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symlink_stays_a_link_and_its_target_gets_the_report(folder: Path) -> None:
    (folder / "reports").mkdir()
    (folder / "reports" / "tonight.json").write_text("old", encoding="utf-8")
    (folder / "latest.json").symlink_to("reports/tonight.json")
    done = run("check", "c.csv", "-q", "-f", "json", "-o", "latest.json", cwd=folder)
    assert (done.returncode, done.stderr) == (1, "")
    assert (folder / "latest.json").is_symlink()
    assert (folder / "reports" / "tonight.json").read_text(encoding="utf-8").startswith("{")
    assert leftovers(folder) == leftovers(folder / "reports") == []


def test_a_fifo_reader_gets_the_report(folder: Path) -> None:
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = run("check", "c.csv", "-q", "-f", "json", "-o", "pipe", cwd=folder)
    reader.join(TIMEOUT)
    assert (done.returncode, done.stderr) == (1, "")
    assert received and received[0].startswith(b"{")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dev_stdout_into_a_pipe(folder: Path) -> None:
    done = run("check", "c.csv", "-q", "-f", "json", "-o", "/dev/stdout", cwd=folder)
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.startswith("{")


def test_a_socket_is_refused_before_the_audit(folder: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "sock"))
        done = run("check", "c.csv", "-o", "sock", cwd=folder)
    assert done.returncode == 2
    assert done.stderr == (
        "procaudit: error: --output sock: is a block device or a socket; procaudit writes "
        "only to a file, a character device such as /dev/null, or a pipe\n"
    )


def test_a_name_as_long_as_allowed_is_written(folder: Path) -> None:
    name = "r" * 240 + ".json"  # 245 bytes: longer than the old temporary name allowed
    done = run("check", "c.csv", "-q", "-f", "json", "-o", name, cwd=folder)
    assert (done.returncode, done.stderr) == (1, "")
    assert (folder / name).read_text(encoding="utf-8").startswith("{")
    assert leftovers(folder) == []


def test_a_name_too_long_is_refused_before_the_audit(folder: Path) -> None:
    name = "r" * 251 + ".json"
    done = run("check", "c.csv", "-o", name, cwd=folder)
    assert done.returncode == 2
    assert done.stderr == (
        f"procaudit: error: --output {name}: the name is 256 bytes long, more than the 255 "
        "the file system allows\n"
    )


# procaudit's console entry point with a JSON report that stops halfway through its writing,
# says so on stdout, and waits to be stopped: SIGTERM must find a temporary file to clean up.
SLOW_REPORT = textwrap.dedent(
    """
    import sys, time
    from procaudit.report.json_report import JsonReporter
    def slow(self, result, stream):
        stream.write("{ half a report")
        stream.flush()
        print("writing", flush=True)
        time.sleep(60)
    JsonReporter.render = slow
    from procaudit.cli.main import main
    sys.argv = ["procaudit", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.parametrize("old", [None, "the old report"])
def test_sigterm_while_writing_leaves_no_temporary_file(folder: Path, old: str | None) -> None:
    report = folder / "report.json"
    if old is not None:
        report.write_text(old, encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SLOW_REPORT,
            "check",
            "c.csv",
            "-q",
            "-f",
            "json",
            "-o",
            "report.json",
        ],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        assert [name.startswith(".procaudit-") for name in leftovers(folder)] == [True]
        process.send_signal(signal.SIGTERM)
        code = process.wait(TIMEOUT)
    finally:
        process.kill()
        process.communicate()
    assert code == 143  # 128 + SIGTERM: what a shell says of a run SIGTERM ended
    assert leftovers(folder) == []
    assert (report.read_text(encoding="utf-8") if report.exists() else None) == old


# procaudit's console entry point with an audit that says on stdout it has begun, then waits
# to be stopped: a nightly job's `timeout` sends SIGTERM in the middle of the audit.
SLOW_AUDIT = textwrap.dedent(
    """
    import sys, time
    from procaudit.app import check
    def slow(*args, **kwargs):
        print("auditing", flush=True)
        time.sleep(60)
    check.audit_sources = slow
    from procaudit.cli.main import main
    sys.argv = ["procaudit", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.parametrize("log", [True, False])
def test_sigterm_during_the_audit_leaves_the_nights_line(folder: Path, log: bool) -> None:
    logged = ["--log", "run.log"] if log else []
    command = [sys.executable, "-c", SLOW_AUDIT, "check", "c.csv", "-q", "-o", "r.json", *logged]
    process = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "auditing\n"
        process.send_signal(signal.SIGTERM)
        code = process.wait(TIMEOUT)
        _, stderr = process.communicate()
    finally:
        process.kill()
    if log:  # the line says how the run ended, as for Ctrl-C's exit=130
        assert (code, stderr) == (143, "")
        line = (folder / "run.log").read_text(encoding="utf-8")
        assert line.endswith(" exit=143\n") and line.count("\n") == 1
    else:  # no log: SIGTERM keeps its default action
        assert code == -signal.SIGTERM
        assert not (folder / "run.log").exists()
    assert not (folder / "r.json").exists()
