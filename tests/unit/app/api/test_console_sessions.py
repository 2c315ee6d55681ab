from __future__ import annotations

from streamguard.app.server.api.console_sessions import ConsoleSessions
from streamguard.app.services.control.callers import Caller
from streamguard.control.policy import Role
from streamguard.control.tokens import token_digest

BOB = Caller("bob", frozenset({Role.APPROVER}))
DIGEST = token_digest("bob-token")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_session_lives_while_used_and_ends_when_idle_too_long_or_too_old() -> None:
    clock = Clock()
    sessions = ConsoleSessions(idle_s=60, max_s=150, clock=clock)
    session_id, _ = sessions.start(BOB, DIGEST)
    for _ in range(2):
        clock.now += 50
        found = sessions.get(session_id)
        assert found is not None
        assert found.caller == BOB
    clock.now += 61
    assert sessions.get(session_id) is None  # idle

    session_id, _ = sessions.start(BOB, DIGEST)
    for _ in range(3):
        clock.now += 50
        assert sessions.get(session_id) is not None
    clock.now += 50
    assert sessions.get(session_id) is None  # 200 s old: past max_s although never idle


def test_session_ids_and_csrf_tokens_are_unguessable_and_checked_in_constant_time() -> None:
    sessions = ConsoleSessions()
    first, one = sessions.start(BOB, DIGEST)
    second, other = sessions.start(BOB, DIGEST)
    assert first != second
    assert one.csrf != other.csrf
    assert len(first) >= 43  # 256 bits, URL-safe base64
    assert one.csrf_matches(one.csrf)
    assert not one.csrf_matches(other.csrf)
    assert not one.csrf_matches(None)
    assert sessions.get("not-a-session") is None
    assert sessions.get(None) is None


def test_signing_out_ends_the_session() -> None:
    sessions = ConsoleSessions()
    session_id, _ = sessions.start(BOB, DIGEST)
    sessions.end(session_id)
    assert sessions.get(session_id) is None
