"""``streamguard kafka start|status|stop``: the local Apache Kafka cluster (one node, or three)."""

from __future__ import annotations

import json

import typer
from rich.console import Console

from streamguard.app.kafka_local import LocalBroker
from streamguard.app.settings import load_settings

group = typer.Typer(
    help="Run a local Apache Kafka cluster on 127.0.0.1: one KRaft node, or three (--brokers 3).",
    no_args_is_help=True,
)
console = Console(stderr=True)


@group.command()
def start(
    brokers: int = typer.Option(
        None,
        "--brokers",
        min=1,
        max=9,
        help="Nodes of the cluster (default: as last started, else 1). Three are replicated as production is: "
        "default.replication.factor=3, min.insync.replicas=2.",
    ),
) -> None:
    """Start the cluster (fetching its jars with Maven the first time) and wait until it serves; started again,
    start the nodes that are down and leave the others."""
    broker = LocalBroker.from_settings(load_settings())
    with console.status(f"starting Apache Kafka {broker.kafka_version} (first run fetches its jars)..."):
        status, started = broker.start(brokers)
    if not started:
        console.print("[yellow]Kafka is already running[/yellow]; every node is up, none started.")
    typer.echo(status.describe())


@group.command()
def status(
    as_json: bool = typer.Option(False, "--json", help="Print the bootstrap address and each node as JSON."),
) -> None:
    """Print whether the cluster is up, its bootstrap addresses and nodes; exit status 1 if it is down."""
    current = LocalBroker.from_settings(load_settings()).status()
    typer.echo(json.dumps(current.to_dict(), indent=2) if as_json else current.describe())
    if not current.running:
        raise typer.Exit(1)


@group.command()
def stop() -> None:
    """Stop every node that `streamguard kafka start` started."""
    if LocalBroker.from_settings(load_settings()).stop():
        typer.echo("Kafka stopped")
    else:
        typer.echo("Kafka was not running")
