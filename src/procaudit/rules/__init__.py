"""Rules, one module per family; see `registry` for how a rule is declared."""

from procaudit.rules.catalog import all_rules, get_rule
from procaudit.rules.registry import Rule

__all__ = ["Rule", "all_rules", "get_rule"]
