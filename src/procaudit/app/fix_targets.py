"""Where `procaudit fix` writes each repaired copy, settled and checked before any work.

One input goes to `-o OUT`; several to `--output-dir DIR` under their own names; or each
over itself with `--in-place`, but only after a backup of the original beside it
(`--backup SUFFIX`). Every refusal here is one sentence (a UsageError, exit 2) said before a
file is read: an output naming an input or a state file (a link or hard link to one too), a
folder that does not exist, a format procaudit cannot write, two inputs that would land on
one copy.

Free of pandas: the command line checks its destinations before anything heavy is imported.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from procaudit.app.outputs import check_output, check_paths_apart
from procaudit.core.atomic import target_kind
from procaudit.core.errors import UsageError
from procaudit.core.i18n import t

# The suffixes of the files procaudit reads (io.read's CSV_SUFFIXES and WORKBOOK_SUFFIXES),
# and the suffix a repaired copy of each must have: a CSV stays text, xlsx and xlsm keep
# their format, and the formats procaudit cannot write back (xls, xlsb, ods) become xlsx.
_CSV = frozenset({".csv", ".tsv", ".txt"})
_COPY_SUFFIX = {
    ".xlsx": ".xlsx",
    ".xlsm": ".xlsm",
    ".xls": ".xlsx",
    ".xlsb": ".xlsx",
    ".ods": ".xlsx",
}


@dataclass(frozen=True)
class Destinations:
    """How a fix run writes: the options as given (at most one of the three ways)."""

    output: Path | None = None  # -o: the copy of the one input
    output_dir: Path | None = None  # --output-dir: a copy per input, under its own name
    in_place: bool = False  # --in-place: the input itself, after its backup
    backup: str | None = None  # --backup: the suffix the original's copy gets


def check_destinations(paths: Sequence[str], where: Destinations, diff_only: bool) -> None:
    """A UsageError for options that cannot go together, or that name no place to write."""
    chosen = [
        flag
        for flag, given in (
            ("-o", where.output is not None),
            ("--output-dir", where.output_dir is not None),
            ("--in-place", where.in_place),
        )
        if given
    ]
    if len(chosen) > 1:
        raise UsageError(
            t(
                "{first} and {second} cannot be given together: choose one place to write",
                "không dùng {first} cùng với {second}: hãy chọn một nơi ghi",
                first=chosen[0],
                second=chosen[1],
            )
        )
    if where.backup is not None and not where.in_place:
        raise UsageError(
            t(
                "--backup goes only with --in-place (-o and --output-dir never touch the input)",
                "--backup chỉ dùng cùng --in-place (-o và --output-dir không bao giờ sửa tệp gốc)",
            )
        )
    if where.in_place and not where.backup:
        raise UsageError(
            t(
                "--in-place needs --backup SUFFIX (e.g. --backup .bak): the original is "
                "kept beside the file before it is overwritten",
                "--in-place cần kèm --backup SUFFIX (ví dụ --backup .bak): tệp gốc được giữ "
                "lại bên cạnh trước khi bị ghi đè",
            )
        )
    if where.output is not None and len(paths) > 1:
        raise UsageError(
            t(
                "-o names one file but {count} inputs were given: use --output-dir DIR",
                "-o chỉ ghi được một tệp nhưng có {count} tệp đầu vào: hãy dùng --output-dir DIR",
                count=len(paths),
            )
        )
    if where.output is not None and _is_folder(where.output):
        raise UsageError(
            t(
                "-o {target} is a folder: -o names the copy's file; --output-dir {target} "
                "writes each copy into the folder under its own name",
                "-o {target} là một thư mục: -o chỉ tên tệp bản sao; --output-dir {target} "
                "ghi từng bản sao vào thư mục đó với tên của nó",
                target=where.output,
            )
        )
    if not chosen and not diff_only:
        raise UsageError(
            t(
                "say where the repaired copy goes: -o OUT, --output-dir DIR, or --in-place "
                "--backup SUFFIX (--diff shows the changes without writing)",
                "hãy cho biết nơi ghi bản đã sửa: -o OUT, --output-dir DIR, hoặc --in-place "
                "--backup SUFFIX (--diff chỉ hiển thị thay đổi, không ghi)",
            )
        )
    if where.output_dir is not None and not where.output_dir.is_dir():
        raise UsageError(
            t(
                "--output-dir {folder}: no such folder",
                "--output-dir {folder}: không có thư mục này",
                folder=where.output_dir,
            )
        )


def copy_suffix(path: str) -> str:
    """The suffix the repaired copy of `path` must have; a UsageError for a format procaudit
    does not read (and so cannot repair)."""
    suffix = Path(path).suffix.lower()
    if suffix in _CSV:
        return suffix
    if suffix in _COPY_SUFFIX:
        return _COPY_SUFFIX[suffix]
    raise UsageError(
        t(
            "{path}: procaudit cannot repair a '{suffix}' file (it repairs .csv, .xlsx, .xlsm, "
            ".xls, .xlsb and .ods)",
            "{path}: procaudit không sửa được tệp '{suffix}' (chỉ sửa .csv, .xlsx, .xlsm, "
            ".xls, .xlsb và .ods)",
            path=path,
            suffix=suffix or Path(path).name,
        )
    )


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False where its folder may not be looked into (locked),
    which the check of the output's place says in its own sentence."""
    try:
        return path.is_dir()
    except OSError:
        return False


def plan_targets(
    paths: Sequence[str], where: Destinations, reads: Sequence[tuple[str, Path | None]] = ()
) -> dict[str, Path]:
    """Each input's copy, every one checked: a copy never names an input or a state file the
    run `reads` (--config, --reference; links and hard links count), never lands where
    another input's copy does, and has the suffix its format needs. With --in-place the copy
    is the input itself (written through a temporary file), and its backup must not exist."""
    targets: dict[str, Path] = {}
    for path in paths:
        suffix = copy_suffix(path)
        if where.in_place:
            targets[path] = _in_place(path, suffix, where.backup or "", paths)
            continue
        if where.output is not None:
            target, option = where.output, "-o"
            _check_suffix(path, target, suffix)
        elif where.output_dir is not None:
            target, option = where.output_dir / (Path(path).stem + suffix), "--output-dir"
            _check_not_own_folder(path, target, where.output_dir)
        else:
            continue  # --diff alone: nothing is written
        check_output(target, paths, option, "repair")
        _check_unique(path, target, targets)
        targets[path] = target
    if where.in_place:  # each input is written, so none may be a state file the run reads
        check_paths_apart((), reads, [("--in-place", target) for target in targets.values()])
    else:
        check_paths_apart(
            paths, reads, [(_option(where), target) for target in targets.values()], "repair"
        )
    return targets


def _check_not_own_folder(path: str, target: Path, folder: Path) -> None:
    """Refuse an --output-dir that holds the input its copy would overwrite, said about the
    folder the user named (the generic clash names a file they never typed)."""
    try:
        same = os.path.samefile(path, target)
    except OSError:  # no copy there yet, or the input unreadable: the later checks say
        return
    if same:
        raise UsageError(
            t(
                "--output-dir {folder}: holds {path}, and its copy would be written over it "
                "under the same name: choose another folder, or --in-place --backup SUFFIX",
                "--output-dir {folder}: chứa {path}, và bản sửa sẽ ghi đè lên nó với cùng tên: "
                "hãy chọn thư mục khác, hoặc --in-place --backup SUFFIX",
                folder=folder,
                path=path,
            )
        )


def _option(where: Destinations) -> str:
    return "-o" if where.output is not None else "--output-dir"


def backup_path(path: str, suffix: str) -> Path:
    return Path(path + suffix)


def _in_place(path: str, suffix: str, backup: str, paths: Sequence[str]) -> Path:
    """The input itself, once it is known to be a regular file in a folder procaudit may
    write in (a symlink's target's), and its backup a new file whose name the file system
    takes (core.atomic writes both through short temporary names of their own)."""
    if suffix != Path(path).suffix.lower():  # xls and ods are written as xlsx: not in place
        raise UsageError(
            t(
                "--in-place: {path} would be written as {suffix}, so it cannot be replaced; "
                "use -o with a {suffix} file",
                "--in-place: {path} sẽ được ghi thành tệp {suffix} nên không thể ghi đè; hãy "
                "dùng -o với một tệp {suffix}",
                path=path,
                suffix=suffix,
            )
        )
    kept = backup_path(path, backup)
    if os.path.lexists(kept):  # a dangling link too: write_new would not replace it
        raise UsageError(
            t(
                "--backup: {backup} already exists; procaudit does not overwrite a backup",
                "--backup: {backup} đã tồn tại; procaudit không ghi đè tệp sao lưu",
                backup=kept,
            )
        )
    if target_kind(Path(path)) != "file":
        raise UsageError(
            t(
                "--in-place: {path} is not a regular file, so it cannot be replaced; use -o",
                "--in-place: {path} không phải tệp thông thường nên không thể ghi đè; hãy dùng -o",
                path=path,
            )
        )
    check_output(Path(path), (), "--in-place")
    check_output(kept, paths, "--backup", "repair")
    return Path(path)


def _check_suffix(path: str, target: Path, suffix: str) -> None:
    wanted = target.suffix.lower()
    fits = wanted in _CSV if suffix in _CSV else wanted == suffix
    if not fits:
        raise UsageError(
            t(
                "-o {target}: the repaired copy of {path} must be a {suffix} file",
                "-o {target}: bản đã sửa của {path} phải là tệp {suffix}",
                target=target,
                path=path,
                suffix=suffix,
            )
        )


def _check_unique(path: str, target: Path, targets: dict[str, Path]) -> None:
    resolved = target.resolve()
    for other, taken in targets.items():
        if taken.resolve() == resolved:
            raise UsageError(
                t(
                    "--output-dir: {path} and {other} would both be written to {target}",
                    "--output-dir: {path} và {other} đều sẽ được ghi vào {target}",
                    path=path,
                    other=other,
                    target=target,
                )
            )
