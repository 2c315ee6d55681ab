"""``streamguard witness``: set up, trust logs in, and serve a checkpoint witness that runs outside Kafka."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from streamguard.app.services.evidence.witness import WitnessStore


group = typer.Typer(
    help="A witness: it cosigns a log's checkpoints only when they extend the last one it cosigned.",
    no_args_is_help=True,
)

StateDir = Annotated[Path, typer.Argument(help="The witness's state directory (key, trusted logs, state).")]


@group.command()
def init(
    state_dir: StateDir,
    name: Annotated[str, typer.Option("--name", help="The witness's key name, e.g. witness.example.com/w1.")],
) -> None:
    """Create the state directory and the witness key if missing (an existing key is kept); print its vkey."""
    typer.echo(_store_type().init(state_dir, name).cosigner().vkey)


@group.command()
def trust(
    state_dir: StateDir,
    origin: Annotated[
        str,
        typer.Argument(
            help="The log's origin (streamguard.local/audit/raw.customers:0), or every origin under a prefix "
            "(streamguard.local/audit/*)."
        ),
    ],
    log_vkey: Annotated[str, typer.Argument(help="The log's verifier key, <name>+<key id>+<base64 key>.")],
) -> None:
    """Cosign checkpoints of ORIGIN when LOG_VKEY signed them (replaces an earlier key for ORIGIN)."""
    key = _store_type()(state_dir).trust(origin, log_vkey)
    typer.echo(f"{state_dir}: trusting {key.label} for {origin}")


@group.command()
def serve(
    state_dir: StateDir,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7380,
) -> None:
    """Serve POST /add-checkpoint (c2sp.org/tlog-witness) and GET / (the witness's key and origins)."""
    import uvicorn  # only the server needs it

    from streamguard.app.services.evidence.witness import create_app

    store = _store_type()(state_dir)
    Console(stderr=True).print(f"witness [bold]{store.cosigner().name}[/bold] on http://{host}:{port}")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@group.command()
def pubkey(
    state_dir: StateDir,
    as_json: Annotated[bool, typer.Option("--json", help="Name, vkey and trusted origins as JSON.")] = False,
) -> None:
    """Print the witness's verifier key (what log clients configure to check its cosignatures)."""
    store = _store_type()(state_dir)
    typer.echo(json.dumps(store.describe(), indent=2) if as_json else store.cosigner().vkey)


def _store_type() -> type[WitnessStore]:
    from streamguard.app.services.evidence.witness import WitnessStore  # with its web app: imported when used

    return WitnessStore
