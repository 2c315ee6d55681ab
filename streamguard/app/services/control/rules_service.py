"""Steward rules for both doors, the command line and the HTTP API: the versions published, a diff between two
of them, the schema drift the workers recorded, and a change submitted under the control plane (applied at
once when it reduces no protection, else a request that waits for approval)."""

from __future__ import annotations

from dataclasses import dataclass

from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.agents.kafka_rules import read_rule_history
from streamguard.app.services.control import approvals
from streamguard.app.services.control.callers import Caller, require_role
from streamguard.app.services.control.risky_operations import rules_diff
from streamguard.app.services.control.rules_changes import publish_tightening, refuse_loosened
from streamguard.app.services.kafka_config import client_options, ensure_system_topics
from streamguard.app.services.rules_texts import require_schemas, rules_of_text
from streamguard.app.settings import Settings
from streamguard.control.policy import Policy, Role
from streamguard.control.requests import ApplyRules, Request, RulesText
from streamguard.control.rule_diff import RulesDiff, diff_rules
from streamguard.core.errors import NotFound
from streamguard.core.rule_sets import RuleSetRecord, latest_versions
from streamguard.masking.rule_versions import rules_of


@dataclass(frozen=True)
class DriftRow:
    """A field a writer schema had that the rules version in force was not validated with."""

    schema_id: str
    rule_version: int
    field: str
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class RulesChange:
    """What became of a submitted rules version: published (``record``; None with no request: unchanged), or
    waiting for approval (``request``)."""

    diff: RulesDiff
    record: RuleSetRecord | None = None
    request: Request | None = None


def history(settings: Settings) -> list[RuleSetRecord]:
    """Every published rules version, in publication order."""
    options = ensure_system_topics(settings)
    return read_rule_history(options, settings.topic_names.rules)


def in_force(settings: Settings) -> list[RuleSetRecord]:
    """The latest version of each dataset's rules, by dataset name."""
    return sorted(latest_versions(history(settings)).values(), key=lambda record: record.dataset)


def versions_of(settings: Settings, dataset: str) -> list[RuleSetRecord]:
    """A dataset's versions, oldest first; NotFound for a dataset with none."""
    found = sorted((r for r in history(settings) if r.dataset == dataset), key=lambda r: r.version)
    if not found:
        raise NotFound(f"no rules for dataset {dataset!r}")
    return found


def version_of(settings: Settings, dataset: str, version: int | None = None) -> RuleSetRecord:
    """One version of a dataset's rules (the latest when ``version`` is None)."""
    found = versions_of(settings, dataset)
    if version is None:
        return found[-1]
    for record in found:
        if record.version == version:
            return record
    raise NotFound(f"no rules version {version} for dataset {dataset!r} (it has 1..{found[-1].version})")


def diff_versions(settings: Settings, dataset: str, before: int, after: int) -> RulesDiff:
    """What each audience sees differently under version ``after`` than under ``before``."""
    old, new = (rules_of(version_of(settings, dataset, v)) for v in (before, after))
    return diff_rules(old, new, leaves=old.known_leaves | new.known_leaves)


def drift(settings: Settings, dataset: str) -> list[DriftRow]:
    """Fields seen in writer schemas that the rules in force were not validated with, from the audit."""
    seen: dict[tuple[str, int, str], list[str]] = {}  # (schema id, rule version, field) -> [first, last seen]
    for events in read_audit_events(client_options(settings), settings.topic_names.audit).values():
        for event in events:
            if event.dataset != dataset:
                continue
            for schema_id, fields in event.schema_drift.items():
                for name in fields:
                    span = seen.setdefault((schema_id, event.rule_version or 0, name), [event.recorded_at] * 2)
                    span[0], span[1] = min(span[0], event.recorded_at), max(span[1], event.recorded_at)
    return [DriftRow(s, v, name, first, last) for (s, v, name), (first, last) in sorted(seen.items())]


def submit(
    settings: Settings,
    policy: Policy | None,
    caller: Caller,
    text: RulesText,
    reason: str,
    *,
    refuse_loosening: bool = False,
) -> RulesChange:
    """Rules a steward or admin submits (through any door): published at once when they reduce no protection,
    else a request carrying their exact text, the dataset read from it and the version they were compared
    with, published when approved (or, ``refuse_loosening``, refused naming the loosenings). Without a policy
    (development, no control plane) they are published as they are, and the event says so."""
    require_role(caller, Role.STEWARD, Role.ADMIN, doing="submit rules")
    rules = rules_of_text(text)
    require_schemas(rules, text)
    diff, base_version = rules_diff(settings, rules)
    operation = ApplyRules(**text.model_dump(exclude={"op"}), dataset=rules.dataset, base_version=base_version)
    if policy is None or not diff.reduces_protection:
        record = publish_tightening(settings, caller.actor, rules, operation, diff, reason, enforced=policy is not None)
        return RulesChange(diff, record=record)
    if refuse_loosening:
        refuse_loosened(diff, text.source_name)
    return RulesChange(diff, request=approvals.request_operation(settings, policy, caller, operation, reason))
