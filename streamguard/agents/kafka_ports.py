"""What the data path needs of its Kafka clients: the subset of confluent-kafka's ``Consumer`` and
``Producer`` it calls, topic setup, and the rules feed. ``kafka_clients`` builds the real ones; tests hand
in doubles. Values that cross these ports are confluent-kafka's own (``Message``, ``TopicPartition``,
``KafkaError``), which need no broker to construct."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from confluent_kafka import KafkaError, Message, TopicPartition

from streamguard.core.rule_sets import RuleSetRecord

DeliveryReport = Callable[[KafkaError | None, Message], None]
RebalanceCallback = Callable[[Any, list[TopicPartition]], None]


class SourceConsumer(Protocol):
    def subscribe(self, topics: list[str], on_assign: RebalanceCallback, on_revoke: RebalanceCallback) -> None: ...
    def consume(self, num_messages: int, timeout: float) -> list[Message]: ...
    def committed(self, partitions: list[TopicPartition], timeout: float) -> list[TopicPartition]: ...
    def incremental_assign(self, partitions: list[TopicPartition]) -> None: ...
    def incremental_unassign(self, partitions: list[TopicPartition]) -> None: ...
    def commit(self, *, offsets: list[TopicPartition], asynchronous: bool) -> Any: ...
    def close(self) -> None: ...


class SinkProducer(Protocol):
    def produce(
        self,
        topic: str,
        value: bytes | None,
        key: bytes | None,
        *,
        partition: int,
        on_delivery: DeliveryReport,
        timestamp: int = 0,
        headers: list[tuple[str, bytes]] | None = None,
    ) -> None: ...
    def poll(self, timeout: float) -> int: ...
    def flush(self, timeout: float) -> int: ...


class TopicSetup(Protocol):
    def ensure_system(self) -> None: ...
    def ensure_dataset(self, dataset: str, audiences: list[str]) -> None: ...


class RuleFeed(Protocol):
    def history(self) -> list[RuleSetRecord]: ...
    def poll(self) -> list[RuleSetRecord]: ...
    def close(self) -> None: ...


@dataclass
class DataPathClients:
    consumer: SourceConsumer
    producer: SinkProducer
    topics: TopicSetup
    rules: RuleFeed
