"""Each writer schema's masking plan for one rules version: the native engine where it covers the plan (Avro),
the Python plan (decode, ``DatasetMasker``, encode in the same format and framing) where it does not (pure,
given a ``SchemaSource``).

The processor holds one ``WriterPlans`` for record values and, for a dataset whose key has a schema, one for
keys (compiled from ``Rules.key_rules``): the same admission, caching and engine choice for both.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from streamguard.agents.assembly import Columns
from streamguard.agents.batch import SchemaSource
from streamguard.agents.codec import FramedCodec, codec_for, decode_json, encode_json, split_wire_format
from streamguard.core.errors import DecodeError, NativeUnsupportedError, RulesError
from streamguard.core.reasons import SCHEMA_MISMATCH, UNENCODABLE, UNKNOWN_SCHEMA_ID
from streamguard.masking.detection import TextScanner
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import Rules
from streamguard.masking.writer_schemas import SCHEMA_TYPES, schema_type_of

log = logging.getLogger(__name__)

# ``Masked``: the views of a group of records column-wise, and the failures as (index, reason code).
Masked = tuple[Columns, list[tuple[int, str]]]
JSON_SCHEMA_ID = -1  # JSON datasets have one implicit "writer schema"
_RAW = object()  # a schema whose native engine could not be built: the Python plan serves it


class WriterPlans:
    """The plans of one rules version, compiled on first use of each writer schema id."""

    def __init__(
        self,
        rules: Rules,
        label: str,
        keyring: Keyring,
        schemas: SchemaSource,
        scanner: TextScanner | None,
        native: bool,
    ) -> None:
        self.rules = rules
        self._label = label  # "<dataset> v<version>" (and "key" for a key's plans), for log lines
        self._keyring = keyring
        self._schemas = schemas
        self._scanner = scanner
        self._native = native
        self._maskers: dict[int, DatasetMasker | str] = {}  # schema id -> masker, or why none can exist
        self._engines: dict[int, Any] = {}  # schema id -> native ViewEngine, or _RAW
        self._codecs: dict[int, FramedCodec] = {}

    @property
    def audiences(self) -> tuple[str, ...]:
        return tuple(self.rules.audiences)

    def schema_of(self, value: bytes) -> tuple[int, str | None]:
        """The writer schema id of a framed value (``JSON_SCHEMA_ID`` for JSON), or why there is none."""
        if self.rules.format == "json":
            return JSON_SCHEMA_ID, None
        try:
            schema_id = split_wire_format(value)[0]
            self._codec(schema_id)
        except DecodeError as error:
            return 0, error.reason
        return schema_id, None

    def group(
        self, values: Sequence[bytes | None], positions: Iterable[int], reasons: dict[int, str], prefix: str = ""
    ) -> dict[int, list[int]]:
        """The ``positions`` to mask (neither None nor already quarantined), by writer schema id; those with
        no usable schema get their reason (after ``prefix``)."""
        groups: dict[int, list[int]] = {}
        for position in positions:
            value = values[position]
            if value is None or position in reasons:
                continue
            schema_id, reason = self.schema_of(value)
            if reason is None:
                groups.setdefault(schema_id, []).append(position)
            else:
                reasons[position] = prefix + reason
        return groups

    def masker(self, schema_id: int) -> DatasetMasker | str:
        """The Python plan of a writer schema (after ``schema_of`` admitted it), or the reason code of every
        record written with a schema the rules do not fit."""
        if schema_id not in self._maskers:
            schema = None if schema_id < 0 else self._codecs[schema_id].schema
            try:
                masker = DatasetMasker(self.rules, self._keyring, schema=schema, scanner=self._scanner)
            except RulesError:
                self._maskers[schema_id] = SCHEMA_MISMATCH
            else:
                self._maskers[schema_id] = masker
                if masker.drift:
                    log.warning(
                        "%s, writer schema %d: schema drift: %d field(s) the rules were not validated with "
                        "get the unclassified policy (%s): %s",
                        self._label,
                        schema_id,
                        len(masker.drift),
                        self.rules.unclassified,
                        ", ".join(masker.drift),
                    )
        return self._maskers[schema_id]

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
                codec = self._codecs[schema_id]  # in the rules' format (``_codec``): Avro for the native engine
                try:
                    plan = compile_native_plan(self.rules, self._keyring, codec.schema)  # type: ignore[arg-type]
                    engine, why = plan.engine(codec.prefix), ""
                except NativeUnsupportedError as reason:
                    why = str(reason)
            elif schema_id < 0:
                why = "JSON records run in the Python plan"
            plan = f"Python plan ({why})" if why else "native engine"
            log.info("%s, writer schema %d: %s", self._label, schema_id, plan)
            self._engines[schema_id] = engine
        engine = self._engines[schema_id]
        return None if engine is _RAW else engine

    def mask_group(self, schema_id: int, values: list[bytes | None], entities: Counter[str]) -> Masked:
        """Every audience's view of records written with one schema: native engine, else the Python plan."""
        masker = self.masker(schema_id)
        if isinstance(masker, str):
            return [[None] * len(values) for _ in self.audiences], [(index, masker) for index in range(len(values))]
        engine = self.engine_for(schema_id)
        if engine is not None:
            return engine.mask(values, self.rules.max_record_bytes)  # type: ignore[no-any-return]
        return self._mask_in_python(masker, schema_id, values, entities)

    def _codec(self, schema_id: int) -> FramedCodec:
        codec = self._codecs.get(schema_id)
        if codec is None:
            schema = self._schemas.writer_schema(schema_id)
            if schema is None:
                raise DecodeError(UNKNOWN_SCHEMA_ID)
            if schema_type_of(schema) != SCHEMA_TYPES.get(self.rules.format):
                raise DecodeError(SCHEMA_MISMATCH)  # written in another format than the rules are for
            try:
                codec = codec_for(schema_id, schema, self.rules.message)
            except RulesError:  # a Protobuf schema without the rules' message type
                raise DecodeError(SCHEMA_MISMATCH) from None
            self._codecs[schema_id] = codec
        return codec

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
                    decoded.append(self._codecs[schema_id].decode(value))
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
        return self._codecs[schema_id].encode(view)
