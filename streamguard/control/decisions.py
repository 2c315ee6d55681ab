"""Who may move a request from one state to another, and the moves themselves (pure).

Four eyes: a requester never approves their own request, only principals with the approver role approve or
deny, and the quorum counts distinct approvers. The quorum and the expiry are fixed when the request is made,
so a later policy change does not decide requests already pending. Each decision records the digest of the
policy in force when it was made; ``control.ledger`` checks them against the control chain before anything
executes. An approved request that has not run by its expiry expires too; an execution is claimed first
(``claim``), so it runs once. A time-bound grant, once executed, is revoked at ``grant_expires_at``.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from streamguard.control.policy import Policy, Role
from streamguard.control.requests import (
    POLICY_FILE_REQUESTER,
    Decision,
    Decrypt,
    Grant,
    PolicyChange,
    Request,
    State,
    Transition,
    _Operation,
)
from streamguard.core.errors import PermissionDenied, RequestStateError

# Who may ask for what: topic and group surgery is the admins', rules the stewards' too. Decryption takes a
# role the policy names (``decrypt.roles``); a policy change is asked for by the policy file alone.
_REQUESTERS: dict[str, frozenset[Role]] = {
    "delete-topic": frozenset({Role.ADMIN}),
    "add-partitions": frozenset({Role.ADMIN}),
    "delete-group": frozenset({Role.ADMIN}),
    "reset-offsets": frozenset({Role.ADMIN}),
    "alter-config": frozenset({Role.ADMIN}),
    "apply-rules": frozenset({Role.STEWARD, Role.ADMIN}),
    "replay": frozenset({Role.AUDITOR, Role.STEWARD, Role.ADMIN}),
    "grant": frozenset({Role.ADMIN}),  # and anyone for themselves
}


def may_request(policy: Policy, requester: str, operation: _Operation) -> None:
    """PermissionDenied naming the role it takes, unless ``requester`` may ask for ``operation``."""
    op = operation.op  # type: ignore[attr-defined]
    if isinstance(operation, PolicyChange):
        if requester != POLICY_FILE_REQUESTER:
            raise PermissionDenied("a policy change is asked for by the server when its policy file changes")
        return
    if isinstance(operation, Decrypt):
        allowed = frozenset(policy.decrypt.roles)
        if not allowed:
            raise PermissionDenied("the policy names no role that may decrypt (decrypt.roles): nobody may")
    else:
        allowed = _REQUESTERS[op]
    own_grant = isinstance(operation, Grant) and operation.principal == requester
    if not own_grant and not any(policy.has_role(requester, role) for role in allowed):
        roles = " or ".join(sorted(role.value for role in allowed))
        raise PermissionDenied(f"{requester} may not request {op}: that takes the {roles} role")


def new_request(
    operation: _Operation,
    requester: str,
    reason: str,
    impact: dict[str, Any],
    policy: Policy,
    now: datetime,
    request_id: str | None = None,
) -> Request:
    """A pending request bound to its operation's digest and the policy in force; PermissionDenied if the
    requester may not ask for it (the reason is required: it is what the approver decides on)."""
    if not reason.strip():
        raise PermissionDenied("a request needs a reason (--reason TEXT): the approver decides on it")
    may_request(policy, requester, operation)
    longest = int(policy.approvals.max_grant.total_seconds())
    if isinstance(operation, Grant | Decrypt) and operation.seconds > longest:
        raise PermissionDenied(f"{operation.seconds} s exceeds the policy's max_grant of {longest} s")
    request = Request(
        id=request_id or uuid.uuid4().hex[:12],
        operation=operation,  # type: ignore[arg-type]
        operation_digest=operation.digest(),
        policy_digest=policy.digest,
        requester=requester,
        reason=reason.strip(),
        impact=impact,
        created_at=now,
        expires_at=now + policy.approvals.pending_ttl,
        quorum=policy.approvals.quorum,
    )
    return request.model_copy(update={"history": (Transition(state="pending", at=now, by=requester, note=reason),)})


def approve(request: Request, approver: str, note: str, policy: Policy, now: datetime) -> Request:
    """One more approval; ``approved`` once the quorum of distinct approvers is reached."""
    _require_pending(request, now)
    if approver == request.requester:
        raise PermissionDenied(f"{approver} requested {request.id} and may not approve it (four eyes)")
    if not policy.has_role(approver, Role.APPROVER):
        raise PermissionDenied(f"{approver} may not approve: that takes the approver role")
    if any(decision.principal == approver for decision in request.approvals):
        raise RequestStateError(f"{approver} already approved {request.id}; it needs another approver")
    decision = Decision(principal=approver, at=now, note=note, policy_digest=policy.digest)
    approvals = (*request.approvals, decision)
    if len(approvals) < request.quorum:
        return request.model_copy(update={"approvals": approvals})
    return request.moved(State.APPROVED, now, approver, note, approvals=approvals)


def deny(request: Request, principal: str, reason: str, policy: Policy, now: datetime) -> Request:
    _require_pending(request, now)
    if not reason.strip():
        raise PermissionDenied("a denial needs a reason (--reason TEXT)")
    if not policy.has_role(principal, Role.APPROVER):
        raise PermissionDenied(f"{principal} may not deny: that takes the approver role")
    denial = Decision(principal=principal, at=now, note=reason.strip(), policy_digest=policy.digest)
    return request.moved(State.DENIED, now, principal, reason.strip(), denial=denial)


def expire(request: Request, now: datetime) -> Request | None:
    """The request expired, if it is pending, or approved and never run, past its time to live; else None."""
    if request.state in (State.PENDING, State.APPROVED) and now >= request.expires_at:
        note = "pending past its time to live" if request.state is State.PENDING else "approved, never executed"
        return request.moved(State.EXPIRED, now, "streamguard", note)
    return None


def claim(request: Request, now: datetime) -> Request:
    """The execution of an approved request claimed: recorded before the operation runs, so it runs once."""
    _require(request, State.APPROVED)
    if now >= request.expires_at:
        raise RequestStateError(f"{request.id} expired at {request.expires_at.isoformat()} before it was executed")
    return request.moved(State.EXECUTING, now, "streamguard")


def executed(request: Request, result: dict[str, Any], now: datetime) -> Request:
    _require(request, State.EXECUTING)
    seconds = getattr(request.operation, "seconds", None) if isinstance(request.operation, Grant | Decrypt) else None
    grant_ends = now + timedelta(seconds=seconds) if seconds is not None else None
    return request.moved(State.EXECUTED, now, "streamguard", result=result, grant_expires_at=grant_ends)


def failed(request: Request, error: str, now: datetime) -> Request:
    if request.state not in (State.APPROVED, State.EXECUTING):
        raise RequestStateError(f"{request.id} is {request.state.value}, not approved or executing")
    return request.moved(State.FAILED, now, "streamguard", error, result={"error": error})


def revoked(request: Request, now: datetime) -> Request:
    """A grant's access taken back at its expiry, or once its principal left the policy."""
    if request.grant_expires_at is None or request.revoked_at is not None:
        raise RequestStateError(f"{request.id} is not an active grant")
    history = (*request.history, Transition(state="revoked", at=now, by="streamguard", note="grant ended"))
    return request.model_copy(update={"revoked_at": now, "history": history})


def grant_due(request: Request, now: datetime) -> bool:
    """An executed grant whose time is up and whose access is not revoked yet."""
    return request.grant_expires_at is not None and request.revoked_at is None and now >= request.grant_expires_at


def _require_pending(request: Request, now: datetime) -> None:
    if request.state is State.PENDING and now >= request.expires_at:
        raise RequestStateError(
            f"{request.id} expired at {request.expires_at.isoformat()} and can no longer be decided"
        )
    _require(request, State.PENDING)


def _require(request: Request, state: State) -> None:
    if request.state is not state:
        raise RequestStateError(f"{request.id} is {request.state.value}, not {state.value}")
