"""Read a platform's broker audit-log topic (Confluent's CloudEvents format) from saved positions to its end,
with an assign-only consumer (``kafka_readback``: no group joined, nothing committed), and hand the records to
the pure parser (``control.confluent_audit``). The positions are the caller's to keep.

An event the parser rejects is logged with its topic, partition, offset and reason (never its content) and
the read goes on. Events of another Kafka cluster (a platform's audit log may serve several) are counted and
logged by cluster id, so a cluster id that does not match is seen rather than silently empty.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import Any

from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_readback import iter_to_end
from streamguard.control.confluent_audit import AuditLogBatch, parse_audit_log
from streamguard.core.errors import KafkaToolingError

log = logging.getLogger(__name__)
TIMEOUT_S = 30.0


def read_audit_log(
    admin: AdminClient, options: dict[str, Any], topic: str, saved: Mapping[int, int]
) -> tuple[AuditLogBatch, dict[int, int]]:
    """The decisions on the cluster ``admin`` talks to recorded in ``topic`` after ``saved`` (partition -> next
    offset; a partition not in it is read from its start), and the positions to save next. A topic that does
    not exist (yet), or that the client may not describe, gives nothing (logged) and keeps the positions."""
    partitions = _partitions(admin, topic)
    if partitions is None:
        return AuditLogBatch(), dict(saved)
    cluster = _cluster_id(admin)
    positions = {partition: saved.get(partition, 0) for partition in partitions}

    def records() -> Iterator[tuple[str, bytes | None]]:
        for message in iter_to_end(options, topic, dict(positions)):
            partition, offset = message.partition() or 0, message.offset() or 0
            positions[partition] = offset + 1
            yield f"{topic}[{partition}]@{offset}", message.value()

    batch = parse_audit_log(records(), cluster)
    for rejected in batch.rejected:
        log.warning("audit-log event %s rejected: %s", rejected.where, rejected.reason)
    if batch.other_clusters:
        counts = ", ".join(f"{other}: {count}" for other, count in sorted(batch.other_clusters.items()))
        level = logging.INFO if batch.decisions else logging.WARNING  # none of this cluster's: a wrong id?
        log.log(level, "audit-log events of clusters other than this one (%s) left out: %s", cluster, counts)
    return batch, positions


def _partitions(admin: AdminClient, topic: str) -> list[int] | None:
    try:
        found = admin.list_topics(topic, timeout=TIMEOUT_S).topics.get(topic)
    except KafkaException as error:
        raise KafkaToolingError(f"cannot read the metadata of {topic}: {error.args[0].name()}") from None
    if found is None or found.error is not None:
        why = found.error.name() if found is not None and found.error is not None else "not found"
        log.warning("audit-log topic %s cannot be read (%s): no principals from it this round", topic, why)
        return None
    return sorted(found.partitions)


def _cluster_id(admin: AdminClient) -> str:
    """The id of the cluster the admin client talks to: what an audit-log event names as ``kafka=<id>``."""
    try:
        return str(admin.describe_cluster(request_timeout=TIMEOUT_S).result(timeout=TIMEOUT_S).cluster_id)
    except KafkaException as error:
        raise KafkaToolingError(f"cannot describe the cluster: {error.args[0].name()}") from None
