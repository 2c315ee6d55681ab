"""The auditor's report from hand-built audit events: the period, the dataset filter, every count, and the
read evidence and alerts of the control chain."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from streamguard.control.alerts import Severity
from streamguard.control.read_evidence import Client, Reader
from streamguard.control.read_sources import ReadSource
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import AudienceOutput, AuditEvent, Quarantined, SourceSpan, offset_ranges
from streamguard.evidence.report import Report, ReportError, VerificationStatus, build_report
from tests.unit.evidence.control_samples import ANA, access_event, alert_event, operation_event, progress

JANUARY = datetime(2026, 1, 1, tzinfo=UTC)
FEBRUARY = datetime(2026, 2, 1, tzinfo=UTC)
GENERATED = datetime(2026, 2, 2, 8, 30, tzinfo=UTC)


def _event(
    recorded_at: str,
    *,
    dataset: str | None = "customers",
    first: int = 0,
    delivered: int = 3,
    tombstones: int = 0,
    quarantined: tuple[str, ...] = (),
    identities: dict[str, int] | None = None,
    outputs: dict[str, int] | None = None,
    actions: dict[str, int] | None = None,
    entities: dict[str, int] | None = None,
    kind: str = "records",
) -> AuditEvent:
    """An event whose span is ``delivered`` offsets, then the tombstones, then one offset per quarantine."""
    tombstone_start = first + delivered
    quarantine_start = tombstone_start + tombstones
    last = quarantine_start + len(quarantined) - 1
    topic = f"raw.{dataset}"
    return AuditEvent(
        event_id=f"{dataset}-{first}-{recorded_at}",
        kind=kind,
        recorded_at=recorded_at,
        worker="worker-1",
        dataset=dataset,
        source=SourceSpan(topic=topic, partition=0, first_offset=first, last_offset=max(first, last)),
        identities=identities if identities is not None else {"User:ingest": delivered + tombstones + len(quarantined)},
        delivered=offset_ranges(list(range(first, first + delivered))),
        tombstones=list(range(tombstone_start, quarantine_start)),
        quarantined=[Quarantined(offset=quarantine_start + i, reason=reason) for i, reason in enumerate(quarantined)],
        outputs={
            audience: AudienceOutput(
                topic=f"governed.{dataset}.{audience}", partition=0, first_offset=0, last_offset=0, count=n, digest="d"
            )
            for audience, n in (outputs if outputs is not None else {"analytics": delivered}).items()
        },
        input_digest="digest",
        action_counts=actions or {},
        entity_counts=entities or {},
    )


def _report(events: list[AuditEvent], dataset: str | None = None, **period: datetime) -> Report:
    return build_report(
        events,
        start=period.get("start", JANUARY),
        end=period.get("end", FEBRUARY),
        dataset=dataset,
        verification=None,
        generated_at=GENERATED,
    )


def test_the_period_includes_its_start_and_excludes_its_end() -> None:
    events = [
        _event("2025-12-31T23:59:59.999+00:00", delivered=1),  # before the start
        _event("2026-01-01T00:00:00+00:00", delivered=2),  # the start itself
        _event("2026-01-31T23:59:59.999Z", delivered=4),  # the last millisecond
        _event("2026-02-01T00:00:00Z", delivered=8),  # the end itself
        _event("2026-01-01T01:30:00+02:00", delivered=16),  # 23:30 UTC on 31 December
    ]
    totals = _report(events).summary.totals
    assert (totals.events, totals.delivered) == (2, 2 + 4)


def test_naive_datetimes_are_taken_as_utc() -> None:
    events = [_event("2026-01-01T00:00:00", delivered=2), _event("2026-01-05T00:00:00Z", delivered=3)]
    report = _report(events, start=datetime(2026, 1, 1), end=datetime(2026, 1, 2))
    assert report.summary.totals.delivered == 2
    assert report.period_from == JANUARY


def test_the_dataset_filter_keeps_that_dataset_only() -> None:
    events = [
        _event("2026-01-02T00:00:00Z", dataset="customers", delivered=5),
        _event("2026-01-02T00:00:00Z", dataset="orders", delivered=7),
        _event("2026-01-03T00:00:00Z", dataset=None, delivered=11),
    ]
    only_orders = _report(events, dataset="orders")
    assert only_orders.dataset_filter == "orders"
    assert [part.dataset for part in only_orders.datasets] == ["orders"]
    assert only_orders.summary.totals.delivered == 7
    everything = _report(events)
    assert [part.dataset for part in everything.datasets] == ["customers", "orders", None]
    assert everything.summary.totals.delivered == 5 + 7 + 11


def test_masked_fields_are_counted_per_audience_and_legacy_keys_under_star() -> None:
    events = [
        _event("2026-01-02T00:00:00Z", actions={"analytics/contact/hash": 120, "support/contact/keep": 120}),
        _event("2026-01-03T00:00:00Z", actions={"analytics/contact/hash": 30, "analytics/finance/drop": 4}),
        _event("2026-01-04T00:00:00Z", actions={"contact/hash": 9}),  # written before per-audience counts
    ]
    masked = {(m.audience, m.data_class, m.action): m.count for m in _report(events).datasets[0].masked}
    assert masked == {
        ("analytics", "contact", "hash"): 150,
        ("analytics", "finance", "drop"): 4,
        ("support", "contact", "keep"): 120,
        ("*", "contact", "hash"): 9,
    }


def test_quarantines_are_counted_by_reason() -> None:
    events = [
        _event("2026-01-02T00:00:00Z", quarantined=("oversize", "invalid_value:contact.email")),
        _event("2026-01-03T00:00:00Z", first=10, quarantined=("oversize", "oversize")),
        _event("2026-01-03T00:00:00Z", dataset="orders", quarantined=("unknown_schema_id",)),
    ]
    report = _report(events)
    customers = {q.reason: q.count for q in report.datasets[0].quarantines}
    assert customers == {"oversize": 3, "invalid_value:contact.email": 1}
    assert report.datasets[0].totals.quarantined == 4
    every = {q.reason: q.count for q in report.summary.quarantines}
    assert every == {"oversize": 3, "invalid_value:contact.email": 1, "unknown_schema_id": 1}


def test_identities_audiences_and_source_topics_are_summed() -> None:
    events = [
        _event(
            "2026-01-02T00:00:00Z",
            delivered=5,
            tombstones=1,
            quarantined=("oversize",),
            identities={"User:alice": 4, "User:bob": 3},
            outputs={"analytics": 5, "support": 5},
        ),
        _event("2026-01-03T00:00:00Z", first=7, delivered=2, identities={"User:alice": 2}, outputs={"analytics": 2}),
    ]
    part = _report(events).datasets[0]
    assert {i.identity: i.records for i in part.identities} == {"User:alice": 6, "User:bob": 3}
    assert {(a.audience, a.topic): a.records for a in part.audiences} == {
        ("analytics", "governed.customers.analytics"): 7,
        ("support", "governed.customers.support"): 5,
    }
    assert {t.topic: t.records for t in part.source_topics} == {"raw.customers": 7 + 2}
    assert (part.totals.delivered, part.totals.tombstones, part.totals.quarantined) == (7, 1, 1)


def test_approvals_are_listed_and_count_no_records() -> None:
    records = _event("2026-01-02T00:00:00Z", delivered=4)
    approval = AuditEvent(
        **_event("2026-01-03T00:00:00Z", kind="approval", delivered=0, outputs={}, identities={}).model_dump()
        | {"operation": {"action": "decrypt", "approved_by": "steward-2"}}
    )
    part = _report([records, approval]).datasets[0]
    assert [(a.event_id, a.operation) for a in part.approvals] == [
        (approval.event_id, {"action": "decrypt", "approved_by": "steward-2"})
    ]
    assert (part.totals.approvals, part.totals.events, part.totals.delivered) == (1, 1, 4)
    assert _report([records]).datasets[0].approvals == []


def test_json_numbers_equal_sums_computed_from_the_events() -> None:
    chance = random.Random(20260101)
    reasons = ("oversize", "undecodable:json", "invalid_value:contact.phone")
    events, offset = [], 0
    for number in range(60):
        delivered, tombstones = chance.randint(0, 20), chance.randint(0, 2)
        quarantined = tuple(chance.choice(reasons) for _ in range(chance.randint(0, 3)))
        events.append(
            _event(
                (JANUARY + timedelta(hours=number * 13)).isoformat(),
                dataset=chance.choice(["customers", "orders"]),
                first=offset,
                delivered=delivered,
                tombstones=tombstones,
                quarantined=quarantined,
                identities={chance.choice(["User:a", "User:b"]): delivered + tombstones + len(quarantined)},
                outputs={"analytics": delivered, "support": delivered},
                actions={"analytics/contact/hash": 2 * delivered, "support/contact/keep": 2 * delivered},
                entities={"PERSON": chance.randint(0, 5)},
            )
        )
        offset += delivered + tombstones + len(quarantined) + 1
    end = JANUARY + timedelta(days=20)
    kept = [event for event in events if datetime.fromisoformat(event.recorded_at) < end]
    assert 0 < len(kept) < len(events)

    document = json.loads(_report(events, end=end).model_dump_json())

    for part in document["datasets"]:
        mine = [event for event in kept if event.dataset == part["dataset"]]
        identities: Counter[str] = Counter()
        reasons_seen: Counter[str] = Counter()
        for event in mine:
            identities.update(event.identities)
            reasons_seen.update(q.reason for q in event.quarantined)
        delivered_total = sum(last - first + 1 for event in mine for first, last in event.delivered)
        assert part["totals"]["events"] == len(mine)
        assert part["totals"]["delivered"] == delivered_total
        assert part["totals"]["tombstones"] == sum(len(event.tombstones) for event in mine)
        assert {row["identity"]: row["records"] for row in part["identities"]} == dict(identities)
        assert {row["reason"]: row["count"] for row in part["quarantines"]} == dict(reasons_seen)
        masked = {(row["audience"], row["data_class"], row["action"]): row["count"] for row in part["masked"]}
        assert masked[("analytics", "contact", "hash")] == 2 * delivered_total
        assert part["entities"] == [{"entity": "PERSON", "count": sum(event.entity_counts["PERSON"] for event in mine)}]
    assert document["summary"]["totals"]["delivered"] == sum(
        last - first + 1 for event in kept for first, last in event.delivered
    )


@pytest.mark.parametrize(
    ("event", "named"),
    [
        (_event("yesterday"), "recorded_at 'yesterday'"),
        (_event("2026-01-02T00:00:00Z", actions={"a/b/c/d": 1}), "action_counts key 'a/b/c/d'"),
    ],
    ids=["unparseable time", "malformed action key"],
)
def test_an_event_that_cannot_be_counted_is_named(event: AuditEvent, named: str) -> None:
    with pytest.raises(ReportError, match=named) as raised:
        _report([event])
    assert event.event_id in str(raised.value)


def test_an_empty_period_is_refused() -> None:
    with pytest.raises(ReportError, match="not after the start"):
        _report([], start=FEBRUARY, end=JANUARY)


def test_verification_lists_at_most_fifty_problems_and_counts_them_all() -> None:
    status = VerificationStatus(intact=False, checked_at="2026-02-02T08:00:00Z", problems=["p"] * 50, problem_count=73)
    assert status.problem_count == 73
    with pytest.raises(ValidationError, match="at most 50"):
        VerificationStatus(intact=False, checked_at="t", problems=["p"] * 51, problem_count=51)
    with pytest.raises(ValidationError, match="less than the 2 listed"):
        VerificationStatus(intact=False, checked_at="t", problems=["p", "q"], problem_count=1)


# Read evidence and alerts: operation events of the control chain, which name no dataset of their own.

OBSERVED = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
BOB = Reader("User:bob", "bob")


def test_reads_are_filed_under_the_dataset_of_their_topic_with_the_highest_offset_and_when() -> None:
    events = [
        access_event(
            OBSERVED,
            progress("governed.customers.analytics", 200, end=900),
            progress("governed.customers.analytics", 150, partition=1, end=700),
            progress("governed.orders.analytics", 40),
        ),
        access_event(
            OBSERVED + timedelta(hours=2),
            progress("governed.customers.analytics", 500, end=1000, clients=[Client("analytics-app-2", "10.0.0.8")]),
        ),
        access_event(OBSERVED + timedelta(hours=3), progress("governed.customers.analytics", 100)),  # a reset
    ]
    assert {event.dataset for event in events} == {None}
    report = _report(events)
    assert [part.dataset for part in report.datasets] == ["customers", "orders"]
    (read,) = report.datasets[0].reads
    assert (read.topic, read.audience, read.group, read.principal, read.kafka_principal) == (
        "governed.customers.analytics",
        "analytics",
        "analytics-app",
        "ana",
        "User:ana",
    )
    assert [(p.partition, p.committed_offset, p.end_offset) for p in read.partitions] == [(0, 500, 1000), (1, 150, 700)]
    assert read.offsets == 500 + 150
    assert (read.first_seen, read.last_seen) == (OBSERVED, OBSERVED + timedelta(hours=3))
    assert [(c.client_id, c.host) for c in read.clients] == [
        ("analytics-app-1", "10.0.0.7"),
        ("analytics-app-2", "10.0.0.8"),
    ]
    assert [(r.topic, r.offsets) for r in report.datasets[1].reads] == [("governed.orders.analytics", 40)]
    assert (report.datasets[0].totals.reads, report.summary.totals.reads) == (1, 2)
    assert report.datasets[0].totals.events == 0  # read evidence is no span of records


def test_each_principal_of_a_group_and_a_group_without_one_get_a_row_each() -> None:
    event = access_event(
        OBSERVED,
        progress("governed.customers.analytics", 30, readers=[ANA, BOB]),
        progress("governed.customers.analytics", 30, group="batch-export", readers=[]),
        progress("raw.customers", 12, group="crm-backfill", readers=[Reader("User:crm-service")]),
    )
    rows = [(r.topic, r.group, r.principal, r.kafka_principal, r.audience) for r in _report([event]).datasets[0].reads]
    assert rows == [
        ("governed.customers.analytics", "analytics-app", "ana", "User:ana", "analytics"),
        ("governed.customers.analytics", "analytics-app", "bob", "User:bob", "analytics"),
        ("governed.customers.analytics", "batch-export", None, None, "analytics"),
        ("raw.customers", "crm-backfill", None, "User:crm-service", None),  # a raw topic has no audience
    ]


def test_each_read_keeps_its_source_and_reads_recorded_before_sources_were_the_authorizer_logs() -> None:
    inferred = Reader("User:ana", "ana", ReadSource.GROUP_PREFIX)
    event = access_event(OBSERVED, progress("governed.customers.analytics", 30, readers=[ANA, inferred]))
    assert [read.source for read in _report([event]).datasets[0].reads] == ["authorizer-log", "group-prefix"]
    old = access_event(OBSERVED, progress("governed.customers.analytics", 30))
    for read in old.operation["reads"]:
        for principal in read["principals"]:
            del principal["source"]  # as access events were written before sources were
    [read] = _report([old]).datasets[0].reads
    assert (read.principal, read.source) == ("ana", "authorizer-log")


def test_the_dataset_filter_and_the_period_apply_to_each_read() -> None:
    events = [
        access_event(OBSERVED, progress("governed.customers.analytics", 10), progress("governed.orders.support", 20)),
        access_event(FEBRUARY, progress("governed.customers.analytics", 99)),  # recorded after the period
    ]
    only_orders = _report(events, dataset="orders")
    assert [part.dataset for part in only_orders.datasets] == ["orders"]
    assert [(r.topic, r.offsets) for r in only_orders.datasets[0].reads] == [("governed.orders.support", 20)]
    assert _report(events, dataset="payments").datasets == []
    assert [r.offsets for r in _report(events, dataset="customers").datasets[0].reads] == [10]


def test_reads_follow_the_deployments_topic_prefixes() -> None:
    names = TopicNames(raw_prefix="prod.raw.", governed_prefix="prod.gov.", system_prefix="prod.sg.")
    event = access_event(OBSERVED, progress("prod.gov.customers.analytics", 8, names=names), names=names)
    report = build_report(
        [event], start=JANUARY, end=FEBRUARY, dataset=None, verification=None, generated_at=GENERATED, names=names
    )
    assert [(part.dataset, [r.audience for r in part.reads]) for part in report.datasets] == [
        ("customers", ["analytics"])
    ]
    unattributed = _report([event])  # the default prefixes do not know the topic: no dataset, no audience
    assert [(part.dataset, [r.audience for r in part.reads]) for part in unattributed.datasets] == [(None, [None])]


def test_alerts_are_listed_by_time_under_their_dataset_or_none() -> None:
    later, earlier = OBSERVED + timedelta(hours=5), OBSERVED
    events = [
        alert_event("quarantine_rate", "customers", Severity.MEDIUM, later, details={"dataset": "customers"}),
        alert_event("topics_read", "ana", Severity.HIGH, earlier, summary="ana read 10 topics within 60 s"),
        alert_event("schema_drift", "customers:12", Severity.LOW, earlier, details={"dataset": "customers"}),
    ]
    report = _report(events)
    assert [part.dataset for part in report.datasets] == ["customers", None]
    customers, unnamed = report.datasets
    assert [(a.rule, a.severity, a.subject, a.at) for a in customers.alerts] == [
        ("schema_drift", "low", "customers:12", earlier),
        ("quarantine_rate", "medium", "customers", later),
    ]
    assert [(a.rule, a.summary) for a in unnamed.alerts] == [("topics_read", "ana read 10 topics within 60 s")]
    assert (customers.totals.alerts, unnamed.totals.alerts, report.summary.totals.alerts) == (2, 1, 3)
    assert [part.dataset for part in _report(events, dataset="customers").datasets] == ["customers"]


@pytest.mark.parametrize(
    ("kind", "operation", "named"),
    [
        ("access", {"observed_at": "2026-01-10T09:00:00+00:00", "reads": [{"topic": "secret-topic"}]}, "reads.0.group"),
        ("access", {"reads": []}, "observed_at"),
        ("alert", {"rule": "denied", "subject": "ana", "severity": "high", "summary": "s", "key": "k"}, "at"),
    ],
    ids=["progress without a group", "no observation time", "alert without a time"],
)
def test_an_operation_that_is_not_what_its_kind_records_is_named(
    kind: str, operation: dict[str, Any], named: str
) -> None:
    event = operation_event(kind, operation, OBSERVED)
    with pytest.raises(ReportError, match=named) as raised:
        _report([event])
    assert event.event_id in str(raised.value)
    assert "secret-topic" not in str(raised.value)  # the fields are named, never their values
