"""The audit event's offset ranges."""

from __future__ import annotations

from streamguard.evidence.audit import offset_ranges


def test_offset_ranges_compress_runs() -> None:
    assert offset_ranges([3, 4, 5, 9, 11, 12]) == [(3, 5), (9, 9), (11, 12)]
    assert offset_ranges([]) == []
