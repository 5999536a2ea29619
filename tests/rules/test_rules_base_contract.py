"""The import contract "the rules' base never imports a rule family" names every family.

pyproject.toml lists the families by name (import-linter has no "every module but these"),
so a new rule module left off the list would escape the contract unseen: this test sees it.
"""

from __future__ import annotations

import tomllib

from conftest import ROOT

BASE = {
    "__init__", "registry", "context", "compared_levels", "table_stack", "options", "hits",
    "selection", "repairs", "row_names",
}  # fmt: skip


def test_every_rule_module_but_the_base_is_forbidden_to_the_base() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    contract = next(c for c in contracts if c["id"] == "rules-base")
    modules = {path.stem for path in (ROOT / "src" / "procaudit" / "rules").glob("*.py")}
    assert {f"procaudit.rules.{m}" for m in BASE - {"__init__"}} == set(contract["source_modules"])
    assert {f"procaudit.rules.{m}" for m in modules - BASE} == set(contract["forbidden_modules"])
