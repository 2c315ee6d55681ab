"""Re-identification: turning ``encrypt`` tokens back into values, on the server, for a principal who holds a
role the policy names (``decrypt.roles``) and an approved, unexpired ``decrypt`` request for the dataset.

The encryption key is the worker's (it encrypts) and the server's (it decrypts here, and replays): no client
holds it. Each use is an event of the control chain naming who re-identified how many values of which dataset
and audiences, under which request; the values themselves go back to the caller only, never into the
evidence or a log line. One malformed or foreign token fails that token alone.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from streamguard.agents.kafka_operations import record_operation
from streamguard.app.services.control import approvals
from streamguard.app.services.control.callers import Caller, unenforced
from streamguard.app.services.kafka_config import client_options
from streamguard.app.services.keyrings import deployment_keyring
from streamguard.app.settings import Settings
from streamguard.control.policy import Policy
from streamguard.control.requests import Decrypt, Request, State
from streamguard.core.errors import PermissionDenied, StreamguardError
from streamguard.masking.encryption import PREFIX, decrypt_token

DECRYPTED_KIND = "decrypted"
MAX_TOKENS = 10_000  # per call: a bulk re-identification is many calls, each one recorded


@dataclass(frozen=True)
class Decrypted:
    """One token's outcome: its value (text, or ``base64:`` and the bytes) or why it did not decrypt."""

    value: str | None = None
    error: str | None = None


def decrypt_tokens(
    settings: Settings, policy: Policy | None, caller: Caller, dataset: str, tokens: Sequence[str]
) -> tuple[list[Decrypted], str | None]:
    """The values behind ``tokens`` and the approved request that allowed it (None without a control plane);
    PermissionDenied unless the caller may decrypt this dataset now."""
    grant = _grant(settings, policy, caller, dataset) if caller.enforced else None
    keyring = deployment_keyring(settings)
    outcomes = [_decrypted(keyring, token) for token in tokens]
    audiences = Counter(_audience(token) for token, done in zip(tokens, outcomes, strict=True) if done.value)
    operation = {
        "dataset": dataset,
        "values": sum(1 for done in outcomes if done.value is not None),
        "failed": sum(1 for done in outcomes if done.error is not None),
        "audiences": dict(sorted(audiences.items())),
        "request": grant.id if grant else None,
        **unenforced(caller.enforced),
    }
    names = settings.topic_names
    record_operation(
        client_options(settings), names, keyring, settings.log_origin, DECRYPTED_KIND, caller.actor, operation
    )
    return outcomes, grant.id if grant else None


def _grant(settings: Settings, policy: Policy | None, caller: Caller, dataset: str) -> Request:
    if policy is None:
        raise PermissionDenied("decryption takes a control plane (a policy) on the server")
    if not set(policy.decrypt.roles) & caller.roles:
        roles = " or ".join(sorted(role.value for role in policy.decrypt.roles)) or "(none: the policy names no role)"
        raise PermissionDenied(f"{caller.name} may not decrypt: that takes the {roles} role")
    now = datetime.now(UTC)
    for request in approvals.list_requests(settings, State.EXECUTED):
        operation = request.operation
        if (
            isinstance(operation, Decrypt)
            and operation.dataset == dataset
            and request.requester == caller.name
            and request.revoked_at is None
            and request.grant_expires_at is not None
            and now < request.grant_expires_at
        ):
            return request
    raise PermissionDenied(
        f"{caller.name} has no approved decryption of dataset {dataset} in force: ask with "
        f"`streamguard request decrypt {dataset} --for 1h --reason TEXT`"
    )


def _decrypted(keyring: object, token: str) -> Decrypted:
    try:
        plain = decrypt_token(keyring, token.strip())  # type: ignore[arg-type]
    except StreamguardError as error:
        return Decrypted(error=str(error))
    try:
        return Decrypted(value=plain.decode("utf-8"))
    except UnicodeDecodeError:
        return Decrypted(value="base64:" + base64.b64encode(plain).decode())


def _audience(token: str) -> str:
    parts = token.strip().removeprefix(PREFIX).split(":")
    return parts[1] if len(parts) == 3 else "?"
