"""Payment card numbers: 13-19 digits, optionally grouped, starting 2-6, and Luhn-valid.

Presidio's pattern predates the Mastercard 2-series (2221-2720) and misses it; the Luhn check, not the
prefix, is what keeps order numbers out (a random digit run passes one time in ten, and ticket text
rarely has 13+ digit runs at all).
"""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer

# Not right after an IBAN's "DE89 " head: the tail of a mistyped IBAN is not a card. Nor glued to letters: digits
# inside a trace id or a hash ("9005c2389510979904a5b7") are no card either.
_CARD = r"(?<![\dA-Za-z-])(?<![A-Z]{2}\d{2}[ -])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\dA-Za-z-])"


class LuhnCardRecognizer(CreditCardRecognizer):
    PATTERNS = [Pattern("card number (Luhn-checked)", _CARD, 0.3)]

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS)
