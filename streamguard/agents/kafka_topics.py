"""Create the topics streamguard needs, with the configurations the design asks for (idempotent)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

from streamguard.core.errors import KafkaToolingError
from streamguard.core.topics import EvidenceRetention, TopicNames

COMPACTED = {"cleanup.policy": "compact"}
AUDIT_PARTITIONS = 3
SETUP_ATTEMPTS = 5


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int = 1
    config: dict[str, str] = field(default_factory=dict)


def system_topics(names: TopicNames, retention: EvidenceRetention | None = None) -> list[TopicSpec]:
    """Every system topic: the data path's and the control plane's (what the server sets up)."""
    return [*data_path_topics(names, retention), *control_topics(names, retention)]


def data_path_topics(names: TopicNames, retention: EvidenceRetention | None = None) -> list[TopicSpec]:
    """What a worker writes (its audit chains, their checkpoints, the quarantine) and the rules it reads.
    Checkpoints are compacted (a re-published checkpoint carries new cosignatures) and, with a retention set,
    also expire."""
    kept = retention or EvidenceRetention()
    return [
        TopicSpec(names.rules, 1, COMPACTED),  # one partition: rule versions have one total order
        TopicSpec(names.audit, AUDIT_PARTITIONS, _deleted(kept.audit_ms)),
        TopicSpec(names.checkpoints, 1, _compacted(kept.checkpoints_ms)),
        TopicSpec(names.quarantine, 1, {"retention.ms": str(30 * 24 * 3600 * 1000)}),
    ]


def control_topics(names: TopicNames, retention: EvidenceRetention | None = None) -> list[TopicSpec]:
    """What only the server writes: the control chain and its checkpoints (apart from the data path's, so no
    worker can write them), requests, the ACL ledger and the sessions the indexer publishes."""
    kept = retention or EvidenceRetention()
    return [
        TopicSpec(names.control_audit, 1, _deleted(kept.audit_ms)),  # one partition: one chain, one order
        TopicSpec(names.control_checkpoints, 1, _compacted(kept.checkpoints_ms)),
        TopicSpec(names.sessions, 1, _compacted(kept.sessions_ms)),
        TopicSpec(names.approvals, 1, COMPACTED),  # one partition: one order of decisions
        TopicSpec(names.acls, 1, COMPACTED),
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


def ensure_topics(admin: AdminClient, specs: list[TopicSpec]) -> list[str]:
    """Create the topics that do not exist yet; return the names created."""
    existing = set(admin.list_topics(timeout=15).topics)
    wanted = [spec for spec in specs if spec.name not in existing]
    if not wanted:
        return []
    futures = admin.create_topics([NewTopic(s.name, s.partitions, 1, config=s.config) for s in wanted])
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
    admin: AdminClient, names: TopicNames, dataset: str, audiences: list[str], default_partitions: int = 3
) -> list[str]:
    """The raw topic (if missing) and one governed view per audience, mirroring the raw topic's partition
    count (a view keeps its source partition, hence key order) and cleanup policy (a compacted raw topic
    gets compacted views, so tombstones erase there too). Retries briefly: metadata of a topic created a
    moment ago may not have reached every broker yet."""
    for attempt in range(1, SETUP_ATTEMPTS + 1):
        try:
            return _ensure_dataset_topics(admin, names, dataset, audiences, default_partitions)
        except KafkaException as error:
            if attempt == SETUP_ATTEMPTS:
                raise KafkaToolingError(
                    f"cannot set up the topics of dataset {dataset}: {error.args[0].str()}"
                ) from None
            time.sleep(attempt)
    return []


def _ensure_dataset_topics(
    admin: AdminClient, names: TopicNames, dataset: str, audiences: list[str], default_partitions: int
) -> list[str]:
    raw = names.raw(dataset)
    partitions = partition_count(admin, raw)
    if partitions is None:
        created = ensure_topics(admin, [TopicSpec(raw, default_partitions)])
        partitions, policy = default_partitions, "delete"
    else:
        created, policy = [], _cleanup_policy(admin, raw)
    views = [
        TopicSpec(names.governed(dataset, audience), partitions, {"cleanup.policy": policy}) for audience in audiences
    ]
    return created + ensure_topics(admin, views)


def _cleanup_policy(admin: AdminClient, topic: str) -> str:
    resource = ConfigResource(ConfigResource.Type.TOPIC, topic)
    entries = admin.describe_configs([resource])[resource].result(timeout=15)
    return str(entries["cleanup.policy"].value)
