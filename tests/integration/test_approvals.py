"""Just-in-time approvals on the real broker: four eyes, roles, quorum, expiry, execution through the admin API,
rule changes that wait or apply at once, and every transition in the audit stream."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import ClassVar

import pytest
from confluent_kafka import ConsumerGroupTopicPartitions, Producer, TopicPartition
from confluent_kafka.admin import ConfigResource, ResourceType
from pydantic import SecretStr
from typer.testing import CliRunner, Result

from harness.api_server import serving
from harness.worker_process import worker_env
from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.agents.kafka_rules import read_rule_history
from streamguard.app.main import cli as cli_app
from streamguard.app.server.api import create_api
from streamguard.app.services.control import approvals, rules_service
from streamguard.app.services.control.callers import Caller, authenticate, read_policy
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.rules_texts import rules_request
from streamguard.app.settings import Settings
from streamguard.control.policy import Policy
from streamguard.control.requests import (
    AddPartitions,
    AlterConfig,
    DeleteGroup,
    DeleteTopic,
    Request,
    ResetOffsets,
    State,
)
from streamguard.control.tokens import token_digest
from streamguard.core.errors import AuthenticationError, PermissionDenied, RequestStateError
from streamguard.core.rule_sets import latest_versions
from streamguard.evidence.audit import APPROVAL
from streamguard.masking.keyring_file import generate_keyring_json
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka
PRINCIPALS = ("root", "sam", "bob", "carol")


def _policy_text(quorum: int, ttl: str = "1h") -> str:
    lines = [
        "principals:",
        f'  root:  {{roles: [admin], token_sha256: "{token_digest("root-token")}"}}',
        f'  sam:   {{roles: [steward], token_sha256: "{token_digest("sam-token")}"}}',
        f'  bob:   {{roles: [approver], token_sha256: "{token_digest("bob-token")}"}}',
        f'  carol: {{roles: [approver, admin], token_sha256: "{token_digest("carol-token")}"}}',
        f"approvals: {{quorum: {quorum}, pending_ttl: {ttl}, max_grant: 8h}}",
    ]
    return "\n".join(lines) + "\n"


class Deployment:
    """One isolated deployment (its own system topics) and a policy; callers act in-process."""

    def __init__(self, kafka: KafkaEndpoint, home: Path, quorum: int = 1, ttl: str = "1h") -> None:
        self.home, self.kafka = home, kafka
        self.prefix = f"ap{uuid.uuid4().hex[:8]}."
        self.policy_file = home / "policy.yaml"
        self.policy_file.write_text(_policy_text(quorum, ttl))
        (home / "keyring.json").write_text(generate_keyring_json())  # the server's keys, the control key among them
        self.settings = Settings(
            bootstrap=kafka.bootstrap, home=home, system_topic_prefix=self.prefix, policy=self.policy_file
        )

    @property
    def policy(self) -> Policy:
        return read_policy(self.policy_file)

    def caller(self, name: str) -> Caller:
        as_them = self.settings.model_copy(update={"token": SecretStr(f"{name}-token")})
        return authenticate(as_them, self.policy)

    def request_delete(self, topic: str, who: str = "root") -> str:
        operation = DeleteTopic(topic=topic)
        return approvals.request_operation(self.settings, self.policy, self.caller(who), operation, "retire it").id

    def decide(self, request_id: str, who: str, approving: bool = True, text: str = "ok") -> State:
        caller = self.caller(who)
        return approvals.decide(self.settings, self.policy, caller, request_id, approving=approving, text=text).state

    def transitions(self) -> list[tuple[str, str]]:
        events = read_audit_events(client_options(self.settings), self.settings.topic_names.control_audit)
        control = [e for chain in events.values() for e in chain if e.kind == APPROVAL]
        return [(e.operation["request"], e.operation["transition"]) for e in sorted(control, key=lambda e: e.seq)]

    def env(self, token: str) -> dict[str, str]:
        return worker_env(
            self.kafka.bootstrap, self.home, self.prefix, STREAMGUARD_POLICY=str(self.policy_file),
            STREAMGUARD_TOKEN=token, COLUMNS="200",
        )  # fmt: skip


def _topic_exists(kafka: KafkaEndpoint, topic: str) -> bool:
    return topic in kafka.admin.list_topics(timeout=15).topics


def test_an_approved_topic_deletion_deletes_the_topic_once_and_only_after_four_eyes(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    deployment = Deployment(kafka, tmp_path)
    topic = kafka.create_topic("raw.retired", partitions=2)
    request_id = deployment.request_delete(topic, who="carol")  # carol is an approver and an admin

    with pytest.raises(PermissionDenied, match="four eyes"):
        deployment.decide(request_id, "carol")
    with pytest.raises(PermissionDenied, match="root may not approve"):
        deployment.decide(request_id, "root")
    assert _topic_exists(kafka, topic)

    assert deployment.decide(request_id, "bob") is State.EXECUTED
    deadline = time.monotonic() + 30
    while _topic_exists(kafka, topic) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _topic_exists(kafka, topic)
    with pytest.raises(RequestStateError, match="executed, not pending"):
        deployment.decide(request_id, "bob")
    assert deployment.transitions() == [
        (request_id, "requested"), (request_id, "approved"), (request_id, "executing"), (request_id, "executed"),
    ]  # fmt: skip


def test_a_quorum_of_two_needs_two_distinct_approvers(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka, tmp_path, quorum=2)
    topic = kafka.create_topic("raw.quorum")
    request_id = deployment.request_delete(topic)

    assert deployment.decide(request_id, "bob") is State.PENDING
    with pytest.raises(RequestStateError, match="bob already approved"):
        deployment.decide(request_id, "bob")
    assert _topic_exists(kafka, topic)
    assert deployment.decide(request_id, "carol") is State.EXECUTED
    assert [t for _, t in deployment.transitions()] == ["requested", "approval", "approved", "executing", "executed"]


def test_an_expired_request_never_executes(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka, tmp_path, ttl="2s")
    topic = kafka.create_topic("raw.expiring")
    request_id = deployment.request_delete(topic)
    time.sleep(2.5)

    with pytest.raises(RequestStateError, match="expired"):
        deployment.decide(request_id, "bob")
    assert _topic_exists(kafka, topic)
    assert [r.state for r in approvals.list_requests(deployment.settings)] == [State.EXPIRED]
    assert approvals.run_due(deployment.settings, deployment.policy) == []  # recorded already: nothing left to do
    assert deployment.transitions() == [(request_id, "requested"), (request_id, "expired")]


def test_a_denial_needs_a_reason_and_nothing_runs(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka, tmp_path)
    topic = kafka.create_topic("raw.denied")
    request_id = deployment.request_delete(topic)
    with pytest.raises(PermissionDenied, match="needs a reason"):
        deployment.decide(request_id, "bob", approving=False, text=" ")
    assert deployment.decide(request_id, "bob", approving=False, text="not before the audit") is State.DENIED
    assert _topic_exists(kafka, topic)


def test_the_command_line_asks_the_server_prints_id_and_state_and_refuses_self_approval(
    kafka: KafkaEndpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deployment = Deployment(kafka, tmp_path)
    topic = kafka.create_topic("raw.cli")
    client_home = tmp_path / "client"  # the client's own home: no broker, keyring or policy of its own
    client_home.mkdir()

    with serving(create_api(deployment.settings)) as url:

        def client_env(token: str) -> dict[str, str]:
            return {
                "PATH": os.environ["PATH"], "STREAMGUARD_API_URL": url, "STREAMGUARD_TOKEN": token,
                "STREAMGUARD_HOME": str(client_home), "COLUMNS": "200",
            }  # fmt: skip

        def cli(token: str, *args: str) -> subprocess.CompletedProcess[str]:
            """The installed command, as a user runs it: streamguard's errors are one line and exit status 2."""
            command = [sys.executable, "-m", "streamguard", *args]
            return subprocess.run(command, env=client_env(token), capture_output=True, text=True, timeout=120)

        def in_process(token: str, *args: str) -> Result:
            for name in ("STREAMGUARD_BOOTSTRAP", "STREAMGUARD_POLICY", "STREAMGUARD_SYSTEM_TOPIC_PREFIX"):
                monkeypatch.delenv(name, raising=False)
            for name, value in client_env(token).items():
                monkeypatch.setenv(name, value)
            return CliRunner().invoke(cli_app, list(args))

        missing_reason = in_process("root-token", "request", "delete-topic", topic)
        assert missing_reason.exit_code == 2
        assert "--reason" in missing_reason.output
        requested = cli("root-token", "request", "delete-topic", topic, "--reason", "retire", "--json")
        assert requested.returncode == 0, requested.stderr
        answer = json.loads(requested.stdout)
        assert answer["state"] == "pending"
        own = cli("root-token", "approve", answer["id"], "--json")
        assert own.returncode == 2
        assert own.stderr.strip() == f"error: root requested {answer['id']} and may not approve it (four eyes)"
        assert answer["id"] in in_process("bob-token", "approvals", "list", "--state", "pending").stdout
        approved = cli("bob-token", "approve", answer["id"], "--note", "checked", "--json")
        assert json.loads(approved.stdout) == {"id": answer["id"], "state": "executed"}
        unknown = in_process("nobody-token", "approvals", "list")
        assert isinstance(unknown.exception, AuthenticationError)
        assert "a valid bearer token is required" in str(unknown.exception)
    assert not list(client_home.iterdir())  # the client made no keyring, store or broker state of its own


RULES = """\
dataset: {dataset}
format: json
audiences:
  analytics: {{clearances: []}}
  support: {{clearances: [contact]}}
fields:
  name:  {{class: contact, action: pseudonymize}}
  email: {{class: contact, action: {email_action}}}
  plan:  {{class: public}}
key: {{class: public}}
"""


def test_rules_that_reduce_protection_wait_for_approval_while_tighter_ones_apply_at_once(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    deployment = Deployment(kafka, tmp_path)
    dataset = f"people_{uuid.uuid4().hex[:6]}"
    rules_file = tmp_path / "people.rules.yaml"
    steward = deployment.caller("sam")

    def submit(email_action: str, refuse: bool = False) -> rules_service.RulesChange:
        rules_file.write_text(RULES.format(dataset=dataset, email_action=email_action))
        _, text = rules_request(rules_file, None, None)
        policy = deployment.policy
        return rules_service.submit(deployment.settings, policy, steward, text, "support asks", refuse_loosening=refuse)

    def version_in_force() -> int:
        history = read_rule_history(client_options(deployment.settings), deployment.settings.topic_names.rules)
        return latest_versions(history)[dataset].version

    for action in ("hash", "redact"):  # the first version, then a tighter one: both at once
        change = submit(action)
        assert not change.diff.reduces_protection
        assert change.record is not None
    assert version_in_force() == 2

    with pytest.raises(PermissionDenied, match="reduce protection"):  # `rules apply` refuses it
        submit("partial, keep_last: 4", refuse=True)
    change = submit("partial, keep_last: 4")  # redact -> partial: analytics sees more of the email
    assert change.diff.reduces_protection
    assert {(c.audience, c.path) for c in change.diff.loosenings} == {("analytics", "email")}
    request = change.request
    assert request is not None
    assert request.impact["rules_diff"]
    assert (request.operation.dataset, request.operation.base_version) == (dataset, 2)  # type: ignore[union-attr]
    assert version_in_force() == 2  # waiting
    assert deployment.decide(request.id, "bob") is State.EXECUTED
    assert version_in_force() == 3
    assert [t for _, t in deployment.transitions()] == ["requested", "approved", "executing", "executed"]


class _Hook(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, object]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_webhook_hears_of_each_request_and_decision(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        deployment = Deployment(kafka, tmp_path)
        text = deployment.policy_file.read_text().replace(
            "max_grant: 8h}", f'max_grant: 8h, webhook: "http://127.0.0.1:{server.server_port}/hook"}}'
        )
        deployment.policy_file.write_text(text)
        request_id = deployment.request_delete(kafka.create_topic("raw.hooked"))
        deployment.decide(request_id, "bob", approving=False, text="not now")
    finally:
        server.shutdown()
    assert [(hook["event"], hook["request"]) for hook in _Hook.received] == [
        ("requested", request_id),
        ("denied", request_id),
    ]
    assert _Hook.received[0]["reason"] == "retire it"


def test_each_kafka_operation_runs_through_the_admin_api_once_approved(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    deployment = Deployment(kafka, tmp_path)
    topic = kafka.create_topic("raw.ops", partitions=1)
    producer = Producer({"bootstrap.servers": kafka.bootstrap})
    for n in range(10):
        producer.produce(topic, b"v", str(n).encode())
    assert producer.flush(30) == 0
    group = f"ops-{uuid.uuid4().hex[:6]}"
    offsets = [TopicPartition(topic, 0, 7)]
    kafka.admin.alter_consumer_group_offsets([ConsumerGroupTopicPartitions(group, offsets)])[group].result(15)

    def run(operation: object) -> Request:
        root, bob = deployment.caller("root"), deployment.caller("bob")
        request = approvals.request_operation(deployment.settings, deployment.policy, root, operation, "maintenance")
        return approvals.decide(deployment.settings, deployment.policy, bob, request.id, approving=True, text="ok")

    grown = run(AddPartitions(topic=topic, count=3))
    assert (grown.state, grown.impact["records"], grown.impact["consumer_groups"]) == (State.EXECUTED, 10, [group])
    assert len(kafka.admin.list_topics(topic, timeout=15).topics[topic].partitions) == 3

    altered = run(AlterConfig(topic=topic, key="retention.ms", value="3600000"))
    assert altered.result["after"] == "3600000"
    resource = ConfigResource(ResourceType.TOPIC, topic)
    assert kafka.admin.describe_configs([resource])[resource].result(15)["retention.ms"].value == "3600000"

    rewound = run(ResetOffsets(group=group, topic=topic, to="earliest"))
    assert rewound.impact["committed"] == {"0": 7}
    assert rewound.result["offsets"] == {"0": 0, "1": 0, "2": 0}

    deleted = run(DeleteGroup(group=group))
    assert deleted.state is State.EXECUTED
    listed = {g.group_id for g in kafka.admin.list_consumer_groups().result(15).valid}
    assert group not in listed

    again = run(DeleteGroup(group=group))  # executing what is already done succeeds and says so
    assert again.result["note"] == "the group was already gone"
