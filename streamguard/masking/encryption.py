"""Deterministic, reversible field encryption: AES-SIV with a per-audience key, in a self-describing token.

Token: ``sgenc:v1:<key id>:<audience>:<base64url ciphertext>``. Deterministic so equal values stay
joinable inside one audience (and replay reproduces the same output); the key is derived per audience,
so two audiences' tokens for the same value differ. The token names the key id and audience, which is
all a key holder needs to decrypt it.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV

from streamguard.core.errors import MaskingError
from streamguard.masking.keys import Keyring

PREFIX = "sgenc:v1:"
_KEY_BYTES = 64  # AES-SIV with AES-256


def encryption_key(keyring: Keyring, audience: str) -> tuple[bytes, str]:
    """The audience's AES-SIV key from the active encryption key, and the token head that names both."""
    key_id = keyring.active_id("encrypt")
    return keyring.derive("encrypt", audience, key_id=key_id, length=_KEY_BYTES), f"{PREFIX}{key_id}:{audience}:"


class Encryptor:
    """Encrypts strings for one audience with the keyring's active encryption key."""

    __slots__ = ("_aead", "_head")

    def __init__(self, keyring: Keyring, audience: str) -> None:
        key, self._head = encryption_key(keyring, audience)
        self._aead = AESSIV(key)

    def encrypt(self, plaintext: str | bytes) -> str:
        data = plaintext.encode() if isinstance(plaintext, str) else plaintext
        sealed = self._aead.encrypt(data, None)
        return self._head + base64.urlsafe_b64encode(sealed).decode().rstrip("=")


def decrypt_token(keyring: Keyring, token: str) -> bytes:
    """The plaintext bytes of a token; MaskingError for a malformed or tampered token, KeyringError for a
    key this keyring lacks (naming the key id)."""
    if not token.startswith(PREFIX):
        raise MaskingError("not a streamguard encryption token (expected sgenc:v1:...)")
    parts = token[len(PREFIX) :].split(":")
    if len(parts) != 3:
        raise MaskingError("malformed encryption token (expected sgenc:v1:<key id>:<audience>:<data>)")
    key_id, audience, body = parts
    try:
        sealed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise MaskingError("malformed encryption token (bad base64)") from None
    key = keyring.derive("encrypt", audience, key_id=key_id, length=_KEY_BYTES)
    try:
        return AESSIV(key).decrypt(sealed, None)
    except (InvalidTag, ValueError):
        raise MaskingError(f"token does not decrypt with key {key_id!r} (wrong key or altered token)") from None
