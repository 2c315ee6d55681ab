"""The auditor's report lists raw topics a discover run found holding personal data with no rules in force."""

from __future__ import annotations

from datetime import UTC, datetime

from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.report import build_report
from tests.unit.evidence.control_samples import operation_event
from tests.unit.evidence.test_report import FEBRUARY, GENERATED, JANUARY, _report


def _discovered(topic: str, day: int, personal: list[str]) -> AuditEvent:
    operation = {"topic": topic, "dataset": topic.removeprefix("raw."), "records_sampled": 200}
    return operation_event("discovered", {**operation, "personal_fields": personal}, datetime(2026, 1, day, tzinfo=UTC))


def test_topics_found_holding_personal_data_without_rules_are_listed_by_their_latest_run() -> None:
    events = [
        _discovered("raw.leads", 2, ["email"]),
        _discovered("raw.leads", 5, ["email", "phone"]),  # the latest run counts
        _discovered("raw.metrics", 3, []),  # no personal data found
        _discovered("raw.customers", 4, ["email"]),  # rules in force
        _discovered("raw.visits", 9, ["ip"]),
    ]
    report = build_report(
        events,
        start=JANUARY,
        end=FEBRUARY,
        dataset=None,
        verification=None,
        generated_at=GENERATED,
        ruled={"customers"},
    )
    assert [(row.topic, row.personal_fields) for row in report.unruled_topics] == [
        ("raw.leads", ["email", "phone"]),
        ("raw.visits", ["ip"]),
    ]
    assert report.unruled_topics[0].sampled_at == datetime(2026, 1, 5, tzinfo=UTC)
    assert report.datasets == []  # a discover run is no dataset's records
    assert [row.topic for row in _report(events, dataset="visits").unruled_topics] == ["raw.visits"]
