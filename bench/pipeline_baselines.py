"""The baselines of ``bench.pipeline``: bare consume → produce copies with no decoding, masking, audit or commits.

- ``aiokafka_copy``: aiokafka (pure Python) copying each record to one topic, the baseline of earlier runs;
- ``librdkafka_copy``: confluent-kafka (librdkafka, the client the data path runs on) copying each record to
  ``outputs`` topics, 1 or 3. The 3-topic copy is the I/O streamguard cannot avoid (three views per record),
  on the same client and producer settings, so it is the strongest honest baseline and the headline ratio.
  With ``transaction_records`` it copies in transactions of that many source records, each committing the
  consumer's offsets the way a data-path cycle does: what exactly-once itself costs, beside the headline.

Both consume in big batches and produce with linger and acks=all like the data path; throughput is timed
from the first fetched batch until every copy is acknowledged, and so is the librdkafka copies' CPU time (this
process, every thread: user + system). ``librdkafka_follow`` copies new records as
they arrive, for the latency baseline, as a subprocess::

    python -m bench.pipeline_baselines BOOTSTRAP SOURCE OUTPUT[,OUTPUT...] SECONDS
"""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from confluent_kafka import Consumer, Message, Producer
from confluent_kafka import TopicPartition as RdTopicPartition

from streamguard.agents.kafka_clients import PRODUCER_CONFIG

BATCH = 10_000


@dataclass(frozen=True)
class Copy:
    """What a copy did: source records per second, and CPU milliseconds per 1,000 source records."""

    rate: float
    cpu_ms_per_thousand: float


def cpu_ms_per_thousand(cpu_s: float, records: int) -> float:
    return cpu_s / max(1, records) * 1e6


async def _aiokafka_copy(bootstrap: str, source: str, output: str, expected: int, timeout_s: float) -> float:
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        max_partition_fetch_bytes=8 * 1024 * 1024,
        fetch_max_bytes=32 * 1024 * 1024,
        fetch_max_wait_ms=50,
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, max_batch_size=1_000_000)
    await consumer.start()
    await producer.start()
    try:
        consumer.assign([TopicPartition(source, p) for p in sorted(await _partitions(consumer, source))])
        await consumer.seek_to_beginning()
        copied, started, deadline = 0, None, time.monotonic() + timeout_s
        while copied < expected and time.monotonic() < deadline:
            for messages in (await consumer.getmany(timeout_ms=100, max_records=BATCH)).values():
                started = started or time.monotonic()
                for message in messages:
                    await producer.send(output, message.value, key=message.key)
                    copied += 1
        await producer.flush()
        if started is None or copied < expected:
            raise RuntimeError(f"aiokafka copy: {copied}/{expected} within {timeout_s:.0f}s")
        return copied / (time.monotonic() - started)
    finally:
        await consumer.stop()
        await producer.stop()


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> set[int]:
    for _ in range(50):
        found = consumer.partitions_for_topic(topic)
        if found:
            return set(found)
        await consumer._client.force_metadata_update()
        await asyncio.sleep(0.1)
    raise RuntimeError(f"no metadata for {topic}")


def aiokafka_copy(bootstrap: str, source: str, output: str, expected: int, timeout_s: float = 300) -> float:
    """Records/s of an aiokafka copy of the ``expected`` backlog records of ``source`` to ``output``."""
    return asyncio.run(_aiokafka_copy(bootstrap, source, output, expected, timeout_s))


def _librdkafka_clients(
    options: dict[str, Any], source: str, from_end: bool, transactional: bool = False
) -> tuple[Consumer, Producer]:
    consumer = Consumer({**options, "group.id": "bench-baseline", "enable.auto.commit": False, "fetch.wait.max.ms": 50})
    partitions = consumer.list_topics(source, timeout=15).topics[source].partitions
    starts = []
    for partition in partitions:
        low, high = consumer.get_watermark_offsets(RdTopicPartition(source, partition), timeout=15)
        starts.append(RdTopicPartition(source, partition, high if from_end else low))
    consumer.assign(starts)
    producer_config = {name: value for name, value in PRODUCER_CONFIG.items() if not name.startswith("transaction")}
    if transactional:  # the data path's settings in full, its transaction timeout included
        producer_config = {**PRODUCER_CONFIG, "transactional.id": f"bench-copy-{uuid.uuid4().hex[:8]}"}
    return consumer, Producer({**options, **producer_config})


def _copy(producer: Producer, messages: list[Message], outputs: list[str], keep_time: bool) -> int:
    copied = 0
    for message in messages:
        if message.error() is not None:
            continue
        stamp = message.timestamp()[1] if keep_time else 0
        for output in outputs:
            while True:
                try:
                    producer.produce(
                        output, message.value(), message.key(), partition=message.partition(), timestamp=stamp
                    )
                    break
                except BufferError:
                    producer.poll(0.05)
        copied += 1
    producer.poll(0)
    return copied


def librdkafka_copy(
    options: dict[str, Any],
    source: str,
    outputs: list[str],
    expected: int,
    timeout_s: float = 300,
    transaction_records: int | None = None,
) -> Copy:
    """A confluent-kafka copy of the backlog of ``source`` to every output, in transactions of
    ``transaction_records`` source records if given."""
    consumer, producer = _librdkafka_clients(options, source, from_end=False, transactional=bool(transaction_records))
    batch = transaction_records or BATCH
    try:
        if transaction_records:
            producer.init_transactions(30)
        copied, started, cpu, deadline = 0, None, 0.0, time.monotonic() + timeout_s
        while copied < expected and time.monotonic() < deadline:
            messages = consumer.consume(batch, 0.1)
            if not messages:
                continue
            if started is None:
                started, cpu = time.monotonic(), time.process_time()
            if transaction_records:
                copied += _copy_in_transaction(producer, consumer, messages, outputs)
            else:
                copied += _copy(producer, messages, outputs, keep_time=False)
        if producer.flush(60) or started is None or copied < expected:
            raise RuntimeError(f"librdkafka copy: {copied}/{expected} acknowledged within {timeout_s:.0f}s")
        seconds, cpu = time.monotonic() - started, time.process_time() - cpu
        return Copy(copied / seconds, cpu_ms_per_thousand(cpu, copied))
    finally:
        consumer.close()


def _copy_in_transaction(producer: Producer, consumer: Consumer, messages: list[Message], outputs: list[str]) -> int:
    """One transaction: the copies, then the consumer's next offsets, then the commit (which waits for every
    acknowledgement)."""
    producer.begin_transaction()
    copied = _copy(producer, messages, outputs, keep_time=False)
    positions = consumer.position(consumer.assignment())
    producer.send_offsets_to_transaction(positions, consumer.consumer_group_metadata(), 30)
    producer.commit_transaction(30)
    return copied


def librdkafka_follow(options: dict[str, Any], source: str, outputs: list[str], seconds: float) -> int:
    """Copy new records as they arrive (record timestamps kept) for ``seconds``."""
    consumer, producer = _librdkafka_clients(options, source, from_end=True)
    print("ready", flush=True)
    try:
        copied, deadline = 0, time.monotonic() + seconds
        while time.monotonic() < deadline:
            copied += _copy(producer, consumer.consume(BATCH, 0.05), outputs, keep_time=True)
        producer.flush(30)
        return copied
    finally:
        consumer.close()


if __name__ == "__main__":
    bootstrap_, source_, outputs_, seconds_ = sys.argv[1:5]
    librdkafka_follow({"bootstrap.servers": bootstrap_}, source_, outputs_.split(","), float(seconds_))
