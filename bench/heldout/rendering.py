"""Rendering: templates with {placeholders}, every span recorded as it is written."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from bench.heldout.addresses import _Addr, _make_address, _pcity_segs
from bench.heldout.banking import _card_number, _digits, _format_card, _format_iban, _iban
from bench.heldout.labels import CARD, EMAIL, IBAN, LOCATION, PERSON, PHONE, STREET, Seg
from bench.heldout.locales import _DE_CITY_ADJ, _Source
from bench.heldout.people import _TITLES, _email_for, _email_local, _Human, _make_human
from bench.heldout.phones import _PHONE_FORMATS, _new_phone, _Phone, _render_phone
from bench.heldout.values import (
    _JOB_TITLES,
    _MONTHS,
    _TEAMS,
    _WEEKDAYS,
    _company_domain,
    _company_text,
    _date_text,
    _hex,
    _invoice_text,
    _order_text,
    _price_text,
    _product_text,
    _ticket_text,
    _time_text,
    _tracking_text,
    _version_text,
)
from bench.texts import LabelledSpan

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_PERSONAL_KEYS = {"name", "first", "tname", "tnameD", "tfull", "lname", "sur", "email", "wemail", "phone", "mobile",
                  "addr", "street", "pcity"}  # fmt: skip
_LOWERABLE = {PERSON, STREET, LOCATION, EMAIL}


class _Buf:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[LabelledSpan, str]] = []
        self.pos = 0

    def add(self, text: str, label: str | None = None) -> None:
        if label and text:
            self.spans.append((LabelledSpan(self.pos, self.pos + len(text), label), text))
        self.parts.append(text)
        self.pos += len(text)

    def text(self) -> str:
        text = "".join(self.parts)
        for span, value in self.spans:
            assert text[span.start : span.end] == value, (text, span, value)
        return text


class _Ctx:
    """The values behind one text: drawn lazily, then reused so that every mention of a person agrees."""

    def __init__(
        self,
        src: _Source,
        lang: str,
        rng: random.Random,
        *,
        style: str = "",
        lower: bool = False,
        human: _Human | None = None,
        addr: _Addr | None = None,
        phone: _Phone | None = None,
        phone_avoid: str | None = None,
        email: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        self.src, self.lang, self.rng, self.style, self.lower = src, lang, rng, style, lower
        self.country = src.profile.country
        self.humans: list[_Human] = [human] if human else []
        self.emails: dict[int, str] = {0: email} if email else {}
        self.phones: dict[tuple[int, str], _Phone] = {(0, "phone"): phone} if phone else {}
        self.phone_avoid = phone_avoid
        self.addr = addr
        self.extra = dict(extra or {})
        self.cache: dict[str, str] = {}
        self._slot: tuple[int, int, int] | None = None
        self._weekday: int | None = None

    # -- people --------------------------------------------------------------------------------------------------
    def human(self, idx: int) -> _Human:
        while len(self.humans) <= idx:
            self.humans.append(_make_human(self.src, self.rng))
        return self.humans[idx]

    def title(self, h: _Human) -> str:
        return self.rng.choice(_TITLES[self.lang][h.gender])

    def name_segs(self, h: _Human) -> list[Seg]:
        r = self.rng.random()
        if self.lang == "en" and h.language == "en" and r < 0.08:
            initial = self.src.person.first_name()[0]
            return [(f"{h.first} {initial}. {h.last}", PERSON)]
        if self.style == "crm" and r < 0.2:
            return [(f"{h.surname_alone(self.rng)}, {h.first}", PERSON)]
        return [(h.full, PERSON)]

    def email(self, idx: int, work: bool = False) -> str:
        key = idx + (100 if work else 0)
        if key not in self.emails:
            h = self.human(idx)
            if work:
                domain = _company_domain(self.value("company"), self.country)
                self.emails[key] = f"{_email_local(h, self.rng)}@{domain}"
            else:
                self.emails[key] = _email_for(h, self.src, self.rng)
        return self.emails[key]

    def phone_text(self, idx: int, kind: str) -> str:
        key = (idx, kind)
        if key not in self.phones:
            self.phones[key] = _new_phone(self.src, self.rng, mobile=True if kind == "mobile" else None)
        ph = self.phones[key]
        formats = _PHONE_FORMATS[ph.country]
        if self.phone_avoid is not None:  # customer notes: never the form the phone field holds
            formats = (*formats, "nat_compact", "nat_compact", "intl_compact", "intl_digits00")
            if ph.country in ("US", "CA"):
                formats = _PHONE_FORMATS[ph.country]
        for _ in range(30):
            text = _render_phone(ph, self.rng.choice(formats), self.rng)
            if self.phone_avoid is None or (self.phone_avoid not in text and text not in self.phone_avoid):
                return text
        raise AssertionError("no phone format differs from the field")

    def address(self) -> _Addr:
        if self.addr is None:
            self.addr = _make_address(self.src, self.rng)
        return self.addr

    # -- non-personal values ---------------------------------------------------------------------------------------
    def slot(self) -> tuple[int, int, int]:
        if self._slot is None:
            self._slot = (self.rng.randint(7, 17), self.rng.choice((0, 0, 15, 30, 30, 45)), self.rng.randrange(4))
        return self._slot

    def weekday(self) -> int:
        if self._weekday is None:
            self._weekday = self.rng.randrange(7)
        return self._weekday

    def value(self, key: str) -> str:
        if key in self.extra:
            return self.extra[key]
        if key in self.cache:
            return self.cache[key]
        rng, lang, country = self.rng, self.lang, self.country
        if key in ("time", "time2"):
            h, m, style = self.slot()
            out = _time_text(h + (2 if key == "time2" else 0), m, lang, country, style)
        elif key == "weekday":
            out = _WEEKDAYS[lang][self.weekday()]
        elif key == "mon":
            out = _WEEKDAYS[lang][0]
        elif key == "fri":
            out = _WEEKDAYS[lang][rng.choice((4, 4, 5))]
        elif key == "month":
            out = _MONTHS[lang][rng.randrange(12)]
            if country == "AT" and lang == "de" and out == "Januar":
                out = "Jänner"
        elif key == "date":
            out = _date_text(date(2023, 1, 1) + timedelta(days=rng.randrange(1100)), lang, country, rng)
        elif key == "price":
            out = _price_text(rng, lang, country)
        elif key == "order":
            out = _order_text(rng)
        elif key == "invoice":
            out = _invoice_text(rng, lang)
        elif key == "ticket":
            out = _ticket_text(rng)
        elif key == "tracking":
            out = _tracking_text(rng, country)
        elif key == "version":
            out = _version_text(rng)
        elif key == "product":
            out = _product_text(rng)
        elif key == "team":
            out = rng.choice(_TEAMS)
        elif key == "company":
            out = _company_text(rng, country, self.src.profile.language)
        elif key == "jobtitle":
            out = rng.choice(_JOB_TITLES[lang])
        elif key == "sha":
            out = _hex(rng, rng.choice((7, 7, 8, 12, 40)))
        elif key == "hex":
            out = "0x" + _hex(rng, rng.choice((4, 4, 6, 8)))
        elif key in ("color", "color2"):
            out = "#" + _hex(rng, rng.choice((6, 6, 3)))
        elif key == "qty":
            out = str(rng.randint(2, 48))
        elif key == "regno":
            out = _digits(rng, rng.choice((6, 8, 9)))
        elif key == "city":
            out = self.src.city()
        elif key == "cityadj":
            out = _DE_CITY_ADJ[rng.choice(self.src.adj_cities)] if self.src.adj_cities else "Berliner"
        elif key == "web":
            out = "www." + _company_domain(self.value("company"), country)
        else:
            raise KeyError(key)
        self.cache[key] = out
        return out

    # -- placeholders ----------------------------------------------------------------------------------------------
    def fill(self, key: str) -> list[Seg]:
        cap = key[0].isupper()
        base = key[0].lower() + key[1:]
        idx = 0
        if base.endswith("2") and base[:-1] in _PERSONAL_KEYS:
            base, idx = base[:-1], 1
        segs = self._fill(base, idx)
        if cap:
            text, label = segs[0]
            segs[0] = (text[:1].upper() + text[1:], label)
        if self.lower:
            segs = [(t.lower(), lab) if lab in _LOWERABLE else (t, lab) for t, lab in segs]
        return segs

    def _fill(self, key: str, idx: int) -> list[Seg]:
        if key in ("name", "first", "tname", "tnameD", "tfull", "lname", "sur"):
            h = self.human(idx)
            if key == "name":
                return self.name_segs(h)
            if key == "first":
                return [(h.first, PERSON)]
            if key == "lname":
                return [(h.full.lower(), PERSON)]
            if key == "sur":
                return [(h.surname_alone(self.rng), PERSON)]
            title = self.title(h)
            if key == "tnameD" and self.lang == "de":
                title = title.replace("Herr", "Herrn")
            if key == "tfull":
                return [(title + " ", None), (h.full, PERSON)]
            return [(title + " ", None), (h.surname_alone(self.rng), PERSON)]
        if key == "email":
            return [(self.email(idx), EMAIL)]
        if key == "wemail":
            return [(self.email(idx, work=True), EMAIL)]
        if key in ("phone", "mobile"):
            return [(self.phone_text(idx, key), PHONE)]
        if key == "street":
            return [(self.address().street, STREET)]
        if key == "pcity":
            return _pcity_segs(self.address(), self.rng)
        if key == "addr":
            return [(self.address().street, STREET), (", ", None), *_pcity_segs(self.address(), self.rng)]
        if key == "iban":
            return [(_format_iban(_iban(self.country, self.rng), self.rng), IBAN)]
        if key == "card":
            return [(_format_card(_card_number(self.rng), self.rng), CARD)]
        return [(self.value(key), None)]


_FR_VOWELS = "aeiouyàâäéèêëîïôöûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜ"


def _render(template: str, ctx: _Ctx, buf: _Buf | None = None) -> _Buf:
    buf = buf or _Buf()
    pos = 0
    for m in _PLACEHOLDER.finditer(template):
        literal = template[pos : m.start()]
        segs = ctx.fill(m.group(1))
        if ctx.lang == "fr" and re.search(r"(^|\s)de $", literal):
            text, label = segs[0]
            if text[:1] in _FR_VOWELS:
                literal = literal[:-3] + "d'"  # "le bureau d'Orléans", "le colis d'Anne Martin"
            elif label is None and text.startswith(("Le ", "Les ")):  # "le bureau du Blanc-Mesnil"
                article, rest = text.split(" ", 1)
                literal, segs[0] = literal[:-3] + ("du " if article == "Le" else "des "), (rest, None)
        buf.add(literal)
        for text, label in segs:
            buf.add(text, label)
        pos = m.end()
    buf.add(template[pos:])
    return buf
