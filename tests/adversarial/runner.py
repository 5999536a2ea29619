"""How the adversarial tests run procaudit: the real console entry point in a subprocess, with
a timeout (a hang fails the test instead of stalling the suite), optionally as an ordinary
user (a folder one may not enter means nothing to root, who enters them all)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SAMPLES

TIMEOUT = 60  # seconds: a run that takes longer is hanging
GOOD_CSV = SAMPLES / "catalogue-lao-cai.csv"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534  # the uid and gid root runs the "ordinary user" cases as


def run(
    *args: str | Path,
    cwd: Path | None = None,
    as_user: bool = False,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`procaudit ARGS` in `cwd`; `as_user`: as an ordinary user (nobody, when run as root)."""
    return subprocess.run(
        [*(_as_nobody() if as_user and IS_ROOT else []), sys.executable, "-m", "procaudit"]
        + [os.fspath(arg) for arg in args],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, "PROCAUDIT_DEBUG": "", "NO_COLOR": "1", **(env or {})},
    )


def _as_nobody() -> list[str]:
    """The command that runs the rest as nobody: util-linux's setpriv (subprocess's own
    `user=` cannot exec an interpreter kept under root's home here)."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root enters every folder, and setpriv is not here to run as nobody")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def errors_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The one-sentence errors on stderr; never a traceback nor an internal error."""
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("procaudit: error:")]


def shared_folder() -> Iterator[Path]:
    """A folder an ordinary user may write in (pytest's tmp_path is root's alone), for a
    fixture to yield from."""
    folder = Path(tempfile.mkdtemp(prefix="procaudit-adversarial-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for root, folders, _ in os.walk(folder):  # give back what the test locked
            for name in folders:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder)


def small_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` ("16k") mounted at `folder`/disk, for a fixture to yield from: a disk
    that fills up. Only root may mount one; the test is skipped elsewhere."""
    mount = folder / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root, or no mount)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every readable regular file under `folder`, by its path: what a run must not change."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if os.path.isfile(path) and not os.path.islink(path):
                found[path] = Path(path).read_bytes()
    return found
