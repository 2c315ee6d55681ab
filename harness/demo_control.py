"""The demo's control-plane part: a policy with four principals, the ACLs it implies, and a risky operation
(deleting a scratch topic) that its requester cannot approve and a second principal approves, so the broker
really deletes it, with every transition in the audit stream the demo then verifies."""

from __future__ import annotations

import uuid
from pathlib import Path

from confluent_kafka.admin import NewTopic
from pydantic import SecretStr
from rich.console import Console

from harness.deployment import Deployment
from streamguard.app.services.control import approvals
from streamguard.app.services.control.access_scoping import plan_access
from streamguard.app.services.control.callers import Caller, authenticate, read_policy
from streamguard.control.requests import DeleteTopic
from streamguard.control.tokens import new_token, token_digest
from streamguard.core.errors import PermissionDenied

PRINCIPALS = {"dana": "steward", "ops": "admin", "bob": "approver", "ada": "auditor"}
POLICY_FILE = "demo-policy.yaml"
TOKENS_FILE = "demo-tokens.txt"  # the console's sign-in tokens of the demo principals (development only)


def write_policy(path: Path, tokens: dict[str, str]) -> None:
    lines = ["principals:"]
    for name, role in PRINCIPALS.items():
        lines.append(f'  {name}: {{roles: [{role}], token_sha256: "{token_digest(tokens[name])}"}}')
    lines += [
        "  ana: {kafka_user: ana}",
        "audiences:",
        "  analytics: {principals: [ana], group_prefixes: [analytics-]}",
        "owners:",
        "  customers: crm-service",
        "approvals: {quorum: 1, pending_ttl: 1h, max_grant: 8h}",
    ]
    path.write_text("\n".join(lines) + "\n")


def write_tokens(path: Path, tokens: dict[str, str]) -> None:
    """The demo principals' tokens, readable by this user only, for signing in to the console."""
    path.touch(mode=0o600)
    lines = [f"{name:5} {PRINCIPALS[name]:9} {token}" for name, token in tokens.items()]
    heading = "# principal, role, token: sign in to the console (make console) with one"
    path.write_text("\n".join([heading, *lines]) + "\n")


def show_control_plane(deployment: Deployment, console: Console) -> None:
    tokens = {name: new_token() for name in PRINCIPALS}
    policy_file = deployment.home / POLICY_FILE
    write_policy(policy_file, tokens)
    write_tokens(deployment.home / TOKENS_FILE, tokens)
    settings = deployment.settings.model_copy(update={"policy": policy_file})
    policy = read_policy(policy_file)

    def as_principal(name: str) -> Caller:
        return authenticate(settings.model_copy(update={"token": SecretStr(tokens[name])}), policy)

    plan = plan_access(settings, policy, [])
    console.print(f"\n[bold]control plane[/bold] (policy {policy_file}): the policy implies {len(plan.entries)} ACLs")
    for entry in plan.entries[:4]:
        console.print(f"  {entry.principal} {entry.operation} {entry.resource}  ({entry.reason})", highlight=False)
    scratch = deployment.names.raw(f"scratch_{uuid.uuid4().hex[:6]}")
    deployment.admin.create_topics([NewTopic(scratch, 1, 1)])[scratch].result(30)
    request = approvals.request_operation(settings, policy, as_principal("ops"), DeleteTopic(topic=scratch), "demo")
    console.print(f"  ops requested {request.operation.describe()}: request {request.id} {request.state.value}")
    try:
        approvals.decide(settings, policy, as_principal("ops"), request.id, approving=True, text="")
    except PermissionDenied as refused:
        console.print(f"  ops approving it: refused ({refused})")
    decided = approvals.decide(settings, policy, as_principal("bob"), request.id, approving=True, text="checked")
    fate = "still there" if scratch in deployment.admin.list_topics(timeout=15).topics else "deleted"
    console.print(f"  bob approved: {decided.state.value}; {scratch} {fate} on the broker")
    waiting = deployment.names.raw(f"scratch_{uuid.uuid4().hex[:6]}")
    deployment.admin.create_topics([NewTopic(waiting, 1, 1)])[waiting].result(30)
    reason = "left for you: approve it in the console's inbox as bob"
    pending = approvals.request_operation(settings, policy, as_principal("ops"), DeleteTopic(topic=waiting), reason)
    console.print(f"  ops requested the deletion of {waiting} too: request {pending.id} waits in the console's inbox")
