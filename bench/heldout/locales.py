"""Locale profiles and the seeded mimesis providers (``_Source``) behind each of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mimesis import Address, Locale, Person


@dataclass(frozen=True)
class _Profile:
    code: str  # the LabelledText locale, e.g. "de_AT"
    source: Locale  # the mimesis locale the values come from
    language: str  # the locale's own language
    country: str  # ISO 3166-1 alpha-2
    cc: str  # international calling code
    trunk: str  # national trunk prefix, "" where the leading 0 belongs to the number (IT) or there is none


PROFILES: tuple[_Profile, ...] = (
    _Profile("en_US", Locale.EN, "en", "US", "1", ""),
    _Profile("en_GB", Locale.EN_GB, "en", "GB", "44", "0"),
    _Profile("en_CA", Locale.EN_CA, "en", "CA", "1", ""),
    _Profile("en_IE", Locale.EN_GB, "en", "IE", "353", "0"),
    _Profile("de_DE", Locale.DE, "de", "DE", "49", "0"),
    _Profile("de_AT", Locale.DE_AT, "de", "AT", "43", "0"),
    _Profile("de_CH", Locale.DE_CH, "de", "CH", "41", "0"),
    _Profile("fr_FR", Locale.FR, "fr", "FR", "33", "0"),
    _Profile("fr_BE", Locale.FR, "fr", "BE", "32", "0"),
    _Profile("es_ES", Locale.ES, "es", "ES", "34", ""),
    _Profile("it_IT", Locale.IT, "it", "IT", "39", ""),
    _Profile("nl_NL", Locale.NL, "nl", "NL", "31", "0"),
    _Profile("nl_BE", Locale.NL_BE, "nl", "BE", "32", "0"),
)

# Share of texts written in English for a locale whose own language is not English, so that about half of all texts
# are English: 4/13 + 9/13 * 0.28 ~= 0.5.
_ENGLISH_SHARE = 0.28

# mimesis's Spanish "cities" include regions and coasts; they are not towns an address would name.
_NOT_A_TOWN = re.compile(r"^(Andalusia|Aragon|Catalonia|Galicia|Gibraltar|Costa\b.*|.*\bspain)$", re.IGNORECASE)

# German city adjectives ("unser Münchner Büro"); used only for cities mimesis itself returns.
_DE_CITY_ADJ = {
    "Berlin": "Berliner",
    "München": "Münchner",
    "Hamburg": "Hamburger",
    "Köln": "Kölner",
    "Stuttgart": "Stuttgarter",
    "Düsseldorf": "Düsseldorfer",
    "Leipzig": "Leipziger",
    "Dresden": "Dresdner",
    "Nürnberg": "Nürnberger",
    "Bremen": "Bremer",
    "Hannover": "Hannoveraner",
    "Bonn": "Bonner",
    "Mainz": "Mainzer",
    "Wien": "Wiener",
    "Graz": "Grazer",
    "Linz": "Linzer",
    "Salzburg": "Salzburger",
    "Innsbruck": "Innsbrucker",
    "Klagenfurt am Wörthersee": "Klagenfurter",
    "Zürich": "Zürcher",
    "Basel": "Basler",
    "Bern": "Berner",
    "Luzern": "Luzerner",
    "Winterthur": "Winterthurer",
}


class _Source:
    """The seeded mimesis providers behind one locale profile."""

    def __init__(self, profile: _Profile, seed: int) -> None:
        self.profile = profile
        self.person = Person(profile.source, seed=seed)
        self.address = Address(profile.source, seed=seed + 1)
        cities: list[str] = self.address._extract(["city"])
        self.adj_cities = sorted({c for c in cities if c in _DE_CITY_ADJ})

    def city(self) -> str:
        for _ in range(50):
            city = self.address.city()
            if not _NOT_A_TOWN.match(city):
                return city
        return city

    def digits(self, n: int) -> str:
        return self.person.telephone(mask="#" * n) if n else ""


def _sources(seed: int) -> list[_Source]:
    return [_Source(p, seed * 1000 + 37 * i) for i, p in enumerate(PROFILES)]
