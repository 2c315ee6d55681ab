"""What an audit event says to a SIEM whatever the format (pure: no I/O).

The OCSF documents (``siem_formats``) and the CEF lines (``siem_cef``) of one event say the same things: the
activity it records (an API Activity id, a severity, an operation, a message), or for a monitoring alert the
detection it reports (rule, subject, severity, title), one finding per entity type its span's detection
counted, and its operation details with any key named like a secret redacted. They
are derived here once so that the formats cannot drift apart, and so that neither format imports the other.

Severities are on OCSF's scale (1 Informational .. 6 Fatal); a format with a scale of its own maps them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from streamguard import __version__
from streamguard.core.errors import SiemFormatError
from streamguard.evidence.audit import ALERT, RECORDS, AuditEvent

PRODUCT_NAME = "streamguard"
VENDOR_NAME = "streamguard"
PRODUCT = {"name": PRODUCT_NAME, "vendor_name": VENDOR_NAME, "version": __version__}

CREATE, UPDATE, DELETE, OTHER = 1, 3, 4, 99  # OCSF API Activity ids
_OPERATION_ACTIVITIES = {"evidence_purge": DELETE, "rules_applied": UPDATE, "approval": UPDATE}

UNKNOWN, INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL = 0, 1, 2, 3, 4, 5
FINDING_SEVERITY = INFORMATIONAL  # a detection is what governance expects, not an incident

# An alert's severity names (``streamguard.control.alerts`` writes them; it sits above this layer) on OCSF's scale.
ALERT_SEVERITIES = {"info": INFORMATIONAL, "low": LOW, "medium": MEDIUM, "high": HIGH, "critical": CRITICAL}
_ALERT_FIELDS = ("rule", "subject", "severity", "summary", "key")

_SECRET_KEY = re.compile(r"secret|passw|token|credential|private_?key|api_?key", re.IGNORECASE)
_REDACTED = "[redacted]"


@dataclass(frozen=True)
class Activity:
    """What the API Activity of an event says, shared by its OCSF and CEF forms."""

    activity_id: int
    severity_id: int
    operation: str
    message: str


@dataclass(frozen=True)
class Detection:
    """What an alert event reports: the rule that raised it, about what, how severe (OCSF's scale: a severity
    name monitoring may add later is Unknown), titled by its summary; ``key`` is stable per rule, subject and
    period, so a SIEM can tell a repeat from a new alert."""

    rule: str
    subject: str
    severity_id: int
    title: str
    key: str


@dataclass(frozen=True)
class Finding:
    """One entity type the span's detection counted, and how often."""

    entity_type: str
    count: int
    message: str


def activity_of(event: AuditEvent) -> Activity:
    """A span of records is a *Create*; an operation its own activity, *Other* when OCSF has none for it."""
    span = f"{event.source.topic}[{event.source.partition}]"
    if event.kind == RECORDS:
        message = (
            f"governed offsets {event.source.first_offset}-{event.source.last_offset} of {span}: "
            f"{delivered_count(event)} delivered, {len(event.tombstones)} tombstones, "
            f"{len(event.quarantined)} quarantined"
        )
        severity = LOW if event.quarantined else INFORMATIONAL  # fail-closed records want a look
        return Activity(CREATE, severity, "govern_span", message)
    severity = MEDIUM if event.kind == "evidence_purge" else INFORMATIONAL  # evidence destroyed is notable
    activity_id = _OPERATION_ACTIVITIES.get(event.kind, OTHER)
    return Activity(activity_id, severity, event.kind, f"operation {event.kind} recorded for {span}")


def detection_of(event: AuditEvent) -> Detection | None:
    """The detection an alert event reports; None for any other kind. Raises SiemFormatError naming the event
    and the field when an alert's operation lacks one of the alert's fields."""
    if event.kind != ALERT:
        return None
    operation = event.operation
    missing = [name for name in _ALERT_FIELDS if not isinstance(operation.get(name), str)]
    if missing:
        raise SiemFormatError(
            f"alert event {event.event_id} ({event.source.topic} seq {event.seq}): "
            f"operation.{missing[0]} is missing or not text"
        )
    return Detection(
        rule=operation["rule"],
        subject=operation["subject"],
        severity_id=ALERT_SEVERITIES.get(operation["severity"], UNKNOWN),
        title=operation["summary"],
        key=operation["key"],
    )


def severity_of(event: AuditEvent) -> int:
    """The severity an event is exported with: its alert's for an alert, its activity's otherwise."""
    detection = detection_of(event)
    return detection.severity_id if detection else activity_of(event).severity_id


def findings_of(event: AuditEvent) -> list[Finding]:
    """One finding per entity type counted at least once, by entity type."""
    source = event.source
    span = f"offsets {source.first_offset}-{source.last_offset} of {source.topic}[{source.partition}]"
    return [
        Finding(entity, count, f"{count} {entity} detected in {span}")
        for entity, count in sorted(event.entity_counts.items())
        if count > 0
    ]


def redacted_operation(event: AuditEvent) -> tuple[dict[str, Any], list[str]]:
    """The event's operation details with secret-named keys redacted, and the redacted keys' paths."""
    redacted: list[str] = []
    operation = _redact(event.operation, "operation", redacted)
    return operation, redacted


def _redact(value: Any, path: str, redacted: list[str]) -> Any:
    if isinstance(value, list):
        return [_redact(item, path, redacted) for item in value]
    if not isinstance(value, dict):
        return value
    scrubbed = {}
    for key, item in value.items():
        if _SECRET_KEY.search(str(key)):
            redacted.append(f"{path}.{key}")
            scrubbed[key] = _REDACTED
        else:
            scrubbed[key] = _redact(item, f"{path}.{key}", redacted)
    return scrubbed


def delivered_count(event: AuditEvent) -> int:
    """How many of the span's offsets were delivered to the audiences."""
    return sum(last - first + 1 for first, last in event.delivered)
