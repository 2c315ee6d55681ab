"""Create the topics streamguard needs, with the configurations and replication the design asks for
(idempotent), and check the ones that exist already against it (``streamguard.core.replication`` decides)."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, ClusterMetadata, ConfigResource, NewTopic

from streamguard.core.errors import ConfigError, KafkaToolingError
from streamguard.core.replication import (
    TRANSACTION_STATE_LOG,
    Finding,
    Level,
    ObservedTopic,
    ReplicationPolicy,
    TopicKind,
    check_topic,
    check_transaction_log,
)
from streamguard.core.topics import EvidenceRetention, TopicNames

log = logging.getLogger(__name__)

COMPACTED = {"cleanup.policy": "compact"}
AUDIT_PARTITIONS = 3
SETUP_ATTEMPTS = 5


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int = 1
    config: dict[str, str] = field(default_factory=dict)
    kind: TopicKind = TopicKind.VIEWS


def system_topics(names: TopicNames, retention: EvidenceRetention | None = None) -> list[TopicSpec]:
    """Every system topic: the data path's and the control plane's (what the server sets up)."""
    return [*data_path_topics(names, retention), *control_topics(names, retention)]


def data_path_topics(names: TopicNames, retention: EvidenceRetention | None = None) -> list[TopicSpec]:
    """What a worker writes (its audit chains, their checkpoints, the quarantine) and the rules it reads.
    Checkpoints are compacted (a re-published checkpoint carries new cosignatures) and, with a retention set,
    also expire."""
    kept = retention or EvidenceRetention()
    evidence, control = TopicKind.EVIDENCE, TopicKind.CONTROL
    return [
        TopicSpec(names.rules, 1, COMPACTED, control),  # one partition: rule versions have one total order
        TopicSpec(names.audit, AUDIT_PARTITIONS, _deleted(kept.audit_ms), evidence),
        TopicSpec(names.checkpoints, 1, _compacted(kept.checkpoints_ms), evidence),
        TopicSpec(names.quarantine, 1, _deleted(kept.quarantine_ms), TopicKind.QUARANTINE),
    ]


def control_topics(names: TopicNames, retention: EvidenceRetention | None = None) -> list[TopicSpec]:
    """What only the server writes: the control chain and its checkpoints (apart from the data path's, so no
    worker can write them), requests, the ACL ledger and the sessions the indexer publishes."""
    kept = retention or EvidenceRetention()
    control = TopicKind.CONTROL
    return [
        TopicSpec(names.control_audit, 1, _deleted(kept.audit_ms), control),  # one partition: one chain, one order
        TopicSpec(names.control_checkpoints, 1, _compacted(kept.checkpoints_ms), control),
        TopicSpec(names.sessions, 1, _compacted(kept.sessions_ms), TopicKind.EVIDENCE),
        TopicSpec(names.approvals, 1, COMPACTED, control),  # one partition: one order of decisions
        TopicSpec(names.acls, 1, COMPACTED, control),
    ]


def _deleted(retention_ms: int) -> dict[str, str]:
    return {"cleanup.policy": "delete", "retention.ms": str(retention_ms)}


def _compacted(retention_ms: int) -> dict[str, str]:
    if retention_ms < 0:
        return dict(COMPACTED)
    return {"cleanup.policy": "compact,delete", "retention.ms": str(retention_ms)}


def dataset_topics(names: TopicNames, dataset: str, audiences: list[str], partitions: int) -> list[TopicSpec]:
    """Raw and governed topics of a dataset; governed views mirror the raw partitioning (same key, same order)."""
    specs = [TopicSpec(names.raw(dataset), partitions)]
    specs += [TopicSpec(names.governed(dataset, audience), partitions) for audience in audiences]
    return specs


def partition_count(admin: AdminClient, topic: str) -> int | None:
    metadata = admin.list_topics(topic, timeout=15).topics.get(topic)
    if metadata is None or metadata.error is not None:
        return None
    return len(metadata.partitions)


def ensure_topics(
    admin: AdminClient, specs: list[TopicSpec], replication: ReplicationPolicy | None = None
) -> list[str]:
    """Create the topics that do not exist yet, replicated as their kind asks; return the names created."""
    metadata = admin.list_topics(timeout=15)
    wanted = [spec for spec in specs if spec.name not in metadata.topics]
    if not wanted:
        return []
    chosen = replication or ReplicationPolicy({})
    brokers = len(metadata.brokers)
    new_topics = []
    for spec in wanted:
        copies = chosen.for_kind(spec.kind, brokers)
        factor = -1 if copies.factor is None else copies.factor  # -1: the cluster's default.replication.factor
        new_topics.append(NewTopic(spec.name, spec.partitions, factor, config=spec.config | copies.topic_config()))
    futures = admin.create_topics(new_topics)
    created = []
    for name, future in futures.items():
        try:
            future.result(timeout=30)
            created.append(name)
        except KafkaException as error:
            if error.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                raise KafkaToolingError(f"cannot create topic {name}: {error.args[0].str()}") from None
    return created


def ensure_dataset_topics(
    admin: AdminClient,
    names: TopicNames,
    dataset: str,
    audiences: list[str],
    default_partitions: int = 3,
    replication: ReplicationPolicy | None = None,
) -> list[str]:
    """The raw topic (if missing) and one governed view per audience, mirroring the raw topic's partition
    count (a view keeps its source partition, hence key order) and cleanup policy (a compacted raw topic
    gets compacted views, so tombstones erase there too); the views, existing ones too, checked against the
    replication they should have (``ConfigError`` naming the topic and setting). Retries briefly: metadata of
    a topic created a moment ago may not have reached every broker yet."""
    for attempt in range(1, SETUP_ATTEMPTS + 1):
        try:
            created, views = _ensure_dataset_topics(admin, names, dataset, audiences, default_partitions, replication)
            break
        except KafkaException as error:
            if attempt == SETUP_ATTEMPTS:
                raise KafkaToolingError(
                    f"cannot set up the topics of dataset {dataset}: {error.args[0].str()}"
                ) from None
            time.sleep(attempt)
    require_replicated(check_topics(admin, views, replication), f"the views of dataset {dataset}")
    return created


def _ensure_dataset_topics(
    admin: AdminClient,
    names: TopicNames,
    dataset: str,
    audiences: list[str],
    default_partitions: int,
    replication: ReplicationPolicy | None,
) -> tuple[list[str], list[TopicSpec]]:
    raw = names.raw(dataset)
    partitions = partition_count(admin, raw)
    if partitions is None:
        created = ensure_topics(admin, [TopicSpec(raw, default_partitions)], replication)
        partitions, policy = default_partitions, "delete"
    else:
        created, policy = [], _cleanup_policy(admin, raw)
    views = [
        TopicSpec(names.governed(dataset, audience), partitions, {"cleanup.policy": policy}) for audience in audiences
    ]
    return created + ensure_topics(admin, views, replication), views


def _cleanup_policy(admin: AdminClient, topic: str) -> str:
    resource = ConfigResource(ConfigResource.Type.TOPIC, topic)
    entries = admin.describe_configs([resource])[resource].result(timeout=15)
    return str(entries["cleanup.policy"].value)


# -- checks of what exists -------------------------------------------------------------------------------


def check_topics(
    admin: AdminClient, specs: Sequence[TopicSpec], replication: ReplicationPolicy | None = None
) -> list[Finding]:
    """The findings about the topics of ``specs`` that exist (their replicas from the metadata, their
    ``min.insync.replicas`` from their configuration), judged by their kind's replication."""
    chosen = replication or ReplicationPolicy({})
    metadata = admin.list_topics(timeout=15)
    brokers = len(metadata.brokers)
    present = [spec for spec in specs if spec.name in metadata.topics]
    configs = topic_configs(admin, [spec.name for spec in present])
    findings = []
    for spec in present:
        config = configs.get(spec.name)
        if config is None:
            findings.append(
                Finding(
                    Level.WARN,
                    spec.name,
                    "its configuration is not readable by this principal (no "
                    "DescribeConfigs): min.insync.replicas not checked",
                    "run `streamguard doctor` as an admin",
                )
            )
            config = {}
        observed = observe_topic(metadata, spec.name, config)
        wanted = chosen.for_kind(spec.kind, brokers)
        findings += check_topic(observed, spec.kind, wanted, warn_only=chosen.warn_only)
    return findings


def check_transaction_state(admin: AdminClient, replication: ReplicationPolicy | None = None) -> list[Finding]:
    """Findings about the cluster's transaction state log, where it is visible to this principal."""
    chosen = replication or ReplicationPolicy({})
    metadata = admin.list_topics(timeout=15)
    if TRANSACTION_STATE_LOG not in metadata.topics:
        return []  # not created yet (the first transactional producer creates it) or not visible: doctor checks
    config = topic_configs(admin, [TRANSACTION_STATE_LOG]).get(TRANSACTION_STATE_LOG, {})
    observed = observe_topic(metadata, TRANSACTION_STATE_LOG, config)
    brokers = len(metadata.brokers)
    return check_transaction_log(observed.replicas, observed.min_insync, brokers, warn_only=chosen.warn_only)


def observe_topic(metadata: ClusterMetadata, topic: str, config: dict[str, str]) -> ObservedTopic:
    partitions = metadata.topics[topic].partitions.values()
    replicas = min((len(partition.replicas) for partition in partitions), default=0)
    return ObservedTopic(topic, len(partitions), replicas, config)


def topic_configs(admin: AdminClient, topics: Sequence[str]) -> dict[str, dict[str, str]]:
    """Each topic's configuration; a topic this principal may not describe is left out."""
    if not topics:
        return {}
    resources = [ConfigResource(ConfigResource.Type.TOPIC, topic) for topic in topics]
    found = {}
    for resource, future in admin.describe_configs(resources).items():
        try:
            entries = future.result(timeout=15)
        except KafkaException:
            continue
        found[resource.name] = {name: str(entry.value) for name, entry in entries.items() if entry.value is not None}
    return found


def require_replicated(findings: Sequence[Finding], what: str) -> None:
    """Log the warnings; raise ``ConfigError`` listing the failures, each naming its topic and setting."""
    for finding in findings:
        if finding.level is Level.WARN:
            log.warning("%s", finding.line())
    failures = [finding for finding in findings if finding.level is Level.FAIL]
    if failures:
        listed = "\n  ".join(finding.line().replace("\n", "\n  ") for finding in failures)
        raise ConfigError(
            f"{what} are less replicated than configured (STREAMGUARD_REPLICATION_CHECK=warn only warns):\n  {listed}"
        )
