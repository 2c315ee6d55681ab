"""Times as the evidence writes them: ISO-8601 text, UTC by contract."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_utc(text: str) -> datetime:
    """An ISO-8601 timestamp as an aware UTC datetime; evidence times are UTC by contract, so a timestamp
    without an offset is read as UTC rather than as this machine's local time."""
    parsed = datetime.fromisoformat(text)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
