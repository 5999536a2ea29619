"""audit_files and audit_frame find what `procaudit check` finds: the same findings, in the same
order, with the same settings, whether the catalogue is a file or a DataFrame in memory."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from procaudit.app import (
    AuditResult,
    CommandLine,
    FailOn,
    ReadOptions,
    Settings,
    audit_files,
    audit_frame,
    load_settings,
)
from procaudit.app.frames import frame_catalogue
from procaudit.cli import app
from procaudit.report import Format, ReportOptions, reporter_for

CSV = SAMPLES / "catalogue-lao-cai.csv"
XLSX = SAMPLES / "catalogue-lao-cai.xlsx"

# (flags of `procaudit check`, the same as a CommandLine)
SETTINGS = [
    ([], CommandLine()),
    (["--select", "PA2,PA5"], CommandLine(select=("PA2,PA5",))),
    (["--ignore", "PA1", "--ignore", "PA6"], CommandLine(ignore=("PA1", "PA6"))),
    (["--online-target", "30"], CommandLine(online_target=30.0)),
    (["--every-row"], CommandLine(every_row=True)),
    (["--group-by", "agency"], CommandLine(group_by="agency")),
]


def by_the_command_line(path: Path, flags: list[str]) -> list[dict[str, object]]:
    out = CliRunner().invoke(app, ["check", str(path), "-f", "json", "--exit-zero", *flags])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)["findings"]


def as_json(result: AuditResult) -> list[dict[str, object]]:
    """The findings as the JSON report writes them, for comparing with it."""
    reporter = reporter_for(Format.JSON, ReportOptions())
    text = io.StringIO()
    reporter.render(result, text)
    return json.loads(text.getvalue())["findings"]


def settings_of(line: CommandLine) -> Settings:
    return load_settings(line=line, start=Path("/"))  # no procaudit.toml of the machine's


@pytest.mark.parametrize(("flags", "line"), SETTINGS)
@pytest.mark.parametrize("path", [CSV, XLSX], ids=["csv", "xlsx"])
def test_audit_files_finds_what_check_finds(
    path: Path, flags: list[str], line: CommandLine
) -> None:
    result = audit_files([path], settings_of(line))
    assert as_json(result) == by_the_command_line(path, flags)


def test_the_default_settings_are_a_check_without_flags() -> None:
    assert audit_files([CSV]).findings == audit_files([CSV], settings_of(CommandLine())).findings


def test_a_file_that_cannot_be_read_is_a_failure_and_the_others_go_on(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    result = audit_files([missing, CSV])
    assert [failure.path for failure in result.failures] == [str(missing)]
    # Named as every report names it: relative to the current folder, where it is under it.
    assert [report.path for report in result.files] == [os.path.relpath(CSV)]
    assert result.exit_code(FailOn.ERROR) == 2


def test_the_scorecard_comes_with_the_result() -> None:
    result = audit_files([CSV])
    assert result.scorecard is not None
    assert result.scorecard.total.stats.procedures == 149
    assert result.files[0].province == "Lào Cai"


# --- a DataFrame in memory -------------------------------------------------------------------

TEXT = pd.read_csv(CSV, dtype=str, keep_default_na=False).replace("", None)
VIETNAMESE = {
    "ma_thu_tuc": "Mã thủ tục",
    "ten_thu_tuc": "Tên thủ tục",
    "cap_thuc_hien": "Cấp thực hiện",
    "linh_vuc": "Lĩnh vực",
    "co_quan_thuc_hien": "Cơ quan thực hiện",
}
CANONICAL = {
    "ma_thu_tuc": "code",
    "ten_thu_tuc": "name",
    "cap_thuc_hien": "level",
    "linh_vuc": "field",
    "co_quan_thuc_hien": "agency",
    "thoi_han_giai_quyet": "processing_time",
    "phi_le_phi": "fee",
    "mau_don_to_khai": "forms",
    "can_cu_phap_ly": "legal_basis",
}

# (case, the frame, how to read it)
FRAMES = [
    ("as in the file", TEXT, None),
    ("vietnamese headers", TEXT.rename(columns=VIETNAMESE), None),
    ("canonical headers", TEXT.rename(columns=CANONICAL), None),
    (
        "a header named with a mapping",
        TEXT.rename(columns={"ten_thu_tuc": "Tên gọi"}),
        ReadOptions(mapping={"Tên gọi": "name"}),
    ),
    ("missing values as NaN", TEXT.astype(object).where(TEXT.notna(), float("nan")), None),
]


@pytest.mark.parametrize(("frame", "options"), [c[1:] for c in FRAMES], ids=[c[0] for c in FRAMES])
def test_a_frame_gives_the_findings_of_its_file(
    frame: pd.DataFrame, options: ReadOptions | None
) -> None:
    from_file = audit_files([CSV])
    from_frame = audit_frame(frame, name=from_file.files[0].path, read_options=options)
    assert from_frame.failures == ()
    # Each names a column by its own headers (Finding.header); the findings are the same.
    assert [f._replace(header=None) for f in from_frame.findings] == [
        f._replace(header=None) for f in from_file.findings
    ]


def test_a_findings_row_points_into_the_frame() -> None:
    result = audit_frame(TEXT, name="lao-cai")
    rows = [f for f in result.findings if f.row is not None and f.rule == "PA201"]
    assert rows
    for finding in rows:
        assert TEXT.iloc[finding.row - 2]["ten_thu_tuc"] == finding.procedure


def test_numbers_in_a_frame_are_read_as_a_workbook_reads_them() -> None:
    codes = pd.DataFrame({"Mã thủ tục": [1.00001, 2.0], "Tên thủ tục": ["Cấp phép", "Đăng ký"]})
    (table,) = frame_catalogue(codes).tables
    assert table.frame["code"].tolist() == ["1.000010", "2"]  # the lost zero given back
    assert table.codes_restored == 1


@pytest.mark.parametrize(
    ("name", "province"), [("lao-cai", "Lào Cai"), ("frame", None), ("ha-tinh.xlsx", "Hà Tĩnh")]
)
def test_the_frames_name_places_it_as_a_files_would(name: str, province: str | None) -> None:
    (report,) = audit_frame(TEXT, name=name).files
    assert report.path == name
    assert report.province == province


def test_a_frame_without_a_name_column_is_a_failure() -> None:
    result = audit_frame(pd.DataFrame({"x": ["a"], "y": ["b"]}), name="bad")
    assert result.files == ()
    (failure,) = result.failures
    assert failure.path == "bad"
    assert failure.message.startswith("bad: has no column for the procedure name")
