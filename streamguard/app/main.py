"""The ``streamguard`` executable: the command line (``streamguard.app.cli``) and the server-side commands
(``streamguard.app.server.commands``) in one application; and, for a development machine without a control
plane, the server in the command line's own process (``server.dev_server``), which the command line cannot
import itself."""

from __future__ import annotations

import sys

import httpx
import typer

from streamguard.app.cli import access_commands, api_client, cli, evidence_commands, policy_commands
from streamguard.app.server import commands as server_commands
from streamguard.core.errors import StreamguardError

api_client.in_process = lambda: _development_transport()

server_commands.register(
    cli,
    evidence=evidence_commands.evidence_group,
    access=access_commands.access_group,
    policy=policy_commands.group,
)


def _development_transport() -> httpx.BaseTransport:
    from streamguard.app.server.dev_server import development_transport  # the API's imports, only when asked

    return development_transport()


def main() -> None:
    """Console entry point: streamguard's own errors become one clear line and exit status 2."""
    try:
        cli()
    except StreamguardError as error:
        typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
        sys.exit(2)
