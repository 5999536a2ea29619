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
"""

from __future__ import annotations

import errno
import os
import re
from typing import Final

from procaudit.core.i18n import t

_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_SHOWN_BYTE: Final = re.compile(r"\\x([89a-fA-F][0-9a-fA-F])")


def shown_path(path: str | os.PathLike[str]) -> str:
    """The path as text any output can hold: undecodable bytes as `\\xNN`, the rest as is."""
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escaped, text)


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
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))
    except ValueError:  # a NUL byte in the name
        return t("invalid file name", "tên tệp không hợp lệ")
    return None


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"  # a surrogate from elsewhere (a JSON "\ud800"): shown the same way
