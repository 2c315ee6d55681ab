"""What both parts of the auditor's report share: UTC datetimes, and how a report error names an audit event.

``report`` (the dataset counts) and ``report_reads`` (read evidence and alerts) both need these, and
``report`` imports ``report_reads``; keeping them here gives each helper one home and the modules no cycle.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator

from streamguard.evidence.audit import AuditEvent


def as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]  # naive is UTC, as streamguard records UTC


def event_name(event: AuditEvent) -> str:
    return f"audit event {event.event_id} ({event.source.topic}:{event.source.partition} seq {event.seq})"
