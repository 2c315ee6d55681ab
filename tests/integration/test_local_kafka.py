"""The local broker itself: round trip, SCRAM authentication and ACL enforcement, on real Apache Kafka."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer
from confluent_kafka.admin import (
    AclBinding,
    AclOperation,
    AclPermissionType,
    AdminClient,
    ResourcePatternType,
    ResourceType,
    ScramCredentialInfo,
    ScramMechanism,
    UserScramCredentialUpsertion,
)

from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka


def _produce(bootstrap: str, topic: str, values: list[bytes], extra: dict[str, str] | None = None) -> None:
    producer = Producer({"bootstrap.servers": bootstrap, **(extra or {})})
    for index, value in enumerate(values):
        producer.produce(topic, key=str(index).encode(), value=value)
    assert producer.flush(30) == 0


def _consume(
    bootstrap: str, topic: str, count: int, extra: dict[str, str] | None = None, timeout_s: float = 20.0
) -> list[bytes]:
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"g-{uuid.uuid4().hex[:8]}",
            "auto.offset.reset": "earliest",
            **(extra or {}),
        }
    )
    consumer.subscribe([topic])
    received: list[bytes] = []
    try:
        deadline = time.monotonic() + timeout_s
        while len(received) < count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise KafkaException(message.error())
            received.append(message.value())
    finally:
        consumer.close()
    return received


def _scram(endpoint: KafkaEndpoint, username: str, password: str) -> dict[str, str]:
    return {
        "security.protocol": "SASL_PLAINTEXT",
        "sasl.mechanisms": "SCRAM-SHA-512",
        "sasl.username": username,
        "sasl.password": password,
    }


def test_produce_consume_round_trip(kafka: KafkaEndpoint) -> None:
    topic = kafka.create_topic("raw.roundtrip", partitions=1)
    values = [f"record-{n}".encode() for n in range(50)]
    _produce(kafka.bootstrap, topic, values)
    assert _consume(kafka.bootstrap, topic, len(values)) == values


def _needs_sasl(kafka: KafkaEndpoint) -> str:
    if not kafka.sasl_bootstrap:
        pytest.skip("the SASL listener is only known for the broker streamguard runs itself")
    return kafka.sasl_bootstrap


def test_scram_admin_authenticates_and_wrong_password_is_refused(kafka: KafkaEndpoint) -> None:
    sasl = _needs_sasl(kafka)
    assert kafka.admin_password
    good = _scram(kafka, kafka.admin_username, kafka.admin_password)
    assert AdminClient({"bootstrap.servers": sasl, **good}).list_topics(timeout=15).brokers

    errors: list[KafkaError] = []
    bad = AdminClient(
        {
            "bootstrap.servers": sasl,
            "error_cb": errors.append,
            "log_level": 0,
            **_scram(kafka, kafka.admin_username, "not-the-password"),
        }
    )
    with pytest.raises(KafkaException):
        bad.list_topics(timeout=5)
    bad.poll(1)  # serves the error callbacks
    assert any(error.code() == KafkaError._AUTHENTICATION for error in errors)


def _create_scram_user(kafka: KafkaEndpoint, username: str, password: str) -> None:
    upsert = UserScramCredentialUpsertion(
        username, ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password.encode()
    )
    for future in kafka.admin.alter_user_scram_credentials([upsert]).values():
        future.result(timeout=15)


def _read_acls(principal: str, topic: str, group: str) -> list[AclBinding]:
    return [
        AclBinding(
            ResourceType.TOPIC,
            topic,
            ResourcePatternType.LITERAL,
            principal,
            "*",
            AclOperation.READ,
            AclPermissionType.ALLOW,
        ),
        AclBinding(
            ResourceType.GROUP,
            group,
            ResourcePatternType.LITERAL,
            principal,
            "*",
            AclOperation.READ,
            AclPermissionType.ALLOW,
        ),
    ]


def test_principal_without_read_acl_is_denied_until_granted(kafka: KafkaEndpoint) -> None:
    sasl = _needs_sasl(kafka)
    topic = kafka.create_topic("governed.acl")
    _produce(kafka.bootstrap, topic, [b"masked-view-record"])
    username, password = f"analyst-{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
    _create_scram_user(kafka, username, password)
    group = f"analytics-{uuid.uuid4().hex[:6]}"
    client = {**_scram(kafka, username, password), "group.id": group}

    with pytest.raises(KafkaException) as denied:
        _consume(sasl, topic, 1, client, timeout_s=10)
    assert "AUTHORIZATION" in str(denied.value).upper()

    for future in kafka.admin.create_acls(_read_acls(f"User:{username}", topic, group)).values():
        future.result(timeout=15)
    assert _consume(sasl, topic, 1, client) == [b"masked-view-record"]


def test_cli_status_and_second_start_report_the_running_broker(kafka: KafkaEndpoint) -> None:
    if kafka.local_broker is None:
        pytest.skip("the broker is external (STREAMGUARD_BOOTSTRAP)")
    env = {**os.environ, "STREAMGUARD_HOME": str(kafka.local_broker.dir.parent)}
    cli = [sys.executable, "-m", "streamguard", "kafka"]
    status = subprocess.run([*cli, "status"], capture_output=True, text=True, env=env, check=False)
    assert status.returncode == 0
    assert kafka.bootstrap in status.stdout
    again = subprocess.run([*cli, "start"], capture_output=True, text=True, env=env, check=False)
    assert again.returncode == 0
    assert "already running" in again.stderr
    assert kafka.bootstrap in again.stdout
