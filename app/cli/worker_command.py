"""``streamguard worker``: run the Faust worker (same as ``faust -A app.main worker``)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer


def worker(
    ctx: typer.Context,
    loglevel: Annotated[str, typer.Option("--loglevel", "-l", help="Log level of the worker.")] = "info",
    web_port: Annotated[int, typer.Option("--web-port", help="Port of the status web server.")] = 6066,
) -> None:
    """Run a streamguard worker: raw topics in, governed views, quarantine and audit out.

    Extra options are passed to Faust's worker command.
    """
    from app.main import app  # imported here: building the app reads settings and keys

    sys.argv = ["streamguard", "worker", "-l", loglevel, "--web-port", str(web_port), *ctx.args]
    app.main()
