"""Steward rules as published versions (pure): the next version to publish, and the rules of a published one."""

from __future__ import annotations

from datetime import UTC, datetime

from streamguard.core.rule_sets import RuleSetRecord, latest_versions
from streamguard.masking.rules import Rules, parse_rules
from streamguard.masking.writer_schemas import SCHEMA_TYPES, WriterSchema, parse_writer_schema


def next_version(
    history: list[RuleSetRecord],
    rules: Rules,
    rules_yaml: str,
    source_name: str,
    avro_schema: str | None,
    who: str,
    key_schema: str | None = None,
) -> RuleSetRecord | None:
    """The record to publish, or None if the latest version already has this digest and schemas."""
    current = latest_versions(history).get(rules.dataset)
    digest = rules.digest()
    if current is not None and (current.digest, current.avro_schema, current.key_schema) == (
        digest,
        avro_schema,
        key_schema,
    ):
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
        key_schema=key_schema,
        key_subject=rules.key_subject if key_schema is not None else None,
        schema_type=SCHEMA_TYPES.get(rules.format, "AVRO"),
    )


def rules_of(record: RuleSetRecord) -> Rules:
    """The rules of a published version, validated again on load (and against the schemas it recorded, parsed
    as the CLI parsed them when it was applied); RulesError if they no longer validate."""
    source = f"{record.key}:{record.source_name}"
    key_text = record.key_schema
    key_schema = parse_writer_schema(key_text, record.schema_type, f"{source}: its key schema") if key_text else None
    return parse_rules(record.rules_yaml, source=source, schema=recorded_schema(record), key_schema=key_schema)


def recorded_schema(record: RuleSetRecord) -> WriterSchema | None:
    """The writer schema a published version was validated against, parsed; RulesError if it no longer is."""
    if record.avro_schema is None:
        return None
    return parse_writer_schema(record.avro_schema, record.schema_type, f"{record.key}:{record.source_name}: its schema")
