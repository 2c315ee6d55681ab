"""The schema catalog: registers the rule history on ``mock://`` only, reads a real registry, and turns a
registry that does not answer into an infrastructure fault (an unknown id is the record's own fault)."""

from __future__ import annotations

import pytest

from harness.sample_data import structured_rules
from harness.worker_process import free_port
from streamguard.agents.kafka_schemas import SchemaCatalog
from streamguard.core.errors import SchemaRegistryUnavailable
from streamguard.core.rule_sets import RuleSetRecord
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
