"""JSON Schema writer schemas: the tree rules are checked against, and views checked against the schema."""

from __future__ import annotations

import json
from typing import Any

import pytest

from streamguard.core.errors import RulesError
from streamguard.masking.json_schema import JsonSchemaDocument
from streamguard.masking.rules import parse_rules
from streamguard.masking.schema_tree import leaf_paths, resolve
from tests.unit.fakes import customers_json_schema

CUSTOMERS = customers_json_schema()


def _document(schema: dict[str, Any]) -> JsonSchemaDocument:
    return JsonSchemaDocument.parse(json.dumps(schema), "test.json")


def test_the_tree_follows_refs_types_and_what_may_be_null_or_absent() -> None:
    leaves = dict(leaf_paths(CUSTOMERS.tree))
    assert set(leaves) >= {"address.street", "address.zip", "tags[]", "attrs{key}", "attrs{}"}
    assert [leaves[path].nullable for path in ("phone", "notes", "email")] == [True, True, False]
    assert leaves["plan"].symbols == ("FREE", "BASIC", "PRO", "ENTERPRISE")
    assert (leaves["lifetime_value"].kind, leaves["dob"].logical) == ("double", "format:date")
    assert not CUSTOMERS.tree.open  # additionalProperties: false
    _, email = resolve(CUSTOMERS.tree, "email")
    assert not email.has_default  # required: it may not be dropped


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"type": "object", "properties": {"a": {"$ref": "other.json#/x"}}}, "only references within the schema"),
        ({"type": "object", "properties": {"a": {"$ref": "#/definitions/nope"}}}, "points at nothing"),
        (
            {"type": "object", "properties": {"n": {"$ref": "#/definitions/N"}}, "definitions": {"N": {"$ref": "#"}}},
            "recursive type",
        ),
        ({"type": "array", "items": {"type": "string"}}, "describes a array, not an object"),
    ],
)
def test_a_schema_that_cannot_be_used_is_refused_with_its_name(schema: dict[str, Any], problem: str) -> None:
    with pytest.raises(RulesError, match=problem):
        _document(schema)


def test_a_view_that_breaks_the_schema_is_not_valid() -> None:
    document = _document(
        {
            "type": "object",
            "properties": {"code": {"type": "string", "pattern": "^[0-9]{5}$"}, "n": {"type": "integer"}},
            "required": ["code"],
        }
    )
    assert document.valid({"code": "12345", "n": 3})
    assert not document.valid({"code": "123**"})  # a partial mask under a pattern
    assert not document.valid({"n": 3})  # a required field dropped


RULES = """
dataset: d
format: jsonschema
audiences: {{analytics: {{clearances: []}}}}
key: {{class: public}}
fields:
  {field}: {{class: contact, action: {action}}}
unclassified: redact
"""


@pytest.mark.parametrize(
    ("field", "action", "problem"),
    [
        ("email", "null", "null needs a nullable field"),
        ("email", "drop", "drop needs a field with a default"),
        ("dob", "hash", "hash cannot produce a string (format:date)"),
        ("dob", "redact", "redact cannot produce a string (format:date)"),
    ],
)
def test_actions_the_schema_would_refuse_are_problems_of_the_rules(field: str, action: str, problem: str) -> None:
    with pytest.raises(RulesError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_rules(RULES.format(field=field, action=action), source="r.yaml", schema=CUSTOMERS)


def test_a_date_generalized_stays_a_date_its_format_accepts() -> None:
    rules = parse_rules(RULES.format(field="dob", action="generalize, to: year"), schema=CUSTOMERS)
    assert rules.fields["dob"].effective_action == "generalize"
