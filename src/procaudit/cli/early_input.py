"""What a run sets up before typer and the commands are imported: the environment's
defaults for the libraries it loads, and the parse of a check's one CSV file.

Importing the command line takes ~0.1 s on one core (typer, click, pydantic, the commands
and the use cases below them), and typer 0.29 then converts each of `check`'s ~30
arguments with a pydantic adapter before the command runs: a file's parse started only by
the command waited for both. Here the command line is read as click's parser will read it,
from a table of the options that take a value and of the flags (a test holds the table to
the click command typer builds), so that a run of one CSV file has it parsed on pyarrow's
threads meanwhile. A wrong reading would cost a parse, never a result: the reader takes
what was parsed ahead only for the file it reads, unchanged (`io.read_ahead`).

Free of typer and of pandas: the console script (`cli.launch`) runs this first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from procaudit.core import collector
from procaudit.core.limits import MAX_FILE_SIZE_MB, MB

# Arrow's memory from the C allocator, not from mimalloc (pyarrow's default), unless the user
# chose: mimalloc keeps pages the kernels freed, and a 1M-row check peaked ~90 MB higher with
# it. Read by pyarrow when first imported, which is after this.
ARROW_POOL = "system"

# numpy's OpenBLAS starts a thread per core as numpy is imported, and each spins ~0.1 s
# waiting for work that never comes (procaudit does no linear algebra): on 2 cores, a core
# taken from the first file's parse, in every process of a run. One thread (none started)
# unless the user chose. Read by OpenBLAS when numpy is first imported, after this.
BLAS_THREADS = "1"


@dataclass(frozen=True)
class OptionNames:
    """A command's options as its parser reads them: the names (every spelling) of those
    taking a value, and of the flags."""

    valued: frozenset[str]
    flags: frozenset[str]


# The root's options and `check`'s, as typer declares them (cli/root.py, cli/check.py and
# the shared ones in cli/options.py); --help is read apart, as a stop.
ROOT_OPTIONS = OptionNames(valued=frozenset({"--lang"}), flags=frozenset({"--version"}))
CHECK_OPTIONS = OptionNames(
    valued=frozenset(
        {
            *("--baseline", "--config", "--exclude", "--fail-on", "--fix-list", "--format"),
            *("--forms-dir", "--group-by", "--header-row", "--history", "--ignore", "--jobs"),
            *("--lang", "--log", "--map", "--max-cell-length", "--max-cells"),
            *("--max-file-size", "--max-per-rule", "--online-target", "--output"),
            *("--reference", "--schema", "--select", "--sheet", "--write-baseline"),
            *("-f", "-j", "-o"),
        }
    ),
    flags=frozenset({"--csv-safe", "--every-row", "--exit-zero", "--quiet", "-q"}),
)

# What ends option parsing, and what makes a run print something and stop.
_END_OF_OPTIONS = "--"
_STOPS = frozenset({"--help", "--version"})


def prepare(args: Sequence[str]) -> None:
    """Make the collector nearly idle while the modules load, set the libraries' defaults
    in the environment (the user's own settings kept), and start the parse of a check's
    one file, `args` being the command line after the program's name. A second call finds
    it done."""
    collector.loading()  # the engine says `loaded` when the work begins
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", BLAS_THREADS)
    parse_ahead(args)


def parse_ahead(args: Sequence[str]) -> None:
    """A check of one file has it parsed from here on, within the default size limit (a
    file that is no CSV is left to the reader). With a --max-file-size of the user's, it is
    parsed once the command runs, as before: a file over a lower limit must be refused
    unread."""
    if any(arg.startswith("--max-file-size") for arg in args):
        return
    path = single_input(args)
    if path is not None:
        from procaudit.app.early_read import start_reading_early

        start_reading_early(path, MAX_FILE_SIZE_MB * MB)


def single_input(args: Sequence[str]) -> str | None:
    """The only input `args` gives `check`; None when it names another command, several
    inputs or none, asks for help or the version, or holds an option typer would refuse."""
    words = iter(args)
    try:
        if next(_positionals(words, ROOT_OPTIONS), None) != "check":
            return None
        found = list(_positionals(words, CHECK_OPTIONS))
    except _Refused:
        return None
    return found[0] if len(found) == 1 else None


class _Refused(Exception):
    """The command line holds what this reading does not follow: typer will say what."""


def _positionals(words: Iterator[str], options: OptionNames) -> Iterator[str]:
    """The positional arguments of `words`, read as click's parser reads them, taken from
    `words` one by one (the caller may stop at one); `_Refused` for a stop or an unknown
    option."""
    for word in words:
        if word == _END_OF_OPTIONS:
            yield from words
            return
        if word in _STOPS:
            raise _Refused
        if word.startswith("--"):
            name = word.split("=", 1)[0]
            if name in options.valued:
                if "=" not in word:
                    next(words, None)
            elif name not in options.flags or "=" in word:
                raise _Refused
        elif word.startswith("-") and len(word) > 1:
            _short(word, words, options)
        else:
            yield word


def _short(word: str, words: Iterator[str], options: OptionNames) -> None:
    """Short options written together ("-qf json", "-fjson"): flags, then at most one option
    taking a value, its value the rest of the word or the next word."""
    for at in range(1, len(word)):
        name = f"-{word[at]}"
        if name in options.valued:
            if at == len(word) - 1:
                next(words, None)
            return
        if name not in options.flags:
            raise _Refused
