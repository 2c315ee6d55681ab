"""Record codecs: the Confluent wire format, Avro bodies and JSON."""

from __future__ import annotations

import pytest

from streamguard.agents.codec import AvroCodec, DecodeError, decode_json, frame_wire_format, split_wire_format

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
