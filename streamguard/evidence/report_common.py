"""What the parts of the auditor's report share: UTC datetimes, a checked period, when an event was recorded,
how many source records it consumed and delivered, and how a report error names an audit event.

``report`` (the dataset counts), ``report_reads`` (read evidence and alerts) and ``overview`` (the same counts
over time) need these, and ``report`` imports ``report_reads``; keeping them here gives each helper one home
and the modules no cycle.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator

from streamguard.core.errors import ReportError
from streamguard.evidence.audit import AuditEvent


def as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]  # naive is UTC, as streamguard records UTC


def event_name(event: AuditEvent) -> str:
    return f"audit event {event.event_id} ({event.source.topic}:{event.source.partition} seq {event.seq})"


def checked_period(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """``start`` and ``end`` in UTC (naive is UTC); ReportError when the period ``[start, end)`` is empty."""
    start, end = as_utc(start), as_utc(end)
    if end <= start:
        raise ReportError(f"empty period: the end {end.isoformat()} is not after the start {start.isoformat()}")
    return start, end


def recorded_at(event: AuditEvent) -> datetime:
    """When the event was recorded, in UTC; ReportError when its ``recorded_at`` is not ISO-8601."""
    try:
        return as_utc(datetime.fromisoformat(event.recorded_at))
    except ValueError:
        raise ReportError(
            f"{event_name(event)}: recorded_at {event.recorded_at!r} is not an ISO-8601 timestamp"
        ) from None


def delivered_records(event: AuditEvent) -> int:
    """The source offsets a records event delivered (its inclusive ranges summed)."""
    return sum(last - first + 1 for first, last in event.delivered)


def consumed_records(event: AuditEvent) -> int:
    """The source offsets a records event accounts for: delivered, tombstones and quarantined."""
    return delivered_records(event) + len(event.tombstones) + len(event.quarantined)
