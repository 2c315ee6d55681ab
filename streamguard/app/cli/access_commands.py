"""``streamguard access list`` and ``streamguard alerts``: read evidence and monitoring alerts, asked of the
server, which indexes what is new on the topics first (``--no-index`` skips that), like ``sessions list``.
(``access observe``, one round of the control service's observation, is a server-side command.)
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.cli.api_client import connect
from streamguard.app.cli.evidence_commands import AsJson, NoIndex, fresh, parse_when
from streamguard.core.times import parse_utc
from streamguard.evidence.report_reads import source_label

access_group = typer.Typer(
    help="Read evidence: which principal and group read which governed view, up to which offset, and when.",
    no_args_is_help=True,
)
console = Console()
errors = Console(stderr=True)


@access_group.command("list")
def list_access(
    topic: Annotated[str | None, typer.Option("--topic", help="Only reads of this topic.")] = None,
    group: Annotated[str | None, typer.Option("--group", help="Only this consumer group's reads.")] = None,
    principal: Annotated[str | None, typer.Option("--principal", help="A policy principal or User:name.")] = None,
    as_json: AsJson = False,
    no_index: NoIndex = False,
) -> None:
    """Read evidence from the store, oldest first: group, principal and where it comes from (authorizer-log,
    audit-log-topic, or group-prefix: inferred), topic-partition, committed offset."""
    params = {"topic": topic, "group": group, "principal": principal, "fresh": fresh(no_index)}
    found = connect().get("/api/reads", **params)
    if as_json:
        typer.echo(json.dumps([_access_json(row) for row in found], indent=2))
        return
    columns = ("observed", "group", "principal", "source", "topic", "partition", "committed", "previous", "end")
    table = Table(*columns, "clients")
    for row in found:
        table.add_row(
            f"{parse_utc(row['observed_at']):%Y-%m-%d %H:%M:%S}",
            row["group_id"],
            row["principal"] or row["kafka_principal"] or "",
            source_label(row.get("source")),
            row["topic"],
            str(row["partition"]),
            str(row["committed_offset"]),
            "" if row["previous_offset"] is None else str(row["previous_offset"]),
            "" if row["end_offset"] is None else str(row["end_offset"]),
            ", ".join(f"{client_id}@{host}" for client_id, host in row["clients"]),
        )
    console.print(table)


def alerts(
    since: Annotated[str | None, typer.Option("--since", help="Raised at or after: ISO date/time, or 7d, 12h.")] = None,
    as_json: AsJson = False,
    no_index: NoIndex = False,
) -> None:
    """Monitoring alerts from the store, oldest first."""
    after = parse_when(since).isoformat() if since else None
    found = connect().get("/api/alerts", since=after, fresh=fresh(no_index))
    if as_json:
        typer.echo(json.dumps([{**row, "at": parse_utc(row["at"]).isoformat()} for row in found], indent=2))
        return
    table = Table("at", "rule", "severity", "subject", "summary")
    for row in found:
        at = f"{parse_utc(row['at']):%Y-%m-%d %H:%M:%S}"
        table.add_row(at, row["rule"], row["severity"], row["subject"], row["summary"])
    console.print(table)


def _access_json(row: dict[str, Any]) -> dict[str, object]:
    return {
        **row,
        "observed_at": parse_utc(row["observed_at"]).isoformat(),
        "clients": [{"client_id": client_id, "host": host} for client_id, host in row["clients"]],
    }
