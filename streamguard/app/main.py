"""The ``streamguard`` executable: the command line (``streamguard.app.cli``) and the server-side commands
(``streamguard.app.server.commands``) in one application."""

from __future__ import annotations

import sys

import typer

from streamguard.app.cli import access_commands, cli, evidence_commands, policy_commands
from streamguard.app.server import commands as server_commands
from streamguard.core.errors import StreamguardError

server_commands.register(
    cli,
    evidence=evidence_commands.evidence_group,
    access=access_commands.access_group,
    policy=policy_commands.group,
)


def main() -> None:
    """Console entry point: streamguard's own errors become one clear line and exit status 2."""
    try:
        cli()
    except StreamguardError as error:
        typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
        sys.exit(2)
