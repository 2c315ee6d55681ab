"""SIEM documents: OCSF validated against the vendored 1.3.0 classes (alerts as Detection Findings), JSON Lines,
and what every format shares."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.siem_formats import (
    AUDIT_EVENT,
    DETECTION_FINDING,
    OCSF_VERSION,
    ExportedDocument,
    SiemFormatError,
    epoch_ms,
    export_documents,
)
from tests.unit.evidence.control_samples import operation_event
from tests.unit.evidence.ocsf_validator import SCHEMA, ocsf_problems
from tests.unit.evidence.siem_samples import ALERTS, EVENTS, RAISED, audit_event

# OCSF


def _ocsf(event: AuditEvent) -> list[dict[str, Any]]:
    documents = export_documents(event, "ocsf")
    assert all(isinstance(d.content, dict) for d in documents)
    return [d.content for d in documents]  # type: ignore[misc]


@pytest.mark.parametrize(
    "event", EVENTS + ALERTS, ids=lambda event: f"{event.kind}-{event.seq}-{len(event.identities)}"
)
def test_every_ocsf_document_validates_against_the_vendored_schema(event: AuditEvent) -> None:
    for document in _ocsf(event):
        assert ocsf_problems(document) == [], document


def test_the_validator_finds_each_kind_of_problem() -> None:
    activity = _ocsf(EVENTS[0])[0]
    broken = json.loads(json.dumps(activity))
    del broken["api"]["operation"]  # required, one level down
    broken["severity_id"] = 7  # not in the enum
    broken["time"] = "2026-03-01"  # a timestamp is an integer
    broken["metadata"]["shoe_size"] = 42  # not an attribute of metadata
    broken["actor"] = {"process": {"pid": 1}}  # process is not vendored
    broken["src_endpoint"] = {"port": 70000}  # no identifying attribute; port out of range
    broken["cloud"] = {"provider": "x"}  # a cloud-profile attribute without the profile
    broken["status"] = "Failure"  # not the caption of status_id 1
    identifying = SCHEMA["objects"]["network_endpoint"]["constraints"]["at_least_one"]
    assert sorted(ocsf_problems(broken)) == sorted(
        [
            "api.operation: required but missing",
            "severity_id: 7 is not in the enum ['0', '1', '2', '3', '4', '5', '6', '99']",
            "time: timestamp_t expected, got str '2026-03-01'",
            "metadata.shoe_size: not defined here",
            "actor.process: object type process is not vendored, so it cannot be validated",
            f"src_endpoint: constraint at_least_one of {identifying} fails",
            "src_endpoint.port: 70000 out of range [0, 65535]",
            "cloud: not defined here",
            "status: 'Failure' is not 'Success'",
        ]
    )


def test_the_vendored_classes_require_what_ocsf_1_3_0_requires() -> None:
    def required(item: dict[str, Any]) -> set[str]:
        return {n for n, a in item["attributes"].items() if a["requirement"] == "required" and not a.get("profiles")}

    common = {"activity_id", "category_uid", "class_uid", "metadata", "severity_id", "time", "type_uid"}
    assert SCHEMA["ocsf_version"] == OCSF_VERSION
    assert required(SCHEMA["classes"]["api_activity"]) == common | {"actor", "api", "src_endpoint"}
    assert required(SCHEMA["classes"]["data_security_finding"]) == common | {"finding_info"}
    assert required(SCHEMA["classes"]["detection_finding"]) == common | {"finding_info"}
    assert SCHEMA["classes"]["detection_finding"]["uid"] == 2004
    assert required(SCHEMA["objects"]["analytic"]) == {"type_id"}
    assert required(SCHEMA["objects"]["finding_info"]) == {"title", "uid"}
    assert required(SCHEMA["objects"]["metadata"]) == {"product", "version"}


def test_an_event_is_one_api_activity_and_one_finding_per_detected_entity_type() -> None:
    event = EVENTS[0]
    activity, *findings = _ocsf(event)
    assert (activity["class_uid"], activity["category_uid"], activity["activity_id"]) == (6003, 6, 1)
    assert activity["type_uid"] == 600301
    assert activity["time"] == 1772368245123  # 2026-03-01T12:30:45.123Z
    assert activity["severity_id"] == 2  # a record was quarantined
    assert activity["actor"] == {"app_name": "streamguard", "app_uid": "worker-1", "user": {"name": "User:orders-svc"}}
    assert activity["unmapped"]["quarantine_reasons"] == {"undecodable:avro": 1}
    assert [f["data_security"]["detection_pattern"] for f in findings] == ["EMAIL_ADDRESS", "PERSON"]  # not IBAN: 0
    assert {(f["class_uid"], f["category_uid"], f["type_uid"]) for f in findings} == {(2006, 2, 200601)}
    assert [f["unmapped"]["entity_count"] for f in findings] == [2, 4]
    assert len({f["finding_info"]["uid"] for f in findings}) == 2
    for document in (activity, *findings):
        assert document["metadata"]["correlation_uid"] == event.hash
        assert document["metadata"]["sequence"] == event.seq == 3
        assert document["metadata"]["product"]["name"] == "streamguard"
        assert document["metadata"]["version"] == "1.3.0"


def test_operations_map_to_activities_and_severities() -> None:
    activities = {e.kind: _ocsf(e)[0] for e in EVENTS[3:]}
    assert {kind: (a["activity_id"], a["severity_id"]) for kind, a in activities.items()} == {
        "evidence_purge": (4, 3),
        "rules_applied": (3, 1),
        "approval": (3, 1),
        "key_rotation": (99, 1),
        "access": (99, 1),  # read evidence: streamguard observed reads, it performed none
    }
    assert activities["key_rotation"]["activity_name"] == "key_rotation"
    assert activities["rules_applied"]["api"]["operation"] == "rules_applied"
    assert activities["rules_applied"]["unmapped"]["operation"] == {"rule_version": 7}


def test_several_producers_are_counted_but_none_is_named_the_actor() -> None:
    activity = _ocsf(EVENTS[1])[0]
    assert activity["actor"] == {"app_name": "streamguard", "app_uid": "worker-1"}
    assert activity["unmapped"]["identities"] == {"User:a": 3, "User:b": 4}
    assert activity["severity_id"] == 1


def test_data_categories_follow_the_entity_type() -> None:
    findings = _ocsf(EVENTS[2])[1:]
    assert {f["data_security"]["detection_pattern"]: f["data_security"]["category_id"] for f in findings} == {
        "CREDIT_CARD": 3,
        "US_SSN": 2,
    }


@pytest.mark.parametrize("format", ["ocsf", "cef", "jsonl"])
@pytest.mark.parametrize(
    ("event", "kept"), [(EVENTS[5], "alice"), (ALERTS[2], "analytics-app")], ids=["approval", "alert"]
)
def test_a_secret_in_an_operation_is_never_exported(format: str, event: AuditEvent, kept: str) -> None:
    documents = export_documents(event, format)
    text = "\n".join(d.line() for d in documents)
    assert "hunter2" not in text
    assert kept in text


# Monitoring alerts


def test_an_alert_is_one_detection_finding_with_the_alerts_severity_title_and_key() -> None:
    for alert, severity_id in zip(ALERTS, (2, 3, 4, 5), strict=True):
        (document,) = export_documents(alert, "ocsf")
        assert (document.document_type, document.severity_id) == (DETECTION_FINDING, severity_id)
        finding = document.content
        assert isinstance(finding, dict)
        assert (finding["class_uid"], finding["category_uid"], finding["type_uid"]) == (2004, 2, 200401)
        assert finding["severity_id"] == severity_id
        operation = alert.operation
        assert finding["finding_info"]["title"] == finding["message"] == operation["summary"]
        assert finding["finding_info"]["uid"] == operation["key"]
        assert finding["finding_info"]["analytic"] == {"name": operation["rule"], "type_id": 1, "type": "Rule"}
        assert finding["unmapped"]["subject"] == operation["subject"]
        assert finding["metadata"]["correlation_uid"] == alert.hash
        (line,) = export_documents(alert, "jsonl")
        assert line.severity_id == severity_id  # a sink's syslog severity follows the alert's
    high = _ocsf(ALERTS[2])[0]
    assert (high["severity"], high["unmapped"]["dataset"]) == ("High", "orders")
    assert high["unmapped"]["operation"]["details"] == {"dataset": "orders", "api_key": "[redacted]"}


@pytest.mark.parametrize(("severity", "severity_id"), [("info", 1), ("critical", 5), ("apocalyptic", 0)])
def test_an_alert_severity_maps_onto_ocsf_and_one_it_does_not_know_is_unknown(severity: str, severity_id: int) -> None:
    operation = ALERTS[0].operation | {"severity": severity}
    (finding,) = _ocsf(operation_event("alert", operation, RAISED).sealed(1, ALERTS[0].prev_hash))
    assert finding["severity_id"] == severity_id
    assert ocsf_problems(finding) == []


def test_an_alert_without_its_summary_is_named_not_exported() -> None:
    operation = {key: value for key, value in ALERTS[0].operation.items() if key != "summary"}
    event = operation_event("alert", operation, RAISED)
    with pytest.raises(
        SiemFormatError, match=f"alert event {re.escape(event.event_id)} .*operation.summary is missing"
    ):
        export_documents(event, "ocsf")


@pytest.mark.parametrize(
    ("recorded_at", "expected"),
    [
        ("2026-03-01T12:30:45.123Z", 1772368245123),
        ("2026-03-01T14:30:45.123+02:00", 1772368245123),
        ("2026-03-01T12:30:45.123456", 1772368245123),  # no offset: UTC by contract
    ],
)
def test_time_is_epoch_milliseconds_whatever_the_spelling(recorded_at: str, expected: int) -> None:
    assert epoch_ms(recorded_at) == expected


def test_a_time_that_is_no_time_names_the_event() -> None:
    event = audit_event().model_copy(update={"recorded_at": "last tuesday"})
    with pytest.raises(SiemFormatError, match="audit event ev-records-3: recorded_at 'last tuesday' is not"):
        export_documents(event, "cef")


def test_an_unknown_format_is_refused_by_name() -> None:
    with pytest.raises(SiemFormatError, match="unknown export format 'leef'"):
        export_documents(EVENTS[0], "leef")


# JSON Lines


def test_jsonl_is_the_event_itself_and_its_hash_verifies() -> None:
    event = EVENTS[0]
    (document,) = export_documents(event, "jsonl")
    assert (document.document_type, document.event_hash, document.event_seq) == (AUDIT_EVENT, event.hash, 3)
    assert "\n" not in document.line()
    parsed = AuditEvent.model_validate_json(document.line())
    assert parsed == event
    assert parsed.content_hash() == event.hash


def test_jsonl_says_what_it_redacted() -> None:
    (document,) = export_documents(EVENTS[5], "jsonl")
    assert isinstance(document.content, dict)
    assert document.content["operation"] == {"approver": "alice", "password": "[redacted]"}
    assert document.content["export"] == {"redacted": ["operation.password"]}


def test_every_document_of_every_format_carries_its_event_position() -> None:
    for event in EVENTS + ALERTS:
        for format in ("ocsf", "cef", "jsonl"):
            documents: list[ExportedDocument] = export_documents(event, format)
            assert {(d.event_hash, d.event_seq) for d in documents} == {(event.hash, event.seq)}
            assert all(event.hash in d.line() for d in documents)
