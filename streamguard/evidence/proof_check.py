"""Checking a record proof offline (pure): every commitment it chains, with public keys only, each problem
listed (``evidence.proofs`` says what a proof holds)."""

from __future__ import annotations

import base64
import binascii

from pydantic import ValidationError

from streamguard.evidence.audit import AudienceOutput, AuditEvent, chain_key
from streamguard.evidence.checkpoint import Checkpoint, CheckpointError, verify_cosignature
from streamguard.evidence.digests import EVIDENCE_SLOT, SALT_BYTES, UNSALTED, record_digest
from streamguard.evidence.merkle import leaf_hash, verify_inclusion
from streamguard.evidence.proofs import HASH_BYTES, PROOF_FORMAT, RecordProof
from streamguard.evidence.signed_note import NoteError, OpenedNote, VerifierKey, open_note


def check_proof(
    proof: RecordProof, *, log_keys: list[str], witness_keys: list[str], require_witness: bool
) -> list[str]:
    """Every problem with ``proof``; an empty list means it is valid for the log and witness keys trusted."""
    if proof.format != PROOF_FORMAT:
        return [f"proof format {proof.format!r} is not {PROOF_FORMAT!r}"]
    try:
        event = AuditEvent.from_bytes(proof.audit_event.encode())
    except ValidationError as error:
        return [f"the proof's audit event does not parse ({error.errors()[0]['msg']})"]
    unwitnessed = ["a witness cosignature is required but no witness key was given"]
    return [
        *_event_problems(proof, event),
        *_view_problems(proof, event),
        *_log_problems(proof, event, log_keys, witness_keys, require_witness),
        *(unwitnessed if require_witness and not witness_keys else []),
    ]


def _event_problems(proof: RecordProof, event: AuditEvent) -> list[str]:
    problems = []
    if event.content_hash() != event.hash:
        problems.append(
            f"audit event {event.event_id}: its content hashes to {event.content_hash()}, not to its recorded hash "
            f"{event.hash}: the event was altered"
        )
    if (event.source.topic, event.source.partition) != (proof.raw_topic, proof.raw_partition):
        problems.append(
            f"audit event {event.event_id} is about {event.source.topic}[{event.source.partition}], not "
            f"{proof.raw_topic}[{proof.raw_partition}]"
        )
    delivered = any(first <= proof.raw_offset <= last for first, last in event.delivered)
    tombstone = proof.raw_offset in event.tombstones
    if not delivered and not tombstone:
        problems.append(f"{proof.raw} is neither delivered nor a tombstone in audit event {event.event_id}")
    elif tombstone and proof.view_value is not None:
        problems.append(f"{proof.raw} is a tombstone in audit event {event.event_id}, but the proof has a view value")
    elif delivered and proof.view_value is None:
        problems.append(
            f"{proof.raw} is delivered in audit event {event.event_id}, but the proof's view is a tombstone"
        )
    else:
        problems += _rank_problems(proof, event)
    return problems


def _rank_problems(proof: RecordProof, event: AuditEvent) -> list[str]:
    """Each view lists the event's delivered records and tombstones in source offset order, so the record's
    leaf is its rank among them: this binds the view leaf to the raw offset."""
    sent = sorted([*(o for first, last in event.delivered for o in range(first, last + 1)), *event.tombstones])
    rank = sent.index(proof.raw_offset)
    if proof.leaf_index != rank:
        return [
            f"leaf index {proof.leaf_index} is not the place of {proof.raw} in audit event {event.event_id}'s views "
            f"(leaf {rank})"
        ]
    return []


def _view_problems(proof: RecordProof, event: AuditEvent) -> list[str]:
    output = event.outputs.get(proof.audience)
    if output is None:
        return [f"audit event {event.event_id} has no view for audience {proof.audience!r}"]
    view = f"{proof.view_topic}[{proof.view_partition}]@{proof.view_offset}"
    problems = []
    if (output.topic, output.partition) != (proof.view_topic, proof.view_partition):
        problems.append(
            f"view {view} is not where audit event {event.event_id} put audience {proof.audience}'s view "
            f"({output.topic}[{output.partition}])"
        )
    first, last = output.first_offset, output.last_offset
    if first is None or last is None or not first <= proof.view_offset <= last:
        problems.append(
            f"view offset {proof.view_offset} is outside audit event {event.event_id}'s view offsets "
            f"{output.first_offset}..{output.last_offset} for audience {proof.audience}"
        )
    if proof.leaf_count != output.count:
        problems.append(
            f"the proof counts {proof.leaf_count} view records, audit event {event.event_id} counts {output.count} "
            f"for audience {proof.audience}"
        )
    return [*problems, *_view_inclusion_problems(proof, event, output, view)]


def _view_inclusion_problems(proof: RecordProof, event: AuditEvent, output: AudienceOutput, view: str) -> list[str]:
    problems: list[str] = []
    salt = _view_salt(proof, event, problems)
    leaf = None if salt is None else _view_leaf(proof, salt, problems)
    path = _hex_nodes(proof.view_path, "view path", problems)
    root = _hex_hash(output.merkle_root, f"audit event {event.event_id}'s Merkle root for {proof.audience}", problems)
    if leaf is None or path is None or root is None:
        return problems
    if not verify_inclusion(leaf, proof.leaf_index, proof.leaf_count, path, root):
        problems.append(
            f"view record {view} (leaf {proof.leaf_index} of {proof.leaf_count}) is not included in the Merkle "
            f"root of audience {proof.audience} in audit event {event.event_id}: the view value, its salt, the "
            f"leaf position or the view path was altered"
        )
    return problems


def _view_salt(proof: RecordProof, event: AuditEvent, problems: list[str]) -> bytes | None:
    """The salt of the view's record digests the proof carries, as the event's digests call for: 32 bytes if
    the event records an evidence key, none if it was made before salted digests; None (and a problem) if not."""
    key_id = event.key_ids.get(EVIDENCE_SLOT)
    if key_id is None:
        if proof.view_salt is not None:
            problems.append(
                f"audit event {event.event_id} records no evidence key (its digests are unsalted), but the proof "
                f"carries a view salt"
            )
            return None
        return UNSALTED
    if proof.view_salt is None:
        problems.append(
            f"the proof carries no view salt: audit event {event.event_id} salted audience {proof.audience}'s "
            f"record digests (evidence key {key_id}), so its view record cannot be checked without it"
        )
        return None
    try:
        salt = base64.b64decode(proof.view_salt, validate=True)
    except (binascii.Error, ValueError):
        problems.append("the proof's view salt is not base64")
        return None
    if len(salt) != SALT_BYTES:
        problems.append(f"the proof's view salt is {len(salt)} bytes, not {SALT_BYTES}")
        return None
    return salt


def _view_leaf(proof: RecordProof, salt: bytes, problems: list[str]) -> bytes | None:
    """The view record's leaf in its event's view tree (a tombstone has one too); None if it is not base64."""
    if proof.view_value is None:
        return leaf_hash(record_digest(None, salt))
    try:
        return leaf_hash(record_digest(base64.b64decode(proof.view_value, validate=True), salt))
    except (binascii.Error, ValueError):
        problems.append("the proof's view value is not base64")
        return None


def _hex_nodes(nodes: list[str], what: str, problems: list[str]) -> list[bytes] | None:
    decoded = []
    for number, node in enumerate(nodes):
        raw = _hex_hash(node, f"{what} node {number}", problems)
        if raw is None:
            return None
        decoded.append(raw)
    return decoded


def _hex_hash(text: str, what: str, problems: list[str]) -> bytes | None:
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        problems.append(f"{what} is not hex")
        return None
    if len(raw) != HASH_BYTES:
        problems.append(f"{what} is {len(raw)} bytes, not {HASH_BYTES}")
        return None
    return raw


def _log_problems(
    proof: RecordProof, event: AuditEvent, log_keys: list[str], witness_keys: list[str], require_witness: bool
) -> list[str]:
    problems: list[str] = []
    opened = _open_checkpoint(proof.checkpoint, log_keys, problems)
    if opened is None:
        return problems
    note, checkpoint = opened
    chain = chain_key(event.source.topic, event.source.partition)
    expected_origins = [f"{name}/{chain}" for name in note.verified_by]
    if checkpoint.origin not in expected_origins:
        problems.append(f"checkpoint origin {checkpoint.origin!r} is not the log of {chain} ({expected_origins[0]!r})")
    problems += _event_inclusion_problems(proof, event, checkpoint)
    problems += _witness_problems(note, checkpoint, witness_keys, require_witness)
    return problems


def _event_inclusion_problems(proof: RecordProof, event: AuditEvent, checkpoint: Checkpoint) -> list[str]:
    at = f"checkpoint {checkpoint.origin}@{checkpoint.size}"
    if proof.event_index != event.seq:
        return [f"the proof places audit event {event.event_id} at index {proof.event_index}, its seq is {event.seq}"]
    if event.seq >= checkpoint.size:
        return [f"{at} does not cover audit event seq {event.seq}"]
    problems: list[str] = []
    event_hash = _hex_hash(event.hash, f"audit event {event.event_id}'s hash", problems)
    path = _hex_nodes(proof.event_path, "event path", problems)
    if event_hash is None or path is None:
        return problems
    if not verify_inclusion(leaf_hash(event_hash), event.seq, checkpoint.size, path, checkpoint.root_hash):
        problems.append(
            f"audit event {event.event_id} (seq {event.seq}) is not included in {at}: the event or the event path "
            f"was altered"
        )
    return problems


def _open_checkpoint(note: str, log_keys: list[str], problems: list[str]) -> tuple[OpenedNote, Checkpoint] | None:
    if not log_keys:
        problems.append("no trusted log key given: the checkpoint's signature cannot be checked")
        return None
    keys = []
    for vkey in log_keys:
        try:
            keys.append(VerifierKey.parse(vkey))
        except NoteError as error:
            problems.append(f"log key {vkey.split('+', 1)[0]!r}: {error}")
    if not keys:
        return None
    try:
        opened = open_note(note, keys)
        return opened, Checkpoint.parse(opened.text)
    except NoteError as error:
        labels = ", ".join(key.label for key in keys)
        problems.append(f"checkpoint is not signed by a trusted log key ({labels}): {error}")
    except CheckpointError as error:
        problems.append(f"checkpoint: {error}")
    return None


def _witness_problems(
    note: OpenedNote, checkpoint: Checkpoint, witness_keys: list[str], require_witness: bool
) -> list[str]:
    problems = []
    for vkey in witness_keys:
        try:
            key = VerifierKey.parse(vkey)
        except NoteError as error:
            problems.append(f"witness key {vkey.split('+', 1)[0]!r}: {error}")
            continue
        lines = [line for line in note.other_signatures if (line.name, line.key_id) == (key.name, key.key_id)]
        if not lines and require_witness:
            problems.append(f"checkpoint {checkpoint.origin}@{checkpoint.size} carries no cosignature by {key.label}")
        for line in lines:
            try:
                verify_cosignature(vkey, checkpoint, line.line())
            except (NoteError, CheckpointError) as error:
                problems.append(f"checkpoint {checkpoint.origin}@{checkpoint.size}: {error}")
    return problems
