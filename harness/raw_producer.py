"""Write records to a raw topic the way a dataset's producers do (Confluent wire format with Avro, Protobuf or
JSON Schema bodies, or JSON). Protobuf messages are built and serialized by protobuf itself from their JSON
mapping, and framed here, not by streamguard's codec: a test then checks the codec against another writer.

Used by the demo, tests and benchmarks to play the producer's part; streamguard itself never writes raw topics.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import fastavro
from confluent_kafka import Producer
from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor
from google.protobuf.message_factory import GetMessageClass

from harness import HarnessError
from streamguard.agents.codec import encode_json, frame_wire_format
from streamguard.agents.identity import IDENTITY_HEADER, SIGNATURE_HEADER, sign_record


def avro_payload(schema_id: int, parsed_schema: Any, record: dict[str, Any]) -> bytes:
    body = io.BytesIO()
    fastavro.schemaless_writer(body, parsed_schema, record)
    return frame_wire_format(schema_id, body.getvalue())


def json_payload(record: dict[str, Any]) -> bytes:
    return encode_json(record)


def protobuf_payload(schema_id: int, message_type: Descriptor, record_json: dict[str, Any]) -> bytes:
    """A message of the schema's first type (message indexes ``[0]``: one zero byte), from its JSON mapping."""
    message = GetMessageClass(message_type)()
    json_format.ParseDict(record_json, message)
    return frame_wire_format(schema_id, b"\x00" + message.SerializeToString())


def json_schema_payload(schema_id: int, record: dict[str, Any]) -> bytes:
    return frame_wire_format(schema_id, encode_json(record))


class RawProducer:
    """A plain producer of raw payloads, optionally signing each record as ``identity``."""

    def __init__(self, client_options: dict[str, Any], identity: str | None = None, secret: bytes | None = None):
        # idempotent: a retry through a leader election must not write a raw record twice
        self._producer = Producer({**client_options, "linger.ms": 5, "acks": "all", "enable.idempotence": True})
        self._identity = identity
        self._secret = secret

    def send(
        self,
        topic: str,
        key: bytes | None,
        value: bytes | None,
        timestamp_ms: int | None = None,
        partition: int | None = None,
    ) -> None:
        headers = []
        if self._identity and self._secret and timestamp_ms is not None:
            signature = sign_record(self._secret, key, value, timestamp_ms)
            headers = [(IDENTITY_HEADER, self._identity.encode()), (SIGNATURE_HEADER, signature.encode())]
        extra: dict[str, Any] = {"timestamp": timestamp_ms} if timestamp_ms is not None else {}
        if partition is not None:
            extra["partition"] = partition
        while True:
            try:
                self._producer.produce(topic, value, key, headers=headers, **extra)
                return
            except BufferError:
                self._producer.poll(0.05)

    def send_all(self, topic: str, items: Iterable[tuple[bytes | None, bytes | None]]) -> int:
        count = 0
        for key, value in items:
            self.send(topic, key, value)
            count += 1
        return count

    def flush(self, timeout_s: float = 60.0) -> None:
        if self._producer.flush(timeout_s):
            raise HarnessError(f"raw records were not acknowledged within {timeout_s:.0f}s")
