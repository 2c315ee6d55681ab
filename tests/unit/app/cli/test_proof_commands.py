"""``streamguard prove --check``: offline, with the log key pinned (``--log-key`` or ``STREAMGUARD_LOG_KEYS``),
exit status 0 for a valid proof and 1 with every problem listed; the command line reads no keyring."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from streamguard.agents.checkpoints import log_signer
from streamguard.app.cli import proof_commands
from streamguard.evidence.audit import GENESIS_HASH, AuditEvent, SourceSpan, event_leaf
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.digests import batch_digest, view_digests
from streamguard.evidence.proofs import ViewRecord, record_proof
from streamguard.masking.keyring_file import generate_keyring_json, load_keyring

LOG_ORIGIN = "streamguard.local/audit"
VIEWS = [b'{"id":"C1"}', b'{"id":"C2"}']
SALT = bytes(range(32))  # the salt of the analytics digests (the worker's, from its evidence key)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with the keyring of the deployment that signed the checkpoint (the test signs with it), and the
    log's public key pinned where the auditor checks."""
    (tmp_path / "keyring.json").write_text(generate_keyring_json())
    vkey = log_signer(load_keyring(tmp_path / "keyring.json"), LOG_ORIGIN).verifier_key
    monkeypatch.setenv("STREAMGUARD_HOME", str(tmp_path))
    monkeypatch.setenv("STREAMGUARD_LOG_KEYS", str(vkey))
    monkeypatch.setenv("STREAMGUARD_API_URL", "http://127.0.0.1:1")  # no server: a check needs none
    return tmp_path


def _proof_file(home: Path) -> Path:
    digest, root = view_digests(VIEWS, SALT)
    output = {"topic": "governed.d.analytics", "partition": 0, "first_offset": 7, "last_offset": 8, "count": 2}
    event = AuditEvent.model_validate(
        {
            "event_id": "e0",
            "recorded_at": "2026-01-01T00:00:00.000+00:00",
            "worker": "w",
            "dataset": "d",
            "source": SourceSpan(topic="raw.d", partition=0, first_offset=0, last_offset=1),
            "rule_version": 1,
            "delivered": [(0, 1)],
            "outputs": {"analytics": {**output, "digest": digest, "merkle_root": root}},
            "input_digest": batch_digest([b"a", b"b"], bytes(32)),
            "key_ids": {"evidence": "k3"},
        }
    ).sealed(0, GENESIS_HASH)
    leaves = [event_leaf(event)]
    signer = log_signer(load_keyring(home / "keyring.json"), LOG_ORIGIN)
    note = sign_checkpoint(Checkpoint(f"{LOG_ORIGIN}/raw.d:0", 1, leaves[0]), signer)
    proof = record_proof(
        raw=("raw.d", 0, 1),
        audience="analytics",
        event=event,
        event_json=event.model_dump_json(),
        views=[ViewRecord(7, VIEWS[0]), ViewRecord(8, VIEWS[1])],
        position=1,
        log_leaves=leaves,
        checkpoint_note=note,
        salt=SALT,
    )
    path = home / "proof.json"
    path.write_text(proof.to_json())
    return path


def _check(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    app.command("prove")(proof_commands.prove)
    app.command("replay")(proof_commands.replay)
    result = CliRunner().invoke(app, ["prove", "--check", *args], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_a_valid_proof_passes_with_the_pinned_log_key(home: Path) -> None:
    code, output = _check(str(_proof_file(home)))
    assert code == 0, output
    assert "valid" in output
    assert "raw.d[0]@1" in output


def test_a_changed_view_fails_with_the_problem_named(home: Path) -> None:
    path = _proof_file(home)
    document = json.loads(path.read_text())
    document["view_value"] = base64.b64encode(b'{"id":"C3"}').decode()
    path.write_text(json.dumps(document))
    code, output = _check(str(path), "--json")
    assert code == 1
    report = json.loads(output)
    assert report["valid"] is False
    assert report["problems"] == [
        "view record governed.d.analytics[0]@8 (leaf 1 of 2) is not included in the Merkle root of audience "
        "analytics in audit event e0: the view value, its salt, the leaf position or the view path was altered"
    ]


def test_another_log_key_and_a_missing_witness_are_named(home: Path) -> None:
    stranger = log_signer(load_keyring(home / "keyring.json"), "other.example/audit").verifier_key
    code, output = _check(str(_proof_file(home)), "--log-key", str(stranger), "--require-witness")
    assert code == 1
    assert f"checkpoint is not signed by a trusted log key ({stranger.label})" in output
    assert "a witness cosignature is required but no witness key was given" in output


def test_without_a_pinned_key_the_check_asks_the_server_and_says_so(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _proof_file(home)
    monkeypatch.delenv("STREAMGUARD_LOG_KEYS")
    app = typer.Typer()
    app.command("prove")(proof_commands.prove)
    result = CliRunner().invoke(app, ["prove", "--check", str(path)])
    assert result.exit_code != 0
    assert "cannot reach the streamguard server at http://127.0.0.1:1" in str(result.exception)
