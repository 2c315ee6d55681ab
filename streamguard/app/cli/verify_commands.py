"""``streamguard verify``: chains, Merkle logs, checkpoint signatures and consistency, witness cosignatures and
every retained source offset accounted for, checked by the server against the keys the caller pins.

Exit status 0 when everything holds, 1 when something does not. Whoever holds a log's signing key can rewrite
that log and sign it again; only a witness outside their reach tells the two histories apart. So without a
witness key to trust (``--witness-key``, ``STREAMGUARD_WITNESS_KEYS`` on the server) the first line says so
and the exit status is 3, even for intact evidence: ``--no-witness-ok`` accepts that, for development.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from streamguard.app.cli.api_client import connect
from streamguard.core.errors import EvidenceError

NO_WITNESS_EXIT = 3
NO_WITNESS = (
    "no witness key is trusted: whoever holds the signing keys could rewrite and re-sign this history unseen "
    "(pin a witness with --witness-key, or pass --no-witness-ok in development)"
)


def verify(
    session: Annotated[str | None, typer.Option("--session", help="Only the chains of this session.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Every chain (the default).")] = False,
    log_key: Annotated[
        list[str], typer.Option("--log-key", help="The data chains' log verifier key to trust (repeatable).")
    ] = [],  # noqa: B006
    control_key: Annotated[
        list[str], typer.Option("--control-key", help="The control chain's log verifier key to trust (repeatable).")
    ] = [],  # noqa: B006
    witness_key: Annotated[
        list[str], typer.Option("--witness-key", help="Witness cosignature key whose cosignature counts.")
    ] = [],  # noqa: B006
    require_witness: Annotated[
        bool, typer.Option("--require-witness", help="A chain no witness cosigned a checkpoint of is a problem.")
    ] = False,
    no_witness_ok: Annotated[
        bool, typer.Option("--no-witness-ok", help="Development: intact evidence with no witness exits 0.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Machine-readable result.")] = False,
) -> None:
    """Verify the evidence; every problem names its topic, partition and offset or chain and seq."""
    if session is not None and everything:
        raise EvidenceError("--session and --all are exclusive")
    body = {
        "session": session,
        "log_keys": log_key,
        "control_keys": control_key,
        "witness_keys": witness_key,
        "require_witness": require_witness,
    }
    result = connect().post("/api/verify", {name: value for name, value in body.items() if value is not None})
    if json_output:
        typer.echo(json.dumps(result, indent=2))
    else:
        _print(result)
    if not result["intact"]:
        sys.exit(1)
    sys.exit(0 if result["witnessed"] or no_witness_ok else NO_WITNESS_EXIT)


def _print(result: dict[str, Any]) -> None:
    console = Console()
    if not result["witnessed"]:
        console.print(f"[yellow]⚠ {NO_WITNESS}[/yellow]", highlight=False)
    if result["unenforced"]:
        console.print(
            f"[yellow]⚠ {result['unenforced']} operation(s) were recorded with no control plane enforcing "
            "(development: no policy, no approvals)[/yellow]",
            highlight=False,
        )
    table = Table(title="audit chains", header_style="bold")
    for column in ("chain", "events", "checkpointed", "cosigned", "unsealed"):
        table.add_column(column, justify="left" if column == "chain" else "right")
    for chain, status in sorted(result["chains"].items()):
        counts = (status["events"], status["checkpointed"], status["cosigned"], status["unsealed"])
        table.add_row(chain, *(str(n) for n in counts))
    console.print(table)
    for problem in result["problems"]:
        console.print(f"[red]✗[/red] {problem}", highlight=False, markup=True)
    verdict = "[green]intact[/green]" if result["intact"] else f"[red]{len(result['problems'])} problems[/red]"
    console.print(
        f"{verdict}: {result['events']} events, {result['checkpoints']} checkpoints, "
        f"{result['source_records']} retained source records checked"
    )
