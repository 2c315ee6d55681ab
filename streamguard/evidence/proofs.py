"""Per-record proofs (pure): one audience's view of one raw record, provable offline with public keys only.

A proof chains three commitments an auditor can check without the broker or any secret:
the view record's bytes, salted, hash to a leaf of its audit event's view tree (RFC 9162 root ``merkle_root``
of ``outputs[audience]``); the event's content hashes to its ``hash``, whose leaf is included in the chain's
Merkle log at a checkpoint's size; and the checkpoint is signed by the log's key (and cosigned by the
witnesses the auditor trusts). The proof carries the view value itself, so it shows exactly what the
audience saw: hand it only to someone cleared for that audience's view. It also carries the salt of that
view's record digests in the event (``view_salt``), and no other: the event's other digests and roots, of
other audiences and of the input, stay salted with salts its holder never sees, so they are no oracle for
guessing what those audiences saw. The audit event carries counts, versions and digests, never a record value.

``record_proof`` assembles a proof from what the edge read (``streamguard.app.services.evidence.record_proofs``);
``evidence.proof_check.check_proof`` verifies one and lists every problem it finds.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, ValidationError

from streamguard.core.errors import ProofError
from streamguard.evidence.audit import AudienceOutput, AuditEvent
from streamguard.evidence.checkpoint import Checkpoint, CheckpointError
from streamguard.evidence.digests import EVIDENCE_SLOT, view_leaves
from streamguard.evidence.merkle import inclusion_proof, root_of
from streamguard.evidence.signed_note import NoteError, parse_note

PROOF_FORMAT = "streamguard-record-proof/v1"
HASH_BYTES = 32


def raw_position(topic: str, partition: int, offset: int) -> str:
    """How messages name a record: ``raw.customers[0]@42``."""
    return f"{topic}[{partition}]@{offset}"


class RecordProof(BaseModel):
    """What one audience saw of one raw record, and the path from it to a signed checkpoint."""

    model_config = ConfigDict(frozen=True)

    format: str = PROOF_FORMAT
    raw_topic: str
    raw_partition: int
    raw_offset: int
    audience: str
    view_topic: str
    view_partition: int
    view_offset: int
    view_value: str | None  # base64 of the view record's value; None for a tombstone
    view_salt: str | None = None  # base64 of the salt of the view's record digests; None: the event made none
    leaf_index: int  # the record's position in its event's view of the audience
    leaf_count: int
    view_path: list[str]  # hex, nearest sibling first, up to outputs[audience].merkle_root
    audit_event: str  # the audit event's JSON as the audit topic holds it
    event_index: int  # the event's seq: its leaf in the chain's log
    event_path: list[str]  # hex, up to the checkpoint's root at its size
    checkpoint: str  # the signed note, witness cosignature lines included

    @property
    def raw(self) -> str:
        return raw_position(self.raw_topic, self.raw_partition, self.raw_offset)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str) -> RecordProof:
        """A proof read from ``source`` (a file name, for the message); ProofError if it is not one."""
        try:
            return cls.model_validate_json(text)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "top level"
            raise ProofError(f"{source} is not a record proof ({where}: {first['msg']})") from None


@dataclass(frozen=True)
class ViewRecord:
    """A view record as read back: where it landed and its value (None for a tombstone)."""

    offset: int
    value: bytes | None


def record_proof(
    *,
    raw: tuple[str, int, int],
    audience: str,
    event: AuditEvent,
    event_json: str,
    views: Sequence[ViewRecord],
    position: int,
    log_leaves: Sequence[bytes],
    checkpoint_note: str,
    salt: bytes,
) -> RecordProof:
    """The proof of ``views[position]`` (the event's view records for ``audience``, in offset order) against
    ``event``, and of ``event`` against the signed checkpoint ``checkpoint_note`` of the chain's log
    (``log_leaves``: the chain's event leaves in seq order, at least as many as the checkpoint's size).
    ``salt`` is the salt of the audience's record digests in ``event`` (UNSALTED for an event made before
    salts); the proof carries it. Raises ProofError when what was read does not reproduce the event's or the
    checkpoint's commitments: such a proof could not verify."""
    output = audience_output(event, audience)
    values = [view.value for view in views]
    leaves = view_leaves(values, salt)
    if root_of(leaves).hex() != output.merkle_root:
        raise ProofError(
            f"the {len(views)} view records of event {event.event_id} in {output.topic}[{output.partition}] do not "
            f"reproduce its Merkle root for audience {audience} (with the salt of its evidence key "
            f"{event.key_ids.get(EVIDENCE_SLOT, 'none: unsalted')})"
        )
    checkpoint = _unverified_checkpoint(checkpoint_note)
    at = f"checkpoint {checkpoint.origin}@{checkpoint.size}"
    if not event.seq < checkpoint.size <= len(log_leaves):
        raise ProofError(f"{at} does not cover event seq {event.seq} with the {len(log_leaves)} events read")
    if root_of(log_leaves[: checkpoint.size]) != checkpoint.root_hash:
        raise ProofError(f"the chain's first {checkpoint.size} audit events do not reproduce the root of {at}")
    value = values[position]
    return RecordProof(
        raw_topic=raw[0],
        raw_partition=raw[1],
        raw_offset=raw[2],
        audience=audience,
        view_topic=output.topic,
        view_partition=output.partition,
        view_offset=views[position].offset,
        view_value=None if value is None else base64.b64encode(value).decode(),
        view_salt=base64.b64encode(salt).decode() if salt else None,
        leaf_index=position,
        leaf_count=len(leaves),
        view_path=[node.hex() for node in inclusion_proof(leaves, position)],
        audit_event=event_json,
        event_index=event.seq,
        event_path=[node.hex() for node in inclusion_proof(log_leaves[: checkpoint.size], event.seq)],
        checkpoint=checkpoint_note,
    )


def audience_output(event: AuditEvent, audience: str) -> AudienceOutput:
    """Where ``event`` put the audience's view; ProofError if it has none, or none with a Merkle root."""
    output = event.outputs.get(audience)
    if output is None:
        raise ProofError(
            f"audit event {event.event_id} has no view for audience {audience!r} (it has: {', '.join(event.outputs)})"
        )
    if not output.merkle_root:
        raise ProofError(f"audit event {event.event_id} predates view Merkle roots: its records cannot be proved")
    return output


def _unverified_checkpoint(note: str) -> Checkpoint:
    """The checkpoint a signed note carries, its signatures left to ``check_proof``."""
    try:
        return Checkpoint.parse(parse_note(note).text)
    except (NoteError, CheckpointError) as error:
        raise ProofError(f"checkpoint record: {error}") from None
