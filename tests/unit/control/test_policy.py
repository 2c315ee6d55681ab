"""The policy file: validation that names every problem at once, tokens, membership."""

from __future__ import annotations

from datetime import timedelta

import pytest

from streamguard.control.policy import Role, load_policy
from streamguard.control.tokens import new_token, token_digest
from streamguard.core.errors import PolicyError

ALICE, BOB = token_digest("alice-token"), token_digest("bob-token")
MINIMAL = f"""\
principals:
  alice: {{roles: [steward], token_sha256: "{ALICE}", kafka_user: alice}}
  bob:   {{roles: [approver], token_sha256: "{BOB}"}}
  ana:   {{kafka_user: ana}}
audiences:
  analytics: {{principals: [ana], group_prefixes: [analytics-]}}
owners:
  customers: crm-service
approvals: {{quorum: 1, pending_ttl: 24h, max_grant: 8h}}
"""


def test_the_minimal_policy_of_the_issue_loads_with_its_durations() -> None:
    policy = load_policy(MINIMAL, "policy.yaml")
    assert policy.approvals.pending_ttl == timedelta(hours=24)
    assert policy.approvals.max_grant == timedelta(hours=8)
    assert policy.has_role("alice", Role.STEWARD)
    assert not policy.has_role("alice", Role.APPROVER)
    assert policy.owner_user("customers") == "crm-service"  # not a declared principal: the Kafka user as given
    assert policy.audiences_of_group("analytics-dashboards") == ["analytics"]
    assert policy.audiences_of_group("support-desk") == []
    assert policy.audiences_of_user("ana") == ["analytics"]
    assert policy.principal_of_user("alice") == "alice"


def test_a_token_authenticates_its_principal_only() -> None:
    policy = load_policy(MINIMAL, "policy.yaml")
    assert policy.authenticate(token_digest("bob-token")) == "bob"
    assert policy.authenticate(token_digest("bob-token ")) == "bob"  # a pasted newline or space is not the token
    assert policy.authenticate(token_digest("mallory")) is None


def test_new_tokens_are_random_and_only_their_digest_is_kept() -> None:
    first, second = new_token(), new_token()
    assert first != second
    assert len(token_digest(first)) == 64
    assert first not in token_digest(first)


def test_every_problem_is_reported_at_once_with_its_line_and_path() -> None:
    text = MINIMAL.replace("roles: [approver]", "roles: [approver, boss]").replace("24h", "24x")
    text = text.replace(ALICE, "not-a-digest")
    text += "monitoring: {topics_read: {count: 0, window: 1m}}\nextra: 1\n"
    with pytest.raises(PolicyError) as raised:
        load_policy(text, "policy.yaml")
    message = str(raised.value)
    assert "5 problem(s)" in message
    assert "policy.yaml:3: principals.bob.roles.1:" in message
    assert "principals.alice.token_sha256: not a SHA-256 hex digest" in message
    assert "policy.yaml:9: approvals.pending_ttl: '24x' is not a duration" in message
    assert "policy.yaml:10: monitoring.topics_read.count:" in message
    assert "policy.yaml:11: extra: unknown key" in message


def test_references_to_undeclared_principals_and_an_unreachable_quorum_are_problems() -> None:
    text = MINIMAL.replace("principals: [ana]", "principals: [ana, zed, bob]").replace("quorum: 1", "quorum: 2")
    with pytest.raises(PolicyError) as raised:
        load_policy(text, "policy.yaml")
    message = str(raised.value)
    assert "policy.yaml:6: audiences.analytics.principals.1: unknown principal 'zed'" in message
    assert "principal 'bob' has no kafka_user" in message
    assert "policy.yaml:9: approvals.quorum: a quorum of 2 needs at least as many principals" in message


def test_duplicate_principals_and_shared_tokens_are_refused() -> None:
    text = MINIMAL.replace(
        "  ana:   {kafka_user: ana}\n", f'  ana:   {{kafka_user: ana, token_sha256: "{ALICE}"}}\n  ana: {{}}\n'
    )
    with pytest.raises(PolicyError) as raised:
        load_policy(text, "policy.yaml")
    assert "principals.ana: duplicate key (first at line 4)" in str(raised.value)
    assert "the same token as 'alice'" in str(raised.value)
