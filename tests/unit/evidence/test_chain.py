"""The hash chain of one source partition: edits, deletions, reordering, insertions and redelivery."""

from __future__ import annotations

import pytest

from streamguard.evidence.audit import GENESIS_HASH, AudienceOutput, AuditEvent, Quarantined, SourceSpan, offset_ranges
from streamguard.evidence.chain import verify_chain
from streamguard.evidence.digests import batch_digest

SALT = bytes(range(32))


def _event(first: int, last: int, quarantined: tuple[int, ...] = ()) -> AuditEvent:
    delivered = [o for o in range(first, last + 1) if o not in quarantined]
    return AuditEvent(
        event_id=f"e{first}",
        recorded_at="2026-01-01T00:00:00Z",
        worker="w",
        dataset="d",
        source=SourceSpan(topic="raw.d", partition=0, first_offset=first, last_offset=last),
        delivered=offset_ranges(delivered),
        quarantined=[Quarantined(offset=o, reason="oversize") for o in quarantined],
        outputs={
            "a": AudienceOutput(topic="governed.d.a", partition=0, first_offset=0, last_offset=1, count=2, digest="x")
        },
        input_digest=batch_digest([b"one", b"two"], SALT),
    )


def _chain(count: int) -> list[AuditEvent]:
    events, head = [], GENESIS_HASH
    for number in range(count):
        sealed = _event(number * 10, number * 10 + 9, quarantined=(number * 10 + 3,)).sealed(number, head)
        events.append(sealed)
        head = sealed.hash
    return events


def test_an_untouched_chain_verifies_and_accounts_for_every_offset() -> None:
    report = verify_chain(_chain(4))
    assert report.intact
    assert report.missing_offsets(0, 40) == []
    assert not report.duplicate_offsets


def test_an_edited_event_is_detected() -> None:
    events = _chain(3)
    events[1] = events[1].model_copy(update={"quarantined": []})  # hide a quarantine
    assert any("edited" in problem for problem in verify_chain(events).problems)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda events: events[:1] + events[2:],  # deleted
        lambda events: [events[0], events[2], events[1], *events[3:]],  # reordered
        lambda events: [events[0], _event(5, 6).sealed(1, events[0].hash), *events[1:]],  # inserted
    ],
    ids=["deleted", "reordered", "inserted"],
)
def test_deletion_reordering_and_insertion_break_the_links(tamper) -> None:
    assert not verify_chain(tamper(_chain(4))).intact


def test_a_redelivered_span_is_reported_as_duplicate_not_as_tampering() -> None:
    events = _chain(2)
    again = _event(10, 19, quarantined=(13,)).sealed(2, events[-1].hash)
    report = verify_chain([*events, again])
    assert report.intact
    assert report.duplicate_offsets == set(range(10, 20))


def test_missing_offsets_are_found() -> None:
    report = verify_chain(_chain(2))
    assert report.missing_offsets(0, 25) == list(range(20, 25))
