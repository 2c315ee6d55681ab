"""The keyring: per-audience derivation, never showing key material."""

from __future__ import annotations

import pytest

from streamguard.core.errors import KeyringError
from streamguard.masking.keys import Keyring


def test_keyring_never_shows_key_material() -> None:
    ring = Keyring({"k1": b"\x01" * 32}, {"mask": "k1"})
    assert "\\x01" not in repr(ring)
    assert "AQEB" not in str(ring)
    with pytest.raises(KeyringError, match="no active 'encrypt' key"):
        ring.derive("encrypt", "a")
    with pytest.raises(KeyringError, match="'k7'"):
        Keyring({"k1": b"\x01" * 32}, {"mask": "k7"})
    with pytest.raises(KeyringError, match="shorter than 16"):
        Keyring({"k1": b"short"}, {})
    assert ring.derive("hash", "a") != ring.derive("hash", "b") != ring.derive("pseudonym", "a")
