"""Rendering: a text is written segment by segment, and every labelled value's span is recorded as it is written.

Templates use ``{key}`` or ``{key:N}`` (N: which person or address of the text, 0 by default). The values behind a
text are drawn once and reused, so "Ayşe" in the greeting and "ayse.yilmaz@web.de" in the signature are the same
person's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.heldout2.addresses import TOWNS, Address, inline_segs, make_address, random_town
from bench.heldout2.banking import IBAN_COUNTRIES, bad_iban, format_iban, make_card, make_iban
from bench.heldout2.labels import CARD, EMAIL, IBAN, LOCATION, PERSON, PHONE, POSTCODE, STREET, Seg, country_of
from bench.heldout2.negatives import negative
from bench.heldout2.people import CULTURES, Person, email_for, handle_for, make_person
from bench.heldout2.phones import make_phone, spoken
from bench.heldout2.town import Town
from bench.texts import LabelledSpan, LabelledText

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\d))?\}")
_UNPUNCTUATED = re.compile(r"[^\w\s]+")  # transcripts: "ORD-2291" is heard as "ord 2291"
# The cultures at home in each locale; a third of the people are drawn from these, the rest from all 31 cultures.
_NATIVE = {"en_GB": ("english", "scottish", "welsh", "irish"), "de_DE": ("german",), "de_AT": ("german",),
           "de_CH": ("german",), "fr_FR": ("french",), "fr_BE": ("french", "flemish"), "fr_CH": ("french",),
           "es_ES": ("spanish", "catalan", "galician"), "it_IT": ("italian",), "it_CH": ("italian",),
           "nl_NL": ("dutch",), "nl_BE": ("flemish",)}  # fmt: skip
_HONORIFICS = {  # (male, female)
    "en": (("Mr", "Mr.", "Dr"), ("Ms", "Mrs", "Dr")),
    "de": (("Herr", "Herr Dr."), ("Frau", "Frau Dr.")),
    "fr": (("M.", "Monsieur"), ("Mme", "Madame")),
    "es": (("Sr.", "don", "el señor"), ("Sra.", "doña", "la señora")),
    "it": (("Sig.", "il signor", "Dott."), ("Sig.ra", "la signora", "Dott.ssa")),
    "nl": (("meneer", "dhr."), ("mevrouw", "mevr.")),
}


class Buf:
    """The text being written, and the labelled spans in it."""

    def __init__(self, lower: bool = False) -> None:
        self.parts: list[str] = []
        self.spans: list[LabelledSpan] = []
        self.pos = 0
        self.lower = lower  # lower-cased piece by piece, so that spans stay exact even where lower() changes length

    def add(self, text: str, label: str | None = None) -> None:
        if self.lower:
            text = text.lower()
        if label and text:
            self.spans.append(LabelledSpan(self.pos, self.pos + len(text), label))
        self.parts.append(text)
        self.pos += len(text)

    def extend(self, segs: list[Seg]) -> None:
        for text, label in segs:
            self.add(text, label)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class Ctx:
    lang: str
    locale: str
    rng: random.Random
    style: str
    spoken: bool = False  # a speech-to-text transcript: numbers as spoken, no punctuation in values
    buf: Buf = field(default_factory=Buf)
    people: list[Person] = field(default_factory=list)
    addresses: dict[int, Address] = field(default_factory=dict)
    cache: dict[tuple[str, int], str] = field(default_factory=dict)
    used: dict[str, set[str]] = field(default_factory=dict)  # hard negatives already written, per kind

    @property
    def country(self) -> str:
        return country_of(self.locale)

    # -- values -------------------------------------------------------------------------------------------------
    def person(self, idx: int = 0) -> Person:
        while len(self.people) <= idx:
            native = [c for c in CULTURES if c.key in _NATIVE[self.locale]]
            culture = self.rng.choice(native) if self.rng.random() < 0.33 else None
            person = make_person(self.rng, culture)
            if all(p.given != person.given for p in self.people):  # two people of a text never share a given name
                self.people.append(person)
        return self.people[idx]

    def address(self, idx: int = 0) -> Address:
        if idx not in self.addresses:
            self.addresses[idx] = make_address(self.locale, self.rng)
        return self.addresses[idx]

    def _town(self, idx: int) -> Town | None:
        return next((t for t in TOWNS[self.locale] if t.name == self.address(idx).town), None)

    def _once(self, key: str, idx: int, make: Callable[[], str]) -> str:
        if (key, idx) not in self.cache:
            self.cache[(key, idx)] = make()
        return self.cache[(key, idx)]

    def phone(self, idx: int, kind: str) -> str:
        mobile = {"mobile": True, "landline": False}.get(kind)
        text = self._once(kind, idx, lambda: make_phone(self.country, self._town(idx), self.rng, mobile))
        return spoken(text, self.lang, self.rng) if self.spoken else text

    def iban(self, idx: int) -> str:
        country = self.country if self.country in IBAN_COUNTRIES else self.rng.choice(IBAN_COUNTRIES)
        text = self._once("iban", idx, lambda: format_iban(make_iban(country, self.rng), self.rng))
        return text.lower() if self.spoken else text

    def email(self, idx: int, work: bool = False) -> str:
        key = "wemail" if work else "email"
        return self._once(key, idx, lambda: email_for(self.person(idx), self.country, self.rng, work))

    def honorific(self, idx: int) -> str:
        return self.rng.choice(_HONORIFICS[self.lang][self.person(idx).female])

    # -- placeholders -------------------------------------------------------------------------------------------
    def segs(self, key: str, idx: int = 0) -> list[Seg]:
        p = self.person
        simple: dict[str, tuple[Callable[[], str], str | None]] = {
            "first": (lambda: p(idx).given, PERSON),
            "last": (lambda: p(idx).alone, PERSON),
            "full": (lambda: p(idx).full, PERSON),
            "initials": (lambda: p(idx).initial_form, PERSON),
            "short": (lambda: f"{p(idx).given} {p(idx).alone[0]}.", PERSON),  # "Ayşe Y." under a review
            "hon": (lambda: self.honorific(idx), None),
            "handle": (lambda: self._once("handle", idx, lambda: handle_for(p(idx), self.rng)), PERSON),
            "email": (lambda: self.email(idx), EMAIL),
            "wemail": (lambda: self.email(idx, work=True), EMAIL),
            "phone": (lambda: self.phone(idx, "phone"), PHONE),
            "mobile": (lambda: self.phone(idx, "mobile"), PHONE),
            "landline": (lambda: self.phone(idx, "landline"), PHONE),
            "iban": (lambda: self.iban(idx), IBAN),
            "card": (lambda: self._once("card", idx, lambda: make_card(self.rng)), CARD),
            "street": (lambda: self._street(idx), STREET),
            "pc": (lambda: self._postcode(idx), POSTCODE),
            "town": (lambda: self.address(idx).town, LOCATION),
            "wtown": (lambda: self._once("wtown", idx, lambda: self._other_town(idx)), LOCATION),
            "office": (lambda: self._once("office", idx, lambda: self._other_town(idx)), None),
            "badiban": (lambda: bad_iban(self.rng.choice(IBAN_COUNTRIES), self.rng), None),
        }
        if key in simple:
            make, label = simple[key]
            return [(make(), label)]
        if key == "addr":
            segs = inline_segs(self.address(idx), self.rng)
            return [(t.replace(",", ""), lab) for t, lab in segs] if self.spoken else segs
        value = negative(key, self.lang, self.country, self.rng)
        for _ in range(8):  # "{country}, {country:1}, {country:2}": a list names different things
            if value not in self.used.setdefault(key, set()):
                break
            value = negative(key, self.lang, self.country, self.rng)
        self.used[key].add(value)
        return [(_UNPUNCTUATED.sub(" ", value).strip() if self.spoken else value, None)]

    def _street(self, idx: int) -> str:
        street = self.address(idx).street
        return street.replace(",", "").replace("C/ ", "calle ") if self.spoken else street

    def _postcode(self, idx: int) -> str:
        pc = self.address(idx).postcode
        if self.spoken and pc.isdigit() and self.rng.random() < 0.4:
            return " ".join(pc)  # dictated one digit at a time
        return pc

    def _other_town(self, idx: int) -> str:
        """A town other than the person's own: where someone is staying, or where an office is."""
        return random_town(self.locale, self.rng, avoid=self.address(idx).town if idx in self.addresses else "")

    def expand(self, template: str) -> list[Seg]:
        """The template's segments, values drawn but nothing written yet (a CSV cell may need quoting first)."""
        out: list[Seg] = []
        pos = 0
        for m in _PLACEHOLDER.finditer(template):
            out.append((template[pos : m.start()], None))
            out.extend(self.segs(m.group(1), int(m.group(2) or 0)))
            pos = m.end()
        out.append((template[pos:], None))
        return out

    def render(self, template: str) -> None:
        self.buf.extend(self.expand(template))

    def labelled(self) -> LabelledText:
        return LabelledText(self.buf.text(), tuple(self.buf.spans), self.locale, self.lang, self.style)
