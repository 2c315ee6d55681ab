"""The exception root: every error streamguard defines derives from it and is drawn in the tree."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import streamguard
from streamguard.core import errors
from streamguard.core.errors import StreamguardError, describe_failure


def _exception_classes() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for module in pkgutil.walk_packages(streamguard.__path__, "streamguard."):
        if module.name.endswith("__main__"):
            continue  # running it would start the command line
        for name, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(value, BaseException) and value.__module__.startswith("streamguard"):
                found[f"{value.__module__}.{name}"] = value
    return found


def _tree() -> dict[str, int]:
    """Class name -> depth, read off the tree drawn in the module docstring."""
    depth = {}
    for line in (errors.__doc__ or "").splitlines():
        drawn = re.match(r"^    ([│ ]*(?:├── |└── ))?(\w+)", line)
        if drawn and (drawn.group(1) or drawn.group(2) == "StreamguardError"):
            depth[drawn.group(2)] = len(drawn.group(1) or "") // 4
    return depth


def test_every_streamguard_exception_derives_from_the_root_and_is_in_the_tree() -> None:
    classes = _exception_classes()
    assert len(classes) >= 15  # the walk found them: an empty walk would pass vacuously
    tree = _tree()
    for where, cls in classes.items():
        assert issubclass(cls, StreamguardError), f"{where} does not derive from StreamguardError"
        assert cls.__module__ == "streamguard.core.errors", f"{where}: define exceptions in one place"
        assert cls.__name__ in tree, f"{where} is missing from the tree in streamguard.core.errors"


def test_the_tree_draws_each_class_under_its_parent() -> None:
    tree = _tree()
    for name, value in inspect.getmembers(errors, inspect.isclass):
        if issubclass(value, StreamguardError) and value is not StreamguardError:
            parent = value.__mro__[1].__name__
            assert tree[name] == tree[parent] + 1, f"{name} is not drawn under {parent}"


def test_failures_are_described_without_foreign_messages() -> None:
    try:
        raise ValueError("customer 536-22-8841 broke it")
    except ValueError as error:
        described = describe_failure(error)
    assert "536-22-8841" not in described
    assert described.startswith("ValueError at ")
    assert "test_errors.py" in described
    assert describe_failure(errors.RulesError("rules.yaml:3: email: unknown class")).endswith("unknown class")
