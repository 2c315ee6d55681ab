"""A purge of the evidence store on the real broker: the archive comes first and verifies offline, an edited
archive does not, the store loses exactly what was archived, and the purge is itself verified evidence."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from harness.customer_runs import customers_dataset
from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.readback import read_topic
from harness.sample_data import customers
from streamguard.core.errors import EvidenceError
from streamguard.evidence.audit import AuditEvent
from streamguard.store.evidence_store import EvidenceStore
from tests.cli_in_process import run_cli
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka


def _run(deployment: Deployment, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "streamguard", *args],
        env=deployment.env(),
        cwd=deployment.home,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_a_purge_archives_what_it_deletes_and_is_itself_audited(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka.bootstrap, tmp_path / "home")
    customers_of_the_run = customers_dataset(deployment, partitions=2)
    dataset, raw = customers_of_the_run.name, customers_of_the_run.raw
    schema_id, schema = customers_of_the_run.schema_id, customers_of_the_run.schema
    worker = deployment.start_worker()
    try:
        worker.wait_serving(raw)
        producer = RawProducer(deployment.options)
        for record in customers(40, seed=5):
            producer.send(raw, record["customer_id"].encode(), avro_payload(schema_id, schema, record))
        producer.flush()
        read_topic(deployment.options, deployment.names.governed(dataset, "analytics"), 40)
    finally:
        deployment.stop_workers()  # its last checkpoints seal every event
    archive = tmp_path / "evidence-2026.jsonl.gz"

    # the auditor's report, before the purge, says what the audit says
    reported = run_cli(
        deployment.env(), "report", "--from", "1d", "--to", "2099-01-01", "--format", "json", "--dataset", dataset
    )
    part = next(d for d in json.loads(reported.stdout)["datasets"] if d["dataset"] == dataset)
    audit = deployment.audit()
    assert part["totals"]["delivered"] == audit.delivered == 40
    assert {a["audience"]: a["records"] for a in part["audiences"]} == dict.fromkeys(
        ("analytics", "support", "risk"), 40
    )
    assert json.loads(reported.stdout)["verification"]["intact"] is True

    refused = _run(deployment, "evidence", "purge", "--older-than", "0h")
    assert refused.returncode == 2  # an archive, or an explicit --no-archive
    assert "--archive" in refused.stderr

    purged = run_cli(deployment.env(), "evidence", "purge", "--older-than", "0h", "--archive", str(archive))
    assert "archived to" in purged.stdout
    lines = [json.loads(line) for line in gzip.decompress(archive.read_bytes()).decode().splitlines()]
    archived = [AuditEvent.model_validate(line["event"]) for line in lines if line["type"] == "event"]
    assert sum(n for event in archived for first, last in event.delivered for n in [last - first + 1]) == 40

    checked = run_cli(deployment.env(), "evidence", "verify-archive", str(archive))
    assert f"{len(archived)} events" in checked.stdout

    with EvidenceStore.open(deployment.settings.resolved_evidence_store_url) as store:
        assert not [event for event in store.events() if event.kind == "records"]  # exactly what was archived went

    verified = run_cli(deployment.env(), "verify", "--all", "--json", "--no-witness-ok")
    control = json.loads(verified.stdout)["chains"][f"{deployment.names.control}:0"]
    assert control["events"] == control["checkpointed"] == 1
    purge_event = next(
        AuditEvent.from_bytes(m.value())
        for m in read_topic(deployment.options, deployment.names.control_audit)
        if AuditEvent.from_bytes(m.value()).kind == "evidence_purge"
    )
    assert purge_event.operation["archive_sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert purge_event.operation["events"] == len(archived)

    edited = tmp_path / "edited.jsonl.gz"
    text = (
        gzip.decompress(archive.read_bytes())
        .decode()
        .replace('"quarantined": []', '"quarantined": [{"offset": 0, "reason": "x"}]', 1)
    )
    edited.write_bytes(gzip.compress(text.encode()))
    rejected = run_cli(deployment.env(), "evidence", "verify-archive", str(edited), exit_code=1)
    assert "does not match its hash" in rejected.stdout

    before = archive.read_bytes()  # the only copy of what was purged: a second purge never writes over it
    again = run_cli(deployment.env(), "evidence", "purge", "--older-than", "0h", "--archive", str(archive), exit_code=1)
    assert isinstance(again.exception, EvidenceError)
    assert "exists: an archive is never overwritten" in str(again.exception)
    assert archive.read_bytes() == before
    assert purge_event.operation["control_plane"] == "none"  # no policy enforced it: the evidence says so
