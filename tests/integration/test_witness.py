"""The witness as a service on 127.0.0.1 and as a local directory: the same answers to the same requests,
state that survives a restart, and one lock per origin so two witnesses on one directory cannot both advance."""

from __future__ import annotations

import json
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner, Result

from streamguard.app.server.commands import witness_commands
from streamguard.app.services.evidence.witness import (
    FileWitnessClient,
    HttpWitnessClient,
    WitnessClient,
    WitnessStore,
    WitnessStoreError,
)
from streamguard.evidence.checkpoint import Checkpoint, sign_checkpoint, verify_cosignature
from streamguard.evidence.merkle import consistency_proof, leaf_hash, root_of
from streamguard.evidence.signed_note import NoteSigner, generate_seed
from streamguard.evidence.witness_logic import WitnessConflict, WitnessRefused

ORIGIN = "streamguard/audit/raw.customers:0"
LOG = NoteSigner(ORIGIN, generate_seed())
LEAVES = [leaf_hash(f"event {n}".encode()) for n in range(20)]
FORKED = [*LEAVES[:6], *(leaf_hash(f"rewritten {n}".encode()) for n in range(6, 20))]  # history edited at 6
SERVE = "from streamguard.app.server.commands.witness_commands import group; group(prog_name='witness')"


def _invoke(*args: str) -> Result:
    app = typer.Typer()
    app.add_typer(witness_commands.group, name="witness")
    return CliRunner().invoke(app, ["witness", *args])


def _cli(*args: str) -> str:
    result = _invoke(*args)
    assert result.exit_code == 0, f"witness {args[0]} failed: {result.output} {result.exception!r}"
    return result.output


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    state = tmp_path / "witness"
    _cli("init", str(state), "--name", "witness.test/w1")
    _cli("trust", str(state), ORIGIN, str(LOG.verifier_key))
    return state


def _note(size: int, leaves: list[bytes] = LEAVES, signer: NoteSigner = LOG, origin: str = ORIGIN) -> str:
    return sign_checkpoint(Checkpoint(origin, size, root_of(leaves[:size])), signer)


def _proof(old: int, new: int, leaves: list[bytes] = LEAVES) -> list[bytes]:
    return consistency_proof(leaves[:new], old)


def _outcome(client: WitnessClient, witness_vkey: str, old: int, proof: list[bytes], note: str) -> str:
    try:
        lines = client.add_checkpoint(old, proof, note)
    except WitnessConflict as conflict:
        return f"conflict {conflict.recorded_size}"
    except WitnessRefused as refusal:
        return f"refused {refusal.status}"
    checkpoint = Checkpoint.parse(note[: note.rindex("\n\n") + 1])
    assert len(lines) == 1
    assert verify_cosignature(witness_vkey, checkpoint, lines[0]) > 0
    return f"cosigned {checkpoint.size}"


def _exercise(client: WitnessClient, witness_vkey: str) -> list[str]:
    other = "streamguard/audit/raw.orders:0"
    steps = [
        (0, [], _note(5)),
        (5, _proof(5, 9), _note(9)),
        (5, _proof(5, 12), _note(12)),  # stale: the witness is at 9
        (9, _proof(9, 12, FORKED), _note(12, FORKED)),  # leaf 6 rewritten after size 9 was cosigned
        (9, _proof(9, 12), _note(12, signer=NoteSigner(ORIGIN, generate_seed()))),  # not the log's key
        (0, [], _note(1, signer=NoteSigner(other, generate_seed()), origin=other)),
        (9, _proof(9, 12), _note(12)),
    ]
    return [_outcome(client, witness_vkey, *step) for step in steps]


EXPECTED = ["cosigned 5", "cosigned 9", "conflict 9", "refused 422", "refused 403", "refused 404", "cosigned 12"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[Path], tuple[subprocess.Popen[bytes], str]]]:
    """Start ``streamguard witness serve`` on a free port; every process started is stopped at the end."""
    started: list[subprocess.Popen[bytes]] = []

    def start(state: Path) -> tuple[subprocess.Popen[bytes], str]:
        port = _free_port()
        log = (tmp_path / f"serve-{len(started)}.log").open("wb")
        command = [sys.executable, "-c", SERVE, "serve", str(state), "--port", str(port)]
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    return process, url
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError(f"the witness did not come up: {log.name}")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def test_the_served_witness_cosigns_refuses_and_keeps_its_state_across_a_restart(state_dir: Path, serve) -> None:
    witness_vkey = _cli("pubkey", str(state_dir)).strip()
    process, url = serve(state_dir)
    client = HttpWitnessClient(url)
    try:
        assert _exercise(client, witness_vkey) == EXPECTED
        stale = httpx.post(f"{url}/add-checkpoint", content=f"old 5\n\n{_note(13)}")
        assert (stale.status_code, stale.headers["content-type"], stale.text) == (409, "text/x.tlog.size", "12\n")
        assert httpx.get(url).json() == {"name": "witness.test/w1", "vkey": witness_vkey, "origins": [ORIGIN]}
    finally:
        client.close()

    process.terminate()
    process.wait(timeout=10)
    _, url = serve(state_dir)
    client = HttpWitnessClient(url)
    try:
        assert _outcome(client, witness_vkey, 0, [], _note(15)) == "conflict 12"
        assert _outcome(client, witness_vkey, 12, _proof(12, 15), _note(15)) == "cosigned 15"
    finally:
        client.close()


def test_the_file_witness_gives_the_same_answers(state_dir: Path) -> None:
    witness_vkey = WitnessStore(state_dir).cosigner().vkey
    assert _exercise(FileWitnessClient(state_dir), witness_vkey) == EXPECTED
    state = json.loads(next((state_dir / "state").glob("*.json")).read_text())
    assert (state["origin"], state["size"]) == (ORIGIN, 12)
    assert _outcome(FileWitnessClient(state_dir), witness_vkey, 9, _proof(9, 12), _note(12)) == "conflict 12"


def test_a_second_witness_on_the_directory_waits_for_the_origin_lock(state_dir: Path) -> None:
    outcomes: list[str] = []
    vkey = WitnessStore(state_dir).cosigner().vkey
    second = threading.Thread(
        target=lambda: outcomes.append(_outcome(FileWitnessClient(state_dir), vkey, 0, [], _note(4)))
    )
    with WitnessStore(state_dir).locked(ORIGIN):  # another witness is checking and recording this origin
        second.start()
        second.join(timeout=0.5)
        assert second.is_alive()
        assert not outcomes
    second.join(timeout=10)
    assert outcomes == ["cosigned 4"]
    assert _outcome(FileWitnessClient(state_dir), vkey, 0, [], _note(6)) == "conflict 4"


def test_init_is_idempotent_and_keeps_the_key_private(state_dir: Path) -> None:
    vkey = _cli("pubkey", str(state_dir)).strip()
    assert _cli("init", str(state_dir), "--name", "witness.test/w1").strip() == vkey
    assert stat.S_IMODE((state_dir / "witness.key").stat().st_mode) == 0o600
    refused = _invoke("init", str(state_dir), "--name", "witness.test/w2")
    assert isinstance(refused.exception, WitnessStoreError)
    assert "the key is for 'witness.test/w1', not 'witness.test/w2'" in str(refused.exception)
    described = json.loads(_cli("pubkey", str(state_dir), "--json"))
    assert described == {"name": "witness.test/w1", "vkey": vkey, "origins": [ORIGIN]}
