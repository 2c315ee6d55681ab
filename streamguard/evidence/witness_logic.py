"""The witness's decision on an add-checkpoint request (c2sp.org/tlog-witness), without clock or files.

A witness cosigns a log's checkpoint only if the log's key signed it and it extends, by a verified RFC 9162
consistency proof, the last checkpoint the witness cosigned for that origin. So a log that shows one history
to the witness cannot later show it a different one (a fork) and get it cosigned. The caller supplies the
recorded state, the time, and persists the new state atomically with the check (``app.services.evidence.witness``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from streamguard.core.errors import WitnessConflict, WitnessRefused
from streamguard.evidence.checkpoint import (
    Checkpoint,
    CheckpointError,
    CosignatureSigner,
    decode_hash,
    encode_hash,
    parse_tree_size,
)
from streamguard.evidence.merkle import EMPTY_ROOT, verify_consistency
from streamguard.evidence.signed_note import (
    BadSignatureError,
    NoteError,
    UnverifiedNoteError,
    VerifierKey,
    open_note,
    parse_note,
)

MAX_PROOF_LINES = 63  # tlog-witness: a client sends at most 63 consistency proof lines


@dataclass(frozen=True)
class WitnessState:
    """The last checkpoint the witness cosigned for one origin."""

    size: int
    root_hash: bytes


@dataclass(frozen=True)
class AddCheckpointRequest:
    """``old <size>\\n``, the consistency proof (one base64 hash a line), an empty line, the signed checkpoint."""

    old_size: int
    proof: tuple[bytes, ...]
    note: str

    def __post_init__(self) -> None:
        if self.old_size < 0:
            raise WitnessRefused(400, f"old size {self.old_size} is negative")
        if len(self.proof) > MAX_PROOF_LINES:
            raise WitnessRefused(400, f"{len(self.proof)} consistency proof lines, more than {MAX_PROOF_LINES}")
        if any(len(node) != 32 for node in self.proof):
            raise WitnessRefused(400, "a consistency proof hash is not 32 bytes")

    def encode(self) -> str:
        proof = "".join(f"{encode_hash(node)}\n" for node in self.proof)
        return f"old {self.old_size}\n{proof}\n{self.note}"

    @classmethod
    def parse(cls, body: str) -> AddCheckpointRequest:
        head, blank, note = body.partition("\n\n")
        if not blank:
            raise WitnessRefused(400, "request has no empty line before the checkpoint")
        old_line, *proof_lines = head.split("\n")
        if not old_line.startswith("old "):
            raise WitnessRefused(400, "request line 1 must be 'old <size>'")
        try:
            old_size = parse_tree_size(old_line.removeprefix("old "), "request line 1")
            proof = tuple(decode_hash(line, f"request line {n}") for n, line in enumerate(proof_lines, start=2))
        except CheckpointError as error:
            raise WitnessRefused(400, str(error)) from None
        return cls(old_size, proof, note)


@dataclass(frozen=True)
class Cosigned:
    """A checkpoint the witness accepted, and its cosignature line."""

    checkpoint: Checkpoint
    cosignature: str

    @property
    def state(self) -> WitnessState:
        return WitnessState(self.checkpoint.size, self.checkpoint.root_hash)


def requested_checkpoint(request: AddCheckpointRequest) -> Checkpoint:
    """The submitted checkpoint, signatures not yet checked: its origin says which state to lock and load."""
    try:
        return Checkpoint.parse(parse_note(request.note).text)
    except (NoteError, CheckpointError) as error:
        raise WitnessRefused(400, str(error)) from None


def add_checkpoint(
    request: AddCheckpointRequest,
    logs: Mapping[str, str],
    recorded: WitnessState | None,
    cosigner: CosignatureSigner,
    timestamp: int,
) -> Cosigned:
    """Cosign the request's checkpoint, or raise WitnessRefused with the spec's status. ``logs`` maps each
    known origin (or ``<prefix>/*``, every origin under it) to its log's vkey; ``recorded`` is what the witness
    last cosigned for the origin."""
    checkpoint = requested_checkpoint(request)
    log_vkey = trusted_key_for(logs, checkpoint.origin)
    if log_vkey is None:
        raise WitnessRefused(404, f"unknown log origin {checkpoint.origin!r}")
    try:
        open_note(request.note, [VerifierKey.parse(log_vkey)])
    except (UnverifiedNoteError, BadSignatureError) as error:
        raise WitnessRefused(403, f"origin {checkpoint.origin!r}: {error}") from None
    _check_extends(request, checkpoint, recorded)
    return Cosigned(checkpoint, cosigner.cosign(checkpoint, timestamp))


def trusted_key_for(logs: Mapping[str, str], origin: str) -> str | None:
    """The vkey trusted for ``origin``: its own entry, else the longest ``<prefix>/*`` entry it falls under (a
    deployment has one log per source partition, and new partitions must not need a new entry each)."""
    if origin in logs:
        return logs[origin]
    covering = [pattern for pattern in logs if pattern.endswith("/*") and origin.startswith(pattern[:-1])]
    return logs[max(covering, key=len)] if covering else None


def _check_extends(request: AddCheckpointRequest, checkpoint: Checkpoint, recorded: WitnessState | None) -> None:
    origin, old, new = checkpoint.origin, request.old_size, checkpoint.size
    if old > new:
        raise WitnessRefused(400, f"origin {origin!r}: old size {old} is larger than the checkpoint's size {new}")
    recorded_size = recorded.size if recorded else 0
    if old != recorded_size:
        raise WitnessConflict(recorded_size, f"origin {origin!r}: old size {old}, but size {recorded_size} is cosigned")
    if new == 0 and checkpoint.root_hash != EMPTY_ROOT:
        raise WitnessRefused(422, f"origin {origin!r}: a checkpoint of size 0 must have the empty tree's root")
    if recorded is None or old == 0:
        if request.proof:
            raise WitnessRefused(422, f"origin {origin!r}: from old size 0 the consistency proof must be empty")
        return
    if old == new and checkpoint.root_hash != recorded.root_hash:
        raise WitnessRefused(
            422,
            f"fork: origin {origin!r} at size {new} was cosigned with root {encode_hash(recorded.root_hash)}, "
            f"this checkpoint has root {encode_hash(checkpoint.root_hash)}",
        )
    if not verify_consistency(old, new, recorded.root_hash, checkpoint.root_hash, request.proof):
        raise WitnessRefused(
            422, f"origin {origin!r}: consistency proof from size {old} to {new} does not verify (a fork?)"
        )
