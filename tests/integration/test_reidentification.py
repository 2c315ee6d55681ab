"""Re-identification is a risky operation, on the real broker: ``decrypt`` runs on the server, for a role the
policy names, only under an approved and unexpired decryption of the dataset, and each use is an event naming
who re-identified how many values of which dataset; the command line holds no key that could do it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from harness.api_server import serving
from streamguard.agents.kafka_audit_reader import read_audit_events
from streamguard.app.server.api import create_api
from streamguard.app.services.kafka_config import client_options
from streamguard.app.settings import Settings
from streamguard.control.tokens import token_digest
from streamguard.masking.encryption import Encryptor
from streamguard.masking.keyring_file import generate_keyring_json, load_keyring
from tests.conftest import KafkaEndpoint
from tests.integration.scram_clients import eventually

pytestmark = pytest.mark.kafka
ROLES = {"ada": "[auditor]", "bob": "[approver]", "sam": "[steward]"}


def _client(url: str, name: str, home: Path) -> dict[str, str]:
    home.mkdir(exist_ok=True)
    return {
        "PATH": os.environ["PATH"], "STREAMGUARD_API_URL": url, "STREAMGUARD_TOKEN": f"{name}-token",
        "STREAMGUARD_HOME": str(home),
    }  # fmt: skip


def _run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "streamguard", *args]
    return subprocess.run(command, env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_decrypting_takes_a_named_role_an_approval_in_force_and_is_recorded(
    kafka: KafkaEndpoint, tmp_path: Path
) -> None:
    home = tmp_path / "server"
    home.mkdir()
    (home / "keyring.json").write_text(generate_keyring_json())
    policy = home / "policy.yaml"
    lines = [f'  {n}: {{roles: {r}, token_sha256: "{token_digest(f"{n}-token")}"}}' for n, r in ROLES.items()]
    policy.write_text(
        "\n".join(["principals:", *lines, "approvals: {quorum: 1, max_grant: 8h}", "decrypt: {roles: [auditor]}", ""])
    )
    settings = Settings(
        bootstrap=kafka.bootstrap, home=home, system_topic_prefix=f"re{uuid.uuid4().hex[:6]}.", policy=policy
    )
    dataset = "customers"
    encryptor = Encryptor(load_keyring(home / "keyring.json"), "analytics")  # as the worker made them
    tokens = [encryptor.encrypt("536-22-8841"), encryptor.encrypt("078-05-1120"), "sgenc:v1:k1:analytics:bm9wZQ"]
    with serving(create_api(settings)) as url:
        ada, sam, bob = (_client(url, name, tmp_path / name) for name in ("ada", "sam", "bob"))
        stdin = "\n".join(tokens) + "\n"
        before = _run(ada, "decrypt", "--dataset", dataset, stdin=stdin)
        assert before.returncode == 2
        assert "no approved decryption of dataset customers in force" in before.stderr
        steward = _run(sam, "request", "decrypt", dataset, "--for", "2s", "--reason", "a court order")
        assert steward.returncode == 2
        assert "sam may not request decrypt: that takes the auditor role" in steward.stderr

        asked = _run(
            ada, "request", "decrypt", dataset, "--for", "15s", "--reason", "subject access request 19", "--json"
        )
        assert asked.returncode == 0, asked.stderr
        request_id = json.loads(asked.stdout)["id"]
        approved = _run(bob, "approve", request_id, "--json")
        assert json.loads(approved.stdout)["state"] == "executed"

        decrypted = _run(ada, "decrypt", "--dataset", dataset, stdin=stdin)
        assert decrypted.stdout.splitlines() == ["536-22-8841", "078-05-1120"], decrypted.stderr
        assert decrypted.returncode == 1  # the third token is foreign: that line alone fails
        assert "line 3:" in decrypted.stderr
        other = _run(sam, "decrypt", "--dataset", dataset, stdin=stdin)  # not hers: another role, no approval
        assert other.returncode == 2

        runs = [decrypted]  # until its time is up, each use is recorded

        def use() -> subprocess.CompletedProcess[str]:
            runs.append(_run(ada, "decrypt", "--dataset", dataset, stdin=stdin))
            return runs[-1]

        ended = eventually(use, lambda result: result.returncode == 2, timeout_s=40)
        assert "no approved decryption" in ended.stderr  # its time is up: nobody had to act
    assert not any(any((tmp_path / name).iterdir()) for name in ("ada", "sam", "bob"))  # no keyring on any client
    chains = read_audit_events(client_options(settings), settings.topic_names.control_audit)
    used = [event for chain in chains.values() for event in chain if event.kind == "decrypted"]
    uses = sum(1 for run in runs if run.returncode == 1)  # two values, one foreign token
    assert [(e.worker, e.operation["dataset"], e.operation["values"], e.operation["failed"]) for e in used] == [
        ("principal:ada", dataset, 2, 1)
    ] * uses
    assert used[0].operation["request"] == request_id
    assert "536-22-8841" not in json.dumps([e.operation for e in used])  # the values never enter the evidence
