"""Person-name values: the project's name lexicons and Faker's Latin-script locales, in many shapes."""

from __future__ import annotations

import gzip
import importlib.resources
import random
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache

from faker import Faker

from .example import Segment, words

LEXICON = "streamguard.masking.detection.lexicon"

# Faker locales whose person provider yields Latin script and is not a copy of en_US (checked with Faker 40.x;
# am_ET, ar_*, bs_BA, el_CY, en_AU, en_CA, en_PH, es_VE, fil_PH, it_CH, lb_LU, mt_MT, sq_AL, tl_PH fall back to en_US).
FAKER_LOCALES = words(
    "en_US en_GB en_IE en_IN en_KE en_NG en_NZ en_PK en_TH az_AZ cs_CZ da_DK de_DE de_AT de_CH es_ES es_AR es_CL "
    "es_CO es_MX es_CA et_EE fi_FI fr_FR fr_BE fr_CA fr_CH fr_DZ ga_IE ha_NG hr_HR hu_HU id_ID ig_NG is_IS it_IT "
    "lt_LT lv_LV nl_NL nl_BE no_NO pl_PL pt_BR pt_PT ro_RO sk_SK sl_SI sv_SE sw tr_TR tw_GH uz_UZ vi_VN yo_NG zu_ZA"
)
HOME_LOCALES = {
    "en": ("en_GB", "en_IE", "en_US", "en_IN", "en_NZ"),
    "de": ("de_DE", "de_AT", "de_CH"),
    "fr": ("fr_FR", "fr_BE", "fr_CH", "fr_CA"),
    "es": ("es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "es_CA"),
    "it": ("it_IT",),
    "nl": ("nl_NL", "nl_BE"),
}
PARTICLES = (
    ("van", "van der", "van den", "de", "ter", "van de"),
    ("von", "von der", "zu"),
    ("de", "du", "de la", "le"),
    ("de", "del", "de la", "de los"),
    ("di", "de", "del", "della", "da", "dalla"),
    ("da", "dos", "das", "de"),
    ("al-", "el-", "bin", "ibn", "abu", "ben"),
)
TITLES = {
    "en": {"m": ("Mr", "Mr.", "Dr", "Dr.", "Prof."), "f": ("Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Miss")},
    "de": {"m": ("Herr", "Herr", "Dr.", "Herr Dr.", "Prof."), "f": ("Frau", "Frau Dr.", "Dr.", "Prof.")},
    "fr": {"m": ("M.", "Monsieur", "Dr", "Me", "M."), "f": ("Mme", "Mme.", "Madame", "Mlle", "Dr")},
    "es": {"m": ("Sr.", "D.", "Don", "Dr.", "señor"), "f": ("Sra.", "Dña.", "Doña", "Dra.", "señora")},
    "it": {"m": ("Sig.", "Dott.", "Ing.", "Avv.", "signor"), "f": ("Sig.ra", "Dott.ssa", "signora", "Avv.")},
    "nl": {"m": ("Dhr.", "de heer", "meneer", "dr.", "ir."), "f": ("Mevr.", "mevrouw", "dr.", "mw.")},
}
_FAKER_NAME = re.compile(r"^[^\W\d_]+(?:(?: |-|'|\u2019)[^\W\d_]+)*$")
_LOWER_OK = set(
    words("van de der den von zu di da dos das du del della la le ter ten y e bin al el ibn mac ní 't het op in")
)
_VOWELS = set("aeiouy")


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    middle: str = ""
    gender: str = "x"


def _latin(name: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def _has_vowel(name: str) -> bool:
    return any(unicodedata.normalize("NFKD", ch)[0] in _VOWELS for ch in name)


def fold(text: str) -> str:
    """ASCII-folds text (``Ayşe`` -> ``Ayse``)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def lexicon(exclude: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """The lexicons' Latin-script names (lower case), sorted: common first names, the other first names, surnames."""
    root = importlib.resources.files(LEXICON)

    def load(stem: str) -> set[str]:
        with gzip.open(str(root / f"{stem}.txt.gz"), "rt", encoding="utf-8") as handle:
            words = {line.strip() for line in handle}
        return {w for w in words if len(w) >= 2 and _latin(w) and _has_vowel(w) and w not in exclude}

    common = load("common_first_names")
    first = load("first_names")
    return {
        "common": tuple(sorted(common)),
        "rare": tuple(sorted(first - common)),
        "last": tuple(sorted(load("last_names"))),
    }


def capitalize(name: str, rng: random.Random) -> str:
    """Capitalises a lower-case lexicon name: ``o'brien`` -> ``O'Brien``, ``al-amin`` -> ``al-Amin``/``Al-Amin``."""
    parts = re.split(r"([-'\u2019 ])", name)
    out: list[str] = []
    for i, part in enumerate(parts):
        article = i == 0 and part in ("al", "el") and parts[1:2] == ["-"] and rng.random() < 0.5
        if not part or part in "-'\u2019 " or article:
            out.append(part)
        elif part.startswith("mc") and len(part) > 3:
            out.append("Mc" + part[2:3].upper() + part[3:])
        else:
            out.append(part[:1].upper() + part[1:])
    return "".join(out)


@lru_cache(maxsize=4)
def faker_pools(seed: int, draws: int = 250) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """Per locale: male first names, female first names, surnames, drawn from Faker seeded with ``seed``."""
    pools = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for index, locale in enumerate(FAKER_LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed * 1000 + index)

            def draw(method: str, fake: Faker = fake) -> tuple[str, ...]:
                values = {" ".join(getattr(fake, method)().split()) for _ in range(draws)}
                return tuple(sorted(v for v in values if _FAKER_NAME.match(v) and _particles_only(v)))

            pools[locale] = (draw("first_name_male"), draw("first_name_female"), draw("last_name"))
    return pools


def _particles_only(name: str) -> bool:
    """False for Faker oddities such as ``auch Schlauchin``: a lower-case word must be a name particle."""
    return all(w in _LOWER_OK for w in name.split() if w[:1].islower())


class NameMaker:
    """Draws people and renders them in a shape; the title of a shape is never inside the PERSON span."""

    def __init__(self, rng: random.Random, seed: int, exclude: frozenset[str]) -> None:
        self.rng = rng
        self.lex = lexicon(exclude)
        self.fake = faker_pools(seed)

    def _lex_first(self) -> str:
        pool = self.lex["common"] if self.rng.random() < 0.65 else self.lex["rare"]
        return capitalize(self.rng.choice(pool), self.rng)

    def person(self, lang: str) -> Person:
        rng = self.rng
        roll = rng.random()
        if roll < 0.4:
            first, last, gender = self._lex_first(), capitalize(rng.choice(self.lex["last"]), rng), "x"
            middle_pool: tuple[str, ...] | None = None
            locale = ""
        else:
            locale = rng.choice(HOME_LOCALES[lang]) if roll < 0.7 else rng.choice(FAKER_LOCALES)
            males, females, lasts = self.fake[locale]
            gender = rng.choice("mf")
            middle_pool = males if gender == "m" else females
            first, last = rng.choice(middle_pool), rng.choice(lasts)
            if locale.startswith(("es", "pt")) and rng.random() < 0.5:
                other = rng.choice(lasts)
                if other != last:
                    last = f"{last}{'-' if rng.random() < 0.2 else ' '}{other}"
        extra = rng.random()
        middle = ""
        if extra < 0.07:
            middle = rng.choice(middle_pool) if middle_pool else self._lex_first()
        elif extra < 0.14 and " " not in last:
            particle = rng.choice(rng.choice(PARTICLES))
            last = f"{particle}{last}" if particle.endswith("-") else f"{particle} {last}"
        elif extra < 0.19 and " " not in last and "-" not in last:
            last = f"{last}-{capitalize(rng.choice(self.lex['last']), rng)}"
        elif extra < 0.23 and "-" not in first and " " not in first:
            second = rng.choice(middle_pool) if middle_pool else self._lex_first()
            if " " not in second and "-" not in second and second != first:
                first = f"{first}-{second}"
        if middle == first:
            middle = ""
        return Person(first, last, middle, gender if locale else rng.choice("mfx"))

    def title(self, person: Person, lang: str) -> str:
        gender = person.gender if person.gender in "mf" else self.rng.choice("mf")
        return self.rng.choice(TITLES[lang][gender])

    def handle(self, person: Person) -> str:
        first = re.sub(r"[^a-z]", "", fold(person.first).lower()) or "user"
        last = re.sub(r"[^a-z]", "", fold(person.last.split()[-1]).lower()) or "x"
        pattern = self.rng.randrange(8)
        body = (
            first,
            f"{first}.{last}",
            f"{first}_{last}",
            f"{first}{last[0]}",
            f"{first[0]}{last}",
            f"{first}.{last[0]}",
            f"{first}{self.rng.randint(1, 99)}",
            f"{first}-{last}",
        )[pattern]
        return "@" + body

    def render(self, person: Person, shape: str, lang: str, case: str = "keep") -> list[Segment]:
        """Segments for ``person`` in ``shape`` (first, last, full, initial, title_last, title_full, last_first,
        first_initial, handle); ``case`` is keep, lower, upper or upper_last."""
        rng = self.rng
        last = person.last
        first = person.first
        if shape in ("last", "title_last", "last_first") and last[:1].islower():
            last = last[0].upper() + last[1:]
        if case == "upper_last":
            last = last.upper()
        full = " ".join(p for p in (first, person.middle, last) if p)
        if shape == "first":
            text = first
        elif shape in ("last", "title_last"):
            text = last
        elif shape == "initial":
            initials = "-".join(f"{p[0]}." for p in first.split("-"))
            if person.middle and rng.random() < 0.5:
                initials += ("" if rng.random() < 0.5 else " ") + f"{person.middle[0]}."
            text = f"{initials} {last}"
        elif shape == "last_first":
            text = f"{last}, {first}"
        elif shape == "first_initial":
            text = f"{first} {last.split()[-1].lstrip('-')[0].upper()}."
        elif shape == "handle":
            text = self.handle(person)
        else:
            text = full
        if case == "lower":
            text = text.lower()
        elif case == "upper":
            text = text.upper()
        if shape.startswith("title_"):
            title = self.title(person, lang)
            return [(title + " ", None), (text, "PERSON")]
        return [(text, "PERSON")]
