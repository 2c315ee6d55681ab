"""A console session lasts only while its principal still holds the token it signed in with and every role it had
then: a rotated or removed token, or a demotion, sends the browser back to the sign-in page at its next request."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from streamguard.app.server.api.console_auth import SIGN_IN_COOKIE, SignedIn
from tests.unit.app.api.served import client_of, policy_text, served, write_policy


def add_probe(app: FastAPI) -> None:
    """A console page that shows only who the session is: the real ``signed_in``, and nothing that reads Kafka."""

    def probe(session: SignedIn) -> dict[str, object]:
        return {"name": session.caller.name, "roles": sorted(session.caller.roles)}

    app.add_api_route("/console/probe", probe, methods=["GET"])


def signed_in_client(app: FastAPI, token: str) -> TestClient:
    client = client_of(app)
    assert client.get("/console/sign-in").status_code == 200
    form_token = client.cookies[SIGN_IN_COOKIE]
    answer = client.post("/console/sign-in", data={"token": token, "form_token": form_token, "next": "/console/probe"})
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/console/probe"
    assert client.get("/console/probe").status_code == 200
    return client


def sent_to_sign_in(client: TestClient) -> bool:
    answer = client.get("/console/probe")
    return answer.status_code == 303 and answer.headers["location"].startswith("/console/sign-in?next=")


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    made = served(tmp_path, monkeypatch)
    add_probe(made)
    return made


def test_a_rotated_token_ends_the_session_started_with_the_old_one(app: FastAPI, tmp_path: Path) -> None:
    client = signed_in_client(app, "bob-token")
    write_policy(tmp_path / "policy.yaml", policy_text(tokens={"bob": "bob-new-token"}))
    assert sent_to_sign_in(client)
    assert sent_to_sign_in(client)  # ended, not just refused once
    write_policy(tmp_path / "policy.yaml", policy_text())  # the old token back does not revive the ended session
    assert sent_to_sign_in(client)


def test_a_removed_token_ends_the_session(app: FastAPI, tmp_path: Path) -> None:
    client = signed_in_client(app, "bob-token")
    text = policy_text()
    bob_line = next(line for line in text.splitlines() if line.startswith("  bob:"))
    write_policy(tmp_path / "policy.yaml", text.replace(bob_line, "  bob: {roles: [approver, auditor]}"))
    assert sent_to_sign_in(client)


def test_a_demoted_principal_loses_its_session(app: FastAPI, tmp_path: Path) -> None:
    client = signed_in_client(app, "bob-token")  # approver and auditor at sign-in
    write_policy(tmp_path / "policy.yaml", policy_text(roles={"bob": "[auditor]"}))
    assert sent_to_sign_in(client)


def test_a_session_survives_changes_that_take_nothing_from_its_principal(app: FastAPI, tmp_path: Path) -> None:
    client = signed_in_client(app, "ada-token")
    write_policy(tmp_path / "policy.yaml", policy_text(roles={"ada": "[auditor, approver]", "sam": "[]"}))
    answer = client.get("/console/probe")
    assert answer.status_code == 200
    assert answer.json() == {"name": "ada", "roles": ["approver", "auditor"]}  # roles are read again each time
    write_policy(tmp_path / "policy.yaml", policy_text(tokens={"root": "root-new-token"}))
    assert client.get("/console/probe").status_code == 200  # someone else's token rotated


def test_a_session_of_one_principal_is_not_ended_by_another_signing_in(app: FastAPI) -> None:
    bob = signed_in_client(app, "bob-token")
    signed_in_client(app, "ada-token")
    assert bob.get("/console/probe").json()["name"] == "bob"
