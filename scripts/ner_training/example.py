"""The generator's output record and the builder that keeps character offsets exact while text is assembled."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

LABELS = ("PERSON", "LOCATION", "THING")
PERSONAL = ("PERSON", "LOCATION")  # THING marks what is named like a person or place and is neither

Segment = tuple[str, str | None]
"""A piece of text and its label (``None`` for unlabelled text)."""


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]
    language: str
    style: str


class Builder:
    """Appends segments, optionally transformed (lower case, upper case, speech), and records labelled offsets.

    Each segment is transformed before its offsets are taken, so transforms that change a string's length
    (``"ß".upper()``) cannot shift a span. Adjacent spaces at a seam are merged.
    """

    def __init__(self, transform: Callable[[str], str] | None = None) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._spans: list[tuple[int, int, str]] = []
        self._transform = transform
        self._last = ""

    def add(self, text: str, label: str | None = None) -> None:
        if self._transform is not None:
            text = self._transform(text)
        if not text:
            return
        if self._last in " \n" and self._last and text[0] == " ":
            text = text.lstrip(" ")
            if not text:
                return
        if label is None:
            self._append(text)
            return
        core = text.strip()
        if not core:
            self._append(text)
            return
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        if lead:
            self._append(lead)
        start = self._length
        self._append(core)
        self._spans.append((start, self._length, label))
        if trail:
            self._append(trail)

    def extend(self, segments: Iterable[Segment]) -> None:
        for text, label in segments:
            self.add(text, label)

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
        self._last = text[-1]

    def build(self, language: str, style: str) -> Example:
        text = "".join(self._parts)
        stripped = text.rstrip()
        spans = tuple(s for s in self._spans if s[1] <= len(stripped))
        return Example(stripped, spans, language, style)


def check(example: Example) -> None:
    """Raises ``ValueError`` when spans overlap, leave the text, carry an unknown label or touch whitespace."""
    end = 0
    for start, stop, label in example.spans:
        piece = example.text[start:stop]
        if label not in LABELS or start < end or stop > len(example.text) or not piece or piece != piece.strip():
            raise ValueError(f"bad span {(start, stop, label)} in {example.text!r}")
        end = stop


def inline(example: Example) -> str:
    """The text with each span shown as ``[text|LABEL]``."""
    out, pos = [], 0
    for start, stop, label in example.spans:
        out.append(example.text[pos:start])
        out.append(f"[{example.text[start:stop]}|{label}]")
        pos = stop
    out.append(example.text[pos:])
    return "".join(out)


def words(text: str, sep: str | None = None) -> tuple[str, ...]:
    """A word list written as one string (``"a b c"`` or ``"a|b c|d"`` with ``sep="|"``)."""
    return tuple(w.strip() for w in text.split(sep) if w.strip())


def lines(block: str) -> tuple[str, ...]:
    """Templates written one per line; a literal backslash-n inside a line is a line break of the template."""
    return tuple(line.strip().replace("\\n", "\n") for line in block.strip().splitlines() if line.strip())
