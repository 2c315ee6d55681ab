"""Alerts announced to the webhook: each one, with the hash of the event that records it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from streamguard.app.services.control import read_watch
from streamguard.control.alerts import Alert, Severity
from streamguard.evidence.audit import AuditEvent, SourceSpan

URL = "https://hooks.example.com/streamguard"
AT = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)


def _recorded(subject: str) -> tuple[Alert, AuditEvent]:
    alert = Alert(
        "denied", subject, Severity.MEDIUM, f"{subject} was denied", {"denied": 20}, AT, f"denied|{subject}|p"
    )
    span = SourceSpan(topic="streamguard.control", partition=0, first_offset=0, last_offset=0)
    event = AuditEvent(
        event_id=subject,
        kind="alert",
        recorded_at=AT.isoformat(),
        worker="w",
        dataset=None,
        source=span,
        input_digest="0" * 64,
        hash=subject.encode().hex().ljust(64, "0"),
    )
    return alert, event


def test_each_alert_is_announced_with_its_event_hash_and_a_refusal_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    posted: list[tuple[str, dict[str, Any]]] = []

    def notify(url: str | None, payload: dict[str, Any]) -> bool:
        posted.append((url or "", payload))
        return payload["subject"] != "User:mallory"  # that one the receiver refuses

    monkeypatch.setattr(read_watch, "notify", notify)
    recorded = [_recorded("User:eve"), _recorded("User:mallory")]
    assert read_watch.announce_alerts(URL, recorded) == 1
    assert [(url, body["event"], body["rule"], body["subject"], body["event_hash"]) for url, body in posted] == [
        (URL, "alert", "denied", "User:eve", recorded[0][1].hash),
        (URL, "alert", "denied", "User:mallory", recorded[1][1].hash),
    ]
