"""Where the data path reads on after a cycle that did not commit: from an aborted cycle's first offsets (a
rebalance aborted it), or, once the cluster answers again, from the committed offsets and chain heads (the
cluster could not take it).

Waiting out the cluster: the cycle is dropped uncommitted and a fresh producer with the same transactional id
replaces the failed one; its ``init_transactions`` fences the old epoch and waits until the coordinator has
aborted or finished the old transaction, so the committed offsets (read with require_stable, as read_committed
consumers do) and the chain heads in their metadata say what that transaction did, whatever its outcome.
Retried with backoff until the cluster answers; every partition the worker owns waits meanwhile, since one
transaction spans them. ``streamguard_datapath_paused`` is 1 while it waits.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from confluent_kafka import OFFSET_BEGINNING, KafkaException, TopicPartition

from streamguard.agents import datapath_metrics
from streamguard.agents.batch import ProcessedBatch
from streamguard.agents.kafka_audit import AuditChains, SourcePartition
from streamguard.agents.kafka_ports import SinkProducer, SourceConsumer
from streamguard.core.errors import KafkaToolingError, KafkaUnavailable

log = logging.getLogger(__name__)

TRANSACTION_TIMEOUT_S = 30.0  # for the producer calls that end (or settle) a transaction
RECOVERY_BACKOFF_MAX_S = 5.0  # between attempts to resume while the cluster does not answer


def wait_out_the_cluster(
    fault: KafkaUnavailable,
    stop: threading.Event,
    producer: SinkProducer,
    new_producer: Callable[[], SinkProducer] | None,
    consumer: SourceConsumer,
    chains: AuditChains,
) -> SinkProducer:
    """Pause until the cluster answers (or ``stop``); the producer to carry on with."""
    paused = time.monotonic()
    datapath_metrics.pause_started()
    log.error("Kafka did not take a cycle (%s): paused uncommitted, resuming when the cluster answers", fault)
    attempt = 0
    while not stop.is_set():
        try:
            producer = _replaced(producer, new_producer)
            _resume_from_committed(consumer, chains)
            break
        except (KafkaException, KafkaToolingError, KafkaUnavailable) as error:
            attempt += 1
            reason = error.args[0].name() if isinstance(error, KafkaException) else str(error)
            log.warning("still waiting for the cluster (attempt %d): %s", attempt, reason)
            stop.wait(min(RECOVERY_BACKOFF_MAX_S, 0.5 * 2**attempt))
    waited = time.monotonic() - paused
    datapath_metrics.pause_ended(waited)
    log.warning("resumed after %.1f s paused: reading on from the committed offsets", waited)
    return producer


def _replaced(producer: SinkProducer, new_producer: Callable[[], SinkProducer] | None) -> SinkProducer:
    if new_producer is None:
        return producer
    fresh = new_producer()
    producer.purge()  # its records belong to the dropped transaction: never wait for them
    fresh.init_transactions(TRANSACTION_TIMEOUT_S)
    return fresh


def _resume_from_committed(consumer: SourceConsumer, chains: AuditChains) -> None:
    """Every owned partition from its committed offset and chain head."""
    assigned = consumer.assignment()
    if not assigned:
        return
    for committed in consumer.committed(assigned, timeout=TRANSACTION_TIMEOUT_S):
        chains.recover((committed.topic, committed.partition), committed.metadata)
        offset = committed.offset if committed.offset >= 0 else OFFSET_BEGINNING
        consumer.seek(TopicPartition(committed.topic, committed.partition, offset))


def rewind(consumer: SourceConsumer, firsts: dict[SourcePartition, int]) -> None:
    """Read an aborted cycle's records again, where this worker still owns their partitions (the others' new
    owners start from the committed offsets anyway)."""
    owned = {(p.topic, p.partition) for p in consumer.assignment()}
    for source, offset in firsts.items():
        if source in owned:
            consumer.seek(TopicPartition(*source, offset))


def firsts(batches: dict[SourcePartition, ProcessedBatch]) -> dict[SourcePartition, int]:
    """The first offset of each partition's batch: where its records are read again from."""
    return {source: batch.event.source.first_offset for source, batch in batches.items()}


def earliest(*offsets: dict[SourcePartition, int]) -> dict[SourcePartition, int]:
    found: dict[SourcePartition, int] = {}
    for each in offsets:
        for source, offset in each.items():
            found[source] = min(offset, found.get(source, offset))
    return found
