"""Record keys with a schema, masked field by field with the key's own plans (Avro: native engine and Python
plan; JSON Schema)."""

from __future__ import annotations

import io
import json
from typing import Any

import fastavro
import pytest

from harness.sample_data import as_json_schema_record, customers, structured_rules
from streamguard.agents.batch import SourceRecord
from streamguard.agents.codec import frame_wire_format, split_wire_format
from streamguard.agents.processor import DatasetProcessor
from streamguard.core.topics import TopicNames
from streamguard.masking.json_schema import JsonSchemaDocument
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import parse_rules
from streamguard.schemas import CUSTOMERS_AVSC
from tests.avro_frames import FixedSchemas, framed_avro
from tests.unit.fakes import customers_json_schema

SCHEMA = fastavro.parse_schema(json.loads(CUSTOMERS_AVSC.read_text()))
KEY_FIELDS = [{"name": "tenant", "type": "string"}, {"name": "email", "type": "string"}]
KEY_SCHEMA = fastavro.parse_schema({"type": "record", "name": "CustomerKey", "fields": KEY_FIELDS})
KEY_SCHEMA_V2 = fastavro.parse_schema(
    {"type": "record", "name": "CustomerKey", "fields": [*KEY_FIELDS, {"name": "phone", "type": "string"}]}
)
AVRO_KEY_RULES = structured_rules("customers").replace(
    "key: {class: public}",
    "key:\n  fields:\n    tenant: {class: public}\n    email: {class: contact, action: pseudonymize}",
)


SCHEMAS = FixedSchemas({1: SCHEMA, 3: KEY_SCHEMA, 4: KEY_SCHEMA_V2})


def _key(email: str, tenant: str = "acme") -> bytes:
    return framed_avro(KEY_SCHEMA, schema_id=3, record={"tenant": tenant, "email": email})


def _decoded_key(key: bytes) -> dict[str, Any]:
    schema_id, body = split_wire_format(key)
    assert schema_id == 3  # a view key is written with the source key's schema
    return fastavro.schemaless_reader(io.BytesIO(body), KEY_SCHEMA, None)  # type: ignore[return-value]


@pytest.fixture(params=[True, False], ids=["native-engine", "python-plan"])
def processor(request: pytest.FixtureRequest) -> DatasetProcessor:
    rules = parse_rules(AVRO_KEY_RULES, schema=SCHEMA, key_schema=KEY_SCHEMA)
    keyring = Keyring({"k": b"q" * 32, "e": b"v" * 32}, {"mask": "k", "encrypt": "k", "evidence": "e"})
    return DatasetProcessor(rules, 1, keyring, TopicNames(), SCHEMAS, None, "w", native=request.param)


def test_avro_key_fields_get_their_rules_per_audience_and_stay_one_token_per_key(
    processor: DatasetProcessor,
) -> None:
    people = list(customers(3, seed=8))
    values = [framed_avro(SCHEMA, person) for person in people]
    batch = [
        SourceRecord("raw.customers", 0, offset, _key(person["email"]), value, [], 1_700_000_000_000)
        for offset, (person, value) in enumerate(zip(people, values, strict=True))
    ]
    batch.append(SourceRecord("raw.customers", 0, 3, _key(people[1]["email"]), None, [], 1_700_000_000_000))
    result = processor.process(batch)
    assert result.event.tombstones == [3]
    assert not result.event.quarantined
    analytics = [_decoded_key(key) for key in result.governed.keys["analytics"]]  # type: ignore[arg-type]
    support = [_decoded_key(key) for key in result.governed.keys["support"]]  # type: ignore[arg-type]
    for person, masked, cleared in zip(people, analytics, support, strict=False):
        assert masked["tenant"] == "acme"
        assert masked["email"] != person["email"]
        assert masked["email"].startswith("person_")
        assert cleared["email"] == person["email"]  # support is cleared for contact
    assert analytics[3] == analytics[1]  # the tombstone carries the same token as the record it erases
    # Counted like field actions: full_name in three values and the email of four keys, for analytics.
    assert result.event.action_counts["contact/pseudonymize"] == 3 + 4


def test_a_key_that_cannot_be_masked_quarantines_its_record_only(processor: DatasetProcessor) -> None:
    person = next(customers(1, seed=9))
    value = framed_avro(SCHEMA, person)
    drifted_key = {"tenant": "acme", "email": person["email"], "phone": "+1 555 0100"}
    drifted = framed_avro(KEY_SCHEMA_V2, drifted_key, schema_id=4)
    keys = [_key(person["email"]), b"plain-text-key", frame_wire_format(9, b"\x02"), drifted, _key("b@example.org")]
    batch = [SourceRecord("raw.customers", 0, n, key, value, [], 1_700_000_000_000) for n, key in enumerate(keys)]
    result = processor.process(batch)
    assert {q.offset: q.reason for q in result.event.quarantined} == {
        1: "key:undecodable:bad_magic_byte",
        2: "key:unknown_schema_id",
        3: "key:schema_drift",  # a key field no rule names is never given the unclassified policy
    }
    assert result.event.delivered == [(0, 0), (4, 4)]
    assert result.event.action_counts["contact/pseudonymize"] == 2 + 2  # delivered records only


JSON_KEY_SCHEMA = {
    "type": "object",
    "properties": {"tenant": {"type": "string"}, "email": {"type": "string"}},
    "required": ["tenant", "email"],
    "additionalProperties": False,
}


def test_a_json_schema_key_is_masked_field_by_field_like_an_avro_one() -> None:
    value_schema, key_schema = customers_json_schema(), JsonSchemaDocument(JSON_KEY_SCHEMA, "key.json")
    rules_text = AVRO_KEY_RULES.replace("format: avro", "format: jsonschema")
    rules = parse_rules(rules_text, schema=value_schema, key_schema=key_schema)
    keyring = Keyring({"k": b"q" * 32, "e": b"v" * 32}, {"mask": "k", "encrypt": "k", "evidence": "e"})
    schemas = FixedSchemas({1: value_schema, 3: key_schema})
    processor = DatasetProcessor(rules, 1, keyring, TopicNames(), schemas, None, "w", native=True)
    people = list(customers(2, seed=8))
    batch = [
        SourceRecord(
            "raw.customers",
            0,
            offset,
            frame_wire_format(3, json.dumps({"tenant": "acme", "email": person["email"]}).encode()),
            frame_wire_format(1, json.dumps(as_json_schema_record(person)).encode()),
            [],
            1_700_000_000_000,
        )
        for offset, person in enumerate(people)
    ]
    result = processor.process(batch)
    assert not result.event.quarantined
    for person, key in zip(people, result.governed.keys["analytics"], strict=True):
        assert key is not None
        schema_id, body = split_wire_format(key)
        masked = json.loads(bytes(body))
        assert (schema_id, masked["tenant"]) == (3, "acme")  # the view key keeps the source key's schema id
        assert masked["email"].startswith("person_")
        assert person["email"] not in key.decode()
