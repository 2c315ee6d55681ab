"""``streamguard report`` for auditors and ``streamguard export`` for SIEMs: the server indexes what is new on
the evidence topics and reads the evidence store; the report is rendered there, the export's documents are
made and sent from here, so the SIEM need not be reachable from the server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from streamguard.app.cli.api_client import ApiClient, client_settings, connect
from streamguard.app.cli.evidence_commands import parse_when
from streamguard.app.cli.siem_export import ExportCursor, export_events, sink_for_target
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.export_order import CursorPosition

PAGE = 1000


class ReportFormat(StrEnum):
    HTML = "html"
    JSON = "json"
    CSV = "csv"


class ExportFormat(StrEnum):
    OCSF = "ocsf"
    CEF = "cef"
    JSONL = "jsonl"


def report(
    start: Annotated[str, typer.Option("--from", help="First day or time of the period (UTC).")],
    end: Annotated[str, typer.Option("--to", help="End of the period, exclusive (UTC).")],
    dataset: Annotated[str | None, typer.Option("--dataset", help="Only this dataset.")] = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", help="html, json or csv.")] = ReportFormat.HTML,
    out: Annotated[Path | None, typer.Option("--out", help="Write here instead of standard output.")] = None,
    verify: Annotated[bool, typer.Option(help="Verify the evidence and show the verdict in the report.")] = True,
) -> None:
    """A report for auditors: who produced to each dataset, who received it, what was masked for whom,
    quarantines, detected personal data, approvals, who read which view up to which offset and when, the
    alerts raised, and the verification status with its checkpoints."""
    period = parse_when(start), parse_when(end)
    params = {"from": period[0].isoformat(), "to": period[1].isoformat(), "dataset": dataset}
    text = connect().get_text("/api/reports", **params, format=output_format.value, verify=verify)
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"{out}: {output_format.value} report, {period[0]:%Y-%m-%d} to {period[1]:%Y-%m-%d}", err=True)


def export(
    output_format: Annotated[ExportFormat, typer.Option("--format", help="ocsf, cef or jsonl.")],
    to: Annotated[str, typer.Option("--to", help="FILE, http(s)://URL or syslog://HOST:PORT.")],
    since: Annotated[str | None, typer.Option("--since", help="Only events from this time (ISO or 7d/12h).")] = None,
    follow: Annotated[bool, typer.Option("--follow", help="Keep exporting new events until Ctrl-C.")] = False,
    interval: Annotated[float, typer.Option("--interval", help="Seconds between looks when following.")] = 5.0,
) -> None:
    """Export audit events for a SIEM; resumable: it remembers where it stopped, per format and target."""
    start = parse_when(since) if since else None
    cursor = ExportCursor(client_settings().home / "exports", to, output_format.value)
    sink = sink_for_target(to)
    client = connect()
    while True:
        events = _events_after(client, cursor.load(), start)
        stats = export_events(events, output_format.value, sink, cursor, since=start)
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(stats.documents.items())) or "nothing new"
        typer.echo(f"exported {stats.events} events ({kinds}) to {cursor.target}", err=True)
        if not follow:
            return
        time.sleep(interval)


def _events_after(client: ApiClient, position: CursorPosition | None, since: datetime | None) -> Iterator[AuditEvent]:
    """The events after ``position``, page by page from the server."""
    while True:
        after = position.model_dump_json() if position else None
        page = client.get("/api/events", after=after, since=since.isoformat() if since else None, limit=PAGE)
        events = [AuditEvent.model_validate(event) for event in page["events"]]
        yield from events
        if not page["more"] or not events:
            return
        position = CursorPosition.of(events[-1])
