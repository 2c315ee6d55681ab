"""Crashes lose nothing: no source offset missing from any view or from the audit, the audit chain intact,
and every duplicate identifiable by its source offset.

A real ``kill -9`` lands wherever it lands; the two fault-injection tests put the crash exactly at the two
moments that create duplicates (views acknowledged but no audit event yet; audit acknowledged but no commit),
so both recovery paths are exercised on every run.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from confluent_kafka import Message
from confluent_kafka.admin import NewTopic

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import end_offsets, evidence_of, read_topic, source_of
from harness.sample_data import customers, structured_rules
from harness.worker_process import wait_until
from streamguard.schemas import CUSTOMERS_AVSC
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

AUDIENCES = ("analytics", "support", "risk")


@dataclass
class Outcome:
    redelivered_in_audit: int  # source offsets the audit shows twice
    orphans: int  # view records of an attempt that died before writing its audit event


class CrashRig:
    """A deployment with one dataset, a backlog producer and the end-state checks."""

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

    def await_all_accounted(self, count: int) -> None:
        wait_until(
            lambda: sum(len(r.accounted) for r in self.chains().values()) == count,
            180,
            "every source offset in the audit",
        )

    def chains(self) -> dict:
        summary = self.deployment.audit()
        return {key: report for key, report in summary.chains.items() if key.startswith(f"{self.raw}:")}

    def verify(self, count: int) -> Outcome:
        raw_ends = end_offsets(self.deployment.options, self.raw)
        assert sum(raw_ends.values()) == count
        chains = self.chains()
        recorded_events = {
            e.event_id
            for key, events in self.deployment.audit_events().items()
            if key.startswith(f"{self.raw}:")
            for e in events
        }
        audit_duplicates = set()
        for partition, end in raw_ends.items():
            report = chains[f"{self.raw}:{partition}"]
            assert report.intact, report.problems
            assert report.missing_offsets(0, end) == []
            audit_duplicates |= {(partition, offset) for offset in report.duplicate_offsets}
        expected = {(p, o) for p, end in raw_ends.items() for o in range(end)}
        orphaned: Counter[tuple[int, int]] = Counter()
        for audience in AUDIENCES:
            views = read_topic(self.deployment.options, self.deployment.names.governed(self.dataset, audience), count)
            recorded = Counter(_where(m) for m in views if _event_of(m) in recorded_events)
            orphans = Counter(_where(m) for m in views if _event_of(m) not in recorded_events)
            # Every source offset reached the view under an audit event that exists ...
            assert set(recorded) == expected, f"{audience}: {len(expected - set(recorded))} source offsets missing"
            # ... and a duplicate is a span the audit shows twice, or an orphan of a killed attempt.
            assert {where for where, n in recorded.items() if n > 1} <= audit_duplicates
            assert set(orphans) <= set(recorded)
            orphaned.update(orphans)
        return Outcome(len(audit_duplicates), sum(orphaned.values()) // len(AUDIENCES))


def test_kill_9_mid_stream_loses_nothing(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    records = 20_000
    rig = CrashRig(kafka, tmp_path, partitions=2)
    try:
        first = rig.deployment.start_worker("worker-1.log")
        first.wait_serving(rig.raw)
        feeding = threading.Thread(target=rig.produce, args=(records,))
        feeding.start()
        analytics = rig.deployment.names.governed(rig.dataset, "analytics")
        wait_until(
            lambda: sum(end_offsets(rig.deployment.options, analytics).values()) > records // 5, 120, "first views"
        )
        first.kill()
        rig.deployment.start_worker("worker-2.log")
        feeding.join(120)
        rig.await_all_accounted(records)
    finally:
        rig.deployment.stop_workers()
    outcome = rig.verify(records)
    print(f"\nkill -9: {records} records, none missing; {outcome}")


def test_a_worker_joining_mid_stream_takes_partitions_over_without_loss(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    """A graceful rebalance: the first worker settles its cycle in flight before giving a partition up, so
    the newcomer continues that partition's audit chain and nothing is lost or left unaccounted."""
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
        analytics = rig.deployment.names.governed(rig.dataset, "analytics")
        wait_until(lambda: sum(end_offsets(rig.deployment.options, analytics).values()) > 0, 60, "first views")
        rig.deployment.start_worker("worker-2.log")
        feeding.join(120)
        rig.await_all_accounted(records)
        writers = {e.worker for events in rig.deployment.audit_events().values() for e in events}
    finally:
        rig.deployment.stop_workers()
    outcome = rig.verify(records)
    assert len(writers) == 2, "the second worker never took a partition over: the test proved nothing"
    assert outcome.orphans == 0  # nobody died: every view record belongs to a recorded audit event
    print(f"\nrebalance: {records} records, none missing, both workers wrote audit events; {outcome}")


@pytest.mark.parametrize("stage", ["views", "audit"])
def test_crash_between_delivery_and_commit_is_recovered(kafka: KafkaEndpoint, tmp_path: Path, stage: str) -> None:
    backlog, after = 12_000, 2_000  # the backlog takes two cycles or more (the first consume takes what is fetched)
    records = backlog + after
    rig = CrashRig(kafka, tmp_path, partitions=1)
    rig.produce(backlog)
    deployment = rig.deployment
    try:
        doomed = deployment.start_worker("worker-1.log", STREAMGUARD_FAULT_INJECTION=f"{stage}:1")
        wait_until(lambda: doomed.process.poll() is not None, 120, "the injected crash")
        assert doomed.process.returncode == 137
        # Records written after the crash: the audit can only account for them once the restarted worker
        # has gone through the uncommitted span too (the crashed cycle may have been the backlog's last).
        rig.produce_more(backlog, after)
        deployment.start_worker("worker-2.log")
        rig.await_all_accounted(records)
    finally:
        deployment.stop_workers()
    outcome = rig.verify(records)
    if stage == "views":  # views written, audit event never: orphans, and the audit shows no span twice
        assert outcome.orphans > 0
        assert outcome.redelivered_in_audit == 0
    else:  # audit written, commit never: the audit shows the redelivered span twice, well chained
        assert outcome.redelivered_in_audit > 0
        assert outcome.orphans == 0


def _where(message: Message) -> tuple[int, int]:
    _topic, partition, offset = source_of(message)
    return partition, offset


def _event_of(message: Message) -> str:
    return evidence_of(message).audit_event
