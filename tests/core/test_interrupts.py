"""Ctrl-C in a run (`procaudit.core.interrupts`): raised as Python's handler raises it, held
back while a run writes its outputs and raised when the last is written, never raised again
for a run already interrupted. The whole process's behaviour is in
tests/e2e/test_interrupted_runs.py."""

from __future__ import annotations

import os
import signal
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.core import interrupts


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(interrupts, "_received", False)
    monkeypatch.setattr(interrupts, "_holding", 0)
    monkeypatch.setattr(interrupts, "_said", False)
    monkeypatch.setattr(interrupts, "_ended", False)
    monkeypatch.setattr(interrupts, "_late", False)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)  # put back afterwards
    before = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    interrupts.install()
    assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def _interrupt() -> None:
    os.kill(os.getpid(), signal.SIGINT)  # Python runs the handler before the next line


def test_an_interrupt_raises_and_is_remembered(installed: None) -> None:
    with pytest.raises(KeyboardInterrupt):
        _interrupt()
    assert interrupts.interrupted()
    assert interrupts.interrupted_line() == "procaudit: interrupted"
    assert interrupts.interrupted_line() is None  # one line


def test_an_interrupt_while_the_outputs_are_written_waits_for_the_last(installed: None) -> None:
    written = []
    with pytest.raises(KeyboardInterrupt), interrupts.writing_outputs():
        written.append("baseline")
        _interrupt()  # held: the outputs are finished first
        written.append("history")
        with interrupts.writing_outputs():  # a block inside waits for the outer one
            written.append("report")
        written.append("fix-list")
    assert written == ["baseline", "history", "report", "fix-list"]
    assert interrupts.interrupted()


def test_no_output_is_begun_after_an_interrupt(installed: None) -> None:
    with pytest.raises(KeyboardInterrupt):
        _interrupt()
    written = []
    with pytest.raises(KeyboardInterrupt), interrupts.writing_outputs():
        written.append("baseline")  # e.g. a library that swallowed the interrupt went on
    assert written == []


def test_an_interrupt_once_the_log_is_being_written_is_too_late(installed: None) -> None:
    # The log's line says how the run ended (exit=1): a Ctrl-C while it is written, or as
    # the process exits, must not end the run as interrupted (exit 130) after all.
    written = []
    with interrupts.ending():
        _interrupt()  # held, then dropped
        written.append("exit=1")
    assert written == ["exit=1"]
    assert not interrupts.interrupted()
    _interrupt()  # after the line: too late, nothing raised
    assert not interrupts.interrupted()
    assert interrupts.interrupted_line() is None


def test_an_interrupt_before_the_log_stops_the_run_before_its_line(installed: None) -> None:
    with pytest.raises(KeyboardInterrupt):
        _interrupt()
    written = []
    with pytest.raises(KeyboardInterrupt), interrupts.ending():
        written.append("exit=1")  # the line of a run that was stopped is exit=130's
    assert written == []
    assert interrupts.interrupted()


def test_nothing_is_held_without_an_interrupt(installed: None) -> None:
    with interrupts.writing_outputs():
        pass
    assert not interrupts.interrupted()
    assert interrupts.interrupted_line() is None


def test_an_interrupt_python_can_only_print_is_silent_and_still_ends_the_run(
    installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C inside a weakref callback (the import system's module locks have one) or a
    # __del__: Python prints "Exception ignored in" and a traceback, and goes on.
    printed: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda args: printed.append(args.exc_value))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    interrupts.install()  # again, to wrap the hook now in place

    class Locked: ...

    lock = Locked()
    callback = weakref.ref(lock, lambda _: _interrupt())
    del lock
    assert callback() is None
    assert printed == []
    assert interrupts.interrupted()
    with pytest.raises(KeyboardInterrupt), interrupts.writing_outputs():
        pass  # nothing is written
    # Anything else Python could not raise is printed as before.
    other = weakref.ref(locked := Locked(), lambda _: 1 / 0)
    del locked
    assert other() is None
    assert [type(exc) for exc in printed] == [ZeroDivisionError]


def test_a_handler_of_the_embedding_program_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    def own(signum: int, frame: object) -> None: ...

    before = signal.signal(signal.SIGINT, own)
    try:
        interrupts.install()
        assert signal.getsignal(signal.SIGINT) is own
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_wrapped_interrupt_still_gets_the_logs_line(
    installed: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C in the middle of an import comes out as another exception ("Error calling
    # __set_name__"): the run ends as interrupted (exit 130), and its night's line says so.
    from procaudit.cli import app
    from procaudit.cli import check as check_command

    def stopped(*args: object) -> None:
        monkeypatch.setattr(interrupts, "_received", True)
        raise RuntimeError("Error calling __set_name__")

    monkeypatch.setattr(check_command, "_run", stopped)
    catalogue = tmp_path / "c.csv"
    catalogue.write_text("Mã TTHC,Tên thủ tục\n1.000001,Đăng ký khai sinh\n", encoding="utf-8")
    log = tmp_path / "run.log"
    result = CliRunner().invoke(app, ["check", str(catalogue), "-q", "--log", str(log)])
    assert isinstance(result.exception, RuntimeError)  # main() ends it as exit 130
    assert log.read_text(encoding="utf-8").endswith(" exit=130\n")
