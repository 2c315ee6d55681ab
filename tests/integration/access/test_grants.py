"""Temporary grants on the real broker: a grant reads until it ends, is revoked, or its principal leaves."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr

from harness.worker_process import worker_env
from streamguard.agents.kafka_acls import create_scram_users
from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.app.services.control import approvals
from streamguard.app.services.control.access_scoping import (
    apply_grant,
    plan_access,
    revoke_grant,
)
from streamguard.app.services.control.callers import authenticate, read_policy
from streamguard.app.services.kafka_config import client_options
from streamguard.control.acl_plan import TemporaryGrant, grant_acls
from streamguard.control.requests import Grant, State
from streamguard.control.tokens import token_digest
from streamguard.core.errors import PermissionDenied
from streamguard.evidence.audit import APPROVAL, chain_key
from tests.integration.access.deployment import ACTOR, Deployment, adopt_with_approval, denied, reads
from tests.integration.scram_clients import eventually

pytestmark = pytest.mark.kafka


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
    assert reads(deployment, gus, deployment.view("support"), group) == b'{"id": 1}'
    assert {e.key() for e in revoke_grant(settings, policy, grant, ACTOR)} == {e.key() for e in grant_acls(grant)}
    assert denied(deployment, gus, deployment.view("support"), group)

    ana = deployment.user("ana")  # a grant of what the policy already gives: only the new group prefix is added
    overlap = TemporaryGrant(ana, deployment.view("analytics"), "audit-", expires, f"r-{uuid.uuid4().hex[:6]}")
    assert [entry.resource_name for entry in apply_grant(settings, overlap, ACTOR)] == ["audit-"]
    assert [entry.resource_name for entry in revoke_grant(settings, policy, overlap, ACTOR)] == ["audit-"]
    assert reads(deployment, ana, deployment.view("analytics"), f"analytics-{uuid.uuid4().hex[:6]}") == b'{"id": 1}'


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
    assert denied(deployment, bea, view, group)

    root = authenticate(settings, policy)
    adopt_with_approval(settings, policy, root)  # bea and bob are new to the policy in force: root approves them
    grant = Grant(principal="bea", topic=view, seconds=6, group_prefix=f"{bea}-")
    request = approvals.request_operation(settings, policy, root, grant, "incident 4711: check the support view")
    assert request.impact["exposes"] == f"the governed view {view}"
    bob = authenticate(settings.model_copy(update={"token": SecretStr(approver_token)}), policy)
    granted = approvals.decide(settings, policy, bob, request.id, approving=True, text="for the incident")
    assert granted.state is State.EXECUTED
    assert reads(deployment, bea, view, group) == b'{"id": 1}'

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
    assert denied(deployment, bea, view, group)  # nobody acted: the service took the access back
    events = read_audit_events(client_options(settings), settings.topic_names.control_audit)[
        chain_key(settings.topic_names.control, 0)
    ]
    trail = [e.operation["transition"] for e in events if e.kind == APPROVAL and e.operation["request"] == request.id]
    assert trail == ["requested", "approved", "executing", "executed", "revoked"]


@pytest.mark.usefixtures("applied")
def test_a_grant_whose_principal_left_the_policy_is_revoked_and_stops_nothing_else(deployment: Deployment) -> None:
    bea, approver_token = deployment.user("bea"), f"sgt_{uuid.uuid4().hex}"
    create_scram_users(deployment.kafka.admin, {bea: deployment.passwords[bea]})
    bob = f'  bob: {{roles: [approver], token_sha256: "{token_digest(approver_token)}"}}'
    with_bea = deployment.policy(more_principals=f"  bea: {{kafka_user: {bea}}}\n{bob}")
    assert with_bea.policy is not None
    policy, view, group = read_policy(with_bea.policy), deployment.view("support"), f"{bea}-{uuid.uuid4().hex[:6]}"
    root = authenticate(with_bea, policy)
    adopt_with_approval(with_bea, policy, root)
    with pytest.raises(PermissionDenied, match="reaches the groups of audience analytics"):
        approvals.request_operation(
            with_bea, policy, root, Grant(principal="bea", topic=view, seconds=3600, group_prefix="analytics-"), "x"
        )  # her groups would be the analytics audience's, whose views she may not read
    grant = Grant(principal="bea", topic=view, seconds=3600)  # her own groups: <her kafka user>-
    request = approvals.request_operation(with_bea, policy, root, grant, "incident 4712")
    approver = authenticate(with_bea.model_copy(update={"token": SecretStr(approver_token)}), policy)
    assert approvals.decide(with_bea, policy, approver, request.id, approving=True, text="ok").state is State.EXECUTED
    assert reads(deployment, bea, view, group) == b'{"id": 1}'

    without_bea = deployment.policy(more_principals=bob)  # she leaves: taken away at once, no approval needed
    assert without_bea.policy is not None
    gone = read_policy(without_bea.policy)
    plan = plan_access(without_bea, gone, approvals.active_grants(without_bea, gone, datetime.now(UTC)))
    assert f"User:{bea}" not in {entry.principal for entry in plan.entries}  # her grant no longer planned
    [ended] = [r for r in approvals.run_due(without_bea, gone) if r.id == request.id]  # long before its end
    assert ended.revoked_at is not None
    assert denied(deployment, bea, view, group)
