"""``streamguard doctor``: the checks a platform team runs before going live (read only)."""

from __future__ import annotations

import typer

from streamguard.app.services.doctor import examine
from streamguard.app.settings import load_settings


def doctor() -> None:
    """Check the cluster, the topics, the transaction state log, ACLs, registry, witness and keys: each line
    ok, warn or fail with its fix; exit status 1 if any fails. Run it with the credentials the worker or the
    server will use (an administrator's see everything)."""
    report = examine(load_settings())
    typer.echo(report.render())
    if report.failed:
        raise typer.Exit(1)
