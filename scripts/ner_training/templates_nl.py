"""Dutch templates: sentences per register and the words of each style's frame (no possessive -s after a name)."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from .example import lines

SENTENCES = {
    "prose": lines(r"""
        {PF} is {YEARP} naar {L} verhuisd en rijdt nog steeds in dezelfde oude {CAR}.
        Gisteren nam {F} de trein van {L} naar {L} en kwam twee uur te laat aan.
        Mijn buurvrouw {F} is opgegroeid in {L}, maar woont al jaren in {L}.
        {T} is op {DAY} in {L} om het huurcontract te tekenen.
        We hebben {PF} in {MONTH} ontmoet op een beurs in {LW}.
        Volgens {F} is het pakket nooit aangekomen op {ADDR}.
        Het appartement in {L} is van {PF}, die het aan studenten verhuurt.
        Volgens {T} liep de levering naar {L} vertraging op door {STORM}.
        {F} en {F} vliegen op {DATE} naar {LW}.
        {PF} is geboren in {L} en werkt {YEARP} bij {DEPT}.
        {F} huurt een kamer aan de {PSTREET} in {L}.
        Ik heb vanochtend met {F} gebeld, het dossier ligt nu bij {T}.
        Vorige zomer fietste {PF} helemaal van {L} naar {L}.
        Stuur de factuur alstublieft naar {PF}, {ADDR}.
        {F} denkt dat {NATP} akkoord gaat met de nieuwe voorwaarden.
        Is {F} voor {MONTH} terug uit {L}?
        {PF}, {JOB} uit {L}, kocht {YEARP} een {CAR}.
        Onze chauffeur {F} stond vast bij {L} door {STORM}.
        {T} komt oorspronkelijk uit {LW} en woont nu in {L}.
        De sleutels liggen bij {F1}, dus bel eerst {F1}.
        Sinds de reis naar {L} heeft niemand meer iets van {F} gehoord.
        {F} logeert tot {DATE} bij haar tante in {L}.
        Zowel {PF} als {PF} heeft de petitie in {L} getekend.
        Het was {F} die de portemonnee in de bus naar {L} vond.
        Dit weekend gaat {F} bij opa en oma in {L} op bezoek.
    """),
    "ticket": lines(r"""
        Klant {PF} uit {L} meldt dat de {PROD}-app crasht bij het inloggen.
        {T} belde opnieuw over bestelling {ORDER}; het pakket ging naar {ADDR} in plaats van naar {L}.
        Graag het factuuradres van {PF} aanpassen: {ADDR}.
        {F} kan sinds de update naar {PROD} niet meer bij {SAAS}.
        Geëscaleerd door {F} ({DEPT}): terugbetaling van {AMT} voor {PF} staat nog open.
        Beller {PF} zegt dat de monteur op {DAY} niet in {L} is verschenen.
        {T} wil het vervangende toestel laten opsturen naar een familielid in {L}.
        Duplicaat van {TICKET}, gemeld door {F} nadat {STORM} het dak in {L} had beschadigd.
        Gebruiker {H} meldt dat de export naar {SAAS} elke nacht mislukt.
        Rekeninghouder {PF}, {ADDR}, vraagt om verwijdering van alle gegevens.
        Toegewezen aan {F}. Klant woont in {L} en wil na {TIME} gebeld worden.
        {PF} is van {L} naar {L} verhuisd, het contract moet worden overgezet.
        Meterstand van {T} in {L} ontbreekt sinds {MONTH}.
    """),
    "chat": lines(r"""
        hoi {F}, zit je nog in {L}?
        {H} kun je even naar het {SAAS}-bord kijken?
        lunch met {F} om 12?
        {F} staat in de file bij {L}, begin maar zonder ons
        net geland in {LW}
        heeft {F} de slides al gestuurd
        {F} en {F} komen morgen uit {L}
        {H} even pingen over de factuur aub
        werk vandaag vanuit {L}, {DAY} weer op kantoor
        {F} doet de groeten uit {L}!
        ok thanks {F}
        kan iemand {F} toegang geven tot {SAAS}?
        {H} {H} standup over 5 min
        wie neemt {DAY} het werk van {F} over?
        de trein van {F} uit {L} is weer uitgevallen
        heeft iemand {F} vandaag gezien?
        ik zit tot {DAY} in {L}, bel maar
    """),
    "email": lines(r"""
        Dank voor uw bericht over bestelling {ORDER}.
        Ik heb {PF} van {DEPT} gevraagd ernaar te kijken.
        De documenten zijn op {DATE} naar {ADDR} gestuurd.
        {F} vertelde dat u volgende maand naar {L} verhuist.
        Kunt u bevestigen of {T} bij de vergadering in {L} is?
        Ik ben tot {DATE} afwezig; neem in de tussentijd contact op met {PF}.
        Zoals besproken met {F} sturen we de vervanging naar {L}.
        In de bijlage vindt u de factuur van {AMT}.
        We zijn op {DAY} bij {T} in {L} geweest, alles ziet er goed uit.
        Laat maar weten als {F} nog iets nodig heeft.
        Mijn nieuwe adres vanaf {DATE} is {ADDR}.
    """),
    "transcript": lines(r"""
        {UH} goedemiddag mijn naam is {PF} ik bel vanuit {L}
        ja {UH} het adres is {ADDR}
        {UH} het gaat om mijn moeder {PF} die woont in {L}
        dus {UH} ik heb vorige week met {F} gesproken en {UH} er gebeurde niks
        {F} {UH} {S} ja klopt
        ik ben in {Y} naar {L} verhuisd {UH} dus het oude adres klopt niet
        {UH} mijn man {F} heeft het account aangemaakt
        de monteur {F} zei dat hij {DAY} zou komen
        we zitten in {L} {UH} vlak bij het station
        nee nee {UH} niet {L} maar {L}
        mag ik {F} even spreken {UH} zij had het de vorige keer
    """),
    "dialogue": lines(r"""
        Heb je al iets van {F} gehoord?
        Ja, {F} zit tot {DAY} in {L}.
        Ik vraag {T} om u terug te bellen.
        Wanneer vlieg je naar {LW}?
        Kunt u het naar mijn adres in {L} sturen?
        {PF} heeft het vanochtend goedgekeurd.
        Prima wat mij betreft.
        Het {SAAS}-ticket staat nog open.
        Is dat die van {BRAND}?
        Ik ben trouwens in {L} opgegroeid.
        Doe {F} de groeten van me.
    """),
    "cv": lines(r"""
        0|{YY}   {JOB}, {BRAND}, {L}
        0|sinds {Y}   {JOB} bij {SAAS}, op afstand vanuit {L}
        0|{YY}   {JOB} ({DEPT}), {BRAND}
        1|{Y}   MSc Informatica, {L}
        1|{YY}   Hbo Bedrijfskunde, {L}
        2|Nederlands (moedertaal), Engels (C1), Duits (B2)
        2|Talen: Nederlands, Papiaments, Engels
        3|{PF}, {JOB}, {BRAND} ({PHONE})
        3|Op aanvraag beschikbaar.
        4|Geboren op {DOB} in {L}
        4|Adres: {ADDR}
        4|Bereid te verhuizen naar {L} of {LW}.
    """),
    "review": lines(r"""
        Prima service, de monteur was op tijd in {L}.
        De {PROD} besteld, binnen twee dagen in {L} bezorgd.
        {F} bij de {FASHION}-balie was echt behulpzaam.
        Twee nachten in {L}; {F} bij de receptie was super vriendelijk.
        Niet aan te raden. Bezorging naar {L} duurde drie weken.
        Dank aan {F} voor het regelen van mijn terugbetaling van {AMT}.
    """),
    "meeting": lines(r"""
        {F} stuurt het conceptcontract voor {DAY} naar {T}.
        {PF} presenteerde de roadmap van {PROD}.
        Actie: {F} boekt de reis naar {LW} voor {DATE}.
        {F} meldt dat {SITE} onderbezet is.
        Besluit: {F} gaat op bezoek bij de klant in {L}.
        {F} is tot {DATE} met verlof; {F} vervangt.
        {T} heeft twijfels over het {SAAS}-contract.
        {F} en {F} houden op {DAY} sollicitatiegesprekken in {L}.
    """),
    "neg": lines(r"""
        {SITE} is tot {DATE} gesloten wegens verbouwing.
        De {CAR}-dealer heeft de accu vervangen voor {AMT}.
        Bestelling {ORDER} is op {DATE} verzonden.
        {STORM} zorgde op {DAY} voor vertraging in heel {COUNTRY}.
        We gebruiken {SAAS} {YEARP} en zijn in {MONTH} overgestapt op {SAAS}.
        {PROD} is nu beschikbaar voor alle klanten.
        De {JOB} van {DEPT} heeft de aanvraag goedgekeurd.
        De wedstrijd tegen {CLUB} is verplaatst naar {DATE}.
        Ticket {TICKET} is samengevoegd met {TICKET}.
        Mijn {CAR} is op {DAY} weer kapotgegaan.
        Ik heb de schoenen {BRANDAT} teruggebracht.
        De prijzen bij {SHOP} zijn {YEARP} met {NUM} procent gestegen.
        Stel uw {SAAS}-wachtwoord opnieuw in voor {DATE}.
        {SITE} verwerkt alle retouren uit {COUNTRY}.
        We exporteren {YEARP} naar {COUNTRY} en {COUNTRY}.
        De factuur van {AMT} moet op {DATE} betaald zijn.
        In {MONTH} zijn de servers naar {COUNTRY} verhuisd.
        Het kantoor aan de {PSTREET} gaat op {DATE} weer open.
        Versie {PROD} lost de fout uit {TICKET} op.
        Het team van {DEPT} komt elke {DAY} om {TIME} bij elkaar.
        {MONTH} was een rustige maand voor {BRAND}.
        Sinds {MONTH} hebben we {NUM} klachten over {PROD} ontvangen.
        Levering naar {COUNTRY} duurt {NUM} werkdagen.
        {NATP} vroeg in {MONTH} om een offerte.
    """),
    "neg_chat": lines(r"""
        standup verschoven naar {TIME}
        ligt {SAAS} er bij jullie ook uit?
        de wifi op {SITE} doet het weer niet
        {PROD} is live
        wie heeft adminrechten in {SAAS}?
        nieuw ticket {TICKET}, kan iemand het oppakken
        tot {DAY}
        {STORM} komt eraan, morgen thuiswerken
        bestelt er nog iemand iets bij {SHOP}?
    """),
}

FRAME = {
    "greet": ("Hoi {F1},", "Beste {F1},", "Geachte {T1},", "Beste {PF1},", "Goedemorgen {F1},", "{F1},"),
    "greet0": ("Hallo,", "Hoi allemaal,", "Geachte heer, mevrouw,", "Goedemiddag,", "Beste collega's,"),
    "close": ("Met vriendelijke groet,", "Groetjes,", "Groet,", "Bedankt,", "Hartelijke groet,", "Groeten uit {L},"),
    "wrote": ("Op {DATE} om {TIME} schreef {PF2} <{EMAIL2}>:", "{PF2} schreef:", "Van: {PF2}\nVerzonden: {DATE}"),
    "subject": (
        "Onderwerp: RE: bestelling {ORDER}",
        "Onderwerp: Uw aanvraag {TICKET}",
        "Onderwerp: FW: factuur {DATE}",
    ),
    "team": ("Team {DEPT}", "Klantenservice {BRAND}", "{SAAS} Support"),
    "ticket_head": ("Ticket {TICKET} | Prioriteit: hoog", "[{TICKET}] Status: open", "Melding {TICKET} – {DATE}"),
    "reporter": ("Gemeld door: {PF1}", "Aanvrager: {PF1} <{EMAIL1}>", "Klant: {P1}", "Behandelaar: {F1}"),
    "meeting_head": ("Notulen – {DATE}", "Overleg van {DAY} {DATE}", "Weekoverleg {DATE}"),
    "attendees": ("Aanwezig", "Deelnemers"),
    "apologies": ("Afgemeld", "Afwezig"),
    "actions": ("Actiepunten", "Vervolgstappen", "Besluiten"),
    "cv_heads": ("Werkervaring", "Opleiding", "Talen", "Referenties", "Persoonsgegevens"),
    "review_head": ("Beoordeling: {STARS}/5", "Geverifieerde aankoop", "5 sterren"),
    "review_sign": ("– {F1} uit {L}", "{FI1}, {L}", "{PF1}", "Geplaatst door {H1}", "{F1} ({L})", "– {FI1}"),
    "list_lead": lines(r"""
        Nodig {LIST} uit.
        Kun je {LIST} aan de call toevoegen?
        {LIST} sluiten op {DAY} aan.
        Aanwezig: {LIST}
        cc {LIST}
        Dank aan {LIST} voor de hulp!
        Kunnen {LIST} dit voor {DAY} nakijken?
        Tafelindeling: {LIST}
    """),
    "neg_list": ("We verkopen {LIST}.", "Offertes vergeleken van {LIST}.", "Shortlist: {LIST}"),
    "and": ("en", "&", "en"),
    "speakers": ("medewerker", "beller", "klant", "adviseur", "spreker 1", "spreker 2"),
    "uh": ("eh", "uhm", "nou", "dus", "zeg maar", "hè"),
    "status": ("open", "betaald", "verzonden", "geannuleerd", "in behandeling"),
    "to": ("Aan:", "Ontvanger:", "T.a.v.", "Afleveradres:", "p/a"),
}
FORM = {
    "name": "Naam", "first": "Voornaam", "last": "Achternaam", "street": "Straat en huisnummer", "zip": "Postcode",
    "city": "Plaats", "country": "Land", "email": "E-mailadres", "phone": "Telefoonnummer",
    "dob": "Geboortedatum", "msg": "Bericht", "order": "Bestelnummer", "town": "Woonplaats",
}  # fmt: skip
CSV = {"first": "voornaam", "last": "achternaam", "name": "naam", "city": "woonplaats", "email": "email",
       "phone": "telefoon", "country": "land", "id": "klantnummer", "amount": "bedrag", "date": "datum",
       "status": "status", "product": "product"}  # fmt: skip
