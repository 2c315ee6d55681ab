"""The control-plane policy: who the principals are, what they may do, who belongs to which audience, who
owns which raw topic, how approvals work and when monitoring raises an alert.

Loaded from YAML (``STREAMGUARD_POLICY``) with every problem reported at once as ``file:line: path: problem``,
like steward rules. Tokens are kept as SHA-256 digests only: the policy file is safe to review and commit.

```yaml
principals:
  alice: {roles: [steward], token_sha256: "…", kafka_user: alice}
  bob:   {roles: [approver], token_sha256: "…"}
  ana:   {kafka_user: ana}
audiences:
  analytics: {principals: [ana], group_prefixes: [analytics-]}
owners:
  customers: crm-service          # dataset -> the principal (or Kafka user) that alone writes raw.customers
approvals: {quorum: 1, pending_ttl: 24h, max_grant: 8h, webhook: "https://hooks.example.com/streamguard"}
decrypt: {roles: [auditor]}       # who may ask to turn encrypt tokens back into values (default: nobody)
```

A policy is identified by the SHA-256 of its text (``digest``): the server records each version it enforces
in the control chain, and every decision names the digest of the policy it was made under.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from enum import StrEnum
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError

from streamguard.core.durations import bounded_duration, parse_duration
from streamguard.core.errors import InvalidInput, PolicyError
from streamguard.masking.rules_yaml import LocatedYaml, Location, load_located


class Role(StrEnum):
    STEWARD = "steward"  # publishes rules; reads quarantine
    APPROVER = "approver"  # decides requests of others
    ADMIN = "admin"  # requests risky operations, plans and applies ACLs
    AUDITOR = "auditor"  # reads the evidence


def _duration(value: Any) -> Any:
    return parse_duration(value) if isinstance(value, str) else value


def _positive(value: timedelta) -> timedelta:
    if value <= timedelta(0):
        raise ValueError("must be longer than nothing")
    return bounded_duration(value)  # plain seconds (``pending_ttl: 80000000000000``) skip the parser's bound


Duration = Annotated[timedelta, BeforeValidator(_duration), AfterValidator(_positive)]
_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.@\-]*$"


class Principal(BaseModel):
    """A person or service: its roles, its API token's digest, its Kafka (SCRAM) user."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    roles: tuple[Role, ...] = ()
    token_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    kafka_user: str | None = Field(default=None, pattern=_NAME)

    @property
    def kafka_principal(self) -> str | None:
        return f"User:{self.kafka_user}" if self.kafka_user else None


class AudienceMembership(BaseModel):
    """Who reads an audience's governed views: principals, and the consumer groups that are its (by prefix)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    principals: tuple[str, ...] = ()
    group_prefixes: tuple[Annotated[str, Field(min_length=1)], ...] = ()


class ApprovalSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    quorum: int = Field(default=1, ge=1, description="distinct approvers a request needs")
    pending_ttl: Duration = Field(default=timedelta(hours=24), description="a pending request expires after this")
    max_grant: Duration = Field(default=timedelta(hours=8), description="the longest time-bound grant")
    webhook: str | None = Field(default=None, pattern=r"^https?://", description="gets each request and decision")


class DecryptSettings(BaseModel):
    """Who may ask to re-identify values (``streamguard request decrypt``): an approval still decides."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    roles: tuple[Role, ...] = ()


class Window(BaseModel):
    """A count within a sliding window of time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    count: int = Field(ge=1)
    window: Duration


class MonitoringThresholds(BaseModel):
    """When the monitoring rules raise an alert (the defaults are documented in the README)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topics_read: Window = Window(count=10, window=timedelta(minutes=1))  # one identity reading many topics
    denied: Window = Window(count=20, window=timedelta(minutes=1))  # a burst of denied authorizations
    quarantine_rate: float = Field(default=0.05, gt=0, le=1, description="of a dataset's records in a window")
    quarantine_window: Duration = timedelta(minutes=5)
    quarantine_min_records: int = Field(default=100, ge=1, description="below this a rate means nothing")
    expiry_warning: Duration = timedelta(hours=1)  # a pending request this close to expiry


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    principals: dict[Annotated[str, Field(pattern=_NAME)], Principal] = Field(default_factory=dict)
    audiences: dict[str, AudienceMembership] = Field(default_factory=dict)
    owners: dict[str, str] = Field(default_factory=dict, description="dataset -> owner principal or Kafka user")
    approvals: ApprovalSettings = ApprovalSettings()
    decrypt: DecryptSettings = DecryptSettings()
    monitoring: MonitoringThresholds = MonitoringThresholds()
    worker: str | None = Field(
        default=None, pattern=_NAME, description="the Kafka user the workers run as, when not a super user"
    )
    control: str | None = Field(
        default=None, pattern=_NAME, description="the Kafka user the server runs as, when not a super user"
    )

    _source: str = PrivateAttr(default="<policy>")
    _text: str = PrivateAttr(default="")

    @property
    def source(self) -> str:
        return self._source

    @property
    def text(self) -> str:
        """The YAML this policy was loaded from (token digests only: safe to record)."""
        return self._text

    @property
    def digest(self) -> str:
        """SHA-256 of the policy's text: how the evidence names the policy a decision was made under."""
        return hashlib.sha256(self._text.encode()).hexdigest()

    def principal(self, name: str) -> Principal:
        try:
            return self.principals[name]
        except KeyError:
            raise InvalidInput(f"{self._source}: no principal {name!r} in the policy") from None

    def has_role(self, name: str, role: Role) -> bool:
        return name in self.principals and role in self.principals[name].roles

    def authenticate(self, token_digest: str) -> str | None:
        """The principal holding the token with this SHA-256 digest, compared in constant time."""
        found = None
        for name, principal in self.principals.items():
            if principal.token_sha256 and hmac.compare_digest(principal.token_sha256, token_digest):
                found = name
        return found

    def owner_user(self, dataset: str) -> str | None:
        """The Kafka user that owns ``dataset``'s raw topic: a declared principal's, or the name as given."""
        owner = self.owners.get(dataset)
        if owner is None:
            return None
        return self.principals[owner].kafka_user if owner in self.principals else owner

    def audiences_of_group(self, group: str) -> list[str]:
        """The audiences a consumer group belongs to by its prefix."""
        return sorted(
            name
            for name, audience in self.audiences.items()
            if any(group.startswith(prefix) for prefix in audience.group_prefixes)
        )

    def audiences_of_user(self, kafka_user: str) -> list[str]:
        return sorted(
            name
            for name, audience in self.audiences.items()
            if any(self.principals[p].kafka_user == kafka_user for p in audience.principals if p in self.principals)
        )

    def principal_of_user(self, kafka_user: str) -> str | None:
        """The policy's principal behind a Kafka user, if one is declared."""
        return next((name for name, p in self.principals.items() if p.kafka_user == kafka_user), None)


def load_policy(text: str, source: str) -> Policy:
    """Parse and validate a policy; every problem at once in one PolicyError."""
    try:
        located = load_located(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise PolicyError(f"{source}:{line}: not valid YAML: {getattr(error, 'problem', error)}") from None
    problems = [
        f"{source}:{line}: {_dotted(where)}: duplicate key (first at line {first})"
        for line, where, first in located.duplicates
    ]
    data = located.data if located.data is not None else {}
    if not isinstance(data, dict):
        raise PolicyError(f"{source}:1: the policy must be a mapping with principals, audiences, owners, approvals")
    policy = None
    try:
        policy = Policy.model_validate(data)
    except ValidationError as error:
        problems += [_pydantic_problem(source, located, issue) for issue in error.errors()]
    if policy is not None:
        problems += _reference_problems(policy, source, located)
    if problems:
        raise PolicyError(f"{source}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    assert policy is not None
    policy._source = source
    policy._text = text
    return policy


def _reference_problems(policy: Policy, source: str, located: LocatedYaml) -> list[str]:
    """Names the policy uses that it does not declare, and roles nobody can exercise."""
    problems = []
    for audience, membership in policy.audiences.items():
        for index, name in enumerate(membership.principals):
            where = ("audiences", audience, "principals", index)
            if name not in policy.principals:
                problems.append(f"{source}:{located.line_of(where)}: {_dotted(where)}: unknown principal {name!r}")
            elif policy.principals[name].kafka_user is None:
                problems.append(
                    f"{source}:{located.line_of(where)}: {_dotted(where)}: principal {name!r} has no kafka_user, "
                    "so no ACL can let it read"
                )
    if policy.approvals.quorum > sum(Role.APPROVER in p.roles for p in policy.principals.values()):
        where = ("approvals", "quorum")
        problems.append(
            f"{source}:{located.line_of(where)}: {_dotted(where)}: a quorum of {policy.approvals.quorum} needs "
            "at least as many principals with the approver role"
        )
    digests: dict[str, str] = {}
    for name, principal in policy.principals.items():
        if principal.token_sha256 and principal.token_sha256 in digests:
            where = ("principals", name, "token_sha256")
            holder = digests[principal.token_sha256]
            problems.append(f"{source}:{located.line_of(where)}: {_dotted(where)}: the same token as {holder!r}")
        elif principal.token_sha256:
            digests[principal.token_sha256] = name
    return problems


def _pydantic_problem(source: str, located: LocatedYaml, issue: Any) -> str:
    location: Location = tuple(part for part in issue["loc"] if not str(part).startswith("function-"))
    message = issue["msg"]
    if issue["type"] == "extra_forbidden":
        message = "unknown key"
    elif issue["type"] == "string_pattern_mismatch" and location[-1:] == ("token_sha256",):
        message = "not a SHA-256 hex digest (`streamguard policy token NAME` prints the line to paste)"
    elif issue["type"] == "value_error":
        message = str(issue.get("ctx", {}).get("error", message))
    return f"{source}:{located.line_of(location)}: {_dotted(location) or '<top>'}: {message}"


def _dotted(location: Location) -> str:
    return ".".join(str(part) for part in location)
