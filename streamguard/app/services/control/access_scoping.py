"""Access scoping: the ACLs the policy implies (``acl plan``), and applying the difference (``acl apply``).

Applying never loses track of an ACL streamguard created: SCRAM users first (so the new ACLs work at once),
then each new ACL's ledger entry as an intent, then the ACL itself; a stale ACL is deleted from the broker
first and tombstoned in the ledger after, in the transaction of the one ``acl_applied`` event that records
the change. A crash anywhere leaves at worst a ledger key without its ACL (the next apply creates it again, or
forgets the key), never an ACL of streamguard's that its ledger does not know, and so could not remove.

A grant's ACLs are added and revoked one grant at a time for the approvals executor (``apply_grant``,
``revoke_grant``), which records the grant's execution and revocation itself.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_acls import (
    broker_acls,
    create_acls,
    create_scram_users,
    delete_acls,
    ledger_records,
    ledger_tombstones,
    missing_scram_users,
    read_ledger,
    write_ledger,
)
from streamguard.agents.kafka_operations import record_operation
from streamguard.agents.kafka_rules import read_rule_history
from streamguard.app.services.kafka_config import client_options, ensure_system_topics
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.control.acl_plan import (
    AclDiff,
    AclEntry,
    TemporaryGrant,
    diff_acls,
    grant_acls,
    plan_acls,
    policy_users,
)
from streamguard.control.policy import Policy
from streamguard.core.errors import ConfigError
from streamguard.core.rule_sets import latest_versions
from streamguard.evidence.audit import AuditEvent
from streamguard.masking.rule_versions import rules_of

log = logging.getLogger(__name__)
ACL_APPLIED_KIND = "acl_applied"


@dataclass(frozen=True)
class AccessPlan:
    entries: list[AclEntry]  # every ACL the policy and the active grants imply
    diff: AclDiff
    missing_users: list[str]  # SCRAM users the policy names that the broker does not know


@dataclass(frozen=True)
class AccessApplied:
    plan: AccessPlan
    users_created: list[str]
    event: AuditEvent | None  # the acl_applied event; None when nothing changed


def scram_passwords(users: Sequence[str], given: Mapping[str, str]) -> dict[str, str]:
    """Each user's password; ConfigError naming every user without one (all of them are created, or none)."""
    unset = [user for user in users if not given.get(user)]
    if unset:
        raise ConfigError(
            f"no password for the SCRAM users to create: {', '.join(unset)} (the command line sends "
            "STREAMGUARD_SCRAM_PASSWORD_<USER>)"
        )
    return {user: given[user] for user in users}


def served_datasets(settings: Settings) -> dict[str, list[str]]:
    """Each dataset with rules in force, and the audiences those rules serve."""
    history = read_rule_history(client_options(settings), settings.topic_names.rules)
    return {dataset: sorted(rules_of(record).audiences) for dataset, record in latest_versions(history).items()}


def plan_access(settings: Settings, policy: Policy, grants: Sequence[TemporaryGrant]) -> AccessPlan:
    return _plan(settings, *_connect(settings), policy, grants)


def _plan(
    settings: Settings, options: dict[str, Any], admin: AdminClient, policy: Policy, grants: Sequence[TemporaryGrant]
) -> AccessPlan:
    entries = plan_acls(policy, served_datasets(settings), settings.topic_names, grants)
    diff = diff_acls(entries, broker_acls(admin), read_ledger(options, settings.topic_names.acls))
    return AccessPlan(entries, diff, missing_scram_users(admin, policy_users(policy)))


def apply_access(
    settings: Settings,
    policy: Policy,
    actor: str,
    grants: Sequence[TemporaryGrant],
    passwords_of: Mapping[str, str] | None = None,
) -> AccessApplied:
    """Apply the plan's difference (and create the missing SCRAM users, with the passwords given, if given);
    one acl_applied event."""
    options, admin = _connect(settings)
    names = settings.topic_names
    plan = _plan(settings, options, admin, policy, grants)
    passwords = scram_passwords(plan.missing_users, passwords_of) if passwords_of is not None else {}
    create_scram_users(admin, passwords)
    requests = {entry.key(): grant.request_id for grant in grants for entry in grant_acls(grant)}
    _create_with_intent(options, admin, names.acls, plan.diff.add, actor, requests)
    delete_acls(admin, plan.diff.remove)
    if not plan.diff.changes and not passwords:
        return AccessApplied(plan, [], None)
    operation: dict[str, Any] = {
        "added": [_listed(entry) for entry in plan.diff.add],
        "removed": [_listed(entry) for entry in plan.diff.remove],
        "forgotten": list(plan.diff.vanished),
        "users_created": sorted(passwords),
        "foreign_kept": len(plan.diff.foreign),
    }
    gone = [entry.key() for entry in plan.diff.remove] + list(plan.diff.vanished)
    event = record_operation(
        options,
        names,
        deployment_keyring(settings),
        settings.log_origin,
        ACL_APPLIED_KIND,
        actor,
        operation,
        ledger_tombstones(names.acls, gone),
    )
    return AccessApplied(plan, sorted(passwords), event)


def apply_grant(settings: Settings, grant: TemporaryGrant, actor: str) -> list[AclEntry]:
    """Add one grant's ACLs now, ledger first; returns those created (one already on the broker is left as
    it is, and so is its owner: a policy ACL stays the policy's)."""
    options, admin = _connect(settings)
    present = {entry.key() for entry in broker_acls(admin)}
    added = [entry for entry in grant_acls(grant) if entry.key() not in present]
    requests = {entry.key(): grant.request_id for entry in added}
    _create_with_intent(options, admin, settings.topic_names.acls, added, actor, requests)
    return added


def revoke_grant(
    settings: Settings,
    policy: Policy,
    grant: TemporaryGrant,
    actor: str,
    still_active: Sequence[TemporaryGrant] = (),
) -> list[AclEntry]:
    """Remove one grant's ACLs now, unless ``policy`` or a grant ``still_active`` (the other active grants)
    also needs them; only those streamguard created. Returns those deleted from the broker."""
    options, admin = _connect(settings)
    names = settings.topic_names
    needed = {e.key() for e in plan_acls(policy, served_datasets(settings), names, still_active)}
    ledger = read_ledger(options, names.acls)
    ours = [entry for entry in grant_acls(grant) if entry.key() in ledger and entry.key() not in needed]
    present = {entry.key() for entry in broker_acls(admin)}
    removed = [entry for entry in ours if entry.key() in present]
    delete_acls(admin, removed)
    write_ledger(options, ledger_tombstones(names.acls, [entry.key() for entry in ours]))
    log.info("%s revoked grant %s: %d ACLs removed", actor, grant.request_id, len(removed))
    return removed


def _connect(settings: Settings) -> tuple[dict[str, Any], AdminClient]:
    """Client options and an admin client, the system topics (the ledger among them) set up."""
    options = ensure_system_topics(settings)
    return options, AdminClient(options)


def _create_with_intent(
    options: dict[str, Any],
    admin: AdminClient,
    ledger_topic: str,
    entries: Sequence[AclEntry],
    actor: str,
    requests: Mapping[str, str],
) -> None:
    write_ledger(options, ledger_records(ledger_topic, entries, actor, datetime.now(UTC), requests))
    create_acls(admin, entries)


def _listed(entry: AclEntry) -> dict[str, str]:
    return {"key": entry.key(), "reason": entry.reason}
