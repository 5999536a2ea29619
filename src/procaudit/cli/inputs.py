"""The catalogue files a command line names: files, folders (searched recursively) and glob
patterns the shell did not expand ('data/**/*.xlsx'), in a stable order.

A named file is taken as it is, whatever its name, for the reader to accept or refuse, with
one exception: a lock file an office program leaves beside an open workbook (Excel's
~$lao-cai.xlsx, LibreOffice's .~lock.lao-cai.xlsx#), which an unquoted shell glob names on
any night someone left the workbook open. It is skipped with a note, never audited.

A folder or a pattern gives the catalogue files in it, sorted: those with a catalogue's
extension, except hidden files and folders, lock files, what `--exclude` patterns match, and
the reports and fix-lists procaudit wrote itself (`procaudit.app.own_outputs`), so that a
nightly run over a folder that keeps its reports does not audit them. What a scan finds that
is not a regular file (a named pipe, a socket, a device) is skipped with a note before
anything opens it: opening a pipe waits for a writer forever. A folder without a
catalogue, or a pattern matching none, is an input that gives nothing: one sentence for the
user, as for a file that cannot be read.

A `-`, standard input for Unix tools, is refused in one sentence saying so (unless a file
has that name): procaudit reads files.

A file is audited once however often it comes, by any name (its device and inode: a second
spelling, a symlink or a hard link to it); a second name other than a mere respelling is
named in a note.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from procaudit.core.findings import AuditResult, FileFailure
from procaudit.core.i18n import t
from procaudit.core.paths import shown_path

CATALOGUE_EXTENSIONS: Final = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")
_GLOB_CHARACTERS: Final = frozenset("*?[")
_STDIN: Final = "-"  # standard input, for Unix tools
_LOCK_PREFIX: Final = "~$"  # Excel's, beside the workbook it locks
_LIBREOFFICE_LOCK: Final = (".~lock.", "#")  # LibreOffice's: .~lock.lao-cai.xlsx#


@dataclass(frozen=True)
class Inputs:
    """What the arguments gave: the files to audit, the arguments that gave none, and what
    was left out on the way (said in notes)."""

    paths: tuple[str, ...]
    failures: tuple[FileFailure, ...] = ()
    lock_files: tuple[str, ...] = ()  # named on the command line, skipped
    own_outputs: int = 0  # procaudit's own reports and fix-lists left out of the scan
    not_files: tuple[tuple[str, str], ...] = ()  # (path, what it is): pipes, sockets, devices
    duplicates: tuple[tuple[str, str], ...] = ()  # (path, the path it is audited as)
    scanned: frozenset[str] = frozenset()  # the paths a folder or a pattern gave

    def with_failures(self, result: AuditResult) -> AuditResult:
        """The audit's result with the arguments that gave no file among its failures."""
        return replace(result, failures=(*self.failures, *result.failures))

    def notes(self) -> list[str]:
        """What was left out, for stderr: each lock file named, and the own outputs once."""
        notes = [
            t(
                "{path}: skipped: a lock file an office program keeps beside an open "
                "workbook, not a catalogue",
                "{path}: bỏ qua: tệp khóa do phần mềm văn phòng tạo ra khi một bảng tính "
                "đang mở, không phải danh mục",
                path=shown_path(path),
            )
            for path in self.lock_files
        ]
        notes += [
            t(
                "{path}: skipped: {kind}, not a file to audit",
                "{path}: bỏ qua: {kind}, không phải tệp để kiểm tra",
                path=shown_path(path),
                kind=kind,
            )
            for path, kind in self.not_files
        ]
        notes += [
            t(
                "{path}: skipped: the same file as {other} (another name of it), audited once",
                "{path}: bỏ qua: chính là tệp {other} (một tên khác của tệp đó), chỉ kiểm tra "
                "một lần",
                path=shown_path(path),
                other=shown_path(other),
            )
            for path, other in self.duplicates
        ]
        if self.own_outputs:
            notes.append(
                t(
                    "left out {files} procaudit wrote itself (reports, fix-lists) found "
                    "in the folders scanned; name a file to audit it anyway",
                    "đã bỏ qua {count} tệp do chính procaudit ghi ra (báo cáo, danh sách "
                    "cần sửa) trong các thư mục được quét; ghi rõ tên tệp nếu vẫn muốn "
                    "kiểm tra tệp đó",
                    count=self.own_outputs,
                    files="1 file" if self.own_outputs == 1 else f"{self.own_outputs} files",
                )
            )
        return notes


def expand_inputs(arguments: Iterable[str], exclude: Sequence[str] = ()) -> Inputs:
    """The files of each argument in turn, each file once (the first time it comes); what a
    folder or a pattern gives leaves out the `exclude` globs' matches (see `is_excluded`),
    what is not a regular file and procaudit's own outputs."""
    from procaudit.app.own_outputs import is_own_output

    paths: dict[object, str] = {}  # the file (see `_same_file_key`) -> the path first given
    duplicates: list[tuple[str, str]] = []
    failures: list[FileFailure] = []
    locks: list[str] = []
    not_files: list[tuple[str, str]] = []
    scanned: set[str] = set()
    own_outputs = 0
    patterns = tuple(pattern.rstrip("/") for pattern in exclude if pattern.rstrip("/"))

    def take(path: str) -> None:
        first = paths.setdefault(_same_file_key(path), path)
        if os.path.normpath(first) != os.path.normpath(path):
            duplicates.append((path, first))

    for argument in arguments:
        if (refused := stdin_refused(argument)) is not None:
            failures.append(FileFailure(argument, refused))
            continue
        found = _files_of(argument, patterns)
        if found is None:  # a file named: the user's to ask for, unless it is a lock file
            if is_lock_file(os.path.basename(argument)):
                locks.append(argument)
            else:
                take(argument)
            continue
        kept = []
        for path in found:  # nothing opens a path before it is known to be a regular file
            if kind := _not_a_file(path):
                not_files.append((path, kind))
            elif is_own_output(path):
                own_outputs += 1
            else:
                kept.append(path)
        if not kept:
            shown = shown_path(argument)
            failures.append(FileFailure(shown, f"{shown}: {_nothing_in(argument)}"))
        for path in kept:
            take(path)
            scanned.add(path)
    if not paths and not failures and locks:  # nothing but lock files: nothing to audit
        failures.append(FileFailure(locks[0], _only_lock_files(locks)))
    chosen = tuple(paths.values())
    return Inputs(
        chosen,
        tuple(failures),
        tuple(locks),
        own_outputs,
        tuple(not_files),
        tuple(duplicates),
        frozenset(scanned.intersection(chosen)),
    )


def stdin_refused(argument: str) -> str | None:
    """The sentence for `-`, which Unix tools read as standard input, where no file of that
    name exists: procaudit reads files only (a workbook cannot be streamed, and a CSV's
    encoding and delimiter are judged on its bytes), and "-: no such file" would not say so."""
    if argument != _STDIN or os.path.lexists(argument):
        return None
    return t(
        "-: procaudit does not read a catalogue from standard input; save it to a file and "
        "name that file",
        "-: procaudit không đọc danh mục từ đầu vào chuẩn (stdin); hãy lưu vào một tệp và "
        "ghi tên tệp đó",
    )


def is_catalogue_name(name: str) -> bool:
    """Whether a file found in a folder or by a pattern is a catalogue to audit."""
    extension = name.lower().endswith(CATALOGUE_EXTENSIONS)
    return extension and not name.startswith(".") and not is_lock_file(name)


def is_lock_file(name: str) -> bool:
    """Whether a file name is an office program's lock file: Excel's ~$name.xlsx (also
    .xls, .ods...) or LibreOffice's .~lock.name.xlsx#."""
    start, end = _LIBREOFFICE_LOCK
    return name.startswith(_LOCK_PREFIX) or (name.startswith(start) and name.endswith(end))


def is_excluded(relative: str, patterns: Sequence[str]) -> bool:
    """Whether an `--exclude` glob matches a path found by a scan (relative to the folder
    scanned, or as a pattern matched it): the path itself, its name, or a folder it is in,
    by its path or its name ('reports', 'archive/*', '*-old.xlsx')."""
    parts = [part for part in relative.replace(os.sep, "/").split("/") if part not in ("", ".")]
    for depth in range(1, len(parts) + 1):
        within, name = "/".join(parts[:depth]), parts[depth - 1]
        if any(fnmatch.fnmatch(within, p) or fnmatch.fnmatch(name, p) for p in patterns):
            return True
    return False


def _files_of(argument: str, exclude: Sequence[str]) -> list[str] | None:
    """The catalogues a folder or a pattern gives; None for anything else (a file, or a
    path that does not exist, which the reader will report)."""
    if os.path.isdir(argument):
        return _catalogues_in(argument, exclude)
    if os.path.lexists(argument) or not _GLOB_CHARACTERS.intersection(argument):
        return None
    found: list[str] = []
    for match in sorted(_glob(argument)):
        if is_excluded(match, exclude):
            continue
        if os.path.isdir(match):
            found.extend(_catalogues_in(match, exclude))
        elif is_catalogue_name(os.path.basename(match)):
            found.append(match)
    return found


def _glob(pattern: str) -> list[str]:
    """What `glob.glob(pattern, recursive=True)` gives, with each real folder under a `**`
    entered once: glob follows a link back up the tree (loop -> ..) until the path is too
    long, giving each file again under every longer name, and two such links never end."""
    parts = pattern.split(os.sep)
    if "**" not in parts:
        return glob.glob(pattern)
    at = parts.index("**")
    head, rest = os.sep.join(parts[:at]), os.sep.join(parts[at + 1 :])
    found: list[str] = []
    for base in glob.glob(head) if head else [os.curdir]:
        if not rest:  # 'data/**': the folder, which is searched whole
            found.append(base)
            continue
        for folder in _folders_under(base):
            below = os.path.join(glob.escape(folder), rest)
            matches = _glob(below)
            found.extend(m.removeprefix(os.curdir + os.sep) if not head else m for m in matches)
    return found


def _folders_under(base: str) -> Iterable[str]:
    """`base` and every folder under it but hidden ones, links followed, each real folder
    once (by device and inode), so that a link loop ends."""
    seen: set[tuple[int, int]] = set()
    for root, folders, _ in os.walk(base, followlinks=True):
        try:
            status = os.stat(root)
        except OSError:
            folders[:] = []
            continue
        if (status.st_dev, status.st_ino) in seen:
            folders[:] = []
            continue
        seen.add((status.st_dev, status.st_ino))
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        yield root


def _catalogues_in(folder: str, exclude: Sequence[str]) -> list[str]:
    """Every catalogue under `folder`, in sorted order of its path within the folder (a
    folder's files together); hidden and excluded folders are not entered."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, folders, files in os.walk(folder):
        inside = os.path.relpath(root, folder)
        parts = () if inside == os.curdir else tuple(inside.split(os.sep))
        folders[:] = [
            name
            for name in folders
            if not name.startswith(".") and not is_excluded("/".join((*parts, name)), exclude)
        ]
        found.extend(
            ((*parts, name), os.path.normpath(os.path.join(root, name)))
            for name in files
            if is_catalogue_name(name) and not is_excluded("/".join((*parts, name)), exclude)
        )
    return [path for _, path in sorted(found)]


def _same_file_key(path: str) -> object:
    """What every name of one file shares ("./a/b.csv", "a/b.csv", a symlink or a hard link
    to it): its device and inode; the path as written when it has none (missing, or a link
    loop the reader names)."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return os.path.normpath(path)
    return (status.st_dev, status.st_ino)


def _not_a_file(path: str) -> str | None:
    """What a path a scan found is when it is no regular file (a named pipe, a socket, a
    device), in words; None for a file, and for what cannot be looked at (the reader says
    why)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return t("a named pipe", "một pipe có tên (FIFO)")
    if stat.S_ISSOCK(mode):
        return t("a socket", "một socket")
    return t("a device", "một thiết bị")


def _only_lock_files(locks: Sequence[str]) -> str:
    return t(
        "nothing to audit: the only files named are lock files an office program keeps "
        "beside open workbooks ({paths})",
        "không có gì để kiểm tra: các tệp được nêu chỉ là tệp khóa do phần mềm văn phòng "
        "tạo ra khi bảng tính đang mở ({paths})",
        paths=", ".join(map(shown_path, locks)),
    )


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
