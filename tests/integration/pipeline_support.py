"""Helpers for end-to-end tests: an isolated deployment (own topic prefixes, home and keyring), rules
publishing, worker processes, and reading topics back to their end."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastavro
from confluent_kafka import Consumer, Message, TopicPartition

from agents.codec import split_wire_format
from agents.kafka_audit_reader import AuditSummary, read_audit_events, summarize
from agents.kafka_rules import latest_versions, next_record, publish_rule_set, read_rule_history
from agents.kafka_schemas import SchemaCatalog
from agents.kafka_topics import ensure_topics, system_topics
from app.kafka_config import TopicNames, aiokafka_options, confluent_options
from app.settings import Settings
from masking.keyring_file import dump_keyring, load_keyring
from masking.keys import Keyring
from masking.rules import parse_rules

ROOT = Path(__file__).resolve().parents[2]
SIGNING_IDENTITY = "User:billing-service"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Deployment:
    """One isolated streamguard deployment on the shared test broker."""

    bootstrap: str
    home: Path
    prefix: str = field(default_factory=lambda: f"t{uuid.uuid4().hex[:8]}.")
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.settings = Settings(bootstrap=self.bootstrap, home=self.home, system_topic_prefix=self.prefix)
        self.names = TopicNames.from_settings(self.settings)
        self.options = confluent_options(self.settings)
        self.home.mkdir(parents=True, exist_ok=True)
        keys = {"k1": os.urandom(32), f"producer:{SIGNING_IDENTITY}": os.urandom(32)}
        (self.home / "keyring.json").write_text(dump_keyring(keys, {"mask": "k1", "encrypt": "k1"}))
        from confluent_kafka.admin import AdminClient

        self.admin = AdminClient(self.options)
        ensure_topics(self.admin, system_topics(self.names))

    @property
    def keyring(self) -> Keyring:
        return load_keyring(self.home / "keyring.json")

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "STREAMGUARD_BOOTSTRAP": self.bootstrap,
            "STREAMGUARD_HOME": str(self.home),
            "STREAMGUARD_SYSTEM_TOPIC_PREFIX": self.prefix,
            "STREAMGUARD_ENV": "development",
        }

    # -- rules ------------------------------------------------------------------------------------------

    def apply_rules(self, rules_yaml: str, avro_schema: str | None) -> int:
        rules = parse_rules(rules_yaml, schema=json.loads(avro_schema) if avro_schema else None)
        history = asyncio.run(read_rule_history(aiokafka_options(self.settings), self.names.rules))
        record = next_record(history, rules, rules_yaml, "test.rules.yaml", avro_schema, "test-steward")
        assert record is not None
        asyncio.run(publish_rule_set(aiokafka_options(self.settings), self.names.rules, record))
        return record.version

    def schema_for(self, dataset: str) -> tuple[int, Any]:
        """The schema id and parsed schema a producer uses, numbered as the worker numbers them (mock://)."""
        history = asyncio.run(read_rule_history(aiokafka_options(self.settings), self.names.rules))
        catalog = SchemaCatalog(self.settings.schema_registry_url)
        catalog.register_history(history)
        schema_id = catalog.register(latest_versions(history)[dataset])
        assert schema_id is not None
        return schema_id, catalog.writer_schema(schema_id)

    # -- workers ----------------------------------------------------------------------------------------

    def start_worker(self, log_name: str = "worker.log") -> subprocess.Popen[bytes]:
        log = self.home / log_name
        command = [sys.executable, "-c", "from app.cli import main; main()", "worker", "--web-port", str(free_port())]
        with log.open("ab") as sink:
            process = subprocess.Popen(command, env=self.env, stdout=sink, stderr=subprocess.STDOUT, cwd=ROOT)
        self.workers.append(process)
        wait_for(lambda: "rule history read" in self.log_text(log_name), 90, f"worker ready ({log})", alive=process)
        return process

    def wait_serving(self, dataset: str, log_name: str = "worker.log") -> None:
        """Until the worker has set up the dataset's topics and subscribed to its raw topic."""
        wait_for(lambda: f"serving {self.names.raw(dataset)} ->" in self.log_text(log_name), 60, f"serving {dataset}")

    def log_text(self, log_name: str = "worker.log") -> str:
        path = self.home / log_name
        return path.read_text(errors="replace") if path.exists() else ""

    def stop_workers(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.workers:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        self.workers.clear()

    # -- reading back -----------------------------------------------------------------------------------

    def audit(self) -> AuditSummary:
        return summarize(read_audit_events(self.options, self.names.audit))

    def audit_events(self) -> dict[str, list[Any]]:
        return read_audit_events(self.options, self.names.audit)


def wait_for(
    condition: Callable[[], bool], timeout_s: float, what: str, alive: subprocess.Popen[bytes] | None = None
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        if alive is not None and alive.poll() is not None:
            raise AssertionError(f"process exited with {alive.returncode} while waiting for {what}")
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout_s}s waiting for {what}")


def end_offsets(options: dict[str, Any], topic: str) -> dict[int, int]:
    consumer = Consumer({**options, "group.id": "test-peek"})
    try:
        metadata = consumer.list_topics(topic, timeout=15).topics[topic]
        return {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=15)[1] for p in metadata.partitions}
    finally:
        consumer.close()


def read_topic(
    options: dict[str, Any], topic: str, expected: int | None = None, timeout_s: float = 60.0
) -> list[Message]:
    """Every record of a topic from the beginning to its current end (waiting for ``expected`` records)."""
    if expected is not None:
        wait_for(lambda: sum(end_offsets(options, topic).values()) >= expected, timeout_s, f"{expected} in {topic}")
    ends = end_offsets(options, topic)
    consumer = Consumer({**options, "group.id": "test-reader", "enable.auto.commit": False})
    messages: list[Message] = []
    try:
        consumer.assign([TopicPartition(topic, p, 0) for p, end in ends.items() if end > 0])
        remaining = sum(ends.values())
        deadline = time.monotonic() + timeout_s
        while remaining > 0 and time.monotonic() < deadline:
            for message in consumer.consume(1000, 0.5):
                if message.error() is None and message.offset() < ends[message.partition()]:
                    messages.append(message)
                    remaining -= 1
    finally:
        consumer.close()
    return messages


def source_of(message: Message) -> tuple[str, int, int]:
    """(topic, partition, offset) of the raw record a governed or quarantined record came from."""
    headers = dict(message.headers() or [])
    topic, partition, offset = headers["streamguard-source"].decode().rsplit("/", 2)
    return topic, int(partition), int(offset)


def decode_view(message: Message, parsed_schema: Any) -> dict[str, Any] | None:
    if message.value() is None:
        return None
    _schema_id, body = split_wire_format(message.value())
    return fastavro.schemaless_reader(io.BytesIO(body), parsed_schema, None)  # type: ignore[return-value]
