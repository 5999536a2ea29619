"""The wheel holds every package of the source tree: a package missing from pyproject.toml
installs without error and fails only when a user runs the command that imports it."""

from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_package_of_the_source_tree_is_in_the_wheel() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    source = ROOT / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")
    }
    assert found - listed == set()
