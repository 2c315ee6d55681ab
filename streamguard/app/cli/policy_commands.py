"""``streamguard policy token`` and ``policy check``: identities for the control plane."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from streamguard.app.control_context import read_policy
from streamguard.app.settings import load_settings
from streamguard.control.tokens import new_token, token_digest
from streamguard.core.errors import ConfigError

group = typer.Typer(help="The control-plane policy: principals, roles, tokens.", no_args_is_help=True)
console = Console(stderr=True)


@group.command("token")
def token(name: Annotated[str, typer.Argument(help="The principal the token is for.")]) -> None:
    """Print a new random token once (give it to NAME) and the line to paste into the policy."""
    secret = new_token()
    typer.echo(secret)
    console.print("Shown once; streamguard keeps only its digest. Paste under principals: in the policy:")
    console.print(f'  {name}: {{token_sha256: "{token_digest(secret)}"}}', highlight=False, markup=False)


@group.command("check")
def check(
    policy_file: Annotated[Path | None, typer.Argument(help="Policy file (default STREAMGUARD_POLICY).")] = None,
) -> None:
    """Validate a policy; every problem at once as file:line: path: problem."""
    path = policy_file or load_settings().policy
    if path is None:
        raise ConfigError("no policy to check: give a file or set STREAMGUARD_POLICY")
    policy = read_policy(path)
    roles = sorted({role.value for principal in policy.principals.values() for role in principal.roles})
    typer.echo(
        f"{path}: valid: {len(policy.principals)} principals (roles {', '.join(roles) or 'none'}), "
        f"{len(policy.audiences)} audiences, {len(policy.owners)} owners, quorum {policy.approvals.quorum}"
    )
