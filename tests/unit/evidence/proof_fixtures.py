"""A synthetic chain, its signed and cosigned checkpoint, and the proof of one of its views built by hand from the
spec: what the proof tests build on."""

from __future__ import annotations

import base64
from collections.abc import Callable

from streamguard.evidence.audit import GENESIS_HASH, AudienceOutput, AuditEvent, Quarantined, SourceSpan, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, CosignatureSigner, sign_checkpoint
from streamguard.evidence.digests import INPUT, batch_digest, digest_salt, view_digests, view_leaves
from streamguard.evidence.merkle import inclusion_proof, root_of
from streamguard.evidence.proof_check import check_proof
from streamguard.evidence.proofs import RecordProof, ViewRecord, record_proof
from streamguard.evidence.signed_note import NoteSigner

LOG_NAME = "streamguard.test/audit"
ORIGIN = f"{LOG_NAME}/raw.customers:0"
LOG = NoteSigner(LOG_NAME, bytes(range(32)))
WITNESS = CosignatureSigner("witness.test/w1", bytes(range(1, 33)))
NOW = 1_767_225_600
# Event seq 2 delivers raw offsets 40..44, quarantines 45 and propagates the tombstone at 46.
VIEWS = [b'{"id":"C1","email":"h:1a2b"}', b'{"id":"C2"}', b'{"id":"C3"}', b'{"id":"C4"}', b'{"id":"C5"}', None]
VIEW_FIRST = 100  # where the analytics view of event 2 landed
EVIDENCE_SUBKEY = bytes(range(2, 34))  # what the worker derives from its evidence key k2


def _salt(first: int, output: str) -> bytes:
    return digest_salt(EVIDENCE_SUBKEY, "raw.customers", 0, first, output)


SALT = _salt(40, "analytics")  # event 2's analytics salt: the one a proof of its analytics view reveals


def _output(audience: str, values: list[bytes | None], first: int) -> AudienceOutput:
    digest, root = view_digests(values, _salt(first, audience))
    topic = f"governed.customers.{audience}"
    return AudienceOutput(
        topic=topic,
        partition=0,
        first_offset=VIEW_FIRST,
        last_offset=VIEW_FIRST + len(values) - 1,
        count=len(values),
        digest=digest,
        merkle_root=root,
    )


def _event(seq: int) -> AuditEvent:
    first = seq * 20
    return AuditEvent(
        event_id=f"event-{seq}",
        recorded_at="2026-01-01T00:00:00.000+00:00",
        worker="worker-1",
        dataset="customers",
        source=SourceSpan(topic="raw.customers", partition=0, first_offset=first, last_offset=first + 6),
        rule_version=1,
        delivered=[(first, first + 4)],
        quarantined=[Quarantined(offset=first + 5, reason="oversize")],
        tombstones=[first + 6],
        outputs={"analytics": _output("analytics", VIEWS, first), "support": _output("support", [b"s"] * 6, first)},
        input_digest=batch_digest([b"raw"] * 7, _salt(first, INPUT)),
        key_ids={"mask": "k1", "encrypt": "k1", "evidence": "k2"},
    )


def _chain(count: int = 5) -> list[AuditEvent]:
    events, head = [], GENESIS_HASH
    for seq in range(count):
        events.append(_event(seq).sealed(seq, head))
        head = events[-1].hash
    return events


CHAIN = _chain()
TARGET = CHAIN[2]
LOG_LEAVES = [event_leaf(event) for event in CHAIN]
CHECKPOINT = Checkpoint(ORIGIN, 4, root_of(LOG_LEAVES[:4]))
NOTE = sign_checkpoint(CHECKPOINT, LOG) + WITNESS.cosign(CHECKPOINT, NOW)


def _by_hand(position: int = 1) -> RecordProof:
    """The proof of the analytics view of raw offset 40 + position, assembled from the spec, not from code."""
    view_tree = view_leaves(VIEWS, SALT)
    value = VIEWS[position]
    return RecordProof(
        raw_topic="raw.customers",
        raw_partition=0,
        raw_offset=40 + position + (1 if value is None else 0),  # the tombstone is at 46, after the quarantined 45
        audience="analytics",
        view_topic="governed.customers.analytics",
        view_partition=0,
        view_offset=VIEW_FIRST + position,
        view_value=None if value is None else base64.b64encode(value).decode(),
        view_salt=base64.b64encode(SALT).decode(),
        leaf_index=position,
        leaf_count=len(VIEWS),
        view_path=[node.hex() for node in inclusion_proof(view_tree, position)],
        audit_event=TARGET.model_dump_json(),
        event_index=TARGET.seq,
        event_path=[node.hex() for node in inclusion_proof(LOG_LEAVES[:4], TARGET.seq)],
        checkpoint=NOTE,
    )


def _assembled(
    views: list[bytes | None] = VIEWS,
    *,
    event: AuditEvent = TARGET,
    log_leaves: list[bytes] = LOG_LEAVES,
    note: str = NOTE,
    salt: bytes = SALT,
) -> RecordProof:
    """The proof of raw offset 41's analytics view as the server assembles it from ``views`` (what it read
    back from the view topic) and the chain."""
    return record_proof(
        raw=("raw.customers", 0, 41),
        audience="analytics",
        event=event,
        event_json=event.model_dump_json(),
        views=[ViewRecord(VIEW_FIRST + n, value) for n, value in enumerate(views)],
        position=1,
        log_leaves=log_leaves,
        checkpoint_note=note,
        salt=salt,
    )


def _problems(proof: RecordProof, *, require_witness: bool = True, log_keys: list[str] | None = None) -> list[str]:
    keys = [str(LOG.verifier_key)] if log_keys is None else log_keys
    return check_proof(proof, log_keys=keys, witness_keys=[WITNESS.vkey], require_witness=require_witness)


def _flip_char(text: str, index: int) -> str:
    """``text`` with the character at ``index`` changed to another one of the same kind."""
    old = text[index]
    new = old
    if old.isdigit():
        new = str((int(old) + 1) % 10)
    elif old.isalpha():  # another letter of the same case: hex stays hex, base64 stays base64
        first = "a" if old.islower() else "A"
        new = chr(ord(first) + 1) if old == first else first
    assert new != old
    return text[:index] + new + text[index + 1 :]


def _with_view(proof: RecordProof, change: Callable[[bytearray], None]) -> RecordProof:
    assert proof.view_value is not None
    value = bytearray(base64.b64decode(proof.view_value))
    change(value)
    return proof.model_copy(update={"view_value": base64.b64encode(bytes(value)).decode()})
