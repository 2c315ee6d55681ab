"""When to sign a checkpoint of a chain's event log, and the signed note itself (pure: the edge publishes it).

Each source partition's audit events form one Merkle log (leaves: the events' hashes in seq order), named
``<log origin>/<topic>:<partition>``. One log per chain rather than one per audit partition: a chain has a
single writer at a time (the partition's owner, fenced by the group's transactions), so its log has one
sequencer and its order is the events' own ``seq``, content rather than placement; a copy of the audit topic
with other offsets yields the same trees. The owner signs a C2SP checkpoint of its chains' logs every
``every_events`` events, or ``every_s`` seconds after the first event not covered yet, inside the transaction
that commits the events it covers, and once more before it gives a partition up.
"""

from __future__ import annotations

from dataclasses import dataclass

from streamguard.agents.kafka_audit import ChainHead, SourcePartition
from streamguard.core.errors import KeyringError
from streamguard.evidence.audit import chain_key
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.signed_note import NoteSigner
from streamguard.masking.keys import Keyring

DATA_SIGNING_SLOT = "sign"  # the data chains' checkpoints: the workers hold it
CONTROL_SIGNING_SLOT = "control"  # the control chain's checkpoints: only the server holds it


@dataclass(frozen=True)
class CheckpointPolicy:
    every_events: int = 1000
    every_s: float = 10.0


@dataclass(frozen=True)
class SignedCheckpoint:
    source: SourcePartition
    checkpoint: Checkpoint
    note: str

    @property
    def record_key(self) -> bytes:
        return checkpoint_record_key(self.checkpoint.origin, self.checkpoint.size)


def checkpoint_record_key(origin: str, size: int, *, cosigned: bool = False) -> bytes:
    """The compacted topic keeps one record per checkpoint, and one more for it with its cosignatures: a
    worker that signs a chain's checkpoint again after a restart replaces its own bare record, never the
    cosigned one, and an indexer publishing new cosignatures replaces the older cosigned one."""
    return f"{origin}@{size}{'+cosigned' if cosigned else ''}".encode()


def log_signer(keyring: Keyring, name: str) -> NoteSigner:
    """The data chains' Ed25519 key: derived from the keyring's active ``sign`` key, which serves no other
    slot (holding the masking key must not let anyone sign a history). Every worker of a deployment signs with
    the same key, and a rotation shows as a new key id."""
    return _signer(keyring, name, DATA_SIGNING_SLOT, signing_key_id(keyring, DATA_SIGNING_SLOT))


def control_signer(keyring: Keyring, name: str) -> NoteSigner:
    """The control chain's Ed25519 key, from the ``control`` slot, which only the server's keyring holds: a
    worker's keys sign no control history. It signs under the same note name as the data chains (a log's
    origin prefix); its key id tells it apart, and verify trusts it for the control chain's origin alone."""
    return _signer(keyring, name, CONTROL_SIGNING_SLOT, signing_key_id(keyring, CONTROL_SIGNING_SLOT))


def log_verifier_keys(keyring: Keyring, name: str, slot: str = DATA_SIGNING_SLOT) -> list[str]:
    """The verifier key of every key ``slot`` has had active (its history, then the active one): checkpoints
    signed before a rotation stay verifiable, and no other slot's key is ever trusted to sign."""
    return [str(_signer(keyring, name, slot, key_id).verifier_key) for key_id in keyring.served(slot)]


def signing_key_id(keyring: Keyring, slot: str) -> str:
    """The active key id of a signing slot; KeyringError if there is none or another slot uses it too."""
    key_id = keyring.active.get(slot)
    if key_id is None:
        raise KeyringError(
            f"the keyring has no active {slot!r} key: checkpoints are signed with a key of their own, never one "
            f"derived from the masking key (add one with `streamguard keys rotate --slot {slot}`)"
        )
    shared = sorted(other for other, other_id in keyring.active.items() if other != slot and other_id == key_id)
    if shared:
        raise KeyringError(
            f"the keyring's {slot!r} key {key_id!r} is also its {', '.join(shared)} key: a signing key serves "
            f"nothing else (`streamguard keys rotate --slot {slot}` gives it its own)"
        )
    return key_id


def _signer(keyring: Keyring, name: str, slot: str, key_id: str) -> NoteSigner:
    purpose = "control-chain" if slot == CONTROL_SIGNING_SLOT else "checkpoints"
    return NoteSigner(name, keyring.derive("sign", purpose, key_id=key_id))


def log_origin(prefix: str, source: SourcePartition) -> str:
    return f"{prefix}/{chain_key(*source)}"


class LogCheckpoints:
    """Tracks, per owned chain, the last checkpointed size and when the first uncovered event came."""

    def __init__(self, signer: NoteSigner, origin_prefix: str, policy: CheckpointPolicy) -> None:
        self.signer = signer
        self.origin_prefix = origin_prefix
        self.policy = policy
        self._signed: dict[SourcePartition, int] = {}  # chain -> size of its last published checkpoint
        self._uncovered_since: dict[SourcePartition, float] = {}

    def due(
        self, heads: dict[SourcePartition, ChainHead], now: float, *, force: bool = False
    ) -> list[SignedCheckpoint]:
        """Checkpoints to publish for these heads (each the chain's newest), by count, age or ``force``."""
        found = []
        for source, head in heads.items():
            size = head.seq + 1
            last = self._signed.get(source)
            if last is not None and last >= size:
                continue
            since = self._uncovered_since.setdefault(source, now)
            old = now - since >= self.policy.every_s
            if force or last is None or size - last >= self.policy.every_events or old:
                checkpoint = Checkpoint(log_origin(self.origin_prefix, source), size, head.frontier().root())
                found.append(SignedCheckpoint(source, checkpoint, sign_checkpoint(checkpoint, self.signer)))
        return found

    def published(self, checkpoints: list[SignedCheckpoint]) -> None:
        """Their transaction committed."""
        for signed in checkpoints:
            self._signed[signed.source] = signed.checkpoint.size
            self._uncovered_since.pop(signed.source, None)

    def forget(self, source: SourcePartition) -> None:
        self._signed.pop(source, None)
        self._uncovered_since.pop(source, None)
