"""What the control chain proves about requests and policies, and whether a request may execute (pure).

The approvals topic holds each request's latest state for listing; it is a cache, never the authority. The
authority is the control chain, whose events only the server writes and signs: a request's ``requested``
event fixes its requester, operation digest, quorum and expiry; each decision event names its principal, the
operation digest it approved and the digest of the policy in force; ``policy`` events record each policy
version the server enforced, with its text. ``fold`` reads those events into a ``Ledger``; ``refusals`` says
why a request must not execute (nothing when it may): its operation is not the one requested, it was denied,
has run or is running, expired, or lacks a quorum of distinct approvers who held the approver role under the
policy in force when they decided, and hold it still, none of them the requester.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from streamguard.control.policy import Policy, Role, load_policy
from streamguard.control.requests import Decision, Request, State, Transition
from streamguard.evidence.audit import ALERT, APPROVAL, POLICY, AuditEvent

# Transitions of a request in the control chain (the ``transition`` of an approval event).
REQUESTED, APPROVAL_ADDED, APPROVED, DENIED = "requested", "approval", "approved", "denied"
CLAIMED, EXECUTED, FAILED, EXPIRED, REVOKED = "executing", "executed", "failed", "expired", "revoked"
ADOPTED = "adopted"  # a policy event: the server enforces this policy from here on
_ENDED = frozenset({DENIED, EXECUTED, FAILED, EXPIRED})


@dataclass(frozen=True)
class Requested:
    """A request as its ``requested`` event fixed it."""

    request_id: str
    requester: str
    operation_digest: str
    policy_digest: str
    quorum: int
    expires_at: datetime
    seq: int
    reason: str = ""
    impact: dict[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True)
class Decided:
    principal: str
    operation_digest: str
    policy_digest: str
    at: datetime
    seq: int
    note: str = ""

    def decision(self) -> Decision:
        return Decision(principal=self.principal, at=self.at, note=self.note, policy_digest=self.policy_digest)


@dataclass
class Entry:
    """One request's life in the control chain."""

    asked: Requested
    approvals: list[Decided] = field(default_factory=list)
    denial: Decided | None = None
    approved: bool = False
    claimed: bool = False
    ended: str | None = None  # denied, executed, failed or expired
    result: dict[str, Any] = field(default_factory=dict)
    grant_expires_at: datetime | None = None
    revoked_at: datetime | None = None
    history: list[Transition] = field(default_factory=list)

    @property
    def state(self) -> State:
        if self.ended is not None:
            return State(self.ended)
        if self.claimed:
            return State.EXECUTING
        return State.APPROVED if self.approved else State.PENDING


@dataclass(frozen=True)
class PolicyVersion:
    digest: str
    text: str
    seq: int


@dataclass
class Ledger:
    entries: dict[str, Entry] = field(default_factory=dict)
    policies: list[PolicyVersion] = field(default_factory=list)  # in the order the server adopted them
    alert_keys: set[str] = field(default_factory=set)  # alerts recorded already: each is raised once
    problems: list[str] = field(default_factory=list)
    _parsed: dict[str, Policy] = field(default_factory=dict)

    def policy_in_force(self) -> PolicyVersion | None:
        return self.policies[-1] if self.policies else None

    def policy_at(self, seq: int) -> PolicyVersion | None:
        """The policy the server enforced when the event at ``seq`` was recorded."""
        return next((version for version in reversed(self.policies) if version.seq < seq), None)

    def policy(self, version: PolicyVersion) -> Policy:
        """A recorded policy, parsed (once)."""
        if version.digest not in self._parsed:
            self._parsed[version.digest] = load_policy(version.text, f"policy {version.digest[:12]}")
        return self._parsed[version.digest]


def fold(events: Iterable[AuditEvent]) -> Ledger:
    """The ledger of the control chain's ``events`` (adopted ones, in seq order)."""
    ledger = Ledger()
    for event in events:
        if event.kind == POLICY and event.operation.get("transition") == ADOPTED:
            operation = event.operation
            ledger.policies.append(PolicyVersion(operation["digest"], operation["policy_yaml"], event.seq))
        elif event.kind == APPROVAL:
            _fold_transition(ledger, event)
        elif event.kind == ALERT and "key" in event.operation:
            ledger.alert_keys.add(str(event.operation["key"]))
    return ledger


def _fold_transition(ledger: Ledger, event: AuditEvent) -> None:
    operation, seq = event.operation, event.seq
    request_id, transition = str(operation.get("request", "")), str(operation.get("transition"))
    entry = ledger.entries.get(request_id)
    if transition == REQUESTED:
        if entry is not None:
            ledger.problems.append(f"request {request_id} requested twice (seq {entry.asked.seq} and {seq})")
            return
        entry = ledger.entries[request_id] = Entry(_asked(request_id, operation, seq, event.recorded_at))
    elif entry is None:
        ledger.problems.append(f"seq {seq}: {transition} of request {request_id}, which was never requested")
        return
    else:
        _fold_decision_or_outcome(entry, transition, operation, seq, event.recorded_at)
    by = str(operation.get("by") or event.worker.removeprefix("principal:"))
    note = str(operation.get("note") or operation.get("error") or "")
    entry.history.append(Transition(state=transition, at=datetime.fromisoformat(event.recorded_at), by=by, note=note))


def _fold_decision_or_outcome(entry: Entry, transition: str, operation: dict[str, Any], seq: int, at: str) -> None:
    if transition in (APPROVAL_ADDED, APPROVED):
        entry.approvals.append(_decided(operation, seq))
        entry.approved = entry.approved or transition == APPROVED
    elif transition == DENIED:
        entry.denial, entry.ended = _decided(operation, seq), entry.ended or DENIED
    elif transition == CLAIMED:
        entry.claimed = True
    elif transition in _ENDED:
        entry.ended = entry.ended or transition
        entry.result = dict(operation.get("result") or {})
        if operation.get("grant_expires_at"):
            entry.grant_expires_at = datetime.fromisoformat(operation["grant_expires_at"])
    elif transition == REVOKED:
        entry.revoked_at = datetime.fromisoformat(at)


def _asked(request_id: str, operation: dict[str, Any], seq: int, recorded_at: str) -> Requested:
    return Requested(
        request_id,
        str(operation["requester"]),
        str(operation.get("operation_digest", "")),
        str(operation.get("policy_digest", "")),
        int(operation.get("quorum", 1)),
        datetime.fromisoformat(operation["expires_at"]),
        seq,
        str(operation.get("reason", "")),
        dict(operation.get("impact") or {}),
        datetime.fromisoformat(recorded_at),
    )


def _decided(operation: dict[str, Any], seq: int) -> Decided:
    return Decided(
        str(operation.get("by", "")),
        str(operation.get("operation_digest", "")),
        str(operation.get("policy_digest", "")),
        datetime.fromisoformat(operation["decided_at"]),
        seq,
        str(operation.get("note", "")),
    )


def as_recorded(ledger: Ledger, cached: Request) -> tuple[Request | None, list[str]]:
    """``cached`` (a request as the approvals topic holds it) as the control chain records it: everything but
    the operation's body comes from the chain. None, with the reasons, when the chain has no such request or
    the body is not the one requested; the reasons also name any field of ``cached`` that differs from the
    chain (the topic is written only in the chain's transactions: a difference means it was tampered with)."""
    entry = ledger.entries.get(cached.id)
    if entry is None:
        return None, [f"request {cached.id} is on the approvals topic, but the control chain never recorded it"]
    asked = entry.asked
    if cached.operation.digest() != asked.operation_digest:
        requested = asked.operation_digest[:12]
        return None, [f"request {cached.id}: its operation is not the one requested (digest {requested})"]
    recorded = cached.model_copy(
        update={
            "operation_digest": asked.operation_digest,
            "policy_digest": asked.policy_digest,
            "requester": asked.requester,
            "reason": asked.reason or cached.reason,
            "impact": asked.impact or cached.impact,
            "created_at": asked.created_at or cached.created_at,
            "expires_at": asked.expires_at,
            "quorum": asked.quorum,
            "state": entry.state,
            "approvals": tuple(decided.decision() for decided in entry.approvals),
            "denial": entry.denial.decision() if entry.denial else None,
            "result": entry.result,
            "grant_expires_at": entry.grant_expires_at,
            "revoked_at": entry.revoked_at,
            "history": tuple(entry.history),
        }
    )
    return recorded, _differences(cached, recorded)


def _differences(cached: Request, recorded: Request) -> list[str]:
    fields = ("requester", "quorum", "expires_at", "state", "grant_expires_at", "revoked_at")
    differ = [name for name in fields if getattr(cached, name) != getattr(recorded, name)]
    if [d.principal for d in cached.approvals] != [d.principal for d in recorded.approvals]:
        differ.append("approvals")
    if not differ:
        return []
    said = ", ".join(f"{name}={_shown(getattr(cached, name))}" for name in differ if name != "approvals")
    return [f"request {cached.id}: the approvals topic says {said or 'other approvals'}; the control chain does not"]


def _shown(value: Any) -> str:
    return value.value if isinstance(value, State) else str(value)


def asked_payload(request: Request) -> dict[str, Any]:
    """What a ``requested`` event records beyond the request's summary: what the ledger binds it to."""
    return {
        "operation_digest": request.operation_digest,
        "policy_digest": request.policy_digest,
        "quorum": request.quorum,
        "expires_at": request.expires_at.isoformat(),
    }


def decided_payload(request: Request, decision: Decision) -> dict[str, Any]:
    """What an approval or denial event records: who, of which operation, under which policy, when."""
    return {
        "by": decision.principal,
        "operation_digest": request.operation_digest,
        "policy_digest": decision.policy_digest,
        "decided_at": decision.at.isoformat(),
    }


def refusals(ledger: Ledger, request: Request, policy_now: Policy, now: datetime) -> list[str]:
    """Why ``request`` (as the approvals topic holds it) must not execute now; empty when it may."""
    entry = ledger.entries.get(request.id)
    if entry is None:
        return [f"the control chain has no request {request.id}"]
    asked, problems = entry.asked, []
    if request.operation.digest() != asked.operation_digest:
        problems.append(f"its operation is not the one requested (digest {asked.operation_digest[:12]})")
    if entry.ended is not None:
        problems.append(f"it is {entry.ended} already")
    elif entry.claimed:
        problems.append("its execution was claimed already: it runs once")
    if now >= asked.expires_at:
        problems.append(f"it expired at {asked.expires_at.isoformat()}")
    approvers, why_not = _valid_approvers(ledger, entry, policy_now)
    if len(approvers) < asked.quorum:
        detail = f" ({'; '.join(why_not)})" if why_not else ""
        problems.append(f"{len(approvers)} valid approval(s) of the {asked.quorum} it needs{detail}")
    return problems


def _valid_approvers(ledger: Ledger, entry: Entry, policy_now: Policy) -> tuple[set[str], list[str]]:
    """The distinct principals whose approval counts, and why each other approval does not."""
    asked, valid, why_not = entry.asked, set(), []
    for decision in entry.approvals:
        reason = _invalid(ledger, asked, decision, policy_now)
        if reason is None:
            valid.add(decision.principal)
        else:
            why_not.append(f"{decision.principal} at seq {decision.seq}: {reason}")
    return valid, why_not


def _invalid(ledger: Ledger, asked: Requested, decision: Decided, policy_now: Policy) -> str | None:
    if decision.principal == asked.requester:
        return "the requester (four eyes)"
    if decision.operation_digest != asked.operation_digest:
        return "approved another operation"
    if decision.at >= asked.expires_at:
        return "after the request expired"
    version = ledger.policy_at(decision.seq)
    if version is None or version.digest != decision.policy_digest:
        return "under a policy the server was not enforcing"
    if not ledger.policy(version).has_role(decision.principal, Role.APPROVER):
        return "not an approver under the policy in force then"
    if not policy_now.has_role(decision.principal, Role.APPROVER):
        return "no longer an approver"
    return None
