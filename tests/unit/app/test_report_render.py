"""The auditor's report as JSON, CSV and HTML: the same numbers, a page that loads nothing, names escaped, and
who read what up to where and when, and the alerts raised."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest

from streamguard.app.services.evidence.report_render import CSV_HEADER, render_csv, render_html, render_json
from streamguard.control.alerts import Severity
from streamguard.control.read_evidence import Reader
from streamguard.control.read_sources import ReadSource
from streamguard.evidence.audit import AudienceOutput, AuditEvent, Quarantined, SourceSpan
from streamguard.evidence.report import Checkpoint, Report, VerificationStatus, build_report
from tests.browser import html_tables
from tests.unit.evidence.control_samples import access_event, alert_event, progress

HOSTILE = "<script>alert('x')</script>"


def _event(dataset: str | None, first: int, identity: str = "User:alice") -> AuditEvent:
    return AuditEvent(
        event_id=f"{dataset}-{first}",
        recorded_at="2026-01-10T12:00:00Z",
        worker="worker-1",
        dataset=dataset,
        source=SourceSpan(topic=f"raw.{dataset}", partition=0, first_offset=first, last_offset=first + 9),
        identities={identity: 10},
        delivered=[(first, first + 6)],
        tombstones=[first + 7],
        quarantined=[Quarantined(offset=first + 8, reason="oversize"), Quarantined(offset=first + 9, reason="x:a.b")],
        outputs={
            "analytics": AudienceOutput(
                topic=f"governed.{dataset}.analytics", partition=0, first_offset=0, last_offset=7, count=8, digest="d"
            )
        },
        input_digest="digest",
        action_counts={"analytics/contact/hash": 14, "contact/drop": 3},
        entity_counts={"EMAIL_ADDRESS": 5},
    )


OBSERVED = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)


def _control_events() -> list[AuditEvent]:
    """Two observations of the customers views (one group without a principal) and two alerts."""
    return [
        access_event(
            OBSERVED,
            progress("governed.customers.analytics", 200, end=480),
            progress("governed.customers.analytics", 180, partition=1, end=500),
            progress("governed.customers.support", 7, group=HOSTILE, readers=[]),
        ),
        access_event(OBSERVED + timedelta(hours=1), progress("governed.customers.analytics", 480, end=480)),
        alert_event("foreign_audience", "ana", Severity.HIGH, OBSERVED, details={"dataset": "customers"}),
        alert_event(
            "foreign_audience", "ana", Severity.HIGH, OBSERVED + timedelta(days=1), details={"dataset": "customers"}
        ),
        alert_event("denied", "User:mallory", Severity.MEDIUM, OBSERVED, summary="=5 denied authorizations in 60 s"),
    ]


def _report(
    *datasets: str | None, verification: VerificationStatus | None = None, control: list[AuditEvent] | None = None
) -> Report:
    events = [_event(dataset, first) for first in (0, 10) for dataset in datasets] + (control or [])
    return build_report(
        events,
        start=datetime(2026, 1, 1, tzinfo=UTC),
        end=datetime(2026, 2, 1, tzinfo=UTC),
        dataset=None,
        verification=verification,
        generated_at=datetime(2026, 2, 1, 9, tzinfo=UTC),
    )


def test_json_is_the_report_itself() -> None:
    report = _report("customers", "orders")
    assert Report.model_validate_json(render_json(report)) == report


def test_csv_parses_and_holds_every_count() -> None:
    verification = VerificationStatus(
        intact=True,
        checked_at="2026-02-01T08:00:00Z",
        checkpoints=[Checkpoint(origin="audit.local/log", size=4, root_hex="ab" * 32, cosigned_by=["w1"])],
    )
    report = _report("customers", None, verification=verification)
    rows = list(csv.reader(io.StringIO(render_csv(report))))
    assert tuple(rows[0]) == CSV_HEADER
    assert {len(row) for row in rows} == {len(CSV_HEADER)}
    table = {(section, dataset, audience, key): int(count) for section, dataset, audience, key, count, *_ in rows[1:]}
    assert len(table) == len(rows) - 1, "a (section, dataset, audience, key) appears twice"
    for name in ("customers", ""):  # the events that name no dataset have an empty dataset cell
        assert table["totals", name, "", "delivered"] == 2 * 7
        assert table["totals", name, "", "tombstones"] == 2
        assert table["identities", name, "", "User:alice"] == 20
        assert table["quarantines", name, "", "oversize"] == 2
        assert table["masked", name, "analytics", "contact/hash"] == 28
        assert table["masked", name, "*", "contact/drop"] == 6
        assert table["entities", name, "", "EMAIL_ADDRESS"] == 10
    assert table["audiences", "customers", "analytics", "governed.customers.analytics"] == 16
    assert table["verification", "", "", "intact"] == 1
    assert table["checkpoints", "", "", "audit.local/log"] == 4


def test_csv_keeps_a_formula_like_name_as_text() -> None:
    report = build_report(
        [_event("customers", 0, identity="=HYPERLINK(1)")],
        start=datetime(2026, 1, 1, tzinfo=UTC),
        end=datetime(2026, 2, 1, tzinfo=UTC),
        dataset=None,
        verification=None,
        generated_at=datetime(2026, 2, 1, tzinfo=UTC),
    )
    identities = [row for row in csv.reader(io.StringIO(render_csv(report))) if row[0] == "identities"]
    assert [row[3] for row in identities] == ["'=HYPERLINK(1)"]


def test_the_page_references_no_remote_resource() -> None:
    html = render_html(_report("customers", "orders"))
    assert not re.search(r"https?:", html, re.IGNORECASE)
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b", html, re.IGNORECASE)
    assert "@import" not in html
    # The only references left are the charts' own glyphs and clip paths, inside the page.
    references = re.findall(r'(?:src|href)="([^"]*)"|url\(([^)]*)\)', html)
    assert references
    assert all(target.startswith("#") for pair in references for target in pair if target)


def test_a_hostile_dataset_name_is_escaped_everywhere() -> None:
    html = render_html(_report(HOSTILE))
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert html_tables(html)["totals", HOSTILE][0][0] == HOSTILE  # and still reads as the name it is


def test_each_chart_has_a_text_alternative_with_its_numbers() -> None:
    html = render_html(_report("customers", "orders"))
    charts = re.findall(r'<svg class="chart"[^>]*aria-labelledby="([^" ]+) ([^"]+)"', html)
    assert [title for title, _ in charts] == ["chart-records-title", "chart-quarantines-title", "chart-entities-title"]
    for title, description in charts:
        assert f'<title id="{title}">' in html
        assert f'<desc id="{description}">' in html
    assert "customers → analytics: 16 records; orders → analytics: 16 records" in html
    assert "oversize: 4 records; x:a.b: 4 records" in html


def test_the_page_is_the_same_for_the_same_report() -> None:
    report = _report("customers")
    assert render_html(report) == render_html(report)


def test_an_empty_period_and_an_unverified_log_say_so() -> None:
    html = render_html(_report())
    assert "No audit events were recorded in this period" in html
    assert "Not verified" in html
    assert "<svg" not in html
    assert html_tables(html) == {("summary-totals", ""): [["All datasets", "0", "0", "0", "0", "0", "0", "0"]]}


@pytest.mark.parametrize("intact", [True, False])
def test_the_verification_status_and_its_first_problems_are_shown(intact: bool) -> None:
    problems = [f"chain raw.customers:0: seq {n} edited" for n in range(50)]
    verification = VerificationStatus(
        intact=intact,
        checked_at="2026-02-01T08:00:00Z",
        problems=[] if intact else problems,
        problem_count=0 if intact else 120,
    )
    html = render_html(_report("customers", verification=verification))
    if intact:
        assert "Intact" in html
        assert "Problems found" not in html
    else:
        assert "Problems found" in html
        assert "the first 50 of 120" in html
        assert html.count("<li>chain raw.customers:0") == 50


def test_csv_says_who_read_up_to_where_and_when_and_counts_the_alerts() -> None:
    rows = list(csv.reader(io.StringIO(render_csv(_report("customers", control=_control_events())))))
    table = {(row[0], row[1], row[2], row[3]): row[4:] for row in rows[1:]}
    first, last = OBSERVED.isoformat(), (OBSERVED + timedelta(hours=1)).isoformat()
    read_by_ana = "ana (User:ana)/analytics-app/governed.customers.analytics/authorizer-log"
    assert table["reads", "customers", "analytics", read_by_ana] == [str(480 + 180), first, last]
    assert table["reads", "customers", "support", f"unknown/{HOSTILE}/governed.customers.support/none"] == [
        "7",
        first,
        first,
    ]
    assert table["alerts", "customers", "", "foreign_audience/high/ana"] == [
        "2",
        first,
        (OBSERVED + timedelta(days=1)).isoformat(),
    ]
    assert table["alerts", "", "", "denied/medium/User:mallory"] == ["1", first, first]
    assert table["totals", "customers", "", "reads"] == ["2", "", ""]
    assert table["totals", "customers", "", "alerts"] == ["2", "", ""]


def test_the_page_shows_each_read_and_alert_in_a_captioned_table() -> None:
    html = render_html(_report("customers", control=_control_events()))
    tables = html_tables(html)
    assert tables["reads", "customers"] == [
        [
            "ana (User:ana)",
            "authorizer-log",
            "analytics-app",
            "governed.customers.analytics",
            "0: 480 of 480; 1: 180 of 500",
            "2026-01-12 09:30:00 UTC",
            "2026-01-12 10:30:00 UTC",
            "analytics-app-1@10.0.0.7",
        ],
        [
            "unknown",
            "none (consumer groups only)",
            HOSTILE,
            "governed.customers.support",
            "0: 7",
            "2026-01-12 09:30:00 UTC",
            "2026-01-12 09:30:00 UTC",
            "analytics-app-1@10.0.0.7",
        ],
    ]
    assert tables["alerts", "customers"] == [
        ["foreign_audience", "high", "ana", "foreign_audience on ana", "2026-01-12 09:30:00 UTC"],
        ["foreign_audience", "high", "ana", "foreign_audience on ana", "2026-01-13 09:30:00 UTC"],
    ]
    assert tables["alerts", ""] == [
        ["denied", "medium", "User:mallory", "=5 denied authorizations in 60 s", "2026-01-12 09:30:00 UTC"]
    ]
    assert tables["totals", "customers"][0][-2:] == ["2", "2"]
    assert "<caption>Who read its topics, up to which offset, and when: dataset customers</caption>" in html
    assert "<caption>Alerts raised: dataset customers</caption>" in html
    assert '<th scope="col">Up to offset</th>' in html
    assert '<th scope="row">ana (User:ana)</th>' in html
    assert "<script" not in html  # the hostile group name stayed text


def test_each_read_says_where_its_principal_comes_from_and_an_inferred_one_says_so() -> None:
    platform = Reader("User:sam", "sam", ReadSource.AUDIT_LOG_TOPIC)
    inferred = Reader("User:ana", "ana", ReadSource.GROUP_PREFIX)
    event = access_event(
        OBSERVED,
        progress("governed.customers.analytics", 9, readers=[platform]),
        progress("governed.customers.analytics", 4, group="analytics-bi", readers=[inferred]),
    )
    report = _report(control=[event])
    rows = html_tables(render_html(report))["reads", "customers"]
    assert [(row[0], row[1], row[2]) for row in rows] == [
        ("sam (User:sam)", "audit-log-topic", "analytics-app"),
        ("ana (User:ana)", "group-prefix (inferred)", "analytics-bi"),
    ]
    assert [read.source for read in report.datasets[0].reads] == ["audit-log-topic", "group-prefix"]
    csv_keys = [row[3] for row in csv.reader(io.StringIO(render_csv(report))) if row[0] == "reads"]
    assert csv_keys == [
        "sam (User:sam)/analytics-app/governed.customers.analytics/audit-log-topic",
        "ana (User:ana)/analytics-bi/governed.customers.analytics/group-prefix",
    ]


def test_a_principal_the_policy_does_not_name_is_shown_by_its_kafka_name() -> None:
    bob = Reader("User:bob", "bob")
    event = access_event(OBSERVED, progress("governed.customers.analytics", 9, readers=[bob, Reader("User:svc")]))
    rows = html_tables(render_html(_report(control=[event])))["reads", "customers"]
    assert [row[0] for row in rows] == ["User:svc", "bob (User:bob)"]
