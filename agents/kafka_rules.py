"""Rule sets in Kafka: publish a validated version to ``streamguard.rules`` and read the history back.

Each version is its own key (``<dataset>/v000007``) in the compacted topic, so compaction keeps every
version: replay can always find the rules that produced an output. A record carries the rules' YAML text, the
Avro schema they were validated against, the digest, who applied them and when.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from pydantic import BaseModel, ConfigDict

from masking.rules import Rules, parse_rules


class RuleSetRecord(BaseModel):
    """One published version of a dataset's rules."""

    model_config = ConfigDict(frozen=True)

    dataset: str
    version: int
    digest: str
    applied_by: str
    applied_at: str
    source_name: str
    subject: str
    rules_yaml: str
    avro_schema: str | None = None

    @property
    def key(self) -> str:
        return f"{self.dataset}/v{self.version:06d}"

    def parsed_schema(self) -> dict[str, Any] | None:
        return json.loads(self.avro_schema) if self.avro_schema else None

    def rules(self) -> Rules:
        """The rules, validated again on load (and against the recorded schema)."""
        return parse_rules(self.rules_yaml, source=f"{self.key}:{self.source_name}", schema=self.parsed_schema())


def latest_versions(history: Iterable[RuleSetRecord]) -> dict[str, RuleSetRecord]:
    latest: dict[str, RuleSetRecord] = {}
    for record in history:
        if record.dataset not in latest or record.version > latest[record.dataset].version:
            latest[record.dataset] = record
    return latest


def next_record(
    history: list[RuleSetRecord], rules: Rules, rules_yaml: str, source_name: str, avro_schema: str | None, who: str
) -> RuleSetRecord | None:
    """The record to publish, or None if the latest version already has this digest and schema."""
    current = latest_versions(history).get(rules.dataset)
    digest = rules.digest()
    if current is not None and current.digest == digest and current.avro_schema == avro_schema:
        return None
    return RuleSetRecord(
        dataset=rules.dataset,
        version=(current.version + 1) if current else 1,
        digest=digest,
        applied_by=who,
        applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
        source_name=source_name,
        subject=rules.effective_subject,
        rules_yaml=rules_yaml,
        avro_schema=avro_schema,
    )


async def read_rule_history(client_options: dict[str, Any], topic: str) -> list[RuleSetRecord]:
    """Every rule set version in the topic, in publication order."""
    consumer = AIOKafkaConsumer(enable_auto_commit=False, **client_options)
    await consumer.start()
    try:
        partition = TopicPartition(topic, 0)
        consumer.assign([partition])
        await consumer.seek_to_beginning(partition)
        end = (await consumer.end_offsets([partition]))[partition]
        history: list[RuleSetRecord] = []
        while await consumer.position(partition) < end:
            batch = await consumer.getmany(partition, timeout_ms=1000)
            history += [RuleSetRecord.model_validate_json(m.value) for m in batch.get(partition, []) if m.value]
        return history
    finally:
        await consumer.stop()


async def publish_rule_set(client_options: dict[str, Any], topic: str, record: RuleSetRecord) -> None:
    producer = AIOKafkaProducer(acks="all", enable_idempotence=True, **client_options)
    await producer.start()
    try:
        await producer.send_and_wait(topic, key=record.key.encode(), value=record.model_dump_json().encode())
    finally:
        await producer.stop()


async def apply_rule_set(
    client_options: dict[str, Any],
    topic: str,
    rules: Rules,
    rules_yaml: str,
    source_name: str,
    avro_schema: str | None,
    who: str,
) -> RuleSetRecord | None:
    """Publish validated rules as the dataset's next version; None if the latest version is the same."""
    record = next_record(
        await read_rule_history(client_options, topic), rules, rules_yaml, source_name, avro_schema, who
    )
    if record is not None:
        await publish_rule_set(client_options, topic, record)
    return record
