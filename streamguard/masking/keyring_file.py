"""Loading a keyring from a JSON file or ``STREAMGUARD_KEYRING_JSON``, and writing one for development.

Format: ``{"keys": {"<id>": "<base64>"}, "active": {"mask": "<id>", "encrypt": "<id>"}}``. Errors name
the file or variable and the key id, never key material.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping
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
    keys = {key_id: _decode(key_id, value, source) for key_id, value in document["keys"].items()}
    try:
        return Keyring(keys, active)
    except KeyringError as error:
        raise KeyringError(f"{source}: {error}") from None


def _decode(key_id: str, value: Any, source: str) -> bytes:
    if not isinstance(value, str):
        raise KeyringError(f"{source}: key {key_id!r} must be a base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise KeyringError(f"{source}: key {key_id!r} is not valid base64") from None


def dump_keyring(keys: Mapping[str, bytes], active: Mapping[str, str]) -> str:
    """Keyring JSON for development and tests (the caller decides where it goes, and its permissions)."""
    encoded = {key_id: base64.b64encode(material).decode() for key_id, material in keys.items()}
    return json.dumps({"keys": encoded, "active": dict(active)}, indent=2)


def generate_keyring_json(key_id: str = "k1") -> str:
    """A new random keyring with one key active for masking and encryption."""
    return dump_keyring({key_id: os.urandom(32)}, {"mask": key_id, "encrypt": key_id})


def rotated(text: str, *, source: str, slots: tuple[str, ...] = ("mask", "encrypt")) -> tuple[str, str]:
    """The keyring ``text`` with a new random key made active for ``slots``, and the new key's id. Every
    earlier key stays, so old encryption tokens still decrypt and replay can still reproduce old tokens."""
    keyring = parse_keyring(text, source=source)
    keys = {key_id: keyring.key(key_id) for key_id in keyring.key_ids}
    number = 1 + max((int(key_id[1:]) for key_id in keys if key_id[1:].isdigit() and key_id[0] == "k"), default=0)
    new_id = f"k{number}"
    keys[new_id] = os.urandom(32)
    return dump_keyring(keys, {**keyring.active, **dict.fromkeys(slots, new_id)}), new_id
