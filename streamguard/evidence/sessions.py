"""Producer sessions (pure): one producer identity writing one raw topic, from its first record until it has
been quiet for longer than the idle gap, folded from the audit events that account for its records.

A session is what an auditor asks about ("what did billing-service send on Tuesday, who received it, is it
sealed?"), answered from evidence alone: every number in it is a sum over the audit events it lists, and
``sealed_by`` names, per chain, the first signed checkpoint that covers its last event there. Folding is
deterministic: the same events in any order, repeated or not, give the same sessions, so an indexer can
rebuild them from any copy of the audit log and get the same ids and bodies.

An event with several identities (a signed dataset's batch from two producers) counts its source records
per identity, from ``identities``; its offsets, deliveries, quarantine reasons and entity counts are the
event's own and are added to each of those identities' sessions, since the event does not split them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from streamguard.core.errors import SessionError
from streamguard.evidence.audit import APPROVAL, RECORDS, AuditEvent, chain_key

SESSION_ID_HEX = 32


class PartitionSpan(BaseModel):
    """The source offsets a session's events span in one partition, and the identity's records among them."""

    model_config = ConfigDict(frozen=True)

    first_offset: int
    last_offset: int
    records: int


class Delivery(BaseModel):
    """What one audience's view received of the session's events."""

    model_config = ConfigDict(frozen=True)

    topic: str
    records: int


class Seal(BaseModel):
    """The signed checkpoint that seals a session's events in one chain."""

    model_config = ConfigDict(frozen=True)

    origin: str
    size: int
    root_hex: str


class CheckpointRef(Protocol):
    """What sealing reads of a checkpoint (the store's ``StoredCheckpoint`` has these)."""

    @property
    def origin(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def root_hex(self) -> str: ...


class Session(BaseModel):
    """One producer identity's session on one raw topic; its body is the evidence an auditor reads."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="sha256 of raw topic, identity and first event hash, first 32 hex characters")
    dataset: str | None
    raw_topic: str
    identity: str
    first_seen: str = Field(description="recorded_at of the first event, ISO-8601 UTC")
    last_seen: str = Field(description="recorded_at of the last event, ISO-8601 UTC")
    records: int = Field(description="source records this identity produced in the session")
    partitions: dict[str, PartitionSpan] = Field(default_factory=dict)
    schema_ids: list[int] = Field(default_factory=list)
    rule_versions: list[int] = Field(default_factory=list)
    deliveries: dict[str, Delivery] = Field(default_factory=dict, description="audience -> its view's records")
    quarantined: dict[str, int] = Field(default_factory=dict, description="reason -> count")
    entities: dict[str, int] = Field(default_factory=dict, description="entity type -> count")
    approvals: list[str] = Field(
        default_factory=list,
        description="approved operations run on the dataset while the session was open",
    )
    events: list[str] = Field(default_factory=list, description='"chain#seq" of each event, in fold order')
    sealed_by: dict[str, Seal] = Field(default_factory=dict, description="chain -> first checkpoint covering it")
    open: bool = Field(description="last_seen is within the idle gap of the newest event seen")

    def chains(self) -> set[str]:
        return {ref.rpartition("#")[0] for ref in self.events}

    def with_approvals(self, executions: Sequence[Execution], gap: timedelta) -> Session:
        """This session listing the executions on its dataset that ran while it was open."""
        first, last = parse_moment(self.first_seen), parse_moment(self.last_seen)
        touched = sorted({e.request for e in executions if e.dataset == self.dataset and first <= e.at <= last + gap})
        return self.model_copy(update={"approvals": touched}) if touched else self

    def settled(self) -> bool:
        """Closed and sealed in every chain: no later event or checkpoint changes it any more (barring an
        event that arrives late, recorded inside its idle gap)."""
        return not self.open and self.chains() <= self.sealed_by.keys()


@dataclass(frozen=True)
class Execution:
    """An approved operation that ran on a dataset (from an approval event with transition ``executed``)."""

    request: str
    dataset: str
    at: datetime


def executed_operations(events: Iterable[AuditEvent]) -> list[Execution]:
    return [
        Execution(str(event.operation["request"]), event.dataset, _recorded_at(event))
        for event in events
        if event.kind == APPROVAL and event.dataset and event.operation.get("transition") == "executed"
    ]


def session_id(raw_topic: str, identity: str, first_event_hash: str) -> str:
    """Unambiguous joined by newlines: a topic name has none and the hash has a fixed length."""
    material = f"{raw_topic}\n{identity}\n{first_event_hash}".encode()
    return hashlib.sha256(material).hexdigest()[:SESSION_ID_HEX]


def chain_of_origin(origin: str) -> str:
    """The chain (``topic:partition``) a checkpoint origin ``<log origin>/<topic>:<partition>`` names: the
    part after the last slash, since a Kafka topic name cannot contain one."""
    return origin.rpartition("/")[2]


def fold_sessions(
    events: Iterable[AuditEvent], idle_gap_s: float, checkpoints_by_origin: Mapping[str, Sequence[CheckpointRef]]
) -> list[Session]:
    """The sessions of ``events``, by first_seen, raw topic and identity. ``checkpoints_by_origin`` seals
    them; ``open`` is judged against the newest record event. Executed approvals among ``events`` are listed
    by the sessions of their dataset open when they ran (first seen at or before, last seen within the gap)."""
    events = list(events)
    timed = _session_events(events)
    if not timed:
        return []
    gap = timedelta(seconds=idle_gap_s)
    runs: dict[tuple[str, str], list[list[tuple[datetime, AuditEvent]]]] = {}
    for moment, event in timed:
        for identity in sorted(name for name, count in event.identities.items() if count > 0):
            pair_runs = runs.setdefault((event.source.topic, identity), [])
            if pair_runs and moment - pair_runs[-1][-1][0] <= gap:
                pair_runs[-1].append((moment, event))
            else:
                pair_runs.append([(moment, event)])
    newest = timed[-1][0]
    seals = _seals_by_chain(checkpoints_by_origin)
    executions = executed_operations(events)
    sessions = [
        _session(raw_topic, identity, run, newest - run[-1][0] <= gap, seals).with_approvals(executions, gap)
        for (raw_topic, identity), pair_runs in runs.items()
        for run in pair_runs
    ]
    return sorted(sessions, key=lambda session: (parse_moment(session.first_seen), session.raw_topic, session.identity))


def parse_moment(text: str) -> datetime:
    """An ISO-8601 time as an aware UTC datetime (one without an offset is UTC: evidence times are)."""
    parsed = datetime.fromisoformat(text)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _session_events(events: Iterable[AuditEvent]) -> list[tuple[datetime, AuditEvent]]:
    """Record events once each (by hash), with their times, in (recorded_at, chain, seq) order."""
    unique: dict[str, tuple[datetime, AuditEvent]] = {}
    for event in events:
        if event.kind == RECORDS and event.hash not in unique:
            unique[event.hash] = (_recorded_at(event), event)
    return sorted(unique.values(), key=lambda timed: (timed[0], _chain(timed[1]), timed[1].seq, timed[1].hash))


def _recorded_at(event: AuditEvent) -> datetime:
    try:
        return parse_moment(event.recorded_at)
    except ValueError:
        raise SessionError(
            f"audit event {_chain(event)}#{event.seq} ({event.hash}): recorded_at is not ISO-8601"
        ) from None


def _chain(event: AuditEvent) -> str:
    return chain_key(event.source.topic, event.source.partition)


def _seals_by_chain(checkpoints_by_origin: Mapping[str, Sequence[CheckpointRef]]) -> dict[str, list[Seal]]:
    seals: dict[str, list[Seal]] = {}
    for origin, checkpoints in checkpoints_by_origin.items():
        chain_seals = seals.setdefault(chain_of_origin(origin), [])
        chain_seals += [Seal(origin=origin, size=c.size, root_hex=c.root_hex) for c in checkpoints]
    for chain_seals in seals.values():
        chain_seals.sort(key=lambda seal: (seal.size, seal.root_hex, seal.origin))
    return seals


def _session(
    raw_topic: str, identity: str, run: list[tuple[datetime, AuditEvent]], is_open: bool, seals: dict[str, list[Seal]]
) -> Session:
    partitions: dict[int, PartitionSpan] = {}
    deliveries: dict[str, Delivery] = {}
    quarantined: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    last_seq: dict[str, int] = {}
    for _, event in run:
        partitions[event.source.partition] = _spanned(partitions.get(event.source.partition), event, identity)
        for audience, output in event.outputs.items():
            held = deliveries.get(audience)
            deliveries[audience] = Delivery(topic=output.topic, records=output.count + (held.records if held else 0))
        quarantined.update(entry.reason for entry in event.quarantined)
        entities.update(event.entity_counts)
        last_seq[_chain(event)] = event.seq
    events = [event for _, event in run]
    return Session(
        id=session_id(raw_topic, identity, events[0].hash),
        dataset=events[0].dataset,
        raw_topic=raw_topic,
        identity=identity,
        first_seen=_utc_text(run[0][0]),
        last_seen=_utc_text(run[-1][0]),
        records=sum(event.identities[identity] for event in events),
        partitions={str(partition): partitions[partition] for partition in sorted(partitions)},
        schema_ids=sorted({schema_id for event in events for schema_id in event.schema_ids}),
        rule_versions=sorted({event.rule_version for event in events if event.rule_version is not None}),
        deliveries=dict(sorted(deliveries.items())),
        quarantined=dict(sorted(quarantined.items())),
        entities=dict(sorted(entities.items())),
        events=[f"{_chain(event)}#{event.seq}" for event in events],
        sealed_by={chain: seal for chain, seq in sorted(last_seq.items()) if (seal := _covering(seals, chain, seq))},
        open=is_open,
    )


def _spanned(held: PartitionSpan | None, event: AuditEvent, identity: str) -> PartitionSpan:
    records = event.identities[identity]
    if held is None:
        return PartitionSpan(
            first_offset=event.source.first_offset, last_offset=event.source.last_offset, records=records
        )
    return PartitionSpan(
        first_offset=min(held.first_offset, event.source.first_offset),
        last_offset=max(held.last_offset, event.source.last_offset),
        records=held.records + records,
    )


def _covering(seals: dict[str, list[Seal]], chain: str, seq: int) -> Seal | None:
    """The smallest checkpoint of ``chain`` whose tree includes event ``seq`` (size > seq)."""
    return next((seal for seal in seals.get(chain, ()) if seal.size > seq), None)


def _utc_text(moment: datetime) -> str:
    """Milliseconds, as the worker records times, unless the event was recorded more finely."""
    return moment.isoformat(timespec="milliseconds" if moment.microsecond % 1000 == 0 else "microseconds")
