"""The Kafka ACLs a policy implies, and the difference to what the broker holds (pure).

Least privilege, enforced by the broker's authorizer:

- each audience's principals READ and DESCRIBE the governed view of their audience of every dataset whose
  rules have that audience, and READ the audience's consumer-group prefixes; nothing on raw topics or on
  other audiences' views;
- each dataset's owner WRITEs (and DESCRIBEs) its raw topic and nothing else. No IDEMPOTENT_WRITE on the
  cluster: since Kafka 2.8 (KIP-679) WRITE on any topic lets a producer be idempotent, which the integration
  tests check with librdkafka's idempotent producer on Kafka 4.1;
- stewards (the steward role and a kafka_user) READ and DESCRIBE the quarantine topic, with consumer groups
  named ``<kafka_user>-...`` (a prefix of their own, so no steward can join another's group);
- the worker user (``worker`` in the policy, when the workers are not super users) what the data path does,
  and nothing on what the server alone writes (rules, requests, the control chain, the ACL ledger);
- the control user (``control`` in the policy, when the server is not a super user): the server's own
  topics and transactional id, and what its approved operations and ``acl apply`` do: every topic, every
  group, and the cluster's ACLs and SCRAM users;
- each active time-bound grant: READ and DESCRIBE on its topic, READ on its group prefix, until it expires
  (whoever executes grants revokes them at expiry: Kafka ACLs have no time limit).

An entry's identity is its binding (principal, resource, pattern, operation, permission, host); its reason is
what it is for, shown to people and kept in the ledger, never compared.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from streamguard.control.policy import Policy, Role
from streamguard.core.topics import READBACK_GROUP, RULES_FEED_GROUP_PREFIX, TopicNames

# The groups streamguard's assign-only readers name (read-back in agents/kafka_readback.py and
# kafka_audit_reader.py, the rules feed in agents/kafka_rules.py): never joined, but librdkafka still looks up
# their coordinator, which the broker authorizes.


CLUSTER = "kafka-cluster"  # the one cluster resource's name


class ResourceType(StrEnum):
    TOPIC = "topic"
    GROUP = "group"
    CLUSTER = "cluster"
    TRANSACTIONAL_ID = "transactional_id"


class PatternType(StrEnum):
    LITERAL = "literal"
    PREFIXED = "prefixed"


class Operation(StrEnum):
    """Kafka's ACL operations (all of them: ACLs streamguard did not create are read back too)."""

    ALL = "all"
    READ = "read"
    WRITE = "write"
    CREATE = "create"
    DELETE = "delete"
    ALTER = "alter"
    DESCRIBE = "describe"
    CLUSTER_ACTION = "cluster_action"
    DESCRIBE_CONFIGS = "describe_configs"
    ALTER_CONFIGS = "alter_configs"
    IDEMPOTENT_WRITE = "idempotent_write"


class Permission(StrEnum):
    ALLOW = "allow"
    DENY = "deny"


@dataclass(frozen=True)
class AclEntry:
    """One ACL binding; equal entries are the same binding whatever their reasons."""

    principal: str  # "User:ana"
    resource_type: ResourceType
    resource_name: str
    pattern: PatternType
    operation: Operation
    permission: Permission = Permission.ALLOW
    host: str = "*"
    reason: str = field(default="", compare=False)

    def key(self) -> str:
        """The binding as a compact JSON array: stable, unambiguous whatever the names hold (the ledger key)."""
        fields = [self.principal, self.resource_type, self.resource_name, self.pattern, self.operation]
        return json.dumps([*fields, self.permission, self.host], separators=(",", ":"))

    @classmethod
    def from_key(cls, key: str, reason: str = "") -> AclEntry:
        principal, resource_type, name, pattern, operation, permission, host = json.loads(key)
        return cls(
            principal,
            ResourceType(resource_type),
            name,
            PatternType(pattern),
            Operation(operation),
            Permission(permission),
            host,
            reason,
        )

    @property
    def resource(self) -> str:
        """``topic governed.x.analytics``, ``group analytics-*`` (a prefix ends in ``*``)."""
        wildcard = "*" if self.pattern is PatternType.PREFIXED else ""
        return f"{self.resource_type} {self.resource_name}{wildcard}"


@dataclass(frozen=True)
class TemporaryGrant:
    """Time-bound read access from an approved request: ``kafka_user`` reads ``topic`` with consumer groups
    named ``group_prefix...`` until ``expires_at``."""

    kafka_user: str
    topic: str
    group_prefix: str
    expires_at: datetime
    request_id: str

    def __post_init__(self) -> None:
        if self.expires_at.utcoffset() is None:
            raise ValueError(f"grant {self.request_id}: expires_at must be timezone-aware")
        if not (self.kafka_user and self.topic and self.group_prefix):
            raise ValueError(f"grant {self.request_id}: an empty user, topic or group prefix (one would match all)")


@dataclass(frozen=True)
class AclDiff:
    """What ``acl apply`` changes: ``add`` (planned, not on the broker), ``remove`` (streamguard's, on the
    broker, no longer planned), ``foreign`` (on the broker, not streamguard's: kept, listed for information)
    and ``vanished`` (ledger keys whose ACL is neither on the broker nor planned: deleted by hand, or an
    intent whose creation failed; only the ledger entry goes)."""

    add: tuple[AclEntry, ...]
    remove: tuple[AclEntry, ...]
    foreign: tuple[AclEntry, ...]
    vanished: tuple[str, ...] = ()

    @property
    def changes(self) -> bool:
        return bool(self.add or self.remove or self.vanished)


def plan_acls(
    policy: Policy, datasets: Mapping[str, Sequence[str]], names: TopicNames, grants: Sequence[TemporaryGrant]
) -> list[AclEntry]:
    """Every ACL the policy implies for ``datasets`` (dataset -> the audiences of its rules in force) and the
    active ``grants`` (the caller passes only grants not yet expired); one entry per binding, the first
    reason kept, sorted by principal and resource."""
    entries = [
        *_audience_acls(policy, datasets, names),
        *_owner_acls(policy, names),
        *_steward_acls(policy, names),
        *_worker_acls(policy.worker, names),
        *_control_acls(policy.control, names),
        *(entry for grant in grants for entry in grant_acls(grant)),
    ]
    unique = {entry.key(): entry for entry in reversed(entries)}  # the first of equal entries wins
    return [unique[key] for key in sorted(unique)]  # the key starts with the principal, then the resource


def grant_acls(grant: TemporaryGrant) -> list[AclEntry]:
    principal, until = f"User:{grant.kafka_user}", grant.expires_at.isoformat(timespec="seconds")
    why = f"grant {grant.request_id} until {until}"
    return [
        *_reads(principal, grant.topic, why),
        _acl(principal, ResourceType.GROUP, grant.group_prefix, Operation.READ, f"{why}: its consumer groups", True),
    ]


def diff_acls(planned: Iterable[AclEntry], on_broker: Iterable[AclEntry], ledger_keys: Iterable[str]) -> AclDiff:
    """Add what is planned and missing; remove only what streamguard created (its ledger) and no longer plans;
    never touch the rest."""
    wanted = {entry.key(): entry for entry in planned}
    present = {entry.key(): entry for entry in on_broker}
    ours = set(ledger_keys)
    stale = [entry for key, entry in present.items() if key not in wanted]
    return AclDiff(
        add=tuple(entry for key, entry in wanted.items() if key not in present),
        remove=tuple(entry for entry in stale if entry.key() in ours),
        foreign=tuple(entry for entry in stale if entry.key() not in ours),
        vanished=tuple(sorted(ours - wanted.keys() - present.keys())),
    )


def policy_users(policy: Policy) -> list[str]:
    """The Kafka (SCRAM) users the policy names: principals', owners', the worker's and the server's."""
    users = {p.kafka_user for p in policy.principals.values() if p.kafka_user}
    users |= {user for dataset in policy.owners if (user := policy.owner_user(dataset))}
    return sorted(users | {user for user in (policy.worker, policy.control) if user})


def audience_group_acls(policy: Policy, audience: str) -> list[AclEntry]:
    """READ on the audience's consumer-group prefixes, for each of its principals (the part of its ACLs that
    does not depend on the rules in force: read evidence infers a group's readers from it)."""
    return [
        _acl(principal, ResourceType.GROUP, prefix, Operation.READ, f"{why}: its consumer groups", True)
        for principal, why in _audience_principals(policy, audience)
        for prefix in policy.audiences[audience].group_prefixes
    ]


def _audience_acls(policy: Policy, datasets: Mapping[str, Sequence[str]], names: TopicNames) -> Iterable[AclEntry]:
    for audience in sorted(policy.audiences):
        views = [names.governed(dataset, audience) for dataset, of in sorted(datasets.items()) if audience in of]
        for principal, why in _audience_principals(policy, audience):
            for view in views:
                yield from _reads(principal, view, f"{why} reads its view")
        yield from audience_group_acls(policy, audience)


def _audience_principals(policy: Policy, audience: str) -> Iterable[tuple[str, str]]:
    """(Kafka principal, reason prefix) of each of the audience's principals with a Kafka user."""
    for name in policy.audiences[audience].principals:
        principal = policy.principal(name).kafka_principal
        if principal is None:
            continue  # the policy's loader refuses it; a hand-built policy may still hold one
        yield principal, f"audience {audience}: {name}"


def _owner_acls(policy: Policy, names: TopicNames) -> Iterable[AclEntry]:
    for dataset in sorted(policy.owners):
        user = policy.owner_user(dataset)
        if user is None:
            continue  # an owner principal without a kafka_user writes nothing
        why = f"owner of {dataset}: writes its raw topic"
        for operation in (Operation.WRITE, Operation.DESCRIBE):
            yield _acl(f"User:{user}", ResourceType.TOPIC, names.raw(dataset), operation, why)


def _steward_acls(policy: Policy, names: TopicNames) -> Iterable[AclEntry]:
    for name, principal in sorted(policy.principals.items()):
        if Role.STEWARD not in principal.roles or principal.kafka_principal is None:
            continue
        why = f"steward {name}"
        yield from _reads(principal.kafka_principal, names.quarantine, f"{why} reads the quarantine")
        group_prefix = f"{principal.kafka_user}-"
        yield _acl(principal.kafka_principal, ResourceType.GROUP, group_prefix, Operation.READ, f"{why}: groups", True)


def _worker_acls(worker: str | None, names: TopicNames) -> Iterable[AclEntry]:
    """What the data path does (the integration tests run a worker with these alone): reads raw topics (and
    their cleanup policy, to mirror it in the views), creates and writes the governed views (and reads the
    configuration of its topics, to check their replication), reads the rules,
    appends to the audit, writes checkpoints and quarantine, sets up missing system topics, consumes as its
    group, reads back with assign-only consumers, and writes in transactions named after its group. Nothing
    on the approvals, sessions, ACL ledger or control chain topics, and nothing on the control chain's writer
    id: a worker can neither decide nor record a decision."""
    if worker is None:
        return
    read, write, describe, create = Operation.READ, Operation.WRITE, Operation.DESCRIBE, Operation.CREATE
    configs = Operation.DESCRIBE_CONFIGS  # to check at start that its topics are replicated as configured
    topic, group = ResourceType.TOPIC, ResourceType.GROUP
    rows: list[tuple[ResourceType, str, bool, tuple[Operation, ...], str]] = [
        (topic, names.raw_prefix, True, (read, describe, configs, create), "reads raw topics"),
        (topic, names.governed_prefix, True, (write, describe, configs, create), "creates and writes the views"),
        (topic, names.rules, False, (read, describe, configs), "reads the rules"),
        (topic, names.audit, False, (read, write, describe, configs, create), "recovers and appends to the audit"),
        (topic, names.checkpoints, False, (write, describe, configs, create), "publishes checkpoints"),
        (topic, names.quarantine, False, (write, describe, configs, create), "quarantines records"),
        (group, names.datapath_group, False, (read,), "the data path's consumer group"),
        (group, READBACK_GROUP, False, (read,), "reads the audit back (assign only)"),
        (group, RULES_FEED_GROUP_PREFIX, True, (read,), "the rules feed (assign only)"),
        (ResourceType.TRANSACTIONAL_ID, f"{names.datapath_group}.", True, (write, describe), "its transactions"),
    ]
    for resource_type, name, prefixed, operations, why in rows:
        for operation in operations:
            yield _acl(f"User:{worker}", resource_type, name, operation, f"worker: {why}", prefixed)


def _control_acls(control: str | None, names: TopicNames) -> Iterable[AclEntry]:
    """What the server does with its credential: writes its own topics (rules, requests, the control chain and
    its checkpoints, the ACL ledger, the sessions) in its transactions, reads the evidence, and runs what is
    approved: any topic deleted, grown or reconfigured, any group deleted or moved, ACLs and SCRAM users."""
    if control is None:
        return
    principal, every = f"User:{control}", Operation.ALL
    yield _acl(principal, ResourceType.TOPIC, "*", every, "control: its topics, and approved topic operations")
    yield _acl(principal, ResourceType.GROUP, "*", every, "control: read-back, and approved group operations")
    for operation in (Operation.ALTER, Operation.DESCRIBE, Operation.ALTER_CONFIGS, Operation.DESCRIBE_CONFIGS):
        yield _acl(principal, ResourceType.CLUSTER, CLUSTER, operation, "control: ACLs and SCRAM users")
    writer = f"{names.control}.writer"
    for operation in (Operation.WRITE, Operation.DESCRIBE):
        yield _acl(principal, ResourceType.TRANSACTIONAL_ID, writer, operation, "control: the control chain's writer")


def _reads(principal: str, topic: str, why: str) -> list[AclEntry]:
    return [_acl(principal, ResourceType.TOPIC, topic, op, why) for op in (Operation.READ, Operation.DESCRIBE)]


def _acl(
    principal: str, resource_type: ResourceType, name: str, operation: Operation, why: str, prefixed: bool = False
) -> AclEntry:
    pattern = PatternType.PREFIXED if prefixed else PatternType.LITERAL
    return AclEntry(principal, resource_type, name, pattern, operation, reason=why)
