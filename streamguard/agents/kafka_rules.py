"""Rule sets in Kafka: publish a validated version to ``streamguard.rules``, read the history back, and follow
new versions as they arrive (the worker's ``KafkaRuleFeed``).

The rules topic has one partition (rule versions have one total order) and is compacted with one key per
version, so its history is complete from offset 0. A record that does not parse is logged by offset and
skipped (with the type of its error, never the message, which may quote it): it is not a rule version streamguard
wrote, and it must not stop every worker from starting.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterable
from typing import Any

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, Message, Producer, TopicPartition

from streamguard.agents.kafka_readback import end_offset, read_to_end
from streamguard.core.errors import DeliveryError, KafkaToolingError
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.core.topics import RULES_FEED_GROUP_PREFIX
from streamguard.masking.rule_versions import next_version
from streamguard.masking.rules import Rules

log = logging.getLogger(__name__)
PUBLISH_TIMEOUT_S = 30.0


def parse_rule_records(messages: Iterable[Message]) -> list[RuleSetRecord]:
    """The rule-set records among consumed messages, in order; tombstones and foreign records skipped."""
    records = []
    for message in messages:
        if message.error() is not None or message.value() is None:
            continue
        try:
            records.append(RuleSetRecord.from_bytes(message.value()))
        except Exception as error:  # whatever it is, one record must not stop the worker; its text stays out of logs
            log.error(
                "%s[%d]@%d is not a rule-set record (%s); skipped",
                message.topic(),
                message.partition(),
                message.offset(),
                type(error).__name__,
            )
    return records


def read_rule_history(client_options: dict[str, Any], topic: str) -> list[RuleSetRecord]:
    """Every rule set version in the topic, in publication order."""
    return parse_rule_records(read_to_end(client_options, topic, {0: 0}))


def publish_rule_set(client_options: dict[str, Any], topic: str, record: RuleSetRecord) -> None:
    """Write one version and wait for the broker's acknowledgement (acks=all); DeliveryError otherwise."""
    failures: list[str] = []

    def report(error: KafkaError | None, _message: Message) -> None:
        if error is not None:
            failures.append(error.name())

    producer = Producer({**client_options, "acks": "all", "enable.idempotence": True})
    producer.produce(topic, record.to_bytes(), record.key.encode(), on_delivery=report)
    if producer.flush(PUBLISH_TIMEOUT_S) or failures:
        raise DeliveryError(f"rules {record.key} were not acknowledged by {topic}: {failures or 'timed out'}")


def apply_rule_set(
    client_options: dict[str, Any],
    topic: str,
    rules: Rules,
    rules_yaml: str,
    source_name: str,
    avro_schema: str | None,
    who: str,
    key_schema: str | None = None,
) -> RuleSetRecord | None:
    """Publish validated rules as the dataset's next version; None if the latest version is the same."""
    history = read_rule_history(client_options, topic)
    record = next_version(history, rules, rules_yaml, source_name, avro_schema, who, key_schema)
    if record is not None:
        publish_rule_set(client_options, topic, record)
    return record


class KafkaRuleFeed:
    """The worker's reader of the rules topic: the whole history once, then new versions as they come.

    No consumer group: every worker reads every version from offset 0 at each start (a group would resume
    from its committed offset and miss the earlier versions).
    """

    def __init__(self, client_options: dict[str, Any], topic: str) -> None:
        self._topic = topic
        self._consumer = Consumer(
            {
                **client_options,
                "group.id": f"{RULES_FEED_GROUP_PREFIX}{uuid.uuid4().hex[:8]}",  # required by librdkafka, never joined
                "enable.auto.commit": False,
                "enable.auto.offset.store": False,
            }
        )
        self._consumer.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])

    def history(self, timeout_s: float = 60.0) -> list[RuleSetRecord]:
        """Every version published before this call (blocks until read; KafkaToolingError after timeout_s)."""
        partition = TopicPartition(self._topic, 0)
        end = end_offset(self._consumer, self._topic, 0, timeout_s)
        deadline = time.monotonic() + timeout_s
        messages: list[Message] = []
        while self._position(partition) < end:
            if time.monotonic() > deadline:
                raise KafkaToolingError(f"reading the rule history of {self._topic} took over {timeout_s:.0f}s")
            messages += self._consumer.consume(1000, 0.5)
        return parse_rule_records(messages)

    def _position(self, partition: TopicPartition) -> int:
        """The next offset to read (before the first fetch: 0, the start of the history)."""
        return max(self._consumer.position([partition])[0].offset, 0)

    def poll(self) -> list[RuleSetRecord]:
        """Versions published since the last call (never waits)."""
        return parse_rule_records(self._consumer.consume(100, 0))

    def close(self) -> None:
        self._consumer.close()
