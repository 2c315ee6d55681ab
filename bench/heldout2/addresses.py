"""Postal addresses in each country's own layout, as labelled segments."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.heldout2.labels import LOCATION, POSTCODE, STREET, Seg, country_of
from bench.heldout2.town import Town
from bench.heldout2.towns_north import NORTH
from bench.heldout2.towns_south import SOUTH

TOWNS: dict[str, tuple[Town, ...]] = {**NORTH, **SOUTH}
_GB_INWARD = "ABDEFGHJLNPQRSTUWXYZ"  # letters Royal Mail uses in the inward code
_NL_LETTERS = "ABCDEGHJKLMNPRTVWXZ"  # "SA", "SD" and "SS" are not used; leaving S out avoids them


@dataclass(frozen=True)
class Address:
    street: str  # street and house number, as written in the country
    postcode: str
    town: str
    country: str
    province: str = ""


def _postcode(town: Town, country: str, rng: random.Random) -> str:
    pattern = rng.choice(town.postcodes)
    digits = "".join(str(rng.randrange(10)) if ch == "#" else ch for ch in pattern)
    if country == "GB":
        return f"{digits} {rng.randrange(10)}{rng.choice(_GB_INWARD)}{rng.choice(_GB_INWARD)}"
    if country == "NL":
        return f"{digits} {rng.choice(_NL_LETTERS)}{rng.choice(_NL_LETTERS)}"
    return digits


def _house_number(country: str, rng: random.Random) -> str:
    n = str(rng.choice((rng.randint(1, 40), rng.randint(1, 180))))
    r = rng.random()
    if country in ("DE", "CH", "NL", "BE") and r < 0.12:
        return n + rng.choice("abc")
    if country == "AT" and r < 0.3:
        return f"{n}/{rng.randint(1, 24)}"  # Austrian flats: house/door
    if country == "NL" and r < 0.25:
        return n + rng.choice(("-II", "-III", " hs", "-1", "A"))
    if country == "FR" and r < 0.08:
        return n + " bis"
    return n


def _street_text(street: str, country: str, rng: random.Random) -> str:
    number = _house_number(country, rng)
    if country in ("GB", "FR"):
        return f"{number} {street}"  # the number goes first in Britain and France (not in Belgium or Switzerland)
    if country == "ES":
        if street.startswith("Calle ") and rng.random() < 0.3:
            street = "C/ " + street[len("Calle ") :]
        elif street.startswith("Avenida ") and rng.random() < 0.3:
            street = "Avda. " + street[len("Avenida ") :]
        return f"{street}, {number}" if rng.random() < 0.7 else f"{street} {number}"
    if country == "IT" and rng.random() < 0.4:
        return f"{street}, {number}"
    return f"{street} {number}"


def make_address(locale: str, rng: random.Random, town: Town | None = None) -> Address:
    country = country_of(locale)
    town = town or rng.choice(TOWNS[locale])
    street = _street_text(rng.choice(town.streets), country, rng)
    return Address(street, _postcode(town, country, rng), town.name, country, town.province)


def random_town(locale: str, rng: random.Random, avoid: str = "") -> str:
    towns = [t.name for t in TOWNS[locale] if t.name != avoid]
    return rng.choice(towns)


def inline_segs(a: Address, rng: random.Random) -> list[Seg]:
    """The address on one line, in the country's order: street, then postcode and town (town first in Britain)."""
    street: Seg = (a.street, STREET)
    pc: Seg = (a.postcode, POSTCODE)
    town: Seg = (a.town, LOCATION)
    if a.country == "GB":
        return [street, (", ", None), town, (rng.choice((" ", ", ")), None), pc]
    if a.country == "IT" and a.province:
        tail: list[Seg] = [(rng.choice((f" ({a.province})", f" {a.province}", "")), None)]
        return [street, (rng.choice((", ", " - ")), None), pc, (" ", None), town, *tail]
    return [street, (", ", None), pc, (" ", None), town]


def block_lines(a: Address, rng: random.Random) -> list[list[Seg]]:
    """The address as the lines of an envelope, following each post office's conventions."""
    street: list[Seg] = [(a.street, STREET)]
    if a.country == "GB":
        town = a.town.upper() if rng.random() < 0.5 else a.town  # Royal Mail prefers the post town in capitals
        return [street, [(town, LOCATION)], [(a.postcode, POSTCODE)]]
    town = a.town.upper() if a.country in ("FR", "NL") and rng.random() < 0.5 else a.town  # La Poste, PostNL
    last: list[Seg] = [(a.postcode, POSTCODE), (" ", None), (town, LOCATION)]
    if a.country == "IT" and a.province:
        last.append((f" {a.province}" if rng.random() < 0.5 else f" ({a.province})", None))
    if a.country == "NL":
        last[1] = ("  ", None) if rng.random() < 0.3 else last[1]  # PostNL: two spaces between postcode and town
    return [street, last]
