"""``streamguard worker``: run a worker (raw topics in; governed views, quarantine and audit out)."""

from __future__ import annotations

from typing import Annotated

import typer


def worker(
    ctx: typer.Context,
    loglevel: Annotated[str, typer.Option("--loglevel", "-l", help="Log level of the worker.")] = "info",
    web_port: Annotated[
        int | None, typer.Option("--web-port", help="Port of the status web server [default: STREAMGUARD_WEB_PORT]")
    ] = None,
) -> None:
    """Run a streamguard worker: raw topics in, governed views, quarantine and audit out.

    Extra options are passed to Faust's worker command.
    """
    from streamguard.app.server.worker import declare_worker, run_worker  # imported here: `--help` stays fast
    from streamguard.app.settings import load_settings

    settings = load_settings()
    port = settings.web_port if web_port is None else web_port
    run_worker(declare_worker(settings), ["worker", "-l", loglevel, "--web-port", str(port), *ctx.args])
