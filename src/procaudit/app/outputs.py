"""Where a run's files go: each path is checked before the work that fills it (a report that
cannot be written should not cost a run), and written atomically after it (a reader never
sees half of it).

Free of pandas: `check` and `diff` check their paths before anything heavy is imported.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final, Literal, TextIO

from procaudit.core.atomic import target_kind, write_atomically
from procaudit.core.errors import ProcauditError, UsageError
from procaudit.core.i18n import t
from procaudit.core.paths import unreachable

if TYPE_CHECKING:
    from procaudit.app.settings import Settings

Purpose = Literal["audit", "repair", "compare"]  # what the run does with its input files
_USUAL_NAME_MAX: Final = 255  # bytes: ext4, XFS, btrfs, APFS, NTFS (in UTF-16 units)
# How app.config names a pyproject.toml's table in Config.source.
_PYPROJECT_TABLE: Final = " [tool.procaudit]"
# (what is written, what is read) pairs that may be one file: the read comes first.
_REWRITES_WHAT_IT_READ: Final = frozenset({("--write-baseline", "--baseline")})


class CannotWrite(ProcauditError):
    """An output that could not be written once the work was done (a full disk, a lost
    permission): one sentence naming the file (None: stdout) and the reason."""

    def __init__(self, path: Path | None, exc: OSError) -> None:
        super().__init__(
            t(
                "cannot write {path}: {reason}",
                "không ghi được {path}: {reason}",
                path=path,
                reason=exc.strerror or exc,
            )
        )


def check_output(
    output: Path, inputs: Iterable[str], option: str = "--output", purpose: Purpose = "audit"
) -> None:
    """A UsageError, before the work, for an output procaudit could not write or should not:
    a folder, a block device or socket, a path in a folder that does not exist or that
    procaudit may not write in, a name longer than the file system allows, or one of the
    `inputs` (which the run is to `purpose`: audit, repair, compare); `option` is the flag
    that named it. A symlink is judged by its target, and a device or pipe (/dev/null, a
    FIFO) is written through (core.atomic)."""
    _check_name_length(output, option)  # first: the system's "File name too long" says less
    if reason := unreachable(output) or unreachable(output.parent):  # a folder not to enter
        raise UsageError(
            t(
                "{option} {output}: cannot be written ({reason})",
                "{option} {output}: không ghi được ({reason})",
                option=option,
                output=output,
                reason=reason,
            )
        )
    kind = target_kind(output)
    if kind == "folder":
        raise UsageError(
            t(
                "{option} {output}: is a folder",
                "{option} {output}: là một thư mục",
                option=option,
                output=output,
            )
        )
    if kind == "other":
        raise UsageError(
            t(
                "{option} {output}: is a block device or a socket; procaudit writes only to a "
                "file, a character device such as /dev/null, or a pipe",
                "{option} {output}: là thiết bị khối hoặc socket; procaudit chỉ ghi vào tệp, "
                "thiết bị ký tự như /dev/null, hoặc đường ống",
                option=option,
                output=output,
            )
        )
    if kind != "through":
        _check_folder(output, option)
    check_paths_apart(inputs, writes=[(option, output)], purpose=purpose)


def _check_folder(output: Path, option: str) -> None:
    """The folder the file lands in (a symlink's target's): it exists and procaudit may
    write in it."""
    # A symlink's file lands beside its target; any other is named as the user gave it.
    folder = Path(os.path.realpath(output)).parent if os.path.islink(output) else output.parent
    if not _is_folder(folder):
        raise UsageError(
            t(
                "{option} {output}: the folder {folder} does not exist",
                "{option} {output}: thư mục {folder} không tồn tại",
                option=option,
                output=output,
                folder=folder,
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(
            t(
                "{option} {output}: procaudit may not write in the folder {folder}",
                "{option} {output}: procaudit không có quyền ghi vào thư mục {folder}",
                option=option,
                output=output,
                folder=folder,
            )
        )


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except PermissionError:  # there, but not to be entered: the access check says so
        return True
    except (OSError, ValueError):
        return False


def _check_name_length(output: Path, option: str) -> None:
    """The temporary file beside the target has a short name of its own (core.atomic), so
    the target's own name is the limit; a name that cannot be made is said before the run."""
    folder = output.parent
    length, longest = len(os.fsencode(output.name)), _longest_name(folder)
    if length > longest:
        raise UsageError(
            t(
                "{option} {output}: the name is {length} bytes long, more than the {longest} "
                "the file system allows",
                "{option} {output}: tên dài {length} byte, quá {longest} byte mà hệ thống tệp "
                "cho phép",
                option=option,
                output=output,
                length=length,
                longest=longest,
            )
        )


def _longest_name(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # not said (or not POSIX): the usual limit
        return _USUAL_NAME_MAX


def check_paths_apart(
    inputs: Iterable[str],
    reads: Iterable[tuple[str, Path | None]] = (),
    writes: Iterable[tuple[str, Path | None]] = (),
    purpose: Purpose = "audit",
) -> None:
    """One UsageError, before the work, when a file the run writes is a file it reads (one of
    the `inputs` to audit, or a state file in `reads`: --baseline, --reference, --schema,
    --config) or a file another of its outputs writes. Each is given with the option that
    named it (None: not given). Paths are compared as the files they are: through symlinks,
    and by inode, so a hard link is the same file. Writing the new baseline over the one read
    (--baseline B --write-baseline B) is the one sharing allowed: it is read first. A device
    or pipe written through is shared freely (two outputs to /dev/null replace nothing)."""
    read_files = [(_identity(Path(path)), "", Path(path)) for path in inputs]
    read_files += [(_identity(path), option, path) for option, path in reads if path is not None]
    written: list[tuple[object, str, Path]] = []
    for option, output in writes:
        if output is None or target_kind(output) == "through":
            continue
        identity = _identity(output)
        for other_identity, other, path in read_files:
            if other_identity != identity or (option, other) in _REWRITES_WHAT_IT_READ:
                continue
            raise UsageError(_reads_clash(option, output, other, path, purpose))
        for other_identity, other, path in written:
            if other_identity == identity:
                raise UsageError(
                    t(
                        "{option} {output}: is also where {other} {path} goes: each output "
                        "needs a file of its own",
                        "{option} {output}: cũng là nơi ghi {other} {path}: mỗi kết quả cần "
                        "một tệp riêng",
                        option=option,
                        output=output,
                        other=other,
                        path=path,
                    )
                )
        written.append((identity, option, output))


def state_reads(settings: Settings) -> list[tuple[str, Path | None]]:
    """The state files a run reads because of its settings: the configuration file (a
    pyproject.toml's too) and the --reference list."""
    source = settings.config.source
    config = Path(source.removesuffix(_PYPROJECT_TABLE)) if source else None
    return [("--config", config), ("--reference", settings.reference.value)]


def _reads_clash(option: str, output: Path, other: str, path: Path, purpose: Purpose) -> str:
    if not other:
        return {
            "audit": lambda: t(
                "{option} {output}: is one of the files to audit",
                "{option} {output}: là một trong các tệp cần kiểm tra",
                option=option,
                output=output,
            ),
            "repair": lambda: t(
                "{option} {output}: is one of the files to repair",
                "{option} {output}: là một trong các tệp cần sửa",
                option=option,
                output=output,
            ),
            "compare": lambda: t(
                "{option} {output}: is one of the files to compare",
                "{option} {output}: là một trong các tệp cần so sánh",
                option=option,
                output=output,
            ),
        }[purpose]()
    return t(
        "{option} {output}: is the {other} file {path}, which the run reads: procaudit "
        "would overwrite it",
        "{option} {output}: là tệp {other} {path} mà lần chạy này đọc: procaudit sẽ ghi đè lên nó",
        option=option,
        output=output,
        other=other,
        path=path,
    )


def _identity(path: Path) -> object:
    """What names one file: its device and inode when it exists (links and hard links
    alike), else the absolute path with its symlinks resolved (the file it would become)."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        try:
            return path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: compared as written
            return Path(os.path.abspath(path))
    return (found.st_dev, found.st_ino)


def write_text(output: Path, render: Callable[[TextIO], object]) -> None:
    """Write what `render` writes to a text stream into `output`, atomically, as UTF-8 with
    the renderer's own line ends (a CSV's CRLF stays CRLF); CannotWrite when it fails."""
    try:
        write_atomically(output, lambda stream: _as_text(render, stream))
    except OSError as exc:
        raise CannotWrite(output, exc) from None


def _as_text(render: Callable[[TextIO], object], stream: BinaryIO) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    render(text)
    text.flush()
    text.detach()  # the stream is the atomic writer's to close
