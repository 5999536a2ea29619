"""File names as procaudit shows them, and back; whether a path can be looked at at all.

On POSIX a file name is bytes; one that is not valid UTF-8 (copied from an old Windows share,
b"bad\\xff.csv") reaches Python as a str holding lone surrogates ("bad\\udcff.csv"), which no
UTF-8 output can hold: JSON, SQLite, the terminal and every report would fail on it. Such a
path is opened as it is and shown with each undecodable byte written visibly as `\\xff`
(`shown_path`); the history, which hashes the file it names, gets the file back from the
shown name (`real_path`).

A path inside a folder the user may not enter cannot even be asked whether it exists
(pathlib's `exists()` and `is_file()` raise PermissionError there): `unreachable` says why, for
the one sentence naming that path, before anything else is asked of it.

A file is named the same way in every report, whatever way it was given (`ci/../ci/a.xlsx`,
`/home/an/ci/a.xlsx` from `/home/an`, `./ci/a.xlsx`): `reported_path` makes the one name the
reader gives the findings, relative to the current folder where the file is under it (as a
GitLab or GitHub annotation needs it), else absolute.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from typing import Final

from procaudit.core.i18n import t

_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_MB: Final = 1024 * 1024
_SHOWN_BYTE: Final = re.compile(r"\\x([89a-fA-F][0-9a-fA-F])")


def shown_path(path: str | os.PathLike[str]) -> str:
    """The path as text any output can hold: undecodable bytes as `\\xNN`, the rest as is."""
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escaped, text)


def reported_path(path: str | os.PathLike[str]) -> str:
    """The path as every report names the file: without `.`, `..` or doubled separators,
    relative to the current folder when the file is under it, else absolute; shown
    (`shown_path`). A `..` after a symlinked folder leads where the system says, not where
    the text does: such a path is resolved."""
    text = os.fspath(path)
    try:
        here = os.getcwd()
    except OSError:  # the current folder was deleted: nothing relative can be trusted
        return shown_path(text)
    absolute = os.path.normpath(os.path.join(here, text))
    if os.pardir in _parts(text) and os.path.realpath(text) != os.path.realpath(absolute):
        absolute = os.path.realpath(text)
    inside = os.path.relpath(absolute, here) if absolute.startswith(here) else os.pardir
    if inside == os.pardir or inside.startswith(os.pardir + os.sep):
        return shown_path(absolute)
    return shown_path(inside)


def _parts(text: str) -> list[str]:
    return text.replace(os.altsep or os.sep, os.sep).split(os.sep)


def real_path(shown: str) -> str:
    """The file a shown path stands for: the name itself when such a file exists, else the
    name with its `\\xNN` bytes (80 to FF) turned back into the undecodable bytes they show."""
    if "\\x" not in shown or os.path.lexists(shown):
        return shown
    return _SHOWN_BYTE.sub(lambda match: chr(0xDC00 + int(match.group(1), 16)), shown)


def unreachable(path: str | os.PathLike[str]) -> str | None:
    """Why the path cannot be looked at (the system's reason: "Permission denied", "Too many
    levels of symbolic links"); None when it can, or when nothing is there (a missing file
    or folder is for the caller to name as such)."""
    return status_of(path)[1]


def status_of(path: str | os.PathLike[str]) -> tuple[os.stat_result | None, str | None]:
    """The path's `os.stat`, and why it cannot be looked at (`unreachable`); neither when
    nothing is there. One call answers what pathlib's exists, is_dir and is_file would each
    ask the system again."""
    try:
        return os.stat(path), None
    except (FileNotFoundError, NotADirectoryError):
        return None, None
    except OSError as exc:
        return None, exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))
    except ValueError:  # a NUL byte in the name
        return None, t("invalid file name", "tên tệp không hợp lệ")


def missing(path: str | os.PathLike[str]) -> str:
    """Why an input that does not exist is missing: a link whose file is gone (a share not
    mounted, a file moved) is listed by `ls` and a folder's walk, so "no such file" would
    puzzle; it names where the link points."""
    if os.path.islink(path):
        return t(
            "is a link to '{target}', which does not exist",
            "là liên kết tới '{target}', tệp này không tồn tại",
            target=os.readlink(path),
        )
    return t("no such file", "không có tệp này")


def not_a_state_file(
    path: str | os.PathLike[str], max_size: int, raise_with: str | None = "--max-file-size"
) -> str | None:
    """Why a file the run keeps state in (a baseline, a configuration) cannot be read as one,
    asked before it is opened: a FIFO would wait for a writer forever and /dev/zero never
    ends. None for a regular file within `max_size` bytes, or for nothing there (the caller
    names a missing file as such)."""
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError):
        return unreachable(path)
    if not stat.S_ISREG(status.st_mode):
        return t(
            "it is not a regular file (a folder, pipe, socket or device)",
            "đây không phải tệp thông thường (thư mục, pipe, socket hoặc thiết bị)",
        )
    if status.st_size > max_size:
        over = t(
            "it is {size} MB, over the limit of {limit} MB",
            "tệp có dung lượng {size} MB, vượt giới hạn {limit} MB",
            size=-(-status.st_size // _MB),
            limit=max_size // _MB,
        )
        if raise_with is None:
            return over
        return over + t(
            " (raise it with {flag})", " (có thể nâng giới hạn bằng {flag})", flag=raise_with
        )
    return None


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"  # a surrogate from elsewhere (a JSON "\ud800"): shown the same way
