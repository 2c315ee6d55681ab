"""``streamguard policy token`` and ``policy check``: identities for the control plane."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from streamguard.control.tokens import new_token, token_digest

group = typer.Typer(help="The control-plane policy: principals, roles, tokens.", no_args_is_help=True)
console = Console(stderr=True)


@group.command("token")
def token(name: Annotated[str, typer.Argument(help="The principal the token is for.")]) -> None:
    """Print a new random token once (give it to NAME) and the line to paste into the policy."""
    secret = new_token()
    typer.echo(secret)
    console.print("Shown once; streamguard keeps only its digest. Paste under principals: in the policy:")
    console.print(f'  {name}: {{token_sha256: "{token_digest(secret)}"}}', highlight=False, markup=False)
