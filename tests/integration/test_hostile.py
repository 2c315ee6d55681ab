"""Hostile records between good ones, on the real broker: exactly the hostile ones are quarantined, every good
one reaches the views, the audit accounts for every offset, and the worker neither crashes nor stalls."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from confluent_kafka.admin import NewTopic

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import read_topic, source_of
from harness.sample_data import customers, structured_rules
from harness.worker_process import wait_until
from streamguard.agents.codec import frame_wire_format
from streamguard.core.reasons import REASON_HEADER
from streamguard.schemas import CUSTOMERS_AVSC
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

JSON_RULES = """
dataset: {dataset}
format: json
key: {{class: contact, action: hash}}
audiences: {{analytics: {{clearances: []}}}}
fields:
  id: {{class: public}}
  plan: {{class: public}}
  depth: {{class: public}}
unclassified: redact
"""
LARGE = {"max.message.bytes": str(60_000_000)}  # the raw topic takes the 50 MB record; the views never get it


def test_hostile_records_cost_only_themselves(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka.bootstrap, tmp_path)
    tickets, accounts = f"tickets_{uuid.uuid4().hex[:6]}", f"accounts_{uuid.uuid4().hex[:6]}"
    raw_tickets, raw_accounts = deployment.names.raw(tickets), deployment.names.raw(accounts)
    for topic in (raw_tickets, raw_accounts):
        deployment.admin.create_topics([NewTopic(topic, 1, 1, config=LARGE)])[topic].result(30)
    deployment.apply_rules(JSON_RULES.format(dataset=tickets), None)
    deployment.apply_rules(structured_rules(accounts), json.dumps(json.loads(CUSTOMERS_AVSC.read_text())))
    schema_id, schema = deployment.producer_schema(accounts)
    worker = deployment.start_worker()
    producer = RawProducer({**deployment.options, "message.max.bytes": 60_000_000})
    good_json = json.dumps({"id": 1, "plan": "PRO"}).encode()
    hostile_json = {
        b"big-int": b'{"id": 2, "plan": ' + b"9" * 5_000 + b"}",
        b"deep": b'{"id": 3, "depth": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b"surrogate": b'{"id": 4, "plan": "\\ud800"}',
        b"huge": b'{"id": 5, "plan": "' + b"x" * 50_000_000 + b'"}',
    }
    customer = next(customers(1, seed=4))
    good_avro = avro_payload(schema_id, schema, customer)
    hostile_avro = {
        b"bad-utf8": good_avro.replace(customer["customer_id"].encode(), b"\xff\xfe\xfd\xfc" * 2),
        b"millions": frame_wire_format(schema_id, b"\x10C0000001" + b"\x80\xda\xc4\x09"),  # a 5,000,000-byte name
        b"x" * 1_000_001: good_avro,  # a 1 MB key
    }
    try:
        worker.wait_serving(raw_tickets)
        worker.wait_serving(raw_accounts)
        for topic, good, hostile in ((raw_tickets, good_json, hostile_json), (raw_accounts, good_avro, hostile_avro)):
            for number, (key, value) in enumerate(hostile.items()):
                producer.send(topic, f"good-{number}".encode(), good, partition=0)
                producer.send(topic, key, value, partition=0)
            producer.send(topic, b"good-last", good, partition=0)
        producer.flush()
        for dataset, hostile in ((tickets, hostile_json), (accounts, hostile_avro)):
            views = read_topic(deployment.options, deployment.names.governed(dataset, "analytics"), len(hostile) + 1)
            assert len(views) == len(hostile) + 1  # every good record, nothing else
            raw = deployment.names.raw(dataset)

            def quarantined(raw: str = raw) -> list:
                return [
                    m for m in read_topic(deployment.options, deployment.names.quarantine) if source_of(m)[0] == raw
                ]

            wait_until(
                lambda hostile=hostile, quarantined=quarantined: len(quarantined()) == len(hostile), 60, "quarantine"
            )
            reasons = sorted(dict(m.headers())[REASON_HEADER].decode() for m in quarantined())
            assert len(reasons) == len(hostile)
            summary = deployment.audit().chains[f"{raw}:0"]
            assert summary.intact
            assert summary.missing_offsets(0, 2 * len(hostile) + 1) == []
        assert worker.process.poll() is None  # still running ...
        assert worker.status()["rules_ready"]  # ... and serving
    finally:
        deployment.stop_workers()
