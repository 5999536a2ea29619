"""What a frame rule is given: one canonical table and the keys derived from it, computed
once per table however many rules use them, and whichever thread asks: the heaviest are
built on a worker thread while the rules run (`RuleContext.prefetch`)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np
import pandas as pd

from procaudit.catalogue.code_words import without_no_code_words
from procaudit.catalogue.columns import ROW, SECTION_STATUS, SECTION_UNIT
from procaudit.catalogue.name_tags import may_end_with_tag
from procaudit.catalogue.status import ABOLISHED, NEW, SUSPENDED, status_kinds
from procaudit.catalogue.text_columns import (
    arrow_chunks,
    comparison_key_array,
    map_distinct,
    map_factorized,
    text_codes,
    text_series,
    transform_distinct,
    transform_factorized,
)
from procaudit.catalogue.units import Units, section_units, units_of
from procaudit.io.name_keys_ahead import claim_name_keys, claimed_scan
from procaudit.rules.compared_levels import compared_levels
from procaudit.rules.options import RuleOptions
from procaudit.rules.row_names import RowNames
from procaudit.rules.table_stack import TableStack, cut_per_row, small_factorized, stack_of_tables
from procaudit.vn.levels import name_tag

if TYPE_CHECKING:
    from procaudit.io.read import Table


T = TypeVar("T")


# The shared work `release` forgets: the keys and the survey made of the text columns.
_TEXT_WORK = ("name_keys", "duplicates", "near_duplicates", "text_cells")

# The shared work that is a function of each row's own cells, by the column it is made of:
# made once on a stack of tables, each table is given its rows' part (`per_row_parts`,
# `seed`), for the scorecard. Not the numbers made of it (`distinct`): those number a
# table's values as they first appear in it, so each table makes its own. (The rules that
# compare rows, and the name and level keys they read, run on the stack themselves.)
PER_ROW_WORK = {"code_keys": "code", "name_tags": "name"}


@dataclass
class _Build:
    """Shared work prefetched for a table and not started yet."""

    key: str
    build: Callable[[], Any]
    first: bool


@dataclass(eq=False)
class _Offer:
    """Part of a build offered to a thread that would otherwise wait (`beside`), or work a
    thread keeps for its own waits (`meanwhile`: `thread` is its id)."""

    work: Callable[[], Any]
    thread: int | None = None
    result: Future[Any] = field(default_factory=Future)


class RuleContext:
    def __init__(
        self,
        frame: pd.DataFrame,
        options: RuleOptions | None = None,
        source_columns: frozenset[str] | None = None,
        tables: list[pd.DataFrame] | None = None,
    ) -> None:
        self.frame = frame
        # The tables `frame` stacks, one after another (`engine.stacked`), if it does.
        self._tables = tables
        self.options = options or RuleOptions()
        self._shared: dict[str, Any] = {}
        # Shared work is built once whichever thread asks first: the builds not started
        # yet, the ones being built (their result given to any other thread asking), under
        # one lock.
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)  # a build done, or work offered
        self._queued: list[_Build] = []
        self._building: dict[str, tuple[Future[Any], int]] = {}  # key -> (result, thread)
        self._offered: list[_Offer] = []
        self._worker: ThreadPoolExecutor | None = None
        # The shared work each rule prefetched (`prefetch_for`), by rule id.
        self._prefetched: dict[str, frozenset[str]] = {}
        self._asked: list[str] | None = None
        # The columns the source itself had; the reader may add others (a decision cell
        # "1890/QĐ-UBND ngày 15/8/2025" gives a decision_date column to a table without one).
        self.source_columns = (
            frozenset(frame.columns) if source_columns is None else (source_columns)
        )

    def shared(self, key: str, build: Callable[[], T]) -> T:
        """`build()`, run once per table for the rules of a family that share the work. If
        the work was prefetched, its build runs here unless the worker thread has started
        it; if another thread is building it, its result is waited for."""
        with self._lock:
            if key in self._shared:
                return cast(T, self._shared[key])  # `build` made it, under the same key
            building = self._building.get(key)
            if building is None:
                queued = next((b for b in self._queued if b.key == key), None)
                if queued is not None:  # taken from the worker, whose build it is
                    self._queued.remove(queued)
                    build = queued.build
                future: Future[Any] = Future()
                self._building[key] = (future, threading.get_ident())
        if building is not None:
            self._help(building[0])
            return cast(T, building[0].result())
        return cast(T, self._build(key, build, future))

    def seed(self, key: str, value: Any) -> None:
        """Give the table shared work made for it elsewhere (its part of the work made once
        on a stack of tables with it, `per_row_parts`): a rule asking for `key` is given it."""
        with self._lock:
            self._shared[key] = value

    def given(self, key: str) -> Any | None:
        """Shared work `key` if it is made or given (`seed`) already, else None: nothing is
        built or waited for (work handed `beside` may ask this, not `shared`)."""
        with self._lock:
            return self._shared.get(key)

    def per_row_parts(self, bounds: np.ndarray, tables: list[pd.DataFrame]) -> list[dict[str, Any]]:
        """The per-row work (`PER_ROW_WORK`) of this frame, made now if it was not, cut into
        the parts of the `tables` stacked in it, for their `seed`: table i holds the rows
        bounds[i] to bounds[i + 1], labelled as `tables[i]` labels them. Work made of a
        column that is a category in the tables is left out (the stack's column may not be
        one: their categories differ). With it, each table's own units and distinct
        agencies, if the rules found them (`table_stack`)."""
        parts: list[dict[str, Any]] = [{} for _ in tables]
        for key, column in PER_ROW_WORK.items():
            if column not in self.frame or isinstance(tables[0][column].dtype, pd.CategoricalDtype):
                continue
            work = getattr(self, key)  # its property: `shared` work
            if key == "name_tags":  # labelled by position
                work = work.set_axis(self.frame.index.get_indexer(work.index))
            for part, of_table in zip(parts, cut_per_row(key, work, bounds, tables), strict=True):
                part[key] = of_table
        stack = self.given("table stack")
        if stack is not None and stack.agencies:
            for part, units, agency in zip(parts, stack.units, stack.agencies, strict=True):
                part["units"], part["distinct agency"] = units, agency
        return parts

    def beside(self, work: Callable[[], T]) -> Callable[[], T]:
        """Offer `work`, a part of a build that the build does not need yet, to a thread
        that would otherwise wait for this table's shared work (the rules' thread, once
        the other rules have run, waiting for PA204's names). The function returned gives
        its result: made here if no thread took it, else waited for, doing the other work
        offered meanwhile. `work` must not ask for shared work."""
        return self._offer(_Offer(work))

    def meanwhile(self, work: Callable[[], T]) -> Callable[[], T]:
        """Keep `work` for this thread to do while it waits for shared work another thread
        builds (a table's findings so far, while the worker builds PA204's names): no other
        thread takes it. The function returned gives its result, made then if it was not.
        Offers of a build (`beside`) are taken first: the build may wait for them."""
        return self._offer(_Offer(work, threading.get_ident()))

    def _offer(self, offer: _Offer) -> Callable[[], Any]:
        with self._changed:
            self._offered.append(offer)
            self._changed.notify_all()

        def result() -> Any:
            with self._lock:
                untaken = offer in self._offered
                if untaken:
                    self._offered.remove(offer)
            if untaken:
                return offer.work()
            self._help(offer.result)  # the build's other offers meanwhile, if untaken
            return offer.result.result()

        return result

    def _help(self, until: Future[Any]) -> None:
        """Do the work offered (`beside`, and this thread's own: `meanwhile`) until `until`
        is done."""
        me = threading.get_ident()
        while True:
            with self._changed:
                self._changed.wait_for(lambda: until.done() or self._takeable(me) is not None)
                if until.done():
                    return
                offer = self._takeable(me)
                assert offer is not None
                self._offered.remove(offer)
            try:
                offer.result.set_result(offer.work())
            except BaseException as exc:
                offer.result.set_exception(exc)  # for the build, which fails with it
                raise
            finally:
                # Its work and result are the build's now: not held here while this thread
                # waits (a piece of a million names' words, the keys it was made of).
                del offer
                self._tell()  # to the build, if it waits for this work (`beside`)

    def _takeable(self, thread: int) -> _Offer | None:
        """The offer `thread` should take first, if any: a build's before its own."""
        mine = None
        for offer in self._offered:
            if offer.thread is None:
                return offer
            if mine is None and offer.thread == thread:
                mine = offer
        return mine

    def _build(self, key: str, build: Callable[[], Any], future: Future[Any]) -> Any:
        try:
            value = build()
        except BaseException as exc:
            with self._lock:
                del self._building[key]  # a thread asking later builds it again
            future.set_exception(exc)
            self._tell()
            raise
        with self._lock:
            self._shared[key] = value
            del self._building[key]
        future.set_result(value)
        self._tell()
        return value

    def _tell(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def taken(self, key: str, build: Callable[[], T]) -> T:
        """`shared(key, build)` for work only one rule uses: forgotten as it is given, so that
        its memory (PA204's names of a million rows) goes back when the rule is done, not
        once every rule of the table has run."""
        value = self.shared(key, build)
        with self._lock:
            self._shared.pop(key, None)
        return value

    def forget(self, key: str) -> None:
        """Drop shared work once its last user has it (PA204's build, done with the name
        keys, then holds hundreds of MB of its own). Anything asking for it later builds
        it again."""
        with self._lock:
            self._shared.pop(key, None)

    def prefetch(self, key: str, build: Callable[[], Any], first: bool = False) -> None:
        """Have `build()` for `shared(key, ...)` made on the table's worker thread, once
        `start` is called.

        The heaviest shared work (PA204's names, the duplicate keys, the survey of the text
        cells) is mostly pyarrow and numpy kernels, which let go of the GIL: built on a
        second core while the first runs the schema and the other rules, it costs little
        wall time. The worker takes the builds `first` ones first (the longest: the other
        builds and the rules run beside it), then in the order asked. A build the worker
        has not started when a rule needs it is made by that rule's thread instead. A build
        must only read the frame and other shared values."""
        if self._asked is not None:
            self._asked.append(key)
        with self._lock:
            if (
                key in self._shared
                or key in self._building
                or any(b.key == key for b in self._queued)
            ):
                return
            at = sum(b.first for b in self._queued) if first else len(self._queued)
            self._queued.insert(at, _Build(key, build, first))

    def start(self) -> None:
        """Start the worker on the builds prefetched so far (all asked for first, so that
        the worker begins with the one that must be first)."""
        with self._lock:
            waiting = len(self._queued)
        if waiting and self._worker is None:
            self._worker = ThreadPoolExecutor(1, thread_name_prefix="procaudit-prefetch")
        for _ in range(waiting):
            assert self._worker is not None
            self._worker.submit(self._build_next)

    def _build_next(self) -> None:
        """The worker's job: the first build queued, if no rule took it meanwhile."""
        with self._lock:
            if not self._queued:
                return
            queued = self._queued.pop(0)
            future: Future[Any] = Future()
            self._building[queued.key] = (future, threading.get_ident())
        # A failure reaches the rule that waits for the result; a rule asking after the
        # build failed runs it again on its own thread, which raises it there.
        with contextlib.suppress(Exception):
            self._build(queued.key, queued.build, future)

    def prefetch_for(self, rule_id: str, prefetch: Callable[[RuleContext], None]) -> None:
        """Run a rule's `prefetch`, remembering what it asked for (`would_wait`)."""
        self._asked = []
        try:
            prefetch(self)
            self._prefetched[rule_id] = frozenset(self._asked)
        finally:
            self._asked = None

    def would_wait(self, rule_id: str) -> bool:
        """Whether the rule would now wait for shared work its prefetch asked for, being
        built on another thread (work not started yet it would build itself)."""
        keys = self._prefetched.get(rule_id, frozenset())
        me = threading.get_ident()
        with self._lock:
            return any(key in self._building and self._building[key][1] != me for key in keys)

    def release(self) -> None:
        """Forget the table's text keys once its frame rules have run: at a million rows the
        names, their comparison keys and the survey of the text cells hold hundreds of MB
        that the findings, collected next, would otherwise be built beside. The counts and
        the file rules that come after need only the small keys kept here (and would
        rebuild any other they asked for)."""
        with self._lock:
            for key in [k for k in self._shared if k.startswith(_TEXT_WORK)]:
                del self._shared[key]
        self.__dict__.pop("_row_names", None)

    def close(self) -> None:
        """Wait for the worker thread to end; prefetched work no rule asked for is dropped."""
        with self._lock:
            self._queued.clear()
        if self._worker is not None:
            self._worker.shutdown(wait=True, cancel_futures=True)
            self._worker = None

    def distinct(self, column: str) -> tuple[np.ndarray, pd.Index]:
        """`pd.factorize` of one of the table's columns, once per table: several rules read
        the same repeated column (levels, agencies, decision numbers). The codes are the
        smallest signed integers holding the number of values and one more."""
        return self.shared(f"distinct {column}", lambda: small_factorized(self.frame[column]))

    def map_distinct(
        self, column: str, func: Callable[[str], Any], dtype: str = "str"
    ) -> pd.Series:
        """`text.map_distinct` of one of the table's columns."""
        return map_factorized(self.distinct(column), func, self.frame.index, dtype)

    def per_distinct(self, column: str, transform: Callable[[pd.Series], pd.Series]) -> pd.Series:
        """`transform` (column operations) of one of the table's columns, run on its
        distinct values only, missing included, and spread back to the rows."""
        return transform_factorized(self.distinct(column), transform, self.frame.index)

    @property
    def name_tags(self) -> pd.Series:
        """The level tag of each name that ends with one, as `levels.name_tag` gives it, by
        row label; rows without a tag are left out (most: a full column of them would hold
        8 MB of pointers at a million rows). Only names `may_end_with_tag` lets through are
        looked at."""
        return self.shared("name_tags", self.find_name_tags)

    def prefetch_name_tags(self) -> None:
        self.prefetch("name_tags", self.find_name_tags)

    def find_name_tags(self) -> pd.Series:
        names = self.frame["name"]
        # Matched in the reader's blocks: a joined copy of a million names is 60 MB.
        tagged = may_end_with_tag(arrow_chunks(names), claimed_scan(names))  # `name_scan`
        return map_distinct(names[tagged], name_tag, dtype="object").dropna()

    def _status_is(self, *kinds: str) -> pd.Series:
        """Rows whose status (their own, or their section's) says one of these kinds
        (`catalogue.status`): read once per distinct status, spread to the rows as flags."""
        index = self.frame.index
        if "status" not in self.frame:
            return pd.Series(False, index=index)
        codes, uniques = self.distinct("status")
        said = transform_distinct(uniques, status_kinds).isin(kinds).to_numpy(dtype=bool)
        return pd.Series(said[codes], index=index)  # code -1 (missing): the last, False

    @property
    def abolished(self) -> pd.Series:
        """Rows whose status (their own, or their section's) says they are out of force."""
        return self.shared("abolished", lambda: self._status_is(ABOLISHED))

    @property
    def not_in_force(self) -> pd.Series:
        """Rows out of force, suspended or closed: the rules that ask a procedure in force
        for its form, decision or code leave them alone."""
        return self.shared("not in force", lambda: self._status_is(ABOLISHED, SUSPENDED))

    @property
    def newly_published(self) -> pd.Series:
        """Rows whose status says the procedure is newly published (it may have no code)."""
        return self.shared("newly published", lambda: self._status_is(NEW))

    @cached_property
    def own_status(self) -> pd.Series:
        """Rows whose status was written in the row itself, not passed down by a section."""
        if "status" not in self.frame:
            return pd.Series(False, index=self.frame.index)
        given = self.frame["status"].notna()
        if SECTION_STATUS in self.frame:
            given &= ~self.frame[SECTION_STATUS].astype(bool)
        return given

    # The keys below are `shared`, not cached properties: the worker thread's builds and
    # the rules ask for them at once, and each is made once.
    @property
    def name_keys(self) -> pd.Series:
        return self.shared("name_keys", self._find_name_keys)

    def prefetch_name_keys(self) -> None:
        """Ask for the name keys with the builds that read them: a rule whose build needs
        them then waits for them only once the other rules have run (`would_wait`)."""
        self.prefetch("name_keys", self._find_name_keys)

    @property
    def name_codes(self) -> np.ndarray:
        """`text_codes` of the name keys (PA201-PA203's keys and PA204's names read them)."""
        return self.shared("name_keys codes", lambda: text_codes(self.name_keys))

    def _find_name_keys(self) -> pd.Series:
        column = self.frame["name"]
        # Made while the reader read the layout, when this column is the one they were
        # made of (`io.name_keys_ahead`); else here, from the column's blocks.
        names = claim_name_keys(column, self.frame.get(ROW))
        if names is None:
            names = comparison_key_array(arrow_chunks(column))
        return text_series(names, self.frame.index)

    @property
    def level_keys(self) -> pd.Series:
        """One key per set of levels: "Cấp xã, Cấp tỉnh" and "cấp tỉnh; Cấp xã" are equal;
        where a row's cell has none, the level its local code marks or else the levels its
        agencies work at, kept apart (`compared_levels`); "" where none says. A category: a
        few keys, held a byte a row (as text, 17 MB at a million rows, kept while PA204
        runs)."""
        return self.shared("level_keys", self._find_level_keys)

    def _find_level_keys(self) -> pd.Series:
        # The distinct levels and agencies, each worked out once: a folder of communes'
        # lists repeats them, and those seen before are not worked out again.
        return compared_levels(
            self.distinct("level") if "level" in self.frame else None,
            self.distinct("agency") if "agency" in self.frame else None,
            self.frame.index,
            self.frame.get("code"),
        )

    @property
    def code_keys(self) -> pd.Series:
        """The code as compared between rows; missing where there is no code (or the cell
        says there is none yet: `code_words`)."""
        return self.shared("code_keys", self._find_code_keys)

    def _find_code_keys(self) -> pd.Series:
        if "code" not in self.frame:
            return pd.Series(pd.NA, index=self.frame.index, dtype="str")
        codes = self.frame["code"]
        stripped = codes.str.strip()
        # Most codes are typed without spaces around them: the column itself then, not a copy
        # held as long as the table's keys are. "Chưa có mã" is no code to compare.
        return without_no_code_words(codes if stripped.equals(codes) else stripped)

    @property
    def units(self) -> Units | None:
        """The units of a per-unit ("stacked") list, as `units.find_units` finds them in the
        agency column: each row's unit id (-1 where the row names none) and each unit's
        label and kind. None where the table is not a per-unit list (or has no agency). On
        a stack of tables, the units of each (`TableStack.joined_units`). A table whose
        units head their blocks as sections (`SECTION_UNIT`) has those units where its
        agency column names none."""
        if "agency" not in self.frame and SECTION_UNIT not in self.frame:
            return None
        stack = self.table_stack
        if stack is not None:
            return stack.joined_units
        return self.shared("units", self._find_units)

    def _find_units(self) -> Units | None:
        units = units_of(self.distinct("agency")) if "agency" in self.frame else None
        if units is None and SECTION_UNIT in self.frame:
            return section_units(self.frame[SECTION_UNIT])
        return units

    def unit_ids(self) -> np.ndarray:
        """Each row's unit as a number from 0 (0 also for every row of a table that is not
        a per-unit list, and for rows naming no unit): a grouping key beside the others. On
        a stack of tables, rows of two tables never share one."""
        stack = self.table_stack
        if stack is not None:
            return stack.unit_ids
        units = self.units
        if units is None:
            return np.zeros(len(self.frame), dtype=np.int64)
        return units.ids + 1

    def table_ids(self) -> np.ndarray | None:
        """Each row's table in a stack of tables; None for a table alone."""
        stack = self.table_stack
        return None if stack is None else stack.table_ids

    def in_unit_lists(self) -> np.ndarray:
        """Whether each row's table is a per-unit list."""
        stack = self.table_stack
        if stack is not None:
            return stack.in_unit_lists
        return np.full(len(self.frame), self.units is not None)

    @property
    def table_stack(self) -> TableStack | None:
        """The tables this frame stacks (`engine.stacked`) with their own units, which the
        rules comparing rows keep apart; None for a table alone."""
        if self._tables is None:
            return None
        return self.shared("table stack", self._find_table_stack)

    def _find_table_stack(self) -> TableStack:
        assert self._tables is not None
        return stack_of_tables(self._tables, self.distinct)

    @cached_property
    def _row_names(self) -> RowNames:
        return RowNames(self.frame)

    def row_list(self, index: list[Any], total: int | None = None, at: object = None) -> str:
        """Where the rows at `index` are, as the user numbers them: "row 17", "lines 3 and 9",
        "rows 3, 9, 17, 20, 31 and 6 more" (`RowNames.listed`); with `at`, the message's own
        row, a row on another sheet is named with its sheet."""
        return self._row_names.listed(index, total, at)


@dataclass
class FileContext:
    """One input file: the context of each of its tables, and its non-catalogue sheets."""

    path: str
    tables: list[tuple[Table, RuleContext]]
    options: RuleOptions = field(default_factory=RuleOptions)
    components: list[Table] = field(default_factory=list)  # dossier-components sheets
    # (rule id, why) for a file rule that found it could not check this file
    notes: list[tuple[str, str]] = field(default_factory=list)

    def with_columns(self, *columns: str) -> list[tuple[Table, RuleContext]]:
        return [(t, ctx) for t, ctx in self.tables if all(c in t.frame for c in columns)]
