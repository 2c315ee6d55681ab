"""What every labelled-text generator of the bench shares: filling a template while labelling its spans, the
check digits of IBANs and cards, and the months of the six languages. Sets keep their own templates and
values; only this mechanism is common."""

from __future__ import annotations

import re
from collections.abc import Callable

from bench.texts import LabelledSpan

Segment = tuple[str, str | None]  # a piece of text and its entity type (None: not PII)

_PLACEHOLDER = re.compile(r"(\{\w+\})")

MONTHS: dict[str, str] = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def fill(text: str, segments: Callable[[str], list[Segment]]) -> tuple[str, tuple[LabelledSpan, ...]]:
    """``text`` with each ``{field}`` replaced by ``segments(field)``, and the spans of the labelled pieces.
    Braces that are no placeholder (a JSON log line) stay as they are."""
    parts: list[str] = []
    spans: list[LabelledSpan] = []
    values: list[str] = []
    position = 0
    for piece in _PLACEHOLDER.split(text):
        pieces: list[Segment] = [(piece, None)]
        if _PLACEHOLDER.fullmatch(piece):
            pieces = segments(piece[1:-1])
        for value, entity in pieces:
            if entity is not None:
                spans.append(LabelledSpan(position, position + len(value), entity))
                values.append(value)
            parts.append(value)
            position += len(value)
    joined = "".join(parts)
    for span, value in zip(spans, values, strict=True):
        assert joined[span.start : span.end] == value, (joined, span, value)
    return joined, tuple(spans)


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 mod-97 check (spaces allowed)."""
    compact = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def compose_iban(country: str, bban: str) -> str:
    """An IBAN with correct mod-97 check digits for a national account number (BBAN)."""
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def luhn_is_valid(number: str) -> bool:
    digits = [int(c) for c in re.sub(r"[ -]", "", number)]
    checksum = sum(digits[-1::-2]) + sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
    return checksum % 10 == 0
