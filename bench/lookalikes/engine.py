"""Fills the hand-written templates with hand-typed values and labels the PII spans while it renders.

Placeholders: ``{field}``; a trailing digit picks the second (third...) person, address or a fresh value
(``{name2}``, ``{brand2}``); the same placeholder twice in a template gives the same value. ``{l_field}`` writes
the value in lower case (transcripts, chat), ``{u_field}`` in upper case (logs), ``{c_field}`` with a capital.
``[female|male]`` follows the first person's gender, ``<female|male>`` the second's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bench.labelling import Segment, fill
from bench.lookalikes import checksums, people, places
from bench.lookalikes.formats import computed
from bench.lookalikes.shared import SHARED
from bench.texts import LabelledText

_ALT_FIRST = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")
_ALT_SECOND = re.compile(r"<([^<>|]*)\|([^<>|]*)>")
_INDEX = re.compile(r"^(\D+?)(\d*)$")

PERSON_FIELDS = frozenset({"name", "first", "last", "short"})
ADDRESS_FIELDS = frozenset({"street", "postcode", "city", "address", "address_ml"})
PII_FIELDS = PERSON_FIELDS | ADDRESS_FIELDS | {"email", "phone", "tphone", "iban", "card"}


@dataclass
class _Address:
    street: str
    postcode: str
    city: str


@dataclass
class Filler:
    """The state of one text being rendered: its language and locale, and the people and places it names."""

    rng: random.Random
    language: str
    locale: str
    words: Mapping[str, tuple[str, ...]]
    persons: dict[int, people.Person] = field(default_factory=dict)
    addresses: dict[int, _Address] = field(default_factory=dict)
    memo: dict[str, list[Segment]] = field(default_factory=dict)

    @property
    def country(self) -> str:
        return checksums.COUNTRY[self.locale]

    def person(self, index: int) -> people.Person:
        if index not in self.persons:
            taken = {p.first for p in self.persons.values()}
            candidate = people.person(self.locale, self.rng)
            while candidate.first in taken:
                candidate = people.person(self.locale, self.rng)
            self.persons[index] = candidate
        return self.persons[index]

    def address(self, index: int) -> _Address:
        if index not in self.addresses:
            r = self.rng
            town, patterns = r.choice(places.TOWNS[self.locale])
            code = places.postcode(r.choice(patterns), self.country, r)
            self.addresses[index] = _Address(places.street(self.locale, r), code, town)
        return self.addresses[index]

    def _address_segments(self, a: _Address, multiline: bool) -> list[Segment]:
        sep = "\n" if multiline else ", "
        street: Segment = (a.street, "STREET_ADDRESS")
        code: Segment = (a.postcode, "POSTAL_CODE")
        town: Segment = (a.city, "LOCATION")
        if self.country == "GB":
            return [street, (sep, None), town, ("\n" if multiline else self.rng.choice((" ", ", ")), None), code]
        if self.country == "IE":
            return [street, (sep, None), town, (sep, None), code]
        tail: list[Segment] = []
        if self.locale == "it_IT" and self.rng.random() < 0.4:
            tail = [(f" ({places.PROVINCES_IT[a.city]})", None)]
        return [street, (sep, None), code, (" ", None), town, *tail]

    def pii(self, base: str, index: int) -> list[Segment]:
        r = self.rng
        if base in PERSON_FIELDS:
            p = self.person(index)
            value = {"name": p.full, "first": p.first, "last": p.last, "short": p.initial}[base]
            return [(value, "PERSON")]
        if base == "email":
            return [(people.email(self.person(index), self.country, r), "EMAIL_ADDRESS")]
        if base in {"phone", "tphone"}:
            return [(checksums.phone(self.country, r, spoken=base == "tphone"), "PHONE_NUMBER")]
        if base == "iban":
            return [(checksums.iban(self.country, r), "IBAN_CODE")]
        if base == "card":
            return [(checksums.card(r), "CREDIT_CARD")]
        a = self.address(index)
        if base == "street":
            return [(a.street, "STREET_ADDRESS")]
        if base == "postcode":
            return [(a.postcode, "POSTAL_CODE")]
        if base == "city":
            return [(a.city, "LOCATION")]
        return self._address_segments(a, multiline=base == "address_ml")

    def plain(self, base: str) -> str:
        r = self.rng
        if base in self.words:
            return r.choice(self.words[base])
        if base in SHARED:
            return r.choice(SHARED[base])
        value = computed(base, self.language, self.locale, r)
        if value is None:
            raise KeyError(f"unknown placeholder {{{base}}} ({self.language})")
        return value

    def segments(self, placeholder: str) -> list[Segment]:
        case = ""
        if placeholder[:2] in {"l_", "u_", "c_"}:
            case, placeholder = placeholder[0], placeholder[2:]
        if placeholder not in self.memo:
            match = _INDEX.match(placeholder)
            assert match, placeholder
            base, digits = match.group(1), match.group(2)
            if base in PII_FIELDS:
                self.memo[placeholder] = self.pii(base, int(digits or 1))
            else:
                self.memo[placeholder] = [(self.plain(base), None)]
        if case == "l":
            return [(text.lower(), entity) for text, entity in self.memo[placeholder]]
        if case == "u":
            return [(text.upper(), entity) for text, entity in self.memo[placeholder]]
        if case == "c":
            return [(text[:1].upper() + text[1:], entity) for text, entity in self.memo[placeholder]]
        return self.memo[placeholder]


def render(
    template: str,
    rng: random.Random,
    language: str,
    locale: str,
    style: str,
    words: Mapping[str, tuple[str, ...]],
) -> LabelledText:
    filler = Filler(rng, language, locale, words)
    if locale == "de_CH":
        template = template.replace("ß", "ss")  # Swiss spelling
    fields = {f[2:] if f[:2] in {"l_", "u_", "c_"} else f for f in re.findall(r"\{(\w+)\}", template)}
    for f in sorted(fields):  # people first, so the gender alternatives below can read them
        match = _INDEX.match(f)
        if match and match.group(1) in PERSON_FIELDS | {"email"}:
            filler.person(int(match.group(2) or 1))
    text = _ALT_FIRST.sub(lambda m: m.group(1 if filler.person(1).female else 2), template)
    text = _ALT_SECOND.sub(lambda m: m.group(1 if filler.person(2).female else 2), text)
    joined, spans = fill(text, filler.segments)
    for span in spans:
        value = joined[span.start : span.end]
        assert value, (joined, span)
        assert value == value.strip(), (joined, span)
    return LabelledText(joined, spans, locale=locale, language=language, style=style)
