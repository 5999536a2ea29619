"""run_check: the whole `check` run through the Python API, step by step: the output paths
checked before the audit, the report, the baseline, the history, the fix-list, what the run
says along the way, and the exit code."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from procaudit.app import CheckRequest, CommandLine, Format, Hooks, load_settings, run_check
from procaudit.app.hooks import Progress
from procaudit.app.outputs import CannotWrite
from procaudit.cli import app
from procaudit.core.errors import ProcauditError, UsageError
from procaudit.core.findings import FileFailure

CATALOGUE = (
    "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,mau_don_to_khai,so_quyet_dinh,ngay_cong_bo\n"
    "1.000001,Đăng ký khai sinh,Cấp xã,Tờ khai,1890/QĐ-UBND,01/01/2024\n"
    "1.000003,Cấp bản sao,Cấp huyện,Tờ khai,1890/QĐ-UBND,01/01/2024\n"
)
CLEAN = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,Đăng ký khai sinh,Cấp xã\n"


class Heard:
    """Hooks that write down what the run says, in order."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def hooks(self) -> Hooks:
        return Hooks(
            error=lambda m: self.said.append(f"error: {m}"),
            note=lambda m: self.said.append(f"note: {m}"),
            stages=self.stages,
        )

    @contextmanager
    def stages(self) -> Iterator[Progress]:
        self.said.append("display on")
        yield lambda stage: self.said.append(f"stage: {stage}")
        self.said.append("display off")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "lao-cai.csv").write_text(CATALOGUE, encoding="utf-8")
    (tmp_path / "clean.csv").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # relative paths, and no procaudit.toml above
    return tmp_path


def run(request: CheckRequest, heard: Heard | None = None) -> tuple[int, str]:
    stdout = io.StringIO()
    outcome = run_check(request, heard.hooks() if heard else None, stdout)
    return outcome.exit_code, stdout.getvalue()


# (case, request, exit code)
EXIT_CODES = [
    ("findings at error", CheckRequest(("lao-cai.csv",)), 1),
    ("a clean file", CheckRequest(("clean.csv",)), 0),
    ("--exit-zero", CheckRequest(("lao-cai.csv",), exit_zero=True), 0),
    (
        "fail-on never in the settings",
        CheckRequest(("lao-cai.csv",), load_settings(line=CommandLine(fail_on="never"))),
        0,
    ),
    (
        "only the rules that find nothing",
        CheckRequest(("lao-cai.csv",), load_settings(line=CommandLine(select=("PA6",)))),
        0,
    ),
    ("a file that cannot be read", CheckRequest(("lao-cai.csv", "missing.csv")), 2),
    (
        "an argument that named no file",
        CheckRequest(("clean.csv",), input_failures=(FileFailure("x/", "x/: empty"),)),
        2,
    ),
]


@pytest.mark.parametrize(
    ("request_", "code"), [c[1:] for c in EXIT_CODES], ids=[c[0] for c in EXIT_CODES]
)
def test_the_exit_code(folder: Path, request_: CheckRequest, code: int) -> None:
    assert run(request_)[0] == code


@pytest.mark.parametrize("fmt", [Format.JSON, Format.CSV, Format.SARIF, Format.MARKDOWN])
def test_the_report_is_the_command_lines(folder: Path, fmt: Format) -> None:
    code, report = run(CheckRequest(("lao-cai.csv",), output_format=fmt))
    out = CliRunner().invoke(app, ["check", "lao-cai.csv", "-f", fmt.value])
    assert (code, report.encode()) == (out.exit_code, out.stdout_bytes)  # CRLF and all


def test_the_report_goes_to_the_output_file_and_not_to_stdout(folder: Path) -> None:
    code, stdout = run(
        CheckRequest(("lao-cai.csv",), output_format=Format.JSON, output=Path("r.json"))
    )
    assert (code, stdout) == (1, "")
    assert json.loads(Path("r.json").read_text(encoding="utf-8"))["summary"]["by_rule"]


def test_when_every_file_failed_a_machine_report_names_them_and_the_terminal_none(
    folder: Path,
) -> None:
    heard = Heard()
    code, stdout = run(CheckRequest(("missing.csv",), output_format=Format.JSON), heard)
    assert code == 2
    assert json.loads(stdout)["unread"] == [
        {"path": "missing.csv", "message": "missing.csv: no such file"}
    ]
    assert heard.said[-1] == "error: missing.csv: no such file"
    code, stdout = run(CheckRequest(("missing.csv",), output_format=Format.RICH), Heard())
    assert (code, stdout) == (2, "")  # stderr said it all


# (case, request, the ProcauditError's type, its message)
REFUSED = [
    (
        "output is a folder",
        CheckRequest(("lao-cai.csv",), output=Path(".")),
        UsageError,
        "--output .: is a folder",
    ),
    (
        "output is an input",
        CheckRequest(("lao-cai.csv",), output=Path("lao-cai.csv")),
        UsageError,
        "--output lao-cai.csv: is one of the files to audit",
    ),
    (
        "baseline in a missing folder",
        CheckRequest(("lao-cai.csv",), write_baseline=Path("no/b.json")),
        UsageError,
        "--write-baseline no/b.json: the folder no does not exist",
    ),
    (
        "fix-list of another type",
        CheckRequest(("lao-cai.csv",), fix_list=Path("fix.txt")),
        UsageError,
        "--fix-list fix.txt: must end in .xlsx or .csv, not '.txt'",
    ),
    (
        "forms folder missing",
        CheckRequest(("lao-cai.csv",), load_settings(line=CommandLine(forms_dir=Path("forms")))),
        UsageError,
        "--forms-dir forms: no such folder",
    ),
    (
        "a history that is a folder",
        CheckRequest(("lao-cai.csv",), history=Path(".")),
        UsageError,
        "--history .: is a folder",
    ),
    (
        "an unknown rule",
        CheckRequest(("lao-cai.csv",), load_settings(line=CommandLine(select=("PA999",)))),
        ProcauditError,
        "PA999",
    ),
    (
        "a baseline that is not there",
        CheckRequest(("lao-cai.csv",), baseline=Path("none.json")),
        ProcauditError,
        "none.json",
    ),
]


@pytest.mark.parametrize(
    ("request_", "error", "message"),
    [c[1:] for c in REFUSED],
    ids=[c[0] for c in REFUSED],
)
def test_a_request_that_cannot_be_run(
    folder: Path, request_: CheckRequest, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        run(request_)
    assert message in str(raised.value)
    assert not Path("no").exists()


def test_outputs_are_refused_before_the_audit(folder: Path) -> None:
    heard = Heard()
    with pytest.raises(UsageError):
        run(CheckRequest(("lao-cai.csv",), fix_list=Path("fix.txt")), heard)
    assert heard.said == []  # no stage was shown: the audit never started


def test_a_baseline_written_then_read_makes_every_finding_known(folder: Path) -> None:
    first = run_check(
        CheckRequest(("lao-cai.csv",), write_baseline=Path("b.json")), None, io.StringIO()
    )
    assert first.exit_code == 1
    again = run_check(CheckRequest(("lao-cai.csv",), baseline=Path("b.json")), None, io.StringIO())
    assert again.exit_code == 0
    assert again.result.baseline is not None and again.result.baseline.new == frozenset()


def test_runs_recorded_in_the_history_make_a_trend(folder: Path, monkeypatch) -> None:
    from procaudit.app import HistoryRequest, load_trend

    for night in ("2025-01-01T02:00:00", "2025-01-02T02:00:00"):
        monkeypatch.setenv("PROCAUDIT_NOW", night)
        outcome = run_check(
            CheckRequest(("lao-cai.csv",), history=Path("h.db")), None, io.StringIO()
        )
        assert not outcome.history_failed
    trend = load_trend(HistoryRequest(Path("h.db")))
    assert len(trend.runs) == 2
    assert [file.path for file in trend.files] == ["lao-cai.csv"]


def test_the_fix_list_is_written_with_its_own_stage(folder: Path) -> None:
    heard = Heard()
    run(CheckRequest(("lao-cai.csv",), fix_list=Path("fix.csv")), heard)
    (row,) = Path("fix.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert row.startswith("lao-cai.csv,,C3,3,1.000003,Cấp bản sao,PA501,")
    assert heard.said[-3:] == ["display on", "stage: writing the fix-list fix.csv", "display off"]
    assert heard.said[0] == "display on" and "stage: lao-cai.csv: reading" in heard.said


# (case, format, quiet, the run says notes)
NOTES = [
    ("a machine format", Format.JSON, False, True),
    ("the terminal report shows its own", Format.RICH, False, False),
    ("quiet", Format.JSON, True, False),
]


@pytest.mark.parametrize(
    ("fmt", "quiet", "noted"), [c[1:] for c in NOTES], ids=[c[0] for c in NOTES]
)
def test_notes_are_said_for_machine_formats_only(
    folder: Path, fmt: Format, quiet: bool, noted: bool
) -> None:
    heard = Heard()
    run(CheckRequest(("clean.csv", "missing.csv"), output_format=fmt, quiet=quiet), heard)
    notes = [line for line in heard.said if line.startswith("note: ")]
    assert bool(notes) is noted
    assert "error: missing.csv: no such file" in heard.said  # errors always


def test_a_report_that_cannot_be_written_is_one_sentence(folder: Path, monkeypatch) -> None:
    from procaudit.report.json_report import JsonReporter

    def full_disk(self, result, out) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(JsonReporter, "render", full_disk)
    with pytest.raises(
        CannotWrite, match=re.escape("cannot write r.json: No space left on device")
    ):
        run(CheckRequest(("clean.csv",), output_format=Format.JSON, output=Path("r.json")))
    assert not Path("r.json").exists()


def test_read_options_default_to_the_settings_map(folder: Path) -> None:
    shutil.copy(SAMPLES / "catalogue-lao-cai.csv", "sample.csv")
    text = Path("sample.csv").read_text(encoding="utf-8").replace("ten_thu_tuc", "Tên gọi", 1)
    Path("renamed.csv").write_text(text, encoding="utf-8")
    settings = load_settings(line=CommandLine(mapping={"Tên gọi": "name"}))
    renamed = run_check(CheckRequest(("renamed.csv",), settings), None, io.StringIO())
    sample = run_check(CheckRequest(("sample.csv",)), None, io.StringIO())
    assert renamed.result.count_by_rule() == sample.result.count_by_rule()
    assert replace(renamed.result.files[0], path="x", columns={}) == replace(
        sample.result.files[0], path="x", columns={}
    )
