"""Each risky operation's impact (measured when it is requested) and its execution (once it is approved), with
streamguard's control credential: Kafka operations through the admin API, rule versions through the rules
topic, grants as ACLs, replays against the evidence store, decryption grants as the right to ask the server."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_admin_ops import ClusterOperations
from streamguard.agents.kafka_rules import read_rule_history
from streamguard.app.services.control.access_scoping import apply_grant, revoke_grant
from streamguard.app.services.control.rules_changes import publish_rules
from streamguard.app.services.evidence.replay import replay_session, session_events
from streamguard.app.services.kafka_config import client_options, ensure_system_topics
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.services.rules_texts import rules_of_text
from streamguard.app.settings import Settings
from streamguard.control.acl_plan import TemporaryGrant
from streamguard.control.policy import Policy
from streamguard.control.requests import ApplyRules, Decrypt, Grant, Replay, Request
from streamguard.control.rule_diff import RulesDiff, diff_rules
from streamguard.core.errors import OperationFailed, PermissionDenied, ReplayError
from streamguard.core.rule_sets import latest_versions
from streamguard.core.topics import READBACK_GROUP, RULES_FEED_GROUP_PREFIX
from streamguard.masking.rule_versions import rules_of
from streamguard.masking.rules import Rules
from streamguard.store import EvidenceStore

SERVICE_ACTOR = "streamguard:control"


def prepared(settings: Settings, policy: Policy, operation: Any) -> Any:
    """The operation as it will be requested, what the server fills in filled in (a grant's consumer-group
    prefix: by default the grantee's Kafka user's), and refused (PermissionDenied) when it cannot be granted:
    a grantee without a Kafka user, or a prefix that reaches consumer groups of an audience the grantee is not
    in, of another principal, or of streamguard itself."""
    if not isinstance(operation, Grant):
        return operation
    grantee = policy.principal(operation.principal)
    if grantee.kafka_user is None:
        raise PermissionDenied(
            f"{operation.principal} has no kafka_user in the policy: a grant would give no one access"
        )
    prefix = operation.group_prefix or f"{grantee.kafka_user}-"
    taken = group_prefix_owners(settings, policy, operation.principal)
    clashes = sorted({owner for owned, owner in taken if owned.startswith(prefix) or prefix.startswith(owned)})
    if clashes:
        raise PermissionDenied(
            f"the consumer-group prefix {prefix!r} reaches the groups of {', '.join(clashes)}: a grant's groups are "
            f"the grantee's own audience's, or new to the policy"
        )
    return operation.model_copy(update={"group_prefix": prefix})


def group_prefix_owners(settings: Settings, policy: Policy, grantee: str) -> list[tuple[str, str]]:
    """Consumer-group prefixes that belong to someone other than ``grantee``: audiences it is not in, other
    principals' own (``<kafka user>-``), and streamguard's groups."""
    names = settings.topic_names
    owned = [(names.datapath_group, "streamguard's data path"), (READBACK_GROUP, "streamguard's readers")]
    owned.append((RULES_FEED_GROUP_PREFIX, "streamguard's rules feed"))
    for audience, membership in policy.audiences.items():
        if grantee not in membership.principals:
            owned += [(prefix, f"audience {audience}") for prefix in membership.group_prefixes]
    for name, principal in policy.principals.items():
        if name != grantee and principal.kafka_user:
            owned.append((f"{principal.kafka_user}-", f"principal {name}"))
    return owned


def impact_of(settings: Settings, policy: Policy, operation: Any) -> dict[str, Any]:
    """What the operation would touch, for the approver: sizes, groups, the rule diff, what a grant exposes."""
    match operation:
        case ApplyRules():
            return {"rules_diff": rules_diff(settings, rules_of_text(operation))[0].to_json()}
        case Decrypt(dataset=dataset, seconds=seconds):
            exposes = f"the values behind the encrypt tokens of dataset {dataset}"
            return {"exposes": exposes, "for": str(timedelta(seconds=seconds)), "dataset": dataset}
        case Replay(session=session_id):
            return _replay_impact(settings, session_id)
        case Grant(principal=principal, topic=topic, seconds=seconds):
            return {**_cluster(settings).topic_impact(topic), **_exposure(settings, policy, principal, topic, seconds)}
        case _:
            return _cluster(settings).impact(operation)


def execute(settings: Settings, policy: Policy, request: Request) -> dict[str, Any]:
    """Carry out an approved request; OperationFailed (or another StreamguardError) says why it did not."""
    operation = request.operation
    match operation:
        case ApplyRules():
            return _apply_rules(settings, operation, request)
        case Grant():
            grant = grant_of(policy, request, datetime.max.replace(tzinfo=UTC))
            entries = apply_grant(settings, grant, SERVICE_ACTOR)
            acls = [entry.key() for entry in entries]
            return {"acls": acls, "seconds": operation.seconds, "kafka_user": grant.kafka_user}
        case Decrypt(dataset=dataset, seconds=seconds):
            return {"dataset": dataset, "seconds": seconds, "decrypter": request.requester}
        case Replay(session=session_id, audience=audience):
            return _replay(settings, session_id, audience)
        case _:
            return _cluster(settings).execute(operation)


def revoke(
    settings: Settings, policy: Policy, request: Request, still_active: Sequence[TemporaryGrant]
) -> dict[str, Any]:
    """End a grant: take back its ACLs (those the policy or a grant ``still_active`` needs stay); a decryption
    grant has none, it just ends."""
    grant = grant_in_force(request)
    if grant is None:
        return {"acls_removed": []}
    others = [other for other in still_active if other.request_id != request.id]
    entries = revoke_grant(settings, policy, grant, SERVICE_ACTOR, others)
    return {"acls_removed": [entry.key() for entry in entries]}


def grant_in_force(request: Request) -> TemporaryGrant | None:
    """An executed grant's ACLs, from what its execution recorded (the Kafka user it was given to), so it can
    be revoked whatever the policy says now; None for a request that created no ACLs."""
    operation, user = request.operation, request.result.get("kafka_user")
    if not isinstance(operation, Grant) or not isinstance(user, str) or request.grant_expires_at is None:
        return None
    prefix = operation.group_prefix or f"{user}-"
    return TemporaryGrant(user, operation.topic, prefix, request.grant_expires_at, request.id)


def grant_of(policy: Policy, request: Request, expires_at: datetime) -> TemporaryGrant:
    operation = request.operation
    assert isinstance(operation, Grant)
    user = policy.principal(operation.principal).kafka_user
    if user is None:
        raise OperationFailed(f"grant to {operation.principal}: the principal has no kafka_user in the policy")
    return TemporaryGrant(user, operation.topic, operation.group_prefix or f"{user}-", expires_at, request.id)


# -- rules ---------------------------------------------------------------------------------------------


def rules_diff(settings: Settings, rules: Rules) -> tuple[RulesDiff, int | None]:
    """The new rules against the version in force for their dataset, and that version (None: the first)."""
    options = ensure_system_topics(settings)
    current = latest_versions(read_rule_history(options, settings.topic_names.rules)).get(rules.dataset)
    before = rules_of(current) if current is not None else None
    leaves = rules.known_leaves | (before.known_leaves if before is not None else frozenset())
    diff = diff_rules(before, rules, leaves=leaves)  # a leaf only one schema has is compared too
    return diff, current.version if current is not None else None


def version_in_force(settings: Settings, dataset: str) -> int | None:
    current = latest_versions(read_rule_history(client_options(settings), settings.topic_names.rules)).get(dataset)
    return current.version if current is not None else None


def _apply_rules(settings: Settings, operation: ApplyRules, request: Request) -> dict[str, Any]:
    """Publish the approved text, only while the version it was compared with is still in force: an approval
    never undoes a change published after the request was made."""
    rules = rules_of_text(operation)
    if rules.dataset != operation.dataset:
        raise OperationFailed(f"the rules text is for dataset {rules.dataset}, the request for {operation.dataset}")
    in_force = version_in_force(settings, operation.dataset)
    if in_force != operation.base_version:
        was = f"v{operation.base_version}" if operation.base_version else "no version"
        raise OperationFailed(
            f"the rules in force for {operation.dataset} are v{in_force}, not {was} as when {request.id} was "
            "requested: its diff no longer says what it would change; ask again"
        )
    who = f"principal:{request.requester} (request {request.id})"
    record = publish_rules(settings, rules, operation, who)
    if record is None:
        return {"dataset": operation.dataset, "note": "those rules were already in force"}
    return {"dataset": operation.dataset, "version": record.version, "digest": record.digest}


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
    elif topic.startswith(names.system_prefix):
        exposes = f"streamguard's own system topic {topic} (evidence or control state, quarantined raw records)"
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
    report = replay_session(settings, events, audience, deployment_keyring(settings))
    return {"session": session_id, "audience": audience, "events": len(report.events), "matches": report.matches}


def _cluster(settings: Settings) -> ClusterOperations:
    return ClusterOperations(AdminClient(client_options(settings)))
