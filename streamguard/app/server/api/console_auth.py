"""Signing in to the console: a principal's token, once, for a server-side session (``console_sessions``).

The sign-in form is protected against cross-site posting by a double-submit token (a cookie and a form
field that must match); every form after sign-in by the session's CSRF token. A session is checked against
the policy on each request, so a principal removed from it, or given other roles, is treated as such at once;
and it ends when its principal no longer holds the token it signed in with (rotated or removed) or lost a role
it held then: a token taken away or a demotion must not leave a session minted with more.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import replace
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from streamguard.app.server.api.console_render import render
from streamguard.app.server.api.console_sessions import COOKIE, ConsoleSession
from streamguard.app.server.api.context import client_address, context_of
from streamguard.app.services.control.callers import caller_named
from streamguard.control.policy import Policy
from streamguard.control.tokens import token_digest
from streamguard.core.errors import AuthenticationError, PermissionDenied, TooManyFailures

router = APIRouter(include_in_schema=False)
SIGN_IN_COOKIE = "streamguard_sign_in"


def _cookie_options(request: Request) -> dict[str, object]:
    return {"httponly": True, "samesite": "strict", "secure": request.url.scheme == "https", "path": "/console"}


def _safe_next(target: str | None) -> str:
    """Where to go after sign-in: a console path only (never another site)."""
    if target and target.startswith("/console/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/console/"


def signed_in(request: Request) -> ConsoleSession:
    """The caller's console session, refreshed from the policy; to the sign-in page without one."""
    context = context_of(request)
    session_id = request.cookies.get(COOKIE)
    session = context.sessions.get(session_id)
    policy = context.policy()
    if session is None or not _still_granted(session, policy):
        context.sessions.end(session_id)
        target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""), safe="")
        raise HTTPException(303, headers={"Location": f"/console/sign-in?next={target}"})
    return replace(session, caller=caller_named(policy, session.caller.name))


def _still_granted(session: ConsoleSession, policy: Policy) -> bool:
    """Whether the policy still gives the session's principal the token it signed in with and every role it had."""
    principal = policy.principals.get(session.caller.name)
    return (
        principal is not None
        and principal.token_sha256 is not None
        and hmac.compare_digest(principal.token_sha256, session.token_sha256)
        and session.roles <= frozenset(principal.roles)
    )


SignedIn = Annotated[ConsoleSession, Depends(signed_in)]


def posted(session: SignedIn, csrf: Annotated[str, Form(max_length=100)]) -> ConsoleSession:
    """The session of a form post whose CSRF token is the session's (403 otherwise)."""
    if not session.csrf_matches(csrf):
        raise PermissionDenied("this form is stale or did not come from this console: open the page again")
    return session


Posted = Annotated[ConsoleSession, Depends(posted)]


@router.get("/console/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, next: str | None = None) -> Response:
    return _sign_in_form(request, next, problem=None, status=200)


def _sign_in_form(request: Request, target: str | None, problem: str | None, status: int) -> Response:
    token = secrets.token_urlsafe(24)
    page = render(
        request, "sign_in.html.j2", None, status=status, active="", form_token=token, next=_safe_next(target),
        problem=problem,
    )  # fmt: skip
    page.set_cookie(SIGN_IN_COOKIE, token, max_age=1800, **_cookie_options(request))  # type: ignore[arg-type]
    return page


@router.post("/console/sign-in")
def sign_in(
    request: Request,
    token: Annotated[str, Form(max_length=200)],
    form_token: Annotated[str, Form(max_length=100)],
    next: Annotated[str, Form(max_length=2000)] = "/console/",
) -> Response:
    cookie = request.cookies.get(SIGN_IN_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), form_token.encode()):
        return _sign_in_form(request, next, "The sign-in form expired: please sign in again.", 403)
    context = context_of(request)
    token = token.strip()
    try:
        caller = context.authenticate(token, client_address(request))
    except TooManyFailures as error:
        return _sign_in_form(request, next, str(error), 429)
    except AuthenticationError:
        return _sign_in_form(request, next, "That token belongs to no principal of the policy.", 401)
    session_id, _ = context.sessions.start(caller, token_digest(token))
    response = RedirectResponse(_safe_next(next), 303)
    response.set_cookie(COOKIE, session_id, **_cookie_options(request))  # type: ignore[arg-type]
    response.delete_cookie(SIGN_IN_COOKIE, path="/console")
    return response


@router.post("/console/sign-out")
def sign_out(request: Request, session: Posted) -> Response:
    context_of(request).sessions.end(request.cookies.get(COOKIE))
    response = RedirectResponse("/console/sign-in", 303)
    response.delete_cookie(COOKIE, path="/console")
    return response
