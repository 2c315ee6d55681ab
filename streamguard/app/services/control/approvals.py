"""Requests through their lifecycle: made, decided, executed, expired, revoked; each transition committed to
the approvals topic together with its audit event (``ControlChain``), then announced to the webhook.

Decisions are serialized by the control chain's one transactional id: a process opens the chain (fencing
every earlier writer), then reads the requests, decides, and commits. A writer fenced in between wrote
nothing; it reads again and decides again (``_attempts``), so two approvers never both count against a stale
state and an approved request is executed once. Executions are safe to repeat (see ``kafka_admin_ops``); the
control service retries an approved request whose execution was never recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from confluent_kafka.admin import AdminClient

from streamguard.agents.kafka_approvals import read_requests, request_record
from streamguard.agents.kafka_operations import ControlChain
from streamguard.agents.kafka_topics import ensure_topics, system_topics
from streamguard.app.services.control import risky_operations
from streamguard.app.services.control.callers import Caller
from streamguard.app.services.control.webhook import notify
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import worker_keyring
from streamguard.app.settings import Settings
from streamguard.control.acl_plan import TemporaryGrant
from streamguard.control.policy import Policy
from streamguard.control.requests import (
    Grant,
    Request,
    State,
    approve,
    deny,
    executed,
    expire,
    failed,
    grant_due,
    new_request,
    revoked,
)
from streamguard.core.errors import RequestStateError, StreamguardError, WriterFenced
from streamguard.evidence.audit import APPROVAL

log = logging.getLogger(__name__)
SERVICE_ACTOR = "streamguard:control"
RETRY_EXECUTION_AFTER = timedelta(seconds=60)  # an approved request no process is executing any more
_T = TypeVar("_T")


def request_operation(settings: Settings, policy: Policy, caller: Caller, operation: Any, reason: str) -> Request:
    """A new pending request, with its impact measured now."""
    impact = risky_operations.impact_of(settings, policy, operation)
    request = new_request(operation, caller.name, reason, impact, policy, _now())
    with _chain(settings) as chain:
        _record(settings, chain, request, "requested", caller.actor, impact=impact, expires_at=request.expires_at)
    _announce(policy, request, "requested")
    return request


def decide(
    settings: Settings, policy: Policy, caller: Caller, request_id: str, *, approving: bool, text: str
) -> Request:
    """Approve (``text`` is the note) or deny (``text`` is the reason); an approval reaching the quorum
    executes the operation at once."""

    def attempt(chain: ControlChain) -> Request:
        request = _current(settings, request_id)
        lapsed = expire(request, _now())
        if lapsed is not None:
            _record(settings, chain, lapsed, "expired", SERVICE_ACTOR, read_before=True)
            raise RequestStateError(f"{request_id} expired at {request.expires_at.isoformat()}; it was not executed")
        if approving:
            decided = approve(request, caller.name, text, policy, _now())
        else:
            decided = deny(request, caller.name, text, policy, _now())
        transition = decided.state.value if decided.state is not State.PENDING else "approval"
        _record(settings, chain, decided, transition, caller.actor, note=text, read_before=True)
        return decided

    _current(settings, request_id)  # an unknown id is refused before the chain is taken from other writers
    with _chain(settings) as chain:
        decided = _attempts(chain, attempt)
        _announce(policy, decided, decided.state.value)
        if decided.state is State.APPROVED:
            decided = _execute(settings, policy, chain, decided)
    return decided


def list_requests(settings: Settings, state: State | None = None) -> list[Request]:
    """Requests newest first; a pending request past its time to live shows as expired even before the
    control service records it."""
    now = _now()
    requests = [expire(r, now) or r for r in _all_requests(settings)]
    chosen = [r for r in requests if state is None or r.state is state]
    return sorted(chosen, key=lambda r: r.created_at, reverse=True)


def find_request(settings: Settings, request_id: str) -> Request:
    """The request with this id (or unique prefix), as ``list_requests`` shows it."""
    request = _current(settings, request_id)
    return expire(request, _now()) or request


def active_grants(settings: Settings, policy: Policy, now: datetime) -> list[TemporaryGrant]:
    """Executed grants not yet expired: their ACLs belong in the plan."""
    grants = []
    for request in _all_requests(settings):
        if request.grant_expires_at is not None and request.revoked_at is None and now < request.grant_expires_at:
            grants.append(risky_operations.grant_of(policy, request, request.grant_expires_at))
    return grants


def run_due(settings: Settings, policy: Policy) -> list[Request]:
    """The control service's tick: expire pending requests past their time to live, execute approved ones
    whose execution was never recorded, revoke grants whose time is up. Returns what changed."""
    now = _now()
    if not any(_is_due(request, now) for request in _all_requests(settings)):
        return []  # the chain is opened (fencing command-line writers) only when there is work
    changed = []
    with _chain(settings) as chain:
        for request in _all_requests(settings):
            if not _is_due(request, _now()):
                continue
            try:
                changed.append(_act_on_due(settings, policy, chain, request))
            except WriterFenced:  # a command took the chain: what was read may be stale, the next round reads again
                break
            except StreamguardError as error:
                log.error("request %s: %s", request.id, error)
    return changed


def _is_due(request: Request, now: datetime) -> bool:
    stuck = request.state is State.APPROVED and now - request.history[-1].at >= RETRY_EXECUTION_AFTER
    return stuck or grant_due(request, now) or (request.state is State.PENDING and now >= request.expires_at)


def _act_on_due(settings: Settings, policy: Policy, chain: ControlChain, request: Request) -> Request:
    now = _now()
    lapsed = expire(request, now)
    if lapsed is not None:
        _record(settings, chain, lapsed, "expired", SERVICE_ACTOR, read_before=True)
        _announce(policy, lapsed, "expired")
        return lapsed
    if request.state is State.APPROVED:
        return _execute(settings, policy, chain, request)
    others = [grant for grant in active_grants(settings, policy, now) if grant.request_id != request.id]
    result = risky_operations.revoke(settings, policy, request, SERVICE_ACTOR, others)
    revoked_request = revoked(request, now).model_copy(update={"result": {**request.result, **result}})
    _record(settings, chain, revoked_request, "revoked", SERVICE_ACTOR, read_before=True, result=result)
    _announce(policy, revoked_request, "revoked")
    return revoked_request


def _execute(settings: Settings, policy: Policy, chain: ControlChain, request: Request) -> Request:
    try:
        result = risky_operations.execute(settings, policy, request, SERVICE_ACTOR)
    except StreamguardError as error:
        done = failed(request, str(error), _now())
        _record(settings, chain, done, "failed", SERVICE_ACTOR, error=str(error))
    else:
        done = executed(request, result, _now())
        extra = {"grant_expires_at": done.grant_expires_at} if isinstance(request.operation, Grant) else {}
        _record(settings, chain, done, "executed", SERVICE_ACTOR, result=result, **extra)
    _announce(policy, done, done.state.value)
    return done


def _record(
    settings: Settings,
    chain: ControlChain,
    request: Request,
    transition: str,
    actor: str,
    *,
    read_before: bool = False,
    **details: Any,
) -> None:
    operation = {**request.summary(), "transition": transition}
    topics = request.operation.topics()
    dataset = request.dataset or next(filter(None, map(settings.topic_names.dataset_of_topic, topics)), None)
    if dataset:  # the sessions of the dataset list what ran on it
        operation["dataset"] = dataset
    operation |= {key: value.isoformat() if isinstance(value, datetime) else value for key, value in details.items()}
    record = request_record(settings.topic_names.approvals, request)
    chain.append(APPROVAL, actor, operation, [record], read_before=read_before)


def _attempts(chain: ControlChain, attempt: Callable[[ControlChain], _T]) -> _T:
    """Run a read-decide-write attempt; once more, from a fresh read, if another writer fenced it."""
    try:
        return attempt(chain)
    except WriterFenced:
        chain.open()
        return attempt(chain)


def _all_requests(settings: Settings) -> list[Request]:
    options = client_options(settings)
    ensure_topics(AdminClient(options), system_topics(settings.topic_names, settings.retention))
    return list(read_requests(options, settings.topic_names.approvals).values())


def _current(settings: Settings, request_id: str) -> Request:
    matches = [r for r in _all_requests(settings) if r.id.startswith(request_id)] if request_id else []
    if len(matches) != 1:
        what = "no request" if not matches else f"{len(matches)} requests start with"
        raise RequestStateError(f"{what} {request_id!r} (see `streamguard approvals list`)")
    return matches[0]


def _chain(settings: Settings) -> ControlChain:
    options = client_options(settings)
    ensure_topics(AdminClient(options), system_topics(settings.topic_names, settings.retention))
    return ControlChain(options, settings.topic_names, worker_keyring(settings), settings.log_origin)


def _announce(policy: Policy, request: Request, what: str) -> None:
    notify(policy.approvals.webhook, {"event": what, **request.summary(), "expires_at": request.expires_at.isoformat()})


def _now() -> datetime:
    return datetime.now(UTC)
