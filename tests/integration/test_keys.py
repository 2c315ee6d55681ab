"""Record keys and map keys on the real broker: a dataset keyed by email, compacted.

Each audience's view carries its own deterministic token for each source key (support, cleared for contact,
sees the email), a tombstone on the raw key erases that key's token in every compacted view once the log
cleaner has run, and map keys are masked like any leaf.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest
from confluent_kafka.admin import AlterConfigOpType, ConfigEntry, ConfigResource, NewTopic

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import decode_view, decode_view_key, read_topic
from harness.sample_data import customers, structured_rules
from harness.worker_process import wait_until
from streamguard.masking.key_plan import compile_key_plan
from streamguard.masking.rule_versions import rules_of
from streamguard.schemas import CUSTOMERS_AVSC
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

AUDIENCES = ("analytics", "support", "risk")
FAST_COMPACTION = {"segment.ms": "200", "min.cleanable.dirty.ratio": "0.01", "delete.retention.ms": "100"}


def _rules(dataset: str) -> str:
    text = structured_rules(dataset).replace("key: {class: public}", "key: {class: contact, action: hash}")
    return text.replace("attrs{key}:       {class: public}", "attrs{key}:       {class: contact, action: pseudonymize}")


def _compacted_dataset(
    kafka: KafkaEndpoint, home: Path, name: str, config: dict[str, str]
) -> tuple[Deployment, str, str]:
    """A deployment and a dataset whose raw topic (one partition) is compacted."""
    deployment = Deployment(kafka.bootstrap, home)
    dataset = f"{name}_{uuid.uuid4().hex[:6]}"
    raw = deployment.names.raw(dataset)
    topic = NewTopic(raw, 1, 1, config={"cleanup.policy": "compact", **config})
    deployment.admin.create_topics([topic])[raw].result(30)
    return deployment, dataset, raw


def _compact_fast(deployment: Deployment, topics: list[str]) -> None:
    """Views mirror the raw topic's cleanup policy; these settings only make the cleaner act within seconds."""
    for topic in topics:
        entries = [
            ConfigEntry(name, value, incremental_operation=AlterConfigOpType.SET)
            for name, value in FAST_COMPACTION.items()
        ]
        resource = ConfigResource(ConfigResource.Type.TOPIC, topic, incremental_configs=entries)
        deployment.admin.incremental_alter_configs([resource])[resource].result(30)


def test_keyed_views_carry_per_audience_tokens_and_a_tombstone_erases_them(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    deployment, dataset, raw = _compacted_dataset(kafka, tmp_path, "members", FAST_COMPACTION)
    deployment.apply_rules(_rules(dataset), json.dumps(json.loads(CUSTOMERS_AVSC.read_text())))
    schema_id, schema = deployment.producer_schema(dataset)
    rules = rules_of(deployment.rule_history()[-1])
    tokens = compile_key_plan(rules, deployment.keyring)
    worker = deployment.start_worker()
    try:
        worker.wait_serving(raw)
        views = [deployment.names.governed(dataset, audience) for audience in AUDIENCES]
        people = list(customers(4, seed=21))
        for person in people:
            person["attrs"] = {"ssn=536-22-8841": "x", "segment": "smb"}
        producer = RawProducer(deployment.options)
        for person in [*people, people[0] | {"plan": "PRO"}]:  # the first customer twice: an update
            producer.send(raw, person["email"].encode(), avro_payload(schema_id, schema, person), partition=0)
        producer.send(raw, people[1]["email"].encode(), None, partition=0)  # the right to erasure
        producer.flush()
        seen = {
            audience: read_topic(deployment.options, topic, 6) for audience, topic in zip(AUDIENCES, views, strict=True)
        }
        for column, audience in enumerate(AUDIENCES):
            expected = tokens.mask([p["email"].encode() for p in people])[column]
            keys = [message.key() for message in seen[audience]]
            assert keys == [*expected, expected[0], expected[1]]
            assert (keys[0] == people[0]["email"].encode()) == (audience != "analytics")  # support, risk: contact
            assert seen[audience][-1].value() is None  # the tombstone, under the same token
        analytics = decode_view(seen["analytics"][0], schema)
        assert analytics is not None
        assert "536-22-8841" not in json.dumps(analytics, default=str)
        assert sorted(analytics["attrs"].values()) == ["[REDACTED]", "[REDACTED]"]
        assert "ssn=536-22-8841" in decode_view(seen["support"][0], schema)["attrs"]  # type: ignore[index]

        erased = tokens.mask([people[1]["email"].encode()])
        _compact_fast(deployment, views)  # only now: the cleaner would drop the update's first version too
        time.sleep(0.5)  # past segment.ms: the next record rolls the segment and the cleaner can take it
        producer.send(raw, b"later", avro_payload(schema_id, schema, next(customers(1, seed=5))), partition=0)
        producer.flush()

        def erased_everywhere() -> bool:
            for column, topic in enumerate(views):
                token = erased[column][0]
                if any(m.key() == token and m.value() is not None for m in read_topic(deployment.options, topic)):
                    return False
            return True

        wait_until(erased_everywhere, 120, "compaction to erase the customer's views", step_s=1.0)
    finally:
        deployment.stop_workers()


KEY_SCHEMA = {
    "type": "record",
    "name": "MemberKey",
    "fields": [{"name": "tenant", "type": "string"}, {"name": "email", "type": "string"}],
}


def test_an_avro_key_is_masked_field_by_field_and_its_tombstone_follows_the_token(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    deployment, dataset, raw = _compacted_dataset(kafka, tmp_path, "avrokeyed", {})
    rules_yaml = structured_rules(dataset).replace(
        "key: {class: public}",
        "key:\n  fields:\n    tenant: {class: public}\n    email: {class: contact, action: hash, length: 16}",
    )
    deployment.apply_rules(rules_yaml, CUSTOMERS_AVSC.read_text(), key_schema=json.dumps(KEY_SCHEMA))
    schema_id, schema = deployment.producer_schema(dataset)
    key_id, key_schema = deployment.producer_key_schema(dataset)
    worker = deployment.start_worker()
    try:
        worker.wait_serving(raw)
        people = list(customers(3, seed=31))
        producer = RawProducer(deployment.options)
        keys = [avro_payload(key_id, key_schema, {"tenant": "acme", "email": p["email"]}) for p in people]
        for key, person in zip(keys, people, strict=True):
            producer.send(raw, key, avro_payload(schema_id, schema, person), partition=0)
        producer.send(raw, keys[2], None, partition=0)  # erasure: a tombstone on the raw Avro key
        producer.flush()
        for audience in AUDIENCES:
            seen = read_topic(deployment.options, deployment.names.governed(dataset, audience), 4)
            shown = [decode_view_key(message, key_schema) for message in seen]
            assert [key["tenant"] for key in shown] == ["acme"] * 4
            emails = [key["email"] for key in shown]
            if audience == "analytics":  # not cleared for contact: one 16-hex token per email
                assert all(len(email) == 16 and email not in {p["email"] for p in people} for email in emails)
            else:
                assert emails[:3] == [p["email"] for p in people]
            assert seen[3].key() == seen[2].key()
            assert seen[3].value() is None
    finally:
        deployment.stop_workers()
