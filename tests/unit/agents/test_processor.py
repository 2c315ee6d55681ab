"""The data path's pure core: every source offset ends up delivered, a tombstone, or quarantined."""

from __future__ import annotations

import io
import json
import os
from typing import Any

import fastavro
import pytest

from harness.sample_data import customers, structured_rules
from streamguard.agents.batch import SourceRecord
from streamguard.agents.codec import frame_wire_format, split_wire_format
from streamguard.agents.processor import DatasetProcessor, evidence_subkey, recorded_salt
from streamguard.core.errors import KeyringError, SchemaRegistryUnavailable
from streamguard.core.topics import TopicNames
from streamguard.evidence.digests import UNSALTED, digest_salt
from streamguard.evidence.header import EVIDENCE_HEADER, Evidence
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import load_rules, parse_rules
from streamguard.schemas import CUSTOMERS_AVSC, CUSTOMERS_RULES
from tests.avro_frames import FixedSchemas, framed_avro
from tests.unit.fakes import RegexScanner

SCHEMA = fastavro.parse_schema(json.loads(CUSTOMERS_AVSC.read_text()))
OTHER_SCHEMA = fastavro.parse_schema(
    {"type": "record", "name": "Other", "fields": [{"name": "customer_id", "type": "string"}]}
)
NAMES = TopicNames()
# A worker's keys: the evidence key salts the audit events' digests.
KEYS = Keyring({"k1": os.urandom(32), "k2": os.urandom(32)}, {"mask": "k1", "encrypt": "k1", "evidence": "k2"})


SCHEMAS = FixedSchemas({1: SCHEMA, 2: OTHER_SCHEMA})


STRUCTURED_RULES = structured_rules("customers")


@pytest.fixture(scope="module", params=["python-plan", "native-engine", "native-engine-disabled"])
def processor(request: pytest.FixtureRequest) -> DatasetProcessor:
    """The sample rules (free text: the Python plan), their structured variant (the native engine), and the
    same with the engine switched off (what a machine without the module runs)."""
    if request.param == "python-plan":
        rules = load_rules(CUSTOMERS_RULES, schema=SCHEMA)
    else:
        rules = parse_rules(STRUCTURED_RULES, schema=SCHEMA)
    native = request.param != "native-engine-disabled"
    made = DatasetProcessor(rules, 3, KEYS, NAMES, SCHEMAS, RegexScanner(), "worker-1", native=native)
    made.process([_record(0, framed_avro(SCHEMA, next(customers(1))))])  # compiles the plan for schema 1
    assert (made.values.engine_for(1) is not None) == (request.param == "native-engine")
    return made


def _record(offset: int, value: bytes | None, key: bytes = b"k") -> SourceRecord:
    return SourceRecord("raw.customers", 0, offset, key, value, [], 1_700_000_000_000)


def test_a_mixed_batch_accounts_for_every_offset_once(processor: DatasetProcessor) -> None:
    good = [framed_avro(SCHEMA, record) for record in customers(3, seed=1)]
    batch = [
        _record(10, good[0]),
        _record(11, b"\x00\x00"),
        _record(12, None, key=b"erase-me"),
        _record(13, framed_avro(OTHER_SCHEMA, schema_id=2, record={"customer_id": "x"})),
        _record(14, frame_wire_format(77, b"\x02")),
        _record(15, good[1] + b"\x00" * 900_000),
        _record(16, good[2]),
    ]
    result = processor.process(batch)
    event = result.event
    assert event.delivered == [(10, 10), (16, 16)]
    assert event.tombstones == [12]
    assert {q.offset: q.reason for q in event.quarantined} == {
        11: "undecodable:too_short_for_wire_format",
        13: "schema_mismatch",
        14: "unknown_schema_id",
        15: "oversize",
    }
    assert event.accounted_offsets() == list(range(10, 17))
    assert [o.source_offset for o in result.quarantine] == [11, 13, 14, 15]
    governed = result.governed
    assert governed.source_offsets == [10, 12, 16]
    assert all(keys[1] == b"erase-me" for keys in governed.keys.values())  # the sample's keys are public
    for headers in governed.headers:
        evidence = Evidence.parse(dict(headers)[EVIDENCE_HEADER])
        assert (evidence.rule_version, evidence.audit_event) == (3, event.event_id)
        assert evidence.source_topic == "raw.customers"
    for audience, values in governed.values.items():
        assert values[1] is None
        assert event.outputs[audience].count == 3
        for value in (values[0], values[2]):
            schema_id, body = split_wire_format(value)
            view = fastavro.schemaless_reader(io.BytesIO(body), SCHEMA, None)
            assert schema_id == 1
            assert fastavro.validation.validate(view, SCHEMA)


def test_views_differ_per_clearance(processor: DatasetProcessor) -> None:
    record = next(customers(1, seed=2))
    result = processor.process([_record(0, framed_avro(SCHEMA, record))])
    views = {
        a: fastavro.schemaless_reader(io.BytesIO(split_wire_format(values[0])[1]), SCHEMA, None)
        for a, values in result.governed.values.items()
    }
    assert views["risk"]["ssn"] == record["ssn"]
    assert views["support"]["ssn"] != record["ssn"]
    assert views["support"]["email"] == record["email"]
    assert views["analytics"]["email"] != record["email"]


def test_quarantine_headers_name_the_reason_and_source_never_the_value(processor: DatasetProcessor) -> None:
    result = processor.process([_record(5, b"\x00\x00\x00\x00\x01secret-ssn-123-45-6789")])
    headers = dict(result.quarantine[0].headers)
    assert headers["streamguard-reason"] == b"undecodable:avro_body"
    assert Evidence.parse(headers[EVIDENCE_HEADER]).source == ("raw.customers", 0, 5)
    assert all(b"secret" not in value for value in headers.values())


def test_quarantine_all_fails_a_whole_batch_closed(processor: DatasetProcessor) -> None:
    good = framed_avro(SCHEMA, next(customers(1)))
    result = processor.quarantine_all([_record(1, good), _record(2, good)], "internal_error")
    assert not result.governed.source_offsets
    assert all(not values for values in result.governed.values.values())
    assert [q.reason for q in result.event.quarantined] == ["internal_error", "internal_error"]


def test_the_native_engine_and_the_python_plan_give_the_same_batch() -> None:
    """Same views, same reasons, same evidence (digests, action counts) whichever path serves the schema."""
    rules = parse_rules(STRUCTURED_RULES, schema=SCHEMA)
    keys = KEYS
    good = [framed_avro(SCHEMA, record) for record in customers(40, seed=8)]
    batch = [_record(offset, value) for offset, value in enumerate(good)]
    batch[7] = _record(7, None)
    batch[9] = _record(9, good[9][:30])
    batch[11] = _record(11, framed_avro(OTHER_SCHEMA, schema_id=2, record={"customer_id": "x"}))
    results = [
        DatasetProcessor(rules, 3, keys, NAMES, SCHEMAS, None, "w", native=native).process(batch)
        for native in (True, False)
    ]
    native, python = (result.governed for result in results)
    assert native.values == python.values
    assert native.source_offsets == python.source_offsets
    ignored = {"event_id", "recorded_at", "hash"}
    assert results[0].event.model_dump(exclude=ignored) == results[1].event.model_dump(exclude=ignored)
    assert {q.offset: q.reason for q in results[0].event.quarantined} == {
        9: "undecodable:avro_body",
        11: "schema_mismatch",
    }


class DownRegistry:
    def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
        raise SchemaRegistryUnavailable(f"schema registry: schema id {schema_id}: ConnectionError")


def test_a_registry_that_does_not_answer_raises_instead_of_quarantining_healthy_records() -> None:
    rules = parse_rules(STRUCTURED_RULES, schema=SCHEMA)
    processor = DatasetProcessor(rules, 1, KEYS, NAMES, DownRegistry(), None, "w")
    good = framed_avro(SCHEMA, next(customers(1)))
    with pytest.raises(SchemaRegistryUnavailable):
        processor.process([_record(0, good), _record(1, good)])


def test_schema_drift_is_warned_once_and_recorded_in_each_audit_event(caplog: pytest.LogCaptureFixture) -> None:
    v1 = {"type": "record", "name": "Lead", "fields": [{"name": "id", "type": "string"}]}
    v2 = {**v1, "fields": [*v1["fields"], {"name": "email", "type": "string", "default": ""}]}
    rules = parse_rules(
        "dataset: leads\nformat: avro\nkey: {class: public}\n"
        "audiences: {a: {clearances: []}}\nfields: {id: {class: public}}\n"
        "unclassified: redact\n",
        schema=fastavro.parse_schema(v1),
    )

    class Writer:
        def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
            return fastavro.parse_schema(v2) if schema_id == 5 else None

    processor = DatasetProcessor(rules, 2, KEYS, NAMES, Writer(), None, "w")
    record = framed_avro(fastavro.parse_schema(v2), schema_id=5, record={"id": "L-1", "email": "ana@example.org"})
    with caplog.at_level("WARNING"):
        first = processor.process([_record(0, record)])
        second = processor.process([_record(1, record)])
    assert first.event.schema_drift == second.event.schema_drift == {"5": ["email"]}
    assert caplog.text.count("schema drift") == 1
    assert b"ana@example.org" not in b"".join(v or b"" for v in first.governed.values["a"])


def test_views_carry_no_source_header_and_quarantine_keeps_them_for_the_restricted_topic(
    processor: DatasetProcessor,
) -> None:
    """A header can carry personal data no rule classifies: views get the evidence header only."""
    headers = [("x-user-email", b"ana@example.org"), ("traceparent", b"00-abc-01")]
    good = SourceRecord("raw.customers", 0, 0, b"k", framed_avro(SCHEMA, next(customers(1))), headers, 0)
    bad = SourceRecord("raw.customers", 0, 1, b"k", b"\x00\x00", headers, 0)
    result = processor.process([good, bad])
    assert [[name for name, _ in view_headers] for view_headers in result.governed.headers] == [[EVIDENCE_HEADER]]
    assert ("x-user-email", b"ana@example.org") in result.quarantine[0].headers


def test_the_event_records_the_key_ids_of_its_tokens_and_salts_and_shows_no_key() -> None:
    keyring = Keyring(
        {"k1": b"m" * 32, "k2": b"s" * 32, "k3": b"e" * 32, "k4": b"c" * 32},
        {"mask": "k1", "encrypt": "k1", "sign": "k2", "evidence": "k3", "control": "k4"},
    )
    processor = DatasetProcessor(parse_rules(STRUCTURED_RULES, schema=SCHEMA), 1, keyring, NAMES, SCHEMAS, None, "w")
    event = processor.process([_record(0, framed_avro(SCHEMA, next(customers(1))))]).event
    assert event.key_ids == {"mask": "k1", "encrypt": "k1", "evidence": "k3"}  # signing keys shape no content
    subkey = evidence_subkey(keyring, "k3")
    assert subkey == keyring.derive("evidence", "record-digests", key_id="k3")
    assert recorded_salt(keyring, event, "analytics") == digest_salt(subkey, "raw.customers", 0, 0, "analytics")
    shown = repr(processor._assembler) + str(processor._assembler)
    assert subkey.hex() not in shown
    assert repr(subkey) not in shown


def test_an_event_made_before_salted_digests_has_the_empty_salt() -> None:
    processor = DatasetProcessor(parse_rules(STRUCTURED_RULES, schema=SCHEMA), 1, KEYS, NAMES, SCHEMAS, None, "w")
    made = processor.process([_record(0, framed_avro(SCHEMA, next(customers(1))))]).event
    event = made.model_copy(update={"key_ids": {"mask": "k1", "encrypt": "k1"}})
    assert recorded_salt(KEYS, event, "analytics") == UNSALTED
    with pytest.raises(KeyringError, match="key 'k9' is not in the keyring"):
        recorded_salt(KEYS, event.model_copy(update={"key_ids": {"evidence": "k9"}}), "analytics")
