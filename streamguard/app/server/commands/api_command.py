"""``streamguard api``: the HTTP API, the web console and the API's metrics, in one process (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from streamguard.app.settings import load_settings


def api(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (0.0.0.0 for every interface).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8088,
) -> None:
    """Serve the API (/api, its OpenAPI document at /api/openapi.json), the console (/console) and /metrics,
    for the principals of STREAMGUARD_POLICY; Ctrl-C stops it."""
    from streamguard.app.server.api import serve

    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    address = f"http://{shown}:{port}"
    typer.secho(
        f"streamguard console: {address}/console/  (OpenAPI: {address}/api/openapi.json)", fg=typer.colors.GREEN
    )
    serve(load_settings(), host, port)
