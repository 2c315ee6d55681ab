"""Read evidence and monitoring on the real broker, with SCRAM principals and ACLs: the store shows which
principal and group read a governed view up to which offset, and one principal reading ten topics within a
minute raises the alert, in the audit stream and the store."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import (
    AclBinding,
    AclBindingFilter,
    AclOperation,
    AclPermissionType,
    NewTopic,
    ResourcePatternType,
    ResourceType,
    ScramCredentialInfo,
    ScramMechanism,
    UserScramCredentialUpsertion,
)

from harness.deployment import Deployment
from streamguard.app.services.control.read_watch import observe_reads
from streamguard.app.services.evidence.indexing import index_evidence
from streamguard.control.policy import Policy, load_policy
from streamguard.store import EvidenceStore
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka


@pytest.fixture
def sasl(kafka: KafkaEndpoint) -> str:
    if not kafka.sasl_bootstrap or kafka.local_broker is None:
        pytest.skip("SCRAM principals and the authorizer log need the broker streamguard runs itself")
    return kafka.sasl_bootstrap


@pytest.fixture
def deployment(kafka: KafkaEndpoint, tmp_path: Path) -> Deployment:
    return Deployment(kafka.bootstrap, tmp_path / "home")


@pytest.fixture
def store(deployment: Deployment) -> Iterator[EvidenceStore]:
    with EvidenceStore.open(deployment.settings.resolved_evidence_store_url) as opened:
        yield opened


def _reader(kafka: KafkaEndpoint, topic_pattern: tuple[str, ResourcePatternType]) -> tuple[str, dict[str, str]]:
    """A new SCRAM user that may READ the topic(s) and the ``analytics-`` groups, and its client options."""
    user, password = f"reader-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    upsert = UserScramCredentialUpsertion(
        user, ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password.encode()
    )
    for future in kafka.admin.alter_user_scram_credentials([upsert]).values():
        future.result(timeout=15)
    principal, allow = f"User:{user}", (AclOperation.READ, AclPermissionType.ALLOW)
    acls = [
        AclBinding(ResourceType.TOPIC, *topic_pattern, principal, "*", *allow),
        AclBinding(ResourceType.GROUP, "analytics-", ResourcePatternType.PREFIXED, principal, "*", *allow),
    ]
    for future in kafka.admin.create_acls(acls).values():
        future.result(timeout=15)
    scram = {"security.protocol": "SASL_PLAINTEXT", "sasl.mechanisms": "SCRAM-SHA-512"}
    return user, {**scram, "sasl.username": user, "sasl.password": password}


def _forget_acls(kafka: KafkaEndpoint, user: str) -> None:
    everything = AclBindingFilter(
        ResourceType.ANY, None, ResourcePatternType.ANY, f"User:{user}", None, AclOperation.ANY, AclPermissionType.ANY
    )
    for future in kafka.admin.delete_acls([everything]).values():
        future.result(timeout=15)


def _policy(principal: str, user: str) -> Policy:
    text = f"""
principals:
  {principal}: {{kafka_user: {user}}}
  bob: {{roles: [approver]}}
audiences:
  analytics: {{principals: [{principal}], group_prefixes: [analytics-]}}
"""
    return load_policy(text, "test-policy.yaml")


def _produce(bootstrap: str, topic: str, count: int) -> None:
    producer = Producer({"bootstrap.servers": bootstrap})
    for n in range(count):
        producer.produce(topic, key=str(n).encode(), value=b"masked-view-record")
    assert producer.flush(30) == 0


def _consume(sasl: str, client: dict[str, str], group: str, topics: list[str], count: int) -> Consumer:
    """Read ``count`` records as the SCRAM user in ``group``, commit the next offset of each partition, and
    hand the consumer back still in its group (the caller closes it)."""
    consumer = Consumer(
        {
            "bootstrap.servers": sasl,
            **client,
            "group.id": group,
            "client.id": "analytics-notebook",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        }
    )
    consumer.subscribe(topics)
    positions: dict[tuple[str, int], int] = {}
    deadline, read = time.monotonic() + 60, 0
    while read < count and time.monotonic() < deadline:
        message = consumer.poll(0.5)
        if message is None:
            continue
        if message.error():
            consumer.close()
            raise KafkaException(message.error())
        positions[(message.topic(), message.partition())] = message.offset() + 1
        read += 1
    assert read == count
    consumer.commit(offsets=[TopicPartition(t, p, o) for (t, p), o in positions.items()], asynchronous=False)
    return consumer


def test_the_store_shows_which_principal_and_group_read_a_view_up_to_which_offset(
    kafka: KafkaEndpoint, sasl: str, deployment: Deployment, store: EvidenceStore
) -> None:
    assert kafka.local_broker is not None
    log = kafka.local_broker.authorizer_log_path
    topic = deployment.names.governed(f"customers_{uuid.uuid4().hex[:8]}", "analytics")
    kafka.admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(timeout=30)
    _produce(kafka.bootstrap, topic, 600)
    user, client = _reader(kafka, (topic, ResourcePatternType.LITERAL))
    policy = _policy(f"ana-{user}", user)
    group = f"analytics-{uuid.uuid4().hex[:8]}"
    try:
        observe_reads(deployment.settings, policy, store, authorizer_log=log)  # the baseline: before the read
        consumer = _consume(sasl, client, group, [topic], 500)
        try:
            observed = observe_reads(deployment.settings, policy, store, authorizer_log=log)
        finally:
            consumer.close()
    finally:
        _forget_acls(kafka, user)

    [progress] = [record for record in observed.progress if record.group_id == group]
    assert (progress.committed_offset, progress.previous_offset, progress.end_offset, progress.lag) == (
        500,
        None,
        600,
        100,
    )
    assert [reader.identity for reader in progress.readers] == [f"ana-{user}"]
    assert observed.access_event is not None
    assert not [alert for alert in observed.alerts if group in alert.subject]  # a member reading its own view

    index_evidence(deployment.settings, store, witness=None)
    [row] = store.read_access(group=group)
    assert (row.principal, row.kafka_principal) == (f"ana-{user}", f"User:{user}")
    assert (row.topic, row.partition, row.committed_offset, row.audience) == (topic, 0, 500, "analytics")
    assert row.clients == (("analytics-notebook", "127.0.0.1"),)
    assert row.event_hash == observed.access_event.hash
    assert store.read_access(principal=f"ana-{user}") == [row]
    assert store.read_access(topic=topic) == [row]

    again = observe_reads(deployment.settings, policy, store, authorizer_log=log)  # nothing moved since
    assert [record for record in again.progress if record.group_id == group] == []


def test_one_principal_reading_ten_topics_within_a_minute_raises_the_alert(
    kafka: KafkaEndpoint, sasl: str, deployment: Deployment, store: EvidenceStore
) -> None:
    assert kafka.local_broker is not None
    family = f"governed.m{uuid.uuid4().hex[:8]}"
    topics = [f"{family}x{n}.analytics" for n in range(10)]
    for future in kafka.admin.create_topics([NewTopic(topic, 1, 1) for topic in topics]).values():
        future.result(timeout=30)
    for topic in topics:
        _produce(kafka.bootstrap, topic, 1)
    user, client = _reader(kafka, (family, ResourcePatternType.PREFIXED))
    policy = _policy(f"mon-{user}", user)
    try:
        _consume(sasl, client, f"analytics-{uuid.uuid4().hex[:8]}", topics, 10).close()
        observed = observe_reads(
            deployment.settings, policy, store, authorizer_log=kafka.local_broker.authorizer_log_path
        )
    finally:
        _forget_acls(kafka, user)

    [alert] = [alert for alert in observed.alerts if alert.rule == "topics_read" and alert.subject == f"mon-{user}"]
    assert set(topics) <= set(alert.details["topics"])
    index_evidence(deployment.settings, store, witness=None)
    [event] = [event for event in store.events(kinds=["alert"]) if event.operation["subject"] == f"mon-{user}"]
    assert event.worker == "streamguard:read-watch"
    assert event.operation["key"] == alert.key
    assert [stored.key for stored in store.alerts() if stored.subject == f"mon-{user}"] == [alert.key]
    assert all(event.source.topic == deployment.names.control for event in store.events(kinds=["alert"]))
