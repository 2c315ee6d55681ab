"""The auditor's report from hand-built audit events: the period, the dataset filter and every count."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from streamguard.evidence.audit import AudienceOutput, AuditEvent, Quarantined, SourceSpan, offset_ranges
from streamguard.evidence.report import Report, ReportError, VerificationStatus, build_report

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
