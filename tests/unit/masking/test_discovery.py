"""Drafting rules from sampled records: values first, then the schema's tags, then names; an action the leaf's
type takes; keys that are data never named; and a draft that validates and quotes no value."""

from __future__ import annotations

import json

from streamguard.masking.discovery import (
    DraftHeader,
    draft_rules,
    gather,
    key_proposal,
    propose_all,
)
from streamguard.masking.discovery_shapes import merged_json_tree, schema_tags
from streamguard.masking.rules import parse_rules
from streamguard.masking.schema_tree import from_avro
from tests.unit.fakes import RegexScanner

SCANNER = RegexScanner()  # e-mail addresses, SSNs, international phone numbers


def _proposals(records: list[dict], tags: dict | None = None) -> dict[str, tuple[str, str | None, str]]:
    tree = merged_json_tree(records)
    found = propose_all(tree, gather(tree, records, SCANNER, tags), "json")
    return {p.path: (p.class_, p.action, p.evidence) for p in found}


def test_values_decide_before_names_and_the_evidence_is_counts() -> None:
    records = [{"contact": f"user{n}@example.org" if n % 10 else "n/a", "plan": "PRO", "seen": n} for n in range(50)]
    proposals = _proposals(records)
    assert proposals["contact"] == ("contact", "hash", "90% of 50 sampled values are e-mail addresses")
    assert proposals["plan"] == ("public", None, "no personal data in 50 sampled values (1 distinct)")
    assert proposals["seen"][0] == "public"


def test_a_name_is_taken_unless_values_that_could_show_it_contradict_it() -> None:
    records = [
        {"mobile": "ask at the desk", "email_status": "verified", "opt_in_mail": True, "birth_date": "1990-04-02"}
    ] * 30
    proposals = _proposals(records)
    assert proposals["mobile"][:2] == ("contact", "partial")  # no recognizer proves a phone field empty of phones
    assert proposals["email_status"][0] == "public"  # 30 values and not one e-mail address
    assert proposals["opt_in_mail"][0] == "public"  # no boolean is personal by its name
    assert proposals["birth_date"] == ("personal", "generalize", "named like dates of birth (30 sampled values)")


def test_the_action_proposed_is_one_the_leaf_s_type_takes() -> None:
    proposals = _proposals([{"phone_number": 4915112345678}] * 5)
    assert proposals["phone_number"][:2] == ("contact", "redact")
    assert "partial does not fit a long" in proposals["phone_number"][2]


def test_free_text_with_personal_data_inside_is_detected() -> None:
    notes = [{"remark": f"please call +49 151 {n:07d} after lunch"} for n in range(8)] + [{"remark": "ok"}] * 2
    assert _proposals(notes)["remark"][:2] == ("free_text", "detect")


def test_a_key_seen_in_few_records_is_data_and_never_named() -> None:
    records = [{"id": n, "scores": {"team": n}} for n in range(40)]
    records[3]["scores"]["maria.lopez@example.org"] = 1  # an address as a key, once
    records[5]["Maria Lopez"] = 2
    tree = merged_json_tree(records)
    assert set(tree.fields) == {"id", "scores"}
    assert set(tree.fields["scores"].node.fields) == {"team"}


def test_tagged_fields_are_personal_whatever_their_values_show() -> None:
    schema = {
        "type": "record",
        "name": "R",
        "fields": [
            {"name": "ref", "type": "string"},
            {"name": "diagnosis", "type": "string", "confluent:tags": ["PHI"]},
        ],
    }
    tree = from_avro(schema)
    records = [{"ref": "R-1", "diagnosis": "J45.0"}] * 10
    tags = schema_tags(json.dumps(schema), "avro")
    found = {p.path: p for p in propose_all(tree, gather(tree, records, SCANNER, tags), "avro")}
    assert (found["diagnosis"].class_, found["diagnosis"].action) == ("personal", "redact")
    assert found["diagnosis"].evidence == "tagged PHI in the schema"
    assert found["ref"].class_ == "public"


def test_keys_holding_personal_data_are_hashed() -> None:
    assert key_proposal([f"k{n}@example.org" for n in range(20)], SCANNER).yaml() == "{class: contact, action: hash}"
    assert key_proposal([f"ORD-{n}" for n in range(20)], SCANNER).yaml() == "{class: public}"


def test_the_draft_validates_as_written_and_quotes_no_value() -> None:
    records = [
        {"email": f"canary{n}@example.org", "ssn": "219-77-3141", "city_code": "C9", "notes": None} for n in range(20)
    ]
    tree = merged_json_tree(records)
    proposals = propose_all(tree, gather(tree, records, SCANNER), "json")
    draft = draft_rules(DraftHeader("raw.people", "people", "json", 20), proposals, key_proposal(["a"], SCANNER))
    rules = parse_rules(draft, source="draft.yaml")
    assert rules.fields["email"].effective_action == "hash"
    assert rules.fields["ssn"].class_ == "government_id"
    assert "canary" not in draft
    assert "219-77" not in draft
