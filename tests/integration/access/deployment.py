"""A deployment for the access-scoping tests: its own system prefix, rules, ledger and audit topics, dataset X.

ana (audience analytics) and crm (owner of X) are SCRAM users the first ``acl apply`` creates; bea and gus are
users a test creates for its grants.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from confluent_kafka import Producer
from confluent_kafka.admin import (
    AclBindingFilter,
    AclOperation,
    AclPermissionType,
    ResourcePatternType,
    ResourceType,
)
from pydantic import SecretStr

from streamguard.agents.kafka_rules import apply_rule_set
from streamguard.agents.kafka_topics import TopicSpec, ensure_dataset_topics, ensure_topics, system_topics
from streamguard.app.services.control import approvals
from streamguard.app.services.control.access_scoping import (
    AccessApplied,
    apply_access,
)
from streamguard.app.services.control.callers import Caller, read_policy
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.control.policy import Policy
from streamguard.control.requests import State
from streamguard.control.tokens import token_digest
from streamguard.masking.keyring_file import generate_keyring_json
from streamguard.masking.rules import parse_rules
from tests.conftest import KafkaEndpoint
from tests.integration.scram_clients import DENIED, eventually, read_first, scram_options

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
        return scram_options(self.kafka, user, self.passwords[user])

    def raw(self) -> str:
        return self.settings.topic_names.raw(self.dataset)

    def view(self, audience: str) -> str:
        return self.settings.topic_names.governed(self.dataset, audience)


def deploy(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """A module's deployment, its ACLs taken away again when the module is done (the broker is shared)."""
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


def adopt_with_approval(settings: Settings, policy: Policy, approver: Caller) -> None:
    """A policy file that gives more than the one in force waits for approval: ``approver`` approves it."""
    approvals.list_requests(settings)  # the server compares the file with the policy in force
    approvals.run_due(settings, policy)
    waiting = [r for r in approvals.list_requests(settings, State.PENDING) if r.operation.op == "policy-change"]
    for request in waiting:
        approvals.decide(settings, policy, approver, request.id, approving=True, text="reviewed the new principals")


def reads(deployment: Deployment, user: str, topic: str, group: str) -> bytes | int:
    return eventually(lambda: read_first(deployment.scram(user), topic, group), lambda got: isinstance(got, bytes))


def denied(deployment: Deployment, user: str, topic: str, group: str) -> bool:
    """Whether reading is refused, for the topic or for the group (a removal takes both)."""
    return eventually(lambda: read_first(deployment.scram(user), topic, group), lambda got: got in DENIED) in DENIED
