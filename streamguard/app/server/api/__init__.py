"""streamguard's HTTP API and web console: one FastAPI application, served by ``streamguard api``.

    /api/...        JSON for programs, bearer tokens from the policy (OpenAPI document: /api/openapi.json)
    /console/...    server-rendered pages for approvers, auditors and stewards (a sign-in session cookie)
    /metrics        Prometheus text format, no token (no record value, no principal in it)
    /healthz        200 when the process serves

Every route calls the services (``services.control.approvals``, ``rules_service``, ``record_proofs``...):
one implementation for every door, so the four-eyes rules, the audit events and the errors are the same
whichever door a principal uses.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse

from streamguard import __version__
from streamguard.app.server.api import (
    console,
    console_auth,
    errors,
    routes_admin,
    routes_control,
    routes_evidence,
    routes_rules,
)
from streamguard.app.server.api.context import ApiContext
from streamguard.app.server.api.metrics import (
    HTTP_REQUESTS,
    HTTP_SECONDS,
    evidence_registry,
    exposition,
    method_label,
)
from streamguard.app.services.kafka_config import ensure_system_topics
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings

_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # No script at all; inline SVG charts carry style attributes; nothing is loaded from elsewhere.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
}


def create_api(settings: Settings, context: ApiContext | None = None) -> FastAPI:
    """The application for ``settings`` (the policy file is read now, so a broken one fails at start)."""
    context = context or ApiContext(settings)
    if not context.development:
        context.policy_file()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        context.close()

    app = FastAPI(
        title="streamguard",
        version=__version__,
        description="Compliance evidence for Kafka pipelines: rules, approvals, sessions, proofs and reports.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads its scripts from a CDN: the document itself is served, offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = context
    errors.install(app, console.error_page)
    routers = (
        routes_control.router,
        routes_rules.router,
        routes_evidence.router,
        routes_admin.router,
        console_auth.router,
        console.router,
    )
    for router in routers:
        app.include_router(router)
    registry = evidence_registry(context)

    @app.middleware("http")
    async def measured(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "unmatched")
        method = method_label(request.method)  # a client may send any method: only the standard ones are labels
        HTTP_SECONDS.labels(method, route).observe(time.perf_counter() - started)
        HTTP_REQUESTS.labels(method, route, str(response.status_code)).inc()
        response.headers.update({k: v for k, v in _SECURITY_HEADERS.items() if k not in response.headers})
        return response

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        return Response(exposition(registry), media_type="text/plain; version=0.0.4; charset=utf-8")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/console/", 303)

    return app


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8088, log_level: str = "info") -> None:
    """Serve the application until interrupted (uvicorn; no Server header). ``X-Forwarded-For`` is believed
    only from the proxies ``STREAMGUARD_TRUSTED_PROXIES`` lists (uvicorn's default would believe localhost:
    behind a local proxy every client could then choose the address its token failures count against)."""
    import uvicorn

    deployment_keyring(settings, create=True)  # the control chain's signing key, made in development only
    ensure_system_topics(settings)  # topics made and checked at start: a cluster below the floor stops it here
    proxies = settings.trusted_proxy_addresses
    uvicorn.run(
        create_api(settings),
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=",".join(proxies) or "",
    )
