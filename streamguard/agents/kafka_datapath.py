"""The governed data path: batched consume → process → one Kafka transaction per cycle, on librdkafka.

Not Faust agents: their stream layer and per-record sends cost more than masking does (BENCHMARKS.md). The
worker (``streamguard.app.server.worker``) runs this loop on its own thread; confluent-kafka batches and does I/O.

Every client is handed in (``DataPathClients``): ``kafka_clients`` builds the real ones; broker-free tests drive
the loop with doubles (what is produced, flushed and committed, in which order). What a failure does is
``failure_policy``'s decision; ``datapath_metrics`` counts what each committed cycle did, for Prometheus.

Delivery: exactly once for ``read_committed`` consumers. A cycle is one transaction of the transactional
producer: its views and quarantine records, then (their offsets known from the acknowledgements) its sealed
audit events, then its source offsets with the audit chain heads as their metadata
(``send_offsets_to_transaction`` with the consumer's group metadata), then the commit. Nothing of a cycle is
visible before all of it is, so a crash anywhere costs nothing but the work: the next owner of the partition
reads from the last committed offset and continues the chain from the committed head. A zombie worker (one
that lost its partitions but does not know it yet) is fenced by the group's generation: its transaction
aborts. The next batch is processed while a cycle's acknowledgements come in, unless processing has been
slow (a transaction must finish well within ``transaction.timeout.ms``).

Each cycle's transaction also carries the due signed checkpoints of the chains' event logs (``checkpoints``):
a checkpoint is visible exactly when the events it covers are. A chain with uncovered events gets one in a
transaction of its own once the loop is idle, and before its partition is given up. Records fetched for a
partition a rebalance took away meanwhile are dropped unprocessed: only an owner continues a chain.

A transaction a rebalance aborts mid-commit is read again from its first offsets; one the cluster cannot take
for now (a leader or coordinator moving, too few in-sync replicas, a timed-out transaction) pauses the data
path until it can (``streamguard.agents.kafka_resume``); one refused for good stops the worker uncommitted.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field

from confluent_kafka import KafkaError, KafkaException, Message, TopicPartition

from streamguard.agents import datapath_metrics
from streamguard.agents.batch import ProcessedBatch
from streamguard.agents.checkpoints import LogCheckpoints, SignedCheckpoint
from streamguard.agents.failure_policy import DEFAULT_POLICY, FailurePolicy, Outcome
from streamguard.agents.kafka_audit import AuditChains, ChainHead, SourcePartition
from streamguard.agents.kafka_consume import by_partition, lags, within_bytes
from streamguard.agents.kafka_ports import DataPathClients, SourceConsumer
from streamguard.agents.kafka_resume import TRANSACTION_TIMEOUT_S, earliest, firsts, rewind, wait_out_the_cluster
from streamguard.agents.kafka_sends import Deliveries, Sender, delivery_failure, is_transient, send_offsets_within
from streamguard.agents.rules_registry import RulesRegistry
from streamguard.core.errors import DeliveryError, KafkaToolingError, KafkaUnavailable, describe_failure
from streamguard.evidence.audit import AuditEvent, chain_key

log = logging.getLogger(__name__)

FAULT_EXIT = 137  # what a kill -9 reports
READY_MESSAGE = "rule history read"
SLOW_PROCESSING_S = 2.0  # past this, a cycle commits before the next batch is processed


@dataclass
class _InFlight:
    """A cycle whose transaction is open: views sent, not yet acknowledged, audited and committed."""

    batches: dict[SourcePartition, ProcessedBatch]
    deliveries: Deliveries
    records: int
    started: float  # monotonic time its processing started
    checkpoints: list[SignedCheckpoint] | None = None  # set once they joined the transaction
    sealed: list[AuditEvent] = field(default_factory=list)  # set once they were written


class DataPath:
    """One worker's data path; ``run`` blocks until ``stop`` is set (call it on a dedicated thread)."""

    def __init__(
        self,
        clients: DataPathClients,
        registry: RulesRegistry,
        chains: AuditChains,
        checkpoints: LogCheckpoints,
        checkpoint_topic: str,
        *,
        policy: FailurePolicy = DEFAULT_POLICY,
        batch_size: int = 5_000,
        cycle_max_bytes: int = 16 * 1024 * 1024,
        crash_after: tuple[str, int] | None = None,
    ) -> None:
        self.registry = registry
        self.chains = chains
        self.checkpoints = checkpoints
        self.checkpoint_topic = checkpoint_topic
        self.policy = policy
        self.batch_size = batch_size
        self.cycle_max_bytes = cycle_max_bytes
        self.processed = 0
        self.cycles = 0
        self.crash_after = crash_after
        self._consumer = clients.consumer
        self._producer = clients.producer
        self._new_producer = clients.new_producer
        self._send = Sender(clients.producer)
        self._topics = clients.topics
        self._rules = clients.rules
        self._subscribed: list[str] = []
        self._served: dict[str, int] = {}  # dataset -> rules version whose topics are set up
        self._in_flight: _InFlight | None = None
        self._processing_s = 0.0  # how long the last batch took to process
        self._unavailable: KafkaUnavailable | None = None  # met inside a rebalance callback, recovered after it
        self._report_every_record = False  # after a cycle that did not commit, until one does (Sender.views)

    def run(self, stop: threading.Event) -> None:
        """Read the rule history, then consume, process, deliver and commit until ``stop`` is set."""
        try:
            self._producer.init_transactions(TRANSACTION_TIMEOUT_S)
            self._read_rule_history()
            while not stop.is_set():
                try:
                    self._step(stop)
                except KafkaUnavailable as fault:
                    self._recover(fault, stop)
            self._settle_or_rewind()
            self._publish_checkpoints(self._owned_heads(), force=True)
        finally:
            self._consumer.close()
            self._rules.close()

    def _step(self, stop: threading.Event) -> None:
        """One turn of the loop: new rules, then a cycle, or (no traffic) the last cycle settled. Whatever the
        cluster failed, transiently, is raised as ``KafkaUnavailable``."""
        try:
            self._follow_rules()
            if not self._subscribed:
                stop.wait(0.5)
                return
            # Wait for the first record only, then take what is already fetched: big batches under load, no
            # added wait when traffic is light.
            messages = self._consumer.consume(1, 0.2)
            if self._unavailable is not None:
                raise self._unavailable
            if messages:
                for cycle in within_bytes(
                    messages + self._consumer.consume(self.batch_size - 1, 0), self.cycle_max_bytes
                ):
                    if not self._cycle(cycle):
                        break  # read again from an aborted cycle's offsets: so is the rest of this batch
            else:
                self._settle_or_rewind()  # no traffic: finish the last cycle now, not with the next one
                self._publish_checkpoints(self._owned_heads(), force=False)
        except KafkaException as error:
            if not is_transient(error.args[0]):
                raise
            raise KafkaUnavailable(f"the cluster refused a call: {error.args[0].name()}") from None
        except KafkaToolingError as error:  # reading back the audit or the rules, setting topics up: not now
            raise KafkaUnavailable(str(error)) from None

    def _recover(self, fault: KafkaUnavailable, stop: threading.Event) -> None:
        """The cluster did not take a cycle: drop it, wait, read on from what committed (``kafka_resume``)."""
        self._in_flight, self._unavailable = None, None
        self._report_every_record = True
        self._producer = wait_out_the_cluster(
            fault, stop, self._producer, self._new_producer, self._consumer, self.chains
        )
        self._send = Sender(self._producer)

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
        try:
            for committed in consumer.committed(partitions, timeout=30):
                self.chains.recover((committed.topic, committed.partition), committed.metadata)
        except (KafkaException, KafkaToolingError) as error:  # the cluster did not answer: recover after the callback
            self._unavailable = KafkaUnavailable(f"the chain heads of newly assigned partitions: {error}")
        consumer.incremental_assign(partitions)

    def _on_revoke(self, consumer: SourceConsumer, partitions: list[TopicPartition]) -> None:
        # Inside consume(), on this thread: the cycle in flight commits before the partitions go (aborted, only
        # partitions kept are sought: librdkafka may never serve a seek of one going), their logs checkpointed.
        sources = [(partition.topic, partition.partition) for partition in partitions]
        try:
            aborted = self._settle() or {}
            rewind(self._consumer, {source: offset for source, offset in aborted.items() if source not in sources})
            heads = self._owned_heads()
            self._publish_checkpoints({source: heads[source] for source in sources if source in heads}, force=True)
        except KafkaUnavailable as fault:  # the partitions go all the same; the loop recovers after the callback
            self._unavailable = fault
        for source in sources:
            self.chains.forget(source)
            self.checkpoints.forget(source)
        datapath_metrics.forget_partitions(sources)
        consumer.incremental_unassign(partitions)

    def _owned_heads(self) -> dict[SourcePartition, ChainHead]:
        return {
            (p.topic, p.partition): head
            for p in self._consumer.assignment()
            if (head := self.chains.head((p.topic, p.partition)))
        }

    def _publish_checkpoints(self, heads: dict[SourcePartition, ChainHead], *, force: bool) -> None:
        """A transaction of its own for the checkpoints due outside a cycle (idle, revoke, stop)."""
        due = self.checkpoints.due(heads, time.monotonic(), force=force)
        if not due:
            return
        self._producer.begin_transaction()
        try:
            self._send_checkpoints(due)
            self._producer.commit_transaction(TRANSACTION_TIMEOUT_S)
        except (KafkaException, DeliveryError) as error:
            self._abort()
            reason = error.args[0].name() if isinstance(error, KafkaException) else str(error)
            log.warning("checkpoint transaction aborted (%s); the next one covers its events", reason)
            return
        self.checkpoints.published(due)
        datapath_metrics.count_checkpoints(len(due))

    def _send_checkpoints(self, due: list[SignedCheckpoint]) -> None:
        if not due:
            return
        acknowledged = Deliveries()
        for signed in due:
            self._producer.produce(
                self.checkpoint_topic,
                signed.note.encode(),
                signed.record_key,
                partition=0,  # one partition: a deployment's checkpoints in one order
                on_delivery=acknowledged.report_keyed,
            )
        self._send.flush(acknowledged)

    # -- one cycle -------------------------------------------------------------------------------------

    def _cycle(self, messages: list[Message]) -> bool:
        """Process a batch (while the previous cycle's acknowledgements come in, when processing is quick),
        settle that cycle, then open this one's transaction and send its views. False when the consumer was
        rewound instead (an aborted cycle is read again, and everything fetched after it)."""
        started = time.monotonic()
        owned = {source: records for source, records in by_partition(messages).items() if self.chains.owns(source)}
        if self._processing_s > SLOW_PROCESSING_S:  # a slow batch must not keep a transaction open meanwhile
            aborted = self._settle()
            if aborted is not None:  # read again from there: this batch too, after the aborted one
                fetched = {source: int(batch[0].offset() or 0) for source, batch in owned.items()}
                rewind(self._consumer, earliest(aborted, fetched))
                return False
        try:
            batches = self._process(owned)
        except Exception:
            self._settle_or_rewind()  # the cycle in flight does not depend on what failed: settle it, then stop
            raise
        self._processing_s = time.monotonic() - started
        if not batches:  # every record came from a partition given up meanwhile
            return self._settle_or_rewind()
        aborted = self._settle()
        if aborted is not None:  # that cycle's records will be read again: so will this batch's
            rewind(self._consumer, earliest(aborted, firsts(batches)))
            return False
        self._producer.begin_transaction()
        deliveries = Deliveries()
        for batch in batches.values():
            self._send.views(batch.governed, deliveries, every_record=self._report_every_record)
            for outbound in batch.quarantine:
                self._send.outbound(outbound, deliveries)
        self._in_flight = _InFlight(batches, deliveries, len(messages), started)
        return True

    def _settle_or_rewind(self) -> bool:
        """Settle the cycle in flight; False when it aborted and the consumer was rewound to read it again."""
        aborted = self._settle()
        if aborted is not None:
            rewind(self._consumer, aborted)
        return aborted is None

    def _settle(self) -> dict[SourcePartition, int] | None:
        """Finish the cycle in flight: views acknowledged, audit events written and acknowledged, offsets and
        chain heads sent, transaction committed. Returns the first offsets of an aborted cycle, else None."""
        cycle, self._in_flight = self._in_flight, None
        if cycle is None:
            return None
        try:
            heads = self._audit_and_offsets(cycle)
            self._producer.commit_transaction(TRANSACTION_TIMEOUT_S)
            self._fault_point("commit")
        except KafkaException as error:
            failure: KafkaError = error.args[0]
            if failure.fatal() or not failure.txn_requires_abort():
                raise delivery_failure(failure, "transaction failed") from None
            self._abort()
            self._report_every_record = True
            log.warning("transaction aborted (%s); its records will be read again", failure.name())
            return firsts(cycle.batches)
        except KafkaUnavailable:
            raise  # recovery replaces the producer: that aborts this transaction
        except DeliveryError:
            self._abort()
            raise
        for source, head in heads.items():
            self.chains.advance(source, head)
        self._report_every_record = False
        self.checkpoints.published(cycle.checkpoints or [])
        self.processed += cycle.records
        self.cycles += 1
        datapath_metrics.count_cycle(cycle.sealed, len(cycle.checkpoints or []), time.monotonic() - cycle.started)
        datapath_metrics.observe_lag(lags(self._consumer))
        return None

    def _audit_and_offsets(self, cycle: _InFlight) -> dict[SourcePartition, ChainHead]:
        """Inside the cycle's transaction: wait for its views, write its sealed audit events, add its source
        offsets with the new chain heads as metadata. The heads, to keep once the transaction commits."""
        self._send.flush(cycle.deliveries)
        self._fault_point("views")
        sealed = {}
        audit = Deliveries()
        for source, batch in cycle.batches.items():
            event = batch.event.model_copy(update={"outputs": cycle.deliveries.with_offsets(batch.event.outputs)})
            sealed[source] = self.chains.seal(source, event)
            self._producer.produce(
                self.chains.topic,
                sealed[source].to_bytes(),
                chain_key(*source).encode(),
                partition=self.chains.partition_of(source),
                on_delivery=audit.report_keyed,
            )
        self._send.flush(audit)
        self._fault_point("audit")
        cycle.sealed = list(sealed.values())
        heads = {
            source: self.chains.head_of(source, event, audit.landed[chain_key(*source).encode()])
            for source, event in sealed.items()
        }
        offsets = [
            TopicPartition(*source, event.source.last_offset + 1, metadata=heads[source].to_metadata())
            for source, event in sealed.items()
        ]
        cycle.checkpoints = self.checkpoints.due(heads, time.monotonic())
        self._send_checkpoints(cycle.checkpoints)
        metadata = self._consumer.consumer_group_metadata()
        send_offsets_within(self._producer, offsets, metadata, TRANSACTION_TIMEOUT_S)
        self._fault_point("offsets")
        return heads

    def _abort(self) -> None:
        try:
            self._producer.abort_transaction(TRANSACTION_TIMEOUT_S)
        except KafkaException as error:  # the cluster cannot take the abort either: recovery fences it
            raise delivery_failure(error.args[0], "the transaction could not be aborted") from None

    def _fault_point(self, stage: str) -> None:
        """Crash tests (``STREAMGUARD_FAULT_INJECTION=<stage>:N``): die like kill -9 once cycle N's views or audit
        events are acknowledged, its offsets joined its transaction, or it committed."""
        if self.crash_after is not None and self.crash_after == (stage, self.cycles):
            log.critical("fault injection: exiting after the %s stage of cycle %d", stage, self.cycles)
            logging.shutdown()
            os._exit(FAULT_EXIT)

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
