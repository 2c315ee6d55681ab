"""Building a per-record proof from the broker: the audit event that delivered a raw offset, the audience's
view records of that event, and the smallest signed checkpoint of the chain's log that covers the event.

Everything is read ``read_committed``: an aborted cycle's views and events are not evidence. A chain's events
all sit in one audit partition (``audit_partition_of``), so one partition is read, not the whole topic. The
view records of an event are told from other events' records in the same offset range by their evidence
header (aborted transactions leave records there that a committed read skips anyway). The proof itself is
assembled and checked by ``streamguard.evidence.proofs``; this module reads, and derives from the deployment's
keyring the one salt the proof carries: that of the proved audience's record digests in the event.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from confluent_kafka import Consumer, KafkaError, KafkaException, Message, TopicPartition
from pydantic import ValidationError

from streamguard.agents.checkpoints import log_origin
from streamguard.agents.kafka_audit import SourcePartition, audit_partition_of
from streamguard.agents.kafka_readback import read_to_end
from streamguard.agents.kafka_topics import AUDIT_PARTITIONS
from streamguard.agents.processor import recorded_salt
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.core.errors import EvidenceError, KafkaToolingError, KeyringError, OffsetsNotRetained, ProofNotReady
from streamguard.evidence.audit import AudienceOutput, AuditEvent, chain_key, event_leaf
from streamguard.evidence.header import EVIDENCE_HEADER, Evidence
from streamguard.evidence.proofs import ProofError, RecordProof, ViewRecord, audience_output, raw_position, record_proof

log = logging.getLogger(__name__)
READ_GROUP = "streamguard-proofs"  # required by librdkafka; never joined, nothing committed
READ_TIMEOUT_S = 60.0


def committed_reads(options: dict[str, Any]) -> dict[str, Any]:
    """Client options for evidence reads: only what committed transactions wrote."""
    return {**options, "isolation.level": "read_committed"}


def build_proof(settings: Settings, raw_topic: str, partition: int, offset: int, audience: str) -> RecordProof:
    """The proof of what ``audience`` saw of ``raw_topic[partition]@offset``; ProofError (ProofNotReady while
    no checkpoint covers it yet) saying exactly what is missing. The keyring (never created here) gives the
    salt of the audience's record digests, and that salt only."""
    keyring = deployment_keyring(settings)
    options = committed_reads(client_options(settings))
    names = settings.topic_names
    source = (raw_topic, partition)
    chain = chain_events(options, names.audit, source)
    event, event_json = _delivering_event(chain, raw_topic, partition, offset)
    views = event_views(options, event, audience_output(event, audience))
    positions = [position for position, (source_offset, _) in enumerate(views) if source_offset == offset]
    if not positions:
        raise ProofError(
            f"no view record of audit event {event.event_id} for audience {audience} names "
            f"{raw_position(raw_topic, partition, offset)} as its source"
        )
    note = covering_checkpoint(options, names.checkpoints, log_origin(settings.log_origin, source), event.seq)
    try:
        salt = recorded_salt(keyring, event, audience)
    except KeyringError as error:
        raise ProofError(
            f"no salt for audience {audience}'s record digests in audit event {event.event_id}: {error}"
        ) from None
    return record_proof(
        raw=(raw_topic, partition, offset),
        audience=audience,
        event=event,
        event_json=event_json,
        views=[view for _, view in views],
        position=positions[0],
        log_leaves=_log_leaves(chain, chain_key(*source)),
        checkpoint_note=note,
        salt=salt,
    )


def chain_events(options: dict[str, Any], audit_topic: str, source: SourcePartition) -> list[tuple[AuditEvent, str]]:
    """The chain's well-formed audit events with their JSON as stored, in seq order (malformed ones skipped)."""
    partition = audit_partition_of(source, AUDIT_PARTITIONS)
    key = chain_key(*source).encode()
    found = []
    for message in read_to_end(options, audit_topic, {partition: 0}, timeout_s=READ_TIMEOUT_S):
        value = message.value()
        if message.key() != key or value is None:
            continue
        try:
            found.append((AuditEvent.from_bytes(value), value.decode()))
        except (ValidationError, UnicodeDecodeError):
            log.warning("%s[%d]@%d is not a well-formed audit event: skipped", audit_topic, partition, message.offset())
    return sorted(found, key=lambda pair: pair[0].seq)


def _delivering_event(
    chain: list[tuple[AuditEvent, str]], raw_topic: str, partition: int, offset: int
) -> tuple[AuditEvent, str]:
    raw = raw_position(raw_topic, partition, offset)
    for event, event_json in chain:
        if offset in event.tombstones or any(first <= offset <= last for first, last in event.delivered):
            return event, event_json
        quarantined = next((q for q in event.quarantined if q.offset == offset), None)
        if quarantined is not None:
            raise ProofError(
                f"{raw} was quarantined ({quarantined.reason}) by audit event {event.event_id}: no audience saw it"
            )
    raise ProofError(f"{raw} is not accounted for by any audit event")


def event_views(options: dict[str, Any], event: AuditEvent, output: AudienceOutput) -> list[tuple[int, ViewRecord]]:
    """The audience's view records of ``event`` as (source offset, record), in view offset order; ProofError
    unless there are exactly as many as the event counts."""
    where = f"{output.topic}[{output.partition}]"
    if output.first_offset is None or output.last_offset is None:
        raise ProofError(f"audit event {event.event_id} delivered no view records to {where}")
    found = []
    for message in read_offsets(options, output.topic, output.partition, output.first_offset, output.last_offset):
        evidence = _evidence(message)
        if evidence is not None and evidence.audit_event == event.event_id:
            found.append((evidence.source_offset, ViewRecord(message.offset(), message.value())))
    if len(found) != output.count:
        raise ProofError(
            f"{where} offsets {output.first_offset}..{output.last_offset} hold {len(found)} view records of audit "
            f"event {event.event_id}; the event counts {output.count}"
        )
    return found


def _evidence(message: Message) -> Evidence | None:
    header = dict(message.headers() or []).get(EVIDENCE_HEADER)
    if header is None:
        return None
    try:
        return Evidence.parse(header)
    except EvidenceError:
        return None  # not a record streamguard stamped: it cannot be this event's


def covering_checkpoint(options: dict[str, Any], checkpoints_topic: str, origin: str, seq: int) -> str:
    """The signed note of the smallest checkpoint of ``origin`` whose size covers event ``seq``, as last
    published (a re-published checkpoint carries the witnesses' cosignatures)."""
    prefix = f"{origin}@".encode()
    notes: dict[int, str] = {}  # size -> the latest note published under that key
    for message in read_to_end(options, checkpoints_topic, {0: 0}, timeout_s=READ_TIMEOUT_S):
        key, value = message.key() or b"", message.value()
        size = key.removeprefix(prefix)
        if not key.startswith(prefix) or not size.isdigit() or value is None:
            continue
        try:
            notes[int(size)] = value.decode()
        except UnicodeDecodeError:
            log.warning("%s[0]@%d is not a signed note: skipped", checkpoints_topic, message.offset())
    covering = [size for size in notes if size > seq]
    if not covering:
        latest = f"size {max(notes)}" if notes else "none"
        chain = origin.rsplit("/", 1)[-1]
        raise ProofNotReady(
            f"no checkpoint covers event seq {seq} of {chain} yet (latest: {latest}); try again after the next "
            f"checkpoint"
        )
    return notes[min(covering)]


def _log_leaves(chain: list[tuple[AuditEvent, str]], name: str) -> list[bytes]:
    """The chain's log leaves in seq order, as far as its events run without a gap."""
    leaves = []
    for expected, (event, _) in enumerate(chain):
        if event.seq != expected:
            log.warning("chain %s has no well-formed event of seq %d: its log is rebuilt up to there", name, expected)
            break
        leaves.append(event_leaf(event))
    return leaves


def read_offsets(options: dict[str, Any], topic: str, partition: int, first: int, last: int) -> list[Message]:
    """The committed records of ``topic[partition]`` from ``first`` to ``last`` (inclusive), in offset order;
    OffsetsNotRetained if the partition no longer starts at or before ``first``."""
    consumer = Consumer(
        {
            **committed_reads(options),
            "group.id": READ_GROUP,
            "enable.auto.commit": False,
            "enable.partition.eof": True,
            "auto.offset.reset": "error",  # never silently read from elsewhere than asked
        }
    )
    try:
        low, high = _watermarks(consumer, topic, partition)
        if first < low:
            raise OffsetsNotRetained(
                f"offsets {first}..{min(last, low - 1)} of {topic}[{partition}] no longer retained (it starts at {low})"
            )
        if last >= high:
            raise ProofError(f"{topic}[{partition}] ends before offset {last} (its end is {high})")
        consumer.assign([TopicPartition(topic, partition, first)])
        return _consume_through(consumer, topic, partition, last)
    finally:
        consumer.close()


def _watermarks(consumer: Consumer, topic: str, partition: int) -> tuple[int, int]:
    try:
        low, high = consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=15)
    except KafkaException as error:
        raise KafkaToolingError(f"no offsets for {topic}[{partition}]: {error.args[0].name()}") from None
    return int(low), int(high)


def _consume_through(consumer: Consumer, topic: str, partition: int, last: int) -> list[Message]:
    found: list[Message] = []
    deadline = time.monotonic() + READ_TIMEOUT_S
    while time.monotonic() < deadline:
        for message in consumer.consume(1000, 0.5):
            error = message.error()
            if error is not None and error.code() == KafkaError._PARTITION_EOF:
                return found  # a committed read ends before the last offset when only aborted records follow
            if error is not None:
                raise KafkaToolingError(f"reading {topic}[{partition}]: {error.name()}")
            if message.offset() > last:
                return found
            found.append(message)
            if message.offset() == last:
                return found
    raise KafkaToolingError(f"reading {topic}[{partition}] up to offset {last} took over {READ_TIMEOUT_S:.0f}s")
