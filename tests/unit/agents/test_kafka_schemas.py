"""The schema catalog: registers the rule history on ``mock://`` only, reads a real registry, compiles a
Protobuf schema with the files its references name, and turns a registry that does not answer into an
infrastructure fault (an unknown id is the record's own fault)."""

from __future__ import annotations

import pytest
from confluent_kafka.schema_registry import Schema, SchemaReference

from harness.sample_data import structured_rules
from harness.worker_process import free_port
from streamguard.agents.kafka_schemas import SchemaCatalog
from streamguard.core.errors import SchemaRegistryUnavailable
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.masking.schema_tree import leaf_paths
from streamguard.schemas import CUSTOMERS_AVSC


def _record(dataset: str, version: int = 1) -> RuleSetRecord:
    return RuleSetRecord(
        dataset=dataset,
        version=version,
        digest="d",
        applied_by="test",
        applied_at="2026-12-01T00:00:00+00:00",
        source_name="rules.yaml",
        subject=f"raw.{dataset}-value",
        rules_yaml=structured_rules(dataset),
        avro_schema=CUSTOMERS_AVSC.read_text(),
    )


def test_mock_registries_fed_the_same_history_agree_on_ids() -> None:
    history = [_record("a"), _record("b")]
    first, second = SchemaCatalog("mock://one"), SchemaCatalog("mock://two")
    first.register(history)
    second.register(history)
    ids = [first.schema_id_of(record) for record in history]
    assert ids == [second.schema_id_of(record) for record in history]
    assert first.writer_schema(ids[0]) is not None  # type: ignore[arg-type]
    assert first.writer_schema(987_654) is None  # unknown: the record's fault, not an outage


def test_a_real_registry_is_never_written_and_an_unreachable_one_is_an_outage() -> None:
    catalog = SchemaCatalog(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    catalog.register([_record("a")])  # streamguard only reads a real registry: no call, no error
    with pytest.raises(SchemaRegistryUnavailable, match="schema id 3"):
        catalog.writer_schema(3)


def test_a_protobuf_schema_is_compiled_with_the_files_its_references_name() -> None:
    catalog = SchemaCatalog("mock://references")
    common = 'syntax = "proto3";\npackage common;\nmessage Money { int64 cents = 1; string currency = 2; }\n'
    order = (
        'syntax = "proto3";\nimport "common/money.proto";\n'
        "message Order { string id = 1; string email = 2; common.Money total = 3; }\n"
    )
    registry = catalog._client  # a producer's registrations, as a Java or Go producer makes them: .proto text
    registry.register_schema("common-money", Schema(common, "PROTOBUF"))
    reference = SchemaReference("common/money.proto", "common-money", 1)
    schema_id = registry.register_schema("raw.orders-value", Schema(order, "PROTOBUF", [reference]))
    schema = catalog.writer_schema(schema_id)
    assert isinstance(schema, ProtobufFile)
    assert [path for path, _ in leaf_paths(schema.message(None).tree)] == [
        "id",
        "email",
        "total.cents",
        "total.currency",
    ]


def test_a_schema_that_cannot_be_compiled_is_treated_like_an_unknown_one() -> None:
    catalog = SchemaCatalog("mock://broken")
    broken = 'syntax = "proto3";\nimport "nowhere.proto";\nmessage Order { string id = 1; }\n'
    schema_id = catalog._client.register_schema("raw.orders-value", Schema(broken, "PROTOBUF"))
    assert catalog.writer_schema(schema_id) is None  # its records are quarantined as unknown_schema_id
