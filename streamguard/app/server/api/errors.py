"""streamguard's errors as HTTP answers: a status and ``{"detail": ...}``, never a stack trace or a value.

Our own messages are written to be safe to show (they name files, paths, topics and offsets, never a
record's value or a secret). Invalid input is a 422 naming each field and what the schema expects there,
without the input itself or any text made from it (FastAPI's default body echoes it, and pydantic's messages
and locations sometimes quote it), on the API and on the console's error page alike. Anything unexpected is
a 500 with an incident id; the server log gets the same id with only the error's type and place
(``describe_failure``), because its message might quote record data. It is answered by a middleware, so it
never reaches the server's own error log with its message.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic_core import PydanticKnownError
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


# What pydantic's error context takes from the schema (limits, patterns, the values and tags it accepts), never
# from the input: the only context a message may quote.
_SCHEMA_CONTEXT = frozenset(
    {"pattern", "max_length", "min_length", "ge", "gt", "le", "lt", "multiple_of", "max_digits", "decimal_places"}
    | {"expected", "expected_tags", "discriminator"}
)
# Our wording where pydantic's template quotes the input (a tag, a parser's or a validator's message).
_MESSAGES = {
    "json_invalid": "not valid JSON",
    "union_tag_invalid": "expected {discriminator} to be one of {expected_tags}",
    "extra_forbidden": "has a field the schema does not know",
    "too_long": "should have at most {max_length} items",
    "too_short": "should have at least {min_length} items",
    "datetime_parsing": "expected an ISO-8601 date and time",
    "datetime_from_date_parsing": "expected an ISO-8601 date and time",
    "date_parsing": "expected an ISO-8601 date",
}
INVALID_VALUE = "invalid value"  # value errors and custom errors: their messages are the validators', unchecked


def field_problems(error: RequestValidationError) -> list[dict[str, Any]]:
    """Each invalid field as its location, a dotted ``field`` and a message made from the error's type and the
    schema's side of its context only: pydantic's own message may quote the input (a union's tag, a validator's
    text), and so may a location (an unknown key's name, a JSON error's offset), so those parts are left out."""
    problems = []
    for item in error.errors():
        kind = str(item.get("type", ""))
        location = [str(part) for part in item.get("loc", ())]
        if kind == "extra_forbidden":
            location = location[:-1]  # the unknown key is the client's text; the object that has it is named
        elif kind == "json_invalid":
            location = location[:1]  # the body, not an offset into it
        field = ".".join(location[1:] if location and location[0] in ("body", "query", "path") else location)
        problems.append({"loc": location, "field": field, "msg": _message(kind, item.get("ctx") or {}), "type": kind})
    return problems


def _message(kind: str, context: dict[str, Any]) -> str:
    """The message of an error of type ``kind`` from its schema-side context; ``INVALID_VALUE`` for a type whose
    message needs more (a value error, a custom error, an unknown type)."""
    schema_side = {key: value for key, value in context.items() if key in _SCHEMA_CONTEXT}
    try:
        if kind in _MESSAGES:
            return _MESSAGES[kind].format(**schema_side)
        return PydanticKnownError(kind, schema_side or None).message()  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):  # not a type pydantic knows, or its message needs the input
        return INVALID_VALUE


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
