"""procaudit's use cases without a command line, and its Python API.

Each command of `procaudit.cli` turns its flags into a request and makes one call here:
`run_check` (`check`), `run_inspect`, `run_diff`, `load_trend` (`history`); `load_settings`
settles the configuration file and the flags for all of them (`config` shows it). A notebook
or a scheduler calls the same functions, or the shorter `audit_files` and `audit_frame`,
and gets the findings as values (`AuditResult`, `Finding`):

    from procaudit.app import audit_files
    result = audit_files(["lao-cai.xlsx"])
    errors = [f for f in result.findings if f.severity == "error"]

Every name below is imported when first used, so that `import procaudit.app` stays light
(the command line's --help goes through here and must not import pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from procaudit.core.lazy_names import lazy_names

if TYPE_CHECKING:  # what type checkers see; at run time, __getattr__ below
    from procaudit.app.audit import audit_files
    from procaudit.app.check import CheckOutcome, CheckRequest, run_check
    from procaudit.app.diff import DiffOutcome, DiffRequest, run_diff
    from procaudit.app.frames import audit_frame, frame_catalogue
    from procaudit.app.history import HistoryRequest, load_trend
    from procaudit.app.hooks import Hooks
    from procaudit.app.inspect import InspectOutcome, InspectRequest, run_inspect
    from procaudit.app.settings import CommandLine, Settings, load_settings
    from procaudit.core.findings import AuditResult, FailOn, Finding, Severity
    from procaudit.io import ReadOptions
    from procaudit.report import Format

__all__ = [
    "AuditResult",
    "CheckOutcome",
    "CheckRequest",
    "CommandLine",
    "DiffOutcome",
    "DiffRequest",
    "FailOn",
    "Finding",
    "Format",
    "HistoryRequest",
    "Hooks",
    "InspectOutcome",
    "InspectRequest",
    "ReadOptions",
    "Settings",
    "Severity",
    "audit_files",
    "audit_frame",
    "frame_catalogue",
    "load_settings",
    "load_trend",
    "run_check",
    "run_diff",
    "run_inspect",
]

# Public name -> the module that defines it.
_EXPORTS = {
    "audit_files": "procaudit.app.audit",
    "audit_frame": "procaudit.app.frames",
    "frame_catalogue": "procaudit.app.frames",
    "CheckRequest": "procaudit.app.check",
    "CheckOutcome": "procaudit.app.check",
    "run_check": "procaudit.app.check",
    "InspectRequest": "procaudit.app.inspect",
    "InspectOutcome": "procaudit.app.inspect",
    "run_inspect": "procaudit.app.inspect",
    "DiffRequest": "procaudit.app.diff",
    "DiffOutcome": "procaudit.app.diff",
    "run_diff": "procaudit.app.diff",
    "HistoryRequest": "procaudit.app.history",
    "load_trend": "procaudit.app.history",
    "Hooks": "procaudit.app.hooks",
    "CommandLine": "procaudit.app.settings",
    "Settings": "procaudit.app.settings",
    "load_settings": "procaudit.app.settings",
    "AuditResult": "procaudit.core.findings",
    "Finding": "procaudit.core.findings",
    "Severity": "procaudit.core.findings",
    "FailOn": "procaudit.core.findings",
    "ReadOptions": "procaudit.io",
    "Format": "procaudit.report",
}


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS)
