"""The server in the command line's own process, for a development machine without a control plane.

With no token, no API URL and no policy set (``api_client.ClientSettings.asks_a_server``), the command line
still speaks HTTP to the API, through this transport to an application built in its own process, with no
policy: the caller is the operating-system user, nothing is enforced, and every event it records says so. One
code path for both: a command behaves the same against this server as against a deployment's. It never serves
a network socket, and never when ``STREAMGUARD_ENV=production``.
"""

from __future__ import annotations

import asyncio

import httpx

from streamguard.app.server.api import create_api
from streamguard.app.server.api.context import ApiContext
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Environment, load_settings
from streamguard.core.errors import ConfigError


class InProcessTransport(httpx.BaseTransport):
    """httpx's ASGI transport driven synchronously: one short event loop per request."""

    def __init__(self, app: object) -> None:
        self._asgi = httpx.ASGITransport(app=app)  # type: ignore[arg-type]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def call() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return asyncio.run(call())


def development_transport() -> httpx.BaseTransport:
    """A transport to a policy-less server for this process's settings (its keyring made if missing)."""
    settings = load_settings()
    if settings.env is Environment.PRODUCTION:
        raise ConfigError("STREAMGUARD_ENV=production: the command line asks the server (STREAMGUARD_API_URL)")
    deployment_keyring(settings, create=True)
    return InProcessTransport(create_api(settings, ApiContext(settings, development=True)))
