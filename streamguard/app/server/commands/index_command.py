"""``streamguard evidence index``: index the audit and checkpoints topics into the evidence store, publish the
sessions and feed the witness (Procfile ``evidence``). A server-side process: it holds the control
credential, since it writes the sessions topic."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from streamguard.app.settings import Settings, load_settings
from streamguard.core.errors import InfrastructureFault

if TYPE_CHECKING:  # the indexer and the store are imported when the command runs: `--help` stays fast
    from streamguard.app.services.evidence.indexing import IndexStats
    from streamguard.store import EvidenceStore

console = Console()
errors = Console(stderr=True)


def index(
    follow: Annotated[bool, typer.Option("--follow", help="Keep indexing until Ctrl-C.")] = False,
    interval: Annotated[float, typer.Option("--interval", min=0.1, help="Seconds between runs with --follow.")] = 5.0,
) -> None:
    """Index the audit and checkpoints topics into the evidence store, publish the sessions, feed the witness."""
    from streamguard.app.services.evidence.indexing import index_now
    from streamguard.store import EvidenceStore

    settings = load_settings()
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        if not follow:
            stats = index_now(settings, store)
            console.print(describe(stats), highlight=False)
            if stats.witness_refusals:
                raise typer.Exit(1)
            return
        _follow(settings, store, interval)


def _follow(settings: Settings, store: EvidenceStore, interval: float) -> None:
    """Index every ``interval`` seconds, printing the runs that found something; a broker or witness that
    does not answer is reported and tried again next time. Ctrl-C between or during runs is safe: the
    cursors only move once what they cover is stored."""
    from streamguard.app.services.evidence.indexing import IndexStats, index_now

    try:
        while True:
            try:
                stats = index_now(settings, store)
                if stats != IndexStats():
                    console.print(f"{datetime.now(UTC):%H:%M:%S} {describe(stats)}", highlight=False)
            except InfrastructureFault as fault:
                errors.print(f"[yellow]{fault}: trying again in {interval:g}s[/yellow]", highlight=False)
            time.sleep(interval)
    except KeyboardInterrupt:
        console.print("stopped")


def describe(stats: IndexStats) -> str:
    text = (
        f"indexed {stats.events_added} audit events, {stats.checkpoints_added} checkpoints, "
        f"{stats.cosignatures_added} cosignatures; {stats.sessions_changed} sessions changed"
    )
    if stats.malformed:
        text += f"; {stats.malformed} malformed records skipped (see verify)"
    if stats.witness_refusals:
        text += f"; {len(stats.witness_refusals)} witness refusals"
    return text
