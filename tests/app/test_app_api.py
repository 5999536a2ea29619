"""procaudit.app as a Python API: its names, what importing it costs, and the README's example.

The use cases never import typer (the command line's) and `import procaudit.app` imports no
pandas: each is checked in a process of its own, as a notebook would start.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import procaudit.app
from conftest import ROOT, SAMPLES

# (the code run, modules that must not be imported after it)
LIGHT_IMPORTS = [
    ("import procaudit.app", ("pandas", "numpy", "pyarrow", "typer", "rich")),
    (
        "from procaudit.app import CheckRequest, Hooks, load_settings, run_check",
        ("pandas", "numpy", "pyarrow", "typer", "rich"),
    ),
    (
        "from procaudit.app import audit_files\n"
        "audit_files([{sample!r}])\n"
        "import procaudit.app.diff, procaudit.app.frames, procaudit.app.inspect",
        ("typer", "click", "rich.progress"),
    ),
]


@pytest.mark.parametrize("name", procaudit.app.__all__)
def test_every_exported_name_is_its_modules_own(name: str) -> None:
    value = getattr(procaudit.app, name)
    defined_in = importlib.import_module(value.__module__)
    assert getattr(defined_in, name) is value


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'audit_everything'"):
        _ = procaudit.app.audit_everything  # type: ignore[attr-defined]


@pytest.mark.parametrize(("code", "absent"), LIGHT_IMPORTS)
def test_what_importing_the_api_imports(code: str, absent: tuple[str, ...]) -> None:
    code = code.format(sample=str(SAMPLES / "catalogue-lao-cai.csv"))
    shown = "import sys\nprint(','.join(sorted(sys.modules)))\n"
    out = subprocess.run(
        [sys.executable, "-c", code + "\n" + shown], capture_output=True, text=True, check=True
    )
    imported = out.stdout.strip().split(",")
    assert "procaudit.app" in imported
    assert [
        name for name in imported if any(name == m or name.startswith(m + ".") for m in absent)
    ] == []


def python_api_example() -> str:
    """The code block of the README's "Python API" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Python API\n") : text.index("\n## Rules\n")]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_python_api_section_comes_just_before_the_rules() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count("\n## Python API\n") == 1
    assert text.index("\n## Python API\n") < text.index("\n## Rules\n")
    between = text[text.index("\n## Python API\n") + 1 : text.index("\n## Rules\n")]
    assert between.count("\n## ") == 0


def test_the_readme_example_runs_as_written(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES, tmp_path / "samples")
    out = subprocess.run(
        [sys.executable, "-c", python_api_example()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "29 4"  # as the comment in the README says
    assert lines[1].startswith("PA201 ")
    assert lines[2] == "{'PA201': 4, 'PA202': 2, 'PA203': 4}"
