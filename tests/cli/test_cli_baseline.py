"""`--write-baseline` and `--baseline` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.cli import app

HEADER = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
TODAY = [
    "1.00123,Đăng ký khai sinh,Cấp xã\n",  # PA101
    "1.000656,Đăng ký khai tử,Cấp huyện\n",  # PA501
    "1.000894,Đăng ký kết hôn,Cấp xã\n",
]


def _run(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(app, ["check", *args, "-f", "json"])
    return result.exit_code, json.loads(result.stdout or "{}"), result.stderr


def test_baseline_splits_new_still_and_fixed(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.csv"
    catalogue.write_text(HEADER + "".join(TODAY), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, report, _ = _run(str(catalogue), "--write-baseline", str(baseline))
    assert code == 1 and baseline.is_file() and "baseline" not in report
    # Tomorrow: two rows inserted above, the rows reordered, PA501 fixed, a new PA101.
    tomorrow = [
        "1.001193,Đăng ký lại khai sinh,Cấp xã\n",
        "2.00001,Cấp bản sao trích lục,Cấp xã\n",  # new PA101
        TODAY[2],
        TODAY[0],
        "1.000656,Đăng ký khai tử,Cấp xã\n",  # fixed
    ]
    catalogue.write_text(HEADER + "".join(tomorrow), encoding="utf-8")
    code, report, _ = _run(str(catalogue), "--baseline", str(baseline))
    assert code == 1  # the new PA101 is an error
    assert {(f["code"], f["baseline"]) for f in report["findings"]} == {
        ("2.00001", "new"),
        ("1.00123", "still"),
    }
    assert (report["baseline"]["new"], report["baseline"]["still"]) == (1, 1)
    assert [(e["rule"], e["code"]) for e in report["baseline"]["fixed"]] == [("PA501", "1.000656")]


def test_fail_on_applies_to_new_findings_only(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.csv"
    catalogue.write_text(HEADER + "".join(TODAY), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    _run(str(catalogue), "--write-baseline", str(baseline))
    code, report, _ = _run(str(catalogue), "--baseline", str(baseline))
    assert code == 0 and report["baseline"]["new"] == 0 and report["findings"]


def test_rich_report_says_what_was_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the paths, given whole, are shown relative to it
    catalogue = tmp_path / "c.csv"
    catalogue.write_text(HEADER + "".join(TODAY), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    _run(str(catalogue), "--write-baseline", str(baseline))
    catalogue.write_text(HEADER + TODAY[0] + TODAY[2], encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(catalogue), "--baseline", str(baseline)])
    assert "Against the baseline baseline.json: 0 new, 1 still present, 1 fixed" in result.stdout
    assert "fixed PA501: c.csv › 1.000656 › Đăng ký khai tử" in result.stdout
    assert result.exit_code == 0


def test_a_bad_baseline_is_exit_2(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.csv"
    catalogue.write_text(HEADER + TODAY[0], encoding="utf-8")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    code, _, stderr = _run(str(catalogue), "--baseline", str(tmp_path / "bad.json"))
    assert code == 2 and str(tmp_path / "bad.json") in stderr
    code, _, stderr = _run(str(catalogue), "--write-baseline", str(tmp_path / "no" / "b.json"))
    assert code == 2 and "does not exist" in stderr


def test_sarif_and_jsonl_carry_the_baseline_state(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.csv"
    catalogue.write_text(HEADER + TODAY[0], encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    _run(str(catalogue), "--write-baseline", str(baseline))
    catalogue.write_text(HEADER + TODAY[0] + TODAY[1], encoding="utf-8")
    runner = CliRunner()
    sarif = json.loads(
        runner.invoke(
            app, ["check", str(catalogue), "-f", "sarif", "--baseline", str(baseline)]
        ).stdout
    )
    states = {r["ruleId"]: r["baselineState"] for r in sarif["runs"][0]["results"]}
    assert states == {"PA101": "unchanged", "PA501": "new"}
    lines = runner.invoke(
        app, ["check", str(catalogue), "-f", "jsonl", "--baseline", str(baseline)]
    ).stdout.splitlines()
    assert sorted(json.loads(line)["baseline"] for line in lines) == ["new", "still"]


# --- which file a recorded finding belongs to ------------------------------------------------


def _catalogue(path: Path, rows: list[str] = TODAY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _split(report: dict) -> tuple[int, int, int, int]:
    """(new, still present, fixed, not checked) of a run against its baseline."""
    split = report["baseline"]
    return split["new"], split["still"], len(split["fixed"]), split["unchecked"]


def test_a_file_of_the_same_name_in_another_folder_is_not_the_recorded_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _catalogue(tmp_path / "prov" / "lao-cai" / "danh-muc.csv")
    _catalogue(tmp_path / "prov" / "yen-bai" / "danh-muc.csv")
    _run("prov/lao-cai/danh-muc.csv", "--write-baseline", "b.json")

    code, report, _ = _run("prov/yen-bai/danh-muc.csv", "--baseline", "b.json")
    assert code == 1 and _split(report) == (2, 0, 0, 2)  # all new; lao-cai's not checked
    code, report, _ = _run("prov", "--baseline", "b.json")
    assert code == 1 and _split(report) == (2, 2, 0, 0)
    assert {f["file"] for f in report["findings"] if f["baseline"] == "new"} == {
        "prov/yen-bai/danh-muc.csv"
    }


def test_a_run_from_another_folder_or_by_absolute_paths_still_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    _catalogue(data / "lao-cai" / "danh-muc.csv")
    _catalogue(data / "yen-bai" / "danh-muc.csv")
    monkeypatch.chdir(tmp_path)
    _run("data", "--write-baseline", "data/b.json")
    recorded = json.loads((data / "b.json").read_text(encoding="utf-8"))
    assert {e["file"] for e in recorded["findings"]} == {
        "lao-cai/danh-muc.csv",  # relative to the baseline's folder
        "yen-bai/danh-muc.csv",
    }
    for folder, paths in [
        (tmp_path, [str(data)]),  # absolute paths
        (data / "lao-cai", ["danh-muc.csv", "../yen-bai/danh-muc.csv"]),  # another folder
        (tmp_path, ["data/./lao-cai/../yen-bai/danh-muc.csv", "data/lao-cai/danh-muc.csv"]),
    ]:
        monkeypatch.chdir(folder)
        code, report, _ = _run(*paths, "--baseline", str(data / "b.json"))
        assert (code, _split(report)) == (0, (0, 4, 0, 0)), (folder, paths)


def test_a_baseline_copied_elsewhere_matches_by_the_files_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _catalogue(tmp_path / "data" / "lao-cai.csv")
    _catalogue(tmp_path / "data" / "yen-bai.csv")
    _run("data", "--write-baseline", "b.json")
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "b.json").write_bytes((tmp_path / "b.json").read_bytes())
    code, report, _ = _run("data", "--baseline", "keep/b.json")
    assert code == 0 and _split(report) == (0, 4, 0, 0)


def test_an_older_baseline_is_matched_by_name_where_the_name_says_which_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    catalogue = _catalogue(tmp_path / "lao-cai" / "danh-muc.csv")
    _run(str(catalogue), "--write-baseline", "b.json")
    # As procaudit wrote it before: no "paths" key, each file as the run was given it.
    document = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    del document["paths"]
    for entry in document["findings"]:
        entry["file"] = "danh-muc.csv"
    (tmp_path / "b.json").write_text(json.dumps(document), encoding="utf-8")

    code, report, _ = _run("lao-cai", "--baseline", "b.json")
    assert code == 0 and _split(report) == (0, 2, 0, 0)
    # Two files of that name: the name no longer says which it was.
    _catalogue(tmp_path / "yen-bai" / "danh-muc.csv")
    code, report, _ = _run("lao-cai", "yen-bai", "--baseline", "b.json")
    assert code == 1 and _split(report) == (4, 0, 0, 2)


# --- what the run could not check is neither fixed nor forgotten -----------------------------


def test_a_ratchet_keeps_the_findings_of_a_file_that_could_not_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first, second = _catalogue(tmp_path / "a.csv"), _catalogue(tmp_path / "b.csv")
    _run("a.csv", "b.csv", "--write-baseline", "base.json")
    second.write_text("", encoding="utf-8")  # tonight's export failed

    code, report, stderr = _run(
        "a.csv", "b.csv", "--baseline", "base.json", "--write-baseline", "base.json"
    )
    assert code == 2 and _split(report) == (0, 2, 0, 2)
    assert "procaudit: note: the baseline base.json keeps 2 recorded findings" in stderr
    assert "in b.csv" in stderr
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert sorted(e["file"] for e in recorded["findings"]) == ["a.csv", "a.csv", "b.csv", "b.csv"]

    _catalogue(second)  # the next night it is back, as it was
    code, report, _ = _run(str(first), str(second), "--baseline", "base.json")
    assert code == 0 and _split(report) == (0, 4, 0, 0)


def test_the_findings_of_rules_that_did_not_run_are_not_checked_not_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _catalogue(tmp_path / "c.csv")  # PA101 and PA501
    _run("c.csv", "--write-baseline", "full.json")

    code, report, _ = _run("c.csv", "--baseline", "full.json", "--select", "PA5")
    assert code == 0 and _split(report) == (0, 1, 0, 1)  # PA101 did not run
    terminal = CliRunner().invoke(
        app,
        ["check", "c.csv", "--baseline", "full.json", "--select", "PA5"],
        env={"COLUMNS": "200"},
    )
    assert "full.json: 0 new, 1 still present, 0 fixed, 1 not checked" in terminal.stdout
    _run("c.csv", "--baseline", "full.json", "--select", "PA5", "--write-baseline", "pa5.json")
    code, report, _ = _run("c.csv", "--baseline", "pa5.json")
    assert code == 0 and _split(report) == (0, 2, 0, 0)  # PA101's finding was kept


def test_a_rule_whose_column_went_missing_is_not_checked_on_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    catalogue = tmp_path / "c.csv"
    catalogue.write_text(
        'Mã TTHC,Tên thủ tục,Cấp thực hiện,"Mẫu đơn, tờ khai"\n'
        "1.00123,Đăng ký khai sinh,Cấp xã,\n"  # PA101, and PA301: no form
        "1.000656,Đăng ký khai tử,Cấp xã,Tờ khai.docx\n",
        encoding="utf-8",
    )
    _run("c.csv", "--write-baseline", "b.json")
    # The forms column is gone tonight: PA301 cannot run on the file.
    catalogue.write_text(
        "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
        "1.00123,Đăng ký khai sinh,Cấp xã\n"
        "1.000656,Đăng ký khai tử,Cấp xã\n",
        encoding="utf-8",
    )
    code, report, _ = _run("c.csv", "--baseline", "b.json")
    assert code == 0 and _split(report) == (0, 1, 0, 1)
    assert report["baseline"]["fixed"] == []
