"""The language procaudit speaks: English or Vietnamese (`--lang`, `PROCAUDIT_LANG`).

Every user-facing string is written in both languages where it is made, `t("Procedures",
"Thủ tục")`, so that a translation can never go missing or drift from its catalogue entry.
Rule ids, column names in machine formats and JSON keys stay the same in both languages.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Final

LANGUAGES: Final = ("en", "vi")
ENVIRONMENT: Final = "PROCAUDIT_LANG"

_current = "en"


def language() -> str:
    """The language of this run: "en" or "vi"."""
    return _current


def set_language(lang: str) -> None:
    """Speak `lang` from now on; a ValueError names the languages there are."""
    global _current
    lang = lang.strip().lower()
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    _current = lang


def language_from_environment() -> str | None:
    """PROCAUDIT_LANG's language, or None when it is not set (an empty value is not set)."""
    return os.environ.get(ENVIRONMENT, "").strip().lower() or None


def help_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of `--help`: the last `--lang vi` or `--lang=vi` in `argv` (before or after
    the command name), else PROCAUDIT_LANG in `environ`, else "en".

    Typer builds the help when the command line is imported, before it parses anything, so
    this reads the raw arguments. A value that is no language gives English help: the run
    itself reports the bad value, should it get that far.
    """
    flag = None
    for index, argument in enumerate(argv):
        if argument == "--":  # what follows is file names, not options
            break
        if argument == "--lang" and index + 1 < len(argv):
            flag = argv[index + 1]
        elif argument.startswith("--lang="):
            flag = argument.partition("=")[2]
    if flag is None:
        flag = environ.get(ENVIRONMENT, "")  # empty: not set, like language_from_environment
    chosen = flag.strip().lower()
    return chosen if chosen in LANGUAGES else "en"


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak `lang` inside the block (tests, and a report rendered in another language)."""
    before = _current
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def t(en: str, vi: str, /, **values: object) -> str:
    """The string in the current language, its {placeholders} filled from `values`."""
    text = vi if _current == "vi" else en
    return text.format(**values) if values else text


def first_few(names: Sequence[str], most: int, more: tuple[str, str], separator: str = ", ") -> str:
    """The first `most` of `names` joined, then how many others there are in `more`
    (English, Vietnamese, with {more}): "a.xlsx, b.xlsx and 5 more files"."""
    shown = separator.join(names[:most])
    left = len(names) - most
    return shown + t(*more, more=left) if left > 0 else shown


def number(count: int) -> str:
    """85,000 in English, 85.000 in Vietnamese (the dot groups thousands there)."""
    text = f"{count:,}"
    return text.replace(",", ".") if _current == "vi" else text
