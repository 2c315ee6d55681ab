"""``streamguard report`` for auditors and ``streamguard export`` for SIEMs: both index what is new on the
evidence topics first, then read the evidence store."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from streamguard.app.cli.evidence_commands import parse_when
from streamguard.app.services.evidence.auditor_report import auditor_report
from streamguard.app.services.evidence.indexing import index_evidence
from streamguard.app.services.evidence.report_render import render_csv, render_html, render_json
from streamguard.app.services.evidence.siem_export import ExportCursor, export_events, sink_for_target
from streamguard.app.settings import load_settings
from streamguard.store.evidence_store import EvidenceStore


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
    settings = load_settings()
    period = parse_when(start), parse_when(end)
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        built = auditor_report(settings, store, *period, dataset=dataset, verify=verify)
    render = {ReportFormat.HTML: render_html, ReportFormat.JSON: render_json, ReportFormat.CSV: render_csv}
    text = render[output_format](built)
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(
            f"{out}: {output_format.value} report, {built.period_from:%Y-%m-%d} to {built.period_to:%Y-%m-%d}", err=True
        )


def export(
    output_format: Annotated[ExportFormat, typer.Option("--format", help="ocsf, cef or jsonl.")],
    to: Annotated[str, typer.Option("--to", help="FILE, http(s)://URL or syslog://HOST:PORT.")],
    since: Annotated[str | None, typer.Option("--since", help="Only events from this time (ISO or 7d/12h).")] = None,
    follow: Annotated[bool, typer.Option("--follow", help="Keep exporting new events until Ctrl-C.")] = False,
    interval: Annotated[float, typer.Option("--interval", help="Seconds between looks when following.")] = 5.0,
) -> None:
    """Export audit events for a SIEM; resumable: it remembers where it stopped, per format and target."""
    settings = load_settings()
    start = parse_when(since) if since else None
    cursor = ExportCursor(settings.home / "exports", to, output_format.value)
    sink = sink_for_target(to)
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        while True:
            index_evidence(settings, store, witness=None)
            stats = export_events(store.events(since=start), output_format.value, sink, cursor, since=start)
            kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(stats.documents.items())) or "nothing new"
            typer.echo(f"exported {stats.events} events ({kinds}) to {cursor.target}", err=True)
            if not follow:
                return
            time.sleep(interval)
