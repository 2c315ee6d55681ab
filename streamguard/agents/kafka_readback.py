"""Read a topic back to its current end: audit chain recovery and verification. Never the data path's own
consumption."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from confluent_kafka import Consumer, IsolationLevel, KafkaError, KafkaException, Message, TopicPartition
from confluent_kafka.admin import AdminClient, OffsetSpec

from streamguard.core.errors import KafkaToolingError
from streamguard.core.topics import READBACK_GROUP

log = logging.getLogger(__name__)
_T = TypeVar("_T")


def read_to_end(
    options: dict[str, Any], topic: str, starts: dict[int, int] | None = None, timeout_s: float = 60.0
) -> list[Message]:
    """Records of ``topic`` from ``starts`` (partition -> first offset; default every partition from the
    beginning) up to each partition's end as it is now. Raises rather than return a partial read."""
    return list(iter_to_end(options, topic, starts, timeout_s))


def iter_to_end(
    options: dict[str, Any], topic: str, starts: dict[int, int] | None = None, timeout_s: float = 60.0
) -> Iterator[Message]:
    """``read_to_end`` one fetch at a time, for topics too large to hold (``timeout_s`` without progress
    raises)."""
    consumer = Consumer(
        {
            **options,
            "group.id": READBACK_GROUP,
            "enable.auto.commit": False,
            "enable.partition.eof": True,
            "auto.offset.reset": "earliest",
            # The end is known before reading: the broker need not hold a fetch for more data (a transaction's
            # last marker is only passed by a fetch at the end, which would otherwise wait its 500 ms).
            "fetch.wait.max.ms": 10,
        }
    )
    try:
        if starts is None:
            starts = dict.fromkeys(consumer.list_topics(topic, timeout=15).topics[topic].partitions, 0)
        ends = {p: end_offset(consumer, topic, p) for p in starts}
        pending = {p for p in starts if starts[p] < ends[p]}
        consumer.assign([TopicPartition(topic, p, starts[p]) for p in pending])
        deadline = time.monotonic() + timeout_s
        while pending:
            if time.monotonic() > deadline:
                raise KafkaToolingError(f"reading {topic} to its end: no progress for {timeout_s:.0f}s")
            for message in consumer.consume(1000, 0.1):  # a short wait: a nearly empty topic ends at once
                error, partition = message.error(), message.partition()
                deadline = time.monotonic() + timeout_s
                if error is None and message.offset() < ends[partition]:
                    yield message
                if (error is not None and error.code() == KafkaError._PARTITION_EOF) or (
                    error is None and message.offset() + 1 >= ends[partition]
                ):
                    pending.discard(partition)
    finally:
        consumer.close()


def read_compacted(options: dict[str, Any], topic: str, parse: Callable[[bytes], _T], what: str) -> dict[str, _T]:
    """The latest committed value of every key of a one-partition compacted topic (a tombstone removes its key);
    a value ``parse`` rejects with ValueError (pydantic's ValidationError is one) is logged and skipped."""
    latest: dict[str, _T] = {}
    wait_for_open_transactions(options, [topic])
    for message in iter_to_end({**options, "isolation.level": "read_committed"}, topic, {0: 0}):
        key, value = message.key(), message.value()
        if key is None:
            continue
        if value is None:
            latest.pop(key.decode(), None)
            continue
        try:
            latest[key.decode()] = parse(value)
        except ValueError:
            log.error("unreadable %s record at %s[0]@%d: skipped", what, topic, message.offset())
    return latest


def wait_for_open_transactions(options: dict[str, Any], topics: Iterable[str], timeout_s: float = 10.0) -> None:
    """Wait (up to ``timeout_s``) until partition 0 of each of ``topics`` is stable up to its end as it is now.
    A transaction's commit returns before the broker writes its commit markers, and a read_committed read ends
    at the first record still unmarked: without this wait, a process could miss the state it committed a
    moment before (a request just made, then not found when it is approved). A topic not there yet or without
    a leader holds no transaction of this process: the read that follows reports it as it finds it."""
    admin, partitions = AdminClient(options), [TopicPartition(topic, 0) for topic in topics]

    def ends(isolation: IsolationLevel) -> list[int]:
        asked = {partition: OffsetSpec.latest() for partition in partitions}
        futures = admin.list_offsets(asked, isolation_level=isolation, request_timeout=15)
        return [int(futures[partition].result().offset) for partition in partitions]

    try:
        written, deadline = ends(IsolationLevel.READ_UNCOMMITTED), time.monotonic() + timeout_s
        while any(stable < end for stable, end in zip(ends(IsolationLevel.READ_COMMITTED), written, strict=True)):
            if time.monotonic() > deadline:  # another writer's transaction stays open: read what is stable
                log.warning("%s: a transaction open for over %.0fs; reading what is committed", topics, timeout_s)
                return
            time.sleep(0.02)
    except KafkaException as error:
        log.debug("%s: end offsets not known (%s); read as found", topics, error.args[0].name())


# A topic created a moment ago may not have a leader yet, or not be in the client's metadata yet (librdkafka's
# local _UNKNOWN_PARTITION, seen while a broker recovers many partitions): its watermarks come a little later.
_NOT_YET = {
    KafkaError.NOT_LEADER_FOR_PARTITION,
    KafkaError.LEADER_NOT_AVAILABLE,
    KafkaError.UNKNOWN_TOPIC_OR_PART,
    KafkaError._UNKNOWN_PARTITION,
}


def end_offset(consumer: Consumer, topic: str, partition: int, timeout_s: float = 30.0) -> int:
    """The partition's high watermark, waiting out a leader election; KafkaToolingError after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return int(consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=15)[1])
        except KafkaException as error:
            if error.args[0].code() not in _NOT_YET or time.monotonic() > deadline:
                raise KafkaToolingError(f"no end offset for {topic}[{partition}]: {error.args[0].name()}") from None
            time.sleep(0.2)
