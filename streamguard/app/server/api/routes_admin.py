"""What only the server may do with its credential and keys, over HTTP: the ACLs the policy implies and
applying them (``acl plan``, ``acl apply``), purging the evidence store (``evidence purge``) and the archives it
keeps, re-identification (``decrypt``), and the public keys an auditor pins (``keys``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response
from pydantic import BaseModel, Field, SecretStr

from streamguard.app.server.api.context import Authenticated, Ctx, with_role
from streamguard.app.server.api.routes_evidence import download
from streamguard.app.services.control.access_scoping import AccessPlan, apply_access, plan_access
from streamguard.app.services.control.approvals import active_grants
from streamguard.app.services.control.callers import Caller
from streamguard.app.services.control.decryption import MAX_TOKENS, Decrypted, decrypt_tokens
from streamguard.app.services.evidence.indexing import index_evidence
from streamguard.app.services.evidence.purge import archive_path, purge_evidence
from streamguard.app.services.evidence.verify import trusted_keys
from streamguard.control.acl_plan import AclEntry
from streamguard.control.policy import Role
from streamguard.core.durations import parse_duration
from streamguard.core.errors import InvalidInput, NotFound

router = APIRouter(prefix="/api", tags=["administration"])
Admin = Annotated[Caller, Depends(with_role(Role.ADMIN, doing="administer streamguard"))]
# The access plan names every principal, topic and group prefix, and the broker's other ACLs besides.
Reviewer = Annotated[Caller, Depends(with_role(Role.ADMIN, Role.AUDITOR, doing="review access"))]
ArchiveName = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")]


class AclPlanBody(BaseModel):
    """What ``acl plan`` and ``acl apply`` show: the ACLs implied, the difference to the broker, users missing."""

    acls: list[dict[str, Any]]
    add: list[dict[str, Any]]
    remove: list[dict[str, Any]]
    foreign: list[dict[str, Any]]
    forgotten: list[str]
    missing_users: list[str]
    applied: bool = False
    users_created: list[str] = Field(default_factory=list)
    event: dict[str, Any] | None = None


class AclApply(BaseModel):
    dry_run: bool = False
    create_users: bool = False
    passwords: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.@\-]*$")], SecretStr] = Field(
        default_factory=dict, description="Passwords of the SCRAM users to create (never echoed, never recorded)."
    )


class PurgeRequest(BaseModel):
    older_than: str = Field(pattern=r"^\d{1,7}[smhd]$", description="Age of what goes, such as 400d.")
    archive: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")


class Purged(BaseModel):
    cutoff: datetime
    events: int
    sessions: int
    checkpoints: int
    archive: str | None
    archive_sha256: str | None
    event_seq: int | None


class DecryptRequest(BaseModel):
    dataset: str = Field(pattern=r"^[A-Za-z0-9._-]{1,200}$")
    tokens: list[Annotated[str, Field(max_length=100_000)]] = Field(max_length=MAX_TOKENS)


class DecryptAnswer(BaseModel):
    values: list[Decrypted]
    request: str | None


class PublicKeys(BaseModel):
    """The verifier keys an auditor pins: the data chains', the control chain's, the witnesses'."""

    log_keys: list[str]
    control_keys: list[str]
    witness_keys: list[str]


@router.get("/acls", summary="The ACLs the policy implies, the difference to the broker, missing SCRAM users")
def acl_plan(ctx: Ctx, caller: Reviewer) -> AclPlanBody:
    policy = ctx.policy()
    return _plan_body(plan_access(ctx.settings, policy, active_grants(ctx.settings, policy, datetime.now(UTC))))


@router.post("/acls/apply", summary="Add the planned ACLs the broker lacks, remove stale ones streamguard made")
def acl_apply(ctx: Ctx, caller: Admin, body: AclApply) -> AclPlanBody:
    policy = ctx.policy()
    grants = active_grants(ctx.settings, policy, datetime.now(UTC))
    if body.dry_run:
        return _plan_body(plan_access(ctx.settings, policy, grants))
    passwords = {user: secret.get_secret_value() for user, secret in body.passwords.items()}
    applied = apply_access(ctx.settings, policy, caller.actor, grants, passwords if body.create_users else None)
    event = {"id": applied.event.event_id, "seq": applied.event.seq} if applied.event else None
    return _plan_body(applied.plan, applied=True, created=applied.users_created, event=event)


@router.post("/evidence/purge", summary="Delete old evidence from the store, after an archive that verifies")
def purge(ctx: Ctx, caller: Admin, body: PurgeRequest) -> Purged:
    try:
        cutoff = datetime.now(UTC) - parse_duration(body.older_than)
    except ValueError as error:
        raise InvalidInput(f"older_than: {error}") from None
    archive = archive_path(ctx.settings, body.archive) if body.archive else None
    store = ctx.store(fresh=False)
    index_evidence(ctx.settings, store, witness=None)
    result = purge_evidence(ctx.settings, store, cutoff, archive, caller.actor, enforced=caller.enforced)
    return Purged(
        cutoff=cutoff, events=result.events, sessions=result.sessions, checkpoints=result.checkpoints,
        archive=result.archive.name if result.archive else None, archive_sha256=result.archive_sha256,
        event_seq=result.event.seq if result.event else None,
    )  # fmt: skip


@router.get("/evidence/archives/{name}", summary="An archive a purge wrote (gzip JSON lines)")
def archive(ctx: Ctx, caller: Admin, name: ArchiveName) -> Response:
    path = archive_path(ctx.settings, name)
    if not path.is_file():
        raise NotFound(f"no archive {name!r} on the server")
    return download(path.read_bytes(), name, media_type="application/gzip")


@router.post("/decrypt", summary="Turn encrypt tokens back into values (an approved decryption, recorded)")
def decrypt(ctx: Ctx, caller: Authenticated, body: DecryptRequest) -> Response:
    policy = ctx.enforced_policy()
    values, request = decrypt_tokens(ctx.settings, policy, caller, body.dataset, body.tokens)
    answer = DecryptAnswer(values=values, request=request).model_dump_json()
    return Response(answer, media_type="application/json", headers={"Cache-Control": "no-store"})


@router.get("/keys", summary="The public keys to pin: the data chains', the control chain's, the witnesses'")
def keys(ctx: Ctx, caller: Authenticated) -> PublicKeys:
    trusted = trusted_keys(ctx.settings)
    return PublicKeys(
        log_keys=list(trusted.log), control_keys=list(trusted.control), witness_keys=list(trusted.witnesses)
    )


def _plan_body(
    plan: AccessPlan, *, applied: bool = False, created: list[str] | None = None, event: dict[str, Any] | None = None
) -> AclPlanBody:
    diff, made = plan.diff, created or []
    return AclPlanBody(
        acls=_entries(plan.entries), add=_entries(diff.add), remove=_entries(diff.remove),
        foreign=_entries(diff.foreign), forgotten=list(diff.vanished),
        missing_users=[user for user in plan.missing_users if user not in made], applied=applied,
        users_created=made, event=event,
    )  # fmt: skip


def _entries(entries: Any) -> list[dict[str, Any]]:
    return [{"key": entry.key(), **_fields(entry)} for entry in entries]


def _fields(entry: AclEntry) -> dict[str, Any]:
    return {
        "principal": entry.principal, "resource_type": entry.resource_type.value, "resource_name": entry.resource_name,
        "pattern": entry.pattern.value, "operation": entry.operation.value, "permission": entry.permission.value,
        "host": entry.host, "reason": entry.reason, "resource": entry.resource,
    }  # fmt: skip
