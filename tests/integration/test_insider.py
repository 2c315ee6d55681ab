"""The insider's test of the log, on the real broker: someone with a worker's keyring and environment rewrites
a data chain's history (an event that delivered a span now says it quarantined it), re-hashes every event
after it and re-signs checkpoints of the rewritten log with the workers' own signing key. Against the witness
key the auditor pinned, ``verify`` fails and names the chain; without one it cannot tell, and says so on its
first line with its own exit status."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from confluent_kafka import KafkaException, Producer
from confluent_kafka.admin import NewTopic
from typer.testing import CliRunner

from harness.customer_runs import customers_dataset, govern_in_bursts
from harness.deployment import Deployment
from streamguard.agents.checkpoints import checkpoint_record_key, log_signer
from streamguard.agents.kafka_audit import audit_partition_of
from streamguard.agents.kafka_topics import AUDIT_PARTITIONS, COMPACTED
from streamguard.app.cli.verify_commands import NO_WITNESS_EXIT
from streamguard.app.main import cli
from streamguard.app.services.evidence.indexing import index_evidence
from streamguard.app.services.evidence.witness import FileWitnessClient, WitnessStore
from streamguard.evidence.audit import Quarantined, chain_key, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.merkle import root_of
from streamguard.store import EvidenceStore
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka
BATCHES, PER_BATCH = 4, 10


def _verify(deployment: Deployment, *args: str, **env: str) -> tuple[int, str, dict[str, object]]:
    """``streamguard verify --all`` as the auditor runs it; (exit status, first line of the table form, JSON)."""
    environment = deployment.env(COLUMNS="200", **env)
    shown = CliRunner().invoke(cli, ["verify", "--all", *args], env=environment)
    as_json = CliRunner().invoke(cli, ["verify", "--all", "--json", *args], env=environment)
    assert shown.exit_code == as_json.exit_code, shown.output
    return shown.exit_code, shown.stdout.splitlines()[0], json.loads(as_json.stdout)


def test_a_history_rewritten_and_re_signed_with_the_workers_key_fails_against_the_pinned_witness(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    deployment = Deployment(kafka.bootstrap, tmp_path / "home")
    dataset = customers_dataset(deployment)
    raw = dataset.raw
    govern_in_bursts(deployment, dataset, BATCHES, PER_BATCH, seed=3, STREAMGUARD_CHECKPOINT_EVERY_EVENTS="1")

    keyring, origin_prefix = deployment.keyring, deployment.settings.log_origin
    witness_dir = tmp_path / "witness"  # outside the cluster's trust: the auditor pins its key
    witness = WitnessStore.init(witness_dir, "witness.test/w1")
    witness.trust(f"{origin_prefix}/*", str(log_signer(keyring, origin_prefix).verifier_key))
    with EvidenceStore.open(deployment.settings.resolved_evidence_store_url) as store:
        stats = index_evidence(deployment.settings, store, witness=FileWitnessClient(witness_dir))
    assert stats.cosignatures_added
    assert not stats.witness_refusals
    pinned = witness.cosigner().vkey
    status, _first, intact = _verify(deployment, "--witness-key", pinned)
    assert (status, intact["problems"]) == (0, [])

    original = [event for event in deployment.audit_events()[chain_key(raw, 0)] if event.kind == "records"]
    assert len(original) >= 3
    rewritten, previous = [original[0]], original[0].hash
    for event in original[1:]:  # the first batch stays delivered; the rest now say they were quarantined
        hidden = [Quarantined(offset=offset, reason="x") for offset in event.accounted_offsets()]
        forged = event.model_copy(update={"delivered": [], "quarantined": hidden}).sealed(event.seq, previous)
        rewritten.append(forged)
        previous = forged.hash
    signer, leaves = log_signer(keyring, origin_prefix), [event_leaf(event) for event in rewritten]
    origin = f"{origin_prefix}/{chain_key(raw, 0)}"
    notes = [  # re-signed with the workers' key: a checkpoint of the rewritten log at every size
        (checkpoint_record_key(origin, size), sign_checkpoint(Checkpoint(origin, size, root_of(leaves[:size])), signer))
        for size in range(1, len(leaves) + 1)
    ]
    audit, checkpoints = deployment.names.audit, deployment.names.checkpoints
    partition = audit_partition_of((raw, 0), AUDIT_PARTITIONS)
    _recreate(
        deployment, audit, AUDIT_PARTITIONS, [(partition, chain_key(raw, 0).encode(), e.to_bytes()) for e in rewritten]
    )
    _recreate(deployment, checkpoints, 1, [(0, key, note.encode()) for key, note in notes], COMPACTED)

    status, _first, pinned_result = _verify(deployment, "--witness-key", pinned)
    assert status == 1  # the store's cosigned checkpoints of the true history do not match the rewrite
    assert any(chain_key(raw, 0) in problem for problem in pinned_result["problems"]), pinned_result["problems"]

    elsewhere = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"  # an auditor holding no copy of what the witness saw
    status, first_line, unpinned = _verify(deployment, STREAMGUARD_EVIDENCE_STORE_URL=elsewhere)
    assert unpinned["problems"] == []  # a perfect rewrite: the topics alone cannot tell it from the truth...
    assert first_line.startswith("⚠ no witness key is trusted")  # ...and verify says so, first
    assert status == NO_WITNESS_EXIT
    fresh_store = {"STREAMGUARD_EVIDENCE_STORE_URL": elsewhere}
    status, _first, pinned_fresh = _verify(deployment, "--witness-key", pinned, **fresh_store)
    assert status == 1  # the witness never cosigned the rewritten log
    assert any("cosigned by witness.test/w1" in problem for problem in pinned_fresh["problems"])


def _recreate(
    deployment: Deployment,
    topic: str,
    partitions: int,
    records: list[tuple[int, bytes, bytes]],
    config: dict[str, str] | None = None,
) -> None:
    """Delete ``topic``, create it again, write ``records`` (partition, key, value): what an insider with the
    cluster's admin rights does to make a rewrite look like the only history there ever was."""
    deployment.admin.delete_topics([topic])[topic].result(30)
    deadline = time.monotonic() + 60
    while True:
        try:
            deployment.admin.create_topics([NewTopic(topic, partitions, 1, config=config or {})])[topic].result(30)
            break
        except KafkaException:  # still being deleted
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    producer = Producer(deployment.options)
    for partition, key, value in records:
        producer.produce(topic, value, key, partition=partition)
    assert producer.flush(30) == 0
