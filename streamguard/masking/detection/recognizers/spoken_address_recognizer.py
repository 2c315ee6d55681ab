"""Addresses and towns in text written all in lower case, as speech-to-text writes a phone call: "ich wohne in
der seestrasse 131 in aarau", "abito in via manzoni, 54 a parma", "i moved from exeter to sheffield".

The address grammars read capitals ("Seestrasse 131", "Via Manzoni, 54"): here they read a copy of the text
with every word capitalised, of the same length, so their spans fall on the original. A town is a place
GeoNames knows, after a preposition of place or movement ("in aarau", "de morges à yverdon-les-bains"), and not
a stop word.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from streamguard.masking.detection import Span
from streamguard.masking.detection.lexicon import Lexicon
from streamguard.masking.detection.patterns import TextRecognizer

SPOKEN_TOWN_SCORE = 0.6

_TITLE_WORD = regex.compile(r"[\p{Lu}][\p{Ll}]")
_WORD_START = regex.compile(r"(?<![\p{L}'\u2019])\p{Ll}")
_TOWN_AFTER = regex.compile(
    r"(?<![\p{L}])(?:in|im|at|from|to|near|nach|aus|von|bei|à|a|au|de|d'|da|en|desde|hasta|per|naar|uit|van|bij|te)"
    r"[ ]+(\p{Ll}[\p{Ll}'\u2019-]+(?:[ ]\p{Ll}[\p{Ll}'\u2019-]+){0,2})"
)


def is_lower_case(text: str) -> bool:
    """No word in the text is capitalised: a transcript, a chat typed without capitals."""
    return _TITLE_WORD.search(text) is None and any(c.isalpha() for c in text)


def title_cased(text: str) -> str:
    """``text`` with each word's first letter capitalised, where that keeps its length (so offsets hold)."""
    return _WORD_START.sub(lambda m: m.group().upper() if len(m.group().upper()) == 1 else m.group(), text)


class SpokenAddressRecognizer:
    """Runs the address recognizers on the capitalised copy of a lower-case text, and finds its towns."""

    entity = "STREET_ADDRESS"  # nominal: streets, postcodes and towns
    context: tuple[str, ...] = ()

    def __init__(self, lexicon: Lexicon, address_recognizers: Sequence[TextRecognizer]) -> None:
        self._lexicon = lexicon
        self._address = tuple(address_recognizers)

    def applies_to(self, text: str) -> bool:
        return is_lower_case(text)

    def find(self, text: str) -> list[Span]:
        capitalised = title_cased(text)
        spans = [s for r in self._address if r.applies_to(capitalised) for s in r.find(capitalised)]
        return spans + self._towns(text)

    def _towns(self, text: str) -> list[Span]:
        spans: set[Span] = set()
        for match in _TOWN_AFTER.finditer(text, overlapped=True):  # "von zürich nach chur": both
            words = match.group(1).split(" ")
            for size in range(len(words), 0, -1):
                town = " ".join(words[:size])
                if self._lexicon.is_city(town) and not self._lexicon.is_ordinary(town):
                    spans.add(Span(match.start(1), match.start(1) + len(town), "LOCATION", SPOKEN_TOWN_SCORE))
                    break
        return sorted(spans, key=lambda s: s.start)
