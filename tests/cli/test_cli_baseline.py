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
