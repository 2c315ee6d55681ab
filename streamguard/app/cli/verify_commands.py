"""``streamguard verify``: chains, Merkle logs, checkpoint signatures and consistency, witness cosignatures and
every retained source offset accounted for; exit status 0 when everything holds, 1 otherwise."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.services.evidence.verify import run_verification, trusted_keys
from streamguard.app.settings import load_settings
from streamguard.core.errors import EvidenceError
from streamguard.evidence.verification import Verification
from streamguard.store.evidence_store import EvidenceStore


def verify(
    session: Annotated[str | None, typer.Option("--session", help="Only the chains of this session.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Every chain (the default).")] = False,
    log_key: Annotated[list[str], typer.Option("--log-key", help="Trusted log verifier key (repeatable).")] = [],  # noqa: B006
    witness_key: Annotated[
        list[str], typer.Option("--witness-key", help="Witness cosignature key whose cosignature counts.")
    ] = [],  # noqa: B006
    require_witness: Annotated[
        bool, typer.Option("--require-witness", help="A chain no witness cosigned a checkpoint of is a problem.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Machine-readable result.")] = False,
) -> None:
    """Verify the evidence; every problem names its topic, partition and offset or chain and seq."""
    if session is not None and everything:
        raise EvidenceError("--session and --all are exclusive")
    settings = load_settings()
    keys = trusted_keys(settings, log_key, witness_key, require_witness=require_witness)
    with EvidenceStore.open(settings.resolved_evidence_store_url) as store:
        chains = _session_chains(store, session) if session is not None else None
        result = run_verification(settings, keys, chains=chains, store=store)
    if json_output:
        typer.echo(json.dumps(_as_json(result), indent=2))
    else:
        _print(result)
    sys.exit(0 if result.intact else 1)


def _session_chains(store: EvidenceStore, session_id: str) -> set[str]:
    found = store.session(session_id)
    if found is None:
        raise EvidenceError(f"no session {session_id!r} in the evidence store (run `streamguard evidence index`)")
    events = json.loads(found.body_json).get("events", [])
    return {ref.rsplit("#", 1)[0] for ref in events}


def _as_json(result: Verification) -> dict[str, object]:
    return {
        "intact": result.intact,
        "problems": result.problems,
        "events": result.events,
        "checkpoints": result.checkpoints,
        "source_records": result.source_records,
        "chains": {chain: asdict(status) for chain, status in result.chains.items()},
    }


def _print(result: Verification) -> None:
    console = Console()
    table = Table(title="audit chains", header_style="bold")
    for column in ("chain", "events", "checkpointed", "cosigned", "unsealed"):
        table.add_column(column, justify="left" if column == "chain" else "right")
    for chain, status in sorted(result.chains.items()):
        table.add_row(chain, *(str(n) for n in (status.events, status.checkpointed, status.cosigned, status.unsealed)))
    console.print(table)
    for problem in result.problems:
        console.print(f"[red]✗[/red] {problem}", highlight=False, markup=True)
    verdict = "[green]intact[/green]" if result.intact else f"[red]{len(result.problems)} problems[/red]"
    console.print(
        f"{verdict}: {result.events} events, {result.checkpoints} checkpoints, "
        f"{result.source_records} retained source records checked"
    )
