"""Read the evidence topics back: audit events (by chain, or as read, malformed ones included), signed
checkpoints, and the offsets the raw topics still retain, for verification and the demo's summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from confluent_kafka import Consumer
from pydantic import ValidationError

from streamguard.agents.kafka_readback import end_offset, iter_to_end, read_to_end
from streamguard.core.topics import READBACK_GROUP
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.chain import ChainReport, verify_chain
from streamguard.evidence.verification import AuditRead, CheckpointRead, Retained


def read_audit_events(client_options: dict[str, Any], audit_topic: str) -> dict[str, list[AuditEvent]]:
    """Every audit event, grouped by chain (source ``topic:partition``), in audit-topic order."""
    chains: dict[str, list[AuditEvent]] = defaultdict(list)
    for message in read_to_end(client_options, audit_topic):
        chains[message.key().decode()].append(AuditEvent.from_bytes(message.value()))
    return dict(chains)


@dataclass
class AuditSummary:
    chains: dict[str, ChainReport] = field(default_factory=dict)
    delivered: int = 0
    tombstones: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)

    @property
    def intact(self) -> bool:
        return all(report.intact for report in self.chains.values())


def summarize(chains: dict[str, list[AuditEvent]], since: dict[str, int] | None = None) -> AuditSummary:
    """Verify every chain; count outcomes of the source offsets at or after ``since[chain key]``."""
    summary = AuditSummary()
    for key, events in chains.items():
        summary.chains[key] = verify_chain(events)
        start = (since or {}).get(key, 0)
        for event in events:
            if event.source.last_offset < start:
                continue
            summary.delivered += sum(max(0, last - max(first, start) + 1) for first, last in event.delivered)
            summary.tombstones += sum(1 for offset in event.tombstones if offset >= start)
            summary.quarantined.update(q.reason for q in event.quarantined if q.offset >= start)
            summary.entities.update(event.entity_counts)
    return summary


def read_audit_records(client_options: dict[str, Any], audit_topic: str) -> list[AuditRead]:
    """Every committed audit record with where it was read; one that does not parse stays, as a problem."""
    reads = []
    for message in iter_to_end(client_options, audit_topic):
        partition, offset = message.partition() or 0, message.offset() or 0
        try:
            reads.append(AuditRead(partition, offset, AuditEvent.from_bytes(message.value() or b""), topic=audit_topic))
        except ValidationError as error:
            reads.append(AuditRead(partition, offset, None, f"{error.error_count()} invalid fields", audit_topic))
    return reads


def read_checkpoint_notes(client_options: dict[str, Any], checkpoint_topic: str) -> list[CheckpointRead]:
    """The signed checkpoints on the checkpoints topic (every version of each, cosigned ones included)."""
    return [
        CheckpointRead(message.value().decode(errors="replace"), f"{checkpoint_topic}@{message.offset()}")
        for message in iter_to_end(client_options, checkpoint_topic)
        if message.value()
    ]


def retained_offsets(client_options: dict[str, Any], sources: set[tuple[str, int]]) -> dict[tuple[str, int], Retained]:
    """The committed record offsets each source partition still retains, and its end (offsets only: values are
    dropped as they are read, so a large topic costs its offsets, not its bytes)."""
    found: dict[tuple[str, int], list[int]] = {source: [] for source in sources}
    for topic in sorted({topic for topic, _partition in sources}):
        starts = {partition: 0 for source_topic, partition in sources if source_topic == topic}
        for message in iter_to_end(client_options, topic, starts, timeout_s=120):
            found[(topic, message.partition() or 0)].append(message.offset() or 0)
    consumer = Consumer({**client_options, "group.id": READBACK_GROUP})
    try:
        return {source: Retained(offsets, end_offset(consumer, *source)) for source, offsets in found.items()}
    finally:
        consumer.close()
