"""The README's recipes (cron, GitHub Actions, GitLab CI, pre-commit) and .pre-commit-hooks.yaml.

The recipes are read out of the README itself, so a recipe edited into something that does not
parse, or does not run, fails here. Every `procaudit` command in them is run on a copy of the
sample (which has findings, so a gate exits 1), and the reports it writes are checked.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import typer.main
import yaml
from typer.testing import CliRunner

from conftest import README, ROOT
from procaudit.cli import app

HOOKS = ROOT / ".pre-commit-hooks.yaml"
SAMPLE = ROOT / "samples" / "catalogue-lao-cai.xlsx"
SAMPLE_CSV = ROOT / "samples" / "catalogue-lao-cai.csv"
FIXED_DATE = "2025-08-15"

runner = CliRunner()

# The keys pre-commit documents for a hook in .pre-commit-hooks.yaml
# (https://pre-commit.com/#creating-new-hooks), and its languages.
HOOK_KEYS = {
    "id", "name", "entry", "language", "files", "exclude", "types", "types_or",
    "exclude_types", "always_run", "fail_fast", "verbose", "pass_filenames", "require_serial",
    "description", "language_version", "minimum_pre_commit_version", "args", "stages",
}  # fmt: skip
HOOK_REQUIRED = {"id", "name", "entry", "language"}


# --- reading the recipes out of the README ----------------------------------------------------


def recipes_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.find("\n## Recipes\n")
    assert start >= 0, "README.md has no '## Recipes' section"
    end = text.find("\n## ", start + 1)
    assert end > start, "the Recipes section is not followed by another section"
    return text[start:end]


def code_blocks(language: str) -> list[str]:
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", recipes_section(), flags=re.M | re.S)
    return [body for lang, body in blocks if lang == language]


def yaml_recipes() -> list[Any]:
    return [yaml.safe_load(block) for block in code_blocks("yaml")]


def the_recipe(test) -> Any:
    found = [doc for doc in yaml_recipes() if isinstance(doc, dict) and test(doc)]
    assert len(found) == 1, f"expected one such YAML recipe, found {len(found)}"
    return found[0]


def github_workflow() -> dict:
    return the_recipe(lambda doc: "jobs" in doc)


def gitlab_job() -> dict:
    jobs = the_recipe(lambda doc: any(isinstance(v, dict) and "script" in v for v in doc.values()))
    return next(job for job in jobs.values() if isinstance(job, dict) and "script" in job)


def precommit_config() -> dict:
    return the_recipe(lambda doc: "repos" in doc)


def shell_lines(text: str) -> list[str]:
    """The lines of a script, with backslash-continued lines joined."""
    return [line.strip() for line in re.sub(r"\\\n\s*", " ", text).splitlines() if line.strip()]


def procaudit_commands(node: Any) -> list[str]:
    """Every `procaudit ...` line in the strings of a parsed YAML document."""
    if isinstance(node, str):
        return [line for line in shell_lines(node) if line.startswith("procaudit ")]
    if isinstance(node, dict):
        return [cmd for value in node.values() for cmd in procaudit_commands(value)]
    if isinstance(node, list):
        return [cmd for item in node for cmd in procaudit_commands(item)]
    return []


def ci_commands() -> list[str]:
    return procaudit_commands(github_workflow()) + procaudit_commands(gitlab_job())


def hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    assert len(hooks) == 1
    return hooks[0]


# --- running a recipe's command through the CLI and checking what it wrote ---------------------

_CHECK = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
VALUE_OPTIONS = {
    opt: param.name
    for param in _CHECK.params
    if param.param_type_name == "option" and not param.is_flag
    for opt in param.opts
}


def parse_command(line: str, where: Path) -> tuple[list[str], dict[str, str]]:
    """The CLI arguments of a recipe's command, with the inputs it names copied into `where`.

    An input is the sample, put where the recipe's path (or glob) names it, and the glob is
    expanded as the shell would. Returns the arguments and the options given, by parameter name.
    """
    tokens = shlex.split(line)
    assert tokens[:2] == ["procaudit", "check"], line
    args: list[str] = []
    options: dict[str, str] = {}
    rest = tokens[2:]
    while rest:
        token = rest.pop(0)
        if token.startswith("--") and "=" in token:
            token, value = token.split("=", 1)
            rest.insert(0, value)
        if token in VALUE_OPTIONS:
            assert rest, f"{token} has no value in {line!r}"
            value = rest.pop(0)
            options[VALUE_OPTIONS[token]] = value
            args += [token, value]
        elif token.startswith("-"):
            args.append(token)
        else:
            target = where / token.replace("*", SAMPLE.stem)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(SAMPLE, target)
            matches = sorted(glob.glob(token, root_dir=where))
            assert matches, f"{token} matches no file"
            args += matches
    return args, options


def check_report(fmt: str, text: str, findings: int) -> None:
    """The report is valid in its format and holds `findings` findings."""
    if fmt == "json":
        report = json.loads(text)
        assert len(report["findings"]) == findings
    elif fmt == "sarif":
        report = json.loads(text)
        assert report["version"] == "2.1.0"
        assert report["runs"][0]["tool"]["driver"]["name"] == "procaudit"
        assert len(report["runs"][0]["results"]) == findings
    elif fmt == "junit":
        root = ET.fromstring(text)
        assert len(list(root.iter("failure"))) == findings
    elif fmt == "gitlab":
        report = json.loads(text)
        assert isinstance(report, list)
        assert len(report) == findings
        assert all(issue["fingerprint"] for issue in report)
    elif fmt == "github":
        lines = text.splitlines()
        assert len(lines) == findings
        assert all(re.match(r"::(error|warning|notice) file=", line) for line in lines), text
    else:
        pytest.fail(f"test_recipes.py has no check for --format {fmt}: add one")


def check_fix_list(path: Path, findings: int) -> None:
    assert path.is_file(), f"no fix-list at {path}"
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    else:
        sheet = openpyxl.load_workbook(path).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == findings + 1  # a header and one row per finding


@pytest.fixture(scope="module")
def sample_findings(tmp_path_factory) -> int:
    """How many findings the sample has, from its JSON report."""
    copy = tmp_path_factory.mktemp("sample") / SAMPLE.name
    shutil.copy(SAMPLE, copy)
    result = runner.invoke(app, ["check", str(copy), "--format", "json"])
    assert result.exit_code == 1, result.output
    count = len(json.loads(result.stdout)["findings"])
    assert count > 0
    return count


# --- the section itself -----------------------------------------------------------------------


def test_recipes_section_comes_just_before_the_schema() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.count("\n## Recipes\n") == 1
    after = text[text.index("\n## Recipes\n") + len("\n## Recipes\n") :]
    next_heading = re.search(r"^## .*$", after, flags=re.M)
    assert next_heading is not None
    assert next_heading.group(0) == "## The schema"


def test_recipes_have_a_crontab_and_three_yaml_blocks() -> None:
    assert len(code_blocks("sh")) == 1
    assert len(code_blocks("yaml")) == 3
    assert all(doc is not None for doc in yaml_recipes())


def test_ci_recipes_cover_the_ci_formats() -> None:
    formats = set()
    for line in ci_commands():
        tokens = shlex.split(line)
        formats.add(tokens[tokens.index("--format") + 1])
    assert {"github", "sarif", "junit", "gitlab"} <= formats


# --- GitHub Actions ---------------------------------------------------------------------------


def test_github_workflow_annotates_and_uploads_sarif() -> None:
    workflow = github_workflow()
    assert workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    (job,) = workflow["jobs"].values()
    assert job["runs-on"]
    assert job["permissions"]["security-events"] == "write"
    steps = job["steps"]
    assert any(step.get("uses", "").startswith("actions/checkout@") for step in steps)
    assert any("pip install" in step.get("run", "") for step in steps)

    commands = procaudit_commands(steps)
    assert any("--format github" in cmd and "--output" not in cmd for cmd in commands)
    (sarif_command,) = [cmd for cmd in commands if "--format sarif" in cmd]
    sarif_file = shlex.split(sarif_command)[shlex.split(sarif_command).index("--output") + 1]

    (upload,) = [s for s in steps if s.get("uses") == "github/codeql-action/upload-sarif@v3"]
    assert upload["if"] == "always()"
    assert upload["with"]["sarif_file"] == sarif_file
    # the SARIF report is written even when the annotation step (the gate) fails
    (sarif_step,) = [s for s in steps if "--format sarif" in s.get("run", "")]
    assert sarif_step["if"] == "always()"
    assert steps.index(sarif_step) < steps.index(upload)


# --- GitLab CI --------------------------------------------------------------------------------


def output_of(commands: list[str], fmt: str) -> str:
    (command,) = [cmd for cmd in commands if f"--format {fmt}" in cmd]
    tokens = shlex.split(command)
    return tokens[tokens.index("--output") + 1]


def test_gitlab_job_reports_junit_and_code_quality() -> None:
    job = gitlab_job()
    commands = procaudit_commands(job["script"])
    reports = job["artifacts"]["reports"]
    assert reports["junit"] == output_of(commands, "junit")
    assert reports["codequality"] == output_of(commands, "gitlab")
    assert job["artifacts"]["when"] == "always"
    # the last command is the gate; the ones before it cannot end the script early
    assert "--fail-on never" not in commands[-1]
    assert all("--fail-on never" in cmd for cmd in commands[:-1])


# --- pre-commit -------------------------------------------------------------------------------


def test_precommit_hooks_file_uses_documented_keys() -> None:
    entry = hook()
    assert set(entry) <= HOOK_KEYS
    assert set(entry) >= HOOK_REQUIRED
    assert entry["id"] == "procaudit"
    assert entry["entry"] == "procaudit check"
    assert entry["language"] == "python"
    assert entry["pass_filenames"] is True
    assert entry["require_serial"] is False


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("danh-muc.xlsx", True),
        ("catalogues/2025/Lao Cai.xlsm", True),
        ("old.xls", True),
        ("libre.ods", True),
        ("export.csv", True),
        ("UPPER.XLSX", True),
        ("notes.txt", False),
        ("danh-muc.xlsx.bak", False),
        ("README.md", False),
        ("xlsx", False),
    ],
)
def test_precommit_hook_files_regex(path: str, matches: bool) -> None:
    # pre-commit matches `files` with Python's re.search on the path from the repository root
    assert bool(re.search(hook()["files"], path)) is matches


def test_precommit_snippet_names_the_hook() -> None:
    config = precommit_config()
    (repo,) = config["repos"]
    assert repo["repo"]
    assert repo["rev"]
    assert [h["id"] for h in repo["hooks"]] == [hook()["id"]]


def test_precommit_hook_entry_runs_on_changed_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    shutil.copy(SAMPLE_CSV, tmp_path / SAMPLE_CSV.name)
    entry = hook()
    command = [*shlex.split(entry["entry"]), *entry.get("args", [])]
    assert command[0] == "procaudit"
    # pre-commit appends the changed files that match `files` to the entry
    files = [name for name in (SAMPLE.name, SAMPLE_CSV.name) if re.search(entry["files"], name)]
    assert files == [SAMPLE.name, SAMPLE_CSV.name]
    result = runner.invoke(app, [*command[1:], *files])
    assert result.exit_code == 1, result.output
    assert SAMPLE.name in result.stdout
    assert SAMPLE_CSV.name in result.stdout


# --- every procaudit command of the CI recipes, run -------------------------------------------


def commands_to_run() -> list[str]:
    """The CI recipes' commands, or one that fails if they cannot be read (not at collection)."""
    try:
        return ci_commands()
    except (AssertionError, yaml.YAMLError) as error:
        return [f"the CI recipes could not be read: {error}"]


@pytest.mark.parametrize("line", commands_to_run())
def test_ci_recipe_command_runs(line: str, tmp_path: Path, monkeypatch, sample_findings) -> None:
    monkeypatch.chdir(tmp_path)
    args, options = parse_command(line, tmp_path)
    result = runner.invoke(app, ["check", *args])
    expected = 0 if options.get("fail_on") == "never" else 1
    assert result.exit_code == expected, result.output
    fmt = options.get("output_format", "rich")
    if "output" in options:
        assert result.stdout == ""
        report = (tmp_path / options["output"]).read_text(encoding="utf-8")
    else:
        report = result.stdout
    check_report(fmt, report, sample_findings)
    if "fix_list" in options:
        check_fix_list(tmp_path / options["fix_list"], sample_findings)


# --- cron -------------------------------------------------------------------------------------


def crontab_command() -> str:
    (block,) = code_blocks("sh")
    entries = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    settings = [line for line in entries if re.match(r"^[A-Z_]+=", line)]
    schedules = [line for line in entries if line not in settings]
    assert len(schedules) == 1, schedules
    match = re.match(r"^((?:\S+\s+){5})(.*)$", schedules[0])
    assert match, schedules[0]
    fields = match.group(1).split()
    assert all(re.fullmatch(r"[\d*,/-]+", field) for field in fields), fields
    return match.group(2)


def test_crontab_escapes_percent_signs() -> None:
    command = crontab_command()
    assert "%" in command
    assert not re.search(r"(?<!\\)%", command), "an unescaped % ends a crontab command"


def test_crontab_date_expression_gives_a_date() -> None:
    command = crontab_command()
    expressions = set(re.findall(r"\$\(date [^)]*\)", command))
    assert len(expressions) == 1, expressions
    # cron hands the line to sh after turning `\%` into `%`
    expression = next(iter(expressions)).replace("\\%", "%")
    out = subprocess.run(
        ["bash", "-c", f"echo {expression}"], capture_output=True, text=True, check=True
    )
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\n", out.stdout)


def cron_job(folder: Path) -> Any:
    """A function running the crontab's command in `folder` as cron would on a given night
    (`$(date +\\%F)` gives that date), with the procaudit under test first on the PATH."""
    command = crontab_command()
    match = re.match(r"^cd \S+ && (.*)$", command)
    assert match, command
    command = match.group(1)
    assert command.count("$(date +\\%F)") == 2

    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "procaudit").is_file(), "procaudit is not installed next to python"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}

    def run(night: str = FIXED_DATE) -> subprocess.CompletedProcess[str]:
        tonight = command.replace("$(date +\\%F)", night)
        done = subprocess.run(
            ["bash", "-c", tonight], cwd=folder, env=env, capture_output=True, text=True
        )
        assert done.stdout == ""  # cron mails what a job prints: the log and reports hold it all
        assert done.stderr == ""
        return done

    return run


# One line per run in the log (procaudit.app.run_log): the time, the counts, the exit code.
RUN_LINE = re.compile(
    r"\S+ files=(\d+) errors=(\d+) warnings=(\d+) infos=(\d+) unread=(\d+) exit=([012])"
)


@pytest.mark.slow
def test_crontab_command_keeps_dated_reports_and_a_log(tmp_path: Path, sample_findings) -> None:
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    run = cron_job(tmp_path)

    assert run().returncode == 1  # the sample has findings
    reports = tmp_path / "reports"
    report = reports / f"{FIXED_DATE}.json"
    check_report("json", report.read_text(encoding="utf-8"), sample_findings)
    check_fix_list(reports / f"{FIXED_DATE}-sua-loi.xlsx", sample_findings)
    log = reports / "procaudit.log"
    assert log.is_file()
    assert '"findings"' not in log.read_text(encoding="utf-8")  # the report is not in the log

    # the next night a broken workbook has been dropped in: its error goes to the log, the
    # sample is still reported, and last night's fix-list is not audited as a catalogue
    (tmp_path / "hong.xlsx").write_text("not a workbook", encoding="utf-8")
    assert run().returncode == 2
    lines = log.read_text(encoding="utf-8").splitlines()
    assert "hong.xlsx" in lines[-2]  # the error, then the night's line
    assert RUN_LINE.fullmatch(lines[-1])
    assert lines[-1].endswith(" unread=1 exit=2")
    check_report("json", report.read_text(encoding="utf-8"), sample_findings)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "catalogue-lao-cai.xlsx",
        "hong.xlsx",
        "reports",
    ]


@pytest.mark.slow
def test_crontab_runs_twice_over_its_own_outputs_and_a_lock_file(
    tmp_path: Path, sample_findings
) -> None:
    # issue 17: the folder holds the workbook, the lock file Excel left beside it (someone
    # has it open), LibreOffice's, and earlier outputs kept under it (fix-lists and reports).
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    (tmp_path / f"~${SAMPLE.name}").write_bytes(b"\x0bNguyen Van A" + b"\x00" * 150)
    (tmp_path / f".~lock.{SAMPLE.name}#").write_text(",Nguyen Van A,may-1,15.08.2025 08:00,")
    (tmp_path / "reports").mkdir()
    for earlier in ("cu-sua-loi.csv", "cu-sua-loi.xlsx"):
        result = runner.invoke(
            app,
            [
                "check",
                "-q",
                str(tmp_path / SAMPLE.name),
                "--fix-list",
                f"{tmp_path}/reports/{earlier}",
            ],
        )
        assert result.exit_code == 1, result.output
    result = runner.invoke(
        app,
        [
            "check",
            "-q",
            str(tmp_path / SAMPLE.name),
            "-f",
            "csv",
            "-o",
            f"{tmp_path}/reports/cu.csv",
        ],
    )
    assert result.exit_code == 1, result.output
    run = cron_job(tmp_path)
    log = tmp_path / "reports" / "procaudit.log"

    counts = []
    for number, night in enumerate(("2025-08-14", FIXED_DATE), start=1):
        done = run(night)
        assert done.returncode in (0, 1)
        lines = log.read_text(encoding="utf-8").splitlines()
        assert len(lines) == number, lines  # exactly one line per run, nothing else
        match = RUN_LINE.fullmatch(lines[-1])
        assert match, lines[-1]
        assert match.group(6) == str(done.returncode)
        counts.append(match.groups()[:5])
        report = tmp_path / "reports" / f"{night}.json"
        check_report("json", report.read_text(encoding="utf-8"), sample_findings)
        check_fix_list(tmp_path / "reports" / f"{night}-sua-loi.xlsx", sample_findings)
    first, second = counts
    assert first == second  # the second night did not audit the first night's fix-list
    assert first[0] == "1" and first[4] == "0"  # one catalogue; the lock files not among them
