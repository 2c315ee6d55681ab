"""Each risky operation's impact (measured when it is requested) and its execution (once it is approved), with
streamguard's own credential: Kafka operations through the admin API, rule versions through the rules
topic, grants as ACLs, replays against the evidence store."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_admin_ops import ClusterOperations
from streamguard.agents.kafka_rules import read_rule_history
from streamguard.agents.kafka_topics import ensure_topics, system_topics
from streamguard.app.services.control.access_scoping import apply_grant, revoke_grant
from streamguard.app.services.control.rules_changes import publish_rules
from streamguard.app.services.evidence.replay import replay_session, session_events
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import worker_keyring
from streamguard.app.services.schema_files import parse_avro_schema, read_schema_text
from streamguard.app.settings import Settings
from streamguard.control.acl_plan import TemporaryGrant
from streamguard.control.policy import Policy
from streamguard.control.requests import ApplyRules, Grant, Replay, Request
from streamguard.control.rule_diff import RulesDiff, diff_rules
from streamguard.core.errors import OperationFailed, PermissionDenied, ReplayError
from streamguard.core.rule_sets import latest_versions
from streamguard.masking.rule_versions import rules_of
from streamguard.masking.rules import Rules, parse_rules, read_rules_text
from streamguard.store import EvidenceStore


def impact_of(settings: Settings, policy: Policy, operation: Any) -> dict[str, Any]:
    """What the operation would touch, for the approver: sizes, groups, the rule diff, what a grant exposes."""
    match operation:
        case ApplyRules():
            return {"rules_diff": rules_diff(settings, rules_in_request(operation)).to_json()}
        case Replay(session=session_id):
            return _replay_impact(settings, session_id)
        case Grant(principal=principal, topic=topic, seconds=seconds):
            return {**_cluster(settings).topic_impact(topic), **_exposure(settings, policy, principal, topic, seconds)}
        case _:
            return _cluster(settings).impact(operation)


def execute(settings: Settings, policy: Policy, request: Request, actor: str) -> dict[str, Any]:
    """Carry out an approved request; OperationFailed (or another StreamguardError) says why it did not."""
    operation = request.operation
    match operation:
        case ApplyRules():
            return _apply_rules(settings, operation, request)
        case Grant():
            entries = apply_grant(settings, grant_of(policy, request, datetime.max.replace(tzinfo=UTC)), actor)
            return {"acls": [entry.key() for entry in entries], "seconds": operation.seconds}
        case Replay(session=session_id, audience=audience):
            return _replay(settings, session_id, audience)
        case _:
            return _cluster(settings).execute(operation)


def revoke(
    settings: Settings, policy: Policy, request: Request, actor: str, still_active: Sequence[TemporaryGrant]
) -> dict[str, Any]:
    """Take back an expired grant's ACLs (those the policy or a grant ``still_active`` needs stay)."""
    assert request.grant_expires_at is not None
    entries = revoke_grant(settings, grant_of(policy, request, request.grant_expires_at), actor, still_active)
    return {"acls_removed": [entry.key() for entry in entries]}


def grant_of(policy: Policy, request: Request, expires_at: datetime) -> TemporaryGrant:
    operation = request.operation
    assert isinstance(operation, Grant)
    user = policy.principal(operation.principal).kafka_user
    if user is None:
        raise OperationFailed(f"grant to {operation.principal}: the principal has no kafka_user in the policy")
    return TemporaryGrant(user, operation.topic, operation.group_prefix, expires_at, request.id)


# -- rules ---------------------------------------------------------------------------------------------


def rules_request(rules_file: Path, schema_file: Path | None, key_schema_file: Path | None) -> tuple[Rules, ApplyRules]:
    """Rules files validated as ``rules apply`` validates them (errors name the files), and the operation that
    carries their exact text."""
    schemas = (read_schema_text(path) if path else None for path in (schema_file, key_schema_file))
    text = read_rules_text(rules_file)  # read once: the text validated is the text approved and published
    return rules_operation(
        rules_file.name, text, *schemas, sources=(str(rules_file), str(schema_file), str(key_schema_file))
    )


def rules_operation(
    source_name: str,
    rules_yaml: str,
    avro_schema_json: str | None = None,
    key_avro_schema_json: str | None = None,
    *,
    sources: tuple[str, str, str] | None = None,
) -> tuple[Rules, ApplyRules]:
    """Rules given as text, validated with their schemas, and the operation that carries that exact text.
    Errors name ``sources`` (the rules', the schema's, the key schema's), by default the API request's fields."""
    named = sources or (source_name, f"{source_name}: avro_schema_json", f"{source_name}: key_avro_schema_json")
    schema = parse_avro_schema(avro_schema_json, named[1]) if avro_schema_json else None
    key = parse_avro_schema(key_avro_schema_json, named[2]) if key_avro_schema_json else None
    rules = parse_rules(rules_yaml, source=named[0], schema=schema, key_schema=key)
    operation = ApplyRules(
        dataset=rules.dataset,
        source_name=source_name,
        rules_yaml=rules_yaml,
        avro_schema_json=_compact(avro_schema_json),
        key_avro_schema_json=_compact(key_avro_schema_json),
    )
    return rules, operation


def rules_in_request(operation: ApplyRules) -> Rules:
    source = operation.source_name
    schema = parse_avro_schema(operation.avro_schema_json, source) if operation.avro_schema_json else None
    key = parse_avro_schema(operation.key_avro_schema_json, source) if operation.key_avro_schema_json else None
    return parse_rules(operation.rules_yaml, source=operation.source_name, schema=schema, key_schema=key)


def rules_diff(settings: Settings, rules: Rules) -> RulesDiff:
    """The new rules against the version in force for their dataset."""
    options = client_options(settings)
    ensure_topics(AdminClient(options), system_topics(settings.topic_names, settings.retention))
    current = latest_versions(read_rule_history(options, settings.topic_names.rules)).get(rules.dataset)
    before = rules_of(current) if current is not None else None
    leaves = rules.known_leaves | (before.known_leaves if before is not None else frozenset())
    return diff_rules(before, rules, leaves=leaves)  # a leaf only one schema has is compared too


def _apply_rules(settings: Settings, operation: ApplyRules, request: Request) -> dict[str, Any]:
    who = f"principal:{request.requester} (request {request.id})"
    record = publish_rules(settings, rules_in_request(operation), operation, who)
    if record is None:
        return {"dataset": operation.dataset, "note": "those rules were already in force"}
    return {"dataset": operation.dataset, "version": record.version, "digest": record.digest}


def _compact(schema_json: str | None) -> str | None:
    return json.dumps(json.loads(schema_json)) if schema_json else None


# -- grants and replays --------------------------------------------------------------------------------


def _exposure(settings: Settings, policy: Policy, principal: str, topic: str, seconds: int) -> dict[str, Any]:
    names = settings.topic_names
    if policy.principal(principal).kafka_user is None:
        raise PermissionDenied(f"{principal} has no kafka_user in the policy: a grant would give no one access")
    dataset = names.dataset_of(topic)
    if dataset is not None:
        exposes = f"raw, unmasked records of dataset {dataset}"
    elif topic.startswith(names.governed_prefix):
        exposes = f"the governed view {topic}"
    else:
        exposes = f"topic {topic}"
    return {"exposes": exposes, "for": str(timedelta(seconds=seconds)), "principal": principal}


def _replay_impact(settings: Settings, session_id: str) -> dict[str, Any]:
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        stored = store.session(session_id)
    if stored is None:
        raise ReplayError(f"no session {session_id!r} in the evidence store (run `streamguard evidence index`)")
    return {"session": stored.id, "dataset": stored.dataset, "raw_topic": stored.raw_topic, "records": stored.records}


def _replay(settings: Settings, session_id: str, audience: str) -> dict[str, Any]:
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        events = session_events(store, session_id)
    report = replay_session(settings, events, audience, worker_keyring(settings))
    return {"session": session_id, "audience": audience, "events": len(report.events), "matches": report.matches}


def _cluster(settings: Settings) -> ClusterOperations:
    return ClusterOperations(AdminClient(client_options(settings)))
