"""YAML that remembers where things are: plain data plus the line of every key, and duplicate keys caught.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, which for rules would let a second,
weaker rule for the same path win unnoticed; composing the node graph ourselves lets us report both lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Location = tuple[str | int, ...]
# Keys whose scalar values are names, not YAML types: ``action: null`` is the null action, not None.
_RAW_TEXT_KEYS = frozenset({"action"})


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
    """Parse one YAML document; raises ``yaml.YAMLError`` (which carries a mark) on bad syntax."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    result = LocatedYaml(data=None)
    if node is None:
        return result
    result.lines[()] = node.start_mark.line + 1
    result.data = _convert(node, (), result)
    return result


def _convert(node: yaml.Node, location: Location, out: LocatedYaml) -> Any:
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            here = (*location, key)
            line = key_node.start_mark.line + 1
            if key in mapping:
                out.duplicates.append((line, here, out.lines[here]))
                continue
            out.lines[here] = line
            if key in _RAW_TEXT_KEYS and isinstance(value_node, yaml.ScalarNode):
                mapping[key] = value_node.value
            else:
                mapping[key] = _convert(value_node, here, out)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            out.lines[(*location, index)] = item.start_mark.line + 1
            items.append(_convert(item, (*location, index), out))
        return items
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    """Resolve a scalar with the safe constructor so ``3`` is an int and ``null`` is None."""
    if not isinstance(node, yaml.ScalarNode):
        # A mapping used as a key has no sensible rules meaning; keep it visible but unhashable-safe.
        return f"<{node.id} key>"
    return yaml.SafeLoader(" ").construct_object(node, deep=True)
