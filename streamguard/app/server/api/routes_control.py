"""``/api/requests``: just-in-time approval over HTTP, through ``services.control.approvals``: the same
four-eyes rules, the same audit events and the same execution at the quorum for every client (the command
line, the console, a script).

A request names its operation; the server fills in what a client must not: the dataset of a rules text and
the version it is compared with, the requester, the policy in force. Approvals bind to the operation's digest
(``operation_digest``; a client may send the digest it showed its user, and the decision is refused if the
request is no longer that operation)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from streamguard.app.server.api.context import ApiContext, Authenticated, Ctx
from streamguard.app.server.api.routes_rules import RulesOutcome, rules_outcome
from streamguard.app.services.control import approvals, rules_service
from streamguard.app.services.control.callers import Caller
from streamguard.control.requests import Asked, Request, RulesText, State

router = APIRouter(prefix="/api/requests", tags=["approvals"])
Digest = Annotated[str | None, Field(default=None, pattern=r"^[0-9a-f]{64}$", description="The operation shown.")]


class NewRequest(BaseModel):
    operation: Asked
    reason: str = Field(pattern=r"\S", max_length=2000, description="Why: the approvers decide on it.")


class Approval(BaseModel):
    note: str = Field(default="", max_length=2000, description="Why you approve (kept with the decision).")
    operation_digest: Digest = None


class Denial(BaseModel):
    reason: str = Field(pattern=r"\S", max_length=2000, description="Why you deny (required).")
    operation_digest: Digest = None


class Submitted(BaseModel):
    """A new request, or (rules that reduce no protection) the rules version published at once."""

    request: Request | None = None
    rules: RulesOutcome | None = None


@router.get("", summary="Requests, newest first, as the control chain records them")
def list_requests(ctx: Ctx, caller: Authenticated, state: Annotated[State | None, Query()] = None) -> list[Request]:
    return approvals.list_requests(ctx.settings, state)


@router.get("/{request_id}", summary="One request (its id or a unique prefix)")
def show_request(ctx: Ctx, caller: Authenticated, request_id: str) -> Request:
    return approvals.find_request(ctx.settings, request_id)


@router.post("", status_code=201, summary="Ask for a risky operation")
def make_request(ctx: Ctx, caller: Authenticated, body: NewRequest) -> Submitted:
    if isinstance(body.operation, RulesText):  # as `request apply-rules`: a tightening needs no approval
        change = rules_service.submit(ctx.settings, ctx.proposed_policy(), caller, body.operation, body.reason)
        return Submitted(request=change.request, rules=rules_outcome(change))
    request = approvals.request_operation(ctx.settings, ctx.policy_file(), caller, body.operation, body.reason)
    ctx.policy_changed()
    return Submitted(request=request)


@router.post("/{request_id}/approve", summary="Approve (not your own; the approver role)")
def approve(ctx: Ctx, caller: Authenticated, request_id: str, body: Approval) -> Request:
    return _decide(ctx, caller, request_id, True, body.note, body.operation_digest)


@router.post("/{request_id}/deny", summary="Deny, with a reason")
def deny(ctx: Ctx, caller: Authenticated, request_id: str, body: Denial) -> Request:
    return _decide(ctx, caller, request_id, False, body.reason, body.operation_digest)


def _decide(ctx: ApiContext, caller: Caller, request_id: str, approving: bool, text: str, seen: str | None) -> Request:
    decided = approvals.decide(
        ctx.settings, ctx.policy_file(), caller, request_id, approving=approving, text=text, seen_digest=seen
    )
    ctx.policy_changed()  # an executed policy change puts another policy in force
    return decided
