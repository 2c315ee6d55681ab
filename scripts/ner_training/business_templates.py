"""The templates of :mod:`business`, per language: release notes, calendar entries, press news, order confirmations,
anonymous CV sections, voice-assistant requests and ticket titles. No slot here is a person or a place."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from __future__ import annotations

from .example import lines

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "release_head": ("v{VER}:", "Release {VER}", "Changelog {VER}", "What's new in {VER}"),
        "release_item": lines(r"""
            {SAAS} bumped to v{VER}
            dropped support for {PROD}
            {SAAS} webhooks moved to /api/{PATH}
            fixed: {SAAS} sync failed for {COMPANY}
            new: export to {SAAS} and {SAAS}
            {APP} now works with {ASSIST}
            queue {CODE}-ORDERS renamed
            invoices for {BRAND} showed {AMT} twice
        """),
        "cal_item": lines(r"""
            {TIME} onboarding {SAAS} (room {NUM})
            {TIME} quarterly review with {COMPANY}
            {TIME} {DEPT} all-hands
            {TIME} demo of {APP} for the {DEPT} team
            {TIME} vendor call: {BRAND}
            {TIME} {CLUB} match on the big screen
        """),
        "news": lines(r"""
            {BRAND} opened its new flagship store on {DAY}; {DESIGNER} and {BRAND} follow in {MONTH}.
            The fair opens on {DAY} at {VENUE} with {NUM}0,000 visitors expected.
            {STORM} delayed trains on {DAY}; {BRAND} kept its plant closed until {DATE}.
            {CLUB} won {NUM}-1 at {VENUE} on {DAY}.
            Shares of {BRAND} rose {NUM}% after {COMPANY} announced a partnership.
            The concert at {VENUE} sold out in {NUM} minutes.
        """),
        "order_head": ("Order confirmation {ORDER}", "Your order {ORDER}", "Invoice {ORDER}", "Delivery note {ORDER}"),
        "order_line": lines(r"""
            {DESIGNER} {GARMENT}, size {NUM}   {AMT}
            {DESIGNER} {GARMENT}   {AMT}
            1 x {DESIGNER} {GARMENT} ({AMT})
            {BRAND} {GARMENT}   {AMT}
        """),
        "order_close": (
            "Expected delivery: {DATE}.",
            "Questions? Quote {TICKET}.",
            "Thank you for shopping at {BRAND}.",
        ),
        "collection": lines(r"""
            The {DESIGNER} {SEASON} collection arrives at the distribution centre in {MONTH}.
            {DESIGNER} and {DESIGNER} lines: {NUM}% of the first drop goes to the outlets.
            New in: {DESIGNER} {GARMENT} and {DESIGNER} {GARMENT}.
        """),
        "cv_heads": ("Skills", "Certifications", "Work experience", "Education", "Languages"),
        "cv_skill": ("{SKILL}, {SKILL}, {SKILL}", "Tools: {SKILL}, {SKILL}", "{SKILL} (advanced), {SKILL} (basic)"),
        "cv_cert": ("{CERT} ({Y})", "{CERT}, {CERT}", "{Y}   {CERT}"),
        "cv_exp": ("{YY}   {JOB}, {BRAND}", "{YY}   {JOB} at {COMPANY}", "{Y} – present   {JOB}, {DEPT}, {BRAND}"),
        "cv_edu": ("{YY}   MSc Economics, {UNI}", "{YY}   BSc Computer Science, {UNI}", "{Y}   Exchange term, {UNI}"),
        "cv_lang": ("English (native), German (B2)", "French C1, Spanish B1", "Dutch (fluent), Italian (A2)"),
        "assist": lines(r"""
            {ASSIST}, set a timer for {NUM} minutes
            ask {ASSIST} to play the {CLUB} match
            {ASSIST} doesn't understand "{BRAND}" on my {PROD}
            Since the update {ASSIST} answers in the wrong language.
            Hey {ASSIST}, where is my {BRAND} order?
            {ASSIST} works better than {ASSIST} for reminders.
        """),
        "title": lines(r"""
            Bug: {ASSIST} skill reads "{BRAND}" as "{BRAND}"
            Retro, sprint {NUM}
            Feature request: {SAAS} integration
            Incident {TICKET}: {SAAS} timeouts
            Outage: {APP} down since {TIME}
            Agenda: {DEPT} offsite
        """),
    },
    "de": {
        "release_head": ("v{VER}:", "Version {VER}", "Versionshinweise {VER}", "Neu in {VER}"),
        "release_item": lines(r"""
            {SAAS} auf v{VER} angehoben
            Unterstützung für {PROD} entfernt
            {SAAS}-Webhooks nach /api/{PATH} verschoben
            Behoben: {SAAS}-Abgleich schlug für {COMPANY} fehl
            Neu: Export nach {SAAS}
            {APP} funktioniert jetzt mit {ASSIST}
            Queue {CODE}-BESTELLUNGEN umbenannt
            Rechnungen für {BRAND} zeigten {AMT} doppelt
        """),
        "cal_item": lines(r"""
            {TIME} Onboarding {SAAS} (Raum {NUM})
            {TIME} Quartalsgespräch mit {COMPANY}
            {TIME} Betriebsversammlung {DEPT}
            {TIME} Demo von {APP} für {DEPT}
            {TIME} Lieferantentermin {BRAND}
            {TIME} Spiel {CLUB} auf der Leinwand
        """),
        "news": lines(r"""
            {BRAND} hat am {DAY} seinen neuen Flagship-Store eröffnet; {DESIGNER} und {BRAND} folgen im {MONTH}.
            Die Messe öffnet am {DAY} in der {VENUE}, erwartet werden {NUM}.000 Besucher.
            {STORM} sorgte am {DAY} für Zugausfälle; {BRAND} hielt das Werk bis {DATE} geschlossen.
            {CLUB} gewann am {DAY} mit {NUM}:1 in der {VENUE}.
            Die Aktie von {BRAND} stieg um {NUM} %, nachdem {COMPANY} eine Partnerschaft ankündigte.
            Das Konzert in der {VENUE} war in {NUM} Minuten ausverkauft.
        """),
        "order_head": (
            "Bestellbestätigung {ORDER}",
            "Ihre Bestellung {ORDER}",
            "Rechnung {ORDER}",
            "Lieferschein {ORDER}",
        ),
        "order_line": lines(r"""
            {DESIGNER} {GARMENT}, Gr. {NUM}   {AMT}
            {DESIGNER} {GARMENT}   {AMT}
            1 x {DESIGNER} {GARMENT} ({AMT})
            {BRAND} {GARMENT}   {AMT}
        """),
        "order_close": (
            "Voraussichtliche Lieferung: {DATE}.",
            "Rückfragen unter {TICKET}.",
            "Danke für Ihren Einkauf bei {BRAND}.",
        ),
        "collection": lines(r"""
            Die {SEASON}-Kollektion von {DESIGNER} kommt im {MONTH} ins Zentrallager.
            Linien von {DESIGNER} und {DESIGNER}: {NUM} % der ersten Lieferung gehen an die Outlets.
            Neu eingetroffen: {DESIGNER} {GARMENT} und {DESIGNER} {GARMENT}.
        """),
        "cv_heads": ("Kenntnisse", "Zertifikate", "Berufserfahrung", "Ausbildung", "Sprachen"),
        "cv_skill": (
            "{SKILL}, {SKILL}, {SKILL}",
            "Werkzeuge: {SKILL}, {SKILL}",
            "{SKILL} (sehr gut), {SKILL} (Grundlagen)",
        ),
        "cv_cert": ("{CERT} ({Y})", "{CERT}, {CERT}", "{Y}   {CERT}"),
        "cv_exp": ("{YY}   {JOB}, {BRAND}", "{YY}   {JOB} bei {COMPANY}", "seit {Y}   {JOB}, {DEPT}, {BRAND}"),
        "cv_edu": ("{YY}   M.Sc. BWL, {UNI}", "{YY}   B.Sc. Informatik, {UNI}", "{Y}   Auslandssemester, {UNI}"),
        "cv_lang": ("Deutsch (Muttersprache), Englisch (C1)", "Französisch B2, Spanisch A2", "Englisch fließend"),
        "assist": lines(r"""
            {ASSIST}, stell einen Timer auf {NUM} Minuten
            {ASSIST} soll das Spiel von {CLUB} abspielen
            {ASSIST} versteht „{BRAND}“ auf meinem {PROD} nicht
            Seit dem Update antwortet {ASSIST} auf Englisch.
            Hey {ASSIST}, wo ist meine Bestellung von {BRAND}?
            {ASSIST} kann Erinnerungen besser als {ASSIST}.
        """),
        "title": lines(r"""
            Fehler: {ASSIST}-Skill liest „{BRAND}“ als „{BRAND}“
            Retro Sprint {NUM}
            Wunsch: Anbindung an {SAAS}
            Störung {TICKET}: Zeitüberschreitungen bei {SAAS}
            Ausfall: {APP} seit {TIME} nicht erreichbar
            Agenda: Klausur {DEPT}
        """),
    },
    "fr": {
        "release_head": ("v{VER} :", "Version {VER}", "Notes de version {VER}", "Nouveautés {VER}"),
        "release_item": lines(r"""
            {SAAS} passé en v{VER}
            fin du support de {PROD}
            webhooks {SAAS} déplacés vers /api/{PATH}
            corrigé : la synchro {SAAS} échouait pour {COMPANY}
            nouveau : export vers {SAAS}
            {APP} fonctionne désormais avec {ASSIST}
            file {CODE}-COMMANDES renommée
            les factures {BRAND} affichaient {AMT} en double
        """),
        "cal_item": lines(r"""
            {TIME} Onboarding {SAAS} (salle {NUM})
            {TIME} Revue trimestrielle {COMPANY}
            {TIME} Réunion plénière {DEPT}
            {TIME} Démo {APP} pour {DEPT}
            {TIME} Point fournisseur {BRAND}
            {TIME} Match {CLUB} sur grand écran
        """),
        "news": lines(r"""
            {BRAND} a ouvert {DAY} sa nouvelle boutique phare ; {DESIGNER} et {BRAND} suivront en {MONTH}.
            Le salon ouvre {DAY} au {VENUE}, {NUM} 000 visiteurs sont attendus.
            {STORM} a perturbé les trains {DAY} ; {BRAND} garde son usine fermée jusqu'au {DATE}.
            {CLUB} s'est imposé {NUM}-1 au {VENUE} {DAY}.
            L'action {BRAND} a gagné {NUM} % après l'annonce d'un partenariat avec {COMPANY}.
            Le concert au {VENUE} affichait complet en {NUM} minutes.
        """),
        "order_head": (
            "Confirmation de commande {ORDER}",
            "Votre commande {ORDER}",
            "Facture {ORDER}",
            "Bon de livraison {ORDER}",
        ),
        "order_line": lines(r"""
            {GARMENT} {DESIGNER}, taille {NUM}   {AMT}
            {GARMENT} {DESIGNER}   {AMT}
            1 x {DESIGNER} {GARMENT} ({AMT})
            {GARMENT} {BRAND}   {AMT}
        """),
        "order_close": (
            "Livraison prévue : {DATE}.",
            "Pour toute question : {TICKET}.",
            "Merci pour votre achat chez {BRAND}.",
        ),
        "collection": lines(r"""
            La collection {SEASON} de {DESIGNER} arrive à l'entrepôt central en {MONTH}.
            Lignes {DESIGNER} et {DESIGNER} : {NUM} % de la première livraison part aux outlets.
            Nouveautés : {GARMENT} {DESIGNER} et {GARMENT} {DESIGNER}.
        """),
        "cv_heads": ("Compétences", "Certifications", "Expérience professionnelle", "Formation", "Langues"),
        "cv_skill": ("{SKILL}, {SKILL}, {SKILL}", "Outils : {SKILL}, {SKILL}", "{SKILL} (avancé), {SKILL} (notions)"),
        "cv_cert": ("{CERT} ({Y})", "{CERT}, {CERT}", "{Y}   {CERT}"),
        "cv_exp": ("{YY}   {JOB}, {BRAND}", "{YY}   {JOB} chez {COMPANY}", "depuis {Y}   {JOB}, {DEPT}, {BRAND}"),
        "cv_edu": (
            "{YY}   Master finance, {UNI}",
            "{YY}   Licence informatique, {UNI}",
            "{Y}   Semestre d'échange, {UNI}",
        ),
        "cv_lang": ("Français (langue maternelle), anglais (C1)", "Allemand B2, espagnol A2", "Anglais courant"),
        "assist": lines(r"""
            {ASSIST}, mets un minuteur de {NUM} minutes
            demande à {ASSIST} de lancer le match de {CLUB}
            {ASSIST} ne comprend pas « {BRAND} » sur mon {PROD}
            Depuis la mise à jour, {ASSIST} répond en anglais.
            Dis {ASSIST}, où est ma commande {BRAND} ?
            {ASSIST} gère mieux les rappels que {ASSIST}.
        """),
        "title": lines(r"""
            Bug : la skill {ASSIST} prononce « {BRAND} » comme « {BRAND} »
            Rétro sprint {NUM}
            Demande : intégration {SAAS}
            Incident {TICKET} : délais d'attente {SAAS}
            Panne : {APP} indisponible depuis {TIME}
            Ordre du jour : séminaire {DEPT}
        """),
    },
    "es": {
        "release_head": ("v{VER}:", "Versión {VER}", "Notas de la versión {VER}", "Novedades {VER}"),
        "release_item": lines(r"""
            {SAAS} actualizado a v{VER}
            se retira el soporte para {PROD}
            webhooks de {SAAS} movidos a /api/{PATH}
            corregido: la sincronización con {SAAS} fallaba para {COMPANY}
            nuevo: exportación a {SAAS}
            {APP} ya funciona con {ASSIST}
            cola {CODE}-PEDIDOS renombrada
            las facturas de {BRAND} mostraban {AMT} dos veces
        """),
        "cal_item": lines(r"""
            {TIME} Onboarding de {SAAS} (sala {NUM})
            {TIME} Revisión trimestral con {COMPANY}
            {TIME} Reunión general de {DEPT}
            {TIME} Demo de {APP} para {DEPT}
            {TIME} Llamada con el proveedor {BRAND}
            {TIME} Partido del {CLUB} en pantalla grande
        """),
        "news": lines(r"""
            {BRAND} abrió el {DAY} su nueva tienda insignia; {DESIGNER} y {BRAND} llegarán en {MONTH}.
            La feria abre el {DAY} en el {VENUE} con {NUM}.000 visitantes previstos.
            {STORM} retrasó los trenes el {DAY}; {BRAND} mantendrá la planta cerrada hasta el {DATE}.
            El {CLUB} ganó {NUM}-1 en el {VENUE} el {DAY}.
            Las acciones de {BRAND} subieron un {NUM} % tras anunciar una alianza con {COMPANY}.
            El concierto del {VENUE} se agotó en {NUM} minutos.
        """),
        "order_head": ("Confirmación del pedido {ORDER}", "Tu pedido {ORDER}", "Factura {ORDER}", "Albarán {ORDER}"),
        "order_line": lines(r"""
            {GARMENT} {DESIGNER}, talla {NUM}   {AMT}
            {GARMENT} de {DESIGNER}   {AMT}
            1 x {DESIGNER} {GARMENT} ({AMT})
            {GARMENT} {BRAND}   {AMT}
        """),
        "order_close": ("Entrega prevista: {DATE}.", "Consultas: {TICKET}.", "Gracias por comprar en {BRAND}."),
        "collection": lines(r"""
            La colección de {SEASON} de {DESIGNER} llega al centro logístico en {MONTH}.
            Líneas de {DESIGNER} y {DESIGNER}: el {NUM} % de la primera entrega va a los outlets.
            Novedades: {GARMENT} de {DESIGNER} y {GARMENT} de {DESIGNER}.
        """),
        "cv_heads": ("Competencias", "Certificaciones", "Experiencia profesional", "Formación", "Idiomas"),
        "cv_skill": (
            "{SKILL}, {SKILL}, {SKILL}",
            "Herramientas: {SKILL}, {SKILL}",
            "{SKILL} (avanzado), {SKILL} (básico)",
        ),
        "cv_cert": ("{CERT} ({Y})", "{CERT}, {CERT}", "{Y}   {CERT}"),
        "cv_exp": ("{YY}   {JOB}, {BRAND}", "{YY}   {JOB} en {COMPANY}", "desde {Y}   {JOB}, {DEPT}, {BRAND}"),
        "cv_edu": ("{YY}   Máster en Finanzas, {UNI}", "{YY}   Grado en Informática, {UNI}", "{Y}   Erasmus, {UNI}"),
        "cv_lang": ("Español (nativo), inglés (C1)", "Francés B2, alemán A2", "Inglés fluido"),
        "assist": lines(r"""
            {ASSIST}, pon un temporizador de {NUM} minutos
            pídele a {ASSIST} que ponga el partido del {CLUB}
            {ASSIST} no entiende «{BRAND}» en mi {PROD}
            Desde la actualización {ASSIST} responde en inglés.
            Oye {ASSIST}, ¿dónde está mi pedido de {BRAND}?
            {ASSIST} gestiona los recordatorios mejor que {ASSIST}.
        """),
        "title": lines(r"""
            Error: la skill de {ASSIST} pronuncia «{BRAND}» como «{BRAND}»
            Retro del sprint {NUM}
            Petición: integración con {SAAS}
            Incidencia {TICKET}: tiempos de espera en {SAAS}
            Caída: {APP} sin servicio desde las {TIME}
            Orden del día: jornada de {DEPT}
        """),
    },
    "it": {
        "release_head": ("v{VER}:", "Versione {VER}", "Note di rilascio {VER}", "Novità {VER}"),
        "release_item": lines(r"""
            {SAAS} aggiornato a v{VER}
            rimosso il supporto per {PROD}
            webhook {SAAS} spostati su /api/{PATH}
            corretto: la sincronizzazione {SAAS} falliva per {COMPANY}
            nuovo: esportazione verso {SAAS}
            {APP} ora funziona con {ASSIST}
            coda {CODE}-ORDINI rinominata
            le fatture {BRAND} mostravano {AMT} due volte
        """),
        "cal_item": lines(r"""
            {TIME} Onboarding {SAAS} (sala {NUM})
            {TIME} Revisione trimestrale con {COMPANY}
            {TIME} Riunione plenaria {DEPT}
            {TIME} Demo di {APP} per {DEPT}
            {TIME} Call con il fornitore {BRAND}
            {TIME} Partita della {CLUB} sul maxischermo
        """),
        "news": lines(r"""
            {BRAND} ha aperto {DAY} il nuovo flagship store; {DESIGNER} e {BRAND} seguiranno a {MONTH}.
            La fiera apre {DAY} al {VENUE} con {NUM}.000 visitatori attesi.
            {STORM} ha rallentato i treni {DAY}; {BRAND} terrà chiuso lo stabilimento fino al {DATE}.
            La {CLUB} ha vinto {NUM}-1 al {VENUE} {DAY}.
            Il titolo {BRAND} è salito del {NUM}% dopo l'accordo con {COMPANY}.
            Il concerto al {VENUE} è andato esaurito in {NUM} minuti.
        """),
        "order_head": (
            "Conferma d'ordine {ORDER}",
            "Il tuo ordine {ORDER}",
            "Fattura {ORDER}",
            "Documento di trasporto {ORDER}",
        ),
        "order_line": lines(r"""
            {GARMENT} {DESIGNER}, taglia {NUM}   {AMT}
            {GARMENT} {DESIGNER}   {AMT}
            1 x {DESIGNER} {GARMENT} ({AMT})
            {GARMENT} {BRAND}   {AMT}
        """),
        "order_close": (
            "Consegna prevista: {DATE}.",
            "Per informazioni: {TICKET}.",
            "Grazie per aver acquistato da {BRAND}.",
        ),
        "collection": lines(r"""
            La collezione {SEASON} di {DESIGNER} arriva al magazzino centrale a {MONTH}.
            Linee {DESIGNER} e {DESIGNER}: il {NUM}% della prima consegna va agli outlet.
            Nuovi arrivi: {GARMENT} {DESIGNER} e {GARMENT} {DESIGNER}.
        """),
        "cv_heads": ("Competenze", "Certificazioni", "Esperienza professionale", "Istruzione", "Lingue"),
        "cv_skill": ("{SKILL}, {SKILL}, {SKILL}", "Strumenti: {SKILL}, {SKILL}", "{SKILL} (avanzato), {SKILL} (base)"),
        "cv_cert": ("{CERT} ({Y})", "{CERT}, {CERT}", "{Y}   {CERT}"),
        "cv_exp": ("{YY}   {JOB}, {BRAND}", "{YY}   {JOB} presso {COMPANY}", "dal {Y}   {JOB}, {DEPT}, {BRAND}"),
        "cv_edu": (
            "{YY}   Laurea magistrale in Economia, {UNI}",
            "{YY}   Laurea in Informatica, {UNI}",
            "{Y}   Erasmus, {UNI}",
        ),
        "cv_lang": ("Italiano (madrelingua), inglese (C1)", "Francese B2, tedesco A2", "Inglese fluente"),
        "assist": lines(r"""
            {ASSIST}, imposta un timer di {NUM} minuti
            chiedi a {ASSIST} di mettere la partita della {CLUB}
            {ASSIST} non capisce «{BRAND}» sul mio {PROD}
            Dopo l'aggiornamento {ASSIST} risponde in inglese.
            Ehi {ASSIST}, dov'è il mio ordine {BRAND}?
            {ASSIST} gestisce i promemoria meglio di {ASSIST}.
        """),
        "title": lines(r"""
            Bug: la skill di {ASSIST} pronuncia «{BRAND}» come «{BRAND}»
            Retro sprint {NUM}
            Richiesta: integrazione con {SAAS}
            Incidente {TICKET}: timeout su {SAAS}
            Disservizio: {APP} non raggiungibile dalle {TIME}
            Ordine del giorno: offsite {DEPT}
        """),
    },
    "nl": {
        "release_head": ("v{VER}:", "Versie {VER}", "Release notes {VER}", "Nieuw in {VER}"),
        "release_item": lines(r"""
            {SAAS} naar v{VER}
            ondersteuning voor {PROD} vervalt
            {SAAS}-webhooks verhuisd naar /api/{PATH}
            opgelost: {SAAS}-synchronisatie mislukte voor {COMPANY}
            nieuw: export naar {SAAS}
            {APP} werkt nu met {ASSIST}
            wachtrij {CODE}-BESTELLINGEN hernoemd
            facturen van {BRAND} toonden {AMT} dubbel
        """),
        "cal_item": lines(r"""
            {TIME} Onboarding {SAAS} (zaal {NUM})
            {TIME} Kwartaalgesprek met {COMPANY}
            {TIME} Plenaire sessie {DEPT}
            {TIME} Demo van {APP} voor {DEPT}
            {TIME} Leveranciersoverleg {BRAND}
            {TIME} Wedstrijd van {CLUB} op het grote scherm
        """),
        "news": lines(r"""
            {BRAND} opende {DAY} zijn nieuwe flagshipstore; {DESIGNER} en {BRAND} volgen in {MONTH}.
            De beurs opent {DAY} in de {VENUE}, er worden {NUM}.000 bezoekers verwacht.
            {STORM} legde {DAY} treinen stil; {BRAND} houdt de fabriek dicht tot {DATE}.
            {CLUB} won {DAY} met {NUM}-1 in de {VENUE}.
            Het aandeel {BRAND} steeg {NUM}% na een samenwerking met {COMPANY}.
            Het concert in de {VENUE} was in {NUM} minuten uitverkocht.
        """),
        "order_head": ("Orderbevestiging {ORDER}", "Je bestelling {ORDER}", "Factuur {ORDER}", "Pakbon {ORDER}"),
        "order_line": lines(r"""
            {DESIGNER} {GARMENT}, maat {NUM}   {AMT}
            {DESIGNER} {GARMENT}   {AMT}
            1 x {DESIGNER} {GARMENT} ({AMT})
            {BRAND} {GARMENT}   {AMT}
        """),
        "order_close": (
            "Verwachte levering: {DATE}.",
            "Vragen? Vermeld {TICKET}.",
            "Bedankt voor je aankoop bij {BRAND}.",
        ),
        "collection": lines(r"""
            De {SEASON}collectie van {DESIGNER} komt in {MONTH} aan in het distributiecentrum.
            Lijnen van {DESIGNER} en {DESIGNER}: {NUM}% van de eerste levering gaat naar de outlets.
            Nieuw binnen: {DESIGNER} {GARMENT} en {DESIGNER} {GARMENT}.
        """),
        "cv_heads": ("Vaardigheden", "Certificaten", "Werkervaring", "Opleiding", "Talen"),
        "cv_skill": ("{SKILL}, {SKILL}, {SKILL}", "Tools: {SKILL}, {SKILL}", "{SKILL} (gevorderd), {SKILL} (basis)"),
        "cv_cert": ("{CERT} ({Y})", "{CERT}, {CERT}", "{Y}   {CERT}"),
        "cv_exp": ("{YY}   {JOB}, {BRAND}", "{YY}   {JOB} bij {COMPANY}", "sinds {Y}   {JOB}, {DEPT}, {BRAND}"),
        "cv_edu": ("{YY}   MSc Bedrijfskunde, {UNI}", "{YY}   BSc Informatica, {UNI}", "{Y}   Uitwisseling, {UNI}"),
        "cv_lang": ("Nederlands (moedertaal), Engels (C1)", "Frans B2, Duits A2", "Engels vloeiend"),
        "assist": lines(r"""
            {ASSIST}, zet een timer van {NUM} minuten
            vraag {ASSIST} om de wedstrijd van {CLUB} op te zetten
            {ASSIST} begrijpt '{BRAND}' niet op mijn {PROD}
            Sinds de update antwoordt {ASSIST} in het Engels.
            Hé {ASSIST}, waar is mijn bestelling van {BRAND}?
            {ASSIST} doet herinneringen beter dan {ASSIST}.
        """),
        "title": lines(r"""
            Bug: de {ASSIST}-skill spreekt '{BRAND}' uit als '{BRAND}'
            Retro sprint {NUM}
            Verzoek: koppeling met {SAAS}
            Incident {TICKET}: time-outs bij {SAAS}
            Storing: {APP} onbereikbaar sinds {TIME}
            Agenda: heidag {DEPT}
        """),
    },
}
GARMENTS = {
    "en": ("coat", "scarf", "sneakers", "handbag", "trench coat", "wool jumper", "belt", "sunglasses"),
    "de": ("Wollmantel", "Schal", "Sneaker", "Handtasche", "Trenchcoat", "Pullover", "Gürtel", "Sonnenbrille"),
    "fr": ("manteau", "écharpe", "baskets", "sac à main", "trench", "pull", "ceinture", "lunettes de soleil"),
    "es": ("abrigo", "bufanda", "zapatillas", "bolso", "gabardina", "jersey", "cinturón", "gafas de sol"),
    "it": ("cappotto", "sciarpa", "sneakers", "borsa", "trench", "maglione", "cintura", "occhiali da sole"),
    "nl": ("jas", "sjaal", "sneakers", "handtas", "trenchcoat", "trui", "riem", "zonnebril"),
}
SEASONS = {
    "en": ("autumn", "spring", "winter", "summer"),
    "de": ("Herbst", "Frühjahrs", "Winter", "Sommer"),
    "fr": ("automne", "printemps", "hiver", "été"),
    "es": ("otoño", "primavera", "invierno", "verano"),
    "it": ("autunno", "primavera", "inverno", "estate"),
    "nl": ("herfst", "voorjaars", "winter", "zomer"),
}
