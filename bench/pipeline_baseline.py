"""The bare baseline of ``bench.pipeline``: an aiokafka consume → produce passthrough to one topic.

No decoding, masking, audit or commits: ``getmany`` in big batches, ``send`` each record (key, value,
timestamp kept) to one output topic with linger, acks=all like the pipeline. Used in-process for throughput
(``passthrough``) and as a subprocess for latency at a paced load::

    python -m bench.pipeline_baseline BOOTSTRAP SOURCE OUTPUT SECONDS
"""

from __future__ import annotations

import asyncio
import sys
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

BATCH = 10_000


async def _clients(bootstrap: str, source: str, from_end: bool) -> tuple[AIOKafkaConsumer, AIOKafkaProducer]:
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
    partitions = [TopicPartition(source, p) for p in sorted(consumer.partitions_for_topic(source) or [])]
    if not partitions:
        partitions = [TopicPartition(source, p) for p in sorted(await _partitions(consumer, source))]
    consumer.assign(partitions)
    if from_end:
        await consumer.seek_to_end(*partitions)
    else:
        await consumer.seek_to_beginning(*partitions)
    return consumer, producer


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> set[int]:
    for _ in range(50):
        found = consumer.partitions_for_topic(topic)
        if found:
            return set(found)
        await consumer._client.force_metadata_update()
        await asyncio.sleep(0.1)
    raise RuntimeError(f"no metadata for {topic}")


async def _copy(consumer: AIOKafkaConsumer, producer: AIOKafkaProducer, output: str, keep_time: bool) -> int:
    batches = await consumer.getmany(timeout_ms=100, max_records=BATCH)
    copied = 0
    for messages in batches.values():
        for message in messages:
            stamp = message.timestamp if keep_time else None
            await producer.send(output, message.value, key=message.key, timestamp_ms=stamp)
            copied += 1
    return copied


async def passthrough(bootstrap: str, source: str, output: str, expected: int, timeout_s: float) -> tuple[int, float]:
    """Copy ``expected`` backlog records; (records, seconds from the first fetched batch to all acked)."""
    consumer, producer = await _clients(bootstrap, source, from_end=False)
    try:
        copied, started, deadline = 0, None, time.monotonic() + timeout_s
        while copied < expected and time.monotonic() < deadline:
            got = await _copy(consumer, producer, output, keep_time=False)
            if got and started is None:
                started = time.monotonic()
            copied += got
        await producer.flush()
        if started is None or copied < expected:
            raise RuntimeError(f"passthrough copied {copied}/{expected} within {timeout_s:.0f}s")
        return copied, time.monotonic() - started
    finally:
        await consumer.stop()
        await producer.stop()


async def follow(bootstrap: str, source: str, output: str, seconds: float) -> int:
    """Copy new records as they arrive (record timestamps kept) for ``seconds``; flush each batch."""
    consumer, producer = await _clients(bootstrap, source, from_end=True)
    print("ready", flush=True)
    try:
        copied, deadline = 0, time.monotonic() + seconds
        while time.monotonic() < deadline:
            copied += await _copy(consumer, producer, output, keep_time=True)
        return copied
    finally:
        await consumer.stop()
        await producer.stop()


if __name__ == "__main__":
    bootstrap_, source_, output_, seconds_ = sys.argv[1:5]
    asyncio.run(follow(bootstrap_, source_, output_, float(seconds_)))
