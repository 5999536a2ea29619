"""`check --jobs N`: a folder audited by worker processes gives the same report, byte for byte,
in every format, as one process; a bad file says the same; 0 jobs is one sentence; a run too
small to gain from a pool stays in process.

The pool is forced with `POOL_PAYS_AFTER = 0` (the parent decides); each pooled run spawns
two workers that import pandas, so those tests are slow."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from procaudit.cli import app
from procaudit.engine import audit as engine_audit
from procaudit.engine import parallel
from procaudit.engine.parallel import estimated_seconds, pool_size
from procaudit.report import fixlist_sources

COMMUNE = (
    "Mã TTHC,Tên thủ tục,Cấp thực hiện,Lĩnh vực,Mẫu đơn tờ khai,Mức độ DVC\n"
    "1.000001,Đăng ký khai sinh,Cấp xã,Hộ tịch,Tờ khai,Toàn trình\n"
    "1.000003,Cấp bản sao trích lục,Cấp huyện,Hộ tịch,,Mức độ 4\n"
    "1.00000,Đăng ký  kết hôn,Cấp xã,Hộ tịch,Tờ khai,Một phần\n"
    "1.000001,Đăng ký khai sinh,Cấp xã,Hộ tịch,Tờ khai,Toàn trình\n"
)
MACHINE_FORMATS = ["json", "jsonl", "csv", "sarif", "junit", "gitlab", "github", "markdown"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Mixed files: the samples (xlsx and CSV), communes' lists, and one that is no workbook."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "catalogue-lao-cai.xlsx", folder / "a-lao-cai.xlsx")
    shutil.copy(SAMPLES / "catalogue-lao-cai.csv", folder / "b-lao-cai.csv")
    for number in range(4):
        (folder / f"c-xa-{number}.csv").write_text(COMMUNE, encoding="utf-8")
    (folder / "d-hong.xlsx").write_bytes(b"not a workbook at all")
    return folder


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A pool for any two files, however small; the pools' sizes, as they are opened."""
    monkeypatch.setattr(parallel, "POOL_PAYS_AFTER", 0.0)
    monkeypatch.setenv("PROCAUDIT_NOW", "2026-12-01T00:00:00")
    sizes: list[int] = []
    real = parallel.in_pool

    def in_pool(paths, workers, *args, **kwargs):  # type: ignore[no-untyped-def]
        sizes.append(workers)
        return real(paths, workers, *args, **kwargs)

    monkeypatch.setattr(parallel, "in_pool", in_pool)
    yield sizes


def _run(folder: Path, out: Path, jobs: int, *extra: str):
    out.mkdir(exist_ok=True)
    return CliRunner().invoke(
        app, ["check", str(folder), "--jobs", str(jobs), "--lang", "vi", *extra]
    )


def _outputs(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.mark.slow
def test_two_jobs_write_every_machine_format_byte_for_byte_as_one(
    folder: Path, tmp_path: Path, pooled: list[int]
) -> None:
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        for name in MACHINE_FORMATS:
            result = _run(folder, out, jobs, "-f", name, "-o", str(out / f"report.{name}"))
            assert result.exit_code == 2, result.output  # the bad workbook
    assert pooled == [2] * len(MACHINE_FORMATS)  # --jobs 1 never opens one
    assert _outputs(tmp_path / "jobs1") == _outputs(tmp_path / "jobs2")


@pytest.mark.slow
def test_two_jobs_give_the_same_terminal_report_fix_list_baseline_history_and_errors(
    folder: Path, tmp_path: Path, pooled: list[int]
) -> None:
    said = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        result = _run(
            folder,
            out,
            jobs,
            "--fix-list",
            str(out / "fix.xlsx"),
            "--write-baseline",
            str(out / "baseline.json"),
            "--history",
            str(out / "history.db"),
            "--map",
            "Mức độ DVC=online_level",
        )
        said[jobs] = (result.exit_code, result.stdout, result.stderr)
    assert pooled == [2]
    assert said[1] == said[2]
    exit_code, stdout, stderr = said[2]
    assert exit_code == 2
    assert "d-hong.xlsx" in stderr and "Traceback" not in stderr
    assert "Cấp huyện" in stdout  # the workers spoke Vietnamese too
    one, two = _outputs(tmp_path / "jobs1"), _outputs(tmp_path / "jobs2")
    assert one.keys() == {"fix.xlsx", "baseline.json", "history.db"}
    assert one["baseline.json"] == two["baseline.json"]
    assert one["history.db"] == two["history.db"]
    assert _cells(tmp_path / "jobs1" / "fix.xlsx") == _cells(tmp_path / "jobs2" / "fix.xlsx")


def test_a_pooled_fix_list_reads_no_file_again(
    folder: Path, tmp_path: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parent keeps the catalogues it audits itself, and the workers send theirs back, as
    # a run in one process keeps them all for the fix-list's offending rows.
    read_again: list[str] = []
    real = fixlist_sources.read_catalogue

    def counted(path: str, *args: object, **kwargs: object) -> object:
        read_again.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fixlist_sources, "read_catalogue", counted)
    # The parent slow to audit its runs, so that the worker, once started, audits some files.
    audited_here: list[str] = []
    batches = engine_audit.audit_batches

    def slowly(sources: list[str], *args: object, **kwargs: object) -> object:
        time.sleep(2)
        audited_here.extend(map(str, sources))
        return batches(sources, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_audit, "audit_batches", slowly)
    result = _run(folder, tmp_path / "out", 2, "--fix-list", str(tmp_path / "out" / "fix.xlsx"))
    assert pooled == [2]
    assert result.exit_code == 2, result.stderr
    rows = _cells(tmp_path / "out" / "fix.xlsx")[1]  # the offending rows, a block a file
    flagged = {row[0] for row in rows if row and row[0] not in (None, rows[0][0])}
    assert len(flagged) >= 5
    assert len(audited_here) < len(list(folder.iterdir()))  # the worker audited some
    assert read_again == []


@pytest.mark.slow
def test_a_pooled_run_shows_the_files_done_on_a_terminal(
    folder: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from procaudit.cli import common, progress

    monkeypatch.setattr(common, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(progress, "DELAY", 0)
    monkeypatch.setenv("TERM", "xterm")
    result = CliRunner().invoke(app, ["check", str(folder), "-j", "2", "-f", "json"])
    assert pooled == [2]
    assert "7/7 files" in result.stderr
    assert "[7/7]" in result.stderr  # the file done last
    assert "7/7 files" not in result.stdout


def _cells(path: Path) -> list[list[tuple]]:
    """Every sheet's values (an xlsx's zip holds times of its own)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    return [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_no_jobs_is_one_sentence_and_exit_2(folder: Path, jobs: str) -> None:
    result = CliRunner().invoke(app, ["check", str(folder), "--jobs", jobs])
    assert result.exit_code == 2
    assert result.stderr == (
        f"procaudit: error: --jobs {jobs}: give at least 1 process (1: audit in this process)\n"
    )
    assert result.stdout == ""


def test_a_pool_only_when_it_pays(tmp_path: Path) -> None:
    small = []
    for number in range(3):
        path = tmp_path / f"xa-{number}.csv"
        path.write_text(COMMUNE, encoding="utf-8")
        small.append(str(path))
    assert pool_size(small, 4) == 1  # 3 small files: less than a worker's start
    assert pool_size(small * 50, 4) == 1  # 150: a pool's starts would cost more than it saves
    many = small * 120  # the same paths, 360 files' worth of fixed cost
    assert estimated_seconds(many) >= parallel.POOL_PAYS_AFTER
    assert pool_size(many, 4) == 4
    assert pool_size(many, 1) == 1
    assert pool_size(small[:1] * 1, 4) == 1
    assert pool_size([*small, str(tmp_path / "missing.csv")], 2) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--schema", "nope.yaml"], "cannot read the schema nope.yaml"),
        (["--select", "PA999"], "--select PA999 matches no rule"),
    ],
)
def test_a_pooled_run_that_fails_first_says_one_sentence_and_leaves_no_worker(
    tmp_path: Path, option: list[str], said: str
) -> None:
    """Workers are spawned ahead of a pooled run (`workers_ahead`), before its settings are
    checked: a run refused then ends them, and they say nothing."""
    import os
    import subprocess
    import sys
    import time

    folder = tmp_path / "communes"
    folder.mkdir()
    for number in range(300):  # ~3 s of work by the estimate: a pool
        (folder / f"xa-{number}.csv").write_text(COMMUNE, encoding="utf-8")
    assert pool_size([str(path) for path in folder.iterdir()], 2) == 2
    marker = f"PROCAUDIT_TEST_RUN={os.getpid()}-{option[0]}"
    done = subprocess.run(
        [sys.executable, "-m", "procaudit", "check", str(folder), "--jobs", "2", *option],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, marker.split("=")[0]: marker.split("=")[1]},
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and said in done.stderr, done.stderr
    time.sleep(1.5)  # a worker still alive would be found by its environment

    def has_marker(environ: Path) -> bool:
        try:
            return marker.encode() in environ.read_bytes().split(b"\0")
        except OSError:  # gone, or another user's
            return False

    assert not [e for e in Path("/proc").glob("[0-9]*/environ") if has_marker(e)]
