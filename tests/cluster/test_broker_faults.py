"""Broker failures cost nothing: on three brokers (replication factor 3, ``min.insync.replicas=2``), a worker
streams through SIGKILLs of the raw partition's leader, a view partition's leader, its transaction coordinator,
the active KRaft controller, a rolling restart of every broker, and two brokers down at once. Each time, as a
read_committed consumer sees it, every source offset reaches every view exactly once under a recorded audit
event, ``verify`` passes, and the worker resumed by itself: it never exited and nobody restarted it.

Kafka's own transactions system test (tests/kafkatest/tests/core/transactions_test.py) bounces brokers under a
transactional copier the same way; streamguard must at least survive that. The pause each fault caused (from
the worker's ``streamguard_datapath_pause_seconds``, and the longest time nothing committed while records
flowed, sampled from its metrics) is appended to ``<home>/test-artifacts/cluster-faults.jsonl``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from confluent_kafka.admin import NewTopic

from harness import HarnessError
from harness.worker_process import WorkerProcess, wait_until
from streamguard.app.settings import load_settings
from tests.cluster.conftest import Cluster
from tests.crash_rig import CrashRig

pytestmark = pytest.mark.cluster

PARTITIONS = 3
CHUNKS, CHUNK = 40, 200  # 8,000 records over about 15 s: faults land while cycles are in flight
RECORDS = CHUNKS * CHUNK

Fault = Callable[[Cluster, CrashRig, WorkerProcess], None]


class Progress:
    """Samples the worker's committed-record count twice a second from a thread: the longest time nothing
    committed while raw records were waiting is how long the fault stalled the data path."""

    def __init__(self, worker: WorkerProcess, rig: CrashRig) -> None:
        self.worker, self.rig = worker, rig
        self.longest_s = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        last, since = -1.0, time.monotonic()
        while not self._done.wait(0.5):
            try:
                committed = self.worker.metrics().total("streamguard_records_consumed_total")
            except OSError:
                continue
            now = time.monotonic()
            if committed != last or committed >= self.rig.produced:  # progress, or nothing to do
                last, since = committed, now
            else:
                self.longest_s = max(self.longest_s, now - since)

    def stop(self) -> float:
        self._done.set()
        self._thread.join(5)
        return self.longest_s


def _stream_through(cluster: Cluster, tmp_path: Path, name: str, fault: Fault) -> None:
    rig = CrashRig(cluster.bootstrap, tmp_path, partitions=PARTITIONS)
    try:
        worker = rig.deployment.start_worker("worker.log")
        worker.wait_serving(rig.raw)
        feeding = rig.stream(CHUNKS, CHUNK)
        wait_until(lambda: rig.view_records() > 0, 60, "the first views")
        progress = Progress(worker, rig)
        try:
            fault(cluster, rig, worker)
        finally:
            cluster.heal()
        try:
            rig.drain(feeding, RECORDS)
        except HarnessError:
            # pytest shows these with the failure: where each thread is, and what the group's coordinator says it owns
            print(f"the stalled worker's threads:\n{worker.stacks()}\nthe group's assignment: {rig.assignment()}")
            raise
        stalled_s = progress.stop()
        assert worker.process.poll() is None, f"the worker exited ({worker.process.returncode}): see its log"
        metrics = worker.metrics()
        paused = metrics.total("streamguard_datapath_pauses_total")
        _record(name, paused, metrics.total("streamguard_datapath_pause_seconds_sum"), stalled_s)
    finally:
        rig.deployment.stop_workers()
    rig.verify_exactly_once(RECORDS)


def _record(fault: str, pauses: float, paused_s: float, stalled_s: float) -> None:
    artifacts = load_settings().home / "test-artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    line = {
        "fault": fault,
        "pauses": pauses,
        "paused_s": round(paused_s, 1),
        "longest_without_commit_s": round(stalled_s, 1),
        "at": time.strftime("%FT%TZ"),
    }
    with (artifacts / "cluster-faults.jsonl").open("a") as out:
        out.write(json.dumps(line) + "\n")


def _kill_and_wait(cluster: Cluster, node_id: int, down_s: float = 5.0) -> None:
    """SIGKILL the node and leave it down a while: its connections refused, its leadership moving."""
    cluster.kill(node_id)
    time.sleep(down_s)


def test_the_leader_of_a_raw_partition_killed(cluster: Cluster, tmp_path: Path) -> None:
    def fault(cluster: Cluster, rig: CrashRig, _worker: WorkerProcess) -> None:
        _kill_and_wait(cluster, cluster.leader_of(rig.raw, 0))

    _stream_through(cluster, tmp_path, "raw partition leader", fault)


def test_the_leader_of_a_view_partition_killed(cluster: Cluster, tmp_path: Path) -> None:
    def fault(cluster: Cluster, rig: CrashRig, _worker: WorkerProcess) -> None:
        _kill_and_wait(cluster, cluster.leader_of(rig.views("support"), 1))

    _stream_through(cluster, tmp_path, "view partition leader", fault)


def test_the_transaction_coordinator_of_the_worker_killed(cluster: Cluster, tmp_path: Path) -> None:
    def fault(cluster: Cluster, rig: CrashRig, worker: WorkerProcess) -> None:
        status = worker.status()
        transactional_id = f"{rig.deployment.names.datapath_group}.{status['worker']}"
        _kill_and_wait(cluster, cluster.coordinator_of(transactional_id))

    _stream_through(cluster, tmp_path, "transaction coordinator", fault)


def test_the_active_controller_killed(cluster: Cluster, tmp_path: Path) -> None:
    def fault(cluster: Cluster, _rig: CrashRig, _worker: WorkerProcess) -> None:
        _kill_and_wait(cluster, cluster.active_controller())

    _stream_through(cluster, tmp_path, "active controller", fault)


def test_a_rolling_restart_of_every_broker(cluster: Cluster, tmp_path: Path) -> None:
    def fault(cluster: Cluster, _rig: CrashRig, _worker: WorkerProcess) -> None:
        for node in (1, 2, 3):
            cluster.kill(node)
            time.sleep(2)
            cluster.heal()  # the next one goes only once every partition is back in sync

    _stream_through(cluster, tmp_path, "rolling restart (SIGKILL, one at a time)", fault)


def test_two_brokers_down_stops_the_data_path_until_one_returns(cluster: Cluster, tmp_path: Path) -> None:
    """Fewer in-sync replicas than ``min.insync.replicas``: nothing more commits (views, audit and offsets are
    one transaction), the worker stays up and says it waits, and it resumes by itself when a broker returns."""

    def fault(cluster: Cluster, rig: CrashRig, worker: WorkerProcess) -> None:
        survivor = cluster.active_controller()
        doomed = [node.node_id for node in cluster.nodes() if node.node_id != survivor]
        cluster.kill(doomed[0])
        cluster.kill(doomed[1])
        wait_until(lambda: worker.metrics().total("streamguard_datapath_paused") == 1, 90, "the worker to pause")
        committed = worker.metrics().total("streamguard_records_consumed_total")
        time.sleep(10)
        assert worker.metrics().total("streamguard_records_consumed_total") == committed, "a cycle committed"
        assert worker.metrics().total("streamguard_datapath_paused") == 1
        assert worker.process.poll() is None
        assert "paused uncommitted" in worker.output()

    _stream_through(cluster, tmp_path, "two brokers down", fault)


def test_topics_are_created_replicated_three_times_and_an_existing_single_copy_is_refused(
    cluster: Cluster, tmp_path: Path
) -> None:
    rig = CrashRig(cluster.bootstrap, tmp_path / "replicated", partitions=PARTITIONS)
    try:
        rig.deployment.start_worker("worker.log").wait_serving(rig.raw)
    finally:
        rig.deployment.stop_workers()
    names = rig.deployment.names
    metadata = cluster.admin.list_topics(timeout=10)
    for topic in (names.audit, names.checkpoints, names.quarantine, names.rules, rig.views("risk")):
        replicas = {len(p.replicas) for p in metadata.topics[topic].partitions.values()}
        assert replicas == {3}, f"{topic}: {replicas}"

    lonely = CrashRig(cluster.bootstrap, tmp_path / "lonely", partitions=1)
    audit = lonely.deployment.names.audit
    cluster.admin.delete_topics([audit])[audit].result(30)
    wait_until(lambda: audit not in cluster.admin.list_topics(timeout=10).topics, 30, "the audit topic gone")
    cluster.admin.create_topics([NewTopic(audit, 3, 1)])[audit].result(30)
    worker = lonely.deployment.start_worker("worker.log", wait=False)
    wait_until(lambda: worker.process.poll() is not None, 90, "the worker to refuse to start")
    assert audit in worker.output()
    assert "replication factor 1, below STREAMGUARD_EVIDENCE_REPLICATION_FACTOR=3" in worker.output()
