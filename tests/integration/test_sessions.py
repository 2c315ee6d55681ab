"""Sessions and the evidence indexer on the real broker: a worker governs two producers' signed records, the
indexer folds its audit into sessions (one producer's records split by an idle gap), stores and publishes
them, is idempotent, rebuilds the same store from the topics, and has a witness cosign the newest checkpoints."""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from confluent_kafka import Producer
from pydantic import SecretStr
from typer.testing import CliRunner

from harness.deployment import SIGNING_IDENTITY, Deployment
from harness.raw_producer import RawProducer, json_payload
from harness.worker_process import wait_until
from streamguard.agents.checkpoints import checkpoint_record_key, log_signer
from streamguard.agents.kafka_readback import read_to_end
from streamguard.agents.kafka_topics import partition_count
from streamguard.app.main import cli
from streamguard.app.services.control import approvals
from streamguard.app.services.control.callers import authenticate, read_policy
from streamguard.app.services.evidence.indexing import IndexStats, index_evidence, witness_cursor
from streamguard.app.services.evidence.witness import FileWitnessClient, WitnessStore
from streamguard.control.requests import AlterConfig, State
from streamguard.control.tokens import token_digest
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.checkpoint import open_checkpoint, verify_cosignature
from streamguard.evidence.sessions import Session
from streamguard.masking.keyring_file import generate_keyring_json
from streamguard.store import EvidenceStore
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

IDLE_GAP_S = 3.0
REPLICA = "User:billing-replica"  # a second producer identity, with a key of its own
AUDIENCES = ("analytics", "support")
RULES = """
dataset: {dataset}
format: json
key: {{class: public}}
audiences:
  analytics: {{clearances: []}}
  support: {{clearances: [contact]}}
fields:
  invoice_id: {{class: public}}
  payer_email: {{class: contact, action: hash}}
  amount: {{class: public}}
unclassified: redact
owner: "{owner}"
signature: required
"""
BURSTS = ((SIGNING_IDENTITY, 0, 20), (REPLICA, 1, 15))  # (identity, partition, records), sent together
LATER = (SIGNING_IDENTITY, 0, 10)  # after an idle gap: a second session of the same producer
LAST = (REPLICA, 1, 5)  # governed by a second worker, once the first stopped: the consistency proof's turn
WITNESS = "witness.test/w1"


@dataclass
class Indexed:
    deployment: Deployment
    raw: str
    dataset: str
    audit: list[AuditEvent]
    witness_dir: Path
    witness_vkey: str
    runs: list[IndexStats]

    def store_url(self, name: str) -> str:
        return f"sqlite:///{self.deployment.home / name}.sqlite3"

    def witness(self) -> FileWitnessClient:
        return FileWitnessClient(self.witness_dir)


def _keyring(home: Path) -> None:
    """The harness's keyring, with a producer key for the second identity too."""
    keys = {f"producer:{SIGNING_IDENTITY}": os.urandom(32), f"producer:{REPLICA}": os.urandom(32)}
    path = home / "keyring.json"
    path.write_text(generate_keyring_json(extra_keys=keys))
    path.chmod(0o600)


def _send(deployment: Deployment, raw: str, identity: str, partition: int, count: int, first: int) -> None:
    producer = RawProducer(deployment.options, identity, deployment.keyring.key(f"producer:{identity}"))
    for number in range(first, first + count):
        invoice = {"invoice_id": f"INV-{number}", "payer_email": f"payer{number}@example.org", "amount": 10.0}
        producer.send(raw, f"INV-{number}".encode(), json_payload(invoice), int(time.time() * 1000), partition)
    producer.flush()


def _records_audited(deployment: Deployment, raw: str) -> int:
    events = [e for chain, events in deployment.audit_events().items() if chain.startswith(f"{raw}:") for e in events]
    return sum(sum(event.identities.values()) for event in events)


def _govern(deployment: Deployment, raw: str, bursts: list[list[tuple[str, int, int]]], log_name: str) -> None:
    """Run a worker over bursts of records, an idle gap apart (the bursts of one group are sent together),
    and stop it once the audit accounts for them all: it checkpoints its chains as it gives them up."""
    worker = deployment.start_worker(log_name)
    try:
        worker.wait_serving(raw)
        audited = _records_audited(deployment, raw)
        for number, group in enumerate(bursts):
            if number:
                time.sleep(IDLE_GAP_S + 1)
            for identity, partition, count in group:
                _send(deployment, raw, identity, partition, count, audited)
                audited += count
            wait_until(lambda total=audited: _records_audited(deployment, raw) == total, 30, "the bursts audited")
    finally:
        deployment.stop_workers()


@pytest.fixture(scope="module")
def indexed(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Indexed:
    """Two index runs after a first worker, two more after a second one governed a later burst."""
    home = tmp_path_factory.mktemp("sessions")
    _keyring(home)
    environment = {"STREAMGUARD_SESSION_IDLE_GAP_S": str(IDLE_GAP_S), "STREAMGUARD_CHECKPOINT_EVERY_S": "1"}
    deployment = Deployment(kafka.bootstrap, home, environment=environment)
    dataset = f"invoices_{uuid.uuid4().hex[:6]}"
    raw = deployment.names.raw(dataset)
    deployment.apply_rules(RULES.format(dataset=dataset, owner=SIGNING_IDENTITY), None)
    _govern(deployment, raw, [list(BURSTS), [LATER]], "worker1.log")
    witness_dir = home / "witness"
    witness = WitnessStore.init(witness_dir, WITNESS)
    log_vkey = str(log_signer(deployment.keyring, deployment.settings.log_origin).verifier_key)
    for partition in range(partition_count(deployment.admin, raw) or 0):
        witness.trust(f"{deployment.settings.log_origin}/{raw}:{partition}", log_vkey)
    result = Indexed(deployment, raw, dataset, [], witness_dir, witness.cosigner().vkey, [])
    with EvidenceStore.open(result.store_url("evidence")) as store:
        for _ in range(2):
            result.runs.append(index_evidence(deployment.settings, store, witness=result.witness()))
        _govern(deployment, raw, [[LAST]], "worker2.log")
        for _ in range(2):
            result.runs.append(index_evidence(deployment.settings, store, witness=result.witness()))
    result.audit = [event for events in deployment.audit_events().values() for event in events]
    return result


def _sessions(store: EvidenceStore, dataset: str) -> list[Session]:
    return [Session.model_validate_json(s.body_json) for s in store.sessions(dataset=dataset, limit=1000)]


def _snapshot(store: EvidenceStore) -> dict[str, Any]:
    """Everything the indexer derives from the topics (the witness cursors aside: a witness keeps its own)."""
    checkpoints = store.checkpoints()
    return {
        "events": [event.model_dump_json() for event in store.events()],
        "checkpoints": checkpoints,
        "cosignatures": [store.cosignatures(c.origin, c.size) for c in checkpoints],
        "sessions": store.sessions(limit=1000),
    }


def test_sessions_split_by_identity_and_idle_gap_count_what_the_audit_counts(indexed: Indexed) -> None:
    first, _, after_second_worker, _ = indexed.runs
    assert first.events_added > 0
    assert first.events_added + after_second_worker.events_added == len(indexed.audit)
    assert (first.malformed, first.witness_refusals, after_second_worker.witness_refusals) == (0, [], [])
    assert first.sessions_changed == 3
    assert after_second_worker.sessions_changed == 2  # the replica's new session, and the one it closed
    with EvidenceStore.open(indexed.store_url("evidence")) as store:
        sessions = _sessions(store, indexed.dataset)
    by_identity = sorted((s.identity, s.first_seen, s.records) for s in sessions)
    assert [(identity, records) for identity, _, records in by_identity] == [
        (REPLICA, 15),
        (REPLICA, 5),
        (SIGNING_IDENTITY, 20),
        (SIGNING_IDENTITY, 10),
    ]
    audited = {a: sum(e.outputs[a].count for e in indexed.audit if a in e.outputs) for a in AUDIENCES}
    assert {a: sum(s.deliveries[a].records for s in sessions) for a in AUDIENCES} == audited
    for session in sessions:
        assert {a: d.records for a, d in session.deliveries.items()} == dict.fromkeys(AUDIENCES, session.records)
        assert sum(span.records for span in session.partitions.values()) == session.records
        assert session.raw_topic == indexed.raw
    newest = max(sessions, key=lambda s: s.last_seen)
    assert [s.open for s in sessions if s is not newest] == [False, False, False]
    assert (newest.open, newest.identity, newest.records) == (True, REPLICA, 5)
    assert all(session.chains() == session.sealed_by.keys() for session in sessions)  # the workers sealed all


def test_a_run_after_a_run_adds_nothing(indexed: Indexed) -> None:
    assert indexed.runs[1] == IndexStats()
    assert indexed.runs[3] == IndexStats()


def test_the_newest_checkpoint_of_each_log_is_cosigned_and_republished_with_it(indexed: Indexed) -> None:
    settings = indexed.deployment.settings
    log_vkey = str(log_signer(indexed.deployment.keyring, settings.log_origin).verifier_key)
    with EvidenceStore.open(indexed.store_url("evidence")) as store:
        newest = {c.origin: c for c in store.checkpoints()}
        assert set(newest) == {f"{settings.log_origin}/{chain}" for chain in store.chains()}
        for checkpoint in newest.values():
            [cosignature] = store.cosignatures(checkpoint.origin, checkpoint.size)
            parsed, _ = open_checkpoint(checkpoint.note, log_vkey)
            assert verify_cosignature(indexed.witness_vkey, parsed, cosignature.line) == cosignature.timestamp
            assert store.cursor(witness_cursor(checkpoint.origin)) == str(checkpoint.size)
        assert indexed.runs[0].cosignatures_added == len(newest)
        assert indexed.runs[2].cosignatures_added == 1  # the replica's chain grew: cosigned by a consistency proof
        on_topic: dict[bytes, bytes] = {}
        for message in read_to_end(indexed.deployment.options, indexed.deployment.names.checkpoints):
            on_topic[message.key()] = message.value()  # the last record of a key is the one compaction keeps
        for checkpoint in newest.values():
            [cosignature] = store.cosignatures(checkpoint.origin, checkpoint.size)
            republished = on_topic[checkpoint_record_key(checkpoint.origin, checkpoint.size, cosigned=True)].decode()
            assert republished == checkpoint.note + cosignature.line


def test_sessions_are_published_on_the_compacted_sessions_topic(indexed: Indexed) -> None:
    published = {
        m.key().decode(): m.value().decode()
        for m in read_to_end(indexed.deployment.options, indexed.deployment.names.sessions)
    }
    with EvidenceStore.open(indexed.store_url("evidence")) as store:
        assert published == {s.id: s.body_json for s in store.sessions(limit=1000)}


def test_a_malformed_audit_record_is_counted_and_skipped_and_a_fresh_store_rebuilds_the_same_evidence(
    indexed: Indexed, caplog: pytest.LogCaptureFixture
) -> None:
    deployment = indexed.deployment
    producer = Producer({**deployment.options, "acks": "all"})
    producer.produce(deployment.names.audit, b"not an audit event", f"{indexed.raw}:0".encode(), partition=0)
    assert producer.flush(30) == 0
    with EvidenceStore.open(indexed.store_url("evidence")) as store, caplog.at_level(logging.ERROR):
        assert index_evidence(deployment.settings, store, witness=indexed.witness()) == IndexStats(malformed=1)
        assert f"malformed audit record at {deployment.names.audit}[0]@" in caplog.text
        assert index_evidence(deployment.settings, store, witness=indexed.witness()) == IndexStats()
        kept = _snapshot(store)
    with EvidenceStore.open(indexed.store_url("fresh")) as fresh:
        rebuilt = index_evidence(deployment.settings, fresh, witness=indexed.witness())
        assert (rebuilt.events_added, rebuilt.malformed, rebuilt.sessions_changed) == (len(indexed.audit), 1, 4)
        assert rebuilt.witness_refusals == []
        assert _snapshot(fresh) == kept


def test_the_cli_lists_and_shows_sessions_from_the_store(indexed: Indexed, monkeypatch: pytest.MonkeyPatch) -> None:
    deployment = indexed.deployment
    environment = {
        "STREAMGUARD_BOOTSTRAP": deployment.bootstrap,
        "STREAMGUARD_HOME": str(deployment.home),
        "STREAMGUARD_SYSTEM_TOPIC_PREFIX": deployment.prefix,
        "STREAMGUARD_SESSION_IDLE_GAP_S": str(IDLE_GAP_S),
        "STREAMGUARD_EVIDENCE_STORE_URL": indexed.store_url("cli"),
        "STREAMGUARD_WITNESS_URL": f"file://{indexed.witness_dir}",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    runner = CliRunner()
    listed = runner.invoke(cli, ["sessions", "list", "--dataset", indexed.dataset, "--json"])
    assert listed.exit_code == 0, listed.output
    sessions = json.loads(listed.stdout)
    assert sorted(s["records"] for s in sessions) == [5, 10, 15, 20]
    assert {"id", "dataset", "identity", "records", "first_seen", "last_seen", "deliveries"} <= set(sessions[0])
    assert sessions[0]["last_seen"] >= sessions[-1]["last_seen"]  # newest first
    replica = [s for s in sessions if s["identity"] == REPLICA]
    shown = runner.invoke(cli, ["sessions", "show", replica[0]["id"][:12], "--json", "--no-index"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout) == replica[0]
    table = runner.invoke(cli, ["sessions", "show", replica[0]["id"][:12], "--no-index"])
    assert table.exit_code == 0, table.output
    assert REPLICA in table.stdout
    assert "not yet" not in table.stdout  # every chain of the session is sealed
    recent = runner.invoke(cli, ["sessions", "list", "--since", "1h", "--identity", REPLICA, "--json", "--no-index"])
    assert [s["id"] for s in json.loads(recent.stdout)] == [s["id"] for s in replica]
    older = runner.invoke(cli, ["sessions", "list", "--until", "1h", "--json", "--no-index"])
    assert json.loads(older.stdout) == []
    again = runner.invoke(cli, ["evidence", "index"])
    assert again.exit_code == 0, again.output
    assert "indexed 0 audit events" in again.stdout
    unknown = runner.invoke(cli, ["sessions", "show", "0" * 32, "--no-index"])
    assert unknown.exit_code == 1
    bad_time = runner.invoke(cli, ["sessions", "list", "--since", "last week", "--no-index"])
    assert bad_time.exit_code == 2
    assert "not an ISO date" in bad_time.output


def test_an_operation_approved_while_a_session_is_open_is_listed_by_it(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    _keyring(tmp_path)
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "principals:\n"
        f'  ops: {{roles: [admin], token_sha256: "{token_digest("ops")}"}}\n'
        f'  bob: {{roles: [approver], token_sha256: "{token_digest("bob")}"}}\n'
    )
    deployment = Deployment(kafka.bootstrap, tmp_path, environment={"STREAMGUARD_POLICY": str(policy)})
    dataset = f"invoices_{uuid.uuid4().hex[:6]}"
    raw = deployment.names.raw(dataset)
    deployment.apply_rules(RULES.format(dataset=dataset, owner=SIGNING_IDENTITY), None)
    _govern(deployment, raw, [[BURSTS[0]]], "worker.log")
    settings, rules = deployment.settings, read_policy(policy)
    ops, bob = (authenticate(settings.model_copy(update={"token": SecretStr(n)}), rules) for n in ("ops", "bob"))
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        index_evidence(settings, store, witness=None)
        [before] = _sessions(store, dataset)
        operation = AlterConfig(topic=raw, key="retention.ms", value=str(30 * 24 * 3600 * 1000))
        request = approvals.request_operation(settings, rules, ops, operation, "keep a month")
        assert approvals.decide(settings, rules, bob, request.id, approving=True, text="ok").state is State.EXECUTED
        index_evidence(settings, store, witness=None)  # the execution alone is new: the stored session is refolded
        [after] = _sessions(store, dataset)  # within the idle gap (the default 30 min) of its last record
    assert (before.approvals, after.approvals) == ([], [request.id])
    assert after.id == before.id
