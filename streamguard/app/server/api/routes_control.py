"""``/api/requests``: just-in-time approval over HTTP, through the same functions as ``streamguard request``,
``approvals list``, ``approve`` and ``deny`` (``services.control.approvals``): the same four-eyes rules,
the same audit events, the same execution at the quorum."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from streamguard.app.server.api.context import Authenticated, Ctx
from streamguard.app.services.control import approvals, rules_service
from streamguard.control.requests import ApplyRules, Operation, Request, State

router = APIRouter(prefix="/api/requests", tags=["approvals"])


class NewRequest(BaseModel):
    operation: Operation
    reason: str = Field(pattern=r"\S", max_length=2000, description="Why: the approvers decide on it.")


class Approval(BaseModel):
    note: str = Field(default="", max_length=2000, description="Why you approve (kept with the decision).")


class Denial(BaseModel):
    reason: str = Field(pattern=r"\S", max_length=2000, description="Why you deny (required).")


class Submitted(BaseModel):
    """A new request, or (rules that reduce no protection) the rules version published at once."""

    request: Request | None = None
    applied_version: int | None = None


@router.get("", summary="Requests, newest first")
def list_requests(ctx: Ctx, caller: Authenticated, state: Annotated[State | None, Query()] = None) -> list[Request]:
    return approvals.list_requests(ctx.settings, state)


@router.get("/{request_id}", summary="One request (its id or a unique prefix)")
def show_request(ctx: Ctx, caller: Authenticated, request_id: str) -> Request:
    return approvals.find_request(ctx.settings, request_id)


@router.post("", status_code=201, summary="Ask for a risky operation")
def make_request(ctx: Ctx, caller: Authenticated, body: NewRequest) -> Submitted:
    policy = ctx.policy()
    if isinstance(body.operation, ApplyRules):  # as `request apply-rules`: a tightening needs no approval
        change = rules_service.submit(ctx.settings, policy, caller, body.operation, body.reason)
        return Submitted(request=change.request, applied_version=change.record.version if change.record else None)
    return Submitted(request=approvals.request_operation(ctx.settings, policy, caller, body.operation, body.reason))


@router.post("/{request_id}/approve", summary="Approve (not your own; the approver role)")
def approve(ctx: Ctx, caller: Authenticated, request_id: str, body: Approval) -> Request:
    return approvals.decide(ctx.settings, ctx.policy(), caller, request_id, approving=True, text=body.note)


@router.post("/{request_id}/deny", summary="Deny, with a reason")
def deny(ctx: Ctx, caller: Authenticated, request_id: str, body: Denial) -> Request:
    return approvals.decide(ctx.settings, ctx.policy(), caller, request_id, approving=False, text=body.reason)
