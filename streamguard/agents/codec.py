"""Record codecs (pure): the Confluent wire format with Avro, Protobuf and JSON Schema bodies, and JSON.

Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then the body; a Protobuf body is preceded
by its message indexes (which message type of the schema wrote it). Errors name what is wrong with the
framing, never a byte of the payload.
"""

from __future__ import annotations

import io
import json
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import fastavro

from streamguard.core.errors import DecodeError
from streamguard.masking.json_schema import JsonSchemaDocument
from streamguard.masking.protobuf_schema import ProtobufFile
from streamguard.masking.writer_schemas import WriterSchema

MAGIC_BYTE = 0
_HEADER = struct.Struct(">bI")


def split_wire_format(payload: bytes) -> tuple[int, memoryview]:
    """Schema id and Avro body of a Confluent-framed payload."""
    if len(payload) < _HEADER.size:
        raise DecodeError("undecodable:too_short_for_wire_format")
    magic, schema_id = _HEADER.unpack_from(payload)
    if magic != MAGIC_BYTE:
        raise DecodeError("undecodable:bad_magic_byte")
    return schema_id, memoryview(payload)[_HEADER.size :]


def frame_wire_format(schema_id: int, body: bytes) -> bytes:
    return _HEADER.pack(MAGIC_BYTE, schema_id) + body


def message_indexes(indexes: tuple[int, ...]) -> bytes:
    """Confluent's encoding of a Protobuf message's indexes: their count, then each, as zigzag varints; the
    first top-level message (``[0]``) as a single 0."""
    if indexes == (0,):
        return b"\x00"
    return b"".join(_zigzag_varint(value) for value in (len(indexes), *indexes))


def split_message_indexes(body: memoryview) -> tuple[tuple[int, ...], memoryview]:
    """The message indexes at the start of a Protobuf body, and the message's bytes after them."""
    count, at = _read_zigzag(body, 0)
    if count == 0:
        return (0,), body[at:]
    if not 0 < count <= 64:
        raise DecodeError("undecodable:protobuf_message_index")
    indexes = []
    for _ in range(count):
        index, at = _read_zigzag(body, at)
        indexes.append(index)
    return tuple(indexes), body[at:]


def _zigzag_varint(value: int) -> bytes:
    value = (value << 1) ^ (value >> 63)
    out = bytearray()
    while value & ~0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _read_zigzag(body: memoryview, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= len(body) or shift > 63:
            raise DecodeError("undecodable:protobuf_message_index")
        byte = body[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return (value >> 1) ^ -(value & 1), at


class AvroCodec:
    """Schemaless Avro body codec for one parsed writer schema."""

    def __init__(self, parsed_schema: Any) -> None:
        self.schema = parsed_schema

    def decode(self, body: memoryview) -> dict[str, Any]:
        buffer = io.BytesIO(body)
        try:
            record = fastavro.schemaless_reader(buffer, self.schema, None)
        except Exception:  # fastavro raises many kinds for corrupt bytes; the reason is what matters
            raise DecodeError("undecodable:avro_body") from None
        if buffer.tell() != len(body):
            raise DecodeError("undecodable:trailing_bytes")
        return record  # type: ignore[return-value]

    def encode(self, record: dict[str, Any]) -> bytes:
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, self.schema, record)
        return buffer.getvalue()


class BodyCodec(Protocol):
    def decode(self, body: memoryview) -> dict[str, Any]: ...

    def encode(self, record: dict[str, Any]) -> bytes: ...


class JsonSchemaBody:
    """A JSON Schema writer's bodies: JSON objects, and every view checked against the schema before it goes."""

    def __init__(self, document: JsonSchemaDocument) -> None:
        self.document = document

    def decode(self, body: memoryview) -> dict[str, Any]:
        return decode_json(bytes(body))

    def encode(self, record: dict[str, Any]) -> bytes:
        if not self.document.valid(record):
            raise ValueError("the view does not satisfy its JSON Schema")
        return encode_json(record)


@dataclass(frozen=True)
class FramedCodec:
    """One writer schema's records in the wire format: decoded from a framed payload, framed again when
    encoded (the same schema id and, for Protobuf, the same message indexes)."""

    schema: WriterSchema
    body: BodyCodec
    prefix: bytes
    indexes: tuple[int, ...] | None = None  # Protobuf: the message type the rules are for

    def decode(self, payload: bytes) -> dict[str, Any]:
        body = split_wire_format(payload)[1]
        if self.indexes is not None:
            indexes, body = split_message_indexes(body)
            if indexes != self.indexes:
                raise DecodeError("undecodable:protobuf_message_type")
        return self.body.decode(body)

    def encode(self, record: dict[str, Any]) -> bytes:
        return self.prefix + self.body.encode(record)


def codec_for(schema_id: int, schema: WriterSchema, message: str | None = None) -> FramedCodec:
    """The codec of a writer schema; ``message``: a Protobuf dataset's message type (None: the first)."""
    header = frame_wire_format(schema_id, b"")
    if isinstance(schema, ProtobufFile):
        chosen = schema.message(message)
        return FramedCodec(schema, chosen, header + message_indexes(chosen.indexes), chosen.indexes)
    if isinstance(schema, JsonSchemaDocument):
        return FramedCodec(schema, JsonSchemaBody(schema), header)
    assert isinstance(schema, Mapping)
    return FramedCodec(schema, AvroCodec(schema), header)


def decode_json(payload: bytes) -> dict[str, Any]:
    try:
        record = json.loads(payload)
    except (ValueError, RecursionError):  # bad JSON or UTF-8, an integer past Python's digit limit, deep nesting
        raise DecodeError("undecodable:json") from None
    if not isinstance(record, dict):
        raise DecodeError("undecodable:json_not_an_object")
    return record


def encode_json(record: dict[str, Any]) -> bytes:
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False, default=str).encode()
