"""The catalogue files a command line names: files, folders (searched recursively) and glob
patterns the shell did not expand ('data/**/*.xlsx'), in a stable order.

A named file is taken as it is, whatever its name, for the reader to accept or refuse. A
folder or a pattern gives the catalogue files in it, sorted: those with a catalogue's
extension, except hidden files and folders and the lock files Excel leaves beside an open
workbook (~$lao-cai.xlsx). A folder without a catalogue, or a pattern matching none, is
an input that gives nothing: one sentence for the user, as for a file that cannot be read.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final

from procaudit.core.findings import AuditResult, FileFailure
from procaudit.core.i18n import t

CATALOGUE_EXTENSIONS: Final = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")
_GLOB_CHARACTERS: Final = frozenset("*?[")
_LOCK_PREFIX: Final = "~$"


@dataclass(frozen=True)
class Inputs:
    """What the arguments gave: the files to audit, and the arguments that gave none."""

    paths: tuple[str, ...]
    failures: tuple[FileFailure, ...] = ()

    def with_failures(self, result: AuditResult) -> AuditResult:
        """The audit's result with the arguments that gave no file among its failures."""
        return replace(result, failures=(*self.failures, *result.failures))


def expand_inputs(arguments: Iterable[str]) -> Inputs:
    """The files of each argument in turn, each file once (the first time it comes)."""
    paths: dict[str, str] = {}  # "a/b.csv" -> the path as first spelled ("./a/b.csv")
    failures: list[FileFailure] = []
    for argument in arguments:
        found = _files_of(argument)
        if found is not None and not found:
            failures.append(FileFailure(argument, f"{argument}: {_nothing_in(argument)}"))
        for path in [argument] if found is None else found:
            paths.setdefault(os.path.normpath(path), path)
    return Inputs(tuple(paths.values()), tuple(failures))


def is_catalogue_name(name: str) -> bool:
    """Whether a file found in a folder or by a pattern is a catalogue to audit."""
    return name.lower().endswith(CATALOGUE_EXTENSIONS) and not name.startswith((".", _LOCK_PREFIX))


def _files_of(argument: str) -> list[str] | None:
    """The catalogues a folder or a pattern gives; None for anything else (a file, or a
    path that does not exist, which the reader will report)."""
    if os.path.isdir(argument):
        return _catalogues_in(argument)
    if os.path.lexists(argument) or not _GLOB_CHARACTERS.intersection(argument):
        return None
    found: list[str] = []
    for match in sorted(glob.glob(argument, recursive=True)):
        if os.path.isdir(match):
            found.extend(_catalogues_in(match))
        elif is_catalogue_name(os.path.basename(match)):
            found.append(match)
    return found


def _catalogues_in(folder: str) -> list[str]:
    """Every catalogue under `folder`, in sorted order of its path within the folder (a
    folder's files together); hidden folders are not entered."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        inside = os.path.relpath(root, folder)
        parts = () if inside == os.curdir else tuple(inside.split(os.sep))
        found.extend(
            ((*parts, name), os.path.normpath(os.path.join(root, name)))
            for name in files
            if is_catalogue_name(name)
        )
    return [path for _, path in sorted(found)]


def _nothing_in(argument: str) -> str:
    extensions = ", ".join(CATALOGUE_EXTENSIONS)
    if os.path.isdir(argument):
        return t(
            "is a folder with no catalogue file in it ({extensions})",
            "là thư mục không chứa tệp danh mục nào ({extensions})",
            extensions=extensions,
        )
    return t(
        "matches no catalogue file ({extensions})",
        "không khớp với tệp danh mục nào ({extensions})",
        extensions=extensions,
    )
