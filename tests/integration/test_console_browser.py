"""The web console in headless Chromium (Debian's, driven by Playwright), served by a real ``streamguard api``
process over a real worker's evidence: an approver signs in and approves a topic deletion another principal
asked for, and the topic is gone from the broker; an auditor opens a session and downloads a record's proof,
which ``streamguard prove --check`` accepts; a steward sees two rules versions side by side.

A screenshot of each page is kept under ``local/test-artifacts/console-*.png`` for a person to look at.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from harness.deployment import Deployment
from harness.raw_producer import RawProducer, avro_payload
from harness.sample_data import customers, structured_rules
from harness.worker_process import free_port, wait_until
from streamguard.control.tokens import token_digest
from streamguard.schemas import CUSTOMERS_AVSC, CUSTOMERS_SAMPLE
from tests.browser import chromium_binary
from tests.conftest import KafkaEndpoint

pytestmark = pytest.mark.kafka

ARTIFACTS = Path(__file__).resolve().parents[2] / "local" / "test-artifacts"
RECORDS = 8
PROVED = 5  # a raw offset of partition 0 the worker delivers
PRINCIPALS = {"root": "admin, approver", "bob": "approver", "ada": "auditor", "sam": "steward"}


@dataclass
class Console:
    url: str
    deployment: Deployment
    dataset: str
    raw_topic: str


def _policy() -> str:
    lines = ["principals:"]
    lines += [
        f'  {name}: {{roles: [{role}], token_sha256: "{token_digest(f"{name}-token")}"}}'
        for name, role in PRINCIPALS.items()
    ]
    return "\n".join([*lines, "approvals: {quorum: 1, pending_ttl: 1h, max_grant: 8h}", ""])


def _tightened_and_loosened(rules: str) -> str:
    """Version 2: analytics and support see less of the phone, more of the date of birth."""
    rules = rules.replace(
        "phone:            {class: contact, action: partial, keep_last: 2}", "phone: {class: contact, action: redact}"
    )
    return rules.replace("action: generalize, to: year}", "action: generalize, to: month}")


@pytest.fixture(scope="module")
def console(kafka: KafkaEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    home = tmp_path_factory.mktemp("console")
    deployment = Deployment(kafka.bootstrap, home, environment={"STREAMGUARD_CHECKPOINT_EVERY_S": "1"})
    dataset = f"shown_{uuid.uuid4().hex[:6]}"
    rules = structured_rules(dataset)
    deployment.apply_rules(rules, CUSTOMERS_AVSC.read_text(), who="principal:sam")
    deployment.apply_rules(_tightened_and_loosened(rules), CUSTOMERS_AVSC.read_text(), who="principal:sam")
    raw = deployment.names.raw(dataset)
    worker = deployment.start_worker()
    worker.wait_serving(raw)
    schema_id, schema = deployment.producer_schema(dataset)
    producer = RawProducer(deployment.options)
    for record in customers(RECORDS, seed=11):
        producer.send(raw, record["customer_id"].encode(), avro_payload(schema_id, schema, record), partition=0)
    producer.flush()
    wait_until(lambda: _accounted(deployment, raw) >= RECORDS, 30, "the records audited")
    policy = home / "policy.yaml"
    policy.write_text(_policy())
    port = free_port()
    log = (home / "api.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamguard", "api", "--port", str(port)],
        env=deployment.env(STREAMGUARD_POLICY=str(policy)), cwd=home, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _answers(f"{url}/healthz"), 60, "the API to listen", server)
        yield Console(url, deployment, dataset, raw)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(20)
        log.close()
        deployment.stop_workers()


def _accounted(deployment: Deployment, raw: str) -> int:
    return sum(len(event.accounted_offsets()) for event in deployment.audit_events().get(f"{raw}:0", []))


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium_binary()), args=["--no-sandbox"])
        yield launched
        launched.close()


def _signed_in(browser: Browser, console: Console, name: str, path: str = "/console/") -> Page:
    page = browser.new_context(accept_downloads=True, viewport={"width": 1366, "height": 900}).new_page()
    page.goto(f"{console.url}{path}")
    assert page.url.startswith(f"{console.url}/console/sign-in")  # nobody is signed in yet
    page.get_by_label("Token").fill(f"{name}-token")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{console.url}{path}*")
    return page


def _screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"console-{name}.png"), full_page=True)


def _api(console: Console, method: str, path: str, token: str, body: object = None) -> object:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{console.url}{path}", data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read())


def test_an_approver_signs_in_and_approves_a_topic_deletion_that_then_happens(
    browser: Browser, console: Console, kafka: KafkaEndpoint
) -> None:
    topic = kafka.create_topic("raw.scratch", partitions=2)
    body = {"operation": {"op": "delete-topic", "topic": topic}, "reason": "a scratch topic nobody reads"}
    request_id = _api(console, "POST", "/api/requests", "root-token", body)["request"]["id"]  # type: ignore[index]

    page = _signed_in(browser, console, "bob", "/console/inbox")
    card = page.locator(f"article[data-request='{request_id}']")
    assert "a scratch topic nobody reads" in card.inner_text()
    assert f"delete-topic topic={topic}" in card.inner_text()
    assert "2 partitions" in card.inner_text()
    _screenshot(page, "inbox")
    card.get_by_label("Note (optional)").fill("confirmed with the owner")
    card.get_by_role("button", name="Approve").click()
    page.wait_for_url("**/console/inbox?done=*")
    assert f"{request_id} is executed" in page.get_by_role("status").inner_text()
    assert topic not in kafka.admin.list_topics(timeout=15).topics
    history = page.locator("table[data-section='history']").inner_text()
    assert request_id in history
    assert "executed" in history


def test_the_requester_sees_no_approve_button_on_their_own_request(
    browser: Browser, console: Console, kafka: KafkaEndpoint
) -> None:
    topic = kafka.create_topic("raw.mine")
    body = {"operation": {"op": "delete-topic", "topic": topic}, "reason": "mine"}
    request_id = _api(console, "POST", "/api/requests", "root-token", body)["request"]["id"]  # type: ignore[index]
    page = _signed_in(browser, console, "root", "/console/inbox")
    card = page.locator(f"article[data-request='{request_id}']")
    assert "another approver decides it" in card.inner_text()
    assert card.get_by_role("button", name="Approve").count() == 0


def test_an_auditor_downloads_a_record_proof_that_prove_check_accepts(
    browser: Browser, console: Console, tmp_path: Path
) -> None:
    page = _signed_in(browser, console, "ada", f"/console/sessions?dataset={console.dataset}")
    _screenshot(page, "sessions")
    page.locator("table[data-section='sessions'] a").first.click()
    page.wait_for_url("**/console/sessions/*")
    assert "Deliveries per audience" in page.content()
    deliveries = page.locator("table[data-section='deliveries']").inner_text()
    assert "analytics" in deliveries
    assert "risk" in deliveries

    def sealed() -> bool:
        page.reload()
        return "not sealed yet" not in page.locator("table[data-section='seals']").inner_text()

    wait_until(sealed, 30, "a checkpoint to seal the session")
    page.get_by_role("link", name="Verify this session's chains now").click()
    assert page.locator("[data-verdict='intact']").count() == 1
    _screenshot(page, "session")

    page.get_by_label("Offset", exact=True).fill(str(PROVED))
    page.get_by_label("Audience", exact=True).select_option("analytics")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download proof").click()
    proof = tmp_path / "proof.json"
    download.value.save_as(proof)
    assert json.loads(proof.read_text())["audience"] == "analytics"
    checked = subprocess.run(
        [sys.executable, "-m", "streamguard", "prove", "--check", str(proof)],
        env=console.deployment.env(), cwd=console.deployment.home, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "valid" in checked.stdout


def test_a_steward_sees_what_each_audience_sees_under_two_versions_side_by_side(
    browser: Browser, console: Console
) -> None:
    page = _signed_in(browser, console, "sam", "/console/datasets")
    page.get_by_role("link", name=console.dataset).click()
    page.wait_for_url(f"**/console/datasets/{console.dataset}")
    analytics = page.locator("table[data-section='diff'][data-dataset='analytics']")
    rows = {line.split("\t")[0]: line for line in analytics.inner_text().splitlines()[2:]}
    assert rows["phone"].split("\t")[1:] == ["partial keep_last=2", "redact", "tightens"]
    assert rows["dob"].split("\t")[-1] == "loosens"
    assert "reduces protection" in page.content()
    page.get_by_label("Sample record (JSON)").fill(CUSTOMERS_SAMPLE.read_text().splitlines()[0])  # ssn 536-22-8841
    page.get_by_role("button", name="Preview for every audience").click()
    analytics_view = page.locator("section[data-audience='analytics'] pre").inner_text()
    assert "536-22-8841" not in analytics_view
    assert "[REDACTED]" in analytics_view
    _screenshot(page, "dataset")


def test_the_overview_draws_its_charts_and_every_page_is_keyboard_reachable(browser: Browser, console: Console) -> None:
    page = _signed_in(browser, console, "ada")
    delivered = page.locator("section[aria-labelledby='overview-delivered-heading'] svg[role='img']")
    assert delivered.count() == 1
    assert console.dataset in (delivered.locator("desc").text_content() or "")  # what a screen reader is told
    _screenshot(page, "overview")
    page.keyboard.press("Tab")  # the first stop is the skip link
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
