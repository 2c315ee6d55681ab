"""Hard negatives: things that look like personal data and are not, in the six languages. Never labelled.

Brands that are also surnames, storm names that are also given names, SaaS products, countries and nationalities,
years after prepositions, capitalised noun phrases, versions, order and ticket numbers, amounts and dates.
"""

from __future__ import annotations

import random
from datetime import date, timedelta


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip())


# Brands named after their founders: the same words are ordinary surnames elsewhere in the set.
CARS = _split("Ferrari, Porsche, Peugeot, Renault, Citroën, Opel, Ford, Lamborghini, Suzuki, Honda, Maserati, Lancia")
FASHION = _split("Dior, Chanel, Hermès, Gucci, Prada, Armani, Versace, Benetton, Lacoste, Cartier, Fendi, Zegna")
APPLIANCES = _split("Bosch, Siemens, Miele, Braun, Philips, Dyson, Grundig, Liebherr, De'Longhi")
SAAS = _split("Slack, Notion, Jira, Salesforce, HubSpot, Zendesk, Trello, Asana, Figma, Miro, Airtable, Confluence,"
              " Freshdesk, Intercom, Pipedrive, Personio, Lucca, Holded, Qonto, Pennylane, Moneybird,"
              " Teamleader")  # fmt: skip
PRODUCTS = _split("Aero 3 backpack, Vega X2 router, Nimbus 200 kettle, Terra Pro tent, Lumo S lamp, Orbit 5 speaker,"
                  " Kairo drill, Tundra 40 cool box")  # fmt: skip
# European windstorms of recent winters; several are given names that also appear among the people.
STORM_NAMES = _split("Ciarán, Eunice, Darragh, Babet, Isha, Zeynep, Filomena, Gloria, Alex, Dennis, Boris, Éowyn, Bert,"
                     " Amélie, Herminia, Domingos")  # fmt: skip
_STORM_WORD = {"en": "Storm", "de": "Sturmtief", "fr": "tempête", "es": "borrasca", "it": "ciclone", "nl": "storm"}

COUNTRIES = {
    "en": "Turkey, Vietnam, Somalia, Ghana, Greece, Nigeria, Poland, Portugal, Brazil, Morocco, Iran, India, China,"
    " Japan, Ukraine, Romania, Hungary, Ireland, Germany, Belgium",
    "de": "Türkei, Vietnam, Somalia, Ghana, Griechenland, Nigeria, Polen, Portugal, Brasilien, Marokko, Iran, Indien,"
    " China, Japan, Ukraine, Rumänien, Ungarn, Irland, Frankreich, Belgien",
    "fr": "Turquie, Vietnam, Somalie, Ghana, Grèce, Nigeria, Pologne, Portugal, Brésil, Maroc, Iran, Inde, Chine,"
    " Japon, Ukraine, Roumanie, Hongrie, Irlande, Allemagne, Espagne",
    "es": "Turquía, Vietnam, Somalia, Ghana, Grecia, Nigeria, Polonia, Portugal, Brasil, Marruecos, Irán, India, China,"
    " Japón, Ucrania, Rumanía, Hungría, Irlanda, Alemania, Francia",
    "it": "Turchia, Vietnam, Somalia, Ghana, Grecia, Nigeria, Polonia, Portogallo, Brasile, Marocco, Iran, India, Cina,"
    " Giappone, Ucraina, Romania, Ungheria, Irlanda, Germania, Svizzera",
    "nl": "Turkije, Vietnam, Somalië, Ghana, Griekenland, Nigeria, Polen, Portugal, Brazilië, Marokko, Iran, India,"
    " China, Japan, Oekraïne, Roemenië, Hongarije, Ierland, Duitsland, België",
}
# "in <country>": French and German need the article or the right preposition per country.
_IN_FR = {"Portugal": "au Portugal", "Brésil": "au Brésil", "Maroc": "au Maroc", "Vietnam": "au Vietnam",
          "Ghana": "au Ghana", "Nigeria": "au Nigeria", "Japon": "au Japon", "Iran": "en Iran"}  # fmt: skip
_IN_DE = {"Türkei": "in der Türkei", "Ukraine": "in der Ukraine", "Iran": "im Iran"}
# Nationalities in the form a "nationality:" field takes (feminine in French, Spanish and Italian, as the noun is).
NATIONALITIES = {
    "en": "Turkish, Vietnamese, Somali, Ghanaian, Greek, Nigerian, Polish, Portuguese, Brazilian, Moroccan, Iranian,"
    " Indian, Chinese, Korean, Japanese, Ukrainian, Romanian, Hungarian, Irish, Dutch",
    "de": "türkisch, vietnamesisch, somalisch, ghanaisch, griechisch, nigerianisch, polnisch, portugiesisch,"
    " brasilianisch, marokkanisch, iranisch, indisch, chinesisch, koreanisch, japanisch, ukrainisch, rumänisch,"
    " ungarisch, irisch, niederländisch",
    "fr": "turque, vietnamienne, somalienne, ghanéenne, grecque, nigériane, polonaise, portugaise, brésilienne,"
    " marocaine, iranienne, indienne, chinoise, coréenne, japonaise, ukrainienne, roumaine, hongroise, irlandaise",
    "es": "turca, vietnamita, somalí, ghanesa, griega, nigeriana, polaca, portuguesa, brasileña, marroquí, iraní,"
    " india, china, coreana, japonesa, ucraniana, rumana, húngara, irlandesa, neerlandesa",
    "it": "turca, vietnamita, somala, ghanese, greca, nigeriana, polacca, portoghese, brasiliana, marocchina, iraniana,"
    " indiana, cinese, coreana, giapponese, ucraina, rumena, ungherese, irlandese, olandese",
    "nl": "Turkse, Vietnamese, Somalische, Ghanese, Griekse, Nigeriaanse, Poolse, Portugese, Braziliaanse, Marokkaanse,"
    " Iraanse, Indiase, Chinese, Koreaanse, Japanse, Oekraïense, Roemeense, Hongaarse, Ierse, Belgische",
}
LANGUAGE_NAMES = {
    "en": "Turkish, Vietnamese, Somali, Twi, Ewe, Greek, Yoruba, Polish, Portuguese, Arabic, Farsi, Hindi, Mandarin,"
    " Korean, Japanese, Ukrainian, Romanian, Hungarian, Irish, Dutch",
    "de": "Türkisch, Vietnamesisch, Somali, Twi, Griechisch, Yoruba, Polnisch, Portugiesisch, Arabisch, Persisch,"
    " Hindi, Mandarin, Koreanisch, Japanisch, Ukrainisch, Rumänisch, Ungarisch, Niederländisch, Englisch, Französisch",
    "fr": "turc, vietnamien, somali, twi, grec, yoruba, polonais, portugais, arabe, persan, hindi, mandarin, coréen,"
    " japonais, ukrainien, roumain, hongrois, néerlandais, anglais, allemand",
    "es": "turco, vietnamita, somalí, twi, griego, yoruba, polaco, portugués, árabe, persa, hindi, mandarín, coreano,"
    " japonés, ucraniano, rumano, húngaro, gallego, catalán, inglés",
    "it": "turco, vietnamita, somalo, twi, greco, yoruba, polacco, portoghese, arabo, persiano, hindi, mandarino,"
    " coreano, giapponese, ucraino, rumeno, ungherese, tedesco, inglese, francese",
    "nl": "Turks, Vietnamees, Somalisch, Twi, Grieks, Yoruba, Pools, Portugees, Arabisch, Perzisch, Hindi, Mandarijn,"
    " Koreaans, Japans, Oekraïens, Roemeens, Hongaars, Frans, Engels, Duits",
}
_YEAR_PP = {
    "en": ("in {y}", "since {y}", "until {y}", "back in {y}"),
    "de": ("seit {y}", "im Jahr {y}", "bis {y}", "ab {y}"),
    "fr": ("depuis {y}", "en {y}", "jusqu'en {y}"),
    "es": ("desde {y}", "en {y}", "hasta {y}"),
    "it": ("dal {y}", "nel {y}", "fino al {y}"),
    "nl": ("sinds {y}", "in {y}", "tot {y}", "vanaf {y}"),
}
# Capitalised noun phrases that are names of things, not people; used after a colon or in quotes.
PHRASES = {
    "en": "Customer Success Team, Annual General Meeting, Black Friday Sale, Terms of Service, Premium Plan,"
    " Quarterly Business Review, Data Protection Officer, Help Centre, Early Bird Discount, Lost Property",
    "de": "Kundenservice, Allgemeine Geschäftsbedingungen, Tag der offenen Tür, Geschäftsführung, Betriebsrat,"
    " Sommerschlussverkauf, Jahresabschluss, Mein Konto, Datenschutzbeauftragter, Fundbüro",
    "fr": "Service Client, Conditions Générales de Vente, Espace Client, Comité Social et Économique, Soldes d'Hiver,"
    " Assemblée Générale, Délégué à la Protection des Données, Journée Portes Ouvertes, Objets Trouvés",
    "es": "Atención al Cliente, Junta General de Accionistas, Área de Cliente, Recursos Humanos, Rebajas de Verano,"
    " Condiciones Generales, Delegado de Protección de Datos, Semana Santa, Objetos Perdidos",
    "it": "Servizio Clienti, Area Riservata, Ufficio Acquisti, Consiglio di Amministrazione, Saldi Estivi,"
    " Condizioni Generali di Vendita, Responsabile della Protezione dei Dati, Oggetti Smarriti, Festa della Repubblica",
    "nl": "Klantenservice, Algemene Voorwaarden, Raad van Bestuur, Mijn Account, Koningsdag, Zomeropruiming,"
    " Functionaris Gegevensbescherming, Gevonden Voorwerpen, Open Dag, Ondernemingsraad",
}
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def _date(lang: str, rng: random.Random) -> str:
    d = date(2021, 1, 1) + timedelta(days=rng.randrange(1500))
    month = _MONTHS[lang].split()[d.month - 1]
    spelled = {
        "en": f"{d.day} {month} {d.year}",
        "de": f"{d.day}. {month} {d.year}",
        "es": f"{d.day} de {month} de {d.year}",
    }
    sep = {"en": "/", "de": ".", "nl": "-"}.get(lang, "/")
    return rng.choice((spelled.get(lang, f"{d.day} {month} {d.year}"), f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}",
                       d.isoformat()))  # fmt: skip


def _amount(lang: str, country: str, rng: random.Random) -> str:
    value = rng.choice((rng.randint(5, 99) + rng.choice((0, 0.5, 0.9, 0.99)), rng.randint(100, 2400) + 0.0))
    if country == "GB":
        return f"£{value:,.2f}"
    if country == "CH":
        return rng.choice((f"CHF {value:.2f}", f"{value:.0f}.\u2013 CHF", f"Fr. {value:.2f}"))
    text = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if lang == "en":
        return rng.choice((f"€{value:,.2f}", f"EUR {value:.2f}"))
    return rng.choice((f"{text} €", f"{text} EUR", f"€ {text}"))


def negative(key: str, lang: str, country: str, rng: random.Random) -> str:
    """One hard negative of the kind ``key``, written for ``lang``."""
    if key == "car":
        return rng.choice(CARS)
    if key == "fashion":
        return rng.choice(FASHION)
    if key == "appliance":
        return rng.choice(APPLIANCES)
    if key == "saas":
        return rng.choice(SAAS)
    if key == "product":
        return rng.choice(PRODUCTS)
    if key == "storm":
        return f"{_STORM_WORD[lang]} {rng.choice(STORM_NAMES)}"
    if key == "country":
        return rng.choice(_split(COUNTRIES[lang]))
    if key == "in_country":
        name = rng.choice(_split(COUNTRIES[lang]))
        if lang == "fr":
            return _IN_FR.get(name, f"en {name}")
        if lang == "de":
            return _IN_DE.get(name, f"in {name}")
        return f"{'en' if lang == 'es' else 'in'} {name}"
    if key == "nation":
        return rng.choice(_split(NATIONALITIES[lang]))
    if key == "langname":
        return rng.choice(_split(LANGUAGE_NAMES[lang]))
    if key == "year":
        return str(rng.randint(2012, 2025))
    if key == "year_pp":
        return rng.choice(_YEAR_PP[lang]).format(y=rng.randint(2012, 2025))
    if key == "phrase":
        return rng.choice(_split(PHRASES[lang]))
    if key == "version":
        return rng.choice(("v", "", "")) + ".".join(str(rng.randint(0, 19)) for _ in range(rng.choice((2, 3, 3))))
    if key == "order":
        return rng.choice(("#", "ORD-", "A", "BE-", "")) + str(rng.randint(100000, 99999999))
    if key == "ticket":
        return rng.choice(("#", "TCK-", "SR-", "INC")) + str(rng.randint(1000, 999999))
    if key == "amount":
        return _amount(lang, country, rng)
    if key == "date":
        return _date(lang, rng)
    if key == "time":
        return f"{rng.randint(7, 21):02d}:{rng.choice((0, 15, 30, 45, 5, 50)):02d}"
    if key == "qty":
        return str(rng.randint(2, 60))
    raise KeyError(key)
