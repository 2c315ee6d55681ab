"""The request state machine: four eyes, roles, quorum, expiry, a claimed execution and grant revocation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from streamguard.control.decisions import (
    approve,
    claim,
    deny,
    executed,
    expire,
    failed,
    grant_due,
    new_request,
    revoked,
)
from streamguard.control.policy import Policy, load_policy
from streamguard.control.requests import DeleteTopic, Grant, State
from streamguard.core.errors import PermissionDenied, RequestStateError

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _policy(quorum: int = 1) -> Policy:
    return load_policy(
        f"""
principals:
  root:  {{roles: [admin]}}
  bob:   {{roles: [approver]}}
  carol: {{roles: [approver]}}
  dave:  {{roles: [admin, approver]}}
  sam:   {{roles: [steward], kafka_user: sam}}
approvals: {{quorum: {quorum}, pending_ttl: 1h, max_grant: 8h}}
""",
        "policy.yaml",
    )


def _pending(quorum: int = 1, requester: str = "dave") -> tuple[Policy, object]:
    policy = _policy(quorum)
    return policy, new_request(DeleteTopic(topic="raw.x"), requester, "retire the dataset", {}, policy, NOW)


def test_a_request_needs_a_reason_and_a_role_that_may_ask() -> None:
    policy = _policy()
    with pytest.raises(PermissionDenied, match="needs a reason"):
        new_request(DeleteTopic(topic="raw.x"), "root", "  ", {}, policy, NOW)
    with pytest.raises(PermissionDenied, match="bob may not request delete-topic: that takes the admin role"):
        new_request(DeleteTopic(topic="raw.x"), "bob", "why not", {}, policy, NOW)
    request = new_request(DeleteTopic(topic="raw.x"), "root", "retire it", {"records": 3}, policy, NOW)
    assert (request.state, request.expires_at, request.quorum) == (State.PENDING, NOW + timedelta(hours=1), 1)
    assert [t.state for t in request.history] == ["pending"]


def test_anyone_may_ask_for_access_for_themselves_but_not_beyond_the_longest_grant() -> None:
    policy = _policy()
    own = Grant(principal="sam", topic="raw.x", seconds=3600, group_prefix="sam-")
    assert new_request(own, "sam", "incident 42", {}, policy, NOW).state is State.PENDING
    with pytest.raises(PermissionDenied, match="sam may not request grant"):
        new_request(own.model_copy(update={"principal": "bob"}), "sam", "for a friend", {}, policy, NOW)
    with pytest.raises(PermissionDenied, match="exceeds the policy's max_grant"):
        new_request(own.model_copy(update={"seconds": 9 * 3600}), "sam", "all day", {}, policy, NOW)


def test_the_requester_never_approves_their_own_request_even_as_an_approver() -> None:
    policy, request = _pending(requester="dave")
    with pytest.raises(PermissionDenied, match="four eyes"):
        approve(request, "dave", "", policy, NOW)


def test_only_the_approver_role_approves_or_denies() -> None:
    policy, request = _pending()
    with pytest.raises(PermissionDenied, match="root may not approve"):
        approve(request, "root", "", policy, NOW)
    with pytest.raises(PermissionDenied, match="root may not deny"):
        deny(request, "root", "no", policy, NOW)


def test_a_quorum_of_two_needs_two_distinct_approvers() -> None:
    policy, request = _pending(quorum=2)
    once = approve(request, "bob", "ok", policy, NOW)
    assert once.state is State.PENDING
    with pytest.raises(RequestStateError, match="bob already approved"):
        approve(once, "bob", "again", policy, NOW)
    twice = approve(once, "carol", "ok too", policy, NOW)
    assert twice.state is State.APPROVED
    assert [d.principal for d in twice.approvals] == ["bob", "carol"]


def test_the_quorum_is_the_one_in_force_when_the_request_was_made() -> None:
    _, request = _pending(quorum=2)
    assert approve(request, "bob", "", _policy(quorum=1), NOW).state is State.PENDING


def test_a_denial_needs_a_reason_and_ends_the_request() -> None:
    policy, request = _pending()
    with pytest.raises(PermissionDenied, match="needs a reason"):
        deny(request, "bob", "", policy, NOW)
    denied = deny(request, "bob", "not during the audit", policy, NOW)
    assert denied.state is State.DENIED
    assert denied.denial is not None
    with pytest.raises(RequestStateError, match="is denied, not pending"):
        approve(denied, "carol", "", policy, NOW)


def test_an_expired_request_can_no_longer_be_approved() -> None:
    policy, request = _pending()
    later = NOW + timedelta(hours=1)
    assert expire(request, NOW + timedelta(minutes=59)) is None
    with pytest.raises(RequestStateError, match="expired"):
        approve(request, "bob", "", policy, later)
    lapsed = expire(request, later)
    assert lapsed is not None
    assert lapsed.state is State.EXPIRED
    with pytest.raises(RequestStateError, match="not approved"):
        claim(lapsed, later)


def test_an_approved_request_never_run_expires_too() -> None:
    policy, request = _pending()
    approved = approve(request, "bob", "", policy, NOW)
    with pytest.raises(RequestStateError, match="expired"):
        claim(approved, NOW + timedelta(hours=1))
    lapsed = expire(approved, NOW + timedelta(hours=1))
    assert lapsed is not None
    assert (lapsed.state, lapsed.history[-1].note) == (State.EXPIRED, "approved, never executed")


def test_only_an_approved_request_is_claimed_once_then_executed_or_failed() -> None:
    policy, request = _pending()
    with pytest.raises(RequestStateError):
        claim(request, NOW)
    approved = approve(request, "bob", "", policy, NOW)
    with pytest.raises(RequestStateError, match="not executing"):
        executed(approved, {}, NOW)  # never without a claim recorded first
    running = claim(approved, NOW)
    with pytest.raises(RequestStateError, match="executing, not approved"):
        claim(running, NOW)  # a second execution of the same request
    assert executed(running, {"deleted": "raw.x"}, NOW).state is State.EXECUTED
    broken = failed(running, "TOPIC_AUTHORIZATION_FAILED", NOW)
    assert (broken.state, broken.result) == (State.FAILED, {"error": "TOPIC_AUTHORIZATION_FAILED"})


def test_a_request_and_its_decisions_name_the_operation_and_the_policy_they_were_made_under() -> None:
    policy, request = _pending()
    assert request.operation_digest == DeleteTopic(topic="raw.x").digest()
    assert request.operation_digest != DeleteTopic(topic="raw.y").digest()
    assert request.policy_digest == policy.digest
    approved = approve(request, "bob", "checked", policy, NOW)
    assert approved.approvals[0].policy_digest == policy.digest


def test_an_executed_grant_is_due_for_revocation_at_its_end_and_revoked_once() -> None:
    policy = _policy()
    grant = Grant(principal="sam", topic="raw.x", seconds=120, group_prefix="sam-")
    approved = approve(new_request(grant, "sam", "incident", {}, policy, NOW), "bob", "", policy, NOW)
    running = executed(claim(approved, NOW), {}, NOW)
    assert running.grant_expires_at == NOW + timedelta(seconds=120)
    assert not grant_due(running, NOW + timedelta(seconds=119))
    assert grant_due(running, NOW + timedelta(seconds=120))
    done = revoked(running, NOW + timedelta(seconds=121))
    assert not grant_due(done, NOW + timedelta(days=1))
    assert done.state is State.EXECUTED
    assert done.history[-1].state == "revoked"
    with pytest.raises(RequestStateError):
        revoked(done, NOW)


def test_the_inbox_line_says_what_the_operation_touches() -> None:
    policy = _policy()
    topic = {"topic": "raw.x", "exists": True, "partitions": 3, "records": 1200, "consumer_groups": ["bi-1"]}
    request = new_request(DeleteTopic(topic="raw.x"), "root", "retire", topic, policy, NOW)
    assert request.impact_summary() == "1200 records in 3 partitions; read by bi-1"
    diff = {"changes": [{"audience": "analytics", "path": "email", "effect": "loosens"}, {"effect": "tightens"}]}
    assert (
        "1 loosenings: analytics email" in request.model_copy(update={"impact": {"rules_diff": diff}}).impact_summary()
    )
    assert request.model_copy(update={"impact": {}}).impact_summary() == "-"
