"""``streamguard acl plan | apply``: the Kafka ACLs the policy implies, and applying the difference, as the
principal ``STREAMGUARD_TOKEN`` names (planning takes any principal of the policy, applying the admin role)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.services.control.access_scoping import AccessPlan, apply_access, plan_access
from streamguard.app.services.control.approvals import active_grants
from streamguard.app.services.control.callers import authenticate, current_policy, require_role
from streamguard.app.settings import load_settings
from streamguard.control.acl_plan import AclEntry
from streamguard.control.policy import Role

console = Console()
group = typer.Typer(
    help="Kafka ACLs generated from the policy: least privilege, enforced by the broker.", no_args_is_help=True
)

AsJson = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


@group.command("plan")
def plan(as_json: AsJson = False) -> None:
    """Print the ACLs the policy and the active grants imply, and the SCRAM users missing on the broker."""
    settings = load_settings()
    policy = current_policy(settings)
    authenticate(settings, policy)
    result = plan_access(settings, policy, active_grants(settings, policy, datetime.now(UTC)))
    if as_json:
        typer.echo(json.dumps({"acls": _entries(result.entries), "missing_users": result.missing_users}, indent=2))
        return
    table = Table("principal", "resource", "pattern", "operation", "why", title="ACLs the policy implies")
    for entry in result.entries:
        table.add_row(entry.principal, entry.resource, entry.pattern, entry.operation, entry.reason)
    console.print(table)
    _print_missing_users(result.missing_users)


@group.command("apply")
def apply(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the difference; change nothing.")] = False,
    create_users: Annotated[
        bool,
        typer.Option(
            "--create-users", help="Create missing SCRAM users, passwords from STREAMGUARD_SCRAM_PASSWORD_<USER>."
        ),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Add the planned ACLs the broker lacks, remove stale ones streamguard created, keep everyone else's; the
    change is recorded in the audit stream."""
    settings = load_settings()
    policy = current_policy(settings)
    caller = authenticate(settings, policy)
    require_role(caller, Role.ADMIN, doing="apply ACLs")
    grants = active_grants(settings, policy, datetime.now(UTC))
    if dry_run:
        _report(plan_access(settings, policy, grants), [], None, as_json)
        return
    applied = apply_access(settings, policy, caller.actor, grants, create_users)
    event = {"id": applied.event.event_id, "seq": applied.event.seq} if applied.event else None
    _report(applied.plan, applied.users_created, event, as_json, applied=True)


def _report(
    result: AccessPlan, created: list[str], event: dict[str, Any] | None, as_json: bool, applied: bool = False
) -> None:
    diff, missing = result.diff, [user for user in result.missing_users if user not in created]
    if as_json:
        body = {"applied": applied, "add": _entries(diff.add), "remove": _entries(diff.remove)}
        body |= {"foreign": _entries(diff.foreign), "forgotten": list(diff.vanished), "users_created": created}
        typer.echo(json.dumps({**body, "missing_users": missing, "event": event}, indent=2))
        return
    for sign, style, entries in (("+", "green", diff.add), ("-", "red", diff.remove), ("=", "dim", diff.foreign)):
        for entry in entries:
            why = entry.reason or "not streamguard's: kept"
            line = f"{sign} {entry.principal} {entry.operation} {entry.resource} ({entry.permission})  {why}"
            console.print(f"[{style}]{line}[/{style}]", highlight=False)
    if created:
        console.print(f"created SCRAM users: {', '.join(created)}")
    _print_missing_users(missing)
    added, removed, kept = len(diff.add), len(diff.remove), len(diff.foreign)
    if not applied:
        console.print(f"dry run: would add {added} and remove {removed} ACLs ({kept} foreign kept); nothing changed")
    elif event is None:
        console.print(f"the broker already holds the plan ({kept} foreign ACLs kept); nothing recorded")
    else:
        console.print(f"added {added} and removed {removed} ACLs ({kept} foreign kept); audit event seq {event['seq']}")


def _print_missing_users(missing: list[str]) -> None:
    if missing:
        console.print(
            f"[yellow]SCRAM users missing on the broker: {', '.join(missing)}[/yellow] "
            "(`acl apply --create-users` creates them)"
        )


def _entries(entries: Iterable[AclEntry]) -> list[dict[str, Any]]:
    return [{"key": entry.key(), **asdict(entry)} for entry in entries]
