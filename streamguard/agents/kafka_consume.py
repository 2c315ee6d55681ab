"""What one consume call returned, by source partition (consume errors logged, end-of-partition markers
skipped): the data path processes and commits per source partition."""

from __future__ import annotations

import logging
from collections import defaultdict

from confluent_kafka import KafkaError, Message

from streamguard.agents.kafka_audit import SourcePartition

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
