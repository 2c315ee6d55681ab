"""The data path's contracts, no logic: what a batch is made of on the way in (``SourceMessage``) and what
``DatasetProcessor`` hands back to the Kafka edge (``ProcessedBatch``: the governed views column-wise, the
quarantined records, the audit event)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from streamguard.core.rule_sets import RuleSetRecord
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.header import EvidenceStamp
from streamguard.masking.writer_schemas import WriterSchema

Headers = list[tuple[str, bytes]]


class SourceMessage(Protocol):
    """What the processor reads of a consumed record: the accessors of confluent-kafka's ``Message``, which
    the data path hands in as they come (no copy per record), or of a ``SourceRecord`` built by hand."""

    def topic(self) -> str | None: ...
    def partition(self) -> int | None: ...
    def offset(self) -> int | None: ...
    def key(self) -> bytes | None: ...
    def value(self) -> bytes | None: ...
    def headers(self) -> Headers | None: ...
    def timestamp(self) -> tuple[int, int]: ...


class SourceRecord:
    """A ``SourceMessage`` made by hand (tests, the Faust per-event bench)."""

    __slots__ = ("_headers", "_key", "_offset", "_partition", "_timestamp_ms", "_topic", "_value")

    def __init__(
        self,
        topic: str,
        partition: int,
        offset: int,
        key: bytes | None,
        value: bytes | None,
        headers: Headers,
        timestamp_ms: int,
    ) -> None:
        self._topic, self._partition, self._offset = topic, partition, offset
        self._key, self._value, self._headers, self._timestamp_ms = key, value, headers, timestamp_ms

    def topic(self) -> str:
        return self._topic

    def partition(self) -> int:
        return self._partition

    def offset(self) -> int:
        return self._offset

    def key(self) -> bytes | None:
        return self._key

    def value(self) -> bytes | None:
        return self._value

    def headers(self) -> Headers:
        return self._headers

    def timestamp(self) -> tuple[int, int]:
        return 1, self._timestamp_ms  # (TIMESTAMP_CREATE_TIME, ms), as confluent-kafka reports it


@dataclass(frozen=True, slots=True)
class Outbound:
    """A quarantined raw record to produce, with its reason and evidence headers."""

    topic: str
    partition: int
    key: bytes | None
    value: bytes | None
    headers: Headers
    source_offset: int
    timestamp_ms: int


@dataclass
class GovernedBatch:
    """Every audience's view of the records a batch delivers, column-wise. All views carry the same source
    records (delivered and tombstones), so evidence headers, event times and source offsets are shared; each
    audience has its own values and keys, in the same order, for its own topic (audiences whose key passes
    share one list of source keys). The evidence header of each record is its stamp and its source offset."""

    partition: int
    topics: dict[str, str]
    values: dict[str, list[bytes | None]]
    stamp: EvidenceStamp
    keys: dict[str, list[bytes | None]] = field(default_factory=dict)
    timestamps: list[int] = field(default_factory=list)
    source_offsets: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.source_offsets)

    @cached_property
    def headers(self) -> list[Headers]:
        """Each record's headers as ``produce`` takes them: built only where records are produced one by one
        (the native producer writes the header from the stamp)."""
        return [self.stamp.headers(offset) for offset in self.source_offsets]


@dataclass
class ProcessedBatch:
    """What to send for one batch; ``event`` still lacks output offsets and its place in the chain."""

    governed: GovernedBatch
    quarantine: list[Outbound]
    event: AuditEvent


class SchemaSource(Protocol):
    """Writer schemas by registry id (the edge wraps the schema registry client and caches): None for an id
    the registry does not know, ``SchemaRegistryUnavailable`` when it does not answer."""

    def writer_schema(self, schema_id: int) -> WriterSchema | None: ...


class SchemaCatalogPort(SchemaSource, Protocol):
    """The registry as the worker uses it: look-ups, plus registering the rule history on ``mock://``."""

    def register(self, records: Iterable[RuleSetRecord]) -> None: ...
