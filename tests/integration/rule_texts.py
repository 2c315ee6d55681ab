"""Steward rules the integration tests publish: JSON datasets read by two audiences, analytics (no clearance)
and support (cleared for contact data), with the fields each test needs."""

from __future__ import annotations

from collections.abc import Mapping


def two_audience_rules(dataset: str, fields: Mapping[str, str], *, more: str = "") -> str:
    """Rules for ``dataset``: ``fields`` maps a field to its rule (``{class: public}``); ``more`` is appended."""
    lines = [
        f"dataset: {dataset}",
        "format: json",
        "key: {class: public}",
        "audiences:",
        "  analytics: {clearances: []}",
        "  support: {clearances: [contact]}",
        "fields:",
        *(f"  {name}: {rule}" for name, rule in fields.items()),
        "unclassified: redact",
    ]
    return "\n".join(lines) + "\n" + more
