"""Normalization before detection, and spans mapped back to the original text."""

from __future__ import annotations

import pytest

from streamguard.masking.detection import Span
from streamguard.masking.detection.normalize import normalize
from streamguard.masking.detection.presidio_scanner import PresidioScanner

# (original, what the recognizers read)
CASES = [
    ("plain ascii stays as it is", "plain ascii stays as it is"),
    ("4539\u200b1488\u200c0343\u20606467", "4539148803436467"),
    ("tel\u00a0+33\u202f6\u00a012", "tel +33 6 12"),
    ("\uff10\uff16\uff11\uff12 \uff21\uff22", "0612 AB"),
    ("Jose\u0301 Mari\u0301a", "José María"),
    ("soft\u00adhyphen", "softhyphen"),
]


@pytest.mark.parametrize(("original", "normalized"), CASES)
def test_text_is_normalized_for_the_recognizers(original: str, normalized: str) -> None:
    assert normalize(original).text == normalized


def test_a_span_maps_back_to_every_original_character_it_came_from() -> None:
    original = "pay \uff14\uff15\u200b39 now"
    text = normalize(original)
    start = text.text.index("4539")
    back = text.to_original(Span(start, start + 4, "X", 1.0))
    assert original[back.start : back.end] == "\uff14\uff15\u200b39"
    composed = normalize("Jose\u0301!")
    back = composed.to_original(Span(0, 4, "PERSON", 1.0))
    assert (back.start, back.end) == (0, 5)  # the combining accent goes with its letter


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("card 4539\u200b1488\u200b0343\u200b6467 please", "4539\u200b1488\u200b0343\u200b6467"),
        (
            "iban DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000",
            "DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000",
        ),
        ("mail ann\u200ba@example.org", "ann\u200ba@example.org"),
        ("call \uff0b\uff14\uff14 20 7946 0958", "\uff0b\uff14\uff14 20 7946 0958"),
    ],
)
def test_invisible_and_full_width_characters_do_not_hide_pii(scanner: PresidioScanner, text: str, hidden: str) -> None:
    [scan] = scanner.scan_batch([text])
    start = text.index(hidden)
    assert any(s.start <= start and s.end >= start + len(hidden) for s in scan.spans), scan.spans
