"""Audit events to export in the SIEM formats' tests: spans with and without quarantine, one producer or
several or none, detections of each data category, and each kind of operation (one with a secret)."""

from __future__ import annotations

from typing import Any

from streamguard.evidence.audit import GENESIS_HASH, AudienceOutput, AuditEvent, Quarantined, SourceSpan


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
]
