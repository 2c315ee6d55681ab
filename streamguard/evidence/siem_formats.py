"""What a SIEM receives for one audit event, in OCSF, CEF or JSON Lines (pure: no I/O).

``export_documents(event, format)`` turns one audit event into the documents a SIEM is sent:

- ``ocsf``: an OCSF 1.3.0 **API Activity** (class 6003) for every event but an alert, since processing a
  span, like any operation, is an activity of the worker's: a span of records is a *Create* (the worker
  creates every audience's governed records, and the quarantined ones, from it), ``evidence_purge`` a
  *Delete*, ``rules_applied`` and ``approval`` an *Update*, any other operation (``access`` read evidence
  among them) *Other*; plus one **Data Security Finding** (class 2006) per entity type the span's detection
  counted at least once. A monitoring rule's ``alert`` is a **Detection Finding** (class 2004) instead: its
  severity the alert's (info, low, medium, high, critical as OCSF 1 to 5), its title the alert's summary,
  its ``finding_info.uid`` the alert's key and its analytic the rule.
- ``cef``: the same documents as ArcSight CEF lines, one line each.
- ``jsonl``: the event's own JSON, so that a SIEM can recompute its hash and check the chain.

Every document carries its event's chain position. In OCSF, ``metadata.correlation_uid`` is the event's
hash (so an activity and its findings correlate on it) and ``metadata.sequence`` its ``seq``; the rest of
what the event says (offsets, counts, outputs, digests, ``prev_hash``) is under ``unmapped``. In CEF the
hash is ``cs1`` (label ``auditHash``) and the seq ``cn1`` (label ``auditSeq``).

OCSF choices, checked by the unit tests against the vendored schema (``ocsf/ocsf-1.3.0-classes.json``):
no profile is applied to API Activity (so ``cloud`` and ``osint`` are not required: streamguard knows no
cloud provider and no indicator); a finding declares the ``host`` profile because 1.3.0 defines a finding's
``actor`` under it (a Detection Finding not ``security_control`` too: an alert blocks nothing). The actor is
streamguard itself (``app_name``) as worker ``app_uid``, which both performs the activity and accessed the
sensitive data, with the producing principal as ``user`` when the span had exactly one (the counts of
several are under ``unmapped.identities``).

Audit events hold counts, offsets and digests, never a record value; an operation's details could hold a
secret, so any of its keys named like one (password, token, secret, credential, private or API key) is
exported as ``[redacted]`` (in JSON Lines with ``export.redacted`` naming it, since the hash then no
longer verifies).

The derivation the formats share (activity, findings, severities, redaction) is ``siem_events``'s; the CEF
lines are built in ``siem_cef``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from streamguard import __version__
from streamguard.core.errors import SiemFormatError
from streamguard.evidence.audit import AuditEvent, chain_key
from streamguard.evidence.siem_cef import cef_activity, cef_detection, cef_finding
from streamguard.evidence.siem_events import (
    CREATE,
    CRITICAL,
    DELETE,
    FINDING_SEVERITY,
    HIGH,
    INFORMATIONAL,
    LOW,
    MEDIUM,
    OTHER,
    PRODUCT,
    PRODUCT_NAME,
    UNKNOWN,
    UPDATE,
    Activity,
    Detection,
    Finding,
    activity_of,
    delivered_count,
    detection_of,
    findings_of,
    redacted_operation,
    severity_of,
)

OCSF_VERSION = "1.3.0"
FORMATS = ("ocsf", "cef", "jsonl")

API_ACTIVITY = "api_activity"
DATA_SECURITY_FINDING = "data_security_finding"
DETECTION_FINDING = "detection_finding"
AUDIT_EVENT = "audit_event"

_API_ACTIVITY_UID, _APPLICATION_CATEGORY_UID = 6003, 6
_FINDING_UID, _FINDINGS_CATEGORY_UID = 2006, 2
_DETECTION_UID = 2004
_API_ACTIVITY_NAMES = {CREATE: "Create", UPDATE: "Update", DELETE: "Delete", OTHER: "Other"}
_FINDING_CREATE = 1
_FINDING_NEW = 1  # status: the finding is yet to be reviewed
_RULE_ANALYTIC = 1
_SEVERITY_NAMES = {
    UNKNOWN: "Unknown",
    INFORMATIONAL: "Informational",
    LOW: "Low",
    MEDIUM: "Medium",
    HIGH: "High",
    CRITICAL: "Critical",
}

_PERSONAL, _GOVERNMENTAL, _FINANCIAL = 1, 2, 3
_DATA_CATEGORY_NAMES = {_PERSONAL: "Personal", _GOVERNMENTAL: "Governmental", _FINANCIAL: "Financial"}
_DATA_CATEGORIES = {
    "CREDIT_CARD": _FINANCIAL,
    "IBAN_CODE": _FINANCIAL,
    "US_BANK_NUMBER": _FINANCIAL,
    "US_SSN": _GOVERNMENTAL,
    "US_ITIN": _GOVERNMENTAL,
    "US_PASSPORT": _GOVERNMENTAL,
    "US_DRIVER_LICENSE": _GOVERNMENTAL,
    "UK_NHS": _GOVERNMENTAL,
}
_DLP_GATEWAY, _IN_TRANSIT = 2, 2  # streamguard sits in the stream between producers and each audience
_RESOURCE_TYPE = "kafka_topic_partition"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_ActivityContent = Callable[[AuditEvent, Activity, int], dict[str, Any] | str]
_FindingContent = Callable[[AuditEvent, Finding, int], dict[str, Any] | str]
_DetectionContent = Callable[[AuditEvent, Detection, int], dict[str, Any] | str]


@dataclass(frozen=True)
class ExportedDocument:
    """One document for a SIEM: a JSON object (OCSF, JSON Lines) or a CEF line, with its event's position.

    ``severity_id`` is on OCSF's scale (1 Informational .. 6 Fatal) whatever the format, so that a sink can
    derive its own (a syslog severity) without reading the content."""

    document_type: str
    event_hash: str
    event_seq: int
    time_ms: int
    severity_id: int
    content: dict[str, Any] | str

    def line(self) -> str:
        """The document on one line: compact JSON (string escapes keep line breaks out) or the CEF line."""
        if isinstance(self.content, str):
            return self.content
        return json.dumps(self.content, ensure_ascii=False, separators=(",", ":"))


def export_documents(event: AuditEvent, format: str) -> list[ExportedDocument]:
    """The documents ``event`` is exported as, in ``format`` (one of ``FORMATS``)."""
    if format == "jsonl":
        return [_jsonl_document(event)]
    if format not in _BUILDERS:
        raise SiemFormatError(f"unknown export format {format!r}: expected one of {', '.join(FORMATS)}")
    builders = _BUILDERS[format]
    time_ms = _event_ms(event)
    position = (event.hash, event.seq, time_ms)
    detection = detection_of(event)
    if detection is None:
        activity = activity_of(event)
        content = builders.activity(event, activity, time_ms)
        documents = [ExportedDocument(API_ACTIVITY, *position, activity.severity_id, content)]
    else:
        content = builders.detection(event, detection, time_ms)
        documents = [ExportedDocument(DETECTION_FINDING, *position, detection.severity_id, content)]
    for finding in findings_of(event):
        content = builders.finding(event, finding, time_ms)
        documents.append(ExportedDocument(DATA_SECURITY_FINDING, *position, FINDING_SEVERITY, content))
    return documents


def epoch_ms(recorded_at: str) -> int:
    """An ISO-8601 time as milliseconds since the Unix epoch; a time without an offset is UTC by contract."""
    try:
        recorded = datetime.fromisoformat(recorded_at)
    except ValueError as error:
        raise SiemFormatError(f"recorded_at {recorded_at!r} is not an ISO-8601 time") from error
    if recorded.tzinfo is None:
        recorded = recorded.replace(tzinfo=UTC)
    return (recorded - _EPOCH) // timedelta(milliseconds=1)


def _event_ms(event: AuditEvent) -> int:
    try:
        return epoch_ms(event.recorded_at)
    except SiemFormatError as error:
        raise SiemFormatError(f"audit event {event.event_id}: {error}") from error


# OCSF


def _ocsf_metadata(event: AuditEvent, uid: str, profiles: tuple[str, ...] = ()) -> dict[str, Any]:
    metadata = {
        "version": OCSF_VERSION,
        "product": dict(PRODUCT),
        "uid": uid,
        "correlation_uid": event.hash,
        "sequence": event.seq,
        "original_time": event.recorded_at,
        "log_name": "audit",
        "log_provider": PRODUCT_NAME,
    }
    return metadata | ({"profiles": list(profiles)} if profiles else {})


def _ocsf_actor(event: AuditEvent) -> dict[str, Any]:
    actor: dict[str, Any] = {"app_name": PRODUCT_NAME, "app_uid": event.worker}
    if len(event.identities) == 1:
        actor["user"] = {"name": next(iter(event.identities))}
    return actor


def _ocsf_source(event: AuditEvent) -> dict[str, Any]:
    source = event.source
    return {"type": _RESOURCE_TYPE, "name": source.topic, "uid": chain_key(source.topic, source.partition)}


def _ocsf_resources(event: AuditEvent) -> list[dict[str, Any]]:
    outputs = [
        {
            "type": _RESOURCE_TYPE,
            "name": output.topic,
            "uid": chain_key(output.topic, output.partition),
            "labels": ["output", f"audience:{audience}"],
        }
        for audience, output in sorted(event.outputs.items())
    ]
    return [_ocsf_source(event) | {"labels": ["source"]}, *outputs]


def _ocsf_unmapped(event: AuditEvent) -> dict[str, Any]:
    """What the event says that OCSF has no attribute for: offsets, counts, outputs, digests, the chain."""
    unmapped: dict[str, Any] = {
        "event_id": event.event_id,
        "kind": event.kind,
        "dataset": event.dataset,
        "chain": chain_key(event.source.topic, event.source.partition),
        "prev_hash": event.prev_hash,
        "first_offset": event.source.first_offset,
        "last_offset": event.source.last_offset,
        "delivered": delivered_count(event),
        "tombstones": len(event.tombstones),
        "quarantined": len(event.quarantined),
        "quarantine_reasons": dict(Counter(q.reason for q in event.quarantined)),
        "identities": dict(event.identities),
        "outputs": {
            audience: output.model_dump(mode="json", include={"topic", "partition", "count", "digest"})
            for audience, output in event.outputs.items()
        },
        "action_counts": dict(event.action_counts),
        "entity_counts": dict(event.entity_counts),
        "rule_version": event.rule_version,
        "schema_ids": list(event.schema_ids),
        "input_digest": event.input_digest,
    }
    operation, _ = redacted_operation(event)
    return unmapped | ({"operation": operation} if operation else {})


def _ocsf_activity(event: AuditEvent, activity: Activity, time_ms: int) -> dict[str, Any]:
    activity_name = _API_ACTIVITY_NAMES[activity.activity_id]
    content = {
        "class_uid": _API_ACTIVITY_UID,
        "class_name": "API Activity",
        "category_uid": _APPLICATION_CATEGORY_UID,
        "category_name": "Application Activity",
        "activity_id": activity.activity_id,
        "activity_name": activity_name if activity.activity_id != OTHER else event.kind,
        "type_uid": _API_ACTIVITY_UID * 100 + activity.activity_id,
        "type_name": f"API Activity: {activity_name}",
        "time": time_ms,
        "severity_id": activity.severity_id,
        "severity": _SEVERITY_NAMES[activity.severity_id],
        "status_id": 1,
        "status": "Success",  # an event is only written once every offset of its span is accounted for
        "message": activity.message,
        "metadata": _ocsf_metadata(event, event.event_id),
        "actor": _ocsf_actor(event),
        "api": {
            "operation": activity.operation,
            "service": {"name": PRODUCT_NAME, "version": __version__},
            "request": {"uid": event.event_id},
        },
        "src_endpoint": {"name": event.worker, "svc_name": PRODUCT_NAME},
        "resources": _ocsf_resources(event),
        "unmapped": _ocsf_unmapped(event),
    }
    return content


def _ocsf_finding(event: AuditEvent, finding: Finding, time_ms: int) -> dict[str, Any]:
    category = _DATA_CATEGORIES.get(finding.entity_type, _PERSONAL)
    content = {
        "class_uid": _FINDING_UID,
        "class_name": "Data Security Finding",
        "category_uid": _FINDINGS_CATEGORY_UID,
        "category_name": "Findings",
        "activity_id": _FINDING_CREATE,
        "activity_name": "Create",
        "type_uid": _FINDING_UID * 100 + _FINDING_CREATE,
        "type_name": "Data Security Finding: Create",
        "time": time_ms,
        "severity_id": FINDING_SEVERITY,
        "severity": _SEVERITY_NAMES[FINDING_SEVERITY],
        "message": finding.message,
        "metadata": _ocsf_metadata(event, f"{event.event_id}:{finding.entity_type}", profiles=("host",)),
        "actor": _ocsf_actor(event),
        "finding_info": {
            "uid": f"{event.hash}:{finding.entity_type}",
            "title": f"{finding.entity_type} detected in {event.source.topic}",
            "desc": finding.message,
            "created_time": time_ms,
        },
        "data_security": {
            "category_id": category,
            "category": _DATA_CATEGORY_NAMES[category],
            "detection_pattern": finding.entity_type,
            "detection_system_id": _DLP_GATEWAY,
            "detection_system": "DLP Gateway",
            "data_lifecycle_state_id": _IN_TRANSIT,
            "data_lifecycle_state": "Data in-Transit",
        },
        "resources": [_ocsf_source(event)],
        "unmapped": _ocsf_position(event)
        | {
            "first_offset": event.source.first_offset,
            "last_offset": event.source.last_offset,
            "entity_type": finding.entity_type,
            "entity_count": finding.count,
        },
    }
    return content


def _ocsf_detection(event: AuditEvent, detection: Detection, time_ms: int) -> dict[str, Any]:
    """A monitoring alert as a Detection Finding; what the rule measured is under ``unmapped.operation``."""
    operation, _ = redacted_operation(event)
    return {
        "class_uid": _DETECTION_UID,
        "class_name": "Detection Finding",
        "category_uid": _FINDINGS_CATEGORY_UID,
        "category_name": "Findings",
        "activity_id": _FINDING_CREATE,
        "activity_name": "Create",
        "type_uid": _DETECTION_UID * 100 + _FINDING_CREATE,
        "type_name": "Detection Finding: Create",
        "time": time_ms,
        "severity_id": detection.severity_id,
        "severity": _SEVERITY_NAMES[detection.severity_id],
        "status_id": _FINDING_NEW,
        "status": "New",
        "message": detection.title,
        "metadata": _ocsf_metadata(event, event.event_id, profiles=("host",)),
        "actor": _ocsf_actor(event),
        "finding_info": {
            "uid": detection.key,
            "title": detection.title,
            "desc": f"{detection.rule} on {detection.subject}: {detection.title}",
            "created_time": time_ms,
            "types": [detection.rule],
            "analytic": {"name": detection.rule, "type_id": _RULE_ANALYTIC, "type": "Rule"},
        },
        "unmapped": _ocsf_position(event)
        | {"kind": event.kind, "prev_hash": event.prev_hash, "subject": detection.subject, "operation": operation},
    }


def _ocsf_position(event: AuditEvent) -> dict[str, Any]:
    """Where an event sits, for the documents that carry no other detail of its span."""
    chain = chain_key(event.source.topic, event.source.partition)
    return {"event_id": event.event_id, "dataset": event.dataset, "chain": chain}


@dataclass(frozen=True)
class _Builders:
    activity: _ActivityContent
    finding: _FindingContent
    detection: _DetectionContent


_BUILDERS = {
    "ocsf": _Builders(_ocsf_activity, _ocsf_finding, _ocsf_detection),
    "cef": _Builders(cef_activity, cef_finding, cef_detection),
}


# JSON Lines


def _jsonl_document(event: AuditEvent) -> ExportedDocument:
    content = event.model_dump(mode="json")
    operation, redacted = redacted_operation(event)
    if redacted:
        content |= {"operation": operation, "export": {"redacted": redacted}}
    severity = severity_of(event)
    return ExportedDocument(AUDIT_EVENT, event.hash, event.seq, _event_ms(event), severity, content)
