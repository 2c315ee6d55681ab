"""Text as the recognizers should see it, and the way back to the original's positions.

A card number with a zero-width space inside, a phone written in full-width digits or an address with a
non-breaking space is still personal data; the regexes and the NER model only see it after NFKC, with
invisible characters removed and every kind of space made a plain one. Spans found on the normalized text
are mapped back to the characters of the original, so masking replaces exactly what the reader sees,
invisible characters included.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from streamguard.masking.detection import Span

# Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` as normalized. Its character ``i`` came from original characters ``starts[i]`` up to
    ``ends[i]`` (both None when nothing changed)."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def to_original(self, span: Span) -> Span:
        if self.starts is None or self.ends is None or span.end <= span.start:
            return span
        return Span(self.starts[span.start], self.ends[span.end - 1], span.entity_type, span.score)


def normalize(text: str) -> NormalizedText:
    """NFKC per character, invisible characters dropped, spaces unified, combining marks composed."""
    if text.isascii():
        return NormalizedText(text)  # ASCII is its own NFKC and holds none of the characters above
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if unicodedata.combining(char) and out:
            composed = unicodedata.normalize("NFC", out[-1] + char)
            if len(composed) == 1:
                out[-1] = composed
                ends[-1] = index + 1
                continue
        mapped = " " if char.isspace() and char not in "\n\r\t" else unicodedata.normalize("NFKC", char)
        for piece in mapped:
            out.append(piece)
            starts.append(index)
            ends.append(index + 1)
    normalized = "".join(out)
    if normalized == text:
        return NormalizedText(text)
    return NormalizedText(normalized, tuple(starts), tuple(ends))
