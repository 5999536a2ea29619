"""`reported_path`: one name for a file in every report, however the file was given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from procaudit.core.paths import reported_path

# (given, from the folder) -> as reported; the run's folder is `tmp_path/run`.
CASES = [
    ("a.csv", "a.csv"),
    ("./a.csv", "a.csv"),
    ("ci//a.csv", "ci/a.csv"),
    ("ci/../ci/a.csv", "ci/a.csv"),
    ("{run}/ci/a.csv", "ci/a.csv"),  # absolute, under the run's folder
    ("../data/a.csv", "{tmp}/data/a.csv"),  # outside it: absolute, without ".."
    ("{tmp}/data/./a.csv", "{tmp}/data/a.csv"),
    ("link/../a.csv", "{tmp}/data/a.csv"),  # `link` is data/sub: ".." leads to data/
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_a_path_is_reported_relative_under_the_current_folder_else_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, expected: str
) -> None:
    run, data = tmp_path / "run", tmp_path / "data"
    (run / "ci").mkdir(parents=True)
    (data / "sub").mkdir(parents=True)
    (run / "link").symlink_to(data / "sub")
    monkeypatch.chdir(run)
    names = {"run": str(run), "tmp": str(tmp_path)}
    assert reported_path(given.format(**names)) == expected.format(**names).replace("/", os.sep)


def test_a_name_that_is_not_utf8_is_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert reported_path(str(tmp_path / os.fsdecode(b"ci/bad\xff.csv"))) == "ci/bad\\xff.csv"
