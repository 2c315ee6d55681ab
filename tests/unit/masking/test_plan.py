"""The compiled plan: per-audience views, batching of detection, fail-closed outcomes, counts."""

from __future__ import annotations

import io
from typing import Any

import fastavro
import pytest

from streamguard.core.errors import KeyringError, MaskingError, RulesError
from streamguard.masking.keys import Keyring
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import load_rules, parse_rules
from tests.unit.fakes import CUSTOMERS_RULES, ExplodingScanner, RegexScanner, customer, customers_schema

KEYRING = Keyring({"k1": b"k" * 32}, {"mask": "k1", "encrypt": "k1"})
SCHEMA = customers_schema()


def masker(scanner: Any = None, **kwargs: Any) -> DatasetMasker:
    rules = load_rules(CUSTOMERS_RULES, schema=SCHEMA)
    return DatasetMasker(rules, KEYRING, schema=SCHEMA, scanner=scanner or RegexScanner(), **kwargs)


def test_each_audience_sees_what_its_clearances_allow() -> None:
    record = customer()
    [outcome] = masker().mask_batch([record])
    assert outcome.failure is None
    assert outcome.views is not None
    analytics, support, risk = (outcome.views[a] for a in ("analytics", "support", "risk"))
    assert analytics["full_name"].startswith("person_")
    assert analytics["email"] != record["email"]
    assert analytics["phone"] == "*************32"
    assert analytics["address"]["zip"] == "974"
    assert support["full_name"] == record["full_name"]
    assert support["email"] == record["email"]
    assert support["ssn"] == "[REDACTED]"
    assert support["credit_card"] == "************6467"
    assert risk["ssn"] == record["ssn"]
    assert risk["credit_card"] == record["credit_card"]
    for view in (analytics, support, risk):  # public passes; uncleared personal data is generalized
        assert view["customer_id"] == "C-1"
        assert view["plan"] == "PRO"
        assert view["dob"].month == 1
        assert view["dob"].day == 1
        assert view["notes"] == "call me on <PHONE_NUMBER> or mail <EMAIL_ADDRESS>"
        assert view["ip_address"] == "198.51.100.0/24"
        assert view["attrs"] == {"referrer": "[REDACTED]"}


def test_views_encode_with_the_writer_schema() -> None:
    [outcome] = masker().mask_batch([customer(phone=None, notes=None)])
    assert outcome.views is not None
    for view in outcome.views.values():
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, SCHEMA, view)
        buffer.seek(0)
        assert fastavro.schemaless_reader(buffer, SCHEMA)["customer_id"] == "C-1"


def test_input_is_not_mutated_and_unchanged_branches_are_shared() -> None:
    record = customer()
    snapshot = {k: (dict(v) if isinstance(v, dict) else v) for k, v in record.items()}
    [outcome] = masker().mask_batch([record])
    assert record == snapshot
    assert outcome.views is not None
    assert outcome.views["risk"]["tags"] is record["tags"]  # public: shared, not copied
    assert outcome.views["risk"]["address"] is record["address"]  # nothing in it masked for risk
    assert outcome.views["analytics"]["address"] is not record["address"]


def test_detection_runs_once_per_batch_with_each_text_once() -> None:
    scanner = RegexScanner()
    records = [customer(notes="mail a@b.org"), customer(notes="mail a@b.org"), customer(notes=None), None]
    outcomes = masker(scanner).mask_batch(records)
    assert scanner.batches == [["mail a@b.org"]]
    assert [o.entity_counts for o in outcomes[:3]] == [{"EMAIL_ADDRESS": 1}, {"EMAIL_ADDRESS": 1}, {}]
    assert outcomes[2].views is not None
    assert outcomes[2].views["analytics"]["notes"] is None


def test_tombstones_reach_every_view() -> None:
    [outcome] = masker().mask_batch([None])
    assert outcome.views == {"analytics": None, "support": None, "risk": None}
    assert outcome.failure is None


def test_a_failed_scan_fails_the_record_closed_and_only_that_record() -> None:
    bad = "contact 536-22-8841 please"
    outcomes = masker(RegexScanner(fail_texts=[bad])).mask_batch([customer(notes=bad), customer()])
    assert outcomes[0].views is None
    assert outcomes[0].failure == "detector_failed:notes"
    assert bad not in outcomes[0].failure
    assert outcomes[1].views is not None


def test_a_crashing_scanner_fails_records_with_text_but_not_the_batch() -> None:
    outcomes = masker(ExplodingScanner()).mask_batch([customer(), customer(notes=None)])
    assert outcomes[0].failure == "detector_failed:notes"
    assert outcomes[1].views is not None


def test_texts_over_the_size_budget_fail_closed_without_scanning() -> None:
    scanner = RegexScanner()
    [outcome] = masker(scanner, max_text_chars=10).mask_batch([customer(notes="x" * 11)])
    assert outcome.failure == "text_too_large:notes"
    assert scanner.batches == []


def test_unmaskable_values_fail_with_reason_and_path_never_the_value() -> None:
    outcomes = masker().mask_batch([customer(ip_address="10.0.0.999"), customer(full_name=42), "not a dict"])
    assert [o.failure for o in outcomes] == [
        "invalid_value:ip_address",
        "type_mismatch:full_name",
        "not_a_record:<record>",
    ]
    assert all(o.views is None for o in outcomes)


def test_action_counts_by_class_and_action() -> None:
    [outcome] = masker().mask_batch([customer()])
    counts = outcome.action_counts
    assert counts["contact/pseudonymize"] == 1  # analytics only
    assert counts["government_id/redact"] == 2  # analytics and support
    assert counts["free_text/detect"] == 3  # every audience
    assert "public/pass" not in counts


def test_rules_that_do_not_fit_the_schema_are_refused_at_build() -> None:
    rules = parse_rules(
        "dataset: c\nformat: avro\nkey: {class: public}\n"
        "audiences: {a: {}}\nfields:\n  nope: {class: contact, action: hash}\n"
    )
    with pytest.raises(RulesError, match="nope: unknown path"):
        DatasetMasker(rules, KEYRING, schema=SCHEMA)


def test_missing_keys_and_missing_scanner_fail_at_build() -> None:
    rules = load_rules(CUSTOMERS_RULES, schema=SCHEMA)
    with pytest.raises(KeyringError, match="no active 'mask' key"):
        DatasetMasker(rules, Keyring({"k1": b"k" * 32}, {"encrypt": "k1"}), schema=SCHEMA, scanner=RegexScanner())
    with pytest.raises(MaskingError, match=r"need free-text detection \(.*notes"):
        DatasetMasker(rules, KEYRING, schema=SCHEMA)


def test_unclassified_fields_get_the_policy() -> None:
    text = (
        "dataset: c\nformat: avro\nkey: {class: public}\n"
        "audiences: {a: {}}\nunclassified: redact\nfields:\n  notes: {class: public}\n"
    )
    m = DatasetMasker(parse_rules(text), KEYRING, schema=SCHEMA)
    assert not m.needs_scanner
    [outcome] = m.mask_batch([customer()])
    assert outcome.views is not None
    view = outcome.views["a"]
    assert view["email"] == "[REDACTED]"
    assert view["lifetime_value"] == 0.0
    assert view["tags"] == ["[REDACTED]"]
    assert view["notes"] == customer()["notes"]
    assert outcome.action_counts["unclassified/redact"] > 10


def test_drop_and_null_actions() -> None:
    text = (
        "dataset: c\nformat: avro\nkey: {class: public}\naudiences: {a: {}}\nunclassified: pass\nfields:\n"
        "  tags: {class: personal, action: drop}\n  phone: {class: contact, action: null}\n"
    )
    [outcome] = DatasetMasker(parse_rules(text), KEYRING, schema=SCHEMA).mask_batch([customer()])
    assert outcome.views is not None
    assert "tags" not in outcome.views["a"]
    assert outcome.views["a"]["phone"] is None


def test_json_datasets_mask_unknown_keys_with_the_unclassified_policy() -> None:
    text = (
        "dataset: tickets\nformat: json\nkey: {class: public}\naudiences: {ops: {}}\nunclassified: detect\nfields:\n"
        "  user.email: {class: contact, action: hash}\n  id: {class: public}\n"
    )
    scanner = RegexScanner()
    m = DatasetMasker(parse_rules(text), KEYRING, scanner=scanner)
    record = {
        "id": 7,
        "user": {"email": "a@b.org", "age": 41},
        "body": "ring +1 415 555 0100",
        "meta": {"x": "a@b.org"},
    }
    [outcome] = m.mask_batch([record])
    assert outcome.views is not None
    view = outcome.views["ops"]
    assert view["id"] == 7
    assert len(view["user"]["email"]) == 64
    assert view["user"]["age"] == 0  # unknown key, not a string: redacted
    assert view["body"] == "ring <PHONE_NUMBER>"
    assert view["meta"] == {"x": "<EMAIL_ADDRESS>"}
    # Unknown keys' names are unclassified text as well: scanned with the values.
    assert sorted(scanner.batches[0]) == ["a@b.org", "age", "body", "meta", "ring +1 415 555 0100", "x"]


def test_unknown_json_keys_and_unruled_map_keys_never_show_their_names() -> None:
    text = (
        "dataset: t\nformat: json\nkey: {class: public}\naudiences: {ops: {}}\nunclassified: redact\n"
        "fields:\n  id: {class: public}\n  attrs{}: {class: public}\n"
    )
    m = DatasetMasker(parse_rules(text), KEYRING)
    record = {"id": 1, "ssn=536-22-8841": "x", "other": {"n=Ana": 2}, "attrs": {"ssn=536-22-8841": "x", "k2": "y"}}
    [outcome] = m.mask_batch([record])
    assert outcome.views is not None
    view = outcome.views["ops"]
    assert "536-22-8841" not in str(view)
    assert "Ana" not in str(view)
    assert view["attrs"] == {"[REDACTED]": "x", "[REDACTED]~2": "y"}  # values public, keys unclassified
    assert view["[REDACTED]"] == "[REDACTED]"
    assert view["[REDACTED]~2"] == {"[REDACTED]": 0}
