"""A package's public names imported when first used (PEP 562), so that importing the package
costs nothing: `procaudit.app` (the Python API, which the command line's --help goes
through) and `procaudit.cli` (whose console script starts a file's parse before typer is
imported)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module


def lazy_names(
    package: str, exports: dict[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module `__getattr__` and `__dir__` of `package`, whose public names are
    `exports` (each name -> the module that defines it)."""

    def __getattr__(name: str) -> object:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(exports[name]), name)
        vars(sys.modules[package])[name] = value  # the next use does not come back here
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *exports})

    return __getattr__, __dir__
