"""Addresses: mimesis streets, cities and postcodes in each country's own layout."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.heldout.labels import LOCATION, POSTCODE, Seg
from bench.heldout.locales import _Source


@dataclass(frozen=True)
class _Addr:
    street: str
    postcode: str
    city: str
    state: str  # US/CA only
    country: str


_UK_SUFFIXES = ("Road", "Road", "Street", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Gardens", "Crescent",
                "Grove", "Terrace", "Place", "Park", "Hill", "Court", "Row", "Square", "Mews", "Walk")  # fmt: skip
_US_ABBR = {"Street": "St", "Avenue": "Ave", "Road": "Rd", "Boulevard": "Blvd", "Drive": "Dr", "Lane": "Ln",
            "Court": "Ct", "Place": "Pl", "Parkway": "Pkwy", "Circle": "Cir", "Terrace": "Ter"}  # fmt: skip
_FR_TYPES = {"Rue": 8, "Avenue": 3, "Boulevard": 2, "Allée": 1, "Impasse": 1, "Place": 1, "Route": 1, "Cours": 1,
             "Square": 1}  # fmt: skip
_ES_TYPES = {"Calle", "C/", "Avenida", "Av", "Avda", "Paseo", "Plaza", "Camino", "Carrer", "Ronda", "Travesía",
             "Alameda", "Glorieta", "Rambla", "Carretera", "Urbanización", "Pasaje", "Vía", "Costanilla",
             "Cuesta", "Rúa", "Rua", "Avinguda", "Passeig", "Plaça", "Travessera", "Ctra."}  # fmt: skip
_IT_TYPES_EXTRA = ("Piazza", "Piazza", "Corso", "Largo", "Vicolo", "Piazzale")
_IT_ABBR = {"Viale": "V.le", "Piazza": "P.zza", "Corso": "C.so", "Piazzale": "P.le"}
_GB_AREAS = ("SW", "SE", "NW", "N", "E", "W", "EC", "WC", "M", "B", "L", "G", "S", "LS", "EH", "BS", "CF", "NE", "OX",
             "CB", "BT", "AB", "BN", "CV", "DE", "NG", "PO", "RG", "SO", "YO", "LE", "HU", "PL", "EX", "GU",
             "KT")  # fmt: skip
_GB_INWARD = "ABDEFGHJLNPQRSTUWXYZ"
_EIR_KEYS = ("D01", "D02", "D04", "D06", "D6W", "D08", "D12", "D15", "D18", "D24", "A94", "A96", "T12", "T23", "H91",
             "V94", "X91", "R93", "F91", "Y35", "W91", "K78", "P31", "E91", "N91", "A63")  # fmt: skip
_EIR_CHARS = "ACDEFHKNPRTVWXY0123456789"
_CA_FIRST = "ABCEGHJKLMNPRSTVXY"
_CA_OTHER = "ABCEGHJKLMNPRSTVWXYZ"


def _house_number(rng: random.Random, country: str) -> str:
    n = int(rng.triangular(1, 160, 9))
    r = rng.random()
    if country in ("DE", "AT", "CH"):
        if country == "AT" and r < 0.15:
            return f"{n}/{rng.randint(1, 24)}"
        if r < 0.14:
            return f"{n}{rng.choice('abcd')}"
        if r < 0.18:
            return f"{n}-{n + 2}"
    elif country == "FR" and r < 0.08:
        return f"{n} {rng.choice(('bis', 'ter'))}"
    elif country == "IT" and r < 0.12:
        return f"{n}/{rng.choice('ABCab')}"
    elif country == "NL" and r < 0.14:
        return f"{n}{rng.choice(('A', 'a', 'B', '-1', '-2', '-II'))}"
    elif (country == "BE" and r < 0.08) or (country in ("GB", "IE") and r < 0.07):
        return f"{n}{rng.choice('AB')}"
    elif country in ("US", "CA"):
        return str(int(rng.triangular(1, 9999, 300)))
    return str(n)


def _de_abbreviate(name: str) -> str:
    for full, short in (("straße", "str."), ("Straße", "Str."), ("strasse", "str."), ("Strasse", "Str.")):
        if name.endswith(full):
            return name[: -len(full)] + short
    return name


def _street(src: _Source, rng: random.Random) -> str:
    p, a = src.profile, src.address
    c = p.country
    num = _house_number(rng, c)
    if c in ("DE", "AT", "CH"):
        name = a.street_name()
        if rng.random() < 0.3:
            name = _de_abbreviate(name)
        return f"{name} {num}"
    if c == "FR" or p.code == "fr_BE":
        kind = a.street_suffix()
        for _ in range(20):
            if kind in _FR_TYPES and rng.random() < _FR_TYPES[kind] / 8:
                break
            kind = a.street_suffix()
        else:
            kind = "Rue"
        name = re.sub(r"^(De|Du|Des) ", lambda m: m.group(1).lower() + " ", a.street_name())
        name = re.sub(r"^de Les ", "des ", re.sub(r"^de Le ", "du ", name))
        if c == "BE":  # Belgian French: "Rue de la Loi 16"
            return f"{kind} {name} {num}"
        kind = kind.lower()
        if rng.random() < 0.08:
            kind = {"boulevard": "bd", "avenue": "av."}.get(kind, kind)
        return f"{num}, {kind} {name}" if rng.random() < 0.5 else f"{num} {kind} {name}"
    if c == "ES":
        name = a.street_name()
        if name.split(" ")[0] not in _ES_TYPES:
            name = f"{a.street_suffix()} {name}"
        if name.startswith("Calle ") and rng.random() < 0.25:
            name = "C/ " + name[6:]
        elif name.startswith("Avenida ") and rng.random() < 0.25:
            name = "Avda. " + name[8:]
        return f"{name}, {num}" if rng.random() < 0.6 else f"{name} {num}"
    if c == "IT":
        name = a.street_name()
        kind = a.street_suffix() if rng.random() < 0.78 else rng.choice(_IT_TYPES_EXTRA)
        if kind == "Via degli" and not (name.endswith("i") and " " not in name):
            kind = "Via"
        if rng.random() < 0.1:
            kind = _IT_ABBR.get(kind, kind)
        return f"{kind} {name} {num}" if rng.random() < 0.55 else f"{kind} {name}, {num}"
    if c in ("NL", "BE"):
        return f"{a.street_name()} {num}"
    if c in ("GB", "IE"):
        return f"{num} {a.street_name()} {rng.choice(_UK_SUFFIXES)}"
    suffix = a.street_suffix()
    if c == "US" and rng.random() < 0.35:
        suffix = _US_ABBR.get(suffix, suffix)
    return f"{num} {a.street_name()} {suffix}"


def _gb_postcode(src: _Source, rng: random.Random) -> str:
    valid = re.compile(r"^[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$")
    if rng.random() < 0.35:  # mimesis's own en-gb format (AA9A 9AA), kept when it could be a real London one
        for _ in range(30):
            pc = src.address.postal_code()
            if valid.match(pc) and pc[:2] in ("EC", "SW", "WC", "NW", "SE"):
                return pc
    area = rng.choice(_GB_AREAS)
    district = str(rng.randint(1, 9 if area in ("SW", "SE", "NW", "EC", "WC", "N", "E", "W") else 28))
    if area in ("SW", "EC", "WC", "W") and rng.random() < 0.3:
        district = district[0] + rng.choice("ABCDEHJKMNPRVWXY")
    inward = src.digits(1) + rng.choice(_GB_INWARD) + rng.choice(_GB_INWARD)
    return f"{area}{district} {inward}"


def _postcode(src: _Source, rng: random.Random) -> str:
    c, a = src.profile.country, src.address
    for _ in range(60):
        if c == "GB":
            return _gb_postcode(src, rng)
        if c == "IE":  # Eircode: routing key + unique identifier
            return f"{rng.choice(_EIR_KEYS)} {''.join(rng.choice(_EIR_CHARS) for _ in range(4))}"
        if src.profile.code == "fr_BE":
            return str(rng.randint(1000, 9999))
        if c == "NL":
            letters = a.random.generate_string_by_mask("@@")
            if letters in ("SA", "SD", "SS"):
                continue
            return f"{a.random.randint(1000, 9999)}{rng.choice(('', ' ', ' '))}{letters}"
        pc = a.postal_code()
        if c == "CA":
            chars = pc.replace(" ", "")
            if chars[0] in _CA_FIRST and chars[2] in _CA_OTHER and chars[4] in _CA_OTHER:
                return pc
            continue
        if (c == "DE" and pc.startswith("00")) or (c in ("AT", "CH", "BE") and pc.startswith("0")):
            continue
        if c == "FR" and (pc.startswith("00") or int(pc[:2]) > 95):
            continue
        if c == "ES" and not 1 <= int(pc[:2]) <= 52:
            continue
        if c == "US" and pc.startswith("000"):
            continue
        if c == "US" and rng.random() < 0.1:
            pc = f"{pc}-{src.digits(4)}"
        return pc
    return pc


def _make_address(src: _Source, rng: random.Random) -> _Addr:
    c = src.profile.country
    state = ""
    if c in ("US", "CA"):
        state = src.address.state(abbr=True).removeprefix("CA-")
    return _Addr(_street(src, rng), _postcode(src, rng), src.city(), state, c)


def _pcity_segs(a: _Addr, rng: random.Random) -> list[Seg]:
    if a.country in ("GB", "IE"):
        return [(a.city, LOCATION), (rng.choice((" ", ", ")), None), (a.postcode, POSTCODE)]
    if a.country in ("US", "CA"):
        sep = ", " if a.country == "US" or rng.random() < 0.5 else " "
        return [(a.city, LOCATION), (sep + a.state + " ", None), (a.postcode, POSTCODE)]
    return [(a.postcode, POSTCODE), (" ", None), (a.city, LOCATION)]
