"""One bad record costs that record: hostile records between good ones, in both plans and in JSON datasets.

Each batch mixes good records with records built to break a decoder, a signature check, a masking step or
an encoder; exactly the hostile ones are quarantined, with their reasons, and every good one is delivered.
"""

from __future__ import annotations

import json
from typing import Any

import fastavro
import pytest

from streamguard.agents.batch import SourceRecord
from streamguard.agents.codec import frame_wire_format
from streamguard.agents.identity import IDENTITY_HEADER, SIGNATURE_HEADER, sign_record
from streamguard.agents.processor import DatasetProcessor, longest
from streamguard.core.reasons import MAX_VIEW_BYTES, OVERSIZE_VIEW
from streamguard.core.topics import TopicNames
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import parse_rules
from tests.avro_frames import FixedSchemas, framed_avro

SCHEMA = fastavro.parse_schema(
    {
        "type": "record",
        "name": "Event",
        "fields": [
            {"name": "id", "type": "string"},
            {"name": "note", "type": "string"},
            {"name": "items", "type": {"type": "array", "items": "long"}},
            {
                "name": "matrix",
                "type": {"type": "array", "items": {"type": "array", "items": {"type": "array", "items": "long"}}},
            },
        ],
    }
)
AVRO_RULES = """
dataset: events
format: avro
key: {class: public}
audiences: {analytics: {clearances: []}}
fields:
  id: {class: public}
  note: {class: contact, action: hash}
  items: {class: public}
  matrix: {class: public}
"""
JSON_RULES = """
dataset: tickets
format: json
key: {class: contact, action: hash}
audiences: {analytics: {clearances: []}}
fields:
  id: {class: public}
  plan: {class: public}
  depth: {class: public}
unclassified: redact
"""
SIGNED = JSON_RULES.replace("dataset: tickets", "dataset: invoices") + 'owner: "User:billing"\nsignature: required\n'
KEYRING = Keyring(
    {"k1": b"k" * 32, "k2": b"e" * 32, "producer:User:billing": b"s" * 32},
    {"mask": "k1", "encrypt": "k1", "evidence": "k2"},
)


SCHEMAS = FixedSchemas({1: SCHEMA})


def _avro(record: dict[str, Any]) -> bytes:
    return framed_avro(SCHEMA, record)


def _good(n: int) -> dict[str, Any]:
    return {"id": f"E{n}", "note": f"note {n}", "items": [n, n + 1], "matrix": [[[n]]]}


def _processor(rules: str, native: bool) -> DatasetProcessor:
    return DatasetProcessor(
        parse_rules(rules, schema=SCHEMA if "avro" in rules else None),
        1,
        KEYRING,
        TopicNames(),
        SCHEMAS,
        None,
        "w",
        producer_key=lambda identity: KEYRING.key(f"producer:{identity}"),
        native=native,
    )


def _run(processor: DatasetProcessor, batch: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]]) -> Any:
    records = [
        SourceRecord("raw.x", 0, offset, key, value, headers, 1_700_000_000_000)
        for offset, (key, value, headers) in enumerate(batch)
    ]
    return processor.process(records)


@pytest.mark.parametrize("native", [True, False], ids=["native-engine", "python-plan"])
def test_hostile_avro_records_cost_only_themselves(native: bool) -> None:
    good = _avro(_good(1))
    invalid_utf8 = _avro(_good(2) | {"note": "ABCD"}).replace(b"ABCD", b"\xff\xfe\xfd\xfc")
    claims_millions = frame_wire_format(1, b"\x02a\x00" + b"\x80\xda\xc4\x09")  # 5,000,000 items in 4 bytes
    nested_lies = frame_wire_format(1, b"\x02a\x00\x00" + b"\x02\x02\xfe\xff\xff\xff\x0f")  # counts past the end
    batch: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = [
        (b"k0", good, []),
        (b"k1", invalid_utf8, []),
        (b"k2", good, []),
        (b"k3", claims_millions, []),
        (b"x" * 1_000_001, good, []),  # a 1 MB key
        (b"k5", nested_lies, []),
        (b"k6", good, []),
    ]
    result = _run(_processor(AVRO_RULES, native), batch)
    quarantined = {q.offset: q.reason for q in result.event.quarantined}
    assert set(quarantined) == {1, 3, 4, 5}
    assert quarantined[4] == "oversize"
    assert all(reason.startswith("undecodable:") for offset, reason in quarantined.items() if offset != 4)
    assert result.event.delivered == [(0, 0), (2, 2), (6, 6)]
    [oversize] = [out for out in result.quarantine if out.source_offset == 4]
    assert oversize.key is None  # the payload the limit keeps out is not copied to quarantine either
    assert oversize.value == b""
    assert dict(oversize.headers)["streamguard-size"].startswith(b"key=1000001;value=")


def test_hostile_json_records_cost_only_themselves() -> None:
    good = json.dumps({"id": 1, "plan": "PRO", "depth": 0}).encode()
    batch: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = [
        (b"a@example.org", good, []),
        (b"b@example.org", b'{"id": 2, "plan": ' + b"9" * 5_000 + b"}", []),  # past Python's digit limit
        (b"c@example.org", good, []),
        (b"d@example.org", b'{"id": 3, "depth": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", []),  # 100,000 deep
        (b"e@example.org", b'{"id": 4, "plan": "\\ud800"}', []),  # a lone surrogate in a public string
        (b"f@example.org", b'{"id": 5, "plan": "' + b"x" * 50_000_000 + b'"}', []),  # 50 MB
        (b"g@example.org", good, []),
    ]
    result = _run(_processor(JSON_RULES, native=False), batch)
    assert {q.offset: q.reason for q in result.event.quarantined} == {
        1: "undecodable:json",
        3: "undecodable:json",
        4: "unencodable",
        5: "oversize",
    }
    assert result.event.delivered == [(0, 0), (2, 2), (6, 6)]
    assert b"a@example.org" not in b"".join(result.governed.keys["analytics"])  # keyed by email: hashed


def test_a_non_ascii_signature_header_is_a_bad_signature_not_a_crash() -> None:
    good = json.dumps({"id": 1, "plan": "PRO"}).encode()
    signature = sign_record(b"s" * 32, b"k", good, 1_700_000_000_000).encode()
    signed = [(IDENTITY_HEADER, b"User:billing"), (SIGNATURE_HEADER, signature)]
    forged = [(IDENTITY_HEADER, b"User:billing"), (SIGNATURE_HEADER, "ünïcødé".encode())]
    result = _run(_processor(SIGNED, native=False), [(b"k", good, signed), (b"k", good, forged), (b"k", good, signed)])
    assert {q.offset: q.reason for q in result.event.quarantined} == {1: "identity:bad_signature"}
    assert result.event.delivered == [(0, 0), (2, 2)]


def test_a_record_whose_masked_view_outgrows_what_the_broker_takes_costs_only_itself() -> None:
    """A 1-byte key hashed to 64 hex characters takes a record just under the view limit over it."""
    body = json.dumps({"id": "x", "plan": "p"})
    padded = json.dumps({"id": "x" * (MAX_VIEW_BYTES - 10 - len(body)), "plan": "p"}).encode()
    batch: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = [
        (b"k0", body.encode(), []),
        (b"k", padded, []),
        (b"k2", body.encode(), []),
    ]
    result = _run(_processor(JSON_RULES + "max_record_bytes: 1000000\n", native=False), batch)
    assert {q.offset: q.reason for q in result.event.quarantined} == {1: OVERSIZE_VIEW}
    assert result.event.delivered == [(0, 0), (2, 2)]


def test_the_longest_view_is_measured_alike_natively_and_in_python() -> None:
    column: list[bytes | None] = [b"ab", None, b"abcdef", b""]
    assert longest(column) == max(map(len, filter(None, column))) == 6
    assert longest([None, None]) == longest([]) == 0
