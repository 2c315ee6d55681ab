"""Record codecs: the Confluent wire format (with Protobuf's message indexes), Avro bodies and JSON."""

from __future__ import annotations

import pytest

from streamguard.agents.codec import (
    AvroCodec,
    DecodeError,
    codec_for,
    decode_json,
    frame_wire_format,
    message_indexes,
    split_message_indexes,
    split_wire_format,
)
from tests.unit.fakes import customers_json_schema, customers_protobuf

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


@pytest.mark.parametrize(
    ("indexes", "encoded"),
    [((0,), b"\x00"), ((1,), b"\x02\x02"), ((0, 1), b"\x04\x00\x02"), ((2, 70), b"\x04\x04\x8c\x01")],
)
def test_protobuf_message_indexes_as_confluent_writes_them(indexes: tuple[int, ...], encoded: bytes) -> None:
    assert message_indexes(indexes) == encoded
    assert split_message_indexes(memoryview(encoded + b"body")) == (indexes, memoryview(b"body"))


def test_a_count_of_one_zero_index_is_the_first_message_too() -> None:
    assert split_message_indexes(memoryview(b"\x02\x00rest"))[0] == (0,)  # the long form some writers use


@pytest.mark.parametrize("body", [b"", b"\x80", b"\x04\x02", b"\x7f"])
def test_truncated_or_absurd_message_indexes_are_undecodable(body: bytes) -> None:
    with pytest.raises(DecodeError) as error:
        split_message_indexes(memoryview(body))
    assert error.value.reason == "undecodable:protobuf_message_index"


def test_a_protobuf_record_of_another_message_type_is_refused() -> None:
    schema = customers_protobuf()
    codec = codec_for(9, schema)  # the first message, Customer: indexes [0]
    address = schema.message("streamguard.samples.Customer.Address")
    framed = frame_wire_format(9, message_indexes(address.indexes) + address.encode({"street": "x"}))
    with pytest.raises(DecodeError) as error:
        codec.decode(framed)
    assert error.value.reason == "undecodable:protobuf_message_type"
    assert codec.decode(codec.encode({"customer_id": "C-1"}))["customer_id"] == "C-1"


def test_a_json_schema_view_that_breaks_its_schema_is_not_encoded() -> None:
    codec = codec_for(11, customers_json_schema())
    with pytest.raises(ValueError, match="does not satisfy its JSON Schema"):
        codec.encode({"customer_id": "C-1"})  # the required fields missing
