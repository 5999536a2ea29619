"""The history database: one SQLite file that nightly runs append their counts to.

One run is one `procaudit check --history FILE`: its time (UTC, ISO 8601), procaudit's
version, and per input file its path (as given and resolved), the sha256 of its bytes, its
procedures, its findings counted by severity and by rule, and its scorecard stats as JSON.
A file that could not be audited is recorded as failed, without counts.

Design choices:
- The run time is the clock's, or `PROCAUDIT_NOW` (ISO 8601; without a zone it is UTC)
  when set: tests and back-filled runs give their own. `record_run` also takes it.
- `PRAGMA user_version` holds the schema version and `PRAGMA application_id` marks the file
  as procaudit's, so a later procaudit can migrate it and another program's database is
  refused instead of written into. A newer version than this procaudit knows is refused.
- One transaction per run, begun IMMEDIATE (the write lock is taken before anything is
  read, so two runs never both read version 0 and both create the tables), with a busy
  timeout: a second run that starts while one is writing waits for it.
- No WAL: the default rollback journal keeps the history one file, with no -wal and -shm
  files beside it, that can be copied, mailed or kept on a network share (where WAL does
  not work). A run writes a few hundred rows once a night, so WAL's concurrent readers
  would buy nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, NamedTuple

from procaudit import __version__
from procaudit.core.errors import ProcauditError
from procaudit.core.findings import AuditResult, Severity
from procaudit.core.i18n import t
from procaudit.core.paths import real_path, shown_path, unreachable

SCHEMA_VERSION: Final = 1
APPLICATION_ID: Final = 0x50414853  # "PAHS": a procaudit history
NOW_ENVIRONMENT: Final = "PROCAUDIT_NOW"
BUSY_TIMEOUT = 30.0  # seconds a run waits for another run's write; a module value for tests

AUDITED: Final = "audited"
FAILED: Final = "failed"

_SCHEMA_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,            -- UTC, ISO 8601: 2026-03-01T02:00:00Z
    procaudit TEXT NOT NULL        -- the version that recorded the run
);
CREATE INDEX runs_by_time ON runs (time, id);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    path TEXT NOT NULL,            -- as given on the command line
    resolved TEXT NOT NULL,        -- absolute: the same file from another folder
    status TEXT NOT NULL CHECK (status IN ('audited', 'failed')),
    sha256 TEXT,                   -- NULL when the file could not be read at all
    procedures INTEGER,            -- NULL when failed
    stats TEXT,                    -- the scorecard's CatalogueStats as JSON, when there are
    message TEXT                   -- why a failed file failed
);
CREATE INDEX files_by_run ON files (run_id);
CREATE TABLE severity_counts (
    file_id INTEGER NOT NULL REFERENCES files (id),
    severity TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (file_id, severity)
) WITHOUT ROWID;
CREATE TABLE rule_counts (
    file_id INTEGER NOT NULL REFERENCES files (id),
    rule TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (file_id, rule)
) WITHOUT ROWID;
"""

# Version n -> the script that brings a database from version n to n + 1.
_MIGRATIONS: Final = {0: _SCHEMA_V1}


class HistoryError(ProcauditError):
    """A history database that cannot be read or written; its message is one sentence."""


@dataclass(frozen=True)
class FileRecord:
    """One input file of one recorded run."""

    path: str
    resolved: str
    status: str  # AUDITED or FAILED
    sha256: str | None
    procedures: int | None = None
    severities: dict[str, int] = dataclasses.field(default_factory=dict)
    rules: dict[str, tuple[str, int]] = dataclasses.field(default_factory=dict)  # id: (name, n)
    stats: str | None = None  # JSON
    message: str | None = None


@dataclass(frozen=True)
class Run:
    """One recorded `procaudit check` run."""

    id: int
    time: str
    version: str
    files: tuple[FileRecord, ...]


# --- the run's time -------------------------------------------------------------------------


def run_time(now: datetime | None = None) -> str:
    """The run's time as recorded: `now`, else PROCAUDIT_NOW, else the clock; UTC, ISO 8601."""
    if now is None:
        given = os.environ.get(NOW_ENVIRONMENT, "").strip()
        now = _parse_time(given) if given else datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except OverflowError:  # 0001-01-01T00:00+05:00 is before the year 1 in UTC
        raise HistoryError(
            t(
                "{name}={value!r} is out of range: in UTC it falls outside the years 1 to 9999",
                "{name}={value!r} nằm ngoài phạm vi: theo giờ UTC, thời điểm này nằm ngoài "
                "các năm 1 đến 9999",
                name=NOW_ENVIRONMENT,
                value=now.isoformat(),
            )
        ) from None


def _parse_time(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise HistoryError(
            t(
                "{name}={value!r} is not an ISO 8601 time such as 2026-03-01T02:00:00Z",
                "{name}={value!r} không phải là thời điểm theo ISO 8601, "
                "ví dụ 2026-03-01T02:00:00Z",
                name=NOW_ENVIRONMENT,
                value=text,
            )
        ) from None


# --- connecting -----------------------------------------------------------------------------


@contextmanager
def _connection(path: Path, *, write: bool) -> Iterator[sqlite3.Connection]:
    """A connection in autocommit mode (transactions are begun by hand); reading never creates
    the file. Every SQLite error inside the block becomes one sentence."""
    try:
        if write:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        else:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
        with closing(connection):
            yield connection
    except sqlite3.Error as exc:
        raise HistoryError(_describe(path, exc)) from None


def _describe(path: Path, exc: sqlite3.Error) -> str:
    """SQLite's error as a sentence a user can act on."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return t(
            "{path} is busy: another run kept it locked for more than {seconds:g} s",
            "Tệp {path} đang bận: một lượt kiểm tra khác đã khóa tệp quá {seconds:g} giây",
            path=path,
            seconds=BUSY_TIMEOUT,
        )
    if "not a database" in text or "malformed" in text:
        return t(
            "{path} is not an SQLite database (or it is damaged); give --history a new "
            "file or a history procaudit wrote",
            "Tệp {path} không phải là cơ sở dữ liệu SQLite (hoặc đã bị hỏng); đề nghị "
            "chỉ định cho --history một tệp mới hoặc tệp lịch sử do procaudit tạo ra",
            path=path,
        )
    if "readonly" in text:
        return t(
            "{path} cannot be written: it is read-only",
            "Không thể ghi vào tệp {path}: tệp chỉ cho phép đọc",
            path=path,
        )
    if "unable to open" in text:
        return t("{path} cannot be opened", "Không thể mở tệp {path}", path=path)
    return t("{path}: {problem}", "Tệp {path}: {problem}", path=path, problem=text)


def _version(connection: sqlite3.Connection, path: Path) -> int:
    """The schema version of a procaudit history (0: an empty database); another program's
    database or a newer procaudit's history is refused."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    if application != APPLICATION_ID:
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application != 0 or tables or version:
            raise HistoryError(
                t(
                    "{path} is an SQLite database, but not a procaudit history",
                    "Tệp {path} là cơ sở dữ liệu SQLite nhưng không phải tệp lịch sử của procaudit",
                    path=path,
                )
            )
    if version < 0:  # no procaudit writes one: the file was edited or damaged
        raise HistoryError(
            t(
                "{path} is damaged: its history version is {found}, which no procaudit writes",
                "Tệp {path} bị hỏng: phiên bản lịch sử {found} không do procaudit nào ghi ra",
                path=shown_path(path),
                found=version,
            )
        )
    if version > SCHEMA_VERSION:
        raise HistoryError(
            t(
                "{path} was written by a newer procaudit (history version {found}, this one "
                "knows up to {known}): upgrade procaudit",
                "Tệp {path} do phiên bản procaudit mới hơn tạo ra (phiên bản lịch sử {found}, "
                "phiên bản này chỉ đọc được đến {known}): đề nghị nâng cấp procaudit",
                path=path,
                found=version,
                known=SCHEMA_VERSION,
            )
        )
    return version


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the database to SCHEMA_VERSION, inside the caller's transaction."""
    version = _version(connection, path)
    while version < SCHEMA_VERSION:
        for statement in _MIGRATIONS[version].split(";"):
            if statement.strip():
                connection.execute(statement)
        version += 1
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {version}")


def check_history(path: Path) -> None:
    """Before the audit: a history that is a folder, another program's database, a newer
    procaudit's, or in a missing folder is refused before it costs a run."""
    _must_be_reachable(path)
    if path.is_dir():
        raise HistoryError(t("{path} is a folder", "{path} là một thư mục", path=path))
    if not path.exists():
        if not path.parent.is_dir():
            raise HistoryError(
                t(
                    "{path}: the folder {folder} does not exist",
                    "{path}: thư mục {folder} không tồn tại",
                    path=path,
                    folder=path.parent,
                )
            )
        return
    with _connection(path, write=False) as connection:
        _version(connection, path)


# --- recording a run ------------------------------------------------------------------------


def record_run(
    path: Path, result: AuditResult, time: str | None = None, version: str = __version__
) -> int:
    """Append `result` to the history at `path` (created on first use); the run's id."""
    records = file_records(result)  # hashed before the lock: a run holds it for milliseconds
    time = time or run_time()
    new = not os.path.lexists(path)
    try:
        return _recorded(path, records, time, version)
    except BaseException:
        if new:  # the first run failed (a full disk): no empty file left to be taken for a history
            _remove_if_empty(path)
        raise


def _recorded(path: Path, records: list[FileRecord], time: str, version: str) -> int:
    with _connection(path, write=True) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            _migrate(connection, path)
            run_id = connection.execute(
                "INSERT INTO runs (time, procaudit) VALUES (?, ?)", (time, version)
            ).lastrowid
            assert run_id is not None  # set by the INSERT just made
            for record in records:
                _insert_file(connection, run_id, record)
            connection.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):  # the error at hand is the one to report
                connection.execute("ROLLBACK")
            raise
    return int(run_id)


def _remove_if_empty(path: Path) -> None:
    with suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def _insert_file(connection: sqlite3.Connection, run_id: int, record: FileRecord) -> None:
    file_id = connection.execute(
        "INSERT INTO files (run_id, path, resolved, status, sha256, procedures, stats, message)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            run_id,
            record.path,
            record.resolved,
            record.status,
            record.sha256,
            record.procedures,
            record.stats,
            record.message,
        ),
    ).lastrowid
    connection.executemany(
        "INSERT INTO severity_counts (file_id, severity, count) VALUES (?, ?, ?)",
        [(file_id, severity, count) for severity, count in record.severities.items()],
    )
    connection.executemany(
        "INSERT INTO rule_counts (file_id, rule, name, count) VALUES (?, ?, ?, ?)",
        [(file_id, rule, name, count) for rule, (name, count) in record.rules.items()],
    )


def file_records(result: AuditResult) -> list[FileRecord]:
    """What the history keeps of each input of `result`: audited files with their counts
    (every severity, zeros included; rules with findings), then the failed ones."""
    severities = Counter((f.file, f.severity.value) for f in result.findings)
    names = {f.rule: f.name for f in result.findings}
    # Each file's rules with findings, in rule order: grouped once (a pass over every file's
    # counts for each file took 0.3 s at 400 files, growing with the square of their number).
    rules: dict[str, dict[str, tuple[str, int]]] = {}
    for (path, rule), count in sorted(Counter((f.file, f.rule) for f in result.findings).items()):
        rules.setdefault(path, {})[rule] = (names[rule], count)
    records = []
    for report in result.files:
        records.append(
            FileRecord(
                path=report.path,
                resolved=_resolved(report.path),
                status=AUDITED,
                sha256=file_sha256(report.path),
                procedures=report.rows,
                severities={s.value: severities.get((report.path, s.value), 0) for s in Severity},
                rules=rules.get(report.path, {}),
                stats=_stats_json(report.stats),
            )
        )
    for failure in result.failures:
        records.append(
            FileRecord(
                path=failure.path,
                resolved=_resolved(failure.path),
                status=FAILED,
                sha256=file_sha256(failure.path),
                message=failure.message,
            )
        )
    return records


def file_sha256(path: str | Path) -> str | None:
    """The sha256 of the file's bytes, read in chunks; None for a missing file, a folder or
    a pipe (which must not be read twice, nor waited on)."""
    path = real_path(os.fspath(path))  # a name shown with `\\xff` for its undecodable byte
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


def _resolved(path: str) -> str:
    """The file's absolute path without links, shown as the report shows paths."""
    try:
        return shown_path(Path(real_path(path)).resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return shown_path(Path(path).absolute())


def _stats_json(stats: object) -> str | None:
    """The scorecard's stats (a dataclass) as JSON; None while the scorecard is not built."""
    if stats is None or not dataclasses.is_dataclass(stats) or isinstance(stats, type):
        return None
    counts = dataclasses.asdict(stats)
    counts.pop("measured", None)  # one file's counts are over all its procedures
    return json.dumps(counts, ensure_ascii=False, sort_keys=True)


# --- reading --------------------------------------------------------------------------------


def load_runs(path: Path, last: int | None = None) -> tuple[Run, ...]:
    """The last `last` runs (all with None), oldest first; () for an empty history."""
    _must_exist(path)
    with _connection(path, write=False) as connection:
        if _version(connection, path) == 0:
            return ()
        # A read transaction: a run that commits meanwhile is seen whole or not at all.
        connection.execute("BEGIN")
        _check_counts(connection, path)
        rows = connection.execute(
            "SELECT id, time, procaudit FROM runs ORDER BY time DESC, id DESC LIMIT ?",
            (-1 if last is None or last > _ALL_RUNS else last,),  # more than SQLite counts: all
        ).fetchall()
        rows.reverse()
        files = _files_of(connection, [row[0] for row in rows])
        connection.execute("COMMIT")
    return tuple(Run(id_, time, version, tuple(files.get(id_, ()))) for id_, time, version in rows)


def _files_of(
    connection: sqlite3.Connection, run_ids: Sequence[int]
) -> dict[int, list[FileRecord]]:
    if not run_ids:
        return {}
    first = min(run_ids)  # the window is the newest runs: ids from the oldest of them on
    severities: dict[int, dict[str, int]] = {}
    for file_id, severity, count in connection.execute(
        "SELECT s.file_id, s.severity, s.count FROM severity_counts s"
        " JOIN files f ON f.id = s.file_id WHERE f.run_id >= ?",
        (first,),
    ):
        severities.setdefault(file_id, {})[severity] = count
    rules: dict[int, dict[str, tuple[str, int]]] = {}
    for file_id, rule, name, count in connection.execute(
        "SELECT r.file_id, r.rule, r.name, r.count FROM rule_counts r"
        " JOIN files f ON f.id = r.file_id WHERE f.run_id >= ? ORDER BY r.rule",
        (first,),
    ):
        rules.setdefault(file_id, {})[rule] = (name, count)
    wanted = set(run_ids)
    files: dict[int, list[FileRecord]] = {}
    for (
        file_id,
        run_id,
        path,
        resolved,
        status,
        sha256,
        procedures,
        stats,
        message,
    ) in connection.execute(
        "SELECT id, run_id, path, resolved, status, sha256, procedures, stats, message"
        " FROM files WHERE run_id >= ? ORDER BY id",
        (first,),
    ):
        if run_id in wanted:
            files.setdefault(run_id, []).append(
                FileRecord(
                    path,
                    resolved,
                    status,
                    sha256,
                    procedures,
                    severities.get(file_id, {}),
                    rules.get(file_id, {}),
                    stats,
                    message,
                )
            )
    return files


class TrendRun(NamedTuple):
    """One recorded run in the HTML report's trend: when, its findings by severity, and
    whether the set of files it audited differs from the run before (then a change in the
    counts may be files come and gone, not a regression)."""

    time: str
    counts: dict[str, int]
    files_changed: bool = False


def severity_trend(db_path: str | Path, paths: Iterable[str]) -> tuple[TrendRun, ...]:
    """For the HTML report: per recorded run that audited any of `paths` (matched as given
    or resolved), the run's time and {"error": n, "warning": n, "info": n} summed over those
    paths, oldest first. Runs in which all of them failed are left out: a file that could
    not be read has no counts, and a zero would read as a clean night."""
    db_path = Path(db_path)
    given = list(dict.fromkeys(str(p) for p in paths))
    if not given:
        return ()
    resolved = [_resolved(p) for p in given]
    _must_exist(db_path)
    marks = ", ".join("?" * len(given))
    audited = f" WHERE f.status = 'audited' AND (f.path IN ({marks}) OR f.resolved IN ({marks}))"
    counts_query = (
        "SELECT r.id, r.time, s.severity, SUM(s.count) FROM runs r"
        " JOIN files f ON f.run_id = r.id JOIN severity_counts s ON s.file_id = f.id"
        + audited
        + " GROUP BY r.id, s.severity ORDER BY r.time, r.id"
    )
    files_query = "SELECT r.id, f.resolved FROM runs r JOIN files f ON f.run_id = r.id" + audited
    trend: dict[int, tuple[str, dict[str, int]]] = {}
    files: dict[int, set[str]] = {}
    with _connection(db_path, write=False) as connection:
        if _version(connection, db_path) == 0:
            return ()
        for run_id, time, severity, count in connection.execute(counts_query, [*given, *resolved]):
            _, counts = trend.setdefault(run_id, (time, {s.value: 0 for s in Severity}))
            counts[severity] = int(count)
        for run_id, path in connection.execute(files_query, [*given, *resolved]):
            files.setdefault(run_id, set()).add(path)
    runs: list[TrendRun] = []
    before: set[str] | None = None
    for run_id, (time, counts) in trend.items():
        now = files.get(run_id, set())
        runs.append(TrendRun(time, counts, before is not None and now != before))
        before = now
    return tuple(runs)


def _must_exist(path: Path) -> None:
    _must_be_reachable(path)
    if path.is_dir():
        raise HistoryError(t("{path} is a folder", "{path} là một thư mục", path=path))
    if not path.exists():
        raise HistoryError(t("{path}: no such file", "{path}: không tìm thấy tệp", path=path))


# The largest LIMIT SQLite takes; a --last beyond it asks for every run.
_ALL_RUNS = 2**63 - 1
# The columns the trend does arithmetic on, which SQLite would let hold any text.
_COUNT_COLUMNS = (
    ("files", "procedures"),
    ("severity_counts", "count"),
    ("rule_counts", "count"),
)


def _check_counts(connection: sqlite3.Connection, path: Path) -> None:
    """A history whose counts are not whole numbers (edited by hand, or damaged) as one
    sentence, before the trend does arithmetic on them."""
    for table, column in _COUNT_COLUMNS:
        bad = connection.execute(
            f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"
            f" AND typeof({column}) != 'integer' LIMIT 1"
        ).fetchone()
        if bad is not None:
            raise HistoryError(
                t(
                    "{path} is damaged: {table}.{column} holds {value!r}, not a whole number",
                    "Tệp {path} bị hỏng: {table}.{column} chứa {value!r}, không phải số nguyên",
                    path=shown_path(path),
                    table=table,
                    column=column,
                    value=bad[0],
                )
            )


def _must_be_reachable(path: Path) -> None:
    """A history in a folder the user may not enter, as one sentence."""
    if reason := unreachable(path) or unreachable(path.parent):
        raise HistoryError(
            t(
                "{path}: cannot be read ({reason})",
                "{path}: không đọc được ({reason})",
                path=shown_path(path),
                reason=reason,
            )
        )
