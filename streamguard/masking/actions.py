"""Masking actions, compiled once per (field, audience) into plain closures ``value -> masked value``.

Closures never see ``None`` (the plan passes nulls through) and return a value of the field's own type,
so every masked record still encodes with its schema. ``pass``, ``null`` and ``drop`` are handled by the
plan itself. A closure raises ``ValueMaskingError`` when a value cannot be masked; the plan fails the record.
JSON leaves of unknown type (``kind == "any"``) get a small table of per-Python-type closures.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from streamguard.core.errors import ValueMaskingError
from streamguard.masking.detection import Span, TextScan
from streamguard.masking.encryption import Encryptor
from streamguard.masking.generalize import build_generalize
from streamguard.masking.keys import Keyring
from streamguard.masking.own_values import OwnValueSlot
from streamguard.masking.rules import FieldRule
from streamguard.masking.rules_check import action_problem
from streamguard.masking.schema_tree import FieldSpec, Node
from streamguard.masking.spans import entity_tag, replace_spans

ValueFn = Callable[[Any], Any]
REDACTED = "[REDACTED]"
PSEUDONYM_HEX = 12  # 48 bits: collisions stay unlikely up to millions of values per audience
# Readable pseudonym prefixes by class; a rule's ``prefix`` overrides them.
CLASS_PREFIX = {
    "contact": "person",
    "personal": "person",
    "financial": "account",
    "government_id": "id",
    "health": "patient",
    "credentials": "secret",
    "location": "place",
    "free_text": "text",
}
_LOGICAL_DEFAULTS: dict[str | None, Any] = {
    "uuid": "00000000-0000-0000-0000-000000000000",
    "date": date(1970, 1, 1),
    "time-millis": time(0),
    "time-micros": time(0),
    "timestamp-millis": datetime(1970, 1, 1, tzinfo=UTC),
    "timestamp-micros": datetime(1970, 1, 1, tzinfo=UTC),
    "local-timestamp-millis": datetime(1970, 1, 1),
    "local-timestamp-micros": datetime(1970, 1, 1),
    "decimal": Decimal(0),
}
_KIND_DEFAULTS: dict[str, Any] = {
    "string": REDACTED,
    "bytes": b"",
    "int": 0,
    "long": 0,
    "float": 0.0,
    "double": 0.0,
    "boolean": False,
    "null": None,
    "union": None,
}


@dataclass(frozen=True)
class ActionContext:
    """What a closure may depend on besides its rule and type: the audience, the field's class, keys,
    and the per-batch detection results (one dict, refilled by the plan before each batch)."""

    audience: str
    field_class: str
    keyring: Keyring
    detections: dict[str, TextScan] = field(default_factory=dict)
    strict: bool = False  # the audience's detection mode
    own_values: OwnValueSlot | None = None  # the record's values this audience may not see


def build_action(action: str, rule: FieldRule | None, node: Node, ctx: ActionContext) -> ValueFn:
    """The closure for ``action`` on a value of ``node``'s type (validated beforehand)."""
    if node.kind == "any":
        return _dynamic(action, rule, ctx)
    if action == "null":
        return _to_none
    return _BUILDERS[action](rule, node, ctx)


def _to_none(_value: Any) -> None:
    return None


def redact_value(node: Node) -> Any:
    """The type's default: the constant token for strings, zero, false, the epoch, empty containers."""
    if node.logical in _LOGICAL_DEFAULTS:
        return _LOGICAL_DEFAULTS[node.logical]
    if node.kind == "record":
        return {name: None if s.node.nullable else redact_value(s.node) for name, s in node.fields.items()}
    if node.kind in ("array", "map"):
        return [] if node.kind == "array" else {}
    if node.kind == "enum":
        return node.symbols[0]
    if node.kind == "fixed":
        return bytes(node.size)
    return _KIND_DEFAULTS[node.kind]


def _redact(_rule: FieldRule | None, node: Node, _ctx: ActionContext) -> ValueFn:
    constant = redact_value(node)
    if isinstance(constant, (dict, list)):
        # Containers are mutable: each view gets its own so one consumer's edit cannot reach another.
        return lambda _value: copy.deepcopy(constant)
    return lambda _value: constant


def hash_length(rule: FieldRule | None) -> int:
    """Hex characters of a hashed string (a full SHA-256 unless the rule shortens it)."""
    return (rule.length if rule else None) or 64


def pseudonym_params(rule: FieldRule | None, field_class: str) -> tuple[str, int]:
    """``(prefix, hex length)`` of a field's pseudonyms."""
    prefix = (rule.prefix if rule else None) or CLASS_PREFIX.get(field_class, field_class)
    return prefix, (rule.length if rule else None) or PSEUDONYM_HEX


def partial_params(rule: FieldRule | None) -> tuple[int, int, str]:
    """``(keep_first, keep_last, mask character)`` of a partial mask."""
    if rule is None:
        return 0, 0, "*"
    return rule.keep_first or 0, rule.keep_last or 0, rule.mask_char or "*"


def _hash(rule: FieldRule | None, node: Node, ctx: ActionContext) -> ValueFn:
    key = ctx.keyring.derive("hash", ctx.audience)
    if node.kind == "string":
        length = hash_length(rule)
        return lambda value: hmac.digest(key, value.encode(), "sha256").hex()[:length]
    if node.kind == "bytes":
        return lambda value: hmac.digest(key, value, "sha256")
    if node.kind == "fixed":
        size = node.size
        return lambda value: hashlib.shake_256(hmac.digest(key, value, "sha256")).digest(size)
    width = 4 if node.kind == "int" else 8  # a keyed integer that still fits the field
    return lambda value: int.from_bytes(hmac.digest(key, str(value).encode(), "sha256")[:width], signed=True)


def pseudonym_fn(keyring: Keyring, audience: str, length: int = PSEUDONYM_HEX) -> Callable[[str, str], str]:
    """``(prefix, value) -> prefix_<hex>`` keyed for one audience (shared by fields and detected spans)."""
    key = keyring.derive("pseudonym", audience)
    return lambda prefix, value: f"{prefix}_{hmac.digest(key, value.encode(), 'sha256').hex()[:length]}"


def _pseudonymize(rule: FieldRule | None, _node: Node, ctx: ActionContext) -> ValueFn:
    prefix, length = pseudonym_params(rule, ctx.field_class)
    make = pseudonym_fn(ctx.keyring, ctx.audience, length)
    return lambda value: make(prefix, value)


def _partial(rule: FieldRule | None, _node: Node, _ctx: ActionContext) -> ValueFn:
    first, last, mask = partial_params(rule)

    def partial(value: str) -> str:
        size = len(value)
        if first + last >= size:  # keeping that much would reveal the whole value
            return mask * size
        return value[:first] + mask * (size - first - last) + value[size - last :]

    return partial


def _encrypt(_rule: FieldRule | None, node: Node, ctx: ActionContext) -> ValueFn:
    encryptor = Encryptor(ctx.keyring, ctx.audience)
    if node.kind == "bytes":
        return lambda value: encryptor.encrypt(value).encode()
    return encryptor.encrypt


def _generalize(rule: FieldRule | None, node: Node, _ctx: ActionContext) -> ValueFn:
    assert rule is not None, "generalize always comes from a rule with parameters"
    return build_generalize(rule, node, redact_value(node))


def _detect(rule: FieldRule | None, _node: Node, ctx: ActionContext) -> ValueFn:
    lookup = ctx.detections.get
    replacement: Callable[[Span, str], str] = entity_tag
    if rule is not None and rule.replace == "pseudonym":
        make = pseudonym_fn(ctx.keyring, ctx.audience, rule.length or PSEUDONYM_HEX)
        fixed = rule.prefix

        def replacement(span: Span, text: str) -> str:
            return make(fixed or span.entity_type.lower(), text)

    strict, slot = ctx.strict, ctx.own_values

    def detect(value: str) -> str:
        if not value:
            return value
        scan = lookup(value)
        if scan is None or scan.failed:  # never scanned or scan failed: fail closed
            raise ValueMaskingError("detector_failed")
        spans: tuple[Span, ...] | list[Span] = scan.spans_for(strict)
        own = slot.matcher if slot is not None else None
        if own is not None:
            spans = [*spans, *own.find(value)]
        return replace_spans(value, spans, replacement) if spans else value

    return detect


_BUILDERS: dict[str, Callable[[FieldRule | None, Node, ActionContext], ValueFn]] = {
    "redact": _redact,
    "hash": _hash,
    "pseudonymize": _pseudonymize,
    "partial": _partial,
    "encrypt": _encrypt,
    "generalize": _generalize,
    "detect": _detect,
}
# JSON values by Python type, and the schema kind an action treats them as (bool before int: a subclass).
_JSON_KINDS: tuple[tuple[type, Node], ...] = (
    (str, Node(kind="string")),
    (bool, Node(kind="boolean")),
    (int, Node(kind="long")),
    (float, Node(kind="double")),
    (dict, Node(kind="record")),
    (list, Node(kind="array", item=Node(kind="any"))),
)


def _dynamic(action: str, rule: FieldRule | None, ctx: ActionContext) -> ValueFn:
    """For JSON leaves of unknown type: pick the closure by the value's type; other types fail closed."""
    table: dict[type, ValueFn] = {}
    spec = FieldSpec("value", Node(kind="any"), True)
    for py_type, node in _JSON_KINDS:
        if action_problem(action, rule, node, spec, "value", "json") is None:
            table[py_type] = build_action(action, rule, node, ctx)

    def dynamic(value: Any) -> Any:
        fn = table.get(type(value))
        if fn is None:
            raise ValueMaskingError("type_mismatch")
        return fn(value)

    return dynamic
