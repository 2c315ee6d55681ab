"""Read evidence (pure): who read which governed view (or raw topic), up to where, and when.

Two snapshots of the consumer groups, taken some time apart, show which committed offsets moved; a committed
offset is the next offset the group will read: a group at 500 has read offsets 0 to 499. Who read is taken,
in this order (``ReadSource``):

- observed: the authorization decisions between the snapshots, from the local broker's authorizer log or a
  platform's audit-log topic (``confluent_audit``), show the principal behind each group (its joins,
  heartbeats and commits are Group READ decisions on the group id). A group whose principal they do not show
  (a super user, whose decisions the broker does not log) is recorded by its members' client ids and hosts;
- inferred, only where no observed source is available: a group whose id starts with the ``group_prefixes``
  of exactly one audience, reading a view of that audience, is read by the audience's principals, those the
  ACLs the policy generates let use the group (``acl_plan.audience_group_acls``): those ACLs let no one else
  use it, nor let the audience read another audience's view or a raw topic. Super users and ACLs made outside
  streamguard are beyond them, so such a reader is marked inferred. A group matching no prefix, or more than
  one audience's, or reading another view, stays unattributed: clients and hosts only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from streamguard.control.acl_plan import Operation, audience_group_acls
from streamguard.control.authorizer_log import AuthorizationDecision
from streamguard.control.policy import Policy
from streamguard.control.read_sources import ReadSource
from streamguard.core.topics import TopicNames

TopicPartition = tuple[str, int]
_PRECEDENCE = list(ReadSource)


@dataclass(frozen=True)
class GroupMember:
    client_id: str
    host: str
    assignment: tuple[TopicPartition, ...] = ()


@dataclass(frozen=True)
class GroupState:
    """One consumer group as the admin API describes it, with its committed offsets on in-scope topics."""

    group_id: str
    state: str
    members: tuple[GroupMember, ...] = ()
    committed: Mapping[TopicPartition, int] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupsSnapshot:
    """The consumer groups at ``taken_at``, and the end offsets of the partitions they commit on."""

    taken_at: datetime
    groups: tuple[GroupState, ...] = ()
    end_offsets: Mapping[TopicPartition, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "taken_at": self.taken_at.isoformat(),
                "groups": [
                    {
                        "group_id": group.group_id,
                        "state": group.state,
                        "members": [[m.client_id, m.host, [list(tp) for tp in m.assignment]] for m in group.members],
                        "committed": [[t, p, offset] for (t, p), offset in sorted(group.committed.items())],
                    }
                    for group in self.groups
                ],
                "end_offsets": [[t, p, offset] for (t, p), offset in sorted(self.end_offsets.items())],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> GroupsSnapshot:
        data = json.loads(text)
        groups = tuple(
            GroupState(
                group["group_id"],
                group["state"],
                tuple(GroupMember(c, h, tuple((t, p) for t, p in tps)) for c, h, tps in group["members"]),
                {(t, p): offset for t, p, offset in group["committed"]},
            )
            for group in data["groups"]
        )
        ends = {(t, p): offset for t, p, offset in data["end_offsets"]}
        return cls(datetime.fromisoformat(data["taken_at"]), groups, ends)


@dataclass(frozen=True)
class Reader:
    """A principal acting for a group: as Kafka names it, the policy's name for it, and where that was seen
    (or, for ``group-prefix``, inferred)."""

    kafka_principal: str
    principal: str | None = None
    source: ReadSource = ReadSource.AUTHORIZER_LOG

    @property
    def identity(self) -> str:
        return self.principal or self.kafka_principal


@dataclass(frozen=True)
class Client:
    client_id: str
    host: str


@dataclass(frozen=True)
class ReadProgress:
    """A group's committed offset on one partition that moved (``previous_offset`` None: first seen)."""

    observed_at: datetime
    group_id: str
    topic: str
    partition: int
    committed_offset: int
    previous_offset: int | None
    end_offset: int | None
    clients: tuple[Client, ...]
    readers: tuple[Reader, ...]
    dataset: str | None
    audience: str | None  # None for a raw topic

    @property
    def lag(self) -> int | None:
        return None if self.end_offset is None else max(0, self.end_offset - self.committed_offset)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group_id,
            "topic": self.topic,
            "partition": self.partition,
            "committed_offset": self.committed_offset,
            "previous_offset": self.previous_offset,
            "end_offset": self.end_offset,
            "lag": self.lag,
            "clients": [{"client_id": c.client_id, "host": c.host} for c in self.clients],
            "principals": [
                {"kafka": r.kafka_principal, "principal": r.principal, "source": r.source.value} for r in self.readers
            ],
            "dataset": self.dataset,
            "audience": self.audience,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], observed_at: datetime) -> ReadProgress:
        return cls(
            observed_at=observed_at,
            group_id=data["group"],
            topic=data["topic"],
            partition=data["partition"],
            committed_offset=data["committed_offset"],
            previous_offset=data["previous_offset"],
            end_offset=data["end_offset"],
            clients=tuple(Client(c["client_id"], c["host"]) for c in data["clients"]),
            readers=tuple(
                # events recorded before the source was: every principal then came from the authorizer log
                Reader(r["kafka"], r["principal"], ReadSource(r.get("source", ReadSource.AUTHORIZER_LOG)))
                for r in data["principals"]
            ),
            dataset=data["dataset"],
            audience=data["audience"],
        )


def access_operation(progress: Sequence[ReadProgress], previous_at: datetime | None, source: str) -> dict[str, Any]:
    """The ``operation`` of the access event recording one observation's progress (offsets, never values)."""
    observed_at = progress[0].observed_at if progress else None
    return {
        "observed_at": observed_at.isoformat() if observed_at else None,
        "previous_at": previous_at.isoformat() if previous_at else None,
        "source": source,
        "reads": [record.to_dict() for record in progress],
    }


def progress_of_operation(operation: Mapping[str, Any]) -> list[ReadProgress]:
    """The progress records an access event's operation lists (the inverse of ``access_operation``)."""
    observed_at = datetime.fromisoformat(operation["observed_at"])
    return [ReadProgress.from_dict(read, observed_at) for read in operation["reads"]]


def in_scope(topic: str, names: TopicNames) -> bool:
    """Governed views and raw topics; never streamguard's own topics, whatever the prefixes."""
    if topic.startswith(names.system_prefix):
        return False
    return topic.startswith(names.governed_prefix) or topic.startswith(names.raw_prefix)


def view_of(topic: str, names: TopicNames) -> tuple[str | None, str | None]:
    """(dataset, audience) of a governed view ``governed.<dataset>.<audience>``; (dataset, None) for a raw one."""
    if topic.startswith(names.governed_prefix):
        dataset, dot, audience = topic[len(names.governed_prefix) :].rpartition(".")
        return (dataset, audience) if dot and dataset else (None, None)
    return names.dataset_of(topic), None


def reader_of(policy: Policy, kafka_principal: str, source: ReadSource = ReadSource.AUTHORIZER_LOG) -> Reader:
    user = kafka_principal.removeprefix("User:") if kafka_principal.startswith("User:") else None
    return Reader(kafka_principal, policy.principal_of_user(user) if user else None, source)


def read_progress(
    previous: GroupsSnapshot | None,
    current: GroupsSnapshot,
    decisions: Sequence[AuthorizationDecision],
    policy: Policy,
    names: TopicNames,
    *,
    infer: bool = False,
) -> list[ReadProgress]:
    """The committed offsets that moved between ``previous`` and ``current`` (all of them without a previous
    snapshot), each with the principals the decisions show behind its group, or with ``infer`` (no observed
    source available) those its group prefix gives; by group, topic, partition."""
    before = {group.group_id: group.committed for group in previous.groups} if previous else {}
    found = []
    for group in sorted(current.groups, key=lambda g: g.group_id):
        readers: tuple[Reader, ...] | None = None
        for (topic, partition), offset in sorted(group.committed.items()):
            earlier = before.get(group.group_id, {}).get((topic, partition))
            if offset == earlier or not in_scope(topic, names):
                continue
            dataset, audience = view_of(topic, names)
            if infer:
                attributed = group_prefix_readers(policy, group.group_id, audience)
            else:
                if readers is None:
                    readers = _readers(decisions, policy, group.group_id)
                attributed = readers or _readers(decisions, policy, None, topic)
            found.append(
                ReadProgress(
                    observed_at=current.taken_at,
                    group_id=group.group_id,
                    topic=topic,
                    partition=partition,
                    committed_offset=offset,
                    previous_offset=earlier,
                    end_offset=current.end_offsets.get((topic, partition)),
                    clients=_clients(group.members, (topic, partition)),
                    readers=attributed,
                    dataset=dataset,
                    audience=audience,
                )
            )
    return found


def group_prefix_readers(policy: Policy, group_id: str, audience: str | None) -> tuple[Reader, ...]:
    """The readers inferred for ``group_id`` reading a view of ``audience`` (None: a raw topic): the principals
    the policy's ACLs let READ the group by one of its audience's prefixes, when the group's prefix is of that
    one audience alone; none otherwise."""
    if audience is None or policy.audiences_of_group(group_id) != [audience]:
        return ()
    principals = {
        acl.principal
        for acl in audience_group_acls(policy, audience)
        if acl.operation is Operation.READ and group_id.startswith(acl.resource_name)
    }
    return tuple(reader_of(policy, principal, ReadSource.GROUP_PREFIX) for principal in sorted(principals))


def _readers(
    decisions: Iterable[AuthorizationDecision], policy: Policy, group_id: str | None, topic: str | None = None
) -> tuple[Reader, ...]:
    """The principals acting for ``group_id``; without a group, those that read ``topic`` (a group whose own
    decisions the log lacks, say one that committed before the log began). A principal both observed sources
    show is named with the first of them in ``ReadSource`` order."""
    sources: dict[str, ReadSource] = {}
    for d in decisions:
        if d.reads_group(group_id) if group_id else (d.reads_topic() and d.resource == topic):
            known = sources.get(d.principal)
            sources[d.principal] = d.source if known is None else min(known, d.source, key=_PRECEDENCE.index)
    return tuple(reader_of(policy, principal, sources[principal]) for principal in sorted(sources))


def _clients(members: Sequence[GroupMember], partition: TopicPartition) -> tuple[Client, ...]:
    """The members assigned the partition, or every member while the assignment does not say (a rebalance)."""
    assigned = [m for m in members if partition in m.assignment] or list(members)
    return tuple(sorted({Client(m.client_id, m.host) for m in assigned}, key=lambda c: (c.client_id, c.host)))
