"""Clients of the SASL listener for the access-scoping tests: read or write once, and wait for ACLs to settle."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from confluent_kafka import Consumer, KafkaError, Producer

from tests.conftest import KafkaEndpoint

T = TypeVar("T")
DENIED = {KafkaError.TOPIC_AUTHORIZATION_FAILED, KafkaError.GROUP_AUTHORIZATION_FAILED}


def scram_options(kafka: KafkaEndpoint, user: str, password: str) -> dict[str, Any]:
    """Client options of ``user`` on the broker's SASL/SCRAM listener."""
    assert kafka.sasl_bootstrap, "the SASL listener is only known for the broker streamguard runs itself"
    return {
        "bootstrap.servers": kafka.sasl_bootstrap,
        "security.protocol": "SASL_PLAINTEXT",
        "sasl.mechanisms": "SCRAM-SHA-512",
        "sasl.username": user,
        "sasl.password": password,
        "log_level": 0,
    }


def eventually(probe: Callable[[], T], wanted: Callable[[T], bool], timeout_s: float = 20.0) -> T:
    """ACLs reach the authorizer a moment after they are created: probe until the answer is the wanted one."""
    deadline = time.monotonic() + timeout_s
    while True:
        answer = probe()
        if wanted(answer) or time.monotonic() > deadline:
            return answer
        time.sleep(0.5)


def read_first(options: dict[str, Any], topic: str, group: str, timeout_s: float = 10.0) -> bytes | int:
    """The first record's value, or the code of the first error the consumer reports."""
    consumer = Consumer({**options, "group.id": group, "auto.offset.reset": "earliest", "log_level": 0})
    consumer.subscribe([topic])
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            error = message.error()
            return int(error.code()) if error is not None else bytes(message.value())
        return KafkaError._TIMED_OUT
    finally:
        consumer.close()


def write_one(options: dict[str, Any], topic: str) -> int | None:
    """None when the broker took the record, else the delivery error's code."""
    reports: list[KafkaError | None] = []
    producer = Producer({**options, "enable.idempotence": True, "message.timeout.ms": 10_000, "log_level": 0})
    producer.produce(topic, b'{"id": 2}', b"2", on_delivery=lambda error, _message: reports.append(error))
    producer.flush(15)
    assert reports, f"no delivery report for {topic}"
    return None if reports[0] is None else int(reports[0].code())
