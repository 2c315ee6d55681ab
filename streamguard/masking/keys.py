"""The keyring contract: key ids to key bytes, which key is active for what, and per-audience derivation.

Masking never uses a master key directly. ``derive(purpose, audience)`` runs HKDF-SHA256 with the purpose
and audience in ``info``, so each audience gets its own hash, pseudonym and encryption keys: two audiences
cannot join their outputs, while one audience gets the same token for the same value in every dataset.
Key bytes never appear in a repr, str or error message.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import MappingProxyType

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from streamguard.core.errors import KeyringError

# Which active key serves which purpose: hash and pseudonyms share the "mask" key, encryption its own.
PURPOSE_SLOT = {"hash": "mask", "pseudonym": "mask", "encrypt": "encrypt"}
MIN_KEY_BYTES = 16
_SALT = b"streamguard/v1"


class Keyring:
    """Immutable key id → key bytes, the active key id per slot (``mask``, ``encrypt``, ``sign``, ``evidence``,
    ``control``) and the key ids each slot had active before (``history``: signing keys stay verifiable)."""

    __slots__ = ("_active", "_history", "_keys")

    def __init__(
        self,
        keys: Mapping[str, bytes],
        active: Mapping[str, str],
        history: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        for key_id, material in keys.items():
            if len(material) < MIN_KEY_BYTES:
                raise KeyringError(f"key {key_id!r} is shorter than {MIN_KEY_BYTES} bytes")
        for slot, key_id in active.items():
            if key_id not in keys:
                raise KeyringError(f"active {slot} key {key_id!r} is not in the keyring")
        for slot, key_ids in (history or {}).items():
            if missing := [key_id for key_id in key_ids if key_id not in keys]:
                raise KeyringError(f"earlier {slot} keys {missing} are not in the keyring")
        self._keys = MappingProxyType(dict(keys))
        self._active = MappingProxyType(dict(active))
        self._history = MappingProxyType({slot: tuple(ids) for slot, ids in (history or {}).items()})

    @classmethod
    def ephemeral(cls) -> Keyring:
        """Fresh random keys for previews: outputs differ from run to run and from production."""
        return cls({"preview": os.urandom(32)}, {"mask": "preview", "encrypt": "preview"})

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self._keys))

    @property
    def active(self) -> Mapping[str, str]:
        return self._active

    @property
    def history(self) -> Mapping[str, tuple[str, ...]]:
        return self._history

    def served(self, slot: str) -> tuple[str, ...]:
        """Every key id ``slot`` has had active: the earlier ones, then the active one."""
        active = (self._active[slot],) if slot in self._active else ()
        return (*(key_id for key_id in self._history.get(slot, ()) if key_id not in active), *active)

    def key(self, key_id: str) -> bytes:
        """The bytes of one key; KeyringError naming the id if it is missing."""
        try:
            return self._keys[key_id]
        except KeyError:
            raise KeyringError(f"key {key_id!r} is not in the keyring") from None

    def active_id(self, purpose: str) -> str:
        """The key id in use for a purpose (hash, pseudonym, encrypt)."""
        slot = PURPOSE_SLOT.get(purpose, purpose)
        try:
            return self._active[slot]
        except KeyError:
            raise KeyringError(f"no active {slot!r} key in the keyring (needed for {purpose})") from None

    def derive(self, purpose: str, audience: str, *, key_id: str | None = None, length: int = 32) -> bytes:
        """A subkey for (purpose, audience) from the active key of the purpose's slot, or from ``key_id``."""
        master = self.key(key_id if key_id is not None else self.active_id(purpose))
        info = f"streamguard:{purpose}:{audience}".encode()
        return HKDF(algorithm=hashes.SHA256(), length=length, salt=_SALT, info=info).derive(master)

    def __repr__(self) -> str:
        return f"Keyring(key_ids={list(self.key_ids)}, active={dict(self._active)}, history={dict(self._history)})"

    __str__ = __repr__
