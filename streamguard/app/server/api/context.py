"""What every request of the API and the console shares: settings, the policy in force, who is calling, and
a store kept current.

Callers are the principals of the policy in force. The API takes their token as ``Authorization: Bearer
<token>``; the console takes it once at sign-in and keeps a server-side session (``console_sessions``). Both
check the token through ``ApiContext.authenticate``: its SHA-256 against the policy's digests in constant time,
with failures counted per client address and token. The policy file is a proposal: the policy in force is the
one the control chain records (``policy_versions``); the file is read again when it changes, and a change
that only takes away (a principal or token removed) applies at the next request, while one that gives more
waits for the approvers.

Without a policy the context serves development only (``development``): the command line's in-process
server, whose caller is the operating-system user with every role and no control plane; every event it
records says so.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from streamguard.app.server.api.console_sessions import ConsoleSessions
from streamguard.app.server.api.metrics import TOKEN_FAILURES
from streamguard.app.services.control.callers import (
    Caller,
    caller_named,
    development_caller,
    read_policy,
    require_role,
)
from streamguard.app.services.control.policy_versions import current_policy_in_force
from streamguard.app.services.evidence.indexing import index_now
from streamguard.app.settings import Settings
from streamguard.control.failure_limit import FailureLimiter
from streamguard.control.policy import Policy, Role
from streamguard.control.tokens import token_digest
from streamguard.core.errors import AuthenticationError, ConfigError, TooManyFailures
from streamguard.store import EvidenceStore

INDEX_AT_MOST_EVERY_S = 2.0  # a page or query reads the evidence as of at most this long ago
POLICY_AT_MOST_EVERY_S = 5.0  # how long the policy in force is taken as read (another server process may adopt)


@dataclass
class ApiContext:
    settings: Settings
    limiter: FailureLimiter = field(default_factory=FailureLimiter)
    sessions: ConsoleSessions = field(default_factory=ConsoleSessions)
    clock: Callable[[], float] = time.monotonic
    development: bool = False
    _policy_file: tuple[int, Policy] | None = None
    _in_force: tuple[float, str, Policy] | None = None  # (read at, the file's digest, the policy in force)
    _policy_lock: threading.Lock = field(default_factory=threading.Lock)
    _indexed_at: float | None = None
    _index_lock: threading.Lock = field(default_factory=threading.Lock)
    _store: EvidenceStore | None = None

    @property
    def policy_path(self) -> Path:
        if self.settings.policy is None:
            raise ConfigError(
                "no control plane: the server acts for the principals of a policy (set STREAMGUARD_POLICY to its "
                "file); requests and approvals need one"
            )
        return self.settings.policy

    def policy_file(self) -> Policy:
        """The policy as the file says now (read again only when its modification time changed): a proposal,
        which the services adopt, or ask the approvers to adopt."""
        path = self.policy_path
        try:
            changed = path.stat().st_mtime_ns
        except OSError as error:
            raise ConfigError(f"{path}: cannot read the policy: {error.strerror}") from None
        if self._policy_file is None or self._policy_file[0] != changed:
            self._policy_file = (changed, read_policy(path))
        return self._policy_file[1]

    def proposed_policy(self) -> Policy | None:
        """The policy file, or None in development (no control plane)."""
        return None if self.development else self.policy_file()

    def enforced_policy(self) -> Policy | None:
        """The policy in force, or None in development (no control plane: the caller's roles are all roles)."""
        return None if self.development else self.policy()

    def policy(self) -> Policy:
        """The policy in force, as the control chain records it (read again when the file changes, and at most
        every ``POLICY_AT_MOST_EVERY_S``)."""
        proposed = self.policy_file()
        with self._policy_lock:
            cached, now = self._in_force, self.clock()
            if cached is None or cached[1] != proposed.digest or now - cached[0] >= POLICY_AT_MOST_EVERY_S:
                cached = self._in_force = (now, proposed.digest, current_policy_in_force(self.settings, proposed))
            return cached[2]

    def policy_changed(self) -> None:
        """Something adopted a policy or decided a request: read the policy in force again next time."""
        with self._policy_lock:
            self._in_force = None

    def authenticate(self, token: str | None, client: str) -> Caller:
        """The principal holding ``token``. A valid token is never held back (a client sharing a NAT or proxy
        with one that fails must not be locked out); a wrong one is TooManyFailures instead of
        AuthenticationError once its client address, or its digest, is past the failure limit."""
        if not token:  # no attempt to guess: not counted against the client
            raise AuthenticationError("no bearer token given")
        policy = self.policy()
        digest = token_digest(token)
        name = policy.authenticate(digest)
        if name is not None:
            return caller_named(policy, name)
        TOKEN_FAILURES.inc()
        wait = self.limiter.record_failure((f"address {client}", f"token {digest}"), self.clock())
        if wait is not None:
            raise TooManyFailures(
                f"too many failed sign-ins from this address or with this token; try again in {wait} s", wait
            )
        raise AuthenticationError("a valid bearer token is required")

    def store(self, fresh: bool | None = None) -> EvidenceStore:
        """The evidence store (opened once per process), indexed first unless that was done in the last
        ``INDEX_AT_MOST_EVERY_S`` (``fresh``: True indexes now, False not at all)."""
        with self._index_lock:
            if self._store is None:
                self._store = EvidenceStore.open(self.settings.resolved_evidence_store_url)
            now = self.clock()
            stale = self._indexed_at is None or now - self._indexed_at >= INDEX_AT_MOST_EVERY_S
            if fresh or (fresh is None and stale):
                index_now(self.settings, self._store)
                self._indexed_at = self.clock()
            return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def context_of(request: Request) -> ApiContext:
    return request.app.state.context  # type: ignore[no-any-return]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


_bearer = HTTPBearer(auto_error=False, description="A principal's token from the policy (streamguard policy token).")


def bearer_caller(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Caller:
    """The principal behind the request's bearer token (401 without one, 429 when held back); in development
    (no policy), the operating-system user."""
    context = context_of(request)
    if context.development:
        return development_caller()
    token = credentials.credentials if credentials is not None else None
    return context.authenticate(token, client_address(request))


def with_role(*roles: Role, doing: str) -> Callable[[Caller], Caller]:
    """A dependency: the bearer caller, who must hold one of ``roles`` (403 otherwise)."""

    def dependency(caller: Annotated[Caller, Depends(bearer_caller)]) -> Caller:
        require_role(caller, *roles, doing=doing)
        return caller

    return dependency


Authenticated = Annotated[Caller, Depends(bearer_caller)]
Ctx = Annotated[ApiContext, Depends(context_of)]
