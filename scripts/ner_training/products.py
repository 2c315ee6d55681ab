"""More hard negatives (unlabelled): products and SaaS names made of a given name or a mythological or astronomical
word plus a product word ("Emma Chat", "Aurora Cloud 3.2", "Galaxy Tab S9"), companies with a legal form ("De Groot
Logistiek B.V.", "Brandt & Söhne GmbH"), team code names ("team Mistral", "Aquila owns the migration"), inflected
lower-case nationality and language words ("los clientes alemanes", "die türkischen Kunden", "auf Türkisch"),
months and holidays after prepositions ("in March", "im Mai", "en août", "a Ferragosto"), German capitalised nouns,
sentence-opening time adverbs, IBANs and item numbers.

Slots: ``APP``, ``APPL`` (with "licences"), ``COMPANY``, ``TEAM``, ``CODE``, ``NATL``, ``LANGW``, ``CAL``,
``NNOUN``, ``ADV``, ``IBAN``, ``ITEM``.
``APP`` and ``COMPANY`` take a given name and a surname from the caller (a drawn person), so any name can appear
in a product or a company."""

from __future__ import annotations

import random

from .example import words
from .negatives import MONTHS, NAME_MONTHS

GIVEN = words(
    "Emma Luna Jasper Victoria Max Stella Bianca Felix Olivia Noah Mila Leo Ava Oscar Chloe Hugo Ivy Theo Nina Lara "
    "Elsa Otto Ruby Milo Clara Lucas Sofia Marco Giulia Pablo Lola Jonas Greta Finn Ada Iris Zoe Eliza Rosa Amelie "
    "Sam Aria Mateo Elena Jules Romy Daan Sem Anouk Tess Bram Luuk"
)
MYTH = words(
    "Aurora Galaxy Apollo Artemis Athena Atlas Orion Nova Vega Sirius Polaris Lyra Andromeda Titan Helios Selene "
    "Hermes Juno Minerva Phoenix Odyssey Zenith Nebula Comet Meteor Pulsar Quasar Cosmos Gaia Freya Thor Odin Eos "
    "Pegasus Draco Cassiopeia Mercury Saturn Jupiter Neptune Mistral Aquila Kestrel Horizon Summit Echo"
)
FAMOUS = words("Marco Polo|Da Vinci|Ada Lovelace|Van Gogh|Galileo|Kepler|Copernicus|Newton|Darwin|Curie", "|")
WORD = words(
    "Cloud Hub Notes Suite Analytics Desk Chat Pro Max Lite Studio Sync Vault Router Backup Mesh Tab Pad Connect "
    "Drive Mail Pay Books Flow Board Docs Scan Share Link Guard Sense Dock Cam Watch Buds Print Home Assist CRM ERP "
    "Forms Meet Cast Box Base Boost Plus Air Go Point Signal Tracker Planner Portal Insights Ledger Stream Shield"
)
TAIL = words("Pro|Max|Lite|Plus|Enterprise|Business|Ultra|Mini|Air|Team|Edge|One|Go", "|")
LICENCES = {
    "en": ("licences", "licenses", "seats", "user licences", "subscriptions"),
    "de": ("Lizenzen", "Nutzerlizenzen", "Plätze", "Abos", "Lizenzen"),
    "fr": ("licences", "licences utilisateur", "abonnements", "postes"),
    "es": ("licencias", "licencias de usuario", "suscripciones", "puestos"),
    "it": ("licenze", "licenze utente", "abbonamenti", "postazioni"),
    "nl": ("licenties", "gebruikerslicenties", "abonnementen", "werkplekken"),
}
FORMS = {
    "en": ("Ltd", "Ltd", "LLC", "Inc.", "PLC", "& Sons Ltd", "Holdings Ltd", "Group"),
    "de": ("GmbH", "GmbH", "AG", "GmbH & Co. KG", "& Söhne GmbH", "KG", "e.K.", "Gruppe"),
    "fr": ("SARL", "SA", "SAS", "Frères SARL", "& Fils SA", "SARL", "Groupe"),
    "es": ("S.L.", "S.A.", "S.L.U.", "Hermanos S.L.", "e Hijos S.A.", "S.L.", "Grupo"),
    "it": ("S.p.A.", "S.r.l.", "S.r.l.", "& Figli S.r.l.", "S.n.c.", "Fratelli S.p.A.", "Group"),
    "nl": ("B.V.", "B.V.", "N.V.", "V.O.F.", "& Zn. B.V.", "Holding B.V.", "Groep"),
}
SECTOR = {
    "en": words("Logistics Consulting Builders Engineering Transport Plumbing Software Foods Electrical Partners"),
    "de": words("Logistik Bau Transporte Elektrotechnik Metallbau Haustechnik Software Spedition Immobilien Partner"),
    "fr": words("Transports Bâtiment Conseil Logistique Électricité Immobilier Distribution Services Industries"),
    "es": words("Transportes Construcciones Asesores Logística Instalaciones Inmobiliaria Distribuciones Servicios"),
    "it": words("Trasporti Costruzioni Impianti Logistica Consulting Immobiliare Distribuzione Servizi Meccanica"),
    "nl": words("Logistiek Bouw Installatietechniek Transport Advies Vastgoed Groothandel Techniek Diensten"),
}
CODES = words(
    "Aquila Mistral Phoenix Kestrel Sirocco Borealis Cobalt Nimbus Quasar Halcyon Zephyr Tundra Basalt Granite Monsoon "
    "Pulsar Nebula Meteor Comet Falcon Condor Osprey Orca Lynx Bison Glacier Tornado Cyclone Obsidian Ember Vortex"
)
TEAM = {
    "en": ("team {C}", "the {C} team", "the {C} squad", "project {C}", "the {C} crew", "{C} squad"),
    "de": ("Team {C}", "das Team {C}", "das {C}-Team", "Projekt {C}", "die {C}-Crew", "Squad {C}"),
    "fr": ("l'équipe {C}", "la team {C}", "le projet {C}", "l'escouade {C}", "l'équipe projet {C}"),
    "es": ("el equipo {C}", "el proyecto {C}", "la célula {C}", "el squad {C}", "el equipo {C}"),
    "it": ("il team {C}", "la squadra {C}", "il progetto {C}", "il gruppo {C}", "il team {C}"),
    "nl": ("team {C}", "het {C}-team", "project {C}", "squad {C}", "het team {C}"),
}
NATL = {  # inflected for the template around it: plural nouns in es, fr, it; after an article in de; -e in nl
    "en": words("German French Spanish Italian Dutch Turkish Polish Portuguese Belgian Swiss Austrian Greek Irish"),
    "de": words("türkischen deutschen französischen spanischen italienischen niederländischen polnischen "
                "österreichischen belgischen britischen griechischen portugiesischen rumänischen ukrainischen"),
    "fr": words("allemands français italiens turcs espagnols belges néerlandais suisses polonais portugais "
                "marocains britanniques roumains autrichiens"),
    "es": words("alemanes franceses italianos turcos holandeses belgas portugueses marroquíes polacos suizos "
                "británicos ingleses rumanos ucranianos mexicanos"),
    "it": words("tedeschi francesi spagnoli turchi olandesi belgi polacchi svizzeri portoghesi inglesi rumeni "
                "austriaci greci albanesi"),
    "nl": words("Duitse Franse Turkse Belgische Spaanse Italiaanse Poolse Marokkaanse Britse Portugese Griekse"),
}  # fmt: skip
LANGW = {
    "en": words("German French Spanish Italian Dutch Turkish Polish Portuguese English Arabic Greek"),
    "de": words("Deutsch Englisch Französisch Türkisch Spanisch Italienisch Niederländisch Polnisch Arabisch"),
    "fr": words("allemand anglais espagnol italien néerlandais turc polonais portugais arabe grec"),
    "es": words("alemán inglés francés italiano neerlandés turco polaco portugués árabe catalán gallego"),
    "it": words("tedesco inglese francese spagnolo olandese turco polacco portoghese arabo greco"),
    "nl": words("Duits Engels Frans Spaans Italiaans Turks Pools Portugees Arabisch Grieks"),
}
CAL_AT = {
    "en": ("in {M}", "early {M}", "late {M}", "since {M}", "by {M}", "until {M}", "last {M}", "next {M}",
           "mid-{M}", "at the end of {M}"),
    "de": ("im {M}", "Anfang {M}", "Mitte {M}", "Ende {M}", "seit {M}", "bis {M}", "ab {M}", "im letzten {M}"),
    "fr": ("en {M}", "début {M}", "fin {M}", "mi-{M}", "depuis {M}", "courant {M}", "au mois de {M}"),
    "es": ("en {M}", "a principios de {M}", "a mediados de {M}", "a finales de {M}", "desde {M}", "hasta {M}",
           "el pasado {M}"),
    "it": ("a {M}", "in {M}", "a inizio {M}", "a metà {M}", "a fine {M}", "da {M}", "entro {M}", "lo scorso {M}"),
    "nl": ("in {M}", "begin {M}", "half {M}", "eind {M}", "sinds {M}", "tot {M}", "vanaf {M}", "afgelopen {M}"),
}  # fmt: skip
HOLIDAYS = {
    "en": ("at Easter", "over Christmas", "after New Year", "at Whitsun", "on Black Friday", "during Ramadan"),
    "de": ("an Ostern", "über Weihnachten", "nach Neujahr", "an Pfingsten", "vor Silvester", "an Fasching"),
    "fr": ("à Pâques", "à Noël", "après le Nouvel An", "à la Toussaint", "à la Pentecôte", "pendant le ramadan"),
    "es": ("en Semana Santa", "en Navidad", "después de Reyes", "en Nochevieja", "durante el Ramadán"),
    "it": ("a Pasqua", "a Natale", "a Ferragosto", "dopo Capodanno", "a Pasquetta", "dopo l'Epifania"),
    "nl": ("met Pasen", "rond Kerstmis", "met Pinksteren", "op Koningsdag", "na oud en nieuw", "met Hemelvaart"),
}
NNOUN = words(  # neuter, for "das neue ..."
    "Lager Paket Angebot Gerät Konto Formular Büro Ersatzteil Netzteil Kundenkonto Fahrzeug Ladegerät Handbuch "
    "Postfach Protokoll Update Kennwort Zertifikat Werkzeug Tablet Notebook Headset Modem Terminal Kassensystem Regal"
)
ADV = {
    "en": words("Yesterday|This morning|Last week|Today|Tonight|On Monday|Earlier today|In the end|Eventually|"
                "Finally|Afterwards|Meanwhile|Later|Last night", "|"),
    "de": words("Gestern|Heute|Vorhin|Heute Morgen|Letzte Woche|Am Ende|Schließlich|Danach|Inzwischen|Vorgestern|"
                "Gestern Abend|Zuletzt|Später", "|"),
    "fr": words("Hier|Hier soir|Ce matin|Aujourd'hui|La semaine dernière|Finalement|Au final|Ensuite|Entre-temps|"
                "Avant-hier|Plus tard|Lundi", "|"),
    "es": words("Ayer|Hoy|Esta mañana|Anoche|Al final|Finalmente|Luego|Después|La semana pasada|Anteayer|Por fin|"
                "El lunes", "|"),
    "it": words("Ieri|Oggi|Stamattina|Ieri sera|Alla fine|Poi|Dopo|La settimana scorsa|Finalmente|L'altro ieri|"
                "Stasera|Lunedì", "|"),
    "nl": words("Gisteren|Vandaag|Vanochtend|Gisteravond|Uiteindelijk|Daarna|Vorige week|Eergisteren|Later|"
                "Inmiddels|Maandag", "|"),
}  # fmt: skip
IBAN_LEN = {"DE": 22, "AT": 20, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "GB": 22, "IE": 22, "CH": 21}


def app(lang: str, rng: random.Random, given: str) -> str:
    """A product or SaaS name: a given name (``given`` or a common one) or a myth/astronomy word + product word."""
    roll = rng.random()
    head = given if roll < 0.3 else rng.choice(GIVEN) if roll < 0.6 else rng.choice(MYTH)
    if rng.random() < 0.05:
        head = rng.choice(FAMOUS)
    name = f"{head} {rng.choice(WORD)}"
    extra = rng.random()
    if extra < 0.15:
        name += f" {rng.choice(TAIL)}"
    elif extra < 0.3:
        name += f" {rng.randint(1, 12)}.{rng.randint(0, 9)}"
    elif extra < 0.4:
        name += f" {rng.choice('SXMAT')}{rng.randint(1, 24)}"
    elif extra < 0.45:
        name += f" {rng.randint(2019, 2026)}"
    return name


def company(lang: str, rng: random.Random, last: str, other: str) -> str:
    roll = rng.random()
    form = rng.choice(FORMS[lang])
    if roll < 0.4:
        return f"{last} {rng.choice(SECTOR[lang])} {form}"
    if roll < 0.65 and not form.startswith(("&", "e ")):
        return f"{last} & {other} {form}"
    return f"{last} {form}"


def value(slot: str, lang: str, rng: random.Random, given: str = "Emma", last: str = "Meyer", other: str = "Roth"):
    """The text for one of this module's slots, or ``None`` when ``slot`` is not one of them."""
    if slot == "APP":
        return app(lang, rng, given)
    if slot == "APPL":  # with a licence word: "Emma Chat licences", "Luna Notes 2.1 Lizenzen"
        return f"{app(lang, rng, given)} {rng.choice(LICENCES[lang])}"
    if slot == "COMPANY":
        return company(lang, rng, last, other)
    if slot == "TEAM":
        return rng.choice(TEAM[lang]).format(C=rng.choice(CODES + MYTH[:20]))
    if slot == "CODE":
        return rng.choice(CODES)
    if slot == "NATL":
        return rng.choice(NATL[lang])
    if slot == "LANGW":
        return rng.choice(LANGW[lang])
    if slot == "CAL":
        if rng.random() < 0.2:
            return rng.choice(HOLIDAYS[lang])
        names = NAME_MONTHS.get(lang, ())
        month = rng.choice(names) if names and rng.random() < 0.4 else rng.choice(MONTHS[lang].split())
        return rng.choice(CAL_AT[lang]).format(M=month)
    if slot == "NNOUN":
        return rng.choice(NNOUN)
    if slot == "ADV":
        return rng.choice(ADV[lang])
    if slot == "IBAN":
        country = rng.choice(tuple(IBAN_LEN))
        digits = "".join(str(rng.randrange(10)) for _ in range(IBAN_LEN[country] - 2))
        raw = country + digits
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    if slot == "ITEM":
        return "".join(str(rng.randrange(10)) for _ in range(rng.choice((8, 10, 13, 13))))
    return None
