"""The policy in force: the policy file is a proposal, the control chain says what the server enforces.

Each policy version the server enforces is a ``policy`` event of the control chain (its digest, its text and
what changed), so the log shows who held which role when. The first policy is adopted as it is. A later file
that only takes away (a principal, a token, a role; a higher quorum) is adopted at once, so a revocation
never waits; one that gives anyone more (``control.policy_changes``) becomes a ``policy-change`` request the
approvers of the policy in force decide, like rules that reduce protection, and until then the policy in
force stays in force. Whoever holds the control chain asks ``in_force`` before deciding anything.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from streamguard.agents.checkpoints import CONTROL_SIGNING_SLOT, log_verifier_keys
from streamguard.agents.kafka_approvals import request_record
from streamguard.agents.kafka_operations import ControlChain, read_control_chain
from streamguard.app.services.kafka_config import ensure_system_topics
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.control.decisions import new_request
from streamguard.control.ledger import ADOPTED, REQUESTED, Ledger, asked_payload, fold
from streamguard.control.policy import Policy, load_policy
from streamguard.control.policy_changes import PolicyDiff, diff_policies
from streamguard.control.requests import POLICY_FILE_REQUESTER, PolicyChange, Request
from streamguard.core.errors import RequestStateError
from streamguard.evidence.audit import APPROVAL, POLICY

log = logging.getLogger(__name__)
POLICY_ACTOR = "streamguard:policy"


def in_force(settings: Settings, chain: ControlChain, proposed: Policy) -> tuple[Policy, Ledger]:
    """The policy the server enforces now, adopting ``proposed`` (the file) when it may be adopted at once,
    else filing the request that adopts it once approved; and the ledger of the chain as it is then."""
    ledger = fold(chain.events)
    current = ledger.policy_in_force()
    if current is not None and current.digest == proposed.digest:
        return proposed, ledger
    if current is None:
        _adopt(chain, proposed, ["the first policy the server enforces"])
        return proposed, fold(chain.events)
    enforced = ledger.policy(current)
    diff = diff_policies(enforced, proposed)
    if not diff.gives_more:
        _adopt(chain, proposed, diff.lines())
        return proposed, fold(chain.events)
    _ask_for(settings, chain, ledger, enforced, proposed, diff)
    return enforced, fold(chain.events)


def current_policy_in_force(settings: Settings, proposed: Policy) -> Policy:
    """``in_force`` for a reader: the chain is read without fencing anyone, and opened for writing only when
    the file differs from the policy in force (to adopt it, or to ask for it)."""
    keys = log_verifier_keys(deployment_keyring(settings), settings.log_origin, CONTROL_SIGNING_SLOT)
    options = ensure_system_topics(settings)
    chain = read_control_chain(options, settings.topic_names, settings.log_origin, keys)
    current = fold(chain.events).policy_in_force()
    if current is not None and current.digest == proposed.digest:
        return proposed
    with open_chain(settings) as writer:
        return in_force(settings, writer, proposed)[0]


def adopt_change(chain: ControlChain, request: Request) -> dict[str, Any]:
    """Execute an approved policy change: adopt its policy, if the one it was compared with is still in force."""
    change = request.operation
    assert isinstance(change, PolicyChange)
    ledger = fold(chain.events)
    current = ledger.policy_in_force()
    if current is None or current.digest != change.base_digest:
        raise RequestStateError(
            f"the policy in force changed since {request.id} was requested: the policy file is compared again "
            "when the server next reads it"
        )
    proposed = _parsed(change)
    _adopt(chain, proposed, diff_policies(ledger.policy(current), proposed).lines(), request.id)
    return {"policy_digest": change.policy_digest}


def open_chain(settings: Settings) -> ControlChain:
    """The control chain's writer, the control plane's topics set up first (the server's to create)."""
    return ControlChain(
        ensure_system_topics(settings), settings.topic_names, deployment_keyring(settings), settings.log_origin
    )


def _adopt(chain: ControlChain, policy: Policy, changes: list[str], request_id: str | None = None) -> None:
    operation: dict[str, Any] = {
        "transition": ADOPTED,
        "digest": policy.digest,
        "policy_yaml": policy.text,
        "source": policy.source,
        "changes": changes,
    }
    if request_id is not None:
        operation["request"] = request_id
    chain.append(POLICY, POLICY_ACTOR, operation)
    log.info("policy %s in force (%s)", policy.digest[:12], "; ".join(changes) or "no change of access")


def _ask_for(
    settings: Settings, chain: ControlChain, ledger: Ledger, enforced: Policy, proposed: Policy, diff: PolicyDiff
) -> None:
    """File the request that adopts ``proposed`` once approved, unless one for it is waiting already."""
    operation = PolicyChange(policy_digest=proposed.digest, base_digest=enforced.digest, policy_yaml=proposed.text)
    waiting = [
        entry
        for entry in ledger.entries.values()
        if entry.asked.operation_digest == operation.digest() and entry.ended is None
    ]
    if waiting:
        return
    reason = f"{proposed.source} changed and gives more than the policy in force"
    impact = {"policy_changes": diff.lines()}
    request = new_request(operation, POLICY_FILE_REQUESTER, reason, impact, enforced, datetime.now(UTC))
    summary = {**request.summary(), "transition": REQUESTED, **asked_payload(request), "impact": impact}
    chain.append(APPROVAL, POLICY_ACTOR, summary, [request_record(settings.topic_names.approvals, request)])
    log.warning("policy file %s gives more than the policy in force: request %s waits", proposed.source, request.id)


def _parsed(change: PolicyChange) -> Policy:
    return load_policy(change.policy_yaml, f"policy {change.policy_digest[:12]}")
