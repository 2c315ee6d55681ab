"""German templates: sentences per register and the words of each style's frame (no genitive -s after a name:
the tokenizer would not split ``Annas``)."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from .example import lines

SENTENCES = {
    "prose": lines(r"""
        {PF} ist {YEARP} nach {L} gezogen und fährt immer noch den alten {CAR}.
        Gestern ist {F} mit dem Zug von {L} nach {L} gefahren.
        Meine Nachbarin {F} stammt aus {L}, wohnt aber seit Jahren in {L}.
        {T} kommt am {DAY} nach {L}, um den Mietvertrag zu unterschreiben.
        Wir haben {PF} im {MONTH} auf einer Messe in {LW} kennengelernt.
        Laut {F} ist das Paket nie an der Adresse {ADDR} angekommen.
        Die Wohnung in {L} gehört {PF}, der sie an Studierende vermietet.
        Nach Auskunft von {TD} hat {STORM} die Lieferung nach {L} verzögert.
        {F} und {F} fliegen am {DATE} nach {LW}.
        {PF} wurde in {L} geboren und arbeitet {YEARP} in der Abteilung {DEPT}.
        {F} wohnt in der {PSTREET} in {L}.
        Heute Morgen habe ich mit {F} telefoniert, die Unterlagen liegen jetzt bei {TD}.
        Im Sommer ist {PF} mit dem Rad von {L} bis nach {L} gefahren.
        Bitte schicken Sie die Rechnung an {PF}, {ADDR}.
        {F} meint, {NATP} werde den neuen Bedingungen zustimmen.
        Ist {F} vor {MONTH} wieder aus {L} zurück?
        {PF}, {JOB} aus {L}, hat sich {YEARP} einen {CAR} gekauft.
        Unser Fahrer {F} steckte wegen {STORM} vor {L} fest.
        {T} kommt ursprünglich aus {LW} und lebt inzwischen in {L}.
        Den Schlüssel hat {F1}, also ruf bitte zuerst {F1} an.
        Seit der Reise nach {L} hat niemand mehr etwas von {F} gehört.
        {F} ist bis zum {DATE} bei ihrer Tante in {L}.
        Sowohl {PF} als auch {PF} haben die Petition in {L} unterschrieben.
        Es war {F}, der das Portemonnaie im Bus nach {L} gefunden hat.
        Am Wochenende besucht {F} die Großeltern in {L}.
    """),
    "ticket": lines(r"""
        Kunde {PF} aus {L} meldet, dass die {PROD}-App beim Login abstürzt.
        {T} hat erneut wegen Bestellung {ORDER} angerufen; das Paket ging an {ADDR} statt nach {L}.
        Bitte Rechnungsadresse für {PF} ändern: {ADDR}.
        {F} kann seit dem Update auf {PROD} nicht mehr auf {SAAS} zugreifen.
        Eskaliert von {F} ({DEPT}): Erstattung über {AMT} für {PF} steht noch aus.
        Anrufer {PF} sagt, der Techniker sei am {DAY} nicht in {L} erschienen.
        {T} möchte das Ersatzgerät an eine Verwandte in {L} geschickt bekommen.
        Duplikat von {TICKET}, gemeldet von {F}, nachdem {STORM} das Dach in {L} beschädigt hat.
        Benutzer {H} meldet, dass der Export nach {SAAS} jede Nacht fehlschlägt.
        Kontoinhaberin {PF}, {ADDR}, verlangt die Löschung aller Daten.
        Zugewiesen an {F}. Kunde wohnt in {L}, Rückruf bitte nach {TIME} Uhr.
        {PF} ist von {L} nach {L} umgezogen, der Vertrag muss übertragen werden.
        Zählerstand von {TD} in {L} fehlt seit {MONTH}.
        Betreff: {NOUN} – {PF} aus {L} bittet um Rückruf.
    """),
    "chat": lines(r"""
        hey {F}, bist du noch in {L}?
        {H} kannst du mal aufs {SAAS}-Board schauen?
        mittag mit {F} um 12?
        {F} steht bei {L} im Stau, fangt ohne uns an
        bin gerade in {LW} gelandet
        hat {F} die Folien schon geschickt
        {F} und {F} kommen morgen aus {L} hoch
        {H} wegen der Rechnung anpingen bitte
        bin heute in {L}, ab {DAY} wieder im Büro
        {F} lässt aus {L} grüßen!
        ok danke {F}
        kann jemand {F} Zugriff auf {SAAS} geben?
        {H} {H} Daily in 5 min
        wer vertritt {F} am {DAY}?
        der Zug von {F} aus {L} fällt schon wieder aus
        hat jemand {F} heute gesehen?
        bin bis {DAY} in {L}, ruf einfach an
    """),
    "email": lines(r"""
        vielen Dank für Ihre Nachricht zur Bestellung {ORDER}.
        Ich habe {PF} aus der Abteilung {DEPT} gebeten, sich darum zu kümmern.
        Die Unterlagen wurden am {DATE} an {ADDR} geschickt.
        {F} hat erwähnt, dass Sie nächsten Monat nach {L} ziehen.
        Können Sie bestätigen, ob {T} zum Termin in {L} kommt?
        Ich bin bis zum {DATE} nicht im Büro; wenden Sie sich bitte an {PF}.
        Wie mit {F} besprochen, schicken wir das Ersatzgerät nach {L}.
        Anbei die Rechnung über {AMT}.
        Wir waren am {DAY} bei {TD} in {L}, alles sieht gut aus.
        Sagen Sie Bescheid, falls {F} noch etwas von uns braucht.
        Meine neue Adresse ab dem {DATE}: {ADDR}.
    """),
    "transcript": lines(r"""
        {UH} hallo mein Name ist {PF} ich rufe aus {L} an
        ja {UH} die Adresse ist {ADDR}
        {UH} es geht um meine Mutter {PF} die wohnt in {L}
        also {UH} ich hab letzte Woche mit {F} gesprochen und {UH} nichts ist passiert
        {F} {UH} {S} genau
        ich bin {Y} nach {L} gezogen {UH} deshalb stimmt die alte Adresse nicht
        {UH} mein Mann {F} hat das Konto eingerichtet
        der Techniker {F} meinte er kommt am {DAY}
        wir sind in {L} {UH} direkt am Bahnhof
        nein nein {UH} nicht {L} sondern {L}
        kann ich bitte mit {F} sprechen {UH} die hatte das letztes Mal
    """),
    "dialogue": lines(r"""
        Hast du schon was von {F} gehört?
        Ja, {F} ist bis {DAY} in {L}.
        Ich sage {TD}, dass sie Sie zurückrufen soll.
        Wann fliegst du nach {LW}?
        Können Sie es an meine Adresse in {L} schicken?
        {PF} hat das heute Morgen freigegeben.
        Passt für mich.
        Das {SAAS}-Ticket ist immer noch offen.
        Ist das der von {BRAND}?
        Ich bin übrigens in {L} aufgewachsen.
        Grüß {F} von mir.
    """),
    "cv": lines(r"""
        0|{YY}   {JOB}, {BRAND}, {L}
        0|seit {Y}   {JOB} bei {SAAS}, remote aus {L}
        0|{YY}   {JOB} ({DEPT}), {BRAND}
        1|{Y}   Master Informatik, {L}
        1|{YY}   Ausbildung zum {JOB}, {BRAND}
        2|Deutsch (Muttersprache), Englisch (C1), Französisch (B1)
        2|Sprachen: Deutsch, Türkisch, Englisch
        3|{PF}, {JOB}, {BRAND} ({PHONE})
        3|Auf Anfrage.
        4|Geboren am {DOB} in {L}
        4|Anschrift: {ADDR}
        4|Umzugsbereit nach {L} oder {LW}.
    """),
    "review": lines(r"""
        Super Service, der Techniker war pünktlich in {L}.
        {PROD} bestellt, nach zwei Tagen in {L} angekommen.
        {F} an der {FASHION}-Theke war wirklich hilfsbereit.
        Zwei Nächte in {L}; {F} an der Rezeption war total nett.
        Nicht zu empfehlen. Die Lieferung nach {L} hat drei Wochen gedauert.
        Danke an {F}, die meine Erstattung über {AMT} geklärt hat.
    """),
    "meeting": lines(r"""
        {F} schickt den Vertragsentwurf bis {DAY} an {TD}.
        {PF} hat die {PROD}-Roadmap vorgestellt.
        To-do: {F} bucht die Reise nach {LW} für den {DATE}.
        {F} berichtet, dass {SITE} unterbesetzt ist.
        Beschluss: {F} besucht den Kunden in {L}.
        {F} ist bis {DATE} im Urlaub; {F} vertritt.
        {T} hat Bedenken zum {SAAS}-Vertrag.
        {F} und {F} führen am {DAY} Bewerbungsgespräche in {L}.
    """),
    "neg": lines(r"""
        {SITE} ist bis zum {DATE} wegen Umbau nicht erreichbar.
        Unser {CAR}-Händler hat die Batterie für {AMT} getauscht.
        Die Bestellung {ORDER} wurde am {DATE} versandt.
        {STORM} hat am {DAY} in ganz {COUNTRY} für Verspätungen gesorgt.
        Wir nutzen {SAAS} {YEARP} und sind im {MONTH} auf {SAAS} umgestiegen.
        {PROD} ist ab sofort für alle Kunden verfügbar.
        Freigabe durch {JOB} ({DEPT}) liegt seit {DAY} vor.
        Das Spiel gegen {CLUB} wurde auf den {DATE} verschoben.
        Ticket {TICKET} wurde mit {TICKET} zusammengeführt.
        Die {NOUN} {BRANDAT} ist noch offen.
        Ich habe die Schuhe {BRANDAT} zurückgegeben.
        Die Preise bei {SHOP} sind {YEARP} um {NUM} Prozent gestiegen.
        Bitte setzen Sie Ihr {SAAS}-Passwort vor dem {DATE} zurück.
        {SITE} bearbeitet alle Rücksendungen aus {COUNTRY}.
        Wir liefern {YEARP} nach {COUNTRY} und {COUNTRY}.
        Die Rechnung über {AMT} ist am {DATE} fällig.
        Im {MONTH} sind die Server nach {COUNTRY} umgezogen.
        Das Büro in der {PSTREET} öffnet wieder am {DATE}.
        Version {PROD} behebt den Fehler aus {TICKET}.
        Die {DEPT} trifft sich jeden {DAY} um {TIME} Uhr.
        Der {MONTH} war ein schwacher Monat für {BRAND}.
        Seit {MONTH} gab es {NUM} Beschwerden über {PROD}.
        Die Lieferung nach {COUNTRY} dauert {NUM} Werktage.
        {NATP} hat im {MONTH} ein Angebot angefragt.
        Ihre {NOUN} und die {NOUN} liegen uns seit dem {DATE} vor.
        Bei {SHOP} gibt es die {NOUN} nur noch online.
    """),
    "neg_chat": lines(r"""
        Daily auf {TIME} verschoben
        ist {SAAS} bei euch auch down?
        das WLAN in {SITE} spinnt schon wieder
        {PROD} ist raus
        wer hat Admin-Rechte in {SAAS}?
        neues Ticket {TICKET}, kann das jemand übernehmen
        bis {DAY}
        {STORM} kommt, morgen alle ins Homeoffice
        bestellt noch jemand was bei {SHOP}?
    """),
}

FRAME = {
    "greet": ("Hallo {F1},", "Liebe {F1},", "Guten Tag {T1},", "Guten Tag {PF1},", "Hi {F1},", "Moin {F1},"),
    "greet0": ("Hallo,", "Hallo zusammen,", "Sehr geehrte Damen und Herren,", "Guten Tag,", "Liebes Team,"),
    "close": ("Viele Grüße", "Mit freundlichen Grüßen", "Beste Grüße", "LG", "Danke und Gruß", "Schöne Grüße aus {L}"),
    "wrote": ("Am {DATE} um {TIME} schrieb {PF2} <{EMAIL2}>:", "{PF2} schrieb:", "Von: {PF2}\nGesendet: {DATE}"),
    "subject": ("Betreff: AW: Bestellung {ORDER}", "Betreff: Ihre Anfrage {TICKET}", "Betreff: WG: {NOUN}"),
    "team": ("Ihr {DEPT}-Team", "{BRAND} Kundenservice", "Ihr {SAAS} Support"),
    "ticket_head": ("Ticket {TICKET} | Priorität: hoch", "[{TICKET}] Status: offen", "Vorgang {TICKET} – {NOUN}"),
    "reporter": ("Gemeldet von: {PF1}", "Anfragende Person: {PF1} <{EMAIL1}>", "Kunde: {P1}", "Bearbeiter: {F1}"),
    "meeting_head": ("Protokoll – {DATE}", "Besprechung am {DAY}, {DATE}", "Jour fixe {DATE}"),
    "attendees": ("Teilnehmende", "Anwesend", "Teilnehmer"),
    "apologies": ("Entschuldigt", "Abwesend"),
    "actions": ("Aufgaben", "Nächste Schritte", "Beschlüsse"),
    "cv_heads": ("Berufserfahrung", "Ausbildung", "Sprachen", "Referenzen", "Persönliche Daten"),
    "review_head": ("Bewertung: {STARS}/5", "Verifizierter Kauf", "5 Sterne"),
    "review_sign": ("– {F1} aus {L}", "{FI1}, {L}", "{PF1}", "Gepostet von {H1}", "{F1} ({L})", "– {FI1}"),
    "list_lead": lines(r"""
        Bitte {LIST} einladen.
        Kannst du {LIST} zum Call hinzufügen?
        {LIST} kommen am {DAY} dazu.
        Teilnehmende: {LIST}
        cc {LIST}
        Danke an {LIST} für die Hilfe!
        Können {LIST} das bis {DAY} prüfen?
        Sitzordnung: {LIST}
    """),
    "neg_list": ("Wir führen {LIST}.", "Angebote verglichen von {LIST}.", "Engere Wahl: {LIST}"),
    "and": ("und", "&", "und"),
    "speakers": ("Agent", "Anrufer", "Kundin", "Berater", "Sprecher 1", "Sprecher 2"),
    "uh": ("ähm", "äh", "also", "halt", "sozusagen", "hm"),
    "status": ("offen", "bezahlt", "versandt", "storniert", "in Bearbeitung"),
    "to": ("An:", "Empfänger:", "z. Hd.", "Lieferadresse:", "c/o"),
}
FORM = {
    "name": "Name", "first": "Vorname", "last": "Nachname", "street": "Straße", "zip": "PLZ", "city": "Ort",
    "country": "Land", "email": "E-Mail", "phone": "Telefon", "dob": "Geburtsdatum", "msg": "Nachricht",
    "order": "Bestellnummer", "town": "Wohnort",
}  # fmt: skip
CSV = {"first": "vorname", "last": "nachname", "name": "name", "city": "ort", "email": "email", "phone": "telefon",
       "country": "land", "id": "kundennr", "amount": "betrag", "date": "datum", "status": "status",
       "product": "produkt"}  # fmt: skip
