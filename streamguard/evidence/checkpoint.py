"""Checkpoints of a chain's Merkle log (c2sp.org/tlog-checkpoint) and their cosignatures (c2sp.org/tlog-cosignature).

A checkpoint is the note text ``origin\\nsize\\nbase64(root)\\n`` plus optional extension lines; the log signs
it as a signed note. A witness cosigns it with a timestamped Ed25519 signature (type 0x04) over
``cosignature/v1\\ntime <seconds>\\n`` + the checkpoint text: the statement that, at that time, this is the
largest consistent tree the witness has seen for the origin.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from dataclasses import dataclass

from streamguard.core.errors import CheckpointError, EvidenceError
from streamguard.evidence.signed_note import (
    COSIGNATURE_ED25519,
    BadSignatureError,
    NoteError,
    NoteSignature,
    NoteSigner,
    VerifierKey,
    decode_base64,
    open_note,
    parse_note,
    sign_note,
)

HASH_BYTES = 32
MAX_INT63 = 2**63 - 1  # the largest tree size or timestamp accepted (uint64 on the wire, below 2^63 by spec)
_TREE_SIZE = re.compile(r"0|[1-9][0-9]{0,18}")  # decimal, no leading zeroes; 19 digits bound it near 2^63


def parse_tree_size(text: str, where: str) -> int:
    if not _TREE_SIZE.fullmatch(text) or int(text) > MAX_INT63:
        raise CheckpointError(f"{where}: {text[:24]!r} is not a tree size (decimal, no leading zeroes)")
    return int(text)


def decode_hash(text: str, where: str) -> bytes:
    try:
        raw = decode_base64(text, where)
    except NoteError as error:
        raise CheckpointError(str(error)) from None
    if len(raw) != HASH_BYTES:
        raise CheckpointError(f"{where}: a hash is {HASH_BYTES} bytes, not {len(raw)}")
    return raw


def encode_hash(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.origin or "\n" in self.origin:
            raise CheckpointError(f"checkpoint origin {self.origin!r} must be one non-empty line")
        if not 0 <= self.size <= MAX_INT63:
            raise CheckpointError(f"checkpoint of {self.origin!r}: size {self.size} is out of range")
        if len(self.root_hash) != HASH_BYTES:
            raise CheckpointError(f"checkpoint of {self.origin!r}: root hash is {len(self.root_hash)} bytes, not 32")
        if any(not line or "\n" in line for line in self.extensions):
            raise CheckpointError(f"checkpoint of {self.origin!r}: extension lines must be non-empty single lines")

    def body(self) -> str:
        return "\n".join([self.origin, str(self.size), encode_hash(self.root_hash), *self.extensions]) + "\n"

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        if not text.endswith("\n"):
            raise CheckpointError("checkpoint text must end in a newline")
        lines = text[:-1].split("\n")
        if len(lines) < 3:
            raise CheckpointError(f"checkpoint has {len(lines)} line(s); it needs origin, size and root hash")
        origin, size, root, *extensions = lines
        if not origin:
            raise CheckpointError("checkpoint line 1: the origin is empty")
        for number, extension in enumerate(extensions, start=4):
            if not extension:
                raise CheckpointError(f"checkpoint line {number}: extension lines must be non-empty")
        return cls(
            origin,
            parse_tree_size(size, "checkpoint line 2"),
            decode_hash(root, "checkpoint line 3"),
            tuple(extensions),
        )


def sign_checkpoint(checkpoint: Checkpoint, note_signer: NoteSigner) -> str:
    """The checkpoint as a note signed by the log's key."""
    return sign_note(checkpoint.body(), note_signer)


def open_checkpoint(note_text: str, log_vkey: str) -> tuple[Checkpoint, list[str]]:
    """The checkpoint in a note the log's key verified, and the note's other signature lines (cosignatures,
    unchecked: verify each with ``verify_cosignature`` against the witness keys you trust)."""
    opened = open_note(note_text, [VerifierKey.parse(log_vkey)])
    return Checkpoint.parse(opened.text), [signature.line() for signature in opened.other_signatures]


def cosigned_message(checkpoint: Checkpoint, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n{checkpoint.body()}".encode()


def _check_timestamp(timestamp: int) -> None:
    if not 0 < timestamp <= MAX_INT63:
        raise CheckpointError(f"cosignature timestamp {timestamp} is outside 1..2^63-1")


class CosignatureSigner:
    """A witness key: cosigns checkpoints as ``name`` with the Ed25519 key of ``seed`` (key id type 0x04)."""

    def __init__(self, name: str, seed: bytes) -> None:
        self._signer = NoteSigner(name, seed, signature_type=COSIGNATURE_ED25519)

    @property
    def name(self) -> str:
        return self._signer.name

    @property
    def verifier_key(self) -> VerifierKey:
        return self._signer.verifier_key

    @property
    def vkey(self) -> str:
        return str(self._signer.verifier_key)

    def cosign(self, checkpoint: Checkpoint, timestamp: int) -> str:
        """The cosignature line (ending in a newline) for ``checkpoint`` at ``timestamp`` (POSIX seconds)."""
        _check_timestamp(timestamp)
        signature = self._signer.sign_bytes(cosigned_message(checkpoint, timestamp))
        return self._signer.signature_line(timestamp.to_bytes(8, "big") + signature)


def verify_cosignature(vkey: str, checkpoint: Checkpoint, line: str) -> int:
    """The timestamp of the cosignature ``line`` by the witness key ``vkey`` on ``checkpoint``; raises if the
    line is by another key, is malformed, or does not verify."""
    key = VerifierKey.parse(vkey)
    if key.signature_type != COSIGNATURE_ED25519:
        raise CheckpointError(f"key {key.label} is not a cosignature key (type 0x04)")
    signature = NoteSignature.parse(line.removesuffix("\n"), "cosignature line")
    if (signature.name, signature.key_id) != (key.name, key.key_id):
        raise CheckpointError(f"cosignature line is by '{signature.name}+{signature.key_id.hex()}', not {key.label}")
    if len(signature.signature) != 8 + 64:
        raise CheckpointError(f"cosignature by {key.label} is {len(signature.signature)} bytes, not 72")
    timestamp = int.from_bytes(signature.signature[:8], "big")
    _check_timestamp(timestamp)
    if not key.verifies(cosigned_message(checkpoint, timestamp), signature.signature[8:]):
        raise BadSignatureError(f"cosignature by '{key.label}' does not verify")
    return timestamp


def cosigners(note: str, checkpoint: Checkpoint, witness_vkeys: Iterable[str]) -> set[str]:
    """The names of the witnesses (of those trusted) whose cosignature in ``note`` verifies for ``checkpoint``."""
    lines = [signature.line() for signature in parse_note(note).signatures]
    names = set()
    for vkey in witness_vkeys:
        for line in lines:
            try:
                verify_cosignature(vkey, checkpoint, line)
            except EvidenceError:
                continue
            names.add(VerifierKey.parse(vkey).name)
    return names
