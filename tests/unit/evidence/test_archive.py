"""Evidence archives verify offline with the log's public key, and an edited archive does not."""

from __future__ import annotations

import json

from streamguard.evidence.archive import ChainLog, archive_lines, check_archive
from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, SourceSpan, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, CosignatureSigner, sign_checkpoint
from streamguard.evidence.merkle import root_of
from streamguard.evidence.signed_note import NoteSigner, generate_seed

LOG = NoteSigner("example.com/audit", generate_seed())
WITNESS = CosignatureSigner("witness.example", generate_seed())
ORIGIN = "example.com/audit/raw.x:0"


def _chain(count: int) -> list[AuditEvent]:
    events, head = [], GENESIS_HASH
    for number in range(count):
        event = AuditEvent(
            event_id=f"e{number}",
            recorded_at="2026-01-01T00:00:00Z",
            worker="w",
            dataset="x",
            source=SourceSpan(topic="raw.x", partition=0, first_offset=number * 10, last_offset=number * 10 + 9),
            delivered=[(number * 10, number * 10 + 9)],
            input_digest="00",
        ).sealed(number, head)
        events.append(event)
        head = event.hash
    return events


def _archive(events: list[AuditEvent], purged: int, sealed: int, cosign: bool = False) -> list[str]:
    leaves = tuple(event_leaf(event) for event in events[:sealed])
    checkpoint = Checkpoint(ORIGIN, sealed, root_of(leaves))
    note = sign_checkpoint(checkpoint, LOG)
    if cosign:
        note += WITNESS.cosign(checkpoint, 1_800_000_000)
    log = ChainLog("raw.x:0", ORIGIN, leaves, note)
    return list(archive_lines({"cutoff": "2026-01-02T00:00:00Z"}, events[:purged], ['{"id": "s1"}'], [log]))


def test_an_archive_verifies_offline_with_the_public_keys_only() -> None:
    check = check_archive(_archive(_chain(7), purged=4, sealed=6, cosign=True), [str(LOG.verifier_key)], [WITNESS.vkey])
    assert check.intact, check.problems
    assert (check.events, check.chains, check.sessions) == (4, 1, 1)
    assert check.cosigned_by == {"witness.example"}


def test_an_edited_event_in_an_archive_fails() -> None:
    lines = _archive(_chain(5), purged=5, sealed=5)
    entry = json.loads(lines[3])
    entry["event"]["quarantined"] = [{"offset": 20, "reason": "x"}]
    lines[3] = json.dumps(entry)
    problems = check_archive(lines, [str(LOG.verifier_key)]).problems
    assert any("seq 2: content does not match its hash" in problem for problem in problems)


def test_a_rehashed_event_is_not_the_one_the_checkpoint_sealed() -> None:
    events = _chain(5)
    lines = _archive(events, purged=5, sealed=5)
    forged = events[2].model_copy(update={"delivered": [(20, 25)]}).sealed(2, events[1].hash)
    lines[3] = json.dumps({"type": "event", "event": json.loads(forged.to_bytes())})
    assert any(
        "not the event checkpoint" in problem for problem in check_archive(lines, [str(LOG.verifier_key)]).problems
    )


def test_an_archive_signed_by_another_key_or_with_other_leaves_fails() -> None:
    lines = _archive(_chain(4), purged=4, sealed=4)
    other = NoteSigner("example.com/audit", generate_seed())
    assert any("does not verify" in p for p in check_archive(lines, [str(other.verifier_key)]).problems)
    entry = json.loads(lines[-1])
    entry["leaves"][1] = "00" * 32
    lines[-1] = json.dumps(entry)
    assert any("not the log" in p for p in check_archive(lines, [str(LOG.verifier_key)]).problems)
