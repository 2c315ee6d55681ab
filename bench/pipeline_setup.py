"""Shared parts of ``bench.pipeline``: an isolated deployment per configuration, pre-encoded records,
topics, backlogs, end offsets and worker processes (all on the broker at 127.0.0.1)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastavro
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

from harness import HarnessError
from harness.deployment import Deployment, producer_schema
from harness.sample_data import customers, sample_rules, structured_rules
from streamguard.agents.codec import frame_wire_format
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.masking.keyring_file import generate_keyring_json
from streamguard.masking.rule_versions import next_version
from streamguard.masking.rules import parse_rules
from streamguard.schemas import CUSTOMERS_AVSC

SCHEMA_TEXT = json.dumps(json.loads(CUSTOMERS_AVSC.read_text()))
UNIQUE_RECORDS = 2000  # distinct Faker customers, cycled to N (keys stay unique)
Items = list[tuple[bytes, bytes]]


class BenchError(HarnessError):
    """A bench step did not finish in time or produced an inconsistent result."""


def avro_bodies(count: int = UNIQUE_RECORDS, with_notes: bool = False) -> list[bytes]:
    """Schemaless Avro bodies of sample customers (without notes unless asked), encoded once."""
    parsed = fastavro.parse_schema(json.loads(SCHEMA_TEXT))
    bodies = []
    for record in customers(count, seed=7, with_notes=with_notes):
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, parsed, record)
        bodies.append(buffer.getvalue())
    return bodies


def framed_items(bodies: list[bytes], schema_id: int, count: int) -> Items:
    """``count`` (key, Confluent-framed value) pairs; keys unique, bodies cycled."""
    framed = [frame_wire_format(schema_id, body) for body in bodies]
    return [(f"C{i:08d}".encode(), framed[i % len(framed)]) for i in range(count)]


class BenchDataset:
    """One configuration: a harness deployment with its own prefix, and one dataset under the sample rules
    (structured fields only unless ``free_text``), prepared before any worker starts."""

    def __init__(self, bootstrap: str, home: Path, tag: str, free_text: bool = False) -> None:
        self.deployment = Deployment(bootstrap, home, prefix=f"bench{tag}.")
        self.tag = tag
        self.dataset = f"bench_{tag}"
        # The sample rules (structured fields only, or the notes scanned), with the record key (the customer id)
        # hashed for audiences not cleared for contact: key masking is part of what the headline measures.
        rules_yaml = (sample_rules if free_text else structured_rules)(self.dataset).replace(
            "key: {class: public}", "key: {class: contact, action: hash}"
        )
        rules = parse_rules(rules_yaml, schema=json.loads(SCHEMA_TEXT))
        self.audiences = list(rules.audiences)
        record = next_version([], rules, rules_yaml, "bench.rules.yaml", SCHEMA_TEXT, "bench")
        assert record is not None
        self.record: RuleSetRecord = record

    @property
    def options(self) -> dict[str, Any]:
        return self.deployment.options

    @property
    def raw(self) -> str:
        return self.deployment.names.raw(self.dataset)

    @property
    def governed(self) -> list[str]:
        return [self.deployment.names.governed(self.dataset, audience) for audience in self.audiences]

    def create_topics(self, partitions: int) -> None:
        create_topics(self.deployment.admin, [self.raw], partitions)

    def expected_schema_id(self) -> int:
        """The id the workers will give this rule set's schema (the rules topic holds only this record)."""
        return producer_schema([self.record], self.dataset, self.deployment.settings.schema_registry_url)[0]

    def publish_rules(self) -> int:
        """Publish the rules, then derive the schema id exactly as a worker does from the rule history."""
        self.deployment.publish(self.record)
        return self.deployment.producer_schema(self.dataset)[0]

    def start_workers(self, count: int) -> None:
        self.deployment.start_workers(count, f"{self.tag}.worker")


def stop_processes(processes: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM the given child processes (by PID), SIGKILL any still running after 20 s."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def delete_run_topics(admin: AdminClient, run: str) -> int:
    """Delete every topic whose name holds ``run`` (a bench run's random id): backlogs of a million records
    each would otherwise stay on the local broker after every run. The number deleted."""
    doomed = [name for name in admin.list_topics(timeout=30).topics if run in name]
    for start in range(0, len(doomed), 200):
        for future in admin.delete_topics(doomed[start : start + 200], operation_timeout=60).values():
            future.result()
    return len(doomed)


def create_topics(admin: AdminClient, topics: list[str], partitions: int) -> None:
    """Replicated as the cluster's default says: the baselines and the pipeline write the same copies (one on
    one broker, three on the three-broker cluster)."""
    futures = admin.create_topics([NewTopic(topic, partitions, -1) for topic in topics])
    for future in futures.values():
        future.result(timeout=30)


def preload(options: dict[str, Any], topic: str, partitions: int, items: Items, timeout_s: float = 120.0) -> None:
    """Write the backlog round-robin over the partitions and wait for every acknowledgement."""
    producer = Producer(
        {**options, "acks": "all", "linger.ms": 20, "batch.size": 1_000_000, "queue.buffering.max.messages": 500_000}
    )
    deadline = time.monotonic() + timeout_s
    for index, (key, value) in enumerate(items):
        while True:
            try:
                producer.produce(topic, value, key, partition=index % partitions)
                break
            except BufferError:
                producer.poll(0.05)
                if time.monotonic() > deadline:
                    raise BenchError(f"preloading {topic} timed out") from None
    if producer.flush(max(1.0, deadline - time.monotonic())):
        raise BenchError(f"preloading {topic}: records unacknowledged")


class Offsets:
    """Sums of end offsets (records written) of topics, via one long-lived consumer."""

    def __init__(self, options: dict[str, Any]) -> None:
        self._consumer = Consumer({**options, "group.id": "bench-offsets", "enable.auto.commit": False})
        self._partitions: dict[str, list[int]] = {}

    def total(self, topics: list[str]) -> int:
        return sum(self._end(topic) for topic in topics)

    def _end(self, topic: str) -> int:
        partitions = self._partitions.get(topic)
        if partitions is None:
            metadata = self._consumer.list_topics(topic, timeout=15).topics[topic]
            if metadata.error is not None or not metadata.partitions:
                return 0  # not created yet (the worker creates governed views on first sight of the rules)
            partitions = self._partitions[topic] = sorted(metadata.partitions)
        try:
            return sum(
                self._consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=15)[1] for p in partitions
            )
        except KafkaException:  # a topic created a moment ago may have no leader yet
            return 0

    def close(self) -> None:
        self._consumer.close()


@dataclass(frozen=True)
class Progress:
    """Rate over the window from the first observed output to the target (the same rule for every design)."""

    records: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0


def watch(
    count: Callable[[], int],
    target: int,
    timeout_s: float,
    alive: Callable[[], bool] = lambda: True,
    on_first: Callable[[], None] = lambda: None,
) -> Progress:
    """Poll ``count`` until it reaches ``target``; time from the first poll that saw output (``on_first`` is
    called then)."""
    deadline = time.monotonic() + timeout_s
    first: tuple[float, int] | None = None
    while True:
        seen, now = count(), time.monotonic()
        if first is None and seen > 0:
            first = (now, seen)
            on_first()
        if seen >= target and first is not None:
            return Progress(target - first[1], now - first[0])
        if now > deadline or not alive():
            raise BenchError(f"only {seen}/{target} output records (timeout or process exit)")
        time.sleep(0.05)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its threads, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def make_home(path: Path) -> Path:
    """A bench home with a development keyring (workers and the Faust bench app share it)."""
    path.mkdir(parents=True, exist_ok=True)
    keyring = path / "keyring.json"
    if not keyring.exists():
        keyring.write_text(generate_keyring_json())
        keyring.chmod(0o600)
    return path
