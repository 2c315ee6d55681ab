"""Audit events to export in the SIEM formats' tests: spans with and without quarantine, one producer or
several or none, detections of each data category, each kind of operation (one with a secret), and the
control chain's read evidence and monitoring alerts as streamguard writes them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from streamguard.control.alerts import Severity
from streamguard.evidence.audit import GENESIS_HASH, AudienceOutput, AuditEvent, Quarantined, SourceSpan
from tests.unit.evidence.control_samples import access_event, alert_event, progress

RAISED = datetime(2026, 3, 1, 12, 30, 44, 123000, tzinfo=UTC)  # a second before the events' recorded_at


def audit_event(kind: str = "records", *, seq: int = 3, **fields: Any) -> AuditEvent:
    values: dict[str, Any] = {
        "event_id": f"ev-{kind}-{seq}",
        "kind": kind,
        "recorded_at": "2026-03-01T12:30:45.123Z",
        "worker": "worker-1",
        "dataset": "orders",
        "source": SourceSpan(topic="raw.orders", partition=2, first_offset=100, last_offset=109),
        "identities": {"User:orders-svc": 9},
        "delivered": [(100, 104), (106, 109)],
        "quarantined": [Quarantined(offset=105, reason="undecodable:avro")],
        "outputs": {
            "analytics": AudienceOutput(
                topic="governed.orders.analytics", partition=2, first_offset=0, last_offset=8, count=9, digest="ab"
            )
        },
        "input_digest": "cd",
        "action_counts": {"analytics/pii/mask": 9},
        "entity_counts": {"PERSON": 4, "EMAIL_ADDRESS": 2, "IBAN_CODE": 0},
    } | fields
    return AuditEvent(**values).sealed(seq, GENESIS_HASH)


EVENTS = [
    audit_event(),
    audit_event(identities={"User:a": 3, "User:b": 4}, quarantined=[], delivered=[(100, 109)], entity_counts={}),
    audit_event(identities={}, entity_counts={"CREDIT_CARD": 1, "US_SSN": 2}, dataset=None),
    audit_event("evidence_purge", operation={"cutoff": "2025-01-01T00:00:00Z"}, entity_counts={}, outputs={}),
    audit_event("rules_applied", operation={"rule_version": 7}, entity_counts={}),
    audit_event("approval", operation={"approver": "alice", "password": "hunter2"}, entity_counts={}),
    audit_event("key_rotation", entity_counts={}),
    access_event(RAISED, progress("governed.orders.analytics", 500, end=500)).sealed(3, GENESIS_HASH),
]

# One alert of each severity monitoring raises; the high one names a dataset and has a secret-named detail.
ALERTS = [
    alert_event("schema_drift", "orders:12", Severity.LOW, RAISED).sealed(4, GENESIS_HASH),
    alert_event("denied", "User:mallory", Severity.MEDIUM, RAISED, summary="6 denied in 60 s").sealed(5, GENESIS_HASH),
    alert_event(
        "foreign_audience",
        "analytics-app",
        Severity.HIGH,
        RAISED,
        summary="group analytics-app read governed.orders.support",
        details={"dataset": "orders", "api_key": "hunter2"},
    ).sealed(6, GENESIS_HASH),
    alert_event("verification", "evidence", Severity.CRITICAL, RAISED).sealed(7, GENESIS_HASH),
]
