"""Reading a state topic back sees every transaction committed before the read began."""

from __future__ import annotations

import threading
import time
import uuid

from confluent_kafka import Producer

from streamguard.agents.kafka_readback import read_compacted, wait_for_open_transactions
from tests.conftest import KafkaEndpoint


def _open_transaction(kafka: KafkaEndpoint, topic: str, key: bytes) -> Producer:
    producer = Producer({"bootstrap.servers": kafka.bootstrap, "transactional.id": f"readback-{uuid.uuid4().hex}"})
    producer.init_transactions()
    producer.begin_transaction()
    producer.produce(topic, b"committed", key)
    producer.flush()
    return producer


def test_a_transaction_open_when_the_read_begins_is_waited_for(kafka: KafkaEndpoint) -> None:
    # The window between a commit's return and its markers, widened: the commit lands while the read waits.
    topic = kafka.create_topic("readback", config={"cleanup.policy": "compact"})
    producer = _open_transaction(kafka, topic, b"request-1")
    committer = threading.Timer(0.5, producer.commit_transaction)
    committer.start()
    try:
        latest = read_compacted({"bootstrap.servers": kafka.bootstrap}, topic, bytes, "test")
    finally:
        committer.join()
    assert latest == {"request-1": b"committed"}


def test_a_transaction_left_open_costs_the_wait_and_no_more(kafka: KafkaEndpoint) -> None:
    topic = kafka.create_topic("readback", config={"cleanup.policy": "compact"})
    producer = _open_transaction(kafka, topic, b"request-1")
    started = time.monotonic()
    wait_for_open_transactions({"bootstrap.servers": kafka.bootstrap}, [topic], timeout_s=1.0)
    assert 1.0 <= time.monotonic() - started < 5.0
    producer.abort_transaction()
