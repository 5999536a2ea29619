"""The rule reference, written from the registry: the README's rule table and `docs/rules.md`.

Both used to be written by hand beside the rules, and drifted from them. Now every word comes
from the rule definitions, in English: the table from each rule's id, name, default severity
and `Rule.finds`; the reference from the same heading and documentation `procaudit rules ID`
prints (`Rule.doc`: what the rule finds, why it matters, a bad and a good example, the fix).

    python -m procaudit.report.rule_docs            # rewrite both files in place
    python -m procaudit.report.rule_docs --check    # exit 1 when either is out of date

The README keeps its prose; only the table between the two marker comments is rewritten.
`tests/report/test_rule_docs.py` fails when a rule changes and the files were not rewritten.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from procaudit.core.atomic import write_atomically
from procaudit.rules import Rule, all_rules, get_repair
from procaudit.rules.options import NEEDED_OPTION

README = Path("README.md")
RULES_DOC = Path("docs/rules.md")
TABLE_START = "<!-- rules:start -->"
TABLE_END = "<!-- rules:end -->"
REGENERATE = "python -m procaudit.report.rule_docs"


def rule_table(rules: Iterable[Rule]) -> str:
    """The README's table: one row per rule, what it finds in a phrase."""
    lines = ["| id | name | severity | finds |", "|---|---|---|---|"]
    lines += [
        f"| {rule.id} | {rule.name} | {rule.severity.value} | {_cell(rule.finds)} |"
        for rule in rules
    ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """A table cell's text: a bar would end the cell."""
    return text.replace("|", "\\|")


def readme_with_table(readme: str, table: str) -> str:
    """`readme` with `table` in place of whatever stands between the two marker lines."""
    head, start, rest = readme.partition(TABLE_START + "\n")
    _, end, tail = rest.partition(TABLE_END + "\n")
    if not start or not end:
        raise ValueError(
            f"{README} lacks the lines {TABLE_START} and {TABLE_END} around the rule table"
        )
    return head + start + table + end + tail


def rules_reference(rules: Sequence[Rule]) -> str:
    """`docs/rules.md`: a table of contents, then each rule as `procaudit rules ID` shows it."""
    parts = [
        "# Rules\n",
        f"<!-- Generated from the rule registry by `{REGENERATE}`:\n"
        "     edit the rules, not this file. -->\n",
        "Every rule procaudit checks, as `procaudit rules ID` prints it (`--lang vi` prints it\n"
        "in Vietnamese): what it finds, why it matters, a bad and a good example, and the fix.\n"
        "`procaudit check --select` and `--ignore`, and the configuration file's `[severity]`\n"
        "table, take these ids. `procaudit fix` repairs what the rules it names find; a repair\n"
        "to review only with `--unsafe-fixes`.\n",
        "## Contents\n",
        "".join(f"- [{_title(rule)}](#{_anchor(rule)}): {rule.summary}\n" for rule in rules),
    ]
    parts += [_rule_section(rule) for rule in rules]
    return "\n".join(parts)


def _title(rule: Rule) -> str:
    return f"{rule.id} {rule.name}"


def _anchor(rule: Rule) -> str:
    """The anchor GitHub gives the rule's heading: ids and names are letters, digits and
    hyphens, so lowercase with the space made a hyphen."""
    return _title(rule).lower().replace(" ", "-")


def _rule_section(rule: Rule) -> str:
    """One rule: the heading line of `procaudit rules ID`, then its documentation."""
    facts = [
        f"default severity **{rule.severity.value}**",
        "needs column " + ", ".join(f"`{column}`" for column in rule.columns),
    ]
    if rule.needs:
        facts[-1] += f" and `{NEEDED_OPTION[rule.needs]}`"
    if rule.file_check is not None:
        facts.append("checked on the whole file")
    repair = get_repair(rule.id)
    if repair is not None:
        facts.append(
            "`procaudit fix` repairs it"
            if repair.safe
            else "`procaudit fix --unsafe-fixes` repairs it (a repair to review)"
        )
    facts[0] = facts[0][0].upper() + facts[0][1:]
    return f"## {_title(rule)}\n\n{' · '.join(facts)}\n\n{rule.doc}\n"


def generated(root: Path) -> dict[Path, str]:
    """What the README and `docs/rules.md` under `root` should hold, by path."""
    rules = all_rules()
    readme = root / README
    current = readme.read_text(encoding="utf-8")
    return {
        readme: readme_with_table(current, rule_table(rules)),
        root / RULES_DOC: rules_reference(rules),
    }


def stale(root: Path) -> dict[Path, str]:
    """The files under `root` whose text is not what the registry makes, with that text."""
    return {
        path: text
        for path, text in generated(root).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=REGENERATE,
        description="Write the README's rule table and docs/rules.md from the rule registry.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 when either file is out of date",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the repository's folder (default: the current folder)",
    )
    arguments = parser.parse_args(argv)
    try:
        outdated = stale(arguments.root)
    except (OSError, ValueError) as error:
        print(f"{REGENERATE}: {error}", file=sys.stderr)
        return 2
    if arguments.check:
        for path in outdated:
            shown = path.relative_to(arguments.root)
            print(f"{shown} is out of date with the rules: run {REGENERATE}", file=sys.stderr)
        return 1 if outdated else 0
    for path, text in outdated.items():
        _write(path, text)
        print(f"rewrote {path.relative_to(arguments.root)}")
    return 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    write_atomically(path, lambda stream: stream.write(data))


if __name__ == "__main__":
    sys.exit(main())
