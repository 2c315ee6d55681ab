"""The data path's pure core: one source partition's batch in; governed views, quarantine, audit event out.

No Kafka here: the edge hands in its consumed messages (anything with ``SourceMessage``'s accessors) and a
``SchemaSource``, sends what comes back, fills in the offsets the broker assigned, seals the audit event into
its chain, and only then commits. Every source offset of the batch ends up in exactly one of: delivered (to
every audience's view), tombstone (propagated to every view), or quarantined (with a reason code, never a
value). A record's own fault never raises out of ``process``; a schema registry that does not answer does
(``SchemaRegistryUnavailable``), and the edge's failure policy stops before committing.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from streamguard.agents.assembly import Assembler, BatchOutcome, Columns, Tally, event_time
from streamguard.agents.batch import ProcessedBatch, SchemaSource, SourceMessage
from streamguard.agents.codec import AvroCodec, decode_json, encode_json, frame_wire_format, split_wire_format
from streamguard.agents.identity import verify_signed_identity
from streamguard.core.errors import DecodeError, NativeUnsupportedError, RulesError
from streamguard.core.reasons import (
    MAX_VIEW_BYTES,
    NATIVE_SCHEMA_ID,
    OVERSIZE,
    OVERSIZE_VIEW,
    SCHEMA_MISMATCH,
    UNENCODABLE,
    UNKNOWN_SCHEMA_ID,
)
from streamguard.core.topics import TopicNames
from streamguard.masking.detection import TextScanner
from streamguard.masking.key_plan import compile_key_plan, native_key_engine
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import Rules

log = logging.getLogger(__name__)

# ``Masked``: the views of a group of records column-wise, and the failures as (index, reason code).
Masked = tuple[Columns, list[tuple[int, str]]]
_RAW = object()  # a schema whose native engine could not be built: the Python plan serves it


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
        self._schemas = schemas
        self._scanner = scanner
        self._producer_key = producer_key
        self._native = native
        self._maskers: dict[int, DatasetMasker | str] = {}  # schema id -> masker, or why none can exist
        self._engines: dict[int, Any] = {}  # schema id -> native ViewEngine, or _RAW
        self._codecs: dict[int, AvroCodec] = {}
        self._key_plan = compile_key_plan(rules, keyring)
        self._key_engine = native_key_engine(self._key_plan) if native and not self._key_plan.passes else None
        self.audiences = tuple(rules.audiences)
        self._assembler = Assembler(
            rules.dataset,
            rule_version,
            worker_id,
            {audience: names.governed(rules.dataset, audience) for audience in self.audiences},
            names.quarantine,
            keyring.active,
        )

    # -- the batch -------------------------------------------------------------------------------------

    def process(self, records: Sequence[SourceMessage]) -> ProcessedBatch:
        """All records of one source partition, in offset order.

        The usual batch goes through the native engine of its schema in one call, admission checks included;
        whatever it routes back (another writer schema) and every batch it cannot take (free text, JSON,
        signed records to verify first) goes through ``_route``: size, framing and schema checks in Python,
        then the engine or the Python plan of each writer schema.
        """
        values = [record.value() for record in records]
        keys = [record.key() for record in records]
        reasons = _oversize(keys, values, self.rules.max_record_bytes)  # batch position -> quarantine reason
        signed = self.rules.signature == "required"
        identities = self._verify_signatures(records, values, reasons) if signed else Counter()
        tally = Tally()
        columns: Columns = [[None] * len(values) for _ in self.audiences]  # tombstones stay None everywhere
        rest: Sequence[int] = range(len(values))
        batch_schema, engine = self._batch_engine(values, reasons)
        if engine is not None:
            admitted = values if not reasons else [None if p in reasons else v for p, v in enumerate(values)]
            columns, failures = engine.mask(admitted, self.rules.max_record_bytes)
            rest = [index for index, reason in failures if reason.startswith(NATIVE_SCHEMA_ID)]
            reasons.update((index, reason) for index, reason in failures if not reason.startswith(NATIVE_SCHEMA_ID))
            masked = sum(v is not None for v in admitted) - len(failures)
            tally.count(batch_schema, masked, self.action_counts(batch_schema), self.drift_of(batch_schema))
        self._route(rest, values, reasons, columns, tally)
        if not signed:
            oversize = sum(reason == OVERSIZE for reason in reasons.values())
            owner = self.rules.owner or "unattributed"
            identities = Counter({owner: sum(v is not None for v in values) - oversize})
        key_columns = self._mask_keys(keys, reasons, tally)
        reasons.update(_oversize_views(columns, key_columns or [keys], reasons))
        outcome = BatchOutcome(values, columns, reasons, +identities, tally, key_columns)
        return self._assembler.assemble(records, outcome)

    def _mask_keys(self, keys: list[bytes | None], reasons: dict[int, str], tally: Tally) -> Columns | None:
        """Each audience's record keys (None when every audience sees the source keys), counted like fields."""
        if self._key_plan.passes:
            return None
        keyed = sum(1 for position, key in enumerate(keys) if key is not None and position not in reasons)
        tally.actions.update({name: count * keyed for name, count in self._key_plan.action_counts.items()})
        if self._key_engine is not None:
            return self._key_engine.mask(keys)  # type: ignore[no-any-return]
        return self._key_plan.mask(keys)

    def quarantine_all(self, records: Sequence[SourceMessage], reason: str) -> ProcessedBatch:
        """Fail a whole batch closed (the edge's answer to an unexpected error while processing it)."""
        values = [record.value() for record in records]
        reasons = dict.fromkeys(range(len(records)), reason)
        columns: Columns = [[None] * len(values) for _ in self.audiences]
        return self._assembler.assemble(records, BatchOutcome(values, columns, reasons, Counter(), Tally()))

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
                dict(record.headers() or []), record.key(), value, event_time(record), self._producer_key
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
        tally: Tally,
    ) -> None:
        """Size and framing checks, then each writer schema's plan, for ``positions`` of the batch."""
        groups: dict[int, list[int]] = {}  # writer schema id (-1: JSON) -> positions admitted
        for position in positions:
            value = values[position]
            if value is None or position in reasons:
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
            tally.count(
                schema_id, len(members) - len(failures), self.action_counts(schema_id), self.drift_of(schema_id)
            )

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
                raise DecodeError(UNKNOWN_SCHEMA_ID)
            codec = self._codecs[schema_id] = AvroCodec(schema)
        return codec

    def _masker(self, schema_id: int) -> DatasetMasker | str:
        if schema_id not in self._maskers:
            schema = None if schema_id < 0 else self._codecs[schema_id].schema
            try:
                masker = DatasetMasker(self.rules, self._keyring, schema=schema, scanner=self._scanner)
            except RulesError:
                # The rules do not fit this writer schema: every record written with it is quarantined.
                self._maskers[schema_id] = SCHEMA_MISMATCH
            else:
                self._maskers[schema_id] = masker
                if masker.drift:
                    log.warning(
                        "%s v%d, writer schema %d: schema drift: %d field(s) the rules were not validated with "
                        "get the unclassified policy (%s): %s",
                        self.rules.dataset,
                        self.rule_version,
                        schema_id,
                        len(masker.drift),
                        self.rules.unclassified,
                        ", ".join(masker.drift),
                    )
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

    def drift_of(self, schema_id: int) -> tuple[str, ...]:
        """Leaves of this writer schema the rules were not validated with (they get the unclassified policy)."""
        masker = self._maskers[schema_id]
        return () if isinstance(masker, str) else masker.drift

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
            try:
                views = [self._encode(schema_id, outcome.views[audience]) for audience in self.audiences]
            except Exception:  # a view its own schema or JSON cannot carry: that record fails, not the batch
                failures.append((index, UNENCODABLE))
                continue
            entities.update(outcome.entity_counts)
            for column, view in zip(columns, views, strict=True):
                column[index] = view
        return columns, sorted(failures)

    def _encode(self, schema_id: int, view: dict[str, Any] | None) -> bytes | None:
        if view is None:
            return None
        if schema_id < 0:
            return encode_json(view)
        return frame_wire_format(schema_id, self._codecs[schema_id].encode(view))


def _oversize(keys: list[bytes | None], values: list[bytes | None], max_bytes: int) -> dict[int, str]:
    """Records whose key and value together exceed the rules' limit (checked per record only when the
    longest key and the longest value together could)."""
    longest_key = max(map(len, filter(None, keys)), default=0)
    longest_value = max(map(len, filter(None, values)), default=0)
    if longest_key + longest_value <= max_bytes:
        return {}
    return {
        position: OVERSIZE
        for position, (key, value) in enumerate(zip(keys, values, strict=True))
        if len(key or b"") + len(value or b"") > max_bytes
    }


def _oversize_views(columns: Columns, key_columns: Columns, reasons: dict[int, str]) -> dict[int, str]:
    """Records with a view (key and value) the broker would refuse (masking can make a record larger): they
    are quarantined rather than stopping the worker on a delivery that can never succeed."""
    if all(
        max(map(len, filter(None, column)), default=0) <= MAX_VIEW_BYTES // 2 for column in (*columns, *key_columns)
    ):
        return {}
    width = len(key_columns)
    found = {}
    for audience, column in enumerate(columns):
        keys = key_columns[audience % width]
        for position, (key, view) in enumerate(zip(keys, column, strict=True)):
            if position not in reasons and len(key or b"") + len(view or b"") > MAX_VIEW_BYTES:
                found[position] = OVERSIZE_VIEW
    return found
