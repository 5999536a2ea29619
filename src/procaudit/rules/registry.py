"""The rule registry: every rule's id, name, severity and documentation, and how it is checked.

Rule ids are a public contract (users select, ignore and gate on them), so the registry
refuses a second rule with an id or name already taken.

A rule is checked in one of three ways:
- a *frame rule* is a function of one canonical table that returns its hits (see `hits`);
  one whose hits may flood by the million can leave their messages and fixes to `explain`,
  which the engine calls after the floods are found, on the hits that stay findings and
  on each flood's first (`engine.hit_explain`): one column finding needs one explanation;
- a *file rule* is a function of all the tables of one file (and the file's other sheets),
  for what only the whole file can tell: coverage, procedures missing from it;
- a *schema rule* is a check in the Pandera schema whose `error` is the rule id; the rule
  here only documents it and turns a failing value into a message and a fix (and may turn
  many at once, in column kernels: `describe_many`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from procaudit.core.findings import Severity
from procaudit.core.i18n import language

if TYPE_CHECKING:
    import pandas as pd

    from procaudit.rules.context import FileContext, RuleContext

FrameCheck = Callable[["RuleContext"], "pd.DataFrame"]
FileCheck = Callable[["FileContext"], "pd.DataFrame"]
Describe = Callable[[str | None], tuple[str, str]]
# A Describe of many values at once: their messages and their fixes.
DescribeMany = Callable[[list[str | None]], tuple[list[str], list[str]]]
Prefetch = Callable[["RuleContext"], None]
# What a rule on a text cell's own text finds in one text: its message and fix, None where
# it finds nothing.
DescribeText = Callable[[str], tuple[str, str] | None]
# The messages and the fixes of some of a frame rule's hits (indexed by the frame's labels,
# as its check returned them), one each, in order.
Explain = Callable[["RuleContext", "pd.DataFrame"], tuple[Sequence[str], Sequence[str]]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    columns: tuple[str, ...]  # canonical columns the rule needs; without them it is skipped
    doc: str  # Markdown: a summary line, then what, why, **Bad**, **Good** and **Fix**
    check: FrameCheck | None = None
    describe: Describe | None = None
    # `describe` of many failing values in column kernels, where one call each is too slow.
    describe_many: DescribeMany | None = None
    file_check: FileCheck | None = None
    needs: str | None = None  # a RuleOptions field without which the rule does not run
    # Starts the rule's heaviest shared work on the context's worker thread before the
    # rules run (RuleContext.prefetch); the rule then finds it done.
    prefetch: Prefetch | None = None
    # Fills in the messages and fixes the check left empty, for the hits that are shown:
    # explaining a million hits that become one column finding cost more than finding them.
    explain: Explain | None = None
    # A frame rule whose hits on a row (which, and their column, value, message, fix and
    # severity) depend on that row's own cells and the options alone: never on other rows,
    # the table's size or statistics over it. The engine may then run it once on many small
    # tables stacked (`engine.stacked`) and hand each table its own hits: the rule's fixed
    # pandas cost is paid once for a folder of communes' lists, not once a file (issue 19).
    row_local: bool = False
    # A frame rule that compares a row with other rows of its own table (PA201-PA204, PA404,
    # PA502) only through what its context gives per table: the keys, the units
    # (`RuleContext.units`, `unit_ids`, `in_unit_lists`) and each row's table (`table_ids`).
    # Run on a stack of small tables whose context knows each row's table (`rules.
    # table_stack`), its hits on each are its hits on the table alone, as a row-local rule's
    # are.
    table_local: bool = False
    # The rule reads the names' comparison keys (`RuleContext.name_keys`): the reader starts
    # them for a large table as soon as it has found its header (`io.name_keys_ahead`).
    name_keys: bool = False
    # A frame rule on each text cell's own text (PA601-PA605): what it finds in one text.
    # A value joined from the cells of several rows (a name over two lines) is asked of each
    # cell, so that its finding points at the cell holding the defect (`engine.cell_parts`).
    describe_text: DescribeText | None = None
    doc_vi: str = ""  # the same in Vietnamese: **Sai**, **Đúng** and **Cách sửa**
    # What one finding is, in a Markdown phrase: the "finds" column of the README's rule
    # table (report/rule_docs.py writes it from here). Longer than the summary: it names the
    # cases and the examples a reader scanning the table needs.
    finds: str = ""

    @property
    def documentation(self) -> str:
        """The documentation in the language procaudit speaks (English where there is no
        Vietnamese)."""
        return self.doc_vi if language() == "vi" and self.doc_vi else self.doc

    @property
    def summary(self) -> str:
        return self.documentation.split("\n", 1)[0].strip()

    @property
    def from_schema(self) -> bool:
        return self.check is None and self.file_check is None


_RULES: dict[str, Rule] = {}
# A rule's docstring holds its English documentation, then this line, then the Vietnamese.
VI_MARKER = "[vi]"


def _docs(function: Callable[..., object]) -> tuple[str, str]:
    """(English, Vietnamese) documentation from a rule function's docstring."""
    doc = inspect.cleandoc(function.__doc__ or "")
    english, _, vietnamese = doc.partition(f"\n{VI_MARKER}\n")
    return english.strip(), vietnamese.strip()


def register(rule: Rule) -> Rule:
    if rule.id in _RULES:
        raise ValueError(f"rule id {rule.id} is registered twice")
    if any(other.name == rule.name for other in _RULES.values()):
        raise ValueError(f"rule name {rule.name} is registered twice")
    if not rule.doc:
        raise ValueError(f"rule {rule.id} has no documentation")
    if not rule.finds:
        raise ValueError(f"rule {rule.id} does not say what it finds")
    _RULES[rule.id] = rule
    return rule


def frame_rule(
    rule_id: str,
    name: str,
    severity: Severity,
    columns: tuple[str, ...],
    needs: str | None = None,
    prefetch: Prefetch | None = None,
    *,
    finds: str,
    explain: Explain | None = None,
    row_local: bool = False,
    table_local: bool = False,
    name_keys: bool = False,
    describe_text: DescribeText | None = None,
) -> Callable[[FrameCheck], FrameCheck]:
    """Register a function of a table's RuleContext; its docstring is the rule's documentation.
    With `explain`, the function's hits have empty messages and fixes, filled in by `explain`
    for the hits shown. `row_local`, `table_local`, `name_keys`, `describe_text`: see
    `Rule`."""

    def decorate(check: FrameCheck) -> FrameCheck:
        doc, doc_vi = _docs(check)
        register(
            Rule(
                rule_id,
                name,
                severity,
                columns,
                doc,
                check=check,
                needs=needs,
                prefetch=prefetch,
                explain=explain,
                row_local=row_local,
                table_local=table_local,
                name_keys=name_keys,
                describe_text=describe_text,
                doc_vi=doc_vi,
                finds=finds,
            )
        )
        return check

    return decorate


def file_rule(
    rule_id: str,
    name: str,
    severity: Severity,
    columns: tuple[str, ...],
    needs: str | None = None,
    *,
    finds: str,
) -> Callable[[FileCheck], FileCheck]:
    """Register a function of a whole file's FileContext; it returns `hits.file_hits`.

    The rule runs when at least one table of the file has `columns`."""

    def decorate(check: FileCheck) -> FileCheck:
        doc, doc_vi = _docs(check)
        register(
            Rule(
                rule_id,
                name,
                severity,
                columns,
                doc,
                file_check=check,
                needs=needs,
                doc_vi=doc_vi,
                finds=finds,
            )
        )
        return check

    return decorate


def schema_rule(
    rule_id: str,
    name: str,
    severity: Severity,
    column: str,
    *,
    finds: str,
    many: DescribeMany | None = None,
) -> Callable[[Describe], Describe]:
    """Register a rule checked by the schema; the function explains one failing value."""

    def decorate(describe: Describe) -> Describe:
        doc, doc_vi = _docs(describe)
        register(
            Rule(
                rule_id,
                name,
                severity,
                (column,),
                doc,
                describe=describe,
                describe_many=many,
                doc_vi=doc_vi,
                finds=finds,
            )
        )
        return describe

    return decorate


def registered() -> tuple[Rule, ...]:
    """The rules registered so far, by id (`catalog.all_rules` registers them all first)."""
    return tuple(sorted(_RULES.values(), key=lambda rule: rule.id))


def registered_rule(rule_id: str) -> Rule | None:
    """The registered rule of this id (any case), if any."""
    return _RULES.get(rule_id.upper())
