"""Read topics back to their current end: audit chain recovery and verification, the demo's report, tests
and benchmarks. Never the data path's own consumption."""

from __future__ import annotations

import io
import time
from typing import Any

import fastavro
from confluent_kafka import Consumer, KafkaError, Message, TopicPartition

from agents.codec import split_wire_format
from app.errors import KafkaToolingError
from app.worker_process import wait_until
from evidence.header import EVIDENCE_HEADER, Evidence


def end_offsets(options: dict[str, Any], topic: str) -> dict[int, int]:
    consumer = Consumer({**options, "group.id": "test-peek"})
    try:
        metadata = consumer.list_topics(topic, timeout=15).topics[topic]
        return {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=15)[1] for p in metadata.partitions}
    finally:
        consumer.close()


def read_to_end(
    options: dict[str, Any], topic: str, starts: dict[int, int] | None = None, timeout_s: float = 60.0
) -> list[Message]:
    """Records of ``topic`` from ``starts`` (partition -> first offset; default every partition from the
    beginning) up to each partition's end as it is now, in partition order. Raises rather than return a
    partial read."""
    consumer = Consumer(
        {
            **options,
            "group.id": "streamguard-readback",
            "enable.auto.commit": False,
            "enable.partition.eof": True,
            "auto.offset.reset": "earliest",
        }
    )
    try:
        if starts is None:
            starts = dict.fromkeys(consumer.list_topics(topic, timeout=15).topics[topic].partitions, 0)
        ends = {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=15)[1] for p in starts}
        pending = {p for p in starts if starts[p] < ends[p]}
        consumer.assign([TopicPartition(topic, p, starts[p]) for p in pending])
        messages: list[Message] = []
        deadline = time.monotonic() + timeout_s
        while pending:
            if time.monotonic() > deadline:
                raise KafkaToolingError(f"reading {topic} to its end took over {timeout_s:.0f}s")
            for message in consumer.consume(1000, 0.5):
                error, partition = message.error(), message.partition()
                if error is None and message.offset() < ends[partition]:
                    messages.append(message)
                if (error is not None and error.code() == KafkaError._PARTITION_EOF) or (
                    error is None and message.offset() + 1 >= ends[partition]
                ):
                    pending.discard(partition)
        return messages
    finally:
        consumer.close()


def read_topic(
    options: dict[str, Any], topic: str, expected: int | None = None, timeout_s: float = 60.0
) -> list[Message]:
    """Every record of a topic from the beginning to its current end (waiting for ``expected`` records)."""
    if expected is not None:
        wait_until(lambda: sum(end_offsets(options, topic).values()) >= expected, timeout_s, f"{expected} in {topic}")
    return read_to_end(options, topic, timeout_s=timeout_s)


def evidence_of(message: Message) -> Evidence:
    """The evidence header of a governed or quarantined record."""
    return Evidence.parse(dict(message.headers() or [])[EVIDENCE_HEADER])


def source_of(message: Message) -> tuple[str, int, int]:
    """(topic, partition, offset) of the raw record a governed or quarantined record came from."""
    return evidence_of(message).source


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
