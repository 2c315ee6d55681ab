"""Read topics back to their current end: for the demo's report, tests and benchmarks (not the data path)."""

from __future__ import annotations

import io
import time
from typing import Any

import fastavro
from confluent_kafka import Consumer, Message, TopicPartition

from agents.codec import split_wire_format
from app.worker_process import wait_until


def end_offsets(options: dict[str, Any], topic: str) -> dict[int, int]:
    consumer = Consumer({**options, "group.id": "test-peek"})
    try:
        metadata = consumer.list_topics(topic, timeout=15).topics[topic]
        return {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=15)[1] for p in metadata.partitions}
    finally:
        consumer.close()


def read_topic(
    options: dict[str, Any], topic: str, expected: int | None = None, timeout_s: float = 60.0
) -> list[Message]:
    """Every record of a topic from the beginning to its current end (waiting for ``expected`` records)."""
    if expected is not None:
        wait_until(lambda: sum(end_offsets(options, topic).values()) >= expected, timeout_s, f"{expected} in {topic}")
    ends = end_offsets(options, topic)
    consumer = Consumer({**options, "group.id": "test-reader", "enable.auto.commit": False})
    messages: list[Message] = []
    try:
        consumer.assign([TopicPartition(topic, p, 0) for p, end in ends.items() if end > 0])
        remaining = sum(ends.values())
        deadline = time.monotonic() + timeout_s
        while remaining > 0 and time.monotonic() < deadline:
            for message in consumer.consume(1000, 0.5):
                if message.error() is None and message.offset() < ends[message.partition()]:
                    messages.append(message)
                    remaining -= 1
    finally:
        consumer.close()
    return messages


def source_of(message: Message) -> tuple[str, int, int]:
    """(topic, partition, offset) of the raw record a governed or quarantined record came from."""
    headers = dict(message.headers() or [])
    topic, partition, offset = headers["streamguard-source"].decode().rsplit("/", 2)
    return topic, int(partition), int(offset)


def decode_view(message: Message, parsed_schema: Any) -> dict[str, Any] | None:
    if message.value() is None:
        return None
    _schema_id, body = split_wire_format(message.value())
    return fastavro.schemaless_reader(io.BytesIO(body), parsed_schema, None)  # type: ignore[return-value]


def committed_offsets(options: dict[str, Any], group: str, topic: str, partitions: list[int]) -> dict[int, int]:
    """The group's committed offset per partition (0 where it has committed nothing)."""
    consumer = Consumer({**options, "group.id": group, "enable.auto.commit": False})
    try:
        committed = consumer.committed([TopicPartition(topic, p) for p in partitions], timeout=15)
        return {tp.partition: max(tp.offset, 0) for tp in committed}
    finally:
        consumer.close()
