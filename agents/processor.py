"""The data path's pure core: one source partition's batch in; governed views, quarantine, audit event out.

No Kafka here: the edge hands in its consumed messages (anything with ``SourceMessage``'s accessors) and a
``SchemaSource``, sends what comes back, fills in the offsets the broker assigned, seals the audit event into
its chain, and only then commits. Every source offset
of the batch ends up in exactly one of: delivered (to every audience's view), tombstone (propagated to every
view), or quarantined (with a reason code, never a value).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from agents.batch import (
    DATASET_HEADER,
    REASON_HEADER,
    GovernedBatch,
    Headers,
    Outbound,
    ProcessedBatch,
    SchemaSource,
    SourceMessage,
)
from agents.codec import AvroCodec, DecodeError, decode_json, encode_json, frame_wire_format, split_wire_format
from agents.identity import verify_signed_identity
from app.errors import StreamguardError
from app.kafka_config import TopicNames
from evidence.audit import AudienceOutput, AuditEvent, Quarantined, SourceSpan, offset_ranges
from evidence.digests import batch_digest
from evidence.header import EvidenceStamp
from masking.detection import TextScanner
from masking.keys import Keyring
from masking.native_plan import NativeUnsupportedError, compile_native_plan
from masking.plan import DatasetMasker
from masking.rules import Rules

log = logging.getLogger(__name__)


# Encoded views, column-wise: one list per audience (in rules order), aligned with the batch; None for a
# tombstone (and for a record that failed). ``Masked`` adds the failures as (index, reason code).
Columns = list[list[bytes | None]]
Masked = tuple[Columns, list[tuple[int, str]]]
_RAW = object()  # a schema whose native engine could not be built: the Python plan serves it


@dataclass
class _Tally:
    """What a batch's masking adds up to, for its audit event."""

    actions: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    schema_ids: set[int] = field(default_factory=set)

    def count(self, schema_id: int, masked: int, per_record: Mapping[str, int]) -> None:
        """``masked`` records went through one schema's plan, which applies the same actions to each."""
        if masked > 0:
            if schema_id >= 0:
                self.schema_ids.add(schema_id)
            self.actions.update({key: count * masked for key, count in per_record.items()})


class DatasetProcessor:
    """Turns batches of one dataset's raw records into governed outputs, for one rules version.

    Structured Avro plans run on the native engine (``masking.native_plan``): one pass over each record's
    bytes writes every audience's view. Plans it does not cover (free text, JSON, some logical types) and
    machines without the module run the Python plan: fastavro decode, ``DatasetMasker``, fastavro encode.
    """

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
        native: bool = True,
    ) -> None:
        self.rules = rules
        self.rule_version = rule_version
        self._keyring = keyring
        self._names = names
        self._schemas = schemas
        self._scanner = scanner
        self._worker_id = worker_id
        self._producer_key = producer_key
        self._native = native
        self._maskers: dict[int, DatasetMasker | str] = {}  # schema id -> masker, or why none can exist
        self._engines: dict[int, Any] = {}  # schema id -> native ViewEngine, or _RAW
        self._codecs: dict[int, AvroCodec] = {}
        self.audiences = tuple(rules.audiences)
        self._view_topics = {audience: names.governed(rules.dataset, audience) for audience in self.audiences}

    # -- the batch -------------------------------------------------------------------------------------

    def process(self, records: Sequence[SourceMessage]) -> ProcessedBatch:
        """All records of one source partition, in offset order.

        The usual batch goes through the native engine of its schema in one call, admission checks included;
        whatever it routes back (another writer schema) and every batch it cannot take (free text, JSON,
        signed records to verify first) goes through ``_route``: size, framing and schema checks in Python,
        then the engine or the Python plan of each writer schema.
        """
        values = [record.value() for record in records]
        reasons: dict[int, str] = {}  # batch position -> quarantine reason
        signed = self.rules.signature == "required"
        identities = self._verify_signatures(records, values, reasons) if signed else Counter()
        tally = _Tally()
        columns: Columns = [[None] * len(values) for _ in self.audiences]  # tombstones stay None everywhere
        rest: Sequence[int] = range(len(values))
        batch_schema, engine = self._batch_engine(values, reasons)
        if engine is not None:
            admitted = values if not reasons else [None if p in reasons else v for p, v in enumerate(values)]
            columns, failures = engine.mask(admitted, self.rules.max_record_bytes)
            rest = [index for index, reason in failures if reason.startswith("schema_id:")]
            reasons.update((index, reason) for index, reason in failures if not reason.startswith("schema_id:"))
            masked = sum(v is not None for v in admitted) - len(failures)
            tally.count(batch_schema, masked, self.action_counts(batch_schema))
        self._route(rest, values, reasons, columns, tally)
        if not signed:
            oversize = sum(reason == "oversize" for reason in reasons.values())
            owner = self.rules.owner or "unattributed"
            identities = Counter({owner: sum(v is not None for v in values) - oversize})
        return self._assemble(records, values, columns, reasons, +identities, tally)

    def quarantine_all(self, records: Sequence[SourceMessage], reason: str) -> ProcessedBatch:
        """Fail a whole batch closed (the edge's answer to an unexpected error while processing it)."""
        values = [record.value() for record in records]
        reasons = dict.fromkeys(range(len(records)), reason)
        columns: Columns = [[None] * len(values) for _ in self.audiences]
        return self._assemble(records, values, columns, reasons, Counter(), _Tally())

    def _verify_signatures(
        self, records: Sequence[SourceMessage], values: list[bytes | None], reasons: dict[int, str]
    ) -> Counter[str]:
        """Signed datasets: each record's claimed identity checked before anything else (never decoded)."""
        identities: Counter[str] = Counter()
        for position, value in enumerate(values):
            if value is None or len(value) > self.rules.max_record_bytes:
                continue  # tombstones carry no signature; oversize records are refused unread below
            record = records[position]
            identity, reason = verify_signed_identity(
                dict(record.headers() or []), record.key(), value, _event_time(record), self._producer_key
            )
            if identity:
                identities[identity] += 1
            if reason:
                reasons[position] = reason
        return identities

    def _batch_engine(self, values: list[bytes | None], reasons: dict[int, str]) -> tuple[int, Any]:
        """The native engine of the schema the batch's first admitted record is written with, if it has one."""
        first = next((v for p, v in enumerate(values) if v is not None and p not in reasons), None)
        if first is None or self.rules.format != "avro" or len(first) > self.rules.max_record_bytes:
            return 0, None
        schema_id, reason = self._schema_of(first)
        if reason is not None or isinstance(self._masker(schema_id), str):
            return 0, None
        return schema_id, self.engine_for(schema_id)

    def _route(
        self,
        positions: Sequence[int],
        values: list[bytes | None],
        reasons: dict[int, str],
        columns: Columns,
        tally: _Tally,
    ) -> None:
        """Size and framing checks, then each writer schema's plan, for ``positions`` of the batch."""
        groups: dict[int, list[int]] = {}  # writer schema id (-1: JSON) -> positions admitted
        for position in positions:
            value = values[position]
            if value is None or position in reasons:
                continue
            if len(value) > self.rules.max_record_bytes:
                reasons[position] = "oversize"
                continue
            schema_id, reason = self._schema_of(value)
            if reason is None:
                groups.setdefault(schema_id, []).append(position)
            else:
                reasons[position] = reason
        for schema_id, members in groups.items():
            group_columns, failures = self._mask_group(schema_id, [values[p] for p in members], tally.entities)
            for column, group_column in zip(columns, group_columns, strict=True):
                for position, view in zip(members, group_column, strict=True):
                    column[position] = view
            reasons.update((members[index], reason) for index, reason in failures)
            tally.count(schema_id, len(members) - len(failures), self.action_counts(schema_id))

    def _schema_of(self, value: bytes) -> tuple[int, str | None]:
        """The writer schema id of a framed Avro value (-1 for JSON datasets), or why there is none."""
        if self.rules.format == "json":
            return -1, None
        try:
            schema_id = split_wire_format(value)[0]
            self._codec(schema_id)
        except DecodeError as error:
            return 0, error.reason
        return schema_id, None

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

    def _mask_group(self, schema_id: int, values: list[bytes | None], entities: Counter[str]) -> Masked:
        """Every audience's view of records written with one schema: native engine, else the Python plan."""
        masker = self._masker(schema_id)
        if isinstance(masker, str):
            return [[None] * len(values) for _ in self.audiences], [(index, masker) for index in range(len(values))]
        engine = self.engine_for(schema_id)
        if engine is not None:
            return engine.mask(values, self.rules.max_record_bytes)
        return self._mask_in_python(masker, schema_id, values, entities)

    def action_counts(self, schema_id: int) -> Mapping[str, int]:
        """``class/action`` applications per record masked with this writer schema's plan."""
        masker = self._maskers[schema_id]
        return {} if isinstance(masker, str) else masker.action_counts

    def engine_for(self, schema_id: int) -> Any:
        """The native engine for a writer schema the rules fit, or None when the Python plan serves it."""
        if schema_id not in self._engines:
            engine, why = _RAW, "native engine disabled"
            if self._native and schema_id >= 0:
                try:
                    plan = compile_native_plan(self.rules, self._keyring, self._codecs[schema_id].schema)
                    engine, why = plan.engine(frame_wire_format(schema_id, b"")), ""
                except NativeUnsupportedError as reason:
                    why = str(reason)
            elif schema_id < 0:
                why = "JSON records run in the Python plan"
            log.info(
                "%s v%d, writer schema %d: %s",
                self.rules.dataset,
                self.rule_version,
                schema_id,
                f"Python plan ({why})" if why else "native engine",
            )
            self._engines[schema_id] = engine
        engine = self._engines[schema_id]
        return None if engine is _RAW else engine

    def _mask_in_python(
        self, masker: DatasetMasker, schema_id: int, values: list[bytes | None], entities: Counter[str]
    ) -> Masked:
        """The reference path: decode, mask with the compiled Python plan, encode each view."""
        decoded: list[Any] = []
        failures: list[tuple[int, str]] = []
        for index, value in enumerate(values):
            assert value is not None
            try:
                if schema_id < 0:
                    decoded.append(decode_json(value))
                else:
                    decoded.append(self._codecs[schema_id].decode(split_wire_format(value)[1]))
            except DecodeError as error:
                decoded.append(None)
                failures.append((index, error.reason))
        undecodable = {index for index, _ in failures}
        outcomes = iter(masker.mask_batch([record for record in decoded if record is not None]))
        columns: Columns = [[None] * len(values) for _ in self.audiences]
        for index in range(len(values)):
            if index in undecodable:
                continue
            outcome = next(outcomes)
            if outcome.failure is not None or outcome.views is None:
                failures.append((index, outcome.failure or "masking_failed"))
                continue
            entities.update(outcome.entity_counts)
            for column, audience in zip(columns, self.audiences, strict=True):
                column[index] = self._encode(schema_id, outcome.views[audience])
        return columns, sorted(failures)

    def _encode(self, schema_id: int, view: dict[str, Any] | None) -> bytes | None:
        if view is None:
            return None
        if schema_id < 0:
            return encode_json(view)
        return frame_wire_format(schema_id, self._codecs[schema_id].encode(view))

    # -- outputs and evidence --------------------------------------------------------------------------

    def _assemble(
        self,
        records: Sequence[SourceMessage],
        values: list[bytes | None],
        columns: Columns,
        reasons: dict[int, str],
        identities: Counter[str],
        tally: _Tally,
    ) -> ProcessedBatch:
        event_id = uuid.uuid4().hex
        first = records[0]
        partition = first.partition()
        assert partition is not None
        stamp = EvidenceStamp(self.rule_version, str(first.topic()), partition, event_id)
        # The hot part, as comprehensions: every record but the quarantined goes to every view.
        sent = [position for position in range(len(records)) if position not in reasons] if reasons else None
        chosen = records if sent is None else [records[position] for position in sent]
        offsets = [record.offset() for record in chosen]
        governed = GovernedBatch(
            partition,
            self._view_topics,
            {
                audience: column if sent is None else [column[position] for position in sent]
                for audience, column in zip(self.audiences, columns, strict=True)
            },
            keys=[record.key() for record in chosen],
            headers=[stamp.headers(offset) for offset in offsets],
            timestamps=[_event_time(record) for record in chosen],
            source_offsets=offsets,
        )
        quarantine: list[Outbound] = []
        quarantined: list[Quarantined] = []
        for position, reason in sorted(reasons.items()):
            record = records[position]
            offset = record.offset()
            evidence = stamp.headers(offset)
            quarantined.append(Quarantined(offset=offset, reason=reason))
            quarantine.append(self._quarantined(record, reason, evidence))
        tombstone_positions = [p for p in (sent if sent is not None else range(len(records))) if values[p] is None]
        tombstones = [records[position].offset() for position in tombstone_positions]
        delivered = offsets if not tombstones else sorted(set(offsets) - set(tombstones))
        audit_event = AuditEvent(
            event_id=event_id,
            recorded_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            worker=self._worker_id,
            dataset=self.rules.dataset,
            source=SourceSpan(
                topic=first.topic(),
                partition=partition,
                first_offset=first.offset(),
                last_offset=records[-1].offset(),
            ),
            identities=dict(identities),
            schema_ids=sorted(tally.schema_ids),
            rule_version=self.rule_version,
            delivered=offset_ranges(delivered),
            tombstones=tombstones,
            quarantined=quarantined,
            outputs={a: self._output_summary(a, governed) for a in self.audiences},
            input_digest=batch_digest(values),
            action_counts=dict(tally.actions),
            entity_counts=dict(tally.entities),
        )
        return ProcessedBatch(governed, quarantine, audit_event)

    def _output_summary(self, audience: str, governed: GovernedBatch) -> AudienceOutput:
        """Digest and count now; the edge fills in the offsets the broker assigns."""
        return AudienceOutput(
            topic=self._view_topics[audience],
            partition=governed.partition,
            first_offset=None,
            last_offset=None,
            count=len(governed),
            digest=batch_digest(governed.values[audience]),
        )

    def _quarantined(self, record: SourceMessage, reason: str, evidence: Headers) -> Outbound:
        headers = [
            *(record.headers() or []),
            *evidence,
            (REASON_HEADER, reason.encode()),
            (DATASET_HEADER, self.rules.dataset.encode()),
        ]
        return Outbound(
            self._names.quarantine, 0, record.key(), record.value(), headers, record.offset(), _event_time(record)
        )


def _event_time(record: SourceMessage) -> int:
    """The record's timestamp in ms (0 when the broker has none: the producer then stamps the send time)."""
    return max(record.timestamp()[1], 0)
