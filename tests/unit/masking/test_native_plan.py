"""The native engine against the Python plan, its reference, on one rich fixed rule set (drawn rule sets are in
``test_native_plan_equivalence``): the same bytes for every view of every record.

A schema with every kind of field the engine handles (logical dates and timestamps, fixed, enum, nested and
nullable records, arrays, maps, multi-type unions) and rules with every action it implements, across three
audiences that see it differently. Hypothesis draws the records; a failure code must match as well.
"""

from __future__ import annotations

import io
import ipaddress
import json
import string
from datetime import UTC, date, datetime
from typing import Any

import fastavro
import pytest
import streamguard_native  # noqa: F401 - make setup builds it; its absence is a failure, not a skip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streamguard.agents.codec import frame_wire_format
from streamguard.core.errors import NativeUnsupportedError
from streamguard.evidence.digests import batch_digest, python_batch_digest
from streamguard.masking.keys import Keyring
from streamguard.masking.native_plan import compile_native_plan
from streamguard.masking.plan import DatasetMasker
from streamguard.masking.rules import parse_rules

SCHEMA_ID = 42
FRAME = frame_wire_format(SCHEMA_ID, b"")
KEYRING = Keyring({"k1": b"m" * 32, "k2": b"e" * 32}, {"mask": "k1", "encrypt": "k2"})
SCHEMA = fastavro.parse_schema(
    {
        "type": "record",
        "name": "Rich",
        "namespace": "test.native",
        "fields": [
            {"name": "s_hash", "type": "string"},
            {"name": "s_pseudo", "type": "string"},
            {"name": "s_partial", "type": ["null", "string"]},
            {"name": "s_encrypt", "type": "string"},
            {"name": "b_encrypt", "type": "bytes"},
            {"name": "b_hash", "type": "bytes"},
            {"name": "f_hash", "type": {"type": "fixed", "name": "Eight", "size": 8}},
            {"name": "i_hash", "type": "int"},
            {"name": "l_hash", "type": "long"},
            {"name": "d_year", "type": {"type": "int", "logicalType": "date"}},
            {"name": "ts_month", "type": {"type": "long", "logicalType": "timestamp-millis"}},
            {"name": "ts_year", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}]},
            {"name": "i_bucket", "type": "int"},
            {"name": "l_bucket", "type": "long"},
            {"name": "f_bucket", "type": "float"},
            {"name": "d_bucket", "type": "double"},
            {"name": "s_prefix", "type": "string"},
            {"name": "ip", "type": "string"},
            {"name": "s_redact", "type": "string"},
            {"name": "e_redact", "type": {"type": "enum", "name": "Tier", "symbols": ["GOLD", "SILVER"]}},
            {"name": "n_null", "type": ["null", "string"], "default": None},
            {"name": "dropped", "type": "string", "default": "gone"},
            {
                "name": "nested",
                "type": {
                    "type": "record",
                    "name": "Nested",
                    "fields": [
                        {"name": "inner", "type": "string"},
                        {"name": "kept", "type": "string"},
                        {"name": "codes", "type": {"type": "array", "items": "string"}},
                    ],
                },
            },
            {
                "name": "maybe",
                "type": ["null", {"type": "record", "name": "Maybe", "fields": [{"name": "x", "type": "string"}]}],
            },
            {"name": "again", "type": "test.native.Nested"},
            {"name": "scores", "type": {"type": "map", "values": "long"}},
            {"name": "r_redact", "type": "test.native.Maybe"},
            {"name": "multi", "type": ["null", "string", "long"]},
            {"name": "public_s", "type": "string"},
            {"name": "unruled", "type": "string"},
            {"name": "flag", "type": "boolean"},
        ],
    }
)
RULES_TEXT = """
dataset: rich
format: avro
key: {class: public}
audiences:
  outsider: {clearances: []}
  partner:  {clearances: [contact]}
  insider:  {clearances: [contact, financial, location]}
fields:
  s_hash:       {class: contact, action: hash, length: 16}
  s_pseudo:     {class: contact, action: pseudonymize, prefix: cust, length: 10}
  s_partial:    {class: financial, action: partial, keep_first: 1, keep_last: 2, mask_char: "#"}
  s_encrypt:    {class: contact, action: encrypt}
  b_encrypt:    {class: financial, action: encrypt}
  b_hash:       {class: credentials, action: hash}
  f_hash:       {class: credentials, action: hash}
  i_hash:       {class: financial, action: hash}
  l_hash:       {class: contact, action: hash}
  d_year:       {class: personal, action: generalize, to: year}
  ts_month:     {class: personal, action: generalize, to: month}
  ts_year:      {class: personal, action: generalize, to: year}
  i_bucket:     {class: financial, action: generalize, size: 10}
  l_bucket:     {class: personal, action: generalize, size: 1000}
  f_bucket:     {class: financial, action: generalize, size: 0.5}
  d_bucket:     {class: personal, action: generalize, size: 100}
  s_prefix:     {class: location, action: generalize, keep_first: 3}
  ip:           {class: location, action: generalize, to: network, ipv4_prefix: 20, ipv6_prefix: 56}
  s_redact:     {class: government_id, action: redact}
  e_redact:     {class: personal, action: redact}
  n_null:       {class: health, action: "null"}
  dropped:      {class: credentials, action: drop}
  nested.inner: {class: contact, action: hash}
  nested.kept:  {class: public}
  nested.codes[]: {class: financial, action: partial, keep_last: 1}
  maybe.x:      {class: contact, action: pseudonymize}
  again.inner:  {class: public}
  again.kept:   {class: personal, action: redact}
  again.codes:  {class: public}
  scores{}:     {class: personal, action: generalize, size: 5}
  r_redact:     {class: health, action: redact}
  multi:        {class: personal, action: redact}
  public_s:     {class: public}
  flag:         {class: public}
unclassified: redact
"""
RULES = parse_rules(RULES_TEXT, schema=SCHEMA)
BASE = {
    "s_hash": "a@example.org", "s_pseudo": "Ada Lovelace", "s_partial": "4111111111111111",
    "s_encrypt": "secret", "b_encrypt": b"\x00\x01", "b_hash": b"pw", "f_hash": b"12345678",
    "i_hash": 7, "l_hash": -7, "d_year": date(1990, 7, 14), "ts_month": datetime(2024, 5, 17, 9, tzinfo=UTC),
    "ts_year": None, "i_bucket": -15, "l_bucket": 123456, "f_bucket": 2.75, "d_bucket": 1234.5,
    "s_prefix": "SW1A 1AA", "ip": "203.0.113.77", "s_redact": "219-77-3141", "e_redact": "SILVER",
    "n_null": "x", "dropped": "y", "nested": {"inner": "i", "kept": "k", "codes": ["1234", "99"]},
    "maybe": {"x": "Bob"}, "again": {"inner": "i", "kept": "k", "codes": []}, "scores": {"a": 12},
    "r_redact": {"x": "Eve"}, "multi": 5, "public_s": "hello", "unruled": "zzz", "flag": True,
}  # fmt: skip

text = st.text(max_size=12)
timestamps = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC))
ips = st.ip_addresses().map(str) | st.sampled_from(["10.0.0.1", "::ffff:1.2.3.4", "fe80::1", "not-an-ip", " 8.8.8.8"])
floats = st.floats(width=32) | st.sampled_from([float("inf"), float("nan"), -0.0])
records = st.fixed_dictionaries(
    {
        "s_hash": text,
        "s_pseudo": text,
        "s_partial": st.none() | text,
        "s_encrypt": text,
        "b_encrypt": st.binary(max_size=20),
        "b_hash": st.binary(max_size=20),
        "f_hash": st.binary(min_size=8, max_size=8),
        "i_hash": st.integers(-(2**31), 2**31 - 1),
        "l_hash": st.integers(-(2**63), 2**63 - 1),
        "d_year": st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
        "ts_month": timestamps,
        "ts_year": st.none() | timestamps,
        "i_bucket": st.integers(-(2**31), 2**31 - 1),
        "l_bucket": st.integers(-(2**63), 2**63 - 1),
        "f_bucket": floats,
        "d_bucket": st.floats() | st.sampled_from([1e308, -1e308]),
        "s_prefix": text,
        "ip": ips,
        "s_redact": text,
        "e_redact": st.sampled_from(["GOLD", "SILVER"]),
        "n_null": st.none() | text,
        "dropped": text,
        "nested": st.fixed_dictionaries({"inner": text, "kept": text, "codes": st.lists(text, max_size=4)}),
        "maybe": st.none() | st.fixed_dictionaries({"x": text}),
        "again": st.fixed_dictionaries({"inner": text, "kept": text, "codes": st.lists(text, max_size=3)}),
        "scores": st.dictionaries(st.text(string.ascii_letters, max_size=5), st.integers(-(2**63), 2**63 - 1)),
        "r_redact": st.fixed_dictionaries({"x": text}),
        "multi": st.none() | text | st.integers(-(2**63), 2**63 - 1),
        "public_s": text,
        "unruled": text,
        "flag": st.booleans(),
    }
)


def encode(record: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    fastavro.schemaless_writer(buffer, SCHEMA, record)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def engine() -> Any:
    return compile_native_plan(RULES, KEYRING, SCHEMA).engine(FRAME)


@pytest.fixture(scope="module")
def masker() -> DatasetMasker:
    return DatasetMasker(RULES, KEYRING, schema=SCHEMA)


def python_plan(masker: DatasetMasker, body: bytes) -> list[bytes] | str:
    """What the Python path of the data path produces for one body: framed views, or the failure code."""
    [outcome] = masker.mask_batch([fastavro.schemaless_reader(io.BytesIO(body), SCHEMA, None)])
    if outcome.failure is not None or outcome.views is None:
        return outcome.failure or "masking_failed"
    return [FRAME + encode(outcome.views[audience]) for audience in RULES.audiences]


def native(engine: Any, value: bytes) -> list[bytes] | str:
    columns, failures = engine.mask([value], 1_000_000)
    return failures[0][1] if failures else [column[0] for column in columns]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=records)
def test_every_view_is_the_python_plans_bytes(engine: Any, masker: DatasetMasker, record: dict[str, Any]) -> None:
    body = encode(record)
    assert native(engine, FRAME + body) == python_plan(masker, body)


def test_the_views_differ_per_audience_and_shared_ops_still_match(engine: Any, masker: DatasetMasker) -> None:
    record = BASE
    views = native(engine, FRAME + encode(record))
    assert views == python_plan(masker, encode(record))
    decoded = [fastavro.schemaless_reader(io.BytesIO(view[5:]), SCHEMA, None) for view in views]
    assert [view["ip"] for view in decoded] == ["203.0.112.0/20", "203.0.112.0/20", "203.0.113.77"]
    assert decoded[0]["s_pseudo"].startswith("cust_")
    assert decoded[1]["s_pseudo"] == "Ada Lovelace"
    assert (decoded[0]["dropped"], decoded[0]["n_null"], decoded[0]["unruled"]) == ("gone", None, "[REDACTED]")
    assert (decoded[1]["s_partial"], decoded[2]["s_partial"]) == ("4#############11", "4111111111111111")


def test_unmaskable_values_fail_with_the_python_plans_code(engine: Any, masker: DatasetMasker) -> None:
    base = {**BASE, "d_bucket": float("inf")}
    assert native(engine, FRAME + encode(base)) == python_plan(masker, encode(base)) == "invalid_value:d_bucket"
    bad_ip = {**BASE, "ip": "300.1.1.1"}
    assert native(engine, FRAME + encode(bad_ip)) == "invalid_value:ip"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=records, cut=st.integers(min_value=0), noise=st.binary(max_size=64))
def test_corrupt_bodies_fail_closed_and_never_crash(
    engine: Any, record: dict[str, Any], cut: int, noise: bytes
) -> None:
    body = encode(record)
    truncated = body[: cut % max(len(body), 1)]
    for corrupt in (truncated, noise, body + b"\x00"):
        result = native(engine, FRAME + corrupt)
        if isinstance(result, str):
            assert result.startswith(("undecodable:", "invalid_value:")), result
        else:  # random bytes may happen to be a valid record: then every view still decodes
            assert all(fastavro.schemaless_reader(io.BytesIO(view[5:]), SCHEMA, None) for view in result)
    assert native(engine, FRAME + body + b"\x00") == "undecodable:trailing_bytes"


def test_admission_checks_name_their_reason(engine: Any) -> None:
    body = FRAME + encode(BASE)
    columns, failures = engine.mask([body, None, b"\x00\x00", b"\x07" + body[1:], frame_wire_format(7, b"")], 100_000)
    assert failures == [
        (2, "undecodable:too_short_for_wire_format"),
        (3, "undecodable:bad_magic_byte"),
        (4, "schema_id:7"),
    ]
    assert all(column[1] is None and column[2] is None for column in columns)  # a tombstone in every view
    assert engine.mask([body], 10)[1] == [(0, "oversize")]


def test_the_plan_document_carries_no_key_material() -> None:
    plan = compile_native_plan(RULES, KEYRING, SCHEMA)
    assert plan.keys
    for key in plan.keys:
        assert key.hex() not in plan.document
        assert ",".join(str(b) for b in key) not in plan.document
    json.loads(plan.document)  # and it is a JSON document


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda r: r.replace("unclassified: redact", "unclassified: detect"), "free-text detection"),
        (lambda r: r.replace("format: avro", "format: json"), "json records"),
    ],
)
def test_plans_it_does_not_cover_stay_with_the_python_plan(change: Any, why: str) -> None:
    rules = parse_rules(change(RULES_TEXT), schema=SCHEMA)
    with pytest.raises(NativeUnsupportedError, match=why):
        compile_native_plan(rules, KEYRING, SCHEMA)


def test_other_logical_types_stay_with_the_python_plan() -> None:
    schema = fastavro.parse_schema(
        {"type": "record", "name": "U", "fields": [{"name": "id", "type": {"type": "string", "logicalType": "uuid"}}]}
    )
    rules = parse_rules(
        "dataset: u\nformat: avro\nkey: {class: public}\n"
        "audiences: {a: {clearances: []}}\nfields: {id: {class: public}}\n",
        schema=schema,
    )
    with pytest.raises(NativeUnsupportedError, match="logical type uuid"):
        compile_native_plan(rules, KEYRING, schema)


@given(st.lists(st.none() | st.binary(max_size=40), max_size=20), st.binary(max_size=40))
def test_native_batch_digest_is_the_reference_digest(values: list[bytes | None], salt: bytes) -> None:
    assert batch_digest(values, salt) == python_batch_digest(values, salt)


def test_ipv6_networks_print_as_python_prints_them(engine: Any, masker: DatasetMasker) -> None:
    for address in ("2001:db8:85a3::8a2e:370:7334", "::1", "1:0:0:1:0:0:0:1", "::ffff:10.1.2.3"):
        record = {**BASE, "ip": address}
        views = native(engine, FRAME + encode(record))
        assert views == python_plan(masker, encode(record))
        network = fastavro.schemaless_reader(io.BytesIO(views[0][5:]), SCHEMA, None)["ip"]
        assert network == str(ipaddress.ip_network(f"{address}/56", strict=False))
