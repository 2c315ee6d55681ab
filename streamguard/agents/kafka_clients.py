"""The data path's real Kafka clients, configured for it (librdkafka through confluent-kafka)."""

from __future__ import annotations

from typing import Any

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_ports import DataPathClients
from streamguard.agents.kafka_rules import KafkaRuleFeed
from streamguard.agents.kafka_topics import (
    check_topics,
    check_transaction_state,
    data_path_topics,
    ensure_dataset_topics,
    ensure_topics,
    require_replicated,
)
from streamguard.core.replication import ReplicationPolicy
from streamguard.core.topics import EvidenceRetention, TopicNames

CONSUMER_CONFIG: dict[str, Any] = {
    "enable.auto.commit": False,
    "isolation.level": "read_committed",  # producers of raw topics may write transactions too
    "auto.offset.reset": "earliest",
    "partition.assignment.strategy": "cooperative-sticky",
    "fetch.min.bytes": 1,
    "fetch.wait.max.ms": 50,
    # librdkafka heartbeats from its own thread, so a long cycle does not count against this; a crashed
    # worker's partitions move to a survivor after 10 s instead of 45.
    "session.timeout.ms": 10_000,
    "heartbeat.interval.ms": 2_000,
}
PRODUCER_CONFIG: dict[str, Any] = {
    "acks": "all",
    "enable.idempotence": True,
    # Kafka Streams' choice for exactly-once: a crashed worker's open transaction is aborted by the broker
    # after this, and until then read_committed consumers of its partitions wait.
    "transaction.timeout.ms": 10_000,
    "linger.ms": 5,
    "batch.size": 1_000_000,
    "queue.buffering.max.messages": 1_000_000,
}


class AdminTopicSetup:
    """Topic setup through the admin API (idempotent), and the check of what already exists."""

    def __init__(
        self,
        admin: AdminClient,
        names: TopicNames,
        retention: EvidenceRetention | None = None,
        replication: ReplicationPolicy | None = None,
    ) -> None:
        self._admin = admin
        self._names = names
        self._retention = retention
        self._replication = replication

    def ensure_system(self) -> None:
        """The data path's own topics (never the control plane's: the server sets those up), created where
        missing and checked, with the transaction state log every commit depends on."""
        specs = data_path_topics(self._names, self._retention)
        ensure_topics(self._admin, specs, self._replication)
        findings = check_topics(self._admin, specs, self._replication)
        findings += check_transaction_state(self._admin, self._replication)
        require_replicated(findings, "the data path's topics")

    def ensure_dataset(self, dataset: str, audiences: list[str]) -> None:
        ensure_dataset_topics(self._admin, self._names, dataset, audiences, replication=self._replication)


class UntransactedProducer:
    """Testing only (``STREAMGUARD_FAULT_INJECTION=<stage>:N+untransacted``): the data path without its
    transaction, the crash tests' control experiment. Records are visible once acknowledged, an abort takes
    nothing back, and the cycle's offsets are committed by the consumer after its writes: at least once, so the
    same crash that transactions make harmless leaves duplicates, which the tests' checks must catch."""

    def __init__(self, producer: Producer, consumer: Consumer) -> None:
        self._producer, self._consumer = producer, consumer
        self._offsets: list[TopicPartition] = []
        self.produce, self.poll, self.flush, self.purge = (
            producer.produce,
            producer.poll,
            producer.flush,
            producer.purge,
        )

    def init_transactions(self, timeout: float) -> None:
        return None

    def begin_transaction(self) -> None:
        self._offsets = []

    def send_offsets_to_transaction(self, positions: list[TopicPartition], metadata: Any, timeout: float) -> None:
        self._offsets = positions

    def commit_transaction(self, timeout: float) -> None:
        self._producer.flush(timeout)
        if self._offsets:
            self._consumer.commit(offsets=self._offsets, asynchronous=False)

    def abort_transaction(self, timeout: float) -> None:
        self._offsets = []


def connect_data_path(
    client_options: dict[str, Any],
    names: TopicNames,
    worker_id: str,
    retention: EvidenceRetention | None = None,
    replication: ReplicationPolicy | None = None,
    *,
    untransacted: bool = False,
) -> DataPathClients:
    """The consumer (the deployment's data path group), the transactional producer (one transactional id per
    worker process: zombies are fenced through the group's generation, KIP-447), topic setup, rules feed."""
    transactional = {"transactional.id": f"{names.datapath_group}.{worker_id}"}
    consumer = Consumer({**client_options, **CONSUMER_CONFIG, "group.id": names.datapath_group})

    def new_producer() -> Producer | UntransactedProducer:
        if untransacted:
            return UntransactedProducer(Producer({**client_options, **PRODUCER_CONFIG}), consumer)
        return Producer({**client_options, **PRODUCER_CONFIG, **transactional})

    return DataPathClients(
        consumer=consumer,
        producer=new_producer(),
        topics=AdminTopicSetup(AdminClient(client_options), names, retention, replication),
        rules=KafkaRuleFeed(client_options, names.rules),
        new_producer=new_producer,
    )
