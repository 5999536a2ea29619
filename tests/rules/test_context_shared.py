"""Shared work of a table (RuleContext.shared, prefetch): made once whichever thread asks, by
the worker or by the rule that needs it first, and the rules' hits in rule order however
the rules were run."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pandas as pd
import pytest

from conftest import table_of
from procaudit.core.findings import Severity
from procaudit.engine.schema import load_schema
from procaudit.engine.table_hits import converted_hits, table_hits
from procaudit.rules.context import RuleContext
from procaudit.rules.hits import hits
from procaudit.rules.registry import Rule

WAIT = 30  # seconds a test waits for the other thread before it gives up (a hang, not a time)


def _context() -> RuleContext:
    return RuleContext(pd.DataFrame({"name": ["a", "b"]}))


def test_a_build_the_worker_has_not_started_is_made_by_the_thread_that_asks() -> None:
    ctx = _context()
    made_on: list[int] = []
    ctx.prefetch("k", lambda: made_on.append(threading.get_ident()) or 1)
    assert ctx.shared("k", lambda: 2) == 1  # the prefetched build, not the caller's
    assert made_on == [threading.get_ident()]
    ctx.start()  # nothing left for the worker
    ctx.close()
    assert made_on == [threading.get_ident()]


def test_the_worker_takes_the_first_builds_first_then_in_the_order_asked() -> None:
    ctx = _context()
    order: list[str] = []
    done = threading.Event()
    ctx.prefetch("a", lambda: order.append("a"))
    ctx.prefetch("b", lambda: order.append("b") or done.set())
    ctx.prefetch("long", lambda: order.append("long"), first=True)
    ctx.start()
    assert done.wait(WAIT)
    ctx.close()
    assert order == ["long", "a", "b"]


def test_a_build_is_made_once_when_two_threads_ask_for_it() -> None:
    ctx = _context()
    started, go = threading.Event(), threading.Event()
    calls: list[int] = []

    def build() -> int:
        calls.append(1)
        started.set()
        go.wait(WAIT)
        return 7

    ctx.prefetch_for("R", lambda c: c.prefetch("k", build))
    ctx.start()
    assert started.wait(WAIT)
    assert ctx.would_wait("R")
    assert not ctx.would_wait("other rule")
    go.set()
    assert ctx.shared("k", lambda: 8) == 7
    assert not ctx.would_wait("R")
    ctx.close()
    assert calls == [1]


def test_a_failed_build_fails_the_rule_that_needs_it() -> None:
    ctx = _context()

    def build() -> int:
        raise ValueError("broken")

    ctx.prefetch("k", build)
    ctx.start()
    with pytest.raises(ValueError, match="broken"):
        ctx.shared("k", build)
    ctx.close()


def test_a_thread_waiting_for_a_build_does_the_work_the_build_offers() -> None:
    ctx = _context()
    done_on: list[int] = []
    started, done = threading.Event(), threading.Event()

    def part() -> str:
        done_on.append(threading.get_ident())
        done.set()
        return "part"

    def build() -> str:
        started.set()
        result = ctx.beside(part)
        done.wait(WAIT)  # taken by the thread waiting for this build, or made below
        return result() + " built"

    ctx.prefetch("k", build)
    ctx.start()
    assert started.wait(WAIT)  # on the worker: this thread will wait for it
    assert ctx.shared("k", build) == "part built"
    ctx.close()
    assert done_on == [threading.get_ident()]


def test_a_build_waiting_for_work_another_thread_took_does_its_other_offers() -> None:
    ctx = _context()
    done_on: dict[str, int] = {}
    started, taken = threading.Event(), threading.Event()

    def first() -> str:
        taken.set()  # this thread holds it while the build asks for its result
        while "second" not in done_on:  # made meanwhile by the build's own thread
            threading.Event().wait(0.01)
        done_on["first"] = threading.get_ident()
        return "first"

    def second() -> str:
        done_on["second"] = threading.get_ident()
        return "second"

    def build() -> str:
        one = ctx.beside(first)
        started.set()
        assert taken.wait(WAIT)
        two = ctx.beside(second)
        return one() + " " + two()

    ctx.prefetch("k", build)
    ctx.start()
    assert started.wait(WAIT)
    assert ctx.shared("k", build) == "first second"
    ctx.close()
    assert done_on["first"] == threading.get_ident()
    assert done_on["second"] != threading.get_ident()


def test_work_offered_that_no_thread_takes_is_made_by_the_build() -> None:
    ctx = _context()
    assert ctx.beside(lambda: threading.get_ident())() == threading.get_ident()


def test_a_thread_waiting_for_a_build_does_its_own_work_kept_meanwhile() -> None:
    ctx = _context()
    done_on: list[int] = []
    started, kept, go = threading.Event(), threading.Event(), threading.Event()

    def build() -> str:
        started.set()
        assert kept.wait(WAIT)
        go.wait(WAIT)  # until the waiting thread did its own work
        return "built"

    def own() -> str:
        done_on.append(threading.get_ident())
        go.set()
        return "own"

    ctx.prefetch("k", build)
    ctx.start()
    assert started.wait(WAIT)
    result = ctx.meanwhile(own)
    kept.set()  # the build goes on once the work is kept: it is done in the wait below
    assert ctx.shared("k", build) == "built"
    assert done_on == [threading.get_ident()]  # done in the wait, not by the worker
    assert result() == "own"
    ctx.close()
    assert done_on == [threading.get_ident()]  # and not again


def test_work_kept_meanwhile_is_never_taken_by_another_thread() -> None:
    ctx = _context()
    done_on: list[int] = []
    building, asking = threading.Event(), threading.Event()

    def build_here() -> str:  # while the worker waits for it, this thread's work kept
        building.set()
        assert asking.wait(WAIT)
        threading.Event().wait(0.05)  # the worker is waiting by now
        return "here"

    def build_on_worker() -> str:
        assert building.wait(WAIT)
        asking.set()
        return ctx.shared("here", build_here) + " and there"

    result = ctx.meanwhile(lambda: done_on.append(threading.get_ident()) or "own")
    ctx.prefetch("there", build_on_worker)
    ctx.start()
    assert ctx.shared("here", build_here) == "here"
    ctx.close()
    assert ctx.given("there") == "here and there"
    assert done_on == []  # the worker, waiting, did not take it
    assert result() == "own"
    assert done_on == [threading.get_ident()]


def test_a_waiting_thread_takes_a_builds_offers_before_its_own_work() -> None:
    ctx = _context()
    order: list[str] = []
    started, kept, offered, go = (threading.Event() for _ in range(4))

    def part() -> str:
        order.append("build's part")
        return "part"

    def build() -> str:
        started.set()
        assert kept.wait(WAIT)  # this thread's own work is kept before the build offers
        first = ctx.beside(part)
        offered.set()
        go.wait(WAIT)
        return first() + " built"

    def own() -> str:
        order.append("own work")
        go.set()
        return "own"

    ctx.prefetch("k", build)
    ctx.start()
    assert started.wait(WAIT)
    result = ctx.meanwhile(own)
    kept.set()
    assert offered.wait(WAIT)
    assert ctx.shared("k", build) == "part built"
    assert result() == "own"
    ctx.close()
    assert order == ["build's part", "own work"]


def _rule(rule_id: str, check: Callable[[RuleContext], pd.DataFrame]) -> Rule:
    return Rule(rule_id, rule_id.lower(), Severity.WARNING, ("name",), "doc", check=check)


def test_rules_run_while_the_worker_builds_and_their_hits_stay_in_rule_order() -> None:
    table = table_of([{"code": "1.000001", "name": "Cấp phép"}, {"code": "1.000002", "name": "X"}])
    ran: list[str] = []
    later_ran = threading.Event()

    def slow_build() -> str:
        # Made while the later rule runs: a rule waiting for it first would stall here.
        later_ran.wait(WAIT)
        return "built"

    def waiting_check(ctx: RuleContext) -> pd.DataFrame:
        ran.append(ctx.shared("slow", slow_build))
        mask = pd.Series([True, False], index=ctx.frame.index)
        return hits(ctx.frame, mask, "name", "first rule", "fix")

    def later_check(ctx: RuleContext) -> pd.DataFrame:
        ran.append("later")
        later_ran.set()
        mask = pd.Series([False, True], index=ctx.frame.index)
        return hits(ctx.frame, mask, "name", "second rule", "fix")

    rules = (
        _rule("PX901", waiting_check),
        _rule("PX902", later_check),
    )
    context = RuleContext(table.frame)
    context.prefetch_for("PX901", lambda ctx: ctx.prefetch("slow", slow_build))
    context.start()
    try:
        found = table_hits(table, load_schema(), rules, context=context)
    finally:
        context.close()
    assert ran == ["later", "built"]
    assert found is not None
    ours = found[found["rule"].str.startswith("PX")]
    assert ours["rule"].tolist() == ["PX901", "PX902"]
    assert ours["message"].tolist() == ["first rule", "second rule"]


@pytest.mark.parametrize(
    "levels",
    [
        ["Cấp xã", None, "Cấp tỉnh; cấp xã", "Cấp xã", "cấp TỈNH, Cấp xã"],
        [None, None],
        ["Cấp huyện\nCấp tỉnh", "", "Cấp xã", None, "  "],
        ["Cấp xã", "Cấp tỉnh, Cấp xã"],
    ],
)
def test_level_keys_remembered_are_the_keys_worked_out(
    levels: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder's lists repeat their levels: keys answered from earlier tables are the keys,
    categories and their order included, that working them out gives."""
    from procaudit.catalogue import text_columns
    from procaudit.rules.compared_levels import level_cell_keys

    labels = range(3, 3 + len(levels))  # labels of its own, not positions
    frame = pd.DataFrame({"level": pd.Series(levels, index=labels, dtype="str")})
    monkeypatch.setitem(text_columns._ELEMENTWISE, level_cell_keys, None)  # forgotten
    worked_out = RuleContext(frame).level_keys
    known = text_columns._ELEMENTWISE[level_cell_keys]
    assert known is not None and {v for v in levels if v is not None} <= set(known.results)
    remembered = RuleContext(frame).level_keys  # every level seen: no pandas call
    pd.testing.assert_series_equal(remembered, worked_out)
    assert remembered.cat.categories.equals(worked_out.cat.categories)


@pytest.mark.parametrize("early_hits", [100, 1])
def test_the_hits_found_before_the_wait_are_converted_during_it(
    early_hits: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`converted_hits`: the schema's and the other rules' hits are converted while the
    rules' thread waits for the worker, each apart; the waiting rule's after, with any
    rule's of more than `EARLY_HITS` hits. Together they are `table_hits`' hits."""
    from procaudit.engine import table_hits as module

    monkeypatch.setattr(module, "EARLY_HITS", early_hits)
    rows = [{"code": "1.000001", "name": "Cấp phép"}, {"code": "bad code", "name": "X"}]
    table = table_of(rows)
    converted_before_built: list[bool] = []
    built = threading.Event()
    # The parts converted in the wait: the schema's, and PX902's unless it waits too.
    in_the_wait = 2 if early_hits > 1 else 1

    def slow_build() -> str:
        for _ in range(WAIT * 100):  # until the hits so far are converted, or the test fails
            if len(converted_before_built) >= in_the_wait:
                break
            threading.Event().wait(0.01)
        built.set()
        return "built"

    def waiting_check(ctx: RuleContext) -> pd.DataFrame:
        ctx.shared("slow", slow_build)
        return hits(ctx.frame, pd.Series([True, False], index=ctx.frame.index), "name", "w", "f")

    def other_check(ctx: RuleContext) -> pd.DataFrame:
        return hits(ctx.frame, pd.Series([True, True], index=ctx.frame.index), "code", "o", "f")

    rules = (_rule("PX901", waiting_check), _rule("PX902", other_check))

    def convert(found: pd.DataFrame) -> list[str]:
        converted_before_built.append(not built.is_set())
        return found["rule"].tolist()

    context = RuleContext(table.frame)
    context.prefetch_for("PX901", lambda ctx: ctx.prefetch("slow", slow_build))
    context.start()
    try:
        parts = converted_hits(convert, table, load_schema(), rules, None, context)
    finally:
        context.close()
    alone = table_hits(table, load_schema(), rules)
    assert alone is not None
    schema_rules = [rule for rule in alone["rule"] if not rule.startswith("PX")]
    assert schema_rules  # the bad code breaks the schema
    if early_hits > 1:
        assert parts == [schema_rules, ["PX902", "PX902"], ["PX901"]]
        assert converted_before_built == [True, True, False]
    else:  # PX902's two hits wait, and only the schema's one is made in the wait
        assert parts == [schema_rules, ["PX901", "PX902", "PX902"]]  # in rule order
        assert converted_before_built == [True, False]
