"""Keyring files and the keyring environment variable."""

from __future__ import annotations

import json

import pytest

from streamguard.core.errors import KeyringError
from streamguard.masking.keyring_file import dump_keyring, load_keyring, parse_keyring


def test_keyring_file_and_environment_parsing() -> None:
    text = dump_keyring({"k1": b"\x02" * 32}, {"mask": "k1", "encrypt": "k1"})
    ring = load_keyring(None, environ={"STREAMGUARD_KEYRING_JSON": text})
    assert ring.active_id("encrypt") == "k1"
    with pytest.raises(KeyringError, match="key 'k1' is not valid base64"):
        parse_keyring(json.dumps({"keys": {"k1": "!!!"}, "active": {}}), source="f.json")
    with pytest.raises(KeyringError, match=r"f\.json: not valid JSON"):
        parse_keyring("{", source="f.json")
    with pytest.raises(KeyringError, match="no keyring"):
        load_keyring(None, environ={})
