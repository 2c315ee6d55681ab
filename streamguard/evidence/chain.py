"""Verify the hash chain of one source partition's audit events.

Each event stores its position ``seq``, the hash of its predecessor and its own hash. An edited event no
longer matches its hash; a deleted one leaves a gap in ``seq`` and a broken link; an inserted or reordered
one breaks the link or the order. An event must account for its own span: its first and last offsets, each
offset at most once, none outside it. Offsets accounted for by two events are ``duplicate_offsets``: the
data path's transactions make that impossible, so ``verification`` reports them as a problem.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from streamguard.core.errors import EvidenceError
from streamguard.evidence.audit import GENESIS_HASH, RECORDS, AuditEvent, event_leaf


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
        accounted = event.accounted_offsets()
        if event.kind == RECORDS and not _covers_its_span(event, accounted):
            span = f"{event.source.first_offset}..{event.source.last_offset}"
            report.problems.append(f"{where}: accounts for {len(set(accounted))} offsets, not for its span {span}")
        seen.update(accounted)
        report.head = event.hash
        expected_seq = event.seq + 1
        report.events += 1
    report.accounted = set(seen)
    report.duplicate_offsets = {offset for offset, count in seen.items() if count > 1}
    return report


def _covers_its_span(event: AuditEvent, accounted: list[int]) -> bool:
    """Its first and last offsets accounted for (gaps between are offsets the source topic never had, such as
    transaction markers: ``verification`` checks those against the retained offsets), none twice."""
    ends = [event.source.first_offset, event.source.last_offset]
    return bool(accounted) and [accounted[0], accounted[-1]] == ends and len(set(accounted)) == len(accounted)


def log_prefix(events: Iterable[AuditEvent], size: int) -> list[bytes]:
    """The first ``size`` leaves of one chain's log, from its events in any order (the same event may come
    twice, from the store and the topic); EvidenceError naming a seq two different events hold, or the first
    seq no event holds."""
    by_seq: dict[int, bytes] = {}
    for event in events:
        if event.seq < size and by_seq.setdefault(event.seq, event_leaf(event)) != event_leaf(event):
            raise EvidenceError(f"two different events at seq {event.seq}")
    missing = [seq for seq in range(size) if seq not in by_seq]
    if missing:
        raise EvidenceError(f"{len(missing)} events below size {size} are missing (from seq {missing[0]})")
    return [by_seq[seq] for seq in range(size)]
