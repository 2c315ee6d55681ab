"""Protobuf and JSON Schema datasets end to end on the real broker, with the mock registry: three audiences,
a key masked field by field (Protobuf) or whole (JSON Schema), a tombstone, and a second writer schema with a
new field treated as drift. Every analytics view is read back by another reader than streamguard's (protobuf's
own parser; a JSON Schema validator) and is valid for its writer schema, and no uncleared value reaches it."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from harness.deployment import Deployment, producer_schema
from harness.raw_producer import RawProducer, json_schema_payload, protobuf_payload
from harness.readback import decode_protobuf_view, read_topic
from harness.sample_data import as_json_schema_record, as_protobuf_json, customers, structured_rules
from streamguard.agents.codec import split_wire_format
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.schemas import CUSTOMERS_JSON_SCHEMA, CUSTOMERS_PROTO
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

CANARIES = {"full_name": "Quentin Canarybird", "email": "zebra.canary.7731@example.org", "ssn": "219-77-3141"}
REFERRAL = "referral.canary.4410@example.org"  # in the field only the second writer schema has
RECORDS = 12
PROTO_KEY = (
    'syntax = "proto3";\npackage streamguard.samples;\nmessage CustomerKey { string tenant = 1; string email = 2; }\n'
)
PROTO_KEY_RULE = "key: {fields: {tenant: {class: public}, email: {class: contact, action: hash}}}"
# On mock:// a second writer schema reaches the worker's registry through the rule history only (a real registry
# hears of it from its producer): a second dataset's rules, validated against it under the first one's
# subject, carry it there.
CARRIER = """
dataset: {carrier}
format: {fmt}
key: {{class: public}}
subject: raw.{dataset}-value
audiences:
  analytics: {{clearances: []}}
unclassified: redact
"""


@dataclass(frozen=True)
class Format:
    name: str
    schema: str
    newer: str  # the second writer schema: a field added
    key_rule: str
    key_schema: str | None
    payload: Callable[[int, Any, dict[str, Any]], bytes]
    view: Callable[[bytes | None, Any], dict[str, Any] | None]  # a view's value, read by another reader


def _proto_view(framed: bytes | None, schema: ProtobufFile) -> dict[str, Any] | None:
    return decode_protobuf_view(framed, schema.message(None).descriptor)


def _json_view(framed: bytes | None, schema: Any) -> dict[str, Any] | None:
    if framed is None:
        return None
    record = json.loads(bytes(split_wire_format(framed)[1]))
    assert jsonschema_rs.validator_for(dict(schema.document), validate_formats=True).is_valid(record)
    return record  # type: ignore[no-any-return]


def _proto_payload(schema_id: int, schema: ProtobufFile, record: dict[str, Any]) -> bytes:
    return protobuf_payload(schema_id, schema.message(None).descriptor, as_protobuf_json(record))


def _json_payload(schema_id: int, _schema: Any, record: dict[str, Any]) -> bytes:
    return json_schema_payload(schema_id, as_json_schema_record(record))


def _newer_json_schema() -> str:
    schema = json.loads(CUSTOMERS_JSON_SCHEMA.read_text())
    schema["properties"]["referral_email"] = {"type": "string"}
    return json.dumps(schema)


PROTOBUF = Format(
    "protobuf",
    CUSTOMERS_PROTO.read_text(),
    CUSTOMERS_PROTO.read_text().replace(
        "bool marketing_opt_in = 16;", "bool marketing_opt_in = 16;\n  string referral_email = 19;"
    ),
    PROTO_KEY_RULE,
    PROTO_KEY,
    _proto_payload,
    _proto_view,
)
JSON_SCHEMA = Format(
    "jsonschema",
    CUSTOMERS_JSON_SCHEMA.read_text(),
    _newer_json_schema(),
    "key: {class: contact, action: hash}",
    None,
    _json_payload,
    _json_view,
)


def _rules(fmt: Format, dataset: str) -> str:
    return re.sub(r"^key:.*$", fmt.key_rule, structured_rules(dataset, fmt.name), flags=re.MULTILINE)


@pytest.mark.parametrize("fmt", [PROTOBUF, JSON_SCHEMA], ids=lambda fmt: fmt.name)
def test_a_dataset_in_the_format_streams_through_three_audiences(
    fmt: Format, kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    deployment = Deployment(kafka.bootstrap, tmp_path)
    dataset = f"{fmt.name}_{uuid.uuid4().hex[:6]}"
    deployment.apply_rules(_rules(fmt, dataset), fmt.schema, key_schema=fmt.key_schema)
    carrier = CARRIER.format(carrier=f"{dataset}_v2", fmt=fmt.name, dataset=dataset)
    deployment.apply_rules(carrier, fmt.newer)
    history, registry = deployment.rule_history(), deployment.settings.schema_registry_url
    v1_id, v1 = producer_schema(history, dataset, registry)
    v2_id, v2 = producer_schema(history, f"{dataset}_v2", registry)
    keys = _keys(fmt, history, dataset, registry)
    worker = deployment.start_worker()
    try:
        raw = deployment.names.raw(dataset)
        worker.wait_serving(raw)
        producer = RawProducer(deployment.options)
        records = list(customers(RECORDS, seed=31, with_notes=False))
        records[3] = {**records[3], **CANARIES}
        for number, record in enumerate(records):
            producer.send(raw, keys(record), fmt.payload(v1_id, v1, record), partition=0)
            if number == 5:
                producer.send(raw, keys(records[0]), None, partition=0)  # a tombstone
        producer.send(
            raw, keys(records[1]), fmt.payload(v2_id, v2, {**records[1], "referral_email": REFERRAL}), partition=0
        )
        producer.flush()
        analytics = read_topic(deployment.options, deployment.names.governed(dataset, "analytics"), RECORDS + 2)
        support = read_topic(deployment.options, deployment.names.governed(dataset, "support"), RECORDS + 2)
    finally:
        deployment.stop_workers()

    for message in analytics:
        for canary in (*CANARIES.values(), REFERRAL, records[3]["email"]):
            assert canary.encode() not in (message.value() or b"") + (message.key() or b"")
    views = {m.offset(): fmt.view(m.value(), v2 if _written_with(m.value(), v2_id) else v1) for m in analytics}
    [tombstone] = [m for m in analytics if m.value() is None]  # stays one, under its masked key
    assert tombstone.key() not in (None, keys(records[0]))
    by_id = {view["customer_id"]: view for view in views.values() if view is not None and "referral_email" not in view}
    canary_view = by_id[records[3]["customer_id"]]
    assert re.fullmatch(r"[0-9a-f]{64}", canary_view["email"])
    assert canary_view["ssn"] == "[REDACTED]"
    assert canary_view["full_name"].startswith("person_")
    [newer] = [view for view in views.values() if view is not None and "referral_email" in view]
    assert newer["referral_email"] == "[REDACTED]"  # drift: the unclassified policy
    supported = [fmt.view(m.value(), v1) for m in support if m.value() and not _written_with(m.value(), v2_id)]
    [cleared] = [view for view in supported if view and view["customer_id"] == records[3]["customer_id"]]
    assert cleared["email"] == CANARIES["email"]  # support is cleared for contact
    drift = [event.schema_drift for chain in deployment.audit_events().values() for event in chain]
    assert {str(v2_id): ["referral_email"]} in drift


def _written_with(value: bytes | None, schema_id: int) -> bool:
    return value is not None and split_wire_format(value)[0] == schema_id


def _keys(fmt: Format, history: Any, dataset: str, registry: str) -> Callable[[dict[str, Any]], bytes]:
    """The record key a producer of the format writes: a Protobuf key message, or the customer id."""
    if fmt.key_schema is None:
        return lambda record: record["customer_id"].encode()
    key_id, key_schema = producer_schema(history, dataset, registry, key=True)
    descriptor = key_schema.message(None).descriptor
    return lambda record: protobuf_payload(key_id, descriptor, {"tenant": "acme", "email": record["email"]})
