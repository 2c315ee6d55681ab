"""``streamguard acl plan | apply``: the Kafka ACLs the policy in force implies, and applying the difference,
asked of the server (which alone holds the credential that changes ACLs) as the principal
``STREAMGUARD_TOKEN`` names: planning takes any principal, applying the admin role."""

from __future__ import annotations

import json
import os
import re
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.cli.api_client import connect

console = Console()
group = typer.Typer(
    help="Kafka ACLs generated from the policy: least privilege, enforced by the broker.", no_args_is_help=True
)

AsJson = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
PASSWORD_VARIABLE_PREFIX = "STREAMGUARD_SCRAM_PASSWORD_"


@group.command("plan")
def plan(as_json: AsJson = False) -> None:
    """Print the ACLs the policy and the active grants imply, and the SCRAM users missing on the broker."""
    result = connect().get("/api/acls")
    if as_json:
        typer.echo(json.dumps({"acls": result["acls"], "missing_users": result["missing_users"]}, indent=2))
        return
    table = Table("principal", "resource", "pattern", "operation", "why", title="ACLs the policy implies")
    for entry in result["acls"]:
        table.add_row(entry["principal"], entry["resource"], entry["pattern"], entry["operation"], entry["reason"])
    console.print(table)
    _print_missing_users(result["missing_users"])


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
    body: dict[str, Any] = {"dry_run": dry_run, "create_users": create_users}
    if create_users:  # sent to the server over the API, never printed or recorded
        body["passwords"] = _passwords(connect().get("/api/acls")["missing_users"])
    _report(connect().post("/api/acls/apply", body), as_json)


def password_variable(user: str) -> str:
    """``STREAMGUARD_SCRAM_PASSWORD_<USER>``: the user upper-cased, every other character than a letter or a
    digit as ``_``."""
    return PASSWORD_VARIABLE_PREFIX + re.sub(r"[^A-Za-z0-9]", "_", user).upper()


def _passwords(users: list[str]) -> dict[str, str]:
    """Each missing user's password from its variable (the server names every user left without one)."""
    return {user: os.environ[password_variable(user)] for user in users if os.environ.get(password_variable(user))}


def _report(result: dict[str, Any], as_json: bool) -> None:
    created, missing, event = result["users_created"], result["missing_users"], result["event"]
    if as_json:
        body = {key: result[key] for key in ("applied", "add", "remove", "foreign", "forgotten", "users_created")}
        typer.echo(json.dumps({**body, "missing_users": missing, "event": event}, indent=2))
        return
    for sign, style, entries in (("+", "green", "add"), ("-", "red", "remove"), ("=", "dim", "foreign")):
        for entry in result[entries]:
            why = entry["reason"] or "not streamguard's: kept"
            what = f"{entry['principal']} {entry['operation']} {entry['resource']} ({entry['permission']})"
            line = f"{sign} {what}  {why}"
            console.print(f"[{style}]{line}[/{style}]", highlight=False)
    if created:
        console.print(f"created SCRAM users: {', '.join(created)}")
    _print_missing_users(missing)
    added, removed, kept = len(result["add"]), len(result["remove"]), len(result["foreign"])
    if not result["applied"]:
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
