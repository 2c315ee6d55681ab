"""A deployment with one dataset, a producer of its raw topic and the exactly-once checks, for the tests that
crash workers (tests/integration/test_crash.py) and brokers (tests/cluster)."""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from pathlib import Path

from confluent_kafka import Message
from confluent_kafka.admin import NewTopic

from harness import HarnessError
from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import end_offsets, evidence_of, read_topic, source_of
from harness.sample_data import customers, structured_rules
from harness.worker_process import wait_until
from streamguard.app.services.evidence.verify import run_verification, trusted_keys
from streamguard.core.errors import KafkaToolingError
from streamguard.schemas import CUSTOMERS_AVSC

AUDIENCES = ("analytics", "support", "risk")


class CrashRig:
    """A deployment with one dataset, a backlog producer and the exactly-once checks."""

    def __init__(self, bootstrap: str, home: Path, partitions: int) -> None:
        self.deployment = Deployment(bootstrap, home)
        self.dataset = f"crash_{uuid.uuid4().hex[:6]}"
        self.raw = self.deployment.names.raw(self.dataset)
        # replicated as the cluster's default says (one broker: one copy; three: three, as production)
        self.deployment.admin.create_topics([NewTopic(self.raw, partitions, -1)])[self.raw].result(30)
        self.deployment.apply_rules(structured_rules(self.dataset), CUSTOMERS_AVSC.read_text())
        schema_id, schema = self.deployment.producer_schema(self.dataset)
        base = [avro_payload(schema_id, schema, r) for r in customers(500, seed=3)]
        self.stream_failure: Exception | None = None
        self.produced = 0  # raw records acknowledged so far
        self.payloads = lambda count: [(f"k{n}".encode(), base[n % len(base)]) for n in range(count)]

    def produce(self, count: int) -> None:
        self.produce_more(0, count)

    def produce_more(self, start: int, count: int) -> None:
        producer = RawProducer(self.deployment.options)
        producer.send_all(self.raw, self.payloads(start + count)[start:])
        producer.flush(300)  # librdkafka's own message timeout: a cluster down to one broker waits for the others
        self.produced += count

    def stream(self, chunks: int, chunk: int, every_s: float = 0.25) -> threading.Thread:
        """``chunks`` chunks of ``chunk`` records, one every ``every_s``, from a thread (started): a steady stream,
        so faults land while cycles are in flight."""

        def run() -> None:
            try:
                for number in range(chunks):
                    self.produce_more(number * chunk, chunk)
                    time.sleep(every_s)
            except Exception as error:  # the test asks after joining: a short stream must not look like a stall
                self.stream_failure = error
                raise

        feeding = threading.Thread(target=run, daemon=True)
        feeding.start()
        return feeding

    def drain(self, feeding: threading.Thread, count: int) -> set[str]:
        """Wait for the stream to end and the audit to account for all ``count`` offsets; the workers that
        wrote the audit."""
        feeding.join(300)
        self.await_all_accounted(count)
        return {event.worker for events in self.deployment.audit_events().values() for event in events}

    def view_records(self, audience: str = "analytics") -> int:
        """Records and transaction markers in a view so far (grows while cycles commit)."""
        return sum(end_offsets(self.deployment.options, self.views(audience)).values())

    def views(self, audience: str) -> str:
        return self.deployment.names.governed(self.dataset, audience)

    def await_all_accounted(self, count: int) -> None:
        assert self.stream_failure is None, f"the raw stream failed: {self.stream_failure!r}"
        seen = [-1]

        def accounted() -> bool:
            try:
                seen[0] = sum(len(r.accounted) for r in self.chains().values())
            except KafkaToolingError:  # a read-back meeting a broker that just went or came back: ask again
                return False
            return seen[0] == count

        try:
            wait_until(accounted, 180, "every source offset in the audit")
        except HarnessError:
            raw = sum(end_offsets(self.deployment.options, self.raw).values())
            raise HarnessError(
                f"the audit accounts for {seen[0]} of {count} offsets; the raw topic holds {raw}"
            ) from None

    def assignment(self) -> dict[str, list[int]]:
        """Each member of the data path's group (by client host and id) and the raw partitions it owns now."""
        group = self.deployment.names.datapath_group
        described = self.deployment.admin.describe_consumer_groups([group])[group].result(15)
        return {
            member.member_id: sorted(p.partition for p in member.assignment.topic_partitions if p.topic == self.raw)
            for member in described.members
        }

    def chains(self) -> dict:
        summary = self.deployment.audit()
        return {key: report for key, report in summary.chains.items() if key.startswith(f"{self.raw}:")}

    def verify_exactly_once(self, count: int) -> None:
        problems = self.exactly_once_problems(count)
        assert not problems, "\n".join(problems)

    def exactly_once_problems(self, count: int) -> list[str]:
        """What breaks exactly-once, each check's failure named (none: every source offset once in every view,
        under a recorded audit event, in intact chains that name it once, and the evidence verifies)."""
        raw_ends = end_offsets(self.deployment.options, self.raw)
        problems = [] if sum(raw_ends.values()) == count else [f"raw: {sum(raw_ends.values())} records, not {count}"]
        recorded = {
            event.event_id
            for key, events in self.deployment.audit_events().items()
            if key.startswith(f"{self.raw}:")
            for event in events
        }
        for partition, end in raw_ends.items():
            report = self.chains()[f"{self.raw}:{partition}"]
            problems += [f"chain {partition}: {problem}" for problem in report.problems]
            if missing := report.missing_offsets(0, end):
                problems.append(f"chain {partition}: {len(missing)} offsets not in the audit")
            if report.duplicate_offsets:
                problems.append(f"chain {partition}: the audit names {len(report.duplicate_offsets)} offsets twice")
        expected = {(p, o) for p, end in raw_ends.items() for o in range(end)}
        for audience in AUDIENCES:
            views = read_topic(self.deployment.options, self.views(audience), count)
            seen = Counter(_where(m) for m in views)
            if lost := expected - set(seen):
                problems.append(f"{audience}: {len(lost)} source offsets missing")
            if twice := sum(n - 1 for n in seen.values()):
                problems.append(f"{audience}: {twice} duplicates")
            if orphans := sum(evidence_of(m).audit_event not in recorded for m in views):
                problems.append(f"{audience}: {orphans} view records under no recorded audit event")
        # and the whole evidence holds: logs against signed checkpoints, every retained offset once
        settings = self.deployment.settings
        chains = {f"{self.raw}:{partition}" for partition in raw_ends}
        verification = run_verification(settings, trusted_keys(settings), chains=chains)
        problems += [f"verify: {problem}" for problem in verification.problems]
        return problems


def _where(message: Message) -> tuple[int, int]:
    _topic, partition, offset = source_of(message)
    return partition, offset
