"""Running regex recognizers: Presidio's pattern classes, our loop, our context boost.

Presidio's own pattern loop logs and skips a regex that times out, which would let a text through
unscanned; ours raises instead, so the scanner fails that text closed. Validation semantics are
Presidio's: ``validate_result`` True lifts a match to 1.0, False (or ``invalidate_result`` True) drops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import regex
from presidio_analyzer import PatternRecognizer

from streamguard.masking.detection import Span


class TextRecognizer(Protocol):
    """One entity type, found in one text. ``triggers`` lets the scanner skip texts that cannot match."""

    entity: str
    context: tuple[str, ...]

    def applies_to(self, text: str) -> bool: ...

    def find(self, text: str) -> list[Span]: ...


def needs_digits(text: str, count: int) -> bool:
    """Cheap gate: most structured PII (cards, phones, SSNs, IBANs, IPs) carries several digits."""
    seen = 0
    for char in text:
        if char.isdigit():
            seen += 1
            if seen >= count:
                return True
    return False


@dataclass
class PatternAdapter:
    """Runs a Presidio ``PatternRecognizer``'s patterns with a timeout that raises instead of skipping."""

    recognizer: PatternRecognizer
    timeout_s: float
    min_digits: int = 0
    required_char: str = ""
    # A regex over the text just before a match that vetoes it (a version number is not an IP address).
    veto_before: str = ""
    entity: str = field(init=False)
    context: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.entity = self.recognizer.supported_entities[0]
        self.context = tuple(self.recognizer.context or ())
        flags = self.recognizer.global_regex_flags or 0
        self._compiled = [(regex.compile(p.regex, flags=flags), p.score) for p in self.recognizer.patterns]
        self._veto = regex.compile(self.veto_before, flags=regex.IGNORECASE) if self.veto_before else None

    def applies_to(self, text: str) -> bool:
        if self.required_char and self.required_char not in text:
            return False
        return self.min_digits == 0 or needs_digits(text, self.min_digits)

    def find(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for compiled, score in self._compiled:
            for match in compiled.finditer(text, timeout=self.timeout_s):
                start, end = match.span()
                if start == end or self._vetoed(text, start):
                    continue
                checked = self._checked_score(text[start:end], score)
                if checked > 0.0:
                    spans.append(Span(start, end, self.entity, checked))
        return spans

    def _vetoed(self, text: str, start: int) -> bool:
        return self._veto is not None and self._veto.search(text[max(0, start - 16) : start]) is not None

    def _checked_score(self, value: str, score: float) -> float:
        valid = self.recognizer.validate_result(value)
        if valid is not None:
            score = 1.0 if valid else 0.0
        if self.recognizer.invalidate_result(value):
            return 0.0
        return score


class ContextBooster:
    """Raises a weak match's score when a context word ("phone", "zip", "iban") is close before it.

    A lean stand-in for Presidio's lemma-based enhancer: a window of characters instead of lemmas, so it
    needs no tagger or lemmatizer in the spaCy pipeline.
    """

    WINDOW = (48, 16)  # characters looked at before and after a match

    def __init__(
        self, words: Iterable[str], boost: float, before: int = 48, after: int = 16, ceiling: float = 1.0
    ) -> None:
        self._before = before
        self._after = after
        words = sorted({w.lower() for w in words}, key=len, reverse=True)
        alternatives = "|".join(map(regex.escape, words))
        # Whole words (plural allowed): "hi" must not fire inside "his", "tel" inside "hotel".
        self._pattern = regex.compile(rf"(?<![a-z])(?:{alternatives})(?:s|es)?(?![a-z])") if words else None
        self._boost = boost
        self._ceiling = ceiling

    def apply(self, text: str, span: Span) -> Span:
        if self._pattern is None or span.score >= 1.0:
            return span
        window = text[max(0, span.start - self._before) : span.start] + " " + text[span.end : span.end + self._after]
        if not self._pattern.search(window.lower()):
            return span
        return Span(span.start, span.end, span.entity_type, min(self._ceiling, span.score + self._boost))
