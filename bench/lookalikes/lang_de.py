"""German (de_DE, de_AT, de_CH; Swiss texts get "ss" for "ß"): hard-negative words, PII-free and PII templates."""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "holiday": ("Pfingsten", "Fronleichnam", "Karfreitag", "Nikolaus",
                "Allerheiligen", "Christi Himmelfahrt", "Ostermontag", "Heiligabend", "Silvester",
                "Mariä Himmelfahrt", "Pfingstmontag", "Rosenmontag", "Mariä Empfängnis", "Ostern", "Weihnachten",
                "Fasching"),
    "storm": ("Sturmtief Sabine", "Orkan Kyrill", "Sturm Friederike", "Tief Bernd", "Orkan Lothar",
              "Sturmtief Ylenia", "Sturmtief Zeynep", "Sturmtief Zoltan", "Orkantief Xaver", "Sturmtief Ignatz",
              "Sturmtief Antonia", "Orkan Niklas", "Tief Quentin"),
    "landmark": ("am Flughafen Köln/Bonn Konrad Adenauer", "am BER Willy Brandt", "am Flughafen Franz Josef Strauß",
                 "am Bahnhof Friedrichstraße", "am Stachus", "am Rosa-Luxemburg-Platz", "am Theodor-Heuss-Platz",
                 "an der Beethovenhalle", "am Mozarteum", "vor Schloss Schönbrunn", "am Goethe-Institut",
                 "am Stephansplatz", "an der Karl-Marx-Allee", "am Hauptbahnhof", "an der Elbphilharmonie",
                 "am Marienplatz", "in Zürich HB", "in Wien Mitte", "an der Kaiser-Wilhelm-Gedächtniskirche",
                 "am Konrad-Adenauer-Ufer", "am Albertinaplatz", "an der Bertha-von-Suttner-Schule"),
    "ocity": ("Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Düsseldorf", "Leipzig", "Wien",
              "Graz", "Linz", "Zürich", "Basel", "Bern", "Dresden", "Hannover", "Nürnberg", "Bremen", "Salzburg",
              "Innsbruck", "Mannheim", "Dortmund"),
    "ocity_adj": ("Berliner", "Hamburger", "Münchner", "Kölner", "Frankfurter", "Stuttgarter", "Düsseldorfer",
                  "Leipziger", "Wiener", "Grazer", "Linzer", "Zürcher", "Basler", "Berner", "Dresdner", "Nürnberger",
                  "Bremer", "Salzburger", "Innsbrucker"),
    "country": ("Frankreich", "Italien", "Spanien", "Polen", "Tschechien", "Dänemark", "Belgien", "Portugal",
                "Schweden", "Ungarn", "Slowenien", "Kroatien", "Deutschland", "Österreich", "Luxemburg"),
    "nat": ("deutschen", "österreichischen", "französischen", "niederländischen", "italienischen", "spanischen",
            "polnischen", "belgischen", "Schweizer", "tschechischen", "dänischen"),
    "langinto": ("ins Italienische", "ins Französische", "ins Englische", "ins Niederländische", "ins Spanische",
                 "ins Polnische", "ins Türkische", "ins Tschechische"),
    "langname": ("Italienisch", "Französisch", "Englisch", "Niederländisch", "Spanisch", "Polnisch", "Türkisch",
                 "Rätoromanisch"),
    "job": ("Teamleitung Einkauf", "Head of Sales DACH", "Geschäftsführung", "Vertriebsinnendienst",
            "Sachbearbeitung Buchhaltung", "Lagerleitung", "Key Account Management", "Assistenz der Geschäftsführung",
            "Projektleitung IT", "Personalreferat", "Leitung Kundenservice", "Datenschutzkoordination"),
    "dept": ("Buchhaltung", "Kundenservice", "Einkauf", "Vertrieb", "Personalabteilung", "Lager", "Rechtsabteilung",
             "Qualitätssicherung", "Haustechnik", "Controlling", "IT-Support", "Marketing"),
    "music": ("Beethovens Neunte", "das Mozart-Requiem", "Vivaldis Vier Jahreszeiten", "Bachs Weihnachtsoratorium",
              "Schuberts Forellenquintett", "die Zauberflöte"),
    "art": ("ein Druck von Vermeers Mädchen mit dem Perlenohrring", "ein Klimt-Kalender", "Dürers Feldhase als Poster",
            "ein Monet-Puzzle"),
    "numword": ("zwei", "drei", "vier", "fünf", "sechs", "acht", "zehn", "zwölf", "fünfzehn", "zwanzig", "dreißig",
                "fünfundvierzig", "hundert", "zweihundertfünfzig", "neunzehn"),
    "saytime": ("halb zehn", "um zehn", "viertel nach drei", "gegen zwei", "elf uhr dreißig", "viertel vor vier",
                "kurz nach acht"),
    "greet": ("Hallo zusammen", "Liebes Team", "Sehr geehrte Damen und Herren", "Hallo in die Runde",
              "Guten Morgen zusammen", "Liebe Kundin, lieber Kunde"),
    "signoff": ("Viele Grüße", "Mit freundlichen Grüßen", "Beste Grüße", "Schöne Grüße", "Liebe Grüße",
                "Freundliche Grüße"),
    "teamsig": ("Ihr Kundenservice-Team", "Team Buchhaltung", "Service Desk DACH", "Das Release-Team",
                "Logistik & Versand", "Ihr Eventteam"),
    "rating": ("5/5", "4 von 5 Sternen", "★★★☆☆", "Note: 2+", "3 Sterne"),
    "handle": ("@DB_Bahn", "@Lidl_DE", "@dm_Deutschland", "@ADAC", "@Porsche", "@Siemens", "@BoschGlobal",
               "@SBB_CFF_FFS", "@oebb", "@Migros", "@REWE", "@AldiSued", "@Miele"),
}  # fmt: skip

FREE: dict[str, tuple[str, ...]] = {
    "chat": (
        "weiß jemand, ob im {ocity_adj} Büro noch Ladekabel fürs {device} rumliegen? meins ist im {tool}-Call "
        "gestorben\nund {storm} soll am {weekday} kommen, ich mach dann Homeoffice",
        "kurze Frage: schiebt die {saas}-Anbindung nach dem Update auf {version} noch Tickets nach {saas2}? "
        "Team {dept} sagt, seit {time} kommt nichts mehr an",
        "Mittag beim Italiener am {ocity_adj} Platz? Die haben jetzt {food}-Tiramisu 😄 wir sind {num} Leute vom "
        "Team {dept}",
    ),
    "email": (
        "{greet},\n\nzur Erinnerung: Unser {ocity_adj} Büro bleibt an {holiday} geschlossen. Lieferungen für den "
        "Kunden {company} gehen in dieser Zeit an das Lager in {ocity}, Bestellung {order} wird am {date} "
        "verschickt.\n\nDringende Anliegen bitte als Ticket in {saas} anlegen.\n\n{signoff}\n{teamsig}",
        "Betreff: Frühjahrskollektion {fashion} - Verteilung\n\n{greet},\n\ndie Linien von {fashion} und "
        "{fashion2} kommen im {month} im Zentrallager {ocity} an. Unsere {nat} Filialen bekommen {pct} der "
        "ersten Lieferung, der Rest geht nach {country}.\n\nArtikel: {sku}, {sku2}, {sku3}\n\n{signoff}\n"
        "{teamsig}\n{dept} | {company}",
        "{greet},\n\nvielen Dank für Ihre Bestellung {order} vom {date}. Ihr {device} hat unser Lager in {ocity} "
        "verlassen, Sendungsnummer {tracking}.\n\nSie können auch {assistant} fragen: „Wo ist mein Paket?“\n\n"
        "{signoff}\nIhr {shop} Onlineshop",
    ),
    "transcript": (
        "also der {l_carmodel} ist am {l_weekday} um {saytime} zur inspektion angemeldet als ersatzwagen gibt es "
        "einen {l_carmodel2} und die rechnung wird so um die {numword} euro",
        "ja wegen {l_storm} war das lager in {l_ocity} letzte woche {numword} tage zu und die {l_shop} lieferungen "
        "sind alle auf {l_weekday} gerutscht",
        "{l_assistant} stell einen timer auf {numword} minuten und spiel danach {music} auf dem {l_device}",
    ),
    "log": (
        "{ts} INFO  bestell-service auftrag={order} artikel={sku} menge={num} lager={u_ocity} sendung={tracking}\n"
        '{ts2} WARN  bestell-service auftrag={order} adresspruefung=UEBERSPRUNGEN grund="Geschäftskunde {company}"',
        '{"zeit":"{ts}","level":"ERROR","dienst":"kasse","host":"{host}","pfad":"{path}","dauer_ms":{ms},'
        '"trace":"{traceid}","meldung":"Zahlungsanbieter {saas} antwortet nicht"}',
        "[{logtime}] {tool} job=nightly-export status=OK rows={big} ziel=s3://export-{sitecode}/{isodate}/\n"
        "[{logtime2}] {tool} job=nightly-export WARN Kodierung {langname} nicht gesetzt, Fallback UTF-8",
    ),
    "csv": (
        "Artikelnummer;Bezeichnung;Lager;Bestand\n{sku};{device};{ocity};{count}\n{sku2};{device2};{ocity2};{count2}\n"
        "{sku3};Dachbox für {carmodel};{ocity};{count3}",
        "Datum;Filiale;Ort;Umsatz;Retouren\n{isodate};{shop} Hauptbahnhof;{ocity};{amount};{num}\n{isodate2};{shop2} "
        "Innenstadt;{ocity2};{amount2};{num2}",
        "Ticket;Erstellt;Queue;Team;Betreff\n{ticket};{isodate};{dept};{dept2};SSO mit {saas} nach {version} defekt\n"
        "{ticket2};{isodate2};{dept};{dept3};Gutschrift Bestellung {order} ({shop})",
    ),
    "ticket": (
        "Ticket {ticket}: {saas}-Synchronisierung bricht ab\nPriorität: hoch | Queue: {dept}\n\nSeit {version} stoppt "
        "der {saas}-Connector nach {count} Datensätzen. Betroffen sind die Standorte {ocity} und {ocity2}. "
        "Nachgestellt auf einem {device}. Logs unter {path}.",
        "Betreff: Ersatzteil für {appliance}-Geschirrspüler\nKundennummer: {custid}\nModell {sku}, gekauft bei "
        "{shop} am {date}. Fehler E24 nach {num} Wochen. Zuständiges Servicecenter: {ocity}. Termin bitte an einem "
        "{weekday}vormittag.",
        "Fehler: Der {assistant}-Skill liest „{carmodel}“ als „{carmaker}“ vor\nSchritte: nach der nächsten "
        "{shop}-Filiale fragen, dann nach den Öffnungszeiten an {holiday}.\nErwartet: Öffnungszeiten. Tatsächlich: "
        "HTTP 500 auf {path}. Build {build}.",
    ),
    "meeting_notes": (
        "Protokoll Jour fixe, {longdate}\nTeilnehmende: {dept}, {dept2}, {dept3}\n- Vertrag {company}: Verlängerung "
        "im {month}, Rechtsabteilung prüft\n- Umzug Lager {ocity} wegen {storm} verschoben\n- {saas}-Lizenzen: "
        "{count} Plätze, Reduktion geplant\nTo-do: {dept} schickt die neue Prognose vor {holiday}.",
        "Retro Sprint {num}\nGut: {tool}-Dashboards, Upgrade von {tool2} auf {version}\nVerbessern: Übergabe der "
        "Rufbereitschaft an das Team in {ocity}; wackelige Checkout-Tests ({pct} Fehlerquote)\nMaßnahme: "
        "{job} übernimmt das Runbook",
        "Vorbereitung {fair}\n- Stand in der {venue}, Halle {num}\n- Vorführgeräte: {device}, {device2}\n- Presse aus "
        "{country} am ersten Tag\n- Budget {amount}; Treffpunkt {landmark}",
    ),
    "changelog": (
        "## {version} ({isodate})\n### Neu\n- Anbindung an {saas} und {saas2}\n- Übersetzung {langinto}\n### "
        "Behoben\n- Monatsname {month} wurde für {nat} Nutzer falsch angezeigt\n- Absturz auf dem {device} mit "
        "aktivierten {assistant}-Kurzbefehlen",
        "Versionshinweise {version}\n* Unterstützung für {device} und {device2}\n* Neue Datenregion {region}\n* "
        "Exporte enthalten jetzt die EAN (z. B. {ean})\n* Behoben: Rechnungen für {company} zeigten {amount} doppelt",
        "{version}: {tool} auf {version2} angehoben; Support für {device} entfernt; {saas}-Webhooks nach {path} "
        "verschoben; Queue {u_sitecode}-BESTELLUNGEN umbenannt",
    ),
    "news": (
        "{storm} hat am {weekday} Böen von bis zu {speed} km/h gebracht. {company} teilte mit, das Werk in {ocity} "
        "bleibe bis zum {date} geschlossen. Auch {landmark} standen Züge bis zu {num} Stunden still.",
        "Der {carmodel} läuft seit {year} in {ocity} vom Band. Ab {month} sollen dort auch Batterien für "
        "{carmaker} montiert werden; das Unternehmen spricht von {count} neuen Arbeitsplätzen.",
        "Die {fair} hat am {weekday} in der {venue} eröffnet, erwartet werden {big} Besucherinnen und Besucher. "
        "Aussteller aus {country} stellen {pct} der Fläche; {maker} und {maker2} zeigen neue Serien.",
    ),
    "review": (
        "{rating} {device} bei {shop} für {amount} gekauft. Akku hält {num} Tage, {assistant} funktioniert, aber "
        "die Übersetzung {langinto} ist holprig. Würde es wieder kaufen.",
        "Gute Auswahl an {food}-Produkten, aber die {shop}-Filiale am {ocity_adj} Hauptbahnhof hatte am {weekday} "
        "schon wieder kein {food2}. Personal freundlich. 3/5",
        "Eine Woche einen {carmodel} in {country} gemietet. Fährt sich ruhig, {pct} weniger Verbrauch als unser "
        "alter {carmodel2}. Die Abholung am Flughafen hat aber {count} Minuten gedauert. {rating}",
    ),
    "invoice": (
        "RECHNUNG {invoice}\nRechnungsdatum: {date}    Kundennummer: {custid}\nUSt-IdNr.: {vatid}\n\n{num} x "
        "{device}   {amount}\n1 x {appliance} Servicepaket   {amount2}\nVersand (Lager {ocity})   {amount3}\n\n"
        "Zahlbar innerhalb von 14 Tagen. Mandatsreferenz: {refiban}",
        "Bestellbestätigung {order}\n{fashion} Wollmantel, Gr. 38   {amount}\n{fashion2} Schal   {amount2}\n"
        "Abholung: {shop} Click & Collect, {ocity}\nVoraussichtlich {date}. Rückfragen unter Vorgangsnummer "
        "{refphone}.",
        "Gutschrift {invoice} zu Auftrag {order}: {num} x {food} Geschenkbox an das Lager {ocity} zurück, Erstattung "
        "von {amount} am {date}.",
    ),
    "calendar": (
        "{longdate}\n09:00 Onboarding {saas} (Raum {room})\n11:30 Quartalsgespräch {company}, {ocity_adj} Büro\n"
        "14:00 Flug {flight} nach {ocity2}\n{c_holiday}: Büro geschlossen",
        "Erinnerung: {fair}, {venue}, {daterange}. {train} ab {ocity} um {time}. Standaufbau durch {dept}.",
        "Abwesend {daterange} ({holiday}). Dringendes zu {saas} bitte an die Queue {dept}.",
    ),
    "social": (
        "Heute den neuen {carmodel} beim Händler abgeholt 🚗 {count} km Reichweite an einem kalten {month}morgen, "
        "nicht schlecht {handle}",
        "Schlange vor {shop} wegen der {fashion} x {fashion2} Kollektion seit {time} 🙃 nach {count} Minuten "
        "ausverkauft",
        "Unpopuläre Meinung: {assistant} stellt Timer immer noch besser als {assistant2}. {device}-Leute, wer ist "
        "bei mir?",
        "Wegen {storm} geht {landmark} wieder nichts mehr, {shop}-Lieferungen in ganz {country} verspätet. #Unwetter",
    ),
}

PII: dict[str, tuple[str, ...]] = {
    "chat": (
        "ok, hier die Karte für die {fashion}-Bestellung: {card}, gültig bis 08/27, Karteninhaber[in|] {name}",
        "{first} vom {company}-Account hat angerufen, [sie|er] steckt wegen {storm} im Stau {landmark}. Kannst du "
        "[sie|ihn] unter {phone} zurückrufen?",
        "hi, hier ist {l_first} 👋 bin letzten Monat nach {city} gezogen, neue Nummer {phone}, das alte {device} ist "
        "endgültig hin",
    ),
    "email": (
        "Hallo,\n\nich habe das Gerät ({device}) am {date} an Ihr Lager in {ocity} zurückgeschickt (Retoure "
        "{ticket}). Bitte erstatten Sie {amount} auf mein Konto:\nIBAN {iban}\nKontoinhaber[in|]: "
        "{name}\n\nDanke und viele Grüße\n{first}",
        "Sehr [geehrte Frau|geehrter Herr] {last},\n\nvielen Dank für Ihre Bestellung {order}. Wir liefern Ihr "
        "{device} an:\n\n{name}\n{address_ml}\n\nFalls die Adresse nicht stimmt, antworten Sie bitte bis zum {date}."
        "\n\nMit freundlichen Grüßen\nIhr Kundenservice\n{shop}",
        "Hallo {first},\n\nschön, dass wir uns auf der {fair} ({venue}) kennengelernt haben. Passt dir die "
        "Probefahrt mit dem {carmodel} am {weekday} noch?\n\nViele Grüße\n{name2}\n{job}, {company} {ocity}\n"
        "Mobil: {phone}\nE-Mail: {email2}",
    ),
    "transcript": (
        "ja hallo mein name ist {l_name} ich rufe wegen der bestellung {order} an das paket mit dem {l_device} ist "
        "nie angekommen "
        "ich wohne in der {l_street} in {l_city} und meine nummer ist {tphone}",
        "agent {l_shop} kundenservice was kann ich für sie tun\nanrufer ja hier {l_first} {l_last} ich bin von "
        "{l_city} nach {l_city2} umgezogen die neue adresse ist {l_street2} {l_postcode2}",
    ),
    "log": (
        '{ts} INFO  crm-sync kontakt_aktualisiert id={custid} name="{name}" email={email} telefon={phone} '
        "quelle={saas}\n{ts2} WARN  crm-sync doppelter Kontakt {email} zusammengeführt",
        '{"zeit":"{ts}","level":"WARN","dienst":"zahlungen","ereignis":"sepa_mandat_angelegt",'
        '"kontoinhaber":"{name}","iban":"{iban}","region":"{region}"}',
    ),
    "csv": (
        "Empfänger;IBAN;Betrag;Verwendungszweck\n{name};{iban};{amount};{invoice}\n{name2};{iban2};{amount2};{invoice2}",
        "Vorname;Nachname;E-Mail;Telefon;Ort\n{first};{last};{email};{phone};{city}\n{first2};{last2};{email2};"
        "{phone2};{city2}\n{first3};{last3};{email3};{phone3};{city3}",
        "Auftrag;Kunde;Straße;PLZ;Ort;Marke\n{order};{name};{street};{postcode};{city};{fashion}\n{order2};{name2};"
        "{street2};{postcode2};{city2};{fashion2}",
    ),
    "ticket": (
        "Ticket {ticket}\nGemeldet von: {name} <{email}>\nDie {appliance}-Waschmaschine (Modell {sku}), geliefert an "
        "{address}, verliert Wasser. Kund[in|e] ist {weekday}vormittags erreichbar unter {phone}.",
        "Erstattung {ticket}: {name} hat die {fashion}-Jacke in der Filiale {ocity} zurückgegeben. Die Gutschrift "
        "auf die Karte {card} ist fehlgeschlagen, [sie|er] bittet um Überweisung auf {iban}.",
    ),
    "meeting_notes": (
        "1:1 {first} / {first2} - {date}\n- {first} ist nach {holiday} zurück und arbeitet bis {month} aus {city}\n"
        "- Pitch {company}: {first2} übernimmt, Folien in {saas}\n- {first} unterwegs erreichbar unter {phone}",
    ),
    "changelog": (
        "## {version}\n- Behoben: Import aus {saas} verlor Umlaute in Namen (gemeldet von {name}, {email})\n"
        "- Behoben: Checkout-Layout auf dem {device}\n- Danke an {name2} für die Übersetzung {langinto}",
    ),
    "news": (
        "{name} aus {city} hat auf der {fair} den Designpreis von {carmaker} gewonnen; als Preis gibt es ein Jahr "
        "lang einen {carmodel}.",
        "Als {storm} [ihre|seine] Straße in {city} überflutete, zog {name} mit der Bäckerei in den leeren "
        "{shop}-Laden nebenan. „Wir haben {count} Brote und einen {appliance}-Ofen verloren“, sagt [sie|er].",
    ),
    "review": (
        "{device} bei {shop} bestellt, nach zwei Tagen in die {street} geliefert. Der Fahrer, {first2}, hat das Paket "
        "sogar in den dritten Stock getragen. 5/5 - {short}, {city}",
    ),
    "invoice": (
        "RECHNUNG {invoice}\nRechnungsempfänger: {name}\n{address_ml}\nUSt-IdNr.: {vatid}\n\n4 x {tyre} Winterreifen "
        "für {carmodel}   {amount}\nMontage   {amount2}\n\nBezahlt mit Karte {card} am {date}.",
        "Bestellung {order} für {name}, {email}\nLieferadresse: {address}\n{num} x {food} Präsentkorb   {amount}\n"
        "Grußkarte: „Frohe Ostern!“",
    ),
    "calendar": (
        "{longdate}\n10:00 Telefonat mit {name} ({company}), Tel. {phone}\n13:00 Mittagessen am {ocity_adj} "
        "Hauptbahnhof\n16:00 Wohnungsbesichtigung {street}, {postcode}",
        "Zahnarzt für {first} um {time}, {street}, {city}. Danach, falls {storm} es zulässt, {first2} "
        "{landmark} abholen.",
    ),
    "social": (
        "Herzlichen Glückwunsch an {name} aus unserem {ocity_adj} Team zu 10 Jahren bei {company}! 🎉 {first}, der "
        "{carmodel}-Parkplatz gehört dir",
        "Verloren: schwarzes {fashion}-Portemonnaie irgendwo {landmark}, am {weekday}. Finder bitte unter "
        "{phone} melden. - {first}, {city}",
    ),
}
