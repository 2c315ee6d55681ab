"""The audit chain heads of the source partitions this worker owns, kept where a crash cannot lose them.

Each source partition's events form one hash chain, all in one partition of the audit topic (key
``topic:partition``). The head (seq, hash and where the event landed) travels with the source offsets as
their metadata, committed in the same transaction as the events themselves: the committed head is exactly
the last committed event, so a new owner continues the chain from it. Only a partition without a committed
head (new, or its group offsets expired) has its audit partition read from the start for its last event.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from streamguard.agents.kafka_readback import read_to_end
from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, chain_key

SourcePartition = tuple[str, int]


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str
    audit_partition: int
    audit_offset: int

    def to_metadata(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_metadata(cls, metadata: str | None) -> ChainHead | None:
        if not metadata:
            return None
        try:
            return cls(**json.loads(metadata))
        except (ValueError, TypeError):
            return None


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

    def seal(self, source: SourcePartition, event: AuditEvent) -> AuditEvent:
        head = self._heads.get(source)
        return event.sealed(head.seq + 1 if head else 0, head.hash if head else GENESIS_HASH)

    def head_of(self, source: SourcePartition, sealed: AuditEvent, audit_offset: int) -> ChainHead:
        """The head the chain will have once ``sealed`` (written at ``audit_offset``) is committed."""
        return ChainHead(sealed.seq, sealed.hash, self.partition_of(source), audit_offset)

    def advance(self, source: SourcePartition, head: ChainHead) -> None:
        """The cycle that wrote ``head`` committed: the next event links to it."""
        self._heads[source] = head

    def _scan_forward(
        self, source: SourcePartition, partition: int, start: int, head: ChainHead | None
    ) -> ChainHead | None:
        key = chain_key(*source).encode()
        for record in self._read_from(partition, start):
            value, offset = record.value(), record.offset()
            if record.key() == key and value is not None and offset is not None:
                event = AuditEvent.from_bytes(value)
                head = ChainHead(event.seq, event.hash, partition, offset)
        return head
