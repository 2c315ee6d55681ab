"""``streamguard kafka start|status|stop``: the local Apache Kafka broker."""

from __future__ import annotations

import typer
from rich.console import Console

from streamguard.app.kafka_local import LocalBroker
from streamguard.app.settings import load_settings

group = typer.Typer(help="Run a local Apache Kafka broker (one KRaft node on 127.0.0.1).", no_args_is_help=True)
console = Console(stderr=True)


@group.command()
def start() -> None:
    """Start the broker (fetching its jars with Maven the first time) and wait until it serves."""
    broker = LocalBroker.from_settings(load_settings())
    with console.status(f"starting Apache Kafka {broker.kafka_version} (first run fetches its jars)..."):
        status, started = broker.start()
    if not started:
        console.print("[yellow]Kafka is already running[/yellow]; not starting a second broker.")
    typer.echo(status.describe())


@group.command()
def status() -> None:
    """Print whether the broker is up and its bootstrap addresses; exit status 1 if it is down."""
    current = LocalBroker.from_settings(load_settings()).status()
    typer.echo(current.describe())
    if not current.running:
        raise typer.Exit(1)


@group.command()
def stop() -> None:
    """Stop the broker that `streamguard kafka start` started."""
    if LocalBroker.from_settings(load_settings()).stop():
        typer.echo("Kafka stopped")
    else:
        typer.echo("Kafka was not running")
