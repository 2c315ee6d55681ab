"""Per-record proofs: a proof built by hand from a synthetic chain verifies with public keys only; the assembler
builds the same proof, refuses views or a log that do not reproduce the evidence, and reveals its own view's salt
and no other."""

from __future__ import annotations

import base64

import pytest

from streamguard.evidence.audit import AudienceOutput, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.digests import INPUT, UNSALTED, view_digests
from streamguard.evidence.merkle import leaf_hash, root_of
from streamguard.evidence.proofs import ProofError, RecordProof
from tests.unit.evidence.proof_fixtures import (
    CHAIN,
    LOG,
    LOG_LEAVES,
    ORIGIN,
    SALT,
    TARGET,
    VIEWS,
    _assembled,
    _by_hand,
    _problems,
    _salt,
)


def test_a_proof_built_by_hand_verifies_with_public_keys_only() -> None:
    assert _problems(_by_hand()) == []


def test_the_proof_of_a_tombstone_verifies() -> None:
    proof = _by_hand(position=5)
    assert proof.view_value is None
    assert _problems(proof) == []


def test_the_assembler_builds_the_proof_the_spec_describes() -> None:
    built = _assembled()
    assert built == _by_hand()
    assert RecordProof.from_json(built.to_json(), "proof.json") == built


def test_the_assembler_refuses_views_that_do_not_reproduce_the_event() -> None:
    views = list(VIEWS)
    views[3] = b'{"id":"C4","email":"a@b.c"}'
    with pytest.raises(
        ProofError, match=r"6 view records of event event-2 in governed\.customers\.analytics\[0\] do not"
    ):
        _assembled(views)


def test_the_assembler_refuses_a_log_that_does_not_reproduce_the_checkpoint() -> None:
    forked = [*LOG_LEAVES[:1], leaf_hash(b"another event 1"), *LOG_LEAVES[2:]]
    with pytest.raises(
        ProofError, match=rf"the chain's first 4 audit events do not reproduce the root of .*{ORIGIN}@4"
    ):
        _assembled(log_leaves=forked)


# -- salts ---------------------------------------------------------------------------------------------


def test_a_proof_reveals_its_own_views_salt_and_no_other() -> None:
    proof = _by_hand()
    assert proof.view_salt == base64.b64encode(SALT).decode()
    text = proof.to_json()
    for other in (_salt(40, "support"), _salt(40, INPUT), *(_salt(seq * 20, "analytics") for seq in (0, 1, 3))):
        assert base64.b64encode(other).decode() not in text
        assert other.hex() not in text


def test_the_proof_of_an_event_made_before_salted_digests_carries_no_salt() -> None:
    """An event that records no evidence key was digested unsalted: its proofs verify without a salt, and a
    salt given with one is a problem (the event's digests could not have used it)."""
    legacy_output = AudienceOutput(
        **{
            **TARGET.outputs["analytics"].model_dump(),
            **dict(zip(("digest", "merkle_root"), view_digests(VIEWS, UNSALTED), strict=True)),
        }
    )
    legacy = TARGET.model_copy(update={"outputs": {"analytics": legacy_output}, "key_ids": {"mask": "k1"}})
    events = [*CHAIN[:2], legacy.sealed(2, CHAIN[1].hash)]
    leaves = [event_leaf(event) for event in events]
    note = sign_checkpoint(Checkpoint(ORIGIN, 3, root_of(leaves)), LOG)
    proof = _assembled(event=events[2], log_leaves=leaves, note=note, salt=UNSALTED)
    assert proof.view_salt is None
    assert _problems(proof, require_witness=False) == []
    salted = proof.model_copy(update={"view_salt": base64.b64encode(SALT).decode()})
    assert _problems(salted, require_witness=False) == [
        "audit event event-2 records no evidence key (its digests are unsalted), but the proof carries a view salt"
    ]
