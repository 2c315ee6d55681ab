"""Dutch (nl_NL, nl_BE): hard-negative words, PII-free and PII templates by style."""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "holiday": ("Koningsdag", "Sinterklaas", "Pinksteren", "Hemelvaartsdag", "Tweede Paasdag", "Bevrijdingsdag",
                "Kerstmis", "Oudejaarsavond", "Sint-Maarten", "Allerheiligen", "de Vlaamse feestdag",
                "Tweede Pinksterdag", "carnaval"),
    "storm": ("storm Ciarán", "storm Eunice", "storm Corrie", "storm Dudley", "storm Henk", "storm Pia",
              "storm Poly", "storm Isha", "storm Jocelyn", "storm Conall", "storm Darragh", "storm Bert",
              "storm Éowyn", "storm Herminia"),
    "landmark": ("de tramhalte Rembrandtplein", "het Van Gogh Museum", "het Rijksmuseum", "de Johan Cruijff ArenA",
                 "de Erasmusbrug", "Museum Boijmans Van Beuningen", "station Sloterdijk", "het Frans Hals Museum",
                 "Amsterdam Centraal", "het Willemsplein", "het Koningin Julianaplein", "Rotterdam The Hague Airport",
                 "het Vrijthof", "Antwerpen-Centraal", "het Rubenshuis", "Gent-Sint-Pieters",
                 "het Koning Boudewijnstadion", "de Leopoldplaats", "het Mauritshuis", "metrostation Sint-Katelijne",
                 "het Anne Frank Huis", "de Keizer Karelpoort"),
    "ocity": ("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag", "Groningen", "Antwerpen", "Gent",
              "Brussel", "Leuven", "Tilburg", "Breda", "Arnhem", "Mechelen", "Hasselt", "Zwolle", "Frankfurt",
              "Düsseldorf", "Keulen", "Parijs", "Milaan"),
    "country": ("Duitsland", "Frankrijk", "België", "Nederland", "Spanje", "Italië", "Polen", "Oostenrijk",
                "Zwitserland", "Luxemburg", "Portugal", "Denemarken"),
    "nat": ("Duitse", "Franse", "Belgische", "Nederlandse", "Spaanse", "Italiaanse", "Poolse", "Vlaamse", "Waalse",
            "Zwitserse"),
    "langinto": ("naar het Duits", "naar het Frans", "naar het Engels", "naar het Spaans", "naar het Italiaans",
                 "naar het Pools", "naar het Fries", "naar het Turks"),
    "job": ("Hoofd inkoop", "Accountmanager", "Financieel directeur", "Supportmedewerker",
            "Functionaris gegevensbescherming", "Magazijnchef", "Operationeel directeur", "Office manager",
            "Projectleider IT", "HR-adviseur", "Teamleider klantenservice", "Controller"),
    "dept": ("Boekhouding", "Klantenservice", "Inkoop", "HR", "Logistiek", "Juridische zaken", "Kwaliteitscontrole",
             "Facilitaire dienst", "IT-support", "Marketing", "Salarisadministratie", "Verkoop"),
    "music": ("de Negende van Beethoven", "het Requiem van Mozart", "De vier jaargetijden van Vivaldi",
              "de Matthäus-Passion", "wat nocturnes van Chopin", "de Bolero van Ravel"),
    "numword": ("twee", "drie", "vier", "vijf", "zes", "acht", "tien", "twaalf", "vijftien", "twintig", "dertig",
                "vijfenveertig", "honderd", "tweehonderdvijftig", "negentien"),
    "saytime": ("half tien", "tien uur", "kwart voor drie", "een uur of twee", "elf uur dertig", "vier uur 's middags",
                "kwart over acht"),
    "greet": ("Hoi allemaal", "Beste collega's", "Geachte heer/mevrouw", "Goedemorgen", "Beste klant", "Hallo team"),
    "signoff": ("Met vriendelijke groet", "Groeten", "Hartelijke groet", "Alvast bedankt", "Fijne dag", "Mvg"),
    "teamsig": ("Team Klantenservice", "Afdeling Boekhouding", "Servicedesk Benelux", "Het releaseteam",
                "Logistiek & Verzending", "Het eventteam"),
    "rating": ("5/5", "4 van de 5 sterren", "★★★★☆", "Cijfer: 7,5", "2 sterren"),
    "handle": ("@NS_online", "@AlbertHeijn", "@JumboSupermarkt", "@bol_com", "@Coolblue", "@HEMA", "@Philips",
               "@Heineken", "@NMBS", "@delijn", "@Colruyt", "@KLM", "@PostNL"),
}  # fmt: skip

FREE: dict[str, tuple[str, ...]] = {
    "chat": (
        "weet iemand of er op kantoor in {ocity} nog {device}-opladers liggen? de mijne gaf de geest tijdens de "
        "{tool}-standup\nen {storm} komt {weekday}, ik werk dan thuis",
        "korte vraag: stuurt de {saas}-koppeling na {version} nog tickets door naar {saas2}? {dept} zegt dat er "
        "sinds {time} niks meer binnenkomt",
        "lunchen bij {landmark}? ze hebben nu tiramisu van {food} 😄 we zijn met {num} man van {dept}",
    ),
    "email": (
        "{greet},\n\nTer herinnering: ons kantoor in {ocity} is met {holiday} gesloten. Leveringen voor klant "
        "{company} gaan dan naar ons magazijn in {ocity2}; bestelling {order} wordt op {date} verzonden.\n\nIets "
        "dringends? Maak een ticket aan in {saas}.\n\n{signoff},\n{teamsig}",
        "Onderwerp: voorjaarscollectie {fashion} - verdeling\n\n{greet},\n\nDe lijnen van {fashion} en {fashion2} "
        "komen in {month} aan in het distributiecentrum in {ocity}. Onze {nat} winkels krijgen {pct} van de eerste "
        "levering, de rest gaat naar {country}.\n\nArtikelen: {sku}, {sku2}, {sku3}\n\n{signoff},\n{teamsig}\n"
        "{dept} | {company}",
        "{greet},\n\nBedankt voor je bestelling {order} van {date}. Je {device} heeft ons magazijn in {ocity} "
        "verlaten, track-and-trace {tracking}.\n\nJe kunt het ook aan {assistant} vragen: 'Waar is mijn pakket?'\n\n"
        "{signoff},\nKlantenservice {shop}",
    ),
    "transcript": (
        "oké dus de {l_carmodel} staat {l_weekday} om {saytime} ingepland voor een beurt je krijgt een "
        "{l_carmodel2} als leenauto en de rekening wordt ongeveer {numword} euro",
        "ja door {l_storm} was het magazijn in {l_ocity} vorige week {numword} dagen dicht en alle leveringen van "
        "{l_shop} zijn naar {l_weekday} geschoven",
        "{l_assistant} zet een timer van {numword} minuten en speel daarna {music} af op de {l_device}",
    ),
    "log": (
        "{ts} INFO  bestel-service bestelling={order} artikel={sku} aantal={num} magazijn={u_ocity} zending="
        '{tracking}\n{ts2} WARN  bestel-service bestelling={order} adrescontrole=OVERGESLAGEN reden="zakelijke klant '
        '{company}"',
        '{"tijd":"{ts}","niveau":"ERROR","dienst":"betalingen","host":"{host}","pad":"{path}","duur_ms":{ms},'
        '"trace":"{traceid}","bericht":"betaalprovider {saas} reageert niet"}',
        "[{logtime}] {tool} job=nachtelijke-export status=OK rijen={big} doel=s3://export-{sitecode}/{isodate}/\n"
        "[{logtime2}] {tool} job=nachtelijke-export WARN codering niet ingesteld, terugval op UTF-8",
    ),
    "csv": (
        "artikelnummer;omschrijving;magazijn;voorraad\n{sku};{device};{ocity};{count}\n{sku2};{device2};{ocity2};"
        "{count2}\n{sku3};dakkoffer {carmodel};{ocity};{count3}",
        "datum;winkel;plaats;omzet;retouren\n{isodate};{shop} Centrum;{ocity};{amount};{num}\n{isodate2};{shop2} "
        "Station;{ocity2};{amount2};{num2}",
        "ticket;aangemaakt;wachtrij;team;onderwerp\n{ticket};{isodate};{dept};{dept2};SSO met {saas} stuk sinds "
        "{version}\n{ticket2};{isodate2};{dept};{dept3};Creditnota bestelling {order} ({shop})",
    ),
    "ticket": (
        "Ticket {ticket}: synchronisatie met {saas} loopt vast\nPrioriteit: hoog | Wachtrij: {dept}\n\nSinds {version} "
        "stopt de {saas}-connector na {count} records. Getroffen: de vestigingen {ocity} en {ocity2}. Nagebootst "
        "op een {device}. Logs onder {path}.",
        "Onderwerp: onderdeel voor vaatwasser van {appliance}\nKlantnummer: {custid}\nModel {sku}, gekocht bij "
        "{shop} op {date}. Foutcode E24 na {num} weken. Servicecentrum {ocity}. Bezoek liefst op een "
        "{weekday}ochtend.",
        "Bug: de {assistant}-skill spreekt '{carmodel}' uit als '{carmaker}'\nStappen: vraag naar de dichtstbijzijnde "
        "{shop} en dan naar de openingstijden met {holiday}.\nVerwacht: openingstijden. Resultaat: HTTP 500 op "
        "{path}. Build {build}.",
    ),
    "meeting_notes": (
        "Notulen weekoverleg, {longdate}\nAanwezig: {dept}, {dept2}, {dept3}\n- Contract {company}: verlenging in "
        "{month}, Juridische zaken kijkt mee\n- Verhuizing magazijn {ocity} uitgesteld door {storm}\n- "
        "{saas}-licenties: {count} plekken, wordt afgebouwd\nActie: {dept} stuurt de prognose voor {holiday}.",
        "Retro sprint {num}\nGoed: {tool}-dashboards, {tool2} geüpgraded naar {version}\nBeter: overdracht van de "
        "piketdienst aan het team in {ocity}; wankele checkout-tests ({pct} faalt)\nActie: de {job} pakt het "
        "runbook op",
        "Voorbereiding {fair}\n- Stand in {venue}, hal {num}\n- Demo's: {device}, {device2}\n- Pers uit {country} op "
        "dag 1\n- Budget {amount}; verzamelen bij {landmark}",
    ),
    "changelog": (
        "## {version} ({isodate})\n### Nieuw\n- Koppelingen met {saas} en {saas2}\n- Interface vertaald {langinto}\n"
        "### Opgelost\n- {c_month} werd getoond in plaats van de gekozen maand voor {nat} gebruikers\n- Crash op de "
        "{device} met {assistant}-snelkoppelingen",
        "Release notes {version}\n* Ondersteuning voor {device} en {device2}\n* Nieuwe dataregio {region}\n* Exports "
        "bevatten nu de EAN (bijv. {ean})\n* Opgelost: facturen voor {company} toonden {amount} dubbel",
        "{version}: {tool} naar {version2}; ondersteuning voor {device} vervalt; {saas}-webhooks verhuisd naar "
        "{path}; wachtrij {u_sitecode}-BESTELLINGEN hernoemd",
    ),
    "news": (
        "{c_storm} zorgde {weekday} voor windstoten tot {speed} km/u. {company} meldt dat de fabriek in {ocity} tot "
        "{date} dicht blijft. Treinen vanaf {landmark} hadden tot {num} uur vertraging.",
        "De {carmodel} wordt sinds {year} in {ocity} gebouwd. Vanaf {month} worden er ook batterijen voor "
        "{carmaker} geassembleerd, goed voor {count} nieuwe banen, aldus het bedrijf.",
        "{fair} opende {weekday} in {venue}; er worden {big} bezoekers verwacht. {nat} exposanten nemen {pct} van "
        "de vloer in, {maker} en {maker2} tonen nieuwe series.",
    ),
    "review": (
        "{rating} De {device} bij {shop} gekocht voor {amount}. Accu gaat {num} dagen mee en {assistant} werkt "
        "prima, maar het menu is slordig vertaald {langinto}. Zou hem weer kopen.",
        "Mooi assortiment van {food}, maar de {shop} bij {landmark} had {weekday} alweer geen {food2}. Vriendelijk "
        "personeel. 3/5",
        "Een week een {carmodel} gehuurd in {country}. Rijdt rustig, {pct} zuiniger dan onze oude {carmodel2}. Het "
        "ophalen bij {landmark} duurde wel {count} minuten. {rating}",
    ),
    "invoice": (
        "FACTUUR {invoice}\nFactuurdatum: {date}    Klantnummer: {custid}\nBtw-nummer: {vatid}\n\n{num} x {device}"
        "   {amount}\n1 x {appliance} servicepakket   {amount2}\nVerzending (hub {ocity})   {amount3}\n\n"
        "Betaling binnen 14 dagen. Machtigingskenmerk: {refiban}",
        "Orderbevestiging {order}\nWollen jas {fashion}, maat 38   {amount}\nSjaal {fashion2}   {amount2}\nAfhalen: "
        "{shop} afhaalpunt, {landmark}\nVerwacht op {date}. Vragen? Vermeld dossiernummer {refphone}.",
        "Creditnota {invoice} bij bestelling {order}: {num} x {food} cadeaubox retour naar het magazijn in {ocity}, "
        "terugbetaling van {amount} op {date}.",
    ),
    "calendar": (
        "{longdate}\n09:00 Onboarding {saas} (zaal {room})\n11:30 Kwartaaloverleg {company}, kantoor {ocity}\n"
        "14:00 Vlucht {flight} naar {ocity2}\n{c_holiday}: kantoor gesloten",
        "Herinnering: {fair}, {venue}, {daterange}. {train} vanaf {landmark} om {time}. Standbouw door {dept}.",
        "Afwezig {daterange} ({holiday}). Dringende {saas}-vragen naar de wachtrij van {dept}.",
    ),
    "social": (
        "Vandaag de nieuwe {carmodel} opgehaald bij de dealer 🚗 {count} km bereik op een koude {month}ochtend, "
        "niet slecht {handle}",
        "Rij voor de {shop} voor de {fashion} x {fashion2} collab sinds {time} 🙃 na {count} minuten uitverkocht",
        "Mening: {assistant} kan nog steeds beter timers zetten dan {assistant2}. {device}-bezitters, wie is het met "
        "me eens?",
        "{c_storm} legt het treinverkeer vanaf {landmark} weer plat, {shop}-bezorging in heel {country} vertraagd. "
        "#weer",
    ),
}

PII: dict[str, tuple[str, ...]] = {
    "chat": (
        "oké hier de kaart voor de {fashion}-bestelling: {card}, geldig tot 08/27, op naam van {name}",
        "{first} van het {company}-account belde, [ze|hij] staat vast in de file door {storm}. kun jij [haar|hem] "
        "terugbellen op {phone}? [ze|hij] woont in {city} dus het kan even duren",
        "hoi, met {l_first} 👋 vorige maand verhuisd naar {city}, nieuw nummer {phone}, de oude {device} is echt dood",
    ),
    "email": (
        "Hallo,\n\nIk heb de {device} op {date} teruggestuurd naar jullie magazijn in {ocity} (retour "
        "{ticket}). Willen jullie {amount} terugstorten op mijn rekening?\nIBAN {iban}\nTen name van: "
        "{name}\n\nBedankt,\n{first}",
        "Beste [mevrouw|meneer] {last},\n\nBedankt voor uw bestelling {order}. We bezorgen uw {device} op:\n\n{name}"
        "\n{address_ml}\n\nKlopt het adres niet? Reageer dan voor {date}.\n\nMet vriendelijke groet,\n"
        "Klantenservice {shop}",
        "Hoi {first},\n\nLeuk je op {fair} ({venue}) te hebben ontmoet. Past de proefrit met de {carmodel} op "
        "{weekday} nog?\n\nGroeten,\n{name2}\n{job}, {company} {ocity}\nMobiel: {phone}\nE-mail: {email2}",
    ),
    "transcript": (
        "ja hallo u spreekt met {l_name} ik bel over bestelling {order} de {l_device} is nooit aangekomen ik woon "
        "op de {l_street} in {l_city} en mijn nummer is {tphone}",
        "medewerker {l_shop} goedemiddag waarmee kan ik u helpen\nklant ja met {l_first} {l_last} ik ben van "
        "{l_city} naar {l_city2} verhuisd het nieuwe adres is {l_street2} {l_postcode2}",
    ),
    "log": (
        '{ts} INFO  crm-sync contact_bijgewerkt id={custid} naam="{name}" email={email} tel={phone} '
        "bron={saas}\n{ts2} WARN  crm-sync dubbel contact {email} samengevoegd",
        '{"tijd":"{ts}","niveau":"WARN","dienst":"betalingen","gebeurtenis":"sepa_machtiging_aangemaakt",'
        '"rekeninghouder":"{name}","iban":"{iban}","regio":"{region}"}',
    ),
    "csv": (
        "begunstigde;iban;bedrag;omschrijving\n{name};{iban};{amount};{invoice}\n{name2};{iban2};{amount2};{invoice2}",
        "voornaam;achternaam;email;telefoon;woonplaats\n{first};{last};{email};{phone};{city}\n{first2};{last2};"
        "{email2};{phone2};{city2}\n{first3};{last3};{email3};{phone3};{city3}",
        "bestelling;klant;straat;postcode;plaats;merk\n{order};{name};{street};{postcode};{city};{fashion}\n"
        "{order2};{name2};{street2};{postcode2};{city2};{fashion2}",
    ),
    "ticket": (
        "Ticket {ticket}\nGemeld door: {name} <{email}>\nDe wasmachine van {appliance} (model {sku}), geleverd op "
        "{address}, lekt. Klant is {weekday}ochtend thuis, tel. {phone}.",
        "Retour {ticket}: {name} heeft de jas van {fashion} teruggebracht in de winkel in {ocity}. Terugboeken naar "
        "kaart {card} mislukte, [ze|hij] vraagt een overboeking naar {iban}.",
    ),
    "meeting_notes": (
        "1-op-1 {first} / {first2} - {date}\n- {first} is terug na {holiday} en werkt tot {month} vanuit {city}\n"
        "- Pitch {company}: {first2} trekt, slides in {saas}\n- {first} onderweg bereikbaar op {phone}",
    ),
    "changelog": (
        "## {version}\n- Opgelost: import uit {saas} verloor accenten in namen (gemeld door {name}, {email})\n"
        "- Opgelost: checkout-layout op de {device}\n- Dank aan {name2} voor de vertaling {langinto}",
    ),
    "news": (
        "{name} uit {city} won op {fair} de designprijs van {carmaker}; [ze|hij] mag een jaar in een {carmodel} "
        "rijden.",
        "Toen {storm} [haar|zijn] straat in {city} blank zette, verhuisde {name} de bakkerij naar het lege "
        "{shop}-pand ernaast. 'We zijn {count} broden en een oven van {appliance} kwijt,' zegt [ze|hij].",
    ),
    "review": (
        "De {device} bij {shop} besteld, binnen twee dagen bezorgd op de {street}. De bezorger, {first2}, droeg hem "
        "zelfs naar de derde verdieping. 5/5 - {short}, {city}",
    ),
    "invoice": (
        "FACTUUR {invoice}\nFactuur aan: {name}\n{address_ml}\nBtw-nummer: {vatid}\n\n4 x {tyre} winterband voor "
        "{carmodel}   {amount}\nMontage   {amount2}\n\nBetaald met kaart {card} op {date}.",
        "Bestelling {order} voor {name}, {email}\nBezorgadres: {address}\n{num} x kerstpakket {food}   {amount}\n"
        "Kaartje: 'Fijne feestdagen!'",
    ),
    "calendar": (
        "{longdate}\n10:00 Bellen met {name} ({company}), tel. {phone}\n13:00 Lunch bij {landmark}\n16:00 "
        "Bezichtiging {street}, {postcode}",
        "Tandarts voor {first} om {time}, {street}, {city}. Daarna, als {storm} het toelaat, {first2} ophalen bij "
        "{landmark}.",
    ),
    "social": (
        "Gefeliciteerd {name} van ons team in {ocity} met 10 jaar bij {company}! 🎉 {first}, de parkeerplek van de "
        "{carmodel} is voor jou",
        "Verloren: zwarte portemonnee van {fashion} bij {landmark}, {weekday}. Gevonden? Bel {phone}. - {first}, "
        "{city}",
    ),
}
