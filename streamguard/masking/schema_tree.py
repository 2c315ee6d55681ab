"""A small, uniform view of a record's shape, built from an Avro schema, a JSON sample or rule paths.

Rules validation and plan compilation both walk this tree instead of raw Avro JSON, so nullable unions,
named-type references and JSON records all look the same to them. Paths use the steward syntax:
``address.zip`` (nested record), ``items[]`` (array elements), ``attrs{}`` (map values), ``attrs{key}`` (map
keys: a leaf of its own, classified like any other).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from streamguard.core.errors import PathError

# "any" is a JSON leaf of unknown type: actions on it dispatch on the value's Python type at run time.
SCALAR_KINDS = frozenset({"string", "bytes", "int", "long", "float", "double", "boolean", "enum", "fixed"})
_PRIMITIVES = SCALAR_KINDS - {"enum", "fixed"} | {"null"}
_SEGMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_\-]*)((?:\[\]|\{\})*(?:\{key\})?)$")
MAP_KEY = "{key}"
# A string whose JSON Schema checks a ``format`` carries it as its logical type: actions must keep to it.
FORMAT = "format:"
FORMAT_DATE, FORMAT_DATE_TIME = "format:date", "format:date-time"


@dataclass(frozen=True, slots=True)
class Node:
    """One type in the tree. Nullable unions (``["null", T]``) become T with ``nullable=True``."""

    kind: str
    logical: str | None = None
    nullable: bool = False
    fields: Mapping[str, FieldSpec] = field(default_factory=dict)
    item: Node | None = None  # array element or map value
    symbols: tuple[str, ...] = ()
    size: int = 0
    open: bool = False  # JSON record: keys outside ``fields`` may occur and get the unclassified policy

    @property
    def is_container(self) -> bool:
        return self.kind in ("record", "array", "map")


MAP_KEY_NODE = Node(kind="string")  # what every map's keys are


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A record field: its type and whether a writer can fill it in when it is absent."""

    name: str
    node: Node
    has_default: bool = False


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a parsed path: a record field, then zero or more ``[]``/``{}`` descents."""

    name: str
    descents: tuple[str, ...]


def parse_path(path: str) -> tuple[Step, ...]:
    """Split ``a.b[]{}.c`` into steps; raise PathError on bad syntax (``{key}`` only ends a path)."""
    steps = []
    segments = path.split(".")
    for number, segment in enumerate(segments, start=1):
        match = _SEGMENT.match(segment)
        if not match or (MAP_KEY in segment and number < len(segments)):
            raise PathError(f"malformed path segment {segment!r}")
        steps.append(Step(match.group(1), tuple(re.findall(r"\[\]|\{\}|\{key\}", match.group(2)))))
    return tuple(steps)


def resolve(root: Node, path: str) -> tuple[Node, FieldSpec]:
    """The node a path points at and the record field it descends from (for ``drop`` and defaults)."""
    node = root
    spec: FieldSpec | None = None
    for step in parse_path(path):
        if node.kind != "record":
            raise PathError(f"{step.name!r} is not inside a record")
        spec = node.fields.get(step.name)
        if spec is None:
            raise PathError(f"no field {step.name!r}")
        node = spec.node
        for descent in step.descents:
            wanted = "array" if descent == "[]" else "map"
            if node.kind != wanted or node.item is None:
                raise PathError(f"{step.name}{descent}: field is a {node.kind}, not an {wanted}")
            node = MAP_KEY_NODE if descent == MAP_KEY else node.item
    assert spec is not None
    return node, spec


def from_avro(parsed: Mapping[str, Any]) -> Node:
    """Build the tree from a schema returned by ``fastavro.parse_schema``."""
    named = dict(parsed.get("__named_schemas", {}))
    return _avro_node(parsed, named, frozenset())


def _avro_node(schema: Any, named: dict[str, Any], seen: frozenset[str]) -> Node:
    if isinstance(schema, str):
        if schema in _PRIMITIVES:
            return Node(kind=schema)
        if schema in seen:
            raise PathError(f"recursive type {schema!r} is not supported")
        return _avro_node(named[schema], named, seen | {schema})
    if isinstance(schema, list):
        return _avro_union(schema, named, seen)
    kind = schema["type"]
    if kind == "record":
        seen = seen | {schema["name"]}
        fields = {
            f["name"]: FieldSpec(f["name"], _avro_node(f["type"], named, seen), "default" in f)
            for f in schema["fields"]
        }
        return Node(kind="record", fields=fields)
    if kind in ("array", "map"):
        return Node(kind=kind, item=_avro_node(schema["items" if kind == "array" else "values"], named, seen))
    if kind == "enum":
        return Node(kind="enum", symbols=tuple(schema["symbols"]))
    if kind == "fixed":
        return Node(kind="fixed", size=int(schema["size"]), logical=schema.get("logicalType"))
    return Node(kind=kind, logical=schema.get("logicalType"))


def _avro_union(branches: list[Any], named: dict[str, Any], seen: frozenset[str]) -> Node:
    others = [b for b in branches if b != "null"]
    nullable = len(others) < len(branches)
    if len(others) == 1:
        return replace(_avro_node(others[0], named, seen), nullable=nullable)
    # A union of several non-null types: opaque; only pass/null/drop/redact-to-null can be proven safe.
    return Node(kind="union", nullable=nullable)


def from_json_sample(sample: Mapping[str, Any]) -> Node:
    """Infer an open tree from one JSON record; ``null`` values become nullable leaves of unknown type."""
    return _json_node(sample)


def _json_node(value: Any) -> Node:
    if isinstance(value, Mapping):
        fields = {k: FieldSpec(k, _json_node(v), True) for k, v in value.items()}
        return Node(kind="record", fields=fields, open=True)
    if isinstance(value, list):
        return Node(kind="array", item=_json_node(value[0]) if value else Node(kind="any", nullable=True))
    if value is None:
        return Node(kind="any", nullable=True)
    kind = {bool: "boolean", int: "long", float: "double", str: "string"}.get(type(value), "any")
    return Node(kind=kind)


def from_rule_paths(paths: list[str]) -> Node:
    """A JSON tree with no sample: containers as the rule paths imply, leaves of unknown type."""
    root: dict[str, Any] = {}
    for path in paths:
        level = root
        try:
            steps = parse_path(path)
        except PathError:  # reported by the rules checks; the rest of the tree is still useful
            continue
        for i, step in enumerate(steps):
            descents = tuple("{}" if descent == MAP_KEY else descent for descent in step.descents)  # keys: a map
            entry = level.setdefault(step.name, {"descents": descents, "children": {}})
            if i < len(steps) - 1:
                level = entry["children"]
    return _tree_from_dict(root)


def _tree_from_dict(level: dict[str, Any]) -> Node:
    fields = {}
    for name, entry in level.items():
        node = _tree_from_dict(entry["children"]) if entry["children"] else Node(kind="any", nullable=True)
        for descent in reversed(entry["descents"]):
            node = Node(kind="array" if descent == "[]" else "map", item=node, nullable=True)
        fields[name] = FieldSpec(name, replace(node, nullable=True), True)
    return Node(kind="record", fields=fields, open=True)


def leaf_paths(root: Node, prefix: str = "") -> list[tuple[str, Node]]:
    """Every leaf of a tree (scalars and opaque unions) with its steward path."""
    out: list[tuple[str, Node]] = []
    for name, spec in root.fields.items():
        _collect(spec.node, f"{prefix}{name}", out)
    return out


def _collect(node: Node, path: str, out: list[tuple[str, Node]]) -> None:
    if node.kind == "record":
        out.extend(leaf_paths(node, path + "."))
    elif node.kind in ("array", "map") and node.item is not None:
        if node.kind == "map":
            out.append((path + MAP_KEY, MAP_KEY_NODE))
        _collect(node.item, path + ("[]" if node.kind == "array" else "{}"), out)
    else:
        out.append((path, node))
