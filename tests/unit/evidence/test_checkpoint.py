"""Checkpoints (tlog-checkpoint) and their Ed25519 cosignatures (tlog-cosignature v1): exact formats, precise
parse errors, and cosignatures that bind the whole checkpoint and their timestamp."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from streamguard.evidence.checkpoint import (
    Checkpoint,
    CheckpointError,
    CosignatureSigner,
    open_checkpoint,
    sign_checkpoint,
    verify_cosignature,
)
from streamguard.evidence.merkle import EMPTY_ROOT, leaf_hash, root_of
from streamguard.evidence.signed_note import (
    BadSignatureError,
    MalformedNoteError,
    NoteSigner,
    UnverifiedNoteError,
    generate_seed,
)

ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="
SPEC_BODY = f"example.com/behind-the-sofa\n20852163\n{ROOT}\n"  # c2sp.org/tlog-checkpoint
ORIGIN = "streamguard/audit/raw.customers:0"
NOW = 1_767_225_600


def _checkpoint(size: int = 5) -> Checkpoint:
    leaves = [leaf_hash(f"event {n}".encode()) for n in range(size)]
    return Checkpoint(ORIGIN, size, root_of(leaves))


def test_the_spec_example_parses_and_prints_back_byte_for_byte() -> None:
    checkpoint = Checkpoint.parse(SPEC_BODY)
    assert checkpoint.origin == "example.com/behind-the-sofa"
    assert checkpoint.size == 20852163
    assert checkpoint.root_hash == base64.b64decode(ROOT)
    assert checkpoint.body() == SPEC_BODY


def test_extension_lines_round_trip() -> None:
    checkpoint = Checkpoint(ORIGIN, 0, EMPTY_ROOT, ("chain head 9f2c", "rule 3"))
    assert checkpoint.body() == f"{ORIGIN}\n0\n{base64.b64encode(EMPTY_ROOT).decode()}\nchain head 9f2c\nrule 3\n"
    assert Checkpoint.parse(checkpoint.body()) == checkpoint


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (f"o\n1\n{ROOT}", "must end in a newline"),
        ("o\n1\n", "has 2 line"),
        (f"\n1\n{ROOT}\n", "line 1: the origin is empty"),
        (f"o\n01\n{ROOT}\n", "line 2: '01' is not a tree size"),
        (f"o\n-1\n{ROOT}\n", "line 2: '-1' is not a tree size"),
        (f"o\n 1\n{ROOT}\n", "line 2"),
        (f"o\n99999999999999999999\n{ROOT}\n", "line 2"),
        ("o\n1\nnot base64!\n", "checkpoint line 3 is not base64"),
        ("o\n1\nAAAA\n", "line 3: a hash is 32 bytes, not 3"),
        (f"o\n1\n{ROOT}\next\n\n", "line 5: extension lines must be non-empty"),
    ],
)
def test_malformed_checkpoints_are_refused_with_the_line_at_fault(text: str, problem: str) -> None:
    with pytest.raises(CheckpointError, match=problem):
        Checkpoint.parse(text)


@pytest.mark.parametrize(
    "fields",
    [
        ("", 1, EMPTY_ROOT, ()),
        ("a\nb", 1, EMPTY_ROOT, ()),
        ("o", -1, EMPTY_ROOT, ()),
        ("o", 1, b"x", ()),
        ("o", 1, EMPTY_ROOT, ("",)),
    ],
    ids=["empty-origin", "two-line-origin", "negative-size", "short-root", "empty-extension"],
)
def test_checkpoints_that_cannot_be_written_are_not_built(fields: tuple) -> None:
    with pytest.raises(CheckpointError):
        Checkpoint(*fields)


def test_a_signed_checkpoint_opens_with_the_log_key_and_hands_back_other_lines() -> None:
    log = NoteSigner(ORIGIN, generate_seed())
    witness = CosignatureSigner("witness.test/w1", generate_seed())
    checkpoint = _checkpoint()
    note = sign_checkpoint(checkpoint, log)
    assert note.startswith(checkpoint.body() + "\n— " + ORIGIN + " ")
    cosignature = witness.cosign(checkpoint, NOW)
    opened, others = open_checkpoint(note + cosignature, str(log.verifier_key))
    assert opened == checkpoint
    assert others == [cosignature]
    assert verify_cosignature(witness.vkey, opened, others[0]) == NOW


def test_a_tampered_checkpoint_does_not_open() -> None:
    log = NoteSigner(ORIGIN, generate_seed())
    note = sign_checkpoint(_checkpoint(), log)
    with pytest.raises(BadSignatureError):
        open_checkpoint(note.replace("\n5\n", "\n6\n", 1), str(log.verifier_key))


def test_a_checkpoint_signed_by_another_key_does_not_open() -> None:
    note = sign_checkpoint(_checkpoint(), NoteSigner(ORIGIN, generate_seed()))
    with pytest.raises(UnverifiedNoteError):
        open_checkpoint(note, str(NoteSigner(ORIGIN, generate_seed()).verifier_key))


def test_the_cosignature_is_the_spec_message_signed_with_the_timestamp_in_front() -> None:
    seed = generate_seed()
    witness = CosignatureSigner("witness.test/w1", seed)
    checkpoint = _checkpoint()
    line = witness.cosign(checkpoint, NOW)
    name, encoded = line.removeprefix("— ").removesuffix("\n").split(" ")
    raw = base64.b64decode(encoded)
    public_key = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    assert name == "witness.test/w1"
    assert raw[:4] == hashlib.sha256(b"witness.test/w1\n\x04" + public_key).digest()[:4]
    assert int.from_bytes(raw[4:12], "big") == NOW
    message = f"cosignature/v1\ntime {NOW}\n{checkpoint.body()}".encode()
    Ed25519PublicKey.from_public_bytes(public_key).verify(raw[12:], message)  # raises if the format differs
    material = base64.b64encode(b"\x04" + public_key).decode()
    assert witness.vkey == f"witness.test/w1+{raw[:4].hex()}+{material}"


@pytest.mark.parametrize(
    "changed",
    [
        _checkpoint(6),
        Checkpoint(ORIGIN, 5, hashlib.sha256(b"another root").digest()),
        Checkpoint("streamguard/audit/raw.customers:1", 5, _checkpoint().root_hash),
        Checkpoint(ORIGIN, 5, _checkpoint().root_hash, ("extension",)),
    ],
    ids=["size", "root", "origin", "extension"],
)
def test_a_cosignature_does_not_verify_on_a_changed_checkpoint(changed: Checkpoint) -> None:
    witness = CosignatureSigner("witness.test/w1", generate_seed())
    line = witness.cosign(_checkpoint(), NOW)
    with pytest.raises(BadSignatureError, match=r"cosignature by 'witness.test/w1\+[0-9a-f]{8}' does not verify"):
        verify_cosignature(witness.vkey, changed, line)


def test_a_cosignature_with_a_changed_timestamp_does_not_verify() -> None:
    witness = CosignatureSigner("witness.test/w1", generate_seed())
    name, encoded = witness.cosign(_checkpoint(), NOW).removeprefix("— ").split(" ")
    raw = bytearray(base64.b64decode(encoded))
    raw[11] ^= 1  # the timestamp's last byte: a cosignature claiming another time
    with pytest.raises(BadSignatureError):
        verify_cosignature(witness.vkey, _checkpoint(), f"— {name} {base64.b64encode(raw).decode()}\n")


def test_a_cosignature_by_another_witness_is_named_not_verified() -> None:
    line = CosignatureSigner("witness.test/w2", generate_seed()).cosign(_checkpoint(), NOW)
    with pytest.raises(CheckpointError, match=r"is by 'witness\.test/w2"):
        verify_cosignature(CosignatureSigner("witness.test/w1", generate_seed()).vkey, _checkpoint(), line)


def test_a_log_key_is_not_a_cosignature_key() -> None:
    log = NoteSigner(ORIGIN, generate_seed())
    with pytest.raises(CheckpointError, match="not a cosignature key"):
        verify_cosignature(str(log.verifier_key), _checkpoint(), "— x AAAAAAAA\n")


def test_a_malformed_cosignature_line_is_refused() -> None:
    witness = CosignatureSigner("witness.test/w1", generate_seed())
    with pytest.raises(MalformedNoteError, match="malformed cosignature line"):
        verify_cosignature(witness.vkey, _checkpoint(), "witness.test/w1 AAAA\n")


@pytest.mark.parametrize("timestamp", [0, -1, 2**63])
def test_cosignatures_carry_a_real_timestamp(timestamp: int) -> None:
    with pytest.raises(CheckpointError, match="timestamp"):
        CosignatureSigner("witness.test/w1", generate_seed()).cosign(_checkpoint(), timestamp)
