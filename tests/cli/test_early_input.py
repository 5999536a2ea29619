"""The one input of a check, read from the command line before typer is imported
(`cli.early_input`): as click's parser reads it, or not at all."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from procaudit.cli.early_input import CHECK_OPTIONS, ROOT_OPTIONS, parse_ahead, single_input
from procaudit.cli.main import app
from procaudit.core.limits import MAX_FILE_SIZE_MB, MB


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "a.csv"], "a.csv"),
        (["check", "a.csv", "-q", "--exit-zero", "-f", "json", "-o", "x.csv"], "a.csv"),
        (["check", "-o", "report.csv", "a.csv"], "a.csv"),  # an output is no input
        (["check", "--output", "report.csv", "a.csv"], "a.csv"),
        (["check", "--output=report.csv", "a.csv"], "a.csv"),
        (["check", "-fjson", "a.csv"], "a.csv"),  # a short option's value written with it
        (["check", "-qf", "json", "a.csv"], "a.csv"),  # a flag, then an option and its value
        (["check", "--select", "PA101", "--select", "PA201", "a.csv"], "a.csv"),
        (["--lang", "vi", "check", "a.csv"], "a.csv"),  # the root's option and its value
        (["check", "--", "-a.csv"], "-a.csv"),  # after "--", every word is an input
        (["check", "-", "--quiet"], "-"),  # standard input, which the reader refuses
        (["check", "a.csv", "b.csv"], None),  # several inputs: the workers read them
        (["check", "--reference", "national.csv"], None),  # no input at all
        (["check"], None),
        ([], None),
        (["inspect", "a.csv"], None),  # another command
        (["--version"], None),
        (["check", "a.csv", "--help"], None),  # typer prints the help and stops
        (["check", "--bogus", "a.csv"], None),  # typer refuses the command line
        (["check", "-Z", "a.csv"], None),
        (["check", "--quiet=yes", "a.csv"], None),  # a flag takes no value
        (["check", "-o"], None),  # an option's value missing
    ],
)
def test_the_single_input_is_read_as_click_reads_the_command_line(
    args: list[str], expected: str | None
) -> None:
    assert single_input(args) == expected


@pytest.mark.parametrize("which", ["root", "check"])
def test_every_option_is_read_as_its_parser_reads_it(which: str) -> None:
    """The table's names of the options that take a value, and of the flags, agree with the
    click command typer builds (and its group, for the root's): an option added later and
    not to the table fails here."""
    group = typer.main.get_command(app)
    command = group if which == "root" else group.commands["check"]  # type: ignore[attr-defined]
    valued: set[str] = set()
    flags: set[str] = set()
    for param in command.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        names = {*param.opts, *param.secondary_opts}
        (flags if param.is_flag or param.count else valued).update(names)
    table = ROOT_OPTIONS if which == "root" else CHECK_OPTIONS
    assert (table.valued, table.flags) == (valued, flags), "early_input's table of options"
    assert valued and flags  # the comparison compares something


def test_a_check_of_one_file_starts_its_parse_before_typer_reads_the_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from procaudit.app import early_read

    started: list[tuple[str, int]] = []
    monkeypatch.setattr(
        early_read, "start_reading_early", lambda path, size: started.append((path, size))
    )
    parse_ahead(["check", "a.csv", "-o", "out.csv"])
    parse_ahead(["check", "a.csv", "b.csv"])
    parse_ahead(["check", "a.csv", "--max-file-size", "1"])  # a lower limit: refused unread
    assert started == [("a.csv", MAX_FILE_SIZE_MB * MB)]


def test_the_console_script_starts_the_parse_before_importing_typer_or_pandas() -> None:
    # In a process of its own: this one has typer imported already.
    code = (
        "import sys\n"
        "from procaudit.io import read_ahead\n"
        "def started(path, size):\n"
        "    print(path, 'typer' in sys.modules, 'pandas' in sys.modules)\n"
        "    raise SystemExit(0)\n"
        "read_ahead.start_reading = started\n"
        "sys.argv = ['procaudit', 'check', '-q', 'a.csv']\n"
        "from procaudit.cli.launch import run\n"
        "run()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (out.returncode, out.stdout.strip(), out.stderr) == (0, "a.csv False False", "")
