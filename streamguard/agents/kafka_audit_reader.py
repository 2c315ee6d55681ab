"""Read the audit topic back and check it: every chain intact, every source offset accounted for."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from streamguard.agents.kafka_readback import read_to_end
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.chain import ChainReport, verify_chain


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
