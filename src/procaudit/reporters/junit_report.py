"""JUnit XML, which GitLab, Jenkins and GitHub test reporters read.

One <testsuite> per file, one <testcase> per rule with findings in that file, one <failure>
per finding. `failures` counts <failure> elements (findings), so it can exceed `tests`;
a file that could not be read is a suite with one <error>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from procaudit.model import AuditResult, Finding
from procaudit.reporters.base import Reporter

# Characters XML 1.0 cannot hold at all, even escaped; a catalogue cell may have them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _details(finding: Finding) -> str:
    parts = [("sheet", finding.sheet), ("row", finding.row), ("column", finding.column),
             ("code", finding.code), ("value", finding.value), ("fix", finding.fix)]
    return "\n".join(f"{key}: {_text(value)}" for key, value in parts if value is not None)


def _suite(parent: ET.Element, name: str, tests: int, failures: int, errors: int) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=_text(name), tests=str(tests),
                         failures=str(failures), errors=str(errors), skipped="0")


def junit_tree(result: AuditResult) -> ET.Element:
    root = ET.Element("testsuites", name="procaudit")
    by_file = {f.path: [] for f in result.files}  # files read clean get an empty suite
    for finding in result.findings:
        by_file.setdefault(finding.file, []).append(finding)
    tests = failures = errors = 0
    for path, findings in by_file.items():
        cases = [(rule, list(group)) for rule, group in
                 groupby(sorted(findings, key=lambda f: f.rule), key=lambda f: f.rule)]
        suite = _suite(root, path, len(cases), len(findings), 0)
        for rule, group in cases:
            case = ET.SubElement(suite, "testcase", classname=_text(path),
                                 name=_text(f"{rule} {group[0].name}"))
            for finding in group:
                failure = ET.SubElement(case, "failure", message=_text(finding.message),
                                        type=finding.severity.value)
                failure.text = _details(finding)
        tests, failures = tests + len(cases), failures + len(findings)
    for failure in result.failures:
        suite = _suite(root, failure.path, 1, 0, 1)
        case = ET.SubElement(suite, "testcase", classname=_text(failure.path), name="read")
        ET.SubElement(case, "error", message=_text(failure.message), type="input-error")
        tests, errors = tests + 1, errors + 1
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    return root


class JunitReporter(Reporter):
    def render(self, result: AuditResult, out: TextIO) -> None:
        root = junit_tree(result)
        ET.indent(root)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode") + "\n")
