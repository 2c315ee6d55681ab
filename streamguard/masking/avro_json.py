"""JSON ↔ Avro values for previews: JSON lines in, records shaped like fastavro's decoder output, and back.

A steward's sample lines carry ISO dates and timestamps where Avro has ints with logical types; this turns
them into the ``date``/``datetime`` values a real decode would produce, so previews run the same plan as
the pipeline. Keys the schema does not know are an error (they would bypass masking); messages name the
field path, never the value.
"""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from streamguard.core.errors import MaskingError
from streamguard.masking.schema_tree import Node

_TIMESTAMPS = {"timestamp-millis", "timestamp-micros", "local-timestamp-millis", "local-timestamp-micros"}


def record_from_json(root: Node, value: Any) -> dict[str, Any]:
    """A JSON object converted to the Avro shape of ``root``; MaskingError naming the first bad path."""
    converted = _convert(root, value, "<record>")
    assert isinstance(converted, dict)
    return converted


def _convert(node: Node, value: Any, path: str) -> Any:
    if value is None:
        if node.nullable or node.kind == "null":
            return None
        raise MaskingError(f"{path}: null for a field that is not nullable")
    if node.kind == "record":
        return _record(node, value, path)
    if node.kind == "array":
        if not isinstance(value, list) or node.item is None:
            raise MaskingError(f"{path}: expected an array")
        return [_convert(node.item, item, f"{path}[]") for item in value]
    if node.kind == "map":
        if not isinstance(value, dict) or node.item is None:
            raise MaskingError(f"{path}: expected an object (map)")
        return {key: _convert(node.item, item, f"{path}{{}}") for key, item in value.items()}
    return _scalar(node, value, path)


def _record(node: Node, value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise MaskingError(f"{path}: expected an object (record)")
    prefix = "" if path == "<record>" else f"{path}."
    unknown = sorted(set(value) - set(node.fields))
    if unknown:
        raise MaskingError(f"{prefix}{unknown[0]}: field not in the schema")
    out = {}
    for name, spec in node.fields.items():
        if name in value:
            out[name] = _convert(spec.node, value[name], prefix + name)
        elif not spec.has_default:
            raise MaskingError(f"{prefix}{name}: missing field without a default")
    return out


def _scalar(node: Node, value: Any, path: str) -> Any:
    try:
        if node.logical == "date" and isinstance(value, str):
            return date.fromisoformat(value)
        if node.logical in _TIMESTAMPS and isinstance(value, str):
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo or node.logical.startswith("local") else parsed.replace(tzinfo=UTC)
        if node.logical in ("time-millis", "time-micros") and isinstance(value, str):
            return time.fromisoformat(value)
        if node.logical == "decimal" and isinstance(value, (str, int, float)):
            return Decimal(str(value))
        if node.kind in ("bytes", "fixed") and isinstance(value, str):
            return value.encode("latin-1")  # Avro's own JSON encoding of bytes
        if node.kind in ("float", "double") and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
    except ValueError:
        raise MaskingError(f"{path}: value does not parse as {node.logical or node.kind}") from None
    return value


def to_json_value(value: Any) -> Any:
    """``json.dumps(default=...)`` hook: dates and times as ISO strings, bytes as base64, Decimals as text."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot encode a {type(value).__name__} as JSON")
