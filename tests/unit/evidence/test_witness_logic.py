"""The witness's decision (tlog-witness add-checkpoint): every refusal with its status, forks refused, and a
log that only ever grows cosigned checkpoint after checkpoint."""

from __future__ import annotations

import base64
import hashlib

import pytest

from streamguard.evidence.checkpoint import Checkpoint, CosignatureSigner, sign_checkpoint, verify_cosignature
from streamguard.evidence.merkle import EMPTY_ROOT, consistency_proof, leaf_hash, root_of
from streamguard.evidence.signed_note import NoteSigner, generate_seed
from streamguard.evidence.witness_logic import (
    AddCheckpointRequest,
    Cosigned,
    WitnessConflict,
    WitnessRefused,
    WitnessState,
    add_checkpoint,
    trusted_key_for,
)

ORIGIN = "streamguard/audit/raw.customers:0"
LOG = NoteSigner(ORIGIN, bytes(range(32)))
WITNESS = CosignatureSigner("witness.test/w1", bytes(range(32, 64)))
LOGS = {ORIGIN: str(LOG.verifier_key)}
LEAVES = [leaf_hash(f"event {n}".encode()) for n in range(20)]
FORKED = [*LEAVES[:6], *(leaf_hash(f"rewritten {n}".encode()) for n in range(6, 20))]  # history edited at 6
NOW = 1_767_225_600


def _checkpoint(size: int, leaves: list[bytes] = LEAVES) -> Checkpoint:
    return Checkpoint(ORIGIN, size, root_of(leaves[:size]))


def _request(old: int, new: int, leaves: list[bytes] = LEAVES, signer: NoteSigner = LOG) -> AddCheckpointRequest:
    proof = consistency_proof(leaves[:new], old) if old else []
    return AddCheckpointRequest(old, tuple(proof), sign_checkpoint(_checkpoint(new, leaves), signer))


def _state(size: int, leaves: list[bytes] = LEAVES) -> WitnessState:
    return WitnessState(size, root_of(leaves[:size]))


def _add(request: AddCheckpointRequest, recorded: WitnessState | None) -> Cosigned:
    return add_checkpoint(request, LOGS, recorded, WITNESS, NOW)


def _refusal(request: AddCheckpointRequest, recorded: WitnessState | None) -> WitnessRefused:
    with pytest.raises(WitnessRefused) as refused:
        _add(request, recorded)
    return refused.value


def test_a_consistent_chain_of_three_checkpoints_is_cosigned_one_after_another() -> None:
    recorded = None
    for old, new in [(0, 4), (4, 7), (7, 13)]:
        cosigned = _add(_request(old, new), recorded)
        assert cosigned.state == _state(new)
        assert verify_cosignature(WITNESS.vkey, _checkpoint(new), cosigned.cosignature) == NOW
        recorded = cosigned.state


def test_the_same_checkpoint_again_is_cosigned_and_the_state_stays() -> None:
    again = AddCheckpointRequest(7, (), _request(0, 7).note)
    cosigned = _add(again, _state(7))
    assert cosigned.state == _state(7)
    assert verify_cosignature(WITNESS.vkey, _checkpoint(7), cosigned.cosignature) == NOW


def test_an_empty_log_is_cosigned_with_the_empty_root() -> None:
    assert _add(_request(0, 0), None).state == WitnessState(0, EMPTY_ROOT)


def test_an_unknown_origin_is_404() -> None:
    other = NoteSigner("streamguard/audit/raw.orders:0", generate_seed())
    note = sign_checkpoint(Checkpoint("streamguard/audit/raw.orders:0", 1, LEAVES[0]), other)
    refusal = _refusal(AddCheckpointRequest(0, (), note), None)
    assert refusal.status == 404
    assert "raw.orders:0" in refusal.reason


def test_a_checkpoint_not_signed_by_the_trusted_log_key_is_403() -> None:
    impostor = NoteSigner(ORIGIN, generate_seed())  # the origin's name, another key
    refusal = _refusal(_request(0, 4, signer=impostor), None)
    assert refusal.status == 403
    assert "no signature by a known key" in refusal.reason


def test_a_forged_signature_of_the_trusted_key_is_403() -> None:
    """The log's name and key id with a signature over another checkpoint: a known key that does not verify."""
    genuine = _request(0, 4)
    forged_signature = sign_checkpoint(_checkpoint(5), LOG).rsplit(" ", 1)[1]
    note = genuine.note.rsplit(" ", 1)[0] + " " + forged_signature
    refusal = _refusal(AddCheckpointRequest(0, (), note), None)
    assert refusal.status == 403
    assert "does not verify" in refusal.reason


def test_an_old_size_above_the_checkpoint_size_is_400() -> None:
    request = AddCheckpointRequest(7, (), _request(0, 4).note)
    assert _refusal(request, _state(7)).status == 400


@pytest.mark.parametrize(("recorded", "old"), [(None, 4), (_state(7), 4), (_state(7), 0), (_state(4), 7)])
def test_an_old_size_that_is_not_the_recorded_size_is_409_with_the_recorded_size(
    recorded: WitnessState | None, old: int
) -> None:
    with pytest.raises(WitnessConflict) as conflict:
        _add(_request(old, 13), recorded)
    assert conflict.value.status == 409
    assert conflict.value.recorded_size == (recorded.size if recorded else 0)


def test_a_proof_that_does_not_verify_is_422() -> None:
    refusal = _refusal(_request(7, 13, leaves=FORKED), _state(7))  # leaf 6, cosigned at size 7, rewritten
    assert refusal.status == 422
    assert "consistency proof from size 7 to 13 does not verify" in refusal.reason


def test_a_rewrite_beyond_the_recorded_size_is_no_fork_to_the_witness() -> None:
    assert _add(_request(4, 13, leaves=FORKED), _state(4)).state == _state(13, FORKED)


def test_a_proof_for_another_old_tree_is_422() -> None:
    request = AddCheckpointRequest(7, _request(4, 13).proof, _request(4, 13).note)
    assert _refusal(request, _state(7)).status == 422


def test_a_fork_at_the_recorded_size_is_422_and_says_fork() -> None:
    refusal = _refusal(AddCheckpointRequest(13, (), _request(0, 13, leaves=FORKED).note), _state(13))
    assert refusal.status == 422
    assert refusal.reason.startswith(f"fork: origin {ORIGIN!r} at size 13")


def test_a_proof_from_old_size_zero_is_422() -> None:
    request = AddCheckpointRequest(0, (LEAVES[0],), _request(0, 4).note)
    assert _refusal(request, None).status == 422


def test_a_size_zero_checkpoint_with_another_root_is_422() -> None:
    note = sign_checkpoint(Checkpoint(ORIGIN, 0, LEAVES[0]), LOG)
    refusal = _refusal(AddCheckpointRequest(0, (), note), None)
    assert refusal.status == 422
    assert "empty tree" in refusal.reason


def test_the_request_body_round_trips() -> None:
    request = _request(4, 13)
    body = request.encode()
    assert body.startswith("old 4\n" + "".join(base64.b64encode(node).decode() + "\n" for node in request.proof))
    assert body.endswith("\n\n" + request.note)
    assert AddCheckpointRequest.parse(body) == request


NOTE = sign_checkpoint(Checkpoint(ORIGIN, 1, LEAVES[0]), LOG)
HASH = base64.b64encode(hashlib.sha256(b"x").digest()).decode()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("old 0\nAAAA\n", "no empty line"),
        ("new 0\n\n" + NOTE, "line 1 must be 'old <size>'"),
        ("old 01\n\n" + NOTE, "line 1: '01' is not a tree size"),
        (f"old 1\n{HASH}\nAAAA\n\n" + NOTE, "line 3: a hash is 32 bytes"),
        ("old 1\n" + f"{HASH}\n" * 64 + "\n" + NOTE, "64 consistency proof lines, more than 63"),
    ],
)
def test_malformed_request_bodies_are_400(body: str, problem: str) -> None:
    with pytest.raises(WitnessRefused, match=problem) as refused:
        AddCheckpointRequest.parse(body)
    assert refused.value.status == 400


@pytest.mark.parametrize("note", ["no signatures\n", f"{ORIGIN}\n1\n\n— {ORIGIN} AAAAAAAA\n"])
def test_a_malformed_checkpoint_is_400(note: str) -> None:
    assert _refusal(AddCheckpointRequest(0, (), note), None).status == 400


def test_a_prefix_entry_trusts_every_origin_under_it_and_the_longest_prefix_wins() -> None:
    logs = {"example.com/audit/*": "prefix-key", "example.com/audit/raw.x:0": "own-key", "example.com/*": "short"}
    assert trusted_key_for(logs, "example.com/audit/raw.x:0") == "own-key"
    assert trusted_key_for(logs, "example.com/audit/raw.y:3") == "prefix-key"
    assert trusted_key_for(logs, "example.com/other") == "short"
    assert trusted_key_for(logs, "example.org/audit/raw.x:0") is None
    assert trusted_key_for({"example.com/audit/*": "k"}, "example.com/audited") is None
