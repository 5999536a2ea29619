"""Rules, one module per family; see `registry` for how a rule is declared."""

from procaudit.rules.catalog import all_repairs, all_rules, get_repair, get_rule
from procaudit.rules.registry import Rule
from procaudit.rules.repairs import Repair

__all__ = ["Repair", "Rule", "all_repairs", "all_rules", "get_repair", "get_rule"]
