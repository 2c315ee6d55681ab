"""Reading topics back for the demo, the tests and the benchmarks: end offsets, whole topics, views decoded,
the source and evidence of a governed record, a group's committed offsets."""

from __future__ import annotations

import io
from typing import Any

import fastavro
from confluent_kafka import Consumer, Message, TopicPartition
from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor
from google.protobuf.message_factory import GetMessageClass

from harness.worker_process import wait_until
from streamguard.agents.codec import split_wire_format
from streamguard.agents.kafka_readback import end_offset, read_to_end
from streamguard.evidence.header import EVIDENCE_HEADER, Evidence


def end_offsets(options: dict[str, Any], topic: str) -> dict[int, int]:
    """Each partition's end offset: records written, plus a marker for each transaction written to it."""
    consumer = Consumer({**options, "group.id": "test-peek"})
    try:
        metadata = consumer.list_topics(topic, timeout=15).topics[topic]
        return {p: end_offset(consumer, topic, p) for p in metadata.partitions}
    finally:
        consumer.close()


def read_topic(
    options: dict[str, Any], topic: str, expected: int | None = None, timeout_s: float = 60.0
) -> list[Message]:
    """Every committed record of a topic from the beginning to its current end, read again until there are
    ``expected`` of them (end offsets count transaction markers too, so they cannot tell)."""
    found: list[Message] = []

    def enough() -> bool:
        found[:] = read_to_end(options, topic, timeout_s=timeout_s)
        return expected is None or len(found) >= expected

    wait_until(enough, timeout_s, f"{expected} records in {topic}", step_s=0.5)
    return found


def evidence_of(message: Message) -> Evidence:
    """The evidence header of a governed or quarantined record."""
    return Evidence.parse(dict(message.headers() or [])[EVIDENCE_HEADER])


def source_of(message: Message) -> tuple[str, int, int]:
    """(topic, partition, offset) of the raw record a governed or quarantined record came from."""
    return evidence_of(message).source


def decode_view(message: Message, parsed_schema: Any) -> dict[str, Any] | None:
    """A view record's Avro value (None for a tombstone)."""
    return _decoded(message.value(), parsed_schema)


def decode_view_key(message: Message, parsed_schema: Any) -> dict[str, Any]:
    """A view record's Avro key."""
    decoded = _decoded(message.key(), parsed_schema)
    assert decoded is not None, "an Avro-keyed view record has a key"
    return decoded


def decode_protobuf_view(framed: bytes | None, message_type: Descriptor) -> dict[str, Any] | None:
    """A Protobuf view's message in protobuf's JSON mapping (field names as declared), read by protobuf itself:
    the header, then the first message type's single zero index byte."""
    if framed is None:
        return None
    assert framed[5:6] == b"\x00", "a view keeps its record's message indexes"
    message = GetMessageClass(message_type).FromString(framed[6:])
    return json_format.MessageToDict(message, preserving_proto_field_name=True)


def _decoded(framed: bytes | None, parsed_schema: Any) -> dict[str, Any] | None:
    if framed is None:
        return None
    _schema_id, body = split_wire_format(framed)
    return fastavro.schemaless_reader(io.BytesIO(body), parsed_schema, None)  # type: ignore[return-value]


def committed_offsets(options: dict[str, Any], group: str, topic: str, partitions: list[int]) -> dict[int, int]:
    """The group's committed offset per partition (0 where it has committed nothing)."""
    consumer = Consumer({**options, "group.id": group, "enable.auto.commit": False})
    try:
        committed = consumer.committed([TopicPartition(topic, p) for p in partitions], timeout=15)
        return {tp.partition: max(tp.offset, 0) for tp in committed}
    finally:
        consumer.close()
