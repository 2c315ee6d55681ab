"""Latency part of ``bench.pipeline``: a paced producer on a raw topic and a consumer on one output topic.

Each record gets a unique key and its produce time as the Kafka record timestamp (CreateTime). Arrival is the
consumer's wall clock when ``consume`` returns the record; the record is matched to its produce time by key,
because a governed view keeps the source key but not the source timestamp. Records sent during the first
``WARMUP_S`` are left out of the percentiles.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from confluent_kafka import Consumer, Producer, TopicPartition

from bench.pipeline_setup import BenchError

WARMUP_S = 2.0
DRAIN_S = 15.0


@dataclass(frozen=True)
class Latency:
    rate: float
    sent: int
    measured: int
    missing: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    # The slowest seconds of sending: (second since the start, slowest record sent in it in ms), slowest first,
    # to tell one stall from a spread tail.
    worst_seconds: tuple[tuple[int, float], ...] = ()


def _percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


class _PacedProducer(threading.Thread):
    """Sends ``rate`` records/s for ``seconds``; remembers each key's send time (s since the epoch)."""

    def __init__(
        self, options: dict[str, Any], topic: str, partitions: int, values: list[bytes], rate: float, seconds: float
    ) -> None:
        super().__init__(daemon=True)
        self.sent: dict[bytes, float] = {}
        self.error: str | None = None
        self._producer = Producer({**options, "acks": "all", "linger.ms": 5})
        self._args = (topic, partitions, values, rate, seconds)

    def run(self) -> None:
        topic, partitions, values, rate, seconds = self._args
        start, index, total = time.time(), 0, int(rate * seconds)
        while index < total:
            due = min(total, int((time.time() - start) * rate) + 1)
            while index < due:
                key = f"L{index:09d}".encode()
                now = time.time()
                self.sent[key] = now
                self._produce(topic, key, values[index % len(values)], index % partitions, int(now * 1000))
                index += 1
            self._producer.poll(0)
            time.sleep(0.001)
        if self._producer.flush(30):
            self.error = "paced producer: records unacknowledged"

    def _produce(self, topic: str, key: bytes, value: bytes, partition: int, stamp_ms: int) -> None:
        for _ in range(1000):
            try:
                self._producer.produce(topic, value, key, partition=partition, timestamp=stamp_ms)
                return
            except BufferError:
                self._producer.poll(0.01)
        self.error = "paced producer: local queue stayed full"


def _consumer_at_end(options: dict[str, Any], topic: str) -> Consumer:
    consumer = Consumer({**options, "group.id": "bench-latency", "enable.auto.commit": False, "fetch.wait.max.ms": 5})
    metadata = consumer.list_topics(topic, timeout=15).topics[topic]
    positions = []
    for partition in metadata.partitions:
        high = consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=15)[1]
        positions.append(TopicPartition(topic, partition, high))
    consumer.assign(positions)
    return consumer


def measure_latency(
    options: dict[str, Any],
    raw_topic: str,
    partitions: int,
    output_topic: str,
    values: list[bytes],
    rate: float,
    seconds: float,
) -> Latency:
    """Produce at ``rate`` for ``seconds`` into ``raw_topic``; latencies as seen on ``output_topic``."""
    consumer = _consumer_at_end(options, output_topic)
    producer = _PacedProducer(options, raw_topic, partitions, values, rate, seconds)
    arrivals: dict[bytes, float] = {}
    total = int(rate * seconds)
    start = time.time()
    producer.start()
    deadline = time.monotonic() + seconds + DRAIN_S
    try:
        while len(arrivals) < total and time.monotonic() < deadline:
            for message in consumer.consume(1000, 0.05):
                if message.error() is None and message.key() is not None:
                    arrivals.setdefault(message.key(), time.time())
    finally:
        consumer.close()
    producer.join(timeout=DRAIN_S + seconds)
    if producer.error:
        raise BenchError(producer.error)
    timed = [
        (sent - start, (arrivals[key] - sent) * 1000.0)
        for key, sent in list(producer.sent.items())
        if key in arrivals and sent - start >= WARMUP_S
    ]
    latencies = sorted(latency for _, latency in timed)
    slowest: dict[int, float] = {}
    for second, latency in timed:
        slowest[int(second)] = max(latency, slowest.get(int(second), 0.0))
    return Latency(
        rate=rate,
        sent=len(producer.sent),
        measured=len(latencies),
        missing=len(producer.sent) - sum(1 for key in producer.sent if key in arrivals),
        p50_ms=_percentile(latencies, 0.50),
        p99_ms=_percentile(latencies, 0.99),
        max_ms=latencies[-1] if latencies else float("nan"),
        worst_seconds=tuple(sorted(slowest.items(), key=lambda item: -item[1])[:3]),
    )
