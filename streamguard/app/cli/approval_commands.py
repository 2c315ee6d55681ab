"""``streamguard request …``, ``approvals list``, ``approve``, ``deny``: just-in-time approval of risky
operations, asked of the server as the principal ``STREAMGUARD_TOKEN`` names (the server decides who may)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.cli.api_client import ApiClient, connect
from streamguard.app.services.rules_texts import rules_request
from streamguard.control.requests import (
    AddPartitions,
    AlterConfig,
    Decrypt,
    DeleteGroup,
    DeleteTopic,
    Grant,
    Replay,
    Request,
    ResetOffsets,
    State,
    _Operation,
)
from streamguard.core.durations import approximate_duration, parse_duration

console = Console()
request_group = typer.Typer(
    help="Ask for a risky operation; it runs once, when approvers other than you approve it.", no_args_is_help=True
)
approvals_group = typer.Typer(help="Requests and their states.", no_args_is_help=True)

Reason = Annotated[str, typer.Option("--reason", help="Why (required): the approvers decide on it.")]
AsJson = Annotated[bool, typer.Option("--json", help='Print {"id": …, "state": …}.')]


def _submit(operation: _Operation, reason: str, as_json: bool) -> None:
    answer = _ask(connect(), operation, reason)
    _print(Request.model_validate(answer["request"]), as_json)


def _ask(client: ApiClient, operation: _Operation, reason: str) -> dict[str, Any]:
    return client.post("/api/requests", {"operation": operation.model_dump(mode="json"), "reason": reason})  # type: ignore[no-any-return]


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
        operation = ResetOffsets(group=group, topic=topic, to=to)
    except ValueError:
        raise typer.BadParameter(f"--to {to!r}: expected earliest, latest or an ISO-8601 time") from None
    _submit(operation, reason, as_json)


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
    _, text = rules_request(rules_file, schema_file, key_schema_file)  # errors name the files, before asking
    outcome = _ask(connect(), text, reason)["rules"]
    if outcome["request"] is None:
        applied = outcome["applied"]
        if as_json:
            typer.echo(json.dumps({"id": None, "state": "applied", "version": outcome["applied_version"]}))
        else:
            console.print(
                f"applied at once, since it reduces no protection: {applied['key'] if applied else 'unchanged'}"
            )
        return
    _print(Request.model_validate(outcome["request"]), as_json)
    if not as_json:
        for row in outcome["diff"]["changes"]:
            if row["effect"] == "loosens":
                console.print(f"  [yellow]{row['audience']}[/yellow] {row['path']}: {row['before']} -> {row['after']}")


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
        str | None, typer.Option("--group-prefix", help="Consumer groups it may use (default <its kafka user>-).")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Let PRINCIPAL read TOPIC for a while; streamguard revokes the access by itself when the time is up."""
    if access != "read":
        raise typer.BadParameter(f"{access!r}: time-bound access is read")
    operation = Grant(principal=principal, topic=topic, seconds=_seconds(duration), group_prefix=group_prefix)
    _submit(operation, reason, as_json)


@request_group.command("decrypt")
def decrypt(
    dataset: str,
    reason: Reason,
    duration: Annotated[str, typer.Option("--for", help="How long you may decrypt once approved, such as 1h.")],
    as_json: AsJson = False,
) -> None:
    """Ask to turn DATASET's encrypt tokens back into values for a while (`streamguard decrypt` then does it,
    through the server, each use recorded)."""
    _submit(Decrypt(dataset=dataset, seconds=_seconds(duration)), reason, as_json)


def _seconds(duration: str) -> int:
    try:
        return int(parse_duration(duration).total_seconds())
    except ValueError as error:
        raise typer.BadParameter(f"--for: {error}") from None


@approvals_group.command("list")
def list_requests(
    state: Annotated[State | None, typer.Option("--state", help="Only requests in this state.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, one request each.")] = False,
) -> None:
    """Requests newest first: who, what, why, impact and time left."""
    answer = connect().get("/api/requests", state=state.value if state else None)
    requests = [Request.model_validate(request) for request in answer]
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
    body = {"note": text} if approving else {"reason": text}
    answer = connect().post(f"/api/requests/{quote(request_id, safe='')}/{'approve' if approving else 'deny'}", body)
    request = Request.model_validate(answer)
    _print(request, as_json)
    if request.state is State.FAILED:
        raise typer.Exit(1)


def register(cli: typer.Typer) -> None:
    cli.add_typer(request_group, name="request")
    cli.add_typer(approvals_group, name="approvals")
    cli.command("approve")(approve)
    cli.command("deny")(deny)
