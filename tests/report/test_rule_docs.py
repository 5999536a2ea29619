"""The README's rule table and docs/rules.md are written from the rule registry, and stay so.

When a test here fails, a rule changed and the files did not: run
`python -m procaudit.report.rule_docs` in the repository's folder and commit what it rewrites.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from procaudit.report.rule_docs import (
    README,
    REGENERATE,
    RULES_DOC,
    TABLE_END,
    TABLE_START,
    generated,
    main,
    readme_with_table,
    rule_table,
)
from procaudit.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("relative", [README, RULES_DOC], ids=str)
def test_the_file_is_what_the_registry_makes(relative: Path) -> None:
    expected = generated(ROOT)[ROOT / relative]
    assert (ROOT / relative).read_text(encoding="utf-8") == expected, (
        f"{relative} is out of date with the rules: run `{REGENERATE}` in {ROOT} and commit it"
    )


def test_the_table_has_one_row_per_rule_in_id_order() -> None:
    rows = rule_table(all_rules()).splitlines()[2:]
    ids = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    assert ids == sorted(rule.id for rule in all_rules())
    assert all(row.count(" | ") == 3 for row in rows)  # no bar inside a cell


def test_every_rule_has_a_section_and_an_entry_in_the_contents() -> None:
    reference = generated(ROOT)[ROOT / RULES_DOC]
    for rule in all_rules():
        title = f"{rule.id} {rule.name}"
        assert f"\n## {title}\n" in reference
        assert f"- [{title}](#{title.lower().replace(' ', '-')}): {rule.summary}\n" in reference
        assert rule.doc in reference


def test_check_exits_1_on_drift_and_the_rewrite_makes_it_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(ROOT / README, tmp_path / README)
    readme = tmp_path / README
    readme.write_text(
        readme_with_table(readme.read_text(encoding="utf-8"), "| id |\n"), encoding="utf-8"
    )

    assert main(["--check", "--root", str(tmp_path)]) == 1
    assert "README.md is out of date" in capsys.readouterr().err
    assert main(["--root", str(tmp_path)]) == 0
    assert main(["--check", "--root", str(tmp_path)]) == 0
    assert readme.read_text(encoding="utf-8") == (ROOT / README).read_text(encoding="utf-8")
    assert (tmp_path / RULES_DOC).read_text(encoding="utf-8") == (ROOT / RULES_DOC).read_text(
        encoding="utf-8"
    )


def test_a_readme_without_the_markers_is_an_error(tmp_path: Path) -> None:
    (tmp_path / README).write_text("# procaudit\n\n| id | name |\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"{TABLE_START} and {TABLE_END}"):
        generated(tmp_path)
    assert main(["--check", "--root", str(tmp_path)]) == 2
