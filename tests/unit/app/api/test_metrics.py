"""``/metrics`` under a hostile or eager client: made-up methods add no label values, and a scrape storm neither
reads Kafka at each scrape nor waits for it."""

from __future__ import annotations

import re
import secrets
import string
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from streamguard.app.server.api import metrics
from streamguard.app.server.api.context import ApiContext
from streamguard.app.services.control.callers import Caller
from streamguard.control.requests import State
from tests.unit.app.api.served import client_of, served, settings_for

PENDING = re.compile(r"^streamguard_approvals_pending (\S+)$", re.MULTILINE)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Alert:
    rule, severity = "topics_read", "warning"


class Store:
    def alerts(self) -> list[Alert]:
        return [Alert(), Alert()]


class Reads:
    """A stand-in for reading the requests from Kafka: counts its calls, and can be held to look slow."""

    def __init__(self) -> None:
        self.calls: Counter[State | None] = Counter()
        self.release = threading.Event()
        self.release.set()

    def __call__(self, _settings: Any, state: State | None = None) -> list[Caller]:
        self.calls[state] += 1
        assert self.release.wait(10), "the test never released the read"
        return [Caller("a", frozenset()), Caller("b", frozenset()), Caller("c", frozenset())]


def method_labels() -> set[str]:
    return {sample.labels["method"] for metric in metrics.HTTP_REQUESTS.collect() for sample in metric.samples}


def eventually(check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 5
    while not check():
        assert time.monotonic() < deadline, "the background read never finished"
        time.sleep(0.01)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    stand_in = Reads()
    monkeypatch.setattr(metrics, "list_requests", stand_in)
    return stand_in


@pytest.fixture
def context(tmp_path: Path) -> ApiContext:
    made = ApiContext(settings_for(tmp_path), clock=Clock())
    made.store = lambda *_args, **_kwargs: Store()  # type: ignore[method-assign]
    return made


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context: ApiContext) -> TestClient:
    return client_of(served(tmp_path, monkeypatch, context))


def test_made_up_methods_are_one_label_value(client: TestClient) -> None:
    before = method_labels()
    for _ in range(100):
        method = "".join(secrets.choice(string.ascii_uppercase) for _ in range(12))
        assert client.request(method, "/healthz").status_code in (400, 404, 405)
    for method in ("GET", "POST", "DELETE"):
        client.request(method, f"/not-a-route/{secrets.token_hex(4)}")
    assert len(method_labels() - before - {"GET", "POST", "DELETE"}) <= 1
    routes = {sample.labels["route"] for metric in metrics.HTTP_REQUESTS.collect() for sample in metric.samples}
    assert not any(route.startswith("/not-a-route") for route in routes)  # unmatched paths are one route too


def test_a_scrape_storm_reads_the_requests_at_most_once_per_interval(
    client: TestClient, reads: Reads, context: ApiContext
) -> None:
    client.get("/metrics")
    eventually(lambda: PENDING.search(client.get("/metrics").text) is not None)
    for _ in range(50):
        assert PENDING.search(client.get("/metrics").text).group(1) == "3.0"  # type: ignore[union-attr]
    assert reads.calls == {State.PENDING: 1}
    assert 'streamguard_alerts_total{rule="topics_read",severity="warning"} 2.0' in client.get("/metrics").text
    context.clock.now += 31  # type: ignore[attr-defined]
    for _ in range(50):
        client.get("/metrics")
    eventually(lambda: reads.calls[State.PENDING] == 2)
    time.sleep(0.1)
    assert reads.calls == {State.PENDING: 2}


def test_a_scrape_never_waits_for_kafka(client: TestClient, reads: Reads) -> None:
    reads.release.clear()  # Kafka is slow: the read hangs until released
    try:
        started = time.monotonic()
        for _ in range(5):
            assert client.get("/metrics").status_code == 200
        assert time.monotonic() - started < 2
        assert reads.calls == {State.PENDING: 1}  # one read under way, not one per scrape
    finally:
        reads.release.set()
    eventually(lambda: PENDING.search(client.get("/metrics").text) is not None)
