"""Fills a template's slots with labelled or unlabelled values.

Person slots (an optional digit makes the same person recur): ``F`` first name, ``S`` surname, ``PF`` full name
without a title, ``P`` any shape, ``T`` title and surname (title outside the span), ``TD`` the same after a German
preposition (``bei Herrn Meyer``), ``H`` handle, ``FI`` first name and initial, ``LF`` "Surname, First".
Place slots: ``L`` a town of the language's countries (sometimes a big city anywhere), ``LW`` a big city anywhere,
``ADDR`` an inline postal address (only the town labelled). Unlabelled: ``STREET``, ``PSTREET`` (a street named after
a person), ``SITE`` (a company site: "our Lyon office"), ``EMAIL``, ``UH`` (a filler) and the slots of
:mod:`negatives` and :mod:`products` (``APP`` and ``COMPANY`` are built from a drawn person's names). Things named
like people (``THING_SLOTS``: brands, products, companies, venues, streets named after people) are labelled THING.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from types import ModuleType

from . import business, negatives, places, products
from .example import Segment
from .names import NameMaker, Person, fold

SLOT = re.compile(r"\{([A-Z]+)(\d?)\}")
SHAPES = {
    "P": (("first", 20), ("full", 42), ("initial", 7), ("title_last", 14), ("title_full", 7), ("last", 4),
          ("first_initial", 3), ("handle", 3)),
    "PF": (("full", 86), ("initial", 9), ("first_initial", 5)),
    "T": (("title_last", 75), ("title_full", 25)),
}  # fmt: skip
FULL_SHAPES = ("full", "title_full", "initial", "last_first")
PRODUCT_SLOTS = ("APP", "APPL", "COMPANY", "TEAM", "CODE", "NATL", "LANGW", "CAL", "NNOUN", "ADV", "IBAN", "ITEM")
# Slots whose whole value is a thing named like a person or a place: labelled THING.
THING_SLOTS = frozenset(
    {"BRAND", "CLUB", "SAAS", "PROD", "APP", "COMPANY", "PSTREET", "ASSIST", "DESIGNER", "VENUE", "UNI"}
    | set(negatives.BRAND_GROUPS)
)
DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "post.example", "firma.example")


def weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...] | dict[str, int]) -> str:
    items = list(pairs.items()) if isinstance(pairs, dict) else list(pairs)
    return rng.choices([k for k, _ in items], weights=[w for _, w in items])[0]


@dataclass
class World:
    """Everything a renderer draws from, shared by all examples of one run."""

    rng: random.Random
    names: NameMaker
    towns: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    streets: dict[str, tuple[str, ...]]
    langs: dict[str, ModuleType]
    """Per language, its ``templates_<lang>`` module (SENTENCES, FRAME, FORM, CSV)."""


@dataclass
class Renderer:
    world: World
    lang: str
    name_case: str = "keep"
    speech: bool = False
    cast: dict[str, Person] = field(default_factory=dict)

    @property
    def rng(self) -> random.Random:
        return self.world.rng

    def person(self, key: str = "") -> Person:
        if not key:
            return self.world.names.person(self.lang)
        if key not in self.cast:
            self.cast[key] = self.world.names.person(self.lang)
        return self.cast[key]

    def country(self, focus_only: bool = False) -> str:
        mix = dict(places.TOWN_MIX[self.lang])
        if focus_only:
            mix.pop("WORLD", None)
        return weighted(self.rng, mix)

    def town(self, country: str | None = None) -> tuple[str, str]:
        """A town name and its country code (``WORLD`` for a big city elsewhere)."""
        country = country or self.country()
        name, alternates = self.rng.choice(self.world.towns[country])
        if alternates and self.rng.random() < (0.15 if country == "WORLD" else 0.25):
            name = self.rng.choice(alternates)
        return name, country

    def name(self, shape: str, key: str = "", case: str | None = None) -> list[Segment]:
        rng = self.rng
        case = case or self.name_case
        if case == "keep":
            roll = rng.random()
            case = "lower" if roll < 0.03 else "upper" if roll < 0.05 else "upper_last" if roll < 0.07 else "keep"
        if case == "upper_last" and shape not in FULL_SHAPES:
            case = "keep"
        if self.speech and shape in ("initial", "first_initial", "handle", "last_first"):
            shape = "full"
        return self.world.names.render(self.person(key), shape, self.lang, case)

    def email(self, key: str = "") -> str:
        person = self.person(key)
        first = re.sub(r"[^a-z]", "", fold(person.first).lower()) or "info"
        last = re.sub(r"[^a-z]", "", fold(person.last).lower()) or "mail"
        local = self.rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}", f"{last}.{first[0]}"))
        return f"{local}@{self.rng.choice(DOMAINS)}"

    def address(self, block: bool = False, country: str | None = None) -> list[Segment]:
        country = country or self.country(focus_only=True)
        town, _ = self.town(country)
        rows = places.address_lines(country, town, self.rng, self.world.streets)
        out: list[Segment] = []
        for i, row in enumerate(rows):
            if i:
                out.append(("\n" if block else ", ", None))
            out.extend(row)
        return out

    def person_street(self) -> str:
        person = self.person()
        pattern = self.rng.choice(negatives.PERSON_STREETS[self.lang])
        return pattern.format(F=person.first, L=person.last.split()[-1])

    def slot(self, name: str, key: str) -> list[Segment]:
        rng = self.rng
        if name in ("P", "PF", "T"):
            return self.name(weighted(rng, SHAPES[name]), key)
        if name == "TD":  # a title in the dative or accusative: German "bei Herrn Meyer"
            segments = self.name(weighted(rng, SHAPES["T"]), key)
            if self.lang == "de" and segments[0][0].startswith("Herr "):
                segments[0] = ("Herrn " + segments[0][0][5:], None)
            return segments
        simple = {"F": "first", "S": "last", "H": "handle", "FI": "first_initial", "LF": "last_first"}
        if name in simple:
            return self.name(simple[name], key)
        if name == "L":
            return [(self.town()[0], "LOCATION")]
        if name == "LW":
            return [(self.town("WORLD")[0], "LOCATION")]
        if name == "ADDR":
            return self.address()
        if name == "STREET":
            country = self.country(focus_only=True)
            street = places.street(country, rng, self.world.streets)
            return [(f"{street} {places.number(country, rng)}", None)]
        if name == "PSTREET":
            return [(self.person_street(), "THING")]
        if name == "SITE":
            return [(rng.choice(negatives.SITE[self.lang]).format(C=self.town()[0]), None)]
        if name == "EMAIL":
            return [(self.email(key), None)]
        if name == "UH":
            return [(rng.choice(self.world.langs[self.lang].FRAME["uh"]), None)]
        phrase = negatives.framed(name, self.lang, rng)
        if phrase is not None:  # "bei [Lidl|THING]", "[Ciarán|THING] storm"
            before, after = phrase[0].split("{}")
            return [(before, None), (phrase[1], "THING"), (after, None)]
        value = negatives.value(name, self.lang, rng) or business.value(name, self.lang, rng)
        if value is None and name in PRODUCT_SLOTS:
            one, two = self.person(), self.person()
            given = one.first if " " not in one.first else "Luna"
            value = products.value(name, self.lang, rng, given, one.last.split()[-1], two.last.split()[-1])
        if value is None:
            raise KeyError(f"unknown slot {name!r}")
        return [(value, "THING" if name in THING_SLOTS else None)]

    def render(self, template: str) -> list[Segment]:
        out: list[Segment] = []
        pos = 0
        for match in SLOT.finditer(template):
            if match.start() > pos:
                literal = template[pos : match.start()]
                if out and out[-1][0].endswith(".") and literal.startswith("."):  # "J. Smith." not "J. Smith.."
                    literal = literal[1:]
                out.append((literal, None))
            values = self.slot(match.group(1), match.group(2))
            capital = match.start() == 0 and match.group(1) != "EMAIL"
            if capital and values and values[0][1] is None and values[0][0][:1].islower():
                values[0] = (values[0][0][0].upper() + values[0][0][1:], None)
            out.extend(values)
            pos = match.end()
        if pos < len(template):
            literal = template[pos:]
            if out and out[-1][0].endswith(".") and literal.startswith("."):
                literal = literal[1:]
            out.append((literal, None))
        return out
