"""Free-text PII detection: the contract the masking plan relies on.

The masking plan never imports Presidio: it receives a ``TextScanner`` (built once at start, injected) and
asks it for spans, a whole batch of texts at a time. A text the scanner could not handle safely comes back
with ``error`` set, and the plan fails the record closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Span:
    """One detected piece of personal data: ``text[start:end]`` is an ``entity_type``."""

    start: int
    end: int
    entity_type: str
    score: float


@dataclass(frozen=True, slots=True)
class TextScan:
    """The outcome for one text: its spans, or why it could not be scanned (never the text itself).

    ``spans`` is what the standard mode masks; ``strict_spans`` (None: the same) what an audience in strict
    mode masks: weaker evidence and more entity types, so always a superset of ``spans``'s characters."""

    spans: tuple[Span, ...] = ()
    error: str | None = None
    strict_spans: tuple[Span, ...] | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def spans_for(self, strict: bool) -> tuple[Span, ...]:
        return self.strict_spans if strict and self.strict_spans is not None else self.spans


class TextScanner(Protocol):
    """Finds PII spans in many texts at once; one ``TextScan`` per input text, in order."""

    def scan_batch(self, texts: Sequence[str]) -> list[TextScan]: ...
