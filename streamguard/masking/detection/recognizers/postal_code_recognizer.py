"""Postal codes: UK postcodes and Irish Eircodes by their official shape, US ZIP codes after a state code, and
bare four- or five-digit codes after a context word in one of the six languages; in the English-speaking
countries with the town written before them.

A bare five-digit number is far more often an order or ticket number than a ZIP, so alone it scores
only 0.1 and needs "zip"/"postcode" just before it to pass the default threshold.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

# USPS two-letter state and territory codes.
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    "NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP"
)
# UK postcode: outward code (area, district) + inward code (sector, unit); e.g. SW1A 1AA, M1 1AE, B33 8TH.
_UK = r"(?<![\w-])(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)\s?[0-9][ABD-HJLNP-UW-Z]{2}(?![\w-])"
_US_AFTER_STATE = rf"(?<=\b(?:{_STATES})\s)\d{{5}}(?:-\d{{4}})?(?![\w-])"
_US_BARE = r"(?<![\w.,$#/-])\d{5}(?:-\d{4})?(?![\w-]|[.,]\d)"
# Irish Eircode: routing key (letter, two digits; D6W) and a four-character unique identifier.
_IE = r"(?<![\w-])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}(?![\w-])"
# Four digits (AT, BE, CH, DK, LU, NL without its letters): like a bare ZIP, only next to a context word.
_FOUR_DIGITS_BARE = r"(?<![\w.,$#/-])\d{4}(?![\w-]|[.,]\d)"
# Canadian postal code: A1A 1A1 (letters D F I O Q U never appear).
_CA = r"(?<![\w-])[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]\s?[0-9][ABCEGHJ-NPRSTV-Z][0-9](?![\w-])"


# English-speaking countries write the town before the code ("London SW1A 1AA", "Dublin D02 X285",
# "Toronto, ON M5S 1W8", "Springfield, IL 62704"), on the same line or the one above: one span for both.
# Words that come before a code but are not a town: "Postcode SW1A 1AA", "Ref D02 X285".
_NOT_A_TOWN = r"(?!(?:Postcode|Post|Postal|Zip|Zipcode|Eircode|Code|Address|Ref|Order|Invoice|Ticket|My|Our|The)\b)"
_TOWN_BEFORE = (
    _NOT_A_TOWN
    + r"(?<![\p{L}'\u2019-])\p{Lu}[\p{Ll}'\u2019-]+(?:[ -]\p{Lu}[\p{Ll}'\u2019-]+){0,2}(?:,?[ ]|,?[ ]*\r?\n[ \t]*)"
)
_PROVINCE = r"(?:(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)[ ])?"


def _after_town(code: str, between: str = "") -> str:
    return _TOWN_BEFORE + between + code.removeprefix(r"(?<![\w-])")


class PostalCodeRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern("UK postcode", _UK, 0.5),
        Pattern("Canadian postal code", _CA, 0.5),
        Pattern("town + UK postcode", _after_town(_UK), 0.5),
        Pattern("town + Canadian postal code", _after_town(_CA, _PROVINCE), 0.5),
        Pattern("town + Eircode", _after_town(_IE), 0.5),
        Pattern(
            "town, state ZIP",
            rf"{_TOWN_BEFORE.replace('(?:,?[ ]|', '(?:,[ ]|')}(?:{_STATES})[ ]\d{{5}}(?:-\d{{4}})?(?![\w-])",
            0.6,
        ),
        Pattern("US ZIP after state", _US_AFTER_STATE, 0.6),
        Pattern("US ZIP (weak)", _US_BARE, 0.1),
        Pattern("Irish Eircode", _IE, 0.5),
        Pattern("four-digit postcode (weak)", _FOUR_DIGITS_BARE, 0.1),
    ]
    CONTEXT = [
        "zip",
        "zipcode",
        "zip code",
        "postal",
        "postcode",
        "post code",
        "eircode",
        "plz",
        "postleitzahl",
        "code postal",
        "cp",
        "código postal",
        "cap",
        "codice postale",
    ]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="POSTAL_CODE",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=0,
        )
