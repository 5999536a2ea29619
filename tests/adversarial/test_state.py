"""State files (baseline, configuration, history, reference) are regular files within the
limits, and a corrupt one is one sentence, never an internal error (issue 20). Through the
real CLI: exit 2, the sentence, nothing changed, an end in bounded time."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from runner import GOOD_CSV, errors_of, run, shared_folder, snapshot

pytestmark = pytest.mark.slow  # every case is a subprocess


@pytest.fixture
def folder() -> Iterator[Path]:
    yield from shared_folder()


@pytest.fixture
def state(folder: Path) -> Path:
    """good.csv, with a FIFO, a link to /dev/zero, and corrupt baselines and configs."""
    shutil.copy(GOOD_CSV, folder / "good.csv")
    os.mkfifo(folder / "fifo.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    with (folder / "big.json").open("wb") as big:
        big.truncate(3 * 1024 * 1024)
    (folder / "big-ref.csv").write_bytes(GOOD_CSV.read_bytes() * 40)  # about 2.5 MB
    (folder / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    (folder / "deep.toml").write_text("a = " + "[" * 100_000, encoding="utf-8")
    (folder / "latin.toml").write_bytes(b'select = ["PA1"]\n# Ph\xf2ng\n')
    (folder / "surrogate.json").write_text(
        '{"procaudit-baseline": 1, "findings": [{"file": "\\ud800"}]}', encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    ("flags", "sentence"),
    [
        (
            ("--baseline", "fifo.json"),
            "Cannot read the baseline fifo.json: it is not a regular file",
        ),
        (
            ("--baseline", "zero.json"),
            "Cannot read the baseline zero.json: it is not a regular file",
        ),
        (
            ("--baseline", "big.json", "--max-file-size", "1"),
            "Cannot read the baseline big.json: it is 3 MB, over the limit of 1 MB (raise it "
            "with --max-file-size).",
        ),
        (
            ("--reference", "big-ref.csv", "--max-file-size", "1"),
            "big-ref.csv: cannot be used as the reference: is 2 MB, over the limit of 1 MB",
        ),
        (
            ("--baseline", "deep.json"),
            "The baseline deep.json is not a procaudit baseline: it is nested too deeply.",
        ),
        (
            ("--baseline", "surrogate.json"),
            "The baseline surrogate.json is not a procaudit baseline: it holds an escaped half",
        ),
        (("--config", "fifo.json"), "--config fifo.json: cannot be read: it is not a regular"),
        (
            ("--config", "deep.toml"),
            "deep.toml: is not a procaudit configuration: it is nested too deeply",
        ),
        (("--config", "latin.toml"), "latin.toml: is not UTF-8 text (byte 21)"),
    ],
)
def test_a_state_file_that_cannot_be_used_is_one_sentence(
    state: Path, flags: tuple[str, ...], sentence: str
) -> None:
    before = snapshot(state)
    result = run("check", "good.csv", *flags, cwd=state)
    assert result.returncode == 2, result.stderr
    errors = errors_of(result)
    assert len(errors) == 1 and sentence in errors[0], errors
    assert snapshot(state) == before


def test_a_pyproject_found_upward_that_is_not_utf8_is_one_sentence(folder: Path) -> None:
    (folder / "pyproject.toml").write_bytes(b"[tool.procaudit]\n# \xe0\n")
    (folder / "data").mkdir()
    shutil.copy(GOOD_CSV, folder / "data" / "good.csv")
    result = run("check", "good.csv", cwd=folder / "data")
    assert result.returncode == 2
    assert errors_of(result) == [
        "procaudit: error: " + str(folder / "pyproject.toml") + ": is not UTF-8 text (byte 19): "
        "save it again as UTF-8"
    ]


@pytest.fixture
def history(folder: Path) -> Path:
    shutil.copy(GOOD_CSV, folder / "good.csv")
    assert run("check", "good.csv", "--history", "h.db", "-q", cwd=folder).returncode == 1
    return folder / "h.db"


def _damage(database: Path, *statements: str) -> None:
    with sqlite3.connect(database) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


@pytest.mark.parametrize(
    ("statements", "sentence"),
    [
        (
            ("PRAGMA user_version = -1",),
            "h.db is damaged: its history version is -1, which no procaudit writes",
        ),
        (
            ("UPDATE severity_counts SET count = 'abc'",),
            "h.db is damaged: severity_counts.count holds 'abc', not a whole number",
        ),
        (
            ("UPDATE files SET procedures = 'many'",),
            "h.db is damaged: files.procedures holds 'many', not a whole number",
        ),
    ],
)
def test_a_damaged_history_is_one_sentence(
    history: Path, statements: tuple[str, ...], sentence: str
) -> None:
    _damage(history, *statements)
    before = history.read_bytes()
    shown = run("history", "h.db", cwd=history.parent)
    assert shown.returncode == 2
    assert errors_of(shown) == [f"procaudit: error: {sentence}"]
    if "version" in sentence:  # recording into it is refused before the audit
        checked = run("check", "good.csv", "--history", "h.db", cwd=history.parent)
        assert checked.returncode == 2 and errors_of(checked) == [f"procaudit: error: {sentence}"]
    assert history.read_bytes() == before


def test_a_last_beyond_sqlite_shows_every_run(history: Path) -> None:
    result = run("history", "h.db", "--last", "99999999999999999999", cwd=history.parent)
    assert result.returncode == 0 and errors_of(result) == []
    assert "the last 1 runs" in result.stdout


@pytest.mark.parametrize("now", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
def test_a_run_time_outside_utc_years_is_one_sentence(history: Path, now: str) -> None:
    before = history.read_bytes()
    result = run(
        "check", "good.csv", "--history", "h.db", cwd=history.parent, env={"PROCAUDIT_NOW": now}
    )
    assert result.returncode == 2
    assert errors_of(result) == [
        f"procaudit: error: PROCAUDIT_NOW='{now}' is out of range: in UTC it falls outside "
        "the years 1 to 9999"
    ]
    assert history.read_bytes() == before
