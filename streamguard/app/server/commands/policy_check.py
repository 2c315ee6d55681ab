"""``streamguard policy check``: validate the server's policy file (the server enforces it; the command line
never reads a policy)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from streamguard.app.services.control.callers import read_policy
from streamguard.app.settings import load_settings
from streamguard.core.errors import ConfigError


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
