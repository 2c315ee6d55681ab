"""PII-free templates, per language and style: hard negatives only."""

from __future__ import annotations

_FREE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "handover": (
            "Handover {weekday} late shift: rollout of {product} {version} finished at {time}, no alarms. Ticket "
            "{ticket} still open, waiting on the {city} data centre.",
            "Shift notes {date}: {qty} pallets for order {order} are staged at dock 4. Invoice {invoice} ({price}) "
            "goes out on {weekday}.",
            "Night shift: build {sha} failed twice on the {team} pipeline, rolled back to {version}. Our {city} office "
            "takes over at {time}.",
            "Early to late: {product} stock is low ({qty} units left), reorder placed as {order}. Next delivery "
            "expected in {month}.",
        ),
        "courier": (
            "Your parcel {tracking} is on its way and should arrive on {weekday} between {time} and {time2}. "
            "Reference {order}.",
            "Delivery update: shipment {tracking} left our {city} hub at {time} and is due on {date}.",
            "We could not deliver parcel {tracking} today. It will be kept at the depot until {date}. Order {order}, "
            "{qty} items.",
            "Collection confirmed for {date}, {time}-{time2}. Please have the {qty} boxes for order {order} ready. "
            "Charge: {price}.",
        ),
        "crm": (
            "Account {company}: renewal of {product} for {price} per year agreed, contract starts {date}. Quote "
            "{invoice}.",
            "Meeting in our {city} office on {weekday}: team {team} presented {product} {version}. Follow-up in "
            "{month}.",
            "Deal {order} moved to negotiation, {qty} seats of {product} at {price}. Decision after the {month} board "
            "meeting.",
            "Churn risk at {company}: usage of {product} dropped since {date}. Offer a discount on invoice {invoice}.",
        ),
        "chat": (
            "anyone else seeing {hex} errors on {version}? started around {time}",
            "lol the coffee machine in the {city} office is broken again",
            "merged {sha} into main, {product} {version} goes out {weekday}",
            "order {order} shipped, total {price}, finally",
            "who's on call in {month}? the {team} rota is empty",
            "can we make the {product} banner {color} instead of {color2}",
        ),
        "signature": (
            "Kind regards,\nThe {team} team\n{company}\nOffice hours: {mon}-{fri} {time}-{time2}\nCompany no. {regno}",
            "Best,\n{product} Support\n{company} | {city} office\nRelease notes for {version}: see ticket {ticket}",
            "Thanks,\nAccounts Payable\n{company}\nPlease quote invoice {invoice} with every payment.",
        ),
    },
    "de": {
        "handover": (
            "Übergabe Spätschicht {weekday}: Rollout von {product} {version} um {time} abgeschlossen, keine Alarme. "
            "Ticket {ticket} noch offen, wir warten auf das Rechenzentrum {city}.",
            "Schichtnotiz {date}: {qty} Paletten für Auftrag {order} stehen an Rampe 4. Rechnung {invoice} über "
            "{price} geht am {weekday} raus.",
            "Nachtschicht: Build {sha} ist in der {team}-Pipeline zweimal fehlgeschlagen, zurück auf {version}. Unser "
            "{cityadj} Büro übernimmt ab {time}.",
            "Frühschicht an Spätschicht: Bestand {product} niedrig ({qty} Stück), Nachbestellung {order} ausgelöst. "
            "Nächste Lieferung im {month}.",
        ),
        "courier": (
            "Ihre Sendung {tracking} ist unterwegs und kommt voraussichtlich am {weekday} zwischen {time} und {time2}. "
            "Referenz {order}.",
            "Sendungsstatus: {tracking} hat das Paketzentrum {city} um {time} verlassen, Zustellung am {date}.",
            "Die Sendung {tracking} konnte heute nicht zugestellt werden und liegt bis {date} in der Filiale. Auftrag "
            "{order}, {qty} Packstücke.",
            "Abholung bestätigt für den {date}, {time}-{time2}. Bitte {qty} Kartons zu Auftrag {order} bereitstellen. "
            "Kosten: {price}.",
        ),
        "crm": (
            "Account {company}: Verlängerung {product} für {price} pro Jahr vereinbart, Vertragsbeginn {date}. Angebot "
            "{invoice}.",
            "Termin am {weekday} im Büro {city}: Team {team} hat {product} {version} vorgestellt. Nachfassen im "
            "{month}.",
            "Deal {order} in Verhandlung, {qty} Lizenzen {product} zu je {price}. Entscheidung nach der "
            "Vorstandssitzung im {month}.",
            "Abwanderungsrisiko bei {company}: Nutzung von {product} seit {date} rückläufig. Rabatt auf Rechnung "
            "{invoice} anbieten.",
            "Unser {cityadj} Büro bleibt am {weekday} geschlossen, Angebote für {company} laufen über Team {team}.",
        ),
        "chat": (
            "sieht noch jemand {hex} fehler auf {version}? seit ca {time}",
            "die kaffeemaschine im büro {city} ist schon wieder kaputt",
            "hab {sha} nach main gemergt, {product} {version} geht am {weekday} raus",
            "auftrag {order} ist raus, summe {price}, endlich",
            "wer hat im {month} rufbereitschaft? plan vom team {team} ist leer",
            "können wir den {product} banner in {color} statt {color2} machen",
        ),
        "signature": (
            "Mit freundlichen Grüßen\nIhr Team {team}\n{company}\nGeschäftszeiten: {mon}-{fri} {time}-{time2}\n"
            "HRB {regno}",
            "Viele Grüße\nDas {product}-Team\n{company} | Standort {city}\nRelease-Notes {version}: siehe Ticket "
            "{ticket}",
            "Freundliche Grüße\nBuchhaltung\n{company}\nBitte bei Zahlung immer die Rechnungsnummer {invoice} angeben.",
        ),
    },
    "fr": {
        "handover": (
            "Passation {weekday} soir : déploiement de {product} {version} terminé à {time}, aucune alerte. Ticket "
            "{ticket} toujours ouvert, on attend le datacenter de {city}.",
            "Consignes du {date} : {qty} palettes pour la commande {order} sont au quai 4. La facture {invoice} "
            "({price}) part {weekday}.",
            "Équipe de nuit : le build {sha} a échoué deux fois sur la chaîne {team}, retour à la {version}. Le bureau "
            "de {city} prend le relais à {time}.",
            "Relève : stock de {product} bas ({qty} unités), réassort lancé sous {order}. Prochaine livraison en "
            "{month}.",
        ),
        "courier": (
            "Votre colis {tracking} est en route et devrait arriver {weekday} entre {time} et {time2}. Référence "
            "{order}.",
            "Suivi : l'envoi {tracking} a quitté notre plateforme de {city} à {time}, livraison prévue le {date}.",
            "Le colis {tracking} n'a pas pu être livré aujourd'hui. Il reste disponible en agence jusqu'au {date}. "
            "Commande {order}, {qty} articles.",
            "Enlèvement confirmé le {date}, {time}-{time2}. Merci de préparer les {qty} cartons de la commande "
            "{order}. Montant : {price}.",
        ),
        "crm": (
            "Compte {company} : renouvellement de {product} pour {price} par an, début du contrat le {date}. Devis "
            "{invoice}.",
            "Réunion au bureau de {city} {weekday} : l'équipe {team} a présenté {product} {version}. Relance en "
            "{month}.",
            "Affaire {order} en négociation, {qty} licences {product} à {price}. Décision après le comité de {month}.",
            "Risque de churn chez {company} : l'usage de {product} baisse depuis le {date}. Proposer une remise sur la "
            "facture {invoice}.",
        ),
        "chat": (
            "qqn d'autre a des erreurs {hex} sur la {version} ? depuis {time} environ",
            "la machine à café du bureau de {city} est encore en panne",
            "j'ai mergé {sha} sur main, {product} {version} sort {weekday}",
            "commande {order} expédiée, total {price}, enfin",
            "qui est d'astreinte en {month} ? le planning {team} est vide",
            "on peut passer la bannière {product} en {color} au lieu de {color2} ?",
        ),
        "signature": (
            "Cordialement,\nL'équipe {team}\n{company}\nHoraires : du {mon} au {fri}, {time}-{time2}\nSIRET {regno}",
            "Bien à vous,\nService client {product}\n{company} - agence de {city}\nNotes de version {version} : ticket "
            "{ticket}",
            "Cordialement,\nService comptabilité\n{company}\nMerci de rappeler la facture {invoice} lors du règlement.",
        ),
    },
    "es": {
        "handover": (
            "Relevo {weekday} tarde: despliegue de {product} {version} terminado a las {time}, sin alertas. El ticket "
            "{ticket} sigue abierto, esperamos al centro de datos de {city}.",
            "Notas del turno {date}: {qty} palés del pedido {order} están en el muelle 4. La factura {invoice} "
            "({price}) sale el {weekday}.",
            "Turno de noche: el build {sha} falló dos veces en el pipeline de {team}, volvimos a la {version}. La "
            "oficina de {city} toma el relevo a las {time}.",
            "Cambio de turno: queda poco stock de {product} ({qty} unidades), pedido de reposición {order}. Próxima "
            "entrega en {month}.",
        ),
        "courier": (
            "Su envío {tracking} está en camino y llegará el {weekday} entre las {time} y las {time2}. Referencia "
            "{order}.",
            "Actualización: el envío {tracking} salió de nuestro centro de {city} a las {time}, entrega prevista el "
            "{date}.",
            "No hemos podido entregar el envío {tracking} hoy. Se guardará en la oficina hasta el {date}. Pedido "
            "{order}, {qty} bultos.",
            "Recogida confirmada el {date}, de {time} a {time2}. Tenga preparadas las {qty} cajas del pedido {order}. "
            "Importe: {price}.",
        ),
        "crm": (
            "Cuenta {company}: renovación de {product} por {price} al año, el contrato empieza el {date}. Presupuesto "
            "{invoice}.",
            "Reunión en la oficina de {city} el {weekday}: el equipo {team} presentó {product} {version}. Seguimiento "
            "en {month}.",
            "Oportunidad {order} en negociación, {qty} licencias de {product} a {price}. Decisión tras el comité de "
            "{month}.",
            "Riesgo de baja en {company}: el uso de {product} cae desde el {date}. Ofrecer descuento en la factura "
            "{invoice}.",
        ),
        "chat": (
            "a alguien más le salen errores {hex} en la {version}? desde las {time} más o menos",
            "la cafetera de la oficina de {city} se ha vuelto a romper",
            "he mergeado {sha} en main, {product} {version} sale el {weekday}",
            "pedido {order} enviado, total {price}, por fin",
            "quién está de guardia en {month}? el cuadrante de {team} está vacío",
            "podemos poner el banner de {product} en {color} en vez de {color2}?",
        ),
        "signature": (
            "Saludos cordiales,\nEquipo {team}\n{company}\nHorario: de {mon} a {fri}, {time}-{time2}\nCIF B{regno}",
            "Un saludo,\nAtención al cliente {product}\n{company} - oficina de {city}\nNotas de la versión {version}: "
            "ticket {ticket}",
            "Atentamente,\nAdministración\n{company}\nIndique la factura {invoice} en cada pago.",
        ),
    },
    "it": {
        "handover": (
            "Consegne {weekday} sera: rilascio di {product} {version} completato alle {time}, nessun allarme. Il "
            "ticket {ticket} è ancora aperto, aspettiamo il data center di {city}.",
            "Note turno {date}: {qty} bancali per l'ordine {order} sono alla baia 4. La fattura {invoice} ({price}) "
            "parte {weekday}.",
            "Turno di notte: la build {sha} è fallita due volte sulla pipeline {team}, rollback alla {version}. La "
            "sede di {city} subentra alle {time}.",
            "Passaggio di turno: scorte di {product} basse ({qty} pezzi), riordino {order} inserito. Prossima "
            "consegna in {month}.",
        ),
        "courier": (
            "La spedizione {tracking} è in viaggio e arriverà {weekday} tra le {time} e le {time2}. Riferimento "
            "{order}.",
            "Aggiornamento: la spedizione {tracking} è partita dal nostro hub di {city} alle {time}, consegna prevista "
            "il {date}.",
            "Non è stato possibile consegnare la spedizione {tracking} oggi. Resterà in giacenza fino al {date}. "
            "Ordine {order}, {qty} colli.",
            "Ritiro confermato per il {date}, dalle {time} alle {time2}. Preparare i {qty} cartoni dell'ordine "
            "{order}. Importo: {price}.",
        ),
        "crm": (
            "Cliente {company}: rinnovo di {product} a {price} l'anno, il contratto parte il {date}. Preventivo "
            "{invoice}.",
            "Riunione nella sede di {city} {weekday}: il team {team} ha presentato {product} {version}. Ricontattare "
            "in {month}.",
            "Trattativa {order} in corso, {qty} licenze {product} a {price}. Decisione dopo il consiglio di {month}.",
            "Rischio abbandono per {company}: l'uso di {product} cala dal {date}. Proporre uno sconto sulla fattura "
            "{invoice}.",
        ),
        "chat": (
            "qualcun altro vede errori {hex} sulla {version}? da tipo le {time}",
            "la macchinetta del caffè della sede di {city} è di nuovo rotta",
            "ho mergiato {sha} su main, {product} {version} esce {weekday}",
            "ordine {order} spedito, totale {price}, finalmente",
            "chi è reperibile in {month}? il turno del team {team} è vuoto",
            "possiamo fare il banner di {product} {color} invece di {color2}?",
        ),
        "signature": (
            "Cordiali saluti,\nTeam {team}\n{company}\nOrari: dal {mon} al {fri}, {time}-{time2}\nP.IVA {regno}",
            "Un saluto,\nAssistenza clienti {product}\n{company} - sede di {city}\nNote di rilascio {version}: ticket "
            "{ticket}",
            "Distinti saluti,\nAmministrazione\n{company}\nIndicare la fattura {invoice} in ogni pagamento.",
        ),
    },
    "nl": {
        "handover": (
            "Overdracht {weekday} late dienst: uitrol van {product} {version} klaar om {time}, geen alarmen. Ticket "
            "{ticket} staat nog open, we wachten op het datacenter in {city}.",
            "Dienstnotitie {date}: {qty} pallets voor bestelling {order} staan bij dock 4. Factuur {invoice} ({price}) "
            "gaat {weekday} de deur uit.",
            "Nachtdienst: build {sha} is twee keer mislukt in de {team}-pipeline, terug naar {version}. Het kantoor in "
            "{city} neemt het om {time} over.",
            "Overdracht: voorraad {product} laag ({qty} stuks), nabestelling {order} geplaatst. Volgende levering in "
            "{month}.",
        ),
        "courier": (
            "Je pakket {tracking} is onderweg en komt naar verwachting op {weekday} tussen {time} en {time2}. "
            "Referentie {order}.",
            "Update: zending {tracking} heeft ons sorteercentrum in {city} om {time} verlaten, bezorging op {date}.",
            "Zending {tracking} kon vandaag niet worden bezorgd en ligt tot {date} bij het afhaalpunt. Bestelling "
            "{order}, {qty} colli.",
            "Ophaling bevestigd op {date}, {time}-{time2}. Graag de {qty} dozen van bestelling {order} klaarzetten. "
            "Kosten: {price}.",
        ),
        "crm": (
            "Account {company}: verlenging van {product} voor {price} per jaar afgesproken, contract start {date}. "
            "Offerte {invoice}.",
            "Overleg op ons kantoor in {city} op {weekday}: team {team} presenteerde {product} {version}. Opvolgen in "
            "{month}.",
            "Deal {order} in onderhandeling, {qty} licenties {product} à {price}. Besluit na de directievergadering in "
            "{month}.",
            "Opzegrisico bij {company}: gebruik van {product} daalt sinds {date}. Korting aanbieden op factuur "
            "{invoice}.",
        ),
        "chat": (
            "ziet iemand anders ook {hex} fouten op {version}? sinds {time} ongeveer",
            "de koffieautomaat op kantoor {city} is weer stuk",
            "{sha} gemerged naar main, {product} {version} gaat {weekday} live",
            "bestelling {order} verstuurd, totaal {price}, eindelijk",
            "wie heeft er dienst in {month}? rooster van {team} is leeg",
            "kunnen we de {product} banner {color} maken ipv {color2}",
        ),
        "signature": (
            "Met vriendelijke groet,\nTeam {team}\n{company}\nOpeningstijden: {mon} t/m {fri}, {time}-{time2}\n"
            "KvK {regno}",
            "Groet,\nKlantenservice {product}\n{company} - vestiging {city}\nRelease notes {version}: zie ticket "
            "{ticket}",
            "Met vriendelijke groet,\nCrediteurenadministratie\n{company}\nVermeld bij betaling altijd factuur "
            "{invoice}.",
        ),
    },
}
