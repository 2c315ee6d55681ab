"""SIEM documents: OCSF validated against the vendored 1.3.0 classes, CEF escaping and parsing, JSON Lines."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

import pytest

from streamguard import __version__
from streamguard.evidence.audit import GENESIS_HASH, AudienceOutput, AuditEvent, Quarantined, SourceSpan
from streamguard.evidence.siem_formats import (
    API_ACTIVITY,
    AUDIT_EVENT,
    DATA_SECURITY_FINDING,
    OCSF_VERSION,
    ExportedDocument,
    SiemFormatError,
    cef_extension_value,
    cef_header_field,
    epoch_ms,
    export_documents,
)

SCHEMA = json.loads((files("streamguard.evidence") / "ocsf" / f"ocsf-{OCSF_VERSION}-classes.json").read_text())


def _event(kind: str = "records", *, seq: int = 3, **fields: Any) -> AuditEvent:
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
    _event(),
    _event(identities={"User:a": 3, "User:b": 4}, quarantined=[], delivered=[(100, 109)], entity_counts={}),
    _event(identities={}, entity_counts={"CREDIT_CARD": 1, "US_SSN": 2}, dataset=None),
    _event("evidence_purge", operation={"cutoff": "2025-01-01T00:00:00Z"}, entity_counts={}, outputs={}),
    _event("rules_applied", operation={"rule_version": 7}, entity_counts={}),
    _event("approval", operation={"approver": "alice", "password": "hunter2"}, entity_counts={}),
    _event("key_rotation", entity_counts={}),
]


# OCSF: a validator of documents against the vendored classes


def _ocsf_problems(document: dict[str, Any]) -> list[str]:
    classes = [c for c in SCHEMA["classes"].values() if c["uid"] == document.get("class_uid")]
    if not classes:
        return [f"class_uid {document.get('class_uid')!r} is not a vendored class"]
    profiles = document.get("metadata", {}).get("profiles", [])
    problems = [
        f"metadata.profiles: {p!r} is not a profile of the class" for p in profiles if p not in classes[0]["profiles"]
    ]
    if document.get("type_uid") != document.get("class_uid", 0) * 100 + document.get("activity_id", 0):
        problems.append("type_uid is not class_uid * 100 + activity_id")
    return problems + _item_problems(document, classes[0], set(profiles), "")


def _item_problems(value: dict[str, Any], item: dict[str, Any], profiles: set[str], path: str) -> list[str]:
    attributes = {
        name: attribute
        for name, attribute in item["attributes"].items()
        if not attribute.get("profiles") or profiles & set(attribute["profiles"])
    }
    problems = [f"{path}{name}: not defined here" for name in value if name not in attributes]
    problems += [
        f"{path}{name}: required but missing"
        for name, attribute in attributes.items()
        if attribute["requirement"] == "required" and name not in value
    ]
    for kind, names in item["constraints"].items():
        present = sum(name in value for name in names)
        if (kind == "at_least_one" and present < 1) or (kind == "just_one" and present != 1):
            problems.append(f"{path.rstrip('.') or 'document'}: constraint {kind} of {names} fails")
    for name, element in value.items():
        if name in attributes:
            problems += _attribute_problems(element, attributes[name], profiles, f"{path}{name}")
            problems += _sibling_problems(value, name, attributes[name], path)
    return problems


def _attribute_problems(value: Any, attribute: dict[str, Any], profiles: set[str], path: str) -> list[str]:
    if attribute.get("is_array"):
        if not isinstance(value, list):
            return [f"{path}: an array expected, got {type(value).__name__}"]
        return [
            p for i, element in enumerate(value) for p in _value_problems(element, attribute, profiles, f"{path}[{i}]")
        ]
    return _value_problems(value, attribute, profiles, path)


def _value_problems(value: Any, attribute: dict[str, Any], profiles: set[str], path: str) -> list[str]:
    type_name = attribute["type"]
    if type_name == "object":  # ``unmapped``: free-form by definition
        return [] if isinstance(value, dict) else [f"{path}: an object expected"]
    if type_name in SCHEMA["objects"]:
        if not isinstance(value, dict):
            return [f"{path}: object {type_name} expected, got {type(value).__name__}"]
        return _item_problems(value, SCHEMA["objects"][type_name], profiles, f"{path}.")
    if type_name not in SCHEMA["types"]:
        return [f"{path}: object type {type_name} is not vendored, so it cannot be validated"]
    problems = _scalar_problems(value, SCHEMA["types"][type_name], type_name, path)
    if "enum" in attribute and str(value) not in attribute["enum"]:
        problems.append(f"{path}: {value!r} is not in the enum {sorted(attribute['enum'])}")
    return problems


_BASE_TYPES = {"integer_t": int, "long_t": int, "string_t": str, "boolean_t": bool, "float_t": (int, float)}


def _scalar_problems(value: Any, data_type: dict[str, Any], type_name: str, path: str) -> list[str]:
    base = data_type["base"]
    if base == "json_t":
        return []
    wrong_bool = isinstance(value, bool) and base != "boolean_t"
    if wrong_bool or not isinstance(value, _BASE_TYPES[base]):
        return [f"{path}: {type_name} expected, got {type(value).__name__} {value!r}"]
    problems = []
    if "regex" in data_type and not re.search(data_type["regex"], value):
        problems.append(f"{path}: {value!r} does not match {type_name}")
    if "max_len" in data_type and len(value) > data_type["max_len"]:
        problems.append(f"{path}: longer than {data_type['max_len']}")
    if "range" in data_type and not data_type["range"][0] <= value <= data_type["range"][1]:
        problems.append(f"{path}: {value} out of range {data_type['range']}")
    return problems


def _sibling_problems(value: dict[str, Any], name: str, attribute: dict[str, Any], path: str) -> list[str]:
    """An enum's caption attribute, when present, names the enum's value (``Other`` leaves it free)."""
    sibling = attribute.get("sibling")
    if sibling not in value or "enum" not in attribute or value[name] == 99:
        return []
    caption = attribute["enum"].get(str(value[name]))
    return (
        []
        if caption is None or value[sibling] == caption
        else [f"{path}{sibling}: {value[sibling]!r} is not {caption!r}"]
    )


def _ocsf(event: AuditEvent) -> list[dict[str, Any]]:
    documents = export_documents(event, "ocsf")
    assert all(isinstance(d.content, dict) for d in documents)
    return [d.content for d in documents]  # type: ignore[misc]


@pytest.mark.parametrize("event", EVENTS, ids=lambda event: f"{event.kind}-{len(event.identities)}")
def test_every_ocsf_document_validates_against_the_vendored_schema(event: AuditEvent) -> None:
    for document in _ocsf(event):
        assert _ocsf_problems(document) == [], document


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
    assert sorted(_ocsf_problems(broken)) == sorted(
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
def test_a_secret_in_an_operation_is_never_exported(format: str) -> None:
    documents = export_documents(EVENTS[5], format)
    text = "\n".join(d.line() for d in documents)
    assert "hunter2" not in text
    assert "alice" in text


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
    event = _event().model_copy(update={"recorded_at": "last tuesday"})
    with pytest.raises(SiemFormatError, match="audit event ev-records-3: recorded_at 'last tuesday' is not"):
        export_documents(event, "cef")


def test_an_unknown_format_is_refused_by_name() -> None:
    with pytest.raises(SiemFormatError, match="unknown export format 'leef'"):
        export_documents(EVENTS[0], "leef")


# CEF

CEF_ESCAPES = [
    # raw, in a header field, in an extension value
    ("plain text", "plain text", "plain text"),
    ("a|b", "a\\|b", "a|b"),
    ("back\\slash", "back\\\\slash", "back\\\\slash"),
    ("k=v", "k=v", "k\\=v"),
    ("line\nbreak", "line break", "line\\nbreak"),
    ("carriage\rreturn", "carriage return", "carriage\\rreturn"),
    ("\\|=\n", "\\\\\\|= ", "\\\\|\\=\\n"),
]


@pytest.mark.parametrize(("raw", "header", "extension"), CEF_ESCAPES)
def test_cef_escaping(raw: str, header: str, extension: str) -> None:
    assert cef_header_field(raw) == header
    assert cef_extension_value(raw) == extension


def _split_header(line: str) -> list[str]:
    """The 7 header fields and the extension: split at the first 7 pipes that no backslash escapes."""
    fields, current, chars = [], [], iter(line)
    for char in chars:
        if char == "\\" and len(fields) < 7:
            current.append(char + next(chars))
        elif char == "|" and len(fields) < 7:
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*fields, "".join(current)]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), text)


def _parse_extension(extension: str) -> dict[str, str]:
    """Keys end at an ``=`` that no backslash escapes; a value runs to the space before the next key."""
    equals, escaped = [], False
    for position, char in enumerate(extension):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "=":
            equals.append(position)
    starts = [extension.rfind(" ", 0, position) + 1 for position in equals]
    ends = [start - 1 for start in starts[1:]] + [len(extension)]
    return {
        extension[start:position]: _unescape(extension[position + 1 : end])
        for start, position, end in zip(starts, equals, ends, strict=True)
    }


def _parse_cef(line: str) -> tuple[list[str], dict[str, str]]:
    *header, extension = _split_header(line)
    return [_unescape(field) for field in header], _parse_extension(extension)


def test_cef_lines_have_seven_header_fields_and_carry_hash_and_seq() -> None:
    event = EVENTS[0]
    documents = export_documents(event, "cef")
    assert [d.document_type for d in documents] == [API_ACTIVITY, DATA_SECURITY_FINDING, DATA_SECURITY_FINDING]
    for document in documents:
        assert isinstance(document.content, str)
        assert "\n" not in document.content
        header, extension = _parse_cef(document.content)
        assert len(header) == 7
        assert header[:4] == ["CEF:0", "streamguard", "streamguard", __version__]
        assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", key) for key in extension)
        assert (extension["cs1Label"], extension["cs1"]) == ("auditHash", event.hash)
        assert (extension["cn1Label"], extension["cn1"]) == ("auditSeq", "3")
        assert extension["rt"] == "1772368245123"
        assert extension["suser"] == "User:orders-svc"
    header, extension = _parse_cef(documents[0].content)  # type: ignore[arg-type]
    assert (header[4], header[6]) == ("records", "3")  # quarantine: OCSF Low is CEF 3
    assert (extension["cnt"], extension["cn2"], extension["cn3"]) == ("10", "9", "1")
    header, extension = _parse_cef(documents[2].content)  # type: ignore[arg-type]
    assert (header[4], extension["cs6"], extension["cnt"]) == ("entity:PERSON", "PERSON", "4")


def test_a_value_with_pipe_backslash_equals_and_newline_round_trips_through_cef() -> None:
    awkward = "a|b\\c=d\ne\rf g=h"
    event = _event("op|x\\y=z\nw", dataset=awkward, worker="w=1 | \\", entity_counts={"PERSON": 1})
    for document in export_documents(event, "cef"):
        header, extension = _parse_cef(document.content)  # type: ignore[arg-type]
        assert len(header) == 7
        assert extension["cs4"] == awkward
        assert extension["deviceExternalId"] == "w=1 | \\"
        assert extension["cs1"] == event.hash
    header, _ = _parse_cef(export_documents(event, "cef")[0].content)  # type: ignore[arg-type]
    assert header[4] == "op|x\\y=z w"  # a header cannot hold a line break: it became a space


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
    for event in EVENTS:
        for format in ("ocsf", "cef", "jsonl"):
            documents: list[ExportedDocument] = export_documents(event, format)
            assert {(d.event_hash, d.event_seq) for d in documents} == {(event.hash, event.seq)}
            assert all(event.hash in d.line() for d in documents)
