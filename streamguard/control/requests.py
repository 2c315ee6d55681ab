"""Just-in-time requests for risky operations, and the state machine that decides them (pure).

    pending ──approve (quorum reached)──▶ approved ──run──▶ executed | failed
       │ ──deny──▶ denied
       └──(time to live passes)──▶ expired

Four eyes: a requester never approves their own request, only principals with the approver role approve,
and the quorum counts distinct approvers. The quorum and the expiry are fixed when the request is made, so a
later policy change does not decide requests already pending. A time-bound grant, once executed, is
revoked at ``grant_expires_at`` (``revoked_at`` is set then; the request stays ``executed``).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from streamguard.control.policy import Policy, Role
from streamguard.core.errors import PermissionDenied, RequestStateError


class State(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"
    EXPIRED = "expired"
    EXECUTED = "executed"
    FAILED = "failed"


# Kafka's own limits on names, so a request names something that can exist (and an error can quote it).
TopicName = Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,249}$", description="a Kafka topic")]
GroupId = Annotated[str, Field(pattern=r"^[!-~]{1,255}$", description="a Kafka consumer group")]


class _Operation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def topics(self) -> list[str]:
        """Topics the operation acts on (what its impact is measured on)."""
        topic = getattr(self, "topic", None)
        return [topic] if topic else []

    def describe(self) -> str:
        fields = self.model_dump(
            exclude={"op", "rules_yaml", "avro_schema_json", "key_avro_schema_json"}, exclude_none=True
        )
        return f"{self.op} " + " ".join(f"{key}={value}" for key, value in fields.items())  # type: ignore[attr-defined]


class DeleteTopic(_Operation):
    op: Literal["delete-topic"] = "delete-topic"
    topic: TopicName


class AddPartitions(_Operation):
    op: Literal["add-partitions"] = "add-partitions"
    topic: TopicName
    count: int = Field(ge=1, le=100_000, description="the partition count the topic grows to")


class DeleteGroup(_Operation):
    op: Literal["delete-group"] = "delete-group"
    group: GroupId


def reset_target(to: str) -> str:
    """``to`` if it is earliest, latest or an ISO-8601 time; ValueError naming what it expects otherwise."""
    if to not in ("earliest", "latest"):
        try:
            datetime.fromisoformat(to)
        except ValueError:
            raise ValueError(f"{to!r}: expected earliest, latest or an ISO-8601 time") from None
    return to


class ResetOffsets(_Operation):
    op: Literal["reset-offsets"] = "reset-offsets"
    group: GroupId
    topic: TopicName
    to: Annotated[str, AfterValidator(reset_target)] = Field(description="earliest, latest, or an ISO-8601 time")


class AlterConfig(_Operation):
    op: Literal["alter-config"] = "alter-config"
    topic: TopicName
    key: str = Field(pattern=r"^[a-z0-9._-]{1,255}$", description="a topic configuration, e.g. retention.ms")
    value: str = Field(max_length=4096)


class ApplyRules(_Operation):
    """A rules version that reduces protection; the text travels in the request so what was approved is
    exactly what is applied."""

    op: Literal["apply-rules"] = "apply-rules"
    dataset: str
    source_name: str
    rules_yaml: str
    avro_schema_json: str | None = None
    key_avro_schema_json: str | None = None


class Replay(_Operation):
    """Re-derive an audience's view of a session from the raw records (reads raw personal data)."""

    op: Literal["replay"] = "replay"
    session: str = Field(pattern=r"^[0-9a-f]{8,64}$", description="a session id or a prefix of 8+ characters")
    audience: str = Field(pattern=r"^[!-~]{1,255}$")


class Grant(_Operation):
    """Time-bound read access: READ on a topic and a consumer-group prefix, revoked by streamguard at expiry."""

    op: Literal["grant"] = "grant"
    principal: str = Field(pattern=r"^[!-~]{1,255}$")
    topic: TopicName
    seconds: int = Field(ge=1, description="how long the access lasts once granted")
    group_prefix: GroupId


Operation = Annotated[
    DeleteTopic | AddPartitions | DeleteGroup | ResetOffsets | AlterConfig | ApplyRules | Replay | Grant,
    Field(discriminator="op"),
]

# Who may ask for what: topic and group surgery is the admins', rules the stewards' too.
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


class Decision(BaseModel):
    model_config = ConfigDict(frozen=True)

    principal: str
    at: datetime
    note: str = ""


class Transition(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: str
    at: datetime
    by: str
    note: str = ""


class Request(BaseModel):
    """Who asked for what and why, what it would touch, and everything that happened to it since."""

    model_config = ConfigDict(frozen=True)

    id: str
    operation: Operation
    requester: str
    reason: str
    impact: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime
    expires_at: datetime
    quorum: int
    state: State = State.PENDING
    approvals: tuple[Decision, ...] = ()
    denial: Decision | None = None
    result: dict[str, Any] = Field(default_factory=dict)
    grant_expires_at: datetime | None = None
    revoked_at: datetime | None = None
    history: tuple[Transition, ...] = ()

    @property
    def dataset(self) -> str | None:
        return getattr(self.operation, "dataset", None)

    def impact_summary(self) -> str:
        """One line for an inbox: what a topic holds and who reads it, the loosenings of a rule change, what a
        grant exposes."""
        impact, parts = self.impact, []
        if "exposes" in impact:
            parts.append(f"exposes {impact['exposes']} for {impact.get('for', '?')}")
        if impact.get("exists") is False:
            parts.append("no such topic or group")
        if "records" in impact:
            parts.append(f"{impact['records']} records in {impact.get('partitions', '?')} partitions")
        if impact.get("consumer_groups"):
            parts.append("read by " + ", ".join(impact["consumer_groups"]))
        if "members" in impact:
            parts.append(f"{impact['members']} members ({impact.get('state', '?')})")
        diff = impact.get("rules_diff")
        if diff:
            loosened = [c for c in diff.get("changes", []) if c.get("effect") == "loosens"]
            parts.append(
                f"{len(loosened)} loosenings: " + ", ".join(f"{c['audience']} {c['path']}" for c in loosened[:3])
            )
        return "; ".join(parts) or "-"

    def time_left(self, now: datetime) -> timedelta:
        return max(self.expires_at - now, timedelta(0))

    def summary(self) -> dict[str, Any]:
        """What the audit event of a transition says: the request's identity, state and decisions."""
        return {
            "request": self.id,
            "op": self.operation.op,
            "operation": self.operation.describe(),
            "state": self.state.value,
            "requester": self.requester,
            "reason": self.reason,
            "approvers": [decision.principal for decision in self.approvals],
            "result": self.result,
            **({"dataset": self.dataset} if self.dataset else {}),
        }

    def _moved(self, state: State, at: datetime, by: str, note: str = "", **changes: Any) -> Request:
        history = (*self.history, Transition(state=state.value, at=at, by=by, note=note))
        return self.model_copy(update={"state": state, "history": history, **changes})


def new_request(
    operation: _Operation, requester: str, reason: str, impact: dict[str, Any], policy: Policy, now: datetime
) -> Request:
    """A pending request; PermissionDenied if the requester may not ask for this, ValueError-free: the reason
    is required and names the problem."""
    if not reason.strip():
        raise PermissionDenied("a request needs a reason (--reason TEXT): the approver decides on it")
    allowed = _REQUESTERS[operation.op]  # type: ignore[attr-defined]
    own_grant = isinstance(operation, Grant) and operation.principal == requester
    if not own_grant and not any(policy.has_role(requester, role) for role in allowed):
        roles = " or ".join(sorted(role.value for role in allowed))
        raise PermissionDenied(f"{requester} may not request {operation.op}: that takes the {roles} role")  # type: ignore[attr-defined]
    if isinstance(operation, Grant) and operation.seconds > policy.approvals.max_grant.total_seconds():
        raise PermissionDenied(
            f"a grant of {operation.seconds} s exceeds the policy's max_grant of "
            f"{int(policy.approvals.max_grant.total_seconds())} s"
        )
    request = Request(
        id=uuid.uuid4().hex[:12],
        operation=operation,  # type: ignore[arg-type]
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
    approvals = (*request.approvals, Decision(principal=approver, at=now, note=note))
    if len(approvals) < request.quorum:
        return request.model_copy(update={"approvals": approvals})
    return request._moved(State.APPROVED, now, approver, note, approvals=approvals)


def deny(request: Request, principal: str, reason: str, policy: Policy, now: datetime) -> Request:
    _require_pending(request, now)
    if not reason.strip():
        raise PermissionDenied("a denial needs a reason (--reason TEXT)")
    if not policy.has_role(principal, Role.APPROVER):
        raise PermissionDenied(f"{principal} may not deny: that takes the approver role")
    denial = Decision(principal=principal, at=now, note=reason.strip())
    return request._moved(State.DENIED, now, principal, reason.strip(), denial=denial)


def expire(request: Request, now: datetime) -> Request | None:
    """The request expired, if it is pending past its time to live; None otherwise."""
    if request.state is State.PENDING and now >= request.expires_at:
        return request._moved(State.EXPIRED, now, "streamguard", "pending past its time to live")
    return None


def executed(request: Request, result: dict[str, Any], now: datetime) -> Request:
    _require(request, State.APPROVED)
    grant_ends = now + timedelta(seconds=request.operation.seconds) if isinstance(request.operation, Grant) else None
    return request._moved(State.EXECUTED, now, "streamguard", result=result, grant_expires_at=grant_ends)


def failed(request: Request, error: str, now: datetime) -> Request:
    _require(request, State.APPROVED)
    return request._moved(State.FAILED, now, "streamguard", error, result={"error": error})


def revoked(request: Request, now: datetime) -> Request:
    """A grant's access taken back at its expiry."""
    if request.grant_expires_at is None or request.revoked_at is not None:
        raise RequestStateError(f"{request.id} is not an active grant")
    history = (*request.history, Transition(state="revoked", at=now, by="streamguard", note="grant expired"))
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
