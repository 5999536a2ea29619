"""Which file of a baseline each file of a run is.

A baseline records each file by its path relative to the baseline's own folder (with `/`),
so that a run made from another folder, or naming its files by absolute paths, finds them
again. A run's file named otherwise (the folders moved, the baseline copied elsewhere, a
baseline written before paths were recorded so) is a recorded file when the two paths end
alike (the file's name at least) and no other file on either side ends as much like them:
`lao-cai/danh-muc.xlsx` and `yen-bai/danh-muc.xlsx` are never taken for each other, and
two files named `danh-muc.xlsx` on one side are matched by their folders or not at all.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

_SEPARATORS = re.compile(r"[\\/]+")  # a baseline written on Windows is read on Linux too


def recorded_path(path: str, folder: str) -> str:
    """`path` (a run's, relative to the current folder or absolute) as a baseline in
    `folder` records it: relative to `folder`, with `/`; absolute where no relative path
    leads there (another drive)."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, folder)
    except ValueError:
        return absolute.replace(os.sep, "/")
    return relative.replace(os.sep, "/")


def pair_files(
    run: Iterable[str], recorded: Iterable[str], folder: str, relative: bool = True
) -> dict[str, str]:
    """Each of the run's files (as the run names them) -> the recorded file it is (as the
    baseline in `folder` records it). `relative`: the recorded paths are relative to
    `folder`; a baseline of an older procaudit recorded them as its run was given them,
    relative to a folder it did not say (this one or the current one, most likely).

    A recorded path that leads to a file is that file: it is paired with the run's file of
    that path, and never taken by its name for another (a baseline of `lao-cai/danh-muc.xlsx`
    says nothing of `yen-bai/danh-muc.xlsx`)."""
    run, recorded = list(dict.fromkeys(run)), list(dict.fromkeys(recorded))
    bases = [folder] if relative else [folder, _here(folder)]
    leads_to = {path: [_same(os.path.join(base, path)) for base in bases] for path in recorded}
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    where = {place: path for path in recorded for place in reversed(leads_to[path])}
    for path in run:
        found = where.get(_same(path))
        if found is not None and found not in taken:
            pairs[path] = found
            taken.add(found)
    # Another file, there still: not one of the run's under another name.
    taken.update(path for path in recorded if any(map(os.path.isfile, leads_to[path])))
    run_ends = {path: _ends(os.path.abspath(path)) for path in run}
    recorded_ends = {path: _ends(path) for path in recorded}
    run_by_name, recorded_by_name = _by_name(run_ends), _by_name(recorded_ends)
    for path in run:
        ends = run_ends[path]
        if path in pairs or not ends:
            continue
        best = _only_best(ends, recorded_by_name.get(ends[0], []), recorded_ends)
        if best is None or best in taken:
            continue
        if _only_best(recorded_ends[best], run_by_name[ends[0]], run_ends) == path:
            pairs[path] = best
            taken.add(best)
    return pairs


def _here(otherwise: str) -> str:
    try:
        return os.getcwd()
    except OSError:  # the current folder was deleted
        return otherwise


def _same(path: str) -> str:
    """What names one file among paths: absolute, normalised, in the system's case."""
    return os.path.normcase(os.path.abspath(path))


def _ends(path: str) -> tuple[str, ...]:
    """The path's parts, the file's name first: "a/b/c.xlsx" -> ("c.xlsx", "b", "a")."""
    return tuple(part for part in reversed(_SEPARATORS.split(path)) if part not in ("", "."))


def _by_name(ends: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    by_name: dict[str, list[str]] = defaultdict(list)
    for path, parts in ends.items():
        if parts:
            by_name[parts[0]].append(path)
    return by_name


def _only_best(
    ends: tuple[str, ...], candidates: Sequence[str], their_ends: dict[str, tuple[str, ...]]
) -> str | None:
    """The one candidate whose path ends most like `ends`; None where two end as much alike."""
    scored = [(_common_end(ends, their_ends[candidate]), candidate) for candidate in candidates]
    if not scored:
        return None
    top = max(score for score, _ in scored)
    best = [candidate for score, candidate in scored if score == top]
    return best[0] if top and len(best) == 1 else None


def _common_end(first: tuple[str, ...], second: tuple[str, ...]) -> int:
    count = 0
    for one, other in zip(first, second, strict=False):
        if one != other:
            break
        count += 1
    return count
