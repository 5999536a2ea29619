"""The smaller use cases: load_settings, run_inspect, run_diff and load_trend, each as
`procaudit config`, `inspect`, `diff` and `history` run it."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.app import (
    CommandLine,
    DiffRequest,
    HistoryRequest,
    Hooks,
    InspectRequest,
    ReadOptions,
    load_settings,
    load_trend,
    run_diff,
    run_inspect,
)
from procaudit.app.config import ConfigError
from procaudit.cli import app
from procaudit.core.errors import InputError, ProcauditError, UsageError
from procaudit.core.findings import FileFailure
from procaudit.report.diff.formats import DiffFormat

OLD = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,Đăng ký khai sinh,Cấp xã\n"
NEW = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,Đăng ký khai tử,Cấp xã\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "old.csv").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.csv").write_text(NEW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- load_settings ---------------------------------------------------------------------------

# (case, procaudit.toml's text or None, the command line, key, value, where it came from)
SETTINGS = [
    ("nothing said", None, CommandLine(), "online-target", 80.0, "default"),
    ("the file", "online-target = 50\n", CommandLine(), "online-target", 50, "FILE"),
    (
        "the command line over the file",
        "online-target = 50\n",
        CommandLine(online_target=70.0),
        "online-target",
        70.0,
        "command line",
    ),
    ("select from the file", 'select = ["PA2"]\n', CommandLine(), "select", ("PA2",), "FILE"),
    (
        "ignore adds up",
        'ignore = ["PA6"]\n',
        CommandLine(ignore=("PA1",)),
        "ignore",
        ("PA6", "PA1"),
        "command line",
    ),
]


@pytest.mark.parametrize(
    ("toml", "line", "key", "value", "source"),
    [c[1:] for c in SETTINGS],
    ids=[c[0] for c in SETTINGS],
)
def test_load_settings_finds_the_file_from_start_upward(
    tmp_path: Path, toml: str | None, line: CommandLine, key: str, value: object, source: str
) -> None:
    if toml is not None:
        (tmp_path / "procaudit.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "data" / "2025").mkdir(parents=True)
    settings = load_settings(line=line, start=tmp_path / "data" / "2025")
    (setting,) = [s for s in settings.shown() if s.key == key]
    where = str(tmp_path / "procaudit.toml")
    assert (setting.value, setting.source) == (value, where if source == "FILE" else source)


@pytest.mark.parametrize(("percent", "share"), [(80, 0.8), (50.0, 0.5), (0, 0.0), (100, 1.0)])
def test_the_online_target_becomes_a_share_once(percent: float, share: float) -> None:
    assert load_settings(line=CommandLine(online_target=percent)).online_share == share


def test_a_config_named_but_missing_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        load_settings(tmp_path / "none.toml")


def test_a_bad_config_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "procaudit.toml").write_text("select = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(start=tmp_path)


# --- run_inspect -----------------------------------------------------------------------------

# (case, the paths, the arguments that named nothing, files inspected, failures, exit code)
INSPECT = [
    ("one file", ("old.csv",), (), 1, 0, 0),
    ("two files", ("old.csv", "new.csv"), (), 2, 0, 0),
    ("a missing file", ("old.csv", "missing.csv"), (), 1, 1, 2),
    ("an empty folder", ("old.csv",), (FileFailure("empty", "empty: nothing"),), 1, 1, 2),
]


@pytest.mark.parametrize(
    ("paths", "named_nothing", "files", "failures", "code"),
    [c[1:] for c in INSPECT],
    ids=[c[0] for c in INSPECT],
)
def test_run_inspect(
    folder: Path,
    paths: tuple[str, ...],
    named_nothing: tuple[FileFailure, ...],
    files: int,
    failures: int,
    code: int,
) -> None:
    errors: list[str] = []
    outcome = run_inspect(InspectRequest(paths, None, named_nothing), Hooks(error=errors.append))
    assert (len(outcome.inspections), len(outcome.failures), outcome.exit_code) == (
        files,
        failures,
        code,
    )
    assert errors == [failure.message for failure in outcome.failures]


def test_run_inspect_says_what_inspect_prints(folder: Path) -> None:
    outcome = run_inspect(InspectRequest(("old.csv", "missing.csv")))
    printed = json.loads(CliRunner().invoke(app, ["inspect", "old.csv", "-f", "json"]).stdout)
    assert list(outcome.inspections) == printed["files"]


def test_run_inspect_reads_with_the_options_given(folder: Path) -> None:
    Path("renamed.csv").write_text(OLD.replace("ten_thu_tuc", "Tên gọi"), encoding="utf-8")
    assert run_inspect(InspectRequest(("renamed.csv",))).exit_code == 2
    options = ReadOptions(mapping={"Tên gọi": "name"})
    assert run_inspect(InspectRequest(("renamed.csv",), options)).exit_code == 0


# --- run_diff --------------------------------------------------------------------------------

# (case, old, new, the exit code)
DIFFS = [
    ("no change", "old.csv", "old.csv", 0),
    ("a rename", "old.csv", "new.csv", 1),
]


@pytest.mark.parametrize(("old", "new", "code"), [c[1:] for c in DIFFS], ids=[c[0] for c in DIFFS])
def test_run_diff_exits_like_diff(folder: Path, old: str, new: str, code: int) -> None:
    request = DiffRequest(old, new, output_format=DiffFormat.JSON, output=Path("d.json"))
    assert run_diff(request).exit_code == code
    printed = CliRunner().invoke(app, ["diff", old, new, "-f", "json"])
    assert printed.exit_code == code
    assert Path("d.json").read_text(encoding="utf-8") == printed.stdout


def test_run_diff_renders_to_stdout_without_an_output(folder: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        outcome = run_diff(DiffRequest("old.csv", "new.csv", output_format=DiffFormat.JSON))
    assert json.loads(out.getvalue())["summary"]
    assert outcome.result.changes


# (case, the request, the error, part of its message)
BAD_DIFFS = [
    (
        "xlsx without a file",
        DiffRequest("old.csv", "new.csv", output_format=DiffFormat.XLSX),
        UsageError,
        "--output FILE.xlsx",
    ),
    (
        "a missing version",
        DiffRequest("old.csv", "missing.csv"),
        InputError,
        "missing.csv: no such file",
    ),
    (
        "output over a version",
        DiffRequest("old.csv", "new.csv", output=Path("new.csv")),
        UsageError,
        "is one of the files",
    ),
]


@pytest.mark.parametrize(
    ("request_", "error", "message"), [c[1:] for c in BAD_DIFFS], ids=[c[0] for c in BAD_DIFFS]
)
def test_run_diff_refuses(
    folder: Path, request_: DiffRequest, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        run_diff(request_)


# --- load_trend ------------------------------------------------------------------------------


def test_load_trend_of_a_missing_history(folder: Path) -> None:
    with pytest.raises(ProcauditError, match="no such file"):
        load_trend(HistoryRequest(Path("none.db")))


@pytest.mark.parametrize("rules", [("XX",), ("PA2,nope",)])
def test_load_trend_refuses_what_is_no_rule(folder: Path, rules: tuple[str, ...]) -> None:
    with pytest.raises(UsageError, match="is not a rule id or prefix"):
        load_trend(HistoryRequest(Path("none.db"), rules=rules))
