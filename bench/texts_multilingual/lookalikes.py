"""PII-free templates and the look-alikes that fill them: products, teams, companies, office cities, dates, prices."""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench.labelling import MONTHS
from bench.texts_multilingual.values import LOCALES

PII_FREE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "en": (
        "{product} {version} is out: the {team} team will demo it on Thursday at our {ocity} office.",
        "Contract renewal with {company} is due in March; {product} licences stay at {count}.",
        "Weekly sync: {team} owns the {product} migration, {team2} the billing cleanup.",
        "The app crashes every time I open the settings page on version {version}. Please fix.",
        "Order {order} was supposed to arrive on {date} but tracking {tracking} hasn't updated in 3 days.",
        "I was charged {price} instead of {price2} for the annual plan. Invoice {invoice}.",
        "Our {ocity} office can't reach the API since the {version} rollout.",
        "We ordered {count} units of {product} on {date} and received {count2}.",
        "Ticket {ticket}: the dashboard shows 0 active users since {date}.",
        "Item {article} shows as in stock but the basket says sold out.",
        "The discount code SPRING{count} doesn't work for order {order}, it says expired.",
        "Shipping to our {ocity} warehouse took 11 days, the website promised 3-5 business days.",
        "Since {time} we get error 502 on /api/v2/orders, build {version}.",
        "Can you extend our {product} trial by 14 days? The team in {ocity} is still testing.",
        "Invoice {invoice} lists {count} seats but we only have {count2} users.",
    ),
    "de": (
        "{product} {version} ist da: Team {team} stellt es am Donnerstag im {ocity_adj} Büro vor.",
        "Der Vertrag mit {company} läuft im März aus; {product} bleibt bei {count} Lizenzen.",
        "Wochenrunde: Team {team} übernimmt die Migration auf {product}, Team {team2} die Abrechnung.",
        "Unser {ocity_adj} Büro kann seit dem Rollout von {version} nicht mehr auf die API zugreifen.",
        "Bestellung {order} sollte am {date} ankommen, die Sendungsverfolgung {tracking} zeigt aber seit drei "
        "Tagen nichts Neues.",
        "Mir wurden {price} statt {price2} für das Jahresabo berechnet. Rechnung {invoice}.",
        "Der CSV-Export enthält nur die ersten {count} Zeilen von Bericht {invoice}. Ist das ein Limit?",
        "Ticket {ticket}: Das Dashboard zeigt seit dem {date} null aktive Nutzer.",
        "Nach dem Update auf {version} dauert die Synchronisierung 45 Minuten statt 5.",
        "Wir haben am {date} {count} Stück {product} bestellt und nur {count2} erhalten.",
        "Der Rabattcode FRUEHLING{count} funktioniert bei Bestellung {order} nicht, angeblich abgelaufen.",
        "Die Lieferung in unser Lager in {ocity} hat 11 Tage gedauert, versprochen waren 3-5 Werktage.",
        "Artikelnummer {article} ist im Shop als verfügbar markiert, im Warenkorb aber ausverkauft.",
        "Seit {time} Uhr bekommen wir Fehler 502 beim Aufruf von /api/v2/orders (Version {version}).",
        "Können Sie die Testphase für {product} um 14 Tage verlängern? Das Team im {ocity_adj} Büro testet noch.",
    ),
    "fr": (
        "{product} {version} est sorti : l'équipe {team} le présente jeudi à l'agence de {ocity}.",
        "Le contrat avec {company} arrive à échéance en mars ; {product} reste à {count} licences.",
        "Point hebdo : l'équipe {team} pilote la migration vers {product}, l'équipe {team2} la facturation.",
        "Notre agence de {ocity} n'arrive plus à joindre l'API depuis le déploiement de la {version}.",
        "La commande {order} devait arriver le {date}, mais le suivi {tracking} n'a pas bougé depuis trois jours.",
        "On m'a facturé {price} au lieu de {price2} pour l'abonnement annuel. Facture {invoice}.",
        "L'export CSV ne contient que les {count} premières lignes du rapport {invoice}. Est-ce une limite ?",
        "Ticket {ticket} : le tableau de bord affiche 0 utilisateur actif depuis le {date}.",
        "Depuis la mise à jour {version}, la synchronisation prend 45 minutes au lieu de 5.",
        "Nous avons commandé {count} unités de {product} le {date} et n'en avons reçu que {count2}.",
        "Le code promo PRINTEMPS{count} ne fonctionne pas pour la commande {order}, il est indiqué comme expiré.",
        "La livraison à notre entrepôt de {ocity} a pris 11 jours au lieu des 3 à 5 jours ouvrés annoncés.",
        "L'article {article} est affiché en stock, mais le panier indique qu'il est épuisé.",
        "Depuis {time}, nous recevons des erreurs 502 sur /api/v2/orders (version {version}).",
        "Pouvez-vous prolonger l'essai de {product} de 14 jours ? L'équipe de {ocity} est encore en test.",
    ),
    "es": (
        "{product} {version} ya está disponible: el equipo {team} lo presenta el jueves en la oficina de {ocity}.",
        "El contrato con {company} vence en marzo; {product} se queda en {count} licencias.",
        "Reunión semanal: el equipo {team} lleva la migración a {product} y el equipo {team2} la facturación.",
        "La oficina de {ocity} no puede acceder a la API desde el despliegue de la {version}.",
        "El pedido {order} debía llegar el {date}, pero el seguimiento {tracking} no se actualiza desde hace "
        "tres días.",
        "Me cobraron {price} en lugar de {price2} por el plan anual. Factura {invoice}.",
        "La exportación a CSV solo incluye las primeras {count} filas del informe {invoice}. ¿Es un límite?",
        "Ticket {ticket}: el panel muestra 0 usuarios activos desde el {date}.",
        "Desde la actualización {version}, la sincronización tarda 45 minutos en vez de 5.",
        "Pedimos {count} unidades de {product} el {date} y solo recibimos {count2}.",
        "El código de descuento PRIMAVERA{count} no funciona en el pedido {order}, dice que ha caducado.",
        "El envío a nuestro almacén de {ocity} tardó 11 días, y la web prometía de 3 a 5 días laborables.",
        "El artículo {article} aparece en stock, pero el carrito dice que está agotado.",
        "Desde las {time} recibimos errores 502 en /api/v2/orders (versión {version}).",
        "¿Pueden ampliar la prueba de {product} 14 días más? El equipo de {ocity} sigue evaluándolo.",
    ),
    "it": (
        "{product} {version} è disponibile: il team {team} lo presenta giovedì nella sede di {ocity}.",
        "Il contratto con {company} scade a marzo; {product} resta a {count} licenze.",
        "Riunione settimanale: il team {team} segue la migrazione a {product}, il team {team2} la fatturazione.",
        "L'ufficio di {ocity} non riesce più a raggiungere l'API dal rilascio della {version}.",
        "L'ordine {order} doveva arrivare il {date}, ma il tracciamento {tracking} è fermo da tre giorni.",
        "Mi avete addebitato {price} invece di {price2} per il piano annuale. Fattura {invoice}.",
        "L'esportazione CSV contiene solo le prime {count} righe del report {invoice}. È un limite?",
        "Ticket {ticket}: la dashboard mostra 0 utenti attivi dal {date}.",
        "Dopo l'aggiornamento alla {version}, la sincronizzazione richiede 45 minuti invece di 5.",
        "Abbiamo ordinato {count} pezzi di {product} il {date} e ne abbiamo ricevuti solo {count2}.",
        "Il codice sconto PRIMAVERA{count} non funziona per l'ordine {order}, risulta scaduto.",
        "La consegna al nostro magazzino di {ocity} ha richiesto 11 giorni, il sito prometteva 3-5 giorni lavorativi.",
        "L'articolo {article} risulta disponibile, ma nel carrello è esaurito.",
        "Dalle {time} riceviamo errori 502 su /api/v2/orders (versione {version}).",
        "Potete prolungare la prova di {product} di 14 giorni? Il team di {ocity} sta ancora valutando.",
    ),
    "nl": (
        "{product} {version} is uit: team {team} geeft donderdag een demo op ons kantoor in {ocity}.",
        "Het contract met {company} loopt in maart af; {product} blijft op {count} licenties.",
        "Weekoverleg: team {team} trekt de migratie naar {product}, team {team2} de facturatie.",
        "Ons kantoor in {ocity} kan sinds de uitrol van {version} de API niet meer bereiken.",
        "Bestelling {order} zou op {date} aankomen, maar de track-and-trace {tracking} staat al drie dagen stil.",
        "Er is {price} in rekening gebracht in plaats van {price2} voor het jaarabonnement. Factuur {invoice}.",
        "De CSV-export bevat alleen de eerste {count} regels van rapport {invoice}. Is dat een limiet?",
        "Ticket {ticket}: het dashboard toont sinds {date} 0 actieve gebruikers.",
        "Sinds de update naar {version} duurt het synchroniseren 45 minuten in plaats van 5.",
        "We hebben op {date} {count} stuks {product} besteld en er maar {count2} ontvangen.",
        "De kortingscode LENTE{count} werkt niet voor bestelling {order}, er staat dat hij verlopen is.",
        "De levering aan ons magazijn in {ocity} duurde 11 dagen, terwijl de site 3-5 werkdagen beloofde.",
        "Artikel {article} staat als op voorraad, maar in het winkelmandje is het uitverkocht.",
        "Sinds {time} uur krijgen we fout 502 op /api/v2/orders (versie {version}).",
        "Kunnen jullie de proefperiode van {product} met 14 dagen verlengen? Het team in {ocity} test nog.",
    ),
}

# Look-alike values (never PII).
PRODUCTS = (
    "Acme Sync",
    "DataVault",
    "Photon Pro",
    "CloudDesk",
    "Nimbus",
    "Aurora Cloud",
    "Max Pro",
    "Clara Voice",
    "FritzBox 7590",
    "Galaxy Tab S9",
    "ThinkPad X1",
    "Hue Bridge",
    # Products named like people: the hard case for name lexicons.
    "Jasper Analytics",
    "Bianca Router",
    "Oscar Desk",
    "Stella Mesh",
    "Felix Backup",
    "Luna Notes",
    "Emma Chat",
    "Marco Polo Suite",
    "Victoria Hub",
    "Leon Scanner",
)
# Team code names and companies (never PII; tuning set only).
TEAMS = ("Falcon", "Phoenix", "Mistral", "Cóndor", "Aquila", "Zeeland", "Orion", "Bora", "Kraken", "Tramontana")
COMPANIES = (
    "Brandt & Söhne GmbH",
    "Morel Frères SARL",
    "Hermanos Ruiz S.L.",
    "Bianchi Trasporti S.p.A.",
    "De Groot Logistiek B.V.",
    "Harper & Lowe Ltd",
    "Keller Maschinenbau AG",
    "Dubois Conseil SAS",
)
OFFICE_CITIES: dict[str, tuple[str, ...]] = {
    "en": ("London", "Dublin", "Toronto", "Chicago", "Manchester", "Boston", "Berlin", "Paris", "Madrid", "Vienna"),
    "de": ("Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Wien", "Graz", "Zürich", "Basel", "Stuttgart"),
    "fr": ("Lyon", "Paris", "Marseille", "Toulouse", "Bruxelles", "Liège", "Lille", "Nantes", "Bordeaux"),
    "es": ("Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Zaragoza"),
    "it": ("Roma", "Milano", "Torino", "Napoli", "Bologna", "Firenze", "Genova"),
    "nl": ("Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Eindhoven", "Antwerpen", "Gent"),
}
GERMAN_CITY_ADJECTIVES = (
    "Berliner",
    "Hamburger",
    "Münchner",
    "Kölner",
    "Frankfurter",
    "Wiener",
    "Grazer",
    "Zürcher",
    "Basler",
    "Stuttgarter",
)
INVOICE_PREFIXES = {"en": "INV", "de": "RE", "fr": "FA", "es": "FAC", "it": "FT", "nl": "F"}
EAN_PREFIXES = {"en": ("50", "00"), "de": ("40", "42", "90"), "fr": ("30", "37"), "es": ("84",), "it": ("80", "83"),
                "nl": ("87", "54")}  # fmt: skip


class LookalikeFields:
    """The non-PII placeholder values (order numbers, dates, prices, ...) of MultilingualTicketGenerator."""

    _rng: random.Random
    _locale: str
    _language: str

    def _date(self) -> str:
        r, lang = self._rng, self._language
        d = date(2023, 1, 1) + timedelta(days=r.randint(0, 1000))
        month = MONTHS[lang].split()[d.month - 1]
        formats = {
            "en": [f"{month} {d.day}", f"{d.day} {month} {d.year}", d.isoformat(), f"{d:%d/%m/%Y}", f"{d:%m/%d/%Y}"],
            "de": [f"{d:%d.%m.%Y}", f"{d.day}. {month} {d.year}", f"{d.day}. {month}", d.isoformat()],
            "fr": [f"{d:%d/%m/%Y}", f"{d.day} {month} {d.year}", f"{d.day} {month}"],
            "es": [f"{d:%d/%m/%Y}", f"{d.day} de {month} de {d.year}", f"{d.day} de {month}"],
            "it": [f"{d:%d/%m/%Y}", f"{d.day} {month} {d.year}", f"{d.day} {month}"],
            "nl": [f"{d:%d-%m-%Y}", f"{d.day} {month} {d.year}", f"{d.day} {month}"],
        }
        return r.choice(formats[lang])

    def _price(self) -> str:
        r, lang = self._rng, self._language
        amount = r.choice([r.uniform(1, 200), r.uniform(200, 3000)])
        dot = f"{amount:,.2f}"  # 1,299.00
        comma = dot.replace(",", " ").replace(".", ",").replace(" ", ".")  # 1.299,00
        space = dot.replace(",", " ").replace(".", ",")  # 1 299,00
        options = {
            "en": [f"${dot}", f"£{dot}", f"€{dot}", f"{dot} EUR", f"CA${dot}"],
            "de": [f"{comma} €", f"EUR {comma}", f"€ {comma}", f"CHF {amount:.2f}", f"{int(amount)},- €"],
            "fr": [f"{space} €", f"{comma} €", f"{space} EUR"],
            "es": [f"{comma} €", f"{comma} EUR", f"{int(amount)} €"],
            "it": [f"€ {comma}", f"{comma} euro", f"{comma} €"],
            "nl": [f"€ {comma}", f"€ {int(amount)},-", f"EUR {comma}"],
        }
        return r.choice(options[lang])

    def _tracking(self) -> str:
        r = self._rng
        country = r.choice(["DE", "FR", "ES", "IT", "NL", "GB", "BE", "AT"])
        digits = "".join(str(r.randint(0, 9)) for _ in range(18))
        return r.choice(
            [
                "1Z" + "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16)),
                "00340434" + digits[:12],
                "JJD" + digits,
                f"RR{digits[:9]}{country}",
            ]
        )

    def _article(self) -> str:
        r = self._rng
        if r.random() < 0.4:
            return f"SKU-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        body = r.choice(EAN_PREFIXES[self._language]) + "".join(str(r.randint(0, 9)) for _ in range(10))
        check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
        return body + str(check)  # a valid EAN-13

    def _time(self) -> str:
        hour, minute = self._rng.randint(0, 23), self._rng.choice([0, 5, 15, 20, 30, 45, 50])
        sep = {"fr": "h", "nl": "."}.get(self._language, ":")
        return f"{hour:02d}{sep}{minute:02d}"

    def _not_pii(self, field: str) -> str:
        r, lang = self._rng, self._language
        makers = {
            "order": lambda: (
                r.choice(["#", "", "ORD-", "A", f"{LOCALES[self._locale][1]}-"]) + str(r.randint(10_000, 99_999_999))
            ),
            "ticket": lambda: r.choice(["#", "TCK-", "SUP-"]) + str(r.randint(1000, 999_999)),
            "invoice": lambda: f"{INVOICE_PREFIXES[lang]}-{r.randint(2021, 2025)}-{r.randint(1, 99999):05d}",
            "price": self._price,
            "date": self._date,
            "time": self._time,
            "version": lambda: (
                r.choice(["v", ""]) + ".".join(str(r.randint(0, 20)) for _ in range(r.choice([2, 3, 3])))
            ),
            "product": lambda: r.choice(PRODUCTS),
            "team": lambda: r.choice(TEAMS),
            "company": lambda: r.choice(COMPANIES),
            "ocity": lambda: r.choice(OFFICE_CITIES[lang]),
            "ocity_adj": lambda: r.choice(GERMAN_CITY_ADJECTIVES),
            "count": lambda: str(r.randint(2, 500)),
            "tracking": self._tracking,
            "article": self._article,
        }
        return makers[field]()
