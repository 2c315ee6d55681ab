"""Structured styles: log lines (key=value and JSON-ish), CSV rows, web-form dumps and address labels.

The blank ``xx`` tokenizer does not split ``4711,Anna`` or ``name="Anna`` or ``Anna;Meyer``, so a comma-separated
row keeps a labelled field between letters or at the row's ends, and quoted ``key="value"`` pairs are not used."""

from __future__ import annotations

import re

from . import places
from .example import Segment
from .names import NameMaker
from .render import Renderer
from .styles import joined

COUNTRY_OF = {
    "en": "Germany Austria Switzerland Luxembourg France Belgium Spain Italy Netherlands Ireland UK USA",
    "de": "Deutschland Österreich Schweiz Luxemburg Frankreich Belgien Spanien Italien Niederlande Irland UK USA",
    "fr": "Allemagne Autriche Suisse Luxembourg France Belgique Espagne Italie Pays-Bas Irlande Royaume-Uni USA",
    "es": "Alemania Austria Suiza Luxemburgo Francia Bélgica España Italia Holanda Irlanda Reino-Unido EE.UU.",
    "it": "Germania Austria Svizzera Lussemburgo Francia Belgio Spagna Italia Olanda Irlanda Regno-Unito USA",
    "nl": "Duitsland Oostenrijk Zwitserland Luxemburg Frankrijk België Spanje Italië Nederland Ierland VK VS",
}
ISO = ("DE", "AT", "CH", "LU", "FR", "BE", "ES", "IT", "NL", "IE", "GB", "US")
CITY_KEYS = ("city", "city", "town", "location", "stadt", "ort", "ville", "ciudad", "citta", "plaats", "woonplaats")
USER_KEYS = ("user", "user", "username", "login", "customer", "agent", "actor", "benutzer", "utilisateur")
EVENTS = ("login_ok", "login_failed", "signup", "address_changed", "order_created", "password_reset", "export_done")


def country_name(lang: str, iso: str) -> str:
    return COUNTRY_OF[lang].split()[ISO.index(iso)].replace("-", " ")


def _stamp(r: Renderer) -> str:
    rng = r.rng
    ts = f"2025-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    clock = f"{rng.randint(0, 23):02}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}"
    return rng.choice((f"{ts}T{clock}Z", f"{ts} {clock},{rng.randint(0, 999):03}", f"{ts} {clock}"))


def _username(r: Renderer, at: bool = True) -> list[Segment]:
    """A user name; with its ``@`` only where the tokenizer splits it off (not after ``=``)."""
    handle = r.name("handle", "")[0][0]
    return [(handle if at and r.rng.random() < 0.3 else handle.lstrip("@"), "PERSON")]


def log(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    lines = []
    for _ in range(rng.randint(1, 4)):
        level = rng.choice(("INFO", "INFO", "WARN", "ERROR", "DEBUG", "level=info", "level=warn"))
        line: list[Segment] = [(f"{_stamp(r)} {level} ", None)]
        blank = negative or rng.random() < 0.2
        layout = rng.randrange(3)
        if layout == 0:  # logfmt
            pairs: list[list[Segment]] = [[(f"event={rng.choice(EVENTS)}", None)]]
            if not blank:
                if rng.random() < 0.7:
                    pairs.append([(f"{rng.choice(USER_KEYS)}=", None), *_username(r, at=False)])
                else:
                    pairs.append([("first_name=", None), *r.name("first", "1")])
                    pairs.append([("last_name=", None), *r.name("last", "1")])
                town = r.town()[0]
                if town[:1].isalpha() and (
                    " " not in town or rng.random() < 0.15
                ):  # "city='s-Hertogenbosch" is one token
                    pairs.append([(f"{rng.choice(CITY_KEYS)}=", None), (town, "LOCATION")])
            pairs.append(r.render(rng.choice(("order={ORDER}", "ticket={TICKET}", "amount={AMT}", "app={SAAS}"))))
            rng.shuffle(pairs)
            line += joined(pairs, rng.choice((" ", " ", ", ")))
        elif layout == 1:  # JSON-ish
            fields: list[list[Segment]] = [[(f'"event": "{rng.choice(EVENTS)}"', None)]]
            if not blank:
                key = rng.choice(('"name"', '"customer_name"', '"full_name"', '"contact"'))
                fields.append([(f'{key}: "', None), *r.name(rng.choice(("full", "full", "first")), ""), ('"', None)])
                if rng.random() < 0.7:
                    fields.append([(f'"{rng.choice(CITY_KEYS)}": "', None), (r.town()[0], "LOCATION"), ('"', None)])
            fields.append([('"product": "', None), *r.render("{PROD}"), ('"', None)])
            line += [("{", None), *joined(fields, ", "), ("}", None)]
        else:  # prose log message
            if blank:
                line += r.render(rng.choice(("order {ORDER} synced to {SAAS}", "retrying export to {SAAS} ({NUM}/5)",
                                             "payment of {AMT} captured for order {ORDER}")))  # fmt: skip
            else:
                template = rng.choice(("login succeeded for user ", "password reset requested by ", "new signup: "))
                line += [(f"[{rng.choice(('auth', 'api', 'web', 'crm'))}] {template}", None), *_username(r)]
                line += [(rng.choice((" from ", " city=", " in ")), None), (r.town()[0], "LOCATION")]
        lines.append(line)
    return joined(lines, "\n"), "keep"


def csv(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    heads = r.world.langs[r.lang].CSV
    if negative:
        columns = rng.sample(["id", "product", "country", "amount", "date", "status"], rng.randint(3, 5))
    else:
        people = ["first", "last"] if rng.random() < 0.5 else ["name"]
        extra = rng.sample(["id", "email", "phone", "amount", "date", "status", "country"], rng.randint(1, 3))
        columns = people + (["city"] if rng.random() < 0.7 else []) + extra
    sep = rng.choice((",", ",", "\t", "; ", ", ", " | "))
    if sep == ",":  # labelled fields must touch letters only: people and city first, a word column after them;
        columns = [c for c in columns if c != "email"]  # and an e-mail address would glue the whole row into one token
        columns = (
            [c for c in columns if c in ("first", "last", "name", "city")]
            + ["status"]
            + [c for c in columns if c not in ("first", "last", "name", "city", "status")]
        )
    upper = rng.random() < 0.15
    rows: list[list[Segment]] = []
    if rng.random() < 0.65:
        rows.append([(sep.join(heads[c].upper() if upper else heads[c] for c in columns), None)])
    for _ in range(rng.randint(1, 5)):
        r.cast.clear()
        cells = []
        for column in columns:
            cell = _cell(r, column, upper)
            for _ in range(5):  # between bare commas a labelled cell must start and end with a letter
                if sep != "," or all(t[:1].isalpha() and t[-1:].isalpha() for t, label in cell if label):
                    break
                r.cast.clear()
                cell = _cell(r, column, upper)
            cells.append(cell)
        rows.append(joined(cells, sep))
    return joined(rows, "\n"), "lower" if rng.random() < 0.08 else "keep"


def _cell(r: Renderer, column: str, upper: bool) -> list[Segment]:
    rng = r.rng
    case = "upper" if upper else None
    if column in ("first", "last", "name"):
        return r.name({"first": "first", "last": "last", "name": "full"}[column], "1", case=case)
    if column == "city":
        town = r.town(r.country(focus_only=True))[0]
        return [(town.upper() if upper else town, "LOCATION")]
    if column == "country":
        return [(r.slot("COUNTRY", "")[0][0].replace(",", ""), None)]
    if column == "status":
        return [(rng.choice(r.world.langs[r.lang].FRAME["status"]), None)]
    slot = {"id": "ORDER", "email": "EMAIL", "phone": "PHONE", "amount": "AMT", "date": "DATE", "product": "PROD"}
    if column == "date":
        return [(f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}", None)]
    text = r.slot(slot[column], "1")[0][0]
    return [(re.sub(r"[,;]", ".", text) if column == "amount" else text, None)]


def form(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    keys = r.world.langs[r.lang].FORM
    sep = rng.choice((": ", ": ", ":\t", " : " if r.lang == "fr" else ": ", " = "))
    upper = rng.random() < 0.25
    case = "upper" if upper else None
    rows: list[list[Segment]] = []
    if not negative:
        shape = rng.random()
        if shape < 0.5:
            rows.append(
                [(keys["name"] + sep, None), *r.name(rng.choice(("full", "full", "last_first")), "1", case=case)]
            )
        else:
            rows.append([(keys["first"] + sep, None), *r.name("first", "1", case=case)])
            rows.append([(keys["last"] + sep, None), *r.name("last", "1", case=case)])
        country = r.country(focus_only=True)
        town = r.town(country)[0]
        town = town.upper() if upper else town
        if rng.random() < 0.7:
            street = f"{places.street(country, rng, r.world.streets)} {places.number(country, rng)}"
            rows.append([(f"{keys['street']}{sep}{street}", None)])
            rows.append([(f"{keys['zip']}{sep}{places.postcode(country, rng)}", None)])
        rows.append([(keys[rng.choice(("city", "city", "town"))] + sep, None), (town, "LOCATION")])
        if rng.random() < 0.4:
            rows.append([(keys["country"] + sep + country_name(r.lang, country), None)])
        if rng.random() < 0.5:
            rows.append(r.render(f"{keys['email']}{sep}{{EMAIL1}}"))
        if rng.random() < 0.3:
            rows.append(r.render(f"{keys['dob']}{sep}{{DOB}}"))
    else:
        rows.append(r.render(f"{keys['order']}{sep}{{ORDER}}"))
        rows.append(r.render(f"{keys['country']}{sep}{{COUNTRY}}"))
        if rng.random() < 0.5:
            rows.append(r.render(f"{keys['phone']}{sep}{{PHONE}}"))
    if rng.random() < 0.5:
        register = "neg" if negative or rng.random() < 0.4 else rng.choice(("ticket", "prose"))
        message = r.render(rng.choice(r.world.langs[r.lang].SENTENCES[register]))
        rows.append([(keys["msg"] + sep, None), *message])
    if rng.random() < 0.5:
        rng.shuffle(rows)
    return joined(rows, "\n"), "keep"


def address(r: Renderer, negative: bool) -> tuple[list[Segment], str]:
    rng = r.rng
    names: NameMaker = r.world.names
    country = r.country(focus_only=True)
    out: list[Segment] = []
    lead = rng.random() < 0.3
    if lead:
        out.append((rng.choice(r.world.langs[r.lang].FRAME["to"]) + " ", None))
    person = r.person("1")
    if not lead and rng.random() < 0.35:  # title on its own line, then the name
        title = names.title(person, r.lang)
        if r.lang == "de" and title.startswith("Herr"):
            title = "Herrn" + title[4:]  # an envelope's accusative
        out += [(title + "\n", None), *r.name("full", "1")]
    else:
        out += r.name(rng.choice(("full", "full", "title_full", "title_last", "initial")), "1")
    if rng.random() < 0.2:
        out += [("\n", None), *r.render(rng.choice(("c/o {PF}", "{BRAND} GmbH", "{DEPT}", "{BRAND} S.A.")))]
    out += [("\n", None), *r.address(block=True, country=country)]
    if rng.random() < 0.4:
        name = country_name(r.lang, country)
        out.append(("\n" + (name.upper() if rng.random() < 0.5 else name), None))
    return out, "upper" if rng.random() < 0.2 else "keep"
