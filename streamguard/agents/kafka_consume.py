"""What one consume call returned, by source partition (consume errors logged, end-of-partition markers
skipped): the data path processes and commits per source partition. And how far behind the consumer is."""

from __future__ import annotations

import logging
from collections import defaultdict

from confluent_kafka import KafkaError, KafkaException, Message

from streamguard.agents.kafka_audit import SourcePartition
from streamguard.agents.kafka_ports import SourceConsumer

log = logging.getLogger(__name__)


def by_partition(messages: list[Message]) -> dict[SourcePartition, list[Message]]:
    grouped: dict[SourcePartition, list[Message]] = defaultdict(list)
    for message in messages:
        error = message.error()
        if error is not None:
            if error.code() != KafkaError._PARTITION_EOF:
                log.warning("consume error on %s[%s]: %s", message.topic(), message.partition(), error.name())
            continue
        grouped[(message.topic(), message.partition())].append(message)
    return grouped


def within_bytes(messages: list[Message], max_bytes: int) -> list[list[Message]]:
    """``messages`` in consecutive runs of at most ``max_bytes`` of values each (a record larger than that on
    its own is a run of one), in order: one cycle each. Summed in C first: a batch within the bound, the usual
    case, costs no Python step per record."""
    value = type(messages[0]).value if messages else None  # the C accessor itself: no Python call per record
    if value is None or sum(map(len, filter(None, map(value, messages)))) <= max_bytes:
        return [messages]
    runs: list[list[Message]] = [[]]
    size = 0
    for message in messages:
        length = len(message.value() or b"")
        if runs[-1] and size + length > max_bytes:
            runs.append([])
            size = 0
        runs[-1].append(message)
        size += length
    return runs


def lags(consumer: SourceConsumer) -> dict[SourcePartition, int]:
    """Records behind the high watermark per owned partition, from what librdkafka already knows (the
    watermark its last fetch reported, the position): no request to the broker."""
    found = {}
    for position in consumer.position(consumer.assignment()):
        try:
            _, high = consumer.get_watermark_offsets(position, cached=True)
        except KafkaException:  # not known locally: a metric must never stop the data path
            continue
        if position.offset >= 0 and high >= 0:  # both known: fetched since the partition was assigned
            found[(position.topic, position.partition)] = max(high - position.offset, 0)
    return found
