"""The auditor's HTML report as headless Chromium renders it: the numbers it shows are the JSON report's.

The screenshot is kept under ``local/test-artifacts/report.png`` for a person to look at.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from streamguard.app.services.evidence.report_render import render_html, render_json
from streamguard.control.alerts import Severity
from streamguard.control.read_evidence import Client, Reader
from streamguard.control.read_sources import ReadSource
from streamguard.evidence.audit import AudienceOutput, AuditEvent, Quarantined, SourceSpan
from streamguard.evidence.report import Checkpoint, VerificationStatus, build_report
from tests.browser import TableKey, chromium_binary, html_tables, run_chromium
from tests.unit.evidence.control_samples import access_event, alert_event, progress

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO_ROOT / "local" / "test-artifacts" / "report.png"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TOTAL_KEYS = ("events", "delivered", "tombstones", "quarantined", "approvals", "reads", "alerts")


def _event(number: int, dataset: str | None, audiences: tuple[str, ...], reasons: tuple[str, ...]) -> AuditEvent:
    first = number * 100
    delivered_last = first + 40 + number
    return AuditEvent(
        event_id=f"event-{number}",
        recorded_at=f"2026-01-{number + 1:02d}T09:15:00.000+00:00",
        worker="worker-1",
        dataset=dataset,
        source=SourceSpan(
            topic=f"raw.{dataset}", partition=0, first_offset=first, last_offset=delivered_last + 1 + len(reasons)
        ),
        identities={"User:ingest": 30, f"User:app-{number % 2}": 11 + number + len(reasons)},
        delivered=[(first, delivered_last)],
        tombstones=[delivered_last + 1],
        quarantined=[Quarantined(offset=delivered_last + 2 + i, reason=reason) for i, reason in enumerate(reasons)],
        outputs={
            audience: AudienceOutput(
                topic=f"governed.{dataset}.{audience}", partition=0, first_offset=0, last_offset=0, count=42, digest="d"
            )
            for audience in audiences
        },
        input_digest="digest",
        action_counts={f"{audiences[0]}/contact/hash": 82 + number, "unclassified/drop": 1000 + number},
        entity_counts={"PERSON": 3 * number, "EMAIL_ADDRESS": 1200},
    )


def _events() -> list[AuditEvent]:
    plan = [
        ("customers", ("analytics", "support"), ("oversize",)),
        ("orders", ("analytics",), ("undecodable:json", "oversize")),
        ("<script>alert('payments')</script>", ("finance",), ()),
        (None, ("analytics",), ("unknown_schema_id",)),
    ]
    return [_event(number, *plan[number % len(plan)]) for number in range(12)] + _control_events()


def _control_events() -> list[AuditEvent]:
    """Read evidence on views, a raw topic and a hostile group name, and alerts with and without a dataset."""
    observed = datetime(2026, 1, 20, 14, 0, tzinfo=UTC)
    ana, crm = Reader("User:ana", "ana"), Reader("User:crm-service", source=ReadSource.AUDIT_LOG_TOPIC)
    sam = Reader("User:sam", "sam", ReadSource.GROUP_PREFIX)  # inferred from the group's prefix
    return [
        access_event(
            observed,
            progress("governed.customers.analytics", 1200, end=1500),
            progress("governed.customers.analytics", 1100, partition=1, end=1400),
            progress("governed.customers.support", 30, group="support-desk", readers=[], clients=[]),
            progress("governed.customers.support", 12, group="support-bi", readers=[sam], clients=[]),
            progress(
                "raw.orders", 75, group="<b>crm-backfill</b>", readers=[crm], clients=[Client("crm-1", "10.1.0.4")]
            ),
        ),
        access_event(observed + timedelta(minutes=5), progress("governed.customers.analytics", 1500, readers=[ana])),
        alert_event("quarantine_rate", "orders", Severity.MEDIUM, observed, details={"dataset": "orders"}),
        alert_event("topics_read", "ana", Severity.HIGH, observed, summary="ana read 12 topics within 60 s"),
        alert_event("verification", "evidence", Severity.CRITICAL, observed + timedelta(hours=1)),
    ]


def _expected_tables(document: dict[str, Any]) -> dict[TableKey, list[list[str]]]:
    """What the page must show, read from the JSON report alone."""

    def count(number: int) -> str:
        return f"{number:,}"

    def name(dataset: str | None) -> str:
        return "(no dataset)" if dataset is None else dataset

    def when(moment: str) -> str:
        return datetime.fromisoformat(moment).strftime("%Y-%m-%d %H:%M:%S UTC")

    def reader(row: dict[str, Any]) -> str:
        principal, kafka = row["principal"], row["kafka_principal"]
        return f"{principal} ({kafka})" if principal and kafka else principal or kafka or "unknown"

    def source(row: dict[str, Any]) -> str:
        if row["source"] is None:
            return "none (consumer groups only)"
        return f"{row['source']} (inferred)" if row["source"] == "group-prefix" else row["source"]

    def read_row(row: dict[str, Any]) -> list[str]:
        reached = "; ".join(
            f"{p['partition']}: {count(p['committed_offset'])}"
            + ("" if p["end_offset"] is None else f" of {count(p['end_offset'])}")
            for p in row["partitions"]
        )
        clients = ", ".join(f"{c['client_id']}@{c['host']}" for c in row["clients"]) or "none seen"
        seen = [when(row["first_seen"]), when(row["last_seen"])]
        return [reader(row), source(row), row["group"], row["topic"], reached, *seen, clients]

    summary = document["summary"]
    tables: dict[TableKey, list[list[str]]] = {
        ("summary-totals", ""): [["All datasets", *(count(summary["totals"][key]) for key in TOTAL_KEYS)]],
        ("summary-records", ""): [
            [name(row["dataset"]), row["audience"], count(row["records"])] for row in summary["records_by_audience"]
        ],
        ("summary-quarantines", ""): [[row["reason"], count(row["count"])] for row in summary["quarantines"]],
        ("summary-entities", ""): [[row["entity"], count(row["count"])] for row in summary["entities"]],
    }
    checkpoints = document["verification"]["checkpoints"]
    tables["checkpoints", ""] = [
        [point["origin"], count(point["size"]), point["root_hex"], ", ".join(point["cosigned_by"]) or "none"]
        for point in checkpoints
    ]
    for part in document["datasets"]:
        dataset = part["dataset"] or ""
        tables["totals", dataset] = [[name(part["dataset"]), *(count(part["totals"][key]) for key in TOTAL_KEYS)]]
        tables["source-topics", dataset] = [[row["topic"], count(row["records"])] for row in part["source_topics"]]
        tables["identities", dataset] = [[row["identity"], count(row["records"])] for row in part["identities"]]
        tables["audiences", dataset] = [
            [row["audience"], row["topic"], count(row["records"])] for row in part["audiences"]
        ]
        tables["masked", dataset] = [
            [row["audience"], row["data_class"], row["action"], count(row["count"])] for row in part["masked"]
        ]
        tables["quarantines", dataset] = [[row["reason"], count(row["count"])] for row in part["quarantines"]]
        tables["entities", dataset] = [[row["entity"], count(row["count"])] for row in part["entities"]]
        tables["reads", dataset] = [read_row(row) for row in part["reads"]]
        tables["alerts", dataset] = [
            [row["rule"], row["severity"], row["subject"], row["summary"], when(row["at"])] for row in part["alerts"]
        ]
    return {key: rows for key, rows in tables.items() if rows}  # an empty section says so instead of a table


@pytest.fixture(scope="module")
def chromium() -> Path:
    return chromium_binary()


@pytest.mark.timeout(1800)  # the first run may install Chromium
def test_the_rendered_page_shows_the_json_reports_numbers(chromium: Path, tmp_path: Path) -> None:
    verification = VerificationStatus(
        intact=False,
        checked_at="2026-02-01T07:00:00Z",
        problems=["chain raw.orders:0: event seq 3 was edited"],
        problem_count=1,
        checkpoints=[Checkpoint(origin="audit.example/log", size=12, root_hex="5e" * 32, cosigned_by=["witness-a"])],
    )
    report = build_report(
        _events(),
        start=datetime(2026, 1, 1, tzinfo=UTC),
        end=datetime(2026, 2, 1, tzinfo=UTC),
        dataset=None,
        verification=verification,
        generated_at=datetime(2026, 2, 1, 7, 5, tzinfo=UTC),
    )
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    document = json.loads(render_json(report))
    profile = tmp_path / "chromium-profile"

    dom = run_chromium(chromium, profile, "--dump-dom", page.as_uri())
    assert "<title>streamguard audit report" in dom
    assert "Problems found" in dom
    assert "<script>alert" not in dom  # the hostile dataset name stayed text
    assert "<b>crm-backfill" not in dom  # and so did the hostile group name
    tables = html_tables(dom)
    assert tables == _expected_tables(document)
    assert {key for key in tables if key[0] in ("reads", "alerts")} == {
        ("reads", "customers"),
        ("reads", "orders"),
        ("alerts", "orders"),
        ("alerts", ""),
    }

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    run_chromium(chromium, profile, f"--screenshot={SCREENSHOT}", "--window-size=1280,2000", page.as_uri())
    image = SCREENSHOT.read_bytes()
    assert image.startswith(PNG_SIGNATURE)
    assert len(image) > 10_000, f"{SCREENSHOT} is {len(image)} bytes: a blank page?"
