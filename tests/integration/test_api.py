"""The HTTP API on the real broker: 401 without a valid token on every route, 429 past the failure limit,
403 for a role that may not act, 422 naming the field without echoing the input, the four-eyes rules of the
command line through the other door, rules that wait for approval, metrics, and a schemathesis run against
the OpenAPI document with no server error."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from streamguard.app.server.api import create_api
from streamguard.app.server.api.context import ApiContext
from streamguard.app.settings import Settings
from streamguard.control.failure_limit import FailureLimit, FailureLimiter
from streamguard.control.tokens import token_digest
from streamguard.masking.keyring_file import generate_keyring_json
from tests.conftest import KafkaEndpoint
from tests.integration.rule_texts import two_audience_rules

pytestmark = pytest.mark.kafka

POLICY = """\
principals:
  root:  {{roles: [admin], token_sha256: "{root}"}}
  bob:   {{roles: [approver], token_sha256: "{bob}"}}
  ada:   {{roles: [auditor], token_sha256: "{ada}"}}
  sam:   {{roles: [steward], token_sha256: "{sam}"}}
  ana:   {{kafka_user: ana, token_sha256: "{ana}"}}
audiences:
  analytics: {{principals: [ana]}}
approvals: {{quorum: 1, pending_ttl: 1h, max_grant: 8h}}
"""
NAMES = ("root", "bob", "ada", "sam", "ana")
EXAMPLES = 5  # per operation: enough to reach each error path, few enough for the suite's budget


def people_rules(dataset: str, email_action: str) -> str:
    return two_audience_rules(
        dataset,
        {"name": "{class: contact, action: pseudonymize}", "email": f"{{class: contact, action: {email_action}}}"},
    )


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {name}-token"}


@pytest.fixture(scope="module")
def api_settings(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    home = tmp_path_factory.mktemp("api")
    policy = home / "policy.yaml"
    policy.write_text(POLICY.format(**{name: token_digest(f"{name}-token") for name in NAMES}))
    (home / "keyring.json").write_text(generate_keyring_json())  # the server's keys
    return Settings(
        bootstrap=kafka.bootstrap, home=home, system_topic_prefix=f"api{uuid.uuid4().hex[:6]}.", policy=policy
    )


@pytest.fixture(scope="module")
def app(api_settings: Settings) -> FastAPI:
    """The API with a failure limit no test of this module reaches but the one that tests it (its own app)."""
    return create_api(api_settings, ApiContext(api_settings, limiter=FailureLimiter(FailureLimit(max_failures=10**6))))


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every operation of the OpenAPI document: (method, path)."""
    return [(method.upper(), path) for path, item in app.openapi()["paths"].items() for method in item]


def test_every_api_route_answers_401_without_a_valid_token(app: FastAPI, client: TestClient) -> None:
    routes = _api_routes(app)
    assert len(routes) >= 15
    for method, path in routes:
        concrete = re.sub(r"\{[^}]+\}", "deadbeef00", path)
        for headers in ({}, {"Authorization": "Bearer sgt_not-a-token-of-the-policy"}):
            answer = client.request(method, concrete, headers=headers, json={})
            assert answer.status_code == 401, (method, path, answer.text)
            assert answer.headers["www-authenticate"] == "Bearer"
            assert "Traceback" not in answer.text


def test_a_client_presenting_wrong_tokens_is_held_back_but_a_good_token_never_is(api_settings: Settings) -> None:
    context = ApiContext(api_settings, limiter=FailureLimiter(FailureLimit(max_failures=3, window_s=60)))
    with TestClient(create_api(api_settings, context)) as client:
        for _ in range(3):
            assert client.get("/api/rules", headers=bearer("mallory")).status_code == 401
        assert client.get("/api/rules", headers=bearer("root")).status_code == 200  # behind the same address
        held = client.get("/api/rules", headers=bearer("mallory"))
        assert held.status_code == 429
        assert 1 <= int(held.headers["retry-after"]) <= 60
        assert "too many failed" in held.json()["detail"]
    metrics = TestClient(create_api(api_settings)).get("/metrics").text
    assert re.search(r"^streamguard_token_failures_total [1-9]", metrics, re.MULTILINE)


def test_a_role_that_may_not_act_gets_403_naming_the_role(client: TestClient, kafka: KafkaEndpoint) -> None:
    refused = client.get("/api/sessions", headers=bearer("sam"))
    assert refused.status_code == 403
    assert refused.json() == {"detail": "sam may not read the evidence: that takes the auditor or admin role"}
    rules = {"rules_yaml": people_rules("x", "hash")}
    assert client.post("/api/rules", headers=bearer("bob"), json=rules).status_code == 403

    topic = kafka.create_topic("raw.api403")
    made = client.post("/api/requests", headers=bearer("root"), json=_delete(topic))
    assert made.status_code == 201
    request_id = made.json()["request"]["id"]
    own = client.post(f"/api/requests/{request_id}/approve", headers=bearer("root"), json={"note": "mine"})
    assert own.status_code == 403
    assert "four eyes" in own.json()["detail"]
    assert client.post(f"/api/requests/{request_id}/approve", headers=bearer("sam"), json={}).status_code == 403

    proof = {"topic": "raw.x", "partition": 0, "offset": 0, "audience": "support"}
    denied = client.get("/api/proofs", headers=bearer("ana"), params=proof)
    assert denied.status_code == 403
    assert "may not see the view of audience support" in denied.json()["detail"]


def test_bad_input_gets_422_naming_the_field_and_never_echoing_it(client: TestClient) -> None:
    secret = "alice@example.com is not a topic"
    answer = client.post(
        "/api/requests",
        headers=bearer("root"),
        json={"operation": {"op": "delete-topic", "topic": secret}, "reason": "x"},
    )
    assert answer.status_code == 422
    assert [problem["field"] for problem in answer.json()["detail"]] == ["operation.delete-topic.topic"]
    assert "alice@example.com" not in answer.text

    assert (
        client.get("/api/sessions", headers=bearer("ada"), params={"limit": 0}).json()["detail"][0]["field"] == "limit"
    )
    bad_rules = {"rules_yaml": "dataset: [", "source_name": "bad.yaml"}
    broken = client.post("/api/rules", headers=bearer("sam"), json=bad_rules)
    assert broken.status_code == 422
    assert broken.json()["detail"].startswith("bad.yaml:1")
    backwards = {"from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}
    assert client.get("/api/reports", headers=bearer("ada"), params=backwards).status_code == 422
    assert client.get("/api/rules/no_such/versions", headers=bearer("ada")).status_code == 404


def test_an_approval_over_http_executes_the_deletion_as_the_command_line_would(
    client: TestClient, kafka: KafkaEndpoint
) -> None:
    topic = kafka.create_topic("raw.apidelete", partitions=2)
    made = client.post("/api/requests", headers=bearer("root"), json=_delete(topic)).json()["request"]
    assert made["state"] == "pending"
    assert made["impact"]["partitions"] == 2
    pending = client.get("/api/requests", headers=bearer("ada"), params={"state": "pending"}).json()
    assert made["id"] in [request["id"] for request in pending]

    decided = client.post(f"/api/requests/{made['id'][:10]}/approve", headers=bearer("bob"), json={"note": "retired"})
    assert decided.status_code == 200, decided.text
    assert decided.json()["state"] == "executed"
    assert topic not in kafka.admin.list_topics(timeout=15).topics
    again = client.post(f"/api/requests/{made['id']}/approve", headers=bearer("bob"), json={})
    assert again.status_code == 409


def test_rules_that_reduce_protection_wait_for_approval_and_their_diff_is_served(client: TestClient) -> None:
    dataset = f"people_{uuid.uuid4().hex[:6]}"

    def submit(action: str) -> dict[str, object]:
        body = {"rules_yaml": people_rules(dataset, action), "reason": "change"}
        answer = client.post("/api/rules", headers=bearer("sam"), json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    assert submit("hash")["applied_version"] == 1
    assert submit("redact")["applied_version"] == 2  # tighter: at once
    waiting = submit("partial, keep_last: 4")
    assert waiting["applied_version"] is None
    assert waiting["request"]["state"] == "pending"
    assert [(c["audience"], c["path"]) for c in waiting["diff"]["changes"] if c["effect"] == "loosens"] == [
        ("analytics", "email")
    ]
    diff = client.get(f"/api/rules/{dataset}/diff", headers=bearer("ada"), params={"from": 1, "to": 2}).json()
    assert {(c["audience"], c["path"], c["before"], c["after"], c["effect"]) for c in diff["changes"]} == {
        ("analytics", "email", "hash", "redact", "tightens")
    }
    views = client.post(
        f"/api/rules/{dataset}/preview",
        headers=bearer("sam"),
        json={"record_json": '{"name": "Ann", "email": "a@b.c"}'},
    ).json()
    assert {view["audience"]: "a@b.c" in view["view_json"] for view in views} == {"analytics": False, "support": True}


def test_metrics_count_requests_and_pending_approvals(client: TestClient, kafka: KafkaEndpoint) -> None:
    client.post("/api/requests", headers=bearer("root"), json=_delete(kafka.create_topic("raw.apimetrics")))
    pending = len(client.get("/api/requests", headers=bearer("ada"), params={"state": "pending"}).json())
    gauge = f"streamguard_approvals_pending {float(pending)}"
    deadline = time.monotonic() + 30  # a scrape reads a cached gauge; the first one has it read in the background
    while gauge not in (metrics := client.get("/metrics")).text and time.monotonic() < deadline:
        time.sleep(0.2)
    assert metrics.headers["content-type"].startswith("text/plain")
    assert gauge in metrics.text
    assert 'streamguard_http_requests_total{method="POST",route="/api/requests",status="201"}' in metrics.text
    assert "ana" not in re.findall(r'"([^"]*)"', metrics.text)  # no principal's name in a label


def test_schemathesis_finds_no_server_error(app: FastAPI) -> None:
    """Generated requests to every operation of the OpenAPI document, as a principal with the admin role (so
    most pass authentication and reach the broker): none answers 5xx."""
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        takes_input = bool(operation.definition.raw.get("parameters") or operation.definition.raw.get("requestBody"))

        examples = EXAMPLES if takes_input else 1  # an operation without input has one request to try

        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        @given(case=operation.as_strategy())
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=bearer("root"), checks=[not_a_server_error])

        call()


def _delete(topic: str) -> dict[str, object]:
    return {"operation": {"op": "delete-topic", "topic": topic}, "reason": "retire it"}


def test_the_console_cookie_is_httponly_and_strict_and_forms_need_the_session_csrf_token(
    client: TestClient, kafka: KafkaEndpoint
) -> None:
    page = client.get("/console/sign-in")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    forged = client.post("/console/sign-in", data={"token": "bob-token", "form_token": "forged"})
    assert forged.status_code == 403
    form_token = re.search(r'name="form_token" value="([^"]+)"', forged.text)  # each form its own token
    assert form_token is not None
    signed = client.post(
        "/console/sign-in", data={"token": "bob-token", "form_token": form_token.group(1)}, follow_redirects=False
    )
    assert signed.status_code == 303
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie

    request_id = client.post("/api/requests", headers=bearer("root"), json=_delete(kafka.create_topic("raw.csrf")))
    approve = f"/console/inbox/{request_id.json()['request']['id']}/approve"
    refused = client.post(approve, data={"csrf": "not-the-session's", "note": "x"})
    assert refused.status_code == 403
    assert "did not come from this console" in refused.text
    inbox = client.get("/console/inbox").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', inbox)
    assert csrf is not None
    done = client.post(approve, data={"csrf": csrf.group(1), "note": "checked"}, follow_redirects=False)
    assert done.status_code == 303
    assert "is+executed" in done.headers["location"]
    client.cookies.clear()
