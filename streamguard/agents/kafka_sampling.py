"""Sampling a topic read-only: the newest (or oldest) committed records of each of its partitions.

The consumer is assigned its partitions: it joins no group and commits nothing, so sampling moves no one's
offsets and leaves no consumer group behind. A record's bytes stay in memory for the caller's analysis only.
"""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass
from typing import Any

from confluent_kafka import Consumer, KafkaException, TopicPartition

from streamguard.core.errors import KafkaToolingError, NotFound

METADATA_TIMEOUT_S = 15.0
MAX_SAMPLE_BYTES = 64 * 1024 * 1024  # what one sample may hold in memory, keys and values together
IDLE_POLLS = 4  # half-second polls that bring nothing: the partitions' ends (markers and aborted records) reached


@dataclass(frozen=True)
class SampledRecord:
    key: bytes | None
    value: bytes | None


def sample_topic(
    client_options: dict[str, Any], topic: str, count: int, newest: bool = True, timeout_s: float = 30.0
) -> list[SampledRecord]:
    """Up to ``count`` records of ``topic``, spread over its partitions: each partition's newest (or oldest).
    NotFound if the topic does not exist."""
    consumer = Consumer(
        {
            **client_options,
            "group.id": f"streamguard-sample-{uuid.uuid4().hex}",  # never joined: partitions are assigned
            "enable.auto.commit": False,
            "enable.auto.offset.store": False,
            "isolation.level": "read_committed",
        }
    )
    try:
        assigned, expected = _assignment(consumer, topic, count, newest)
        if not assigned:
            return []
        consumer.assign(assigned)
        return _read(consumer, expected, time.monotonic() + timeout_s)
    except KafkaException as error:
        raise KafkaToolingError(f"{topic}: sampling failed: {error.args[0].name()}") from None
    finally:
        consumer.close()


def topics_named(client_options: dict[str, Any], prefix: str) -> list[str]:
    """The cluster's topics whose names start with ``prefix``, sorted."""
    consumer = Consumer({**client_options, "group.id": f"streamguard-list-{uuid.uuid4().hex}"})
    try:
        topics = consumer.list_topics(timeout=METADATA_TIMEOUT_S).topics
    except KafkaException as error:
        raise KafkaToolingError(f"listing topics failed: {error.args[0].name()}") from None
    finally:
        consumer.close()
    return sorted(name for name in topics if name.startswith(prefix))


def _assignment(consumer: Consumer, topic: str, count: int, newest: bool) -> tuple[list[TopicPartition], int]:
    metadata = consumer.list_topics(topic, timeout=METADATA_TIMEOUT_S).topics.get(topic)
    if metadata is None or metadata.error is not None or not metadata.partitions:
        raise NotFound(f"topic {topic!r} does not exist")
    share = math.ceil(count / len(metadata.partitions))
    assigned, expected = [], 0
    for partition in sorted(metadata.partitions):
        low, high = consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=METADATA_TIMEOUT_S)
        if high <= low:
            continue
        start = max(low, high - share) if newest else low
        assigned.append(TopicPartition(topic, partition, start))
        expected += min(share, high - start)
    return assigned, min(expected, count)


def _read(consumer: Consumer, expected: int, deadline: float) -> list[SampledRecord]:
    """What the assignment yields until ``expected`` records (offsets count transaction markers and aborted
    records too, so fewer may come: the deadline ends the wait)."""
    sampled: list[SampledRecord] = []
    idle = held = 0
    while len(sampled) < expected and time.monotonic() < deadline and idle < IDLE_POLLS and held < MAX_SAMPLE_BYTES:
        messages = consumer.consume(min(500, expected - len(sampled)), 0.5)
        idle = 0 if messages else idle + 1
        for message in messages:
            if message.error() is None and held < MAX_SAMPLE_BYTES:
                sampled.append(SampledRecord(message.key(), message.value()))
                held += len(message.key() or b"") + len(message.value() or b"")
    return sampled
