"""Read evidence and monitoring on the real broker, with SCRAM principals and ACLs: the store shows which
principal and group read a governed view up to which offset, and one principal reading ten topics within a
minute raises the alert, in the audit stream and the store. Where streamguard does not run the broker, the
principal comes from a platform's audit-log topic, or, with neither log, is inferred from the group's prefix;
each read says which."""

from __future__ import annotations

import json
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
from streamguard.control.read_evidence import Reader
from streamguard.control.read_sources import ReadSource
from streamguard.store import EvidenceStore
from tests.conftest import KafkaEndpoint
from tests.unit.control.confluent_samples import event as confluent_event

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


def _consume(bootstrap: str, client: dict[str, str], group: str, topics: list[str], count: int) -> Consumer:
    """Read ``count`` records in ``group`` (as the SCRAM user whose options ``client`` holds, if any), commit
    the next offset of each partition, and hand the consumer back still in its group (the caller closes it)."""
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
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


# -- clusters streamguard does not run: a platform's audit-log topic, or the groups' prefixes -------------


def test_a_platforms_audit_log_topic_names_the_principal_behind_a_group_with_its_source(
    kafka: KafkaEndpoint, deployment: Deployment, store: EvidenceStore
) -> None:
    """Confluent Server, whose authorizer writes the audit log, cannot be installed here: a topic on the local
    broker into which the test writes events in Confluent's CloudEvents format stands in for the platform's
    audit-log topic, and no authorizer log is read. The reader connects without SASL (the broker cannot tell
    who it is): its principal comes from the audit log alone."""
    topic = deployment.names.governed(f"customers_{uuid.uuid4().hex[:8]}", "analytics")
    audit_log = f"audit-log-{uuid.uuid4().hex[:8]}"
    for future in kafka.admin.create_topics([NewTopic(topic, 1, 1), NewTopic(audit_log, 2, 1)]).values():
        future.result(timeout=30)
    _produce(kafka.bootstrap, topic, 60)
    user, group = f"platform-{uuid.uuid4().hex[:8]}", f"analytics-{uuid.uuid4().hex[:8]}"
    policy = _policy(f"ana-{user}", user)
    _consume(kafka.bootstrap, {}, group, [topic], 40).close()
    cluster = kafka.admin.describe_cluster().result(timeout=30).cluster_id
    principal = f"User:{user}"
    events = [
        confluent_event("kafka.JoinGroup", "Group", group, principal=principal, cluster=cluster),
        confluent_event("kafka.OffsetCommit", "Group", group, principal=principal, cluster=cluster),
        confluent_event("kafka.Fetch", "Topic", topic, principal=principal, cluster=cluster),
        confluent_event("kafka.OffsetCommit", "Group", group, principal="User:elsewhere", cluster="lkc-other"),
    ]
    producer = Producer({"bootstrap.servers": kafka.bootstrap})
    producer.produce(audit_log, b"{not an audit event", partition=0)  # rejected, and the rest still read
    for n, event in enumerate(events):
        producer.produce(audit_log, json.dumps(event).encode(), partition=n % 2)
    assert producer.flush(30) == 0
    settings = deployment.settings.model_copy(update={"audit_log_topic": audit_log})

    observed = observe_reads(settings, policy, store, authorizer_log=None)

    [progress] = [record for record in observed.progress if record.group_id == group]
    assert progress.readers == (Reader(principal, f"ana-{user}", ReadSource.AUDIT_LOG_TOPIC),)
    assert (progress.committed_offset, progress.end_offset) == (40, 60)
    assert observed.decisions == 3  # this cluster's: not the malformed one, not the other cluster's
    assert observed.access_event is not None
    assert observed.access_event.operation["source"] == "consumer-groups+audit-log-topic"
    index_evidence(deployment.settings, store, witness=None)
    [row] = store.read_access(group=group)
    assert (row.principal, row.kafka_principal, row.source) == (f"ana-{user}", principal, "audit-log-topic")

    again = observe_reads(settings, policy, store, authorizer_log=None)  # from the saved positions
    assert again.decisions == 0


def test_without_any_log_a_group_of_one_audiences_prefix_is_read_by_its_principals_inferred(
    kafka: KafkaEndpoint, deployment: Deployment, store: EvidenceStore
) -> None:
    topic = deployment.names.governed(f"customers_{uuid.uuid4().hex[:8]}", "analytics")
    kafka.admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(timeout=30)
    _produce(kafka.bootstrap, topic, 30)
    user = f"inferred-{uuid.uuid4().hex[:8]}"
    policy = _policy(f"ana-{user}", user)
    member, stranger = f"analytics-{uuid.uuid4().hex[:8]}", f"etl-{uuid.uuid4().hex[:8]}"
    _consume(kafka.bootstrap, {}, member, [topic], 20).close()
    consumer = _consume(kafka.bootstrap, {}, stranger, [topic], 10)  # still in its group: its member is seen
    try:
        observed = observe_reads(deployment.settings, policy, store, authorizer_log=None)
    finally:
        consumer.close()

    by_group = {record.group_id: record for record in observed.progress if record.group_id in (member, stranger)}
    assert by_group[member].readers == (Reader(f"User:{user}", f"ana-{user}", ReadSource.GROUP_PREFIX),)
    assert by_group[stranger].readers == ()  # no audience's prefix: clients and hosts only
    assert observed.access_event is not None
    assert observed.access_event.operation["source"] == "consumer-groups+group-prefix"
    index_evidence(deployment.settings, store, witness=None)
    [row] = store.read_access(group=member)
    assert (row.principal, row.source) == (f"ana-{user}", "group-prefix")
    [unattributed] = store.read_access(group=stranger)
    assert (unattributed.principal, unattributed.source, unattributed.clients) == (
        None,
        None,
        (("analytics-notebook", "127.0.0.1"),),
    )
