"""The governed data path: batched consume → process → produce → audit → commit, on librdkafka.

Why not Faust agents: Faust's stream layer and its per-record sends cost more than masking does, even with
``stream.take_events`` batches (figures in BENCHMARKS.md). So the worker (``streamguard.app.worker``) runs
this loop on its own thread, with confluent-kafka's consumer and producer doing batching and I/O in C.

Every client is handed in (``DataPathClients``): ``streamguard.agents.kafka_clients`` builds the real ones,
and broker-free tests drive the loop with doubles to check what is produced, flushed and committed, in which
order. What a failure does is ``streamguard.agents.failure_policy``'s decision.

Delivery: at-least-once, no loss. A cycle's source offsets are committed only after every governed view,
quarantine record and audit event of the cycle is acknowledged (acks=all, idempotent producer). The broker
acknowledges one cycle's views while this thread processes the next batch; that cycle is settled (views
acknowledged, audit written and acknowledged, offsets committed) before the next one sends anything, and
before a rebalance takes its partitions away. A failed delivery stops the worker without committing, so the
span is processed again after restart; duplicates carry their source offset in the ``streamguard-evidence``
header and the audit chain shows the redelivery.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import defaultdict
from dataclasses import dataclass

from confluent_kafka import KafkaError, KafkaException, Message, TopicPartition

from streamguard.agents.batch import GovernedBatch, Outbound, ProcessedBatch
from streamguard.agents.failure_policy import DEFAULT_POLICY, FailurePolicy, Outcome
from streamguard.agents.kafka_audit import AuditChains, SourcePartition
from streamguard.agents.kafka_ports import DataPathClients, DeliveryReport, SourceConsumer
from streamguard.agents.rules_registry import RulesRegistry
from streamguard.core.errors import DeliveryError, describe_failure
from streamguard.evidence.audit import AudienceOutput, chain_key

log = logging.getLogger(__name__)

FLUSH_TIMEOUT_S = 60.0
FAULT_EXIT = 137  # what a kill -9 reports
READY_MESSAGE = "rule history read"

_REBALANCE_CODES = {
    KafkaError.REBALANCE_IN_PROGRESS,
    KafkaError.ILLEGAL_GENERATION,
    KafkaError.UNKNOWN_MEMBER_ID,
    KafkaError._ASSIGNMENT_LOST,
    KafkaError._STATE,
}


class _Deliveries:
    """Delivery reports of one cycle: offset range per (topic, partition), and any failure."""

    def __init__(self) -> None:
        self.ranges: dict[tuple[str, int], list[int]] = {}
        self.failures: list[str] = []
        self.landed: dict[bytes, int] = {}  # offset by message key, for the few records that need it

    def report_keyed(self, error: KafkaError | None, message: Message) -> None:
        self.report(error, message)
        if error is None:
            self.landed[message.key()] = message.offset()

    def report(self, error: KafkaError | None, message: Message) -> None:
        if error is not None:
            self.failures.append(f"{message.topic()}[{message.partition()}]: {error.name()}")
            return
        where = (message.topic(), message.partition())
        offset = message.offset()
        span = self.ranges.get(where)
        if span is None:
            self.ranges[where] = [offset, offset]
        elif offset > span[1]:  # reports come in offset order per partition; the other branch is a guard
            span[1] = offset
        elif offset < span[0]:
            span[0] = offset


@dataclass
class _InFlight:
    """A cycle whose views are sent but not yet acknowledged, audited and committed."""

    batches: dict[SourcePartition, ProcessedBatch]
    deliveries: _Deliveries
    records: int


class DataPath:
    """One worker's data path; ``run`` blocks until ``stop`` is set (call it on a dedicated thread)."""

    def __init__(
        self,
        clients: DataPathClients,
        registry: RulesRegistry,
        chains: AuditChains,
        *,
        policy: FailurePolicy = DEFAULT_POLICY,
        batch_size: int = 20_000,
        crash_after: tuple[str, int] | None = None,
    ) -> None:
        self.registry = registry
        self.chains = chains
        self.policy = policy
        self.batch_size = batch_size
        self.processed = 0
        self.cycles = 0
        self.crash_after = crash_after
        self._consumer = clients.consumer
        self._producer = clients.producer
        self._topics = clients.topics
        self._rules = clients.rules
        self._subscribed: list[str] = []
        self._served: dict[str, int] = {}  # dataset -> rules version whose topics are set up
        self._in_flight: _InFlight | None = None

    def run(self, stop: threading.Event) -> None:
        """Read the rule history, then consume, process, deliver and commit until ``stop`` is set."""
        try:
            self._read_rule_history()
            while not stop.is_set():
                self._follow_rules()
                if not self._subscribed:
                    stop.wait(0.5)
                    continue
                # Wait for the first record only, then take what is already fetched: big batches under load,
                # no added wait when traffic is light.
                messages = self._consumer.consume(1, 0.2)
                if messages:
                    self._cycle(messages + self._consumer.consume(self.batch_size - 1, 0))
                else:
                    self._settle()  # no traffic: finish the last cycle now rather than with the next one
            self._settle()
        finally:
            self._consumer.close()
            self._rules.close()
            self._producer.flush(FLUSH_TIMEOUT_S)

    def _read_rule_history(self) -> None:
        self._topics.ensure_system()
        for record in self._rules.history():
            self.registry.apply(record)
        self.registry.ready.set()
        log.info("%s: %s", READY_MESSAGE, self.registry.versions() or "no datasets yet")

    def _follow_rules(self) -> None:
        """Take new rule versions; subscribe to the raw topics that have rules, their topics set up first."""
        for record in self._rules.poll():
            self.registry.apply(record)
        for dataset, version in sorted(self.registry.versions().items()):
            self._ensure_served(dataset, version, self.registry.audiences(self.registry.names.raw(dataset)))
        topics = self.registry.raw_topics()
        if topics != self._subscribed:
            self._consumer.subscribe(topics, on_assign=self._on_assign, on_revoke=self._on_revoke)
            self._subscribed = topics

    def _ensure_served(self, dataset: str, version: int, audiences: list[str]) -> None:
        """Topics for a rules version not served yet (a new version may add an audience)."""
        if self._served.get(dataset, 0) >= version:
            return
        self._topics.ensure_dataset(dataset, audiences)
        log.info(
            "serving %s -> %d governed views (%s), rules v%d",
            self.registry.names.raw(dataset),
            len(audiences),
            ", ".join(audiences),
            version,
        )
        self._served[dataset] = version

    def _on_assign(self, consumer: SourceConsumer, partitions: list[TopicPartition]) -> None:
        for committed in consumer.committed(partitions, timeout=30):
            self.chains.recover((committed.topic, committed.partition), committed.metadata)
        consumer.incremental_assign(partitions)

    def _on_revoke(self, consumer: SourceConsumer, partitions: list[TopicPartition]) -> None:
        # Runs inside consume() on this thread: the cycle in flight is finished and committed before the
        # partitions go, so their next owner continues the audit chains after it.
        self._settle()
        for partition in partitions:
            self.chains.forget((partition.topic, partition.partition))
        consumer.incremental_unassign(partitions)

    # -- one cycle -------------------------------------------------------------------------------------

    def _cycle(self, messages: list[Message]) -> None:
        """Process a batch while the previous cycle's views are in flight, settle that cycle, then send this
        one's views: the broker acknowledges one cycle while this thread works on the next."""
        try:
            batches = self._process(_by_partition(messages))
        except Exception:
            self._settle()  # the cycle in flight does not depend on what failed: settle it, then stop
            raise
        self._settle()
        deliveries = _Deliveries()
        for batch in batches.values():
            self._send_views(batch.governed, deliveries)
            for outbound in batch.quarantine:
                self._send(outbound, deliveries)
        self._in_flight = _InFlight(batches, deliveries, len(messages))

    def _settle(self) -> None:
        """Finish the cycle in flight: its views acknowledged, then its audit events, then its commit."""
        cycle, self._in_flight = self._in_flight, None
        if cycle is None:
            return
        self._flush(cycle.deliveries)
        self._fault_point("views")
        sealed = {}
        audit = _Deliveries()
        for source, batch in cycle.batches.items():
            event = batch.event.model_copy(update={"outputs": _with_offsets(batch.event.outputs, cycle.deliveries)})
            sealed[source] = self.chains.seal(source, event)
            self._producer.produce(
                self.chains.topic,
                sealed[source].to_bytes(),
                chain_key(*source).encode(),
                partition=self.chains.partition_of(source),
                on_delivery=audit.report_keyed,
            )
        self._flush(audit)
        self._fault_point("audit")
        commits = []
        for source, event in sealed.items():
            head = self.chains.advance(source, event, audit.landed[chain_key(*source).encode()])
            commits.append(TopicPartition(*source, event.source.last_offset + 1, metadata=head.to_metadata()))
        self._commit(commits)
        self.processed += cycle.records
        self.cycles += 1

    def _fault_point(self, stage: str) -> None:
        """Fault injection for crash tests (``STREAMGUARD_FAULT_INJECTION=views:N|audit:N``): die like kill -9
        after cycle N's views or audit events are acknowledged and before its offsets are committed."""
        if self.crash_after is not None and self.crash_after == (stage, self.cycles):
            log.critical("fault injection: exiting after the %s of cycle %d, before commit", stage, self.cycles)
            logging.shutdown()
            os._exit(FAULT_EXIT)

    def _commit(self, offsets: list[TopicPartition]) -> None:
        """Commit after delivery. A commit refused because the group is rebalancing is not a failure: the
        span is redelivered to the partition's next owner, which continues the audit chain after this
        cycle's events (see kafka_audit). Any other refusal stops the worker."""
        try:
            self._consumer.commit(offsets=offsets, asynchronous=False)
        except KafkaException as error:
            code = error.args[0].code()
            if code not in _REBALANCE_CODES:
                raise DeliveryError(f"offset commit refused: {error.args[0].name()}") from None
            log.warning(
                "offset commit refused during a rebalance (%s); the span will be redelivered", error.args[0].name()
            )

    def _process(self, by_partition: dict[SourcePartition, list[Message]]) -> dict[SourcePartition, ProcessedBatch]:
        batches = {}
        for source, records in by_partition.items():
            processor = self.registry.processor_for(source[0])
            if processor is None:
                raise DeliveryError(f"no rules for {source[0]} although it is subscribed")
            # The watcher may have brought a newer version since the loop last looked: its topics first.
            self._ensure_served(processor.rules.dataset, processor.rule_version, list(processor.audiences))
            try:
                batches[source] = processor.process(records)
            except Exception as error:  # what happens next is the failure policy's call, in one place
                if self.policy.on_batch_error(error) is Outcome.STOP_UNCOMMITTED:
                    log.critical("processing %s[%d] failed: %s; stopping uncommitted", *source, describe_failure(error))
                    raise
                log.error("processing %s[%d] failed, quarantining the batch: %s", *source, describe_failure(error))
                batches[source] = processor.quarantine_all(records, self.policy.bug_reason)
        return batches

    def _send_views(self, governed: GovernedBatch, deliveries: _Deliveries) -> None:
        """Every audience's view of the batch: the worker's hottest loop, so ``produce`` is called inline and
        only a full local queue takes the slow path."""
        partition, report, produce = governed.partition, deliveries.report, self._producer.produce
        headers_, timestamps = governed.headers, governed.timestamps
        for audience, topic in governed.topics.items():
            rows = zip(governed.keys[audience], governed.values[audience], headers_, timestamps, strict=True)
            for key, value, headers, timestamp in rows:
                try:
                    produce(
                        topic, value, key, partition=partition, timestamp=timestamp, headers=headers, on_delivery=report
                    )
                except BufferError:
                    self._produce(topic, value, key, partition, timestamp, headers, report)

    def _send(self, outbound: Outbound, deliveries: _Deliveries) -> None:
        self._produce(
            outbound.topic,
            outbound.value,
            outbound.key,
            outbound.partition,
            outbound.timestamp_ms,
            outbound.headers,
            deliveries.report,
        )

    def _produce(
        self,
        topic: str,
        value: bytes | None,
        key: bytes | None,
        partition: int,
        timestamp: int,
        headers: list[tuple[str, bytes]],
        report: DeliveryReport,
    ) -> None:
        while True:
            try:
                self._producer.produce(
                    topic, value, key, partition=partition, timestamp=timestamp, headers=headers, on_delivery=report
                )
                return
            except BufferError:  # the local queue is full: let librdkafka drain it, then retry
                self._producer.poll(0.05)

    def _flush(self, deliveries: _Deliveries) -> None:
        remaining = self._producer.flush(FLUSH_TIMEOUT_S)
        if remaining or deliveries.failures:
            raise DeliveryError(f"{remaining} record(s) unacknowledged; failures: {deliveries.failures[:5]}")


def _by_partition(messages: list[Message]) -> dict[SourcePartition, list[Message]]:
    grouped: dict[SourcePartition, list[Message]] = defaultdict(list)
    for message in messages:
        error = message.error()
        if error is not None:
            if error.code() != KafkaError._PARTITION_EOF:
                log.warning("consume error on %s[%s]: %s", message.topic(), message.partition(), error.name())
            continue
        grouped[(message.topic(), message.partition())].append(message)
    return grouped


def _with_offsets(outputs: dict[str, AudienceOutput], deliveries: _Deliveries) -> dict[str, AudienceOutput]:
    filled = {}
    for audience, output in outputs.items():
        span = deliveries.ranges.get((output.topic, output.partition))
        if span is not None:
            output = output.model_copy(update={"first_offset": span[0], "last_offset": span[1]})
        filled[audience] = output
    return filled
