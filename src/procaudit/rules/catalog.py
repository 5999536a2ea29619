"""Every rule procaudit has: the rule families, imported once, register their rules and
repairs.

The families import the registry to declare their rules, so the registry never imports them:
this module, one step above both, does, and only when a rule is first asked for, which keeps
`procaudit --help` light.
"""

from __future__ import annotations

from functools import cache

from procaudit.rules.registry import Rule, registered, registered_rule
from procaudit.rules.repairs import Repair, registered_repair, registered_repairs


def all_rules() -> tuple[Rule, ...]:
    """Every rule, by id."""
    _load_rule_families()
    return registered()


def get_rule(rule_id: str) -> Rule | None:
    """The rule of this id (any case), if procaudit has one."""
    _load_rule_families()
    return registered_rule(rule_id)


def all_repairs() -> tuple[Repair, ...]:
    """Every rule's repair, in the order `procaudit fix` runs them."""
    _load_rule_families()
    return registered_repairs()


def get_repair(rule_id: str) -> Repair | None:
    """The repair of the rule of this id, if it has one."""
    _load_rule_families()
    return registered_repair(rule_id)


@cache  # looked up once per failing value of the schema: import once
def _load_rule_families() -> None:
    from procaudit.rules import (  # noqa: F401  (importing a family registers its rules)
        codes,
        duplicates,
        duplicates_across,
        forms,
        html_entities,
        html_markup,
        name_lookalikes,
        near_duplicates,
        online_conflicts,
        publication,
        reference,
        reform_agencies,
        reform_levels,
        reform_online,
        schema_generic,
        text_cells,
        text_repairs,
    )
