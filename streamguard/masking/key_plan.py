"""The record key's plan: each audience's view of the Kafka key of a record (pure).

Rules classify the key under ``key:`` like a field. Only deterministic, distinct-preserving actions may apply
to it (hash, pseudonymize, encrypt), so one source key becomes one token per audience: compaction keeps one
record per token, and a tombstone for a source key deletes its token in every compacted view. The key is
taken as bytes (UTF-8 text for a string key): its hash or pseudonym is the same token the same action gives a
string field with that text, so an audience can join a keyed view with its own masked fields.

``compile_key_plan`` decides; ``KeyPlan.mask`` is the Python reference and ``native_key_engine`` hands the
same decisions to the native engine, which the processor prefers (a keyed HMAC per key per audience costs
Python several microseconds).
"""

from __future__ import annotations

import hmac
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from streamguard.masking.actions import hash_length, pseudonym_params
from streamguard.masking.encryption import Encryptor, encryption_key
from streamguard.masking.keys import Keyring
from streamguard.masking.rules import FieldRule, KeyFields, Rules

try:
    from streamguard_native import KeyEngine
except ImportError:  # the processor then masks keys in Python
    KeyEngine = None

KeyFn = Callable[[bytes], bytes]
Keys = Sequence[bytes | None]


@dataclass(frozen=True)
class KeyPlan:
    """One key function per audience (None: the key passes), the native plan of the same decisions, and the
    ``class/action`` applications per keyed record."""

    fns: tuple[KeyFn | None, ...]
    document: str
    secrets: list[bytes] = field(repr=False)
    action_counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def passes(self) -> bool:
        return all(fn is None for fn in self.fns)

    def mask(self, keys: Keys) -> list[list[bytes | None]]:
        """Each audience's keys, in order (None stays None: a record without a key)."""
        shared = list(keys)
        return [shared if fn is None else [None if k is None else fn(k) for k in keys] for fn in self.fns]


def compile_key_plan(rules: Rules, keyring: Keyring) -> KeyPlan:
    """The key plan of ``rules`` (validated: the key is classified, its action one of ``KEY_ACTIONS``)."""
    rule = rules.key
    if isinstance(rule, KeyFields):
        raise TypeError(f"{rules.dataset}: an Avro key is masked field by field (Rules.key_rules), not whole")
    fns: list[KeyFn | None] = []
    ops: list[dict[str, Any] | None] = []
    secrets: list[bytes] = []
    counts: Counter[str] = Counter()
    for audience in rules.audiences:
        clearances = rules.audiences[audience].clearances
        if rule is None or rule.class_ == "public" or rule.class_ in clearances or rule.effective_action == "pass":
            fns.append(None)
            ops.append(None)
            continue
        fn, op, secret = _key_action(rule, keyring, audience)
        counts[f"{rule.class_}/{rule.effective_action}"] += 1
        fns.append(fn)
        ops.append({**op, "key": len(secrets)})
        secrets.append(secret)
    document = json.dumps({"audiences": len(fns), "ops": ops}, separators=(",", ":"))
    return KeyPlan(tuple(fns), document, secrets, dict(counts))


def _key_action(rule: FieldRule, keyring: Keyring, audience: str) -> tuple[KeyFn, dict[str, Any], bytes]:
    """The Python function, the native op and its key for one audience's masked key."""
    action = rule.effective_action
    if action == "hash":
        secret, length = keyring.derive("hash", audience), hash_length(rule)

        def hashed(key: bytes) -> bytes:
            return hmac.digest(secret, key, "sha256").hex()[:length].encode()

        return hashed, {"op": "hash_hex", "length": length}, secret
    if action == "pseudonymize":
        prefix, length = pseudonym_params(rule, rule.class_)
        secret = keyring.derive("pseudonym", audience)

        def pseudonym(key: bytes) -> bytes:
            return f"{prefix}_{hmac.digest(secret, key, 'sha256').hex()[:length]}".encode()

        return pseudonym, {"op": "pseudonym", "prefix": prefix, "length": length}, secret
    assert action == "encrypt", f"key action {action} passed validation"
    encryptor = Encryptor(keyring, audience)
    secret, head = encryption_key(keyring, audience)

    def encrypted(key: bytes) -> bytes:
        return encryptor.encrypt(key).encode()

    return encrypted, {"op": "encrypt", "head": head, "as_bytes": True}, secret


def native_key_engine(plan: KeyPlan) -> Any:
    """The native engine for ``plan``, or None where the module is missing (the Python reference serves)."""
    return None if KeyEngine is None else KeyEngine(plan.document, plan.secrets)
