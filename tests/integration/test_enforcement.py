"""One enforcement point, on the real broker with SCRAM and ACLs: the requester holds only her token, the
server's URL, her own SCRAM user and a policy file of her own making (in which the approver's token digest is
hers), and her command line cannot reach Kafka. The server, running with the control credential alone,
refuses her self-approval; her SCRAM user cannot delete the topic or write any ``streamguard.*`` topic; a
principal with no role is refused rules through every door; the approver's approval, through the same client,
deletes the topic."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AclBindingFilter, AclOperation, AclPermissionType, AdminClient, ResourcePatternType
from confluent_kafka.admin import ResourceType as KafkaResourceType

from harness.api_server import serving
from streamguard.agents.checkpoints import log_signer
from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.agents.kafka_topics import ensure_topics, system_topics
from streamguard.app.server.api import create_api
from streamguard.app.services.control.access_scoping import apply_access
from streamguard.app.services.control.callers import read_policy
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.control.tokens import token_digest
from streamguard.masking.keyring_file import generate_keyring_json, keyring_for, parse_keyring
from tests.conftest import KafkaEndpoint
from tests.integration.rule_texts import two_audience_rules
from tests.integration.scram_clients import eventually, scram_options, write_one

pytestmark = pytest.mark.kafka
ROLES = {"root": "[admin]", "alice": "[admin]", "bob": "[approver]", "nora": "[]"}


@dataclass
class Deployment:
    kafka: KafkaEndpoint
    server: Settings  # what the server runs with: the control credential, the policy, the keyring
    url: str
    tmp: Path
    users: dict[str, str]  # SCRAM user -> password
    uid: str

    def scram(self, user: str) -> dict[str, Any]:
        return scram_options(self.kafka, user, self.users[user])

    def client(self, name: str, own_policy: Path | None = None) -> dict[str, str]:
        """A principal's command line: a token, the server's URL, an empty home; no broker, keyring or policy
        of the deployment (``own_policy``: one the principal wrote, which the command line must ignore)."""
        home = self.tmp / f"{name}-home"
        home.mkdir(exist_ok=True)
        env = {"PATH": os.environ["PATH"], "STREAMGUARD_HOME": str(home), "COLUMNS": "200"}
        env |= {"STREAMGUARD_API_URL": self.url, "STREAMGUARD_TOKEN": f"{name}-token-{self.uid}"}
        env |= {"STREAMGUARD_BOOTSTRAP": "127.0.0.1:9"}  # nothing listens there: this command line reaches no Kafka
        if own_policy is not None:
            env["STREAMGUARD_POLICY"] = str(own_policy)
        return env

    def run(self, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "streamguard", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=180, cwd=self.tmp)

    def exists(self, topic: str) -> bool:
        return topic in self.kafka.admin.list_topics(timeout=15).topics


def _policy(uid: str, tokens: dict[str, str], control: str, alice: str) -> str:
    lines = ["principals:"]
    for name, roles in ROLES.items():
        user = f", kafka_user: {alice}" if name == "alice" else ""
        lines.append(f'  {name}: {{roles: {roles}, token_sha256: "{token_digest(tokens[name])}"{user}}}')
    lines += [f"control: {control}", "approvals: {quorum: 1, pending_ttl: 1h, max_grant: 8h}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def deployment(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    if not kafka.sasl_bootstrap:
        pytest.skip("the SASL listener is only known for the broker streamguard runs itself")
    uid, tmp = uuid.uuid4().hex[:8], tmp_path_factory.mktemp("enforce")
    control, alice = f"ctl-{uid}", f"alice-{uid}"
    users = {control: uuid.uuid4().hex, alice: uuid.uuid4().hex}
    home = tmp / "server"
    home.mkdir()
    whole = generate_keyring_json()  # the server holds its part: no key that signs a data chain
    (home / "keyring.json").write_text(keyring_for(whole, source="whole", holder="server"))
    data_chain_keys = str(log_signer(parse_keyring(whole, source="whole"), Settings().log_origin).verifier_key)
    policy = home / "policy.yaml"
    policy.write_text(_policy(uid, {name: f"{name}-token-{uid}" for name in ROLES}, control, alice))
    names = Settings(system_topic_prefix=f"en{uid}.").topic_names
    operator = Settings(bootstrap=kafka.bootstrap, home=home, system_topic_prefix=names.system_prefix, policy=policy)
    ensure_topics(kafka.admin, system_topics(names))
    apply_access(operator, read_policy(policy), "operator:bootstrap", [], users)  # users and ACLs, once
    server = Settings(
        bootstrap=kafka.sasl_bootstrap, security_protocol="SASL_PLAINTEXT", sasl_username=control,
        sasl_password=users[control], home=home, system_topic_prefix=names.system_prefix, policy=policy,
        log_keys=data_chain_keys,
    )  # fmt: skip
    try:
        with serving(create_api(server)) as url:
            yield Deployment(kafka, server, url, tmp, users, uid)
    finally:
        filters = [
            AclBindingFilter(KafkaResourceType.ANY, None, ResourcePatternType.ANY, f"User:{user}", None,
                             AclOperation.ANY, AclPermissionType.ANY)
            for user in users
        ]  # fmt: skip
        for future in kafka.admin.delete_acls(filters).values():
            future.result(timeout=15)


def test_the_requester_cannot_approve_her_own_request_whatever_her_command_line_holds(
    deployment: Deployment, kafka: KafkaEndpoint
) -> None:
    topic = kafka.create_topic("raw.enforce")
    forged = deployment.tmp / "alices-policy.yaml"  # bob's token digest set to alice's own token
    forged.write_text(
        "principals:\n"
        f'  alice: {{roles: [admin, approver], token_sha256: "{token_digest(f"alice-token-{deployment.uid}")}"}}\n'
        f'  bob: {{roles: [approver], token_sha256: "{token_digest(f"alice-token-{deployment.uid}")}"}}\n'
    )
    alice = deployment.client("alice", own_policy=forged)
    asked = deployment.run(alice, "request", "delete-topic", topic, "--reason", "retire it", "--json")
    assert asked.returncode == 0, asked.stderr
    request_id = asked.stdout.split('"id": "')[1].split('"')[0]

    own = deployment.run(alice, "approve", request_id, "--note", "looks fine to me")
    assert own.returncode == 2
    assert own.stderr.strip() == f"error: alice requested {request_id} and may not approve it (four eyes)"
    assert deployment.exists(topic)
    assert not list((deployment.tmp / "alice-home").iterdir())  # no keyring, store or broker state of her own

    as_alice = deployment.scram(f"alice-{deployment.uid}")  # her own SCRAM user: the broker says no
    her_admin = AdminClient(as_alice)  # kept: a future outlives nothing if its client is collected
    with pytest.raises(KafkaException) as denied:
        her_admin.delete_topics([topic])[topic].result(30)
    assert denied.value.args[0].code() == KafkaError.TOPIC_AUTHORIZATION_FAILED
    names = deployment.server.topic_names
    for system_topic in (names.approvals, names.rules, names.control_audit, names.control_checkpoints, names.audit):
        assert write_one(as_alice, system_topic) == KafkaError.TOPIC_AUTHORIZATION_FAILED, system_topic
    assert deployment.exists(topic)

    bob = deployment.client("bob")
    approved = deployment.run(bob, "approve", request_id, "--note", "checked with the owner", "--json")
    assert approved.returncode == 0, approved.stderr
    assert '"state": "executed"' in approved.stdout
    assert eventually(lambda: deployment.exists(topic), lambda there: not there, timeout_s=30) is False


def test_a_principal_with_no_role_is_refused_rules_through_every_door(deployment: Deployment) -> None:
    rules = deployment.tmp / "people.rules.yaml"
    rules.write_text(two_audience_rules(f"people_{deployment.uid}", {"email": "{class: public}"}))
    nora = deployment.client("nora")
    refusal = "nora may not submit rules: that takes the steward or admin role"
    for args in (("rules", "apply", str(rules)), ("request", "apply-rules", str(rules), "--reason", "mine")):
        refused = deployment.run(nora, *args)
        assert refused.returncode == 2, refused.stdout
        assert refused.stderr.strip() == f"error: {refusal}"
    headers = {"Authorization": f"Bearer nora-token-{deployment.uid}"}
    text = {"rules_yaml": rules.read_text(), "source_name": "people.rules.yaml"}
    with httpx.Client(base_url=deployment.url, headers=headers, timeout=60) as api:
        through_rules = api.post("/api/rules", json=text)
        asked = api.post("/api/requests", json={"operation": {"op": "apply-rules", **text}, "reason": "mine"})
        dataset_named = api.post(
            "/api/requests", json={"operation": {"op": "apply-rules", "dataset": "customers", **text}, "reason": "x"}
        )
    assert (through_rules.status_code, through_rules.json()["detail"]) == (403, refusal)
    assert (asked.status_code, asked.json()["detail"]) == (403, refusal)
    assert dataset_named.status_code == 422  # the dataset is read from the rules text, never taken from a client
    assert [problem["field"] for problem in dataset_named.json()["detail"]] == ["operation.apply-rules"]


def test_a_principal_with_no_role_may_not_have_the_server_sample_a_topic(deployment: Deployment) -> None:
    """The server reads raw records with its own credential when it samples: a principal without the steward or
    admin role is refused before anything is read, and no discover run is recorded for her."""
    refusal = "nora may not sample a topic: that takes the steward or admin role"
    refused = deployment.run(deployment.client("nora"), "discover", "raw.enforce", "--records", "5")
    assert (refused.returncode, refused.stderr.strip()) == (2, f"error: {refusal}")
    headers = {"Authorization": f"Bearer nora-token-{deployment.uid}"}
    with httpx.Client(base_url=deployment.url, headers=headers, timeout=60) as api:
        answer = api.post("/api/rules/discover", json={"topic": "raw.enforce", "records": 5})
    assert (answer.status_code, answer.json()["detail"]) == (403, refusal)
    control = read_audit_events(client_options(deployment.server), deployment.server.topic_names.control_audit)
    assert not [event for chain in control.values() for event in chain if event.kind == "discovered"]


def test_who_may_read_what_is_shown_to_admins_and_auditors_only(deployment: Deployment) -> None:
    """The access plan names every principal, topic and group prefix, and the broker's other ACLs besides."""
    answers = {}
    for name in ("nora", "root"):
        with httpx.Client(base_url=deployment.url, timeout=60) as api:
            headers = {"Authorization": f"Bearer {name}-token-{deployment.uid}"}
            answers[name] = api.get("/api/acls", headers=headers)
    assert answers["nora"].status_code == 403
    assert answers["nora"].json()["detail"] == "nora may not review access: that takes the admin or auditor role"
    assert answers["root"].status_code == 200
    assert answers["root"].json()["acls"]
