"""The served witness keeps files only for logs it trusts: whoever can reach it cannot fill its disk."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from streamguard.app.services.evidence.witness import WitnessStore, create_app
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint
from streamguard.evidence.merkle import leaf_hash, root_of
from streamguard.evidence.signed_note import NoteSigner, generate_seed
from streamguard.evidence.witness_logic import AddCheckpointRequest

TRUSTED = "streamguard/audit/raw.customers:0"
COVERED = "streamguard/audit/raw.orders"  # trusted as ``<prefix>/*``: every partition's origin under it
LEAVES = [leaf_hash(f"event {n}".encode()) for n in range(4)]


def add_checkpoint_body(origin: str, signer: NoteSigner | None = None) -> bytes:
    """A first add-checkpoint request for ``origin`` (old size 0), signed by ``signer`` or a key of its own."""
    note = sign_checkpoint(Checkpoint(origin, 4, root_of(LEAVES)), signer or NoteSigner(origin, generate_seed()))
    return AddCheckpointRequest(0, (), note).encode().encode()


def files_under(directory: Path) -> set[Path]:
    return set(directory.rglob("*"))


@pytest.fixture
def witness(tmp_path: Path) -> tuple[WitnessStore, TestClient, NoteSigner]:
    store = WitnessStore.init(tmp_path / "witness", "witness.test/w1")
    log = NoteSigner(TRUSTED, generate_seed())
    store.trust(TRUSTED, str(log.verifier_key))
    store.trust(f"{COVERED}/*", str(NoteSigner(COVERED, generate_seed()).verifier_key))
    return store, TestClient(create_app(store)), log


def test_checkpoints_of_untrusted_origins_leave_no_file(witness: tuple[WitnessStore, TestClient, NoteSigner]) -> None:
    store, client, _log = witness
    before = files_under(store.state_dir)
    for _ in range(50):
        response = client.post("/add-checkpoint", content=add_checkpoint_body(f"attacker/{secrets.token_hex(8)}"))
        assert response.status_code == 404
    assert files_under(store.state_dir) == before


def test_forged_checkpoints_under_a_trusted_prefix_leave_no_file(
    witness: tuple[WitnessStore, TestClient, NoteSigner],
) -> None:
    store, client, _log = witness
    before = files_under(store.state_dir)
    for _ in range(50):  # origins the ``/*`` entry covers, signed by a key that is not the log's
        response = client.post("/add-checkpoint", content=add_checkpoint_body(f"{COVERED}/{secrets.randbelow(10**9)}"))
        assert response.status_code == 403
    assert files_under(store.state_dir) == before


def test_a_trusted_log_is_still_cosigned_and_its_state_kept(
    witness: tuple[WitnessStore, TestClient, NoteSigner],
) -> None:
    store, client, log = witness
    response = client.post("/add-checkpoint", content=add_checkpoint_body(TRUSTED, log))
    assert response.status_code == 200
    assert response.text.startswith("— witness.test/w1 ")
    assert store.recorded(TRUSTED) is not None
