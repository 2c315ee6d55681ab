"""Non-personal values: dates, times, prices, identifiers and invented product, team and company names."""

from __future__ import annotations

import random
from datetime import date

from bench.heldout.banking import _digits
from bench.heldout.people import _ascii

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
           "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
           "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
}  # fmt: skip

_PRODUCT_A = ("Nimbus", "Quartz", "Atlas", "Vertex", "Falcon", "Orion", "Cobalt", "Helix", "Lumen", "Polar", "Summit",
              "Tundra", "Zephyr", "Harbor", "Ember", "Nova", "Aurora", "Onyx", "Pioneer", "Sierra", "Jasper", "Willow",
              "Maple", "Ivy", "Beacon", "Copper", "Granite", "Marlin", "Saffron", "Tango")  # fmt: skip
_PRODUCT_B = ("Ledger", "Relay", "Vault", "Sync", "Insight", "Flow", "Desk", "Pulse", "Core", "Hub", "Cloud", "Pay",
              "Track", "Mail", "Connect", "Studio", "Guard", "Board", "Link", "Scan", "Forge", "Dock")  # fmt: skip
_PRODUCT_TIER = ("", "", "", " Pro", " Plus", " 360", " X", " Lite", " 2")
_TEAMS = ("Falcon", "Nordlicht", "Kestrel", "Basalt", "Mistral", "Helios", "Tramontana", "Sirocco", "Granite",
          "Polaris", "Meridian", "Bora", "Zonda", "Levante", "Ostwind", "Blue", "Orange", "Phoenix", "Delta",
          "Payments", "Platform", "Billing", "Checkout")  # fmt: skip
_COMPANY_A = ("Brightwave", "Nordwind", "Kestrel", "Altavia", "Quadrant", "Silverfjord", "Lumora", "Tessaro", "Veltrix",
              "Orbitale", "Bluecrest", "Granitek", "Solvane", "Marevia", "Korvex", "Astrolab", "Vireon", "Fernwerk",
              "Helvion", "Duravia", "Novatek", "Zentara", "Alpenglas", "Rivage", "Tulpen")  # fmt: skip
_COMPANY_SECTOR = {
    "en": ("Logistics", "Systems", "Consulting", "Foods", "Energy", "Analytics", "Medical", "Software", ""),
    "de": ("Logistik", "Systeme", "Beratung", "Energie", "Medizintechnik", "Software", "Handel", ""),
    "fr": ("Logistique", "Conseil", "Énergie", "Systèmes", "Distribution", ""),
    "es": ("Logística", "Consultoría", "Energía", "Sistemas", "Distribución", ""),
    "it": ("Logistica", "Consulenze", "Energia", "Sistemi", "Distribuzione", ""),
    "nl": ("Logistiek", "Advies", "Energie", "Systemen", "Groothandel", ""),
}
_COMPANY_FORM = {
    "US": ("Inc.", "LLC", "Corp."), "GB": ("Ltd", "Ltd", "plc"), "CA": ("Inc.", "Ltd."), "IE": ("Ltd", "DAC"),
    "DE": ("GmbH", "GmbH", "AG", "GmbH & Co. KG"), "AT": ("GmbH", "AG"), "CH": ("AG", "GmbH", "SA"),
    "FR": ("SAS", "SARL", "SA"), "BE": ("SA", "SRL", "BV", "NV"), "ES": ("S.L.", "S.A."), "IT": ("S.r.l.", "S.p.A."),
    "NL": ("B.V.", "B.V.", "N.V."),
}  # fmt: skip
_TLD = {"US": "com", "GB": "co.uk", "CA": "ca", "IE": "ie", "DE": "de", "AT": "at", "CH": "ch", "FR": "fr", "BE": "be",
        "ES": "es", "IT": "it", "NL": "nl"}  # fmt: skip
_JOB_TITLES = {
    "en": ("Account Manager", "Head of Customer Service", "Logistics Coordinator", "Sales Director", "Office Manager",
           "Senior Buyer", "Operations Lead", "Project Manager", "Finance Assistant"),
    "de": ("Leitung Kundenservice", "Vertriebsleitung", "Teamleitung Logistik", "Projektmanagement", "Einkauf",
           "Geschäftsführung", "Buchhaltung", "Key Account Management"),
    "fr": ("Responsable logistique", "Responsable du service client", "Direction commerciale", "Service comptabilité",
           "Chef de projet", "Acheteuse senior", "Assistante de direction"),
    "es": ("Responsable de logística", "Atención al cliente", "Dirección comercial", "Departamento de compras",
           "Jefe de proyecto", "Administración"),
    "it": ("Responsabile logistica", "Ufficio acquisti", "Direzione commerciale", "Servizio clienti",
           "Project manager", "Amministrazione"),
    "nl": ("Teamleider klantenservice", "Accountmanager", "Inkoper", "Projectleider", "Office manager",
           "Financieel medewerker"),
}  # fmt: skip


def _date_text(d: date, lang: str, country: str, rng: random.Random) -> str:
    months = _MONTHS[lang]
    if country == "AT" and lang == "de":
        months = ("Jänner", *months[1:])
    m, day, y = d.month, d.day, d.year
    if rng.random() < 0.12:
        return d.isoformat()
    if lang == "en":
        if country == "US":
            return rng.choice((f"{m:02d}/{day:02d}/{y}", f"{months[m - 1]} {day}, {y}", f"{months[m - 1][:3]} {day}"))
        return rng.choice((f"{day:02d}/{m:02d}/{y}", f"{day} {months[m - 1]} {y}", f"{day} {months[m - 1][:3]}"))
    if lang == "de":
        return rng.choice((f"{day:02d}.{m:02d}.{y}", f"{day}.{m}.{y}", f"{day}. {months[m - 1]} {y}", f"{day}.{m}."))
    if lang == "fr":
        return rng.choice((f"{day:02d}/{m:02d}/{y}", f"{day} {months[m - 1]} {y}", f"{day:02d}/{m:02d}"))
    if lang == "es":
        return rng.choice((f"{day:02d}/{m:02d}/{y}", f"{day} de {months[m - 1]} de {y}", f"{day}-{m:02d}-{y}"))
    if lang == "it":
        return rng.choice((f"{day:02d}/{m:02d}/{y}", f"{day} {months[m - 1]} {y}", f"{day}/{m}"))
    return rng.choice((f"{day:02d}-{m:02d}-{y}", f"{day} {months[m - 1]} {y}", f"{day}-{m}"))


def _time_text(h: int, minute: int, lang: str, country: str, style: int) -> str:
    if lang == "en" and country == "US" and style % 2 == 0:
        suffix = "am" if h < 12 else "pm"
        h12 = h % 12 or 12
        return f"{h12}:{minute:02d} {suffix.upper() if style == 0 else suffix}" if minute else f"{h12}{suffix}"
    if lang == "en" and style == 2:
        return f"{h % 12 or 12}.{minute:02d}{'am' if h < 12 else 'pm'}"
    if lang == "fr" and style in (0, 2):
        return f"{h}h{minute:02d}" if minute else f"{h}h"
    if lang == "de" and style == 2:
        return f"{h}.{minute:02d} Uhr"
    if lang in ("es", "it", "nl") and style == 2:
        return f"{h}.{minute:02d}"
    if lang == "nl" and country == "BE" and style == 0:
        return f"{h}u{minute:02d}"
    return f"{h:02d}:{minute:02d}"


def _money(amount: float, thousands: str, decimal: str) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", thousands)
    return f"{grouped}{decimal}{cents}"


def _price_text(rng: random.Random, lang: str, country: str) -> str:
    amount = rng.uniform(2, 120) if rng.random() < 0.6 else rng.uniform(120, 9000)
    if rng.random() < 0.25:
        amount = float(round(amount))
    if lang == "en":
        if country == "US":
            return rng.choice((f"${_money(amount, ',', '.')}", f"USD {_money(amount, ',', '.')}"))
        if country == "GB":
            return rng.choice((f"£{_money(amount, ',', '.')}", f"GBP {_money(amount, ',', '.')}"))
        if country == "CA":
            return rng.choice((f"C${_money(amount, ',', '.')}", f"CAD {_money(amount, ',', '.')}"))
        if country == "CH":
            return f"CHF {_money(amount, ',', '.')}"
        return rng.choice((f"€{_money(amount, ',', '.')}", f"EUR {_money(amount, ',', '.')}"))
    if country == "CH":
        swiss = _money(amount, "'", ".")
        return rng.choice((f"CHF {swiss}", f"Fr. {swiss}"))
    if lang == "fr":
        return rng.choice((f"{_money(amount, ' ', ',')} €", f"{_money(amount, ' ', ',')} EUR"))
    if lang == "it":
        return rng.choice(
            (f"€ {_money(amount, '.', ',')}", f"{_money(amount, '.', ',')} €", f"{_money(amount, '.', ',')} euro")
        )
    if lang == "nl":
        return rng.choice(
            (f"€ {_money(amount, '.', ',')}", f"€{_money(amount, '.', ',')}", f"EUR {_money(amount, '.', ',')}")
        )
    return rng.choice((f"{_money(amount, '.', ',')} €", f"EUR {_money(amount, '.', ',')}"))  # de, es


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _order_text(rng: random.Random) -> str:
    year = rng.randint(2022, 2025)
    return rng.choice((
        f"ORD-{year}-{rng.randint(1, 999999):06d}",
        f"#{rng.randint(100000, 999999)}",
        _digits(rng, 1).replace("0", "4") + _digits(rng, 9),
        f"SO-{rng.randint(100000, 999999)}",
        f"A-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}",
        f"{rng.choice('BCDKLMPRSTW')}{rng.randint(10, 99)}/{year}/{rng.randint(1, 9999):04d}",
        f"PO {rng.randint(10000, 99999)}",
    ))  # fmt: skip


def _invoice_text(rng: random.Random, lang: str) -> str:
    year = rng.randint(2022, 2025)
    prefix = {"en": "INV", "de": "RE", "fr": "FA", "es": "FAC", "it": "FT", "nl": "F"}[lang]
    return rng.choice((
        f"{prefix}-{year}-{rng.randint(1, 99999):05d}",
        f"{year}/{rng.randint(1, 9999):04d}",
        f"{prefix}{year}{rng.randint(1, 9999):04d}",
        f"INV-{rng.randint(100000, 9999999)}",
    ))  # fmt: skip


def _ticket_text(rng: random.Random) -> str:
    return rng.choice((
        f"{rng.choice(('OPS', 'SUP', 'CS', 'DEV', 'BILL', 'LOG'))}-{rng.randint(100, 99999)}",
        f"INC{rng.randint(0, 9999999):07d}",
        f"#{rng.randint(1000, 99999)}",
    ))  # fmt: skip


def _s10_check(serial: str) -> str:
    c = 11 - sum(int(d) * w for d, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True)) % 11
    return str({10: 0, 11: 5}.get(c, c))


def _tracking_text(rng: random.Random, country: str) -> str:
    r = rng.random()
    if r < 0.25:
        return "00340434" + _digits(rng, 12)
    if r < 0.45:
        return "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTVWXY") for _ in range(6)) + _digits(rng, 10)
    if r < 0.7:
        serial = _digits(rng, 8)
        return f"{rng.choice(('RR', 'LX', 'CB', 'RB', 'UA', 'EE'))}{serial}{_s10_check(serial)}{country}"
    if r < 0.85:
        return "JJD" + _digits(rng, 18)
    return _digits(rng, 12)


def _version_text(rng: random.Random) -> str:
    a, b, c = rng.randint(1, 12), rng.randint(0, 30), rng.randint(0, 20)
    return rng.choice((f"v{a}.{b}.{c}", f"{a}.{b}.{c}", f"{a}.{b}", f"v{a}.{b}", f"{a}.{b}.{c}-rc{rng.randint(1, 4)}",
                       f"{rng.randint(22, 25)}.{rng.randint(1, 12)}"))  # fmt: skip


def _product_text(rng: random.Random) -> str:
    return f"{rng.choice(_PRODUCT_A)} {rng.choice(_PRODUCT_B)}{rng.choice(_PRODUCT_TIER)}"


def _company_text(rng: random.Random, country: str, lang: str) -> str:
    sector = rng.choice(_COMPANY_SECTOR[lang])
    name = rng.choice(_COMPANY_A) + (f" {sector}" if sector else "")
    return f"{name} {rng.choice(_COMPANY_FORM[country])}"


def _company_domain(company: str, country: str) -> str:
    words = [w for w in company.split() if w not in {f for forms in _COMPANY_FORM.values() for f in forms}]
    words = [_ascii(w, "de") for w in words if w not in ("&", "Co.", "KG")]
    return "-".join(w for w in words if w) + "." + _TLD[country]
