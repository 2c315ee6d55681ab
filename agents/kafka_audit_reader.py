"""Read the audit topic back and check it: every chain intact, every source offset accounted for."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from confluent_kafka import Consumer, KafkaError, TopicPartition

from evidence.audit import AuditEvent
from evidence.chain import ChainReport, verify_chain


def read_audit_events(client_options: dict[str, Any], audit_topic: str) -> dict[str, list[AuditEvent]]:
    """Every audit event, grouped by chain (source ``topic:partition``), in audit-topic order."""
    consumer = Consumer(
        {
            **client_options,
            "group.id": "streamguard-audit-reader",
            "enable.auto.commit": False,
            "enable.partition.eof": True,
        }
    )
    try:
        metadata = consumer.list_topics(audit_topic, timeout=15).topics[audit_topic]
        partitions = [TopicPartition(audit_topic, p, 0) for p in metadata.partitions]
        ends = {p.partition: consumer.get_watermark_offsets(p, timeout=15)[1] for p in partitions}
        consumer.assign(partitions)
        chains: dict[str, list[AuditEvent]] = defaultdict(list)
        done = {p for p, end in ends.items() if end == 0}
        while len(done) < len(ends):
            for message in consumer.consume(1000, 1.0):
                error = message.error()
                if error is not None:
                    if error.code() == KafkaError._PARTITION_EOF:
                        done.add(message.partition())
                    continue
                chains[message.key().decode()].append(AuditEvent.from_bytes(message.value()))
                if message.offset() + 1 >= ends[message.partition()]:
                    done.add(message.partition())
        return dict(chains)
    finally:
        consumer.close()


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
