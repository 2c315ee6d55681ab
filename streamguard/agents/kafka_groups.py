"""Snapshot the consumer groups that read governed views and raw topics: members, committed offsets, and the
end offsets of the partitions they commit on (the read evidence's input, see ``control.read_evidence``).

streamguard's own groups (the data path's and the Faust app's, named after the system prefix) are left out:
the data path records what it reads in the audit stream itself. End offsets are the last stable offsets
(``read_committed``): governed views are written in transactions, so a consumer that has read everything
commits past the last transaction marker, at the stable end.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from datetime import UTC, datetime
from typing import TypeVar

from confluent_kafka import ConsumerGroupTopicPartitions, IsolationLevel, KafkaError, KafkaException, TopicPartition
from confluent_kafka.admin import AdminClient, ConsumerGroupDescription, OffsetSpec

from streamguard.control.read_evidence import GroupMember, GroupsSnapshot, GroupState, in_scope
from streamguard.control.read_evidence import TopicPartition as Partition
from streamguard.core.errors import KafkaToolingError
from streamguard.core.topics import TopicNames

TIMEOUT_S = 30.0
_T = TypeVar("_T")
_GONE = {KafkaError.GROUP_ID_NOT_FOUND, KafkaError.COORDINATOR_NOT_AVAILABLE}  # a group deleted meanwhile


def snapshot_groups(admin: AdminClient, names: TopicNames, now: datetime | None = None) -> GroupsSnapshot:
    """The consumer groups with committed offsets on governed or raw topics, as they are now."""
    taken_at = now or datetime.now(UTC)
    ids = [group_id for group_id in _group_ids(admin) if not group_id.startswith(names.system_prefix)]
    if not ids:
        return GroupsSnapshot(taken_at)
    descriptions = _described(admin, ids)
    groups = []
    for group_id, committed in _committed(admin, list(descriptions), names).items():
        if committed:
            groups.append(_group_state(descriptions[group_id], committed, names))
    partitions = {partition for group in groups for partition in group.committed}
    return GroupsSnapshot(taken_at, tuple(groups), _end_offsets(admin, partitions))


def _group_ids(admin: AdminClient) -> list[str]:
    try:
        listed = admin.list_consumer_groups(request_timeout=TIMEOUT_S).result(timeout=TIMEOUT_S)
    except KafkaException as error:
        raise KafkaToolingError(f"cannot list the consumer groups: {error.args[0].name()}") from None
    return sorted(listing.group_id for listing in listed.valid)


def _described(admin: AdminClient, ids: list[str]) -> dict[str, ConsumerGroupDescription]:
    futures = admin.describe_consumer_groups(ids, request_timeout=TIMEOUT_S)
    described = {}
    for group_id, future in futures.items():
        description = _result(future, group_id, "describe")
        if description is not None:
            described[group_id] = description
    return described


def _committed(admin: AdminClient, ids: list[str], names: TopicNames) -> dict[str, dict[Partition, int]]:
    """Each group's committed offsets on in-scope topics (one request per group: the API takes one)."""
    requests = {
        group_id: admin.list_consumer_group_offsets([ConsumerGroupTopicPartitions(group_id)])[group_id]
        for group_id in ids
    }
    committed = {}
    for group_id, future in requests.items():
        listed = _result(future, group_id, "read the committed offsets of")
        if listed is None:
            continue
        committed[group_id] = {
            (tp.topic, tp.partition): tp.offset
            for tp in listed.topic_partitions or ()
            if tp.error is None and tp.offset >= 0 and in_scope(tp.topic, names)
        }
    return committed


def _group_state(
    description: ConsumerGroupDescription, committed: dict[Partition, int], names: TopicNames
) -> GroupState:
    members = tuple(
        GroupMember(
            member.client_id,
            member.host.lstrip("/"),  # the broker reports the address as /127.0.0.1
            tuple(
                (tp.topic, tp.partition)
                for tp in (member.assignment.topic_partitions if member.assignment else ())
                if in_scope(tp.topic, names)
            ),
        )
        for member in description.members
    )
    return GroupState(description.group_id, description.state.name.lower(), members, committed)


def _end_offsets(admin: AdminClient, partitions: Iterable[Partition]) -> dict[Partition, int]:
    wanted = {TopicPartition(topic, partition): OffsetSpec.latest() for topic, partition in sorted(partitions)}
    if not wanted:
        return {}
    futures = admin.list_offsets(wanted, isolation_level=IsolationLevel.READ_COMMITTED, request_timeout=TIMEOUT_S)
    ends = {}
    for tp, future in futures.items():
        try:
            ends[(tp.topic, tp.partition)] = int(future.result(timeout=TIMEOUT_S).offset)
        except KafkaException:
            continue  # a topic deleted meanwhile: its lag is unknown, its progress still counts
    return ends


def _result(future: Future[_T], group_id: str, doing: str) -> _T | None:
    """A group request's result; None if the group went away meanwhile."""
    try:
        return future.result(timeout=TIMEOUT_S)
    except KafkaException as error:
        if error.args[0].code() in _GONE:
            return None
        raise KafkaToolingError(f"cannot {doing} consumer group {group_id}: {error.args[0].name()}") from None
