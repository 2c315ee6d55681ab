"""The witness outside Kafka: its state directory, its HTTP service (c2sp.org/tlog-witness) and its clients.

State directory::

    witness.key               the cosigning key, PRIVATE+KEY+<name>+<key id>+base64(0x04 || seed), mode 0600
    logs.json                 the trusted logs, {origin: log vkey}
    state/<sha256(origin)>.json  the last cosigned checkpoint of each origin (and its .lock file)

Checking a request against an origin's state and recording the new state happen under an exclusive fcntl
lock on that origin, and every write is atomic (temp file, fsync, rename, fsync of the directory): two witness
processes on one directory can never both advance an origin, and a crash leaves the old state or the new one.
``HttpWitnessClient`` talks to a served witness; ``FileWitnessClient`` runs the same logic on a local
directory (a witness for one machine). Both raise ``WitnessConflict`` on 409 and ``WitnessRefused`` otherwise.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from streamguard.core.errors import (
    ConfigError,
    EvidenceError,
    WitnessStoreError,
    WitnessUnavailableError,
)
from streamguard.evidence.checkpoint import CosignatureSigner, decode_hash, encode_hash
from streamguard.evidence.signed_note import (
    COSIGNATURE_ED25519,
    ED25519,
    SEED_BYTES,
    BadSignatureError,
    NoteError,
    UnverifiedNoteError,
    VerifierKey,
    generate_seed,
    open_note,
)
from streamguard.evidence.witness_logic import (
    AddCheckpointRequest,
    Cosigned,
    WitnessConflict,
    WitnessRefused,
    WitnessState,
    add_checkpoint,
    requested_checkpoint,
    trusted_key_for,
)

KEY_FILE = "witness.key"
LOGS_FILE = "logs.json"
MAX_REQUEST_BYTES = 1 << 20  # a checkpoint with many post-quantum signatures is ~100 kB; more is not a request


def _write_atomically(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Readers see the old file or the new one, never part of one; ``exclusive`` never replaces a file.
    The temp file is created mode 0600, which the key needs and the rest does not mind."""
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as temp_file:
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        if exclusive:
            os.link(temp, path)  # fails if the file exists: two concurrent inits cannot both make a key
        else:
            os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself must survive a crash
    finally:
        os.close(directory)


def _key_text(signer: CosignatureSigner, seed: bytes) -> str:
    """The key file: the seed with the name and key id it was made for, laid out like a Go note signer key."""
    return f"PRIVATE+KEY+{signer.verifier_key.label}+{base64.b64encode(bytes([COSIGNATURE_ED25519]) + seed).decode()}\n"


class WitnessStore:
    """One witness's state directory."""

    def __init__(self, state_dir: Path) -> None:
        self.state_dir = state_dir
        self._cosigner: CosignatureSigner | None = None

    @classmethod
    def init(cls, state_dir: Path, name: str) -> WitnessStore:
        """Create the directory and the key if missing; an existing key is kept (and must have ``name``)."""
        (state_dir / "state").mkdir(parents=True, exist_ok=True, mode=0o700)
        key_path = state_dir / KEY_FILE
        if not key_path.exists():
            seed = generate_seed()
            with contextlib.suppress(FileExistsError):  # another init made it first: use that one
                _write_atomically(key_path, _key_text(CosignatureSigner(name, seed), seed).encode(), exclusive=True)
        store = cls(state_dir)
        if store.cosigner().name != name:
            raise WitnessStoreError(f"{key_path}: the key is for {store.cosigner().name!r}, not {name!r}")
        return store

    def cosigner(self) -> CosignatureSigner:
        if self._cosigner is None:
            self._cosigner = self._load_key()
        return self._cosigner

    def _load_key(self) -> CosignatureSigner:
        path = self.state_dir / KEY_FILE
        try:
            mode = path.stat().st_mode
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            raise WitnessStoreError(f"{path}: no readable witness key (run 'streamguard witness init')") from None
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise WitnessStoreError(f"{path}: the key is readable by others (mode {mode & 0o777:o}); chmod 600 it")
        parts = text.split("+", 4)  # base64 may contain "+"
        try:
            if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
                raise NoteError("not PRIVATE+KEY+<name>+<key id>+<key>")
            name, id_hex, material = parts[2], parts[3], base64.b64decode(parts[4], validate=True)
            if len(material) != 1 + SEED_BYTES or material[0] != COSIGNATURE_ED25519:
                raise NoteError("not a type 0x04 Ed25519 seed")
            signer = CosignatureSigner(name, material[1:])
        except (NoteError, ValueError) as error:
            raise WitnessStoreError(f"{path}: malformed witness key ({error})") from None
        if signer.verifier_key.key_id.hex() != id_hex:
            raise WitnessStoreError(f"{path}: malformed witness key (its key id does not match the key)")
        return signer

    def trusted_logs(self) -> dict[str, str]:
        path = self.state_dir / LOGS_FILE
        if not path.exists():
            return {}
        try:
            logs = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise WitnessStoreError(f"{path}: cannot read the trusted logs ({error})") from None
        if not isinstance(logs, dict) or not all(isinstance(v, str) for v in logs.values()):
            raise WitnessStoreError(f"{path}: the trusted logs must be an object of origin -> log vkey")
        return logs

    def trust(self, origin: str, log_vkey: str) -> VerifierKey:
        """Trust ``log_vkey`` (an Ed25519 note key) for ``origin``, replacing any earlier key for it."""
        if not origin or "\n" in origin:
            raise WitnessStoreError(f"origin {origin!r} must be one non-empty line")
        key = VerifierKey.parse(log_vkey)
        if key.signature_type != ED25519:
            raise WitnessStoreError(f"{key.label} is not a log key (Ed25519 note key, type 0x01)")
        logs = self.trusted_logs() | {origin: str(key)}
        _write_atomically(self.state_dir / LOGS_FILE, (json.dumps(logs, indent=2, sort_keys=True) + "\n").encode())
        return key

    def _state_path(self, origin: str, suffix: str) -> Path:
        return self.state_dir / "state" / f"{hashlib.sha256(origin.encode()).hexdigest()}{suffix}"

    @contextlib.contextmanager
    def locked(self, origin: str) -> Iterator[None]:
        """Hold the origin's exclusive lock: across processes, and across threads (each call opens its own)."""
        with open(self._state_path(origin, ".lock"), "a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    def recorded(self, origin: str) -> WitnessState | None:
        path = self._state_path(origin, ".json")
        if not path.exists():
            return None
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
            if state["origin"] != origin:
                raise ValueError("the file is for another origin")
            return WitnessState(int(state["size"]), decode_hash(state["root_hash"], "root_hash"))
        except (OSError, ValueError, KeyError, TypeError, EvidenceError) as error:
            raise WitnessStoreError(f"{path}: unusable state of origin {origin!r} ({error})") from None

    def add_checkpoint(self, request: AddCheckpointRequest, timestamp: int) -> Cosigned:
        """Decide and record under the origin's lock: the check and the new state are one step.

        The lock is a file, so the origin's trust and the note's signature are checked before it is taken: a
        witness that made a file for whatever origin it is sent would let anyone who can reach it fill its disk.
        """
        origin = requested_checkpoint(request).origin
        _refuse_unless_signed_by_trusted_log(request, origin, self.trusted_logs())
        with self.locked(origin):
            cosigned = add_checkpoint(request, self.trusted_logs(), self.recorded(origin), self.cosigner(), timestamp)
            state = {
                "origin": origin,
                "size": cosigned.checkpoint.size,
                "root_hash": encode_hash(cosigned.checkpoint.root_hash),
                "note": request.note + cosigned.cosignature,
            }
            _write_atomically(self._state_path(origin, ".json"), (json.dumps(state, indent=2) + "\n").encode())
        return cosigned

    def describe(self) -> dict[str, object]:
        return {"name": self.cosigner().name, "vkey": self.cosigner().vkey, "origins": sorted(self.trusted_logs())}


def _refuse_unless_signed_by_trusted_log(request: AddCheckpointRequest, origin: str, logs: dict[str, str]) -> None:
    """The logic's first two refusals (404 unknown origin, 403 not the log's signature), which need no state; the
    logic checks them again under the lock, against the trusted logs of that moment."""
    log_vkey = trusted_key_for(logs, origin)
    if log_vkey is None:
        raise WitnessRefused(404, f"unknown log origin {origin!r}")
    try:
        open_note(request.note, [VerifierKey.parse(log_vkey)])
    except (UnverifiedNoteError, BadSignatureError) as error:
        raise WitnessRefused(403, f"origin {origin!r}: {error}") from None


def create_app(store: WitnessStore, clock: Callable[[], float] = time.time) -> FastAPI:
    """The tlog-witness submission API on ``store``; ``GET /`` tells the witness's key and known origins."""
    app = FastAPI(title="streamguard witness", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/")
    def describe() -> dict[str, object]:
        return store.describe()

    @app.post("/add-checkpoint")
    async def add(request: Request) -> Response:
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_REQUEST_BYTES:
                return _text(413, f"request is larger than {MAX_REQUEST_BYTES} bytes\n")
        try:
            parsed = AddCheckpointRequest.parse(body.decode())
            cosigned = await run_in_threadpool(store.add_checkpoint, parsed, int(clock()))  # flock blocks
        except UnicodeDecodeError:
            return _text(400, "request is not UTF-8\n")
        except WitnessConflict as conflict:
            return Response(f"{conflict.recorded_size}\n", 409, headers={"content-type": "text/x.tlog.size"})
        except WitnessRefused as refusal:
            return _text(refusal.status, refusal.reason + "\n")
        return _text(200, cosigned.cosignature)

    return app


def _text(status: int, body: str) -> Response:
    return Response(body, status, media_type="text/plain")


class WitnessClient(Protocol):
    def add_checkpoint(self, old_size: int, proof: list[bytes], note: str) -> list[str]:
        """The witness's cosignature lines on the signed checkpoint ``note``, which extends ``old_size``."""
        ...


class HttpWitnessClient:
    """A served witness at ``url`` (its submission prefix); one keep-alive connection, ``close()`` it."""

    def __init__(self, url: str, timeout_s: float = 10.0) -> None:
        self._url = url.rstrip("/")
        self._http = httpx.Client(timeout=timeout_s)

    def add_checkpoint(self, old_size: int, proof: list[bytes], note: str) -> list[str]:
        body = AddCheckpointRequest(old_size, tuple(proof), note).encode().encode()
        try:
            response = self._http.post(f"{self._url}/add-checkpoint", content=body)
        except httpx.HTTPError as error:
            raise WitnessUnavailableError(f"witness {self._url} did not answer ({type(error).__name__})") from None
        if response.status_code == 409 and response.text.rstrip("\n").isdigit():
            size = int(response.text)
            raise WitnessConflict(size, f"witness {self._url} has cosigned size {size}")
        if response.status_code != 200:
            raise WitnessRefused(response.status_code, response.text.strip()[:500])
        lines = response.text.splitlines(keepends=True)
        if not lines or not all(line.startswith("— ") and line.endswith("\n") for line in lines):
            raise EvidenceError(f"witness {self._url} answered 200 without cosignature lines")
        return lines

    def close(self) -> None:
        self._http.close()


class FileWitnessClient:
    """The witness logic in this process on a local state directory: the same answers as the served witness."""

    def __init__(self, state_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self._store = WitnessStore(state_dir)
        self._clock = clock

    def add_checkpoint(self, old_size: int, proof: list[bytes], note: str) -> list[str]:
        request = AddCheckpointRequest(old_size, tuple(proof), note)
        return [self._store.add_checkpoint(request, int(self._clock())).cosignature]


@contextlib.contextmanager
def open_witness(url: str | None) -> Iterator[WitnessClient | None]:
    """The witness of ``STREAMGUARD_WITNESS_URL``: served (http, https) or a local state directory (file)."""
    if not url:
        yield None
        return
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        client = HttpWitnessClient(url)
        try:
            yield client
        finally:
            client.close()
    elif parts.scheme == "file" and parts.path and not parts.netloc:
        yield FileWitnessClient(Path(parts.path))
    else:  # the URL itself is not repeated: it may carry credentials
        raise ConfigError("STREAMGUARD_WITNESS_URL: use http(s)://host:port or file:///path/to/witness/state")
