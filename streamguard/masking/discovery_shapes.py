"""The shape of sampled records where no schema gives it, and what a schema says beyond shape (pure): the
tree of JSON records that may differ from one another, and the ``confluent:tags`` of an Avro schema's fields
or a JSON Schema's properties. ``streamguard.masking.discovery`` judges the leaves of that tree."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from streamguard.masking.schema_tree import FieldSpec, Node


def schema_tags(schema_text: str, fmt: str) -> dict[str, frozenset[str]]:
    """The ``confluent:tags`` of an Avro schema's fields or a JSON Schema's properties, by steward path
    (Protobuf's field options are not read: those fields are judged on their values and names)."""
    try:
        schema = json.loads(schema_text)
    except ValueError:
        return {}
    found: dict[str, frozenset[str]] = {}
    if fmt == "avro":
        _avro_tags(schema, "", found)
    elif fmt == "jsonschema":
        _json_schema_tags(schema, "", found)
    return found


def _avro_tags(schema: Any, path: str, found: dict[str, frozenset[str]]) -> None:
    if isinstance(schema, list):
        for branch in schema:
            _avro_tags(branch, path, found)
    elif isinstance(schema, Mapping):
        if schema.get("type") == "record":
            for item in schema.get("fields", []):
                child = f"{path}.{item['name']}" if path else str(item["name"])
                if item.get("confluent:tags"):
                    found[child] = frozenset(str(tag).upper() for tag in item["confluent:tags"])
                _avro_tags(item.get("type"), child, found)
        elif schema.get("type") in ("array", "map"):
            _avro_tags(
                schema.get("items" if schema["type"] == "array" else "values"), path + _DESCENT[schema["type"]], found
            )


_DESCENT = {"array": "[]", "map": "{}"}


def _json_schema_tags(schema: Any, path: str, found: dict[str, frozenset[str]]) -> None:
    if not isinstance(schema, Mapping):
        return
    for name, sub in (schema.get("properties") or {}).items():
        child = f"{path}.{name}" if path else str(name)
        if isinstance(sub, Mapping) and sub.get("confluent:tags"):
            found[child] = frozenset(str(tag).upper() for tag in sub["confluent:tags"])
        _json_schema_tags(sub, child, found)
    if isinstance(schema.get("items"), Mapping):
        _json_schema_tags(schema["items"], path + "[]", found)


def merged_json_tree(records: Sequence[Any]) -> Node:
    """One open tree for JSON records that may differ: the keys that recur (in at least ``RECURRING`` of the
    records that have their parent). A key seen in few records is more likely data than a field (an e-mail
    address as a key): it is not named in the draft, and the unclassified policy masks it, name and value."""
    root: Node = Node(kind="record", fields={}, open=True)
    counts: Counter[str] = Counter()
    for record in records:
        if isinstance(record, Mapping):
            root = _merge(root, _json_node(record))
            counts.update(_field_paths(record, ""))
    return _recurring(root, counts, "", len(records))


RECURRING = 0.2


def _field_paths(value: Mapping[str, Any], prefix: str) -> set[str]:
    paths = set()
    for name, item in value.items():
        paths.add(prefix + name)
        if isinstance(item, Mapping):
            paths |= _field_paths(item, f"{prefix}{name}.")
    return paths


def _recurring(node: Node, counts: Counter[str], prefix: str, parents: int) -> Node:
    fields = {}
    for name, spec in node.fields.items():
        seen = counts[prefix + name]
        if not _NAMEABLE.match(name) or seen < RECURRING * parents:
            continue
        child = _recurring(spec.node, counts, f"{prefix}{name}.", seen) if spec.node.kind == "record" else spec.node
        fields[name] = replace(spec, node=child)
    return replace(node, fields=fields)


_NAMEABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")  # what a rule path can name


def _json_node(value: Any) -> Node:
    if isinstance(value, Mapping):
        return Node(kind="record", fields={k: FieldSpec(k, _json_node(v), True) for k, v in value.items()}, open=True)
    if isinstance(value, list):
        item = Node(kind="any", nullable=True)
        for element in value:
            item = _merge(item, _json_node(element))
        return Node(kind="array", item=item, nullable=True)
    kind = {bool: "boolean", int: "long", float: "double", str: "string"}.get(type(value), "any")
    return Node(kind=kind, nullable=True)


def _merge(left: Node, right: Node) -> Node:
    if left.kind == "any":
        return right
    if right.kind == "any" or left.kind != right.kind:
        return left if right.kind == "any" else Node(kind="any", nullable=True)
    if left.kind == "record":
        names = dict.fromkeys([*left.fields, *right.fields])
        fields = {
            name: FieldSpec(name, _merge(*_pair(left.fields.get(name), right.fields.get(name))), True) for name in names
        }
        return Node(kind="record", fields=fields, open=True, nullable=True)
    if left.kind == "array" and left.item is not None and right.item is not None:
        return Node(kind="array", item=_merge(left.item, right.item), nullable=True)
    return left


def _pair(left: FieldSpec | None, right: FieldSpec | None) -> tuple[Node, Node]:
    absent = Node(kind="any", nullable=True)
    return (left.node if left else absent), (right.node if right else absent)
