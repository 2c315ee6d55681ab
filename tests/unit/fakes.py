"""Test doubles and shared fixtures for the masking tests (no Presidio, no Kafka)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import fastavro

from harness.sample_data import sample_rules_in
from streamguard.masking.detection import Span, TextScan
from streamguard.masking.json_schema import JsonSchemaDocument
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.masking.writer_schemas import parse_writer_schema
from streamguard.schemas import (
    CUSTOMERS_AVSC,
    CUSTOMERS_JSON_SCHEMA,
    CUSTOMERS_PROTO,
    CUSTOMERS_RULES,
    CUSTOMERS_SAMPLE,
)

__all__ = ["CUSTOMERS_AVSC", "CUSTOMERS_RULES", "CUSTOMERS_SAMPLE", "ExplodingScanner", "RegexScanner"]

_PATTERNS = {
    "EMAIL_ADDRESS": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "US_SSN": re.compile(r"\b\d{3}-\d{2}-\d{4}\b"),
    "PHONE_NUMBER": re.compile(r"\+\d[\d ]{7,}\d"),
}


class RegexScanner:
    """A TextScanner double: three regexes, and a log of every batch it was asked to scan."""

    def __init__(self, fail_texts: Sequence[str] = ()) -> None:
        self.batches: list[list[str]] = []
        self._fail = set(fail_texts)

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
        self.batches.append(list(texts))
        return [self._scan(text) for text in texts]

    def _scan(self, text: str) -> TextScan:
        if text in self._fail:
            return TextScan(error="budget_exceeded")
        spans = [
            Span(match.start(), match.end(), entity, 0.9)
            for entity, pattern in _PATTERNS.items()
            for match in pattern.finditer(text)
        ]
        return TextScan(tuple(sorted(spans, key=lambda s: s.start)))


class ExplodingScanner:
    """A scanner that crashes: the plan must fail the records closed, not raise."""

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
        raise RuntimeError("model crashed")


def customers_schema() -> dict[str, Any]:
    return fastavro.parse_schema(json.loads(CUSTOMERS_AVSC.read_text()))


def customers_protobuf() -> ProtobufFile:
    schema = parse_writer_schema(CUSTOMERS_PROTO.read_text(), "PROTOBUF", str(CUSTOMERS_PROTO))
    assert isinstance(schema, ProtobufFile)
    return schema


def customers_json_schema() -> JsonSchemaDocument:
    return JsonSchemaDocument.parse(CUSTOMERS_JSON_SCHEMA.read_text(), str(CUSTOMERS_JSON_SCHEMA))


def customers_rules_in(fmt: str) -> str:
    """The sample rules for the customers schema of another format (Protobuf's oneof members classified too)."""
    return sample_rules_in(fmt)


def customer(**overrides: Any) -> dict[str, Any]:
    """A decoded customers record as fastavro would return it (dates and datetimes, not ints)."""
    record: dict[str, Any] = {
        "customer_id": "C-1",
        "full_name": "Maria Gonzalez",
        "email": "maria@example.com",
        "phone": "+1 415 555 0132",
        "ssn": "536-22-8841",
        "credit_card": "4539148803436467",
        "dob": date(1986, 4, 17),
        "address": {"street": "742 Evergreen Terrace", "city": "Springfield", "zip": "97403", "country": "US"},
        "notes": "call me on +1 415 555 0199 or mail maria.g@example.org",
        "plan": "PRO",
        "signup_ts": datetime(2023, 2, 11, 9, 30, 12, tzinfo=UTC),
        "ip_address": "198.51.100.23",
        "tags": ["vip"],
        "attrs": {"referrer": "newsletter"},
        "lifetime_value": 1840.5,
        "marketing_opt_in": True,
    }
    record.update(overrides)
    return record
