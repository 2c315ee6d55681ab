"""The console's pages: the approvers' inbox, the auditors' sessions, the stewards' datasets, the overview.

Each page calls what the API's routes call (``approvals``, ``rules_service``, ``routes_evidence``), so a
decision made here is the decision ``streamguard approve`` would have made. Forms post back with the
session's CSRF token and are answered with a redirect (post/redirect/get), so reloading repeats nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from importlib.resources import files
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from streamguard.app.server.api.console_auth import Posted, SignedIn
from streamguard.app.server.api.console_render import error_page, render
from streamguard.app.server.api.console_sessions import ConsoleSession
from streamguard.app.server.api.context import context_of
from streamguard.app.server.api.routes_evidence import download, proof_json, session_detail
from streamguard.app.services.control import approvals, rules_service
from streamguard.app.services.control.callers import require_role
from streamguard.app.services.evidence.overview_charts import render_overview
from streamguard.app.services.preview import SHARED_SCANNER, AudienceView, SampleMasker
from streamguard.control.policy import Role
from streamguard.control.requests import State
from streamguard.control.rule_diff import FieldChange
from streamguard.core.durations import approximate_duration
from streamguard.core.errors import InvalidInput
from streamguard.evidence.audit import RECORDS
from streamguard.evidence.overview import build_overview
from streamguard.evidence.sessions import Session
from streamguard.store import parse_utc

router = APIRouter(prefix="/console", include_in_schema=False)
PAGE_SIZE = 50
OVERVIEW_WINDOWS = {"1h": timedelta(hours=1), "24h": timedelta(days=1), "7d": timedelta(days=7)}
__all__ = ["error_page", "router"]


@router.get("/static/console.css")
def stylesheet() -> Response:
    return Response(_stylesheet(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@cache
def _stylesheet() -> str:
    return files("streamguard.app.server.api").joinpath("templates/console.css").read_text(encoding="utf-8")


# -- overview ----------------------------------------------------------------------------------------------


@router.get("/")
def overview(request: Request, session: SignedIn, window: str = "24h") -> Response:
    span = OVERVIEW_WINDOWS.get(window, OVERVIEW_WINDOWS["24h"])
    end = datetime.now(UTC)
    store = context_of(request).store()
    events, alerts = store.events(since=end - span, until=end, kinds={RECORDS}), store.alerts(since=end - span)
    built = build_overview(events, alerts, start=end - span, end=end)
    return render(
        request, "overview.html.j2", session, active="overview", charts=render_overview(built),
        windows=list(OVERVIEW_WINDOWS), window=window if window in OVERVIEW_WINDOWS else "24h",
    )  # fmt: skip


# -- inbox ---------------------------------------------------------------------------------------------------


@router.get("/inbox")
def inbox(request: Request, session: SignedIn, done: str | None = None) -> Response:
    requests = approvals.list_requests(context_of(request).settings)
    now = datetime.now(UTC)
    pending = [r for r in requests if r.state is State.PENDING]
    return render(
        request, "inbox.html.j2", session, active="inbox", pending=pending,
        decided=[r for r in requests if r.state is not State.PENDING], done=done,
        time_left={r.id: approximate_duration(r.time_left(now)) for r in pending},
        may_decide=Role.APPROVER in session.caller.roles,
    )  # fmt: skip


SeenDigest = Annotated[str | None, Form(pattern=r"^[0-9a-f]{64}$")]


@router.post("/inbox/{request_id}/approve")
def approve(
    request: Request,
    session: Posted,
    request_id: str,
    note: Annotated[str, Form(max_length=2000)] = "",
    operation_digest: SeenDigest = None,
) -> Response:
    return _decide(request, session, request_id, approving=True, text=note, seen=operation_digest)


@router.post("/inbox/{request_id}/deny")
def deny(
    request: Request,
    session: Posted,
    request_id: str,
    reason: Annotated[str, Form(max_length=2000)],
    operation_digest: SeenDigest = None,
) -> Response:
    return _decide(request, session, request_id, approving=False, text=reason, seen=operation_digest)


def _decide(
    request: Request, session: Posted, request_id: str, *, approving: bool, text: str, seen: str | None
) -> Response:
    """The decision the approver made on the page they saw (``seen``: its operation's digest)."""
    context = context_of(request)
    decided = approvals.decide(
        context.settings, context.policy_file(), session.caller, request_id, approving=approving, text=text,
        seen_digest=seen,
    )  # fmt: skip
    context.policy_changed()
    query = urlencode({"done": f"{decided.id} is {decided.state.value}"})
    return RedirectResponse(f"/console/inbox?{query}", 303)


# -- sessions ------------------------------------------------------------------------------------------------


@router.get("/sessions")
def sessions(
    request: Request,
    session: SignedIn,
    dataset: str = "",
    identity: str = "",
    since: str = "",
    until: str = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    require_role(session.caller, Role.AUDITOR, Role.ADMIN, doing="read the evidence")
    window = (_moment(since, "since"), _moment(until, "until"))
    found = context_of(request).store().sessions(
        dataset=dataset or None, identity=identity or None, since=window[0], until=window[1],
        limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE,
    )  # fmt: skip
    listed = [Session.model_validate_json(stored.body_json) for stored in found[:PAGE_SIZE]]
    filters = {"dataset": dataset, "identity": identity, "since": since, "until": until}
    return render(
        request, "sessions.html.j2", session, active="sessions", sessions=listed, filters=filters, page=page,
        more=len(found) > PAGE_SIZE, query=lambda p: urlencode({**filters, "page": p}),
    )  # fmt: skip


@router.get("/sessions/{session_id}")
def session_page(request: Request, session: SignedIn, session_id: str, verify: bool = False) -> Response:
    require_role(session.caller, Role.AUDITOR, Role.ADMIN, doing="read the evidence")
    detail = session_detail(context_of(request), session_id, verify=verify)
    return render(request, "session.html.j2", session, active="sessions", detail=detail, s=detail.session)


@router.get("/sessions/{session_id}/proof")
def session_proof(
    request: Request,
    session: SignedIn,
    session_id: str,
    partition: Annotated[int, Query(ge=0)],
    offset: Annotated[int, Query(ge=0)],
    audience: Annotated[str, Query(max_length=255)],
) -> Response:
    context = context_of(request)
    detail = session_detail(context, session_id)
    body = proof_json(context, session.caller, detail.session.raw_topic, partition, offset, audience)
    return download(body, f"proof-{detail.session.id[:12]}-{partition}-{offset}-{audience}.json")


def _moment(text: str, field: str) -> datetime | None:
    """A filter's time: ISO-8601 (what a datetime-local input sends), UTC unless it says otherwise."""
    if not text.strip():
        return None
    try:
        return parse_utc(text.strip())
    except ValueError:
        raise InvalidInput(f"{field}: not a date or time (expected YYYY-MM-DDTHH:MM)") from None


# -- datasets ------------------------------------------------------------------------------------------------


@router.get("/datasets")
def datasets(request: Request, session: SignedIn) -> Response:
    listed = rules_service.in_force(context_of(request).settings)
    return render(request, "datasets.html.j2", session, active="datasets", datasets=listed)


@router.get("/datasets/{dataset}")
def dataset_page(
    request: Request,
    session: SignedIn,
    dataset: str,
    before: Annotated[int | None, Query(alias="from", ge=1)] = None,
    after: Annotated[int | None, Query(alias="to", ge=1)] = None,
) -> Response:
    return _dataset(request, session, dataset, (before, after))


@router.post("/datasets/{dataset}/preview")
def preview(
    request: Request,
    session: Posted,
    dataset: str,
    record_json: Annotated[str, Form(max_length=65536)],
    version: Annotated[int | None, Form(ge=1)] = None,
) -> Response:
    require_role(session.caller, Role.STEWARD, Role.ADMIN, doing="preview rules")
    record = rules_service.version_of(context_of(request).settings, dataset, version)
    views = SampleMasker.for_version(record, SHARED_SCANNER).views(record_json)
    return _dataset(request, session, dataset, (None, None), sample=record_json, views=views, previewed=record.version)


def _dataset(
    request: Request,
    session: ConsoleSession,
    dataset: str,
    compared: tuple[int | None, int | None],
    *,
    sample: str = "",
    views: list[AudienceView] | None = None,
    previewed: int | None = None,
) -> Response:
    """A dataset's page: its versions, two of them side by side per audience, its drift, the preview."""
    settings = context_of(request).settings
    versions = rules_service.versions_of(settings, dataset)
    latest = versions[-1].version
    after = compared[1] or latest
    before = compared[0] or max(1, after - 1)
    diff = rules_service.diff_versions(settings, dataset, before, after) if before != after else None
    by_audience: dict[str, list[FieldChange]] = {}
    for change in diff.changes if diff else ():
        by_audience.setdefault(change.audience, []).append(change)
    return render(
        request, "dataset.html.j2", session, active="datasets", dataset=dataset, versions=versions,
        before=before, after=after, by_audience=by_audience, diff=diff,
        drift=rules_service.drift(settings, dataset), sample=sample, views=views, previewed=previewed or latest,
        may_preview=bool(session.caller.roles & {Role.STEWARD, Role.ADMIN}),
    )  # fmt: skip
