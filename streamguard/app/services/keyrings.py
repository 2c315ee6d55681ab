"""Where a process's keys come from: a configured keyring, or a development keyring made on first use.

Only the processes that start a deployment's work make a development keyring (the worker and the server, at
start, with ``create=True``); every command that reads keys (verify, proofs, replay, ``keys public``) takes
the keyring that exists, or says there is none, and never makes one as a side effect. In development a missing
keyring at the default path is generated under ``STREAMGUARD_HOME`` (mode 0600, every slot) with a warning,
so ``make demo`` and a bare ``streamguard worker`` work on a fresh machine. A path set in
``STREAMGUARD_KEYRING_PATH`` that does not exist is an error in every mode (a typo must not silently make new
keys, and so new tokens), and with ``STREAMGUARD_ENV=production`` nothing is generated: no keys, no start.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from streamguard.app.settings import Environment, Settings
from streamguard.core.errors import KeyringError
from streamguard.masking.keyring_file import ENV_VAR, generate_keyring_json, load_keyring
from streamguard.masking.keys import Keyring

log = logging.getLogger(__name__)


def deployment_keyring(settings: Settings, *, create: bool = False) -> Keyring:
    """The keyring of ``STREAMGUARD_KEYRING_JSON`` or the keyring file; with ``create`` (a worker or the
    server starting in development), a new one at the default path when there is none."""
    if ENV_VAR in os.environ:
        return load_keyring(None)
    path = settings.resolved_keyring_path
    if path.exists():
        return load_keyring(path)
    if settings.keyring_path is not None:  # a path someone set and mistyped: new keys would change every token
        raise KeyringError(f"STREAMGUARD_KEYRING_PATH={path}: no such keyring file")
    if settings.env is Environment.PRODUCTION:
        raise KeyringError(
            f"STREAMGUARD_ENV=production and no keys configured: set STREAMGUARD_KEYRING_PATH to a keyring "
            f"file (not found: {path}) or {ENV_VAR}"
        )
    if not create:
        raise KeyringError(
            f"no keyring at {path} (a worker or the server makes one when it first starts in development; "
            f"set STREAMGUARD_KEYRING_PATH or {ENV_VAR} to use another)"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_keyring_file(path, generate_keyring_json())
        log.warning("created a development keyring at %s; production keys belong in a secret store", path)
    except FileExistsError:  # another process made it first: use that one
        pass
    return load_keyring(path)


def write_keyring_file(path: Path, text: str) -> None:
    """Write a keyring readable by its owner only, never over an existing file (FileExistsError)."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as keyring_file:
        keyring_file.write(text)
