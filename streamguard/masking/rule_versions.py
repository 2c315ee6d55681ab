"""Steward rules as published versions (pure): the next version to publish, and the rules of a published one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import fastavro

from streamguard.core.errors import RulesError
from streamguard.core.rule_sets import RuleSetRecord, latest_versions
from streamguard.masking.rules import Rules, parse_rules


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
    )


def rules_of(record: RuleSetRecord) -> Rules:
    """The rules of a published version, validated again on load (and against the schemas it recorded, parsed
    as the CLI parsed them when it was applied); RulesError if they no longer validate."""
    source = f"{record.key}:{record.source_name}"
    schema = _parsed(record.parsed_schema(), source, "Avro schema")
    key_schema = _parsed(record.parsed_key_schema(), source, "key schema")
    return parse_rules(record.rules_yaml, source=source, schema=schema, key_schema=key_schema)


def _parsed(raw: dict[str, Any] | None, source: str, what: str) -> dict[str, Any] | None:
    try:
        return fastavro.parse_schema(raw) if raw is not None else None  # type: ignore[no-any-return]
    except Exception as error:  # fastavro raises several kinds for a schema it cannot use
        raise RulesError(f"{source}: its recorded {what} does not parse ({type(error).__name__})") from None
