"""Wire formats and producer signatures (pure)."""

from __future__ import annotations

import pytest

from agents.codec import AvroCodec, DecodeError, decode_json, frame_wire_format, split_wire_format
from agents.identity import IDENTITY_HEADER, SIGNATURE_HEADER, sign_record, verify_signed_identity
from agents.kafka_audit import ChainHead, audit_partition_of

SCHEMA = {"type": "record", "name": "R", "fields": [{"name": "n", "type": "int"}, {"name": "s", "type": "string"}]}


def test_wire_format_round_trip() -> None:
    codec = AvroCodec(SCHEMA)
    payload = frame_wire_format(42, codec.encode({"n": 7, "s": "x"}))
    schema_id, body = split_wire_format(payload)
    assert schema_id == 42
    assert codec.decode(body) == {"n": 7, "s": "x"}


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"\x00\x00", "undecodable:too_short_for_wire_format"),
        (b"\x01\x00\x00\x00\x01\x0e\x02x", "undecodable:bad_magic_byte"),
    ],
)
def test_bad_framing_names_the_reason(payload: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as error:
        split_wire_format(payload)
    assert error.value.reason == reason


def test_corrupt_or_trailing_avro_body_fails_without_quoting_it() -> None:
    codec = AvroCodec(SCHEMA)
    good = codec.encode({"n": 1, "s": "secret-value"})
    for body in (good[:-3], good + b"extra"):
        with pytest.raises(DecodeError) as error:
            codec.decode(memoryview(body))
        assert "secret" not in str(error.value)


def test_json_must_be_an_object() -> None:
    assert decode_json(b'{"a": 1}') == {"a": 1}
    for bad in (b"[1]", b"{nope", b"\xff"):
        with pytest.raises(DecodeError):
            decode_json(bad)


def _headers(identity: str, signature: str) -> dict[str, bytes]:
    return {IDENTITY_HEADER: identity.encode(), SIGNATURE_HEADER: signature.encode()}


def test_signature_binds_identity_to_key_value_and_timestamp() -> None:
    secret = b"k" * 32
    signature = sign_record(secret, b"key", b"value", 1000)
    keys = {"User:p": secret}.get
    assert verify_signed_identity(_headers("User:p", signature), b"key", b"value", 1000, keys) == ("User:p", None)
    for key, value, ts in ((b"key", b"other", 1000), (b"other", b"value", 1000), (b"key", b"value", 1001)):
        assert verify_signed_identity(_headers("User:p", signature), key, value, ts, keys) == (
            None,
            "identity:bad_signature",
        )
    assert verify_signed_identity({}, b"key", b"value", 1000, keys) == (None, "identity:missing_signature")
    assert verify_signed_identity(_headers("User:q", signature), b"key", b"value", 1000, keys) == (
        None,
        "identity:unknown_producer",
    )


def test_null_key_and_empty_key_sign_differently() -> None:
    assert sign_record(b"s", None, b"v", 1) != sign_record(b"s", b"", b"v", 1)


def test_chain_head_survives_commit_metadata_and_rejects_garbage() -> None:
    head = ChainHead(seq=4, hash="ab" * 32, audit_partition=2, audit_offset=99)
    assert ChainHead.from_metadata(head.to_metadata()) == head
    assert ChainHead.from_metadata("") is None
    assert ChainHead.from_metadata("not json") is None


def test_a_source_partition_always_maps_to_the_same_audit_partition() -> None:
    assert audit_partition_of(("raw.x", 1), 3) == audit_partition_of(("raw.x", 1), 3)
    assert {audit_partition_of(("raw.x", p), 3) for p in range(30)} == {0, 1, 2}
