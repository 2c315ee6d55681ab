"""Recovering a chain's head: only events that link, and where signed checkpoints cover a size, the event that
gives their root; forgeries beside the honest chain are passed over and reported, never continued from."""

from __future__ import annotations

from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, SourceSpan, event_leaf
from streamguard.evidence.chain_recovery import LocatedEvent, recover_chain
from streamguard.evidence.checkpoint import Checkpoint
from streamguard.evidence.merkle import root_of

ORIGIN = "test/audit/streamguard.control:0"


def _event(seq: int, previous: str, what: str = "honest") -> AuditEvent:
    return AuditEvent(
        event_id=f"{what}-{seq}",
        kind="approval",
        recorded_at="2026-12-01T00:00:00.000+00:00",
        worker="principal:root",
        dataset=None,
        source=SourceSpan(topic="streamguard.control", partition=0, first_offset=0, last_offset=0),
        input_digest="0" * 64,
        operation={"what": what},
    ).sealed(seq, previous)


def _honest(count: int) -> list[AuditEvent]:
    events: list[AuditEvent] = []
    for seq in range(count):
        events.append(_event(seq, events[-1].hash if events else GENESIS_HASH))
    return events


def _signed(events: list[AuditEvent]) -> list[Checkpoint]:
    """A checkpoint at every size, as the control chain commits one with each event."""
    leaves = [event_leaf(event) for event in events]
    return [Checkpoint(ORIGIN, size, root_of(leaves[:size])) for size in range(1, len(events) + 1)]


def _read(events: list[AuditEvent]) -> list[LocatedEvent]:
    return [LocatedEvent(event, f"control.audit[0]@{offset}") for offset, event in enumerate(events)]


def test_an_intact_sealed_chain_is_adopted_whole() -> None:
    events = _honest(4)
    recovered = recover_chain("c", _read(events), _signed(events), sealed_only=True)
    assert (recovered.events, recovered.sealed, recovered.problems) == (events, 4, [])


def test_a_perfectly_linked_forgery_at_the_tail_is_not_adopted_without_its_signed_checkpoint() -> None:
    events = _honest(3)
    forged = _event(3, events[-1].hash, "forged")
    recovered = recover_chain("c", _read([*events, forged]), _signed(events), sealed_only=True)
    assert recovered.events == events
    assert any("after the newest signed checkpoint (size 3)" in problem for problem in recovered.problems)


def test_the_honest_chain_continues_past_a_forgery_that_holds_one_of_its_seqs() -> None:
    """The forgery was read first, at the seq the next honest event took: the signed checkpoint at that size
    says which one is the chain's, and the chain is recovered whole, however long it grew since."""
    events = _honest(3)
    forged = _event(3, events[-1].hash, "forged")
    grown = [*events, _event(3, events[-1].hash, "next")]
    grown.append(_event(4, grown[-1].hash, "after"))
    recovered = recover_chain("c", _read([*events, forged, *grown[3:]]), _signed(grown), sealed_only=True)
    assert recovered.events == grown
    assert recovered.sealed == 5
    assert any("@3 (seq 3) is not the event the chain's signed checkpoint holds" in p for p in recovered.problems)


def test_an_edited_event_ends_what_is_adopted_even_without_checkpoints() -> None:
    events = _honest(4)
    edited = events[2].model_copy(update={"operation": {"what": "edited"}})
    recovered = recover_chain("c", _read([*events[:2], edited, events[3]]), [], sealed_only=False)
    assert recovered.events == events[:2]
    assert any("does not match its hash" in problem for problem in recovered.problems)
    assert any("1 event(s) past where the chain stops linking" in problem for problem in recovered.problems)
