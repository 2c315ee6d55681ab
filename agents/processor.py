"""The data path's pure core: one source partition's batch in; governed views, quarantine, audit event out.

No Kafka here: the edge hands in ``SourceRecord``s and a ``SchemaSource``, sends what comes back, fills in the
offsets the broker assigned, seals the audit event into its chain, and only then commits. Every source offset
of the batch ends up in exactly one of: delivered (to every audience's view), tombstone (propagated to every
view), or quarantined (with a reason code, never a value).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from agents.codec import AvroCodec, DecodeError, decode_json, encode_json, frame_wire_format, split_wire_format
from agents.identity import verify_signed_identity
from app.errors import StreamguardError
from app.kafka_config import TopicNames
from evidence.audit import AudienceOutput, AuditEvent, Quarantined, SourceSpan, offset_ranges
from evidence.digests import batch_digest
from masking.detection import TextScanner
from masking.keys import Keyring
from masking.plan import DatasetMasker
from masking.rules import Rules

RULE_VERSION_HEADER = "streamguard-rule-version"
SOURCE_HEADER = "streamguard-source"
AUDIT_EVENT_HEADER = "streamguard-audit-event"
REASON_HEADER = "streamguard-reason"
DATASET_HEADER = "streamguard-dataset"

Headers = list[tuple[str, bytes]]


@dataclass(frozen=True, slots=True)
class SourceRecord:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Headers
    timestamp_ms: int


@dataclass(frozen=True, slots=True)
class Outbound:
    """A record to produce: a governed view, or a quarantined raw record."""

    topic: str
    partition: int
    key: bytes | None
    value: bytes | None
    headers: Headers
    source_offset: int
    timestamp_ms: int  # the source record's: views keep the event time of what they show


@dataclass
class ProcessedBatch:
    """What to send for one batch; ``event`` still lacks output offsets and its place in the chain."""

    governed: dict[str, list[Outbound]]
    quarantine: list[Outbound]
    event: AuditEvent


class SchemaSource(Protocol):
    """Writer schemas by registry id (the edge wraps the schema registry client and caches)."""

    def writer_schema(self, schema_id: int) -> dict[str, Any] | None: ...


# Records of a batch that decoded, by writer schema id (-1: JSON), each with its position in the batch.
Decoded = dict[int, list[tuple[int, dict[str, Any]]]]


class DatasetProcessor:
    """Turns batches of one dataset's raw records into governed outputs, for one rules version."""

    def __init__(
        self,
        rules: Rules,
        rule_version: int,
        keyring: Keyring,
        names: TopicNames,
        schemas: SchemaSource,
        scanner: TextScanner | None,
        worker_id: str,
        producer_key: Callable[[str], bytes | None] = lambda _identity: None,
    ) -> None:
        self.rules = rules
        self.rule_version = rule_version
        self._keyring = keyring
        self._names = names
        self._schemas = schemas
        self._scanner = scanner
        self._worker_id = worker_id
        self._producer_key = producer_key
        self._maskers: dict[int, DatasetMasker | str] = {}  # schema id -> masker, or why none can exist
        self._codecs: dict[int, AvroCodec] = {}
        self.audiences = tuple(rules.audiences)
        self._view_topics = {audience: names.governed(rules.dataset, audience) for audience in self.audiences}

    # -- the batch -------------------------------------------------------------------------------------

    def process(self, records: Sequence[SourceRecord]) -> ProcessedBatch:
        """All records of one source partition, in offset order."""
        event_id = uuid.uuid4().hex
        reasons: dict[int, str] = {}  # batch position -> quarantine reason
        identities: list[str | None] = [None] * len(records)
        decoded: Decoded = {}
        for position, record in enumerate(records):
            if record.value is None:
                continue
            identity, reason = self._admit(record)
            identities[position] = identity
            reason = reason or self._decode_into(decoded, position, record)
            if reason:
                reasons[position] = reason
        views: dict[int, tuple[int | None, dict[str, dict[str, Any] | None]]] = {}
        actions: Counter[str] = Counter()
        entities: Counter[str] = Counter()
        for schema_id, items in decoded.items():
            self._mask_group(schema_id, items, views, reasons, actions, entities)
        return self._assemble(records, event_id, identities, views, reasons, actions, entities)

    def quarantine_all(self, records: Sequence[SourceRecord], reason: str) -> ProcessedBatch:
        """Fail a whole batch closed (the edge's answer to an unexpected error while processing it)."""
        reasons = dict.fromkeys(range(len(records)), reason)
        return self._assemble(records, uuid.uuid4().hex, [None] * len(records), {}, reasons, Counter(), Counter())

    def _admit(self, record: SourceRecord) -> tuple[str | None, str | None]:
        """Size and producer identity checks, before any decoding."""
        if len(record.value or b"") > self.rules.max_record_bytes:
            return None, "oversize"
        if self.rules.signature != "required":
            return self.rules.owner or "unattributed", None
        return verify_signed_identity(
            dict(record.headers), record.key, record.value, record.timestamp_ms, self._producer_key
        )

    def _decode_into(self, decoded: Decoded, position: int, record: SourceRecord) -> str | None:
        assert record.value is not None
        try:
            if self.rules.format == "json":
                decoded.setdefault(-1, []).append((position, decode_json(record.value)))
                return None
            schema_id, body = split_wire_format(record.value)
            codec = self._codec(schema_id)
            decoded.setdefault(schema_id, []).append((position, codec.decode(body)))
        except DecodeError as error:
            return error.reason
        return None

    def _codec(self, schema_id: int) -> AvroCodec:
        codec = self._codecs.get(schema_id)
        if codec is None:
            schema = self._schemas.writer_schema(schema_id)
            if schema is None:
                raise DecodeError("unknown_schema_id")
            codec = self._codecs[schema_id] = AvroCodec(schema)
        return codec

    def _masker(self, schema_id: int) -> DatasetMasker | str:
        if schema_id not in self._maskers:
            schema = None if schema_id < 0 else self._codecs[schema_id].schema
            try:
                self._maskers[schema_id] = DatasetMasker(
                    self.rules, self._keyring, schema=schema, scanner=self._scanner
                )
            except StreamguardError:
                # The rules do not fit this writer schema: every record written with it is quarantined.
                self._maskers[schema_id] = "schema_mismatch"
        return self._maskers[schema_id]

    def _mask_group(
        self,
        schema_id: int,
        items: list[tuple[int, dict[str, Any]]],
        views: dict[int, Any],
        reasons: dict[int, str],
        actions: Counter[str],
        entities: Counter[str],
    ) -> None:
        masker = self._masker(schema_id)
        if isinstance(masker, str):
            reasons.update((position, masker) for position, _ in items)
            return
        outcomes = masker.mask_batch([record for _, record in items])
        view_schema = schema_id if schema_id >= 0 else None
        masked = 0
        for (position, _), outcome in zip(items, outcomes, strict=True):
            if outcome.failure is not None or outcome.views is None:
                reasons[position] = outcome.failure or "masking_failed"
                continue
            views[position] = (view_schema, outcome.views)
            masked += 1
            if outcome.entity_counts:
                entities.update(outcome.entity_counts)
        # A plan applies the same actions to every record it masks: count them once per group.
        actions.update({key: count * masked for key, count in masker.action_counts.items()})

    # -- outputs and evidence --------------------------------------------------------------------------

    def _assemble(
        self,
        records: Sequence[SourceRecord],
        event_id: str,
        identities: list[str | None],
        views: dict[int, Any],
        reasons: dict[int, str],
        actions: Counter[str],
        entities: Counter[str],
    ) -> ProcessedBatch:
        governed: dict[str, list[Outbound]] = {audience: [] for audience in self.audiences}
        quarantine: list[Outbound] = []
        delivered: list[int] = []
        tombstones: list[int] = []
        quarantined: list[Quarantined] = []
        version, event = str(self.rule_version).encode(), event_id.encode()
        for position, record in enumerate(records):
            source = f"{record.topic}/{record.partition}/{record.offset}".encode()
            evidence = [(RULE_VERSION_HEADER, version), (SOURCE_HEADER, source), (AUDIT_EVENT_HEADER, event)]
            if position in reasons:
                quarantined.append(Quarantined(offset=record.offset, reason=reasons[position]))
                quarantine.append(self._quarantined(record, reasons[position], evidence))
                continue
            if record.value is None:
                tombstones.append(record.offset)
                encoded: dict[str, bytes | None] = dict.fromkeys(self.audiences)
            else:
                delivered.append(record.offset)
                schema_id, audience_views = views[position]
                encoded = {a: self._encode(schema_id, view) for a, view in audience_views.items()}
            for audience, value in encoded.items():
                governed[audience].append(
                    Outbound(
                        self._view_topics[audience],
                        record.partition,
                        record.key,
                        value,
                        evidence,
                        record.offset,
                        record.timestamp_ms,
                    )
                )
        audit_event = AuditEvent(
            event_id=event_id,
            recorded_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            worker=self._worker_id,
            dataset=self.rules.dataset,
            source=SourceSpan(
                topic=records[0].topic,
                partition=records[0].partition,
                first_offset=records[0].offset,
                last_offset=records[-1].offset,
            ),
            identities=dict(Counter(identity for identity in identities if identity)),
            schema_ids=sorted({sid for sid, _ in views.values() if sid is not None}),
            rule_version=self.rule_version,
            delivered=offset_ranges(delivered),
            tombstones=tombstones,
            quarantined=quarantined,
            outputs={a: self._output_summary(a, records[0].partition, outs) for a, outs in governed.items()},
            input_digest=batch_digest(record.value for record in records),
            action_counts=dict(actions),
            entity_counts=dict(entities),
        )
        return ProcessedBatch(governed, quarantine, audit_event)

    def _encode(self, schema_id: int | None, view: dict[str, Any] | None) -> bytes | None:
        if view is None:
            return None
        if schema_id is None:
            return encode_json(view)
        return frame_wire_format(schema_id, self._codecs[schema_id].encode(view))

    def _output_summary(self, audience: str, partition: int, outputs: list[Outbound]) -> AudienceOutput:
        """Digest and count now; the edge fills in the offsets the broker assigns."""
        return AudienceOutput(
            topic=self._view_topics[audience],
            partition=partition,
            first_offset=None,
            last_offset=None,
            count=len(outputs),
            digest=batch_digest(o.value for o in outputs),
        )

    def _quarantined(self, record: SourceRecord, reason: str, evidence: Headers) -> Outbound:
        headers = [
            *record.headers,
            *evidence,
            (REASON_HEADER, reason.encode()),
            (DATASET_HEADER, self.rules.dataset.encode()),
        ]
        return Outbound(
            self._names.quarantine, 0, record.key, record.value, headers, record.offset, record.timestamp_ms
        )
