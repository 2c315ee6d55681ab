"""The console's overview: what the audit events of a window say happened, bucket by bucket over time.

``build_overview`` folds the record events of a window ``[start, end)`` into counters per time bucket, one
event at a time: records delivered per dataset and audience, records consumed and quarantined per dataset
(so a quarantine rate per bucket and overall), and the entity types detection found; and the alerts raised
per bucket by severity. It keeps nothing of an event once counted, so its memory grows with the buckets
times the series (datasets, audiences, severities), never with the events, and the store can stream
millions of them past. The buckets' width follows the window (a minute to a day, then whole days), so a
chart has at most ``MAX_BUCKETS`` of them, and their edges fall on round UTC times (the epoch's multiples of
the width), clipped to the window at either end.

The counts are the report's (``streamguard.evidence.report``): the same consumed, delivered and entity
totals, the same parse of ``recorded_at``, over time instead of per dataset.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Protocol, TypeVar

from streamguard.evidence.audit import RECORDS, AuditEvent
from streamguard.evidence.report import EntityCount
from streamguard.evidence.report_common import as_utc, checked_period, consumed_records, recorded_at

MAX_BUCKETS = 48
_BUCKET_WIDTHS = tuple(timedelta(minutes=minutes) for minutes in (1, 5, 15, 30, 60, 3 * 60, 6 * 60, 12 * 60, 24 * 60))
_DAY = timedelta(days=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_Key = TypeVar("_Key")


class RaisedAt(Protocol):
    """What the overview needs of an alert: when it was raised and how severe it is (a stored alert of the
    evidence store, or a ``RaisedAlert`` of the report)."""

    @property
    def at(self) -> datetime: ...

    @property
    def severity(self) -> str: ...


@dataclass(frozen=True)
class Bucket:
    """A span ``[start, end)`` of the window; only the first and the last can be shorter than the width."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class DeliverySeries:
    """Records one audience of one dataset received, per bucket; ``dataset`` None for events naming none."""

    dataset: str | None
    audience: str
    records: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.records)


@dataclass(frozen=True)
class QuarantineSeries:
    """Source records of one dataset consumed (delivered, tombstones, quarantined) and quarantined, per bucket."""

    dataset: str | None
    consumed: tuple[int, ...]
    quarantined: tuple[int, ...]

    def rates(self) -> tuple[float | None, ...]:
        """The share quarantined per bucket, from 0 to 1; None for a bucket that consumed nothing."""
        return tuple(map(quarantine_rate, self.consumed, self.quarantined))

    def rate(self) -> float | None:
        return quarantine_rate(sum(self.consumed), sum(self.quarantined))


@dataclass(frozen=True)
class AlertSeries:
    severity: str
    alerts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.alerts)


@dataclass(frozen=True)
class Overview:
    """The window's counts over time: every series has one number per bucket, in bucket order.

    Series come in name order (datasets, then audiences; the events naming no dataset last; severities by
    name); entity types from the most found down, ties by name."""

    start: datetime
    end: datetime
    bucket_width: timedelta
    buckets: tuple[Bucket, ...]
    delivered: tuple[DeliverySeries, ...]
    quarantine: tuple[QuarantineSeries, ...]
    entities: tuple[EntityCount, ...]
    alerts: tuple[AlertSeries, ...]

    def quarantine_rates(self) -> tuple[float | None, ...]:
        """The share of all datasets' consumed records quarantined, per bucket; None where none was consumed."""
        if not self.quarantine:
            return (None,) * len(self.buckets)
        consumed = [sum(counts) for counts in zip(*(series.consumed for series in self.quarantine), strict=True)]
        quarantined = [sum(counts) for counts in zip(*(series.quarantined for series in self.quarantine), strict=True)]
        return tuple(map(quarantine_rate, consumed, quarantined))

    def quarantine_rate(self) -> float | None:
        """The share of the window's consumed records quarantined; None when it consumed none."""
        consumed = sum(sum(series.consumed) for series in self.quarantine)
        return quarantine_rate(consumed, sum(sum(series.quarantined) for series in self.quarantine))


def quarantine_rate(consumed: int, quarantined: int) -> float | None:
    return quarantined / consumed if consumed else None


def bucket_width(start: datetime, end: datetime) -> timedelta:
    """The narrowest width of the ladder (1, 5, 15, 30 min; 1, 3, 6, 12 h; 1 day) that cuts ``[start, end)``
    into at most ``MAX_BUCKETS`` epoch-aligned buckets, or beyond a day the fewest whole days that do."""
    start, end = checked_period(start, end)
    for width in _BUCKET_WIDTHS:
        if _bucket_count(start, end, width) <= MAX_BUCKETS:
            return width
    # Aligning adds at most one bucket to the window's own ceil(window / width).
    return _DAY * _ceiling(end - start, _DAY * (MAX_BUCKETS - 1))


def build_overview(
    events: Iterable[AuditEvent], alerts: Iterable[RaisedAt], *, start: datetime, end: datetime
) -> Overview:
    """The overview of the record events recorded in ``start <= recorded_at < end`` and the alerts raised
    in ``start <= at < end``; events of other kinds (operations, approvals, reads, alert events: the alerts
    come as ``alerts``) are skipped. Naive datetimes are UTC. Raises ReportError for an empty window or a
    record event whose ``recorded_at`` does not parse."""
    start, end = checked_period(start, end)
    tally = _Tally(start, end, bucket_width(start, end))
    for event in events:
        if event.kind == RECORDS:
            tally.add_records(event)
    for alert in alerts:
        tally.add_alert(alert)
    return tally.frozen()


@dataclass
class _Tally:
    """The running counts, one list of per-bucket numbers per series, while events stream past."""

    start: datetime
    end: datetime
    width: timedelta
    delivered: dict[tuple[str | None, str], list[int]] = field(default_factory=dict)
    consumed: dict[str | None, list[int]] = field(default_factory=dict)
    quarantined: dict[str | None, list[int]] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    alerts: dict[str, list[int]] = field(default_factory=dict)
    origin: datetime = field(init=False)  # the first bucket's edge, at or before the start
    count: int = field(init=False)  # of buckets

    def __post_init__(self) -> None:
        self.origin = _aligned(self.start, self.width)
        self.count = _bucket_count(self.start, self.end, self.width)

    def add_records(self, event: AuditEvent) -> None:
        bucket = self._bucket_of(recorded_at(event))
        if bucket is None:
            return
        for audience, output in event.outputs.items():
            self._series(self.delivered, (event.dataset, audience))[bucket] += output.count
        self._series(self.consumed, event.dataset)[bucket] += consumed_records(event)
        self._series(self.quarantined, event.dataset)[bucket] += len(event.quarantined)
        self.entities.update(event.entity_counts)

    def add_alert(self, alert: RaisedAt) -> None:
        bucket = self._bucket_of(as_utc(alert.at))
        if bucket is not None:
            self._series(self.alerts, alert.severity)[bucket] += 1

    def frozen(self) -> Overview:
        datasets = sorted(self.consumed, key=_dataset_order)
        return Overview(
            start=self.start,
            end=self.end,
            bucket_width=self.width,
            buckets=self._buckets(),
            delivered=tuple(
                DeliverySeries(dataset, audience, tuple(self.delivered[dataset, audience]))
                for dataset, audience in sorted(self.delivered, key=lambda key: (_dataset_order(key[0]), key[1]))
            ),
            quarantine=tuple(
                QuarantineSeries(name, tuple(self.consumed[name]), tuple(self.quarantined[name])) for name in datasets
            ),
            entities=tuple(
                EntityCount(entity=entity, count=count)
                for entity, count in sorted(self.entities.items(), key=lambda item: (-item[1], item[0]))
            ),
            alerts=tuple(AlertSeries(severity, tuple(self.alerts[severity])) for severity in sorted(self.alerts)),
        )

    def _bucket_of(self, moment: datetime) -> int | None:
        if not self.start <= moment < self.end:
            return None
        return (moment - self.origin) // self.width

    def _series(self, series: dict[_Key, list[int]], key: _Key) -> list[int]:
        return series.setdefault(key, [0] * self.count)

    def _buckets(self) -> tuple[Bucket, ...]:
        edges = [self.origin + self.width * n for n in range(self.count + 1)]
        return tuple(Bucket(max(first, self.start), min(last, self.end)) for first, last in pairwise(edges))


def _aligned(moment: datetime, width: timedelta) -> datetime:
    """The bucket edge at or before ``moment``: a multiple of ``width`` since the epoch."""
    return _EPOCH + width * ((moment - _EPOCH) // width)


def _bucket_count(start: datetime, end: datetime, width: timedelta) -> int:
    return _ceiling(end - _aligned(start, width), width)


def _ceiling(span: timedelta, width: timedelta) -> int:
    """How many ``width`` cover ``span``, in whole microseconds (a float quotient could round past a bucket)."""
    return -(-span // width)


def _dataset_order(dataset: str | None) -> tuple[bool, str]:
    """Named datasets in name order; the events that name none come last."""
    return dataset is None, dataset or ""
