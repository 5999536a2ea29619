"""The one file a `procaudit check` audits, told from its command line before typer reads it.

typer 0.29 converts each argument with a pydantic adapter: before a command runs, it imports
pydantic and builds an adapter for each of the command's ~30 parameters, ~0.1 s on one core
(cProfile), and only the command could start its file's parse (`app.check.reading_ahead`).
Here the command line is read as typer will read it, from the commands' own annotations
(which options take a value, which are flags), so a run of one CSV file has it parsed on
pyarrow's threads meanwhile. A wrong reading would cost a parse, never a result: the reader
takes what was parsed ahead only for the file it reads, unchanged (`io.read_ahead`).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from typer.models import ArgumentInfo, OptionInfo

# What ends option parsing, and what makes a run print something and stop.
_END_OF_OPTIONS = "--"
_STOPS = frozenset({"--help", "--version"})


class OptionNames:
    """A command's options as its parser reads them: the names of those taking a value, and
    of the flags."""

    def __init__(self, callback: Callable[..., Any]) -> None:
        self.valued: set[str] = set()
        self.flags: set[str] = set()
        for name, annotation in callback.__annotations__.items():
            info = _option_info(annotation)
            if info is None:
                continue
            flag = bool(info.count) or _is_bool(annotation)
            # In `Annotated`, Option's first argument is a name, not the default (as typer
            # reads it: `typer.utils`); without names, typer names it after the parameter.
            first = () if info.default is ... else (str(info.default),)
            named: tuple[str, ...] = (*first, *(info.param_decls or ()))
            if not named:
                spelt = name.replace("_", "-")
                named = (f"--{spelt}/--no-{spelt}" if flag and not info.count else f"--{spelt}",)
            for declared in named:
                for spelling in declared.split("/"):  # "--csv-safe/--no-csv-safe"
                    (self.flags if flag else self.valued).add(spelling.strip())


def single_input(
    root: Callable[..., Any], command: str, callback: Callable[..., Any], args: Sequence[str]
) -> str | None:
    """The only input `args` (the command line after the program's name) gives `command`,
    read with the root's and the command's options; None when it names another command,
    several inputs or none, asks for help or the version, or holds an option typer would
    refuse. The annotations must be read already (`help.read_annotations`)."""
    words = iter(args)
    try:
        if next(_positionals(words, OptionNames(root)), None) != command:
            return None
        found = list(_positionals(words, OptionNames(callback)))
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


def _option_info(annotation: Any) -> OptionInfo | None:
    if get_origin(annotation) is not Annotated:
        return None
    for meta in annotation.__metadata__:
        if isinstance(meta, OptionInfo):
            return meta
        if isinstance(meta, ArgumentInfo):
            return None
    return None


def _is_bool(annotation: Any) -> bool:
    """Whether the option's type is bool (or bool | None): typer makes it a flag."""
    kind = get_args(annotation)[0]
    if get_origin(kind) in (Union, types.UnionType):
        kinds = [k for k in get_args(kind) if k is not type(None)]
        kind = kinds[0] if len(kinds) == 1 else None
    return kind is bool
