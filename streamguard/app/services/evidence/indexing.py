"""The evidence indexer: the audit and checkpoints topics folded into the evidence store, the sessions they
make published, and the newest checkpoints taken to a witness to be cosigned.

Each run reads only what is new, from cursors kept in the store beside the evidence, each the next thing
to read and written only once what was read is stored and published, so a crash makes the next run read
again rather than skip (every store write is an idempotent upsert):

    audit:<partition>   next offset of that audit topic partition
    checkpoints:0       next offset of the checkpoints topic (one partition)
    sessions:pending    ids of the sessions that may still change: open, or not sealed in every chain
    witness:<origin>    the size the witness last cosigned for that log

Sessions are refolded from the store's events, per (raw topic, identity) pair touched by new events or
holding a pending session, from the first session that a new event could join. So indexing an existing
store and indexing a fresh one from the topics give the same sessions. One exception: an event recorded
inside the idle gap between two stored sessions but indexed after both (a late partition) merges them,
and the later one stays in the store beside the merged one.

The witness is fed last, by ``evidence_witness_feed``, through the same producer as the sessions; its
refusals are reported in ``IndexStats``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Self

from confluent_kafka import TIMESTAMP_NOT_AVAILABLE, KafkaError, Message, Producer
from confluent_kafka.admin import AdminClient

from streamguard.agents.checkpoints import log_origin
from streamguard.agents.kafka_readback import read_to_end
from streamguard.agents.kafka_topics import partition_count
from streamguard.app.services.evidence.witness import WitnessClient, open_witness
from streamguard.app.services.evidence.witness_feed import feed_witness, stored_cosignature, witness_cursor
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.core.errors import DeliveryError, EvidenceError
from streamguard.evidence.audit import APPROVAL, RECORDS, AuditEvent
from streamguard.evidence.checkpoint import Checkpoint
from streamguard.evidence.sessions import Session, executed_operations, fold_sessions, parse_moment
from streamguard.evidence.signed_note import parse_note
from streamguard.store import EvidenceStore, StoredCheckpoint, StoredCosignature, StoredSession

# witness_cursor lives with the feed; it is named here too, beside audit_cursor, as a cursor every run keeps
__all__ = ["IndexStats", "audit_cursor", "index_evidence", "index_now", "witness_cursor"]

log = logging.getLogger(__name__)

CHECKPOINTS_CURSOR = "checkpoints:0"
CONTROL_CHECKPOINTS_CURSOR = "control-checkpoints:0"
PENDING_SESSIONS_CURSOR = "sessions:pending"
PUBLISH_TIMEOUT_S = 60.0
_SESSIONS_PER_PAGE = 500


def audit_cursor(partition: int) -> str:
    return f"audit:{partition}"


def control_audit_cursor(partition: int) -> str:
    return f"control-audit:{partition}"


@dataclass
class IndexStats:
    """What one run did; ``malformed`` counts audit and checkpoint records that do not parse (left for
    ``verify`` to report), ``witness_refusals`` the witness's refusals, each naming origin and sizes."""

    events_added: int = 0
    malformed: int = 0
    checkpoints_added: int = 0
    cosignatures_added: int = 0
    sessions_changed: int = 0
    witness_refusals: list[str] = field(default_factory=list)


def index_now(settings: Settings, store: EvidenceStore) -> IndexStats:
    """One indexer run with the witness of ``STREAMGUARD_WITNESS_URL`` (its errors, witness refusals among
    them, are logged as they happen)."""
    with open_witness(settings.witness_url) as witness:
        return index_evidence(settings, store, witness=witness)


def index_evidence(settings: Settings, store: EvidenceStore, *, witness: WitnessClient | None) -> IndexStats:
    """Index what is new on the topics into ``store``, then have ``witness`` (if any) cosign the newest
    checkpoint of each log not cosigned yet."""
    options = client_options(settings)
    readable = {**options, "isolation.level": "read_committed"}  # only what committed transactions wrote
    names = settings.topic_names
    admin = AdminClient(options)
    stats = IndexStats()
    cursors: dict[str, str] = {}
    events = _read_audit(readable, admin, names.audit, store, stats, cursors, audit_cursor)
    events += _read_audit(readable, admin, names.control_audit, store, stats, cursors, control_audit_cursor)
    stats.events_added = store.add_events(events)
    store.add_control_events(events)
    _index_checkpoints(readable, admin, names.checkpoints, store, stats, cursors, CHECKPOINTS_CURSOR)
    _index_checkpoints(readable, admin, names.control_checkpoints, store, stats, cursors, CONTROL_CHECKPOINTS_CURSOR)
    sessions, pending = _refolded_sessions(settings, store, events)
    changed = [session for session in sessions if _stored_body(store, session.id) != session.model_dump_json()]
    with _Publisher(options) as publisher:
        for session in changed:
            publisher.send(names.sessions, session.id.encode(), session.model_dump_json().encode())
        publisher.flush(f"{len(changed)} sessions")
        stats.sessions_changed = store.put_sessions(StoredSession.of(session) for session in changed)
        cursors[PENDING_SESSIONS_CURSOR] = json.dumps(pending)
        _advance(store, cursors)
        if witness is not None:
            control_origin = log_origin(settings.log_origin, (names.control, 0))
            fed = feed_witness(
                store, witness, publisher,
                lambda origin: names.control_checkpoints if origin == control_origin else names.checkpoints,
            )  # fmt: skip
            stats.cosignatures_added += fed.cosignatures_added
            stats.witness_refusals += fed.refusals
    return stats


# -- reading the topics -------------------------------------------------------------------------------


def _read_audit(
    options: dict[str, Any],
    admin: AdminClient,
    topic: str,
    store: EvidenceStore,
    stats: IndexStats,
    cursors: dict[str, str],
    cursor_of: Callable[[int], str],
) -> list[AuditEvent]:
    starts = {partition: int(store.cursor(cursor_of(partition)) or 0) for partition in _partitions(admin, topic)}
    events: list[AuditEvent] = []
    for message in _read_from(options, topic, starts, cursors, cursor_of):
        event = _audit_event(message.value())
        if event is None:
            stats.malformed += 1
            log.error(
                "malformed audit record at %s[%d]@%d: not indexed (verify reports it)",
                topic,
                message.partition(),
                message.offset(),
            )
        else:
            events.append(event)
    return events


def _audit_event(value: bytes | None) -> AuditEvent | None:
    """The sealed event a record holds, with a time the store can index; None for anything else."""
    if value is None:
        return None
    try:
        event = AuditEvent.from_bytes(value)
        parse_moment(event.recorded_at)
    except ValueError:  # pydantic's ValidationError is one too
        return None
    return event if event.hash else None


def _index_checkpoints(
    options: dict[str, Any],
    admin: AdminClient,
    topic: str,
    store: EvidenceStore,
    stats: IndexStats,
    cursors: dict[str, str],
    cursor: str,
) -> None:
    """Store the new checkpoint records and their cosignatures."""
    starts = {0: int(store.cursor(cursor) or 0)} if _partitions(admin, topic) else {}
    for message in _read_from(options, topic, starts, cursors, lambda _partition: cursor):
        value = message.value()
        if value is None:
            continue  # a compaction tombstone deletes nothing the store keeps
        try:
            checkpoint, cosignatures = _checkpoint_record(value, _message_time(message))
        except EvidenceError as error:
            stats.malformed += 1
            log.error("malformed checkpoint at %s[0]@%d: not indexed (%s)", topic, message.offset(), error)
            continue
        stats.checkpoints_added += store.add_checkpoint(checkpoint)
        stats.cosignatures_added += sum(store.add_cosignature(cosignature) for cosignature in cosignatures)


def _checkpoint_record(value: bytes, recorded_at: datetime) -> tuple[StoredCheckpoint, list[StoredCosignature]]:
    """The checkpoint as its log signed it, and the note's other signature lines as cosignatures to check.
    The log signs as its origin prefix (the origin is ``<log origin>/<chain>``), so the stored note is the
    same whether it was read before or after a witness's cosignatures were appended to it."""
    note = parse_note(value)
    checkpoint = Checkpoint.parse(note.text)
    log_name = checkpoint.origin.rpartition("/")[0]
    by_log = [signature for signature in note.signatures if signature.name == log_name]
    text = note.text + "\n" + "".join(signature.line() for signature in by_log) if by_log else value.decode()
    stored = StoredCheckpoint(checkpoint.origin, checkpoint.size, checkpoint.root_hash.hex(), text, recorded_at)
    others = [signature for signature in note.signatures if signature.name != log_name]
    return stored, [stored_cosignature(stored, signature) for signature in others]


def _partitions(admin: AdminClient, topic: str) -> list[int]:
    count = partition_count(admin, topic)
    if count is None:
        log.info("%s does not exist yet: nothing to index from it", topic)
    return list(range(count or 0))


def _read_from(
    options: dict[str, Any],
    topic: str,
    starts: dict[int, int],
    cursors: dict[str, str],
    cursor_of: Callable[[int], str],
) -> Iterator[Message]:
    """The records of ``topic`` from ``starts`` to its end; each partition's next offset goes into ``cursors``
    under ``cursor_of(partition)``, written to the store once the run has used them."""
    if not starts:
        return
    for message in read_to_end(options, topic, starts):
        yield message
        cursors[cursor_of(message.partition())] = str(message.offset() + 1)


def _message_time(message: Message) -> datetime:
    kind, millis = message.timestamp()
    if kind == TIMESTAMP_NOT_AVAILABLE:
        return datetime.now(UTC)
    return datetime.fromtimestamp(millis / 1000, UTC)


def _advance(store: EvidenceStore, cursors: dict[str, str]) -> None:
    """Write the cursors that moved (an unchanged one is not rewritten: a run with nothing new writes nothing)."""
    for name, position in cursors.items():
        if store.cursor(name) != position:
            store.set_cursor(name, position)


# -- sessions -----------------------------------------------------------------------------------------


def _refolded_sessions(
    settings: Settings, store: EvidenceStore, new_events: list[AuditEvent]
) -> tuple[list[Session], list[str]]:
    """The sessions that new events or new checkpoints may have changed, folded again from the store, and
    the ids of those that may still change."""
    gap = timedelta(seconds=settings.session_idle_gap_s)
    pending = [stored for stored in map(store.session, _pending_ids(store)) if stored is not None]
    starts = _fold_starts(store, new_events, pending, gap)
    if not starts:
        return [], []
    window = list(store.events(since=min(starts.values()), kinds=[RECORDS, APPROVAL]))
    chains = {(event.source.topic, event.source.partition) for event in window}
    origins = {log_origin(settings.log_origin, chain) for chain in chains}
    seals = {origin: store.checkpoints(origin) for origin in sorted(origins)}
    sessions = [
        session
        for session in fold_sessions(window, settings.session_idle_gap_s, seals)
        if (pair := (session.raw_topic, session.identity)) in starts
        and parse_moment(session.first_seen) >= starts[pair]
    ]
    return sessions, sorted(session.id for session in sessions if not session.settled())


def _pending_ids(store: EvidenceStore) -> list[str]:
    position = store.cursor(PENDING_SESSIONS_CURSOR)
    return list(json.loads(position)) if position else []


def _fold_starts(
    store: EvidenceStore, new_events: list[AuditEvent], pending: list[StoredSession], gap: timedelta
) -> dict[tuple[str, str], datetime]:
    """Per (raw topic, identity) to refold, the time to fold it from: the first session a new event could
    join or start, or a pending session's start. No event of the pair lies within the gap before it, so
    the fold from there gives the sessions a fold of the whole log gives."""
    starts: dict[tuple[str, str], datetime] = {}
    for event in new_events:
        if event.kind == RECORDS:
            moment = parse_moment(event.recorded_at)
            for identity in event.identities:
                pair = (event.source.topic, identity)
                starts[pair] = min(starts.get(pair, moment), moment)
    for (raw_topic, identity), earliest in list(starts.items()):
        for session in _sessions_since(store, identity, earliest - gap):
            if session.raw_topic == raw_topic:
                starts[(raw_topic, identity)] = min(starts[(raw_topic, identity)], session.first_seen)
    for session in [*pending, *sessions_touched(store, new_events, gap)]:
        pair = (session.raw_topic, session.identity)
        starts[pair] = min(starts.get(pair, session.first_seen), session.first_seen)
    return starts


def sessions_touched(store: EvidenceStore, new_events: list[AuditEvent], gap: timedelta) -> Iterator[StoredSession]:
    """Stored sessions a newly indexed execution may belong to (its dataset's, open when it ran)."""
    for execution in executed_operations(new_events):
        yield from store.sessions(dataset=execution.dataset, since=execution.at - gap, until=execution.at)


def _sessions_since(store: EvidenceStore, identity: str, since: datetime) -> Iterator[StoredSession]:
    offset = 0
    while page := store.sessions(identity=identity, since=since, limit=_SESSIONS_PER_PAGE, offset=offset):
        yield from page
        offset += len(page)


def _stored_body(store: EvidenceStore, session_id: str) -> str | None:
    stored = store.session(session_id)
    return stored.body_json if stored else None


# -- publishing ---------------------------------------------------------------------------------------


class _Publisher:
    """A plain, idempotent producer; ``flush`` returns only once the broker acknowledged everything sent."""

    def __init__(self, options: dict[str, Any]) -> None:
        self._producer = Producer({**options, "acks": "all", "enable.idempotence": True})
        self._failures: list[str] = []

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._producer.flush(PUBLISH_TIMEOUT_S)

    def send(self, topic: str, key: bytes, value: bytes, partition: int | None = None) -> None:
        placed: dict[str, int] = {} if partition is None else {"partition": partition}
        while True:
            try:
                self._producer.produce(topic, value, key, on_delivery=self._report, **placed)
                return
            except BufferError:  # the local queue is full: let deliveries drain it
                self._producer.poll(0.1)

    def flush(self, what: str) -> None:
        if self._producer.flush(PUBLISH_TIMEOUT_S) or self._failures:
            failures, self._failures = self._failures, []
            raise DeliveryError(f"{what} were not acknowledged: {', '.join(sorted(set(failures))) or 'timed out'}")

    def _report(self, error: KafkaError | None, message: Message) -> None:
        if error is not None:
            self._failures.append(f"{message.topic()}: {error.name()}")
