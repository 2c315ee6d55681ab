"""Plain prose, written separately in each language (the sentences say similar things; they are not word-for-word).

Each language has PII templates (a first name alone in an ordinary sentence, a street with its town and postcode in
either order, values next to hard negatives) and PII-free templates full of hard negatives.
"""

from __future__ import annotations

PROSE_PII: dict[str, tuple[str, ...]] = {
    "en": (
        "{first} dropped the keys off at reception on Tuesday and says the {appliance} dishwasher in the flat is"
        " leaking again.",
        "The refund of {amount} for order {order} goes to {full}, IBAN {iban}, not to the account we used {year_pp}.",
        "Since the move {full} lives at {street} in {town}, {pc}; post to the old address is forwarded until {date}.",
        "We could not deliver parcel {order} because nobody was home at {addr}. {first} can be reached on {mobile}"
        " after six.",
        "Because of {storm} the engineer never made it to {town}, so {first} rebooked the visit through our {office}"
        " office.",
        "{full} ({email}) asked whether the {car} lease can be moved over to {first:1}, who has paid the instalments"
        " {year_pp}.",
        "Card {card} was charged twice, and {hon} {last} would like the second payment of {amount} reversed.",
        "{first} is in {wtown} until Friday and asked us to ring {mobile} rather than the landline.",
        "Apparently {first} and {first:1} both bought the {product} on {date}; only one of them got the {phrase}"
        " voucher.",
    ),
    "de": (
        "{first} hat gestern die Schlüssel am Empfang abgegeben und meint, die {appliance}-Spülmaschine in der"
        " Wohnung tropft schon wieder.",
        "Die Erstattung über {amount} zu Bestellung {order} geht an {full}, IBAN {iban}, nicht auf das Konto, das"
        " wir {year_pp} benutzt haben.",
        "Neue Anschrift von {full} nach dem Umzug: {street}, {pc} {town}. Post an die alte Adresse wird bis zum"
        " {date} nachgesendet.",
        "Paket {order} ließ sich nicht zustellen, unter {addr} hat niemand geöffnet. {first} ist ab 18 Uhr unter"
        " {mobile} erreichbar.",
        "Wegen {storm} kam der Techniker nicht bis {town}; {first} hat den Termin über unser Büro in {office} neu"
        " vereinbart.",
        "{full} ({email}) fragt, ob der {car}-Leasingvertrag auf {first:1} übertragen werden kann.",
        "Die Karte {card} wurde doppelt belastet, {hon} {last} bittet um Rückbuchung von {amount}.",
        "{first} ist bis Freitag in {wtown} und bittet darum, auf dem Handy ({mobile}) anzurufen statt im Büro.",
        "Offenbar haben {first} und {first:1} am {date} beide den {product} gekauft, aber nur einer bekam den"
        " Gutschein aus dem {phrase}.",
    ),
    "fr": (
        "{first} a déposé les clés à l'accueil mardi et signale que le lave-vaisselle {appliance} de l'appartement"
        " fuit encore.",
        "Le remboursement de {amount} pour la commande {order} doit être versé à {full}, IBAN {iban}, et non sur le"
        " compte utilisé {year_pp}.",
        "Depuis le déménagement, {full} habite {street}, {pc} {town} ; le courrier est réexpédié jusqu'au {date}.",
        "Le colis {order} n'a pas pu être livré, personne à l'adresse {addr}. On peut joindre {first} au {mobile}"
        " après 18 h.",
        "À cause de la {storm}, le technicien n'a pas pu aller à {town} ; {first} a reprogrammé la visite avec notre"
        " agence de {office}.",
        "{full} ({email}) demande si le contrat de location de la {car} peut être transféré à {first:1}.",
        "La carte {card} a été débitée deux fois : {hon} {last} demande l'annulation du second paiement de {amount}.",
        "{first} est à {wtown} jusqu'à vendredi et préfère qu'on appelle le {mobile} plutôt que le fixe.",
        "Il semble que {first} et {first:1} aient tous deux acheté le {product} le {date}, mais un seul bon"
        " « {phrase} » a été envoyé.",
    ),
    "es": (
        "{first} dejó las llaves en recepción el martes y dice que el lavavajillas {appliance} del piso vuelve a"
        " perder agua.",
        "El reembolso de {amount} del pedido {order} tiene que ir a {full}, IBAN {iban}, no a la cuenta que usábamos"
        " {year_pp}.",
        "Tras la mudanza, {full} vive en {street}, {pc} {town}; el correo se reenvía hasta el {date}.",
        "No pudimos entregar el paquete {order} porque no había nadie en {addr}. A {first} se le puede llamar al"
        " {mobile} a partir de las seis.",
        "Por la {storm} el técnico no llegó a {town}, así que {first} cambió la cita con nuestra oficina de {office}.",
        "{full} ({email}) pregunta si el renting del {car} se puede poner a nombre de {first:1}.",
        "Se ha cobrado dos veces en la tarjeta {card}; {hon} {last} pide que se anule el segundo cargo de {amount}.",
        "{first} está en {wtown} hasta el viernes y prefiere que le llamemos al {mobile} y no al fijo.",
        "Parece que {first} y {first:1} compraron el {product} el {date}, pero solo llegó un cupón de «{phrase}».",
    ),
    "it": (
        "{first} ha lasciato le chiavi alla reception martedì e dice che la lavastoviglie {appliance}"
        " dell'appartamento perde di nuovo.",
        "Il rimborso di {amount} per l'ordine {order} va a {full}, IBAN {iban}, e non sul conto che usavamo {year_pp}.",
        "Dopo il trasloco {full} abita in {street}, {pc} {town}; la posta viene inoltrata fino al {date}.",
        "Il pacco {order} non è stato consegnato perché in {addr} non rispondeva nessuno. {first} risponde al"
        " {mobile} dopo le sei.",
        "Per colpa del {storm} il tecnico non è arrivato a {town}: {first} ha spostato l'appuntamento con la nostra"
        " sede di {office}.",
        "{full} ({email}) chiede se il noleggio della {car} può passare a {first:1}.",
        "Sulla carta {card} l'addebito risulta due volte; {hon} {last} chiede lo storno del secondo, {amount}.",
        "{first} è a {wtown} fino a venerdì e chiede di chiamare il {mobile} invece del fisso.",
        "Sembra che {first} e {first:1} abbiano comprato entrambi il {product} il {date}, ma è arrivato un solo"
        " buono «{phrase}».",
    ),
    "nl": (
        "{first} heeft dinsdag de sleutels bij de receptie afgegeven en zegt dat de {appliance}-vaatwasser in het"
        " appartement weer lekt.",
        "De terugbetaling van {amount} voor bestelling {order} gaat naar {full}, IBAN {iban}, niet naar de rekening"
        " die we {year_pp} gebruikten.",
        "Sinds de verhuizing woont {full} op {street}, {pc} {town}; post voor het oude adres wordt tot {date}"
        " doorgestuurd.",
        "Pakket {order} kon niet worden bezorgd, er was niemand thuis op {addr}. {first} is na zessen bereikbaar"
        " op {mobile}.",
        "Door {storm} kwam de monteur niet in {town}; {first} heeft de afspraak via ons kantoor in {office} verzet.",
        "{full} ({email}) vraagt of het leasecontract van de {car} op naam van {first:1} kan.",
        "Kaart {card} is twee keer belast; {hon} {last} wil de tweede afschrijving van {amount} teruggeboekt zien.",
        "{first} zit tot vrijdag in {wtown} en wordt liever gebeld op {mobile} dan op de vaste lijn.",
        "Blijkbaar hebben {first} en {first:1} allebei de {product} gekocht op {date}, maar er kwam maar één"
        " tegoedbon van “{phrase}”.",
    ),
}

PROSE_FREE: dict[str, tuple[str, ...]] = {
    "en": (
        "Our {office} office closes at {time} on {date} for the {phrase}; the {saas} workspace stays up.",
        "Deliveries {in_country} were held up by {storm}; order {order} is now due on {date}.",
        "The {car} dealership switched to {saas} in {year} and renewed for {amount} a year.",
        "The bank rejected IBAN {badiban}: the check digits do not match. Version {version} now flags this on entry.",
        "Ticket {ticket}: the {fashion} scarf arrived in the wrong colour, and the return label costs {amount}.",
    ),
    "de": (
        "Unser Büro in {office} schließt am {date} um {time} wegen „{phrase}“; der {saas}-Workspace bleibt erreichbar.",
        "Lieferungen {in_country} haben sich durch {storm} verzögert, Bestellung {order} kommt jetzt am {date}.",
        "Das {car}-Autohaus arbeitet seit {year} mit {saas} und hat für {amount} im Jahr verlängert.",
        "Die Bank hat die IBAN {badiban} abgelehnt, die Prüfziffer passt nicht. Version {version} prüft das jetzt.",
        "Ticket {ticket}: Der {fashion}-Schal kam in der falschen Farbe, das Rücksendeetikett kostet {amount}.",
    ),
    "fr": (
        "Notre agence de {office} ferme à {time} le {date} (« {phrase} ») ; l'espace {saas} reste accessible.",
        "Les livraisons {in_country} ont été retardées par la {storm} ; la commande {order} est prévue le {date}.",
        "La concession {car} est passée à {saas} en {year} et a renouvelé pour {amount} par an.",
        "La banque a refusé l'IBAN {badiban} : la clé de contrôle ne correspond pas. La version {version} le signale.",
        "Ticket {ticket} : le foulard {fashion} est arrivé dans la mauvaise couleur ; l'étiquette retour coûte"
        " {amount}.",
    ),
    "es": (
        "Nuestra oficina de {office} cierra a las {time} el {date} por «{phrase}»; el espacio de {saas} sigue activo.",
        "Los envíos {in_country} se retrasaron por la {storm}; el pedido {order} llega ahora el {date}.",
        "El concesionario {car} se pasó a {saas} en {year} y renovó por {amount} al año.",
        "El banco rechazó el IBAN {badiban}: los dígitos de control no cuadran. La versión {version} ya lo avisa.",
        "Incidencia {ticket}: el pañuelo de {fashion} llegó en otro color y la etiqueta de devolución cuesta {amount}.",
    ),
    "it": (
        "La nostra sede di {office} chiude alle {time} del {date} per «{phrase}»; lo spazio {saas} resta attivo.",
        "Le consegne {in_country} sono in ritardo per il {storm}; l'ordine {order} ora è previsto per il {date}.",
        "La concessionaria {car} è passata a {saas} nel {year} e ha rinnovato per {amount} l'anno.",
        "La banca ha rifiutato l'IBAN {badiban}: il codice di controllo non torna. La versione {version} lo segnala.",
        "Ticket {ticket}: la sciarpa {fashion} è arrivata del colore sbagliato e l'etichetta di reso costa {amount}.",
    ),
    "nl": (
        "Ons kantoor in {office} sluit op {date} om {time} vanwege “{phrase}”; de {saas}-omgeving blijft bereikbaar.",
        "Leveringen {in_country} liepen vertraging op door {storm}; bestelling {order} komt nu op {date}.",
        "De {car}-dealer is in {year} overgestapt op {saas} en heeft verlengd voor {amount} per jaar.",
        "De bank weigerde IBAN {badiban}: het controlegetal klopt niet. Versie {version} waarschuwt daar nu voor.",
        "Ticket {ticket}: de sjaal van {fashion} kwam in de verkeerde kleur, het retourlabel kost {amount}.",
    ),
}
