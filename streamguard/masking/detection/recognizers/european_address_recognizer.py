"""Street addresses as continental Europe writes them, and postcodes with the town beside them.

Two grammars cover DE, AT, CH, NL and Flemish BE on one side, FR, Walloon BE, ES and IT on the other:

- the street type is the end of the name ("Hauptstraße 12", "Karl-Heinz-Weg 3a", "Hauptstr. 5",
  "Pijnsweg 106", "Lange Straße 4-5", "Am Markt 3"), the house number after it;
- the street type comes first ("30, rue de la Paix", "12 avenue Victor Hugo", "Calle Mayor, 14", "C/ Alcalá 20",
  "Via Roma 3", "Piazza Garibaldi, 7"), the number before (French) or after (others).

A street type with a house number scores 0.6; the number is what separates "Via Roma 3" from a mention of
"via email". Street types come from the countries' postal conventions, not from any generator's lists.

A postcode with a town after it ("10115 Berlin", "A-1010 Wien", "1012 AB Amsterdam", "75008 Paris") is one
span: 0.7 when the town is a known place (GeoNames), 0.35 otherwise (an address word or a street just
before it lifts it over the bar; "2024 Umsatz" stays out).
"""

from __future__ import annotations

import regex

from streamguard.masking.detection import Span
from streamguard.masking.detection.lexicon import CALENDAR_WORDS, Lexicon
from streamguard.masking.detection.recognizers.street_address_recognizer import STREET_TYPE_WORDS

STREET_SCORE = 0.6
KNOWN_TOWN_SCORE = 0.7
UNKNOWN_TOWN_SCORE = 0.35

_SUFFIXES_DE = (
    r"straße|strasse|str\.|weg|gasse|gässchen|platz|allee|ring|damm|ufer|chaussee|steig|stieg|pfad|markt|"
    r"berg|hof|graben|kamp|brücke|wall|zeile|feld|garten|park|promenade|twiete|anger|aue|grund|höhe|kai|"
    r"bogen|leite|rain|halde|matt|matte|gässli|strässchen|stiege|lände"
)
_SUFFIXES_NL = (
    r"straat|str\.|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|markt|wal|baan|erf|veld|kamp|"
    r"burg|plantsoen|park|boulevard|lei|vest|dam|haven|hoek|ring|wijk|zijde"
)
# Separate words that name a street in German or Dutch when a house number follows.
_TYPE_WORDS_DE = r"Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer|Chaussee|Markt|Steig|Pfad"
_LEADING_DE = (
    r"(?:Am|An der|An den|Auf der|Auf dem|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Alte|Alter|Neue|Neuer)"
)
_UPPER = r"\p{Lu}[\p{Ll}ß]+"
_HOUSE_NUMBER = r"\d{1,4}(?:[ ]?[a-zA-Z](?![\p{L}]))?(?:[ ]?[-/][ ]?\d{1,4}[a-zA-Z]?)?"
_END = r"(?![\p{L}\d])"
# Floor, flat, staircase or box after the number: "47 Piso 2", "12 Piano 3", "5 bus 2", "3 Whg. 4".
_UNIT = (
    r"(?:,?[ ](?:Piano|Appartamento|App\.?|Int\.|Interno|Scala|Piso|Puerta|Pta\.|Escalera|Esc\.|Étage|Etage|"
    r"Stock|Whg\.|Wohnung|Top|Stiege|bus|Bus|Bte|bte|boîte|Apt\.?)[ ]?[\p{L}\d]{1,4}(?![\p{L}\d]))?"
)

_STREET_FIRST_TYPES = (
    # French and Belgian
    r"rue|avenue|av\.|ave\.|boulevard|bd|bld|place|pl\.|allée|impasse|imp\.|chemin|ch\.|quai|route|rte|cours|"
    r"passage|square|voie|rond-point|faubourg|fg|chaussée|drève|sentier|esplanade|parvis|promenade|résidence|"
    r"lotissement|hameau|cité|clos|montée|traverse|"
    # Spanish
    r"calle|c/|c\.|avenida|avda\.?|av\.|paseo|pº|plaza|pza\.?|camino|carretera|ctra\.?|ronda|travesía|"
    r"glorieta|rambla|pasaje|callejón|cuesta|urbanización|urb\.|alameda|vía|carrer|passeig|plaça|avinguda|"
    # Catalan and Galician beyond the words Spanish shares
    r"travessera|carreró|rúa|praza|estrada|camiño|travesa|rolda|"
    # Italian
    r"via|viale|v\.le|piazza|p\.zza|piazzale|corso|c\.so|largo|vicolo|strada|contrada|lungomare|lungotevere|"
    r"borgo|salita|traversa|calle|campo|rione|località|loc\.|frazione|fraz\.|circonvallazione|galleria|calata|riva"
)
_NAME_WORD = (
    r"(?:\p{Lu}[\p{L}'\u2019.-]*|\d{1,2}(?:er|e|º|ª)?|de|del|de la|de los|de las|des|du|d'|l'|la|le|les|di|"
    r"della|dei|degli|delle|dello|da|dal|do|dos|das|y|e|et|sur|sous|en|aux?)"
)
_STREET_FIRST_NAME = rf"(?:{_NAME_WORD}[ ]?){{1,6}}"

_GERMANIC = regex.compile(
    rf"(?<![\p{{L}}\d-])(?:{_LEADING_DE}[ ])?(?:{_UPPER}(?:-{_UPPER})*-?(?i:{_SUFFIXES_DE}|{_SUFFIXES_NL})"
    rf"|(?:{_UPPER}[ ]){{1,2}}(?:{_TYPE_WORDS_DE})"
    rf"|{_LEADING_DE}[ ]{_UPPER}(?:[ ]{_UPPER})?(?=[ ]?,?[ ]?\d{{1,3}}{_END}))"
    rf"[ ]?,?[ ]?{_HOUSE_NUMBER}{_END}{_UNIT}"
)
_NUMBER_FIRST = regex.compile(
    rf"(?<![\p{{L}}\d,.])\d{{1,4}}(?:[ ]?(?:bis|ter|[a-zA-Z]))?,?[ ]+(?i:{_STREET_FIRST_TYPES})[ ]+{_STREET_FIRST_NAME}"
    r"(?<![ ,.])"
)
_NUMBER_AFTER = regex.compile(
    rf"(?<![\p{{L}}\d])(?i:{_STREET_FIRST_TYPES})[ ]+{_STREET_FIRST_NAME}?(?<![ ])[ ]?,?[ ]?(?:n[º°o]\.?[ ]?)?"
    rf"{_HOUSE_NUMBER}{_END}{_UNIT}"
)
# Postcodes of the countries read, optionally with the country letter(s): 5 digits (DE, FR, ES, IT), 4 digits
# (AT, CH, BE, LU, NL; NL with two letters), then the town.
_POSTCODE_TOWN = regex.compile(
    r"(?<![\p{L}\d.,/#-])(?:(?:D|A|CH|F|B|L|NL|E|I)-)?(?:\d{5}|\d{4}(?:[ ]?[A-Z]{2}(?![\p{L}]))?)"
    r"[ ]+(\p{Lu}[\p{L}'\u2019-]+(?:[ -](?:am|an der|im|bei|sur|sous|en|de|del|di|la|le|les|aan|den|a\.d\.)?[ ]?"
    r"\p{Lu}[\p{L}'\u2019-]+){0,2})"  # no full stop inside: "Gateway. Parcel" is two sentences
)


# A town written before its postcode, as people write it after a street ("Calle Sierpes 12, Sevilla 41004").
_TOWN_POSTCODE = regex.compile(
    r"(?<![\p{L}])(\p{Lu}[\p{L}'\u2019-]+(?:[ -]\p{Lu}[\p{L}'\u2019-]+){0,2})[ ]+\d{4,5}(?![\d])"
)


_CALENDAR_WORD = "|".join(sorted(map(regex.escape, CALENDAR_WORDS), key=len, reverse=True))
# What shows a "house number" to be a day or a version: a month after it, maybe after a range ("Ahoy Rotterdam,
# 5-9 dicembre", "RAI Amsterdam, 28. bis 31. März", "11 t/m 20 september"), or more digits after a point ("6.3.0").
_DATE_OR_VERSION_AFTER = regex.compile(
    rf"\.?[ ]*(?:(?:bis|t/m|tot|au|al|to|-|\u2013)[ ]*\d{{1,2}}\.?[ ]*)?(?i:{_CALENDAR_WORD})(?![\p{{L}}])|[.,]\d"
)
# A year after a date's month ("7 febbraio 2024", "Jul. 2024"): no postcode.
_DATE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{_CALENDAR_WORD})\.?,?[ ]*\Z")


class EuropeanAddressRecognizer:
    entity = "STREET_ADDRESS"
    context: tuple[str, ...] = ()

    def __init__(self, timeout_s: float = 1.0) -> None:
        self._timeout_s = timeout_s

    def applies_to(self, text: str) -> bool:
        return any(c.isdigit() for c in text)

    def find(self, text: str) -> list[Span]:
        spans = []
        for pattern in (_GERMANIC, _NUMBER_FIRST, _NUMBER_AFTER):
            for match in pattern.finditer(text, timeout=self._timeout_s):
                if _has_digit(match.group()) and not _DATE_OR_VERSION_AFTER.match(text, match.end()):
                    spans.append(Span(match.start(), match.end(), self.entity, STREET_SCORE))
        return spans


# Address words of the six languages: a postcode and an unknown town next to one of them is an address.
ADDRESS_CONTEXT = (
    "address",
    "ship",
    "deliver",
    "delivery",
    "send",
    "moved",
    "lives",
    "adresse",
    "anschrift",
    "lieferadresse",
    "wohnt",
    "wohnhaft",
    "umgezogen",
    "livraison",
    "domicile",
    "déménagé",
    "habite",
    "dirección",
    "domicilio",
    "envío",
    "entrega",
    "indirizzo",
    "spedizione",
    "consegna",
    "residenza",
    "adres",
    "bezorgen",
    "woont",
    "verhuisd",
    "levering",
)


# "Via Roma 3, 00184 Roma", "Hauptstraße 12\n10115 Berlin": a postcode right after a house number.
_AFTER_HOUSE_NUMBER = regex.compile(r"\d[a-zA-Z]?[ ]?(?:,[ ]?|\r?\n[ \t]*)$")


# "461, rue Guillou, 12579 GONZALEZBOEUF": a postcode right after a street written number first.
_AFTER_STREET_NAME = regex.compile(rf"(?<![\p{{L}}])(?i:{_STREET_FIRST_TYPES})[ ][^\n,]{{1,40}},[ ]?$")


class PostcodeTownRecognizer:
    entity = "POSTAL_CODE"
    context: tuple[str, ...] = ADDRESS_CONTEXT

    def __init__(self, lexicon: Lexicon, timeout_s: float = 1.0) -> None:
        self._lexicon = lexicon
        self._timeout_s = timeout_s

    def applies_to(self, text: str) -> bool:
        return any(c.isdigit() for c in text)

    def find(self, text: str) -> list[Span]:
        spans = []
        for match in _POSTCODE_TOWN.finditer(text, timeout=self._timeout_s):
            if _DATE_BEFORE.search(text[max(0, match.start() - 16) : match.start()]):
                continue
            end = match.end()
            town = self._known_town(match.group(1))
            if town is not None:
                spans.append(Span(match.start(), match.start(1) + len(town), self.entity, KNOWN_TOWN_SCORE))
            elif " " in match.group(1) or not self._lexicon.is_ordinary(match.group(1)):
                before = text[max(0, match.start() - 60) : match.start()]
                after_street = _AFTER_HOUSE_NUMBER.search(before[-8:]) or _AFTER_STREET_NAME.search(before)
                score = STREET_SCORE if after_street else UNKNOWN_TOWN_SCORE
                # "8657 Ward Gateway": a house number and a street, not a postcode and a town
                street = match.group(1).split()[-1].lower() in STREET_TYPE_WORDS
                spans.append(Span(match.start(), end, "STREET_ADDRESS" if street else self.entity, score))
        for match in _TOWN_POSTCODE.finditer(text, timeout=self._timeout_s):
            after_house = _AFTER_HOUSE_NUMBER.search(text[max(0, match.start() - 8) : match.start()])
            if after_house and self._lexicon.is_city(match.group(1)):
                spans.append(Span(match.start(), match.end(), self.entity, KNOWN_TOWN_SCORE))
        return spans

    def _known_town(self, words: str) -> str | None:
        """The longest known place the words start with ("Frankfurt am Main", not "Frankfurt")."""
        parts = words.split(" ")
        for size in range(len(parts), 0, -1):
            candidate = " ".join(parts[:size]).rstrip(",")
            if self._lexicon.is_city(candidate):
                return candidate
        return None


def _has_digit(value: str) -> bool:
    return any(c.isdigit() for c in value)
