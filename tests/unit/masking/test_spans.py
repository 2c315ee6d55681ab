"""Replacing detected spans in a text."""

from __future__ import annotations

from streamguard.masking.detection import Span
from streamguard.masking.spans import replace_spans, resolve_overlaps


def test_overlapping_spans_merge_so_no_detected_character_survives() -> None:
    text = "call 415 555 0132 today"
    spans = [Span(5, 17, "PHONE_NUMBER", 0.7), Span(9, 17, "US_BANK_NUMBER", 0.4), Span(5, 8, "ZIP", 0.9)]
    assert resolve_overlaps(spans) == (Span(5, 17, "PHONE_NUMBER", 0.9),)
    assert replace_spans(text, spans, lambda s, _: f"<{s.entity_type}>") == "call <PHONE_NUMBER> today"
    # Two spans that only chain through a third still become one.
    chained = [Span(0, 4, "A", 0.5), Span(3, 8, "B", 0.5), Span(7, 12, "C", 0.9)]
    assert replace_spans("abcdefghijkl rest", chained, "X") == "X rest"
    assert replace_spans("untouched", [], "X") == "untouched"


def test_merged_span_takes_the_type_of_its_longest_member() -> None:
    spans = [Span(0, 20, "STREET_ADDRESS", 0.6), Span(15, 25, "POSTAL_CODE", 0.9), Span(30, 35, "PERSON", 0.85)]
    assert resolve_overlaps(spans) == (Span(0, 25, "STREET_ADDRESS", 0.9), Span(30, 35, "PERSON", 0.85))
