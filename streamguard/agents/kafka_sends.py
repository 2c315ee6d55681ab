"""Sending a cycle's records and keeping its delivery reports: where each audience's views landed, which
audit event landed where, and what failed (the data path's transaction then aborts)."""

from __future__ import annotations

from confluent_kafka import KafkaError, KafkaException, Message

from streamguard.agents.batch import GovernedBatch, Outbound
from streamguard.agents.kafka_ports import DeliveryReport, SinkProducer
from streamguard.core.errors import DeliveryError
from streamguard.evidence.audit import AudienceOutput

FLUSH_TIMEOUT_S = 60.0


class Deliveries:
    """Delivery reports of one cycle: offset range per (topic, partition), and any failure."""

    def __init__(self) -> None:
        self.ranges: dict[tuple[str, int], list[int]] = {}
        self.failures: list[str] = []
        self.landed: dict[bytes, int] = {}  # offset by message key, for the few records that need it

    def report_keyed(self, error: KafkaError | None, message: Message) -> None:
        self.report(error, message)
        if error is None:
            self.landed[message.key()] = message.offset()

    def report(self, error: KafkaError | None, message: Message) -> None:
        if error is not None:
            self.failures.append(f"{message.topic()}[{message.partition()}]: {error.name()}")
            return
        where = (message.topic(), message.partition())
        offset = message.offset()
        span = self.ranges.get(where)
        if span is None:
            self.ranges[where] = [offset, offset]
        elif offset > span[1]:  # reports come in offset order per partition; the other branch is a guard
            span[1] = offset
        elif offset < span[0]:
            span[0] = offset

    def with_offsets(self, outputs: dict[str, AudienceOutput]) -> dict[str, AudienceOutput]:
        """An audit event's outputs with the offsets the broker gave each audience's views."""
        filled = {}
        for audience, output in outputs.items():
            span = self.ranges.get((output.topic, output.partition))
            if span is not None:
                output = output.model_copy(update={"first_offset": span[0], "last_offset": span[1]})
            filled[audience] = output
        return filled


class Sender:
    """Produces through one producer; a full local queue waits for librdkafka to drain it."""

    def __init__(self, producer: SinkProducer) -> None:
        self.producer = producer

    def views(self, governed: GovernedBatch, deliveries: Deliveries) -> None:
        """Every audience's view of the batch: the worker's hottest loop, so ``produce`` is called inline and
        only a full local queue takes the slow path."""
        partition, report, produce = governed.partition, deliveries.report, self.producer.produce
        headers_, timestamps = governed.headers, governed.timestamps
        for audience, topic in governed.topics.items():
            rows = zip(governed.keys[audience], governed.values[audience], headers_, timestamps, strict=True)
            for key, value, headers, timestamp in rows:
                try:
                    produce(
                        topic, value, key, partition=partition, timestamp=timestamp, headers=headers, on_delivery=report
                    )
                except BufferError:
                    self.one(topic, value, key, partition, timestamp, headers, report)
                except KafkaException as error:  # the transaction failed (a fenced or timed-out producer)
                    raise DeliveryError(f"{topic}: the producer refused a record: {error.args[0].name()}") from None

    def outbound(self, outbound: Outbound, deliveries: Deliveries) -> None:
        self.one(
            outbound.topic,
            outbound.value,
            outbound.key,
            outbound.partition,
            outbound.timestamp_ms,
            outbound.headers,
            deliveries.report,
        )

    def one(
        self,
        topic: str,
        value: bytes | None,
        key: bytes | None,
        partition: int,
        timestamp: int,
        headers: list[tuple[str, bytes]],
        report: DeliveryReport,
    ) -> None:
        while True:
            try:
                self.producer.produce(
                    topic, value, key, partition=partition, timestamp=timestamp, headers=headers, on_delivery=report
                )
                return
            except BufferError:  # the local queue is full: let librdkafka drain it, then retry
                self.producer.poll(0.05)
            except KafkaException as error:
                raise DeliveryError(f"{topic}: the producer refused a record: {error.args[0].name()}") from None

    def flush(self, deliveries: Deliveries) -> None:
        """Wait for every acknowledgement; DeliveryError if any record was refused or is still unacknowledged."""
        remaining = self.producer.flush(FLUSH_TIMEOUT_S)
        if remaining or deliveries.failures:
            raise DeliveryError(f"{remaining} record(s) unacknowledged; failures: {deliveries.failures[:5]}")
