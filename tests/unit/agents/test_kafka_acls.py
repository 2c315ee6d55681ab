"""ACL entries as confluent-kafka bindings and back, and the ledger's records (no broker)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from itertools import product

from confluent_kafka.admin import AclBindingFilter
from confluent_kafka.admin import ResourceType as KafkaResourceType

from streamguard.agents.kafka_acls import _binding, _entry, ledger_records, ledger_tombstones
from streamguard.control.acl_plan import AclEntry, Operation, PatternType, Permission, ResourceType


def test_every_kind_of_entry_survives_the_trip_to_a_binding_and_back() -> None:
    for resource_type, pattern, operation, permission in product(ResourceType, PatternType, Operation, Permission):
        entry = AclEntry("User:ana", resource_type, "name", pattern, operation, permission, "10.0.0.1")
        assert _entry(_binding(entry)) == entry
    cluster = AclEntry("User:ana", ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, Operation.ALTER)
    assert _binding(cluster).restype is KafkaResourceType.BROKER


def test_deletion_matches_exactly_one_binding() -> None:
    entry = AclEntry("User:ana", ResourceType.GROUP, "analytics-", PatternType.PREFIXED, Operation.READ)
    exact = _binding(entry, AclBindingFilter)
    assert isinstance(exact, AclBindingFilter)
    assert _entry(exact) == entry  # every field set: no ANY, no MATCH


def test_ledger_records_say_who_when_and_for_which_request() -> None:
    policy = AclEntry("User:ana", ResourceType.TOPIC, "t", PatternType.LITERAL, Operation.READ, reason="audience")
    granted = AclEntry("User:gus", ResourceType.TOPIC, "t", PatternType.LITERAL, Operation.READ, reason="grant r-1")
    now = datetime(2030, 1, 1, tzinfo=UTC)
    records = ledger_records("sg.acls", [policy, granted], "principal:root", now, {granted.key(): "r-1"})
    assert [record.key.decode() for record in records] == [policy.key(), granted.key()]
    values = [json.loads(record.value or b"") for record in records]
    assert values[0] == {"created_at": "2030-01-01T00:00:00+00:00", "by": "principal:root", "request": None,
                         "reason": "audience"}  # fmt: skip
    assert values[1]["request"] == "r-1"
    assert [(r.topic, r.value) for r in ledger_tombstones("sg.acls", [policy.key()])] == [("sg.acls", None)]
