"""The console's sign-in sessions, kept on the server: the browser holds only a random session id (in an
HttpOnly, SameSite=Strict cookie), so a token is typed once and never stored in the browser.

Each session has its own CSRF token, which every form of the console posts back; a form posted from
another site carries neither the cookie (SameSite) nor the token. Sessions end after ``idle_s`` without a
request, after ``max_s`` in all, at sign-out, and when the API process restarts (held in memory on purpose:
one process serves the console, and nothing of a session outlives it). A session also keeps what it was
granted on: the SHA-256 of the token it was started with and the roles held then, so that the console can
end it when the policy no longer gives its principal that token or those roles (``console_auth.signed_in``).
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from streamguard.app.services.control.callers import Caller
from streamguard.control.policy import Role

COOKIE = "streamguard_session"


@dataclass(frozen=True)
class ConsoleSession:
    caller: Caller  # refreshed from the policy at each request
    csrf: str
    started: float
    seen: float
    token_sha256: str  # of the token signed in with
    roles: frozenset[Role]  # held at sign-in

    def csrf_matches(self, presented: str | None) -> bool:
        return presented is not None and hmac.compare_digest(self.csrf.encode(), presented.encode())


class ConsoleSessions:
    """Session id -> ConsoleSession, bounded in time."""

    def __init__(
        self, idle_s: float = 3600.0, max_s: float = 12 * 3600.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.idle_s = idle_s
        self.max_s = max_s
        self.clock = clock
        self._sessions: dict[str, ConsoleSession] = {}
        self._lock = threading.Lock()

    def start(self, caller: Caller, token_sha256: str) -> tuple[str, ConsoleSession]:
        """A new session for ``caller``, signed in with the token of digest ``token_sha256``: its id (for the
        cookie) and the session."""
        now = self.clock()
        session_id = secrets.token_urlsafe(32)
        session = ConsoleSession(caller, secrets.token_urlsafe(32), now, now, token_sha256, caller.roles)
        with self._lock:
            self._drop_ended(now)
            self._sessions[session_id] = session
        return session_id, session

    def get(self, session_id: str | None) -> ConsoleSession | None:
        """The live session of ``session_id`` (its idle time restarts), or None."""
        if not session_id:
            return None
        now = self.clock()
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None or self._ended(session, now):
                self._sessions.pop(session_id, None)
                return None
            self._sessions[session_id] = replace(session, seen=now)
            return self._sessions[session_id]

    def end(self, session_id: str | None) -> None:
        with self._lock:
            self._sessions.pop(session_id or "", None)

    def _ended(self, session: ConsoleSession, now: float) -> bool:
        return now - session.seen > self.idle_s or now - session.started > self.max_s

    def _drop_ended(self, now: float) -> None:
        for session_id in [key for key, session in self._sessions.items() if self._ended(session, now)]:
            del self._sessions[session_id]
