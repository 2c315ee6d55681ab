"""Replacing detected spans in a text; shared by the masking plan and the detection package."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from streamguard.masking.detection import Span

Replacement = str | Callable[[Span, str], str]


def resolve_overlaps(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Overlapping spans merged into one covering span, in text order.

    Masking replaces each span, so overlaps would corrupt offsets; merging (rather than keeping the
    stronger one) never leaves a detected character unmasked. The merged span takes the type of its
    longest member (an address wins over the postcode inside it) and the best score.
    """
    merged: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        if merged and span.start < max(s.end for s in merged[-1]):
            merged[-1].append(span)
        else:
            merged.append([span])
    return tuple(_cover(group) for group in merged)


def _cover(group: list[Span]) -> Span:
    if len(group) == 1:
        return group[0]
    main = max(group, key=lambda s: (s.end - s.start, s.score))
    return Span(min(s.start for s in group), max(s.end for s in group), main.entity_type, max(s.score for s in group))


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
