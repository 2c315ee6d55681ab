"""Loading a keyring from a JSON file or ``STREAMGUARD_KEYRING_JSON``, and writing one for development.

Format: ``{"keys": {"<id>": "<base64>"}, "active": {"mask": "<id>", "encrypt": "<id>", ...}, "history": {"sign":
["<id>", ...]}}``. Slots: ``mask`` (hashes, pseudonyms) and ``encrypt`` (the data path's tokens), ``sign`` (the
data chains' checkpoints), ``evidence`` (the salts of the evidence's record digests), ``control`` (the control
chain's checkpoints). A worker's keyring holds the first four, the server's ``control`` (and those replay,
proofs and decryption need); a development keyring holds them all. ``history`` lists the keys a slot had
active before a rotation, so checkpoints they signed stay verifiable. Errors name the file or variable and
the key id, never key material.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from streamguard.core.errors import KeyringError
from streamguard.masking.keys import Keyring

ENV_VAR = "STREAMGUARD_KEYRING_JSON"


def load_keyring_file(path: str | Path) -> Keyring:
    """Read a keyring file; KeyringError naming the file on any problem."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise KeyringError(f"{file}: cannot read keyring ({error.strerror})") from None
    return parse_keyring(text, source=str(file))


def load_keyring(path: str | Path | None = None, environ: Mapping[str, str] | None = None) -> Keyring:
    """The keyring from ``path`` if given, else from the environment variable; KeyringError if neither."""
    if path is not None:
        return load_keyring_file(path)
    env = os.environ if environ is None else environ
    if ENV_VAR in env:
        return parse_keyring(env[ENV_VAR], source=ENV_VAR)
    raise KeyringError(f"no keyring: pass a keyring file or set {ENV_VAR}")


def parse_keyring(text: str, *, source: str) -> Keyring:
    """Parse keyring JSON text (``source`` names where it came from in errors)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        # The position only: the message of a JSON error may quote key material.
        raise KeyringError(f"{source}: not valid JSON (line {error.lineno})") from None
    if not isinstance(document, dict) or not isinstance(document.get("keys"), dict):
        raise KeyringError(f'{source}: expected {{"keys": {{id: base64}}, "active": {{...}}}}')
    active = document.get("active", {})
    if not isinstance(active, dict) or not all(isinstance(v, str) for v in active.values()):
        raise KeyringError(f"{source}: active must map slot names to key ids")
    history = document.get("history", {})
    if not isinstance(history, dict) or not all(
        isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in history.values()
    ):
        raise KeyringError(f"{source}: history must map slot names to lists of key ids")
    keys = {key_id: _decode(key_id, value, source) for key_id, value in document["keys"].items()}
    try:
        return Keyring(keys, active, {slot: tuple(ids) for slot, ids in history.items()})
    except KeyringError as error:
        raise KeyringError(f"{source}: {error}") from None


def _decode(key_id: str, value: Any, source: str) -> bytes:
    if not isinstance(value, str):
        raise KeyringError(f"{source}: key {key_id!r} must be a base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise KeyringError(f"{source}: key {key_id!r} is not valid base64") from None


def dump_keyring(
    keys: Mapping[str, bytes], active: Mapping[str, str], history: Mapping[str, Sequence[str]] | None = None
) -> str:
    """Keyring JSON for development and tests (the caller decides where it goes, and its permissions)."""
    encoded = {key_id: base64.b64encode(material).decode() for key_id, material in keys.items()}
    document: dict[str, Any] = {"keys": encoded, "active": dict(active)}
    if history:
        document["history"] = {slot: list(ids) for slot, ids in history.items() if ids}
    return json.dumps(document, indent=2)


DATA_PATH_SLOTS = ("mask", "encrypt", "sign", "evidence")
SIGNING_SLOTS = ("sign", "control")  # each never shares its key with another slot
EVERY_SLOT = (*DATA_PATH_SLOTS, "control")
# What each process's keyring holds: a worker signs the data chains, the server the control chain; both mask,
# encrypt and salt digests (the server for replay, proofs and decryption).
SLOTS_OF = {"worker": DATA_PATH_SLOTS, "server": ("mask", "encrypt", "evidence", "control")}


def keyring_for(text: str, *, source: str, holder: str) -> str:
    """The keyring ``text`` as ``holder`` (a key of ``SLOTS_OF``) may hold it: every key a slot it does not hold
    has had is taken out, with that slot; every other key stays (earlier masking and encryption keys, producers'
    keys), so what the holder needs to read old tokens or verify old checkpoints is all there."""
    keyring = parse_keyring(text, source=source)
    kept_slots = SLOTS_OF[holder]
    if missing := [slot for slot in kept_slots if slot not in keyring.active]:
        raise KeyringError(f"{source}: no active {', '.join(missing)} key for the {holder}")
    kept_ids = {key_id for slot in kept_slots for key_id in keyring.served(slot)}
    other_slots = (keyring.active.keys() | keyring.history.keys()) - set(kept_slots)
    dropped_ids = {key_id for slot in other_slots for key_id in keyring.served(slot)} - kept_ids
    keys = {key_id: keyring.key(key_id) for key_id in keyring.key_ids if key_id not in dropped_ids}
    active = {slot: key_id for slot, key_id in keyring.active.items() if slot in kept_slots}
    history = {slot: ids for slot, ids in keyring.history.items() if slot in kept_slots}
    return dump_keyring(keys, active, history)


def generate_keyring_json(slots: Sequence[str] = EVERY_SLOT, extra_keys: Mapping[str, bytes] | None = None) -> str:
    """A new random keyring for ``slots``: masking and encryption share one key, every other slot has its own;
    ``extra_keys`` beside them (producers' signing keys, ``producer:<identity>``)."""
    keys: dict[str, bytes] = dict(extra_keys or {})
    active: dict[str, str] = {}
    for slot in slots:
        shared = "mask" if slot == "encrypt" and "mask" in active else None
        key_id = active[shared] if shared else f"k{len(set(active.values())) + 1}"
        keys.setdefault(key_id, os.urandom(32))
        active[slot] = key_id
    return dump_keyring(keys, active)


def rotated(text: str, *, source: str, slots: tuple[str, ...] = ("mask", "encrypt")) -> tuple[str, str]:
    """The keyring ``text`` with a new random key made active for ``slots``, and the new key's id. Every
    earlier key stays, so old encryption tokens still decrypt and replay can still reproduce old tokens; a
    slot's earlier key goes to its history, so checkpoints it signed stay verifiable."""
    if len(slots) > 1 and set(slots) & {*SIGNING_SLOTS, "evidence"}:
        raise KeyringError(f"{source}: rotate {', '.join(slots)} one at a time: a signing key shares nothing")
    keyring = parse_keyring(text, source=source)
    keys = {key_id: keyring.key(key_id) for key_id in keyring.key_ids}
    number = 1 + max((int(key_id[1:]) for key_id in keys if key_id[1:].isdigit() and key_id[0] == "k"), default=0)
    new_id = f"k{number}"
    keys[new_id] = os.urandom(32)
    history = {slot: list(ids) for slot, ids in keyring.history.items()}
    history |= {slot: list(keyring.served(slot)) for slot in slots if slot in keyring.active}
    return dump_keyring(keys, {**keyring.active, **dict.fromkeys(slots, new_id)}, history), new_id
