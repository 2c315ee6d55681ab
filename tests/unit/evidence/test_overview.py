"""The console's overview from hand-built audit events: the buckets a window is cut into, what lands in which
bucket, the quarantine rate (also where nothing was consumed), and what it leaves out."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest

from streamguard.control.alerts import Severity
from streamguard.core.errors import ReportError
from streamguard.evidence.audit import APPROVAL, AudienceOutput, AuditEvent, Quarantined, SourceSpan, offset_ranges
from streamguard.evidence.overview import (
    MAX_BUCKETS,
    Bucket,
    Overview,
    bucket_width,
    build_overview,
)
from streamguard.evidence.report import EntityCount
from streamguard.evidence.report_reads import RaisedAlert
from streamguard.store.control_records import StoredAlert
from tests.unit.evidence.control_samples import access_event, alert_event, operation_event, progress

DAY = datetime(2026, 1, 10, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


def _records(
    at: datetime,
    *,
    dataset: str | None = "customers",
    outputs: dict[str, int] | None = None,
    delivered: int = 3,
    tombstones: int = 0,
    quarantined: int = 0,
    entities: dict[str, int] | None = None,
) -> AuditEvent:
    """A records event whose span is ``delivered`` offsets, then the tombstones, then the quarantined ones."""
    tombstone_start = delivered
    quarantine_start = tombstone_start + tombstones
    last = quarantine_start + quarantined - 1
    return AuditEvent(
        event_id=f"{dataset}-{at.isoformat()}",
        recorded_at=at.isoformat(),
        worker="worker-1",
        dataset=dataset,
        source=SourceSpan(topic=f"raw.{dataset}", partition=0, first_offset=0, last_offset=max(0, last)),
        delivered=offset_ranges(list(range(delivered))),
        tombstones=list(range(tombstone_start, quarantine_start)),
        quarantined=[Quarantined(offset=quarantine_start + n, reason="oversize") for n in range(quarantined)],
        outputs={
            audience: AudienceOutput(
                topic=f"governed.{dataset}.{audience}", partition=0, first_offset=0, last_offset=0, count=n, digest="d"
            )
            for audience, n in (outputs if outputs is not None else {"analytics": delivered + tombstones}).items()
        },
        input_digest="digest",
        entity_counts=entities or {},
    )


def _alert(at: datetime, severity: str = "high") -> RaisedAlert:
    return RaisedAlert(at=at, rule="denied", severity=severity, subject="User:mallory", summary="s", key=str(at))


def _day(events: list[AuditEvent], alerts: list[RaisedAlert] | None = None) -> Overview:
    """The overview of the day 2026-01-10: 48 buckets of 30 minutes."""
    return build_overview(events, alerts or [], start=DAY, end=DAY + timedelta(days=1))


@pytest.mark.parametrize(
    ("start", "length", "width"),
    [
        (DAY, timedelta(seconds=30), MINUTE),
        (DAY, 48 * MINUTE, MINUTE),
        (DAY, 49 * MINUTE, 5 * MINUTE),
        (DAY, HOUR, 5 * MINUTE),
        (DAY, 4 * HOUR, 5 * MINUTE),
        (DAY, 24 * HOUR, 30 * MINUTE),
        # Not on an edge: the clipped first bucket is a 49th, so the next width up.
        (DAY + 7 * MINUTE, 24 * HOUR, HOUR),
        (DAY, timedelta(days=7), 6 * HOUR),
        (DAY, timedelta(days=30), timedelta(days=1)),
        (DAY, timedelta(days=365), timedelta(days=8)),
    ],
)
def test_the_bucket_width_follows_the_window(start: datetime, length: timedelta, width: timedelta) -> None:
    assert bucket_width(start, start + length) == width


def test_a_window_never_has_more_than_the_maximum_of_round_buckets() -> None:
    randomly = random.Random(13)
    for _ in range(300):
        start = DAY + timedelta(seconds=randomly.randrange(400 * 86_400))
        end = start + timedelta(seconds=randomly.randrange(1, 800 * 86_400))
        overview = build_overview([], [], start=start, end=end)
        assert 1 <= len(overview.buckets) <= MAX_BUCKETS, (start, end)
        assert overview.buckets[0].start == start
        assert overview.buckets[-1].end == end
        assert all(left.end == right.start for left, right in pairwise(overview.buckets))
        epoch = datetime(1970, 1, 1, tzinfo=UTC)
        assert all((bucket.start - epoch) % overview.bucket_width == timedelta(0) for bucket in overview.buckets[1:])


def test_an_unaligned_window_clips_its_first_and_last_bucket() -> None:
    start, end = DAY + 7 * MINUTE, DAY + 2 * HOUR + 31 * MINUTE  # 5-minute buckets
    overview = build_overview([], [], start=start, end=end)
    assert overview.bucket_width == 5 * MINUTE
    assert overview.buckets[0] == Bucket(start, DAY + 10 * MINUTE)
    assert overview.buckets[1] == Bucket(DAY + 10 * MINUTE, DAY + 15 * MINUTE)
    assert overview.buckets[-1] == Bucket(DAY + 2 * HOUR + 30 * MINUTE, end)
    assert len(overview.buckets) == 30


def test_each_event_counts_in_the_bucket_it_was_recorded_in_and_the_window_is_half_open() -> None:
    start, end = DAY + 7 * MINUTE, DAY + HOUR  # 5-minute buckets: 10:07, 10:10, ... 10:55
    events = [
        _records(start - timedelta(microseconds=1), delivered=100),  # before the window
        _records(start, delivered=1),  # first bucket
        _records(DAY + 10 * MINUTE - timedelta(microseconds=1), delivered=2),  # still the first
        _records(DAY + 10 * MINUTE, delivered=4),  # second
        _records(end - timedelta(microseconds=1), delivered=8),  # last
        _records(end, delivered=100),  # after: the end is not in the window
    ]
    overview = build_overview(events, [], start=start, end=end)
    (analytics,) = overview.delivered
    assert analytics.records == (3, 4, *[0] * 8, 8)
    assert overview.quarantine[0].consumed == analytics.records


def test_deliveries_are_counted_per_dataset_and_audience() -> None:
    events = [
        _records(DAY, dataset="orders", outputs={"support": 5, "analytics": 2}),
        _records(DAY + 10 * MINUTE, dataset="customers", outputs={"analytics": 7}),
        _records(DAY + 40 * MINUTE, dataset="customers", outputs={"analytics": 1}),
        _records(DAY + 23 * HOUR, dataset=None, outputs={"analytics": 9}),
    ]
    overview = _day(events)
    assert [(line.dataset, line.audience) for line in overview.delivered] == [
        ("customers", "analytics"),
        ("orders", "analytics"),
        ("orders", "support"),
        (None, "analytics"),  # the events that name no dataset come last
    ]
    customers, orders_analytics, orders_support, unnamed = overview.delivered
    assert customers.records[:2] == (7, 1)
    assert customers.total == 8
    assert orders_analytics.records[0] == 2
    assert orders_support.records[0] == 5
    assert unnamed.records[46] == 9
    assert sum(line.total for line in overview.delivered) == 5 + 2 + 7 + 1 + 9


def test_the_quarantine_rate_is_of_every_consumed_record_and_none_where_none_was_consumed() -> None:
    events = [
        _records(DAY, delivered=6, tombstones=2, quarantined=2),  # 10 consumed, 2 quarantined
        _records(DAY + HOUR, delivered=0, quarantined=5),  # all 5 quarantined
        _records(DAY + HOUR, dataset="orders", delivered=15),
    ]
    overview = _day(events)
    customers, orders = overview.quarantine
    assert customers.dataset == "customers"
    assert customers.consumed[:3] == (10, 0, 5)
    assert customers.quarantined[:3] == (2, 0, 5)
    assert customers.rates()[:3] == (0.2, None, 1.0)
    assert customers.rate() == 7 / 15
    assert orders.rates()[2] == 0.0
    assert overview.quarantine_rates()[:3] == (0.2, None, 5 / 20)
    assert overview.quarantine_rate() == 7 / 30


def test_a_window_without_records_has_no_rate_and_no_series() -> None:
    overview = _day([], [])
    assert len(overview.buckets) == 48
    assert overview.delivered == overview.quarantine == overview.alerts == overview.entities == ()
    assert overview.quarantine_rate() is None
    assert overview.quarantine_rates() == (None,) * 48


def test_entity_types_are_totalled_most_found_first() -> None:
    events = [
        _records(DAY, entities={"PERSON": 2, "EMAIL_ADDRESS": 3}),
        _records(DAY + 5 * HOUR, dataset="orders", entities={"PERSON": 1, "IBAN_CODE": 3}),
        _records(DAY - HOUR, entities={"PHONE_NUMBER": 50}),  # before the window
    ]
    assert _day(events).entities == (
        EntityCount(entity="EMAIL_ADDRESS", count=3),
        EntityCount(entity="IBAN_CODE", count=3),
        EntityCount(entity="PERSON", count=3),
    )


def test_alerts_are_counted_per_bucket_by_severity_inside_the_window() -> None:
    alerts = [
        _alert(DAY, "high"),
        _alert(DAY + 29 * MINUTE, "high"),
        _alert(DAY + 30 * MINUTE, "low"),
        _alert(DAY - MINUTE, "critical"),  # before the window
        _alert(DAY + timedelta(days=1), "critical"),  # at its end
    ]
    overview = _day([], alerts)
    assert [(line.severity, line.alerts[:2], line.total) for line in overview.alerts] == [
        ("high", (2, 0), 2),
        ("low", (0, 1), 1),
    ]


def test_stored_alerts_are_counted_as_well_and_naive_times_are_utc() -> None:
    naive = datetime(2026, 1, 10, 1, 0)  # 01:00 UTC: the third 30-minute bucket
    stored = StoredAlert(naive, "denied", "User:mallory", "medium", "s", {}, "k", "hash")
    (medium,) = build_overview([], [stored], start=DAY, end=DAY + timedelta(days=1)).alerts
    assert medium.alerts[2] == 1


def test_events_other_than_records_are_left_out() -> None:
    at = DAY + HOUR
    others = [
        operation_event(APPROVAL, {"action": "approved", "dataset": "customers"}, at),
        access_event(at, progress("governed.customers.analytics", 40)),
        alert_event("denied", "User:mallory", Severity.HIGH, at),  # the alerts come as alerts, not as events
        _records(at, outputs={"analytics": 3}).model_copy(update={"kind": "purge", "recorded_at": "not a time"}),
    ]
    overview = _day([*others, _records(at, outputs={"analytics": 3})])
    assert [line.total for line in overview.delivered] == [3]
    assert overview.alerts == ()
    assert [line.dataset for line in overview.quarantine] == ["customers"]


def test_the_events_stream_past_once_and_their_order_does_not_matter() -> None:
    randomly = random.Random(7)
    events = [
        _records(
            DAY + timedelta(seconds=randomly.randrange(86_400)),
            dataset=randomly.choice(["customers", "orders"]),
            delivered=randomly.randrange(5),
            quarantined=randomly.randrange(3),
            entities={"PERSON": 1},
        )
        for _ in range(2_000)
    ]
    in_order = _day(events)
    shuffled = events.copy()
    randomly.shuffle(shuffled)
    streamed = build_overview(iter(shuffled), iter([]), start=DAY, end=DAY + timedelta(days=1))
    assert streamed == in_order
    assert sum(sum(line.quarantined) for line in streamed.quarantine) == sum(len(e.quarantined) for e in events)
    assert sum(line.total for line in streamed.delivered) == sum(e.outputs["analytics"].count for e in events)
    assert streamed.entities == (EntityCount(entity="PERSON", count=2_000),)


def test_an_empty_window_and_an_unreadable_time_are_errors() -> None:
    with pytest.raises(ReportError, match="empty period"):
        build_overview([], [], start=DAY, end=DAY)
    bad = _records(DAY).model_copy(update={"recorded_at": "yesterday"})
    with pytest.raises(ReportError, match="recorded_at 'yesterday' is not an ISO-8601 timestamp"):
        _day([bad])
