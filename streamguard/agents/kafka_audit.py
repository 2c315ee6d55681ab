"""The audit chain heads of the source partitions this worker owns, kept where a crash cannot lose them.

Each source partition's events form one hash chain, all in one partition of the audit topic (key
``topic:partition``). The head (seq, hash and where the event landed) travels with the source offsets as
their metadata, committed in the same transaction as the events themselves: the committed head is exactly
the last committed event, so a new owner continues the chain from it. The head also carries the Merkle
frontier of the chain's event log (a few hashes), so the owner can sign checkpoints of the log without reading
its history. Only a partition without a usable committed head (new, its group offsets expired, or written by
an older version) has its audit partition read from the start: its events rebuild the head and the frontier,
as far as each matches its hash and links to the one before (``evidence.chain_recovery``). An event that does
not link (appended by someone with plain WRITE on the audit topic, or edited) is never continued from: the
problem is logged, and ``verify`` reports the same event.

A source partition this worker does not own has no head here, and sealing an event for it is refused: a chain
is only ever continued from its committed head, never restarted.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import zlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from pydantic import ValidationError

from streamguard.agents.kafka_readback import read_to_end
from streamguard.core.errors import EvidenceError
from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, chain_key, event_leaf
from streamguard.evidence.chain_recovery import LocatedEvent, recover_chain
from streamguard.evidence.merkle import MerkleFrontier

log = logging.getLogger(__name__)

SourcePartition = tuple[str, int]


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str
    audit_partition: int
    audit_offset: int
    log: tuple[str, ...] = ()  # the Merkle frontier of the chain's event log (size seq + 1), base64 nodes

    def frontier(self) -> MerkleFrontier:
        return MerkleFrontier(self.seq + 1, [base64.b64decode(node, validate=True) for node in self.log])

    def to_metadata(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_metadata(cls, metadata: str | None) -> ChainHead | None:
        """The committed head; None when there is none or it is unusable (then the audit topic is read)."""
        if not metadata:
            return None
        try:
            fields = json.loads(metadata)
            head = cls(**{**fields, "log": tuple(fields.get("log", ()))})
            head.frontier()  # a head without a consistent frontier (an older version's) is rebuilt from events
            return head
        except (ValueError, TypeError, binascii.Error):
            return None

    @classmethod
    def after(cls, event: AuditEvent, frontier: MerkleFrontier, audit_partition: int, audit_offset: int) -> ChainHead:
        """The head once ``event`` is appended: ``frontier`` (the log before it) gets its leaf."""
        grown = frontier.copy()
        grown.append(event_leaf(event))
        nodes = tuple(base64.b64encode(node).decode() for node in grown.nodes)
        return cls(event.seq, event.hash, audit_partition, audit_offset, nodes)


def audit_partition_of(source: SourcePartition, partitions: int) -> int:
    return zlib.crc32(chain_key(*source).encode()) % partitions


class AuditRecord(Protocol):
    """What chain recovery reads of an audit record (confluent-kafka's ``Message`` has these accessors)."""

    def key(self) -> bytes | None: ...
    def value(self) -> bytes | None: ...
    def offset(self) -> int | None: ...


# (audit partition, first offset) -> that partition's records from there to its current end
AuditReader = Callable[[int, int], Iterable[AuditRecord]]


def kafka_audit_reader(client_options: dict[str, Any], audit_topic: str) -> AuditReader:
    """Reads the audit topic on the broker (one short-lived consumer per recovery)."""
    return lambda partition, start: read_to_end(client_options, audit_topic, {partition: start})


class AuditChains:
    """Chain heads per owned source partition: recover on assignment, seal events, advance on delivery."""

    def __init__(self, audit_topic: str, audit_partitions: int, read_from: AuditReader) -> None:
        self.topic = audit_topic
        self.partitions = audit_partitions
        self._read_from = read_from
        self._heads: dict[SourcePartition, ChainHead | None] = {}

    def partition_of(self, source: SourcePartition) -> int:
        return audit_partition_of(source, self.partitions)

    def recover(self, source: SourcePartition, committed_metadata: str | None) -> None:
        head = ChainHead.from_metadata(committed_metadata)
        partition = self.partition_of(source)
        if head is None or head.audit_partition != partition:
            head = self._scan_forward(source, partition, 0, None)
        self._heads[source] = head

    def forget(self, source: SourcePartition) -> None:
        self._heads.pop(source, None)

    def owns(self, source: SourcePartition) -> bool:
        return source in self._heads

    def head(self, source: SourcePartition) -> ChainHead | None:
        return self._heads.get(source)

    def seal(self, source: SourcePartition, event: AuditEvent) -> AuditEvent:
        """``event`` placed after the partition's head; EvidenceError if this worker does not own it (its
        chain would restart at seq 0 beside the real one)."""
        if source not in self._heads:
            raise EvidenceError(f"no chain head for {chain_key(*source)}: the partition is not assigned here")
        head = self._heads[source]
        return event.sealed(head.seq + 1 if head else 0, head.hash if head else GENESIS_HASH)

    def head_of(self, source: SourcePartition, sealed: AuditEvent, audit_offset: int) -> ChainHead:
        """The head the chain will have once ``sealed`` (written at ``audit_offset``) is committed."""
        head = self._heads.get(source)
        frontier = head.frontier() if head else MerkleFrontier()
        return ChainHead.after(sealed, frontier, self.partition_of(source), audit_offset)

    def advance(self, source: SourcePartition, head: ChainHead) -> None:
        """The cycle that wrote ``head`` committed: the next event links to it."""
        self._heads[source] = head

    def _scan_forward(
        self, source: SourcePartition, partition: int, start: int, head: ChainHead | None
    ) -> ChainHead | None:
        key = chain_key(*source).encode()
        reads = []
        for record in self._read_from(partition, start):
            value, offset = record.value(), record.offset()
            if record.key() != key or value is None or offset is None:
                continue
            try:
                reads.append(LocatedEvent(AuditEvent.from_bytes(value), f"{self.topic}[{partition}]@{offset}"))
            except ValidationError:  # reported by verify; the chain continues from the last well-formed event
                log.error(
                    "malformed audit event for %s at %s[%d]@%d: skipped", key.decode(), self.topic, partition, offset
                )
        recovered = recover_chain(key.decode(), reads, [], sealed_only=False)
        for problem in recovered.problems:
            log.error("audit chain not adopted past a break: %s", problem)
        frontier = head.frontier() if head else MerkleFrontier()
        for event, where in zip(recovered.events, recovered.where, strict=True):
            head = ChainHead.after(event, frontier, partition, int(where.rsplit("@", 1)[1]))
            frontier.append(event_leaf(event))
        return head
