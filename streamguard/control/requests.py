"""Requests for risky operations: what may be asked for, and what a request records (pure data).

    pending ──approve (quorum reached)──▶ approved ──claim──▶ executing ──▶ executed | failed
       │ ──deny──▶ denied                    │
       └──(time to live passes)──▶ expired ◀─┘ (not executed within it)

A request names its exact operation by a digest (``operation_digest``: the canonical JSON of the operation,
rules text, dataset and base version included), and the policy it was made under by the policy's digest.
Approvals bind to both. Who may move a request from one state to another is ``control.decisions``; what
the control chain proves about a request is ``control.ledger``. This module imports neither the policy nor
the decisions, so the command line can read requests without holding what decides them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError


class State(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    EXECUTING = "executing"  # its execution is claimed in the control chain: it runs at most once
    DENIED = "denied"
    EXPIRED = "expired"
    EXECUTED = "executed"
    FAILED = "failed"


# Kafka's own limits on names, so a request names something that can exist (and an error can quote it).
TopicName = Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,249}$", description="a Kafka topic")]
GroupId = Annotated[str, Field(pattern=r"^[!-~]{1,255}$", description="a Kafka consumer group")]
DatasetName = Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,200}$", description="a dataset (raw.<dataset>)")]
_PRINCIPAL = r"^[!-~]{1,255}$"


class _Operation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def topics(self) -> list[str]:
        """Topics the operation acts on (what its impact is measured on)."""
        topic = getattr(self, "topic", None)
        return [topic] if topic else []

    def describe(self) -> str:
        fields = self.model_dump(
            exclude={"op", "rules_yaml", "avro_schema_json", "key_avro_schema_json", "policy_yaml"}, exclude_none=True
        )
        return f"{self.op} " + " ".join(f"{key}={value}" for key, value in fields.items())  # type: ignore[attr-defined]

    def digest(self) -> str:
        """SHA-256 of the operation's canonical JSON: what approvals bind to, so a changed byte is a new request."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


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
    """``to`` if it is earliest, latest or an ISO-8601 time; an error that does not repeat the text otherwise."""
    if to not in ("earliest", "latest"):
        try:
            datetime.fromisoformat(to)
        except ValueError:
            raise PydanticCustomError("reset_target", "expected earliest, latest or an ISO-8601 time") from None
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


class RulesText(_Operation):
    """Steward rules as a client submits them: the text and its schemas. The dataset is never the client's
    word: the server reads it from the text (``ApplyRules``)."""

    op: Literal["apply-rules"] = "apply-rules"
    source_name: str = Field(default="rules.yaml", pattern=r"^[!-~]{1,200}$", description="named in errors")
    rules_yaml: str = Field(min_length=1, max_length=1_000_000)
    avro_schema_json: str | None = Field(default=None, max_length=1_000_000)
    key_avro_schema_json: str | None = Field(default=None, max_length=1_000_000)


class ApplyRules(RulesText):
    """A rules version to publish once approved: the exact text, the dataset the server parsed from it and the
    version in force it was compared with (``base_version``; None: the dataset's first). It is published only
    while that version is still in force, so an approval never undoes a change made after the request."""

    dataset: DatasetName
    base_version: int | None = Field(default=None, ge=1)


class Replay(_Operation):
    """Re-derive an audience's view of a session from the raw records (reads raw personal data)."""

    op: Literal["replay"] = "replay"
    session: str = Field(pattern=r"^[0-9a-f]{8,64}$", description="a session id or a prefix of 8+ characters")
    audience: str = Field(pattern=r"^[!-~]{1,255}$")


class Grant(_Operation):
    """Time-bound read access: READ on a topic and a consumer-group prefix, revoked by streamguard at expiry."""

    op: Literal["grant"] = "grant"
    principal: str = Field(pattern=_PRINCIPAL)
    topic: TopicName
    seconds: int = Field(ge=1, le=366 * 86400, description="how long the access lasts once granted")
    group_prefix: GroupId | None = Field(default=None, description="default: <the grantee's kafka user>-")


class Decrypt(_Operation):
    """Time-bound re-identification: the requester may turn ``encrypt`` tokens of a dataset back into values,
    through the server, for ``seconds`` once approved; each use is an audit event."""

    op: Literal["decrypt"] = "decrypt"
    dataset: DatasetName
    seconds: int = Field(ge=1, le=366 * 86400, description="how long the requester may decrypt once approved")


class PolicyChange(_Operation):
    """A new policy file that gives more than the one in force (a principal, a token, a role, a lower quorum):
    it takes effect only once the approvers of the policy in force approve it."""

    op: Literal["policy-change"] = "policy-change"
    policy_digest: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the new policy text")
    base_digest: str = Field(pattern=r"^[0-9a-f]{64}$", description="the policy in force it was compared with")
    policy_yaml: str = Field(max_length=1_000_000)


# What a client may ask for; the server turns ``RulesText`` into ``ApplyRules`` and a policy file into
# ``PolicyChange`` itself.
Asked = Annotated[
    DeleteTopic | AddPartitions | DeleteGroup | ResetOffsets | AlterConfig | RulesText | Replay | Grant | Decrypt,
    Field(discriminator="op"),
]
Operation = Annotated[
    DeleteTopic
    | AddPartitions
    | DeleteGroup
    | ResetOffsets
    | AlterConfig
    | ApplyRules
    | Replay
    | Grant
    | Decrypt
    | PolicyChange,
    Field(discriminator="op"),
]
POLICY_FILE_REQUESTER = "streamguard:policy-file"  # who asks for a policy change: the file, not a principal


class Decision(BaseModel):
    model_config = ConfigDict(frozen=True)

    principal: str
    at: datetime
    note: str = ""
    policy_digest: str = ""  # the policy in force when the decision was made


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
    operation_digest: str = ""
    policy_digest: str = ""  # the policy in force when it was made
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
        if impact.get("policy_changes"):
            parts.append("policy: " + "; ".join(impact["policy_changes"][:3]))
        return "; ".join(parts) or "-"

    def time_left(self, now: datetime) -> timedelta:
        return max(self.expires_at - now, timedelta(0))

    def summary(self) -> dict[str, Any]:
        """What the audit event of a transition says: the request's identity, state and decisions."""
        return {
            "request": self.id,
            "op": self.operation.op,
            "operation": self.operation.describe(),
            "operation_digest": self.operation_digest,
            "state": self.state.value,
            "requester": self.requester,
            "reason": self.reason,
            "approvers": [decision.principal for decision in self.approvals],
            "result": self.result,
            **({"dataset": self.dataset} if self.dataset else {}),
        }

    def moved(self, state: State, at: datetime, by: str, note: str = "", **changes: Any) -> Request:
        """This request in ``state``, the move added to its history."""
        history = (*self.history, Transition(state=state.value, at=at, by=by, note=note))
        return self.model_copy(update={"state": state, "history": history, **changes})
