"""The worker's Prometheus metrics count what the data path committed, as its audit events record it: an aborted
cycle counts nothing until it is read again and commits, and no label carries anything read from a record.

The metrics live on the default registry, shared by every test of the process: each test compares the
samples before and after its run of the data path (driven by the client doubles, no broker)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from confluent_kafka import KafkaError
from prometheus_client import REGISTRY, Counter, Gauge, Histogram
from prometheus_client.parser import text_string_to_metric_families

from streamguard.agents import datapath_metrics
from streamguard.agents.codec import frame_wire_format
from streamguard.masking.detection import TextScan
from tests.unit.agents.datapath_doubles import Clients, Record
from tests.unit.agents.datapath_runs import AUDIENCES, NAMES, RAW, Registry, audit_events, customer_batch, run_datapath

DATASET = "customers"
CANARY = "zebra.canary.7731@example.org"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def _samples() -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in REGISTRY.collect()
        if family.name.startswith("streamguard_")
        for sample in family.samples
    }


@contextmanager
def _counting() -> Iterator[Callable[..., float]]:
    """Yields ``added(name, **labels)``: how much the block added to that sample (read once the block ended)."""
    before, after = _samples(), {}

    def added(name: str, **labels: str) -> float:
        key = (name, frozenset(labels.items()))
        return after.get(key, 0.0) - before.get(key, 0.0)

    yield added
    after.update(_samples())


def _tombstone(offset: int) -> Record:
    return Record(RAW, 0, offset, b"C0000001", None)


def test_a_committed_cycle_is_counted_as_its_audit_events_record_it() -> None:
    with _counting() as added:
        clients, error = run_datapath(
            [customer_batch(0, 3), [*customer_batch(3, 2, schema_id=2), _tombstone(5)]],
            Registry(answer=None),  # schema 2 is unknown: a fault of those records, quarantined
        )
    assert error is None
    events = audit_events(clients)
    assert len(events) == 2
    assert added("streamguard_records_consumed_total", dataset=DATASET) == 6
    for audience in AUDIENCES:  # the tombstone is counted apart
        assert added("streamguard_records_delivered_total", dataset=DATASET, audience=audience) == 3
    assert added("streamguard_records_quarantined_total", dataset=DATASET, reason="unknown_schema_id") == 2
    assert added("streamguard_tombstones_total", dataset=DATASET) == 1
    assert added("streamguard_audit_events_total") == len(events)
    checkpoints = clients.producer.written[NAMES.checkpoints]
    assert checkpoints
    assert added("streamguard_checkpoints_total") == len(checkpoints)
    assert added("streamguard_batch_records_count") == 2  # one observation per committed cycle
    assert added("streamguard_batch_records_sum") == 6
    assert added("streamguard_cycle_duration_seconds_count") == 2


def test_an_aborted_cycle_counts_nothing_and_counts_once_when_it_is_read_again_and_commits() -> None:
    rebalance = KafkaError(KafkaError.REBALANCE_IN_PROGRESS, txn_requires_abort=True)
    producers: list[Any] = []

    def rebalancing(clients: Clients) -> None:
        clients.producer.refuse_offsets = rebalance
        producers.append(clients.producer)

    def read_again(_consumer: Any) -> list[Record]:
        producers[0].refuse_offsets = None  # the rebalance is over
        return customer_batch(0, 3)

    with _counting() as added:
        clients, error = run_datapath(
            [customer_batch(0, 3), [], read_again], prepare=rebalancing
        )  # []: idle, the cycle settles
    assert error is None
    assert ("abort",) in clients.log
    assert added("streamguard_records_consumed_total", dataset=DATASET) == 3  # not 6: the aborted try counts 0
    assert added("streamguard_records_delivered_total", dataset=DATASET, audience="analytics") == 3
    assert added("streamguard_audit_events_total") == 1
    assert added("streamguard_batch_records_count") == 1


# The worker's metrics (the registry is the process's: other streamguard metrics may be in it, the API's).
WORKER_METRICS = {
    family.name
    for metric in vars(datapath_metrics).values()
    if isinstance(metric, Counter | Gauge | Histogram)
    for family in metric.describe()
}


def test_no_label_carries_a_value_read_from_a_record() -> None:
    records = customer_batch(0, 4)
    malformed = Record(RAW, 0, 4, CANARY.encode(), frame_wire_format(1, CANARY.encode()))
    with _counting() as added:
        _, error = run_datapath([[*records, malformed]])
    assert error is None
    assert added("streamguard_records_quarantined_total", dataset=DATASET, reason="undecodable:avro_body") == 1
    body, content_type = datapath_metrics.exposition()
    assert content_type.startswith("text/plain")
    text = body.decode()
    for record in records:
        assert record.key().decode() not in text  # type: ignore[union-attr]
    assert CANARY not in text
    ours = [s for f in text_string_to_metric_families(text) if f.name in WORKER_METRICS for s in f.samples]
    assert ours
    assert {label for sample in ours for label in sample.labels} <= {
        "dataset",
        "audience",
        "reason",
        "topic",
        "partition",
        "le",
    }


def test_the_lag_of_a_partition_is_its_high_watermark_minus_the_position_until_it_is_given_up() -> None:
    labels = {"topic": RAW, "partition": "0"}

    def fetched_up_to_10(clients: Clients) -> None:
        clients.consumer.high_watermarks[(RAW, 0)] = 10

    run_datapath([customer_batch(0, 3)], prepare=fetched_up_to_10)
    assert REGISTRY.get_sample_value("streamguard_consumer_lag_records", labels) == 7

    def revoke_inside_consume(consumer: Any) -> list[Record]:
        consumer.revoke()
        return []

    run_datapath([customer_batch(0, 3), revoke_inside_consume], prepare=fetched_up_to_10)
    assert REGISTRY.get_sample_value("streamguard_consumer_lag_records", labels) is None  # its next owner's


def test_the_counting_scanner_counts_the_texts_it_hands_on() -> None:
    scans = [TextScan(), TextScan(error="scanner_error:Boom")]
    handed: list[list[str]] = []

    class Scanner:
        def scan_batch(self, texts: Sequence[str]) -> list[TextScan]:
            handed.append(list(texts))
            return scans

    with _counting() as added:
        assert datapath_metrics.CountingScanner(Scanner()).scan_batch(["call me", "at home"]) is scans
    assert handed == [["call me", "at home"]]
    assert added("streamguard_detection_texts_total") == 2
