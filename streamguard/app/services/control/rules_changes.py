"""Rule changes under the control plane: a version that reduces protection waits for approval (``request
apply-rules``); one that reduces none is published at once. Either way the change, its diff by field and
audience, and who made it are an operation event in the audit stream."""

from __future__ import annotations

from streamguard.agents.kafka_operations import record_operation
from streamguard.agents.kafka_rules import apply_rule_set
from streamguard.app.services.control.callers import unenforced
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.control.requests import ApplyRules
from streamguard.control.rule_diff import RulesDiff
from streamguard.core.errors import PermissionDenied
from streamguard.core.rule_sets import RuleSetRecord
from streamguard.masking.rules import Rules

RULES_APPLIED_KIND = "rules_applied"


def refuse_loosened(diff: RulesDiff, rules_file: str) -> None:
    """PermissionDenied naming the first loosenings, and how to ask for the change instead."""
    if not diff.reduces_protection:
        return
    shown = "; ".join(f"{c.audience} {c.path}: {c.before} -> {c.after}" for c in diff.loosenings[:5])
    more = f" (and {len(diff.loosenings) - 5} more)" if len(diff.loosenings) > 5 else ""
    raise PermissionDenied(
        f"{rules_file}: these rules reduce protection ({shown}{more}); ask for approval with "
        f"`streamguard request apply-rules {rules_file} --reason TEXT` (with the same --schema)"
    )


def publish_tightening(
    settings: Settings,
    actor: str,
    rules: Rules,
    operation: ApplyRules,
    diff: RulesDiff,
    reason: str = "",
    *,
    enforced: bool = True,
) -> RuleSetRecord | None:
    """Publish rules that reduce no protection (or any rules, with no control plane: ``enforced`` False, which
    the event records), and record it; the new version (None: rules unchanged)."""
    record = publish_rules(settings, rules, operation, actor)
    if record is not None:
        record_rules_applied(settings, actor, record, diff, reason, enforced=enforced)
    return record


def publish_rules(settings: Settings, rules: Rules, operation: ApplyRules, applied_by: str) -> RuleSetRecord | None:
    """The rules an operation carries, published as the dataset's next version (None: unchanged)."""
    return apply_rule_set(
        client_options(settings),
        settings.topic_names.rules,
        rules,
        operation.rules_yaml,
        operation.source_name,
        operation.avro_schema_json,
        applied_by,
        operation.key_avro_schema_json,
    )


def record_rules_applied(
    settings: Settings, actor: str, record: RuleSetRecord, diff: RulesDiff, reason: str, *, enforced: bool = True
) -> None:
    operation = {
        "dataset": record.dataset,
        "version": record.version,
        "digest": record.digest,
        "reason": reason,
        "rules_diff": diff.to_json(),
        **unenforced(enforced),
    }
    options = client_options(settings)
    record_operation(
        options,
        settings.topic_names,
        deployment_keyring(settings),
        settings.log_origin,
        RULES_APPLIED_KIND,
        actor,
        operation,
    )
