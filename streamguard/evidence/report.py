"""The auditor's report: what the audit events of a period say happened to each dataset, as plain models.

``build_report`` folds audit events into counters, one event at a time, and freezes them into a ``Report``:
who produced to each dataset, which audiences received it and where, which fields were masked how per
audience, why records were quarantined, which entity types detection found, which approvals were recorded,
which principal and group read which of its topics up to which offset and when, which alerts monitoring
raised, and how the audit log's verification went. The read evidence and alerts, folded from the control
plane's events, are modelled in ``streamguard.evidence.report_reads``. Renderers (JSON, CSV, HTML) live
in ``streamguard.app`` and show nothing but these numbers, so every format tells the same story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from streamguard.core.errors import ReportError
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import ACCESS, ALERT, APPROVAL, DISCOVERED, RECORDS, AuditEvent
from streamguard.evidence.report_common import (
    as_utc,
    checked_period,
    consumed_records,
    delivered_records,
    event_name,
    recorded_at,
)
from streamguard.evidence.report_reads import DatasetReads, RaisedAlert, ViewRead, access_reads, raised_alert

MAX_PROBLEMS_SHOWN = 50
ALL_AUDIENCES = "*"  # the audience of legacy ``class/action`` counts, written before counts were per audience
DEFAULT_TOPIC_NAMES = TopicNames()


class Checkpoint(BaseModel):
    """A signed tree head of the audit log the verification was checked against."""

    model_config = ConfigDict(frozen=True)

    origin: str
    size: int = Field(ge=0)
    root_hex: str
    cosigned_by: list[str] = Field(default_factory=list)


class VerificationStatus(BaseModel):
    """The verifier's verdict on the audit log; ``problems`` holds the first of ``problem_count`` problems."""

    model_config = ConfigDict(frozen=True)

    intact: bool
    checked_at: str
    problems: list[str] = Field(default_factory=list, max_length=MAX_PROBLEMS_SHOWN)
    problem_count: int = Field(default=0, ge=0)
    checkpoints: list[Checkpoint] = Field(default_factory=list)
    witnessed: bool = Field(default=False, description="a witness's key was trusted (else re-signing goes unseen)")
    unenforced_events: int = Field(default=0, ge=0, description="operations recorded with no control plane")

    @model_validator(mode="after")
    def _counts_every_problem_shown(self) -> Self:
        if self.problem_count < len(self.problems):
            raise ValueError(f"problem_count {self.problem_count} is less than the {len(self.problems)} listed")
        return self


class IdentityCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    identity: str
    records: int


class SourceTopicCount(BaseModel):
    """Source offsets of a raw topic the events account for (delivered, tombstones and quarantined)."""

    model_config = ConfigDict(frozen=True)

    topic: str
    records: int


class AudienceDelivery(BaseModel):
    model_config = ConfigDict(frozen=True)

    audience: str
    topic: str
    records: int


class MaskedCount(BaseModel):
    """(field, record) applications of one action to one data class in one audience's view."""

    model_config = ConfigDict(frozen=True)

    audience: str
    data_class: str
    action: str
    count: int


class ReasonCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    reason: str
    count: int


class EntityCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    entity: str
    count: int


class Approval(BaseModel):
    model_config = ConfigDict(frozen=True)

    event_id: str
    recorded_at: str
    worker: str
    operation: dict[str, Any] = Field(default_factory=dict)


class Totals(BaseModel):
    """Record events and the fate of their source offsets; ``approvals`` counts approval events, ``reads``
    the (topic, group, principal) read rows and ``alerts`` the alerts raised."""

    model_config = ConfigDict(frozen=True)

    events: int = 0
    delivered: int = 0
    tombstones: int = 0
    quarantined: int = 0
    approvals: int = 0
    reads: int = 0
    alerts: int = 0


class DatasetReport(BaseModel):
    """One dataset's period; ``dataset`` is None for events that name no dataset."""

    model_config = ConfigDict(frozen=True)

    dataset: str | None
    source_topics: list[SourceTopicCount]
    identities: list[IdentityCount]
    audiences: list[AudienceDelivery]
    masked: list[MaskedCount]
    quarantines: list[ReasonCount]
    entities: list[EntityCount]
    approvals: list[Approval]
    reads: list[ViewRead]
    alerts: list[RaisedAlert]
    totals: Totals


class AudienceRecords(BaseModel):
    model_config = ConfigDict(frozen=True)

    dataset: str | None
    audience: str
    records: int


class Summary(BaseModel):
    """Every dataset of the report together: what the report's charts show."""

    model_config = ConfigDict(frozen=True)

    records_by_audience: list[AudienceRecords]
    quarantines: list[ReasonCount]
    entities: list[EntityCount]
    totals: Totals


class UnruledTopic(BaseModel):
    """A topic whose latest discover run in the period found personal data, and whose dataset has no rules."""

    model_config = ConfigDict(frozen=True)

    topic: str
    dataset: str | None
    sampled_at: datetime
    records_sampled: int
    personal_fields: list[str] = Field(description="Field paths proposed personal (names, never values).")


class Report(BaseModel):
    model_config = ConfigDict(frozen=True)

    period_from: datetime
    period_to: datetime
    dataset_filter: str | None
    generated_at: datetime
    datasets: list[DatasetReport]
    summary: Summary
    verification: VerificationStatus | None
    unruled_topics: list[UnruledTopic] = Field(
        default_factory=list, description="Topics found holding personal data with no rules in force."
    )


@dataclass
class _DatasetTally:
    """The running counts of one dataset while events stream past."""

    source_topics: Counter[str] = field(default_factory=Counter)
    identities: Counter[str] = field(default_factory=Counter)
    audiences: Counter[tuple[str, str]] = field(default_factory=Counter)
    masked: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    quarantines: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    approvals: list[Approval] = field(default_factory=list)
    reads: DatasetReads = field(default_factory=DatasetReads)
    alerts: list[RaisedAlert] = field(default_factory=list)
    events: int = 0
    delivered: int = 0
    tombstones: int = 0

    def add_records(self, event: AuditEvent) -> None:
        self.events += 1
        self.delivered += delivered_records(event)
        self.tombstones += len(event.tombstones)
        self.source_topics[event.source.topic] += consumed_records(event)
        self.identities.update(event.identities)
        self.audiences.update({(audience, out.topic): out.count for audience, out in event.outputs.items()})
        self.masked.update({_split_action_key(event, key): count for key, count in event.action_counts.items()})
        self.quarantines.update(quarantined.reason for quarantined in event.quarantined)
        self.entities.update(event.entity_counts)

    def add_approval(self, event: AuditEvent) -> None:
        # Approval events carry an ``operation`` once they exist; an event model without one has none to show.
        operation = event.operation
        self.approvals.append(
            Approval(event_id=event.event_id, recorded_at=event.recorded_at, worker=event.worker, operation=operation)
        )

    def add_alert(self, event: AuditEvent) -> None:
        self.alerts.append(raised_alert(event))

    def totals(self) -> Totals:
        return Totals(
            events=self.events,
            delivered=self.delivered,
            tombstones=self.tombstones,
            quarantined=self.quarantines.total(),
            approvals=len(self.approvals),
            reads=len(self.reads),
            alerts=len(self.alerts),
        )

    def frozen(self, dataset: str | None, names: TopicNames) -> DatasetReport:
        return DatasetReport(
            dataset=dataset,
            source_topics=[SourceTopicCount(topic=t, records=n) for t, n in sorted(self.source_topics.items())],
            identities=[IdentityCount(identity=i, records=n) for i, n in sorted(self.identities.items())],
            audiences=[
                AudienceDelivery(audience=audience, topic=topic, records=n)
                for (audience, topic), n in sorted(self.audiences.items())
            ],
            masked=[
                MaskedCount(audience=audience, data_class=data_class, action=action, count=n)
                for (audience, data_class, action), n in sorted(self.masked.items())
            ],
            quarantines=_reasons(self.quarantines),
            entities=_entities(self.entities),
            approvals=self.approvals,
            reads=self.reads.frozen(names),
            alerts=sorted(self.alerts, key=lambda alert: (alert.at, alert.rule, alert.subject)),
            totals=self.totals(),
        )


def build_report(
    events: Iterable[AuditEvent],
    *,
    start: datetime,
    end: datetime,
    dataset: str | None,
    verification: VerificationStatus | None,
    generated_at: datetime,
    names: TopicNames = DEFAULT_TOPIC_NAMES,
    ruled: Collection[str] = (),
) -> Report:
    """The report of the events recorded in ``start <= recorded_at < end`` (of ``dataset`` when given).

    An access event names no dataset of its own: each of its progress records counts for the dataset of its
    topic, by the deployment's topic ``names``. Naive datetimes are taken as UTC, as audit events record
    UTC. Raises ReportError for an empty period, an event whose ``recorded_at`` does not parse, an
    ``action_counts`` key that is not ``audience/class/action`` or legacy ``class/action``, or an access or
    alert event whose operation lacks what such an event records. ``ruled``: the datasets with rules in force,
    whose discover runs are not listed among the unruled topics.
    """
    start, end = checked_period(start, end)
    tallies: dict[str | None, _DatasetTally] = {}
    discovered: dict[str, AuditEvent] = {}  # topic -> its latest discover run in the period
    for event in events:
        if not start <= recorded_at(event) < end:
            continue
        if event.kind == DISCOVERED:
            if dataset is None or event.dataset == dataset:
                discovered[str((event.operation or {}).get("topic"))] = event
            continue
        if event.kind == ACCESS:
            for name, key, entry, observed_at in access_reads(event, names):
                if dataset is None or name == dataset:
                    tallies.setdefault(name, _DatasetTally()).reads.add(key, entry, observed_at)
            continue
        if dataset is not None and event.dataset != dataset:
            continue
        tally = tallies.setdefault(event.dataset, _DatasetTally())
        if event.kind == RECORDS:
            tally.add_records(event)
        elif event.kind == APPROVAL:
            tally.add_approval(event)
        elif event.kind == ALERT:
            tally.add_alert(event)
    # Named datasets in name order; the events that name none come last.
    ordered = sorted(tallies.items(), key=lambda item: (item[0] is None, item[0] or ""))
    datasets = [tally.frozen(name, names) for name, tally in ordered]
    return Report(
        period_from=start,
        period_to=end,
        dataset_filter=dataset,
        generated_at=as_utc(generated_at),
        datasets=datasets,
        summary=_summary(datasets),
        verification=verification,
        unruled_topics=_unruled(discovered, set(ruled)),
    )


def _unruled(discovered: dict[str, AuditEvent], ruled: set[str]) -> list[UnruledTopic]:
    found = []
    for topic, event in sorted(discovered.items()):
        operation = event.operation or {}
        personal = list(operation.get("personal_fields") or [])
        if personal and event.dataset not in ruled:
            sampled = int(operation.get("records_sampled") or 0)
            found.append(
                UnruledTopic(
                    topic=topic,
                    dataset=event.dataset,
                    sampled_at=recorded_at(event),
                    records_sampled=sampled,
                    personal_fields=personal,
                )
            )
    return found


def _summary(datasets: list[DatasetReport]) -> Summary:
    records_by_audience: Counter[tuple[str | None, str]] = Counter()
    quarantines: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for report in datasets:
        for delivery in report.audiences:
            records_by_audience[(report.dataset, delivery.audience)] += delivery.records
        quarantines.update({count.reason: count.count for count in report.quarantines})
        entities.update({count.entity: count.count for count in report.entities})
        totals.update(report.totals.model_dump())
    return Summary(
        # Already in dataset order, then audience order: the chart's bars follow the tables.
        records_by_audience=[
            AudienceRecords(dataset=name, audience=audience, records=n)
            for (name, audience), n in records_by_audience.items()
        ],
        quarantines=_reasons(quarantines),
        entities=_entities(entities),
        totals=Totals(**totals),
    )


def _reasons(counts: Counter[str]) -> list[ReasonCount]:
    return [ReasonCount(reason=reason, count=n) for reason, n in sorted(counts.items())]


def _entities(counts: Counter[str]) -> list[EntityCount]:
    return [EntityCount(entity=entity, count=n) for entity, n in sorted(counts.items())]


def _split_action_key(event: AuditEvent, key: str) -> tuple[str, str, str]:
    parts = key.split("/")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return ALL_AUDIENCES, parts[0], parts[1]
    raise ReportError(
        f"{event_name(event)}: action_counts key {key!r} is neither audience/class/action nor class/action"
    )
