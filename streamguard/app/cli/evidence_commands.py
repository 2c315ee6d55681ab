"""``streamguard sessions list | show``: producer sessions, asked of the server, which keeps the evidence
store current (``streamguard evidence index`` is the server-side indexer).

Each ``sessions`` command has the server index what is new on the topics first (``--no-index`` skips that), so
what it prints is the evidence as of now.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.cli.api_client import connect
from streamguard.core.durations import parse_duration
from streamguard.core.errors import NotFound
from streamguard.core.times import parse_utc
from streamguard.evidence.sessions import Session

sessions_group = typer.Typer(
    help="Producer sessions: who wrote which records to a raw topic, where they went, what seals them.",
    no_args_is_help=True,
)
evidence_group = typer.Typer(
    help="The evidence store: audit events, checkpoints, cosignatures, sessions.", no_args_is_help=True
)

console = Console()
errors = Console(stderr=True)
_SHOWN_ID = 12
_PAGE = 500  # the server's largest page (routes_evidence.MAX_PAGE)

NoIndex = Annotated[bool, typer.Option("--no-index", help="Query the store as it is, without indexing first.")]
AsJson = Annotated[bool, typer.Option("--json", help="JSON instead of a table.")]


def parse_when(text: str, now: datetime | None = None) -> datetime:
    """An ISO date or time (UTC unless it says otherwise), or a time ago: ``7d``, ``12h``, ``30m``."""
    try:
        return (now or datetime.now(UTC)) - parse_duration(text)
    except ValueError:
        pass
    try:
        return parse_utc(text.strip())
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not an ISO date or time, nor a time ago like 7d, 12h or 30m") from None


def fresh(no_index: bool) -> bool:
    """The server's ``fresh`` parameter: index now, unless the caller said not to."""
    return not no_index


@sessions_group.command("list")
def list_sessions(
    dataset: Annotated[str | None, typer.Option("--dataset", help="Only this dataset's sessions.")] = None,
    identity: Annotated[str | None, typer.Option("--identity", help="Only this producer identity's.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Active at or after: ISO date/time, or 7d, 12h.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Active before: ISO date/time, or 7d, 12h.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many, newest first.")] = 50,
    as_json: AsJson = False,
    no_index: NoIndex = False,
) -> None:
    """Sessions active in a time window, newest first."""
    window = (parse_when(since).isoformat() if since else None, parse_when(until).isoformat() if until else None)
    client, found, index_first = connect(), [], fresh(no_index)
    while len(found) < limit:  # the server answers in pages of at most _PAGE sessions
        wanted = min(_PAGE, limit - len(found))
        page = client.get(
            "/api/sessions", dataset=dataset, identity=identity, since=window[0], until=window[1], limit=wanted,
            offset=len(found), fresh=index_first,
        )  # fmt: skip
        found += page
        index_first = False  # the first page had the server index what is new
        if len(page) < wanted:
            break
    if as_json:
        typer.echo(json.dumps(found, indent=2))
        return
    table = Table("session", "dataset", "identity", "records", "first seen", "last seen", "state", "sealed chains")
    for body in found:
        session = Session.model_validate(body)
        state = "open" if session.open else "closed"
        sealed = f"{len(session.sealed_by)}/{len(session.chains())}"
        table.add_row(
            session.id[:_SHOWN_ID],
            session.dataset or "",
            session.identity,
            str(session.records),
            session.first_seen,
            session.last_seen,
            state,
            sealed,
        )
    console.print(table)


@sessions_group.command("show")
def show_session(
    session_id: Annotated[str, typer.Argument(help="A session id, or a unique prefix of 8 or more characters.")],
    as_json: AsJson = False,
    no_index: NoIndex = False,
) -> None:
    """One session: its records per partition, deliveries per audience, quarantine, entities and seals."""
    try:
        detail = connect().get(f"/api/sessions/{quote(session_id, safe='')}", fresh=fresh(no_index))
    except (NotFound, ValueError):
        errors.print(f"[red]no session {session_id!r} in the evidence store[/red]")
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(detail["session"], indent=2))
        return
    _print_session(Session.model_validate(detail["session"]))


def _print_session(session: Session) -> None:
    console.print(f"[bold]session {session.id}[/bold] ({'open' if session.open else 'closed'})", highlight=False)
    console.print(f"  {session.identity} -> {session.raw_topic} (dataset {session.dataset or '-'})", highlight=False)
    console.print(f"  {session.first_seen} .. {session.last_seen}: {session.records} records", highlight=False)
    console.print(f"  schema ids {session.schema_ids or '-'}, rules versions {session.rule_versions or '-'}")
    partitions = Table("partition", "first offset", "last offset", "records")
    for partition, span in session.partitions.items():
        partitions.add_row(partition, str(span.first_offset), str(span.last_offset), str(span.records))
    deliveries = Table("audience", "topic", "records")
    for audience, delivery in session.deliveries.items():
        deliveries.add_row(audience, delivery.topic, str(delivery.records))
    outcomes = Table("quarantined / entity", "count")
    for name, count in [*session.quarantined.items(), *session.entities.items()]:
        outcomes.add_row(name, str(count))
    seals = Table("chain", "sealed by checkpoint", "root")
    for chain in sorted(session.chains()):
        seal = session.sealed_by.get(chain)
        seals.add_row(
            chain,
            f"{seal.origin} @ {seal.size}" if seal else "[yellow]not yet[/yellow]",
            seal.root_hex[:16] if seal else "",
        )
    for table in (partitions, deliveries, outcomes, seals):
        console.print(table)
    console.print(f"  {len(session.events)} audit events: {session.events[0]} .. {session.events[-1]}")
    if session.approvals:
        console.print(f"  approved operations run while it was open: {', '.join(session.approvals)}")
