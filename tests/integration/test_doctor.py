"""``streamguard doctor`` on the local broker: each line ok, warn or fail with the fix, exit status 1 on a fail."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from confluent_kafka.admin import NewTopic

from harness.deployment import Deployment
from streamguard.app.services.doctor import examine
from streamguard.core.replication import Level
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka


def test_a_healthy_deployment_has_no_failure_and_says_what_it_checked(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka.bootstrap, tmp_path)  # creates the system topics, as the server would
    report = examine(deployment.settings)
    text = report.render()
    assert not report.failed, text
    assert "(KIP-447 fencing)" in text  # the brokers' transaction protocol, read from ApiVersions
    assert "ACLs enforced by StandardAuthorizer" in text
    assert f"ok    {deployment.names.audit}: evidence, 3 partition(s) x 1 replicas" in text
    assert "warn  listener PLAINTEXT://" in text
    assert "keys: active: mask, encrypt, sign, evidence, control" in text


def test_an_unwritable_evidence_topic_is_a_failure_naming_the_topic_and_the_setting(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    """A platform team's quarantine topic with min.insync.replicas above its replicas: no write can succeed."""
    prefix = f"doc{uuid.uuid4().hex[:8]}."
    quarantine = f"{prefix}quarantine"
    config = {"min.insync.replicas": "2"}
    kafka.admin.create_topics([NewTopic(quarantine, 1, 1, config=config)])[quarantine].result(30)
    deployment = Deployment(kafka.bootstrap, tmp_path, prefix=prefix)
    report = examine(deployment.settings)
    [failure] = [f for f in report.findings if f.level is Level.FAIL]
    assert failure.subject == quarantine
    assert "min.insync.replicas=2 with 1 replicas" in failure.message
    assert report.failed
