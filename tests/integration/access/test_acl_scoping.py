"""Access scoping on the real broker: ACLs generated from the policy, enforced over SASL/SCRAM."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer
from confluent_kafka.admin import (
    AclBinding,
    AclBindingFilter,
    AclOperation,
    AclPermissionType,
    ResourcePatternType,
    ResourceType,
)
from typer.testing import CliRunner

from harness.api_server import serving
from harness.worker_process import WorkerProcess, worker_env
from streamguard.agents.kafka_acls import read_ledger
from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.agents.kafka_rules import apply_rule_set
from streamguard.app.cli import acl_commands
from streamguard.app.server.api import create_api
from streamguard.app.services.control.access_scoping import (
    AccessApplied,
)
from streamguard.app.services.kafka_config import client_options
from streamguard.evidence.audit import chain_key
from streamguard.masking.rules import parse_rules
from tests.integration.access.deployment import ACTOR, RULES, Deployment, denied, reads
from tests.integration.scram_clients import eventually, read_first, write_one

pytestmark = pytest.mark.kafka


def test_the_first_apply_creates_the_users_and_records_the_change(
    deployment: Deployment, applied: AccessApplied
) -> None:
    first, names = applied, deployment.settings.topic_names
    assert first.users_created == sorted([deployment.user("ana"), deployment.user("crm")])
    added = {entry.key() for entry in first.plan.diff.add}
    assert added == {entry.key() for entry in first.plan.entries}
    assert added <= read_ledger(client_options(deployment.settings), names.acls).keys()
    events = read_audit_events(client_options(deployment.settings), names.control_audit)[chain_key(names.control, 0)]
    recorded = [event for event in events if event.kind == "acl_applied"]
    assert [event.event_id for event in recorded] == [first.event.event_id if first.event else None]
    assert recorded[0].worker == ACTOR
    assert {item["key"] for item in recorded[0].operation["added"]} == added
    assert recorded[0].operation["users_created"] == first.users_created
    assert all(password not in json.dumps(recorded[0].operation) for password in deployment.passwords.values())


@pytest.mark.usefixtures("applied")
def test_the_audience_principal_reads_its_view_and_is_denied_the_rest(deployment: Deployment) -> None:
    ana, group = deployment.user("ana"), f"analytics-{uuid.uuid4().hex[:6]}"
    assert reads(deployment, ana, deployment.view("analytics"), group) == b'{"id": 1}'
    assert read_first(deployment.scram(ana), deployment.raw(), group) == KafkaError.TOPIC_AUTHORIZATION_FAILED
    assert read_first(deployment.scram(ana), deployment.view("support"), group) == KafkaError.TOPIC_AUTHORIZATION_FAILED
    outside = f"bi-{uuid.uuid4().hex[:6]}"  # not one of the audience's group prefixes
    assert (
        read_first(deployment.scram(ana), deployment.view("analytics"), outside)
        == KafkaError.GROUP_AUTHORIZATION_FAILED
    )


@pytest.mark.usefixtures("applied")
def test_the_owner_writes_its_raw_topic_and_nothing_else(deployment: Deployment) -> None:
    crm = deployment.scram(deployment.user("crm"))
    assert eventually(lambda: write_one(crm, deployment.raw()), lambda code: code is None) is None  # idempotent
    assert write_one(crm, deployment.view("analytics")) == KafkaError.TOPIC_AUTHORIZATION_FAILED
    other_raw = deployment.settings.topic_names.raw(f"{deployment.dataset}_other")
    assert write_one(crm, other_raw) == KafkaError.TOPIC_AUTHORIZATION_FAILED


@pytest.mark.usefixtures("applied")
def test_a_second_apply_adds_nothing_and_a_foreign_acl_survives(
    deployment: Deployment, monkeypatch: pytest.MonkeyPatch
) -> None:
    fields = (ResourceType.TOPIC, deployment.raw(), ResourcePatternType.LITERAL, f"User:{deployment.user('ops')}")
    hand_made = AclBinding(*fields, "*", AclOperation.READ, AclPermissionType.ALLOW)
    for future in deployment.kafka.admin.create_acls([hand_made]).values():
        future.result(timeout=15)
    settings = deployment.policy()
    with serving(create_api(settings)) as url:  # the command line asks the server, which holds the credential
        monkeypatch.setenv("STREAMGUARD_API_URL", url)
        monkeypatch.setenv("STREAMGUARD_TOKEN", deployment.token)
        result = CliRunner().invoke(acl_commands.group, ["apply", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert (body["add"], body["remove"], body["event"]) == ([], [], None)
    assert f"User:{deployment.user('ops')}" in {entry["principal"] for entry in body["foreign"]}
    exactly = AclBindingFilter(*fields, "*", AclOperation.READ, AclPermissionType.ALLOW)
    survivors = deployment.kafka.admin.describe_acls(exactly).result(timeout=15)
    assert survivors == [hand_made]


@pytest.mark.usefixtures("applied")
def test_dropping_a_principal_from_the_policy_removes_her_acls(deployment: Deployment) -> None:
    bea, group = deployment.user("bea"), f"support-{uuid.uuid4().hex[:6]}"
    with_bea = deployment.policy(
        f"  bea:  {{kafka_user: {bea}}}", "  support: {principals: [bea], group_prefixes: [support-]}"
    )
    added = deployment.apply(with_bea, create_users=True)
    assert added.users_created == [bea]
    assert {entry.principal for entry in added.plan.diff.add} == {f"User:{bea}"}
    assert reads(deployment, bea, deployment.view("support"), group) == b'{"id": 1}'

    dropped = deployment.apply(deployment.policy())
    assert {entry.key() for entry in dropped.plan.diff.remove} == {entry.key() for entry in added.plan.diff.add}
    assert denied(deployment, bea, deployment.view("support"), group)
    ledger = read_ledger(client_options(deployment.settings), deployment.settings.topic_names.acls)
    assert not [key for key in ledger if f"User:{bea}" in key]
    ana_group = f"analytics-{uuid.uuid4().hex[:6]}"
    assert reads(deployment, deployment.user("ana"), deployment.view("analytics"), ana_group) == b'{"id": 1}'


def _read_until(options: dict[str, Any], topic: str, group: str, done: Callable[[bytes], bool]) -> bytes | None:
    """The first record for which ``done`` holds, read as ``options``' user (errors while ACLs settle skipped)."""
    consumer = Consumer({**options, "group.id": group, "auto.offset.reset": "earliest", "log_level": 0})
    consumer.subscribe([topic])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is not None and message.error() is None and done(bytes(message.value())):
                return bytes(message.value())
        return None
    finally:
        consumer.close()


@pytest.mark.usefixtures("applied")
def test_the_worker_user_runs_the_data_path_with_its_acls_alone(deployment: Deployment, tmp_path: Path) -> None:
    worker = deployment.user("sgw")
    deployment.passwords[worker] = uuid.uuid4().hex
    assert deployment.apply(deployment.policy(f"worker: {worker}"), create_users=True).users_created == [worker]
    assert deployment.kafka.sasl_bootstrap
    env = worker_env(
        deployment.kafka.sasl_bootstrap,
        deployment.dir,
        deployment.settings.system_topic_prefix,
        STREAMGUARD_SECURITY_PROTOCOL="SASL_PLAINTEXT",
        STREAMGUARD_SASL_USERNAME=worker,
        STREAMGUARD_SASL_PASSWORD=deployment.passwords[worker],
    )
    fresh = f"{deployment.dataset}_fresh"  # rules without topics: the worker creates them
    rules = RULES.format(dataset=fresh)
    names = deployment.settings.topic_names
    apply_rule_set(client_options(deployment.settings), names.rules, parse_rules(rules), rules, "f.yaml", None, "t")
    process = WorkerProcess(env, tmp_path / "worker.log")
    try:
        process.wait_serving(deployment.raw())
        process.wait_serving(names.raw(fresh))
        crm = deployment.scram(deployment.user("crm"))
        producer = Producer(crm)
        producer.produce(deployment.raw(), b"not json: quarantined", b"bad")  # the worker writes the quarantine
        producer.produce(deployment.raw(), b'{"id": 3, "email": "ana@example.com"}', b"3")
        assert producer.flush(15) == 0
        ana, group = deployment.scram(deployment.user("ana")), f"analytics-{uuid.uuid4().hex[:6]}"
        governed = _read_until(ana, deployment.view("analytics"), group, lambda value: json.loads(value)["id"] == 3)
    finally:
        process.stop()
    assert governed is not None, process.output()[-2000:]
    assert b"ana@example.com" not in governed  # masked for analytics
    assert "AUTHORIZATION_FAILED" not in process.output()
    as_worker = deployment.scram(worker)  # what only the server writes, the worker's credential cannot
    for topic in (names.approvals, names.rules, names.control_audit, names.control_checkpoints, names.acls):
        assert write_one(as_worker, topic) == KafkaError.TOPIC_AUTHORIZATION_FAILED, topic
    control_writer = Producer({**as_worker, "transactional.id": f"{names.control}.writer", "log_level": 0})
    with pytest.raises(KafkaException) as fenced_out:
        control_writer.init_transactions(15)
    assert fenced_out.value.args[0].code() == KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED
    deployment.apply(deployment.policy())  # the worker's ACLs go again
