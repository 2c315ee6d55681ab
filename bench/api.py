"""What the HTTP door costs: the same operation through the API (a real uvicorn server on 127.0.0.1, an httpx
client with keep-alive) and as the command line runs it (the function call in-process), same run.

    .venv/bin/python -m bench.api [--rounds R]

Method: one isolated deployment on the local broker, a policy with a requester and an approver, a few
pending requests. Each round, alternating the doors so neither gets a warmer broker: listing the pending
requests (``GET /api/requests?state=pending`` against ``approvals.list_requests``), the console's inbox page
(``GET /console/inbox`` signed in, which also renders the HTML) against the same listing, and approving a
``delete-topic`` request that then runs (``POST /api/requests/{id}/approve`` against ``approvals.decide``);
then both again as a principal's command line runs them, a client of the server (``streamguard approvals
list`` and ``streamguard approve``, each a new process holding a token and the URL). Prints each round, the
medians and the ratios (HTTP / in-process, command line / in-process).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path

import httpx
from confluent_kafka.admin import AdminClient, NewTopic
from pydantic import SecretStr

from bench.approvals import control_deployment
from bench.pipeline import local_bootstrap
from harness.api_server import serving
from streamguard.app.server.api import create_api
from streamguard.app.services.control import approvals
from streamguard.app.services.control.callers import Caller, authenticate, read_policy
from streamguard.app.settings import Settings
from streamguard.control.policy import Policy
from streamguard.control.requests import DeleteTopic, State

PENDING = 5  # requests waiting while the lists are measured


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def signed_in(client: httpx.Client, token: str) -> None:
    form = client.get("/console/sign-in").text
    form_token = re.search(r'name="form_token" value="([^"]+)"', form)
    assert form_token is not None
    answer = client.post("/console/sign-in", data={"token": token, "form_token": form_token.group(1)})
    assert answer.status_code == 303, answer.text


def command_line(url: str, token: str, home: Path, *args: str) -> None:
    """``streamguard ARGS`` as a principal runs it: a new process with a token and the server's URL."""
    env = {"PATH": os.environ["PATH"], "STREAMGUARD_HOME": str(home), "STREAMGUARD_API_URL": url}
    env["STREAMGUARD_TOKEN"] = token
    done = subprocess.run([sys.executable, "-m", "streamguard", *args], env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()[-300:]


def ok(answer: httpx.Response) -> httpx.Response:
    assert answer.status_code == 200, answer.text[:300]
    return answer


class Bench:
    def __init__(self, settings: Settings, policy: Policy, admin: AdminClient) -> None:
        self.settings, self.policy, self.admin = settings, policy, admin
        self.ops, self.bob = (self._caller(name) for name in ("ops", "bob"))

    def _caller(self, name: str) -> Caller:
        return authenticate(self.settings.model_copy(update={"token": SecretStr(name)}), self.policy)

    def new_request(self) -> str:
        topic = f"raw.bench_{uuid.uuid4().hex[:8]}"
        self.admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(30)
        return approvals.request_operation(self.settings, self.policy, self.ops, DeleteTopic(topic=topic), "bench").id

    def approve(self, request_id: str) -> State:
        return approvals.decide(self.settings, self.policy, self.bob, request_id, approving=True, text="bench").state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bootstrap = local_bootstrap()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="streamguard-bench-api-") as home:
        settings = control_deployment(bootstrap, Path(home))
        policy = read_policy(settings.policy)  # type: ignore[arg-type]
        bench = Bench(settings, policy, AdminClient({"bootstrap.servers": bootstrap}))
        for _ in range(PENDING):
            bench.new_request()
        bearer = {"Authorization": "Bearer bob"}
        with serving(create_api(settings)) as url, httpx.Client(base_url=url, timeout=60) as client:
            signed_in(client, "bob")
            for round_number in range(1, args.rounds + 1):
                rounds = {
                    "list, in-process": lambda: approvals.list_requests(settings, State.PENDING),
                    "list, HTTP": lambda: ok(client.get("/api/requests", params={"state": "pending"}, headers=bearer)),
                    "inbox page, HTTP": lambda: ok(client.get("/console/inbox")),
                }
                for name, call in rounds.items():
                    times.setdefault(name, []).append(timed(call))
                times.setdefault("approve, in-process", []).append(timed(partial(bench.approve, bench.new_request())))
                approve = f"/api/requests/{bench.new_request()}/approve"
                post = partial(client.post, approve, json={"note": "bench"}, headers=bearer)
                times.setdefault("approve, HTTP", []).append(timed(lambda: ok(post())))  # noqa: B023 - called at once
                as_bob = partial(command_line, url, "bob", Path(home))
                listing = partial(as_bob, "approvals", "list", "--state", "pending", "--json")
                times.setdefault("list, command line", []).append(timed(listing))
                approving = partial(as_bob, "approve", bench.new_request())
                times.setdefault("approve, command line", []).append(timed(approving))
                print(f"round {round_number}: " + ", ".join(f"{k} {v[-1] * 1000:.0f} ms" for k, v in times.items()))
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    print(f"medians over {args.rounds} rounds: " + ", ".join(f"{k} {v:.0f} ms" for k, v in medians.items()))
    print(
        f"ratios (HTTP / in-process): list {medians['list, HTTP'] / medians['list, in-process']:.2f}, "
        f"inbox page {medians['inbox page, HTTP'] / medians['list, in-process']:.2f}, "
        f"approve {medians['approve, HTTP'] / medians['approve, in-process']:.2f}"
    )
    print(
        f"ratios (command line / in-process): list {medians['list, command line'] / medians['list, in-process']:.2f}, "
        f"approve {medians['approve, command line'] / medians['approve, in-process']:.2f}"
    )


if __name__ == "__main__":
    main()
