"""Verify the hash chain of one source partition's audit events.

Each event stores its position ``seq``, the hash of its predecessor and its own hash. An edited event no
longer matches its hash; a deleted one leaves a gap in ``seq`` and a broken link; an inserted or reordered
one breaks the link or the order. Redelivery after a crash is not tampering: a span processed twice shows up
as two well-chained events covering the same offsets, and ``duplicate_offsets`` reports them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from streamguard.evidence.audit import GENESIS_HASH, AuditEvent


@dataclass
class ChainReport:
    events: int = 0
    problems: list[str] = field(default_factory=list)
    accounted: set[int] = field(default_factory=set)
    duplicate_offsets: set[int] = field(default_factory=set)
    head: str = GENESIS_HASH

    @property
    def intact(self) -> bool:
        return not self.problems

    def missing_offsets(self, first: int, end: int) -> list[int]:
        """Source offsets in [first, end) that no event accounts for."""
        return [offset for offset in range(first, end) if offset not in self.accounted]


def verify_chain(events: Iterable[AuditEvent]) -> ChainReport:
    """Check one source partition's events, in the order they were read from the audit topic."""
    report = ChainReport()
    seen: Counter[int] = Counter()
    expected_seq = 0
    for event in events:
        where = f"event {event.event_id} (seq {event.seq})"
        if event.content_hash() != event.hash:
            report.problems.append(f"{where}: content does not match its hash (edited)")
        if event.seq != expected_seq:
            report.problems.append(f"{where}: expected seq {expected_seq} (event missing, inserted or reordered)")
        if event.prev_hash != report.head:
            report.problems.append(f"{where}: does not link to the previous event's hash")
        seen.update(event.accounted_offsets())
        report.head = event.hash
        expected_seq = event.seq + 1
        report.events += 1
    report.accounted = set(seen)
    report.duplicate_offsets = {offset for offset, count in seen.items() if count > 1}
    return report
