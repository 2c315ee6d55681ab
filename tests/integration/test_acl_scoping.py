"""Access scoping on the real broker: ACLs generated from the policy, enforced over SASL/SCRAM.

One deployment per module (its own system prefix, so its own rules, ledger and audit topics) with a fresh
dataset X: ana (audience analytics) and crm (owner of X) are SCRAM users the first ``acl apply`` creates.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
from pydantic import SecretStr
from typer.testing import CliRunner

from harness.worker_process import WorkerProcess, worker_env
from streamguard.agents.kafka_acls import create_scram_users, read_ledger
from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.agents.kafka_rules import apply_rule_set
from streamguard.agents.kafka_topics import TopicSpec, ensure_dataset_topics, ensure_topics, system_topics
from streamguard.app.cli import acl_commands
from streamguard.app.server.api import create_api
from streamguard.app.services.control import approvals
from streamguard.app.services.control.access_scoping import (
    AccessApplied,
    apply_access,
    apply_grant,
    revoke_grant,
)
from streamguard.app.services.control.callers import Caller, authenticate, read_policy
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.control.acl_plan import TemporaryGrant, grant_acls
from streamguard.control.policy import Policy
from streamguard.control.requests import Grant, State
from streamguard.control.tokens import token_digest
from streamguard.evidence.audit import APPROVAL, chain_key
from streamguard.masking.keyring_file import generate_keyring_json
from streamguard.masking.rules import parse_rules
from tests.api_server import serving
from tests.conftest import KafkaEndpoint
from tests.integration.scram_clients import DENIED, eventually, read_first, write_one

pytestmark = pytest.mark.kafka

RULES = """
dataset: {dataset}
format: json
key: {{class: public}}
audiences:
  analytics: {{clearances: []}}
  support: {{clearances: [contact]}}
fields:
  id: {{class: public}}
  email: {{class: contact, action: hash}}
unclassified: redact
"""
POLICY = """
principals:
  root: {{roles: [admin, approver], token_sha256: "{digest}"}}
  ana:  {{kafka_user: {ana}}}
  crm:  {{kafka_user: {crm}}}
{more_principals}
audiences:
  analytics: {{principals: [ana], group_prefixes: [analytics-]}}
{more_audiences}
owners:
  {dataset}: crm
"""
ACTOR = "principal:root"


@dataclass
class Deployment:
    kafka: KafkaEndpoint
    settings: Settings
    dir: Path
    dataset: str
    token: str
    passwords: dict[str, str]  # user -> password

    def user(self, name: str) -> str:
        return f"{name}-{self.dataset[-8:]}"

    def policy(self, more_principals: str = "", more_audiences: str = "") -> Settings:
        """Settings whose policy is the base one plus these lines."""
        digest, ana, crm = token_digest(self.token), self.user("ana"), self.user("crm")
        text = POLICY.format(
            digest=digest, ana=ana, crm=crm, dataset=self.dataset, more_principals=more_principals,
            more_audiences=more_audiences,
        )  # fmt: skip
        path = self.dir / f"policy-{uuid.uuid4().hex[:6]}.yaml"
        path.write_text(text)
        return self.settings.model_copy(update={"policy": path})

    def apply(self, settings: Settings, create_users: bool = False) -> AccessApplied:
        assert settings.policy is not None
        return apply_access(settings, read_policy(settings.policy), ACTOR, [], self.passwords if create_users else None)

    def scram(self, user: str) -> dict[str, Any]:
        assert self.kafka.sasl_bootstrap
        return {
            "bootstrap.servers": self.kafka.sasl_bootstrap,
            "security.protocol": "SASL_PLAINTEXT",
            "sasl.mechanisms": "SCRAM-SHA-512",
            "sasl.username": user,
            "sasl.password": self.passwords[user],
        }

    def raw(self) -> str:
        return self.settings.topic_names.raw(self.dataset)

    def view(self, audience: str) -> str:
        return self.settings.topic_names.governed(self.dataset, audience)


@pytest.fixture(scope="module")
def deployment(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    if not kafka.sasl_bootstrap:
        pytest.skip("the SASL listener is only known for the broker streamguard runs itself")
    uid = uuid.uuid4().hex[:8]
    home = tmp_path_factory.mktemp("acl")
    token = f"sgt_{uuid.uuid4().hex}"
    settings = Settings(bootstrap=kafka.bootstrap, home=home, system_topic_prefix=f"acl{uid}.", token=SecretStr(token))
    dataset = f"acl_{uid}"
    options, names = client_options(settings), settings.topic_names
    ensure_topics(kafka.admin, system_topics(names))
    rules = RULES.format(dataset=dataset)
    apply_rule_set(options, names.rules, parse_rules(rules), rules, "x.rules.yaml", None, "test")
    ensure_dataset_topics(kafka.admin, names, dataset, ["analytics", "support"], 1)
    ensure_topics(kafka.admin, [TopicSpec(names.raw(f"{dataset}_other"))])
    producer = Producer({"bootstrap.servers": kafka.bootstrap})
    for audience in ("analytics", "support"):
        producer.produce(names.governed(dataset, audience), b'{"id": 1}', b"1")
    assert producer.flush(30) == 0
    passwords = {f"{name}-{dataset[-8:]}": uuid.uuid4().hex for name in ("ana", "crm", "bea", "gus")}
    (home / "keyring.json").write_text(generate_keyring_json())  # the server's keys
    yield Deployment(kafka, settings, home, dataset, token, passwords)
    # the broker is shared: take this module's ACLs away again
    principals = [f"User:{name}-{uid}" for name in ("ana", "crm", "bea", "gus", "sgw", "ops")]
    anything = (ResourceType.ANY, None, ResourcePatternType.ANY)
    filters = [AclBindingFilter(*anything, p, None, AclOperation.ANY, AclPermissionType.ANY) for p in principals]
    for future in kafka.admin.delete_acls(filters).values():
        future.result(timeout=15)


@pytest.fixture(scope="module")
def applied(deployment: Deployment) -> AccessApplied:
    """The first apply of the base policy, creating ana and crm."""
    return deployment.apply(deployment.policy(), create_users=True)


def adopt_with_approval(settings: Settings, policy: Policy, approver: Caller) -> None:
    """A policy file that gives more than the one in force waits for approval: ``approver`` approves it."""
    approvals.list_requests(settings)  # the server compares the file with the policy in force
    approvals.run_due(settings, policy)
    waiting = [r for r in approvals.list_requests(settings, State.PENDING) if r.operation.op == "policy-change"]
    for request in waiting:
        approvals.decide(settings, policy, approver, request.id, approving=True, text="reviewed the new principals")


def _reads(deployment: Deployment, user: str, topic: str, group: str) -> bytes | int:
    return eventually(lambda: read_first(deployment.scram(user), topic, group), lambda got: isinstance(got, bytes))


def _denied(deployment: Deployment, user: str, topic: str, group: str) -> bool:
    """Whether reading is refused, for the topic or for the group (a removal takes both)."""
    return eventually(lambda: read_first(deployment.scram(user), topic, group), lambda got: got in DENIED) in DENIED


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
    assert _reads(deployment, ana, deployment.view("analytics"), group) == b'{"id": 1}'
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
    assert _reads(deployment, bea, deployment.view("support"), group) == b'{"id": 1}'

    dropped = deployment.apply(deployment.policy())
    assert {entry.key() for entry in dropped.plan.diff.remove} == {entry.key() for entry in added.plan.diff.add}
    assert _denied(deployment, bea, deployment.view("support"), group)
    ledger = read_ledger(client_options(deployment.settings), deployment.settings.topic_names.acls)
    assert not [key for key in ledger if f"User:{bea}" in key]
    ana_group = f"analytics-{uuid.uuid4().hex[:6]}"
    assert _reads(deployment, deployment.user("ana"), deployment.view("analytics"), ana_group) == b'{"id": 1}'


@pytest.mark.usefixtures("applied")
def test_a_grant_reads_until_it_is_revoked_and_policy_acls_stay(deployment: Deployment) -> None:
    gus, settings = deployment.user("gus"), deployment.policy()
    assert settings.policy is not None
    policy = read_policy(settings.policy)
    create_scram_users(deployment.kafka.admin, {gus: deployment.passwords[gus]})
    expires = datetime.now(UTC) + timedelta(hours=1)
    grant = TemporaryGrant(gus, deployment.view("support"), "audit-", expires, f"r-{uuid.uuid4().hex[:6]}")
    assert len(apply_grant(settings, grant, ACTOR)) == 3
    group = f"audit-{uuid.uuid4().hex[:6]}"
    assert _reads(deployment, gus, deployment.view("support"), group) == b'{"id": 1}'
    assert {e.key() for e in revoke_grant(settings, policy, grant, ACTOR)} == {e.key() for e in grant_acls(grant)}
    assert _denied(deployment, gus, deployment.view("support"), group)

    ana = deployment.user("ana")  # a grant of what the policy already gives: only the new group prefix is added
    overlap = TemporaryGrant(ana, deployment.view("analytics"), "audit-", expires, f"r-{uuid.uuid4().hex[:6]}")
    assert [entry.resource_name for entry in apply_grant(settings, overlap, ACTOR)] == ["audit-"]
    assert [entry.resource_name for entry in revoke_grant(settings, policy, overlap, ACTOR)] == ["audit-"]
    assert _reads(deployment, ana, deployment.view("analytics"), f"analytics-{uuid.uuid4().hex[:6]}") == b'{"id": 1}'


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


@pytest.mark.usefixtures("applied")
def test_an_approved_grant_lets_its_principal_read_until_the_control_service_revokes_it(
    deployment: Deployment,
) -> None:
    bea, approver_token = deployment.user("bea"), f"sgt_{uuid.uuid4().hex}"
    create_scram_users(deployment.kafka.admin, {bea: deployment.passwords[bea]})
    more = f'  bea: {{kafka_user: {bea}}}\n  bob: {{roles: [approver], token_sha256: "{token_digest(approver_token)}"}}'
    settings = deployment.policy(more_principals=more)
    assert settings.policy is not None
    policy, view, group = read_policy(settings.policy), deployment.view("support"), f"{bea}-{uuid.uuid4().hex[:6]}"
    assert _denied(deployment, bea, view, group)

    root = authenticate(settings, policy)
    adopt_with_approval(settings, policy, root)  # bea and bob are new to the policy in force: root approves them
    grant = Grant(principal="bea", topic=view, seconds=6, group_prefix=f"{bea}-")
    request = approvals.request_operation(settings, policy, root, grant, "incident 4711: check the support view")
    assert request.impact["exposes"] == f"the governed view {view}"
    bob = authenticate(settings.model_copy(update={"token": SecretStr(approver_token)}), policy)
    granted = approvals.decide(settings, policy, bob, request.id, approving=True, text="for the incident")
    assert granted.state is State.EXECUTED
    assert _reads(deployment, bea, view, group) == b'{"id": 1}'

    env = worker_env(
        deployment.kafka.bootstrap, deployment.dir, deployment.settings.system_topic_prefix,
        STREAMGUARD_POLICY=str(settings.policy),
    )  # fmt: skip
    command = [sys.executable, "-m", "streamguard", "control", "run", "--interval", "1", "--verify-every", "0"]
    service = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        revoked = eventually(
            lambda: next(r for r in approvals.list_requests(settings) if r.id == request.id),
            lambda current: current.revoked_at is not None,
            timeout_s=60,
        )
    finally:
        service.terminate()
        output = service.communicate(timeout=30)[0].decode()
    assert revoked.revoked_at is not None, output
    assert granted.grant_expires_at is not None
    assert revoked.revoked_at >= granted.grant_expires_at
    assert _denied(deployment, bea, view, group)  # nobody acted: the service took the access back
    events = read_audit_events(client_options(settings), settings.topic_names.control_audit)[
        chain_key(settings.topic_names.control, 0)
    ]
    trail = [e.operation["transition"] for e in events if e.kind == APPROVAL and e.operation["request"] == request.id]
    assert trail == ["requested", "approved", "executing", "executed", "revoked"]
