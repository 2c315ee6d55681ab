"""Approvals proven from the control chain, not trusted from the approvals topic, on the real broker: what an
insider with plain WRITE on the approvals or the control topic (but not the server's control key) can try,
each refused and alerted; a rules change that no longer says what it would change; a policy that gives more
waiting for the approvers in force; an execution that runs once; an approved request that expires."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from confluent_kafka import Producer
from pydantic import SecretStr

from streamguard.agents.kafka_approvals import read_requests, request_record
from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.app.services.control import approvals, risky_operations, rules_service
from streamguard.app.services.control.callers import Caller, authenticate, read_policy
from streamguard.app.services.control.rules_watch import invalid_rules_alerts, record_alerts
from streamguard.app.services.evidence.verify import run_verification, trusted_keys
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.rules_texts import rules_operation
from streamguard.app.settings import Settings
from streamguard.control.policy import Policy
from streamguard.control.requests import DeleteTopic, Request, State
from streamguard.control.tokens import token_digest
from streamguard.core.errors import PermissionDenied
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.evidence.audit import ALERT, APPROVAL, POLICY, AuditEvent
from streamguard.masking.keyring_file import generate_keyring_json
from tests.conftest import KafkaEndpoint
from tests.integration.rule_texts import two_audience_rules

pytestmark = pytest.mark.kafka
PRINCIPALS = {"root": "[admin]", "sam": "[steward]", "bob": "[approver]", "carol": "[auditor]"}


def _policy_text(roles: dict[str, str], ttl: str) -> str:
    lines = ["principals:"]
    lines += [
        f'  {name}: {{roles: {held}, token_sha256: "{token_digest(f"{name}-token")}"}}' for name, held in roles.items()
    ]
    return "\n".join([*lines, f"approvals: {{quorum: 1, pending_ttl: {ttl}, max_grant: 8h}}", ""])


class Plane:
    """One deployment's control plane, acting in this process as the server does (its keyring, its policy)."""

    def __init__(self, kafka: KafkaEndpoint, home: Path, ttl: str = "1h") -> None:
        self.kafka, self.ttl = kafka, ttl
        (home / "keyring.json").write_text(generate_keyring_json())
        self.policy_file = home / "policy.yaml"
        self.policy_file.write_text(_policy_text(PRINCIPALS, ttl))
        prefix = f"cc{uuid.uuid4().hex[:8]}."
        self.settings = Settings(
            bootstrap=kafka.bootstrap, home=home, system_topic_prefix=prefix, policy=self.policy_file
        )
        self.names = self.settings.topic_names

    @property
    def policy(self) -> Policy:
        return read_policy(self.policy_file)

    def caller(self, name: str) -> Caller:
        return authenticate(self.settings.model_copy(update={"token": SecretStr(f"{name}-token")}), self.policy)

    def request_delete(self, topic: str) -> Request:
        operation = DeleteTopic(topic=topic)
        return approvals.request_operation(self.settings, self.policy, self.caller("root"), operation, "retire it")

    def approve(self, request_id: str, who: str = "bob") -> Request:
        return approvals.decide(self.settings, self.policy, self.caller(who), request_id, approving=True, text="ok")

    def control_events(self) -> list[AuditEvent]:
        chains = read_audit_events(client_options(self.settings), self.names.control_audit)
        return sorted((event for chain in chains.values() for event in chain), key=lambda event: event.seq)

    def alerts(self, rule: str) -> list[AuditEvent]:
        return [event for event in self.control_events() if event.kind == ALERT and event.operation["rule"] == rule]

    def cached(self, request_id: str) -> Request:
        return read_requests(client_options(self.settings), self.names.approvals)[request_id]

    def write_as_insider(self, topic: str, key: bytes, value: bytes) -> None:
        """What a principal with plain WRITE on a topic (and no control key) can do."""
        producer = Producer({"bootstrap.servers": self.kafka.bootstrap})
        producer.produce(topic, value, key)
        assert producer.flush(15) == 0

    def forge(self, request: Request) -> None:
        record = request_record(self.names.approvals, request)
        assert record.value is not None
        self.write_as_insider(record.topic, record.key, record.value)


def _exists(kafka: KafkaEndpoint, topic: str) -> bool:
    return topic in kafka.admin.list_topics(timeout=15).topics


def test_a_forged_approved_record_never_executes_and_is_alerted(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    plane = Plane(kafka, tmp_path)
    pending = plane.request_delete(kafka.create_topic("raw.forged"))
    target = kafka.create_topic("raw.precious")
    hand_made = pending.model_copy(
        update={"id": uuid.uuid4().hex[:12], "operation": DeleteTopic(topic=target), "state": State.APPROVED}
    )
    hand_made = hand_made.model_copy(update={"operation_digest": hand_made.operation.digest(), "approvals": ()})
    plane.forge(hand_made)  # approved, with no approval at all, for a request the chain never saw
    plane.forge(pending.model_copy(update={"state": State.APPROVED}))  # a pending request claimed approved

    assert approvals.run_due(plane.settings, plane.policy) == []  # the control service executes neither
    assert _exists(kafka, target)
    refused = {event.operation["subject"] for event in plane.alerts("approval_refused")}
    assert refused == {hand_made.id, pending.id}
    assert [r.state for r in approvals.list_requests(plane.settings) if r.id == pending.id] == [State.PENDING]
    assert hand_made.id not in {r.id for r in approvals.list_requests(plane.settings)}  # not shown in the inbox
    approvals.run_due(plane.settings, plane.policy)
    assert len(plane.alerts("approval_refused")) == 2  # raised once each, not every round


def test_a_request_rewritten_after_it_was_asked_is_refused_by_its_digest(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    plane = Plane(kafka, tmp_path)
    harmless, precious = kafka.create_topic("raw.scratch"), kafka.create_topic("raw.payroll")
    asked = plane.request_delete(harmless)
    plane.forge(asked.model_copy(update={"operation": DeleteTopic(topic=precious)}))  # after the approver read it

    with pytest.raises(PermissionDenied, match="not the one requested"):
        plane.approve(asked.id)
    assert _exists(kafka, harmless)
    assert _exists(kafka, precious)
    assert [event.operation["subject"] for event in plane.alerts("approval_refused")] == [asked.id]


def test_an_approved_rules_change_fails_once_the_version_it_was_compared_with_changed(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    plane = Plane(kafka, tmp_path)
    dataset, sam = f"people_{uuid.uuid4().hex[:6]}", plane.caller("sam")

    def submit(email: str) -> rules_service.RulesChange:
        text = rules_operation("people.rules.yaml", two_audience_rules(dataset, {"email": email}))[1]
        return rules_service.submit(plane.settings, plane.policy, sam, text, "the support team asks")

    assert submit("{class: contact, action: hash}").record is not None  # v1
    waiting = submit("{class: public}").request  # analytics would see the email: waits, compared with v1
    assert waiting is not None
    assert submit("{class: contact, action: redact}").record is not None  # v2, a tightening, published at once

    done = plane.approve(waiting.id)
    assert done.state is State.FAILED  # publishing it now would silently undo v2
    assert "are v2, not v1" in done.result["error"]
    versions = rules_service.versions_of(plane.settings, dataset)
    assert [record.version for record in versions] == [1, 2]


def test_a_policy_that_gives_more_waits_for_the_approvers_in_force(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    plane = Plane(kafka, tmp_path)
    first = plane.request_delete(kafka.create_topic("raw.policy"))  # the first policy is adopted as it is
    plane.policy_file.write_text(_policy_text({**PRINCIPALS, "carol": "[approver, auditor]"}, plane.ttl))

    with pytest.raises(PermissionDenied, match="carol may not approve"):  # carol is no approver until approved
        plane.approve(first.id, who="carol")
    [change] = [r for r in approvals.list_requests(plane.settings, State.PENDING) if r.operation.op == "policy-change"]
    assert change.requester == "streamguard:policy-file"
    assert change.impact["policy_changes"] == ["+ carol gains role approver"]
    assert plane.approve(change.id, who="bob").state is State.EXECUTED
    assert plane.approve(first.id, who="carol").state is State.EXECUTED  # now she is

    adopted = [event for event in plane.control_events() if event.kind == POLICY]
    assert [event.operation["changes"] for event in adopted] == [
        ["the first policy the server enforces"],
        ["+ carol gains role approver"],
    ]
    assert adopted[1].operation["request"] == change.id
    by = [(e.operation["transition"], e.operation.get("by")) for e in plane.control_events() if e.kind == APPROVAL]
    assert ("approved", "bob") in by
    assert ("approved", "carol") in by


def test_an_event_injected_into_the_control_chain_is_not_adopted_and_verify_reports_it(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    plane = Plane(kafka, tmp_path)
    plane.request_delete(kafka.create_topic("raw.inject"))
    head = plane.control_events()[-1]
    forged = head.model_copy(update={"event_id": "forged", "operation": {**head.operation, "request": "f0"}})
    forged = forged.sealed(head.seq + 1, head.hash)  # links perfectly: only the control key's checkpoint is missing
    plane.write_as_insider(plane.names.control_audit, b"x", forged.to_bytes())

    later = plane.request_delete(kafka.create_topic("raw.inject2"))
    [alert] = plane.alerts("chain_unlinked")
    assert "not adopted" in alert.operation["summary"]
    assert alert.seq == forged.seq  # the honest chain continued from its sealed head, not from the forgery
    assert later.id in {r.id for r in approvals.list_requests(plane.settings)}
    result = run_verification(plane.settings, trusted_keys(plane.settings))
    assert not result.intact
    assert any(plane.names.control in problem for problem in result.problems), result.problems


def test_an_execution_runs_once_and_an_approval_never_run_expires(
    kafka: KafkaEndpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plane = Plane(kafka, tmp_path, ttl="10s")
    crashing = plane.request_delete(kafka.create_topic("raw.crash"))

    def crash(*_args: object) -> dict[str, object]:
        raise RuntimeError("the server died in the middle of the admin call")

    monkeypatch.setattr(risky_operations, "execute", crash)
    with pytest.raises(RuntimeError):
        plane.approve(crashing.id)
    assert plane.cached(crashing.id).state is State.EXECUTING  # claimed before it ran
    monkeypatch.undo()
    monkeypatch.setattr(approvals, "CLAIM_OUTCOME_WITHIN", approvals.CLAIM_OUTCOME_WITHIN * 0)
    [failed] = approvals.run_due(plane.settings, plane.policy)
    assert failed.state is State.FAILED  # recorded as such: never run a second time by a retry
    assert "recorded no outcome" in failed.result["error"]

    topic = kafka.create_topic("raw.approved-never-run")
    never_run = plane.request_delete(topic)
    monkeypatch.setattr(approvals, "_execute", lambda *_args: (_ for _ in ()).throw(RuntimeError("crash")))
    with pytest.raises(RuntimeError):
        plane.approve(never_run.id)
    monkeypatch.undo()
    assert plane.cached(never_run.id).state is State.APPROVED
    time.sleep(max(0.0, (never_run.expires_at - datetime.now(UTC)).total_seconds()) + 0.5)
    [lapsed] = [r for r in approvals.run_due(plane.settings, plane.policy) if r.id == never_run.id]
    assert lapsed.state is State.EXPIRED
    assert _exists(kafka, topic)


def test_a_rules_record_no_worker_can_use_is_alerted_once(kafka: KafkaEndpoint, tmp_path: Path) -> None:
    """A record written around the server into the rules topic, whose YAML aliases itself (it crash-looped every
    worker once): the workers skip it, and the control service raises one alert for it."""
    plane = Plane(kafka, tmp_path)
    dataset = f"people_{uuid.uuid4().hex[:6]}"
    text = rules_operation("people.rules.yaml", two_audience_rules(dataset, {"email": "{class: public}"}))[1]
    assert rules_service.submit(plane.settings, plane.policy, plane.caller("sam"), text, "v1").record is not None
    bad = RuleSetRecord(
        dataset=dataset, version=2, digest="0" * 64, applied_by="mallory", applied_at="2026-12-01T00:00:00+00:00",
        source_name="evil.yaml", subject=f"raw.{dataset}-value", rules_yaml="fields: &loop [*loop]\n",
    )  # fmt: skip
    plane.write_as_insider(plane.names.rules, bad.key.encode(), bad.to_bytes())

    started = time.monotonic()
    [alert] = invalid_rules_alerts(plane.settings, approvals.read_ledger(plane.settings))
    assert time.monotonic() - started < 10  # refused at once, not after minutes of expanding aliases
    assert (alert.rule, alert.subject) == ("rules_invalid", bad.key)
    record_alerts(plane.settings, [alert])
    assert invalid_rules_alerts(plane.settings, approvals.read_ledger(plane.settings)) == []
    assert [event.operation["subject"] for event in plane.alerts("rules_invalid")] == [bad.key]
    assert [record.version for record in rules_service.versions_of(plane.settings, dataset)] == [1, 2]
