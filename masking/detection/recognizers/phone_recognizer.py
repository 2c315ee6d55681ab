"""Phone numbers, national and international, validated by libphonenumber's numbering plans.

Presidio's PhoneRecognizer runs the matcher once per region (eight passes by default) at one fixed
score. Here numbers written with a ``+`` country code are found in any region's pass, so a couple of
default regions for national formats suffice; a number libphonenumber deems *valid* scores 0.6, a
merely *possible* one written in a telephone layout (brackets, dashes, dots, spaces) scores 0.3 and needs a
context word such as "call" or "phone" to pass the default threshold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers
from phonenumbers import Leniency

from masking.detection import Span
from masking.detection.patterns import needs_digits

_TELEPHONE_LAYOUT = re.compile(r"^\+|\(\d{2,5}\)|\d[-. ]\d")


class InternationalPhoneRecognizer:
    entity = "PHONE_NUMBER"
    context: tuple[str, ...] = (
        "phone",
        "call",
        "tel",
        "telephone",
        "mobile",
        "cell",
        "number",
        "reach me",
        "whatsapp",
        "text me",
        "sms",
        "fax",
    )
    VALID_SCORE = 0.6
    POSSIBLE_SCORE = 0.3

    def __init__(self, regions: Sequence[str] = ("US", "GB")) -> None:
        self._regions = tuple(regions)

    def applies_to(self, text: str) -> bool:
        return needs_digits(text, 7)

    def find(self, text: str) -> list[Span]:
        found: dict[tuple[int, int], float] = {}
        for region in self._regions:
            for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
                key = (match.start, match.end)
                score = self._score(match.raw_string, match.number)
                if score > found.get(key, 0.0):
                    found[key] = score
        return [Span(start, end, self.entity, score) for (start, end), score in found.items() if score > 0]

    def _score(self, raw: str, number: phonenumbers.PhoneNumber) -> float:
        if phonenumbers.is_valid_number(number):
            return self.VALID_SCORE
        if _TELEPHONE_LAYOUT.search(raw):
            return self.POSSIBLE_SCORE
        return 0.0
