"""Templates with personal data, per language and style (handover, courier, crm, chat)."""

from __future__ import annotations

_PII: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "handover": (
            "Handover {weekday} night shift: {tname} called twice about order {order} and wants a callback on {phone} "
            "before {time}. {first2} has the notes.",
            "Shift notes {date}: the parcel for {name} came back to the depot, address on file is {addr}. Please check "
            "with the customer, this was requested by {name2}.",
            "Late to early shift: {first} from {company} says invoice {invoice} is wrong. Email {email} or ring "
            "{phone}. Escalation raised by {tname2}.",
            "{Name} came by reception at {time} about the {price} refund; card {card} was charged twice. Follow up "
            "tomorrow please, {first2}",
            "Quiet night, one complaint from {tfull} ({email}) about {product}. Ticket {ticket} is with {name2}.",
            "Handover: new bank details received for {name}, IBAN {iban}. Update before the {month} payment run, our "
            "{city} office has the signed form.",
        ),
        "courier": (
            "Your parcel {tracking} will be delivered to {name}, {addr} on {weekday} between {time} and {time2}. "
            "Questions? Call the driver on {phone}.",
            "Delivery attempt failed at {street} today. {Tname}, please rebook online or collect from the depot. "
            "Ref {order}.",
            "Driver note: if {first} is not home leave it with the neighbour at {street}. Contact number {phone}.",
            "Collection booked for {date}: 2 boxes from {addr}, contact {name} ({phone}).",
            "Hi {first}, your {product} order {order} is out for delivery to {street}, {pcity}. Reply STOP to opt out.",
            "Return received for order {order}. The refund of {price} goes to IBAN {iban}, account holder {name}.",
        ),
        "crm": (
            "Call with {tname} on {date}: interested in upgrading to {product}, budget around {price}. Send the offer "
            "to {email}.",
            "{name} moved to {addr}. Billing updated, new IBAN {iban}; contract {invoice} unchanged.",
            "Spoke to {first} at {company}. Prefers calls after {time} on {phone}. Decision expected in {month}.",
            "Complaint logged: card {card} charged {price} twice for order {order}. Refund approved by {name2}.",
            "Lead from the {city} trade fair: {tfull}, {jobtitle} at {company}, {email}, {phone}.",
            "Account owner changed to {name}; old contact {tname2} left the company in {month}.",
        ),
        "chat": (
            "hey can someone call {first} back on {phone} about the {product} thing",
            "{name} just emailed from {email} again lol",
            "anyone know if {tname} got the parcel at {street}? tracking says delivered",
            "pls send the invoice to {email} not the old one thx {first2}",
            "customer {name} wants the refund on card {card} asap",
            "ok so {first} lives at {addr} now, update crm",
            "new iban for {first} is {iban} can someone update it",
            "{first2} is off {weekday}, ask {name} instead ({phone})",
        ),
    },
    "de": {
        "handover": (
            "Übergabe Spätschicht {date}: {Tname} hat wegen Auftrag {order} zweimal angerufen und bittet um Rückruf "
            "unter {phone}. Notizen liegen bei {first2}.",
            "Schichtübergabe: Das Paket für {name} ging zurück ins Depot. Hinterlegte Adresse: {addr}. Bitte klären, "
            "angefragt von {name2}.",
            "Frühschicht an Spätschicht: {first} von {company} meldet, dass Rechnung {invoice} falsch ist. Kontakt per "
            "Mail an {email} oder telefonisch unter {phone}.",
            "{Name} war um {time} am Empfang wegen der Erstattung von {price}. Die Karte {card} wurde doppelt "
            "belastet. Bitte morgen nachfassen, {first2}",
            "Nachtschicht ruhig, nur eine Beschwerde von {tfull} ({email}) zu {product}. Ticket {ticket} liegt bei "
            "{tnameD2}.",
            "Neue Bankverbindung von {name} eingegangen: IBAN {iban}. Bitte vor dem Zahllauf im {month} einpflegen, "
            "das Formular liegt im {cityadj} Büro.",
        ),
        "courier": (
            "Ihre Sendung {tracking} wird am {weekday} zwischen {time} und {time2} an {name}, {addr} zugestellt. "
            "Rückfragen an den Fahrer unter {phone}.",
            "Zustellversuch an der Adresse {street} war heute erfolglos. {Tname}, bitte holen Sie das Paket in der "
            "Filiale ab. Ref. {order}",
            "Fahrerhinweis: Falls {first} nicht zu Hause ist, bitte beim Nachbarn abgeben ({street}). Telefon {phone}.",
            "Abholung gebucht für den {date}: 2 Kartons bei {name}, {addr}, erreichbar unter {phone}.",
            "Hallo {first}, deine Bestellung {order} ({product}) ist unterwegs an {street}, {pcity}.",
            "Retoure zu Auftrag {order} eingegangen. Die Erstattung über {price} geht an IBAN {iban}, Kontoinhaber "
            "{name}.",
        ),
        "crm": (
            "Telefonat mit {tnameD} am {date}: Interesse an {product}, Budget ca. {price}. Angebot bitte an {email} "
            "schicken.",
            "Neue Anschrift für {name}: {addr}. Außerdem neue IBAN {iban}, Vertrag {invoice} bleibt unverändert.",
            "Mit {first} von {company} gesprochen. Bevorzugt Anrufe nach {time} unter {phone}. Entscheidung "
            "voraussichtlich im {month}.",
            "Reklamation: Karte {card} wurde für Bestellung {order} zweimal mit {price} belastet. Erstattung "
            "freigegeben von {name2}.",
            "Lead von der Messe in {city}: {tfull}, {jobtitle} bei {company}, {email}, {phone}.",
            "Ansprechpartner gewechselt: jetzt {name}, {tname2} hat das Unternehmen im {month} verlassen.",
        ),
        "chat": (
            "kann jemand {first} unter {phone} zurückrufen wegen {product}",
            "{name} hat schon wieder von {email} geschrieben",
            "weiß wer ob das paket für {tnameD} angekommen ist? adresse {street}, tracking sagt zugestellt",
            "rechnung bitte an {email} nicht an die alte adresse danke {first2}",
            "{name} will die erstattung auf karte {card} asap",
            "ok {first} wohnt jetzt {addr} bitte im crm ändern",
            "neue iban von {first}: {iban} bitte eintragen",
            "{first2} ist am {weekday} nicht da, frag {name} ({phone})",
        ),
    },
    "fr": {
        "handover": (
            "Passation équipe de nuit du {date} : {tname} a appelé deux fois pour la commande {order}, merci de "
            "rappeler au {phone} avant {time}. Notes chez {first2}.",
            "Consignes : le colis de {name} est revenu au dépôt. Adresse enregistrée : {addr}. À vérifier, demande "
            "faite par {name2}.",
            "Relève du matin : {first} de chez {company} signale une erreur sur la facture {invoice}. Le joindre par "
            "mail à {email} ou au {phone}.",
            "{Name} est passé(e) à l'accueil à {time} pour le remboursement de {price}. La carte {card} a été débitée "
            "deux fois. Relance demain, {first2}",
            "Nuit calme, une seule réclamation de {tfull} ({email}) au sujet de {product}. Ticket {ticket} attribué à "
            "{tname2}.",
            "Nouvelles coordonnées bancaires reçues pour {name} : IBAN {iban}. À saisir avant le virement de {month}, "
            "l'original est au bureau de {city}.",
        ),
        "courier": (
            "Votre colis {tracking} sera livré {weekday} entre {time} et {time2} à {name}, {addr}. Une question ? "
            "Appelez le livreur au {phone}.",
            "Échec de livraison à l'adresse {street} aujourd'hui. {Tname}, merci de reprogrammer la livraison ou de "
            "retirer le colis en point relais. Réf. {order}",
            "Note livreur : si {first} est absent(e), déposer chez le voisin ({street}). Téléphone : {phone}.",
            "Enlèvement prévu le {date} : 2 cartons chez {name}, {addr}, tél. {phone}.",
            "Bonjour {first}, votre commande {order} ({product}) est en cours de livraison à l'adresse {street}, "
            "{pcity}.",
            "Retour reçu pour la commande {order}. Le remboursement de {price} sera versé sur l'IBAN {iban}, titulaire "
            "{name}.",
        ),
        "crm": (
            "Appel avec {tname} le {date} : intéressé(e) par {product}, budget d'environ {price}. Envoyer l'offre à "
            "{email}.",
            "Changement d'adresse pour {name} : {addr}. Nouvel IBAN {iban}, contrat {invoice} inchangé.",
            "Échange avec {first} ({company}). Préfère être rappelé(e) après {time} au {phone}. Décision attendue en "
            "{month}.",
            "Réclamation : carte {card} débitée deux fois de {price} pour la commande {order}. Remboursement validé "
            "par {name2}.",
            "Contact du salon de {city} : {tfull}, {jobtitle} chez {company}, {email}, {phone}.",
            "Nouvel interlocuteur : {name}. {Tname2} a quitté la société en {month}.",
        ),
        "chat": (
            "qqn peut rappeler {first} au {phone} pour le souci {product}",
            "{name} a encore écrit depuis {email} mdr",
            "quelqu'un sait si {tname} a reçu le colis ? adresse {street}, le suivi dit livré",
            "envoyez la facture à {email} svp pas à l'ancienne adresse merci {first2}",
            "{name} veut le remboursement sur la carte {card} au plus vite",
            "ok donc {first} habite {addr} maintenant, à mettre à jour dans le crm",
            "nouvel iban de {first} : {iban} qqn peut le saisir",
            "{first2} est off {weekday}, demandez à {name} ({phone})",
        ),
    },
    "es": {
        "handover": (
            "Relevo turno de noche {date}: {tname} llamó dos veces por el pedido {order}; pide que le devolvamos la "
            "llamada al {phone} antes de las {time}. Las notas las tiene {first2}.",
            "Cambio de turno: el paquete de {name} volvió al almacén. Dirección registrada: {addr}. Hay que "
            "confirmarlo, lo pidió {name2}.",
            "Turno de mañana: {first}, de {company}, dice que la factura {invoice} está mal. Contactar en {email} o al "
            "{phone}.",
            "{Name} pasó por recepción a las {time} por el reembolso de {price}. La tarjeta {card} se cobró dos veces. "
            "Seguimiento mañana, {first2}",
            "Noche tranquila, solo una queja de {name} ({email}) sobre {product}. Ticket {ticket} asignado a {name2}.",
            "Nuevos datos bancarios de {name}: IBAN {iban}. Actualizar antes de la remesa de {month}; el original está "
            "en la oficina de {city}.",
        ),
        "courier": (
            "Su envío {tracking} se entregará el {weekday} entre las {time} y las {time2} a {name}, {addr}. ¿Dudas? "
            "Llame al repartidor al {phone}.",
            "Intento de entrega fallido hoy en {street}: {tname} no estaba en casa. Reprograme la entrega o recoja el "
            "paquete en la oficina. Ref. {order}",
            "Nota del repartidor: si {first} no está, dejar con el vecino ({street}). Teléfono {phone}.",
            "Recogida programada el {date}: 2 cajas en {addr}, contacto {name} ({phone}).",
            "Hola {first}, tu pedido {order} ({product}) está en reparto hacia {street}, {pcity}.",
            "Devolución recibida del pedido {order}. El reembolso de {price} se abonará en el IBAN {iban}, titular "
            "{name}.",
        ),
        "crm": (
            "Llamada el {date}: {tname} está interesado/a en {product}, presupuesto de unos {price}. Enviar la oferta "
            "a {email}.",
            "Cambio de domicilio de {name}: {addr}. Nuevo IBAN {iban}, el contrato {invoice} no cambia.",
            "Hablé con {first} ({company}). Prefiere llamadas después de las {time} al {phone}. Decisión prevista en "
            "{month}.",
            "Reclamación: la tarjeta {card} se cargó dos veces {price} por el pedido {order}. Reembolso aprobado por "
            "{name2}.",
            "Contacto de la feria de {city}: {name}, {jobtitle} en {company}, {email}, {phone}.",
            "Nuevo interlocutor: {name}. {Tname2} dejó la empresa en {month}.",
        ),
        "chat": (
            "alguien puede llamar a {first} al {phone} por lo de {product}",
            "{name} ha vuelto a escribir desde {email} jaja",
            "sabéis si le llegó el paquete a {first}? dirección {street}, el seguimiento dice entregado",
            "mandad la factura a {email} porfa no a la antigua gracias {first2}",
            "{name} quiere el reembolso en la tarjeta {card} ya",
            "ok {first} vive ahora en {addr} actualizad el crm",
            "el iban nuevo de {first} es {iban} alguien lo actualiza?",
            "{first2} no está el {weekday}, preguntad a {name} ({phone})",
        ),
    },
    "it": {
        "handover": (
            "Consegne turno di notte {date}: {tname} ha chiamato due volte per l'ordine {order}, chiede di essere "
            "richiamato/a al {phone} entro le {time}. Le note le ha {first2}.",
            "Passaggio di turno: il pacco di {name} è tornato in magazzino. Indirizzo registrato: {addr}. Da "
            "verificare, richiesta fatta da {name2}.",
            "Turno del mattino: {first} di {company} segnala un errore nella fattura {invoice}. Contattare via mail a "
            "{email} o al {phone}.",
            "{Name} è passato/a alla reception alle {time} per il rimborso di {price}. La carta {card} è stata "
            "addebitata due volte. Da risentire domani, {first2}",
            "Notte tranquilla, solo un reclamo di {name} ({email}) su {product}. Ticket {ticket} assegnato a {name2}.",
            "Nuove coordinate bancarie per {name}: IBAN {iban}. Aggiornare prima del pagamento di {month}, l'originale "
            "è nella sede di {city}.",
        ),
        "courier": (
            "La spedizione {tracking} sarà consegnata {weekday} tra le {time} e le {time2} a {name}, {addr}. Domande? "
            "Chiami il corriere al {phone}.",
            "Tentativo di consegna non riuscito oggi in {street}: {tname} non era in casa. Riprogrammi la consegna o "
            "ritiri il pacco in filiale. Rif. {order}",
            "Nota del corriere: se {first} non c'è, lasciare al vicino ({street}). Telefono {phone}.",
            "Ritiro prenotato per il {date}: 2 scatole presso {name}, {addr}, tel. {phone}.",
            "Ciao {first}, il tuo ordine {order} ({product}) è in consegna a {street}, {pcity}.",
            "Reso ricevuto per l'ordine {order}. Il rimborso di {price} sarà accreditato sull'IBAN {iban}, intestato a "
            "{name}.",
        ),
        "crm": (
            "Telefonata del {date}: {tname} è interessato/a a {product}, budget di circa {price}. Inviare l'offerta a "
            "{email}.",
            "Cambio indirizzo per {name}: {addr}. Nuovo IBAN {iban}, il contratto {invoice} resta invariato.",
            "Sentito {first} di {company}. Preferisce essere chiamato/a dopo le {time} al {phone}. Decisione attesa in "
            "{month}.",
            "Reclamo: carta {card} addebitata due volte per {price} sull'ordine {order}. Rimborso approvato da "
            "{name2}.",
            "Contatto dalla fiera di {city}: {name}, {jobtitle} presso {company}, {email}, {phone}.",
            "Nuovo referente: {name}. {Tname2} ha lasciato l'azienda in {month}.",
        ),
        "chat": (
            "qualcuno può richiamare {first} al {phone} per la questione {product}",
            "{name} ha riscritto da {email} di nuovo ahah",
            "sapete se {first} ha ricevuto il pacco? indirizzo {street}, il tracking dice consegnato",
            "mandate la fattura a {email} non al vecchio indirizzo grazie {first2}",
            "{name} vuole il rimborso sulla carta {card} subito",
            "ok {first} adesso abita in {addr} aggiornate il crm",
            "nuovo iban di {first}: {iban} qualcuno lo aggiorna?",
            "{first2} {weekday} non c'è, chiedete a {name} ({phone})",
        ),
    },
    "nl": {
        "handover": (
            "Overdracht nachtdienst {date}: {tname} heeft twee keer gebeld over bestelling {order} en wil teruggebeld "
            "worden op {phone} vóór {time}. Notities liggen bij {first2}.",
            "Dienstoverdracht: pakket voor {name} is terug naar het depot. Bekend adres: {addr}. Graag nagaan, "
            "aangevraagd door {name2}.",
            "Vroege dienst: {first} van {company} meldt dat factuur {invoice} niet klopt. Mailen naar {email} of "
            "bellen op {phone}.",
            "{Name} stond om {time} aan de balie voor de terugbetaling van {price}. Kaart {card} is twee keer belast. "
            "Morgen opvolgen, {first2}",
            "Rustige nacht, alleen een klacht van {tfull} ({email}) over {product}. Ticket {ticket} ligt bij {tname2}.",
            "Nieuwe bankgegevens ontvangen van {name}: IBAN {iban}. Graag verwerken vóór de betaalrun van {month}, het "
            "origineel ligt op het kantoor in {city}.",
        ),
        "courier": (
            "Je pakket {tracking} wordt op {weekday} tussen {time} en {time2} bezorgd bij {name}, {addr}. Vragen? Bel "
            "de bezorger op {phone}.",
            "Bezorgpoging op {street} vandaag mislukt. {Tname}, plan een nieuwe bezorging in of haal het pakket op bij "
            "het afhaalpunt. Ref. {order}",
            "Notitie bezorger: als {first} niet thuis is, afgeven bij de buren ({street}). Telefoon {phone}.",
            "Ophaalafspraak op {date}: 2 dozen bij {name}, {addr}, tel. {phone}.",
            "Hoi {first}, je bestelling {order} ({product}) is onderweg naar {street}, {pcity}.",
            "Retour ontvangen voor bestelling {order}. De terugbetaling van {price} gaat naar IBAN {iban} t.n.v. "
            "{name}.",
        ),
        "crm": (
            "Gesprek met {tname} op {date}: interesse in {product}, budget ongeveer {price}. Offerte sturen naar "
            "{email}.",
            "Adreswijziging voor {name}: {addr}. Nieuw IBAN {iban}, contract {invoice} blijft gelijk.",
            "Gesproken met {first} van {company}. Liever gebeld na {time} op {phone}. Besluit verwacht in {month}.",
            "Klacht: kaart {card} is twee keer belast met {price} voor bestelling {order}. Terugbetaling goedgekeurd "
            "door {name2}.",
            "Lead van de beurs in {city}: {tfull}, {jobtitle} bij {company}, {email}, {phone}.",
            "Nieuwe contactpersoon: {name}. {Tname2} is in {month} uit dienst gegaan.",
        ),
        "chat": (
            "kan iemand {first} terugbellen op {phone} over dat {product} gedoe",
            "{name} mailt alweer vanaf {email} haha",
            "weet iemand of {tname} het pakket heeft gekregen? adres {street}, track en trace zegt bezorgd",
            "stuur de factuur naar {email} aub niet naar het oude adres dank {first2}",
            "{name} wil de terugbetaling op kaart {card} zsm",
            "ok {first} woont nu op {addr} even aanpassen in het crm",
            "nieuw iban van {first} is {iban} kan iemand dat aanpassen",
            "{first2} is er {weekday} niet, vraag het aan {name} ({phone})",
        ),
    },
}
