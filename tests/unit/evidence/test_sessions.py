"""Producer sessions folded from audit events: idle gaps split them, identities separate them, the fold is
deterministic whatever the order or repetition of its input, and checkpoints seal them chain by chain."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from streamguard.evidence.audit import GENESIS_HASH, AudienceOutput, AuditEvent, Quarantined, SourceSpan
from streamguard.evidence.sessions import Seal, Session, SessionError, fold_sessions, session_id

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
RAW = "raw.orders"
GAP_S = 60.0
ORIGIN_0 = f"example.com/audit/{RAW}:0"
ORIGIN_1 = f"example.com/audit/{RAW}:1"


class Chain:
    """Sealed events of one source partition, 10 offsets each."""

    def __init__(self, partition: int, topic: str = RAW) -> None:
        self.topic, self.partition = topic, partition
        self.events: list[AuditEvent] = []

    def add(self, at_s: float, identities: dict[str, int], *, kind: str = "records", **fields: object) -> AuditEvent:
        seq = len(self.events)
        first = seq * 10
        event = AuditEvent(
            event_id=f"{self.topic}-{self.partition}-{seq}",
            kind=kind,
            recorded_at=(T0 + timedelta(seconds=at_s)).isoformat(timespec="milliseconds"),
            worker="worker-1",
            dataset=self.topic.removeprefix("raw."),
            source=SourceSpan(topic=self.topic, partition=self.partition, first_offset=first, last_offset=first + 9),
            identities=identities,
            input_digest=f"digest-{seq}",
            **fields,  # type: ignore[arg-type]
        ).sealed(seq, self.events[-1].hash if self.events else GENESIS_HASH)
        self.events.append(event)
        return event


def _outputs(count: int) -> dict[str, AudienceOutput]:
    return {
        audience: AudienceOutput(
            topic=f"governed.orders.{audience}",
            partition=0,
            first_offset=0,
            last_offset=count - 1,
            count=count,
            digest="d",
        )
        for audience in ("support", "analytics")
    }


def _one(sessions: list[Session], identity: str) -> Session:
    [found] = [session for session in sessions if session.identity == identity]
    return found


def test_an_idle_gap_longer_than_the_limit_splits_a_producers_records_into_sessions() -> None:
    chain = Chain(0)
    first = chain.add(0, {"alice": 10})
    chain.add(GAP_S, {"alice": 4})  # exactly the gap: still the same session
    later = chain.add(2 * GAP_S + 0.001, {"alice": 3})
    sessions = fold_sessions(chain.events, GAP_S, {})
    assert [(s.records, s.events, s.open) for s in sessions] == [
        (14, [f"{RAW}:0#0", f"{RAW}:0#1"], False),
        (3, [f"{RAW}:0#2"], True),
    ]
    early = sessions[0]
    assert early.id == session_id(RAW, "alice", first.hash)
    assert sessions[1].id == session_id(RAW, "alice", later.hash)
    assert (early.first_seen, early.last_seen) == ("2026-03-01T12:00:00.000+00:00", "2026-03-01T12:01:00.000+00:00")
    assert early.partitions["0"].model_dump() == {"first_offset": 0, "last_offset": 19, "records": 14}
    assert early.dataset == "orders"
    assert early.approvals == []


def test_each_identity_has_sessions_of_its_own_and_a_shared_event_counts_for_both() -> None:
    chain = Chain(0)
    chain.add(0, {"alice": 5}, outputs=_outputs(5))
    shared = chain.add(
        1,
        {"alice": 2, "bob": 6},
        outputs=_outputs(7),
        quarantined=[Quarantined(offset=19, reason="identity:bad_signature")],
        entity_counts={"EMAIL_ADDRESS": 3},
        schema_ids=[4],
        rule_version=2,
    )
    sessions = fold_sessions(chain.events, GAP_S, {})
    alice, bob = _one(sessions, "alice"), _one(sessions, "bob")
    assert (alice.records, bob.records) == (7, 6)
    assert bob.id == session_id(RAW, "bob", shared.hash)
    assert {a: d.records for a, d in alice.deliveries.items()} == {"analytics": 12, "support": 12}
    assert {a: d.records for a, d in bob.deliveries.items()} == {"analytics": 7, "support": 7}
    assert bob.deliveries["support"].topic == "governed.orders.support"
    assert bob.quarantined == alice.quarantined == {"identity:bad_signature": 1}
    assert bob.entities == {"EMAIL_ADDRESS": 3}
    assert (bob.schema_ids, bob.rule_versions) == ([4], [2])
    assert bob.partitions["0"].records == 6


def test_events_that_carry_no_producers_records_make_no_session() -> None:
    chain = Chain(0)
    chain.add(0, {}, kind="records")  # a batch wholly quarantined before any identity was verified
    chain.add(1, {"alice": 3}, kind="rules")
    assert fold_sessions(chain.events, GAP_S, {}) == []


def test_the_same_events_in_any_order_or_repeated_fold_to_the_same_sessions() -> None:
    chains = [Chain(0), Chain(1), Chain(0, topic="raw.payments")]
    clock = random.Random(7)
    for step in range(60):
        chain = chains[step % 3]
        chain.add(step * 20 + clock.choice([0, 0, 200]), {clock.choice(["alice", "bob"]): clock.randint(1, 9)})
    events = [event for chain in chains for event in chain.events]
    checkpoints = {ORIGIN_0: [Seal(origin=ORIGIN_0, size=10, root_hex="a" * 64)]}
    expected = fold_sessions(events, GAP_S, checkpoints)
    assert len(expected) > 4
    for _ in range(5):
        shuffled = events + events[:17]
        clock.shuffle(shuffled)
        assert fold_sessions(shuffled, GAP_S, checkpoints) == expected
    assert sum(session.records for session in expected) == sum(sum(e.identities.values()) for e in events)


def test_a_session_keeps_its_id_as_it_grows_and_closes() -> None:
    chain = Chain(0)
    chain.add(0, {"alice": 1})
    chain.add(10, {"alice": 1})
    [growing] = fold_sessions(chain.events, GAP_S, {})
    chain.add(20, {"alice": 1})
    chain.add(200, {"bob": 1})  # someone else's record, much later: alice's session is over
    grown = _one(fold_sessions(chain.events, GAP_S, {}), "alice")
    assert grown.id == growing.id
    assert (growing.records, growing.open) == (2, True)
    assert (grown.records, grown.open) == (3, False)


def test_each_chain_is_sealed_by_the_first_checkpoint_that_covers_the_sessions_last_event_there() -> None:
    zero, one = Chain(0), Chain(1)
    for at in range(4):
        zero.add(at, {"alice": 1})
    one.add(1, {"alice": 1})
    covering, later = Seal(origin=ORIGIN_0, size=4, root_hex="b" * 64), Seal(origin=ORIGIN_0, size=9, root_hex="c" * 64)
    short = Seal(origin=ORIGIN_0, size=3, root_hex="a" * 64)  # seqs 0-2 only: the session's last event is seq 3
    other_log = Seal(origin="example.com/audit/raw.payments:0", size=50, root_hex="d" * 64)
    checkpoints = {ORIGIN_0: [later, covering, short], other_log.origin: [other_log]}
    [session] = fold_sessions([*zero.events, *one.events], 0.5 * GAP_S, checkpoints)
    assert session.sealed_by == {f"{RAW}:0": covering}
    assert session.chains() == {f"{RAW}:0", f"{RAW}:1"}
    assert not session.settled()  # partition 1's event is not under any checkpoint yet
    chain_one_seal = Seal(origin=ORIGIN_1, size=1, root_hex="e" * 64)
    [sealed] = fold_sessions([*zero.events, *one.events], 0.5 * GAP_S, checkpoints | {ORIGIN_1: [chain_one_seal]})
    assert sealed.sealed_by == {f"{RAW}:0": covering, f"{RAW}:1": chain_one_seal}
    assert sealed.open  # nothing newer was seen


def test_a_closed_and_sealed_session_is_settled() -> None:
    chain = Chain(0)
    chain.add(0, {"alice": 1})
    chain.add(GAP_S * 3, {"bob": 1})
    seal = Seal(origin=ORIGIN_0, size=2, root_hex="a" * 64)
    sessions = fold_sessions(chain.events, GAP_S, {ORIGIN_0: [seal]})
    assert _one(sessions, "alice").settled()
    assert not _one(sessions, "bob").settled()  # still open


def test_folding_the_sessions_body_round_trips_through_json() -> None:
    chain = Chain(0)
    chain.add(0, {"alice": 2}, outputs=_outputs(2))
    [session] = fold_sessions(chain.events, GAP_S, {})
    assert Session.model_validate_json(session.model_dump_json()) == session


def test_an_event_whose_time_does_not_parse_is_named_in_the_error() -> None:
    chain = Chain(0)
    event = chain.add(0, {"alice": 1})
    broken = event.model_copy(update={"recorded_at": "last tuesday"})
    with pytest.raises(SessionError, match=rf"{RAW}:0#0 \({event.hash}\): recorded_at is not ISO-8601"):
        fold_sessions([broken], GAP_S, {})


def test_an_operation_executed_on_the_dataset_is_listed_by_the_sessions_open_when_it_ran() -> None:
    data, control = Chain(0), Chain(0, topic="streamguard.control")
    data.add(0, {"alice": 5})
    data.add(10, {"alice": 5})
    data.add(10 + 2 * GAP_S, {"alice": 5})  # a second session of alice's, after a gap

    def executed(at_s: float, request: str, dataset: str = "orders", transition: str = "executed") -> None:
        operation = {"request": request, "transition": transition, "dataset": dataset}
        event = control.add(at_s, {}, kind="approval", operation=operation)
        control.events[-1] = event.model_copy(update={"dataset": dataset})

    executed(5, "r-during")  # inside the first session
    executed(10 + GAP_S / 2, "r-within-gap")  # after its last record, within the idle gap: it was still open
    executed(5, "r-approved-only", transition="approved")  # approved is not executed: nothing ran yet
    executed(6, "r-other-dataset", dataset="invoices")
    sessions = fold_sessions([*data.events, *control.events], GAP_S, {})
    assert [s.approvals for s in sessions] == [["r-during", "r-within-gap"], []]
