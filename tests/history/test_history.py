"""Trends for nightly runs: `check --history FILE` records, `procaudit history FILE` shows."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.cli import app
from procaudit.core.findings import (
    AuditResult,
    CatalogueStats,
    FileFailure,
    FileReport,
    Finding,
    Severity,
)
from procaudit.core.i18n import speaking
from procaudit.history import store
from procaudit.history.store import (
    FAILED,
    HistoryError,
    file_sha256,
    load_runs,
    record_run,
    severity_trend,
)
from procaudit.history.trend import build_trend
from procaudit.report.history.sparkline import sparkline
from procaudit.report.history.view import change_text, file_markers

runner = CliRunner()

HEADER = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,mau_don_to_khai,so_quyet_dinh\n"
# Night 1: two district-level procedures (PA501, error) and one without a code (PA102,
# warning); night 2: one district level fixed; night 3: all fixed and a procedure added.
NIGHTS = (
    HEADER
    + "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    + "1.000002,Đăng ký kết hôn,Cấp huyện,Không,1890/QĐ-UBND\n"
    + "1.000003,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND\n"
    + ",Đăng ký khai tử,Cấp xã,Tờ khai,1890/QĐ-UBND\n",
    HEADER
    + "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    + "1.000002,Đăng ký kết hôn,Cấp xã,Không,1890/QĐ-UBND\n"
    + "1.000003,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND\n"
    + ",Đăng ký khai tử,Cấp xã,Tờ khai,1890/QĐ-UBND\n",
    HEADER
    + "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    + "1.000002,Đăng ký kết hôn,Cấp xã,Không,1890/QĐ-UBND\n"
    + "1.000003,Cấp bản sao,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    + "1.000004,Đăng ký khai tử,Cấp xã,Tờ khai,1890/QĐ-UBND\n"
    + "1.000005,Đăng ký giám hộ,Cấp xã,Tờ khai,1890/QĐ-UBND\n",
)
TIMES = ("2026-03-01T02:00:00Z", "2026-03-02T09:00:00+07:00", "2026-03-03T02:00:00")

# What `procaudit history` draws after the three nights in a pipe (whole lines, no colour).
TREND_TEXT = """\
runs.sqlite: the last 3 runs, from 2026-03-01T02:00:00Z to 2026-03-03T02:00:00Z (UTC)

c.csv
  audited in 3 of 3 runs; the file changed 2 times
                      Trend     First    Latest  Change
procedures            ▇▇█           4         5     ▲ 1
file changed          ·◆◆    {first}  {latest}      2×
errors                █▅▁           2         0     ▼ 2
warnings              ██▁           1         0     ▼ 1
info                  ▁▁▁           0         0       =
PA102 missing-code    ██▁           1         0     ▼ 1
PA501 district-level  █▅▁           2         0     ▼ 2

◆ the file changed since the previous run, · unchanged, × could not be read; \
a blank: not audited in that run. Bars are scaled per row.
"""


def invoke(*args: str, now: str | None = None):
    env = {"COLUMNS": "100", "NO_COLOR": "1", "PROCAUDIT_LANG": ""}
    if now is not None:
        env["PROCAUDIT_NOW"] = now
    return runner.invoke(app, list(args), env=env)


def three_nights(folder: Path) -> list[str]:
    """Three nightly runs over c.csv, fixed between them; the sha256 of each night's file."""
    catalogue = folder / "c.csv"
    hashes = []
    for text, now in zip(NIGHTS, TIMES, strict=True):
        catalogue.write_text(text, encoding="utf-8")
        hashes.append(hashlib.sha256(catalogue.read_bytes()).hexdigest())
        result = invoke("check", "c.csv", "--history", "runs.sqlite", "-q", now=now)
        assert result.exit_code in (0, 1), result.output
    return hashes


# --- the Done-when test ---------------------------------------------------------------------


def test_three_nights_show_the_trend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    hashes = three_nights(tmp_path)
    # The database is the only thing written: no -wal, -shm or -journal left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "runs.sqlite"]

    shown = invoke("history", "runs.sqlite")
    assert shown.exit_code == 0, shown.output
    expected = TREND_TEXT.format(first=hashes[0][:8], latest=hashes[2][:8])
    assert shown.stdout == expected
    assert invoke("history", "runs.sqlite").stdout == shown.stdout  # the same bytes again

    as_json = invoke("history", "runs.sqlite", "--format", "json")
    assert as_json.exit_code == 0
    document = json.loads(as_json.stdout)
    assert [run["time"] for run in document["runs"]] == [
        "2026-03-01T02:00:00Z",
        "2026-03-02T02:00:00Z",
        "2026-03-03T02:00:00Z",
    ]
    [file] = document["files"]
    assert (file["path"], file["resolved"]) == ("c.csv", str(tmp_path.resolve() / "c.csv"))
    assert [cell["sha256"] for cell in file["runs"]] == hashes
    assert [cell["file_changed"] for cell in file["runs"]] == [False, True, True]
    assert file["file_changes"] == 2
    assert file["procedures"] == {"values": [4, 4, 5], "first": 4, "latest": 5, "change": 1}
    assert file["severities"] == {
        "error": {"values": [2, 1, 0], "first": 2, "latest": 0, "change": -2},
        "warning": {"values": [1, 1, 0], "first": 1, "latest": 0, "change": -1},
        "info": {"values": [0, 0, 0], "first": 0, "latest": 0, "change": 0},
    }
    assert file["rules"] == {
        "PA102": {
            "name": "missing-code",
            "values": [1, 1, 0],
            "first": 1,
            "latest": 0,
            "change": -1,
        },
        "PA501": {
            "name": "district-level",
            "values": [2, 1, 0],
            "first": 2,
            "latest": 0,
            "change": -2,
        },
    }
    assert invoke("history", "runs.sqlite", "-f", "json").stdout == as_json.stdout


def test_last_file_and_rule_narrow_the_trend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    three_nights(tmp_path)
    document = json.loads(
        invoke(
            "history",
            "runs.sqlite",
            "--last",
            "2",
            "--rule",
            "PA5",
            "--file",
            "*.csv",
            "-f",
            "json",
        ).stdout
    )
    assert [run["id"] for run in document["runs"]] == [2, 3]
    [file] = document["files"]
    assert list(file["rules"]) == ["PA501"]
    assert file["rules"]["PA501"]["values"] == [1, 0]
    assert file["severities"]["error"]["values"] == [1, 0]  # every rule's, whatever --rule
    assert [cell["file_changed"] for cell in file["runs"]] == [False, True]  # within the window

    none = invoke("history", "runs.sqlite", "--file", "other-*.xlsx")
    assert none.exit_code == 0 and "No recorded file matches --file." in none.stdout
    # A rule of procaudit's that found nothing is none; a prefix of no rule is a typo.
    quiet = invoke("history", "runs.sqlite", "--rule", "PA604", "-f", "json")
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["files"][0]["rules"] == {}
    typo = invoke("history", "runs.sqlite", "--rule", "PA5,PA9")
    assert typo.exit_code == 2
    assert typo.stderr.strip().splitlines() == [
        "procaudit: error: --rule PA9 matches no rule (rule ids run from PA001 to PA606; "
        "`procaudit rules` lists them)"
    ]
    bad = invoke("history", "runs.sqlite", "--rule", "district")
    assert bad.exit_code == 2
    assert bad.stderr.strip().splitlines() == [
        "procaudit: error: --rule DISTRICT is not a rule id or prefix such as PA2 or PA501"
    ]


def test_history_speaks_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    three_nights(tmp_path)
    shown = invoke("history", "runs.sqlite", "--lang", "vi")
    assert shown.exit_code == 0
    assert "runs.sqlite: 3 lượt kiểm tra gần nhất, từ 2026-03-01T02:00:00Z" in shown.stdout
    assert "được kiểm tra trong 3/3 lượt; tệp đã thay đổi 2 lần" in shown.stdout
    for heading in ("Xu hướng", "Đầu kỳ", "Gần nhất", "Thay đổi", "số thủ tục", "lỗi", "cảnh báo"):
        assert heading in shown.stdout


# --- sparklines and changes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([], ""),
        ([0], "▁"),
        ([5], "█"),
        ([0, 0, 0], "▁▁▁"),  # all equal at zero: flat at the bottom
        ([3, 3, 3], "███"),  # all equal above zero: flat at the top
        ([0, 1, 2, 3, 4, 5, 6, 7], "▁▂▃▄▅▆▇█"),
        ([2, 1, 0], "█▅▁"),  # 1 of 2 is half way (3.5 bars): rounded half up
        ([40, 39, 40], "███"),  # a wobble of a large count stays flat
        ([100, 1, 0], "█▂▁"),  # one finding is never drawn as none
        ([4, None, 2, None], "█ ▅ "),  # runs that did not audit the file are gaps
        ([None, None], "  "),
        ([None, 0, None], " ▁ "),
    ],
)
def test_sparkline(values: list[int | None], line: str) -> None:
    assert sparkline(values) == line


@pytest.mark.parametrize(("change", "text"), [(3, "▲ 3"), (-5, "▼ 5"), (0, "="), (None, "")])
def test_change_text(change: int | None, text: str) -> None:
    assert change_text(change) == text


# --- recording ------------------------------------------------------------------------------


def _finding(path: str, rule: str, severity: Severity, name: str = "some-rule") -> Finding:
    return Finding(rule, name, severity, path, None, 2, "name", None, None, "m", "f")


def _result(
    counts: dict[str, list[tuple[str, Severity]]],
    rows: int = 10,
    failed: tuple[str, ...] = (),
    stats: CatalogueStats | None = None,
) -> AuditResult:
    """A result with `counts[path]` = [(rule, severity), ...] findings per file."""
    reports = tuple(FileReport(path, None, rows, stats=stats) for path in counts)
    findings = tuple(
        _finding(path, rule, severity) for path, found in counts.items() for rule, severity in found
    )
    failures = tuple(FileFailure(path, f"{path}: no such file") for path in failed)
    return AuditResult(reports, findings, failures=failures)


ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def test_each_file_keeps_its_own_rules_in_rule_order(tmp_path: Path) -> None:
    paths = [str(tmp_path / name) for name in ("b.csv", "a.csv", "c.csv")]
    result = _result(
        {
            paths[0]: [("PA501", ERR), ("PA102", WARN), ("PA501", ERR)],
            paths[1]: [("PA603", INFO), ("PA101", ERR)],
            paths[2]: [],
        }
    )
    record_run(tmp_path / "h.sqlite", result, "2026-03-01T02:00:00Z", version="9.9")
    [run] = load_runs(tmp_path / "h.sqlite")
    rules = {record.path: record.rules for record in run.files}
    assert rules == {
        paths[0]: {"PA102": ("some-rule", 1), "PA501": ("some-rule", 2)},
        paths[1]: {"PA101": ("some-rule", 1), "PA603": ("some-rule", 1)},
        paths[2]: {},
    }
    assert [list(rules[path]) for path in paths[:2]] == [["PA102", "PA501"], ["PA101", "PA603"]]


def test_a_run_is_recorded_with_its_counts_stats_and_failures(tmp_path: Path) -> None:
    catalogue = tmp_path / "a.csv"
    catalogue.write_bytes(b"ma,ten\n")
    db = tmp_path / "h.sqlite"
    stats = CatalogueStats(procedures=10, with_code=8)
    result = _result(
        {str(catalogue): [("PA501", ERR), ("PA501", ERR), ("PA102", WARN)]},
        failed=(str(tmp_path / "gone.csv"),),
        stats=stats,
    )
    assert record_run(db, result, "2026-03-01T02:00:00Z", version="9.9") == 1

    [run] = load_runs(db)
    assert (run.id, run.time, run.version) == (1, "2026-03-01T02:00:00Z", "9.9")
    audited, failed = run.files
    assert audited.severities == {"error": 2, "warning": 1, "info": 0}
    assert audited.rules == {"PA102": ("some-rule", 1), "PA501": ("some-rule", 2)}
    assert audited.procedures == 10
    assert audited.sha256 == hashlib.sha256(b"ma,ten\n").hexdigest()
    assert json.loads(audited.stats or "") == {
        "procedures": 10,
        "with_code": 8,
        "with_forms": None,
        "published": None,
        "fully_online": None,
        "district_level": None,
        "reference_total": None,
        "reference_announced": None,
        "with_national_code": None,
    }
    assert (failed.status, failed.sha256, failed.procedures, failed.severities, failed.rules) == (
        FAILED,
        None,
        None,
        {},
        {},
    )
    assert failed.message and "no such file" in failed.message
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (1,)
        assert connection.execute("PRAGMA application_id").fetchone() == (store.APPLICATION_ID,)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert catalogue.read_bytes() == b"ma,ten\n"  # the input is never touched


def test_a_failed_input_is_recorded_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.csv").write_text(NIGHTS[0], encoding="utf-8")
    result = invoke("check", "c.csv", "gone.csv", "--history", "h.sqlite", "-q", now=TIMES[0])
    assert result.exit_code == 2
    [run] = load_runs(tmp_path / "h.sqlite")
    assert [(f.path, f.status, f.procedures) for f in run.files] == [
        ("c.csv", "audited", 4),
        ("gone.csv", "failed", None),
    ]
    shown = invoke("history", "h.sqlite").stdout
    assert "audited in 0 of 1 runs" in shown
    assert "×" in shown


def test_the_hash_changes_when_the_file_changes(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.csv"
    catalogue.write_bytes(b"a" * 300_000)  # more than one read chunk
    before = file_sha256(catalogue)
    assert before == hashlib.sha256(b"a" * 300_000).hexdigest()
    assert file_sha256(catalogue) == before
    catalogue.write_bytes(b"a" * 299_999 + b"b")
    assert file_sha256(catalogue) != before
    assert file_sha256(tmp_path / "missing.csv") is None
    assert file_sha256(tmp_path) is None


def test_file_changed_marks_follow_the_hash(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.csv"
    db = tmp_path / "h.sqlite"
    result = _result({str(catalogue): []})
    for content in (b"one", b"one", b"two", None, b"two", b"three"):
        if content is None:  # the file is left out of this run
            record_run(db, _result({str(tmp_path / "other.csv"): []}), "2026-03-01T00:00:00Z")
            continue
        catalogue.write_bytes(content)
        record_run(db, result, "2026-03-01T00:00:00Z")
    trend = build_trend(load_runs(db), patterns=["c.csv"])
    [file] = trend.files
    assert file_markers(file.cells) == "··◆ ·◆"
    assert file.changes == 2
    assert file.procedures.values == (10, 10, 10, None, 10, 10)


def test_two_processes_writing_at_once_both_land(tmp_path: Path) -> None:
    """Both start on a history that does not exist yet: creating it is part of the race."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from procaudit.history.store import record_run\n"
        "from procaudit.core.findings import AuditResult, FileReport\n"
        "db, me, other, name = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), "
        "sys.argv[4]\n"
        "me.touch()\n"
        "deadline = time.monotonic() + 30\n"
        "while not other.exists() and time.monotonic() < deadline:\n"
        "    time.sleep(0.001)\n"
        "result = AuditResult((FileReport(name, None, 1),), ())\n"
        "for _ in range(20):\n"
        "    record_run(db, result, '2026-03-01T00:00:00Z')\n"
    )
    db = tmp_path / "h.sqlite"
    a, b = tmp_path / "a.ready", tmp_path / "b.ready"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(db), str(me), str(other), name],
            stderr=subprocess.PIPE,
            text=True,
        )
        for me, other, name in ((a, b, "a.csv"), (b, a, "b.csv"))
    ]
    for writer in writers:
        _, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr
    runs = load_runs(db)
    assert len(runs) == 40
    assert sorted(run.id for run in runs) == list(range(1, 41))
    paths = [record.path for run in runs for record in run.files]
    assert sorted(paths) == ["a.csv"] * 20 + ["b.csv"] * 20


def test_a_run_time_comes_from_procaudit_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCAUDIT_NOW", "2026-03-01T09:30:00+07:00")
    assert store.run_time() == "2026-03-01T02:30:00Z"
    monkeypatch.setenv("PROCAUDIT_NOW", "2026-03-01 02:30")  # no zone: UTC
    assert store.run_time() == "2026-03-01T02:30:00Z"
    monkeypatch.setenv("PROCAUDIT_NOW", "yesterday")
    with pytest.raises(HistoryError, match="is not an ISO 8601 time"):
        store.run_time()


# --- severity_trend, for the HTML report ----------------------------------------------------


def test_severity_trend_sums_the_paths_run_by_run(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    a, b, c = (str(tmp_path / name) for name in ("a.csv", "b.csv", "c.csv"))
    record_run(
        db,
        _result(
            {
                a: [("PA501", ERR), ("PA102", WARN)],
                b: [("PA501", ERR), ("PA601", INFO)],
                c: [("PA501", ERR)],
            }
        ),
        "2026-03-01T02:00:00Z",
    )
    record_run(db, _result({c: [("PA501", ERR)]}), "2026-03-02T02:00:00Z")  # neither a nor b
    record_run(db, _result({}, failed=(a,)), "2026-03-03T02:00:00Z")  # a failed: no counts
    record_run(db, _result({a: [("PA102", WARN)]}, failed=(b,)), "2026-03-04T02:00:00Z")
    record_run(db, _result({b: []}), "2026-02-28T02:00:00Z")  # recorded late, older

    # Each run after the first says whether it audited another set of a and b: on 03-01
    # both (b alone before), on 03-04 a alone (b failed), so neither is a like-for-like step.
    assert severity_trend(db, [a, b]) == (
        ("2026-02-28T02:00:00Z", {"error": 0, "warning": 0, "info": 0}, False),
        ("2026-03-01T02:00:00Z", {"error": 2, "warning": 1, "info": 1}, True),
        ("2026-03-04T02:00:00Z", {"error": 0, "warning": 1, "info": 0}, True),
    )
    relative = Path(a).relative_to(tmp_path)
    assert severity_trend(db, [str(tmp_path / "x" / ".." / relative)])[0][1]["error"] == 1
    assert severity_trend(db, []) == ()
    assert severity_trend(db, [str(tmp_path / "never.csv")]) == ()
    with pytest.raises(HistoryError, match="no such file"):
        severity_trend(tmp_path / "none.sqlite", [a])


def test_severity_trend_marks_no_change_when_the_same_files_run_each_night(
    tmp_path: Path,
) -> None:
    db = tmp_path / "h.sqlite"
    a = str(tmp_path / "a.csv")
    for night, errors in (("01", 3), ("02", 1), ("03", 2)):
        record_run(db, _result({a: [("PA501", ERR)] * errors}), f"2026-03-{night}T02:00:00Z")
    assert [run.files_changed for run in severity_trend(db, [a])] == [False, False, False]


# --- broken histories -----------------------------------------------------------------------


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {store.APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 99")
        connection.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY)")
    connection.close()


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()


def _corrupt(path: Path) -> None:
    path.write_text("ma_thu_tuc,ten_thu_tuc\n" * 20, encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (_corrupt, "h.sqlite is not an SQLite database (or it is damaged)"),
        (_newer, "h.sqlite was written by a newer procaudit (history version 99"),
        (_foreign, "h.sqlite is an SQLite database, but not a procaudit history"),
    ],
)
def test_a_history_procaudit_cannot_use_is_one_sentence_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make, sentence: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.csv").write_text(NIGHTS[0], encoding="utf-8")
    make(tmp_path / "h.sqlite")
    before = (tmp_path / "h.sqlite").read_bytes()
    for args in (("check", "c.csv", "--history", "h.sqlite"), ("history", "h.sqlite")):
        result = invoke(*args)
        assert result.exit_code == 2, args
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("procaudit: error: ") and sentence in line
        assert "Traceback" not in result.output
        assert result.stdout == ""  # refused before the audit: no run is spent
    assert (tmp_path / "h.sqlite").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("history", "none.sqlite"), "none.sqlite: no such file"),
        (("history", "."), ". is a folder"),
        (("check", "c.csv", "--history", "no/h.sqlite"), "the folder no does not exist"),
        (("check", "c.csv", "--history", "c.csv"), "is one of the files to audit"),
    ],
)
def test_a_missing_history_or_a_bad_path_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], sentence: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.csv").write_text(NIGHTS[0], encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert sentence in line
    assert not (tmp_path / "none.sqlite").exists()  # reading never creates the history


def test_a_bad_procaudit_now_is_exit_2_before_the_audit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.csv").write_text(NIGHTS[0], encoding="utf-8")
    result = invoke("check", "c.csv", "--history", "h.sqlite", now="last night")
    assert result.exit_code == 2 and result.stdout == ""
    assert "PROCAUDIT_NOW='last night' is not an ISO 8601 time" in result.stderr
    assert not (tmp_path / "h.sqlite").exists()


@pytest.mark.parametrize("make", [None, "empty file", "empty database"])
def test_an_empty_history_says_no_runs_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: str | None
) -> None:
    monkeypatch.chdir(tmp_path)
    if make == "empty file":
        (tmp_path / "h.sqlite").write_bytes(b"")
    elif make == "empty database":
        sqlite3.connect(tmp_path / "h.sqlite").close()
        (tmp_path / "h.sqlite").touch()
    else:  # recorded once, then every run removed: the tables are there, the runs are not
        record_run(tmp_path / "h.sqlite", _result({}), "2026-03-01T00:00:00Z")
        with sqlite3.connect(tmp_path / "h.sqlite") as connection:
            connection.execute("DELETE FROM runs")
        connection.close()
    result = invoke("history", "h.sqlite")
    assert result.exit_code == 0
    assert result.stdout == "h.sqlite: no runs recorded yet\n"
    document = json.loads(invoke("history", "h.sqlite", "-f", "json").stdout)
    assert (document["runs"], document["files"]) == ([], [])


def test_a_history_that_fails_late_does_not_cost_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run holds the write lock past the timeout: the report still comes, then one
    sentence and exit 2."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(store, "BUSY_TIMEOUT", 0.05)
    (tmp_path / "c.csv").write_text(NIGHTS[0], encoding="utf-8")
    record_run(tmp_path / "h.sqlite", _result({}), "2026-03-01T00:00:00Z")
    holder = sqlite3.connect(tmp_path / "h.sqlite", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # readers may read, no one else may write
        result = invoke("check", "c.csv", "--history", "h.sqlite", "-f", "json")
    finally:
        holder.close()
    assert result.exit_code == 2
    assert json.loads(result.stdout)["summary"]["error"] == 2  # the report is whole
    assert "h.sqlite is busy: another run kept it locked for more than 0.05 s" in result.stderr
    assert len(load_runs(tmp_path / "h.sqlite")) == 1  # nothing half-written


def test_messages_speak_vietnamese(tmp_path: Path) -> None:
    (tmp_path / "h.sqlite").write_text("không phải SQLite\n" * 10, encoding="utf-8")
    with speaking("vi"), pytest.raises(HistoryError) as caught:
        load_runs(tmp_path / "h.sqlite")
    assert "không phải là cơ sở dữ liệu SQLite" in str(caught.value)
