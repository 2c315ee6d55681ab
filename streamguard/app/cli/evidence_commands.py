"""``streamguard sessions list | show`` and ``streamguard evidence index``: the evidence store, kept current by
the indexer, queried for producer sessions.

Each ``sessions`` command first indexes what is new on the topics (``--no-index`` skips that), so what it
prints is the evidence as of now. The witness that cosigns checkpoints comes from ``STREAMGUARD_WITNESS_URL``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.services.evidence.indexing import index_now
from streamguard.app.settings import load_settings
from streamguard.core.durations import parse_duration
from streamguard.evidence.sessions import Session
from streamguard.store import EvidenceStore, StoredSession, parse_utc

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


@contextmanager
def _current_store(no_index: bool) -> Iterator[EvidenceStore]:
    settings = load_settings()
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        if not no_index:
            index_now(settings, store)
        yield store


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
    window = (parse_when(since) if since else None, parse_when(until) if until else None)
    with _current_store(no_index) as store:
        found = store.sessions(dataset=dataset, identity=identity, since=window[0], until=window[1], limit=limit)
    if as_json:
        typer.echo(json.dumps([json.loads(stored.body_json) for stored in found], indent=2))
        return
    table = Table("session", "dataset", "identity", "records", "first seen", "last seen", "state", "sealed chains")
    for stored in found:
        session = Session.model_validate_json(stored.body_json)
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
    with _current_store(no_index) as store:
        stored = store.session(session_id)
    if stored is None:
        errors.print(f"[red]no session {session_id!r} in the evidence store[/red]")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(json.loads(stored.body_json), indent=2))
        return
    _print_session(stored)


def _print_session(stored: StoredSession) -> None:
    session = Session.model_validate_json(stored.body_json)
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
