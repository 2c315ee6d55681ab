"""What a SIEM receives for one audit event, in OCSF, CEF or JSON Lines (pure: no I/O).

``export_documents(event, format)`` turns one audit event into the documents a SIEM is sent:

- ``ocsf``: an OCSF 1.3.0 **API Activity** (class 6003) for every event, since processing a span, like any
  operation, is an activity of the worker's: a span of records is a *Create* (the worker creates every
  audience's governed records, and the quarantined ones, from it), ``evidence_purge`` a *Delete*,
  ``rules_applied`` and ``approval`` an *Update*, any other operation *Other*; plus one **Data Security
  Finding** (class 2006) per entity type the span's detection counted at least once.
- ``cef``: the same documents as ArcSight CEF lines, one line each.
- ``jsonl``: the event's own JSON, so that a SIEM can recompute its hash and check the chain.

Every document carries its event's chain position. In OCSF, ``metadata.correlation_uid`` is the event's
hash (so an activity and its findings correlate on it) and ``metadata.sequence`` its ``seq``; the rest of
what the event says (offsets, counts, outputs, digests, ``prev_hash``) is under ``unmapped``. In CEF the
hash is ``cs1`` (label ``auditHash``) and the seq ``cn1`` (label ``auditSeq``).

OCSF choices, checked by the unit tests against the vendored schema (``ocsf/ocsf-1.3.0-classes.json``):
no profile is applied to API Activity (so ``cloud`` and ``osint`` are not required: streamguard knows no
cloud provider and no indicator); a finding declares the ``host`` profile because 1.3.0 defines a finding's
``actor`` under it. The actor is streamguard itself (``app_name``) as worker ``app_uid``, which both performs
the activity and accessed the sensitive data, with the producing principal as ``user`` when the span had
exactly one (the counts of several are under ``unmapped.identities``).

Audit events hold counts, offsets and digests, never a record value; an operation's details could hold a
secret, so any of its keys named like one (password, token, secret, credential, private or API key) is
exported as ``[redacted]`` (in JSON Lines with ``export.redacted`` naming it, since the hash then no
longer verifies).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from streamguard import __version__
from streamguard.core.errors import StreamguardError
from streamguard.evidence.audit import RECORDS, AuditEvent, chain_key

OCSF_VERSION = "1.3.0"
FORMATS = ("ocsf", "cef", "jsonl")

API_ACTIVITY = "api_activity"
DATA_SECURITY_FINDING = "data_security_finding"
AUDIT_EVENT = "audit_event"

PRODUCT_NAME = "streamguard"
VENDOR_NAME = "streamguard"
_PRODUCT = {"name": PRODUCT_NAME, "vendor_name": VENDOR_NAME, "version": __version__}

_API_ACTIVITY_UID, _APPLICATION_CATEGORY_UID = 6003, 6
_FINDING_UID, _FINDINGS_CATEGORY_UID = 2006, 2
_CREATE, _UPDATE, _DELETE, _OTHER = 1, 3, 4, 99
_API_ACTIVITY_NAMES = {_CREATE: "Create", _UPDATE: "Update", _DELETE: "Delete", _OTHER: "Other"}
_OPERATION_ACTIVITIES = {"evidence_purge": _DELETE, "rules_applied": _UPDATE, "approval": _UPDATE}
_FINDING_CREATE = 1

_INFORMATIONAL, _LOW, _MEDIUM = 1, 2, 3
_SEVERITY_NAMES = {_INFORMATIONAL: "Informational", _LOW: "Low", _MEDIUM: "Medium"}
# CEF severities run 0-10; OCSF's Unknown..Fatal spread over them, Other (99) stays unknown.
_CEF_SEVERITIES = {0: 0, 1: 1, 2: 3, 3: 5, 4: 7, 5: 9, 6: 10}

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

_SECRET_KEY = re.compile(r"secret|passw|token|credential|private_?key|api_?key", re.IGNORECASE)
_REDACTED = "[redacted]"
_CEF_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class SiemFormatError(StreamguardError):
    """An export format that does not exist, or an event that cannot be put into one."""


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


@dataclass(frozen=True)
class _Activity:
    """What the API Activity of an event says, shared by its OCSF and CEF forms."""

    activity_id: int
    severity_id: int
    operation: str
    message: str


@dataclass(frozen=True)
class _Finding:
    entity_type: str
    count: int
    message: str


def export_documents(event: AuditEvent, format: str) -> list[ExportedDocument]:
    """The documents ``event`` is exported as, in ``format`` (one of ``FORMATS``)."""
    if format == "jsonl":
        return [_jsonl_document(event)]
    if format not in FORMATS:
        raise SiemFormatError(f"unknown export format {format!r}: expected one of {', '.join(FORMATS)}")
    time_ms = _event_ms(event)
    activity, findings = _activity(event), _findings(event)
    if format == "ocsf":
        documents = [_ocsf_activity(event, activity, time_ms)]
        documents += [_ocsf_finding(event, finding, time_ms) for finding in findings]
    else:
        documents = [_cef_activity(event, activity, time_ms)]
        documents += [_cef_finding(event, finding, time_ms) for finding in findings]
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


def _activity(event: AuditEvent) -> _Activity:
    span = f"{event.source.topic}[{event.source.partition}]"
    if event.kind == RECORDS:
        message = (
            f"governed offsets {event.source.first_offset}-{event.source.last_offset} of {span}: "
            f"{_delivered(event)} delivered, {len(event.tombstones)} tombstones, {len(event.quarantined)} quarantined"
        )
        severity = _LOW if event.quarantined else _INFORMATIONAL  # fail-closed records want a look
        return _Activity(_CREATE, severity, "govern_span", message)
    severity = _MEDIUM if event.kind == "evidence_purge" else _INFORMATIONAL  # evidence destroyed is notable
    activity_id = _OPERATION_ACTIVITIES.get(event.kind, _OTHER)
    return _Activity(activity_id, severity, event.kind, f"operation {event.kind} recorded for {span}")


def _findings(event: AuditEvent) -> list[_Finding]:
    source = event.source
    span = f"offsets {source.first_offset}-{source.last_offset} of {source.topic}[{source.partition}]"
    return [
        _Finding(entity, count, f"{count} {entity} detected in {span}")
        for entity, count in sorted(event.entity_counts.items())
        if count > 0
    ]


def _operation(event: AuditEvent) -> tuple[dict[str, Any], list[str]]:
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


def _delivered(event: AuditEvent) -> int:
    return sum(last - first + 1 for first, last in event.delivered)


# OCSF


def _ocsf_metadata(event: AuditEvent, uid: str, profiles: tuple[str, ...] = ()) -> dict[str, Any]:
    metadata = {
        "version": OCSF_VERSION,
        "product": dict(_PRODUCT),
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
        "delivered": _delivered(event),
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
    operation, _ = _operation(event)
    return unmapped | ({"operation": operation} if operation else {})


def _ocsf_activity(event: AuditEvent, activity: _Activity, time_ms: int) -> ExportedDocument:
    activity_name = _API_ACTIVITY_NAMES[activity.activity_id]
    content = {
        "class_uid": _API_ACTIVITY_UID,
        "class_name": "API Activity",
        "category_uid": _APPLICATION_CATEGORY_UID,
        "category_name": "Application Activity",
        "activity_id": activity.activity_id,
        "activity_name": activity_name if activity.activity_id != _OTHER else event.kind,
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
    return ExportedDocument(API_ACTIVITY, event.hash, event.seq, time_ms, activity.severity_id, content)


def _ocsf_finding(event: AuditEvent, finding: _Finding, time_ms: int) -> ExportedDocument:
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
        "severity_id": _INFORMATIONAL,
        "severity": _SEVERITY_NAMES[_INFORMATIONAL],
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
        "unmapped": {
            "event_id": event.event_id,
            "dataset": event.dataset,
            "chain": chain_key(event.source.topic, event.source.partition),
            "first_offset": event.source.first_offset,
            "last_offset": event.source.last_offset,
            "entity_type": finding.entity_type,
            "entity_count": finding.count,
        },
    }
    return ExportedDocument(DATA_SECURITY_FINDING, event.hash, event.seq, time_ms, _INFORMATIONAL, content)


# CEF


def cef_header_field(text: str) -> str:
    """A CEF header field: backslash and pipe escaped; a header cannot hold a line break, so one is a space."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def cef_extension_value(text: str) -> str:
    """A CEF extension value: backslash and equals sign escaped, line breaks written as ``\\n`` and ``\\r``."""
    return text.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n")


def cef_severity(severity_id: int) -> int:
    return _CEF_SEVERITIES.get(severity_id, 0)


def cef_line(signature_id: str, name: str, severity_id: int, extension: list[tuple[str, str | int | None]]) -> str:
    """``CEF:0|Vendor|Product|Version|Signature ID|Name|Severity|Extension``; ``None`` values are left out."""
    for key, _ in extension:
        if not _CEF_KEY.fullmatch(key):
            raise SiemFormatError(f"CEF extension key {key!r} is not a letter followed by letters and digits")
    header = [VENDOR_NAME, PRODUCT_NAME, __version__, signature_id, name]
    pairs = " ".join(f"{key}={cef_extension_value(str(value))}" for key, value in extension if value is not None)
    return "|".join(["CEF:0", *map(cef_header_field, header), str(cef_severity(severity_id)), pairs])


def _cef_common(event: AuditEvent, time_ms: int, uid: str, category: str) -> list[tuple[str, str | int | None]]:
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


def _cef_activity(event: AuditEvent, activity: _Activity, time_ms: int) -> ExportedDocument:
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
            ("cn2", _delivered(event)),
            ("cn3Label", "quarantined"),
            ("cn3", len(event.quarantined)),
        ]
    operation, _ = _operation(event)
    if operation:
        extension += [("cs6Label", "operation"), ("cs6", json.dumps(operation, sort_keys=True, ensure_ascii=False))]
    line = cef_line(event.kind, name, activity.severity_id, extension)
    return ExportedDocument(API_ACTIVITY, event.hash, event.seq, time_ms, activity.severity_id, line)


def _cef_finding(event: AuditEvent, finding: _Finding, time_ms: int) -> ExportedDocument:
    extension = [
        *_cef_common(event, time_ms, f"{event.event_id}:{finding.entity_type}", "Data Security Finding"),
        ("act", "detect"),
        ("msg", finding.message),
        ("cnt", finding.count),
        ("cs6Label", "entityType"),
        ("cs6", finding.entity_type),
    ]
    line = cef_line(f"entity:{finding.entity_type}", f"{finding.entity_type} detected", _INFORMATIONAL, extension)
    return ExportedDocument(DATA_SECURITY_FINDING, event.hash, event.seq, time_ms, _INFORMATIONAL, line)


# JSON Lines


def _jsonl_document(event: AuditEvent) -> ExportedDocument:
    content = event.model_dump(mode="json")
    operation, redacted = _operation(event)
    if redacted:
        content |= {"operation": operation, "export": {"redacted": redacted}}
    severity = _activity(event).severity_id
    return ExportedDocument(AUDIT_EVENT, event.hash, event.seq, _event_ms(event), severity, content)
