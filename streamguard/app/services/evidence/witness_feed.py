"""The evidence indexer's last step: each log's newest checkpoint taken to a witness to be cosigned.

``feed_witness`` submits every log's newest stored checkpoint that has no cosignature yet, with an RFC 9162
consistency proof (over the chain's stored events) from the size the witness last cosigned, kept in the
store as the cursor ``witness:<origin>``. A 409 names the size the witness holds: the submission is retried
once from there. The cosigned note is published on the checkpoints topic before the cosignature is stored,
so a crash in between leaves it on the topic for the next run to index.

A witness refusal other than 409 is evidence: the log showed the witness a history that does not extend
the one it cosigned. It is logged as an error naming the origin and sizes and reported in ``WitnessFeed``,
never retried. A checkpoint the store cannot prove consistent (events missing or forked) is not submitted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from streamguard.agents.checkpoints import checkpoint_record_key
from streamguard.app.services.evidence.witness import WitnessClient
from streamguard.core.errors import EvidenceError, UnprovableCheckpoint
from streamguard.evidence.chain import log_prefix
from streamguard.evidence.checkpoint import MAX_INT63
from streamguard.evidence.merkle import consistency_proof
from streamguard.evidence.sessions import chain_of_origin
from streamguard.evidence.signed_note import NoteSignature
from streamguard.evidence.witness_logic import WitnessConflict, WitnessRefused
from streamguard.store import EvidenceStore, StoredCheckpoint, StoredCosignature

log = logging.getLogger(__name__)

_COSIGNATURE_BYTES = 8 + 64  # tlog-cosignature: timestamp, then the Ed25519 signature


def witness_cursor(origin: str) -> str:
    return f"witness:{origin}"


class CheckpointPublisher(Protocol):
    """Where cosigned notes go: ``flush`` returns only once everything sent is acknowledged, or raises."""

    def send(self, topic: str, key: bytes, value: bytes, partition: int | None = None) -> None: ...

    def flush(self, what: str) -> None: ...


@dataclass
class WitnessFeed:
    """What one feed did: the cosignatures it stored, and the witness's refusals, each naming origin and sizes."""

    cosignatures_added: int = 0
    refusals: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Cosigned:
    checkpoint: StoredCheckpoint
    lines: list[str]


def feed_witness(
    store: EvidenceStore, witness: WitnessClient, publisher: CheckpointPublisher, topic_of: Callable[[str], str]
) -> WitnessFeed:
    """Cosign each log's newest checkpoint that has no cosignature; publish the cosigned note on the
    checkpoints topic (its cosigned key, beside the bare one) before storing, so a crash in between leaves
    the cosignature on the topic for the next run to store."""
    feed = WitnessFeed()
    newest: dict[str, StoredCheckpoint] = {}
    for checkpoint in store.checkpoints():  # by origin, then size: the last of each origin is its newest
        newest[checkpoint.origin] = checkpoint
    cosigned: list[_Cosigned] = []
    for checkpoint in newest.values():
        if _cosignatures_of(store, checkpoint):
            continue
        lines = _cosign(store, witness, checkpoint, feed)
        if lines:
            cosigned.append(_Cosigned(checkpoint, lines))
    for done in cosigned:
        _publish_cosigned(publisher, topic_of(done.checkpoint.origin), done.checkpoint, done.lines)
    publisher.flush(f"{len(cosigned)} cosigned checkpoints")
    for done in cosigned:
        for line in done.lines:
            signature = NoteSignature.parse(line.removesuffix("\n"), f"cosignature of {done.checkpoint.origin}")
            feed.cosignatures_added += store.add_cosignature(stored_cosignature(done.checkpoint, signature))
        store.set_cursor(witness_cursor(done.checkpoint.origin), str(done.checkpoint.size))
    return feed


def stored_cosignature(checkpoint: StoredCheckpoint, signature: NoteSignature) -> StoredCosignature:
    """A signature line on ``checkpoint``'s note as a cosignature to store, with the timestamp it claims."""
    stamp = int.from_bytes(signature.signature[:8], "big") if len(signature.signature) == _COSIGNATURE_BYTES else 0
    timestamp = stamp if stamp <= MAX_INT63 else 0  # a candidate only: verify checks it
    return StoredCosignature(
        checkpoint.origin, checkpoint.size, checkpoint.root_hex, signature.name, signature.line(), timestamp
    )


def _cosignatures_of(store: EvidenceStore, checkpoint: StoredCheckpoint) -> list[StoredCosignature]:
    cosignatures = store.cosignatures(checkpoint.origin, checkpoint.size)
    return [cosignature for cosignature in cosignatures if cosignature.root_hex == checkpoint.root_hex]


def _publish_cosigned(
    publisher: CheckpointPublisher, topic: str, checkpoint: StoredCheckpoint, lines: list[str]
) -> None:
    """The log's note with the cosignature lines appended, under the checkpoint's cosigned record key."""
    key = checkpoint_record_key(checkpoint.origin, checkpoint.size, cosigned=True)
    publisher.send(topic, key, (checkpoint.note + "".join(lines)).encode(), partition=0)


def _cosign(
    store: EvidenceStore, witness: WitnessClient, checkpoint: StoredCheckpoint, feed: WitnessFeed
) -> list[str] | None:
    """The witness's cosignature lines, from the size it last cosigned (retried once from the size it
    reports on 409); None, logged, if it refuses or the store cannot prove consistency."""
    origin, size = checkpoint.origin, checkpoint.size
    old_size = int(store.cursor(witness_cursor(origin)) or 0)  # tlog-witness: a new witness starts at 0
    try:
        try:
            return witness.add_checkpoint(old_size, _proof(store, origin, old_size, size), checkpoint.note)
        except WitnessConflict as conflict:
            if conflict.recorded_size > size:
                ahead = conflict.recorded_size
                log.warning(
                    "witness has cosigned %s up to size %d, beyond the store's newest (%d)", origin, ahead, size
                )
                return None
            old_size = conflict.recorded_size
        return witness.add_checkpoint(old_size, _proof(store, origin, old_size, size), checkpoint.note)
    except WitnessRefused as refusal:
        message = f"witness refused {origin} from size {old_size} to size {size}: {refusal}"
        log.error("%s", message)
        feed.refusals.append(message)
    except UnprovableCheckpoint as error:
        log.error("not submitted to the witness: %s", error)
    return None


def _proof(store: EvidenceStore, origin: str, old_size: int, size: int) -> list[bytes]:
    """RFC 9162 consistency proof from ``old_size`` to ``size``, over the chain's events in seq order."""
    if old_size == 0 or old_size >= size:
        return []  # from 0 the proof is empty; a larger old size is the witness's to refuse
    return consistency_proof(_leaves(store, origin, size), old_size)


def _leaves(store: EvidenceStore, origin: str, size: int) -> list[bytes]:
    chain = chain_of_origin(origin)
    try:
        return log_prefix(store.events(chain=chain), size)
    except EvidenceError as error:
        raise UnprovableCheckpoint(f"{origin}: the store's events of {chain}: {error}") from None
