"""Phone numbers, national and international, validated by libphonenumber's numbering plans.

Presidio's PhoneRecognizer runs the matcher once per region (eight passes by default) at one fixed
score. Here numbers written with a ``+`` country code are found in any region's pass, so a couple of
default regions for national formats suffice. A number libphonenumber deems *valid* scores 0.6; a merely
*possible* one scores 0.5 in a layout only phones use ("+44 ...", "(555) 123-4567"), 0.3 in another
grouped layout (needs a context word such as "call" or "phone"), and nothing as a bare digit run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers
from phonenumbers import Leniency

from streamguard.masking.detection import Span
from streamguard.masking.detection.patterns import needs_digits

# Layouts only telephone numbers use: a "+" country code, or the North American (555) 123-4567 /
# 555-123-4567 shapes. Such a number is a phone even when its area code is unassigned.
_PHONE_ONLY_LAYOUT = re.compile(r"^\+\d|^\(\d{3}\)\s?\d{3}[-. ]\d{4}(?!\d)|^\d{3}[-.]\d{3}[-.]\d{4}(?!\d)")
# Grouped digits that may be a phone: brackets, dashes, dots or spaces between digit groups.
_TELEPHONE_LAYOUT = re.compile(r"\(\d{2,5}\)|\d[-. ]\d")


# "28-12-2023 228", "2024-04-21 291": a date, then a count or a time, not a phone.
# Month and day in range: "0486.74.52.15" (a Belgian mobile) is no date.
_MONTH, _DAY = r"(?:0?[1-9]|1[0-2])", r"(?:0?[1-9]|[12]\d|3[01])"
_STARTS_WITH_DATE = re.compile(rf"^\d{{4}}[-./]{_MONTH}[-./]{_DAY}(?!\d)|^{_DAY}[-./]{_DAY}[-./]\d{{4}}(?!\d)")
_YEARS = re.compile(r"^(?:19|20)\d{2}\s?[-/]\s?(?:(?:19|20)\d{2}|\d{2})$")  # "2019-2023", "2016/17": a period
_DATE_SHAPE = re.compile(rf"^\(?\d{{4}}[-./]{_MONTH}[-./]{_DAY}\)?$|^\(?{_DAY}[-./]{_DAY}[-./]\d{{2,4}}\)?$")


def _plausible_for(region: str, raw: str) -> bool:
    """Reject dates, and national numbers of trunk-prefix countries (GB, DE, FR...) written without
    their leading 0: there "61710653" is an order number, not a phone."""
    if _DATE_SHAPE.match(raw) or _STARTS_WITH_DATE.match(raw) or _YEARS.match(raw):
        return False
    if region in _NO_TRUNK_PREFIX or region in _BARE_NATIONAL:
        return True
    return raw.lstrip("(").startswith(("+", "0"))


_NO_TRUNK_PREFIX = frozenset({"US", "CA"})
# Countries whose national numbers need no leading 0 (Spain has no trunk prefix; Italian mobiles start with
# 3). There a bare digit run is as likely an order number: it needs a context word ("tel.", "llamar").
_BARE_NATIONAL = frozenset({"ES", "IT"})
# Spanish numbers as Spaniards group them: "612.345.678", "612 34 56 78", a mobile or landline's first digit.
# Only a valid Spanish number in that layout, and not an amount ("612.345.678 €" is a price in Spanish notation).
_SPANISH_LAYOUT = re.compile(r"^[6-9]\d{2}([ .])(?:\d{3}\1\d{3}|\d{2}\1\d{2}\1\d{2})$")
_AMOUNT_AFTER = re.compile(r"^\s?(?:€|eur\b|euros?\b|\$|usd\b)", re.IGNORECASE)
# A stretch of digits and phone punctuation, with a little lead-in for "+" or "(".
_CANDIDATE = re.compile(r"[+(]?\d[\d \t().\-/x]{5,24}\d")
_TRUNK_PREFIXED = re.compile(r"(?<![\d.,])\(?0\d")


# The number of an order, an invoice or a case, in the six languages: "order 6695541365", "FATTURA FT 16981010",
# "Credit note 2025-755030", "Kundennummer: 64393998". A phone is never introduced so.
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:order|invoice|credit note|ticket|ref|reference|tracking|case|parcel|shipment|bestellung|auftrag|"
    r"rechnung|gutschrift|sendung|vorgang|commande|facture|avoir|suivi|dossier|colis|pedido|factura|abono|"
    r"expediente|seguimiento|envío|ordine|fattura|pratica|spedizione|bestelling|factuur|creditnota|zending|"
    r"(?:customer|client|cliente|kunden|klant)[ ]?(?:no|nr|number|nummer|numéro|número|numero|id))"
    r"\w*\.?(?:[ ](?:no|nr|n°|nº|n\.|number|nummer|numéro|número|numero|ft|#))?\.?[ ]?[:#°]?[ ]?)$",
    re.IGNORECASE,
)
# "2025-755030": a year and a serial, the numbering of invoices and credit notes.
_YEAR_SERIAL = re.compile(r"^(?:19|20)\d{2}[-/]\d{5,}$")


def _a_reference(text: str, start: int, raw: str) -> bool:
    return _YEAR_SERIAL.match(raw) is not None or _REFERENCE_BEFORE.search(text[max(0, start - 32) : start]) is not None


def _glued_to_identifier(text: str, start: int) -> bool:
    """ "ORD-81571363", "A56070995", "#12345678": digits glued to a prefix are an id, not a phone."""
    if start > 1 and text[start - 1] == "." and text[start - 2].isdigit():
        return True  # the year of "29.03.2024 417"
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-#/_")


def _spanish_grouped(region: str, text: str, match: phonenumbers.PhoneNumberMatch, end: int) -> bool:
    return (
        region == "ES"
        and _SPANISH_LAYOUT.match(match.raw_string) is not None
        and phonenumbers.is_valid_number(match.number)
        and _AMOUNT_AFTER.match(text[end : end + 8]) is None
    )


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
        "line",
        "contact",
        "reach",
        # German, French, Spanish, Italian, Dutch.
        "tel",
        "tél",
        "telefon",
        "telefonnummer",
        "handy",
        "anrufen",
        "rückruf",
        "erreichbar",
        "téléphone",
        "portable",
        "appeler",
        "rappeler",
        "joindre",
        "numéro",
        "teléfono",
        "móvil",
        "llamar",
        "llamemos",
        "llámenos",
        "llámenme",
        "llámame",
        "llamame",
        "llamarme",
        "número",
        "telefono",
        "cellulare",
        "chiamare",
        "richiamare",
        "richiamato",
        "richiamatemi",
        "richiamata",
        "richiamarmi",
        "chiamami",
        "chiamatemi",
        "numero",
        "telefoon",
        "mobiel",
        "gsm",
        "bellen",
        "terugbellen",
        "nummer",
        "bereikbaar",
    )
    VALID_SCORE = 0.6
    LAYOUT_SCORE = 0.5
    POSSIBLE_SCORE = 0.3

    def __init__(
        self, regions: Sequence[str] = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "IE")
    ) -> None:
        self._regions = tuple(regions)

    def applies_to(self, text: str) -> bool:
        return needs_digits(text, 7)

    def find(self, text: str) -> list[Span]:
        # libphonenumber parses every digit group it meets (prices, versions...); give it only the
        # stretches that hold seven or more digits, which is far cheaper on ticket text.
        found: dict[tuple[int, int], float] = {}
        for candidate in _CANDIDATE.finditer(text):
            if sum(c.isdigit() for c in candidate.group()) >= 7:
                self._match_window(text, candidate.start(), candidate.end(), found)
        return [Span(start, end, self.entity, score) for (start, end), score in found.items() if score > 0]

    def _match_window(self, text: str, start: int, end: int, found: dict[tuple[int, int], float]) -> None:
        window = text[start:end]
        has_trunk = _TRUNK_PREFIXED.search(window) is not None
        digits = sum(c.isdigit() for c in window)
        for region in self._regions:
            if region not in _NO_TRUNK_PREFIX and region not in _BARE_NATIONAL and not has_trunk:
                continue  # that region's national numbers all start with 0; "+" ones the first pass finds
            if self._settled(text, found, start, digits):
                return  # a valid number already spans the window: the other regions cannot add to it
            for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=Leniency.POSSIBLE):
                at = start + match.start
                if (
                    _glued_to_identifier(text, at)
                    or not _plausible_for(region, match.raw_string)
                    or _a_reference(text, at, match.raw_string)
                ):
                    continue
                key = (at, start + match.end)
                score = self._score(match.raw_string, match.number)
                if region in _BARE_NATIONAL and not match.raw_string.startswith(("+", "0", "(")):
                    cap = self.LAYOUT_SCORE if _spanish_grouped(region, text, match, key[1]) else self.POSSIBLE_SCORE
                    score = min(score, cap)
                if score > found.get(key, 0.0):
                    found[key] = score

    def _settled(self, text: str, found: dict[tuple[int, int], float], start: int, digits: int) -> bool:
        return any(
            score >= self.VALID_SCORE and at >= start and sum(c.isdigit() for c in text[at:stop]) == digits
            for (at, stop), score in found.items()
        )

    def _score(self, raw: str, number: phonenumbers.PhoneNumber) -> float:
        if phonenumbers.is_valid_number(number):
            return self.VALID_SCORE
        if _PHONE_ONLY_LAYOUT.search(raw):
            return self.LAYOUT_SCORE
        if _TELEPHONE_LAYOUT.search(raw):
            return self.POSSIBLE_SCORE
        return 0.0
