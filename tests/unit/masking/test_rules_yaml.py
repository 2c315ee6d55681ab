"""Hostile YAML in rules and policy files: alias bombs and recursive aliases are refused fast, with their line."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from streamguard.control.policy import load_policy
from streamguard.core.errors import PolicyError, RulesError
from streamguard.masking.rules import parse_rules


def _bomb() -> str:
    """The "billion laughs": 460 bytes that expand to 9**9 nodes, the last anchor on line 10."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[level]
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\n"


HEAD = """\
dataset: customers
format: avro
key: {class: public}
audiences:
  analytics: {clearances: []}
  support: {clearances: [contact]}
"""
BOMB = _bomb()
RECURSIVE = "dataset: customers\nformat: avro\nself: &x [*x]\n"  # the alias is on line 3


def _rules(text: str) -> None:
    parse_rules(text, source="r.yaml")


def _policy(text: str) -> None:
    load_policy(text, "policy.yaml")


PARSERS: list[tuple[Callable[[str], None], type[Exception], str]] = [
    (_rules, RulesError, "r.yaml"),
    (_policy, PolicyError, "policy.yaml"),
]


@pytest.mark.parametrize(("parse", "error", "source"), PARSERS)
def test_an_alias_bomb_is_refused_at_once_naming_its_line(
    parse: Callable[[str], None], error: type[Exception], source: str
) -> None:
    assert len(BOMB) < 500
    started = time.monotonic()
    with pytest.raises(error) as raised:
        parse(BOMB)
    assert time.monotonic() - started < 1.0
    message = str(raised.value)
    assert "\n" not in message  # one line, not a traceback or a list of half-expanded problems
    assert message.startswith(f"{source}:")
    line = int(message.split(":")[1])
    assert 2 <= line <= 10  # the alias that tipped the budget, somewhere in the anchors' chain
    assert "nodes" in message


@pytest.mark.parametrize(("parse", "error", "source"), PARSERS)
def test_a_recursive_alias_is_refused_naming_its_line(
    parse: Callable[[str], None], error: type[Exception], source: str
) -> None:
    started = time.monotonic()
    with pytest.raises(error) as raised:
        parse(RECURSIVE)
    assert time.monotonic() - started < 1.0
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{source}:3:")
    assert "recursive" in message


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    with pytest.raises(RulesError, match=r"^r\.yaml:1: .*nest"):
        parse_rules("x: " + "[" * 5000 + "]" * 5000 + "\n", source="r.yaml")


def test_an_ordinary_anchor_and_alias_still_load() -> None:
    text = HEAD.replace("analytics: {clearances: []}", "analytics: {clearances: &contact [contact]}")
    text = text.replace("support: {clearances: [contact]}", "support: {clearances: *contact}")
    text += "fields:\n  email: &hashed {class: contact, action: hash}\n  phone: *hashed\n"
    rules = parse_rules(text, source="r.yaml")
    assert rules.audiences["analytics"].clearances == rules.audiences["support"].clearances
    assert rules.fields["phone"].effective_action == "hash"
