"""Checking a record proof: a change to any byte it commits to (the view, its salt, the audit event, a path node,
the checkpoint note) is named."""

from __future__ import annotations

import base64

import pytest

from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.digests import UNSALTED
from streamguard.evidence.merkle import root_of
from streamguard.evidence.proof_check import check_proof
from streamguard.evidence.proofs import ProofError, RecordProof
from streamguard.evidence.signed_note import NoteSigner
from tests.unit.evidence.proof_fixtures import (
    CHECKPOINT,
    LOG,
    LOG_LEAVES,
    LOG_NAME,
    ORIGIN,
    SALT,
    TARGET,
    WITNESS,
    _assembled,
    _by_hand,
    _flip_char,
    _problems,
    _salt,
    _with_view,
)


def test_one_byte_of_the_view_changed_is_not_included() -> None:
    def flip(value: bytearray) -> None:
        value[3] ^= 0x01

    problems = _problems(_with_view(_by_hand(), flip))
    assert problems == [
        "view record governed.customers.analytics[0]@101 (leaf 1 of 6) is not included in the Merkle root of "
        "audience analytics in audit event event-2: the view value, its salt, the leaf position or the view path "
        "was altered"
    ]


def test_one_byte_of_the_event_json_changed_breaks_its_hash() -> None:
    proof = _by_hand()
    index = proof.audit_event.index("worker-1") + len("worker-")
    flipped = _flip_char(proof.audit_event, index)
    problems = _problems(proof.model_copy(update={"audit_event": flipped}))
    assert problems[0] == (
        f"audit event event-2: its content hashes to {AuditEvent.model_validate_json(flipped).content_hash()}, not "
        f"to its recorded hash {TARGET.hash}: the event was altered"
    )
    assert problems[1:] == []  # its recorded hash, and so its leaf in the log, are unchanged


def test_event_json_that_no_longer_parses_is_named() -> None:
    proof = _by_hand()
    broken = proof.audit_event.replace('"seq":', '"seq";', 1)
    assert _problems(proof.model_copy(update={"audit_event": broken})) == [
        "the proof's audit event does not parse (Invalid JSON: expected `:` at line 1 column "
        f"{broken.index('seq') + 5})"
    ]


def test_an_edited_hash_is_not_in_the_checkpoint() -> None:
    """An attacker who edits the event and re-seals it gets a hash the signed log never held."""
    forged = TARGET.model_copy(update={"tombstones": []}).sealed(TARGET.seq, TARGET.prev_hash)
    proof = _by_hand(position=5).model_copy(update={"audit_event": forged.model_dump_json()})
    problems = _problems(proof)
    assert problems[0] == "raw.customers[0]@46 is neither delivered nor a tombstone in audit event event-2"
    assert problems[-1] == (
        f"audit event event-2 (seq 2) is not included in checkpoint {ORIGIN}@4: the event or the event path was altered"
    )


@pytest.mark.parametrize(("path", "node"), [("view_path", 0), ("view_path", 2), ("event_path", 0), ("event_path", 1)])
def test_one_byte_of_a_path_node_changed_fails(path: str, node: int) -> None:
    proof = _by_hand()
    nodes = list(getattr(proof, path))
    nodes[node] = _flip_char(nodes[node], 10)
    problems = _problems(proof.model_copy(update={path: nodes}))
    expected = {
        "view_path": "view record governed.customers.analytics[0]@101 (leaf 1 of 6) is not included",
        "event_path": f"audit event event-2 (seq 2) is not included in checkpoint {ORIGIN}@4",
    }[path]
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_a_path_node_that_is_not_a_hash_is_named() -> None:
    proof = _by_hand()
    problems = _problems(proof.model_copy(update={"event_path": [*proof.event_path[:1], "abc"]}))
    assert problems == ["event path node 1 is not hex"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (1, "checkpoint is not signed by a trusted log key"),  # the size
        (2, "checkpoint is not signed by a trusted log key"),  # the root hash
        (4, "checkpoint is not signed by a trusted log key"),  # the log's signature
        (5, f"checkpoint {ORIGIN}@4: cosignature by 'witness.test/w1+"),  # the witness's cosignature
    ],
    ids=["size", "root", "log-signature", "cosignature"],
)
def test_one_byte_of_the_note_changed_fails(line: int, expected: str) -> None:
    proof = _by_hand()
    lines = proof.checkpoint.split("\n")
    lines[line] = _flip_char(lines[line], len(lines[line]) - 10 if line >= 4 else 0)  # signatures: not the key id
    problems = _problems(proof.model_copy(update={"checkpoint": "\n".join(lines)}))
    assert len(problems) == 1
    assert problems[0].startswith(expected)
    assert "does not verify" in problems[0]


def test_a_checkpoint_by_another_key_is_not_trusted() -> None:
    stranger = NoteSigner(LOG_NAME, bytes(32))
    problems = _problems(_by_hand(), log_keys=[str(stranger.verifier_key)])
    assert problems == [
        f"checkpoint is not signed by a trusted log key ({stranger.verifier_key.label}): "
        "note has no signature by a known key"
    ]
    assert _problems(_by_hand(), log_keys=[]) == [
        "no trusted log key given: the checkpoint's signature cannot be checked"
    ]


def test_a_checkpoint_of_another_chain_is_named() -> None:
    other = Checkpoint(f"{LOG_NAME}/raw.orders:0", 4, CHECKPOINT.root_hash)
    problems = _problems(
        _by_hand().model_copy(update={"checkpoint": sign_checkpoint(other, LOG)}), require_witness=False
    )
    assert problems == [f"checkpoint origin '{LOG_NAME}/raw.orders:0' is not the log of raw.customers:0 ('{ORIGIN}')"]


def test_a_required_witness_must_have_cosigned() -> None:
    unwitnessed = _by_hand().model_copy(update={"checkpoint": sign_checkpoint(CHECKPOINT, LOG)})
    assert _problems(unwitnessed, require_witness=False) == []
    assert _problems(unwitnessed) == [f"checkpoint {ORIGIN}@4 carries no cosignature by {WITNESS.verifier_key.label}"]
    no_keys = check_proof(_by_hand(), log_keys=[str(LOG.verifier_key)], witness_keys=[], require_witness=True)
    assert no_keys == ["a witness cosignature is required but no witness key was given"]


def test_a_checkpoint_too_small_for_the_event_does_not_cover_it() -> None:
    small = Checkpoint(ORIGIN, 2, root_of(LOG_LEAVES[:2]))
    proof = _by_hand().model_copy(update={"checkpoint": sign_checkpoint(small, LOG)})
    assert _problems(proof, require_witness=False) == [f"checkpoint {ORIGIN}@2 does not cover audit event seq 2"]


def test_a_raw_offset_the_event_did_not_deliver_is_named() -> None:
    quarantined = _by_hand().model_copy(update={"raw_offset": 45})
    assert _problems(quarantined) == ["raw.customers[0]@45 is neither delivered nor a tombstone in audit event event-2"]
    other_record = _by_hand().model_copy(update={"raw_offset": 43})
    assert _problems(other_record) == [
        "leaf index 1 is not the place of raw.customers[0]@43 in audit event event-2's views (leaf 3)"
    ]
    tombstone = _by_hand().model_copy(update={"raw_offset": 46})
    assert _problems(tombstone) == [
        "raw.customers[0]@46 is a tombstone in audit event event-2, but the proof has a view value"
    ]


def test_a_view_of_another_audience_or_place_is_named() -> None:
    support = _by_hand().model_copy(update={"audience": "support"})
    assert _problems(support)[0].startswith("view governed.customers.analytics[0]@101 is not where audit event")
    assert _problems(_by_hand().model_copy(update={"audience": "legal"})) == [
        "audit event event-2 has no view for audience 'legal'"
    ]
    outside = _by_hand().model_copy(update={"view_offset": 99})
    assert _problems(outside) == [
        "view offset 99 is outside audit event event-2's view offsets 100..105 for audience analytics"
    ]


def test_a_file_that_is_not_a_proof_is_named() -> None:
    with pytest.raises(ProofError, match=r"proof.json is not a record proof \(raw_offset: Field required\)"):
        RecordProof.from_json(_by_hand().model_dump_json(exclude={"raw_offset"}), "proof.json")
    assert _problems(_by_hand().model_copy(update={"format": "other/v9"})) == [
        "proof format 'other/v9' is not 'streamguard-record-proof/v1'"
    ]


def test_a_changed_salt_is_not_included() -> None:
    for other in (_salt(40, "support"), _salt(20, "analytics"), bytes(32)):
        proof = _by_hand().model_copy(update={"view_salt": base64.b64encode(other).decode()})
        assert _problems(proof) == [
            "view record governed.customers.analytics[0]@101 (leaf 1 of 6) is not included in the Merkle root of "
            "audience analytics in audit event event-2: the view value, its salt, the leaf position or the view "
            "path was altered"
        ]


def test_a_proof_without_its_salt_or_with_a_malformed_one_is_named() -> None:
    assert _problems(_by_hand().model_copy(update={"view_salt": None})) == [
        "the proof carries no view salt: audit event event-2 salted audience analytics's record digests (evidence "
        "key k2), so its view record cannot be checked without it"
    ]
    assert _problems(_by_hand().model_copy(update={"view_salt": "not base64!"})) == [
        "the proof's view salt is not base64"
    ]
    short = base64.b64encode(SALT[:16]).decode()
    assert _problems(_by_hand().model_copy(update={"view_salt": short})) == [
        "the proof's view salt is 16 bytes, not 32"
    ]
    with pytest.raises(ProofError, match=r"do not reproduce its Merkle root for audience analytics \(with the salt"):
        _assembled(salt=UNSALTED)
