"""Crashes cost nothing: as a read_committed consumer sees them, every source offset reaches every view exactly
once, under an audit event that was recorded, in an intact chain that names it once.

A real ``kill -9`` lands wherever it lands; the fault-injection tests put the crash exactly at each stage of a
cycle: after its views, its audit events, its offsets joined the open transaction, and just after it
committed (before the worker took note of it); the race puts two workers
on one partition at once, the first frozen long enough to lose it and then woken as a zombie.
"""

from __future__ import annotations

import signal
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from confluent_kafka import Message
from confluent_kafka.admin import NewTopic

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import end_offsets, evidence_of, read_topic, source_of
from harness.sample_data import customers, structured_rules
from harness.worker_process import wait_until
from streamguard.app.services.evidence.verify import run_verification, trusted_keys
from streamguard.schemas import CUSTOMERS_AVSC
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

AUDIENCES = ("analytics", "support", "risk")


class CrashRig:
    """A deployment with one dataset, a backlog producer and the exactly-once checks."""

    def __init__(self, kafka: KafkaEndpoint, home: Path, partitions: int) -> None:
        self.deployment = Deployment(kafka.bootstrap, home)
        self.dataset = f"crash_{uuid.uuid4().hex[:6]}"
        self.raw = self.deployment.names.raw(self.dataset)
        self.deployment.admin.create_topics([NewTopic(self.raw, partitions, 1)])[self.raw].result(30)
        self.deployment.apply_rules(structured_rules(self.dataset), CUSTOMERS_AVSC.read_text())
        schema_id, schema = self.deployment.producer_schema(self.dataset)
        base = [avro_payload(schema_id, schema, r) for r in customers(500, seed=3)]
        self.payloads = lambda count: [(f"k{n}".encode(), base[n % len(base)]) for n in range(count)]

    def produce(self, count: int) -> None:
        self.produce_more(0, count)

    def produce_more(self, start: int, count: int) -> None:
        producer = RawProducer(self.deployment.options)
        producer.send_all(self.raw, self.payloads(start + count)[start:])
        producer.flush()

    def views(self, audience: str) -> str:
        return self.deployment.names.governed(self.dataset, audience)

    def await_all_accounted(self, count: int) -> None:
        wait_until(
            lambda: sum(len(r.accounted) for r in self.chains().values()) == count,
            180,
            "every source offset in the audit",
        )

    def chains(self) -> dict:
        summary = self.deployment.audit()
        return {key: report for key, report in summary.chains.items() if key.startswith(f"{self.raw}:")}

    def verify_exactly_once(self, count: int) -> None:
        raw_ends = end_offsets(self.deployment.options, self.raw)
        assert sum(raw_ends.values()) == count  # the raw topic is written without transactions
        recorded = {
            event.event_id
            for key, events in self.deployment.audit_events().items()
            if key.startswith(f"{self.raw}:")
            for event in events
        }
        for partition, end in raw_ends.items():
            report = self.chains()[f"{self.raw}:{partition}"]
            assert report.intact, report.problems
            assert report.missing_offsets(0, end) == []
            assert not report.duplicate_offsets, f"the audit names {len(report.duplicate_offsets)} offsets twice"
        expected = {(p, o) for p, end in raw_ends.items() for o in range(end)}
        for audience in AUDIENCES:
            views = read_topic(self.deployment.options, self.views(audience), count)
            seen = Counter(_where(m) for m in views)
            assert set(seen) == expected, f"{audience}: {len(expected - set(seen))} source offsets missing"
            assert max(seen.values()) == 1, f"{audience}: {sum(n - 1 for n in seen.values())} duplicates"
            assert all(evidence_of(m).audit_event in recorded for m in views), f"{audience}: orphan view records"
        # and the whole evidence holds: logs against signed checkpoints, every retained offset once
        settings = self.deployment.settings
        chains = {f"{self.raw}:{partition}" for partition in raw_ends}
        verification = run_verification(settings, trusted_keys(settings), chains=chains)
        assert verification.intact, verification.problems


def test_kill_9_mid_stream_costs_nothing(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    records = 20_000
    rig = CrashRig(kafka, tmp_path, partitions=2)
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
    rig = CrashRig(kafka, tmp_path, partitions=2)

    def stream() -> None:
        for number in range(chunks):
            rig.produce_more(number * chunk, chunk)
            time.sleep(0.25)

    try:
        first = rig.deployment.start_worker("worker-1.log")
        first.wait_serving(rig.raw)
        feeding = threading.Thread(target=stream)
        feeding.start()
        wait_until(lambda: sum(end_offsets(rig.deployment.options, rig.views("analytics")).values()) > 0, 60, "views")
        rig.deployment.start_worker("worker-2.log")
        feeding.join(120)
        rig.await_all_accounted(records)
        writers = {e.worker for events in rig.deployment.audit_events().values() for e in events}
    finally:
        rig.deployment.stop_workers()
    rig.verify_exactly_once(records)
    assert len(writers) == 2, "the second worker never took a partition over: the test proved nothing"


@pytest.mark.parametrize("stage", ["views", "audit", "offsets", "commit"])
def test_a_crash_at_any_stage_of_a_cycle_costs_nothing(kafka: KafkaEndpoint, tmp_path: Path, stage: str) -> None:
    backlog, after = 12_000, 2_000  # the backlog takes two cycles or more (the first consume takes what is fetched)
    records = backlog + after
    rig = CrashRig(kafka, tmp_path, partitions=1)
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


def test_a_zombie_worker_is_fenced(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    """Two workers race for one partition: the first is frozen past its session timeout mid-stream, the
    second takes the partition over, then the first wakes up believing it still owns it. Its transaction
    cannot commit (the group's generation moved on): nothing it wrote after losing the partition is seen."""
    records = 16_000
    rig = CrashRig(kafka, tmp_path, partitions=1)
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


def _where(message: Message) -> tuple[int, int]:
    _topic, partition, offset = source_of(message)
    return partition, offset
