"""Write an output file so that a reader sees the old file or the new one, never half of one,
and a failure leaves nothing behind: a temporary file beside the target, then a rename.

What the rename would harm is never renamed over (issue 20):
- a symlink is followed: its target is replaced, at the target's real path, and the link stays;
- a character device (/dev/null, a terminal) or a pipe (a FIFO, /dev/stdout into a pipe) is
  written through: it has no old contents to keep, and replacing it would put a regular file
  where the system's device or the reader's pipe was; so is a path under /dev or /proc that
  names a descriptor (/dev/stdout redirected to a file is appended to, as the shell opened it);
- anything else that is not a regular file (a folder, a block device, a socket) is refused.

The temporary file has a short name of its own (`.procaudit-XXXXXXXX.tmp`), so that a target
whose name is as long as the file system allows can still be written. It is removed when the
write fails, on Ctrl-C (KeyboardInterrupt) and on SIGTERM, which cron, systemd and CI send to
stop a run: while a temporary file exists the SIGTERM handler ends the process with exit
code 143 (128 + 15, what a shell reports for a run SIGTERM ended) after removing it.

Two more shapes of the same promise, for `procaudit fix --in-place`: `replaced_by_name` lends a
writer that writes a whole file by its name a path in a private temporary folder beside the
target, and moves the file written there over the target only when the writer succeeded;
`write_new` creates a file that must not exist yet (a backup), all of it or nothing.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Final, Literal

TEMPORARY_PREFIX: Final = ".procaudit-"
TEMPORARY_SUFFIX: Final = ".tmp"
TERMINATED_EXIT: Final = 128 + signal.SIGTERM  # 143, as a shell reports a run SIGTERM ended
TargetKind = Literal["new", "file", "through", "folder", "other"]
_DESCRIPTOR_ROOTS: Final = frozenset({"dev", "proc"})  # /dev/stdout, /dev/fd/3, /proc/self/fd/1


class NotWritableKind(OSError):
    """The target exists and is neither a regular file nor something written through."""


def target_kind(path: Path) -> TargetKind:
    """How `path` would be written: "new" (nothing there yet), "file" (a regular file,
    replaced atomically), "through" (a device, pipe or descriptor, written through), or what
    procaudit never writes: "folder", "other" (a block device, a socket). Symlinks are
    followed; a dangling one is "new" (its target is created), and so is a path that cannot
    be looked at (too long a name, a folder that may not be entered): the write says why."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return "new"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return "through"
    if stat.S_ISREG(mode):
        parts = Path(os.path.abspath(path)).parts
        return "through" if len(parts) > 1 and parts[1] in _DESCRIPTOR_ROOTS else "file"
    return "other"


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call `write` on a binary stream; the bytes land at `path` only if it succeeds (see the
    module's docstring for links, devices and pipes)."""
    kind = target_kind(path)
    if kind in ("folder", "other"):
        raise NotWritableKind(errno.EINVAL, "not a regular file, a device or a pipe", str(path))
    if kind == "through":
        # Appending: /dev/stdout redirected to a file must not be cut to nothing by O_TRUNC.
        with open(path, "ab") as stream:
            write(stream)
        return
    real = Path(os.path.realpath(path))  # a symlink stays a link; its target is replaced
    # mkstemp makes the file private: keep the mode of the file it replaces, else give it
    # the mode any new file of the user gets.
    with terminated_as_exit(), _written_beside(real.parent, write, _mode_of(real)) as temporary:
        os.replace(temporary, real)


def write_new(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Create `path`, which must not exist (FileExistsError), with what `write` writes: the
    file appears whole or not at all (written beside it, then hard-linked to its name, which
    fails rather than replaces; where a file system has no hard links, renamed after a last
    look)."""
    path = Path(path)
    with terminated_as_exit(), _written_beside(path.parent, write, 0o666 & ~_umask()) as temporary:
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (FAT, some network shares)
            if os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, "already exists", str(path)) from None
            os.replace(temporary, path)


@contextmanager
def _written_beside(folder: Path, write: Callable[[BinaryIO], object], mode: int) -> Iterator[str]:
    """The path of a temporary file in `folder` holding what `write` wrote, on disk, with
    `mode`; it is removed when the block ends, unless the block moved it away."""
    handle, temporary = tempfile.mkstemp(
        prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=folder
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        yield temporary
    finally:
        Path(temporary).unlink(missing_ok=True)


@contextmanager
def replaced_by_name(path: Path) -> Iterator[Path]:
    """A path, with `path`'s suffix, in a private temporary folder beside the real file
    `path` names (a symlink's target), for a writer that writes a whole file by its name.
    When the block ends without an error, the file written there replaces the real file
    (keeping its mode); when it fails, or SIGTERM ends the run, the folder goes and the
    real file is as it was. A block that wrote nothing replaces nothing: FileNotFoundError."""
    real = Path(os.path.realpath(path))
    with terminated_as_exit():
        folder = tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=real.parent)
        try:
            written = Path(folder) / ("f" + real.suffix)
            yield written
            os.chmod(written, _mode_of(real))
            os.replace(written, real)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def terminated_as_exit() -> Iterator[None]:
    """While the block runs, SIGTERM raises SystemExit(143) in it, so that the caller's
    cleanup removes its temporary files. Only where SIGTERM still has its default action and
    on the main thread (the only one Python lets set a handler): a program embedding
    procaudit with its own handler keeps it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(TERMINATED_EXIT)


def _mode_of(real: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(real).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
