"""The audit event: what happened to a span of source offsets of one partition, sealed into a hash chain.

One event per source partition per processed batch. It names every source offset of the span exactly once,
as delivered, quarantined or a tombstone, and carries counts, versions and digests, never a value.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from streamguard.evidence.merkle import leaf_hash

GENESIS_HASH = "0" * 64
_ADDED_FIELDS = ("schema_drift", "key_ids", "operation")
RECORDS = "records"  # the data path's kind; every other kind records an operation (a purge, an approval...)
APPROVAL = "approval"  # a request's transition (requested, approved, executed, ...), in the control chain
ACCESS = "access"  # read evidence: groups' committed offsets that moved, with their principals and clients
ALERT = "alert"  # a monitoring rule's alert: rule, subject, severity, summary, at, key
DISCOVERED = "discovered"  # a discover run: the topic sampled, how many records, the fields proposed personal
POLICY = "policy"  # a policy version the server enforces from here on: its digest, text and change


class SourceSpan(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str
    partition: int
    first_offset: int
    last_offset: int


class AudienceOutput(BaseModel):
    """Where one audience's view of the span landed."""

    model_config = ConfigDict(frozen=True)

    topic: str
    partition: int
    first_offset: int | None
    last_offset: int | None
    count: int
    digest: str
    merkle_root: str = Field(default="", description="RFC 9162 root over the view's record digests, in order")


class Quarantined(BaseModel):
    model_config = ConfigDict(frozen=True)

    offset: int
    reason: str


class AuditEvent(BaseModel):
    """An audit event; ``seq``, ``prev_hash`` and ``hash`` chain it to its partition's previous event."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    kind: str = RECORDS
    recorded_at: str
    worker: str
    dataset: str | None
    source: SourceSpan
    identities: dict[str, int] = Field(default_factory=dict)
    schema_ids: list[int] = Field(default_factory=list)
    rule_version: int | None = None
    delivered: list[tuple[int, int]] = Field(default_factory=list, description="inclusive offset ranges")
    tombstones: list[int] = Field(default_factory=list)
    quarantined: list[Quarantined] = Field(default_factory=list)
    outputs: dict[str, AudienceOutput] = Field(default_factory=dict)
    input_digest: str
    action_counts: dict[str, int] = Field(default_factory=dict)
    entity_counts: dict[str, int] = Field(default_factory=dict)
    schema_drift: dict[str, list[str]] = Field(
        default_factory=dict, description="writer schema id -> its fields the rules were not validated with"
    )
    key_ids: dict[str, str] = Field(
        default_factory=dict, description="keyring slot -> the key id the span's tokens were made with"
    )
    operation: dict[str, Any] = Field(
        default_factory=dict, description="what an operation event did: its parameters and result, never a value"
    )
    seq: int = 0
    prev_hash: str = GENESIS_HASH
    hash: str = ""

    def accounted_offsets(self) -> list[int]:
        delivered = [offset for first, last in self.delivered for offset in range(first, last + 1)]
        return sorted([*delivered, *self.tombstones, *(q.offset for q in self.quarantined)])

    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON of every field but ``hash`` itself. Fields added after the first
        release are left out while empty, so the events written before them keep their hashes."""
        body: dict[str, Any] = self.model_dump(mode="json", exclude={"hash"})
        for added in _ADDED_FIELDS:
            if not body[added]:
                del body[added]
        for output in body["outputs"].values():
            if not output["merkle_root"]:
                del output["merkle_root"]
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()

    def sealed(self, seq: int, prev_hash: str) -> AuditEvent:
        """This event placed after ``prev_hash`` as number ``seq`` of its chain, with its own hash."""
        placed = self.model_copy(update={"seq": seq, "prev_hash": prev_hash, "hash": ""})
        return placed.model_copy(update={"hash": placed.content_hash()})

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> AuditEvent:
        return cls.model_validate_json(data)


def event_leaf(event: AuditEvent) -> bytes:
    """An audit event's leaf in its chain's Merkle log (RFC 9162): the leaf hash of its content hash."""
    return leaf_hash(bytes.fromhex(event.hash))


def offset_ranges(offsets: list[int]) -> list[tuple[int, int]]:
    """Ascending offsets as inclusive ranges: [3, 4, 5, 9] -> [(3, 5), (9, 9)]."""
    if offsets and offsets[-1] - offsets[0] == len(offsets) - 1:  # distinct and ascending: no gap (the usual)
        return [(offsets[0], offsets[-1])]
    ranges: list[tuple[int, int]] = []
    for offset in offsets:
        if ranges and ranges[-1][1] == offset - 1:
            ranges[-1] = (ranges[-1][0], offset)
        else:
            ranges.append((offset, offset))
    return ranges


def chain_key(topic: str, partition: int) -> str:
    """The audit topic key of a source partition: all of its events share one audit partition, in order."""
    return f"{topic}:{partition}"
