"""``streamguard request …``, ``approvals list``, ``approve``, ``deny``: just-in-time approval of risky
operations, as the principal ``STREAMGUARD_TOKEN`` names."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.services.control import approvals, rules_service
from streamguard.app.services.control.callers import authenticate, current_policy
from streamguard.app.services.control.risky_operations import rules_request
from streamguard.app.settings import load_settings
from streamguard.control.requests import (
    AddPartitions,
    AlterConfig,
    DeleteGroup,
    DeleteTopic,
    Grant,
    Replay,
    Request,
    ResetOffsets,
    State,
    reset_target,
)
from streamguard.core.durations import approximate_duration, parse_duration

console = Console()
request_group = typer.Typer(
    help="Ask for a risky operation; it runs once, when approvers other than you approve it.", no_args_is_help=True
)
approvals_group = typer.Typer(help="Requests and their states.", no_args_is_help=True)

Reason = Annotated[str, typer.Option("--reason", help="Why (required): the approvers decide on it.")]
AsJson = Annotated[bool, typer.Option("--json", help='Print {"id": …, "state": …}.')]


def _submit(operation: Any, reason: str, as_json: bool) -> None:
    settings = load_settings()
    policy = current_policy(settings)
    caller = authenticate(settings, policy)
    request = approvals.request_operation(settings, policy, caller, operation, reason)
    _print(request, as_json)


def _print(request: Request, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"id": request.id, "state": request.state.value}))
        return
    console.print(f"request [bold]{request.id}[/bold] {request.state.value}: {request.operation.describe()}")
    if request.state is State.PENDING:
        left = approximate_duration(request.time_left(datetime.now(UTC)))
        console.print(f"  impact: {request.impact_summary()}")
        console.print(f"  approvals {len(request.approvals)}/{request.quorum}, expires in {left}")
    if request.result:
        console.print(f"  result: {json.dumps(request.result, sort_keys=True)}")


@request_group.command("delete-topic")
def delete_topic(topic: str, reason: Reason, as_json: AsJson = False) -> None:
    """Delete TOPIC."""
    _submit(DeleteTopic(topic=topic), reason, as_json)


@request_group.command("add-partitions")
def add_partitions(topic: str, count: int, reason: Reason, as_json: AsJson = False) -> None:
    """Grow TOPIC to COUNT partitions (keys move to other partitions: consumers relying on order notice)."""
    _submit(AddPartitions(topic=topic, count=count), reason, as_json)


@request_group.command("delete-group")
def delete_group(group: str, reason: Reason, as_json: AsJson = False) -> None:
    """Delete consumer group GROUP and its committed offsets."""
    _submit(DeleteGroup(group=group), reason, as_json)


@request_group.command("reset-offsets")
def reset_offsets(
    group: str,
    topic: str,
    reason: Reason,
    to: Annotated[str, typer.Option("--to", help="earliest, latest, or an ISO-8601 time.")],
    as_json: AsJson = False,
) -> None:
    """Move GROUP's committed offsets on TOPIC (the group must have no active members when it runs)."""
    try:
        reset_target(to)
    except ValueError as error:
        raise typer.BadParameter(f"--to {error}") from None
    _submit(ResetOffsets(group=group, topic=topic, to=to), reason, as_json)


@request_group.command("alter-config")
def alter_config(topic: str, setting: str, reason: Reason, as_json: AsJson = False) -> None:
    """Set one topic configuration, SETTING as KEY=VALUE (retention.ms=86400000)."""
    key, sep, value = setting.partition("=")
    if not sep or not key:
        raise typer.BadParameter(f"{setting!r}: expected KEY=VALUE")
    _submit(AlterConfig(topic=topic, key=key, value=value), reason, as_json)


@request_group.command("apply-rules")
def apply_rules(
    rules_file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Steward rules (YAML).")],
    reason: Reason,
    schema_file: Annotated[Path | None, typer.Option("--schema", exists=True, dir_okay=False)] = None,
    key_schema_file: Annotated[Path | None, typer.Option("--key-schema", exists=True, dir_okay=False)] = None,
    as_json: AsJson = False,
) -> None:
    """Publish rules that reduce protection, once approved; rules that only add protection apply at once."""
    settings = load_settings()
    policy = current_policy(settings)
    caller = authenticate(settings, policy)
    _, operation = rules_request(rules_file, schema_file, key_schema_file)
    change = rules_service.submit(settings, policy, caller, operation, reason)
    if change.request is None:
        record = change.record
        if as_json:
            typer.echo(json.dumps({"id": None, "state": "applied", "version": record.version if record else None}))
        else:
            console.print(f"applied at once, since it reduces no protection: {record.key if record else 'unchanged'}")
        return
    _print(change.request, as_json)
    if not as_json:
        for row in change.diff.loosenings:
            console.print(f"  [yellow]{row.audience}[/yellow] {row.path}: {row.before} -> {row.after}")


@request_group.command("replay")
def replay(
    session: str,
    reason: Reason,
    audience: Annotated[str, typer.Option("--audience", help="Whose view to re-derive.")],
    as_json: AsJson = False,
) -> None:
    """Re-derive AUDIENCE's view of SESSION from the raw records and compare it with the evidence."""
    _submit(Replay(session=session, audience=audience), reason, as_json)


@request_group.command("grant")
def grant(
    principal: str,
    access: Annotated[str, typer.Argument(help="read (the only kind of time-bound access).")],
    topic: str,
    reason: Reason,
    duration: Annotated[str, typer.Option("--for", help="How long, such as 2h (at most the policy's max_grant).")],
    group_prefix: Annotated[
        str | None, typer.Option("--group-prefix", help="Consumer groups it may use (default <kafka user>-).")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Let PRINCIPAL read TOPIC for a while; streamguard revokes the access by itself when the time is up."""
    if access != "read":
        raise typer.BadParameter(f"{access!r}: time-bound access is read")
    try:
        seconds = int(parse_duration(duration).total_seconds())
    except ValueError as error:
        raise typer.BadParameter(f"--for: {error}") from None
    settings = load_settings()
    user = current_policy(settings).principal(principal).kafka_user or principal
    operation = Grant(principal=principal, topic=topic, seconds=seconds, group_prefix=group_prefix or f"{user}-")
    _submit(operation, reason, as_json)


@approvals_group.command("list")
def list_requests(
    state: Annotated[State | None, typer.Option("--state", help="Only requests in this state.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, one request each.")] = False,
) -> None:
    """Requests newest first: who, what, why, impact and time left."""
    settings = load_settings()
    authenticate(settings, current_policy(settings))
    requests = approvals.list_requests(settings, state)
    if as_json:
        for request in requests:
            typer.echo(request.model_dump_json())
        return
    now = datetime.now(UTC)
    table = Table("id", "state", "operation", "requester", "reason", "impact", "approvals", "time left")
    for request in requests:
        left = approximate_duration(request.time_left(now)) if request.state is State.PENDING else ""
        approvers = ", ".join(d.principal for d in request.approvals) or "-"
        table.add_row(
            request.id, request.state.value, request.operation.describe(), request.requester, request.reason,
            request.impact_summary(), f"{approvers} ({len(request.approvals)}/{request.quorum})", left,
        )  # fmt: skip
    console.print(table)


def approve(
    request_id: str,
    note: Annotated[str, typer.Option("--note", help="Why you approve (kept with the decision).")] = "",
    as_json: AsJson = False,
) -> None:
    """Approve REQUEST_ID (not your own; the approver role); at the quorum it is executed at once."""
    _decide(request_id, approving=True, text=note, as_json=as_json)


def deny(request_id: str, reason: Reason, as_json: AsJson = False) -> None:
    """Deny REQUEST_ID, with a reason."""
    _decide(request_id, approving=False, text=reason, as_json=as_json)


def _decide(request_id: str, *, approving: bool, text: str, as_json: bool) -> None:
    settings = load_settings()
    policy = current_policy(settings)
    caller = authenticate(settings, policy)
    request = approvals.decide(settings, policy, caller, request_id, approving=approving, text=text)
    _print(request, as_json)
    if request.state is State.FAILED:
        raise typer.Exit(1)


def register(cli: typer.Typer) -> None:
    cli.add_typer(request_group, name="request")
    cli.add_typer(approvals_group, name="approvals")
    cli.command("approve")(approve)
    cli.command("deny")(deny)
