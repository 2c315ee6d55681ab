"""A 422 names each invalid field and what the schema expects there, and never repeats what the client sent: a
body may carry personal data or a secret pasted in the wrong field, and an answer (or a page) must not echo it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from streamguard.app.server.api.console_auth import SIGN_IN_COOKIE
from tests.unit.app.api.served import bearer, client_of, served

MARKER = "SECRET-MARKER-42"
ROOT = bearer("root-token")
RESET = {"op": "reset-offsets", "group": "analytics-1", "topic": "governed.customers.analytics", "to": "earliest"}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    return served(tmp_path, monkeypatch)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return client_of(app)


# (route, JSON body or raw bytes, the field each problem must name)
CASES: list[tuple[str, Any, set[str]]] = [
    ("/api/requests", {"operation": {"op": MARKER, "topic": "t"}, "reason": "why"}, {"operation"}),
    ("/api/requests", {"operation": {**RESET, "to": MARKER}, "reason": "why"}, {"operation.reset-offsets.to"}),
    ("/api/requests", {"operation": RESET, "reason": MARKER * 200}, {"reason"}),
    (
        "/api/requests",
        {"operation": {"op": "add-partitions", "topic": "t", "count": MARKER}, "reason": "why"},
        {"operation.add-partitions.count"},
    ),
    ("/api/requests", {"operation": {**RESET, MARKER: "x"}, "reason": "why"}, {"operation.reset-offsets"}),
    (
        "/api/requests",
        {"operation": {"op": "delete-topic", "topic": f"a {MARKER}"}, "reason": "why"},
        {"operation.delete-topic.topic"},
    ),
    ("/api/requests", {"operation": [MARKER], "reason": {"nested": MARKER}}, {"operation", "reason"}),
    ("/api/requests", f'{{"operation": {{"op": "{MARKER}'.encode(), {""}),
    (
        "/api/rules",
        {"rules_yaml": MARKER, "source_name": f"{MARKER} x", "reason": MARKER * 200},
        {"source_name", "reason"},
    ),
    ("/api/requests/abc/approve", {"note": "ok", "operation_digest": MARKER}, {"operation_digest"}),
]


@pytest.mark.parametrize(("route", "body", "fields"), CASES)
def test_a_422_names_its_fields_and_echoes_nothing(client: TestClient, route: str, body: Any, fields: set[str]) -> None:
    if isinstance(body, bytes):
        answer = client.post(route, content=body, headers={**ROOT, "Content-Type": "application/json"})
    else:
        answer = client.post(route, json=body, headers=ROOT)
    assert answer.status_code == 422, answer.text
    assert MARKER not in answer.text
    assert MARKER.lower() not in answer.text.lower()
    problems = answer.json()["detail"]
    assert {problem["field"] for problem in problems} == fields
    assert all(problem["msg"] for problem in problems)


def test_a_422_still_says_what_the_schema_expects(client: TestClient) -> None:
    answer = client.post("/api/requests", json={"operation": {"op": MARKER}, "reason": "x" * 2001}, headers=ROOT)
    messages = {problem["field"]: problem["msg"] for problem in answer.json()["detail"]}
    assert "'reset-offsets'" in messages["operation"]  # the tags it knows, from the schema
    assert "2000" in messages["reason"]


def test_the_console_422_page_names_fields_and_echoes_nothing(client: TestClient) -> None:
    assert client.get("/console/sign-in").status_code == 200
    form = {"token": "bob-token", "form_token": client.cookies[SIGN_IN_COOKIE], "next": "/console/"}
    assert client.post("/console/sign-in", data=form).status_code == 303
    answer = client.post("/console/inbox/abc/deny", data={"csrf": MARKER * 10, "reason": MARKER * 200})
    assert answer.status_code == 422
    assert MARKER not in answer.text
    assert "reason" in answer.text
    assert "csrf" in answer.text
