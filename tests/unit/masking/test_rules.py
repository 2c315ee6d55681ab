"""Steward rules: loading, line-numbered errors, and validation against Avro schemas and JSON samples."""

from __future__ import annotations

import re
from pathlib import Path

import fastavro
import pytest

from streamguard.core.errors import RulesError
from streamguard.masking.rules import KNOWN_CLASSES, load_rules, parse_rules
from tests.unit.fakes import CUSTOMERS_RULES, customers_schema

HEAD = """\
dataset: customers
format: avro
key: {class: public}
audiences:
  analytics: {clearances: []}
  support: {clearances: [contact]}
"""


def problems(text: str, **kwargs: object) -> list[str]:
    """Every problem line of the RulesError raised for ``text``."""
    with pytest.raises(RulesError) as caught:
        parse_rules(text, source="r.yaml", **kwargs)  # type: ignore[arg-type]
    return [line.strip() for line in str(caught.value).splitlines()[1:]]


def test_sample_rules_validate_against_the_sample_schema() -> None:
    rules = load_rules(CUSTOMERS_RULES, schema=customers_schema())
    assert rules.dataset == "customers"
    assert list(rules.audiences) == ["analytics", "support", "risk"]
    assert rules.fields["address.zip"].keep_first == 3
    assert rules.fields["plan"].effective_action == "pass"
    assert rules.unclassified == "detect"
    assert re.fullmatch(r"[0-9a-f]{64}", rules.digest())


def test_digest_ignores_layout_but_not_meaning() -> None:
    a = parse_rules(
        HEAD + "fields:\n  email: {class: contact, action: hash}\n  ssn: {class: government_id, action: redact}\n"
    )
    b = parse_rules(
        "format: avro\nkey: {class: public}\ndataset: customers\naudiences:\n  support:\n    clearances: [contact]\n"
        "  analytics: {clearances: []}\nfields:\n  ssn: {action: redact, class: government_id}\n"
        "  email:\n    class: contact\n    action: hash\n"
    )
    c = parse_rules(
        HEAD + "fields:\n  email: {class: contact, action: hash}\n  ssn: {class: government_id, action: null}\n"
    )
    assert a.digest() == b.digest()
    assert a.digest() != c.digest()


def test_every_problem_is_reported_at_once_with_file_line_and_path() -> None:
    text = HEAD + (
        "fields:\n"
        "  phone: {class: contact, action: partial, keep_last: -1}\n"  # line 8
        "  dob: {class: personal, action: generalize, to: decade}\n"  # line 9
        "  email: {class: contactz, action: hash}\n"  # line 10
    )
    found = problems(text)
    assert len(found) == 3
    assert found[0].startswith("r.yaml:8: fields[phone].keep_last:")
    assert found[1].startswith("r.yaml:9: fields[dob].to:")
    assert found[2].startswith("r.yaml:10: email: unknown class 'contactz'")


def test_duplicate_paths_name_both_lines() -> None:
    text = HEAD + "fields:\n  ssn: {class: government_id, action: redact}\n  ssn: {class: public}\n"
    assert problems(text) == ["r.yaml:9: fields[ssn]: duplicate key (first at line 8)"]


def test_unknown_clearance_class_and_bad_audience_name() -> None:
    text = "dataset: d\nformat: json\nkey: {class: public}\naudiences:\n  Bad Name: {clearances: [contact, secretz]}\n"
    found = problems(text)
    assert any(p.startswith("r.yaml:5: audiences.Bad Name: name must match") for p in found)
    assert any("audiences.Bad Name.clearances: unknown class 'secretz'" in p for p in found)


def test_declared_classes_extend_the_known_list() -> None:
    rules = parse_rules(HEAD + "classes: [biometric]\nfields:\n  ssn: {class: biometric, action: redact}\n")
    assert "biometric" in rules.all_classes
    assert "biometric" not in KNOWN_CLASSES


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("phone: {class: contact}", "class contact needs an action"),
        ("phone: {class: contact, action: hash, keep_last: 2}", "parameter keep_last does not apply to action hash"),
        ("phone: {class: contact, action: partial}", "partial needs keep_first and/or keep_last"),
        ("dob: {class: personal, action: generalize}", "generalize needs exactly one of"),
        ("plan: {class: public, action: redact}", "class public always passes"),
        ("notes: {class: free_text, action: detect, prefix: x}", "prefix applies to detect only with replace"),
        ("a..b: {class: contact, action: redact}", "malformed path segment"),
    ],
)
def test_bad_or_missing_parameters(field: str, expected: str) -> None:
    found = problems(HEAD + f"fields:\n  {field}\n")
    assert len(found) == 1
    assert found[0].startswith("r.yaml:8: ")
    assert expected in found[0]


def test_rules_inside_a_ruled_field_are_refused() -> None:
    text = HEAD + "fields:\n  address: {class: contact, action: redact}\n  address.zip: {class: public}\n"
    assert problems(text) == ["r.yaml:9: address.zip: lies inside address, which has its own rule"]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("address.zipcode: {class: contact, action: redact}", "unknown path (no field 'zipcode')"),
        ("tags.x: {class: contact, action: redact}", "unknown path"),
        ("attrs[]: {class: contact, action: redact}", "not an array"),
        ("lifetime_value: {class: financial, action: partial, keep_last: 2}", "partial cannot produce a double"),
        ("ssn: {class: government_id, action: null}", "null needs a nullable field"),
        ("ssn: {class: government_id, action: drop}", "drop needs a field with a default"),
        ("lifetime_value: {class: financial, action: generalize, to: year}", "generalize to year needs a date"),
        ("dob: {class: personal, action: hash}", "hash cannot produce a int (date)"),
        ("dob: {class: personal, action: generalize, size: 10}", "generalize by size cannot produce a int (date)"),
        ("marketing_opt_in: {class: personal, action: pseudonymize}", "pseudonymize cannot produce a boolean"),
        ("address: {class: contact, action: hash}", "hash cannot produce a record"),
        ("plan: {class: personal, action: encrypt}", "encrypt cannot produce a enum"),
        ("tags[]: {class: personal, action: drop}", "drop applies to record fields"),
    ],
)
def test_actions_that_cannot_produce_the_schema_type(field: str, expected: str) -> None:
    found = problems(HEAD + f"fields:\n  {field}\n", schema=customers_schema())
    assert len(found) == 1, found
    assert found[0].startswith("r.yaml:8: ")
    assert expected in found[0]


def test_actions_that_fit_the_schema_are_accepted() -> None:
    fields = (
        "fields:\n"
        "  phone: {class: contact, action: null}\n"
        "  tags: {class: personal, action: drop}\n"
        "  tags2: {class: personal, action: drop}\n"
    )
    # tags2 does not exist: exactly one problem, the other two rules fit.
    found = problems(HEAD + fields, schema=customers_schema())
    assert len(found) == 1
    assert "tags2: unknown path" in found[0]


def test_json_rules_check_paths_against_a_sample() -> None:
    text = "dataset: tickets\nformat: json\nkey: {class: public}\naudiences:\n  ops: {clearances: []}\nfields:\n"
    text += (
        "  user.email: {class: contact, action: hash}\n  user.age: {class: personal, action: partial, keep_last: 1}\n"
    )
    sample = {"user": {"email": "a@b.c", "age": 41}, "body": "text"}
    found = problems(text, sample=sample)
    assert len(found) == 1
    assert found[0].startswith("r.yaml:8: user.age: partial cannot produce a long")
    # Without a sample, JSON paths cannot be checked, so the same rules load.
    assert parse_rules(text).fields["user.age"].keep_last == 1


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    file = tmp_path / "broken.yaml"
    file.write_text("dataset: x\nformat: avro\nkey: {class: public}\naudiences: {a: [\n")
    with pytest.raises(RulesError, match=r"broken\.yaml:\d+: <document>:"):
        load_rules(file)


def test_missing_file_is_a_rules_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules(tmp_path / "nope.yaml")


def test_the_record_key_must_be_classified_with_an_action_that_keeps_keys_distinct() -> None:
    unkeyed = HEAD.replace("key: {class: public}\n", "") + "fields: {}\n"
    [missing] = problems(unkeyed)
    assert "r.yaml:1: key: the record key is not classified: add `key: {class: public}`" in missing
    [merging] = problems(HEAD.replace("{class: public}", "{class: contact, action: partial, keep_last: 2}"))
    assert merging.startswith("r.yaml:3: key: partial would merge or reveal keys")
    for action in ("hash, length: 16", "pseudonymize", "encrypt"):
        keyed = parse_rules(HEAD.replace("{class: public}", f"{{class: contact, action: {action}}}"))
        assert keyed.key is not None
        assert keyed.key.effective_action == action.split(",")[0]


KEY_SCHEMA = {
    "type": "record",
    "name": "CustomerKey",
    "fields": [{"name": "tenant", "type": "string"}, {"name": "email", "type": "string"}],
}
AVRO_KEY = HEAD.replace(
    "key: {class: public}",
    "key:\n  fields:\n    tenant: {class: public}\n    email: {class: contact, action: pseudonymize}",
)


def test_an_avro_key_is_classified_field_by_field_against_its_schema() -> None:
    rules = parse_rules(AVRO_KEY, key_schema=KEY_SCHEMA)
    key_rules = rules.key_rules()
    assert key_rules is not None
    assert set(key_rules.fields) == {"tenant", "email"}
    assert key_rules.known_leaf("email")
    assert not key_rules.known_leaf("added_later")
    assert rules.key_subject == "raw.customers-key"

    [unruled] = problems(AVRO_KEY.replace("    tenant: {class: public}\n", ""), key_schema=KEY_SCHEMA)
    assert unruled == "r.yaml:3: key.tenant: every field of a key needs a rule (it would merge keys)"
    [merging] = problems(AVRO_KEY.replace("action: pseudonymize", "action: redact"), key_schema=KEY_SCHEMA)
    assert merging.startswith("r.yaml:6: key.email: redact would merge or reveal keys")
    unknown, still_unruled = problems(AVRO_KEY.replace("    tenant:", "    tennant:"), key_schema=KEY_SCHEMA)
    assert unknown.startswith("r.yaml:5: key.tennant: unknown path")
    assert still_unruled.endswith("key.tenant: every field of a key needs a rule (it would merge keys)")
    [whole] = problems(HEAD, key_schema=KEY_SCHEMA)
    assert "the key has a schema: classify its fields under `key: {fields: {...}}`" in whole


def test_the_readme_rules_example_parses_as_written() -> None:
    """What a steward copies from the README is valid: ``signature: off`` unquoted included (YAML 1.1 reads
    it as false)."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    [example] = [block for block in readme.split("```yaml\n")[1:] if block.startswith("dataset: customers")]
    rules = parse_rules(example.split("```", 1)[0])
    assert (rules.signature, rules.owner, rules.max_record_bytes) == ("off", "User:crm-service", 900000)


def test_a_recursive_schema_is_named_unusable_with_the_rules_file() -> None:
    recursive = {
        "type": "record",
        "name": "Node",
        "fields": [{"name": "name", "type": "string"}, {"name": "next", "type": ["null", "Node"]}],
    }
    text = "dataset: d\nformat: avro\naudiences: {a: {clearances: []}}\nkey: {class: public}\n"
    with pytest.raises(RulesError, match=r"r\.yaml:1: <schema>: unusable schema \(recursive type 'Node'"):
        parse_rules(text, source="r.yaml", schema=fastavro.parse_schema(recursive))
