"""An audit event's documents as ArcSight CEF lines, and CEF's escaping (pure: no I/O).

``CEF:0|Vendor|Product|Version|Signature ID|Name|Severity|Extension``, one line a document: the event's
API Activity (a monitoring alert's Detection Finding instead, signature ``alert:<rule>``, named by its
summary, at the alert's severity), then one Data Security Finding per detected entity type, saying what
``siem_events`` derives.
The event's chain position is in every line: its hash as ``cs1`` (label ``auditHash``), its seq as ``cn1``
(label ``auditSeq``). Header fields escape backslash and pipe, extension values backslash and equals sign;
a line break is a space in a header and ``\\n`` in a value, so a line is always one line.
"""

from __future__ import annotations

import json
import re

from streamguard import __version__
from streamguard.core.errors import SiemFormatError
from streamguard.evidence.audit import RECORDS, AuditEvent, chain_key
from streamguard.evidence.siem_events import (
    FINDING_SEVERITY,
    PRODUCT_NAME,
    VENDOR_NAME,
    Activity,
    Detection,
    Finding,
    delivered_count,
    redacted_operation,
)

# CEF severities run 0-10; OCSF's Unknown..Fatal spread over them, Other (99) stays unknown.
_CEF_SEVERITIES = {0: 0, 1: 1, 2: 3, 3: 5, 4: 7, 5: 9, 6: 10}
_CEF_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*")

Extension = list[tuple[str, str | int | None]]


def cef_header_field(text: str) -> str:
    """A CEF header field: backslash and pipe escaped; a header cannot hold a line break, so one is a space."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def cef_extension_value(text: str) -> str:
    """A CEF extension value: backslash and equals sign escaped, line breaks written as ``\\n`` and ``\\r``."""
    return text.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n")


def cef_severity(severity_id: int) -> int:
    return _CEF_SEVERITIES.get(severity_id, 0)


def cef_line(signature_id: str, name: str, severity_id: int, extension: Extension) -> str:
    """``CEF:0|Vendor|Product|Version|Signature ID|Name|Severity|Extension``; ``None`` values are left out."""
    for key, _ in extension:
        if not _CEF_KEY.fullmatch(key):
            raise SiemFormatError(f"CEF extension key {key!r} is not a letter followed by letters and digits")
    header = [VENDOR_NAME, PRODUCT_NAME, __version__, signature_id, name]
    pairs = " ".join(f"{key}={cef_extension_value(str(value))}" for key, value in extension if value is not None)
    return "|".join(["CEF:0", *map(cef_header_field, header), str(cef_severity(severity_id)), pairs])


def cef_activity(event: AuditEvent, activity: Activity, time_ms: int) -> str:
    """The CEF line of the event's API Activity."""
    name = "Span governed" if event.kind == RECORDS else f"Operation {event.kind}"
    extension = [
        *_cef_common(event, time_ms, event.event_id, "API Activity"),
        ("act", activity.operation),
        ("outcome", "success"),
        ("msg", activity.message),
        ("cs5Label", "prevHash"),
        ("cs5", event.prev_hash),
    ]
    if event.kind == RECORDS:
        extension += [
            ("cnt", event.source.last_offset - event.source.first_offset + 1),
            ("cn2Label", "delivered"),
            ("cn2", delivered_count(event)),
            ("cn3Label", "quarantined"),
            ("cn3", len(event.quarantined)),
        ]
    return cef_line(event.kind, name, activity.severity_id, extension + _cef_operation(event))


def cef_detection(event: AuditEvent, detection: Detection, time_ms: int) -> str:
    """The CEF line of an alert event's Detection Finding: what the rule measured is in ``cs6``."""
    extension = [
        *_cef_common(event, time_ms, event.event_id, "Detection Finding"),
        ("act", "alert"),
        ("msg", detection.title),
        ("cs5Label", "prevHash"),
        ("cs5", event.prev_hash),
        ("flexString1Label", "alertKey"),
        ("flexString1", detection.key),
        *_cef_operation(event),
    ]
    return cef_line(f"alert:{detection.rule}", detection.title, detection.severity_id, extension)


def cef_finding(event: AuditEvent, finding: Finding, time_ms: int) -> str:
    """The CEF line of one Data Security Finding of the event."""
    extension = [
        *_cef_common(event, time_ms, f"{event.event_id}:{finding.entity_type}", "Data Security Finding"),
        ("act", "detect"),
        ("msg", finding.message),
        ("cnt", finding.count),
        ("cs6Label", "entityType"),
        ("cs6", finding.entity_type),
    ]
    return cef_line(f"entity:{finding.entity_type}", f"{finding.entity_type} detected", FINDING_SEVERITY, extension)


def _cef_operation(event: AuditEvent) -> Extension:
    """The event's operation details (secret-named keys redacted) as ``cs6``; nothing when it has none."""
    operation, _ = redacted_operation(event)
    if not operation:
        return []
    return [("cs6Label", "operation"), ("cs6", json.dumps(operation, sort_keys=True, ensure_ascii=False))]


def _cef_common(event: AuditEvent, time_ms: int, uid: str, category: str) -> Extension:
    return [
        ("rt", time_ms),
        ("cat", category),
        ("externalId", uid),
        ("deviceExternalId", event.worker),
        ("suser", ",".join(sorted(event.identities)) or None),
        ("cs1Label", "auditHash"),
        ("cs1", event.hash),
        ("cn1Label", "auditSeq"),
        ("cn1", event.seq),
        ("cs2Label", "auditEventId"),
        ("cs2", event.event_id),
        ("cs3Label", "sourcePartition"),
        ("cs3", chain_key(event.source.topic, event.source.partition)),
        ("cs4Label", "dataset"),
        ("cs4", event.dataset),
    ]
