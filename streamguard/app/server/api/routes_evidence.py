"""The evidence over HTTP, for auditors: sessions (``streamguard sessions``), verification (``verify``),
record proofs (``prove``), replay (``replay``), reports (``report``), the events a SIEM export sends
(``export``), alerts and read evidence (``alerts``, ``access list``).

Reading evidence takes the auditor or admin role. A record proof contains the audience's view of the record,
so it is given to the auditor and admin roles and to the principals of that audience only, and, like a
report, is sent with ``Cache-Control: no-store``: no proxy or browser cache keeps a copy.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import AwareDatetime, BaseModel, Field

from streamguard.app.server.api.context import ApiContext, Authenticated, Ctx, with_role
from streamguard.app.server.api.metrics import VERIFICATION_FAILURES
from streamguard.app.services.control.callers import Caller, require_role
from streamguard.app.services.evidence.auditor_report import auditor_report
from streamguard.app.services.evidence.replays import replay_recorded
from streamguard.app.services.evidence.report_render import render_csv, render_html, render_json
from streamguard.app.services.evidence.verify import run_verification, trusted_keys, verification_status
from streamguard.control.policy import Policy, Role
from streamguard.core.errors import InvalidInput, NotFound, PermissionDenied, ReportError
from streamguard.evidence.audit import AuditEvent
from streamguard.evidence.export_order import CursorPosition, events_after
from streamguard.evidence.replay import ReplayReport
from streamguard.evidence.report import VerificationStatus
from streamguard.evidence.sessions import Session
from streamguard.store import EvidenceStore, StoredAlert, StoredReadAccess

router = APIRouter(prefix="/api", tags=["evidence"])
Auditor = Annotated[Caller, Depends(with_role(Role.AUDITOR, Role.ADMIN, doing="read the evidence"))]
SessionId = Annotated[str, Path(pattern=r"^[0-9a-f]{8,64}$", description="A session id or a prefix of 8+.")]
MAX_PAGE = 500


class ChainSeal(BaseModel):
    """A chain of the session, the first signed checkpoint covering it, and the witnesses that cosigned it."""

    chain: str
    origin: str | None
    size: int | None
    root_hex: str | None
    cosigned_by: list[str]


class SessionDetail(BaseModel):
    session: Session
    seals: list[ChainSeal]
    verification: VerificationStatus | None = Field(default=None, description="With ?verify=true: its chains now.")


class ReportFormat(StrEnum):
    JSON = "json"
    HTML = "html"
    CSV = "csv"


NO_STORE = {"Cache-Control": "no-store"}
_KEY = r"^[A-Za-z0-9._/+:@-]{1,500}$"


class VerifyRequest(BaseModel):
    """What to verify, and with which pinned public keys (default: the server's configured or own)."""

    session: str | None = Field(default=None, pattern=r"^[0-9a-f]{8,64}$", description="Only this session's chains.")
    log_keys: list[Annotated[str, Field(pattern=_KEY)]] = Field(default_factory=list, max_length=100)
    control_keys: list[Annotated[str, Field(pattern=_KEY)]] = Field(default_factory=list, max_length=100)
    witness_keys: list[Annotated[str, Field(pattern=_KEY)]] = Field(default_factory=list, max_length=100)
    require_witness: bool = False


class VerificationResult(BaseModel):
    """Everything ``verify`` found: the verdict, every problem, each chain's status."""

    intact: bool
    problems: list[str]
    events: int
    checkpoints: int
    source_records: int
    chains: dict[str, dict[str, Any]]
    witnessed: bool = Field(description="a witness's key was trusted; without one a keyholder can re-sign history")
    unenforced: int = Field(description="operation events recorded with no control plane enforcing")


class ReplayRequest(BaseModel):
    session: str = Field(pattern=r"^[0-9a-f]{8,64}$", description="A session id or a prefix of 8+.")
    audience: str = Field(pattern=r"^[!-~]{1,255}$")


class EventsPage(BaseModel):
    """Audit events in export order (time, chain, seq) after a position, for a SIEM export."""

    events: list[AuditEvent]
    more: bool


def session_detail(
    context: ApiContext, session_id: str, *, verify: bool = False, fresh: bool | None = None
) -> SessionDetail:
    """A session with its seals; with ``verify``, the verification of its chains as of now."""
    store = context.store(fresh)
    stored = store.session(session_id)
    if stored is None:
        raise NotFound(f"no session {session_id!r} in the evidence store")
    session = Session.model_validate_json(stored.body_json)
    status = None
    if verify:
        result = run_verification(
            context.settings, trusted_keys(context.settings), chains=session.chains(), store=store
        )
        if not result.intact:
            VERIFICATION_FAILURES.inc()
        status = verification_status(result)
    return SessionDetail(session=session, seals=seals_of(store, session), verification=status)


def verified(context: ApiContext, store: EvidenceStore, chains: set[str] | None = None) -> VerificationStatus:
    """The verdict of a verification run now (of ``chains``, or of everything), counted when it fails."""
    result = run_verification(context.settings, trusted_keys(context.settings), chains=chains, store=store)
    if not result.intact:
        VERIFICATION_FAILURES.inc()
    return verification_status(result)


def seals_of(store: EvidenceStore, session: Session) -> list[ChainSeal]:
    seals = []
    for chain in sorted(session.chains()):
        seal = session.sealed_by.get(chain)
        if seal is None:
            seals.append(ChainSeal(chain=chain, origin=None, size=None, root_hex=None, cosigned_by=[]))
            continue
        witnesses = sorted({c.witness for c in store.cosignatures(seal.origin, seal.size)})
        seals.append(
            ChainSeal(chain=chain, origin=seal.origin, size=seal.size, root_hex=seal.root_hex, cosigned_by=witnesses)
        )
    return seals


def require_cleared(policy: Policy | None, caller: Caller, audience: str) -> None:
    """PermissionDenied unless the caller may see ``audience``'s view: auditor, admin, or one of its principals
    (with no policy, development, the caller has every role)."""
    membership = policy.audiences.get(audience) if policy is not None else None
    if membership is not None and caller.name in membership.principals:
        return
    try:
        require_role(caller, Role.AUDITOR, Role.ADMIN, doing=f"see the view of audience {audience}")
    except PermissionDenied:
        raise PermissionDenied(
            f"{caller.name} may not see the view of audience {audience}: that takes one of its principals, "
            "or the auditor or admin role"
        ) from None


def proof_json(context: ApiContext, caller: Caller, raw_topic: str, partition: int, offset: int, audience: str) -> str:
    """The proof (JSON) of what ``audience`` saw of one raw record, for a caller cleared for that view."""
    from streamguard.app.services.evidence.record_proofs import build_proof

    require_cleared(context.enforced_policy(), caller, audience)
    return build_proof(context.settings, raw_topic, partition, offset, audience).to_json()


@router.get("/sessions", summary="Producer sessions active in a window, newest first")
def sessions(
    ctx: Ctx,
    caller: Auditor,
    dataset: str | None = None,
    identity: str | None = None,
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    fresh: Annotated[bool | None, Query(description="Index the topics first: true now, false not at all.")] = None,
) -> list[Session]:
    found = ctx.store(fresh).sessions(
        dataset=dataset, identity=identity, since=since, until=until, limit=limit, offset=offset
    )
    return [Session.model_validate_json(stored.body_json) for stored in found]


@router.get("/sessions/{session_id}", summary="One session, its seals, and (?verify=true) its verification")
def session(
    ctx: Ctx, caller: Auditor, session_id: SessionId, verify: bool = False, fresh: bool | None = None
) -> SessionDetail:
    return session_detail(ctx, session_id, verify=verify, fresh=fresh)


@router.post("/verify", summary="Verify the evidence: chains, logs, checkpoints and cosignatures, offsets")
def verify(ctx: Ctx, caller: Auditor, body: VerifyRequest | None = None) -> VerificationResult:
    asked = body or VerifyRequest()
    store = ctx.store()
    keys = trusted_keys(
        ctx.settings, asked.log_keys, asked.witness_keys, require_witness=asked.require_witness,
        control_keys=asked.control_keys,
    )  # fmt: skip
    chains = _session_chains(store, asked.session) if asked.session else None
    result = run_verification(ctx.settings, keys, chains=chains, store=store)
    if not result.intact:
        VERIFICATION_FAILURES.inc()
    return VerificationResult(
        intact=result.intact, problems=result.problems, events=result.events, checkpoints=result.checkpoints,
        source_records=result.source_records, chains={c: asdict(s) for c, s in result.chains.items()},
        witnessed=result.witnessed, unenforced=result.unenforced,
    )  # fmt: skip


def _session_chains(store: EvidenceStore, session_id: str) -> set[str]:
    found = store.session(session_id)
    if found is None:
        raise NotFound(f"no session {session_id!r} in the evidence store (run `streamguard evidence index`)")
    return Session.model_validate_json(found.body_json).chains()


@router.post("/replay", summary="Re-derive an audience's view of a session and compare it with the evidence")
def replay(ctx: Ctx, caller: Auditor, body: ReplayRequest) -> ReplayReport:
    return replay_recorded(ctx.settings, ctx.store(), caller, body.session, body.audience)


@router.get("/events", summary="Audit events in export order after a position (for a SIEM export)")
def events(
    ctx: Ctx,
    caller: Auditor,
    since: AwareDatetime | None = None,
    after: Annotated[str | None, Query(max_length=2000, description="The last event exported (cursor JSON).")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> EventsPage:
    try:
        position = CursorPosition.model_validate_json(after) if after else None
    except ValueError:
        raise InvalidInput("after: not an export cursor (the JSON of the last event exported)") from None
    found = events_after(ctx.store().events(since=since), position, since)
    return EventsPage(events=found[:limit], more=len(found) > limit)


@router.get("/proofs", summary="Proof of what an audience saw of one raw record (checked by `prove --check`)")
def proof(
    ctx: Ctx,
    caller: Authenticated,
    topic: Annotated[str, Query(pattern=r"^[A-Za-z0-9._-]{1,249}$", description="The raw topic.")],
    partition: Annotated[int, Query(ge=0, le=1_000_000)],
    offset: Annotated[int, Query(ge=0)],
    audience: Annotated[str, Query(pattern=r"^[!-~]{1,255}$")],
) -> Response:
    body = proof_json(ctx, caller, topic, partition, offset, audience)
    return download(body, f"proof-{topic}-{partition}-{offset}-{audience}.json")


def download(body: str | bytes, name: str, media_type: str = "application/json") -> Response:
    """``body`` as a file the browser saves as ``name`` (made header-safe), kept by no cache on the way."""
    disposition = {"Content-Disposition": f'attachment; filename="{re.sub(r"[^A-Za-z0-9._-]", "_", name)}"'}
    return Response(body, media_type=media_type, headers={**disposition, **NO_STORE})


@router.get("/reports", summary="The auditor's report of a period (JSON or a self-contained HTML page)")
def report(
    ctx: Ctx,
    caller: Auditor,
    start: Annotated[AwareDatetime, Query(alias="from")],
    end: Annotated[AwareDatetime, Query(alias="to")],
    dataset: str | None = None,
    format: ReportFormat = ReportFormat.JSON,
    verify: bool = True,
) -> Response:
    if end <= start:
        raise ReportError(f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    built = auditor_report(ctx.settings, ctx.store(), start, end, dataset=dataset, verify=verify, index=False)
    if format is ReportFormat.HTML:
        return Response(render_html(built), media_type="text/html", headers=NO_STORE)
    if format is ReportFormat.CSV:
        return Response(render_csv(built), media_type="text/csv", headers=NO_STORE)
    return Response(render_json(built), media_type="application/json", headers=NO_STORE)


@router.get("/alerts", summary="Monitoring alerts, oldest first")
def alerts(
    ctx: Ctx, caller: Auditor, since: AwareDatetime | None = None, fresh: bool | None = None
) -> list[StoredAlert]:
    return ctx.store(fresh).alerts(since=since)


@router.get("/reads", summary="Read evidence: which group and principal read which view up to which offset")
def reads(
    ctx: Ctx,
    caller: Auditor,
    topic: str | None = None,
    group: str | None = None,
    principal: str | None = None,
    fresh: bool | None = None,
) -> list[StoredReadAccess]:
    return ctx.store(fresh).read_access(topic=topic, group=group, principal=principal)
