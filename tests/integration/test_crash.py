"""Crashes cost nothing: as a read_committed consumer sees them, every source offset reaches every view exactly
once, under an audit event that was recorded, in an intact chain that names it once.

A real ``kill -9`` lands wherever it lands; the fault-injection tests put the crash exactly at each stage of a
cycle: after its views, its audit events, its offsets joined the open transaction, and just after it
committed (before the worker took note of it); the race puts two workers
on one partition at once, the first frozen long enough to lose it and then woken as a zombie.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from pathlib import Path

import pytest

from harness.readback import end_offsets
from harness.worker_process import wait_until
from tests.conftest import KafkaEndpoint
from tests.crash_rig import AUDIENCES, CrashRig

pytestmark = pytest.mark.kafka


def test_kill_9_mid_stream_costs_nothing(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    records = 20_000
    rig = CrashRig(kafka.bootstrap, tmp_path, partitions=2)
    try:
        first = rig.deployment.start_worker("worker-1.log")
        first.wait_serving(rig.raw)
        feeding = threading.Thread(target=rig.produce, args=(records,))
        feeding.start()
        analytics = rig.views("analytics")
        wait_until(
            lambda: sum(end_offsets(rig.deployment.options, analytics).values()) > records // 5, 120, "first views"
        )
        first.kill()
        rig.deployment.start_worker("worker-2.log")
        feeding.join(120)
        rig.await_all_accounted(records)
    finally:
        rig.deployment.stop_workers()
    rig.verify_exactly_once(records)


def test_a_worker_joining_mid_stream_takes_partitions_over_exactly_once(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    """A graceful rebalance: the first worker commits its cycle in flight before giving a partition up, so
    the newcomer continues that partition's audit chain and nothing is lost or repeated."""
    chunks, chunk = 80, 250  # a steady stream for about 20 s, so the newcomer joins while cycles are in flight
    records = chunks * chunk
    rig = CrashRig(kafka.bootstrap, tmp_path, partitions=2)
    try:
        first = rig.deployment.start_worker("worker-1.log")
        first.wait_serving(rig.raw)
        feeding = rig.stream(chunks, chunk)
        wait_until(lambda: rig.view_records() > 0, 60, "views")
        rig.deployment.start_worker("worker-2.log")
        writers = rig.drain(feeding, records)
    finally:
        rig.deployment.stop_workers()
    rig.verify_exactly_once(records)
    assert len(writers) == 2, "the second worker never took a partition over: the test proved nothing"


@pytest.mark.parametrize("stage", ["views", "audit", "offsets", "commit"])
def test_a_crash_at_any_stage_of_a_cycle_costs_nothing(kafka: KafkaEndpoint, tmp_path: Path, stage: str) -> None:
    backlog, after = 12_000, 2_000  # the backlog takes two cycles or more (the first consume takes what is fetched)
    records = backlog + after
    rig = CrashRig(kafka.bootstrap, tmp_path, partitions=1)
    rig.produce(backlog)
    deployment = rig.deployment
    try:
        doomed = deployment.start_worker("worker-1.log", STREAMGUARD_FAULT_INJECTION=f"{stage}:1")
        wait_until(lambda: doomed.process.poll() is not None, 120, "the injected crash")
        assert doomed.process.returncode == 137
        rig.produce_more(backlog, after)
        deployment.start_worker("worker-2.log")
        rig.await_all_accounted(records)
    finally:
        deployment.stop_workers()
    rig.verify_exactly_once(records)


def test_without_its_transaction_the_same_crash_breaks_every_check(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    """The control experiment: the data path at least once (no transaction), crashed after a cycle's audit
    events. What the crash wrote stays visible and is written again by the next worker: the checks every crash
    and broker-fault test relies on must see it, each one."""
    backlog, after = 12_000, 2_000
    records = backlog + after
    rig = CrashRig(kafka.bootstrap, tmp_path, partitions=1)
    rig.produce(backlog)
    try:
        doomed = rig.deployment.start_worker("worker-1.log", STREAMGUARD_FAULT_INJECTION="audit:1+untransacted")
        wait_until(lambda: doomed.process.poll() is not None, 120, "the injected crash")
        rig.produce_more(backlog, after)
        rig.deployment.start_worker("worker-2.log")
        rig.await_all_accounted(records)
    finally:
        rig.deployment.stop_workers()
    problems = "\n".join(rig.exactly_once_problems(records))
    for audience in AUDIENCES:
        assert re.search(rf"^{audience}: \d+ duplicates$", problems, re.MULTILINE), problems
    assert "offsets twice" in problems, problems
    assert "verify: " in problems, problems


def test_a_zombie_worker_is_fenced(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    """Two workers race for one partition: the first is frozen past its session timeout mid-stream, the
    second takes the partition over, then the first wakes up believing it still owns it. Its transaction
    cannot commit (the group's generation moved on): nothing it wrote after losing the partition is seen."""
    records = 16_000
    rig = CrashRig(kafka.bootstrap, tmp_path, partitions=1)
    try:
        zombie = rig.deployment.start_worker("worker-1.log")
        zombie.wait_serving(rig.raw)
        feeding = threading.Thread(target=rig.produce, args=(records,))
        feeding.start()
        wait_until(lambda: sum(end_offsets(rig.deployment.options, rig.views("analytics")).values()) > 0, 60, "views")
        zombie.process.send_signal(signal.SIGSTOP)
        rig.deployment.start_worker("worker-2.log")
        time.sleep(15)  # past the 10 s session timeout: the partition moves to the second worker
        zombie.process.send_signal(signal.SIGCONT)
        feeding.join(120)
        rig.await_all_accounted(records)
    finally:
        rig.deployment.stop_workers()
    rig.verify_exactly_once(records)


def _shared_by(rig: CrashRig, members: int) -> bool:
    assignment = rig.assignment()
    owned = sorted(partition for partitions in assignment.values() for partition in partitions)
    return len(assignment) == members and owned == list(range(6)) and all(assignment.values())


def test_three_workers_share_six_partitions_and_one_killed_is_taken_over_within_the_session_timeout(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    """Per-process transactional ids are enough (KIP-447): the group's generation fences a worker that lost
    its partitions, so three workers need no coordination but the group's."""
    records = 60 * 250
    rig = CrashRig(kafka.bootstrap, tmp_path, partitions=6)
    try:
        workers = [rig.deployment.start_worker(f"worker-{n}.log") for n in (1, 2, 3)]
        for worker in workers:
            worker.wait_serving(rig.raw)
        feeding = rig.stream(60, 250)
        wait_until(lambda: _shared_by(rig, 3), 60, "each of six partitions owned by one of three workers")
        wait_until(lambda: rig.view_records() > 0, 60, "the first views")
        workers[0].kill()
        killed = time.monotonic()
        wait_until(lambda: _shared_by(rig, 2), 45, "the killed worker's partitions taken over", step_s=0.5)
        taken_over_s = time.monotonic() - killed
        writers = rig.drain(feeding, records)
    finally:
        rig.deployment.stop_workers()
    rig.verify_exactly_once(records)
    assert len(writers) == 3, "a worker never committed a cycle: the test proved nothing"
    assert taken_over_s < 10 + 15, f"taken over after {taken_over_s:.1f}s (session timeout 10 s)"
