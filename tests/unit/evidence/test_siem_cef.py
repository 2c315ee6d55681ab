"""CEF lines: escaping of header fields and extension values, lines that parse back to what they say, and
monitoring alerts at their own severity."""

from __future__ import annotations

import json
import re

import pytest

from streamguard import __version__
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.siem_cef import cef_extension_value, cef_header_field
from streamguard.evidence.siem_formats import API_ACTIVITY, DATA_SECURITY_FINDING, DETECTION_FINDING, export_documents
from tests.unit.evidence.siem_samples import ALERTS, EVENTS, audit_event

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
    event = audit_event("op|x\\y=z\nw", dataset=awkward, worker="w=1 | \\", entity_counts={"PERSON": 1})
    for document in export_documents(event, "cef"):
        header, extension = _parse_cef(document.content)  # type: ignore[arg-type]
        assert len(header) == 7
        assert extension["cs4"] == awkward
        assert extension["deviceExternalId"] == "w=1 | \\"
        assert extension["cs1"] == event.hash
    header, _ = _parse_cef(export_documents(event, "cef")[0].content)  # type: ignore[arg-type]
    assert header[4] == "op|x\\y=z w"  # a header cannot hold a line break: it became a space


@pytest.mark.parametrize(("alert", "cef_severity"), list(zip(ALERTS, ("3", "5", "7", "9"), strict=True)))
def test_an_alert_is_a_detection_line_at_the_alerts_severity(alert: AuditEvent, cef_severity: str) -> None:
    (document,) = export_documents(alert, "cef")
    assert document.document_type == DETECTION_FINDING
    header, extension = _parse_cef(document.content)  # type: ignore[arg-type]
    operation = alert.operation
    assert header[4:] == [f"alert:{operation['rule']}", operation["summary"], cef_severity]
    assert (extension["cat"], extension["act"], extension["msg"]) == (
        "Detection Finding",
        "alert",
        operation["summary"],
    )
    assert (extension["flexString1Label"], extension["flexString1"]) == ("alertKey", operation["key"])
    assert (extension["cs1"], extension["cs5"]) == (alert.hash, alert.prev_hash)
    exported = json.loads(extension["cs6"])
    assert exported["subject"] == operation["subject"]
    assert "hunter2" not in extension["cs6"]
