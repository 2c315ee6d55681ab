"""Sending a cycle's records and keeping its delivery reports: where each audience's views landed, which
audit event landed where, and what failed (the data path's transaction then aborts)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import confluent_kafka
from confluent_kafka import KafkaError, KafkaException, Message, TopicPartition

from streamguard.agents.batch import GovernedBatch, Outbound
from streamguard.agents.kafka_ports import DeliveryReport, SinkProducer
from streamguard.core.errors import DeliveryError, KafkaUnavailable
from streamguard.evidence.audit import AudienceOutput
from streamguard.evidence.header import EVIDENCE_HEADER

try:
    from streamguard_native import ViewProducer
except ImportError:  # the native engine is not built: every record through ``produce``
    ViewProducer = None

log = logging.getLogger(__name__)

FLUSH_TIMEOUT_S = 60.0
# How long past its own timeout a producer call may run before the data path stops waiting for it.
OVERRUN_GRACE_S = 5.0

# What no wait cures: the record, the principal or the topic is refused. Anything else the cluster reports is
# taken as its state while it moves leaders, coordinators or controllers, or has fewer in-sync replicas than a
# topic requires, which ends by itself: the data path waits rather than stops (a supervisor restarting a
# stopped worker would meet the same cluster). A fenced producer is transient too: each worker process has a
# transactional id of its own, so what fences it is its own transaction timing out.
_PERMANENT = {
    KafkaError.MSG_SIZE_TOO_LARGE,
    KafkaError.RECORD_LIST_TOO_LARGE,
    KafkaError.INVALID_RECORD,
    KafkaError.INVALID_TIMESTAMP,
    KafkaError.INVALID_REQUIRED_ACKS,
    KafkaError.POLICY_VIOLATION,
    KafkaError.INVALID_CONFIG,
    KafkaError.UNSUPPORTED_VERSION,
    KafkaError.UNSUPPORTED_FOR_MESSAGE_FORMAT,
    KafkaError.TOPIC_AUTHORIZATION_FAILED,
    KafkaError.GROUP_AUTHORIZATION_FAILED,
    KafkaError.CLUSTER_AUTHORIZATION_FAILED,
    KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
    KafkaError.SASL_AUTHENTICATION_FAILED,
    KafkaError._AUTHENTICATION,
    KafkaError.UNKNOWN_TOPIC_OR_PART,  # after librdkafka's own retries: the view was deleted
    KafkaError._UNKNOWN_TOPIC,
    KafkaError._UNKNOWN_PARTITION,
    KafkaError._INVALID_ARG,
    KafkaError._UNSUPPORTED_FEATURE,
}


def is_transient(error: KafkaError) -> bool:
    """True unless the record, the principal or the topic is refused: wait for the cluster rather than stop.
    An error librdkafka marks retriable is transient whatever its code: a transactional call retries unknown
    partitions and loading coordinators itself, and returns the last error, retriable, once its time is up."""
    return error.retriable() or error.code() not in _PERMANENT


def delivery_failure(error: KafkaError, what: str) -> DeliveryError:
    """The error to raise for ``error``: ``KafkaUnavailable`` if it is transient."""
    kind = KafkaUnavailable if is_transient(error) else DeliveryError
    return kind(f"{what}: {error.name()}")


def served(call: Callable[[float], int], timeout_s: float) -> int:
    """A producer's ``poll`` or ``flush``, which serves delivery reports. A fatal error (a fenced producer)
    reaches Python as an exception set while the reports after it are still being served, so confluent-kafka
    2.16 fails the call with a SystemError whose cause is that error: what it means is raised instead."""
    try:
        return call(timeout_s)
    except SystemError as error:
        if not isinstance(error.__cause__, KafkaException):
            raise
        raise delivery_failure(error.__cause__.args[0], "the producer failed") from None


class Deliveries:
    """Delivery reports of one cycle: offset range per (topic, partition), and any failure."""

    def __init__(self) -> None:
        self.ranges: dict[tuple[str, int], list[int]] = {}
        self.failures: list[str] = []
        self.transient = True  # every failure so far is the cluster's (none: vacuously)
        self.landed: dict[bytes, int] = {}  # offset by message key, for the few records that need it

    def report_keyed(self, error: KafkaError | None, message: Message) -> None:
        self.report(error, message)
        if error is None:
            self.landed[message.key()] = message.offset()

    def report(self, error: KafkaError | None, message: Message) -> None:
        if error is not None:
            self.failures.append(f"{message.topic()}[{message.partition()}]: {error.name()}")
            self.transient = self.transient and is_transient(error)
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

    def summary(self) -> str:
        """The failures counted by kind: "3 x NOT_ENOUGH_REPLICAS (governed.x.risk[0], ...)"."""
        kinds: dict[str, list[str]] = {}
        for failure in self.failures:
            where, _, name = failure.rpartition(": ")
            kinds.setdefault(name, []).append(where)
        return "; ".join(
            f"{len(places)} x {name} ({', '.join(sorted(set(places))[:3])})" for name, places in sorted(kinds.items())
        )

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
        self._native = native_view_producer(producer)

    def views(self, governed: GovernedBatch, deliveries: Deliveries, every_record: bool = False) -> None:
        """Every audience's view of the batch: the worker's hottest loop.

        Only the first and the last record of each view report their delivery: the offsets the audit event
        records. A report costs librdkafka a message object and Python a call, three per source record, and a
        transaction needs none of them to stay whole: librdkafka does not commit a transaction with a record it
        could not deliver. The data path sends an aborted cycle again with ``every_record``, so a record that
        failed is reported and decided on like any other. The records between a view's edges go through the
        native producer when the producer is confluent-kafka's own (``streamguard_native.ViewProducer``)."""
        last = len(governed) - 1
        for audience, topic in governed.topics.items():
            if self._native is None or every_record or last < 2:
                self._each(governed, audience, topic, deliveries.report, every_record)
                continue
            self._at(governed, audience, topic, 0, deliveries.report)
            self._between(governed, audience, topic, 1, last)
            self._at(governed, audience, topic, last, deliveries.report)

    def _each(
        self, governed: GovernedBatch, audience: str, topic: str, report: DeliveryReport, every_record: bool
    ) -> None:
        """One view through ``produce``, called inline; only a full local queue takes the slow path."""
        partition, produce, last = governed.partition, self.producer.produce, len(governed) - 1
        keys, values = governed.keys[audience], governed.values[audience]
        rows = zip(keys, values, governed.headers, governed.timestamps, strict=True)
        for index, (key, value, headers, timestamp) in enumerate(rows):
            on_delivery = report if every_record or index == 0 or index == last else None
            try:
                produce(
                    topic,
                    value,
                    key,
                    partition=partition,
                    timestamp=timestamp,
                    headers=headers,
                    on_delivery=on_delivery,
                )
            except BufferError:
                self.one(topic, value, key, partition, timestamp, headers, report)
            except KafkaException as error:  # the transaction failed (a fenced or timed-out producer)
                raise delivery_failure(error.args[0], f"{topic}: the producer refused a record") from None

    def _at(self, governed: GovernedBatch, audience: str, topic: str, index: int, report: DeliveryReport) -> None:
        key, value = governed.keys[audience][index], governed.values[audience][index]
        headers = governed.stamp.headers(governed.source_offsets[index])
        self.one(topic, value, key, governed.partition, governed.timestamps[index], headers, report)

    def _between(self, governed: GovernedBatch, audience: str, topic: str, start: int, stop: int) -> None:
        """Records ``start..stop`` of one view in the native loop, without reports; a full local queue is
        served here (its delivery callbacks are Python's) and the loop goes on where it stopped."""
        assert self._native is not None
        stamp, columns = governed.stamp, (governed.keys[audience], governed.values[audience])
        while start < stop:
            start, code = self._native.produce(
                topic,
                governed.partition,
                *columns,
                governed.timestamps,
                governed.source_offsets,
                stamp.prefix,
                stamp.suffix,
                start,
                stop,
            )
            if code == self._native.QUEUE_FULL:
                served(self.producer.poll, 0.05)
            elif code:
                raise delivery_failure(KafkaError(code), f"{topic}: the producer refused a record")

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
                served(self.producer.poll, 0.05)
            except KafkaException as error:
                raise delivery_failure(error.args[0], f"{topic}: the producer refused a record") from None

    def flush(self, deliveries: Deliveries) -> None:
        """Wait for every acknowledgement; DeliveryError if any record was refused, ``KafkaUnavailable`` if the
        cluster's state is to blame or a record is still unacknowledged."""
        remaining = served(self.producer.flush, FLUSH_TIMEOUT_S)
        if remaining or deliveries.failures:
            kind = KafkaUnavailable if deliveries.transient else DeliveryError  # unacknowledged: the cluster's
            raise kind(f"{remaining} record(s) unacknowledged; failures: {deliveries.summary()}")


def send_offsets_within(producer: SinkProducer, offsets: list[TopicPartition], metadata: Any, timeout_s: float) -> None:
    """The cycle's offsets into its transaction, or ``KafkaUnavailable`` once ``timeout_s`` has passed.

    librdkafka's ``send_offsets_to_transaction`` can block far past its timeout when the group coordinator went
    down or moved (confluentinc/librdkafka#5456 and #5511: the coordinator request never checks its deadline),
    which froze a worker for minutes in the broker-fault tests. So the call runs on a thread of its own; one that
    overruns is left behind with its producer, which recovery replaces (the new producer's ``init_transactions``
    fences it, so nothing it sends later can commit)."""
    outcome: list[BaseException | None] = []

    def call() -> None:
        try:
            producer.send_offsets_to_transaction(offsets, metadata, timeout_s)
            outcome.append(None)
        except BaseException as error:  # handed to the data path's thread below
            outcome.append(error)

    thread = threading.Thread(target=call, name="send-offsets", daemon=True)
    thread.start()
    thread.join(timeout_s + OVERRUN_GRACE_S)
    if not outcome:
        raise KafkaUnavailable(f"the offsets were not taken into the transaction within {timeout_s:.0f} s")
    if outcome[0] is not None:
        raise outcome[0]


def native_view_producer(producer: SinkProducer) -> ViewProducer | None:
    """The native loop over ``producer``'s librdkafka handle, if ``producer`` is confluent-kafka's own
    ``Producer`` (test doubles and wrappers take ``produce``) and the handle checks out."""
    if ViewProducer is None or type(producer) is not confluent_kafka.Producer:
        return None
    try:
        return ViewProducer(producer, EVIDENCE_HEADER)
    except RuntimeError as error:  # another confluent-kafka build: correct, only slower
        log.warning("views are produced one call at a time: %s", error)
        return None
