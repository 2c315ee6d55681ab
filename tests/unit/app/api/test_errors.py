"""streamguard's errors as HTTP answers, on a small application of its own (no broker)."""

from __future__ import annotations

import logging
from typing import Annotated

import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient
from pydantic import AfterValidator, BaseModel, Field

from streamguard.app.server.api.errors import install
from streamguard.core.errors import (
    AuthenticationError,
    DeliveryError,
    NotFound,
    PermissionDenied,
    RequestStateError,
    RulesError,
    TooManyFailures,
)


class Body(BaseModel):
    email: str = Field(pattern=r"^[a-z]+$")
    count: int = Field(ge=1)


def _quoting(value: str) -> str:
    """A validator as careless as some are: its message repeats what it was given."""
    if value != "earliest":
        raise ValueError(f"{value!r}: expected earliest")
    return value


class Quoting(BaseModel):
    to: Annotated[str, AfterValidator(_quoting)]


def _app() -> FastAPI:
    app = FastAPI()
    install(app, lambda request, status, detail: HTMLResponse(f"<p>{status}: {detail}</p>", status))
    raised = {
        "auth": AuthenticationError("no bearer token given"),
        "role": PermissionDenied("sam may not approve"),
        "missing": NotFound("no session 'abc'"),
        "state": RequestStateError("already executed"),
        "rules": RulesError("rules.yaml:3: fields.email: unknown action"),
        "limit": TooManyFailures("too many failed sign-ins", 17),
        "broker": DeliveryError("the broker did not acknowledge"),
        "bug": KeyError("alice@example.com"),
    }

    @app.get("/api/raise/{what}")
    def raise_it(what: str) -> None:
        raise raised[what]

    @app.get("/console/raise/{what}")
    def raise_on_a_page(what: str) -> None:
        raise raised[what]

    @app.post("/api/body")
    def take(body: Body) -> dict[str, str]:
        return {}

    @app.post("/api/quoting")
    @app.post("/console/quoting")
    def take_quoted(body: Quoting) -> dict[str, str]:
        return {}

    return app


@pytest.mark.parametrize(
    ("what", "status"),
    [("auth", 401), ("role", 403), ("missing", 404), ("state", 409), ("rules", 422), ("limit", 429), ("broker", 503)],
)
def test_each_branch_of_streamguard_errors_has_its_status_and_its_message(what: str, status: int) -> None:
    answer = TestClient(_app()).get(f"/api/raise/{what}")
    assert answer.status_code == status
    assert answer.json()["detail"]


def test_401_asks_for_a_bearer_token_and_429_says_when_to_come_back() -> None:
    client = TestClient(_app())
    assert client.get("/api/raise/auth").headers["www-authenticate"] == "Bearer"
    assert client.get("/api/raise/limit").headers["retry-after"] == "17"


def test_an_unexpected_error_is_a_500_that_quotes_nothing_of_it(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    answer = TestClient(_app()).get("/api/raise/bug")  # raised past the application, the client would raise
    assert answer.status_code == 500
    assert "incident" in answer.json()["detail"]
    assert "alice@example.com" not in answer.text
    assert "alice@example.com" not in caplog.text
    assert "KeyError" in caplog.text  # the log says what and where, for the operator


def test_invalid_input_names_every_field_without_echoing_it() -> None:
    answer = TestClient(_app()).post("/api/body", json={"email": "Alice@Example.com", "count": 0})
    assert answer.status_code == 422
    assert sorted(problem["field"] for problem in answer.json()["detail"]) == ["count", "email"]
    assert "Alice@Example.com" not in answer.text


def test_the_console_gets_its_errors_as_pages() -> None:
    answer = TestClient(_app()).get("/console/raise/role")
    assert answer.status_code == 403
    assert answer.text == "<p>403: sam may not approve</p>"


def test_a_validator_quoting_its_input_is_not_repeated_on_the_api_or_the_console() -> None:
    client = TestClient(_app())
    answer = client.post("/api/quoting", json={"to": "Alice@Example.com"})
    assert answer.status_code == 422
    assert "Alice@Example.com" not in answer.text
    assert answer.json()["detail"][0] == {
        "loc": ["body", "to"],
        "field": "to",
        "msg": "invalid value",
        "type": "value_error",
    }
    page = client.post("/console/quoting", json={"to": "Alice@Example.com"})
    assert page.status_code == 422
    assert page.text == "<p>422: to: invalid value</p>"
