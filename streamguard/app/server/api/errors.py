"""streamguard's errors as HTTP answers: a status and ``{"detail": ...}``, never a stack trace or a value.

Our own messages are written to be safe to show (they name files, paths, topics and offsets, never a
record's value or a secret). Invalid input is a 422 naming each field, without the input itself (FastAPI's
default body echoes it). Anything unexpected is a 500 with an incident id; the server log gets the same id
with only the error's type and place (``describe_failure``), because its message might quote record data.
It is answered by a middleware, so it never reaches the server's own error log with its message.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from streamguard.core.errors import (
    AuthenticationError,
    ConfigError,
    InfrastructureFault,
    NotFound,
    PermissionDenied,
    ProofNotReady,
    RequestStateError,
    StreamguardError,
    TooManyFailures,
    describe_failure,
)

log = logging.getLogger(__name__)

# The most specific first: an error takes the status of the first class it is an instance of.
_STATUS: list[tuple[type[StreamguardError], int]] = [
    (AuthenticationError, 401),
    (PermissionDenied, 403),
    (NotFound, 404),
    (RequestStateError, 409),
    (ProofNotReady, 409),
    (TooManyFailures, 429),
    (ConfigError, 500),
    (InfrastructureFault, 503),
    (StreamguardError, 422),
]


def status_of(error: StreamguardError) -> int:
    return next(status for kind, status in _STATUS if isinstance(error, kind))


def field_problems(error: RequestValidationError) -> list[dict[str, Any]]:
    """Each invalid field as its location, a dotted ``field`` and pydantic's message; the input left out."""
    problems = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ())]
        field = ".".join(location[1:] if location and location[0] in ("body", "query", "path") else location)
        problems.append({"loc": location, "field": field, "msg": item.get("msg", ""), "type": item.get("type", "")})
    return problems


HtmlError = Callable[[Request, int, str], Response]


def install(app: FastAPI, html_error: HtmlError) -> None:
    """Error handlers: JSON for the API, ``html_error``'s page for the console's paths."""

    def answer(request: Request, status: int, detail: Any, headers: dict[str, str] | None = None) -> Response:
        if request.url.path.startswith("/console") and isinstance(detail, str):
            return html_error(request, status, detail)
        return JSONResponse({"detail": detail}, status, headers=headers)

    @app.exception_handler(StreamguardError)
    async def streamguard_error(request: Request, error: StreamguardError) -> Response:
        status = status_of(error)
        headers = {}
        if isinstance(error, AuthenticationError):
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(error, TooManyFailures):
            headers["Retry-After"] = str(error.retry_after_s)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, describe_failure(error))
        return answer(request, status, str(error), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, error: RequestValidationError) -> Response:
        problems = field_problems(error)
        if request.url.path.startswith("/console"):
            return html_error(request, 422, "; ".join(f"{p['field']}: {p['msg']}" for p in problems))
        return JSONResponse({"detail": problems}, 422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if error.status_code in (302, 303):  # the console's way to the sign-in page
            return Response(status_code=error.status_code, headers=error.headers)
        return answer(request, error.status_code, error.detail, error.headers)

    @app.middleware("http")
    async def contained(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # Caught here, not by an exception handler: Starlette re-raises what reaches its outermost handler,
        # and the server would then log the exception's message, which may quote record data.
        try:
            return await call_next(request)
        except Exception as error:
            incident = uuid.uuid4().hex[:12]
            log.error("%s %s: incident %s: %s", request.method, request.url.path, incident, describe_failure(error))
            return answer(request, 500, f"internal error (incident {incident}, in the server log)")
