"""The ACLs a policy implies, and the difference to the broker's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streamguard.control.acl_plan import (
    AclEntry,
    Operation,
    PatternType,
    Permission,
    ResourceType,
    TemporaryGrant,
    diff_acls,
    plan_acls,
    policy_users,
)
from streamguard.control.policy import Policy, load_policy
from streamguard.core.topics import TopicNames

POLICY = """
principals:
  alice: {roles: [steward], kafka_user: alice}
  sam:   {roles: [steward, approver]}
  ana:   {kafka_user: ana}
  sue:   {kafka_user: sue}
  crm:   {kafka_user: crm-service}
audiences:
  analytics: {principals: [ana], group_prefixes: [analytics-, bi-]}
  support:   {principals: [sue], group_prefixes: [support-]}
owners:
  customers: crm
  orders: orders-service
"""
DATASETS = {"customers": ["analytics", "support"], "orders": ["analytics"]}
NAMES = TopicNames()
EXPIRES = datetime(2030, 1, 1, 12, tzinfo=UTC)


def _policy(extra: str = "") -> Policy:
    return load_policy(POLICY + extra, "policy.yaml")


def _grants(principal: str, entries: list[AclEntry]) -> set[tuple[str, str, str, str]]:
    return {
        (e.resource_type.value, e.resource_name, e.pattern.value, e.operation.value)
        for e in entries
        if e.principal == principal
    }


def _topic(name: str, operation: Operation, pattern: PatternType = PatternType.LITERAL) -> tuple[str, str, str, str]:
    return ("topic", name, pattern.value, operation.value)


def _group(name: str, pattern: PatternType = PatternType.PREFIXED) -> tuple[str, str, str, str]:
    return ("group", name, pattern.value, "read")


def test_an_audience_reads_its_own_views_and_groups_and_nothing_else() -> None:
    entries = plan_acls(_policy(), DATASETS, NAMES, [])
    assert _grants("User:ana", entries) == {
        _topic("governed.customers.analytics", Operation.READ),
        _topic("governed.customers.analytics", Operation.DESCRIBE),
        _topic("governed.orders.analytics", Operation.READ),
        _topic("governed.orders.analytics", Operation.DESCRIBE),
        _group("analytics-"),
        _group("bi-"),
    }
    assert _grants("User:sue", entries) == {
        _topic("governed.customers.support", Operation.READ),
        _topic("governed.customers.support", Operation.DESCRIBE),
        _group("support-"),
    }
    assert all(e.permission is Permission.ALLOW and e.host == "*" for e in entries)


def test_an_owner_writes_its_raw_topic_only() -> None:
    entries = plan_acls(_policy(), DATASETS, NAMES, [])
    assert _grants("User:crm-service", entries) == {
        _topic("raw.customers", Operation.WRITE),
        _topic("raw.customers", Operation.DESCRIBE),
    }
    # an owner named by its Kafka user, and a dataset without rules yet: its producer can start first
    assert _grants("User:orders-service", plan_acls(_policy(), {}, NAMES, [])) == {
        _topic("raw.orders", Operation.WRITE),
        _topic("raw.orders", Operation.DESCRIBE),
    }
    assert not [e for e in entries if e.resource_type is ResourceType.CLUSTER]


def test_no_reader_gets_anything_on_a_raw_topic() -> None:
    entries = plan_acls(_policy(), DATASETS, NAMES, [])
    on_raw = {e.principal for e in entries if e.resource_name.startswith("raw.")}
    assert on_raw == {"User:crm-service", "User:orders-service"}


def test_stewards_with_a_kafka_user_read_the_quarantine_with_groups_of_their_own() -> None:
    entries = plan_acls(_policy(), DATASETS, NAMES, [])
    assert _grants("User:alice", entries) == {
        _topic("streamguard.quarantine", Operation.READ),
        _topic("streamguard.quarantine", Operation.DESCRIBE),
        _group("alice-"),
    }
    assert not [e for e in entries if e.resource_name == "streamguard.quarantine" and e.principal != "User:alice"]


def test_the_worker_gets_what_the_data_path_does_and_only_when_named() -> None:
    assert not _grants("User:sg-worker", plan_acls(_policy(), DATASETS, NAMES, []))
    names = TopicNames("in.", "out.", "acme.")
    worker = _grants("User:sg-worker", plan_acls(_policy("worker: sg-worker\n"), DATASETS, names, []))
    prefixed = PatternType.PREFIXED
    assert {_topic("in.", Operation.READ, prefixed), _topic("out.", Operation.WRITE, prefixed)} <= worker
    assert {_topic("acme.audit", Operation.READ), _topic("acme.audit", Operation.WRITE)} <= worker
    assert {_topic("acme.rules", Operation.READ), _topic("acme.checkpoints", Operation.WRITE)} <= worker
    assert _group("acme.datapath", PatternType.LITERAL) in worker
    assert ("transactional_id", "acme.datapath.", "prefixed", "write") in worker
    assert _topic("in.", Operation.WRITE, prefixed) not in worker  # the worker never writes a raw topic
    assert _topic("out.", Operation.READ, prefixed) not in worker  # nor reads the views it writes
    # nor names the control plane's state, or the control chain's writer it could fence
    assert not {name for _kind, name, _pattern, _op in worker} & {"acme.approvals", "acme.acls", "acme.sessions"}
    assert not [grant for grant in worker if grant[1] == "acme." and grant[3] in ("read", "write")]


def test_an_active_grant_reads_its_topic_with_its_group_prefix() -> None:
    grant = TemporaryGrant("ana", "governed.customers.support", "audit-", EXPIRES, "r-42")
    entries = plan_acls(_policy(), DATASETS, NAMES, [grant])
    granted = [e for e in entries if "r-42" in e.reason]
    assert {(e.resource_name, e.operation) for e in granted} == {
        ("governed.customers.support", Operation.READ),
        ("governed.customers.support", Operation.DESCRIBE),
        ("audit-", Operation.READ),
    }
    assert all("until 2030-01-01T12:00:00+00:00" in e.reason for e in granted)


def test_a_binding_planned_twice_is_one_entry_with_the_first_reason() -> None:
    grant = TemporaryGrant("ana", "governed.customers.analytics", "analytics-", EXPIRES, "r-7")
    entries = plan_acls(_policy(), DATASETS, NAMES, [grant])
    keys = [e.key() for e in entries]
    assert len(keys) == len(set(keys))
    assert entries == plan_acls(_policy(), DATASETS, NAMES, [])  # the grant adds nothing the policy has
    view = next(e for e in entries if e.resource_name == "governed.customers.analytics")
    assert view.reason.startswith("audience analytics")


@pytest.mark.parametrize(
    ("expires_at", "group_prefix"),
    [(datetime(2030, 1, 1), "audit-"), (EXPIRES, "")],  # naive; an empty prefix would match every group
)
def test_a_grant_must_expire_at_an_aware_time_and_name_a_prefix(expires_at: datetime, group_prefix: str) -> None:
    with pytest.raises(ValueError, match="r-1"):
        TemporaryGrant("ana", "governed.customers.support", group_prefix, expires_at, "r-1")


def test_the_key_is_the_binding_not_the_reason() -> None:
    entry = AclEntry("User:ana", ResourceType.TOPIC, "governed.x.a", PatternType.LITERAL, Operation.READ, reason="a")
    same = AclEntry("User:ana", ResourceType.TOPIC, "governed.x.a", PatternType.LITERAL, Operation.READ, reason="b")
    assert entry == same
    assert entry.key() == '["User:ana","topic","governed.x.a","literal","read","allow","*"]'
    assert AclEntry.from_key(entry.key()) == entry
    other_host = AclEntry("User:ana", ResourceType.TOPIC, "governed.x.a", PatternType.LITERAL, Operation.READ, host="h")
    assert other_host.key() != entry.key()
    assert entry.resource == "topic governed.x.a"


def _entry(principal: str, topic: str, operation: Operation = Operation.READ) -> AclEntry:
    return AclEntry(f"User:{principal}", ResourceType.TOPIC, topic, PatternType.LITERAL, operation)


def test_the_diff_adds_the_missing_removes_only_its_own_and_keeps_the_foreign() -> None:
    kept, missing = _entry("ana", "governed.a.x"), _entry("ana", "governed.b.x")
    stale_ours, foreign = _entry("bob", "governed.a.x"), _entry("ops", "raw.a", Operation.ALL)
    diff = diff_acls([kept, missing], [kept, stale_ours, foreign], [kept.key(), stale_ours.key()])
    assert diff.add == (missing,)
    assert diff.remove == (stale_ours,)
    assert diff.foreign == (foreign,)
    assert diff.vanished == ()
    assert diff.changes


def test_the_diff_forgets_ledger_keys_whose_acl_is_gone_and_no_longer_planned() -> None:
    planned, deleted_by_hand = _entry("ana", "governed.a.x"), _entry("bob", "governed.a.x")
    diff = diff_acls([planned], [], [planned.key(), deleted_by_hand.key()])
    assert diff.add == (planned,)  # a failed creation is tried again
    assert diff.vanished == (deleted_by_hand.key(),)


def test_a_hand_made_copy_of_a_planned_acl_is_neither_added_nor_adopted() -> None:
    planned = _entry("ana", "governed.a.x")
    diff = diff_acls([planned], [planned], [])
    assert not diff.changes
    assert diff.foreign == ()
    # once the policy drops it, it is still not streamguard's to remove
    assert diff_acls([], [planned], []).remove == ()


def test_the_users_the_policy_names() -> None:
    policy = _policy("worker: sg-worker\n")
    assert policy_users(policy) == ["alice", "ana", "crm-service", "orders-service", "sg-worker", "sue"]
