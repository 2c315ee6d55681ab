"""People: mimesis names, surname particles, titles per language and e-mail addresses."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from mimesis.enums import Gender

from bench.heldout.locales import _Source

_PARTICLES = {
    "von", "vom", "zu", "zum", "der", "den", "van", "de", "del", "della", "dei", "di", "du", "des", "la", "le", "ten",
    "ter", "te", "aan", "het", "'t", "y", "da", "dos", "das", "in", "op", "then", "an", "d'",
}  # fmt: skip


@dataclass(frozen=True)
class _Human:
    first: str
    last: str  # as written after the first name ("van der Berg", "García López")
    gender: Gender
    country: str
    language: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    def surname_alone(self, rng: random.Random) -> str:
        last = self.last
        if self.country == "ES" and " " in last and rng.random() < 0.6:
            return last.split(" ")[0]
        if self.country == "NL" and last[:1].islower():
            # Dutch capitalises the particle when no first name or initial precedes it: "meneer Van der Berg".
            return last[0].upper() + last[1:]
        return last


def _make_human(src: _Source, rng: random.Random) -> _Human:
    p = src.profile
    gender = rng.choice((Gender.FEMALE, Gender.MALE))
    first = src.person.first_name(gender=gender)
    first = first[:1].upper() + first[1:]  # a few mimesis entries are lower-case
    last = src.person.last_name(gender=gender)
    if p.country in ("DE", "AT", "CH") and rng.random() < 0.07:
        last = rng.choice(("von ", "von ", "von der ", "vom ")) + last
    elif p.language == "fr" and rng.random() < 0.06 and not last.startswith(("De", "Le", "La")):
        particle = rng.choice(("de ", "de ", "du "))
        last = ("d'" if particle == "de " and last[:1] in "AEIOUÉÈ" else particle) + last
    elif p.country == "IT" and rng.random() < 0.05 and not last.startswith(("De", "Di", "La")):
        last = "Di " + last
    elif p.country == "ES" and rng.random() < 0.55:
        second = src.person.last_name(gender=gender)
        if second != last:
            last = f"{last} {second}"
    if p.language == "fr" and rng.random() < 0.08:
        other = src.person.first_name(gender=gender)
        if other != first and " " not in other:
            first = f"{first}-{other}"
    return _Human(first, last, gender, p.country, p.language)


def _name_parts(text: str) -> list[str]:
    """The parts of a written name worth guarding: at least 3 letters and not a particle such as "van" or "de"."""
    parts = []
    for token in re.split(r"[\s,]+", text):
        token = token.strip(".,;:()")
        if sum(ch.isalpha() for ch in token) >= 3 and token.lower() not in _PARTICLES:
            parts.append(token)
    return parts


_TITLES: dict[str, dict[Gender, tuple[str, ...]]] = {
    "en": {
        Gender.FEMALE: ("Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Dr.", "Dr"),
        Gender.MALE: ("Mr", "Mr.", "Mr", "Dr.", "Dr"),
    },
    "de": {
        Gender.FEMALE: ("Frau", "Frau", "Frau", "Frau Dr.", "Dr."),
        Gender.MALE: ("Herr", "Herr", "Herr Dr.", "Dr."),
    },
    "fr": {Gender.FEMALE: ("Mme", "Mme", "Madame", "Dr"), Gender.MALE: ("M.", "M.", "Monsieur", "Dr")},
    "es": {
        Gender.FEMALE: ("la señora", "la señora", "la Sra.", "la doctora"),
        Gender.MALE: ("el señor", "el señor", "el Sr.", "el doctor"),
    },
    "it": {
        Gender.FEMALE: ("la signora", "la signora", "la sig.ra", "la dott.ssa"),
        Gender.MALE: ("il signor", "il signor", "il sig.", "il dott."),
    },
    "nl": {Gender.FEMALE: ("mevrouw", "mevrouw", "mevr.", "dr."), Gender.MALE: ("meneer", "meneer", "dhr.", "de heer")},
}

_EMAIL_DOMAINS = {
    "US": ("gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "comcast.net"),
    "GB": ("gmail.com", "btinternet.com", "outlook.com", "sky.com", "yahoo.co.uk", "hotmail.co.uk"),
    "CA": ("gmail.com", "rogers.com", "shaw.ca", "sympatico.ca", "outlook.com", "videotron.ca"),
    "IE": ("gmail.com", "eircom.net", "outlook.ie", "hotmail.com", "yahoo.ie"),
    "DE": ("gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com", "freenet.de"),
    "AT": ("gmx.at", "aon.at", "chello.at", "a1.net", "gmail.com"),
    "CH": ("bluewin.ch", "gmx.ch", "sunrise.ch", "hispeed.ch", "gmail.com"),
    "FR": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "gmail.com"),
    "BE": ("telenet.be", "skynet.be", "proximus.be", "gmail.com", "hotmail.be"),
    "ES": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"),
    "IT": ("libero.it", "tiscali.it", "virgilio.it", "alice.it", "gmail.com", "tim.it"),
    "NL": ("ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl", "gmail.com", "planet.nl"),
}
_DE_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _ascii(text: str, language: str) -> str:
    if language == "de":
        text = text.translate(_DE_FOLD)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


def _email_local(h: _Human, rng: random.Random) -> str:
    f = _ascii(h.first, h.language)
    last = h.last.split(" ")[0] if h.country == "ES" else h.last
    sur = _ascii(last, h.language)
    patterns = (
        f"{f}.{sur}",
        f"{f}.{sur}",
        f"{f[:1]}.{sur}",
        f"{f}{sur}",
        f"{f}_{sur}",
        f"{sur}.{f}",
        f"{f}.{sur}{rng.randint(1, 99)}",
        f"{f}{rng.randint(60, 99)}",
        f"{f[:1]}{sur}",
    )
    return rng.choice(patterns)


def _email_for(h: _Human, src: _Source, rng: random.Random) -> str:
    if rng.random() < 0.25:
        return src.person.email()
    return f"{_email_local(h, rng)}@{rng.choice(_EMAIL_DOMAINS[h.country])}"
