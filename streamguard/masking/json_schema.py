"""A JSON Schema writer schema: its tree, and the check every view passes before it is written (pure).

The tree follows what a record may hold: ``object`` with ``properties`` (a record; open unless
``additionalProperties`` is false, so keys the schema does not name get the unclassified policy), an object
with only an ``additionalProperties`` schema (a map), ``array`` with ``items``, the scalar types, ``enum``,
``type`` lists and ``anyOf``/``oneOf`` with ``null`` (nullable), ``$ref`` within the document (``#/...``). A
property not in ``required`` may be dropped; ``null`` needs a schema that allows it.

A masked value can satisfy its type and still break the schema (a hash of an e-mail address under
``format: email`` or a ``pattern``): every view is validated against the writer schema before it is written,
and one that fails is quarantined (``unencodable``), never sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import jsonschema_rs

from streamguard.core.errors import PathError, RulesError
from streamguard.masking.schema_tree import FORMAT, FieldSpec, Node

_SCALARS = {"string": "string", "integer": "long", "number": "double", "boolean": "boolean"}
# The formats validators check (JSON Schema's own list): a string under one is a value of that kind.
_CHECKED_FORMATS = frozenset(
    {"date", "date-time", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6"}
    | {"uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer", "regex"}
)
_MAX_DEPTH = 64


class JsonSchemaDocument:
    """One JSON Schema: the tree the rules are checked against, and the validator views pass."""

    def __init__(self, document: Mapping[str, Any], source: str) -> None:
        if not isinstance(document, Mapping):
            raise RulesError(f"{source}: a JSON Schema is an object")
        self.document = document
        remote = next(_remote_refs(document), None)
        if remote is not None:  # never fetched: a schema is read from the registry, not from where it points
            raise RulesError(f"{source}: $ref {remote!r}: only references within the schema (#/...) are supported")
        try:
            self.tree = _Resolver(document).node(document, (), 0)
        except PathError as error:
            raise RulesError(f"{source}: unusable schema ({error})") from None
        if self.tree.kind != "record":
            raise RulesError(f"{source}: the schema describes a {self.tree.kind}, not an object")
        try:
            self._validator = jsonschema_rs.validator_for(dict(document), validate_formats=True, offline=True)
        except (ValueError, jsonschema_rs.ValidationError) as error:
            raise RulesError(f"{source}: not a valid JSON Schema ({type(error).__name__})") from None

    @classmethod
    def parse(cls, text: str, source: str) -> JsonSchemaDocument:
        try:
            return cls(json.loads(text), source)
        except json.JSONDecodeError as error:
            raise RulesError(f"{source}:{error.lineno}: schema is not valid JSON") from None

    def valid(self, record: Any) -> bool:
        return bool(self._validator.is_valid(record))


class _Resolver:
    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document

    def node(self, schema: Any, refs: tuple[str, ...], depth: int) -> Node:
        if depth > _MAX_DEPTH:
            raise PathError("the schema nests too deep")
        if schema is True or schema == {}:
            return Node(kind="any", nullable=True)
        if not isinstance(schema, Mapping):
            raise PathError(f"unsupported schema {type(schema).__name__}")
        if "$ref" in schema:
            return self._referenced(schema["$ref"], refs, depth)
        for keyword in ("anyOf", "oneOf"):
            if keyword in schema:
                return self._alternatives(schema[keyword], refs, depth)
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.node(schema["allOf"][0], refs, depth + 1)
        if "enum" in schema:
            return _enum(schema["enum"])
        types = schema.get("type")
        if isinstance(types, list):
            others = [t for t in types if t != "null"]
            if len(others) != 1:
                return Node(kind="union" if others else "null", nullable="null" in types)
            node = self.node({**schema, "type": others[0]}, refs, depth + 1)
            return replace(node, nullable=node.nullable or "null" in types)
        return self._typed(schema, types, refs, depth)

    def _typed(self, schema: Mapping[str, Any], kind: Any, refs: tuple[str, ...], depth: int) -> Node:
        if kind == "object" or (kind is None and "properties" in schema):
            return self._object(schema, refs, depth)
        if kind == "array":
            items = schema.get("items", True)
            return Node(kind="array", item=self.node(items, refs, depth + 1))
        if kind == "null":
            return Node(kind="null", nullable=True)
        if kind == "string" and schema.get("format") in _CHECKED_FORMATS:
            return Node(kind="string", logical=FORMAT + schema["format"])
        if kind in _SCALARS:
            return Node(kind=_SCALARS[kind])
        if kind is None:
            return Node(kind="any", nullable=True)
        raise PathError(f"unknown type {kind!r}")

    def _object(self, schema: Mapping[str, Any], refs: tuple[str, ...], depth: int) -> Node:
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties", True)
        if not properties and isinstance(extra, Mapping) and extra:
            return Node(kind="map", item=self.node(extra, refs, depth + 1))
        required = set(schema.get("required") or ())
        fields = {
            name: FieldSpec(name, self.node(sub, refs, depth + 1), name not in required)
            for name, sub in properties.items()
        }
        return Node(kind="record", fields=fields, open=extra is not False)

    def _alternatives(self, branches: Any, refs: tuple[str, ...], depth: int) -> Node:
        nodes = [self.node(branch, refs, depth + 1) for branch in branches]
        others = [node for node in nodes if node.kind != "null"]
        nullable = len(others) < len(nodes) or any(node.nullable for node in others)
        if len(others) == 1:
            return replace(others[0], nullable=nullable)
        return Node(kind="union", nullable=nullable)

    def _referenced(self, ref: Any, refs: tuple[str, ...], depth: int) -> Node:
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise PathError(f"$ref {ref!r}: only references within the schema (#/...) are supported")
        if ref in refs:
            raise PathError(f"recursive type {ref!r} is not supported")
        target: Any = self._document
        for part in filter(None, ref[1:].split("/")):
            key = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or key not in target:
                raise PathError(f"$ref {ref!r} points at nothing")
            target = target[key]
        return self.node(target, (*refs, ref), depth + 1)


def _remote_refs(schema: Any) -> Iterator[Any]:
    """Every ``$ref`` anywhere in the document that is not a pointer into it."""
    if isinstance(schema, Mapping):
        ref = schema.get("$ref")
        if ref is not None and not (isinstance(ref, str) and ref.startswith("#")):
            yield ref
        for value in schema.values():
            yield from _remote_refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _remote_refs(value)


def _enum(symbols: Any) -> Node:
    values = list(symbols) if isinstance(symbols, list) else []
    strings = tuple(value for value in values if isinstance(value, str))
    nullable = None in values
    if strings and len(strings) + nullable == len(values):
        return Node(kind="enum", symbols=strings, nullable=nullable)
    return Node(kind="union", nullable=nullable)
