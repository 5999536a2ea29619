"""Every command of the README's "Using it" section runs, as a new user types it after the
quick start (issue 17).

The commands are read out of the README's `sh` blocks in that section and run through the CLI
in a folder that holds the files they name (copies of the sample, a schema, a form folder, a
workbook with a sheet "Cấp xã" and its header on row 4), with unquoted globs expanded as the
shell would. A command may find defects (exit 1) but must not fail (exit 2) or trace back.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import README, REAL_DATA, ROOT, SAMPLES
from procaudit.cli import app

runner = CliRunner()
SAMPLE = SAMPLES / "catalogue-lao-cai.xlsx"
SAMPLE_CSV = SAMPLES / "catalogue-lao-cai.csv"
# The one-stop export of Phú Thọ the README shows: real data, not in the repository.
PTO = REAL_DATA / "phutho-motcua-2022" / "PTO.xls"


def using_it() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Using it\n")
    return text[start : text.index("\n## ", start + 1)]


def commands() -> list[str]:
    """The procaudit lines of the section's sh blocks (not the crontab schedule, which the
    Recipes' tests run, nor the line that activates the virtualenv)."""
    blocks = re.findall(r"^```sh\n(.*?)^```", using_it(), flags=re.M | re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if re.match(r"^([A-Z_]+=\S+ )*procaudit ", line)]


def test_using_it_starts_by_activating_the_quick_starts_virtualenv() -> None:
    first = re.search(r"^```sh\n(.*?)\n", using_it(), flags=re.M)
    assert first is not None and first.group(1).startswith("source .venv/bin/activate")
    quick_start = README.read_text(encoding="utf-8").split("\n## Using it\n")[0]
    assert "python3 -m venv .venv" in quick_start


def annex(path: Path) -> None:
    """A workbook for the overrides: sheet "Cấp xã", a title block, the header on row 4, with
    headers procaudit does not know beside the ones it does ("Số hiệu", "Tên gọi khác")."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cấp xã"
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ"])
    sheet.append(["(Kèm theo Quyết định số 1890/QĐ-UBND ngày 15/8/2025)"])
    sheet.append([])
    sheet.append(["STT", "Số hiệu", "Tên thủ tục", "Tên gọi khác", "Cấp thực hiện"])
    sheet.append([1, "1.000001", "Đăng ký khai sinh", "Khai sinh", "Cấp xã"])
    sheet.append([2, "1.000002", "Đăng ký kết hôn", "Kết hôn", "Cấp xã"])
    book.save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the section's commands name, made once; each test works on a copy."""
    where = tmp_path_factory.mktemp("using-it")
    for name in ("danh-muc.xlsx", "a.xlsx", "national.xlsx", "cu.xlsx", "moi.xlsx"):
        shutil.copy(SAMPLE, where / name)
    for name in ("danh-muc.csv", "b.csv"):
        shutil.copy(SAMPLE_CSV, where / name)
    shutil.copy(ROOT / "schemas" / "catalogue.yaml", where / "my.yaml")
    (where / "bieu-mau").mkdir()
    (where / "bieu-mau" / "mau-01.docx").write_bytes(b"")
    (where / "danh-muc").mkdir()
    (where / "sua").mkdir()  # fix --output-dir writes into a folder that exists
    shutil.copy(SAMPLE, where / "danh-muc" / "lao-cai.xlsx")
    (where / "khac" / "2025").mkdir(parents=True)
    shutil.copy(SAMPLE, where / "khac" / "2025" / "da-nang.xlsx")
    annex(where / "annex.xlsx")
    if PTO.is_file():
        shutil.copy(PTO, where / "PTO.xls")
    for setup in (
        ["check", "danh-muc.xlsx", "--history", "lich-su.sqlite", "--quiet"],
        ["check", "danh-muc.xlsx", "--write-baseline", "baseline.json", "--quiet"],
    ):
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(where)
            assert runner.invoke(app, setup).exit_code == 1
    return where


def shell_words(line: str, cwd: Path) -> tuple[dict[str, str], list[str]]:
    """The environment and arguments the shell would give procaudit for `line`."""
    words = shlex.split(line, comments=True)
    env = {}
    while "=" in words[0] and words[0] != "procaudit":
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words.pop(0) == "procaudit"
    args: list[str] = []
    for word in words:
        quoted = f"'{word}'" in line or f'"{word}"' in line
        matches = sorted(glob.glob(word, root_dir=cwd)) if "*" in word and not quoted else []
        args += matches or [word]
    return env, args


def test_the_section_has_the_commands_a_new_user_needs() -> None:
    found = commands()
    assert len(found) > 25
    for command in ("check", "inspect", "diff", "rules", "config", "history"):
        assert any(line.split()[1] == command for line in found if " procaudit " not in line)


@pytest.mark.slow
@pytest.mark.parametrize("line", commands())
def test_every_command_runs(
    line: str, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "PTO.xls" in line and not PTO.is_file():
        pytest.skip(f"{PTO} is not present")
    cwd = tmp_path / "work"
    shutil.copytree(folder, cwd)
    monkeypatch.chdir(cwd)
    env, args = shell_words(line, cwd)
    result = runner.invoke(app, args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    for option in ("-o", "--output", "--fix-list", "--write-baseline"):
        if option in args:
            assert (cwd / args[args.index(option) + 1]).is_file(), option


def test_contributors_get_a_fast_subset_and_ci_runs_every_test() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_config = config["tool"]["pytest"]["ini_options"]
    assert any(marker.startswith("slow:") for marker in pytest_config["markers"])
    assert "-m" not in pytest_config["addopts"].split()  # a plain `pytest` runs the slow ones
    assert any(
        extra.startswith("pytest-xdist")
        for extra in config["project"]["optional-dependencies"]["test"]
    )
    readme = README.read_text(encoding="utf-8")
    assert 'pytest -m "not slow"' in readme and "-n auto" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    (run,) = [line for line in ci.splitlines() if "-m pytest" in line]
    assert run.split("-m pytest", 1)[1].split() == ["-q"]
