"""Record codecs (pure): the Confluent Avro wire format and JSON.

Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then the Avro binary body. Errors name
what is wrong with the framing, never a byte of the payload.
"""

from __future__ import annotations

import io
import json
import struct
from typing import Any

import fastavro

from streamguard.core.errors import DecodeError

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
