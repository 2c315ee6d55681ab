"""Replacing detected spans in a text."""

from __future__ import annotations

from streamguard.masking.detection import Span
from streamguard.masking.spans import replace_spans, resolve_overlaps


def test_replace_spans_keeps_the_stronger_of_overlapping_spans() -> None:
    text = "call 415 555 0132 today"
    spans = [Span(5, 17, "PHONE_NUMBER", 0.7), Span(9, 17, "US_BANK_NUMBER", 0.4), Span(5, 8, "ZIP", 0.9)]
    assert [s.entity_type for s in resolve_overlaps(spans)] == ["ZIP", "US_BANK_NUMBER"]
    assert replace_spans(text, spans[:2], lambda s, _: f"<{s.entity_type}>") == "call <PHONE_NUMBER> today"
    equal = [Span(0, 4, "SHORT", 0.5), Span(0, 10, "LONG", 0.5)]
    assert replace_spans("abcdefghij rest", equal, "X") == "X rest"
    assert replace_spans("untouched", [], "X") == "untouched"
