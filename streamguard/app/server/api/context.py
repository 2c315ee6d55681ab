"""What every request of the API and the console shares: settings, the policy, who is calling, and a store
kept current.

Callers are the policy's principals. The API takes their token as ``Authorization: Bearer <token>``; the
console takes it once at sign-in and keeps a server-side session (``console_sessions``). Both check the
token through ``ApiContext.authenticate``: its SHA-256 against the policy's digests in constant time, with
failures counted per client address, so a client presenting wrong tokens is held back (429) before it is
even checked. The policy file is read again when it changes, so a principal removed from it loses access
at their next request.
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
from streamguard.app.services.control.callers import Caller, caller_named, read_policy, require_role
from streamguard.app.services.evidence.indexing import index_now
from streamguard.app.settings import Settings
from streamguard.control.failure_limit import FailureLimiter
from streamguard.control.policy import Policy, Role
from streamguard.control.tokens import token_digest
from streamguard.core.errors import AuthenticationError, ConfigError, TooManyFailures
from streamguard.store import EvidenceStore

INDEX_AT_MOST_EVERY_S = 2.0  # a page or query reads the evidence as of at most this long ago


@dataclass
class ApiContext:
    settings: Settings
    limiter: FailureLimiter = field(default_factory=FailureLimiter)
    sessions: ConsoleSessions = field(default_factory=ConsoleSessions)
    clock: Callable[[], float] = time.monotonic
    _policy: tuple[int, Policy] | None = None
    _indexed_at: float | None = None
    _index_lock: threading.Lock = field(default_factory=threading.Lock)
    _store: EvidenceStore | None = None

    @property
    def policy_path(self) -> Path:
        if self.settings.policy is None:
            raise ConfigError("the API acts for the principals of a policy: set STREAMGUARD_POLICY to its file")
        return self.settings.policy

    def policy(self) -> Policy:
        """The policy as the file says now (read again only when its modification time changed)."""
        path = self.policy_path
        try:
            changed = path.stat().st_mtime_ns
        except OSError as error:
            raise ConfigError(f"{path}: cannot read the policy: {error.strerror}") from None
        if self._policy is None or self._policy[0] != changed:
            self._policy = (changed, read_policy(path))
        return self._policy[1]

    def authenticate(self, token: str | None, client: str) -> Caller:
        """The principal holding ``token``; TooManyFailures for a client past its failure limit."""
        now = self.clock()
        wait = self.limiter.retry_after(client, now)
        if wait is not None:
            raise TooManyFailures(f"too many failed sign-ins from this address; try again in {wait} s", wait)
        policy = self.policy()
        name = policy.authenticate(token_digest(token)) if token else None
        if name is None and not token:  # no attempt to guess: not counted against the client
            raise AuthenticationError("no bearer token given")
        if name is None:
            self.limiter.failed(client, now)
            TOKEN_FAILURES.inc()
            raise AuthenticationError("a valid bearer token is required")
        return caller_named(policy, name)

    def store(self) -> EvidenceStore:
        """The evidence store (opened once per process), indexed first unless that was done in the last
        ``INDEX_AT_MOST_EVERY_S``."""
        with self._index_lock:
            if self._store is None:
                self._store = EvidenceStore.open(self.settings.resolved_evidence_store_url)
            now = self.clock()
            if self._indexed_at is None or now - self._indexed_at >= INDEX_AT_MOST_EVERY_S:
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
    """The principal behind the request's bearer token (401 without one, 429 when held back)."""
    token = credentials.credentials if credentials is not None else None
    return context_of(request).authenticate(token, client_address(request))


def with_role(*roles: Role, doing: str) -> Callable[[Caller], Caller]:
    """A dependency: the bearer caller, who must hold one of ``roles`` (403 otherwise)."""

    def dependency(caller: Annotated[Caller, Depends(bearer_caller)]) -> Caller:
        require_role(caller, *roles, doing=doing)
        return caller

    return dependency


Authenticated = Annotated[Caller, Depends(bearer_caller)]
Ctx = Annotated[ApiContext, Depends(context_of)]
