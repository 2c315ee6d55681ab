"""Street addresses: a house number, a capitalised street name, a street suffix, then optional unit and
"City, ST 12345" tail (US/UK style), or a German-style "Hauptstraße 12".

Suffixes come from USPS Publication 28, Appendix C1 (the postal standard real addresses follow) plus
common UK street types. The everyday ones (Street, Road, Avenue...) score 0.6 on their own; rarer ones
that are also ordinary words ("Pass", "Key", "View") score 0.3 and need a city tail or a context word
("ship", "address", "deliver") to pass, which keeps "3 Day Pass" out.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_COMMON = (
    "Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Ter|"
    "Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Crescent|Close|Mews|Way"
)
_USPS_WORDS = (
    "Alley|Aly|Anex|Arcade|Bayou|Beach|Bend|Bluffs?|Bottom|Branch|Bridge|Brooks?|Burgs?|Bypass|Camp|"
    "Canyon|Cape|Causeway|Centers?|Circles|Cliffs?|Club|Commons?|Corners?|Course|Courts|Coves?|Creek|"
    "Crest|Crossing|Crossroads?|Curve|Dale|Dam|Divide|Drives|Estates?|Expressway|Expy|Extensions?|Falls?|"
    "Ferry|Fields?|Flats?|Fords?|Forest|Forges?|Forks?|Fort|Freeway|Fwy|Gardens?|Gateway|Glens?|Greens?|"
    "Groves?|Harbors?|Haven|Heights|Hts|Hills?|Hollow|Inlet|Islands?|Isle|Junctions?|Keys?|Knolls?|Lakes?|"
    "Land|Landing|Lights?|Loaf|Locks?|Lodge|Loop|Mall|Manors?|Meadows?|Mills?|Mission|Motorway|Mount|"
    "Mountains?|Neck|Orchard|Oval|Overpass|Parks?|Parkways|Pass|Passage|Path|Pike|Pines?|Plains?|Plaza|"
    "Points?|Ports?|Prairie|Radial|Ramp|Ranch|Rapids?|Rest|Ridges?|River|Roads|Route|Row|Rue|Run|Shoals?|"
    "Shores?|Skyway|Springs?|Spurs?|Squares|Station|Stravenue|Stream|Streets|Summit|Throughway|Trace|"
    "Track|Trafficway|Trail|Trl|Trailer|Tunnel|Turnpike|Underpass|Unions?|Valleys?|Viaduct|Views?|"
    "Villages?|Ville|Vista|Walks?|Wall|Ways|Wells?|Rise|Gate|Green"
)
# Every English street type above, as words ("Gateway", "Pines"): a postcode is never followed by one.
STREET_TYPE_WORDS = frozenset(
    word.lower()
    for alternative in f"{_COMMON}|{_USPS_WORDS}".split("|")
    for word in ((alternative[:-2], alternative[:-1]) if alternative.endswith("s?") else (alternative,))
)
_NUMBER = r"(?<![\w.,/-])\d{1,6}[A-Za-z]?"
_NAME = (
    r"(?:(?:[NSEW]|North|South|East|West|[NS][EW])\.?\s+)?"
    r"(?:[A-Z][a-z'\u2019]+(?:[A-Z][a-z]+)?\.?\s+|\d{1,3}(?:st|nd|rd|th)\s+){1,4}"  # inner capitals: MacAllen
)
_POST_DIRECTION = r"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?"
_UNIT = _POST_DIRECTION + r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|#)\.?\s*#?[A-Za-z0-9-]{1,6})?"
_UNIT_REQUIRED = (
    _POST_DIRECTION + r",?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|#)\.?\s*#?[A-Za-z0-9-]{1,6}"
)
_FLAT = r"(?<![\w-])(?:Flat|Studio|Apartment|Unit|Suite)\s+\d{1,4}[A-Za-z]?,\s+"
_CITY_TAIL = (
    r",?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s+[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?"
    r"|,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+\d{5}(?:-\d{4})?"
)
_END = r"(?![\w'\u2019])"
_GERMAN = (
    r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer)"
    r"\s+\d{1,4}[a-z]?(?:,\s+\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+)?" + _END
)


class StreetAddressRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern(
            "street + city tail",
            _NUMBER + r"\s+" + _NAME + f"(?:{_COMMON}|{_USPS_WORDS})\\.?" + _UNIT + f"(?:{_CITY_TAIL})" + _END,
            0.7,
        ),
        Pattern("street, common suffix", _NUMBER + r"\s+" + _NAME + f"(?:{_COMMON})\\.?" + _UNIT + _END, 0.6),
        Pattern("street, rare suffix", _NUMBER + r"\s+" + _NAME + f"(?:{_USPS_WORDS})\\.?" + _UNIT + _END, 0.3),
        # A unit number says it is an address whatever the suffix: "878 Erica Ford Suite 827".
        Pattern(
            "street, rare suffix + unit",
            _NUMBER + r"\s+" + _NAME + f"(?:{_USPS_WORDS})\\.?" + _UNIT_REQUIRED + _END,
            0.6,
        ),
        # UK flats: "Flat 6, Barton Pine", "Studio 5, Wright Tunnel".
        Pattern("UK flat", _FLAT + _NAME.replace("{1,4}", "{1,3}") + f"(?:{_COMMON}|{_USPS_WORDS})\\.?" + _END, 0.6),
        Pattern("German street", _GERMAN, 0.6),
    ]
    CONTEXT = [
        "address",
        "ship",
        "shipped",
        "shipping",
        "deliver",
        "delivery",
        "delivered",
        "live",
        "lives",
        "located",
        "mail",
        "send",
        "sent",
        "moved",
        "residence",
        "billing",
    ]

    def __init__(self) -> None:
        # Case matters: a street name is capitalised; Presidio's default flags ignore case.
        super().__init__(
            supported_entity="STREET_ADDRESS",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=0,
        )
