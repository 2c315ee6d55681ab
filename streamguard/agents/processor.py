"""The data path's pure core: one source partition's batch in; governed views, quarantine, audit event out.

No Kafka here: the edge hands in its consumed messages (anything with ``SourceMessage``'s accessors) and a
``SchemaSource``, sends what comes back, fills in the offsets the broker assigned, seals the audit event into
its chain, and only then commits. Every source offset of the batch ends up in exactly one of: delivered (to
every audience's view), tombstone (propagated to every view), or quarantined (with a reason code, never a
value). A record's own fault never raises out of ``process``; a schema registry that does not answer does
(``SchemaRegistryUnavailable``), and the edge's failure policy stops before committing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from streamguard.agents.assembly import Assembler, BatchOutcome, Columns, Tally, event_time
from streamguard.agents.batch import ProcessedBatch, SchemaSource, SourceMessage
from streamguard.agents.identity import verify_signed_identity
from streamguard.agents.key_views import key_views
from streamguard.agents.writer_plans import WriterPlans
from streamguard.core.errors import KeyringError
from streamguard.core.reasons import MAX_VIEW_BYTES, NATIVE_SCHEMA_ID, OVERSIZE, OVERSIZE_VIEW
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.digests import EVIDENCE_PURPOSE, EVIDENCE_SLOT, UNSALTED, digest_salt
from streamguard.masking.detection import TextScanner
from streamguard.masking.keys import PURPOSE_SLOT, Keyring
from streamguard.masking.rules import Rules

try:
    from streamguard_native import longest
except ImportError:

    def longest(column: list[bytes | None]) -> int:
        return max(map(len, filter(None, column)), default=0)


class DatasetProcessor:
    """Turns batches of one dataset's raw records into governed outputs, for one rules version.

    Structured Avro plans run on the native engine (``masking.native_plan``): one pass over each record's
    bytes writes every audience's view. Plans it does not cover (free text, JSON, some logical types) and
    machines without the module run the Python plan (``agents.writer_plans``). Keys are masked first
    (``agents.key_views``). The audit event's digests are salted with the keyring's active ``evidence`` key
    (``evidence_subkey``): a keyring without one processes nothing.
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
        self._producer_key = producer_key
        label = f"{rules.dataset} v{rule_version}"
        self.values = WriterPlans(rules, label, keyring, schemas, scanner, native)
        self._keys = key_views(rules, label, keyring, schemas, native)
        self.audiences = tuple(rules.audiences)
        self._assembler = Assembler(
            rules.dataset,
            rule_version,
            worker_id,
            {audience: names.governed(rules.dataset, audience) for audience in self.audiences},
            names.quarantine,
            recorded_key_ids(keyring),
            evidence_subkey(keyring, keyring.active.get(EVIDENCE_SLOT)),
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
        masked_keys = self._keys.mask(keys, reasons)
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
            self._count(tally, batch_schema, masked)
        self._route(rest, values, reasons, columns, tally)
        if not signed:
            oversize = sum(reason == OVERSIZE for reason in reasons.values())
            owner = self.rules.owner or "unattributed"
            identities = Counter({owner: sum(v is not None for v in values) - oversize})
        reasons.update(_oversize_views(columns, masked_keys.columns or [keys], reasons))
        tally.actions.update(masked_keys.action_counts(reasons))
        outcome = BatchOutcome(values, columns, reasons, +identities, tally, masked_keys.columns)
        return self._assembler.assemble(records, outcome)

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
        schema_id, reason = self.values.schema_of(first)
        if reason is not None or isinstance(self.values.masker(schema_id), str):
            return 0, None
        return schema_id, self.values.engine_for(schema_id)

    def _route(
        self,
        positions: Sequence[int],
        values: list[bytes | None],
        reasons: dict[int, str],
        columns: Columns,
        tally: Tally,
    ) -> None:
        """Size and framing checks, then each writer schema's plan, for ``positions`` of the batch."""
        for schema_id, members in self.values.group(values, positions, reasons).items():
            group_columns, failures = self.values.mask_group(schema_id, [values[p] for p in members], tally.entities)
            for column, group_column in zip(columns, group_columns, strict=True):
                for position, view in zip(members, group_column, strict=True):
                    column[position] = view
            reasons.update((members[index], reason) for index, reason in failures)
            self._count(tally, schema_id, len(members) - len(failures))

    def _count(self, tally: Tally, schema_id: int, masked: int) -> None:
        tally.count(schema_id, masked, self.values.action_counts(schema_id), self.values.drift_of(schema_id))


# The keyring slots whose keys make an event's content: its views' tokens, and its digests' salts. Signing keys
# are not among them (a checkpoint names its own key), so replay needs exactly these.
RECORDED_SLOTS = (*dict.fromkeys(PURPOSE_SLOT.values()), EVIDENCE_SLOT)


def recorded_key_ids(keyring: Keyring) -> dict[str, str]:
    """What an audit event's ``key_ids`` records: the active key id of each slot that shapes its content."""
    return {slot: keyring.active[slot] for slot in RECORDED_SLOTS if slot in keyring.active}


def evidence_subkey(keyring: Keyring, key_id: str | None) -> bytes:
    """The subkey the evidence's digest salts derive from (``evidence.digests.digest_salt``), of the
    ``evidence`` key ``key_id``; KeyringError if there is none, or the keyring lacks it."""
    if key_id is None:
        raise KeyringError(
            "the keyring has no active 'evidence' key: the audit events' digests are salted with a key of their "
            "own, without which they would let their readers guess the records (add one with `streamguard keys "
            "rotate --slot evidence`)"
        )
    return keyring.derive(EVIDENCE_SLOT, EVIDENCE_PURPOSE, key_id=key_id)


def recorded_salt(keyring: Keyring, event: AuditEvent, output: str) -> bytes:
    """The salt ``event`` made the digests of ``output`` (an audience, or ``evidence.digests.INPUT``) with, from
    the evidence key id it records and its span; UNSALTED for an event made before salted digests (it records
    no evidence key). KeyringError naming the key id if ``keyring`` lacks it."""
    key_id = event.key_ids.get(EVIDENCE_SLOT)
    if key_id is None:
        return UNSALTED
    source = event.source
    return digest_salt(evidence_subkey(keyring, key_id), source.topic, source.partition, source.first_offset, output)


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
    if all(longest(column) <= MAX_VIEW_BYTES // 2 for column in (*columns, *key_columns)):
        return {}
    width = len(key_columns)
    found = {}
    for audience, column in enumerate(columns):
        keys = key_columns[audience % width]
        for position, (key, view) in enumerate(zip(keys, column, strict=True)):
            if position not in reasons and len(key or b"") + len(view or b"") > MAX_VIEW_BYTES:
                found[position] = OVERSIZE_VIEW
    return found
