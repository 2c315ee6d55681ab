"""Doubles of the data path's Kafka clients (``streamguard.agents.kafka_ports``), recording one shared log of
what was produced, flushed, committed, assigned and unassigned, in order. No broker."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from confluent_kafka import KafkaError, KafkaException, TopicPartition

from streamguard.agents.batch import Headers, SourceRecord
from streamguard.agents.kafka_ports import DataPathClients, DeliveryReport, RebalanceCallback
from streamguard.core.rule_sets import RuleSetRecord

Event = tuple[Any, ...]


class Record(SourceRecord):
    """A consumed record, or a produced one as its delivery report shows it (confluent's accessors)."""

    __slots__ = ()

    def __init__(
        self,
        topic: str,
        partition: int,
        offset: int,
        key: bytes | None = None,
        value: bytes | None = None,
        headers: Headers | None = None,
    ) -> None:
        super().__init__(topic, partition, offset, key, value, headers or [], 1_700_000_000_000)

    def error(self) -> None:
        return None


class Consumer:
    """Serves scripted batches (a callable step may run a rebalance inside ``consume``, as librdkafka does),
    then sets ``stop`` and serves nothing."""

    def __init__(self, log: list[Event], stop: threading.Event, script: list[Any]) -> None:
        self.log, self.stop, self.script = log, stop, list(script)
        self.while_filling: list[Callable[[Consumer], None]] = []  # run inside the next "what else" calls
        self.assigned: list[TopicPartition] = []
        self.positions: dict[tuple[str, int], int] = {}  # next offset to serve, per partition served from
        self.high_watermarks: dict[tuple[str, int], int] = {}  # as a fetch last reported them
        self._on_assign: RebalanceCallback | None = None
        self._on_revoke: RebalanceCallback | None = None

    def subscribe(self, topics: list[str], on_assign: RebalanceCallback, on_revoke: RebalanceCallback) -> None:
        self.log.append(("subscribe", tuple(topics)))
        self._on_assign, self._on_revoke = on_assign, on_revoke
        assert self._on_assign is not None
        self._on_assign(self, [TopicPartition(topic, 0) for topic in topics])

    def consume(self, num_messages: int, timeout: float) -> list[Any]:
        if num_messages > 1 and self.while_filling:
            self.while_filling.pop(0)(self)
            return []
        if num_messages > 1 or not self.script:  # the data path's "what else is fetched" call, or the end
            if not self.script:
                self.stop.set()
            return []
        step = self.script.pop(0)
        served = step(self) if callable(step) else step
        for record in served:
            self.positions[(record.topic(), record.partition())] = record.offset() + 1
        return served

    def revoke(self) -> None:
        assert self._on_revoke is not None
        self._on_revoke(self, list(self.assigned))

    def committed(self, partitions: list[TopicPartition], timeout: float) -> list[TopicPartition]:
        return [TopicPartition(p.topic, p.partition, -1001) for p in partitions]

    def incremental_assign(self, partitions: list[TopicPartition]) -> None:
        self.assigned += partitions
        self.log.append(("assign", len(partitions)))

    def incremental_unassign(self, partitions: list[TopicPartition]) -> None:
        self.assigned = [p for p in self.assigned if p not in partitions]
        self.log.append(("unassign", len(partitions)))

    def assignment(self) -> list[TopicPartition]:
        return list(self.assigned)

    def seek(self, partition: TopicPartition) -> None:
        self.log.append(("seek", partition.topic, partition.partition, partition.offset))

    def position(self, partitions: list[TopicPartition]) -> list[TopicPartition]:
        return [
            TopicPartition(p.topic, p.partition, self.positions.get((p.topic, p.partition), -1001)) for p in partitions
        ]

    def get_watermark_offsets(
        self, partition: TopicPartition, timeout: float = -1, cached: bool = False
    ) -> tuple[int, int]:
        assert cached  # the data path must not ask the broker on its hot path
        return -1001, self.high_watermarks.get((partition.topic, partition.partition), -1001)

    def consumer_group_metadata(self) -> str:
        return "group-metadata"

    def close(self) -> None:
        self.log.append(("close",))


class Producer:
    """A transactional producer: acknowledges on ``flush`` (offsets numbered per topic partition; topics in
    ``failing`` and records in ``failing_record`` get errors), makes records and offsets visible on commit, drops
    them on abort; like librdkafka, it refuses to commit a transaction with a record that failed, whether or not
    that record asked for a delivery report."""

    def __init__(self, log: list[Event], predecessor: Producer | None = None) -> None:
        self.log = log
        self.failing: Callable[[str], bool] = lambda _topic: False
        self.failing_record: Callable[[Record], bool] = lambda _record: False
        self.reported: list[Record] = []  # the records whose delivery was reported, over the producer's life
        self._failed_in_transaction = False
        self.failure = KafkaError(KafkaError.MSG_SIZE_TOO_LARGE)  # what a failing topic's reports say
        self.refuse_offsets: KafkaError | None = None
        self.offsets_hang: threading.Event | None = None  # set: the call blocks past its timeout until it is set
        # committed: what read_committed sees; the log's offsets: a successor shares both with its predecessor
        self.written: dict[str, list[Record]] = predecessor.written if predecessor else defaultdict(list)
        self._next: dict[tuple[str, int], int] = predecessor._next if predecessor else defaultdict(int)
        self._unacked: list[tuple[Record, DeliveryReport | None]] = []
        self._uncommitted: list[Record] = []
        self._offsets: list[TopicPartition] = []

    def successor(self) -> Producer:
        """A new producer with the same transactional id: healthy, on the same topics."""
        self.log.append(("new producer",))
        return Producer(self.log, self)

    def purge(self) -> None:
        self.log.append(("purge",))
        self._unacked, self._uncommitted, self._offsets = [], [], []
        self._failed_in_transaction = False

    def init_transactions(self, timeout: float) -> None:
        self.log.append(("init",))

    def begin_transaction(self) -> None:
        self.log.append(("begin",))

    def send_offsets_to_transaction(self, positions: list[TopicPartition], metadata: Any, timeout: float) -> None:
        assert metadata == "group-metadata"
        if self.offsets_hang is not None:  # librdkafka #5456: a coordinator request that ignores its deadline
            self.offsets_hang.wait(20)
        if self.refuse_offsets is not None:
            raise KafkaException(self.refuse_offsets)
        self._offsets = list(positions)

    def commit_transaction(self, timeout: float) -> None:
        self.flush(timeout)
        if self._failed_in_transaction:
            self.log.append(("commit refused",))
            raise KafkaException(KafkaError(self.failure.code(), "a record was not delivered", txn_requires_abort=True))
        for record in self._uncommitted:
            self.written[record.topic()].append(record)
        self.log.extend(("commit", p.topic, p.partition, p.offset) for p in self._offsets)
        self._uncommitted, self._offsets = [], []

    def abort_transaction(self, timeout: float) -> None:
        self.log.append(("abort",))
        self._unacked, self._uncommitted, self._offsets = [], [], []
        self._failed_in_transaction = False

    def produce(
        self,
        topic: str,
        value: bytes | None,
        key: bytes | None,
        *,
        partition: int,
        on_delivery: DeliveryReport | None = None,
        timestamp: int = 0,
        headers: list[tuple[str, bytes]] | None = None,
    ) -> None:
        offset = self._next[(topic, partition)]
        self._next[(topic, partition)] += 1
        self._unacked.append((Record(topic, partition, offset, key, value, headers or []), on_delivery))
        self.log.append(("produce", topic))

    def poll(self, timeout: float) -> int:
        return 0

    def flush(self, timeout: float) -> int:
        self.log.append(("flush",))
        unacked, self._unacked = self._unacked, []
        for record, report in unacked:
            failed = self.failing(record.topic()) or self.failing_record(record)
            self._failed_in_transaction = self._failed_in_transaction or failed
            if report is not None:
                self.reported.append(record)
                report(self.failure if failed else None, record)  # type: ignore[arg-type]
            if not failed:
                self._uncommitted.append(record)
        return 0


class Topics:
    def __init__(self, log: list[Event]) -> None:
        self.log = log

    def ensure_system(self) -> None:
        self.log.append(("ensure_system",))

    def ensure_dataset(self, dataset: str, audiences: list[str]) -> None:
        self.log.append(("ensure_dataset", dataset))


class Rules:
    def __init__(self, history: list[RuleSetRecord]) -> None:
        self._history = history

    def history(self) -> list[RuleSetRecord]:
        return self._history

    def poll(self) -> list[RuleSetRecord]:
        return []

    def close(self) -> None:
        pass


@dataclass
class Clients:
    log: list[Event]
    consumer: Consumer
    producer: Producer

    @classmethod
    def scripted(cls, stop: threading.Event, script: list[Any]) -> Clients:
        log: list[Event] = []
        return cls(log, Consumer(log, stop, script), Producer(log))

    def ports(self, history: list[RuleSetRecord]) -> DataPathClients:
        return DataPathClients(self.consumer, self.producer, Topics(self.log), Rules(history), self._successor)

    def _successor(self) -> Producer:
        self.producer = self.producer.successor()
        return self.producer
