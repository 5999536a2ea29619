"""A package's public names imported when first used (`core.lazy_names`)."""

from __future__ import annotations

import sys
import types

import pytest

from procaudit.core.lazy_names import lazy_names


@pytest.fixture
def package(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """A package `lazy_pkg` whose `answer` is defined in `lazy_pkg.deep`, not yet imported."""
    deep = types.ModuleType("lazy_pkg.deep")
    deep.answer = 42  # type: ignore[attr-defined]
    package = types.ModuleType("lazy_pkg")
    package.__getattr__, package.__dir__ = lazy_names(  # type: ignore[method-assign]
        "lazy_pkg", {"answer": "lazy_pkg.deep"}
    )
    monkeypatch.setitem(sys.modules, "lazy_pkg", package)
    monkeypatch.setitem(sys.modules, "lazy_pkg.deep", deep)
    return package


def test_a_public_name_is_found_in_its_module_and_kept(package: types.ModuleType) -> None:
    assert "answer" not in vars(package)
    assert package.answer == 42
    assert vars(package)["answer"] == 42  # the next use finds it without the module's hook


def test_another_name_is_an_attribute_error(package: types.ModuleType) -> None:
    with pytest.raises(AttributeError, match="'lazy_pkg' has no attribute 'question'"):
        package.question  # noqa: B018


def test_dir_lists_the_public_names_before_their_use(package: types.ModuleType) -> None:
    assert "answer" in dir(package)
    assert "answer" not in vars(package)
