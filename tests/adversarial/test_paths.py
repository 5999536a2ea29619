"""One bad path never sinks a run (issue 20): a file name that is not UTF-8, a path in a folder
the user may not enter, a glob over a symlink loop. Through the real CLI: the exit code, the
one sentence, the other files audited, nothing changed, and an end in bounded time."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from runner import GOOD_CSV, IS_ROOT, errors_of, run, shared_folder, snapshot

from conftest import SAMPLES

pytestmark = pytest.mark.slow  # every case is a subprocess

BAD = os.fsdecode(b"bad\xff.csv")  # "bad\udcff.csv": a name copied from an old Windows share
BAD_WORKBOOK = os.fsdecode(b"wb\xfe.xlsx")


@pytest.fixture
def folder() -> Iterator[Path]:
    yield from shared_folder()


@pytest.fixture
def odd_names(folder: Path) -> Path:
    """good.csv beside a CSV and a workbook whose names are not UTF-8."""
    shutil.copy(GOOD_CSV, folder / "good.csv")
    try:
        shutil.copy(GOOD_CSV, folder / BAD)
        shutil.copy(SAMPLES / "catalogue-lao-cai.xlsx", folder / BAD_WORKBOOK)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    return folder


# How each format names a file whose name is not UTF-8 (b"bad\xff.csv"): the text formats
# by procaudit's shown name, each undecodable byte written `\xff` (a literal backslash), as
# its messages, history and baseline do and as `procaudit check` takes back; SARIF by a URI,
# which names a file by its bytes, percent-encoded.
SHOWN = {"good.csv", "bad\\xff.csv", "wb\\xfe.xlsx"}
AS_URI = {"good.csv", "bad%FF.csv", "wb%FE.xlsx"}


def _named(output_format: str, written: str) -> set[str]:
    """The files a machine report names its findings by, exactly as it writes them."""
    if output_format == "json":
        return {f["file"] for f in json.loads(written)["findings"]}
    if output_format == "jsonl":
        return {json.loads(line)["file"] for line in written.splitlines()}
    if output_format == "csv":
        return {row["file"] for row in csv.DictReader(io.StringIO(written, newline=""))}
    if output_format == "github":
        return {line.split("file=")[1].split(",")[0] for line in written.splitlines()}
    if output_format == "gitlab":
        return {issue["location"]["path"] for issue in json.loads(written)}
    if output_format == "junit":
        return {suite.get("name") for suite in ET.fromstring(written).iter("testsuite")}
    assert output_format == "sarif"
    results = json.loads(written)["runs"][0]["results"]
    return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}


@pytest.mark.parametrize(
    "output_format", ["json", "jsonl", "csv", "github", "gitlab", "junit", "sarif"]
)
def test_a_name_that_is_not_utf8_is_named_one_way_in_each_machine_format(
    odd_names: Path, output_format: str
) -> None:
    result = run("check", ".", "-f", output_format, "-o", f"out.{output_format}", cwd=odd_names)
    assert result.returncode == 1, result.stderr  # findings, no failure
    assert errors_of(result) == []
    written = (odd_names / f"out.{output_format}").read_text(encoding="utf-8")
    assert _named(output_format, written) == (AS_URI if output_format == "sarif" else SHOWN)


@pytest.mark.parametrize("output_format", ["html", "markdown"])
def test_a_name_that_is_not_utf8_is_shown_escaped_in_the_human_formats(
    odd_names: Path, output_format: str
) -> None:
    result = run("check", ".", "-f", output_format, "-o", f"out.{output_format}", cwd=odd_names)
    assert result.returncode == 1 and errors_of(result) == []
    written = (odd_names / f"out.{output_format}").read_text(encoding="utf-8")
    assert "bad\\xff.csv" in written and "wb\\xfe.xlsx" in written and "good.csv" in written


def test_the_terminal_report_history_and_baseline_hold_such_a_name(odd_names: Path) -> None:
    before = snapshot(odd_names)
    result = run("check", ".", "--history", "h.db", "--write-baseline", "b.json", cwd=odd_names)
    assert result.returncode == 1 and errors_of(result) == []
    assert "bad\\xff.csv" in result.stdout and "wb\\xfe.xlsx" in result.stdout
    assert "in 3 files" in result.stdout
    baseline = (odd_names / "b.json").read_text(encoding="utf-8")
    assert "bad\\\\xff.csv" in baseline  # JSON's escape of the backslash
    history = run("history", "h.db", "-f", "json", cwd=odd_names)
    assert history.returncode == 0 and errors_of(history) == []
    paths = [file["path"] for file in json.loads(history.stdout)["files"]]
    assert sorted(paths) == ["bad\\xff.csv", "good.csv", "wb\\xfe.xlsx"]
    again = run("check", ".", "--baseline", "b.json", cwd=odd_names)
    assert again.returncode == 0 and "0 new since the" in again.stdout
    assert {p: b for p, b in snapshot(odd_names).items() if p in before} == before


def test_inspect_and_diff_name_such_a_file_escaped(odd_names: Path) -> None:
    inspected = run("inspect", BAD, cwd=odd_names)
    assert inspected.returncode == 0 and errors_of(inspected) == []
    assert inspected.stdout.startswith("bad\\xff.csv")
    diffed = run("diff", BAD, "good.csv", cwd=odd_names)
    assert diffed.returncode == 0 and errors_of(diffed) == []
    assert "bad\\xff.csv → good.csv: no changes" in diffed.stdout


def test_a_failure_of_such_a_file_is_one_sentence(folder: Path) -> None:
    shutil.copy(GOOD_CSV, folder / "good.csv")
    (folder / os.fsdecode(b"g\xff.xlsx")).write_bytes(b"garbage\x00")
    result = run("check", ".", cwd=folder)
    assert result.returncode == 2
    assert errors_of(result) == [
        "procaudit: error: g\\xff.xlsx: is not an Excel workbook (it may be damaged or "
        "another kind of file)"
    ]
    assert "in 1 file" in result.stdout
    report = run("check", ".", "-f", "json", cwd=folder)
    assert json.loads(report.stdout)["unread"] == [
        {
            "path": "g\\xff.xlsx",
            "message": "g\\xff.xlsx: is not an Excel workbook (it may be damaged or another "
            "kind of file)",
        }
    ]


# --- a folder the user may not enter ------------------------------------------------------


@pytest.fixture
def locked(folder: Path) -> Path:
    """good.csv beside `locked/`, a folder nobody but root may enter, holding a catalogue,
    a reference and a forms folder; `forms-link` and `forms/x.pdf` lead into it."""
    shutil.copy(GOOD_CSV, folder / "good.csv")
    inside = folder / "locked"
    (inside / "forms").mkdir(parents=True)
    shutil.copy(GOOD_CSV, inside / "in.csv")
    shutil.copy(GOOD_CSV, inside / "ref.csv")
    (folder / "forms-link").symlink_to(inside / "forms")
    (folder / "forms").mkdir()
    (folder / "forms" / "x.pdf").symlink_to(inside / "forms" / "x.pdf")
    inside.chmod(0)
    if not IS_ROOT and os.access(inside / "in.csv", os.R_OK):
        pytest.skip("this user enters every folder")
    return folder


DENIED = "(Permission denied)"


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("check", "good.csv", "locked/in.csv"), f"locked/in.csv: cannot be read {DENIED}"),
        (("check", "good.csv", "-o", "locked/o.json"), "--output locked/o.json: cannot be written"),
        (
            ("check", "good.csv", "--write-baseline", "locked/b.json"),
            "--write-baseline locked/b.json: cannot be written",
        ),
        (("check", "good.csv", "--fix-list", "locked/f.csv"), "--fix-list locked/f.csv: cannot"),
        (("check", "good.csv", "--history", "locked/h.db"), "--history locked/h.db: cannot be"),
        (("check", "good.csv", "--config", "locked/c.toml"), "--config locked/c.toml: cannot be"),
        (
            ("check", "good.csv", "--reference", "locked/ref.csv"),
            f"locked/ref.csv: cannot be used as the reference: cannot be read {DENIED}",
        ),
        (
            ("check", "good.csv", "--forms-dir", "locked/forms"),
            f"--forms-dir locked/forms: cannot be read {DENIED}",
        ),
        (
            ("check", "good.csv", "--forms-dir", "forms-link"),
            f"--forms-dir forms-link: cannot be read {DENIED}",
        ),
        (("diff", "good.csv", "locked/in.csv"), f"locked/in.csv: cannot be read {DENIED}"),
        (("inspect", "locked/in.csv"), f"locked/in.csv: cannot be read {DENIED}"),
        (("history", "locked/h.db"), f"locked/h.db: cannot be read {DENIED}"),
    ],
)
def test_a_path_in_a_folder_one_may_not_enter_is_one_sentence(
    locked: Path, args: tuple[str, ...], sentence: str
) -> None:
    before = snapshot(locked)
    result = run(*args, cwd=locked, as_user=True)
    assert result.returncode == 2, result.stderr
    errors = errors_of(result)
    assert len(errors) == 1 and sentence in errors[0], errors
    if args[:3] == ("check", "good.csv", "locked/in.csv"):  # the other file is audited
        assert "in 1 file" in result.stdout
    assert snapshot(locked) == before
    assert sorted(os.listdir(locked)) == ["forms", "forms-link", "good.csv", "locked"]


def test_a_link_into_such_a_folder_leaves_the_rest_of_the_forms_folder(locked: Path) -> None:
    result = run("check", "good.csv", "--forms-dir", "forms", "-q", cwd=locked, as_user=True)
    assert result.returncode == 1 and errors_of(result) == []


# --- globs over links -------------------------------------------------------------------


@pytest.fixture
def looped(folder: Path) -> Path:
    """data/a.csv and data/sub/b.csv, with links back up the tree (and a hidden copy)."""
    (folder / "data" / "sub").mkdir(parents=True)
    (folder / "data" / ".hidden").mkdir()
    shutil.copy(GOOD_CSV, folder / "data" / "a.csv")
    shutil.copy(GOOD_CSV, folder / "data" / "sub" / "b.csv")
    shutil.copy(GOOD_CSV, folder / "data" / ".hidden" / "h.csv")
    (folder / "data" / "sub" / "loop").symlink_to("..")
    (folder / "data" / "loop2").symlink_to(".")
    (folder / "a-link.csv").symlink_to("data/a.csv")
    return folder


@pytest.mark.parametrize(
    ("pattern", "cwd", "expected"),
    [
        ("data/**/*.csv", ".", ["data/a.csv", "data/sub/b.csv"]),
        ("**/*.csv", "data", ["a.csv", "sub/b.csv"]),
        ("data/**/b.csv", ".", ["data/sub/b.csv"]),
    ],
)
def test_a_glob_over_a_link_loop_ends_and_gives_each_file_once(
    looped: Path, pattern: str, cwd: str, expected: list[str]
) -> None:
    result = run("check", pattern, "-f", "json", "-o", looped / "out.json", cwd=looped / cwd)
    assert result.returncode == 1 and errors_of(result) == []
    files = json.loads((looped / "out.json").read_text(encoding="utf-8"))["files"]
    assert [file["path"] for file in files] == expected


def test_one_file_by_two_names_is_audited_once(looped: Path) -> None:
    result = run("check", "data/a.csv", "a-link.csv", "./data/a.csv", "-q", cwd=looped)
    assert result.returncode == 1 and errors_of(result) == []
    assert "in 1 file" in result.stdout
