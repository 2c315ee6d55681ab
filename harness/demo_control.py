"""The demo's control-plane part, as a deployment runs it: the server (``streamguard api``, holding the policy
and the control key) and a witness (its own process, its own key) each in a process of their own, and the
principals' command lines as clients holding a token and the server's URL only. A risky operation (deleting
a scratch topic) is asked for, its requester's own approval refused by the server, a second principal's
approval executes it; then an auditor verifies the evidence against the witness key she pinned."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from confluent_kafka.admin import NewTopic
from rich.console import Console

from harness.deployment import Deployment
from harness.worker_process import free_port
from streamguard.agents.checkpoints import control_signer, log_signer
from streamguard.app.services.evidence.witness import WitnessStore
from streamguard.control.tokens import new_token, token_digest

PRINCIPALS = {"dana": "steward", "ops": "admin", "bob": "approver", "ada": "auditor"}
POLICY_FILE = "demo-policy.yaml"
TOKENS_FILE = "demo-tokens.txt"  # the console's sign-in tokens of the demo principals (development only)
WITNESS = "witness.demo/w1"


def write_policy(path: Path, tokens: dict[str, str]) -> None:
    lines = ["principals:"]
    for name, role in PRINCIPALS.items():
        lines.append(f'  {name}: {{roles: [{role}], token_sha256: "{token_digest(tokens[name])}"}}')
    lines += [
        "  ana: {kafka_user: ana}",
        "audiences:",
        "  analytics: {principals: [ana], group_prefixes: [analytics-]}",
        "owners:",
        "  customers: crm-service",
        "approvals: {quorum: 1, pending_ttl: 1h, max_grant: 8h}",
        "decrypt: {roles: [auditor]}",
    ]
    path.write_text("\n".join(lines) + "\n")


def demo_tokens(path: Path) -> dict[str, str]:
    """The tokens of an earlier run, else new ones: the policy in force knows the earlier run's tokens, and a
    policy giving new ones would wait for an approval by the holders of the old."""
    if path.exists():
        rows = [line.split() for line in path.read_text().splitlines() if line and not line.startswith("#")]
        earlier = {row[0]: row[2] for row in rows if len(row) == 3}
        if earlier.keys() == PRINCIPALS.keys():
            return earlier
    return {name: new_token() for name in PRINCIPALS}


def write_tokens(path: Path, tokens: dict[str, str]) -> None:
    """The demo principals' tokens, readable by this user only, for signing in to the console."""
    path.touch(mode=0o600)
    lines = [f"{name:5} {PRINCIPALS[name]:9} {token}" for name, token in tokens.items()]
    heading = "# principal, role, token: sign in to the console (make console) with one"
    path.write_text("\n".join([heading, *lines]) + "\n")


@dataclass
class ControlPlane:
    """The running server and witness, and how each principal's command line reaches the server."""

    deployment: Deployment
    url: str
    tokens: dict[str, str]
    witness_key: str

    def client(self, name: str, *args: str, exits: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
        """``streamguard ARGS`` as ``name`` runs it: the server's URL and a token, an empty home, no broker.
        An exit status other than ``exits`` stops the demo with the command's own error."""
        home = self.deployment.home / "clients" / name
        home.mkdir(parents=True, exist_ok=True)
        env = {"STREAMGUARD_API_URL": self.url, "STREAMGUARD_TOKEN": self.tokens[name], "STREAMGUARD_HOME": str(home)}
        env |= {"PATH": "/usr/bin:/bin", "COLUMNS": "120"}
        command = [sys.executable, "-m", "streamguard", *args]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode not in exits:
            hint = f" (the policy in force has other tokens than {TOKENS_FILE}: `make clean` starts over)"
            hint = hint if "bearer token" in done.stderr else ""
            raise RuntimeError(f"{name}: streamguard {' '.join(args)} exited {done.returncode}: {done.stderr}{hint}")
        return done


@contextmanager
def control_plane(deployment: Deployment) -> Iterator[ControlPlane]:
    """The demo's policy and tokens written, a witness and the server started; both stopped at the end."""
    tokens = demo_tokens(deployment.home / TOKENS_FILE)
    policy_file = deployment.home / POLICY_FILE
    write_policy(policy_file, tokens)
    write_tokens(deployment.home / TOKENS_FILE, tokens)
    witness_dir, witness_port, server_port = deployment.home / "witness", free_port(), free_port()
    witness_key = _trusting_witness(deployment, witness_dir)
    witness = _start(deployment, ["witness", "serve", str(witness_dir), "--port", str(witness_port)], "witness.log")
    server_env = {
        "STREAMGUARD_POLICY": str(policy_file),
        "STREAMGUARD_WITNESS_URL": f"http://127.0.0.1:{witness_port}",
        "STREAMGUARD_WITNESS_KEYS": witness_key,
    }
    server = _start(deployment, ["api", "--port", str(server_port)], "server.log", **server_env)
    url = f"http://127.0.0.1:{server_port}"
    try:
        _await(f"{url}/healthz", server)
        yield ControlPlane(deployment, url, tokens, witness_key)
    finally:
        for process in (server, witness):
            process.terminate()
            process.wait(timeout=30)


def show_control_plane(plane: ControlPlane, console: Console) -> None:
    """A deletion its requester may not approve, approved by someone else, and one left in the inbox."""
    deployment = plane.deployment
    console.print(f"\n[bold]control plane[/bold]: the server at {plane.url} holds the policy and the control key;")
    console.print("  each principal's command line holds a token and that address, nothing else")
    scratch = deployment.names.raw(f"scratch_{uuid.uuid4().hex[:6]}")
    deployment.admin.create_topics([NewTopic(scratch, 1, 1)])[scratch].result(30)
    asked = plane.client("ops", "request", "delete-topic", scratch, "--reason", "demo", "--json")
    request_id = json.loads(asked.stdout)["id"]
    console.print(f"  ops: streamguard request delete-topic {scratch} -> request {request_id} pending")
    refused = plane.client("ops", "approve", request_id, exits=(2,))  # refused: exit 2
    console.print(f"  ops: streamguard approve {request_id} -> refused by the server: {refused.stderr.strip()}")
    approved = json.loads(plane.client("bob", "approve", request_id, "--note", "checked", "--json").stdout)
    fate = "still there" if scratch in deployment.admin.list_topics(timeout=15).topics else "deleted"
    console.print(f"  bob: streamguard approve {request_id} -> {approved['state']}; {scratch} {fate} on the broker")
    waiting = deployment.names.raw(f"scratch_{uuid.uuid4().hex[:6]}")
    deployment.admin.create_topics([NewTopic(waiting, 1, 1)])[waiting].result(30)
    reason = "left for you: approve it in the console's inbox as bob"
    pending = json.loads(plane.client("ops", "request", "delete-topic", waiting, "--reason", reason, "--json").stdout)
    console.print(
        f"  ops requested the deletion of {waiting} too: request {pending['id']} waits in the console's inbox"
    )


def show_discovery(plane: ControlPlane, console: Console, topic: str) -> None:
    """A steward drafts rules from a read-only sample of a topic: proposals with their evidence, no value."""
    with console.status(f"dana samples {topic} (read-only) and drafts rules for it..."):
        found = json.loads(plane.client("dana", "discover", topic, "--records", "200", "--json").stdout)
    personal = [f"{row['path']} ({row['class']})" for row in found["fields"] if row["class"] != "public"]
    console.print(
        f"  dana: streamguard discover {topic}: {len(personal)} of {len(found['fields'])} fields proposed personal "
        f"from {found['records_sampled']} sampled records: {', '.join(personal)}",
        highlight=False,
    )
    console.print("  (each with its evidence, never a value; --out DIR writes the draft and its schema)")


def _trusting_witness(deployment: Deployment, witness_dir: Path) -> str:
    """A witness state directory trusting the data chains' key and, for the control chain's origin alone, the
    control key; its cosigning key (what an auditor pins)."""
    keyring, origin = deployment.keyring, deployment.settings.log_origin
    store = WitnessStore.init(witness_dir, WITNESS)
    store.trust(f"{origin}/*", str(log_signer(keyring, origin).verifier_key))
    store.trust(f"{origin}/{deployment.names.control}:0", str(control_signer(keyring, origin).verifier_key))
    return store.cosigner().vkey


def _start(deployment: Deployment, args: list[str], log: str, **env: str) -> subprocess.Popen[bytes]:
    output = (deployment.home / log).open("wb")
    command = [sys.executable, "-m", "streamguard", *args]
    return subprocess.Popen(command, env=deployment.env(**env), stdout=output, stderr=subprocess.STDOUT)


def _await(url: str, process: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} (see its log)")
        try:
            if httpx.get(url, timeout=2).is_success:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer at {url} within {timeout_s:.0f} s")
