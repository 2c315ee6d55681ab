"""The native producer loop (``streamguard_native.ViewProducer``) against ``produce``, on the real broker: the
same records land (keys, values, tombstones, timestamps, evidence headers, order), a full local queue is served
and nothing is lost, a refused record is named, and anything but a live confluent-kafka ``Producer`` is refused
before its memory is read."""

from __future__ import annotations

import pytest
import streamguard_native
from confluent_kafka import Consumer, Producer

from streamguard.agents.batch import GovernedBatch
from streamguard.agents.kafka_sends import Deliveries, Sender, native_view_producer
from streamguard.core.errors import DeliveryError, KafkaUnavailable
from streamguard.evidence.header import EVIDENCE_HEADER, EvidenceStamp
from tests.conftest import KafkaEndpoint

Landed = list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]], int]]


def _batch(topic: str, count: int, value_bytes: int = 40) -> GovernedBatch:
    offsets = list(range(1_000, 1_000 + count))
    values: list[bytes | None] = [b"v%05d" % n + b"." * value_bytes for n in range(count)]
    keys: list[bytes | None] = [b"k%05d" % n for n in range(count)]
    values[count // 2], keys[count // 3] = None, None  # a tombstone and a record without a key
    return GovernedBatch(
        0,
        {"analytics": topic},
        {"analytics": values},
        EvidenceStamp(7, "raw.customers", 3, "e" * 32),
        keys={"analytics": keys},
        timestamps=[1_700_000_000_000 + n for n in range(count)],
        source_offsets=offsets,
    )


def _landed(kafka: KafkaEndpoint, topic: str, count: int) -> Landed:
    consumer = Consumer({"bootstrap.servers": kafka.bootstrap, "group.id": topic, "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    landed: Landed = []
    try:
        for _ in range(60):
            for message in consumer.consume(count, 1.0):
                assert message.error() is None
                landed.append((message.key(), message.value(), message.headers() or [], message.timestamp()[1]))
            if len(landed) >= count:
                return landed
    finally:
        consumer.close()
    raise AssertionError(f"{topic}: {len(landed)} of {count} records arrived")


def _send(producer: Producer, batch: GovernedBatch, every_record: bool) -> Deliveries:
    deliveries = Deliveries()
    sender = Sender(producer)
    sender.views(batch, deliveries, every_record=every_record)
    sender.flush(deliveries)
    return deliveries


def test_the_native_loop_lands_what_produce_lands(kafka: KafkaEndpoint) -> None:
    by_produce, by_native = kafka.create_topic("native-a"), kafka.create_topic("native-b")
    producer = Producer({"bootstrap.servers": kafka.bootstrap})
    assert native_view_producer(producer) is not None
    _send(producer, _batch(by_produce, 300), every_record=True)  # every record through ``produce``
    deliveries = _send(producer, _batch(by_native, 300), every_record=False)
    expected, landed = _landed(kafka, by_produce, 300), _landed(kafka, by_native, 300)
    assert landed == expected
    assert landed[150][1] is None  # the tombstone
    assert landed[100][0] is None  # the record without a key
    assert landed[5][2] == [(EVIDENCE_HEADER, b"rule=7;source=raw.customers/3/1005;event=" + b"e" * 32)]
    assert deliveries.ranges == {(by_native, 0): [0, 299]}  # the edges reported: the audit event's range


def test_a_full_local_queue_is_served_and_nothing_is_lost(kafka: KafkaEndpoint) -> None:
    topic = kafka.create_topic("native-queue")
    producer = Producer({"bootstrap.servers": kafka.bootstrap, "queue.buffering.max.messages": 10})
    _send(producer, _batch(topic, 500), every_record=False)
    landed = _landed(kafka, topic, 500)
    assert [key for key, *_ in landed if key] == [b"k%05d" % n for n in range(500) if n != 500 // 3]


def test_a_refused_record_between_the_edges_is_named(kafka: KafkaEndpoint) -> None:
    topic = kafka.create_topic("native-refused")
    producer = Producer({"bootstrap.servers": kafka.bootstrap, "message.max.bytes": 2_000})
    batch = _batch(topic, 20)
    batch.values["analytics"][10] = b"x" * 5_000
    with pytest.raises(DeliveryError, match=f"{topic}: the producer refused a record: MSG_SIZE_TOO_LARGE"):
        Sender(producer).views(batch, Deliveries())


def test_a_fenced_producer_fails_its_flush_as_fenced_and_transient(kafka: KafkaEndpoint) -> None:
    """confluent-kafka raises a fatal error inside the delivery reports served after it: the flush would fail
    with a SystemError, which the data path took for a bug and stopped on (a CI run's broker-fault test)."""
    topic = kafka.create_topic("native-fenced")
    options = {"bootstrap.servers": kafka.bootstrap, "transactional.id": f"{topic}-tx", "linger.ms": 50}
    zombie = Producer(options)
    zombie.init_transactions(30)
    zombie.begin_transaction()
    _send(zombie, _batch(topic, 10), every_record=True)
    Producer(options).init_transactions(30)  # a newer instance: the zombie's next produce request is refused
    deliveries = Deliveries()
    Sender(zombie).views(_batch(topic, 10), deliveries, every_record=True)
    with pytest.raises(KafkaUnavailable, match="the producer failed: _FENCED"):
        Sender(zombie).flush(deliveries)


def test_only_a_live_confluent_kafka_producer_is_taken() -> None:
    class Wrapped(Producer):
        pass

    with pytest.raises(TypeError):
        streamguard_native.ViewProducer(object(), EVIDENCE_HEADER)
    with pytest.raises(TypeError):  # a subclass may lay its object out otherwise
        streamguard_native.ViewProducer(Wrapped({"bootstrap.servers": "127.0.0.1:1"}), EVIDENCE_HEADER)
    assert native_view_producer(Wrapped({"bootstrap.servers": "127.0.0.1:1"})) is None
    producer = Producer({"bootstrap.servers": "127.0.0.1:1"})
    native = streamguard_native.ViewProducer(producer, EVIDENCE_HEADER)
    producer.close()
    with pytest.raises(RuntimeError, match="closed"):
        native.produce("t", 0, [b"k"], [b"v"], [0], [1], b"p", b"s", 0, 1)
