"""The whole-evidence verifier on hand-made chains and checkpoints: what each kind of tampering leaves, and
that a faithful copy at other places verifies."""

from __future__ import annotations

import pytest

from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, SourceSpan, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, CosignatureSigner, sign_checkpoint
from streamguard.evidence.merkle import root_of
from streamguard.evidence.signed_note import NoteSigner, generate_seed
from streamguard.evidence.verification import (
    AuditRead,
    CheckpointRead,
    Retained,
    TrustedKeys,
    Verification,
    verify_evidence,
)

PREFIX = "example.com/audit"
LOG = NoteSigner(PREFIX, generate_seed())
WITNESS = CosignatureSigner("witness.example", generate_seed())
CHAIN = "raw.x:0"
ORIGIN = f"{PREFIX}/{CHAIN}"


def _events(count: int, per_event: int = 10) -> list[AuditEvent]:
    events, head = [], GENESIS_HASH
    for number in range(count):
        first = number * per_event
        event = AuditEvent(
            event_id=f"e{number}",
            recorded_at="2026-01-01T00:00:00Z",
            worker="w",
            dataset="x",
            source=SourceSpan(topic="raw.x", partition=0, first_offset=first, last_offset=first + per_event - 1),
            delivered=[(first, first + per_event - 1)],
            input_digest="00",
        ).sealed(number, head)
        events.append(event)
        head = event.hash
    return events


def _note(events: list[AuditEvent], size: int, signer: NoteSigner = LOG, cosign: bool = False) -> str:
    checkpoint = Checkpoint(ORIGIN, size, root_of([event_leaf(event) for event in events[:size]]))
    note = sign_checkpoint(checkpoint, signer)
    return note + WITNESS.cosign(checkpoint, 1_800_000_000) if cosign else note


def _verify(
    events: list[AuditEvent], notes: list[str], retained: range, keys: TrustedKeys | None = None, partition: int = 1
) -> Verification:
    """``events`` as read from audit ``partition`` (at offsets of its own), the raw partition retaining
    ``retained``."""
    reads = [AuditRead(partition, offset * 2 + 7, event) for offset, event in enumerate(events)]
    return verify_evidence(
        "audit",
        reads,
        [CheckpointRead(note, "topic") for note in notes],
        keys or TrustedKeys((str(LOG.verifier_key),)),
        PREFIX,
        {("raw.x", 0): Retained(list(retained), retained.stop)},
    )


def test_an_untouched_chain_and_its_checkpoints_verify_wherever_the_events_sit() -> None:
    events = _events(5)
    for partition in (0, 2):  # a copy on another audit partition, at other offsets
        result = _verify(events, [_note(events, 2), _note(events, 5)], range(50), partition=partition)
        assert result.intact, result.problems
        status = result.chains[CHAIN]
        assert (status.events, status.checkpointed, status.unsealed) == (5, 5, 0)
        assert result.source_records == 50


def test_a_history_rehashed_after_a_deletion_does_not_match_its_checkpoints() -> None:
    events = _events(5)
    notes = [_note(events, 3), _note(events, 5)]
    kept = [events[0], *events[2:]]
    head, rewritten = GENESIS_HASH, []
    for seq, event in enumerate(kept):
        rewritten.append(event.sealed(seq, head))
        head = rewritten[-1].hash
    problems = _verify(rewritten, notes, range(50)).problems
    assert any("root does not match" in p and "log rewritten" in p for p in problems)
    assert any("offsets 10..19 are retained but no event accounts for them" in p for p in problems)


def test_a_truncated_tail_leaves_a_checkpoint_larger_than_the_log() -> None:
    events = _events(5)
    problems = _verify(events[:3], [_note(events, 5)], range(30)).problems
    assert any("seals 5 events, the chain has 3 (log truncated)" in p for p in problems)


def test_two_signed_roots_for_one_size_are_a_fork_and_neither_is_trusted() -> None:
    events, other = _events(4), _events(4, per_event=9)
    problems = _verify(events, [_note(events, 4), _note(other, 4)], range(40)).problems
    assert any("two signed roots for one size (a forked log)" in p for p in problems)
    assert any("no signed checkpoint seals" in p for p in problems)


def test_checkpoints_by_an_untrusted_key_do_not_count() -> None:
    events = _events(3)
    stranger = NoteSigner(PREFIX, generate_seed())
    problems = _verify(events, [_note(events, 3, signer=stranger)], range(30)).problems
    assert any("no signature by a known key" in p for p in problems)
    assert any("no signed checkpoint seals any of its 3 events" in p for p in problems)


def test_offsets_accounted_twice_or_never_written_are_problems() -> None:
    events = _events(3)
    replayed = events[2].model_copy(update={"event_id": "again"}).sealed(3, events[2].hash)
    problems = _verify([*events, replayed], [_note([*events, replayed], 4)], range(25)).problems
    assert any("offsets 20..29 are accounted for more than once" in p for p in problems)
    assert any("offsets 25..29 are accounted for but were never written" in p for p in problems)


def test_a_malformed_record_is_named_by_partition_and_offset() -> None:
    events = _events(2)
    reads = [AuditRead(1, n, event) for n, event in enumerate(events)] + [AuditRead(1, 9, None, "3 invalid fields")]
    keys = TrustedKeys((str(LOG.verifier_key),))
    result = verify_evidence("audit", reads, [CheckpointRead(_note(events, 2), "t")], keys, PREFIX, {})
    assert result.problems == ["audit[1]@9: malformed audit event (3 invalid fields)"]


@pytest.mark.parametrize("cosigned", [True, False])
def test_a_required_witness_must_have_cosigned_a_checkpoint_of_each_chain(cosigned: bool) -> None:
    events = _events(3)
    keys = TrustedKeys((str(LOG.verifier_key),), (WITNESS.vkey,), require_witness=True)
    result = _verify(events, [_note(events, 3, cosign=cosigned)], range(30), keys)
    assert result.intact is cosigned
    if cosigned:
        assert result.chains[CHAIN].cosigned_by == ("witness.example",)
    else:
        assert result.problems == [f"{CHAIN}: no checkpoint that matches its events is cosigned by witness.example"]
