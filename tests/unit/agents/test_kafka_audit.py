"""Audit chain heads: through commit metadata with their log's frontier, recovery from the audit topic, and no
chain continued for a partition this worker does not own."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from streamguard.agents.kafka_audit import AuditChains, AuditRecord, ChainHead, audit_partition_of
from streamguard.core.errors import EvidenceError
from streamguard.evidence.audit import AuditEvent, SourceSpan, chain_key, event_leaf
from streamguard.evidence.merkle import MerkleFrontier, root_of

SOURCE = ("raw.x", 1)


def _event(number: int) -> AuditEvent:
    return AuditEvent(
        event_id=f"e{number}",
        recorded_at="2026-12-01T00:00:00.000+00:00",
        worker="w",
        dataset="x",
        source=SourceSpan(topic="raw.x", partition=1, first_offset=number * 10, last_offset=number * 10 + 9),
        delivered=[(number * 10, number * 10 + 9)],
        input_digest="00" * 32,
    )


class _Record:
    def __init__(self, key: bytes, value: bytes, offset: int) -> None:
        self._key, self._value, self._offset = key, value, offset

    def key(self) -> bytes:
        return self._key

    def value(self) -> bytes:
        return self._value

    def offset(self) -> int:
        return self._offset


def _chain(count: int) -> list[AuditEvent]:
    chains = AuditChains("audit", 3, lambda _p, _s: [])
    chains.recover(SOURCE, None)
    events = []
    for number in range(count):
        sealed = chains.seal(SOURCE, _event(number))
        chains.advance(SOURCE, chains.head_of(SOURCE, sealed, number))
        events.append(sealed)
    return events


def test_chain_head_survives_commit_metadata_and_rejects_garbage() -> None:
    frontier = MerkleFrontier()
    for event in _chain(5):
        head = ChainHead.after(event, frontier, 2, 99)
        frontier.append(event_leaf(event))
    assert ChainHead.from_metadata(head.to_metadata()) == head
    assert head.frontier().root() == frontier.root()
    assert ChainHead.from_metadata("") is None
    assert ChainHead.from_metadata("not json") is None
    older = '{"seq":4,"hash":"' + "ab" * 32 + '","audit_partition":2,"audit_offset":99}'
    assert ChainHead.from_metadata(older) is None  # no frontier: the head is rebuilt from the events


def test_the_frontier_carried_by_the_heads_is_the_log_of_every_event_sealed() -> None:
    chains = AuditChains("audit", 3, lambda _p, _s: [])
    chains.recover(SOURCE, None)
    events = []
    for number in range(9):
        sealed = chains.seal(SOURCE, _event(number))
        assert sealed.seq == number
        head = chains.head_of(SOURCE, sealed, 100 + number)
        chains.advance(SOURCE, head)
        events.append(sealed)
    assert head.frontier().root() == root_of([event_leaf(event) for event in events])


def test_recovery_without_a_committed_head_rebuilds_it_from_the_audit_topic_skipping_malformed_events() -> None:
    events = _chain(6)
    key = chain_key(*SOURCE).encode()
    records: list[AuditRecord] = [_Record(key, event.to_bytes(), offset) for offset, event in enumerate(events)]
    records.insert(3, _Record(key, b"{not an event", 99))
    records.insert(1, _Record(b"raw.other:0", _event(0).to_bytes(), 98))

    def read(_partition: int, _start: int) -> Iterable[AuditRecord]:
        return records

    chains = AuditChains("audit", 3, read)
    chains.recover(SOURCE, None)
    head = chains.head(SOURCE)
    assert head is not None
    assert (head.seq, head.hash) == (5, events[-1].hash)
    assert head.frontier().root() == root_of([event_leaf(event) for event in events])
    assert chains.seal(SOURCE, _event(6)).prev_hash == events[-1].hash


def test_no_event_is_sealed_for_a_partition_that_is_not_assigned_here() -> None:
    chains = AuditChains("audit", 3, lambda _p, _s: [])
    with pytest.raises(EvidenceError, match="not assigned"):
        chains.seal(SOURCE, _event(0))
    chains.recover(SOURCE, None)
    chains.seal(SOURCE, _event(0))
    chains.forget(SOURCE)
    with pytest.raises(EvidenceError, match="not assigned"):
        chains.seal(SOURCE, _event(1))


def test_a_source_partition_always_maps_to_the_same_audit_partition() -> None:
    assert audit_partition_of(("raw.x", 1), 3) == audit_partition_of(("raw.x", 1), 3)
    assert {audit_partition_of(("raw.x", p), 3) for p in range(30)} == {0, 1, 2}


def test_recovery_never_continues_from_an_event_that_does_not_link(caplog: pytest.LogCaptureFixture) -> None:
    """An insider with plain WRITE on the audit topic appends an event after the chain's last one: forged with
    a head of its own (a re-hashed copy of seq 5 claiming other offsets). The worker that recovers the head
    continues from the last event that links, never from the forgery, and says why."""
    events = _chain(6)
    forged = events[2].model_copy(update={"event_id": "forged"}).sealed(6, "f" * 64)  # links to nothing real
    key = chain_key(*SOURCE).encode()
    records = [_Record(key, event.to_bytes(), offset) for offset, event in enumerate([*events, forged])]
    chains = AuditChains("audit", 3, lambda _partition, _start: records)
    chains.recover(SOURCE, None)
    head = chains.head(SOURCE)
    assert head is not None
    assert (head.seq, head.hash) == (5, events[-1].hash)
    assert "does not link to the previous event's hash" in caplog.text
