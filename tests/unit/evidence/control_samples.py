"""Operation events of the control chain as streamguard writes them (read evidence, monitoring alerts), built
with the control plane's own serialisers, so the report and the SIEM export are tested on what is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from streamguard.control.alerts import Alert, Severity
from streamguard.control.read_evidence import Client, Reader, ReadProgress, access_operation, view_of
from streamguard.core.topics import TopicNames
from streamguard.evidence.audit import ACCESS, ALERT, AuditEvent, SourceSpan

NAMES = TopicNames()
OBSERVER = "streamguard:read-watch"
ANA = Reader("User:ana", "ana")
APP_CLIENT = Client("analytics-app-1", "10.0.0.7")
RECORDING_DELAY = timedelta(seconds=1)  # an observation is recorded shortly after it is taken


def operation_event(
    kind: str, operation: dict[str, Any], recorded_at: datetime, names: TopicNames = NAMES
) -> AuditEvent:
    """An operation event as the control chain appends it: no span of its own, the dataset its operation names."""
    return AuditEvent(
        event_id=f"{kind}-{recorded_at.isoformat()}",
        kind=kind,
        recorded_at=recorded_at.isoformat(timespec="milliseconds"),
        worker=OBSERVER,
        dataset=operation.get("dataset"),
        source=SourceSpan(topic=names.control, partition=0, first_offset=0, last_offset=0),
        input_digest="digest",
        operation=operation,
    )


def progress(
    topic: str,
    committed: int,
    *,
    group: str = "analytics-app",
    partition: int = 0,
    end: int | None = None,
    readers: Sequence[Reader] = (ANA,),
    clients: Sequence[Client] = (APP_CLIENT,),
    names: TopicNames = NAMES,
) -> ReadProgress:
    """One group's committed offset on one partition; its observation time is the access event's."""
    dataset, audience = view_of(topic, names)
    return ReadProgress(
        observed_at=datetime.min,  # replaced by access_event
        group_id=group,
        topic=topic,
        partition=partition,
        committed_offset=committed,
        previous_offset=None,
        end_offset=end,
        clients=tuple(clients),
        readers=tuple(readers),
        dataset=dataset,
        audience=audience,
    )


def access_event(observed_at: datetime, *reads: ReadProgress, names: TopicNames = NAMES) -> AuditEvent:
    """The access event of one observation of the consumer groups."""
    observed = [replace(read, observed_at=observed_at) for read in reads]
    operation = access_operation(observed, None, "consumer-groups+authorizer-log")
    return operation_event(ACCESS, operation, observed_at + RECORDING_DELAY, names)


def alert_event(
    rule: str,
    subject: str,
    severity: Severity,
    at: datetime,
    *,
    summary: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """The alert event of one alert (``details`` with a ``dataset`` files it under that dataset)."""
    text = summary or f"{rule} on {subject}"
    alert = Alert(rule, subject, severity, text, details or {}, at, f"{rule}|{subject}|{at.isoformat()}")
    return operation_event(ALERT, alert.to_operation(), at + RECORDING_DELAY)
