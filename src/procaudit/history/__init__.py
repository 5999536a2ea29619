"""Trends for nightly runs: `check --history FILE` appends each run's counts to an SQLite
history, `procaudit history FILE` draws them per file and rule.

store.py keeps the database (schema, recording, queries), trend.py lines the runs up per
file; `report.history` draws them.
"""

from __future__ import annotations

from procaudit.history.store import HistoryError, check_history, record_run, severity_trend

__all__ = ["HistoryError", "check_history", "record_run", "severity_trend"]
