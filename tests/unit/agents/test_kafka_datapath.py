"""The data path's transactions and failure policy, driven by client doubles (no broker).

A cycle is one transaction: its views are acknowledged, then its audit events are written and acknowledged,
then its source offsets go into the transaction, which commits; nothing of it is visible before that. A
failure anywhere before the commit aborts the transaction: a rebalance has its records read again, so does a
cluster that cannot take the cycle for now (once it answers), anything else stops the loop without committing.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from confluent_kafka import OFFSET_BEGINNING, KafkaError
from prometheus_client import REGISTRY

from streamguard.agents import kafka_datapath, kafka_sends
from streamguard.core.errors import DeliveryError, KafkaUnavailable, SchemaRegistryUnavailable
from streamguard.core.reasons import INTERNAL_ERROR, REASON_HEADER
from streamguard.evidence.audit import event_leaf
from streamguard.evidence.chain import verify_chain
from streamguard.evidence.checkpoint import open_checkpoint
from streamguard.evidence.header import EVIDENCE_HEADER, Evidence
from streamguard.evidence.merkle import root_of
from tests.unit.agents.datapath_doubles import Clients, Record
from tests.unit.agents.datapath_runs import (
    AUDIENCES,
    NAMES,
    RAW,
    SIGNER,
    Registry,
    audit_events,
    customer_batch,
    run_datapath,
)


def _commits(clients: Clients) -> list[int]:
    return [event[3] for event in clients.log if event[0] == "commit"]


def test_each_cycle_commits_only_after_its_views_and_then_its_audit_are_acknowledged() -> None:
    clients, error = run_datapath([customer_batch(0, 3), customer_batch(3, 4)])
    assert error is None
    log = clients.log
    assert _commits(clients) == [3, 7]
    audit_writes = [i for i, event in enumerate(log) if event == ("produce", NAMES.audit)]
    commits = [i for i, event in enumerate(log) if event[0] == "commit"]
    for audit_write, commit in zip(audit_writes, commits, strict=True):
        views = [i for i, event in enumerate(log[:audit_write]) if event[0] == "produce" and event[1] != NAMES.audit]
        assert ("flush",) in log[views[-1] : audit_write]  # the views were acknowledged before the audit write
        assert ("flush",) in log[audit_write:commit]  # and the audit write before the commit
    second_views = log.index(("produce", NAMES.governed("customers", "analytics")), commits[0])
    assert second_views > commits[0]  # the next cycle's views go out only once the first is committed
    for audience in AUDIENCES:
        assert len(clients.producer.written[NAMES.governed("customers", audience)]) == 7
    report = verify_chain(audit_events(clients))
    assert report.intact
    assert report.missing_offsets(0, 7) == []


def test_a_batch_over_the_cycle_bytes_commits_in_several_cycles_each_within_them() -> None:
    batches = [customer_batch(0, 4), customer_batch(4, 2)]
    record_bytes = [len(record.value() or b"") for batch in batches for record in batch]
    limit = max(record_bytes)  # any one record fits, no two do
    assert 2 * min(record_bytes) > limit
    clients, error = run_datapath(batches, cycle_max_bytes=limit)
    assert error is None
    assert _commits(clients) == [1, 2, 3, 4, 5, 6]  # one transaction per record, in order
    for audience in AUDIENCES:
        assert len(clients.producer.written[NAMES.governed("customers", audience)]) == 6
    report = verify_chain(audit_events(clients))
    assert report.intact
    assert report.missing_offsets(0, 6) == []
    assert 3 * min(record_bytes) > 2 * limit
    clients, error = run_datapath(batches, cycle_max_bytes=2 * limit)  # two at a time
    assert error is None
    assert _commits(clients) == [2, 4, 6]


def test_an_unacknowledged_view_stops_the_loop_without_commit_or_audit() -> None:
    def failing(clients: Clients) -> None:
        clients.producer.failing = lambda topic: topic.endswith(".support")

    clients, error = run_datapath([customer_batch(0, 3)], prepare=failing)
    assert isinstance(error, DeliveryError)
    assert _commits(clients) == []
    assert ("produce", NAMES.audit) not in clients.log


def test_an_unacknowledged_audit_event_aborts_the_views_with_it() -> None:
    def failing(clients: Clients) -> None:
        clients.producer.failing = lambda topic: topic == NAMES.audit

    clients, error = run_datapath([customer_batch(0, 3)], prepare=failing)
    assert isinstance(error, DeliveryError)
    assert _commits(clients) == []
    assert ("abort",) in clients.log
    assert not clients.producer.written[NAMES.governed("customers", "risk")]  # acknowledged, never visible


def test_a_schema_registry_outage_settles_the_cycle_in_flight_then_stops_uncommitted() -> None:
    outage = SchemaRegistryUnavailable("schema registry: schema id 2: ConnectionError")
    clients, error = run_datapath([customer_batch(0, 3), customer_batch(3, 3, schema_id=2)], Registry(answer=outage))
    assert error is outage
    assert _commits(clients) == [3]  # the healthy cycle before the outage is settled ...
    assert len(clients.producer.written[NAMES.governed("customers", "analytics")]) == 3  # ... nothing after it
    assert not clients.producer.written[NAMES.quarantine]  # and nothing healthy is quarantined


def test_an_unknown_schema_id_is_the_records_fault_and_is_committed() -> None:
    clients, error = run_datapath([customer_batch(0, 2), customer_batch(2, 2, schema_id=2)], Registry(answer=None))
    assert error is None
    assert _commits(clients) == [2, 4]
    reasons = [dict(record.headers())[REASON_HEADER] for record in clients.producer.written[NAMES.quarantine]]
    assert reasons == [b"unknown_schema_id", b"unknown_schema_id"]


def test_a_bug_quarantines_its_batch_and_commits_without_logging_its_message(caplog: pytest.LogCaptureFixture) -> None:
    bug = RuntimeError("customer 536-22-8841 tripped it")
    with caplog.at_level(logging.ERROR):
        clients, error = run_datapath([customer_batch(0, 2), customer_batch(2, 3, schema_id=2)], Registry(answer=bug))
    assert error is None
    assert _commits(clients) == [2, 5]
    quarantined = clients.producer.written[NAMES.quarantine]
    assert [record.offset() for record in quarantined] == [0, 1, 2]
    assert {dict(record.headers())[REASON_HEADER] for record in quarantined} == {INTERNAL_ERROR.encode()}
    assert [q.reason for q in audit_events(clients)[1].quarantined] == [INTERNAL_ERROR] * 3
    assert "quarantining the batch" in caplog.text
    assert "536-22-8841" not in caplog.text


def test_a_transaction_a_rebalance_aborts_is_read_again_an_unauthorized_one_stops() -> None:
    def rebalancing(clients: Clients) -> None:
        clients.producer.refuse_offsets = KafkaError(KafkaError.REBALANCE_IN_PROGRESS, txn_requires_abort=True)

    clients, error = run_datapath([customer_batch(0, 3)], prepare=rebalancing)
    assert error is None
    assert ("abort",) in clients.log
    assert ("seek", RAW, 0, 0) in clients.log  # its records will be read again from the first
    assert not clients.producer.written[NAMES.governed("customers", "analytics")]

    def unauthorized(clients: Clients) -> None:
        clients.producer.refuse_offsets = KafkaError(KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, fatal=True)

    clients, error = run_datapath([customer_batch(0, 3)], prepare=unauthorized)
    assert isinstance(error, DeliveryError)
    assert not isinstance(error, KafkaUnavailable)
    assert "TRANSACTIONAL_ID_AUTHORIZATION_FAILED" in str(error)
    assert _commits(clients) == []


@pytest.mark.parametrize("slow", [False, True], ids=["settled after processing", "slow: settled before"])
@pytest.mark.parametrize("split", [False, True], ids=["two batches", "one batch in three cycles (bytes)"])
def test_a_batch_fetched_while_its_predecessor_aborts_is_dropped_and_read_again_after_it(
    slow: bool, split: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cycle in flight aborting sends the loop back to its first offset, and the batch fetched after it is
    not sent ahead of it, whether that cycle settles after the batch is processed or (processing has been
    slow) before, and whether the batch came in a fetch of its own or in the same fetch, past a cycle's bytes."""
    if slow:
        monkeypatch.setattr(kafka_datapath, "SLOW_PROCESSING_S", -1.0)

    def rebalancing_once(clients: Clients) -> None:
        refuse, producer = [KafkaError(KafkaError.REBALANCE_IN_PROGRESS, txn_requires_abort=True)], clients.producer
        take = producer.send_offsets_to_transaction

        def send_offsets(positions: Any, metadata: Any, timeout: float) -> None:
            producer.refuse_offsets = refuse.pop() if refuse else None
            take(positions, metadata, timeout)

        producer.send_offsets_to_transaction = send_offsets  # type: ignore[method-assign]

    read_again = customer_batch(0, 6)
    script = [customer_batch(0, 3), customer_batch(3, 3), read_again]
    limit = 1 << 24
    if split:
        script = [customer_batch(0, 6), read_again]
        limit = 2 * max(len(record.value() or b"") for record in read_again)
    clients, error = run_datapath(script, prepare=rebalancing_once, cycle_max_bytes=limit)
    assert error is None
    assert ("abort",) in clients.log
    assert ("seek", RAW, 0, 0) in clients.log
    view = clients.producer.written[NAMES.governed("customers", "analytics")]
    assert [_source_offset(record) for record in view] == list(range(6))  # each once, in order


def _pauses() -> float:
    return REGISTRY.get_sample_value("streamguard_datapath_pauses_total") or 0.0


@pytest.mark.parametrize(
    "failure",
    [
        pytest.param("views", id="a view unacknowledged: too few in-sync replicas"),
        pytest.param("offsets", id="the producer fenced: its transaction timed out"),
        pytest.param("offsets hang", id="the offsets call outlives its timeout: the group coordinator is down"),
        # librdkafka retries this inside the call and, out of time, returns it marked retriable: a coordinator
        # that moved and has not loaded the topic's metadata yet, not a topic that is gone
        pytest.param("offsets retriable", id="the offsets call runs out of retries: unknown topic, retriable"),
    ],
)
def test_a_cycle_the_cluster_cannot_take_pauses_and_resumes_from_the_committed_offsets(
    failure: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cycle is dropped, a new producer with the same transactional id replaces the failed one (fencing
    it), and the partition is read again from its committed offset: every record once, the chain unbroken."""

    def unavailable(clients: Clients) -> None:
        if failure == "views":
            clients.producer.failing = lambda topic: topic.endswith(".support")
            clients.producer.failure = KafkaError(KafkaError.NOT_ENOUGH_REPLICAS)
        elif failure == "offsets hang":
            clients.producer.offsets_hang = hung
        elif failure == "offsets retriable":
            clients.producer.refuse_offsets = KafkaError(KafkaError.UNKNOWN_TOPIC_OR_PART, retriable=True)
        else:
            clients.producer.refuse_offsets = KafkaError(KafkaError._FENCED, fatal=True)

    hung = threading.Event()
    monkeypatch.setattr(kafka_datapath, "TRANSACTION_TIMEOUT_S", 0.2)
    monkeypatch.setattr(kafka_sends, "OVERRUN_GRACE_S", 0.1)
    pauses = _pauses()
    # The second batch is fetched while the first settles: the cluster's failure drops both; after the seek
    # to the committed offset (none yet: the beginning), the consumer serves both again.
    script = [customer_batch(0, 3), customer_batch(3, 4), customer_batch(0, 3), customer_batch(3, 4)]
    clients, error = run_datapath(script, prepare=unavailable)
    assert error is None
    log = clients.log
    assert log.index(("purge",)) > log.index(("new producer",))  # the failed producer's records are dropped
    assert ("seek", RAW, 0, OFFSET_BEGINNING) in log
    assert _commits(clients) == [3, 7]
    for audience in AUDIENCES:
        assert len(clients.producer.written[NAMES.governed("customers", audience)]) == 7  # none twice
    report = verify_chain(audit_events(clients))
    assert report.intact
    assert report.missing_offsets(0, 7) == []
    assert not report.duplicate_offsets
    assert _pauses() == pauses + 1
    hung.set()  # the abandoned call returns; its producer was fenced and replaced


def test_a_revoke_settles_the_cycle_in_flight_before_its_partitions_go() -> None:
    def revoke_inside_consume(consumer: Any) -> list[Record]:
        consumer.revoke()
        return []

    clients, error = run_datapath([customer_batch(0, 3), revoke_inside_consume])
    assert error is None
    log = clients.log
    assert log.index(("commit", RAW, 0, 3)) < log.index(("unassign", 1))


def test_records_fetched_for_a_partition_revoked_inside_the_second_consume_are_not_processed() -> None:
    """The revoke runs while the batch is being filled: its records belong to the partition's next owner,
    whose chain continues from the committed head; sealing them here would restart the chain at seq 0."""

    def revoke_while_filling(consumer: Any) -> list[Record]:
        consumer.while_filling.append(lambda c: c.revoke())
        return customer_batch(3, 4)

    clients, error = run_datapath([customer_batch(0, 3), revoke_while_filling])
    assert error is None
    assert _commits(clients) == [3]
    assert [event.seq for event in audit_events(clients)] == [0]
    assert all(record.offset() < 3 for record in clients.producer.written[NAMES.governed("customers", "analytics")])


def test_checkpoints_of_the_event_log_are_signed_and_committed_with_the_events_they_cover() -> None:
    clients, error = run_datapath(
        [customer_batch(0, 2), customer_batch(2, 2), customer_batch(4, 2), customer_batch(6, 2)]
    )
    assert error is None
    events = audit_events(clients)
    notes = [record.value().decode() for record in clients.producer.written[NAMES.checkpoints]]
    checkpoints = [open_checkpoint(note, str(SIGNER.verifier_key))[0] for note in notes]
    assert [c.size for c in checkpoints] == [1, 3, 4]  # the first at once, then every 2 events, and at the stop
    for checkpoint in checkpoints:
        assert checkpoint.origin == f"test.local/audit/{RAW}:0"
        assert checkpoint.root_hash == root_of([event_leaf(event) for event in events[: checkpoint.size]])


def _source_offset(record: Record) -> int | None:
    """The source offset a view record's evidence header names (None for audit events and checkpoints)."""
    evidence = dict(record.headers()).get(EVIDENCE_HEADER)
    return Evidence.parse(evidence).source_offset if evidence else None


def test_a_view_record_failing_mid_batch_is_never_committed_and_its_retry_names_the_failure() -> None:
    # Only a view's first and last records report their delivery: the record in the middle fails silently.
    def failing(clients: Clients) -> None:
        clients.producer.failing_record = lambda record: _source_offset(record) == 2

    # The batch again after its cycle is settled (and dropped: that cycle aborted), and again after the rewind.
    clients, error = run_datapath([customer_batch(0, 5)] * 3, prepare=failing)
    assert ("commit refused",) in clients.log  # librdkafka will not commit what it could not deliver ...
    assert ("seek", RAW, 0, 0) in clients.log  # ... so the cycle is read again,
    assert isinstance(error, DeliveryError)  # with every record reporting: the failure is named and stops the loop
    assert "MSG_SIZE_TOO_LARGE" in str(error)
    assert _commits(clients) == []
    for audience in AUDIENCES:
        assert not clients.producer.written[NAMES.governed("customers", audience)]


def test_only_the_edges_of_each_view_report_delivery_again_once_a_retried_cycle_commits() -> None:
    refused: list[Record] = []

    def failing_once(clients: Clients) -> None:
        def failing_record(record: Record) -> bool:  # refused once (after librdkafka's own retries), then taken
            if _source_offset(record) == 2 and not refused:
                refused.append(record)
                return True
            return False

        clients.producer.failing_record = failing_record

    script = [customer_batch(0, 5)] * 3 + [customer_batch(5, 10)]
    clients, error = run_datapath(script, prepare=failing_once)
    assert error is None
    assert _commits(clients) == [5, 15]
    for audience in AUDIENCES:
        view = NAMES.governed("customers", audience)
        assert len(clients.producer.written[view]) == 15
        reported = [_source_offset(r) for r in clients.producer.reported if r.topic() == view]
        # the first try: its edges; the retry: every record; the next cycle: its edges again
        assert reported == [0, 4, 0, 1, 2, 3, 4, 5, 14]
