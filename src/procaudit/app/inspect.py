"""`procaudit inspect` as a use case: how each file was understood (its header, columns,
sections, rows read and skipped), as plain data (`procaudit.engine.inspection`), and the
inputs that could not be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from procaudit.app.hooks import Hooks
from procaudit.core import collector

if TYPE_CHECKING:
    from procaudit.core.findings import FileFailure
    from procaudit.io import PerFile


@dataclass(frozen=True)
class InspectRequest:
    paths: tuple[str, ...]
    read_options: PerFile = None  # one ReadOptions for every file, or one per path
    input_failures: tuple[FileFailure, ...] = ()  # arguments that named no file


@dataclass(frozen=True)
class InspectOutcome:
    inspections: tuple[dict[str, Any], ...]  # one per file read, in the order given
    failures: tuple[FileFailure, ...]  # the inputs, then the files, that could not be read

    @property
    def exit_code(self) -> int:
        return 2 if self.failures else 0


def run_inspect(request: InspectRequest, hooks: Hooks | None = None) -> InspectOutcome:
    """Read every file and say how; a file that cannot be read is a failure, told to
    `hooks.error` as it happens, and the others go on."""
    from procaudit.core.errors import InputError
    from procaudit.core.findings import FileFailure
    from procaudit.engine.inspection import inspect_catalogue
    from procaudit.io import options_for, read_catalogue

    collector.loaded()  # what reading needs is loaded (`procaudit.core.collector`)
    hooks = hooks or Hooks()
    inspections: list[dict[str, Any]] = []
    failures: list[FileFailure] = []
    for failure in request.input_failures:
        failures.append(failure)
        hooks.error(failure.message)
    for path in request.paths:
        try:
            catalogue = read_catalogue(path, options_for(request.read_options, path))
        except InputError as exc:
            failures.append(FileFailure(path, str(exc)))
            hooks.error(str(exc))
            continue
        inspections.append(inspect_catalogue(catalogue))
    return InspectOutcome(tuple(inspections), tuple(failures))
