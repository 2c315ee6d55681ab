"""Overlapping spans of several recognizers."""

from __future__ import annotations

from streamguard.masking.detection import Span
from streamguard.masking.detection.patterns import resolve_overlaps


def test_overlapping_spans_merge_to_cover_both() -> None:
    spans = [Span(0, 20, "STREET_ADDRESS", 0.6), Span(15, 25, "POSTAL_CODE", 0.9), Span(30, 35, "PERSON", 0.85)]
    assert resolve_overlaps(spans) == (Span(0, 25, "STREET_ADDRESS", 0.9), Span(30, 35, "PERSON", 0.85))
