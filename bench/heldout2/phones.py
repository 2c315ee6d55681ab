"""Telephone numbers in each country's national and international written formats, and as a transcript speaks them.

The numbering plans (mobile prefixes, area codes, lengths) are written here from general knowledge; the subscriber
digits are random.
"""

from __future__ import annotations

import random
import re

from bench.heldout2.town import Town

_COUNTRY_CODES = {"GB": "44", "DE": "49", "AT": "43", "CH": "41", "FR": "33", "BE": "32", "ES": "34", "IT": "39",
                  "NL": "31"}  # fmt: skip
_MOBILE_PREFIXES = {
    "GB": ("07700", "07712", "07834", "07949", "07456", "07520"),
    "DE": ("0151", "0152", "0157", "0160", "0170", "0171", "0172", "0176", "0177", "0179"),
    "AT": ("0664", "0660", "0676", "0699", "0650"),
    "CH": ("076", "077", "078", "079"),
    "FR": ("06", "07"),
    "BE": ("0470", "0472", "0475", "0479", "0486", "0495"),
    "ES": ("6", "7"),
    "IT": ("320", "333", "338", "340", "347", "349", "366", "391"),
    "NL": ("06",),
}
# Length of the national number, trunk prefix included (Spain and Italy have none to drop).
_NATIONAL_LENGTH = {"GB": 11, "DE": 11, "AT": 11, "CH": 10, "FR": 10, "BE": 10, "ES": 9, "IT": 10, "NL": 10}
_WORDS = {
    "en": "zero one two three four five six seven eight nine",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve",
    "it": "zero uno due tre quattro cinque sei sette otto nove",
    "nl": "nul een twee drie vier vijf zes zeven acht negen",
}
_TRUNK_KEPT = ("IT",)  # Italy dials the leading 0 of an area code from abroad too


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _group(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for size in sizes:
        out.append(digits[i : i + size])
        i += size
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(p for p in out if p)


def _pairs(digits: str, sep: str = " ") -> str:
    return _group(digits, (2,) * 8, sep)


def _national_format(country: str, prefix: str, rest: str, rng: random.Random) -> str:
    """The number as written at home: prefix (mobile or area code) and subscriber digits, grouped by custom."""
    if country == "FR":
        return _pairs(prefix + rest, rng.choice((" ", " ", ".", "")))
    if country == "ES":
        whole = prefix + rest
        if len(prefix) == 1:  # mobiles: 612 345 678, 612.345.678, 612 34 56 78
            return rng.choice((_group(whole, (3, 3, 3), " "), _group(whole, (3, 3, 3), "."),
                               _group(whole, (3, 2, 2, 2), " "), whole))  # fmt: skip
        sizes = (len(prefix), 3, 2, 2) if len(prefix) == 2 else (3, 2, 2, 2)
        return rng.choice((_group(whole, sizes, " "), _group(whole, sizes, "."), whole))
    if country == "CH":
        return rng.choice((f"{prefix} {_group(rest, (3, 2, 2), ' ')}", prefix + rest))
    if country == "BE":
        sub = _group(rest, (3, 2, 2) if len(rest) == 7 else (2, 2, 2), " ")
        return rng.choice((f"{prefix} {sub}", f"{prefix}/{sub.replace(' ', '.')}", f"{prefix}/{rest}"))
    if country == "NL":
        return rng.choice(
            (f"{prefix}-{rest}", f"{prefix} {rest}", f"{prefix} {_pairs(rest)}", f"{prefix}-{rest[:3]} {rest[3:]}")
        )
    if country == "IT":
        return rng.choice((f"{prefix} {rest}", f"{prefix} {_group(rest, (3, 4) if len(rest) == 7 else (4, 4), ' ')}",
                           prefix + rest, f"{prefix}-{rest}"))  # fmt: skip
    if country in ("DE", "AT"):
        paired = _pairs(rest) if len(rest) % 2 == 0 else f"{rest[:3]} {_pairs(rest[3:])}"
        return rng.choice((f"{prefix} {rest}", f"{prefix}/{rest}", f"({prefix}) {rest}", f"{prefix}-{rest}",
                           f"{prefix} {paired}"))  # fmt: skip
    # GB: 020 7946 0123, 0113 496 0123, 01603 612345, 07700 900123
    sizes = (4, 4) if len(rest) == 8 else (3, 4) if len(rest) == 7 else (6,)
    return f"{prefix} {_group(rest, sizes, ' ')}"


def _international(country: str, prefix: str, rest: str, rng: random.Random) -> str:
    cc = _COUNTRY_CODES[country]
    if country not in _TRUNK_KEPT and prefix.startswith("0"):
        prefix = prefix[1:]
    if country == "FR":
        return f"+33 {prefix} {_pairs(rest)}" if len(prefix) == 1 else f"+33 {_pairs(prefix + rest)}"
    if country == "CH":
        return f"+41 {prefix} {_group(rest, (3, 2, 2), ' ')}"
    if country == "ES" and len(prefix) == 1:
        return f"+34 {_group(prefix + rest, (3, 3, 3), rng.choice((' ', '.')))}"
    style = rng.random()
    if country in ("DE", "NL", "AT") and style < 0.25:
        return f"+{cc} (0){prefix} {rest}"  # the "(0)" people add so that it also dials at home
    if style < 0.35:
        return f"00{cc} {prefix} {rest}"
    return f"+{cc} {prefix} {rest}"


def make_phone(country: str, town: Town | None, rng: random.Random, mobile: bool | None = None) -> str:
    if mobile is None:
        mobile = town is None or rng.random() < 0.65
    prefix = rng.choice(_MOBILE_PREFIXES[country]) if mobile or town is None else town.area
    length = _NATIONAL_LENGTH[country] - (1 if country == "BE" and not mobile else 0)  # Belgian landlines: 9
    rest = _digits(rng, length - len(prefix))
    if rest[0] == "0":
        rest = str(rng.randint(2, 9)) + rest[1:]  # a subscriber number never starts with the trunk digit
    if rng.random() < 0.3:
        return _international(country, prefix, rest, rng)
    return _national_format(country, prefix, rest, rng)


def spoken(phone: str, lang: str, rng: random.Random) -> str:
    """How a speech-to-text transcript renders a number: grouped digits, one digit at a time, or digit words."""
    digits = "".join(c for c in phone if c.isdigit())
    plus = {"en": "plus", "de": "plus", "fr": "plus", "es": "más", "it": "più", "nl": "plus"}[lang]
    lead = plus + " " if phone.startswith("+") else ""
    r = rng.random()
    if r < 0.35:
        return lead + re.sub(r"\D+", " ", phone).strip()
    if r < 0.65:
        return lead + " ".join(digits)
    words = _WORDS[lang].split()
    return lead + " ".join(words[int(d)] for d in digits)
