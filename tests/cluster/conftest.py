"""A three-broker KRaft cluster of real Apache Kafka for the fault tests: one per test module, its nodes killed
and started again by the tests, in sequence.

Each node gets a small heap (384 MB: three of them and the workers share a 2-core CI machine). The cluster
lives in a home of its own, so it never meets the one-broker cluster of the other tests.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from confluent_kafka.admin import AdminClient

from harness.worker_process import wait_until
from streamguard.app.kafka_local import LocalBroker, NodeStatus
from streamguard.app.kafka_local.jars import ensure_broker_jars
from streamguard.app.settings import load_settings
from streamguard.core.replication import TRANSACTION_STATE_LOG

NODE_HEAP = "384m"


@dataclass
class Cluster:
    broker: LocalBroker
    bootstrap: str

    @cached_property
    def admin(self) -> AdminClient:
        return AdminClient({"bootstrap.servers": self.bootstrap})  # one client: its futures outlive no call

    def nodes(self) -> tuple[NodeStatus, ...]:
        return self.broker.status().nodes

    def kill(self, node_id: int) -> float:
        """SIGKILL one node; the monotonic time it died."""
        [node] = [node for node in self.nodes() if node.node_id == node_id]
        assert node.alive, f"node {node_id} is not up"
        assert node.pid is not None
        os.kill(node.pid, signal.SIGKILL)
        wait_until(lambda: not _alive(node.pid), 10, f"node {node_id} gone")
        return time.monotonic()

    def heal(self) -> None:
        """Start the nodes that are down, then wait until every partition is fully replicated again."""
        self.broker.start(3)
        wait_until(self.fully_replicated, 120, "every partition in sync on three brokers", step_s=1)

    def fully_replicated(self) -> bool:
        metadata = self.admin.list_topics(timeout=10)
        if len(metadata.brokers) < 3:
            return False
        return all(
            len(partition.isrs) == len(partition.replicas)
            for topic in metadata.topics.values()
            for partition in topic.partitions.values()
        )

    def leader_of(self, topic: str, partition: int) -> int:
        return int(self.admin.list_topics(topic, timeout=10).topics[topic].partitions[partition].leader)

    def coordinator_of(self, transactional_id: str) -> int:
        """The broker coordinating ``transactional_id``'s transactions."""
        return self._coordinator(TRANSACTION_STATE_LOG, transactional_id)

    def group_coordinator_of(self, group: str) -> int:
        """The broker coordinating the consumer group ``group``."""
        return self._coordinator("__consumer_offsets", group)

    def _coordinator(self, log: str, key: str) -> int:
        """The leader of the internal log's partition that holds ``key`` (Kafka's rule: abs(String.hashCode)
        modulo the log's partition count)."""
        metadata = self.admin.list_topics(log, timeout=10).topics[log]
        partition = _java_abs(_java_string_hash(key)) % len(metadata.partitions)
        return int(metadata.partitions[partition].leader)

    def active_controller(self) -> int:
        """The KRaft quorum's leader, as Apache Kafka's own metadata quorum tool reports it."""
        libs = ensure_broker_jars(self.broker.kafka_version, self.broker.cache_dir)
        command = ["java", "-Xmx128m", "-cp", f"{libs}/*", "org.apache.kafka.tools.MetadataQuorumCommand"]
        command += ["--bootstrap-server", self.bootstrap, "describe", "--status"]
        result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
        [leader] = [line.split(":")[1] for line in result.stdout.splitlines() if line.startswith("LeaderId:")]
        return int(leader)


def _alive(pid: int) -> bool:
    try:
        return b"kafka.Kafka" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _java_string_hash(text: str) -> int:
    value = 0
    for unit in text.encode("utf-16-be").hex(" ", 2).split():
        value = (31 * value + int(unit, 16)) & 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value


def _java_abs(value: int) -> int:
    return 0 if value == -(1 << 31) else abs(value)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    settings = load_settings()
    home = tmp_path_factory.mktemp("cluster")
    broker = LocalBroker(home, settings.kafka_version, settings.admin_username, cache_dir=settings.home / "cache")
    broker.heap = NODE_HEAP
    status, _started = broker.start(3)
    assert status.plaintext_bootstrap
    try:
        yield Cluster(broker, status.plaintext_bootstrap)
    finally:
        for node in broker.status().nodes:  # throwaway data: no controlled shutdown to wait for
            if node.pid is not None and _alive(node.pid):
                os.kill(node.pid, signal.SIGKILL)
        broker.stop()
