"""Replacing detected spans in a text; shared by the masking plan and the detection package."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from streamguard.masking.detection import Span

Replacement = str | Callable[[Span, str], str]


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans in text order; of two that overlap, the higher score (then longer) wins."""
    chosen: list[Span] = []
    ranked = sorted(spans, key=lambda s: (-s.score, -(s.end - s.start), s.start))
    for span in ranked:
        if span.end <= span.start:
            continue
        if all(span.end <= kept.start or span.start >= kept.end for kept in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def replace_spans(text: str, spans: Iterable[Span], replacement: Replacement) -> str:
    """``text`` with each kept span replaced.

    ``replacement`` is a fixed string, or a function of (span, span text) such as an entity tag
    (``lambda s, _: f"<{s.entity_type}>"``) or a keyed pseudonym of the span text.
    """
    kept = resolve_overlaps(spans)
    if not kept:
        return text
    pieces: list[str] = []
    cursor = 0
    for span in kept:
        start, end = max(span.start, 0), min(span.end, len(text))
        pieces.append(text[cursor:start])
        pieces.append(replacement if isinstance(replacement, str) else replacement(span, text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def entity_tag(span: Span, _text: str) -> str:
    """The default replacement: the entity type in angle brackets, e.g. ``<EMAIL_ADDRESS>``."""
    return f"<{span.entity_type}>"
