"""Chat messages and speech-to-text transcripts, written separately in each language.

Chats use @handles and first names only; the generator lower-cases some of them whole. Transcripts carry no
punctuation and are lower-cased whole; the renderer speaks their numbers (digit by digit, or as words).
"""

from __future__ import annotations

CHAT_PII: dict[str, tuple[str, ...]] = {
    "en": (
        "{handle:1}: anyone seen the ticket from {first}? wants the refund on {iban}\n{handle:2}: yep on it",
        "[{time}] {first:1}: {first} just rang from {wtown}, new mobile is {mobile}\n[{time}] {first:2}: thx,"
        " updated in {saas}",
        "{handle}: hi! my new address is {addr}, can you change it before the {fashion} order ships?",
        "{first:1}: can you add {full} to the {saas} channel? email is {email}\n{first:2}: done, invited {first:3} too",
        "{handle:1}: customer says card {card} got declined twice\n{handle:1}: name on the card: {full}",
        "{first:1}: is {first} in today?\n{first:2}: nope, {first} is working from {wtown} all week",
    ),
    "de": (
        "{handle:1}: hat jemand das Ticket von {first} gesehen? will die Erstattung auf {iban}\n{handle:2}: ja, mach"
        " ich",
        "[{time}] {first:1}: {first} hat grad aus {wtown} angerufen, neue Handynummer {mobile}\n[{time}]"
        " {first:2}: danke, in {saas} geändert",
        "{handle}: hallo! meine neue Adresse ist {addr}, könnt ihr die noch ändern bevor die {fashion}-Bestellung"
        " rausgeht?",
        "{first:1}: kannst du {full} in den {saas}-Kanal holen? Mail: {email}\n{first:2}: erledigt, {first:3} hab"
        " ich auch eingeladen",
        "{handle:1}: Kundin sagt, Karte {card} wurde zweimal abgelehnt\n{handle:1}: Name auf der Karte: {full}",
        "{first:1}: ist {first} heute da?\n{first:2}: nee, {first} sitzt die ganze Woche in {wtown}",
    ),
    "fr": (
        "{handle:1}: quelqu'un a vu le ticket de {first} ? veut le remboursement sur {iban}\n{handle:2}: ok je"
        " m'en occupe",
        "[{time}] {first:1}: {first} vient d'appeler de {wtown}, nouveau portable {mobile}\n[{time}] {first:2}:"
        " merci, c'est à jour dans {saas}",
        "{handle}: bonjour ! ma nouvelle adresse c'est {addr}, vous pouvez la changer avant l'envoi de la commande"
        " {fashion} ?",
        "{first:1}: tu peux ajouter {full} au canal {saas} ? son mail : {email}\n{first:2}: fait, j'ai invité"
        " {first:3} aussi",
        "{handle:1}: la cliente dit que la carte {card} a été refusée deux fois\n{handle:1}: nom sur la carte : {full}",
        "{first:1}: {first} est là aujourd'hui ?\n{first:2}: non, {first} télétravaille depuis {wtown} toute la"
        " semaine",
    ),
    "es": (
        "{handle:1}: ¿alguien ha visto el ticket de {first}? quiere el reembolso en {iban}\n{handle:2}: sí, me encargo",
        "[{time}] {first:1}: acaba de llamar {first} desde {wtown}, móvil nuevo {mobile}\n[{time}] {first:2}:"
        " gracias, cambiado en {saas}",
        "{handle}: ¡hola! mi dirección nueva es {addr}, ¿la podéis cambiar antes de que salga el pedido de {fashion}?",
        "{first:1}: ¿puedes meter a {full} en el canal de {saas}? correo: {email}\n{first:2}: hecho, he invitado"
        " también a {first:3}",
        "{handle:1}: la clienta dice que la tarjeta {card} la han rechazado dos veces\n{handle:1}: titular: {full}",
        "{first:1}: ¿{first} viene hoy?\n{first:2}: no, {first} trabaja desde {wtown} toda la semana",
    ),
    "it": (
        "{handle:1}: qualcuno ha visto il ticket di {first}? vuole il rimborso su {iban}\n{handle:2}: sì ci penso io",
        "[{time}] {first:1}: ha appena chiamato {first} da {wtown}, nuovo cellulare {mobile}\n[{time}] {first:2}:"
        " grazie, aggiornato su {saas}",
        "{handle}: ciao! il mio nuovo indirizzo è {addr}, riuscite a cambiarlo prima che parta l'ordine {fashion}?",
        "{first:1}: puoi aggiungere {full} al canale {saas}? mail: {email}\n{first:2}: fatto, ho invitato anche"
        " {first:3}",
        "{handle:1}: la cliente dice che la carta {card} è stata rifiutata due volte\n{handle:1}: intestatario: {full}",
        "{first:1}: {first} oggi c'è?\n{first:2}: no, {first} lavora da {wtown} tutta la settimana",
    ),
    "nl": (
        "{handle:1}: iemand het ticket van {first} gezien? wil de terugbetaling op {iban}\n{handle:2}: ja, pak ik op",
        "[{time}] {first:1}: {first} belde net vanuit {wtown}, nieuw mobiel nummer {mobile}\n[{time}] {first:2}:"
        " thx, aangepast in {saas}",
        "{handle}: hoi! mijn nieuwe adres is {addr}, kunnen jullie dat nog wijzigen voor de {fashion}-bestelling"
        " verstuurd wordt?",
        "{first:1}: kun je {full} aan het {saas}-kanaal toevoegen? mail: {email}\n{first:2}: gedaan, {first:3} ook"
        " uitgenodigd",
        "{handle:1}: klant zegt dat kaart {card} twee keer is geweigerd\n{handle:1}: naam op de kaart: {full}",
        "{first:1}: is {first} er vandaag?\n{first:2}: nee, {first} werkt de hele week vanuit {wtown}",
    ),
}

CHAT_FREE: dict[str, tuple[str, ...]] = {
    "en": (
        "[{time}] deploy-bot: {version} is live\n[{time}] ops: thx, {storm} knocked the power out at our {office}"
        " office btw",
        "anyone know why {saas} is down? order {order} has been stuck since {time}",
        "reminder: the {phrase} moved to {date}, budget is {amount}",
    ),
    "de": (
        "[{time}] deploy-bot: {version} ist live\n[{time}] ops: danke, {storm} hat übrigens im Büro {office} den"
        " Strom gekappt",
        "weiß jemand, warum {saas} hängt? Bestellung {order} steckt seit {time} fest",
        "Erinnerung: „{phrase}“ ist auf den {date} verschoben, Budget {amount}",
    ),
    "fr": (
        "[{time}] deploy-bot: {version} est en prod\n[{time}] ops: merci, la {storm} a coupé le courant à l'agence"
        " de {office} au fait",
        "quelqu'un sait pourquoi {saas} plante ? la commande {order} est bloquée depuis {time}",
        "rappel : « {phrase} » est décalé au {date}, budget {amount}",
    ),
    "es": (
        "[{time}] deploy-bot: {version} en producción\n[{time}] ops: gracias, por cierto la {storm} dejó sin luz la"
        " oficina de {office}",
        "¿alguien sabe por qué {saas} no va? el pedido {order} está atascado desde las {time}",
        "recordatorio: «{phrase}» pasa al {date}, presupuesto {amount}",
    ),
    "it": (
        "[{time}] deploy-bot: {version} è in produzione\n[{time}] ops: grazie, il {storm} ha lasciato al buio la sede"
        " di {office} comunque",
        "qualcuno sa perché {saas} non va? l'ordine {order} è bloccato dalle {time}",
        "promemoria: «{phrase}» spostato al {date}, budget {amount}",
    ),
    "nl": (
        "[{time}] deploy-bot: {version} staat live\n[{time}] ops: thx, {storm} heeft trouwens de stroom in ons"
        " kantoor in {office} platgelegd",
        "weet iemand waarom {saas} plat ligt? bestelling {order} hangt al sinds {time}",
        "reminder: “{phrase}” is verplaatst naar {date}, budget {amount}",
    ),
}

TRANSCRIPT_PII: dict[str, tuple[str, ...]] = {
    "en": (
        "agent thanks for calling how can i help caller hi yes my name is {full} i've moved to {street} in {town}"
        " and the postcode is {pc}",
        "caller the best number is {mobile} and if i'm out you can try {first:1} on {phone:1}",
        "caller can you pay it back into {iban} it's in my name {full} agent one moment please",
        "agent can i take the first line of the address caller {street} agent and the town caller {town} {pc}",
    ),
    "de": (
        "agent guten tag was kann ich für sie tun anrufer ja hallo {full} hier ich wohne jetzt in der {street} in"
        " {town} postleitzahl {pc}",
        "anrufer am besten erreichen sie mich unter {mobile} und sonst {first:1} unter {phone:1}",
        "anrufer überweisen sie das bitte auf {iban} das konto läuft auf {full} agent einen moment bitte",
        "agent die straße bitte anrufer {street} agent und der ort anrufer {pc} {town}",
    ),
    "fr": (
        "agent bonjour que puis-je faire pour vous appelant oui bonjour c'est {full} j'habite maintenant {street} à"
        " {town} code postal {pc}",
        "appelant le mieux c'est le {mobile} et sinon vous pouvez appeler {first:1} au {phone:1}",
        "appelant vous pouvez rembourser sur {iban} le compte est au nom de {full} agent un instant",
        "agent votre adresse s'il vous plaît appelant {street} agent et la ville appelant {pc} {town}",
    ),
    "es": (
        "agente buenos días en qué le puedo ayudar cliente hola soy {full} me he mudado a {street} en {town} el"
        " código postal es el {pc}",
        "cliente mejor al {mobile} y si no me localizan pueden llamar a {first:1} al {phone:1}",
        "cliente me lo podéis devolver a {iban} la cuenta está a nombre de {full} agente un momento",
        "agente me dice la dirección cliente {street} agente y la población cliente {town} {pc}",
    ),
    "it": (
        "operatore buongiorno come posso aiutarla cliente sì buongiorno sono {full} adesso abito in {street} a"
        " {town} il cap è {pc}",
        "cliente il numero migliore è {mobile} altrimenti potete chiamare {first:1} al {phone:1}",
        "cliente potete fare il rimborso su {iban} il conto è intestato a {full} operatore un attimo",
        "operatore mi dà l'indirizzo cliente {street} operatore e il comune cliente {pc} {town}",
    ),
    "nl": (
        "medewerker goedemiddag waarmee kan ik u helpen beller ja hallo met {full} ik woon nu op {street} in {town}"
        " postcode {pc}",
        "beller het beste bereikt u mij op {mobile} en anders {first:1} op {phone:1}",
        "beller kunt u het terugstorten op {iban} de rekening staat op naam van {full} medewerker momentje",
        "medewerker wat is het adres beller {street} medewerker en de woonplaats beller {pc} {town}",
    ),
}

TRANSCRIPT_FREE: dict[str, tuple[str, ...]] = {
    "en": (
        "agent thanks for holding order {order} ships on {date} caller great thanks",
        "caller i was on the {saas} call about the {phrase} and the line dropped because of {storm}",
    ),
    "de": (
        "agent danke fürs warten bestellung {order} geht am {date} raus anrufer super danke",
        "anrufer ich war im {saas} call wegen {phrase} und dann ist wegen {storm} die leitung weg",
    ),
    "fr": (
        "agent merci de votre patience la commande {order} part le {date} appelant parfait merci",
        "appelant j'étais sur l'appel {saas} pour {phrase} et la ligne a coupé à cause de la {storm}",
    ),
    "es": (
        "agente gracias por esperar el pedido {order} sale el {date} cliente perfecto gracias",
        "cliente estaba en la llamada de {saas} por lo de {phrase} y se cortó por la {storm}",
    ),
    "it": (
        "operatore grazie dell'attesa l'ordine {order} parte il {date} cliente perfetto grazie",
        "cliente ero nella call su {saas} per {phrase} e la linea è caduta per il {storm}",
    ),
    "nl": (
        "medewerker bedankt voor het wachten bestelling {order} gaat op {date} de deur uit beller top bedankt",
        "beller ik zat in de {saas}-call over {phrase} en door {storm} viel de verbinding weg",
    ),
}
