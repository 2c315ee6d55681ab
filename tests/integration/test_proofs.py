"""Per-record proofs and forensic replay on the real broker: a worker governs sample records, a proof of one
record verifies offline with the log's public key alone (and fails on one changed byte), and replaying the
chain's events reproduces every view digest with the recorded keys, and visibly not with others."""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import read_topic, source_of
from harness.sample_data import customers, structured_rules
from harness.worker_process import wait_until
from streamguard.agents.checkpoints import log_signer
from streamguard.app.main import cli
from streamguard.app.services.evidence.record_proofs import ProofNotReady, build_proof
from streamguard.app.services.evidence.replay import replay_session
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.proof_check import check_proof
from streamguard.evidence.proofs import ProofError, RecordProof
from streamguard.evidence.sessions import fold_sessions
from streamguard.masking.keys import Keyring
from streamguard.schemas import CUSTOMERS_AVSC
from streamguard.store import EvidenceStore, StoredSession
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

FIRST_BATCH, SECOND_BATCH = 12, 18
TOMBSTONE = FIRST_BATCH + SECOND_BATCH  # the last raw offset: an erasure
PROVED = 15  # a raw offset of the second event
SEED = 23


@pytest.fixture(scope="module")
def deployment(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """A worker that checkpoints each second, over two batches of customers and a tombstone on partition 0."""
    deployment = Deployment(
        kafka.bootstrap, tmp_path_factory.mktemp("proofs"), environment={"STREAMGUARD_CHECKPOINT_EVERY_S": "1"}
    )
    dataset = f"proved_{uuid.uuid4().hex[:6]}"
    deployment.dataset = dataset  # type: ignore[attr-defined]
    deployment.apply_rules(structured_rules(dataset), CUSTOMERS_AVSC.read_text())
    deployment.start_worker()
    raw = deployment.names.raw(dataset)
    deployment.workers[0].wait_serving(raw)
    schema_id, schema = deployment.producer_schema(dataset)
    records = list(customers(TOMBSTONE, seed=SEED))
    producer = RawProducer(deployment.options)
    for batch, audited in ((records[:FIRST_BATCH], FIRST_BATCH), (records[FIRST_BATCH:], TOMBSTONE)):
        for record in batch:
            producer.send(raw, record["customer_id"].encode(), avro_payload(schema_id, schema, record), partition=0)
        producer.flush()
        _wait_accounted(deployment, audited)  # one event per batch at least: a log of several leaves
    producer.send(raw, b"C0000001", None, partition=0)
    producer.flush()
    _wait_accounted(deployment, TOMBSTONE + 1)
    yield deployment
    deployment.stop_workers()


def _raw(deployment: Deployment) -> str:
    return deployment.names.raw(deployment.dataset)  # type: ignore[attr-defined]


def _chain(deployment: Deployment) -> list[AuditEvent]:
    return deployment.audit_events().get(f"{_raw(deployment)}:0", [])


def _accounted(deployment: Deployment) -> int:
    return sum(len(event.accounted_offsets()) for event in _chain(deployment))


def _wait_accounted(deployment: Deployment, offsets: int) -> None:
    wait_until(lambda: _accounted(deployment) >= offsets, 30, f"{offsets} raw offsets audited")


def _log_key(deployment: Deployment) -> str:
    return str(log_signer(deployment.keyring, deployment.settings.log_origin).verifier_key)


def _proof_once_checkpointed(deployment: Deployment, offset: int) -> RecordProof:
    built: list[RecordProof] = []

    def checkpointed() -> bool:
        try:
            built.append(build_proof(deployment.settings, _raw(deployment), 0, offset, "analytics"))
        except ProofNotReady:
            return False
        return True

    wait_until(checkpointed, 30, f"a checkpoint covering raw offset {offset}")
    return built[0]


def _cli(deployment: Deployment, *args: str, env: dict[str, str] | None = None) -> Any:
    """The command line with no policy or token: a development machine, its server in its own process."""
    return CliRunner().invoke(cli, list(args), env=deployment.env() if env is None else env)


def test_a_proved_record_verifies_offline_and_one_changed_byte_fails(deployment: Deployment, tmp_path: Path) -> None:
    _proof_once_checkpointed(deployment, PROVED)
    proof_file = tmp_path / "proof.json"
    built = _cli(
        deployment, "prove", _raw(deployment), "0", str(PROVED), "--audience", "analytics", "--out", str(proof_file)
    )
    assert built.exit_code == 0, built.output
    proof = RecordProof.from_json(proof_file.read_text(), "proof.json")
    seen = {source_of(m)[2]: m.value() for m in read_topic(deployment.options, proof.view_topic, TOMBSTONE + 1)}
    assert proof.view_value is not None
    assert base64.b64decode(proof.view_value) == seen[PROVED]  # exactly what analytics saw
    assert proof.event_index > 0  # the second event: a real path in the chain's log

    offline = {"PATH": os.environ.get("PATH", ""), "STREAMGUARD_BOOTSTRAP": "127.0.0.1:9"}  # nothing listens there
    checked = _cli(
        deployment, "prove", "--check", str(proof_file), "--log-key", _log_key(deployment), "--json", env=offline
    )
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.output) == {
        "proof": str(proof_file),
        "raw": f"{_raw(deployment)}[0]@{PROVED}",
        "audience": "analytics",
        "valid": True,
        "problems": [],
    }

    document = json.loads(proof_file.read_text())
    view = bytearray(base64.b64decode(document["view_value"]))
    view[len(view) // 2] ^= 0x20
    document["view_value"] = base64.b64encode(bytes(view)).decode()
    proof_file.write_text(json.dumps(document))
    tampered = _cli(deployment, "prove", "--check", str(proof_file), "--log-key", _log_key(deployment), env=offline)
    assert tampered.exit_code == 1
    assert f"view record {proof.view_topic}[0]@{proof.view_offset}" in tampered.output
    assert "is not included in the Merkle root of audience analytics" in tampered.output


def test_a_tombstone_is_provable_and_an_unknown_offset_is_named(deployment: Deployment) -> None:
    tombstone = _proof_once_checkpointed(deployment, TOMBSTONE)
    assert tombstone.view_value is None
    assert tombstone.view_salt is not None  # the event's digests are salted: the proof carries its view's salt
    assert check_proof(tombstone, log_keys=[_log_key(deployment)], witness_keys=[], require_witness=False) == []
    with pytest.raises(ProofError, match=rf"^{_raw(deployment)}\[0\]@10000 is not accounted for by any audit event$"):
        build_proof(deployment.settings, _raw(deployment), 0, 10_000, "analytics")
    with pytest.raises(ProofError, match="has no view for audience 'legal'"):
        build_proof(deployment.settings, _raw(deployment), 0, PROVED, "legal")


def _other_keyring(keyring: Keyring) -> Keyring:
    """The same key ids as the deployment's, other masking key bytes: the tokens a stolen id without its key
    gives (the evidence key kept, so the digests' salts are the same and only the tokens differ)."""
    kept = keyring.active["evidence"]
    return Keyring(
        {key_id: keyring.key(key_id) if key_id == kept else os.urandom(32) for key_id in keyring.key_ids},
        keyring.active,
    )


def test_replay_reproduces_every_digest_with_the_recorded_keys_only(deployment: Deployment) -> None:
    events = _chain(deployment)
    assert len(events) >= 2
    report = replay_session(deployment.settings, events, "analytics", deployment.keyring)
    assert report.matches
    assert [event.seq for event in report.events] == sorted(event.seq for event in events)
    assert all(event.view is not None and event.view.matches for event in report.events)

    other = replay_session(deployment.settings, events, "analytics", _other_keyring(deployment.keyring))
    assert not other.matches
    for replayed, event in zip(other.events, sorted(events, key=lambda e: e.seq), strict=True):
        assert replayed.view is not None
        if not event.delivered:  # an erasure alone: a tombstone is the same whatever the keys
            assert replayed.view.matches
            continue
        assert replayed.view.reproduced_digest != event.outputs["analytics"].digest
        assert replayed.view.reproduced_root != event.outputs["analytics"].merkle_root
        assert replayed.view.first_difference == 0  # the first record's pseudonym already differs

    missing = replay_session(deployment.settings, events, "analytics", Keyring({"k9": os.urandom(32)}, {}))
    assert [event.problem for event in missing.events] == [
        f"key id(s) 'k1', '{deployment.keyring.active['evidence']}' recorded by audit event {event.event_id} are not "
        "in the keyring"
        for event in sorted(events, key=lambda e: e.seq)
    ]


def test_the_replay_command_replays_a_stored_session(deployment: Deployment, tmp_path: Path) -> None:
    events = _chain(deployment)
    (session,) = fold_sessions(events, deployment.settings.session_idle_gap_s, {})
    with EvidenceStore.open(deployment.settings.resolved_evidence_store_url) as store:
        store.add_events(events)
        store.put_sessions([StoredSession.of(session)])

    replayed = _cli(deployment, "replay", session.id[:12], "--audience", "analytics", "--json")
    assert replayed.exit_code == 0, replayed.output
    report = json.loads(replayed.output)
    assert report["matches"] is True
    assert [event["seq"] for event in report["events"]] == [event.seq for event in events if event.identities]

    wide = {**deployment.env(), "COLUMNS": "200"}  # the table's rows unwrapped
    shown = _cli(deployment, "replay", session.id[:12], "--audience", "analytics", env=wide)
    assert shown.exit_code == 0, shown.output
    assert "every view reproduced" in shown.output
    replays = [e for e in deployment.control_events() if e.kind == "replayed"]  # who replayed is recorded
    assert replays[-1].operation["session"] == session.id[:12]
    assert replays[-1].operation["control_plane"] == "none"  # no policy here: the evidence says so
