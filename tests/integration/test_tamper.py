"""Tampering with the audit topic on the real broker: every kind makes ``streamguard verify --all`` fail and name
the place; a faithful copy of the topic (re-created, other offsets) verifies.

One pipeline run makes the evidence; each case then deletes the audit topic, re-creates it with a tampered
history (written the way an attacker with write access would), and runs the command as a user would.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from confluent_kafka import KafkaException, Producer
from confluent_kafka.admin import NewTopic
from typer.testing import CliRunner

from harness.customer_runs import customers_dataset, govern_in_bursts
from harness.deployment import Deployment
from harness.readback import read_topic
from harness.worker_process import wait_until
from streamguard.agents.kafka_audit_reader import read_audit_records
from streamguard.agents.kafka_topics import AUDIT_PARTITIONS
from streamguard.app.main import cli
from streamguard.evidence.audit import AuditEvent, Quarantined, chain_key
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

BURSTS, PER_BURST = 6, 20
AuditRecords = list[tuple[int, bytes, bytes]]  # (audit partition, key, value) in topic order


@pytest.fixture(scope="module")
def evidence(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> tuple[Deployment, str, AuditRecords]:
    """A stopped deployment whose worker processed BURSTS batches, checkpointing every 2 events."""
    deployment = Deployment(kafka.bootstrap, tmp_path_factory.mktemp("tamper"))
    dataset = customers_dataset(deployment)
    raw = dataset.raw
    govern_in_bursts(deployment, dataset, BURSTS, PER_BURST, seed=11, STREAMGUARD_CHECKPOINT_EVERY_EVENTS="2")
    audit = [(m.partition(), m.key(), m.value()) for m in read_topic(deployment.options, deployment.names.audit)]
    assert len([r for r in audit if r[1] == chain_key(raw, 0).encode()]) >= 3
    return deployment, raw, audit


def _verify(deployment: Deployment) -> tuple[int, dict[str, Any]]:
    """``streamguard verify --all --json`` as a user runs it (the command line in this process: no interpreter
    start per case)."""
    run = CliRunner().invoke(cli, ["verify", "--all", "--json", "--no-witness-ok"], env=deployment.env())
    assert run.exit_code in (0, 1), run.output[-2000:]
    return run.exit_code, json.loads(run.stdout)


def _rewrite_audit(deployment: Deployment, records: AuditRecords, transactions: int = 0) -> None:
    """Delete the audit topic, re-create it, and write ``records`` (in ``transactions`` transactions, so the
    copy's offsets differ from the original's by the markers, or plainly)."""
    topic = deployment.names.audit
    deployment.admin.delete_topics([topic])[topic].result(30)
    deadline = time.monotonic() + 60
    while True:
        try:
            deployment.admin.create_topics([NewTopic(topic, AUDIT_PARTITIONS, 1)])[topic].result(30)
            break
        except KafkaException:  # still being deleted
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    config: dict[str, Any] = {**deployment.options}
    if transactions:
        config["transactional.id"] = f"tamper-{uuid.uuid4().hex[:6]}"
    producer = Producer(config)
    size = -(-len(records) // max(transactions, 1))
    chunks = [records[n : n + size] for n in range(0, len(records), size)]
    if transactions:
        producer.init_transactions(30)
    for chunk in chunks:
        if transactions:
            producer.begin_transaction()
        for partition, key, value in chunk:
            producer.produce(topic, value, key, partition=partition)
        if transactions:
            producer.commit_transaction(30)
    assert producer.flush(30) == 0
    wait_until(lambda: len(read_audit_records(deployment.options, topic)) == len(records), 60, "rewritten audit")


def _events(records: AuditRecords, raw: str) -> list[int]:
    """Positions of the chain's records."""
    return [n for n, (_p, key, _v) in enumerate(records) if key == chain_key(raw, 0).encode()]


def _event(records: AuditRecords, position: int) -> AuditEvent:
    return AuditEvent.from_bytes(records[position][2])


def _replaced(records: AuditRecords, position: int, event: AuditEvent) -> AuditRecords:
    changed = list(records)
    changed[position] = (records[position][0], records[position][1], event.to_bytes())
    return changed


def _resealed(
    records: AuditRecords, raw: str, drop: int | None = None, edit: Callable[[AuditEvent], AuditEvent] | None = None
) -> AuditRecords:
    """The chain re-hashed from the genesis hash: an attacker's history that links perfectly."""
    positions = _events(records, raw)
    kept = [p for p in positions if p != drop]
    head, seq, out = "0" * 64, 0, [r for n, r in enumerate(records) if n not in positions]
    for position in kept:
        event = _event(records, position)
        if edit is not None and position == kept[len(kept) // 2]:
            event = edit(event)
        sealed = event.sealed(seq, head)
        out.append((records[position][0], records[position][1], sealed.to_bytes()))
        head, seq = sealed.hash, seq + 1
    return out


def _edited(records: AuditRecords, raw: str) -> AuditRecords:
    position = _events(records, raw)[2]
    event = _event(records, position)
    hidden = event.model_copy(update={"quarantined": [Quarantined(offset=event.source.first_offset, reason="x")]})
    return _replaced(records, position, hidden)


def _deleted(records: AuditRecords, raw: str) -> AuditRecords:
    return [r for n, r in enumerate(records) if n != _events(records, raw)[2]]


def _inserted(records: AuditRecords, raw: str) -> AuditRecords:
    positions = _events(records, raw)
    extra = _event(records, positions[1]).sealed(2, _event(records, positions[1]).hash)
    return [
        *records[: positions[2]],
        (records[positions[1]][0], records[positions[1]][1], extra.to_bytes()),
        *records[positions[2] :],
    ]


def _reordered(records: AuditRecords, raw: str) -> AuditRecords:
    first, second = _events(records, raw)[1:3]
    swapped = list(records)
    swapped[first], swapped[second] = records[second], records[first]
    return swapped


def _forged_tail(records: AuditRecords, raw: str) -> AuditRecords:
    """A well-linked event appended that re-states the last span as quarantined (hiding what was delivered)."""
    last = _event(records, _events(records, raw)[-1])
    offsets = last.accounted_offsets()
    forged = last.model_copy(
        update={"delivered": [], "quarantined": [Quarantined(offset=o, reason="bad-avro") for o in offsets]}
    ).sealed(last.seq + 1, last.hash)
    return [*records, (records[-1][0], chain_key(raw, 0).encode(), forged.to_bytes())]


def _partial(records: AuditRecords, raw: str) -> AuditRecords:
    def half(event: AuditEvent) -> AuditEvent:
        first, last = event.delivered[0]
        return event.model_copy(update={"delivered": [(first, (first + last) // 2)], "quarantined": []})

    return _resealed(records, raw, edit=half)


CASES: dict[str, tuple[Callable[[AuditRecords, str], AuditRecords], str]] = {
    "edited": (_edited, "does not match its hash"),
    "deleted": (_deleted, "expected seq"),
    "inserted": (_inserted, "expected seq"),
    "reordered": (_reordered, "expected seq"),
    "re-hashed after a deletion": (lambda r, raw: _resealed(r, raw, drop=_events(r, raw)[2]), "log rewritten"),
    "forged event appended": (_forged_tail, "accounted for more than once"),
    "an event accounting for part of its span": (_partial, "not for its span"),
    "malformed event": (
        lambda r, raw: [*r, (r[0][0], chain_key(raw, 0).encode(), b"{not json")],
        "malformed audit event",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampering_fails_verification_and_names_the_place(
    evidence: tuple[Deployment, str, AuditRecords], case: str
) -> None:
    deployment, raw, records = evidence
    tamper, expected = CASES[case]
    _rewrite_audit(deployment, tamper(records, raw))
    status, result = _verify(deployment)
    assert status == 1
    named = [problem for problem in result["problems"] if expected in problem]
    assert named, result["problems"]
    assert any(raw in problem or deployment.names.audit in problem or "checkpoint" in problem for problem in named)


def test_a_faithful_copy_of_the_audit_topic_verifies(evidence: tuple[Deployment, str, AuditRecords]) -> None:
    deployment, raw, records = evidence
    _rewrite_audit(deployment, records, transactions=3)  # the same events at other offsets
    status, result = _verify(deployment)
    assert status == 0, result["problems"]
    chain = result["chains"][chain_key(raw, 0)]
    assert chain["checkpointed"] == chain["events"] == len(_events(records, raw))
    assert result["source_records"] == BURSTS * PER_BURST
