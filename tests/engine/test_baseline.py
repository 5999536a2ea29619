"""Baselines: findings recorded once are recognised in later runs by fingerprint, through
inserted, deleted and reordered rows and a moved folder; new and fixed ones stand out."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from procaudit.core.errors import UsageError
from procaudit.core.findings import (
    AuditResult,
    FailOn,
    FileFailure,
    Finding,
    Severity,
    SkippedRule,
)
from procaudit.engine.audit import audit
from procaudit.engine.baseline import (
    Baseline,
    compare,
    fingerprint,
    fingerprints,
    load_baseline,
    write_baseline,
)
from procaudit.engine.baseline_files import pair_files

HEADER = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc"
CLEAN = [
    "1.001193,Đăng ký khai sinh,Cấp xã,Hộ tịch",
    "1.000656,Đăng ký khai tử,Cấp xã,Hộ tịch",
]
DISTRICT = "1.004837,Đăng ký giám hộ,Cấp huyện,Hộ tịch"  # PA501 district-level
NO_CODE = ",Đăng ký nhận cha mẹ con hòa giải,Cấp xã,Hộ tịch"  # PA102 missing-code, matched by name
DUPLICATE = "1.000894,Đăng ký kết hôn,Cấp xã,Hộ tịch"  # twice: PA201 on both rows
DEFECTS = [DISTRICT, NO_CODE, DUPLICATE, DUPLICATE]
EXTRA = [f"2.00{n:04d},Thủ tục thêm {n},Cấp xã,Hộ tịch" for n in range(1, 4)]


def write_catalogue(path: Path, rows: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def audited(path: Path) -> AuditResult:
    result = audit([str(path)])
    assert not result.failures
    return result


def rules_of(findings: tuple[Finding, ...]) -> list[str]:
    return sorted(f.rule for f in findings)


@pytest.fixture
def recorded(tmp_path: Path) -> tuple[AuditResult, Baseline]:
    """A catalogue with four findings, audited and recorded in a baseline."""
    catalogue = write_catalogue(tmp_path / "data" / "lao-cai.csv", CLEAN + DEFECTS)
    result = audited(catalogue)
    assert rules_of(result.findings) == ["PA102", "PA201", "PA201", "PA501"]
    write_baseline(result, tmp_path / "baseline.json")
    return result, load_baseline(tmp_path / "baseline.json")


def test_a_run_matches_its_own_baseline(recorded: tuple[AuditResult, Baseline]) -> None:
    result, baseline = recorded
    comparison = compare(result, baseline)
    assert comparison.still == result.findings
    assert comparison.new == comparison.fixed == comparison.unchecked == ()


def test_inserted_and_reordered_rows_keep_old_findings_and_show_the_new_one(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline]
) -> None:
    old, baseline = recorded
    new_defect = "1.000999,Chứng thực bản sao,Cấp huyện,Chứng thực"
    # Rows inserted above, the old rows reversed, one more defect in the middle.
    rows = [*EXTRA, DUPLICATE, NO_CODE, new_defect, DUPLICATE, DISTRICT, *reversed(CLEAN)]
    result = audited(write_catalogue(tmp_path / "data" / "lao-cai.csv", rows))
    moved = {(f.rule, f.row) for f in result.findings}
    assert moved.isdisjoint((f.rule, f.row) for f in old.findings)  # every finding moved

    comparison = compare(result, baseline)
    assert [(f.rule, f.code) for f in comparison.new] == [("PA501", "1.000999")]
    assert rules_of(comparison.still) == rules_of(old.findings)
    assert comparison.fixed == ()


def test_a_fixed_defect_shows_as_fixed(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline]
) -> None:
    _, baseline = recorded
    rows = [*CLEAN, DISTRICT.replace("Cấp huyện", "Cấp xã"), *EXTRA, NO_CODE, DUPLICATE, DUPLICATE]
    result = audited(write_catalogue(tmp_path / "data" / "lao-cai.csv", rows))

    comparison = compare(result, baseline)
    assert [(e.rule, e.code, e.procedure) for e in comparison.fixed] == [
        ("PA501", "1.004837", "Đăng ký giám hộ")
    ]
    assert comparison.new == ()
    assert rules_of(comparison.still) == ["PA102", "PA201", "PA201"]


def test_a_finding_without_a_code_is_matched_by_its_normalised_name(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline]
) -> None:
    _, baseline = recorded
    respelled = ",Đăng ký nhận Cha Mẹ Con hoà giải,Cấp xã,Hộ tịch"  # case, old tone placement
    renamed = ",Đăng ký nhận con nuôi,Cấp xã,Hộ tịch"
    rows = [*CLEAN, DISTRICT, respelled, DUPLICATE, DUPLICATE]
    catalogue = tmp_path / "data" / "lao-cai.csv"
    comparison = compare(audited(write_catalogue(catalogue, rows)), baseline)
    assert comparison.new == comparison.fixed == ()

    rows = [*CLEAN, DISTRICT, renamed, DUPLICATE, DUPLICATE]
    comparison = compare(audited(write_catalogue(catalogue, rows)), baseline)
    assert [f.procedure for f in comparison.new] == ["Đăng ký nhận con nuôi"]
    assert [e.procedure for e in comparison.fixed] == ["Đăng ký nhận cha mẹ con hòa giải"]


def test_duplicate_pairs_are_matched_one_to_one(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline]
) -> None:
    old, baseline = recorded
    pair = [f for f in old.findings if f.rule == "PA201"]
    assert fingerprint(pair[0]) == fingerprint(pair[1])  # the same key...
    assert len(set(fingerprints(pair))) == 2  # ...but two fingerprints in one run

    # A third copy of the row: the pair is still known, one PA201 is new.
    rows = [*CLEAN, *DEFECTS, DUPLICATE]
    comparison = compare(
        audited(write_catalogue(tmp_path / "data" / "lao-cai.csv", rows)), baseline
    )
    assert rules_of(comparison.new) == ["PA201"]
    assert rules_of(comparison.still) == ["PA102", "PA201", "PA201", "PA501"]

    # One copy deleted: no duplicate any more, both findings of the pair are fixed.
    rows = [*CLEAN, DISTRICT, NO_CODE, DUPLICATE]
    comparison = compare(
        audited(write_catalogue(tmp_path / "data" / "lao-cai.csv", rows)), baseline
    )
    assert [e.rule for e in comparison.fixed] == ["PA201", "PA201"]
    assert comparison.new == ()


def test_a_moved_folder_still_matches_but_a_renamed_file_does_not(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline]
) -> None:
    old, baseline = recorded
    (tmp_path / "archive").mkdir()
    (tmp_path / "data").rename(tmp_path / "archive" / "2025")
    moved = audited(tmp_path / "archive" / "2025" / "lao-cai.csv")
    comparison = compare(moved, baseline)
    assert comparison.still == moved.findings
    assert comparison.new == comparison.fixed == ()

    renamed = audited(write_catalogue(tmp_path / "data" / "ha-tinh.csv", CLEAN + DEFECTS))
    comparison = compare(renamed, baseline)
    assert comparison.new == renamed.findings
    assert comparison.still == comparison.fixed == ()
    assert len(comparison.unchecked) == len(old.findings)  # lao-cai.csv was not audited


def test_files_not_audited_are_unchecked_not_fixed(tmp_path: Path) -> None:
    first = write_catalogue(tmp_path / "a.csv", [*CLEAN, DISTRICT])
    second = write_catalogue(tmp_path / "b.csv", [*CLEAN, NO_CODE])
    both = audit([str(first), str(second)])
    write_baseline(both, tmp_path / "baseline.json")

    comparison = compare(audit([str(first)]), load_baseline(tmp_path / "baseline.json"))
    assert [e.rule for e in comparison.unchecked] == ["PA102"]
    assert comparison.fixed == comparison.new == ()
    assert rules_of(comparison.still) == ["PA501"]


def test_fingerprints_ignore_the_row_and_the_folder() -> None:
    def finding(row: int, file: str) -> Finding:
        return Finding(
            "PA501",
            "district-level",
            Severity.ERROR,
            file,
            None,
            row,
            "level",
            " 1.004837 ",
            "Cấp huyện",
            "m",
            "f",
            "Đăng ký giám hộ",
        )

    assert fingerprint(finding(3, "data/a.csv")) == fingerprint(finding(90, r"C:\x\a.csv"))
    assert fingerprint(finding(3, "data/a.csv")) != fingerprint(finding(3, "data/b.csv"))


def test_gitlab_report_uses_the_same_fingerprints() -> None:
    from procaudit.report import gitlab_report

    assert gitlab_report.fingerprints is fingerprints


def test_the_baseline_file_is_sorted_and_byte_identical_for_the_same_input(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline]
) -> None:
    result, baseline = recorded
    write_baseline(audited(tmp_path / "data" / "lao-cai.csv"), tmp_path / "again.json")
    first = (tmp_path / "baseline.json").read_bytes()
    assert (tmp_path / "again.json").read_bytes() == first

    document = json.loads(first)
    assert set(document) == {"procaudit_baseline", "paths", "findings"}
    assert document["procaudit_baseline"] == 1  # an older procaudit still reads it
    assert document["paths"] == "relative to this file's folder"
    entries = document["findings"]
    assert {e["file"] for e in entries} == {"data/lao-cai.csv"}
    assert [list(e) for e in entries] == [
        ["fingerprint", "rule", "file", "sheet", "code", "procedure", "column", "message"]
    ] * len(result.findings)
    keys = [
        (
            e["file"],
            e["sheet"] or "",
            e["code"] or "",
            e["procedure"] or "",
            e["rule"],
            e["column"] or "",
            e["fingerprint"],
        )
        for e in entries
    ]
    assert keys == sorted(keys)
    assert "Đăng ký giám hộ" in first.decode("utf-8")  # Vietnamese as text, not \u escapes
    assert sorted(e.fingerprint for e in baseline.entries) == sorted(fingerprints(result.findings))
    assert sorted(os.listdir(tmp_path)) == ["again.json", "baseline.json", "data"]  # no temp files


def test_a_failed_write_keeps_the_old_baseline_and_leaves_nothing_behind(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline], monkeypatch: pytest.MonkeyPatch
) -> None:
    result, _ = recorded
    before = (tmp_path / "baseline.json").read_bytes()

    def refuse(source: str, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UsageError, match=r"baseline\.json"):
        write_baseline(AuditResult(result.files, ()), tmp_path / "baseline.json")
    assert (tmp_path / "baseline.json").read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["baseline.json", "data"]


def test_writing_into_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "baseline.json"
    with pytest.raises(UsageError, match="missing"):
        write_baseline(AuditResult((), ()), target)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "does not exist"),
        (b"{not json", "is not JSON"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b"[]", "not a procaudit baseline"),
        (b'{"findings": []}', "not a procaudit baseline"),
        (b'{"procaudit_baseline": 2, "findings": []}', "format 2"),
        (b'{"procaudit_baseline": 1, "findings": {}}', "not a list"),
        (b'{"procaudit_baseline": 1, "findings": [3]}', "finding 1 is not an object"),
        (
            b'{"procaudit_baseline": 1, "findings": [{"rule": "PA101", "file": "a.csv",'
            b' "message": "m"}]}',
            'no "fingerprint"',
        ),
        (
            b'{"procaudit_baseline": 1, "findings": [{"fingerprint": "f", "rule": "PA101",'
            b' "file": "a.csv", "message": "m", "row": 3, "code": 7}]}',
            '"code"',
        ),
    ],
)
def test_bad_baseline_files_are_usage_errors_naming_the_file(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    path = tmp_path / "nightly-baseline.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UsageError) as caught:
        load_baseline(path)
    message = str(caught.value)
    assert str(path) in message
    assert problem in message
    assert message.count(". ") == 0 and message.endswith(".")  # one sentence


def test_a_folder_is_not_a_baseline(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=re.escape(str(tmp_path))):
        load_baseline(tmp_path)


def test_fail_on_applies_to_new_findings_only(
    tmp_path: Path, recorded: tuple[AuditResult, Baseline]
) -> None:
    old, baseline = recorded
    assert old.exit_code(FailOn.ERROR) == 1  # without a baseline the run fails
    unchanged = compare(old, baseline)
    assert unchanged.exit_code(FailOn.INFO) == 0

    # A new warning only: a missing code on another procedure.
    rows = [*CLEAN, *DEFECTS, ",Đăng ký lại khai sinh,Cấp xã,Hộ tịch"]
    comparison = compare(
        audited(write_catalogue(tmp_path / "data" / "lao-cai.csv", rows)), baseline
    )
    assert [(f.rule, f.severity) for f in comparison.new] == [("PA102", Severity.WARNING)]
    assert comparison.exit_code(FailOn.ERROR) == 0
    assert comparison.exit_code(FailOn.WARNING) == 1
    assert comparison.exit_code(FailOn.NEVER) == 0
    failure = FileFailure("broken.xlsx", "broken.xlsx: is not a readable Excel workbook")
    assert comparison.exit_code(FailOn.NEVER, (failure,)) == 2
    assert unchanged.exit_code(FailOn.INFO, [failure]) == 2


# --- which recorded file a run's file is -----------------------------------------------------

# (the files on disk, the baseline's recorded paths, the run's files) -> the pairs. The
# baseline is in the temporary folder; the run is made from it.
PAIRINGS = [
    ("the same path", ["a/f.csv"], ["a/f.csv"], ["a/f.csv"], {"a/f.csv": "a/f.csv"}),
    ("another file of that name", ["a/f.csv", "b/f.csv"], ["a/f.csv"], ["b/f.csv"], {}),
    ("the folder moved", ["new/f.csv"], ["old/f.csv"], ["new/f.csv"], {"new/f.csv": "old/f.csv"}),
    (
        "two names alike: by their folders",
        ["new/a/f.csv", "new/b/f.csv"],
        ["old/a/f.csv", "old/b/f.csv"],
        ["new/a/f.csv", "new/b/f.csv"],
        {"new/a/f.csv": "old/a/f.csv", "new/b/f.csv": "old/b/f.csv"},
    ),
    ("two names alike: no telling", ["x/f.csv", "y/f.csv"], ["f.csv"], ["x/f.csv", "y/f.csv"], {}),
    (
        "one recorded twice over: no telling",
        ["new/f.csv"],
        ["old1/f.csv", "old2/f.csv"],
        ["new/f.csv"],
        {},
    ),
    (
        "recorded on Windows",
        ["srv/a/f.csv"],
        ["C:\\data\\a\\f.csv"],
        ["srv/a/f.csv"],
        {"srv/a/f.csv": "C:\\data\\a\\f.csv"},
    ),
]


@pytest.mark.parametrize(
    ("on_disk", "recorded", "run", "pairs"), [c[1:] for c in PAIRINGS], ids=[c[0] for c in PAIRINGS]
)
def test_a_runs_files_are_paired_with_the_recorded_ones(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    on_disk: list[str],
    recorded: list[str],
    run: list[str],
    pairs: dict[str, str],
) -> None:
    for path in on_disk:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert pair_files(run, recorded, str(tmp_path)) == pairs
    # From another folder, by absolute paths: the same pairs.
    monkeypatch.chdir("/")
    absolute = {str(tmp_path / path): path for path in run}
    assert pair_files(absolute, recorded, str(tmp_path)) == {
        path: pairs[given] for path, given in absolute.items() if given in pairs
    }


def test_a_file_of_the_same_name_is_not_the_recorded_one(tmp_path: Path) -> None:
    lao_cai = write_catalogue(tmp_path / "lao-cai" / "danh-muc.csv", CLEAN + DEFECTS)
    yen_bai = write_catalogue(tmp_path / "yen-bai" / "danh-muc.csv", CLEAN + DEFECTS)
    write_baseline(audited(lao_cai), tmp_path / "baseline.json")
    baseline = load_baseline(tmp_path / "baseline.json")

    comparison = compare(audited(yen_bai), baseline)
    assert rules_of(comparison.new) == ["PA102", "PA201", "PA201", "PA501"]
    assert comparison.still == comparison.fixed == ()
    assert len(comparison.unchecked) == 4  # lao-cai's: not audited tonight

    both = audit([str(lao_cai), str(yen_bai)])
    comparison = compare(both, baseline)
    assert {f.file for f in comparison.new} == {str(yen_bai)}
    assert {f.file for f in comparison.still} == {str(lao_cai)}


def test_the_rules_a_run_did_not_check_leave_their_findings_unchecked(
    recorded: tuple[AuditResult, Baseline],
) -> None:
    result, baseline = recorded
    only_pa5 = replace(
        result,
        findings=tuple(f for f in result.findings if f.rule.startswith("PA5")),
        checked_rules=("PA501", "PA502"),
    )
    comparison = compare(only_pa5, baseline)
    assert comparison.fixed == ()
    assert sorted(e.rule for e in comparison.unchecked) == ["PA102", "PA201", "PA201"]
    assert comparison.kept == comparison.unchecked  # the run's own file: a new baseline keeps them
    skipped = replace(
        result,
        findings=(),
        skipped=(SkippedRule("PA201", result.files[0].path, "no name column"),),
    )
    comparison = compare(skipped, baseline)
    assert sorted(e.rule for e in comparison.fixed) == ["PA102", "PA501"]
    assert sorted(e.rule for e in comparison.unchecked) == ["PA201", "PA201"]
