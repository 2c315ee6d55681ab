"""``streamguard access observe | list`` and ``streamguard alerts``: read evidence and monitoring alerts.

``access observe`` observes the consumer groups (and the local broker's authorizer log) once and records what
moved (the control service, ``streamguard control run``, does it every round);
``access list`` and ``alerts`` query the evidence store, indexing what is new on the topics first
(``--no-index`` skips that), like ``sessions list``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.cli.evidence_commands import AsJson, NoIndex, parse_when
from streamguard.app.services.evidence.indexing import index_now
from streamguard.app.settings import load_settings
from streamguard.store import EvidenceStore, StoredReadAccess

access_group = typer.Typer(
    help="Read evidence: which principal and group read which governed view, up to which offset, and when.",
    no_args_is_help=True,
)
console = Console()
errors = Console(stderr=True)
_T = TypeVar("_T")


@access_group.command("list")
def list_access(
    topic: Annotated[str | None, typer.Option("--topic", help="Only reads of this topic.")] = None,
    group: Annotated[str | None, typer.Option("--group", help="Only this consumer group's reads.")] = None,
    principal: Annotated[str | None, typer.Option("--principal", help="A policy principal or User:name.")] = None,
    as_json: AsJson = False,
    no_index: NoIndex = False,
) -> None:
    """Read evidence from the store, oldest first: group, principal, topic-partition, committed offset."""
    found = _query(no_index, lambda store: store.read_access(topic=topic, group=group, principal=principal))
    if as_json:
        typer.echo(json.dumps([_access_json(row) for row in found], indent=2))
        return
    table = Table("observed", "group", "principal", "topic", "partition", "committed", "previous", "end", "clients")
    for row in found:
        table.add_row(
            f"{row.observed_at:%Y-%m-%d %H:%M:%S}",
            row.group_id,
            row.principal or row.kafka_principal or "",
            row.topic,
            str(row.partition),
            str(row.committed_offset),
            "" if row.previous_offset is None else str(row.previous_offset),
            "" if row.end_offset is None else str(row.end_offset),
            ", ".join(f"{client_id}@{host}" for client_id, host in row.clients),
        )
    console.print(table)


def alerts(
    since: Annotated[str | None, typer.Option("--since", help="Raised at or after: ISO date/time, or 7d, 12h.")] = None,
    as_json: AsJson = False,
    no_index: NoIndex = False,
) -> None:
    """Monitoring alerts from the store, oldest first."""
    after = parse_when(since) if since else None
    found = _query(no_index, lambda store: store.alerts(since=after))
    if as_json:
        typer.echo(json.dumps([{**asdict(row), "at": row.at.isoformat()} for row in found], indent=2))
        return
    table = Table("at", "rule", "severity", "subject", "summary")
    for row in found:
        table.add_row(f"{row.at:%Y-%m-%d %H:%M:%S}", row.rule, row.severity, row.subject, row.summary)
    console.print(table)


def _query(no_index: bool, query: Callable[[EvidenceStore], _T]) -> _T:
    settings = load_settings()
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        if not no_index:
            index_now(settings, store)
        return query(store)


def _access_json(row: StoredReadAccess) -> dict[str, object]:
    body = asdict(row)
    body["observed_at"] = row.observed_at.isoformat()
    body["clients"] = [{"client_id": client_id, "host": host} for client_id, host in row.clients]
    return body
