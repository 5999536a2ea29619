"""Rules, one module per family; see `registry` for how a rule is declared."""

from procaudit.rules.registry import Rule, all_rules, get_rule

__all__ = ["Rule", "all_rules", "get_rule"]
