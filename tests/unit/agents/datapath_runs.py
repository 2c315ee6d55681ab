"""Scripted runs of the data path over client doubles (no broker): the sample customers under the sample
rules, one raw partition, and what the run wrote. Shared by the data path's tests and its metrics' tests."""

from __future__ import annotations

import json
import threading
from typing import Any

import fastavro

from harness.sample_data import customers, structured_rules
from streamguard.agents.checkpoints import CheckpointPolicy, LogCheckpoints
from streamguard.agents.kafka_audit import AuditChains
from streamguard.agents.kafka_datapath import DataPath
from streamguard.agents.rules_registry import RulesRegistry
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.signed_note import NoteSigner, generate_seed
from streamguard.masking.keys import Keyring
from streamguard.masking.rule_versions import next_version
from streamguard.masking.rules import parse_rules
from streamguard.schemas import CUSTOMERS_AVSC
from tests.avro_frames import framed_avro
from tests.unit.agents.datapath_doubles import Clients, Record

# A worker's keys: masking and encryption, and the evidence key that salts the audit events' digests.
WORKER_KEYRING = Keyring({"k1": b"m" * 32, "k2": b"e" * 32}, {"mask": "k1", "encrypt": "k1", "evidence": "k2"})

NAMES = TopicNames()
RAW = NAMES.raw("customers")
SCHEMA_TEXT = CUSTOMERS_AVSC.read_text()
SCHEMA = fastavro.parse_schema(json.loads(SCHEMA_TEXT))
RULES_YAML = structured_rules("customers")
AUDIENCES = ("analytics", "support", "risk")


class Registry:
    """The schema registry: schema 1 known; other ids answered as ``answer`` says (None: unknown)."""

    def __init__(self, answer: Any = None) -> None:
        self.answer = answer

    def register(self, records: Any) -> None:
        pass

    def writer_schema(self, schema_id: int) -> dict[str, Any] | None:
        if schema_id == 1:
            return SCHEMA
        if isinstance(self.answer, Exception):
            raise self.answer
        return None


def customer_batch(first: int, count: int, schema_id: int = 1) -> list[Record]:
    """``count`` sample customers at offsets ``first``… of partition 0, framed with ``schema_id``."""
    records = []
    for offset, customer in enumerate(customers(count, seed=first), start=first):
        key = customer["customer_id"].encode()
        records.append(Record(RAW, 0, offset, key, framed_avro(SCHEMA, customer, schema_id)))
    return records


SIGNER = NoteSigner("test.local/audit", generate_seed())


def rule_history() -> list[RuleSetRecord]:
    """The sample rules as the one published version."""
    rules = parse_rules(RULES_YAML, schema=json.loads(SCHEMA_TEXT))
    record = next_version([], rules, RULES_YAML, "customers.rules.yaml", SCHEMA_TEXT, "test")
    assert record is not None
    return [record]


def run_datapath(
    script: list[Any], registry: Registry | None = None, prepare: Any = None, cycle_max_bytes: int = 1 << 24
) -> tuple[Clients, Exception | None]:
    """Run the data path over ``script`` until the consumer runs dry; the clients and what it raised."""
    stop = threading.Event()
    clients = Clients.scripted(stop, script)
    if prepare is not None:
        prepare(clients)
    rules = RulesRegistry(NAMES, registry or Registry(), WORKER_KEYRING, lambda: None, "worker-1")  # type: ignore[arg-type, return-value]
    chains = AuditChains(NAMES.audit, 3, lambda _partition, _start: [])
    checkpoints = LogCheckpoints(SIGNER, "test.local/audit", CheckpointPolicy(every_events=2, every_s=3600))
    datapath = DataPath(
        clients.ports(rule_history()),
        rules,
        chains,
        checkpoints,
        NAMES.checkpoints,
        batch_size=100,
        cycle_max_bytes=cycle_max_bytes,
    )
    try:
        datapath.run(stop)
    except Exception as error:
        return clients, error
    return clients, None


def audit_events(clients: Clients) -> list[AuditEvent]:
    """The audit events the run wrote, in order."""
    return [AuditEvent.from_bytes(record.value() or b"") for record in clients.producer.written[NAMES.audit]]
