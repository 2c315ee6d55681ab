"""End to end on the real broker: raw records in, per-audience views, quarantine and audit out."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from harness.deployment import SIGNING_IDENTITY, Deployment
from harness.raw_producer import RawProducer, avro_payload, json_payload
from harness.readback import decode_view, evidence_of, read_topic, source_of
from harness.sample_data import customers, now_ms, sample_rules, structured_rules
from harness.worker_process import wait_until
from streamguard.agents.codec import frame_wire_format
from streamguard.core.reasons import REASON_HEADER
from streamguard.masking.detection import TextScan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import parse_rules
from streamguard.schemas import CUSTOMERS_AVSC
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

CANARY_EMAIL = "zebra.canary.7731@example.org"
CANARY_NAME = "Quentin Canarybird"
CANARY_SSN = "219-77-3141"
AUDIENCES = ("analytics", "support", "risk")
GOOD_RECORDS = 200


class NoSpans:
    """Structured expectations only: free text is checked separately."""

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
        return [TextScan() for _ in texts]


def customers_rules(dataset: str) -> str:
    return sample_rules(dataset) + "max_record_bytes: 4000\n"


SIGNED_RULES = """
dataset: {dataset}
format: json
key: {{class: public}}
audiences:
  analytics: {{clearances: []}}
fields:
  invoice_id: {{class: public}}
  payer_email: {{class: contact, action: hash}}
  amount: {{class: public}}
unclassified: redact
owner: "User:billing-service"
signature: required
"""


@pytest.fixture(scope="module")
def deployment(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    home = tmp_path_factory.mktemp("deployment")
    deployment = Deployment(kafka.bootstrap, home)
    deployment.customers = f"customers_{uuid.uuid4().hex[:6]}"  # type: ignore[attr-defined]
    deployment.signed = f"invoices_{uuid.uuid4().hex[:6]}"  # type: ignore[attr-defined]
    deployment.structured = f"accounts_{uuid.uuid4().hex[:6]}"  # type: ignore[attr-defined]
    schema = CUSTOMERS_AVSC.read_text()
    deployment.apply_rules(customers_rules(deployment.customers), schema)  # type: ignore[attr-defined]
    deployment.apply_rules(structured_rules(deployment.structured), schema)  # type: ignore[attr-defined]
    deployment.apply_rules(SIGNED_RULES.format(dataset=deployment.signed), None)  # type: ignore[attr-defined]
    deployment.start_worker()
    deployment.workers[0].wait_serving(deployment.names.raw(deployment.customers))  # type: ignore[attr-defined]
    deployment.workers[0].wait_serving(deployment.names.raw(deployment.signed))  # type: ignore[attr-defined]
    deployment.workers[0].wait_serving(deployment.names.raw(deployment.structured))  # type: ignore[attr-defined]
    yield deployment
    deployment.stop_workers()


def _canary_record(record: dict[str, Any]) -> dict[str, Any]:
    return {
        **record,
        "full_name": CANARY_NAME,
        "email": CANARY_EMAIL,
        "ssn": CANARY_SSN,
        "notes": f"Please email {CANARY_NAME} at {CANARY_EMAIL} about the refund.",
    }


@pytest.fixture(scope="module")
def customers_run(deployment: Deployment) -> dict[str, Any]:
    """Produce good records with bad ones in between and a tombstone, then read every output back."""
    dataset = deployment.customers  # type: ignore[attr-defined]
    raw = deployment.names.raw(dataset)
    schema_id, schema = deployment.producer_schema(dataset)
    producer = RawProducer(deployment.options)
    sent: dict[int, dict[str, Any]] = {}  # index in send order -> record
    bad: dict[bytes, str] = {
        b"bad-malformed": "undecodable:avro_body",
        b"bad-unknown-schema": "unknown_schema_id",
        b"bad-oversize": "oversize",
        b"bad-magic": "undecodable:bad_magic_byte",
    }
    oversize = _canary_record(next(customers(1, seed=99))) | {"notes": CANARY_EMAIL * 200}
    bad_payloads = {
        b"bad-malformed": frame_wire_format(schema_id, CANARY_EMAIL.encode()),
        b"bad-unknown-schema": frame_wire_format(999_999, b"\x02"),
        b"bad-oversize": avro_payload(schema_id, schema, oversize),
        b"bad-magic": b"\x07" + CANARY_SSN.encode(),
    }
    for index, record in enumerate(customers(GOOD_RECORDS, seed=11)):
        record = _canary_record(record) if index % 10 == 0 else record
        sent[index] = record
        producer.send(raw, record["customer_id"].encode(), avro_payload(schema_id, schema, record), partition=0)
        if index % 50 == 25:
            key = list(bad)[index // 50]
            producer.send(raw, key, bad_payloads[key], partition=0)
    producer.send(raw, b"C0000003", None, partition=0)  # erasure of a customer
    producer.flush()
    total = GOOD_RECORDS + len(bad) + 1
    views = {
        a: read_topic(deployment.options, deployment.names.governed(dataset, a), GOOD_RECORDS + 1) for a in AUDIENCES
    }
    quarantine = [
        m for m in read_topic(deployment.options, deployment.names.quarantine, len(bad)) if source_of(m)[0] == raw
    ]
    return {
        "sent": sent,
        "schema": schema,
        "views": views,
        "quarantine": quarantine,
        "bad": bad,
        "raw": raw,
        "total": total,
    }


def test_each_audience_sees_its_view_masked_per_clearances(deployment: Deployment, customers_run: dict) -> None:
    rules = parse_rules(customers_rules(deployment.customers))  # type: ignore[attr-defined]
    masker = DatasetMasker(rules, deployment.keyring, schema=customers_run["schema"], scanner=NoSpans())
    good = [record for record in customers_run["sent"].values()]
    expected = masker.mask_batch(good)
    by_customer = {record["customer_id"]: outcome for record, outcome in zip(good, expected, strict=True)}
    for audience in AUDIENCES:
        seen = [decode_view(m, customers_run["schema"]) for m in customers_run["views"][audience]]
        records = [view for view in seen if view is not None]
        assert len(records) == GOOD_RECORDS
        for view in records:
            want = by_customer[view["customer_id"]].views[audience]  # type: ignore[index]
            assert {k: v for k, v in view.items() if k != "notes"} == {k: v for k, v in want.items() if k != "notes"}


def test_structured_plans_run_natively_with_the_python_plans_bytes(deployment: Deployment) -> None:
    """The native engine on the broker: every view byte-identical to the Python plan's, bad records
    quarantined around the good ones, and the worker saying which engine serves the schema."""
    dataset = deployment.structured  # type: ignore[attr-defined]
    raw = deployment.names.raw(dataset)
    schema_id, schema = deployment.producer_schema(dataset)
    records = list(customers(150, seed=5))
    producer = RawProducer(deployment.options)
    for index, record in enumerate(records):
        producer.send(raw, record["customer_id"].encode(), avro_payload(schema_id, schema, record), partition=0)
        if index == 70:
            producer.send(raw, b"bad", frame_wire_format(schema_id, CANARY_EMAIL.encode()), partition=0)
    producer.flush()
    rules = parse_rules(structured_rules(dataset), schema=schema)
    masker = DatasetMasker(rules, deployment.keyring, schema=schema)
    expected = masker.mask_batch(records)
    for audience in AUDIENCES:
        views = read_topic(deployment.options, deployment.names.governed(dataset, audience), len(records))
        wanted = [avro_payload(schema_id, schema, outcome.views[audience]) for outcome in expected]  # type: ignore[index]
        assert [m.value() for m in views] == wanted

    def quarantined() -> list[Any]:
        return [m for m in read_topic(deployment.options, deployment.names.quarantine) if source_of(m)[0] == raw]

    wait_until(lambda: bool(quarantined()), 30, "the bad record in quarantine")
    assert [dict(m.headers())[REASON_HEADER] for m in quarantined()] == [b"undecodable:avro_body"]
    assert f"{dataset} v1, writer schema {schema_id}: native engine" in deployment.log_text()


def test_raw_personal_data_reaches_only_cleared_views(customers_run: dict) -> None:
    for audience in AUDIENCES:
        values = [m.value() or b"" for m in customers_run["views"][audience]]
        joined = b"".join(values)
        cleared_for_contact = audience in {"support", "risk"}
        assert (CANARY_EMAIL.encode() in joined) == cleared_for_contact
        assert (CANARY_NAME.encode() in joined) == cleared_for_contact
        assert (CANARY_SSN.encode() in joined) == (audience == "risk")  # only risk is cleared for government_id


def test_free_text_is_scanned_and_tagged_in_every_view(customers_run: dict) -> None:
    for audience in AUDIENCES:
        notes = [
            view["notes"]
            for m in customers_run["views"][audience]
            if (view := decode_view(m, customers_run["schema"])) and view["notes"]
        ]
        canary_notes = [note for note in notes if "refund" in note]
        assert len(canary_notes) == GOOD_RECORDS // 10
        assert all("<EMAIL_ADDRESS>" in note and CANARY_EMAIL not in note for note in canary_notes)


def test_bad_records_are_quarantined_with_reasons_and_good_ones_flow(customers_run: dict) -> None:
    reasons = {m.key(): dict(m.headers())[REASON_HEADER].decode() for m in customers_run["quarantine"]}
    assert reasons == customers_run["bad"]
    for audience in AUDIENCES:
        keys = {m.key() for m in customers_run["views"][audience]}
        assert not keys & set(customers_run["bad"])
        sources = sorted(source_of(m)[2] for m in customers_run["views"][audience])
        assert len(sources) == len(set(sources)) == GOOD_RECORDS + 1


def test_tombstone_reaches_every_view_with_its_key(customers_run: dict) -> None:
    for audience in AUDIENCES:
        last = max(customers_run["views"][audience], key=lambda m: m.offset())
        assert last.key() == b"C0000003"
        assert last.value() is None


def test_audit_accounts_for_every_source_offset_in_an_intact_chain(deployment: Deployment, customers_run: dict) -> None:
    summary = deployment.audit()
    report = summary.chains[f"{customers_run['raw']}:0"]
    assert report.intact, report.problems
    assert report.missing_offsets(0, customers_run["total"]) == []
    assert not report.duplicate_offsets
    events = deployment.audit_events()[f"{customers_run['raw']}:0"]
    quarantined = Counter(q.reason for event in events for q in event.quarantined)
    assert quarantined == Counter(customers_run["bad"].values())
    assert sum(len(event.tombstones) for event in events) == 1
    assert all(event.rule_version == 1 and event.identities for event in events)
    assert {identity for event in events for identity in event.identities} == {"User:crm-service"}


def test_no_canary_in_audit_quarantine_reasons_or_logs(deployment: Deployment, customers_run: dict) -> None:
    audit_bytes = b"".join(m.value() for m in read_topic(deployment.options, deployment.names.audit))
    headers = b"".join(v for m in customers_run["quarantine"] for k, v in m.headers() if k == REASON_HEADER)
    logs = deployment.log_text().encode()
    for canary in (CANARY_EMAIL, CANARY_NAME, CANARY_SSN):
        assert canary.encode() not in audit_bytes
        assert canary.encode() not in headers
        assert canary.encode() not in logs


def test_signed_records_carry_identity_and_bad_signatures_are_quarantined(deployment: Deployment) -> None:
    dataset = deployment.signed  # type: ignore[attr-defined]
    raw = deployment.names.raw(dataset)
    secret = deployment.keyring.key(f"producer:{SIGNING_IDENTITY}")
    signed = RawProducer(deployment.options, SIGNING_IDENTITY, secret)
    forged = RawProducer(deployment.options, SIGNING_IDENTITY, b"not-the-key" * 3)
    unsigned = RawProducer(deployment.options)
    invoice = {"invoice_id": "INV-1", "payer_email": CANARY_EMAIL, "amount": 12.5, "memo": "net 30"}
    signed.send(raw, b"INV-1", json_payload(invoice), now_ms(), partition=0)
    forged.send(raw, b"INV-2", json_payload(invoice | {"invoice_id": "INV-2"}), now_ms(), partition=0)
    unsigned.send(raw, b"INV-3", json_payload(invoice | {"invoice_id": "INV-3"}), partition=0)
    for producer in (signed, forged, unsigned):
        producer.flush()
    view = read_topic(deployment.options, deployment.names.governed(dataset, "analytics"), 1)
    assert [json.loads(m.value())["invoice_id"] for m in view] == ["INV-1"]
    assert json.loads(view[0].value())["[REDACTED]"] == "[REDACTED]"  # unclassified: redact, its name too
    wait_until(lambda: f"{raw}:0" in deployment.audit_events(), 30, "audit of the signed dataset")
    wait_until(lambda: len(deployment.audit().chains[f"{raw}:0"].accounted) == 3, 30, "3 offsets accounted")
    events = deployment.audit_events()[f"{raw}:0"]
    assert {i for e in events for i in e.identities} == {SIGNING_IDENTITY}
    reasons = sorted(q.reason for e in events for q in e.quarantined)
    assert reasons == ["identity:bad_signature", "identity:missing_signature"]


def test_new_rule_version_is_picked_up_by_the_running_worker(deployment: Deployment, customers_run: dict) -> None:
    dataset = deployment.customers  # type: ignore[attr-defined]
    stricter = customers_rules(dataset).replace(
        "support:   {clearances: [contact]}", "support:   {clearances: []}\n  legal:     {clearances: [contact]}"
    )
    published = deployment.apply_rules(stricter, CUSTOMERS_AVSC.read_text())
    assert published is not None
    assert published.version == 2
    schema_id, parsed = deployment.producer_schema(dataset)
    record = _canary_record(next(customers(1, seed=5)))
    producer = RawProducer(deployment.options)
    support_topic = deployment.names.governed(dataset, "support")

    def support_view_under_v2() -> list[Any]:
        producer.send(customers_run["raw"], b"after-v2", avro_payload(schema_id, parsed, record), partition=0)
        producer.flush()
        messages = read_topic(deployment.options, support_topic)
        return [m for m in messages if evidence_of(m).rule_version == 2]

    found: list[Any] = []
    wait_until(lambda: bool(found.extend(support_view_under_v2()) or found), 60, "a view under rules v2")
    view = decode_view(found[0], parsed)
    assert view is not None
    assert view["full_name"] != CANARY_NAME  # support lost its contact clearance in v2
    assert CANARY_NAME.encode() not in b"".join(m.value() for m in found)
    # v2 added an audience: its view exists and shows what it is cleared for.
    legal = read_topic(deployment.options, deployment.names.governed(dataset, "legal"), 1)
    legal_view = decode_view(legal[0], parsed)
    assert legal_view is not None
    assert legal_view["full_name"] == CANARY_NAME
    assert legal_view["ssn"] != CANARY_SSN


def test_the_status_page_shows_the_rules_in_force(deployment: Deployment) -> None:
    status = deployment.workers[0].status()
    assert status["rules_ready"] is True
    assert status["rule_versions"][deployment.structured] == 1  # type: ignore[attr-defined]
    assert status["worker"]


def test_production_worker_refuses_to_start_without_keys(deployment: Deployment, tmp_path: Path) -> None:
    import subprocess
    import sys

    env = deployment.env(STREAMGUARD_ENV="production", STREAMGUARD_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "streamguard", "worker"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "no keys configured" in result.stderr
    assert not (tmp_path / "keyring.json").exists()
