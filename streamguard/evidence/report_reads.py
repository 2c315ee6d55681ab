"""The report's read evidence and alerts: who read each topic how far, and what monitoring raised.

These come from the control plane's access and alert events, which have their own shape, so they live apart
from the record counts in ``report``: an access event names no dataset of its own and carries progress
records (``streamguard.control.read_evidence`` writes them) that count for the dataset of their topic, an
alert event carries the alert. This module validates those operations and folds the progress records into
one read row per (topic, group, principal, source); ``report`` routes each row to its dataset's part of the
report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import BaseModel, ConfigDict, ValidationError

from streamguard.core.errors import ReportError
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.report_common import UtcDatetime, event_name


class ReadClient(BaseModel):
    model_config = ConfigDict(frozen=True)

    client_id: str
    host: str


class PartitionReach(BaseModel):
    """The highest offset a group committed on one partition in the period, and the partition's end then."""

    model_config = ConfigDict(frozen=True)

    partition: int
    committed_offset: int
    end_offset: int | None


class ViewRead(BaseModel):
    """How far one consumer group read one topic for one principal, as the period's access events saw it.

    ``topic`` is a governed view, or a raw topic (``audience`` None). ``principal`` is the policy's name and
    ``kafka_principal`` the broker's; ``source`` says where the principal comes from: ``authorizer-log`` (the
    local broker's), ``audit-log-topic`` (a platform's), or ``group-prefix`` (inferred from the group's id and
    the policy, where neither log is available). All three are None when none showed or gave a principal (a
    super user, a group of no audience's prefix). A committed offset is the next offset the group reads: at
    500 it has read offsets 0 to 499; ``offsets`` sums them over the partitions (the records read, for a topic
    whose offsets start at 0)."""

    model_config = ConfigDict(frozen=True)

    topic: str
    audience: str | None
    group: str
    principal: str | None
    kafka_principal: str | None
    source: str | None
    partitions: list[PartitionReach]
    offsets: int
    first_seen: datetime
    last_seen: datetime
    clients: list[ReadClient]


class RaisedAlert(BaseModel):
    """An alert a monitoring rule raised (its details stay in the audit event)."""

    model_config = ConfigDict(frozen=True)

    at: UtcDatetime
    rule: str
    severity: str
    subject: str
    summary: str
    key: str


class _Principal(BaseModel):
    kafka: str
    principal: str | None
    source: str = "authorizer-log"  # recorded before sources were: the authorizer log was the only one


class _ReadEntry(BaseModel):
    """One progress record of an access event (``streamguard.control.read_evidence`` writes them)."""

    group: str
    topic: str
    partition: int
    committed_offset: int
    end_offset: int | None
    clients: list[ReadClient]
    principals: list[_Principal]


class _AccessOperation(BaseModel):
    observed_at: UtcDatetime
    reads: list[_ReadEntry]


_INFERRED = "group-prefix"  # control.read_sources.ReadSource.GROUP_PREFIX (the evidence layer sits below it)
ReadKey = tuple[str, str, str | None, str | None, str | None]  # topic, group, principal, Kafka principal, source


@dataclass
class _ReadTally:
    """How far one group read one topic for one principal (from one source), so far."""

    first_seen: datetime
    last_seen: datetime
    reached: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # partition -> committed, end
    clients: set[tuple[str, str]] = field(default_factory=set)

    def add(self, entry: _ReadEntry, observed_at: datetime) -> None:
        self.first_seen, self.last_seen = min(self.first_seen, observed_at), max(self.last_seen, observed_at)
        committed, _ = self.reached.get(entry.partition, (-1, None))
        if entry.committed_offset > committed:  # the highest reached: an offset reset moves a group back
            self.reached[entry.partition] = (entry.committed_offset, entry.end_offset)
        self.clients.update((client.client_id, client.host) for client in entry.clients)

    def frozen(self, key: ReadKey, names: TopicNames) -> ViewRead:
        topic, group, principal, kafka_principal, source = key
        view = names.view_of(topic)
        partitions = [
            PartitionReach(partition=partition, committed_offset=committed, end_offset=end)
            for partition, (committed, end) in sorted(self.reached.items())
        ]
        return ViewRead(
            topic=topic,
            audience=view[1] if view else None,
            group=group,
            principal=principal,
            kafka_principal=kafka_principal,
            source=source,
            partitions=partitions,
            offsets=sum(reach.committed_offset for reach in partitions),
            first_seen=self.first_seen,
            last_seen=self.last_seen,
            clients=[ReadClient(client_id=client, host=host) for client, host in sorted(self.clients)],
        )


@dataclass
class DatasetReads:
    """The reads of one dataset so far: one tally per (topic, group, principal, source) key."""

    tallies: dict[ReadKey, _ReadTally] = field(default_factory=dict)

    def add(self, key: ReadKey, entry: _ReadEntry, observed_at: datetime) -> None:
        self.tallies.setdefault(key, _ReadTally(observed_at, observed_at)).add(entry, observed_at)

    def __len__(self) -> int:
        return len(self.tallies)

    def frozen(self, names: TopicNames) -> list[ViewRead]:
        return [self.tallies[key].frozen(key, names) for key in sorted(self.tallies, key=_read_order)]


def access_reads(event: AuditEvent, names: TopicNames) -> Iterator[tuple[str | None, ReadKey, _ReadEntry, datetime]]:
    """(dataset, key, progress record, observed at) per progress record of an access event and principal
    behind it; a record with no principal is keyed with none (and no source)."""
    try:
        operation = _AccessOperation.model_validate(event.operation)
    except ValidationError as error:
        raise ReportError(f"{event_name(event)}: its operation is not read progress ({_fields(error)})") from None
    for entry in operation.reads:
        readers = [(p.principal, p.kafka, p.source) for p in entry.principals] or [(None, None, None)]
        for principal, kafka_principal, source in readers:
            key = (entry.topic, entry.group, principal, kafka_principal, source)
            yield names.dataset_of_topic(entry.topic), key, entry, operation.observed_at


def source_label(source: str | None) -> str:
    """How the report and ``access list`` name where a read's principal comes from: the source, marked when
    inferred; without a principal, the consumer groups alone showed the read."""
    if source is None:
        return "none (consumer groups only)"
    return f"{source} (inferred)" if source == _INFERRED else source


def raised_alert(event: AuditEvent) -> RaisedAlert:
    """The alert an alert event records; ReportError if its operation lacks what an alert has."""
    try:
        return RaisedAlert.model_validate(event.operation)
    except ValidationError as error:
        raise ReportError(f"{event_name(event)}: its operation is not an alert ({_fields(error)})") from None


def _read_order(key: ReadKey) -> tuple[str, str, str, str, str]:
    topic, group, principal, kafka_principal, source = key
    return topic, group, principal or "", kafka_principal or "", source or ""


def _fields(error: ValidationError) -> str:
    """The fields a validation error names, never the values it found there."""
    problems = {".".join(str(part) for part in problem["loc"]) or "operation" for problem in error.errors()}
    return "missing or malformed: " + ", ".join(sorted(problems))
