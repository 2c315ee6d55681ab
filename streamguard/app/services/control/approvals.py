"""Requests through their lifecycle: made, decided, claimed, executed, expired, revoked; each transition an
event of the control chain, committed with the request's new state on the approvals topic, then announced to
the webhook.

The control chain is the authority; the approvals topic is a cache that holds each request's operation body
and its latest state for listing. Every decision starts from the chain: the server takes the chain (its one
transactional id fences every earlier writer), reads it back checking every link and signature, adopts the
policy in force (``policy_versions``), and takes each request as the chain records it (``ledger.as_recorded``):
a record on the approvals topic that the chain does not back is refused and raises an alert. Before an
operation runs, the ledger must show a quorum of valid approvals of exactly that operation (``ledger.
refusals``); its execution is then claimed in the chain before the admin call, so it runs once. A writer
fenced in between wrote nothing; it reads again and decides again (``_attempts``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from streamguard.agents.checkpoints import CONTROL_SIGNING_SLOT, log_verifier_keys
from streamguard.agents.kafka_approvals import read_requests, request_record
from streamguard.agents.kafka_operations import ControlChain, read_control_chain
from streamguard.app.services.control import policy_versions, risky_operations
from streamguard.app.services.control.callers import Caller, caller_named
from streamguard.app.services.control.webhook import notify
from streamguard.app.services.kafka_config import client_options, ensure_system_topics
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.control.acl_plan import TemporaryGrant
from streamguard.control.alerts import Alert, Severity, digest
from streamguard.control.decisions import (
    approve,
    claim,
    deny,
    executed,
    expire,
    failed,
    grant_due,
    new_request,
    revoked,
)
from streamguard.control.ledger import (
    APPROVAL_ADDED,
    CLAIMED,
    REQUESTED,
    Ledger,
    as_recorded,
    asked_payload,
    decided_payload,
    fold,
    refusals,
)
from streamguard.control.policy import Policy
from streamguard.control.requests import Decrypt, Grant, PolicyChange, Request, State
from streamguard.core.errors import PermissionDenied, RequestStateError, StreamguardError, WriterFenced
from streamguard.evidence.audit import ALERT, APPROVAL

log = logging.getLogger(__name__)
SERVICE_ACTOR = "streamguard:control"
CLAIM_OUTCOME_WITHIN = timedelta(minutes=10)  # a claimed execution that recorded no outcome by then failed
_T = TypeVar("_T")


def request_operation(settings: Settings, proposed: Policy, caller: Caller, operation: Any, reason: str) -> Request:
    """A new pending request under the policy in force, with its impact measured now."""
    with _chain(settings) as chain:
        policy, _ledger = policy_versions.in_force(settings, chain, proposed)
        requester = caller_named(policy, caller.name)
        operation = risky_operations.prepared(settings, policy, operation)
        impact = risky_operations.impact_of(settings, policy, operation)
        request = new_request(operation, requester.name, reason, impact, policy, _now())
        _record(settings, chain, request, REQUESTED, requester.actor, **asked_payload(request), impact=impact)
    _announce(policy, request, "requested")
    return request


def decide(
    settings: Settings,
    proposed: Policy,
    caller: Caller,
    request_id: str,
    *,
    approving: bool,
    text: str,
    seen_digest: str | None = None,
) -> Request:
    """Approve (``text`` is the note) or deny (``text`` is the reason) the request as the chain records it (and,
    given ``seen_digest``, only if its operation is the one the decider saw); an approval reaching the quorum
    executes the operation at once."""

    def attempt(chain: ControlChain) -> tuple[Request, Policy]:
        policy, ledger = policy_versions.in_force(settings, chain, proposed)
        decider = caller_named(policy, caller.name)
        request = _recorded(settings, chain, ledger, _cached(settings, request_id))
        if seen_digest is not None and seen_digest != request.operation_digest:
            raise RequestStateError(f"{request.id} is not the operation you were shown: read it again")
        lapsed = expire(request, _now())
        if lapsed is not None:
            _record(settings, chain, lapsed, "expired", SERVICE_ACTOR, read_before=True)
            raise RequestStateError(f"{request.id} expired at {request.expires_at.isoformat()}; it was not executed")
        decided = (approve if approving else deny)(request, decider.name, text, policy, _now())
        decision = decided.denial if not approving else decided.approvals[-1]
        assert decision is not None
        transition = decided.state.value if decided.state is not State.PENDING else APPROVAL_ADDED
        payload = decided_payload(decided, decision)
        _record(settings, chain, decided, transition, decider.actor, note=text, read_before=True, **payload)
        return decided, policy

    _cached(settings, request_id)  # an unknown id is refused before the chain is taken from other writers
    with _chain(settings) as chain:
        decided, policy = _attempts(chain, attempt)
        _announce(policy, decided, decided.state.value)
        if decided.state is State.APPROVED:
            decided = _execute(settings, policy, chain, decided)
    return decided


def list_requests(settings: Settings, state: State | None = None) -> list[Request]:
    """Requests newest first, as the control chain records them (a record the chain does not back is left
    out: the control service alerts on it); a request past its time to live shows as expired even before the
    control service records it."""
    now = _now()
    ledger, all_cached = _with_ledger(settings, lambda: _all_cached(settings))
    requests = []
    for cached in all_cached:
        recorded, _problems = as_recorded(ledger, cached)
        if recorded is not None:
            requests.append(expire(recorded, now) or recorded)
    chosen = [r for r in requests if state is None or r.state is state]
    return sorted(chosen, key=lambda r: r.created_at, reverse=True)


def find_request(settings: Settings, request_id: str) -> Request:
    """The request with this id (or unique prefix), as ``list_requests`` shows it."""
    ledger, cached = _with_ledger(settings, lambda: _cached(settings, request_id))
    recorded, problems = as_recorded(ledger, cached)
    if recorded is None:
        raise RequestStateError("; ".join(problems))
    return expire(recorded, _now()) or recorded


def active_grants(settings: Settings, policy: Policy, now: datetime) -> list[TemporaryGrant]:
    """Executed grants not yet expired whose principal is still in the policy: their ACLs belong in the plan.
    A grant that cannot be read (a principal gone, a user missing) is left out, never the others."""
    grants = []
    for request in list_requests(settings, State.EXECUTED):
        operation = request.operation
        if not isinstance(operation, Grant) or request.revoked_at is not None or request.grant_expires_at is None:
            continue
        if now < request.grant_expires_at and operation.principal in policy.principals:
            grant = risky_operations.grant_in_force(request)
            if grant is not None:
                grants.append(grant)
    return grants


def run_due(settings: Settings, proposed: Policy) -> list[Request]:
    """The control service's tick: expire requests past their time to live, execute approved ones whose
    execution was never claimed, record as failed a claimed one that never recorded its outcome, revoke grants
    whose time is up or whose principal left the policy, and alert on records the chain does not back.
    Returns what changed."""
    now = _now()
    ledger, cached = _with_ledger(settings, lambda: _all_cached(settings))
    if not any(_needs_the_chain(ledger, request, proposed, now) for request in cached) and _policy_is_current(
        ledger, proposed
    ):
        return []  # the chain is opened (fencing the API's writers) only when there is work
    changed: list[Request] = []
    with _chain(settings) as chain:
        policy, ledger = policy_versions.in_force(settings, chain, proposed)
        for request in cached:
            try:
                changed += _act_on(settings, policy, chain, ledger, request)
            except WriterFenced:  # the API took the chain: what was read may be stale, the next round reads again
                break
            except StreamguardError as error:
                log.error("request %s: %s", request.id, error)
            ledger = fold(chain.events)
    return changed


def _needs_the_chain(ledger: Ledger, cached: Request, policy: Policy, now: datetime) -> bool:
    recorded, problems = as_recorded(ledger, cached)
    if problems:
        return _alert_key(cached.id, problems) not in ledger.alert_keys
    return recorded is not None and _is_due(recorded, policy, now)


def _policy_is_current(ledger: Ledger, proposed: Policy) -> bool:
    current = ledger.policy_in_force()
    return current is not None and current.digest == proposed.digest


def _is_due(request: Request, policy: Policy, now: datetime) -> bool:
    if request.state is State.APPROVED or (request.state is State.PENDING and now >= request.expires_at):
        return True
    if request.state is State.EXECUTING:
        return now - request.history[-1].at >= CLAIM_OUTCOME_WITHIN
    gone = isinstance(request.operation, Grant | Decrypt) and _principal_of(request) not in policy.principals
    return grant_due(request, now) or (gone and request.grant_expires_at is not None and request.revoked_at is None)


def _act_on(settings: Settings, policy: Policy, chain: ControlChain, ledger: Ledger, cached: Request) -> list[Request]:
    recorded, problems = as_recorded(ledger, cached)
    if problems:
        _alert_refusal(chain, ledger, cached.id, problems)
    if recorded is None or not _is_due(recorded, policy, _now()):
        return []
    now = _now()
    lapsed = expire(recorded, now)
    if lapsed is not None:
        _record(settings, chain, lapsed, "expired", SERVICE_ACTOR, read_before=True)
        _announce(policy, lapsed, "expired")
        return [lapsed]
    if recorded.state is State.APPROVED:
        return [_execute(settings, policy, chain, recorded)]
    if recorded.state is State.EXECUTING:
        done = failed(recorded, "its execution was claimed and recorded no outcome: check it, and ask again", now)
        _record(settings, chain, done, "failed", SERVICE_ACTOR, read_before=True, error=done.result["error"])
        return [done]
    return [_revoke(settings, policy, chain, recorded, now)]


def _revoke(settings: Settings, policy: Policy, chain: ControlChain, request: Request, now: datetime) -> Request:
    """End a grant (its time is up, or its principal left the policy): its ACLs removed, the end recorded."""
    result = risky_operations.revoke(settings, policy, request, active_grants(settings, policy, now))
    ended = revoked(request, now).model_copy(update={"result": {**request.result, **result}})
    _record(settings, chain, ended, "revoked", SERVICE_ACTOR, read_before=True, result=result)
    _announce(policy, ended, "revoked")
    return ended


def _execute(settings: Settings, policy: Policy, chain: ControlChain, request: Request) -> Request:
    """Run an approved request once, if the chain proves its approval: the claim is recorded first."""
    ledger = fold(chain.events)
    problems = refusals(ledger, request, policy, _now())
    if problems:
        _alert_refusal(chain, ledger, request.id, problems)
        raise PermissionDenied(f"{request.id} was not executed: " + "; ".join(problems))
    claimed = claim(request, _now())
    _record(settings, chain, claimed, CLAIMED, SERVICE_ACTOR, read_before=True)
    try:
        if isinstance(request.operation, PolicyChange):
            result = policy_versions.adopt_change(chain, claimed)
        else:
            result = risky_operations.execute(settings, policy, claimed)
    except StreamguardError as error:
        done = failed(claimed, str(error), _now())
        _record(settings, chain, done, "failed", SERVICE_ACTOR, error=str(error))
    else:
        done = executed(claimed, result, _now())
        extra = {"grant_expires_at": done.grant_expires_at} if done.grant_expires_at else {}
        _record(settings, chain, done, "executed", SERVICE_ACTOR, result=result, **extra)
    _announce(policy, done, done.state.value)
    return done


def _alert_refusal(chain: ControlChain, ledger: Ledger, request_id: str, problems: list[str]) -> None:
    """An ``approval_refused`` alert in the control chain, once per request and set of reasons."""
    key = _alert_key(request_id, problems)
    if key in ledger.alert_keys:
        return
    summary = f"request {request_id} refused: " + "; ".join(problems)
    alert = Alert("approval_refused", request_id, Severity.CRITICAL, summary, {"reasons": problems}, _now(), key)
    chain.append(ALERT, SERVICE_ACTOR, alert.to_operation())
    log.error("%s", summary)


def _alert_key(request_id: str, problems: Iterable[str]) -> str:
    return f"approval_refused|{request_id}|{digest(problems)}"


def _recorded(settings: Settings, chain: ControlChain, ledger: Ledger, cached: Request) -> Request:
    recorded, problems = as_recorded(ledger, cached)
    if problems:
        _alert_refusal(chain, ledger, cached.id, problems)
        raise PermissionDenied("; ".join(problems))
    assert recorded is not None
    return recorded


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


def read_ledger(settings: Settings) -> Ledger:
    """The control chain's ledger, read without fencing anyone."""
    keys = log_verifier_keys(deployment_keyring(settings), settings.log_origin, CONTROL_SIGNING_SLOT)
    return fold(read_control_chain(client_options(settings), settings.topic_names, settings.log_origin, keys).events)


def _with_ledger(settings: Settings, read: Callable[[], _T]) -> tuple[Ledger, _T]:
    """The control chain's ledger and what ``read`` reads, read at once: each read waits on the broker."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        reading_ledger = pool.submit(read_ledger, settings)
        other = read()
        return reading_ledger.result(), other


def _all_cached(settings: Settings) -> list[Request]:
    options = ensure_system_topics(settings)
    return list(read_requests(options, settings.topic_names.approvals).values())


def _cached(settings: Settings, request_id: str) -> Request:
    matches = [r for r in _all_cached(settings) if r.id.startswith(request_id)] if request_id else []
    if len(matches) != 1:
        what = "no request" if not matches else f"{len(matches)} requests start with"
        raise RequestStateError(f"{what} {request_id!r} (see `streamguard approvals list`)")
    return matches[0]


def _chain(settings: Settings) -> ControlChain:
    return policy_versions.open_chain(settings)


def _principal_of(request: Request) -> str:
    return request.requester if isinstance(request.operation, Decrypt) else getattr(request.operation, "principal", "")


def _announce(policy: Policy, request: Request, what: str) -> None:
    notify(policy.approvals.webhook, {"event": what, **request.summary(), "expires_at": request.expires_at.isoformat()})


def _now() -> datetime:
    return datetime.now(UTC)
