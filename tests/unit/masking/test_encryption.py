"""Encryption tokens: reversible for key holders, refused when tampered or under an unknown key."""

from __future__ import annotations

from typing import Any

import pytest

from streamguard.core.errors import KeyringError, MaskingError
from streamguard.masking.actions import ActionContext, build_action
from streamguard.masking.encryption import decrypt_token
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import FieldRule
from streamguard.masking.schema_tree import Node

KEYRING = Keyring({"k1": b"m" * 32, "k2": b"e" * 32}, {"mask": "k1", "encrypt": "k2"})


STRING = Node(kind="string")


def act(action: str, node: Node = STRING, audience: str = "analytics", klass: str = "contact", **params: Any):
    rule = FieldRule.model_validate({"class": klass, "action": action, **params})
    return build_action(action, rule, node, ActionContext(audience, klass, KEYRING))


def test_decrypt_refuses_tampered_tokens_and_unknown_keys() -> None:
    token = act("encrypt")("secret")
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    with pytest.raises(MaskingError, match="wrong key or altered"):
        decrypt_token(KEYRING, tampered)
    with pytest.raises(KeyringError, match="'k9'"):
        decrypt_token(KEYRING, token.replace(":k2:", ":k9:"))
    with pytest.raises(MaskingError):
        decrypt_token(KEYRING, "plain text")
