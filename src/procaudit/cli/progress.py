"""A progress display on stderr for runs that take more than a few seconds (cli/check.py:
when).

The audit tells its stages ("[3/40] lao-cai.xlsx: checking PA201 duplicate-entry") and each
file done (`procaudit.engine.audit.CountsFiles`); the display shows the latest stage with a
spinner, a bar of the files done out of all, the rows audited so far and the time elapsed.
With `--jobs` the workers' stages stay in their processes: the display then names the file
done last. It appears only once the run has taken DELAY seconds, so that a quick run never
flashes one, and it leaves nothing behind.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from procaudit.core.i18n import number, t

DELAY = 2.0  # seconds


class StageDisplay:
    """A context manager whose instance is the audit's progress callback."""

    def __init__(self, delay: float) -> None:
        # force_terminal: the caller has made sure that stderr is one.
        console = Console(file=sys.stderr, force_terminal=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[files]}"),
            TextColumn("{task.fields[rows]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(
            t("starting", "đang bắt đầu"), total=None, files="", rows=""
        )
        self._delay = delay
        self._timer = threading.Timer(delay, self._progress.start)
        self._timer.daemon = True

    def __call__(self, stage: str) -> None:
        # Drawn now, not at the next tick: most stages are over sooner than that.
        self._progress.update(self._task, description=stage, refresh=True)

    def file_done(self, done: int, total: int, rows: int) -> None:
        """A file is done: `done` of `total`, `rows` rows audited so far."""
        self._progress.update(
            self._task,
            total=total,
            completed=done,
            files=t("{done}/{total} files", "{done}/{total} tệp", done=done, total=total),
            # 12,345 in English, 12.345 in Vietnamese
            rows=t("{rows} rows", "{rows} dòng", rows=number(rows)),
            refresh=True,
        )

    def __enter__(self) -> StageDisplay:
        if self._delay > 0:
            self._timer.start()
        else:
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._timer.cancel()
        if self._timer.is_alive():
            self._timer.join()  # a display starting right now must be up before it stops
        if self._progress.live.is_started:
            self._progress.stop()
