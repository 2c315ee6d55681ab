"""YAML that remembers where things are: plain data plus the line of every key, and duplicate keys caught.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, which for rules would let a second,
weaker rule for the same path win unnoticed; composing the node graph ourselves lets us report both lines.

Rules and policies come from people who may not be trusted with the sidecar's CPU and memory, and an alias
copies its anchor's whole subtree into the plain data: composing counts what the document expands to and
refuses alias bombs, recursive aliases and nesting deep enough to exhaust Python's stack, each at its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Location = tuple[str | int, ...]
# Keys whose scalar values are names, not YAML types: ``action: null`` is the null action, not None.
_RAW_TEXT_KEYS = frozenset({"action"})
# The largest real rules file (a wide schema, every field ruled) expands to a few thousand nodes and a policy to
# a few hundred; 100,000 leaves a wide margin and still stops a "billion laughs" after ~0.1 s of work, not minutes.
MAX_EXPANDED_NODES = 100_000
# Rules and policies nest four or five levels deep; 100 stays far below what exhausts the recursive composer.
MAX_DEPTH = 100


@dataclass
class LocatedYaml:
    """The loaded document, the 1-based line of each location, and duplicate-key problems."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    duplicates: list[tuple[int, Location, int]] = field(default_factory=list)  # (line, location, first line)

    def line_of(self, location: Location) -> int:
        """The line of a location, or of its nearest ancestor that has one."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(location[:end])
            if line is not None:
                return line
        return 1


def load_located(text: str) -> LocatedYaml:
    """Parse one YAML document; raises ``yaml.YAMLError`` (which carries a mark) on bad syntax or a refused shape."""
    node = yaml.compose(text, Loader=_BoundedLoader)
    result = LocatedYaml(data=None)
    if node is None:
        return result
    result.lines[()] = node.start_mark.line + 1
    # One constructor for the document: building a loader per scalar made a large file cost seconds.
    result.data = _convert(node, (), result, yaml.constructor.SafeConstructor())
    return result


class _BoundedLoader(yaml.SafeLoader):
    """A safe loader whose composer counts each node as often as aliases will copy it, and refuses cycles."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._expanded = 0  # nodes of the plain data so far, every alias counted as the subtree it copies
        self._sizes: dict[int, int] = {}  # id of an anchored node -> the number of nodes it expands to
        self._building: set[str] = set()  # anchors whose node is not complete yet
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._building:
                raise yaml.MarkedYAMLError(problem=f"recursive alias *{event.anchor}", problem_mark=event.start_mark)
            node = super().compose_node(parent, index)
            self._count(self._sizes.get(id(node), 1), event)
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise yaml.MarkedYAMLError(
                problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=event.start_mark
            )
        anchor, before = event.anchor, self._expanded
        self._count(1, event)
        if anchor is not None:
            self._building.add(anchor)
        node = super().compose_node(parent, index)
        if anchor is not None:
            self._building.discard(anchor)
            self._sizes[id(node)] = self._expanded - before
        self._depth -= 1
        return node

    def _count(self, nodes: int, event: yaml.Event) -> None:
        self._expanded += nodes
        if self._expanded > MAX_EXPANDED_NODES:
            raise yaml.MarkedYAMLError(
                problem=f"expands to more than {MAX_EXPANDED_NODES} nodes (an alias bomb?)",
                problem_mark=event.start_mark,
            )


def _convert(node: yaml.Node, location: Location, out: LocatedYaml, scalars: yaml.constructor.SafeConstructor) -> Any:
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, scalars)
            here = (*location, key)
            line = key_node.start_mark.line + 1
            if key in mapping:
                out.duplicates.append((line, here, out.lines[here]))
                continue
            out.lines[here] = line
            if key in _RAW_TEXT_KEYS and isinstance(value_node, yaml.ScalarNode):
                mapping[key] = value_node.value
            else:
                mapping[key] = _convert(value_node, here, out, scalars)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            out.lines[(*location, index)] = item.start_mark.line + 1
            items.append(_convert(item, (*location, index), out, scalars))
        return items
    return _scalar(node, scalars)


def _scalar(node: yaml.Node, scalars: yaml.constructor.SafeConstructor) -> Any:
    """Resolve a scalar with the safe constructor so ``3`` is an int and ``null`` is None."""
    if not isinstance(node, yaml.ScalarNode):
        # A mapping used as a key has no sensible rules meaning; keep it visible but unhashable-safe.
        return f"<{node.id} key>"
    return scalars.construct_object(node, deep=True)
