"""The worker's Prometheus metrics: what the data path committed, how long its cycles took, how far behind it is.

The metrics live on prometheus_client's default registry (so the process collector's CPU, memory and file
descriptor figures come with them), and the worker serves them at ``/metrics`` on its web server.

Only committed work is counted: ``count_cycle`` is called once a cycle's transaction has committed, with the
cycle's sealed audit events, so an aborted cycle, whose records are read and processed again, is counted once,
when it finally commits. The counts are the audit's own, so a scrape and the audit trail agree.

Labels are names from the deployment, never from a record: ``dataset``, ``audience``, ``reason`` (the
quarantine reason code as the audit event records it, ``code`` or ``code:field.path``: see
``streamguard.core.reasons``), and the source ``topic`` and ``partition``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram, generate_latest

from streamguard.agents.kafka_audit import SourcePartition
from streamguard.evidence.audit import AuditEvent
from streamguard.masking.detection import TextScan, TextScanner

RECORDS_CONSUMED = Counter(
    "streamguard_records_consumed_total",
    "Source records whose cycle committed: delivered, tombstones and quarantined together.",
    ["dataset"],
)
RECORDS_DELIVERED = Counter(
    "streamguard_records_delivered_total",
    "Source records delivered masked to an audience's governed view (tombstones are counted apart).",
    ["dataset", "audience"],
)
RECORDS_QUARANTINED = Counter(
    "streamguard_records_quarantined_total",
    "Source records quarantined, by the reason code their audit event records.",
    ["dataset", "reason"],
)
TOMBSTONES = Counter(
    "streamguard_tombstones_total",
    "Tombstones (deletions) propagated to every governed view.",
    ["dataset"],
)
BATCH_RECORDS = Histogram(
    "streamguard_batch_records",
    "Source records per committed cycle (one transaction).",
    buckets=(1, 10, 50, 100, 500, 1_000, 2_000, 5_000, 10_000, 20_000),
)
CYCLE_DURATION = Histogram(
    "streamguard_cycle_duration_seconds",
    "Time from the start of a cycle's processing to the commit of its transaction.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
CONSUMER_LAG = Gauge(
    "streamguard_consumer_lag_records",
    "Records of an owned source partition not consumed yet (high watermark minus position), after a commit.",
    ["topic", "partition"],
)
DETECTION_TEXTS = Counter(
    "streamguard_detection_texts_total",
    "Texts handed to the free-text PII scanner (distinct texts of a batch; rate() gives texts per second).",
)
AUDIT_EVENTS = Counter(
    "streamguard_audit_events_total",
    "Audit events of the data path committed to the audit topic (one per source partition per cycle).",
)
CHECKPOINTS = Counter(
    "streamguard_checkpoints_total",
    "Signed checkpoints of the audit chains' logs committed to the checkpoint topic.",
)


PAUSED = Gauge(
    "streamguard_datapath_paused",
    "1 while the data path waits for the cluster (no leader, too few in-sync replicas, a coordinator moving).",
)
PAUSES = Counter("streamguard_datapath_pauses_total", "Times the data path paused, waiting for the cluster.")
PAUSE_SECONDS = Histogram(
    "streamguard_datapath_pause_seconds",
    "How long each pause lasted, from the cycle the cluster did not take to reading on.",
    buckets=(1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600),
)


def pause_started() -> None:
    PAUSED.set(1)
    PAUSES.inc()


def pause_ended(seconds: float) -> None:
    PAUSED.set(0)
    PAUSE_SECONDS.observe(seconds)


def count_cycle(events: Iterable[AuditEvent], checkpoints: int, duration_s: float) -> None:
    """A committed cycle: its sealed audit events, the checkpoints that joined its transaction, its duration."""
    records = 0
    for event in events:
        dataset = event.dataset or ""
        delivered = sum(last - first + 1 for first, last in event.delivered)
        consumed = delivered + len(event.tombstones) + len(event.quarantined)
        RECORDS_CONSUMED.labels(dataset).inc(consumed)
        for audience in event.outputs:
            RECORDS_DELIVERED.labels(dataset, audience).inc(delivered)
        for quarantined in event.quarantined:
            RECORDS_QUARANTINED.labels(dataset, quarantined.reason).inc()
        TOMBSTONES.labels(dataset).inc(len(event.tombstones))
        AUDIT_EVENTS.inc()
        records += consumed
    BATCH_RECORDS.observe(records)
    CYCLE_DURATION.observe(duration_s)
    count_checkpoints(checkpoints)


def count_checkpoints(count: int) -> None:
    CHECKPOINTS.inc(count)


def observe_lag(lags: Mapping[SourcePartition, int]) -> None:
    for (topic, partition), lag in lags.items():
        CONSUMER_LAG.labels(topic, str(partition)).set(lag)


def forget_partitions(sources: Iterable[SourcePartition]) -> None:
    """Partitions this worker gave up: their lag is their next owner's to report."""
    for topic, partition in sources:
        with contextlib.suppress(KeyError):  # never observed (older prometheus_client versions raise)
            CONSUMER_LAG.remove(topic, str(partition))


class CountingScanner:
    """A ``TextScanner`` that counts the texts it is handed, then scans them with the scanner it wraps."""

    def __init__(self, scanner: TextScanner) -> None:
        self._scanner = scanner

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
        DETECTION_TEXTS.inc(len(texts))
        return self._scanner.scan_batch(texts)


def exposition() -> tuple[bytes, str]:
    """The default registry in the Prometheus text format, and its content type: the body of ``/metrics``."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
