"""Session-wide fixtures: the real Apache Kafka broker every integration test runs against.

``STREAMGUARD_BOOTSTRAP`` set: that cluster is used as it is. Otherwise the project's local broker under
``STREAMGUARD_HOME`` is reused if it already runs (``streamguard kafka start``), or started for the session
and stopped at its end.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from confluent_kafka.admin import AdminClient, NewTopic

from streamguard.app.kafka_local import LocalBroker
from streamguard.app.settings import load_settings


@dataclass(frozen=True)
class KafkaEndpoint:
    bootstrap: str
    sasl_bootstrap: str | None
    admin_username: str
    admin_password: str | None
    local_broker: LocalBroker | None
    sasl_ssl_bootstrap: str | None = None  # the local broker's TLS listeners, and the CA that signed them
    ssl_bootstrap: str | None = None
    ca_file: Path | None = None

    @cached_property
    def admin(self) -> AdminClient:
        # One client for the session: a future outlives nothing if its client is garbage-collected.
        return AdminClient({"bootstrap.servers": self.bootstrap})

    def create_topic(self, prefix: str = "test", partitions: int = 1, config: dict[str, str] | None = None) -> str:
        name = f"{prefix}.{uuid.uuid4().hex[:10]}"
        futures = self.admin.create_topics([NewTopic(name, partitions, 1, config=config or {})])
        futures[name].result(timeout=30)
        return name


@pytest.fixture(scope="session")
def kafka() -> Iterator[KafkaEndpoint]:
    settings = load_settings()
    if settings.bootstrap:
        password = settings.admin_password.get_secret_value() if settings.admin_password else None
        yield KafkaEndpoint(settings.bootstrap, None, settings.admin_username, password, None)
        return
    broker = LocalBroker.from_settings(settings)
    status, started = broker.start()
    assert status.plaintext_bootstrap
    try:
        yield KafkaEndpoint(
            status.plaintext_bootstrap,
            status.sasl_bootstrap,
            settings.admin_username,
            broker.admin_password,
            broker,
            status.sasl_ssl_bootstrap,
            status.ssl_bootstrap,
            status.ca_file,
        )
    finally:
        if started:
            broker.stop()
