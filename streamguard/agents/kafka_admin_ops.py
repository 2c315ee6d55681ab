"""The broker side of risky operations: what one would touch (its impact, measured before anyone decides)
and carrying it out through the Kafka admin API with streamguard's own credential.

Every execution is safe to repeat (a retry after a crash between the broker's answer and the evidence of
it): deleting what is gone, growing a topic to the count it has, resetting to the same target all succeed
and say so in the result.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from confluent_kafka import ConsumerGroupTopicPartitions, KafkaError, KafkaException, TopicPartition
from confluent_kafka.admin import (
    AdminClient,
    AlterConfigOpType,
    ConfigEntry,
    ConfigResource,
    NewPartitions,
    OffsetSpec,
    ResourceType,
)

from streamguard.control.requests import AddPartitions, AlterConfig, DeleteGroup, DeleteTopic, ResetOffsets
from streamguard.core.errors import OperationFailed

TIMEOUT_S = 30.0
KafkaOperation = DeleteTopic | AddPartitions | DeleteGroup | ResetOffsets | AlterConfig


class ClusterOperations:
    def __init__(self, admin: AdminClient) -> None:
        self._admin = admin

    # -- impact ----------------------------------------------------------------------------------------

    def topic_impact(self, topic: str) -> dict[str, Any]:
        """Size of a topic and the consumer groups that have read it."""
        partitions = self._partitions(topic)
        if partitions is None:
            return {"topic": topic, "exists": False}
        earliest = self._offsets(topic, partitions, OffsetSpec.earliest())
        latest = self._offsets(topic, partitions, OffsetSpec.latest())
        return {
            "topic": topic,
            "exists": True,
            "partitions": len(partitions),
            "records": sum(latest[p] - earliest[p] for p in partitions),
            "consumer_groups": sorted(self.groups_reading(topic)),
        }

    def impact(self, operation: KafkaOperation) -> dict[str, Any]:
        match operation:
            case DeleteGroup(group=group):
                return self._group_impact(group)
            case ResetOffsets(group=group, topic=topic):
                return {**self.topic_impact(topic), "committed": self._committed(group, topic)}
            case AlterConfig(topic=topic, key=key):
                return {**self.topic_impact(topic), "current": {key: self._config_value(topic, key)}}
            case _:
                return self.topic_impact(operation.topic)

    def groups_reading(self, topic: str) -> set[str]:
        groups = [listing.group_id for listing in self._admin.list_consumer_groups().result(TIMEOUT_S).valid]
        partitions = self._partitions(topic) or []  # once, not once per group
        return {group for group in groups if self._committed(group, topic, partitions)}

    # -- execution -------------------------------------------------------------------------------------

    def execute(self, operation: KafkaOperation) -> dict[str, Any]:
        """Carry the operation out; OperationFailed names it and the broker's error."""
        try:
            match operation:
                case DeleteTopic(topic=topic):
                    return self._delete_topic(topic)
                case AddPartitions(topic=topic, count=count):
                    return self._add_partitions(topic, count)
                case DeleteGroup(group=group):
                    return self._delete_group(group)
                case ResetOffsets(group=group, topic=topic, to=to):
                    return self._reset_offsets(group, topic, to)
                case AlterConfig(topic=topic, key=key, value=value):
                    return self._alter_config(topic, key, value)
        except KafkaException as error:
            raise OperationFailed(f"{operation.describe()}: the broker answered {_name(error)}") from None
        raise OperationFailed(f"{operation.describe()}: not a Kafka operation")

    def _delete_topic(self, topic: str) -> dict[str, Any]:
        try:
            self._admin.delete_topics([topic], operation_timeout=TIMEOUT_S)[topic].result(TIMEOUT_S)
        except KafkaException as error:
            if error.args[0].code() == KafkaError.UNKNOWN_TOPIC_OR_PART:
                return {"deleted": topic, "note": "the topic was already gone"}
            raise
        return {"deleted": topic}

    def _add_partitions(self, topic: str, count: int) -> dict[str, Any]:
        before = self._partitions(topic)
        if before is not None and len(before) == count:
            return {"topic": topic, "partitions": count, "note": "the topic already had that many"}
        self._admin.create_partitions([NewPartitions(topic, count)])[topic].result(TIMEOUT_S)
        return {"topic": topic, "partitions": count, "before": len(before or [])}

    def _delete_group(self, group: str) -> dict[str, Any]:
        try:
            self._admin.delete_consumer_groups([group])[group].result(TIMEOUT_S)
        except KafkaException as error:
            if error.args[0].code() == KafkaError.GROUP_ID_NOT_FOUND:
                return {"deleted": group, "note": "the group was already gone"}
            raise
        return {"deleted": group}

    def _reset_offsets(self, group: str, topic: str, to: str) -> dict[str, Any]:
        partitions = self._partitions(topic)
        if partitions is None:
            raise OperationFailed(f"reset-offsets {group} {topic}: no such topic")
        targets = self._targets(topic, partitions, to)
        request = ConsumerGroupTopicPartitions(group, [TopicPartition(topic, p, targets[p]) for p in partitions])
        self._admin.alter_consumer_group_offsets([request])[group].result(TIMEOUT_S)
        return {"group": group, "topic": topic, "to": to, "offsets": {str(p): targets[p] for p in partitions}}

    def _alter_config(self, topic: str, key: str, value: str) -> dict[str, Any]:
        before = self._config_value(topic, key)
        entry = ConfigEntry(key, value, incremental_operation=AlterConfigOpType.SET)
        resource = ConfigResource(ResourceType.TOPIC, topic, incremental_configs=[entry])
        for future in self._admin.incremental_alter_configs([resource]).values():
            future.result(TIMEOUT_S)
        return {"topic": topic, "key": key, "before": before, "after": value}

    # -- reading the cluster ---------------------------------------------------------------------------

    def _partitions(self, topic: str) -> list[int] | None:
        metadata = self._admin.list_topics(topic, timeout=TIMEOUT_S).topics.get(topic)
        if metadata is None or metadata.error is not None:
            return None
        return sorted(metadata.partitions)

    def _offsets(self, topic: str, partitions: list[int], spec: OffsetSpec) -> dict[int, int]:
        futures = self._admin.list_offsets({TopicPartition(topic, p): spec for p in partitions})
        return {tp.partition: future.result(TIMEOUT_S).offset for tp, future in futures.items()}

    def _targets(self, topic: str, partitions: list[int], to: str) -> dict[int, int]:
        if to in ("earliest", "latest"):
            return self._offsets(topic, partitions, OffsetSpec.earliest() if to == "earliest" else OffsetSpec.latest())
        moment = int(datetime.fromisoformat(to).timestamp() * 1000)
        found = self._offsets(topic, partitions, OffsetSpec.for_timestamp(moment))
        latest = self._offsets(topic, partitions, OffsetSpec.latest())
        return {p: found[p] if found[p] >= 0 else latest[p] for p in partitions}  # nothing after it: the end

    def _committed(self, group: str, topic: str, partitions: list[int] | None = None) -> dict[str, int]:
        if partitions is None:
            partitions = self._partitions(topic) or []
        request = ConsumerGroupTopicPartitions(group, [TopicPartition(topic, p) for p in partitions])
        try:
            answer = self._admin.list_consumer_group_offsets([request])[group].result(TIMEOUT_S)
        except KafkaException:
            return {}
        return {str(tp.partition): tp.offset for tp in answer.topic_partitions if tp.offset >= 0}

    def _group_impact(self, group: str) -> dict[str, Any]:
        try:
            description = self._admin.describe_consumer_groups([group])[group].result(TIMEOUT_S)
        except KafkaException:
            return {"group": group, "exists": False}
        return {
            "group": group,
            "state": str(description.state.name).lower(),
            "members": len(description.members),
            "topics": sorted({tp.topic for m in description.members for tp in m.assignment.topic_partitions}),
        }

    def _config_value(self, topic: str, key: str) -> str | None:
        resource = ConfigResource(ResourceType.TOPIC, topic)
        try:
            entries = self._admin.describe_configs([resource])[resource].result(TIMEOUT_S)
        except KafkaException:
            return None
        entry = entries.get(key)
        return entry.value if entry is not None else None


def _name(error: KafkaException) -> str:
    return error.args[0].name() if error.args and isinstance(error.args[0], KafkaError) else str(error)
