"""Rule diffs: which changes of a dataset's steward rules reduce protection, by field and audience."""

from __future__ import annotations

import copy
import json
from typing import Any, get_args

import pytest
import yaml

from streamguard.control.rule_diff import _EXPOSURE, FieldChange, diff_rules
from streamguard.core.errors import RulesError
from streamguard.masking.rules import Action, Rules, parse_rules
from streamguard.masking.schema_tree import from_avro, leaf_paths
from tests.unit.fakes import CUSTOMERS_RULES, customers_schema

SAMPLE: dict[str, Any] = yaml.safe_load(CUSTOMERS_RULES.read_text())
SCHEMA = customers_schema()
Row = tuple[str, str, str, str, str]  # audience, path, before, after, effect


def variant(
    fields: dict[str, Any] | None = None,
    audiences: dict[str, Any] | None = None,
    schema: dict[str, Any] | None = None,
    key_schema: dict[str, Any] | None = None,
    **top: Any,
) -> Rules:
    """The sample rules with some field rules, audiences or top-level keys replaced (None removes one)."""
    data = copy.deepcopy(SAMPLE)
    for section, edits in (("fields", fields or {}), ("audiences", audiences or {}), (None, top)):
        target = data[section] if section else data
        for name, value in edits.items():
            if value is None:
                del target[name]
            else:
                target[name] = value
    text = yaml.safe_dump(data, sort_keys=False)
    return parse_rules(text, source="new.rules.yaml", schema=schema or SCHEMA, key_schema=key_schema)


def rows(before: Rules | None, after: Rules, **kwargs: Any) -> set[Row]:
    diff = diff_rules(before, after, **kwargs)
    return {(c.audience, c.path, c.before, c.after, c.effect) for c in diff.changes}


HASH = {"class": "contact", "action": "hash"}

CASES: list[tuple[str, dict[str, Any], dict[str, Any], set[Row]]] = [
    (
        "hash to clear",
        {},
        {"fields": {"email": {"class": "public"}}},
        {("analytics", "email", "hash", "clear", "loosens")},
    ),
    (
        "redact to partial",
        {},
        {"fields": {"ssn": {"class": "government_id", "action": "partial", "keep_last": 4}}},
        {
            ("analytics", "ssn", "redact", "partial keep_last=4", "loosens"),
            ("support", "ssn", "redact", "partial keep_last=4", "loosens"),
        },
    ),
    (
        "partial keeps more",
        {},
        {"fields": {"phone": {"class": "contact", "action": "partial", "keep_last": 4}}},
        {("analytics", "phone", "partial keep_last=2", "partial keep_last=4", "loosens")},
    ),
    (
        "partial keeps less",
        {},
        {"fields": {"credit_card": {"class": "financial", "action": "partial", "keep_last": 2}}},
        {
            ("analytics", "credit_card", "partial keep_last=4", "partial keep_last=2", "tightens"),
            ("support", "credit_card", "partial keep_last=4", "partial keep_last=2", "tightens"),
        },
    ),
    (
        "clearance added",
        {},
        {"audiences": {"analytics": {"clearances": ["personal"]}}},
        {
            ("analytics", "dob", "generalize to=year", "clear", "loosens"),
            ("analytics", "signup_ts", "generalize to=month", "clear", "loosens"),
            ("analytics", "attrs{}", "redact", "clear", "loosens"),
        },
    ),
    (
        "clearance removed",
        {},
        {"audiences": {"support": {"clearances": []}}},
        {
            ("support", "full_name", "clear", "pseudonymize", "tightens"),
            ("support", "email", "clear", "hash", "tightens"),
            ("support", "phone", "clear", "partial keep_last=2", "tightens"),
            ("support", "address.street", "clear", "redact", "tightens"),
            ("support", "address.zip", "clear", "generalize keep_first=3", "tightens"),
        },
    ),
    (
        "unclassified redact to pass",
        {"unclassified": "redact"},
        {"unclassified": "pass"},
        {(audience, "<unclassified>", "redact", "clear", "loosens") for audience in ("analytics", "risk", "support")},
    ),
    (
        "strict detection to standard",
        {"audiences": {"analytics": {"clearances": [], "detection": "strict"}}},
        {},
        {
            ("analytics", "<unclassified>", "detect detection=strict", "detect", "loosens"),
            ("analytics", "notes", "detect detection=strict", "detect", "loosens"),
        },
    ),
    (
        "detected spans become pseudonyms",
        {},
        {"fields": {"notes": {"class": "free_text", "action": "detect", "replace": "pseudonym"}}},
        {
            (audience, "notes", "detect", "detect replace=pseudonym", "loosens")
            for audience in ("analytics", "risk", "support")
        },
    ),
    (
        "field removed falls back to unclassified detect",
        {},
        {"fields": {"email": None}},
        {
            ("analytics", "email", "hash", "detect (unclassified)", "loosens"),
            ("risk", "email", "clear", "detect (unclassified)", "tightens"),
            ("support", "email", "clear", "detect (unclassified)", "tightens"),
        },
    ),
    (
        # redacted itself now, but its value is no longer looked for where the notes quote it
        "field removed falls back to unclassified redact",
        {"unclassified": "redact"},
        {"unclassified": "redact", "fields": {"email": None}},
        {
            ("analytics", "email", "hash", "redact (unclassified)", "tightens"),
            ("risk", "email", "clear", "redact (unclassified)", "tightens"),
            ("support", "email", "clear", "redact (unclassified)", "tightens"),
            ("analytics", "email <in free text>", "masked where quoted", "left to the recognizers", "loosens"),
        },
    ),
    (
        "map key hashed to clear",
        {"fields": {"attrs{key}": {"class": "personal", "action": "hash"}}},
        {},
        {(audience, "attrs{key}", "hash", "clear", "loosens") for audience in ("analytics", "risk", "support")},
    ),
    (
        "map key clear to hashed",
        {},
        {"fields": {"attrs{key}": {"class": "personal", "action": "hash"}}},
        {(audience, "attrs{key}", "clear", "hash", "tightens") for audience in ("analytics", "risk", "support")},
    ),
    ("record key hashed to public", {"key": HASH}, {}, {("analytics", "<key>", "hash", "clear", "loosens")}),
    ("record key public to hashed", {}, {"key": HASH}, {("analytics", "<key>", "clear", "hash", "tightens")}),
    (
        "mixed change",
        {},
        {
            "fields": {
                "email": {"class": "contact", "action": "redact"},
                "phone": {"class": "contact", "action": "partial", "keep_last": 4},
            }
        },
        {
            ("analytics", "email", "hash", "redact", "tightens"),
            ("analytics", "phone", "partial keep_last=2", "partial keep_last=4", "loosens"),
        },
    ),
]


@pytest.mark.parametrize(("before", "after", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_changes_by_field_and_audience(before: dict[str, Any], after: dict[str, Any], expected: set[Row]) -> None:
    diff = diff_rules(variant(**before), variant(**after))
    assert rows(variant(**before), variant(**after)) == expected
    assert diff.reduces_protection == any(row[4] == "loosens" for row in expected)
    assert {c.path for c in diff.tightenings} == {row[1] for row in expected if row[4] == "tightens"}


# (field, rule in force, new rule, effect for analytics, which is cleared for none of these classes)
PARAMETERS: list[tuple[str, dict[str, Any], dict[str, Any], str]] = [
    ("dob", {"action": "generalize", "to": "year"}, {"action": "generalize", "to": "month"}, "loosens"),
    ("dob", {"action": "generalize", "to": "month"}, {"action": "generalize", "to": "year"}, "tightens"),
    ("lifetime_value", {"action": "generalize", "size": 100}, {"action": "generalize", "size": 10}, "loosens"),
    ("lifetime_value", {"action": "generalize", "size": 100}, {"action": "generalize", "size": 1000}, "tightens"),
    # a bucket of 1 masks an integer fully but buckets a float: no way to rank it from the rules
    ("lifetime_value", {"action": "generalize", "size": 1}, {"action": "generalize", "size": 10}, "loosens"),
    ("lifetime_value", {"action": "generalize", "size": 10}, {"action": "generalize", "size": 1}, "loosens"),
    ("address.zip", {"action": "generalize", "keep_first": 3}, {"action": "generalize", "keep_first": 5}, "loosens"),
    ("address.zip", {"action": "generalize", "keep_first": 3}, {"action": "generalize", "keep_first": 2}, "tightens"),
    ("address.zip", {"action": "generalize", "keep_first": 3}, {"action": "partial", "keep_first": 3}, "loosens"),
    (
        "ip_address",
        {"action": "generalize", "to": "network"},
        {"action": "generalize", "to": "network", "ipv4_prefix": 16},
        "tightens",
    ),
    (
        "ip_address",
        {"action": "generalize", "to": "network"},
        {"action": "generalize", "to": "network", "ipv4_prefix": 28},
        "loosens",
    ),
    (
        "ip_address",
        {"action": "generalize", "to": "network"},
        {"action": "generalize", "to": "network", "ipv6_prefix": 64},
        "loosens",
    ),
    # a /32 masks every IPv4 address fully: the default /24 reveals more
    (
        "ip_address",
        {"action": "generalize", "to": "network", "ipv4_prefix": 32},
        {"action": "generalize", "to": "network"},
        "loosens",
    ),
    ("phone", {"action": "partial", "keep_last": 2}, {"action": "partial", "keep_first": 2}, "loosens"),
    (
        "phone",
        {"action": "partial", "keep_last": 2},
        {"action": "partial", "keep_last": 2, "mask_char": "#"},
        "neutral",
    ),
    ("phone", {"action": "redact"}, {"action": "null"}, "neutral"),
    ("email", {"action": "hash", "length": 16}, {"action": "hash", "length": 32}, "neutral"),
    ("email", {"action": "hash"}, {"action": "pseudonymize"}, "neutral"),
    ("email", {"action": "hash"}, {"action": "encrypt"}, "loosens"),
    ("email", {"action": "encrypt"}, {"action": "hash"}, "tightens"),
    ("email", {"action": "encrypt"}, {"action": "partial", "keep_last": 4}, "loosens"),
    ("email", {"action": "hash"}, {"action": "redact"}, "tightens"),
    ("notes", {"action": "detect"}, {"action": "partial", "keep_first": 2}, "loosens"),
    ("notes", {"action": "partial", "keep_first": 2}, {"action": "detect"}, "loosens"),
]


@pytest.mark.parametrize(("field", "old", "new", "effect"), PARAMETERS)
def test_parameters_of_an_action(field: str, old: dict[str, Any], new: dict[str, Any], effect: str) -> None:
    field_class = SAMPLE["fields"][field]["class"]
    before = variant(fields={field: {"class": field_class, **old}})
    after = variant(fields={field: {"class": field_class, **new}})
    changes = [c for c in diff_rules(before, after).changes if c.audience == "analytics" and c.path == field]
    assert [c.effect for c in changes] == [effect]
    assert diff_rules(before, after).reduces_protection == (effect == "loosens")


def test_every_masking_action_has_a_rank() -> None:
    assert set(_EXPOSURE) == set(get_args(Action)) - {"pass"}


def test_identical_rules_give_no_changes_whatever_the_layout() -> None:
    reformatted = parse_rules(yaml.safe_dump(SAMPLE, default_flow_style=True), schema=SCHEMA)
    diff = diff_rules(variant(), reformatted)
    assert diff.changes == ()
    assert not diff.reduces_protection


def test_a_new_audience_is_new_exposure() -> None:
    diff = diff_rules(variant(), variant(audiences={"marketing": {"clearances": []}}))
    changes = {(c.path, c.before, c.after, c.effect) for c in diff.changes}
    assert {c.audience for c in diff.changes} == {"marketing"}
    assert len(diff.changes) == 2 + len(SAMPLE["fields"])  # every path: unclassified, key and fields
    assert {("customer_id", "no view", "clear", "loosens"), ("email", "no view", "hash", "loosens")} <= changes
    assert ("ssn", "no view", "redact", "neutral") in changes  # seeing nothing of it is no exposure
    assert ("<key>", "no view", "clear", "loosens") in changes
    assert diff.reduces_protection
    assert diff.tightenings == ()


def test_a_removed_audience_only_tightens() -> None:
    diff = diff_rules(variant(), variant(audiences={"support": None}))
    assert {c.audience for c in diff.changes} == {"support"}
    assert {c.after for c in diff.changes} == {"no view"}
    assert FieldChange("support", "email", "clear", "no view", "tightens") in diff.changes
    assert FieldChange("support", "ssn", "redact", "no view", "neutral") in diff.changes
    assert not diff.reduces_protection


def test_the_first_version_lists_everything_and_reduces_nothing() -> None:
    rules = variant()
    diff = diff_rules(None, rules)
    assert diff.before_version is None
    assert diff.after_version == rules.version
    assert len(diff.changes) == 3 * (2 + len(SAMPLE["fields"]))
    assert {(c.before, c.effect) for c in diff.changes} == {("no view", "initial")}
    assert FieldChange("analytics", "email", "no view", "hash", "initial") in diff.changes
    assert not diff.reduces_protection


def test_a_container_rule_is_resolved_like_the_plan_for_each_leaf() -> None:
    """A masking container masks its leaves whatever their own rules; below it the leaves are compared."""
    address = {path: None for path in SAMPLE["fields"] if path.startswith("address.")}
    after = variant(fields={**address, "address": {"class": "contact", "action": "redact"}})
    leaves = [path for path, _ in leaf_paths(from_avro(SCHEMA))]
    assert rows(variant(), after, leaves=leaves) == {
        ("analytics", "address.city", "clear", "redact (from address)", "tightens"),
        ("analytics", "address.country", "clear", "redact (from address)", "tightens"),
        ("analytics", "address.zip", "generalize keep_first=3", "redact (from address)", "tightens"),
    }  # street was redacted already; support is cleared for contact: address passes, its leaves as before
    # Without the leaves the container's row stands for them: unruled before, it had the unclassified policy.
    assert ("analytics", "address", "detect (unclassified)", "redact", "tightens") in rows(variant(), after)


def test_a_passing_container_covering_a_new_schema_leaf_loosens() -> None:
    """Re-applied with a schema that adds ``address.email``: no rule changed, yet the public container now
    covers a leaf that was unclassified drift."""
    grown = copy.deepcopy(json.loads(json.dumps(SCHEMA)))
    next(f for f in grown["fields"] if f["name"] == "address")["type"]["fields"].append(
        {"name": "email", "type": "string"}
    )
    address = {path: None for path in SAMPLE["fields"] if path.startswith("address.")}
    container = {**address, "address": {"class": "public"}}
    before, after = variant(fields=container), variant(fields=container, schema=grown)
    leaves = {path for schema in (SCHEMA, grown) for path, _ in leaf_paths(from_avro(schema))}
    assert diff_rules(before, after).changes == ()
    assert rows(before, after, leaves=leaves) == {
        (audience, "address.email", "detect (unclassified)", "clear", "loosens")
        for audience in ("analytics", "risk", "support")
    }


def test_an_avro_key_is_compared_field_by_field() -> None:
    key_schema = {
        "type": "record",
        "name": "CustomerKey",
        "fields": [{"name": "tenant", "type": "string"}, {"name": "email", "type": "string"}],
    }
    by_field = {"fields": {"tenant": {"class": "public"}, "email": HASH}}
    after = variant(key=by_field, key_schema=key_schema)
    # The whole key was hashed: its tenant is now clear to analytics, its email hashed as before.
    assert rows(variant(key=HASH), after) == {("analytics", "<key>.tenant", "hash", "clear", "loosens")}
    # A key field no rule covers is quarantined: a rule that shows it is new exposure.
    narrower = variant(key={"fields": {"tenant": {"class": "public"}}})
    assert rows(narrower, after) == {
        ("analytics", "<key>.email", "quarantined", "hash", "loosens"),
        ("risk", "<key>.email", "quarantined", "clear", "loosens"),
        ("support", "<key>.email", "quarantined", "clear", "loosens"),
    }


def test_json_impact_is_plain_sorted_data() -> None:
    before = variant(key=HASH)
    after = variant(fields={"email": {"class": "public"}})
    impact = diff_rules(before, after).to_json()
    assert json.loads(json.dumps(impact)) == impact
    assert impact == {
        "dataset": "customers",
        "before_version": before.version,
        "after_version": after.version,
        "reduces_protection": True,
        "changes": [
            {"audience": "analytics", "path": "<key>", "before": "hash", "after": "clear", "effect": "loosens"},
            {"audience": "analytics", "path": "email", "before": "hash", "after": "clear", "effect": "loosens"},
        ],
    }


def test_rules_of_another_dataset_are_refused() -> None:
    with pytest.raises(RulesError, match="'orders'"):
        diff_rules(variant(), variant(dataset="orders"))


@pytest.mark.parametrize(
    ("top", "row"),
    [
        ({"signature": "required"}, ("<signature>", "required", "off", "loosens")),
        ({"owner": "User:billing"}, ("<owner>", "User:billing", "User:crm-service", "loosens")),
        ({"max_record_bytes": 1000}, ("<max_record_bytes>", "1000", "900000", "loosens")),
    ],
)
def test_settings_that_decide_whose_records_pass_and_in_whose_name_are_ranked(
    top: dict[str, Any], row: tuple[str, str, str, str]
) -> None:
    """A steward switching producer signatures off, or changing the recorded owner, reduces protection: the
    diff is not empty and the change waits for approval (before, both published at once with an empty diff)."""
    before, after = variant(**top), variant()
    diff = diff_rules(before, after)
    assert {(c.audience, c.path, c.before, c.after, c.effect) for c in diff.changes} == {("*", *row)}
    assert diff.reduces_protection
    backwards = diff_rules(after, before)
    assert backwards.reduces_protection is (row[0] == "<owner>")  # an owner changed either way cannot be ranked


def test_another_format_cannot_be_ranked() -> None:
    json_rules = {**copy.deepcopy(SAMPLE), "format": "json"}
    before = parse_rules(yaml.safe_dump(json_rules, sort_keys=False), source="json.rules.yaml")
    after = parse_rules(yaml.safe_dump({**json_rules, "format": "avro"}, sort_keys=False), schema=SCHEMA)
    assert ("*", "<format>", "json", "avro", "loosens") in {
        (c.audience, c.path, c.before, c.after, c.effect) for c in diff_rules(before, after).changes
    }
