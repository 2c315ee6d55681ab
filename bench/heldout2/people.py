"""People: a name drawn from one of the hand-written cultures, its written forms, an e-mail address and a handle."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from bench.heldout2.culture import Culture
from bench.heldout2.names_europe import EUROPE
from bench.heldout2.names_world import WORLD

CULTURES: tuple[Culture, ...] = WORLD + EUROPE

# Letters NFKD does not take apart.
_FOLD = str.maketrans({"ß": "ss", "\u0131": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "æ": "ae", "'": ""})

_MAIL_PROVIDERS: dict[str, tuple[str, ...]] = {
    "GB": ("btinternet.com", "yahoo.co.uk", "outlook.com", "gmail.com", "sky.com"),
    "DE": ("web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com"),
    "AT": ("gmx.at", "aon.at", "chello.at", "gmail.com"),
    "CH": ("bluewin.ch", "gmx.ch", "sunrise.ch", "protonmail.ch"),
    "FR": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com"),
    "BE": ("telenet.be", "skynet.be", "proximus.be", "gmail.com"),
    "ES": ("hotmail.es", "telefonica.net", "yahoo.es", "gmail.com"),
    "IT": ("libero.it", "virgilio.it", "tiscali.it", "alice.it", "gmail.com"),
    "NL": ("ziggo.nl", "kpnmail.nl", "xs4all.nl", "hotmail.nl", "gmail.com"),
}
# Invented employers' domains for work addresses.
_WORK_DOMAINS = ("kroonhof-logistics.eu", "brightmill.co.uk", "tessera-bau.de", "atelier-lumen.fr",
                 "grupo-ondara.es", "officine-vesta.it", "polderwerk.nl", "helvion.ch",
                 "norrland-pharma.com")  # fmt: skip


def fold(text: str) -> str:
    """Without diacritics, as many keyboards and e-mail addresses write names."""
    text = text.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Person:
    given: str
    surname: str  # as written after the given name ("van der Meer", "Fernández Ruiz")
    alone: str  # the surname as written without the given name ("Van der Meer", "Fernández")
    female: bool
    culture: str
    family_first: bool = False
    middle: str = ""  # Vietnamese middle name, shown only in family-first full names

    @property
    def full(self) -> str:
        if self.family_first:
            return " ".join(p for p in (self.surname, self.middle, self.given) if p)
        return f"{self.given} {self.surname}"

    @property
    def initial_form(self) -> str:
        """ "A. Nowak", as letters and envelopes often write a name."""
        initials = "".join(p[0] + "." for p in self.given.replace("-", " ").split())
        return f"{initials} {self.surname}"


def _surname(c: Culture, female: bool, rng: random.Random) -> tuple[str, str]:
    """(surname after a given name, surname alone)."""

    def pick() -> str:
        return rng.choice(c.surnames)[1 if female else 0]

    first = pick()
    if c.surname_style in ("double", "catalan"):
        second = pick()
        while second == first:
            second = pick()
        joiner = " i " if c.surname_style == "catalan" and rng.random() < 0.3 else " "
        return f"{first}{joiner}{second}", first if rng.random() < 0.7 else f"{first}{joiner}{second}"
    if c.surname_style == "portuguese" and rng.random() < 0.6:
        second = pick()
        while second == first:
            second = pick()
        return f"{first} {second}", second
    if c.surname_style == "somali" and rng.random() < 0.5:
        father = rng.choice(c.male)
        return f"{father} {first}", first
    if c.surname_style == "dutch":
        return first, first[0].upper() + first[1:]
    return first, first


def make_person(rng: random.Random, culture: Culture | None = None) -> Person:
    c = culture or rng.choice(CULTURES)
    female = rng.random() < 0.5
    given = rng.choice(c.female if female else c.male)
    surname, alone = _surname(c, female, rng)
    family_first = rng.random() < c.family_first
    middle = rng.choice(c.middles(female)) if family_first and c.middles(female) else ""
    if rng.random() < c.fold:
        given, surname, alone, middle = fold(given), fold(surname), fold(alone), fold(middle)
    return Person(given, surname, alone, female, c.key, family_first, middle)


def _local_part(p: Person, rng: random.Random) -> str:
    given = fold(p.given).lower().replace(" ", "").replace("-", "")
    last = fold(p.alone).lower().replace(" ", "").replace("-", "")
    patterns = (
        f"{given}.{last}",
        f"{given}.{last}",
        f"{given[0]}.{last}",
        f"{given}{last}",
        f"{given}_{last}",
        f"{last}.{given}",
        f"{given}{rng.randint(1, 99)}",
        f"{given[0]}{last}{rng.choice(('', '', str(rng.randint(70, 99))))}",
    )
    return rng.choice(patterns)


def email_for(p: Person, country: str, rng: random.Random, work: bool = False) -> str:
    domain = rng.choice(_WORK_DOMAINS) if work else rng.choice(_MAIL_PROVIDERS[country])
    return f"{_local_part(p, rng)}@{domain}"


def handle_for(p: Person, rng: random.Random) -> str:
    """A chat handle such as @ayse.k; it names the person, so it is labelled PERSON."""
    given = fold(p.given).lower().replace(" ", "").replace("-", "")
    last = fold(p.alone).lower().replace(" ", "").replace("-", "")
    return "@" + rng.choice((f"{given}.{last[0]}", f"{given}_{last}", f"{given[0]}{last}", given, f"{given}.{last}"))
