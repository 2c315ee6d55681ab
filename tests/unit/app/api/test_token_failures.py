"""Token failures slow down whoever presents wrong tokens, never whoever presents a good one: a client behind the
same NAT or proxy as a misconfigured script keeps working, and a stale token retried from many addresses is held
back all the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from streamguard.app.server.api.context import ApiContext, Authenticated
from streamguard.control.failure_limit import FailureLimit, FailureLimiter
from streamguard.core.errors import AuthenticationError, TooManyFailures
from tests.unit.app.api.served import bearer, client_of, policy_file_in_force, served, settings_for


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ApiContext:
    policy_file_in_force(monkeypatch)
    return ApiContext(settings_for(tmp_path), limiter=FailureLimiter(FailureLimit(max_failures=10)), clock=Clock())


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    app = served(tmp_path, monkeypatch)

    def whoami(caller: Authenticated) -> dict[str, str]:
        return {"name": caller.name}

    app.add_api_route("/api/whoami", whoami, methods=["GET"])  # authentication only, nothing that reads Kafka
    return client_of(app)


def test_a_good_token_is_accepted_after_ten_failures_from_its_address(client: TestClient) -> None:
    for attempt in range(10):
        assert client.get("/api/whoami", headers=bearer(f"wrong-{attempt}")).status_code == 401
    accepted = client.get("/api/whoami", headers=bearer("bob-token"))
    assert accepted.status_code == 200
    assert accepted.json() == {"name": "bob"}
    held = client.get("/api/whoami", headers=bearer("wrong-again"))  # the good token reset nothing
    assert held.status_code == 429
    assert 1 <= int(held.headers["retry-after"]) <= 60


def test_a_good_token_signs_in_to_the_console_after_failures_from_its_address(client: TestClient) -> None:
    def sign_in(token: str) -> int:
        assert client.get("/console/sign-in").status_code == 200
        form = {"token": token, "form_token": client.cookies["streamguard_sign_in"], "next": "/console/"}
        return client.post("/console/sign-in", data=form).status_code

    assert [sign_in(f"wrong-{attempt}") for attempt in range(10)] == [401] * 10
    assert sign_in("ada-token") == 303
    assert sign_in("wrong-again") == 429


def test_a_wrong_token_is_held_back_on_its_eleventh_address(context: ApiContext) -> None:
    for address in range(10):
        with pytest.raises(AuthenticationError):
            context.authenticate("stale-token", f"10.0.0.{address}")
    with pytest.raises(TooManyFailures) as held:
        context.authenticate("stale-token", "10.0.0.99")
    assert 1 <= held.value.retry_after_s <= 60
    with pytest.raises(AuthenticationError):  # another wrong token from a fresh address is only a 401
        context.authenticate("other-wrong-token", "10.0.0.100")
    assert context.authenticate("sam-token", "10.0.0.99").name == "sam"  # the held-back address, a good token


def test_holding_back_ends_when_the_failures_leave_the_window(context: ApiContext) -> None:
    for attempt in range(10):
        with pytest.raises(AuthenticationError):
            context.authenticate(f"wrong-{attempt}", "10.0.0.1")
    with pytest.raises(TooManyFailures):
        context.authenticate("wrong-10", "10.0.0.1")
    context.clock.now += 61  # type: ignore[attr-defined]
    with pytest.raises(AuthenticationError):
        context.authenticate("wrong-11", "10.0.0.1")


def test_no_token_at_all_is_not_counted(context: ApiContext) -> None:
    for _ in range(30):
        with pytest.raises(AuthenticationError):
            context.authenticate(None, "10.0.0.1")
    with pytest.raises(AuthenticationError):  # a 401, not held back (TooManyFailures is no AuthenticationError)
        context.authenticate("wrong", "10.0.0.1")
