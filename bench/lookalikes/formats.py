"""Non-PII values written the way each language and country writes them: dates, times, amounts, percentages, and the
identifiers of business text (order, invoice, ticket and tracking numbers, versions, SKUs, hosts, paths, UUIDs)."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from bench.labelling import MONTHS
from bench.lookalikes.checksums import COUNTRY, broken_iban, ean13, fake_phone
from bench.lookalikes.shared import SHARED

WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
}
_EAN_PREFIXES = {"GB": "50", "IE": "539", "DE": "40", "AT": "90", "CH": "76", "FR": "37", "BE": "54", "ES": "84",
                 "IT": "80", "NL": "87"}  # fmt: skip
_TICKET_PROJECTS = ("OPS", "WEB", "PAY", "APP", "DATA", "CORE", "SEC", "CRM", "SHOP", "INFRA", "MOB")
_INVOICE_PREFIX = {"en": "INV", "de": "RE", "fr": "FA", "es": "FAC", "it": "FT", "nl": "F"}
_HEX = "0123456789abcdef"


def _d(r: random.Random, n: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def _hex(r: random.Random, n: int) -> str:
    return "".join(r.choice(_HEX) for _ in range(n))


def a_date(r: random.Random) -> date:
    return date(2023, 1, 2) + timedelta(days=r.randint(0, 820))


def natural_date(language: str, r: random.Random) -> str:
    d = a_date(r)
    month = MONTHS[language].split()[d.month - 1]
    weekday = WEEKDAYS[language].split()[d.weekday()]
    numeric = f"{d:%d/%m/%Y}"
    options = {
        "en": (f"{d.day} {month}", f"{d.day} {month} {d.year}", numeric, f"{weekday} {d.day} {month}"),
        "de": (f"{d.day}. {month}", f"{d:%d.%m.%Y}", f"{d.day}. {month} {d.year}", f"{d:%d.%m.%y}"),
        "fr": (f"{'1er' if d.day == 1 else d.day} {month}", numeric, f"{weekday} {d.day} {month}", f"{d:%d/%m}"),
        "es": (f"{d.day} de {month}", numeric, f"{d.day} de {month} de {d.year}", f"{d.day}/{d.month}"),
        "it": (f"{d.day} {month}", numeric, f"{d.day} {month} {d.year}", f"{d:%d/%m}"),
        "nl": (f"{d.day} {month}", f"{d:%d-%m-%Y}", f"{weekday} {d.day} {month}", f"{d.day} {month} {d.year}"),
    }
    return r.choice(options[language])


def long_date(language: str, r: random.Random) -> str:
    """Weekday, day and month, agreeing with each other."""
    d = a_date(r)
    month = MONTHS[language].split()[d.month - 1]
    weekday = WEEKDAYS[language].split()[d.weekday()]
    return {
        "en": f"{weekday} {d.day} {month}",
        "de": f"{weekday}, {d.day}. {month}",
        "fr": f"{weekday} {'1er' if d.day == 1 else d.day} {month}",
        "es": f"{weekday} {d.day} de {month}",
        "it": f"{weekday} {d.day} {month}",
        "nl": f"{weekday} {d.day} {month}",
    }[language]


def date_range(language: str, r: random.Random) -> str:
    """A short span of days (a fair, an absence), with the language's own connectors."""
    start = a_date(r)
    end = start + timedelta(days=r.randint(1, 9))
    months = MONTHS[language].split()
    m1, m2, d1, d2 = months[start.month - 1], months[end.month - 1], start.day, end.day
    same = start.month == end.month
    if language == "en":
        return f"{d1} to {d2} {m2}" if same else f"{d1} {m1} to {d2} {m2}"
    if language == "de":
        return f"{d1}. bis {d2}. {m2}" if same else f"{d1}. {m1} bis {d2}. {m2}"
    if language == "fr":
        first = "1er" if d1 == 1 else str(d1)
        return f"du {first} au {d2} {m2}" if same else f"du {first} {m1} au {d2} {m2}"
    if language == "es":
        return f"del {d1} al {d2} de {m2}" if same else f"del {d1} de {m1} al {d2} de {m2}"
    if language == "it":
        return f"{d1}-{d2} {m2}" if same else f"{d1} {m1} - {d2} {m2}"
    return f"{d1} t/m {d2} {m2}" if same else f"{d1} {m1} t/m {d2} {m2}"


def amount(language: str, locale: str, r: random.Random) -> str:
    value = r.choice((r.randint(3, 99) + r.choice((0, 0.5, 0.99, 0.95, 0.49)), r.randint(100, 4800) + 0.0))
    whole, cents = int(value), round((value - int(value)) * 100)
    en = f"{whole:,}.{cents:02d}"
    comma = f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    swiss = f"{whole:,}".replace(",", "'") + f".{cents:02d}"
    country = COUNTRY[locale]
    if country == "GB":
        return r.choice((f"£{en}", f"£{whole:,}" if not cents else f"£{en}", f"GBP {en}"))
    if country == "IE":
        return r.choice((f"€{en}", f"EUR {en}"))
    if country == "CH":
        return r.choice((f"CHF {swiss}", f"Fr. {swiss}", f"{swiss} CHF"))
    if language == "fr":
        spaced = f"{whole:,}".replace(",", "\u00a0" if r.random() < 0.3 else " ") + f",{cents:02d}"
        return r.choice((f"{spaced} €", f"{spaced} EUR", f"{spaced}€"))
    if language in {"it", "nl"}:
        return r.choice((f"€ {comma}", f"{comma} €", f"€{comma}", f"{comma} euro"))
    return r.choice((f"{comma} €", f"{comma} EUR", f"{comma}\u00a0€"))


def clock(language: str, r: random.Random) -> str:
    h, m = r.randint(7, 19), r.choice((0, 0, 15, 30, 45, 10, 20, 50))
    if language == "en" and r.random() < 0.4:
        return f"{h % 12 or 12}{f'.{m:02d}' if m else ''}{'am' if h < 12 else 'pm'}"
    if language == "fr" and r.random() < 0.5:
        return f"{h}h{m:02d}" if m else f"{h}h"
    if language in {"de", "nl", "it"} and r.random() < 0.3:
        return f"{h}.{m:02d}"
    return f"{h:02d}:{m:02d}"


def percent(language: str, r: random.Random) -> str:
    value = r.choice((f"{r.randint(1, 95)}", f"{r.randint(0, 40)}.{r.randint(1, 9)}"))
    if language != "en":
        value = value.replace(".", ",")
    return f"{value}%" if language == "en" or r.random() < 0.5 else f"{value} %"


def computed(field: str, language: str, locale: str, r: random.Random) -> str | None:
    """The value of a computed placeholder, or None when `field` is not one."""
    country = COUNTRY[locale]
    year = r.randint(2023, 2025)
    makers = {
        "order": lambda: r.choice(
            (f"#{_d(r, 6)}", f"ORD-{year}-{_d(r, 6)}", f"A{_d(r, 7)}", f"{_d(r, 3)}-{_d(r, 7)}-{_d(r, 7)}",
             f"BO{_d(r, 8)}", f"{r.choice('KLMPQ')}{r.choice('ABXZ')}{_d(r, 6)}", f"{_d(r, 10)}")
        ),
        "invoice": lambda: r.choice(
            (f"{_INVOICE_PREFIX[language]}-{year}-{_d(r, 5)}", f"{_INVOICE_PREFIX[language]}{year}/{_d(r, 4)}",
             f"{year}-{_d(r, 6)}", f"{_INVOICE_PREFIX[language]} {_d(r, 8)}")
        ),
        "ticket": lambda: r.choice(
            (f"{r.choice(_TICKET_PROJECTS)}-{r.randint(12, 9999)}", f"#{_d(r, 5)}", f"INC{_d(r, 7)}",
             f"ZD-{_d(r, 6)}", f"CS-{_d(r, 5)}")
        ),
        "tracking": lambda: r.choice(
            (f"1Z{_hex(r, 6).upper()}{_d(r, 10)}", f"JJD000390{_d(r, 11)}", f"3SABCD{_d(r, 9)}",
             f"6A{_d(r, 11)}", f"CB{_d(r, 9)}{country}", f"{_d(r, 14)}", f"00{_d(r, 18)}")
        ),
        "version": lambda: r.choice(
            (f"{r.randint(1, 9)}.{r.randint(0, 24)}.{r.randint(0, 12)}", f"v{r.randint(1, 5)}.{r.randint(0, 30)}",
             f"{year}.{r.randint(1, 12):02d}.{r.randint(0, 4)}",
             f"{r.randint(2, 6)}.{r.randint(0, 9)}.0-rc{r.randint(1, 3)}",
             f"v{r.randint(1, 3)}.{r.randint(0, 19)}.{r.randint(0, 40)}")
        ),
        "build": lambda: str(r.randint(1200, 98000)),
        "amount": lambda: amount(language, locale, r),
        "date": lambda: natural_date(language, r),
        "longdate": lambda: long_date(language, r),
        "daterange": lambda: date_range(language, r),
        "isodate": lambda: a_date(r).isoformat(),
        "ts": lambda: f"{a_date(r).isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z",
        "logtime": lambda: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{_d(r, 3)}",
        "time": lambda: clock(language, r),
        "year": lambda: str(r.randint(2009, 2023)),
        "pct": lambda: percent(language, r),
        "sku": lambda: r.choice(
            (f"SKU-{_d(r, 5)}-{r.choice(('BLK', 'WHT', 'RED', 'XL', 'M', 'S'))}", f"ART-{_d(r, 4)}-{_d(r, 2)}",
             f"PN {_d(r, 4)}-{_d(r, 3)}", f"{r.choice('ABCDEFGH')}{r.choice('KLMNRT')}-{_d(r, 4)}-{_d(r, 2)}")
        ),
        "ean": lambda: ean13(r, _EAN_PREFIXES[country]),
        "refphone": lambda: fake_phone(r),
        "refiban": lambda: broken_iban(country, r),
        "hex": lambda: _hex(r, r.choice((7, 8, 12))),
        "traceid": lambda: _hex(r, 32),
        "uuid": lambda: str(uuid.UUID(int=r.getrandbits(128), version=4)),
        "path": lambda: r.choice(
            (f"/api/v{r.randint(1, 3)}/{r.choice(SHARED['apiresource'])}/{_d(r, 5)}",
             f"/v{r.randint(1, 2)}/{r.choice(SHARED['apiresource'])}?page={r.randint(2, 40)}",
             f"/internal/{r.choice(SHARED['apiresource'])}/export", "/healthz",
             f"/api/{r.choice(SHARED['apiresource'])}")
        ),
        "host": lambda: f"{r.choice(SHARED['hostprefix'])}-{r.choice(SHARED['sitecode'])}-{r.randint(1, 24):02d}"
        f".{r.choice(SHARED['hostdomain'])}",
        "count": lambda: str(r.choice((r.randint(2, 20), r.randint(20, 480)))),
        "num": lambda: str(r.randint(2, 12)),
        "big": lambda: f"{r.randint(1000, 98000):,}".replace(",", "," if language == "en" else "."),
        "speed": lambda: str(r.randint(9, 16) * 10),
        "ms": lambda: str(r.randint(12, 4800)),
        "size": lambda: f"{r.randint(1, 40)}.{r.randint(0, 9)} GB".replace(".", "," if language != "en" else "."),
        "kb": lambda: f"KB-{_d(r, 4)}",
        "custid": lambda: r.choice((f"CUST-{_d(r, 6)}", f"K-{_d(r, 7)}", f"{_d(r, 8)}", f"C{_d(r, 5)}")),
        "flight": lambda: f"{r.choice(('LH', 'KL', 'AZ', 'IB', 'EI', 'BA', 'AF', 'LX', 'OS', 'SN', 'VY', 'U2'))} "
        f"{r.randint(100, 4999)}",
        "train": lambda: r.choice(
            (f"ICE {r.randint(500, 1699)}", f"TGV INOUI {r.randint(6100, 6899)}",
             f"Frecciarossa {r.randint(9500, 9699)}",
             f"AVE {r.randint(3000, 3199)}", f"IC {r.randint(500, 3699)}", f"Eurostar {r.randint(9000, 9199)}",
             f"Railjet {r.randint(40, 899)}", f"Nightjet {r.randint(400, 499)}")
        ),
        "vatid": lambda: {
            "GB": f"GB{_d(r, 9)}", "IE": f"IE{_d(r, 7)}{r.choice('ABCDEFW')}", "DE": f"DE{_d(r, 9)}",
            "AT": f"ATU{_d(r, 8)}", "CH": f"CHE-{_d(r, 3)}.{_d(r, 3)}.{_d(r, 3)}", "FR": f"FR{_d(r, 11)}",
            "BE": f"BE0{_d(r, 9)}", "ES": f"B{_d(r, 8)}", "IT": f"IT{_d(r, 11)}", "NL": f"NL{_d(r, 9)}B01",
        }[country],
        "room": lambda: f"{r.randint(0, 6)}.{r.randint(1, 40):02d}",
        "port": lambda: str(r.choice((443, 8080, 8443, 9092, 5432, 6379, 9200))),
    }  # fmt: skip
    maker = makers.get(field)
    return maker() if maker else None
