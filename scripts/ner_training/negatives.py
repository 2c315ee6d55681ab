"""Hard negatives: values that look like names or places but are not labelled (countries, nationalities, brands,
storms, SaaS and versioned products, company sites, job titles, departments, dates, amounts, IDs, streets named
after people). Their slot names are upper-case words in the templates, e.g. ``{BRANDAT}`` or ``{SITE}``. The
names of things among them (``THING_SLOTS``, and the brand or storm inside ``framed`` phrases) carry the label
THING: the model learns to tell them from people in context, and its THING spans overrule the name lists."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from __future__ import annotations

import random

from .example import words

COUNTRIES = {
    "en": "Germany|France|Spain|Italy|the Netherlands|Belgium|Austria|Switzerland|Ireland|Türkiye|Turkey|Poland|"
    "Portugal|Greece|Nigeria|Ghana|Vietnam|India|Brazil|Mexico|Canada|Japan|Morocco|Sweden|Norway|the UK",
    "de": "Deutschland|Frankreich|Spanien|Italien|Belgien|Österreich|Irland|Türkiye|Polen|Portugal|Griechenland|"
    "Nigeria|Ghana|Vietnam|Indien|Brasilien|Mexiko|Kanada|Japan|Schweden|Dänemark|Norwegen|Marokko|Luxemburg",
    "fr": "Allemagne|France|Espagne|Italie|Pays-Bas|Belgique|Autriche|Suisse|Irlande|Türkiye|Turquie|Pologne|"
    "Portugal|Grèce|Nigeria|Ghana|Vietnam|Inde|Brésil|Mexique|Canada|Japon|Maroc|Suède|Sénégal",
    "es": "Alemania|Francia|España|Italia|Países Bajos|Bélgica|Austria|Suiza|Irlanda|Türkiye|Turquía|Polonia|"
    "Portugal|Grecia|Nigeria|Ghana|Vietnam|India|Brasil|México|Canadá|Japón|Marruecos|Argentina|Colombia",
    "it": "Germania|Francia|Spagna|Italia|Paesi Bassi|Belgio|Austria|Svizzera|Irlanda|Türkiye|Turchia|Polonia|"
    "Portogallo|Grecia|Nigeria|Ghana|Vietnam|India|Brasile|Messico|Canada|Giappone|Marocco|Albania|Romania",
    "nl": "Duitsland|Frankrijk|Spanje|Italië|Nederland|België|Oostenrijk|Zwitserland|Ierland|Türkiye|Turkije|Polen|"
    "Portugal|Griekenland|Nigeria|Ghana|Vietnam|India|Brazilië|Mexico|Canada|Japan|Marokko|Suriname|Zweden",
}
NATIONALITY = {
    "en": "German|Dutch|French|Spanish|Italian|Belgian|Irish|Turkish|Polish|Portuguese|Swiss|Nigerian|Ghanaian|"
    "Vietnamese|Indian|Brazilian|Greek|Moroccan|British|European",
    "de": "deutsche|niederländische|französische|spanische|italienische|belgische|irische|türkische|polnische|"
    "schweizerische|österreichische|europäische|britische|griechische",
    "fr": "allemande|néerlandaise|française|espagnole|italienne|belge|irlandaise|turque|polonaise|suisse|"
    "européenne|britannique|marocaine|portugaise",
    "es": "alemana|holandesa|francesa|española|italiana|belga|irlandesa|turca|polaca|suiza|europea|británica|"
    "portuguesa|marroquí|mexicana",
    "it": "tedesca|olandese|francese|spagnola|italiana|belga|irlandese|turca|polacca|svizzera|europea|britannica|"
    "portoghese|rumena|albanese",
    "nl": "Duitse|Nederlandse|Franse|Spaanse|Italiaanse|Belgische|Ierse|Turkse|Poolse|Zwitserse|Europese|Britse|"
    "Marokkaanse|Surinaamse|Portugese",
}
NAT_PHRASES = {  # subjects that can ask, accept or win something
    "en": ("the {N} team", "a {N} customer", "the {N} subsidiary", "our {N} colleagues", "the {N} embassy"),
    "de": ("die {N} Niederlassung", "die {N} Kundschaft", "die {N} Botschaft", "die {N} Tochterfirma"),
    "fr": ("l'équipe {N}", "la filiale {N}", "la cliente {N}", "l'ambassade {N}", "la délégation {N}"),
    "es": ("la filial {N}", "la empresa {N}", "la selección {N}", "la clienta {N}", "la embajada {N}"),
    "it": ("la filiale {N}", "la squadra {N}", "la clientela {N}", "l'ambasciata {N}", "la delegazione {N}"),
    "nl": ("het {N} team", "een {N} klant", "de {N} vestiging", "de {N} ambassade", "de {N} delegatie"),
}
YEAR_PREP = {
    "en": ("in {Y}", "since {Y}", "before {Y}", "until {Y}", "from {Y}", "back in {Y}", "by {Y}"),
    "de": ("seit {Y}", "im Jahr {Y}", "bis {Y}", "ab {Y}", "vor {Y}", "{Y}"),
    "fr": ("depuis {Y}", "en {Y}", "avant {Y}", "jusqu'en {Y}", "dès {Y}"),
    "es": ("desde {Y}", "en {Y}", "hasta {Y}", "antes de {Y}", "a partir de {Y}"),
    "it": ("dal {Y}", "nel {Y}", "fino al {Y}", "prima del {Y}", "dal lontano {Y}"),
    "nl": ("sinds {Y}", "in {Y}", "tot {Y}", "vanaf {Y}", "voor {Y}"),
}
BRAND_GROUPS = {  # brands that are also surnames or given names, by what they sell
    "CAR": words("Ferrari Porsche Ford Peugeot Renault Mercedes Tesla Lamborghini Maserati Citroën Opel Chevrolet "
                 "Bentley Lancia Dodge Lincoln Morgan Bugatti Škoda"),
    "FASHION": words("Dior Chanel Armani Hermès Cartier Prada Gucci Zara Versace Benetton Adidas Puma Lacoste Boss "
                     "Vuitton Valentino Moschino Fendi"),
    "SHOP": words("Lidl|Aldi|Decathlon|Carrefour|Ikea|Zara|Primark|Auchan|Leclerc|Albert Heijn|Mercadona|Coop", "|"),
    "TECH": words("Dell Siemens Bosch Philips Miele Braun Dyson Zanussi Olivetti Grundig Brother"),
    "FOOD": words("Heineken Nestlé Barilla Ferrero Lavazza Guinness Heinz Martini Campari Kellogg Bacardi"),
    "OTHER": words("Disney Michelin Hilton Marriott Colgate Gillette"),
}  # fmt: skip
BRANDS = tuple(sorted({b for group in BRAND_GROUPS.values() for b in group}))
CLUBS = "Real Madrid|FC Barcelona|Bayern München|Ajax|Juventus|Olympique Lyonnais|Paris Saint-Germain|AC Milan|"
CLUBS += "Borussia Dortmund|PSV Eindhoven|Feyenoord|Sevilla FC|Inter|Standard Liège|Manchester United"
BRAND_AT = {  # "at the shop": a brand after a preposition
    "en": ("at {B}", "from {B}", "in the {B} store", "at the {B} outlet", "from the {B} website"),
    "de": ("bei {B}", "im {B}-Laden", "von {B}", "im {B}-Outlet", "im Onlineshop von {B}"),
    "fr": ("chez {B}", "à la boutique {B}", "au magasin {B}", "sur le site {B}"),
    "es": ("en {B}", "en la tienda de {B}", "en la web de {B}", "en el outlet de {B}"),
    "it": ("da {B}", "al negozio {B}", "sul sito {B}", "all'outlet {B}"),
    "nl": ("bij {B}", "in de {B}-winkel", "van {B}", "via de webshop van {B}"),
}
STORM_NAMES = "Ciarán Zoltan Domingos Filomena Eunice Sabine Ylenia Xavier Otto Babet Isha Gloria Kirsten Daniel Boris "
STORM_NAMES += "Dennis Jorge Gerrit Agnes Bella Aline Hortense Alex Bernd Irma Katrina Sandy Harvey Juliette Ingunn"
STORMS = {
    "en": ("storm {N}", "Storm {N}", "Hurricane {N}", "hurricane {N}", "Typhoon {N}"),
    "de": ("Sturmtief {N}", "Orkan {N}", "Sturm {N}", "Hurrikan {N}", "Tief {N}"),
    "fr": ("la tempête {N}", "l'ouragan {N}", "la dépression {N}", "la tempête {N}"),
    "es": ("la borrasca {N}", "el huracán {N}", "la tormenta {N}", "la borrasca {N}"),
    "it": ("la tempesta {N}", "l'uragano {N}", "il ciclone {N}", "la perturbazione {N}"),
    "nl": ("storm {N}", "orkaan {N}", "de storm {N}", "storm {N}"),
}
SAAS = "Jira Zendesk Salesforce Slack Notion Asana HubSpot Trello Figma Confluence GitLab GitHub Miro Zoom Teams SAP "
SAAS += "Workday ServiceNow Freshdesk Intercom Dropbox Airtable Pipedrive Linear Sentry Datadog Okta Personio"
PRODUCT = "Photon Nimbus Atlas Vector Orion Helix Quantum Nova Falcon Zenith Aurora Titan Echo Pixel Fusion Juno "
PRODUCT += "Luna Stella Apollo Vega Iris Felix Maxima Leon Olivia Sophia"
PRODUCT_SUFFIX = ("Pro", "Max", "Plus", "X", "Air", "Studio", "Cloud", "Go", "Lite", "")
JOBS = {
    "en": "Head of Sales|Account Manager|Data Protection Officer|Software Engineer|Team Lead|Office Manager|"
    "Customer Success Manager|HR Business Partner|Product Owner|Nurse|Branch Manager",
    "de": "Sachbearbeiterin|Teamleiter|Datenschutzbeauftragter|Geschäftsführerin|Vertriebsleiter|Softwareentwickler|"
    "Personalreferentin|Kundenberater|Abteilungsleiterin|Werkstudent|Prokurist",
    "fr": "Responsable commercial|Chargée de clientèle|Délégué à la protection des données|Développeur|"
    "Directrice des ressources humaines|Chef de projet|Assistante de direction|Comptable|Gérant",
    "es": "Jefa de ventas|Responsable de atención al cliente|Delegado de protección de datos|Desarrollador|"
    "Directora de recursos humanos|Jefe de proyecto|Administrativa|Gerente|Técnico de soporte",
    "it": "Responsabile vendite|Addetta clienti|Responsabile della protezione dei dati|Sviluppatore|"
    "Direttrice risorse umane|Capo progetto|Impiegata amministrativa|Amministratore delegato|Tecnico",
    "nl": "Hoofd Verkoop|Klantadviseur|Functionaris Gegevensbescherming|Softwareontwikkelaar|Teamleider|"
    "HR-adviseur|Projectleider|Office Manager|Bedrijfsleider|Accountmanager",
}
DEPTS = {
    "en": "Customer Service|Billing|Human Resources|Legal|IT Support|Finance|Logistics|Marketing|Compliance",
    "de": "Kundenservice|Buchhaltung|Personalabteilung|Rechtsabteilung|IT-Support|Vertrieb|Logistik|Einkauf",
    "fr": "Service client|Comptabilité|Ressources humaines|Service juridique|Support informatique|Logistique|Achats",
    "es": "Atención al Cliente|Contabilidad|Recursos Humanos|Asesoría Jurídica|Soporte Técnico|Logística|Compras",
    "it": "Servizio Clienti|Contabilità|Risorse Umane|Ufficio Legale|Supporto IT|Logistica|Ufficio Acquisti",
    "nl": "Klantenservice|Boekhouding|Personeelszaken|Juridische Zaken|IT-support|Logistiek|Inkoop|Financiën",
}
SITE = {
    "en": ("our {C} office", "the {C} team", "the {C} site", "our {C} warehouse", "{C} HQ", "the {C} branch"),
    "de": ("das Team in {C}", "unser Standort {C}", "die Niederlassung {C}", "das Werk {C}", "das Büro {C}"),
    "fr": ("le site de {C}", "notre bureau de {C}", "l'agence de {C}", "l'équipe de {C}", "l'entrepôt de {C}"),
    "es": ("la oficina de {C}", "la sede de {C}", "el equipo de {C}", "el almacén de {C}", "la delegación de {C}"),
    "it": ("la sede di {C}", "l'ufficio di {C}", "il team di {C}", "lo stabilimento di {C}", "la filiale di {C}"),
    "nl": ("ons kantoor in {C}", "de vestiging {C}", "het team in {C}", "het magazijn in {C}", "de locatie {C}"),
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
NAME_MONTHS = {"en": ("April", "May", "June", "August"), "de": ("April", "Mai", "Juni", "August")}
DAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
}
DE_NOUNS = "Rechnung Lieferung Kundennummer Termin Vertrag Bestellung Anfrage Wohnung Umzug Abteilung Kündigung "
DE_NOUNS += "Zahlung Mahnung Zählerstand Heizung Versicherung Schaden Werkstatt Urlaub Krankmeldung Gutschrift "
DE_NOUNS += "Rücksendung Passwort Zugang Lastschrift Nebenkostenabrechnung Störung Reklamation Bescheinigung Antrag"
PERSON_STREETS = {
    "en": ("{F} {L} Avenue", "{L} Street", "{L} Road", "Martin Luther King Boulevard", "{F} {L} Way"),
    "de": ("{F}-{L}-Straße", "{L}straße", "{F}-{L}-Allee", "Rosa-Luxemburg-Straße", "Konrad-Adenauer-Allee"),
    "fr": ("rue {F} {L}", "avenue {F} {L}", "place {F} {L}", "boulevard Jean Jaurès", "rue Marie Curie"),
    "es": ("Calle {F} {L}", "Rúa {F} {L}", "Avenida de {F} {L}", "Rúa Rosalía de Castro", "Carrer de Pau Claris"),
    "it": ("Via {F} {L}", "Piazza {F} {L}", "Corso {F} {L}", "Via Giuseppe Garibaldi", "Viale Aldo Moro"),
    "nl": ("{F} {L}straat", "{F} {L}laan", "Burgemeester {L}plein", "Laan van {L}", "Johan de Wittlaan"),
}
_DATE_FMT = {
    "en": ("{d} {M} {y}", "{M} {d}, {y}", "{dd}/{mm}/{y}", "{y}-{mm}-{dd}"),
    "de": ("{d}. {M} {y}", "{dd}.{mm}.{y}", "{y}-{mm}-{dd}", "{d}.{m}."),
    "fr": ("{d} {M} {y}", "{dd}/{mm}/{y}", "{d} {M}", "{y}-{mm}-{dd}"),
    "es": ("{d} de {M} de {y}", "{dd}/{mm}/{y}", "{d} de {M}", "{y}-{mm}-{dd}"),
    "it": ("{d} {M} {y}", "{dd}/{mm}/{y}", "{d} {M}", "{y}-{mm}-{dd}"),
    "nl": ("{d} {M} {y}", "{dd}-{mm}-{y}", "{d} {M}", "{y}-{mm}-{dd}"),
}


def _pick(table: dict[str, str], lang: str, rng: random.Random) -> str:
    return rng.choice(table[lang].split("|") if "|" in table[lang] else table[lang].split())


def date(lang: str, rng: random.Random, years: tuple[int, int] = (2015, 2026)) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(*years)
    month = MONTHS[lang].split()[m - 1]
    return rng.choice(_DATE_FMT[lang]).format(d=d, dd=f"{d:02}", m=m, mm=f"{m:02}", y=y, M=month)


def amount(lang: str, rng: random.Random) -> str:
    value = rng.choice((rng.randint(5, 99), rng.randint(100, 4999)))
    cents = rng.randint(0, 99)
    if lang == "en":
        return rng.choice((f"€{value}.{cents:02}", f"£{value}", f"${value}.{cents:02}", f"EUR {value}"))
    return rng.choice((f"{value},{cents:02} €", f"€ {value},{cents:02}", f"{value} EUR", f"CHF {value}.–"))


def framed(slot: str, lang: str, rng: random.Random) -> tuple[str, str] | None:
    """For a slot whose value is a thing's name in a phrase ("bei {B}", "Storm {N}"): the phrase with one
    ``{}`` and the name; ``None`` when ``slot`` is not one of them."""
    if slot == "BRANDAT":
        brand = rng.choice(BRAND_GROUPS[rng.choice(("SHOP", "FASHION"))])
        return rng.choice(BRAND_AT[lang]).replace("{B}", "{}"), brand
    if slot == "STORM":
        return rng.choice(STORMS[lang]).replace("{N}", "{}"), rng.choice(STORM_NAMES.split())
    return None


def value(slot: str, lang: str, rng: random.Random) -> str | None:
    """The text for a negative slot, or ``None`` when ``slot`` is not one (SITE and PSTREET need a caller's name)."""
    if slot == "COUNTRY":
        return _pick(COUNTRIES, lang, rng)
    if slot == "NAT":
        return _pick(NATIONALITY, lang, rng)
    if slot == "NATP":
        return rng.choice(NAT_PHRASES[lang]).format(N=_pick(NATIONALITY, lang, rng))
    if slot == "YEARP":
        return rng.choice(YEAR_PREP[lang]).format(Y=rng.randint(1995, 2026))
    if slot == "Y":
        return str(rng.randint(1990, 2026))
    if slot == "BRAND":
        return rng.choice(BRANDS)
    if slot in BRAND_GROUPS:
        return rng.choice(BRAND_GROUPS[slot])
    if slot == "CLUB":
        return rng.choice(CLUBS.split("|"))
    if slot == "SAAS":
        return rng.choice(SAAS.split())
    if slot == "PROD":
        words = [rng.choice(PRODUCT.split()), rng.choice(PRODUCT_SUFFIX)]
        words.append(
            rng.choice((f"{rng.randint(1, 12)}.{rng.randint(0, 9)}", str(rng.randint(2, 20)), f"v{rng.randint(1, 9)}"))
        )
        return " ".join(w for w in words if w)
    if slot == "JOB":
        return _pick(JOBS, lang, rng)
    if slot == "DEPT":
        return _pick(DEPTS, lang, rng)
    if slot == "MONTH":  # in English and German, often a month that is also a given name
        if lang in NAME_MONTHS and rng.random() < 0.35:
            return rng.choice(NAME_MONTHS[lang])
        return rng.choice(MONTHS[lang].split())
    if slot == "YY":
        start = rng.randint(1995, 2022)
        end = str(min(2026, start + rng.randint(1, 8)))
        return rng.choice(
            (f"{start} – {end}", f"{start}–{end}", f"{start} - {end}", f"0{rng.randint(1, 9)}/{start} – {end}")
        )
    if slot == "DOB":
        return date(lang, rng, years=(1950, 2005))
    if slot == "DAY":
        return rng.choice(DAYS[lang].split())
    if slot == "DATE":
        return date(lang, rng)
    if slot == "AMT":
        return amount(lang, rng)
    if slot == "ORDER":
        return rng.choice(("#", "ORD-", "A-", "", "BE-", "2024-")) + str(rng.randint(10000, 9999999))
    if slot == "TICKET":
        return rng.choice(("#", "INC", "SR-", "TCK-", "SUP-", "CS-")) + str(rng.randint(1000, 999999))
    if slot == "TIME":
        return f"{rng.randint(7, 19)}:{rng.choice(('00', '15', '30', '45', '05'))}"
    if slot == "STARS":
        return str(rng.randint(1, 5))
    if slot == "NUM":
        return str(rng.randint(2, 30))
    if slot == "NOUN":
        return rng.choice(DE_NOUNS.split())
    if slot == "PHONE":
        digits = "".join(str(rng.randrange(10)) for _ in range(8))
        return rng.choice(("+49 ", "+33 ", "+34 ", "+39 ", "+31 ", "+44 ", "0")) + f"{rng.randint(10, 999)} {digits}"
    return None
