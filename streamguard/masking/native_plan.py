"""Compiling a dataset's masking plan for the native engine (the ``streamguard_native`` Rust module).

The engine walks each Avro record body once and writes every audience's view straight to Avro bytes,
copying the bytes of whatever passes. It makes no decisions of its own: this module takes the same
decisions as the Python plan (``plan_compile.decide``), with the same parameters and derived keys (the
helpers of ``actions``, ``generalize`` and ``encryption``), and writes them as a plan document: the writer
schema as slots, each with one op per audience. Constant outputs (redact, null, drop) are encoded here by
fastavro, so they are the Python path's bytes by construction; the other ops are held to the Python plan by
``tests/unit/test_native_plan.py``.

What the engine does not cover raises ``NativeUnsupportedError`` with the reason, and the caller keeps the Python plan:
JSON records, free-text detection, ISO-string dates, and logical types other than date and timestamps.
Keys travel beside the document (ops name them by index), so the document holds no secret.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import fastavro

from streamguard.core.errors import NativeUnsupportedError
from streamguard.masking.actions import hash_length, partial_params, pseudonym_params, redact_value
from streamguard.masking.encryption import encryption_key
from streamguard.masking.generalize import int_floor, network_prefixes
from streamguard.masking.keys import Keyring
from streamguard.masking.plan_compile import Decision, decide
from streamguard.masking.rules import Rules
from streamguard.masking.rules_check import tree_for_rules
from streamguard.masking.schema_tree import MAP_KEY, MAP_KEY_NODE, Node, leaf_paths

try:
    from streamguard_native import ViewEngine
except ImportError:  # the data path then runs the Python plan, and says so once per dataset
    ViewEngine = None

PRIMITIVES = frozenset({"null", "boolean", "int", "long", "float", "double", "bytes", "string"})
NATIVE_LOGICAL = {("int", "date"), ("long", "timestamp-millis"), ("long", "timestamp-micros")}
_NAMED = ("record", "enum", "fixed")
Doc = dict[str, Any]


@dataclass
class NativePlan:
    """The plan document (JSON, no key material) and the derived keys its ops refer to by index."""

    document: str
    keys: list[bytes] = field(repr=False)  # derived keys: never in a repr or a log line

    def engine(self, frame: bytes) -> Any:
        """A ``ViewEngine`` writing ``frame`` before every view (the wire-format header of its schema)."""
        if ViewEngine is None:
            raise NativeUnsupportedError("the streamguard-native module is not installed")
        return ViewEngine(self.document, self.keys, frame)


def compile_native_plan(rules: Rules, keyring: Keyring, parsed_schema: Mapping[str, Any]) -> NativePlan:
    """The native plan of ``rules`` for records written with ``parsed_schema`` (``fastavro.parse_schema``
    output, validated against the rules beforehand). Raises NativeUnsupportedError."""
    if rules.format != "avro":
        raise NativeUnsupportedError(f"{rules.format} records run in the Python plan")
    tree = tree_for_rules(rules, dict(parsed_schema), None)
    drift = tuple(path for path, _ in leaf_paths(tree) if not rules.known_leaf(path))
    compiler = _NativeCompiler(rules, keyring, dict(parsed_schema.get("__named_schemas", {})), drift)
    root = compiler.descend(dict(parsed_schema), tree, "")
    document = {"audiences": len(compiler.audiences), "root": {"path": "", "type": root}}
    return NativePlan(json.dumps(document, separators=(",", ":")), compiler.keys)


@dataclass
class _NativeCompiler:
    rules: Rules
    keyring: Keyring
    named: dict[str, Any]
    drift: tuple[str, ...]  # writer schema leaves the rules were not validated with
    keys: list[bytes] = field(default_factory=list)

    @property
    def audiences(self) -> list[str]:
        return list(self.rules.audiences)

    # -- the schema as slots, walked like ``plan_compile._Compiler.value`` ---------------------------------

    def slot(self, avro: Any, node: Node, path: str, field_def: Mapping[str, Any] | None) -> Doc:
        if path in self.rules.fields and node.is_container and self.drifts_under(path):
            # A passing container's new leaves are unclassified, leaf by leaf: the engine copies a slot whole.
            raise NativeUnsupportedError(f"{path}: schema drift under a ruled container runs in the Python plan")
        if path in self.rules.fields or not node.is_container:
            ops = _share([self.op(audience, avro, node, path, field_def) for audience in self.audiences])
            return {"path": path, "type": self.type_of(avro), "ops": ops if any(ops) else None}
        return {"path": path, "type": self.descend(avro, node, path)}

    def drifts_under(self, path: str) -> bool:
        return any(leaf.startswith((path + ".", path + "[", path + "{")) for leaf in self.drift)

    def descend(self, avro: Any, node: Node, path: str) -> Doc:
        """A container without a rule of its own: its children get slots."""
        avro = self.resolve(avro)
        if isinstance(avro, list):  # a nullable container: the rules apply inside its non-null branch
            branches = [self.type_of(b) if b == "null" else self.descend(b, node, path) for b in avro]
            return {"kind": "union", "branches": branches}
        if avro["type"] == "record":
            prefix = f"{path}." if path else ""
            fields = [self.slot(f["type"], node.fields[f["name"]].node, prefix + f["name"], f) for f in avro["fields"]]
            return {"kind": "record", "fields": fields}
        assert node.item is not None
        if avro["type"] == "array":
            return {"kind": "array", "items": self.slot(avro["items"], node.item, path + "[]", None)}
        mapping = {"kind": "map", "values": self.slot(avro["values"], node.item, path + "{}", None)}
        keys = self.slot("string", MAP_KEY_NODE, path + MAP_KEY, None)  # the engine keeps masked keys distinct
        return mapping | {"keys": keys} if keys["ops"] else mapping

    def type_of(self, avro: Any) -> Doc:
        """The shape the engine needs to validate and copy a value it does not change."""
        avro = self.resolve(avro)
        if isinstance(avro, str):
            return {"kind": avro}
        if isinstance(avro, list):
            return {"kind": "union", "branches": [self.type_of(branch) for branch in avro]}
        kind, logical = avro["type"], avro.get("logicalType")
        if isinstance(kind, (dict, list)) or (kind not in PRIMITIVES and kind not in ("array", "map", *_NAMED)):
            return self.type_of(kind)
        if logical is not None and (kind, logical) not in NATIVE_LOGICAL:
            raise NativeUnsupportedError(f"logical type {logical} runs in the Python plan")
        if kind == "record":
            return {"kind": "record", "fields": [{"path": "", "type": self.type_of(f["type"])} for f in avro["fields"]]}
        if kind == "array":
            return {"kind": "array", "items": {"path": "", "type": self.type_of(avro["items"])}}
        if kind == "map":
            return {"kind": "map", "values": {"path": "", "type": self.type_of(avro["values"])}}
        if kind == "enum":
            return {"kind": "enum", "symbols": len(avro["symbols"])}
        if kind == "fixed":
            return {"kind": "fixed", "size": int(avro["size"])}
        return {"kind": kind, "logical": logical} if logical else {"kind": kind}

    def non_null(self, avro: Any) -> Any:
        """The type of a value an op sees: a nullable union's other branch (ops never see null)."""
        resolved = self.resolve(avro)
        if isinstance(resolved, list):
            [branch] = [b for b in resolved if b != "null"]
            return branch
        return avro

    def resolve(self, avro: Any) -> Any:
        return self.named[avro] if isinstance(avro, str) and avro not in PRIMITIVES else avro

    # -- one audience's op on one slot ---------------------------------------------------------------------

    def op(self, audience: str, avro: Any, node: Node, path: str, field_def: Mapping[str, Any] | None) -> Doc | None:
        clearances = frozenset(self.rules.audiences[audience].clearances)
        decision = decide(self.rules, clearances, path, node)
        if decision is None:
            return None
        action = decision.action
        if action in ("detect", "rest"):
            raise NativeUnsupportedError(f"{path}: free-text detection runs in the Python plan")
        if action in ("redact", "null"):
            # The plan never calls an action on null: a null stays null, any other value becomes the constant.
            value = redact_value(node) if action == "redact" else None
            return {"op": "const", "bytes": list(self.encode(avro, value)), "keep_null": True}
        if action == "drop":
            assert field_def is not None, "drop applies to record fields (validated)"
            return {"op": "const", "bytes": list(self.encode_default(field_def)), "keep_null": False}
        return self.transform(audience, decision, node, path, avro)

    def transform(self, audience: str, decision: Decision, node: Node, path: str, avro: Any) -> Doc:
        action, rule, kind = decision.action, decision.rule, node.kind
        if action == "hash":
            key = self.key(self.keyring.derive("hash", audience))
            if kind == "string":
                return {"op": "hash_hex", "key": key, "length": hash_length(rule)}
            if kind in ("int", "long"):
                return {"op": "hash_int", "key": key, "width": 4 if kind == "int" else 8}
            return (
                {"op": "hash_fixed", "key": key, "size": node.size}
                if kind == "fixed"
                else {"op": "hash_bytes", "key": key}
            )
        if action == "pseudonymize":
            prefix, length = pseudonym_params(rule, decision.field_class)
            return {
                "op": "pseudonym",
                "key": self.key(self.keyring.derive("pseudonym", audience)),
                "prefix": prefix,
                "length": length,
            }
        if action == "partial":
            first, last, mask = partial_params(rule)
            return {"op": "partial", "first": first, "last": last, "mask": mask}
        if action == "encrypt":
            key, head = encryption_key(self.keyring, audience)
            return {"op": "encrypt", "key": self.key(key), "head": head, "as_bytes": kind == "bytes"}
        assert action == "generalize", f"unexpected action {action}"
        assert rule is not None, "generalize always comes from a rule with parameters"
        if rule.to in ("year", "month"):
            if node.logical == "date":
                return {"op": "date_trunc", "to": rule.to}
            if node.logical in ("timestamp-millis", "timestamp-micros"):
                unit = 1000 if node.logical == "timestamp-millis" else 1_000_000
                return {"op": "timestamp_trunc", "to": rule.to, "unit": unit}
            raise NativeUnsupportedError(f"{path}: generalizing ISO date strings runs in the Python plan")
        # Where a generalization would keep the value: the redact value, in the type the op writes (the engine
        # writes a nullable union's branch index itself).
        masked = list(self.encode(self.non_null(avro), redact_value(node)))
        if rule.to == "network":
            v4, v6 = network_prefixes(rule)
            return {"op": "network", "v4": v4, "v6": v6, "masked": masked}
        if rule.size is not None:
            floor = int_floor(kind)
            if floor is not None and rule.size == 1:
                return {"op": "const", "bytes": masked, "keep_null": True}  # every integer is its own bucket
            if floor is not None:
                return {"op": "bucket_int", "step": int(rule.size), "min": floor}
            return {"op": "bucket_float", "size": float(rule.size), "masked": masked}
        return {"op": "prefix", "keep": rule.keep_first or 0, "masked": masked}

    def key(self, material: bytes) -> int:
        if material not in self.keys:
            self.keys.append(material)
        return self.keys.index(material)

    # -- constants, encoded by fastavro exactly as the Python path's views are ------------------------------

    def encode(self, avro: Any, value: Any) -> bytes:
        return self._encode_field({"name": "v", "type": self.by_name(avro)}, {"v": value})

    def encode_default(self, field_def: Mapping[str, Any]) -> bytes:
        """What the writer fills in for a dropped field: its schema default."""
        return self._encode_field(
            {"name": "v", "type": self.by_name(field_def["type"]), "default": field_def["default"]}, {}
        )

    def _encode_field(self, field_def: Doc, record: Doc) -> bytes:
        # No namespace: a named type of the null namespace ("Contact") must resolve to itself, not into ours.
        wrapper = {"type": "record", "name": "_streamguard_native_constant", "fields": [field_def]}
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, fastavro.parse_schema(wrapper, named_schemas=dict(self.named)), record)
        return buffer.getvalue()

    def by_name(self, avro: Any) -> Any:
        """``avro`` with named types referred to by name: they are defined already in ``named``."""
        if isinstance(avro, list):
            return [self.by_name(branch) for branch in avro]
        if not isinstance(avro, dict):
            return avro
        if avro.get("type") in _NAMED:
            return avro["name"]
        if avro.get("type") == "array":
            return {**avro, "items": self.by_name(avro["items"])}
        if avro.get("type") == "map":
            return {**avro, "values": self.by_name(avro["values"])}
        return avro


def _share(ops: list[Doc | None]) -> list[Doc | None]:
    """An op equal to an earlier audience's (same action, parameters and key) becomes a copy of its output:
    audience-independent actions such as partial or generalize then run once per record, not per view."""
    shared: list[Doc | None] = []
    for audience, op in enumerate(ops):
        earlier = next((i for i in range(audience) if op and op["op"] != "const" and ops[i] == op), None)
        shared.append(op if earlier is None else {"op": "same_as", "audience": earlier})
    return shared
