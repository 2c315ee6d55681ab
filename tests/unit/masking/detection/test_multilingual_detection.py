"""Detection in six languages: names of any culture, European addresses, national phone formats, and the
patterns the rules before the learned detector missed.

Every row is written here (no evaluation set, training template or public corpus was copied): the text, then
each substring that the standard mode must cover completely. The names in the second part are of cultures the
old rules missed most (Turkish, Vietnamese, Somali, Ghanaian, Greek). The negatives are look-alikes that must
stay untouched: among them the false alarms rules raised (countries and nationalities, years after
prepositions, brands and storms named like people, SaaS products, ordinary noun phrases).
"""

from __future__ import annotations

import pytest

from streamguard.masking.detection.presidio_scanner import PresidioScanner

FOUND = [
    # Names: titles, cues, end of sentence, particles, hyphens, apostrophes, non-European names, lower case.
    ("The refund was requested by Shari Mills.", ["Shari Mills"]),
    ("Sehr geehrte Frau Kühn, Ihre Bestellung ist unterwegs.", ["Kühn"]),
    ("Bitte Herrn Dr. Okonkwo zurückrufen.", ["Okonkwo"]),
    ("Viele Grüße\nJürgen Weiß", ["Jürgen Weiß"]),
    ("Merci de rappeler Mme Lefèvre avant midi.", ["Lefèvre"]),
    ("Cordialement,\nJean-Baptiste Moreau", ["Jean-Baptiste Moreau"]),
    ("La señora Pallarès Mesa llamó ayer.", ["Pallarès Mesa"]),
    ("Saludos, Guadalupe Ferrándiz", ["Guadalupe Ferrándiz"]),
    ("Ha chiamato la signora D'Uva per il rimborso.", ["D'Uva"]),
    ("Grazie, Giuseppe Esposito", ["Giuseppe Esposito"]),
    ("Contactpersoon: mevrouw de Vries, graag terugbellen.", ["Vries"]),
    ("Met vriendelijke groet,\nPieter van den Broek", ["Pieter van den Broek"]),
    ("Escalated by Siobhán O'Brien this morning.", ["O'Brien"]),
    ("cc Priya Raghunathan and Kwame Mensah", ["Priya Raghunathan", "Kwame Mensah"]),
    ("spoke with anna schmidt about the invoice", ["anna schmidt"]),
    # Street addresses of DE, AT, CH, FR, BE, ES, IT, NL, GB, IE, US, CA.
    ("Lieferung an Karl-Heinz-Weg 12, 10115 Berlin", ["Karl-Heinz-Weg 12", "10115 Berlin"]),
    ("Neue Adresse: Hauptstr. 5a, A-1010 Wien", ["Hauptstr. 5a", "A-1010 Wien"]),
    ("Paket bitte an Bahnhofstrasse 21, 8001 Zürich", ["Bahnhofstrasse 21", "8001 Zürich"]),
    ("Livraison au 30, rue de Leduc, 69002 Lyon", ["30, rue de Leduc", "69002 Lyon"]),
    ("Adresse: Avenue Louise 54, 1050 Ixelles", ["Avenue Louise 54", "1050 Ixelles"]),
    ("Enviar a Calle Mayor, 14, 28013 Madrid", ["Calle Mayor, 14", "28013 Madrid"]),
    ("Spedire a Via Roma 3, 00184 Roma", ["Via Roma 3", "00184 Roma"]),
    ("Bezorgen op Pijnsweg 106, 1012 AB Amsterdam", ["Pijnsweg 106", "1012 AB Amsterdam"]),
    ("Ship to 221B Baker Street, London NW1 6XE", ["221B Baker Street", "London NW1 6XE"]),
    ("Deliver to 14 Grafton Street, Dublin D02 VF65", ["14 Grafton Street", "Dublin D02 VF65"]),
    ("Flat 2, Kings Court\nWest Didsbury\nM20 2RN", ["Flat 2, Kings Court", "West Didsbury\nM20 2RN"]),
    ("She lives in Springfield, IL 62704 now.", ["Springfield, IL 62704"]),
    ("Send it to 1600 Amphitheatre Pkwy, Mountain View, CA 94043", ["1600 Amphitheatre Pkwy, Mountain View, CA 94043"]),
    ("New address: 350 Bloor St W, Toronto, ON M5S 1W8", ["350 Bloor St W", "Toronto, ON M5S 1W8"]),
    # Phones: national formats, no separators, dots, trunk prefix, international.
    ("Rückruf bitte unter 030 12345678.", ["030 12345678"]),
    ("Tel.: 0172/5551234", ["0172/5551234"]),
    ("Mon portable : 06.12.34.56.78", ["06.12.34.56.78"]),
    ("Llamar al 612 345 678, por favor.", ["612 345 678"]),
    ("Richiamatemi al 347 1234567.", ["347 1234567"]),
    ("Bel me op 06-12345678.", ["06-12345678"]),
    ("Call +44 (0)20 7946 0958 or 0044 20 7946 0958", ["+44 (0)20 7946 0958", "0044 20 7946 0958"]),
]

# A first name alone in an ordinary sentence: no title, no greeting before it.
BARE_FIRST_NAMES = [
    ("Yesterday Oksana forwarded the broken charger to the warehouse.", ["Oksana"]),
    ("Gestern hat Mehmet die falsche Rechnung zurückgeschickt.", ["Mehmet"]),
    ("Hier soir, Thi Lan a renvoyé le formulaire signé.", ["Thi Lan"]),
    ("Al final Abdirahman pagó la diferencia en efectivo.", ["Abdirahman"]),
    ("Stamattina Efua ha riportato il pacco in negozio.", ["Efua"]),
    ("Vanochtend heeft Dimitris de sleutels afgegeven.", ["Dimitris"]),
]

# Names in comma-separated lists, and speaker names in a dialogue.
LISTS_AND_DIALOGUE = [
    ("Attendees: Selin Aydın, Nguyen Van Minh, Kofi Boateng", ["Selin Aydın", "Nguyen Van Minh", "Kofi Boateng"]),
    ("Teilnehmer: Hodan Warsame, Yannis Georgiou und Ama Owusu", ["Hodan Warsame", "Yannis Georgiou", "Ama Owusu"]),
    ("Invités : Tran Thi Mai, Burak Demir, Akosua Asante", ["Tran Thi Mai", "Burak Demir", "Akosua Asante"]),
    ("Hodan: has the parcel arrived?\nAgent: not yet, sorry.\nHodan: ok thanks", ["Hodan"]),
    ("Kwabena: ¿me podéis devolver el dinero?\nSoporte: sí, mañana.", ["Kwabena"]),
    ("Eleni: il pacco è arrivato rotto.\nOperatore: mi dispiace.", ["Eleni"]),
]

# The name line on top of a signature or an address block, and a town after a street, around its postcode.
BLOCKS_AND_ADDRESSES = [
    ("Met vriendelijke groet,\n\nEmre Kaya\nKlantenservice", ["Emre Kaya"]),
    ("Kostas Papadopoulos\nKerkstraat 14\n1017 GC Amsterdam", ["Kostas Papadopoulos", "Kerkstraat 14", "Amsterdam"]),
    ("Envío a Calle Sierpes 12, Sevilla 41004.", ["Calle Sierpes 12", "Sevilla"]),
    ("Consegna in Via Garibaldi 8, 10122 Torino", ["Via Garibaldi 8", "Torino"]),
    ("Adreça: Carrer de Balmes 88, 08008 Barcelona", ["Carrer de Balmes 88", "Barcelona"]),
    ("Enderezo: Rúa do Franco 15, 15705 Santiago de Compostela", ["Rúa do Franco 15", "Santiago de Compostela"]),
]

# Values in CSV rows and key=value log lines, a Spanish number grouped with dots, a lower-case IBAN.
STRUCTURED_AND_SPOKEN = [
    ("name,city,plan\nAyşe Yıldız,Bursa,pro\n", ["Ayşe Yıldız", "Bursa"]),
    ("level=info event=signup user_name=hodan.warsame city=Utrecht", ["hodan.warsame", "Utrecht"]),
    ("Puede llamarme al 612.345.678 por la tarde.", ["612.345.678"]),
    ("mi iban es es91 2100 0418 4502 0005 1332 gracias", ["es91 2100 0418 4502 0005 1332"]),
]

# Chat in lower case with no cue (the learned model reads it; the English pipelines' prefilter skipped it), a
# title and a surname of another culture, an account holder's name at a sentence's end.
UNCUED = [
    ("handover: dilnoza karimova still waiting for the courier, ring her after lunch", ["dilnoza karimova"]),
    ("zeg maar tegen kwame mensah dat het pakket er is", ["kwame mensah"]),
    ("Buenas tardes, le atiende la señora Okonkwo.", ["Okonkwo"]),
    ("Il signor Abernethy ha richiamato per la fattura.", ["Abernethy"]),
    ("Das Konto läuft auf Thanh Huong Pham.", ["Thanh Huong Pham"]),
]

FOUND += BARE_FIRST_NAMES + LISTS_AND_DIALOGUE + BLOCKS_AND_ADDRESSES + STRUCTURED_AND_SPOKEN + UNCUED

PII_FREE = [
    "The Turkish supplier shipped the order from Türkiye on time.",
    "Seit 2021 nutzen wir das neue Lager, davor ab 2019 das alte.",
    "Storm Ciarán closed the depot for two days.",
    "Our Ferrari and Porsche dealers reordered brake pads.",
    "Le ticket a été synchronisé de Zendesk vers Jira.",
    "Die Kundenzufriedenheit im Quartal lag bei 87 Prozent.",
    "Los clientes alemanes y franceses pidieron la versión 4.2.",
    "Unser Berliner Büro braucht 12 weitere Lizenzen.",
    "Our Paris office moves to the new building in March.",
    "Le bureau de Lyon est fermé le 14 juillet.",
    "La oficina de Madrid abre a las 9:00.",
    "L'ufficio di Milano ha ordinato 40 pezzi.",
    "Ons kantoor in Utrecht test versie 2.14.3.",
    "Please upgrade DataVault to v4.2.1 before Friday.",
    "Order ORD-48213377 shipped on 2024-03-05, invoice INV-2024-00731.",
    "Commit 9f3a2c1 fixes the colour #ff8800 in the dashboard.",
    "Wir haben am Montag 12 Stück bestellt und 10 erhalten.",
    "Nous avons reçu 52 unités au lieu de 154.",
    # A town in a text that names no one places no one.
    "Shipping to Berlin took 11 days, the website promised 3-5 business days.",
    "La livraison vers Bordeaux a pris une semaine de plus que prévu.",
    "Het congres vindt dit jaar plaats in Maastricht, net als in 2019.",
    # A given name with a product noun after it, or "Team" before it, names a product or a team.
    "Wochenrunde: Team Zeeland übernimmt die Migration, Team Kraken die Abrechnung.",
    "Il contratto scade a marzo; Luna Notes resta a 235 licenze e Victoria Hub a 40.",
    # Everyday words, countries and peoples, storms, landmarks and order numbers.
    "Das Release-Team hat die Version am Montag freigegeben.",
    "Die Kunden aus Österreich und der Schweiz bestellen mehr als die deutschen.",
    "Il ciclone Poppea ha bloccato le consegne per due giorni.",
    "The shuttle leaves from John Lennon Airport at nine.",
    "Credit note 2025-755030 for order 6695541365 was issued on Monday.",
    "Please cancel at the end of the billing period (Jul 19, 2025).",
    # Column names, regions, institutions named after towns, companies as senders, periods of years.
    "Datum,Artikel,Marke,Menge\n03.05.2024,Wintermantel,Hugo Boss,12\n04.05.2024,Staubsauger,Miele,7",
    "region,manager_role,headcount\nBenelux,Country Lead,14\nDACH,Sales Director,22",
    "Sender: Acme Logistics\nRef: PO-2024-118\nContents: spare parts",
    "Education: Universidad Complutense de Madrid, 2019-2023.",
    # Everyday words before a name are no part of it: "Contrato" and the brand after it.
    "Contrato Junghans firmado ayer, entrega en mayo.",
    # One word that is no given name, and venues whose last word is a surname too.
    "Die neuen Uhren kommen diese Woche von Junghans, der Rest folgt im Mai.",
    "Le salon se tient à Flanders Expo, puis au Palais des Congrès.",
    # Shops, assistants, cars and fashion named like people: the learned model reads them as things.
    "Wir haben bei Aldi und Lidl nachgefragt, beide hatten keine Ersatzteile mehr.",
    "Ask Alexa to reorder the coffee pods when the box runs out.",
    "Los zapatos de Zara llegaron con la talla equivocada.",
    "De Mercedes Sprinter staat weer bij de garage voor onderhoud.",
    "Die Jacke von Tommy Hilfiger ist leider nur noch in Größe M da.",
    # Releases written like hosts.
    "After upgrading to 15.7.10.11, sync takes 45 minutes instead of 5.",
    "Our Madrid office cannot reach the API since the 14.6.6.1 rollout.",
    # A cue before a team's or a shop's name lifts it, but it is still weighed as a thing or an office.
    "Is my parcel on its way?\n\nKind regards,\nCustomer Care\nBoxtel Online",
    "Met vriendelijke groet,\nKlantenservice\nVerdiepost Webwinkel",
    # A day and a month after a town's name, a version after a street type, a year after a month: no address.
    "Beurs in de RAI Amsterdam, 12-14 november; onze stand is 4B.",
    "Messe: Ahoy Rotterdam, 3. bis 5. Juni, Halle 2.",
    "Migration : montée de Grafana en 10.4.1 prévue jeudi.",
    "Data: 4 giugno 2025    Cod. fornitore: F-2201",
    # The digits of a mistyped IBAN, and digits inside a trace id, are no phone and no card.
    "Mandaatreferentie: NL12 ABNA 0417 1643 00",
    "Mandat: AT62 1904 3002 3457 3201, bitte prüfen.",
    '{"trace":"7f3ac4539578901234564b8e9f0a1c2d","msg":"timeout"}',
]

# A town places someone when the text names them, or when living or moving or a town field comes before it.
PLACED_TOWNS = [
    ("Sinds maart woon ik in Zwolle, het pakket kwam nooit aan.", ["Zwolle"]),
    ("Depuis l'été j'habite à Annecy et la facture arrive toujours à l'ancienne adresse.", ["Annecy"]),
    ("event=address_change customer_id=88123 city=Trondheim", ["Trondheim"]),
    ("Shipping to Berlin took 11 days, Marta Kowalczyk says.", ["Berlin", "Marta Kowalczyk"]),
    # A common given name alone, where the model read it as a place or not at all.
    ("The courier, Ruth, even carried it upstairs.", ["Ruth"]),
    ("Offerta per Tesla: la segue Francesca, slide su SharePoint.", ["Francesca"]),
    # The column says what a value is, however rare the surname.
    ("nome;cognome;città\nNicola;Cattaneo;Padova\nSinéad;Doyle;Parma", ["Cattaneo", "Doyle", "Padova", "Parma"]),
    # Spoken, in lower case: the street, the town.
    (
        "sì buongiorno mi chiamo marta morales abito in via della posta 115 a bellinzona "
        "e il mio numero è 021 659 16 14",
        ["marta morales", "via della posta 115", "bellinzona", "021 659 16 14"],
    ),
    (
        "ja hier evi de vries ich bin von zürich nach chur umgezogen die neue adresse ist langstrasse 38",
        ["zürich", "chur", "langstrasse 38"],
    ),
    # "pour" ends in "our" but is no workplace word: the person after it stays a person.
    ("Avis de passage : colis pour Chantal Dubois, Boulevard Margot Teixeira 74, 3024 Huizingen.", ["Chantal Dubois"]),
]


def _covered(text: str, spans: tuple, expected: str) -> bool:
    start = text.index(expected)
    covered = {i for s in spans for i in range(s.start, s.end)}
    return all(i in covered for i in range(start, start + len(expected)))


@pytest.mark.parametrize(("text", "expected"), FOUND + PLACED_TOWNS)
def test_personal_data_is_found_in_every_language(scanner: PresidioScanner, text: str, expected: list[str]) -> None:
    [scan] = scanner.scan_batch([text])
    missing = [value for value in expected if not _covered(text, scan.spans, value)]
    assert not missing, [(text[s.start : s.end], s.entity_type) for s in scan.spans]


@pytest.mark.parametrize("text", PII_FREE)
def test_look_alikes_are_not_flagged(scanner: PresidioScanner, text: str) -> None:
    [scan] = scanner.scan_batch([text])
    assert scan.spans == (), [(text[s.start : s.end], s.entity_type) for s in scan.spans]


def test_strict_mode_adds_places_and_weak_names_to_the_standard_spans(scanner: PresidioScanner) -> None:
    text = "Met up with Jana in Utrecht."
    [scan] = scanner.scan_batch([text])
    strict = {text[s.start : s.end] for s in scan.spans_for(strict=True)}
    assert {"Jana", "Utrecht"} <= strict
    standard = {(s.start, s.end) for s in scan.spans}
    assert all(any(a <= s and e <= b for a, b in ((x.start, x.end) for x in scan.spans_for(True))) for s, e in standard)


def test_a_house_number_and_a_street_type_are_a_street_not_a_postcode_and_a_town(scanner: PresidioScanner) -> None:
    text = "Confirmed delivery to 8657 Ward Gateway. Parcel for 10115 Berlin."
    [scan] = scanner.scan_batch([text])
    found = [
        (text[s.start : s.end].rstrip("."), s.entity_type) for s in scan.spans
    ]  # "Gateway." may be an abbreviation
    assert found == [("8657 Ward Gateway", "STREET_ADDRESS"), ("10115 Berlin", "POSTAL_CODE")]
